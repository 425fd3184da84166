"""Web pages and web articles copied to Word: breadcrumbs, a headline with its metadata lines
(发布时间/来源/作者/访问量, a date line "2024-12-06 17:27:07 来源：…"), page furniture (buttons,
image placeholders, disclaimers, site menus and footers); one article, or several in a CMS dump.

A page that carries a 公文 (a notice with its 文号 and 主送 line under a 公文's title) is one
article: the 文号 is the issue and the notice's own title under the page headline is not body;
from the 主送 line on, official.py's readers (`read_tail`, `read_body`) read the notice as on
paper — the 附件 list, signature, date and colophon are not body, forms attached are appendices,
a plan the notice issues continues its body. The page's own date and publisher win over the
notice's.
"""

from __future__ import annotations

import re

from healthdigest.model import Article
from healthdigest.structure import lines as L
from healthdigest.structure import patterns as P
from healthdigest.structure.layouts import Layout
from healthdigest.structure.layouts import official as O
from healthdigest.structure.layouts.plain import split_single
from healthdigest.structure.reader import Reader, iso_date, place, read_webmeta
from healthdigest.textutil import fold

# The fields of an article's own metadata line that no 政府信息公开 table holds.
ARTICLE_FIELDS = frozenset(("来源", "作者", "发布人", "发布者", "浏览次数", "点击数", "阅读数", "阅读量", "阅读", "访问量", "浏览量"))
NEAR = 4  # blocks: a headline's metadata stands right under it (an account name may stand between)
SHORT = 20  # characters: a crumb, an account name, a menu entry
HEAD_SPAN = 10  # blocks under a headline in which a 公文's 主送 line is looked for


def evidence(tagged: list[L.Tagged]) -> float:
    """A page's furniture: breadcrumbs, metadata lines, buttons, disclaimers, a closing site menu."""
    signals = sum(1 for t in tagged if _web_signal(t.kind, t.text, t.data))
    # A page prints its publication date over the headline; a 公文 prints its date under the
    # signature and a newsletter after its masthead title.
    dated_above = len(tagged) >= 2 and tagged[0].kind == L.DATE and L.is_title_like(tagged[1].text, max_len=80)
    # A CMS export prints each post as its title, a bare date line, then the text.
    dated_posts = sum(
        1
        for a, d, x in zip(tagged, tagged[1:], tagged[2:], strict=False)
        if a.kind == L.TEXT and d.kind == L.DATE and x.kind == L.TEXT
        and L.is_title_like(a.text, max_len=60) and not L.is_title_like(x.text, max_len=60)
    )
    if signals or dated_above or dated_posts >= 2 or any(t.data == L.SITE_MENU for t in tagged):
        return 1.5
    return 0.0


def _web_signal(kind: str, text: str, data: tuple) -> bool:
    if kind in (L.CRUMB, L.WEBMETA):
        return True
    if kind == L.LIST_ITEM:
        text = data[0]
    elif kind != L.TEXT:
        return False
    return bool(P.WEB_DATELINE.match(text) or P.WEB_BUTTON.match(text) or P.DISCLAIMER.match(text))


def _furniture(b: L.Block) -> str | None:
    """Why a block is page furniture rather than text, or None."""
    if b.kind == L.CRUMB:
        return "site navigation"
    if b.kind == L.NAV and b.data == L.SITE_MENU:
        return "site menu"
    if b.kind in (L.NAV, L.EDITOR, L.FOOTER):
        return b.kind
    text = b.data[0] if b.kind == L.LIST_ITEM else b.text
    if b.kind in (L.TEXT, L.LIST_ITEM) and P.WEB_BUTTON.match(text):
        return "page furniture (button)"
    if b.kind in (L.TEXT, L.LIST_ITEM) and P.IMAGE_PLACEHOLDER.match(text):
        return "image placeholder"
    if b.kind == L.TEXT and P.RULE.match(text):
        return "separator rule"
    if b.kind == L.TEXT and P.DISCLAIMER.match(text):
        return "site disclaimer"
    if b.kind == L.TEXT and P.PAGE_CREDITS.match(text):
        return "page credits"
    return None


def _is_meta(b: L.Block) -> bool:
    return b.kind in (L.WEBMETA, L.SOURCE) or (
        b.kind == L.TEXT
        and bool(P.WEB_DATELINE.match(b.text) or P.DOC_NUMBER.fullmatch(b.text) or P.PUBLISHER_DATELINE.match(b.text))
    )


def split(r: Reader, start: int) -> None:
    """Web text: one article, or several, each opened by a headline with its metadata under it."""
    blocks = r.blocks
    for i, b in r.unplaced(start):
        if reason := _furniture(b):
            r.drop(i, reason)
    for i, b in r.unplaced(start):
        # 发布日期：… | 来源：… | 作者：… is the article's own line, though 发布日期 is a table's field too.
        own_line = b.kind == L.WEBMETA and not {k for k, _ in P.WEB_FIELD.findall(b.text)}.isdisjoint(ARTICLE_FIELDS)
        if P.GOV_INFO_FIELD.match(b.text) and not own_line:
            _read_gov_info(r, i)
    titles = _titles(r, start) or _headline_without_metadata(r, start)
    if not titles:
        split_single(r, start)
        return
    _drop_site_header(r, start, titles)
    if len(titles) > 1:
        _drop_repeated(r, start, keep=set(titles))
    bounds = titles[1:] + [len(blocks)]
    for t, end in zip(titles, bounds, strict=True):
        _read_article(r, t, end)
    arts = r.bulletin.articles
    if len(arts) == 1 and r.bulletin.metadata.title is None:
        r.bulletin.metadata.title = arts[0].title


def _headline_without_metadata(r: Reader, start: int) -> list[int]:
    """No metadata under any line: the headline is the first title-like line over running
    text (crumbs a line each stand over more short lines)."""
    candidates = [
        i
        for i, b in r.unplaced(start)
        if b.kind == L.TEXT and L.is_title_like(b.text, max_len=60) and not P.PRINTED_IN.match(b.text)
    ]
    first = next(
        (i for i in candidates if (nxt := r.following(i)) is not None and _is_body_text(nxt)),
        candidates[0] if candidates else None,
    )
    return [] if first is None else [first]


def _drop_site_header(r: Reader, start: int, titles: list[int]) -> None:
    """Site header lines before the first headline: breadcrumbs (one line ending with the
    headline, or one crumb a line), the headline printed twice, the page's date."""
    blocks = r.blocks
    head = blocks[titles[0]].text
    for i, b in r.unplaced(start):
        if i >= titles[0]:
            break
        if b.text == head:
            r.drop(i, "repeated title")
        elif b.kind == L.TEXT and b.text.startswith(head):
            r.drop(i, "page title (the headline with the site's name)")
        elif b.kind == L.TEXT and (len(b.text) <= SHORT or P.MENU_LINE.match(b.text)):
            r.drop(i, "site navigation")
        elif b.kind in (L.TEXT, L.LIST_ITEM) and P.DATED_LINK.match(b.data[0] if b.kind == L.LIST_ITEM else b.text):
            r.drop(i, "site navigation")  # the column's list of stories beside the one shown
        elif _is_meta(b) or b.kind == L.DATE:
            _read_meta(r, i, None)
    # A breadcrumb on one line ends with the headline it leads to (首页 栏目 … 标题).
    heads = [blocks[t].text for t in titles]
    for i, b in r.unplaced(start):
        if (
            b.kind == L.TEXT
            and i not in titles
            and L.is_title_like(b.text, max_len=120)
            and any(b.text.endswith(h) and len(b.text) > len(h) for h in heads)
        ):
            r.drop(i, "site navigation")


def _titles(r: Reader, start: int) -> list[int]:
    """Headlines: title-like lines with a metadata line right under them. Of several over the
    same metadata (a crumb a line, an account name, the headline printed twice) the longest is
    the headline, the first of equals."""
    blocks = r.blocks
    by_meta: dict[int, int] = {}
    for i, b in r.unplaced(start):
        if (
            b.kind != L.TEXT
            or not L.is_title_like(b.text, max_len=80)
            or _is_meta(b)
            or P.APPENDIX.match(b.text)
            or P.SUBTITLE.match(b.text)  # ——副题 stands under the headline, it is not one
        ):
            continue
        between = []
        for j, c in r.unplaced(i + 1):
            if len(between) >= NEAR:
                break
            if _is_meta(c) or _post_date(r, j):
                # A 来源 line can also credit a chart or a quote inside a story: it marks a
                # headline only at the top of the page; later ones need a dated metadata line.
                if c.kind == L.SOURCE and by_meta:
                    break
                if all(len(x.text) <= SHORT or x.text == b.text or x.kind == L.DATE or P.SUBTITLE.match(x.text) for x in between):
                    k = by_meta.get(j)
                    old = blocks[k].text if k is not None else ""
                    # A breadcrumb ends with the headline it leads to and a page's <title> adds
                    # the site's name to it (标题_某某网): a line holding another is not the headline.
                    if k is None or (b.text in old and b.text != old) or (len(b.text) > len(old) and old not in b.text):
                        by_meta[j] = i
                break
            between.append(c)
    return sorted(set(by_meta.values()))


def _read_meta(r: Reader, i: int, article: Article | None) -> None:
    """A metadata line under a headline: web fields, a date line, a 来源 line or a 文号."""
    b = r.blocks[i]
    meta = r.bulletin.metadata
    if b.kind == L.WEBMETA:
        read_webmeta(r, i, article)
    elif b.kind == L.SOURCE:
        r.take(i, "source")
        if article is not None and article.source is None:
            article.source = P.EDITOR_TAIL.sub("", b.data[0]).strip() or None
    elif m := P.WEB_DATELINE.match(b.text):
        r.take(i, "metadata")
        meta.date = meta.date or iso_date(m.group("y"), m.group("m"), m.group("d"))
        for key, value in P.WEB_FIELD.findall(m.group("rest") or ""):
            if key == "来源" and article is not None and article.source is None and value.strip():
                article.source = value.strip()
    elif P.DOC_NUMBER.fullmatch(b.text):
        r.take(i, "metadata")
        meta.issue = meta.issue or b.text
    elif m := P.PUBLISHER_DATELINE.match(b.text):
        r.take(i, "metadata")  # the account (or office) that posted it, and when
        meta.date = meta.date or iso_date(m.group("y"), m.group("m"), m.group("d"))
    elif b.kind == L.DATE:
        r.take(i, "metadata")
        meta.date = meta.date or iso_date(*b.data)


def _read_gov_info(r: Reader, i: int) -> None:
    """A row of the 政府信息公开 table: name：value pairs, or | name | value | cells."""
    b = r.take(i, "metadata")
    meta = r.bulletin.metadata
    if b.kind == L.GRID:
        cells = [c.strip() for c in b.text.strip("|").split("|")]
        pairs = list(zip(cells[::2], cells[1::2], strict=False))
    else:
        pairs = P.GOV_INFO_PAIR.findall(b.text)
    if len(pairs) == 1 and not pairs[0][1].strip() and (j := _value_cell(r, i)) is not None:
        # A label in a cell of its own (索 引 号：) has its value in the next cell.
        pairs = [(pairs[0][0], r.take(j, "metadata").text)]
    for name, value in pairs:
        name, value = re.sub(r"\s+", "", name).rstrip(":："), value.strip()
        if not value:
            continue
        if name in ("文号", "发文字号"):
            meta.issue = meta.issue or value
        elif name in ("发布日期", "成文日期", "发文日期") and (d := P.ISO_DATE.search(value)):
            # The page's 发布日期 is its date; the document's 成文日期 only stands in for it.
            if name == "发布日期" or meta.date is None:
                meta.date = iso_date(*d.groups())
        elif name in ("发文机关", "发布机构") and value not in meta.publisher:
            meta.publisher.append(value)


def _value_cell(r: Reader, i: int) -> int | None:
    """The block after a label standing alone in the 政府信息公开 table that holds its value: a
    table cell, or a line with another label after it (never a headline after the table)."""
    j = next((k for k, _ in r.unplaced(i + 1)), None)
    if j is None or P.GOV_INFO_FIELD.match(r.blocks[j].text) or len(r.blocks[j].text) > GOV_INFO_VALUE_MAX:
        return None
    cell = r.blocks[j].hint is not None and r.blocks[j].hint.cell
    after = r.following(j)
    return j if cell or (after is not None and P.GOV_INFO_FIELD.match(after.text)) else None


GOV_INFO_VALUE_MAX = 100  # characters: a field's value (a title at most), not a paragraph


def _read_article(r: Reader, t: int, end: int) -> None:
    blocks = r.blocks
    article = r.open_article(t)
    idx = [i for i in range(t + 1, end) if i not in r.used]
    addressee = _notice_addressee(blocks, idx, article.title or "")
    menu = _trailing_menu(blocks, idx)
    closed = _closing_nav(r, t, end)
    in_head, related, attached = True, False, False
    notice_title = article.title or ""
    for i in idx:
        b = blocks[i]
        if i in r.used:
            continue
        if i in menu:
            r.drop(i, "site menu")
        elif related or P.RELATED_HEAD.match(b.text):
            related = True
            if _is_meta(b) and b.kind in (L.WEBMETA, L.SOURCE):
                _read_meta(r, i, article)
            else:
                r.drop(i, "related links")
        elif closed is not None and i > closed and not _is_meta(b):
            r.drop(i, "site footer")
        elif P.NEWS_END_MARK.fullmatch(b.text):
            r.drop(i, "end of story mark")
        elif m := P.PRINTED_IN.match(b.text):
            r.take(i, "source")  # a reposted story names the paper it was printed in
            article.source = article.source or m.group("paper")
        elif (_is_meta(b) and (in_head or b.kind in (L.WEBMETA, L.SOURCE))) or (in_head and _post_date(r, i)):
            _read_meta(r, i, article)
        elif addressee is not None and i >= addressee:
            continue  # the 公文's body and tail: read below by official.read_body
        elif b.kind == L.TEXT and fold(b.text) == fold(article.title or "") and not article.paragraphs:
            r.drop(i, "repeated title")
        elif addressee is not None:
            if O.is_title_end(b.text):
                notice_title = b.text
            r.drop(i, "the notice's own title under the page headline")
        elif in_head and not article.paragraphs and P.SUBTITLE.match(b.text) and L.is_title_like(b.text, max_len=80):
            r.drop(i, "引题/副题 of a headline group")
        elif in_head and len(b.text) <= SHORT and _meta_follows(r, i, end):
            r.drop(i, "page furniture (account or column name)")
        elif b.kind == L.TEXT and P.REPORTER.match(b.text) and len(b.text) <= 30:
            r.take(i, "byline")
            name = b.text.removesuffix("报道").strip()
            article.byline = f"{article.byline} {name}" if article.byline else name
        elif (
            article.paragraphs
            and b.kind in (L.TEXT, L.LIST_ITEM)
            and (attached or P.APPENDIX.match(b.text))
            and len(b.text) <= ATTACHMENT_LINK_MAX
            and not L.ends_terminal(b.text)
        ):
            # 附件：某某协议.pdf under a story: the files the page links, listed beside the text.
            attached = True
            r.take(i, "footnote")
            article.footnotes.append(b.text)
        else:
            in_head = attached = False
            place(r, i, article)
    if addressee is not None:
        _read_notice(r, article, addressee, end, notice_title=notice_title)


ATTACHMENT_LINK_MAX = 60  # characters: a file's name, not a paragraph


def _read_notice(r: Reader, article: Article, start: int, end: int, *, notice_title: str) -> None:
    """The 公文 a page carries, from its 主送 line, read as official.py reads one on paper. The
    page's own date and publisher win over the notice's signature and date."""
    meta = r.bulletin.metadata
    tail = O.read_tail(r.blocks, start, end)
    if tail.signature and not meta.publisher:
        meta.publisher.extend(
            P.SEAL.sub("", r.blocks[i].text).strip() for i in range(*tail.signature) if r.blocks[i].kind != L.PAGE
        )
    date = O.read_body(r, article, start, end, notice_title=notice_title)
    meta.date = meta.date or date


def _notice_addressee(blocks: list[L.Block], idx: list[int], headline: str) -> int | None:
    """The 主送 line of a 公文 the page carries (official.is_addressee), near the top: only under
    a 公文's title (the headline, or the notice's own title under it, ends with its genre) and
    before any running text — a line ending in a colon inside a story is no 主送."""
    titled = O.is_title_end(headline)
    for i in idx[:HEAD_SPAN]:
        b = blocks[i]
        if b.kind == L.TEXT and O.is_addressee(b.text):
            return i if titled else None
        if _is_body_text(b):
            return None
        titled = titled or (b.kind == L.TEXT and O.is_title_end(b.text))
    return None


def _closing_nav(r: Reader, t: int, end: int) -> int | None:
    """The first link that closes the article (上一篇, 打印本页, 关闭窗口) after some of its text:
    the lines after it (the site's address, its 主办/承办 names) are the site's footer."""
    body = False
    for i in range(t + 1, end):
        b = r.blocks[i]
        if body and b.kind == L.NAV and P.CLOSING_NAV.match(b.text):
            return i
        body = body or _is_body_text(b)
    return None


def _post_date(r: Reader, j: int) -> bool:
    """A bare date line over running text: the date of the post whose title stands above it
    (a 公文's date under its signature has no text after it)."""
    nxt = r.following(j)
    return r.blocks[j].kind == L.DATE and nxt is not None and _is_body_text(nxt)


def _is_body_text(b: L.Block) -> bool:
    return b.kind == L.TEXT and not L.is_title_like(b.text, max_len=60)


def _meta_follows(r: Reader, i: int, end: int) -> bool:
    """A metadata line stands under block i before any running text: i is page furniture."""
    for j, c in r.unplaced(i + 1):
        if j >= end or _is_body_text(c):
            return False
        if _is_meta(c):
            return True
    return False


def _trailing_menu(blocks: list[L.Block], idx: list[int]) -> set[int]:
    """Short entries after the last sentence of the page: a site menu or footer links."""
    menu: set[int] = set()
    for i in reversed(idx):
        b = blocks[i]
        text = b.data[0] if b.kind == L.LIST_ITEM else b.text
        if b.kind in (L.LIST_ITEM, L.TEXT) and len(text) <= SHORT and not any(c in text for c in "。；，：:"):
            menu.add(i)
        elif b.kind in (L.SOURCE, L.WEBMETA, L.FOOTER, L.NAV):
            continue
        else:
            break
    return menu if len(menu) >= 3 else set()


def _drop_repeated(r: Reader, start: int, *, keep: set[int]) -> None:
    """Lines a site prints under every article (footers, disclaimers)."""
    counts: dict[str, int] = {}
    for i in range(start, len(r.blocks)):
        if i not in r.used and r.blocks[i].kind == L.TEXT:
            counts[r.blocks[i].text] = counts.get(r.blocks[i].text, 0) + 1
    headlines = {r.blocks[k].text for k in keep}  # a headline printed twice is read with its article
    for i in range(start, len(r.blocks)):
        b = r.blocks[i]
        if (
            i not in r.used
            and i not in keep
            and b.kind == L.TEXT
            and counts[b.text] >= 2
            and len(b.text) <= 80
            and b.text not in headlines
        ):
            r.drop(i, "repeated site footer")


LAYOUT = Layout("web", evidence, split)

"""Reading a bulletin's structure: layout, metadata, 要点, 目录 and articles.

Works on the blocks of `lines.repair`. Every block ends up in exactly one place: the
metadata, the printed 要点, the contents, an article (title, source, byline, abstract, body,
footnotes) or `dropped` with a reason, so the split conserves the input.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from healthdigest import lines as L
from healthdigest.model import Article, Bulletin, ContentsEntry, Dropped, Paragraph
from healthdigest.textutil import fold

_SOURCE_TAIL = re.compile(r"[（(]([^（）()]{2,40})[）)]$")
_NOT_SOURCE = re.compile(r"^(?:\d|下称|简称|以下|含|包括|注|详见|见|第\s*\d)|[。，,；;]|年$|\d{4}")
_SOURCE_PREFIX = re.compile(r"^(?:文章|稿件|信息)?(?:来\s*源|出\s*处|转载自|转自)\s*[:：]\s*")
_PUBLISHER_SUFFIX = re.compile(r"\s*(?:编印|主办|编|印发|出品|编辑部)$")
_ARROW_SOURCE = re.compile(r"[（(]\s*来\s*源\s*[:：]\s*([^）)]+)[）)]")
_WEB_FIELD = re.compile(
    r"(作者|发布日期|发布时间|日期|时间|来源|发布人|发布者)\s*[:：]\s*(.*?)"
    r"(?=\s*(?:作者|发布日期|发布时间|日期|时间|来源|发布人|发布者|浏览次数|点击数|阅读数|字号)\s*[:：]|\s*】|$)"
)
_ISO_DATE = re.compile(r"(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})")
_ENUMERATED = re.compile(r"^(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[.、．])")

_CREDIT_LABELS = {"摄影报道", "图文报道", "摄影"}  # what a credit is, not who made it

TITLE_MATCH = 85  # rapidfuzz ratio (0-100) for a body line to be a 目录 title


@dataclass
class _Reader:
    """Shared state while one bulletin's blocks are placed."""

    blocks: list[L.Block]
    bulletin: Bulletin
    used: set[int] = field(default_factory=set)

    def drop(self, i: int, reason: str) -> None:
        b = self.blocks[i]
        self.used.add(i)
        for no in b.lines:
            self.bulletin.line_roles[no] = "dropped"
        for no, piece in zip(b.lines, b.parts, strict=True):
            self.bulletin.dropped.append(Dropped(no, piece, reason))

    def unplaced(self, start: int):
        """(index, block) of each block from `start` on that nothing has placed yet."""
        for i in range(start, len(self.blocks)):
            if i not in self.used:
                yield i, self.blocks[i]

    def open_article(self, i: int, **fields) -> Article:
        """A new article whose title is block i."""
        b = self.take(i, "title")
        article = Article(title=b.text, lines=(b.lines[0], b.lines[-1]), **fields)
        self.bulletin.articles.append(article)
        return article

    def take(self, i: int, role: str) -> L.Block:
        """Mark block i as placed; `role` says where its lines went (metadata, title, body…)."""
        self.used.add(i)
        for no in self.blocks[i].lines:
            self.bulletin.line_roles[no] = role
        return self.blocks[i]


def detect_layout(tagged: list[L.Tagged]) -> str:
    """newsletter, compilation, newspaper, web or plain, from what kinds of line a file has."""
    kinds = [t.kind for t in tagged]
    count = kinds.count
    ledes = sum(1 for t in tagged if t.kind == L.TEXT and L.LEDE.match(t.text))
    if count(L.TOC_DOTTED) >= 2 or (count(L.ISSUE) and (count(L.HIGHLIGHTS_HEAD) or count(L.CONTENTS_HEAD))):
        return "newsletter"
    if count(L.TOC_ARROW) >= 2 or count(L.PAGE) >= 2 or count(L.ABSTRACT) >= 2:
        return "compilation"
    if ledes or sum(1 for t in tagged if t.kind == L.BYLINE and t.text.startswith("□")) >= 2:
        return "newspaper"
    if count(L.CRUMB) or count(L.WEBMETA):
        return "web"
    if count(L.ISSUE):
        return "newsletter"
    return "plain"


def read_structure(text: str, *, path: str = "<stdin>", encoding: str = "UTF-8") -> Bulletin:
    """Split decoded bulletin text into metadata, 要点, contents and articles."""
    tagged = L.tag_lines(text)
    bulletin = Bulletin(path=path, encoding=encoding, layout=detect_layout(tagged))
    blocks, pages = L.repair(tagged, L.wrap_width(tagged))
    bulletin.dropped.extend(Dropped(t.no, t.text, "page marker") for t in pages)
    bulletin.line_roles.update((t.no, "dropped") for t in pages)
    reader = _Reader(blocks, bulletin)
    start = _read_header(reader)
    start = _read_highlights(reader, start)
    start, contents = _read_contents(reader, start)
    bulletin.contents = contents
    if contents:
        _split_by_contents(reader, start, contents)
    elif bulletin.layout == "newsletter":
        _split_by_titles(reader, start)
    elif bulletin.layout == "newspaper":
        _split_newspaper(reader, start)
    elif bulletin.layout == "web":
        _split_web(reader, start)
    else:
        _split_single(reader, start)
    for i in range(len(blocks)):
        if i not in reader.used:
            reader.drop(i, "not placed in any article")
    bulletin.dropped.sort(key=lambda d: d.line)
    for art in bulletin.articles:
        _finish_article(art)
    _warn_unfinished(bulletin)
    return bulletin


# --- header, 要点, contents -------------------------------------------------------------


def _read_header(r: _Reader) -> int:
    """Masthead, issue, publishers and date at the top; returns the first block after them."""
    meta, blocks = r.bulletin.metadata, r.blocks
    limit = min(len(blocks), 12)
    end = -1
    for i in range(limit):
        b = blocks[i]
        if b.kind in (L.HIGHLIGHTS_HEAD, L.CONTENTS_HEAD, L.SECTION, L.TOC_DOTTED, L.TOC_ARROW, L.BODY_START):
            break
        if b.kind in (L.ISSUE, L.DATE, L.PUBLISHER):
            end = i
        elif b.kind == L.TEXT and (len(b.text) > 40 or L.LEDE.match(b.text)):
            break
    if r.bulletin.layout == "newsletter" and end < 0:
        # A newsletter whose top has no issue or date: its masthead runs to the first structure.
        end = next((i for i in range(limit) if blocks[i].kind != L.TEXT), 0) - 1
    for i in range(end + 1):
        b = blocks[i]
        if b.kind == L.ISSUE:
            _year, number, total = b.data
            meta.issue, meta.number = b.text, int(number)
            meta.total_number = int(total) if total else None
        elif b.kind == L.DATE:
            meta.date = _iso(*b.data)
            if meta.date is None:
                r.bulletin.warnings.append(f"line {b.lines[0]}: {b.text}: not a calendar date; no date taken")
        elif b.kind == L.PUBLISHER:
            meta.publisher.append(b.data[0])
        elif b.kind == L.TEXT and meta.title is None:
            meta.title = b.text
        elif b.kind == L.TEXT:
            meta.publisher.append(_PUBLISHER_SUFFIX.sub("", b.text) or b.text)
        else:
            r.drop(i, f"{b.kind} in the masthead")
            continue
        r.take(i, "metadata")
    return end + 1


def _read_highlights(r: _Reader, start: int) -> int:
    """The printed 要点 block: a head, then one item a line."""
    i = _skip_used(r, start)
    if i >= len(r.blocks) or r.blocks[i].kind != L.HIGHLIGHTS_HEAD:
        return start
    r.take(i, "highlights")
    i += 1
    while i < len(r.blocks) and r.blocks[i].kind in (L.LIST_ITEM, L.TEXT) and len(r.blocks[i].text) <= 80:
        b = r.take(i, "highlights")
        r.bulletin.declared_highlights.append(b.data[0] if b.kind == L.LIST_ITEM else b.text)
        i += 1
    return i


def _read_contents(r: _Reader, start: int) -> tuple[int, list[ContentsEntry]]:
    """The 目录 / 本期视点 list: entries with section, page, source and 【提要】 abstract."""
    i = _skip_used(r, start)
    blocks = r.blocks
    if i >= len(blocks) or blocks[i].kind not in (L.CONTENTS_HEAD, L.TOC_DOTTED, L.TOC_ARROW):
        return start, []
    if blocks[i].kind == L.CONTENTS_HEAD:
        r.take(i, "contents")
        i += 1
    entries: list[ContentsEntry] = []
    section = None
    pending_sections: list[int] = []
    while i < len(blocks):
        b = blocks[i]
        if b.kind == L.SECTION:
            section = b.data[0]
            pending_sections.append(i)
        elif b.kind == L.TOC_DOTTED:
            entries.append(ContentsEntry(b.data[0], section, b.data[1], line=b.lines[0]))
            pending_sections = []
        elif b.kind == L.TOC_ARROW:
            entries.append(_arrow_entry(b, section))
            pending_sections = []
        elif b.kind == L.ABSTRACT and entries:
            entries[-1].abstract = _abstract_text(b)
            pending_sections = []
        elif b.kind == L.BODY_START:
            r.drop(i, "start of the body")
            i += 1
            break
        elif b.kind == L.TEXT and not entries:
            r.drop(i, "note to readers in the contents")
        else:
            break
        i += 1
    if not entries:
        return start, []
    # Section heads after the last entry open the body, they are not part of the contents.
    end = pending_sections[0] if pending_sections and pending_sections[-1] == i - 1 else i
    for j in range(start, end):
        if j not in r.used:
            r.take(j, "contents")
    return end, entries


def _abstract_text(b: L.Block) -> str:
    m = L._ABSTRACT.match(b.text)
    return (m.group(1) if m else b.text).strip()


def _arrow_entry(b: L.Block, section: str | None) -> ContentsEntry:
    text = L._TOC_ARROW.match(b.text).group(1)
    page = None
    if m := L._PAGE_REF.search(text):
        page = int(m.group(1))
        text = text[: m.start()].rstrip("-—– ")
    source = None
    if m := _ARROW_SOURCE.search(text):
        source = m.group(1).strip()
        text = (text[: m.start()] + text[m.end() :]).strip()
    return ContentsEntry(text.strip(), section, page, source, line=b.lines[0])


# --- splitting the body into articles -----------------------------------------------------


def _split_by_contents(r: _Reader, start: int, contents: list[ContentsEntry]) -> None:
    """Find each 目录 title in the body; an article runs from its title to the next one."""
    blocks = r.blocks
    wanted = [fold(e.title) for e in contents]
    found: dict[int, int] = {}  # block index -> contents entry
    next_entry = 0
    for i in range(start, len(blocks)):
        b = blocks[i]
        if b.kind not in (L.TEXT, L.LIST_ITEM) or len(b.text) > 90:
            continue
        k = _match_title(fold(b.text), wanted, found.values(), prefer=next_entry)
        if k is not None:
            found[i] = k
            next_entry = k + 1
    for k, entry in enumerate(contents):
        if k not in found.values():
            r.bulletin.warnings.append(f"contents entry not found in the body: {entry.title}")
    section = None
    current: Article | None = None
    for i, b in r.unplaced(start):
        if i not in found and current is not None and _opens_unlisted(blocks, i, current):
            current = r.open_article(i, section=section)
            r.bulletin.warnings.append(f"line {b.lines[0]}: article not listed in the contents: {b.text}")
            continue
        if i in found:
            entry = contents[found[i]]
            current = r.open_article(
                i, section=entry.section or section, source=entry.source, page=entry.page, abstract=entry.abstract
            )
            continue
        if b.kind == L.SECTION:
            section = b.data[0]
            r.take(i, "section")
            current = None
            continue
        _place(r, i, current)


def _ended_with_source(article: Article) -> bool:
    """The article's last paragraph closes with a （source）: the bulletin's end-of-article mark."""
    body = article.body_paragraphs
    return bool(body) and _source_tail(body[-1].text) is not None


def _opens_unlisted(blocks: list[L.Block], i: int, current: Article) -> bool:
    """A title the 目录 does not list: after an article's closing （source）, before its text."""
    b = blocks[i]
    if b.kind != L.TEXT or not L.is_title_like(b.text, max_len=40) or _ENUMERATED.match(b.text):
        return False
    following = blocks[i + 1] if i + 1 < len(blocks) else None
    return _ended_with_source(current) and following is not None and following.kind == L.TEXT and len(following.text) >= 50


def _split_by_titles(r: _Reader, start: int) -> None:
    """A newsletter without a 目录: a title stands between sections or after an article's
    closing （source）, and is followed by its text."""
    blocks = r.blocks
    section = None
    current: Article | None = None
    for i, b in r.unplaced(start):
        if b.kind == L.SECTION:
            section = b.data[0]
            r.take(i, "section")
            current = None
            continue
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        opens = (
            b.kind == L.TEXT
            and L.is_title_like(b.text, max_len=40)
            and not _ENUMERATED.match(b.text)
            and following is not None
            and following.kind == L.TEXT
            and len(following.text) >= 50
            and (current is None or not current.paragraphs or _ended_with_source(current))
        )
        if opens:
            current = r.open_article(i, section=section)
        elif current is None and b.kind == L.TEXT:
            current = Article(title=None, section=section, lines=(b.lines[0], b.lines[0]))
            r.bulletin.articles.append(current)
            _place(r, i, current)
        else:
            _place(r, i, current)


def _match_title(text: str, wanted: list[str], taken, *, prefer: int) -> int | None:
    if len(text) < 4:
        return None
    taken = set(taken)
    order = list(range(prefer, len(wanted))) + list(range(prefer))
    for k in order:
        if k in taken:
            continue
        w = wanted[k]
        if text == w or (abs(len(text) - len(w)) <= max(3, len(w) // 5) and fuzz.ratio(text, w) >= TITLE_MATCH):
            return k
    return None


def _split_newspaper(r: _Reader, start: int) -> None:
    """Newspaper page: titles open 本报讯 ledes or bylines; a heading over a title is a column."""
    blocks = r.blocks
    n = len(blocks)

    def opens_story(j: int) -> bool:
        if j >= n:
            return False
        b = blocks[j]
        if b.kind == L.BYLINE:
            return True
        if b.kind == L.TEXT and L.LEDE.match(b.text):
            return True
        # A photo story: a caption paragraph, then the credit lines.
        return b.kind == L.TEXT and len(b.text) >= 40 and j + 1 < n and blocks[j + 1].kind == L.BYLINE

    titles = {i for i in range(start, n) if blocks[i].kind == L.TEXT and L.is_title_like(blocks[i].text, max_len=40) and opens_story(i + 1)}
    columns = {i - 1 for i in titles if i - 1 >= start and i - 1 not in titles and blocks[i - 1].kind in (L.TEXT, L.SECTION)
               and L.is_title_like(blocks[i - 1].text, max_len=20) and _ends_story(blocks, i - 2, start)}
    section = None
    current: Article | None = None
    for i in range(start, n):
        if i in r.used:
            continue
        b = blocks[i]
        if i in columns or b.kind == L.SECTION:
            section = b.data[0] if b.kind == L.SECTION else b.text
            r.take(i, "section")
            current = None
        elif i in titles:
            current = r.open_article(i, section=section)
        elif b.kind == L.BYLINE and b.text.startswith("□") and current is not None and current.paragraphs:
            # A new feature story whose title the page extraction lost.
            current = Article(title=None, section=section, lines=(b.lines[0], b.lines[0]))
            r.bulletin.articles.append(current)
            _place(r, i, current)
        elif current is None and b.kind == L.TEXT and i > start:
            current = Article(title=None, section=section, lines=(b.lines[0], b.lines[0]))
            r.bulletin.articles.append(current)
            _place(r, i, current)
        else:
            _place(r, i, current)
    _adopt_orphan_titles(r.bulletin)
    _rejoin_continuations(r.bulletin)


def _rejoin_continuations(b: Bulletin) -> None:
    """A page extraction can put a story's tail inside another story. Move it back when the
    evidence is clear: the story stops mid-sentence; a later paragraph of another story goes
    on with that sentence (a dictionary word spans the junction: 简化老年|人就医 → 老年人); and
    the moved paragraphs name something from the story's title that the other story had not
    mentioned before them."""
    for target in b.articles:
        body = target.body_paragraphs
        if not body or L.ends_terminal(body[-1].text) or len(body[-1].text) <= 40 or not target.title:
            continue
        cut = body[-1]
        for host in b.articles:
            if host is target or len(host.paragraphs) < 2:
                continue
            j = next((j for j in range(1, len(host.paragraphs)) if _continues_across(cut.text, host.paragraphs[j].text)), None)
            if j is None or not _names_title_term(target.title, host.paragraphs[:j], host.paragraphs[j:], host.title):
                continue
            moved = host.paragraphs[j:]
            del host.paragraphs[j:]
            host.lines = (host.lines[0], max(no for p in host.paragraphs for no in p.lines))
            cut.text += moved[0].text
            cut.lines = cut.lines + moved[0].lines
            target.paragraphs.extend(moved[1:])
            lines = [no for p in moved for no in p.lines]
            b.warnings.append(
                f"lines {min(lines)}-{max(lines)} continue '{target.title}' (its text stopped mid-sentence at line "
                f"{cut.lines[0]}); moved there from '{host.title}'"
            )
            break


def _continues_across(end: str, start: str) -> bool:
    """Whether a word runs across the junction of two fragments (a cut mid-word)."""
    if not start or start[0] in "，。、；：！？,.;:!?（(“\"" or L.LEDE.match(start):
        return False
    from healthdigest.words import cut

    head, tail = end[-4:], start[:4]
    position = 0
    for word in cut(head + tail):
        if position < len(head) < position + len(word):
            return True
        position += len(word)
    return False


def _names_title_term(title: str, before: list[Paragraph], block: list[Paragraph], host_title: str | None) -> bool:
    """The block names a two-character term of the title that the host story had not used."""
    earlier = (host_title or "") + "".join(p.text for p in before)
    moved = "".join(p.text for p in block)
    from healthdigest.words import stopwords

    generic = stopwords()  # 服务, 开展…: every story has them, they prove nothing
    terms = {t for i in range(len(title) - 1) if L.has_cjk_pair(t := title[i : i + 2]) and t not in generic}
    return any(t in moved and t not in earlier for t in terms)


def _ends_story(blocks: list[L.Block], j: int, start: int) -> bool:
    return j < start or blocks[j].kind == L.BYLINE or L.ends_terminal(blocks[j].text)


def _adopt_orphan_titles(b: Bulletin) -> None:
    """A story without a title and a lone title-like last paragraph: the page put it there."""
    untitled = [a for a in b.articles if a.title is None]
    if not untitled or not b.articles:
        return
    last = b.articles[-1]
    if last.paragraphs and L.is_title_like(last.paragraphs[-1].text, max_len=40) and len(last.paragraphs) > 1:
        orphan = last.paragraphs.pop()
        target = untitled[0]
        target.title = orphan.text
        b.line_roles.update((no, "title") for no in orphan.lines)
        b.warnings.append(
            f"line {orphan.lines[0]}: title '{orphan.text}' stands after its story's body; "
            "taken as the title of the untitled story"
        )


def _split_web(r: _Reader, start: int) -> None:
    """Web text: one article, or several, each opened by a title with a metadata line near it."""
    blocks = r.blocks
    n = len(blocks)
    for i in range(start, n):
        if blocks[i].kind == L.CRUMB:
            r.drop(i, "site navigation")
        elif blocks[i].kind in (L.NAV, L.EDITOR, L.FOOTER):
            r.drop(i, blocks[i].kind)
    titles = []
    for i in range(start, n):
        if i in r.used or blocks[i].kind != L.TEXT or not L.is_title_like(blocks[i].text, max_len=60):
            continue
        near = [j for j in range(i + 1, min(n, i + 4)) if j not in r.used]
        if near and blocks[near[0]].kind == L.WEBMETA:
            titles.append(i)
    if not titles:
        _split_single(r, start)
        return
    # Site header lines before the first title are navigation (or the title printed twice).
    for i in range(start, titles[0]):
        if i in r.used:
            continue
        if blocks[i].text == blocks[titles[0]].text:
            r.drop(i, "repeated title")
        elif len(blocks[i].text) <= 20:
            r.drop(i, "site navigation")
    _drop_repeated(r, start, keep=set(titles))
    current = None
    seen_titles = set()
    for i in range(start, n):
        if i in r.used:
            continue
        b = blocks[i]
        if i in titles:
            if fold(b.text) in seen_titles and current is not None and current.title == b.text and not current.paragraphs:
                r.drop(i, "repeated title")
                continue
            seen_titles.add(fold(b.text))
            current = r.open_article(i)
        elif b.kind == L.TEXT and current is not None and b.text == current.title and not current.paragraphs:
            r.drop(i, "repeated title")
        elif b.kind == L.WEBMETA:
            _read_webmeta(r, i, current)
        else:
            _place(r, i, current)
    first = r.bulletin.articles[0] if r.bulletin.articles else None
    if len(r.bulletin.articles) == 1 and first and r.bulletin.metadata.title is None:
        r.bulletin.metadata.title = first.title


def _drop_repeated(r: _Reader, start: int, *, keep: set[int]) -> None:
    """Lines a site prints under every article (footers, disclaimers)."""
    counts: dict[str, int] = {}
    for i in range(start, len(r.blocks)):
        if i not in r.used and r.blocks[i].kind == L.TEXT:
            counts[r.blocks[i].text] = counts.get(r.blocks[i].text, 0) + 1
    for i in range(start, len(r.blocks)):
        b = r.blocks[i]
        if i not in r.used and i not in keep and b.kind == L.TEXT and counts[b.text] >= 2 and len(b.text) <= 80:
            r.drop(i, "repeated site footer")


def _read_webmeta(r: _Reader, i: int, article: Article | None) -> None:
    b = r.take(i, "metadata")
    meta = r.bulletin.metadata
    for key, value in _WEB_FIELD.findall(b.text):
        value = value.strip()
        if not value:
            continue
        if key in ("作者", "发布人", "发布者"):
            if article is not None and article.byline is None:
                article.byline = value
            meta.author = meta.author or value
        elif key in ("发布日期", "发布时间", "日期", "时间"):
            if (m := _ISO_DATE.search(value)) and meta.date is None:
                meta.date = _iso(*m.groups())
                if meta.date is None:
                    r.bulletin.warnings.append(f"line {b.lines[0]}: {m[0]}: not a calendar date; no date taken")
        elif key == "来源" and article is not None and article.source is None:
            article.source = value


def _split_single(r: _Reader, start: int) -> None:
    """One article: its title is the first short line, if the text opens with one."""
    article = Article(title=None)
    for i, b in r.unplaced(start):
        if b.kind == L.CRUMB:
            r.drop(i, "site navigation")
        elif article.title is None and not article.paragraphs and b.kind == L.TEXT and L.is_title_like(b.text, max_len=60):
            article.title = b.text
            article.lines = (b.lines[0], b.lines[-1])
            r.take(i, "title")
        elif b.kind == L.WEBMETA:
            _read_webmeta(r, i, article)
        else:
            _place(r, i, article)
    if article.title or article.paragraphs:
        r.bulletin.articles.append(article)
        if r.bulletin.metadata.title is None and r.bulletin.layout == "web":
            r.bulletin.metadata.title = article.title


def _place(r: _Reader, i: int, article: Article | None) -> None:
    """Put one body block into the current article, or drop it with the reason."""
    b = r.blocks[i]
    if article is None:
        if b.kind in (L.NAV, L.CRUMB, L.EDITOR, L.FOOTER):
            r.drop(i, b.kind)
        elif b.kind == L.SECTION:
            r.take(i, "section")
        else:
            r.drop(i, f"{b.kind} outside any article")
        return
    if article.lines is None:
        article.lines = (b.lines[0], b.lines[-1])
    else:
        article.lines = (article.lines[0], max(article.lines[1], b.lines[-1]))
    if b.kind in (L.NAV, L.CRUMB, L.EDITOR, L.PAGE, L.FOOTER):
        r.drop(i, b.kind)
    elif b.kind == L.SOURCE:
        # The 来源： line under a title is closer to the article than a 目录 entry; it wins.
        r.take(i, "source")
        article.source = b.data[0]
    elif b.kind in (L.ORIG_TITLE, L.FOOTNOTE):
        r.take(i, "footnote")
        article.footnotes.append(b.text)
    elif b.kind == L.BYLINE:
        r.take(i, "byline")
        name = b.text.lstrip("□ ").strip()
        if name not in _CREDIT_LABELS:
            article.byline = f"{article.byline} {name}" if article.byline else name
    elif b.kind == L.KEYWORDS:
        r.take(i, "keywords")
        article.declared_keywords.extend(b.data)
    elif b.kind == L.ABSTRACT and not article.paragraphs and article.abstract is None:
        r.take(i, "abstract")
        article.abstract = _abstract_text(b)
    elif b.kind == L.WEBMETA:
        _read_webmeta(r, i, article)
    else:
        r.take(i, "body")
        kind = "subheading" if _is_subheading(b, article) else "text"
        article.paragraphs.append(Paragraph(b.text, tuple(b.lines), kind))


def _is_subheading(b: L.Block, article: Article) -> bool:
    if b.kind == L.SECTION:
        return True
    if b.kind != L.TEXT or not L.is_title_like(b.text, max_len=40) or b.text[-1] in "？?！!":
        return False
    return not L.LEDE.match(b.text)


def _source_tail(text: str) -> re.Match | None:
    """A closing （新华社） / （来源：健康报）: a source, not a parenthesis of the last sentence."""
    m = _SOURCE_TAIL.search(text)
    if not m or _NOT_SOURCE.search(_SOURCE_PREFIX.sub("", m.group(1))):
        return None
    # It must stand after a finished sentence (or alone), not inside the last one.
    return m if m.start() == 0 or text[m.start() - 1] in "。！？!?”」…" else None


def _finish_article(art: Article) -> None:
    """Source from a trailing （…） line, byline from a 本报讯 lede; a body ends with text."""
    body = art.body_paragraphs
    if body:
        last = body[-1]
        m = _source_tail(last.text)
        if m:
            if art.source is None:
                art.source = _SOURCE_PREFIX.sub("", m.group(1)).strip()
            last.text = last.text[: m.start()].rstrip()
            if not last.text:
                art.paragraphs.remove(last)
    if art.byline is None and art.paragraphs and (m := L.LEDE.match(art.paragraphs[0].text)):
        art.byline = re.sub(r"(?<=\S)(?=(?:特约)?通讯员)", " ", m.group(1).strip())


def _warn_unfinished(b: Bulletin) -> None:
    for k, art in enumerate(b.articles):
        body = art.body_paragraphs
        if body and not L.ends_terminal(body[-1].text) and len(body[-1].text) > 40:
            b.warnings.append(
                f"article {k + 1} ({art.title or 'untitled'}) ends mid-sentence at line "
                f"{body[-1].lines[-1]}; its continuation may stand elsewhere in the file"
            )


def _skip_used(r: _Reader, i: int) -> int:
    while i < len(r.blocks) and i in r.used:
        i += 1
    return i


def _iso(y: str, m: str, d: str) -> str | None:
    try:
        yi, mi, di = int(y), int(m), int(d)
    except (TypeError, ValueError):
        return None
    try:
        return dt.date(yi, mi, di).isoformat()  # 2024年2月30日 is no date
    except ValueError:
        return None

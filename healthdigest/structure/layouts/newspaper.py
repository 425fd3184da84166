"""Newspaper pages: headline groups over stories, column heads, news briefs, boxes and credits.

A page sets each story under a headline group: an optional 引题 (kicker) over the 主题 (the
title), an optional 副题 (subtitle, opening with a dash) under it. A column tag in parentheses
after the 主题, 告别耗材养医（健康焦点）, names the column the story sits in. Where a page is typed
with indented paragraphs, the headline group is the run of unindented lines over an indented
body. A short line over headlines of their own (医学资讯 over three 本报电 briefs) is a column head.
Inside a story, a 链接 box is a sidebar story of its own; ■ bullets, a 核心阅读 box and an
editor's note ending "——编  者" are the story's abstract; credits closing a story, （作者为…） or
（钟艳宇） or 魏劲松摄, are bylines, not body.
"""

from __future__ import annotations

import re

from collections import Counter

from healthdigest.model import Article, Bulletin, Paragraph
from healthdigest.structure import lines as L
from healthdigest.structure import patterns as P
from healthdigest.structure.layouts import Layout
from healthdigest.structure.reader import JoinsWords, Reader, iso_date, place
from healthdigest.textutil import ends_terminal

# Share of running-text lines that must be indented before the page counts as typed with
# indents, so that an unindented line reads as a headline (pandoc and e-paper copies indent every
# paragraph with two ideographic spaces; PDF extractions indent none).
INDENTED_PAGE = 0.6


def evidence(tagged: list[L.Tagged]) -> float:
    ledes = sum(1 for t in tagged if t.kind == L.TEXT and (P.LEDE.match(t.text) or P.BRIEF_LEDE.match(t.text)))
    boxed_bylines = sum(1 for t in tagged if t.kind == L.BYLINE and t.text.startswith("□"))
    # A tagged 主题 counts when a story's text follows it (a deck, a kicker line, a paragraph).
    tagged_heads = sum(
        1 for k, t in enumerate(tagged) if t.kind == L.TEXT and _tagged_headline(t.text) and _text_follows(tagged, k)
    )
    # 本报记者 王君平 right under a headline.
    bylined = sum(
        1
        for k, t in enumerate(tagged[1:], start=1)
        if t.kind in (L.TEXT, L.BYLINE)
        and len(t.text) <= 30
        and P.REPORTER.match(t.text)
        and L.is_title_like(tagged[k - 1].text, max_len=40)
    )
    # （本报记者　林小雨） closing a story: the paper's own credit.
    credited = sum(
        1 for t in tagged if (m := P.TRAILING_CREDIT.match(t.text)) and re.search("记者|通讯员", m.group("credit"))
    )
    if ledes >= 2 or boxed_bylines >= 2 or tagged_heads >= 2 or bylined >= 2 or credited >= 2:
        return 2.0 + 0.5 * min(tagged_heads, 4)
    # One 本报讯 story alone is as likely a news article reposted on a web page.
    return 1.0 if ledes else 0.0


def _text_follows(tagged: list[L.Tagged], k: int) -> bool:
    """A story's text follows line k, perhaps under a 副题."""
    after = [t for t in tagged[k + 1 : k + 3] if not P.SUBTITLE.match(t.text)]
    return bool(after) and len(after[0].text) >= 40


def _tagged_headline(text: str) -> tuple[str, str] | None:
    """(title, column) of a 主题 with its column tag in parentheses, or None."""
    m = P.HEADLINE_TAG.match(text)
    tag = m.group("tag").strip() if m else ""
    if not m or P.NOT_TAG.match(tag) or not P.COLUMN_TAG.match(tag) or P.PHOTO_CREDIT.match(text):
        return None
    title = m.group("title").strip()
    if (
        not L.is_title_like(title, max_len=40)
        or P.BRIEF_LEDE.match(title)
        or P.ENUM_MARK.match(title)
        or P.APPENDIX.match(title)
    ):
        return None
    return title, m.group("tag").strip()


def _indented_page(blocks: list[L.Block], start: int) -> bool:
    """The paragraphs are indented and some headline-like lines are not. Headlines are left
    out of the count: a short page has nearly as many headline lines as paragraphs."""
    text = [b for b in blocks[start:] if b.kind == L.TEXT]
    paragraphs = [b for b in text if not L.is_title_like(b.text, max_len=60)]
    indented = sum(1 for b in paragraphs if b.indent)
    flush_heads = any(not b.indent and L.is_title_like(b.text, max_len=60) for b in text)
    return len(paragraphs) >= 3 and indented >= INDENTED_PAGE * len(paragraphs) and flush_heads


def _headline_groups(blocks: list[L.Block], start: int, *, story_gap: int | None = None) -> list[list[int]]:
    """Runs of short lines, one under the other, over a story's text: on an indented page,
    unindented lines over an indented one; on a page that leaves more blank lines between
    stories than between paragraphs (`story_gap`), lines after such a gap over a paragraph."""
    groups: list[list[int]] = []
    run: list[int] = []
    # On an indented page the lines of a group stand as close as its paragraphs do (a Word copy
    # parts every paragraph, headline lines too, with one blank line).
    close = _paragraph_gap(blocks, start) if story_gap is None else 0
    for i in range(start, len(blocks)):
        b = blocks[i]
        # A headline has no sentence in it; it may end with a question mark or a column tag.
        member = (
            not b.indent
            and b.kind in (L.TEXT, L.SECTION)
            and L.is_title_like(b.text, max_len=60)
            and b.text not in P.SIDEBAR_LABELS | P.SUMMARY_BOX_LABELS  # box labels, not headlines
            and not P.DECK.match(b.text)  # nor are the ■ bullets under one
        )
        if member and run and b.gap <= close and len(run) < 3:
            run.append(i)
            continue
        if story_gap is None:
            if run and b.indent:
                groups.append(run)
        elif (
            run
            and b.kind == L.TEXT
            and b.gap < story_gap
            and not L.is_title_like(b.text, max_len=60)
            # Two headline lines (引题 and 主题) after a blank line say as much as a wide gap.
            and (len(run) >= 2 or i == start + 1 or blocks[run[0]].gap >= story_gap)
        ):
            groups.append(run)
        starts = story_gap is None or b.gap >= 1 or i == start
        run = [i] if member and starts else []
    return groups


def _story_gap(blocks: list[L.Block], start: int) -> int | None:
    """The blank lines that part stories where paragraphs are parted by fewer, or None."""
    gaps = Counter(b.gap for b in blocks[start:] if b.kind == L.TEXT and not L.is_title_like(b.text, max_len=60))
    if not gaps:
        return None
    paragraph_gap = gaps.most_common(1)[0][0]
    wider = [b for b in blocks[start:] if b.gap > paragraph_gap]
    return max(2, paragraph_gap + 1) if len(wider) >= 2 else None


def _paragraph_gap(blocks: list[L.Block], start: int) -> int:
    """The blank lines most paragraphs of running text have before them."""
    gaps = Counter(b.gap for b in blocks[start:] if b.kind == L.TEXT and not L.is_title_like(b.text, max_len=60))
    return gaps.most_common(1)[0][0] if gaps else 0


def _opens_brief(blocks: list[L.Block], j: int) -> bool:
    """Block j is a brief's title: short, then a 本报电 lede (or a byline) right under it."""
    n = len(blocks)
    if j + 1 >= n or blocks[j].kind != L.TEXT or not L.is_title_like(blocks[j].text, max_len=40):
        return False
    nxt = blocks[j + 1]
    return nxt.kind == L.BYLINE or (nxt.kind == L.TEXT and bool(P.LEDE.match(nxt.text) or P.BRIEF_LEDE.match(nxt.text)))


def split(r: Reader, start: int) -> None:
    """Newspaper page: headline groups and brief titles open stories; column heads name sections."""
    blocks = r.blocks
    n = len(blocks)
    start = _read_page_head(r, start)

    def opens_story(j: int) -> bool:
        if j >= n:
            return False
        b = blocks[j]
        if b.kind == L.BYLINE or (b.kind == L.TEXT and len(b.text) <= 30 and P.REPORTER.match(b.text)):
            return True
        if b.kind == L.TEXT and (P.LEDE.match(b.text) or P.BRIEF_LEDE.match(b.text)):
            return True
        # A photo story: a caption paragraph, then the credit lines.
        return b.kind == L.TEXT and len(b.text) >= 40 and j + 1 < n and blocks[j + 1].kind == L.BYLINE

    titles: dict[int, str | None] = {}  # title block -> the column its headline names, if any
    kickers: set[int] = set()  # 引题 and 副题 lines of a headline group
    columns: set[int] = set()
    heads: set[int] = set()  # titles that head a headline group of their own
    for i in range(start, n):
        b = blocks[i]
        if b.kind == L.TEXT and (tag := _tagged_headline(b.text)):
            titles[i] = tag[1]
        elif b.kind == L.TEXT and L.is_title_like(b.text, max_len=40) and opens_story(i + 1):
            titles.setdefault(i, None)
    indented = _indented_page(blocks, start)
    story_gap = None if indented else _story_gap(blocks, start)
    if indented or story_gap is not None:
        for group in _headline_groups(blocks, start, story_gap=story_gap):
            after = group[-1] + 1
            if len(group) == 1 and group[0] not in titles and _opens_brief(blocks, after):
                columns.add(group[0])  # a column head over brief titles of its own
                continue
            subtitles = [i for i in group if P.SUBTITLE.match(blocks[i].text)]
            main = [i for i in group if i not in subtitles]
            if not main:
                continue
            # The tagged line is the 主题; else the middle of three (引题, 主题, 副题), else the
            # last (an 引题 stands over its 主题; a 副题 opens with a dash).
            plain_head = main[1] if len(main) == 3 else main[-1]
            head = next((i for i in main if i in titles and titles[i] is not None), plain_head)
            titles.setdefault(head, None)
            if indented:
                # On an indented page a headline group sets a story of its own, outside any
                # column above it; a wider gap alone does not say as much (a photo story
                # often stands apart inside its column).
                heads.add(head)
            above = [i for i in group if i < head]
            if len(above) == 1 and _opens_brief(blocks, head) and len(blocks[above[0]].text) <= COLUMN_HEAD_MAX:
                # A brief (本报讯 under its title) has no 引题: the short line over it heads a column.
                columns.add(above[0])
                above = []
            kickers.update(i for i in group if i != head and i not in columns)
    if not indented:
        # Lines of a headline group stand no farther apart than the page's paragraphs do.
        para_gap = _paragraph_gap(blocks, start)
        for i in list(titles):
            # A 引题 stands right over its tagged 主题, unfinished, after the previous story ended.
            k = i - 1
            if titles[i] is not None and k >= start and blocks[i].gap <= para_gap and k not in titles:
                prev = blocks[k]
                if prev.kind == L.TEXT and L.is_title_like(prev.text, max_len=60) and _ends_story(blocks, k - 1, start):
                    kickers.add(k)
    for i in list(titles):
        # A line opening with a dash right under a 主题 is its 副题.
        k = i + 1
        b = blocks[k] if k < n else None
        if b is not None and k not in titles and b.kind == L.TEXT and P.SUBTITLE.match(b.text) and L.is_title_like(b.text, max_len=60):
            kickers.add(k)
    columns |= {
        i - 1
        for i in titles
        if i - 1 >= start
        and i - 1 not in titles
        and i - 1 not in kickers
        and blocks[i - 1].kind in (L.TEXT, L.SECTION)
        and L.is_title_like(blocks[i - 1].text, max_len=20)
        and not _is_credit(blocks[i - 1].text)
        and _ends_story(blocks, i - 2, start)
        and titles[i] is None
    }
    _read_page(r, start, titles, kickers, columns, heads)
    _adopt_orphan_titles(r.bulletin)
    if r.joins_words is not None:
        _rejoin_continuations(r.bulletin, r.joins_words)


def _read_page_head(r: Reader, start: int) -> int:
    """The header over the page (2025年3月12日 星期三 第7版 健康周刊): the page's date."""
    i = r.skip_used(start)
    if i >= len(r.blocks) or not P.PAPER_PAGE_HEAD.match(r.blocks[i].text):
        return start
    b = r.take(i, "metadata")
    if (m := P.ISO_DATE.search(b.text)) and r.bulletin.metadata.date is None:
        r.bulletin.metadata.date = iso_date(*m.groups())
    return i + 1


def _read_page(
    r: Reader, start: int, titles: dict[int, str | None], kickers: set[int], columns: set[int], heads: set[int]
) -> None:
    blocks = r.blocks
    column = None  # a column head's name, until the next headline group
    current: Article | None = None
    sidebar = None  # a 链接 label waiting for its title
    for i in range(start, len(blocks)):
        if i in r.used:
            continue
        b = blocks[i]
        if i in columns or b.kind == L.SECTION:
            column = b.data[0] if b.kind == L.SECTION else b.text
            r.take(i, "section")
            current = None
        elif i in kickers:
            r.drop(i, "引题/副题 of a headline group")
        elif i in titles:
            if titles[i] is not None:
                current = r.open_article(i, section=titles[i])
                current.title = _tagged_headline(b.text)[0]
                column = None
            else:
                if i in heads and not (column is not None and _opens_brief(blocks, i)):
                    # A headline group of its own ends the column above it; a brief's title over
                    # its 本报讯 lede is one more item of the column.
                    column = None
                current = r.open_article(i, section=sidebar or column)
            sidebar = None
        elif (
            b.kind == L.TEXT
            and b.text in P.SIDEBAR_LABELS
            and i + 1 < len(blocks)
            and L.is_title_like(blocks[i + 1].text, max_len=40)
        ):
            # A 链接 box: its label is the section of the sidebar story under it.
            r.take(i, "section")
            sidebar = b.text
            titles.setdefault(i + 1, None)
        elif b.kind == L.BYLINE and b.text.startswith("□") and current is not None and current.paragraphs:
            # A new feature story whose title the page extraction lost.
            current = r.open_untitled(i, section=column)
        elif current is None and b.kind == L.TEXT and i > start:
            current = r.open_untitled(i, section=column)
        elif current is not None and _read_story_part(r, i, current):
            continue
        else:
            place(r, i, current)


def _read_story_part(r: Reader, i: int, story: Article) -> bool:
    """A credit, an editor's note signature, a deck or a 核心阅读 box; False for anything else."""
    b = r.blocks[i]
    if b.kind not in (L.TEXT, L.BYLINE, L.SOURCE):
        return False
    text = b.text
    if b.kind == L.TEXT and len(text) <= 30 and P.REPORTER.match(text):
        # 本报记者 王君平 李红梅: the reporters, under the headline or after the text.
        r.take(i, "byline")
        story.byline = f"{story.byline} {text}" if story.byline else text
        _extend(story, b)
        return True
    if (m := P.TRAILING_CREDIT.match(text)) or (m := P.PHOTO_CREDIT.match(text)):
        credit = " ".join(next(g for g in m.groups() if g).split())  # 新\u00a0彦 → 新 彦
        if P.NOT_TAG.match(credit):
            return False
        r.take(i, "byline")
        story.byline = f"{story.byline} {credit}" if story.byline else credit
        _extend(story, b)
        return True
    if P.PAGE_CREDITS.match(text):
        r.drop(i, "page credits")
        # A name spaced out to three characters (赵　芳) can come apart in a PDF's text: its
        # pieces, a character or two a line, belong to the credits.
        for j, c in list(r.unplaced(i + 1)):
            if not (len(c.text) <= 2 or P.PAGE_CREDITS.match(c.text)):
                break
            r.drop(j, "page credits")
        return True
    if P.EDITORS_NOTE_SIGN.match(text):
        # The note is the story's opening paragraph(s), printed before the text: its abstract.
        r.take(i, "abstract")
        if story.abstract is None and story.paragraphs:
            story.abstract = "".join(p.text for p in story.paragraphs)
        _extend(story, b)
        return True
    if text in P.SUMMARY_BOX_LABELS:
        r.take(i, "abstract")
        if story.abstract is None and (box := _summary_box(r, i)):
            story.abstract = "".join(box)
        _extend(story, b)
        return True
    if (m := P.DECK.match(text)) and b.kind == L.TEXT:
        # ■ bullets under the headline: kept in the text as printed, joined as the abstract.
        place(r, i, story)
        if all(P.DECK.match(p.text) for p in story.paragraphs):
            story.abstract = "。".join(P.DECK.match(p.text).group(1).rstrip("。") for p in story.paragraphs)
        return True
    return False


COLUMN_HEAD_MAX = 10  # characters: 健康快讯, 医学资讯 — a column's name, not a kicker's phrase
SUMMARY_BOX_MAX = 4  # paragraphs: a 核心阅读 box holds a few points


def _summary_box(r: Reader, i: int) -> list[str]:
    """The text of the 核心阅读 box labelled at block i: its paragraphs up to the reporters'
    line under it, or its first paragraph when no such line follows closely."""
    texts = []
    for _, b in r.unplaced(i + 1):
        if b.kind == L.BYLINE or (b.kind == L.TEXT and len(b.text) <= 30 and P.REPORTER.match(b.text)):
            return texts or []
        if b.kind != L.TEXT or len(texts) >= SUMMARY_BOX_MAX:
            break
        texts.append(b.text)
    return texts[:1]


def _extend(story: Article, b: L.Block) -> None:
    if story.lines is not None:
        story.lines = (story.lines[0], max(story.lines[1], b.lines[-1]))


def _rejoin_continuations(b: Bulletin, joins_words: JoinsWords) -> None:
    """A page extraction can put a story's tail inside another story. Move it back when the
    evidence is clear: the story stops mid-sentence; a later paragraph of another story goes
    on with that sentence (a dictionary word spans the junction: 简化老年|人就医 → 老年人); and
    the moved paragraphs name something from the story's title that the other story had not
    mentioned before them."""
    for target in b.articles:
        body = target.body_paragraphs
        if not body or ends_terminal(body[-1].text) or len(body[-1].text) <= 40 or not target.title:
            continue
        cut = body[-1]
        for host in b.articles:
            if host is target or len(host.paragraphs) < 2:
                continue
            j = next(
                (
                    j
                    for j in range(1, len(host.paragraphs))
                    if _continues_across(cut.text, host.paragraphs[j].text, joins_words)
                ),
                None,
            )
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


def _continues_across(end: str, start: str, joins_words: JoinsWords) -> bool:
    if not start or start[0] in '，。、；：！？,.;:!?（(“"' or P.LEDE.match(start):
        return False
    return joins_words(end[-4:], start[:4])


def _names_title_term(title: str, before: list[Paragraph], block: list[Paragraph], host_title: str | None) -> bool:
    """The block names a two-character term of the title that the host story had not used."""
    earlier = (host_title or "") + "".join(p.text for p in before)
    moved = "".join(p.text for p in block)
    from healthdigest.words import stopwords  # a word list only: jieba stays unloaded

    generic = stopwords()  # 服务, 开展…: every story has them, they prove nothing
    terms = {t for i in range(len(title) - 1) if L.has_cjk_pair(t := title[i : i + 2]) and t not in generic}
    return any(t in moved and t not in earlier for t in terms)


def _is_credit(text: str) -> bool:
    return bool(P.TRAILING_CREDIT.match(text) or P.PHOTO_CREDIT.match(text))


def _ends_story(blocks: list[L.Block], j: int, start: int) -> bool:
    return j < start or blocks[j].kind == L.BYLINE or ends_terminal(blocks[j].text) or _is_credit(blocks[j].text)


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


LAYOUT = Layout("newspaper", evidence, split)

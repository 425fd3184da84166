"""Headings that a laid-out original marks (PDF, Word, web page), when the text alone shows no layout.

A person reading a Word file or a PDF sees its headings before reading a word: a paragraph
styled as a heading (DOCX Heading 1–9, HTML h1–h6), a line set in type clearly larger than the
body, a short bold line in the middle of the page. When no layout finds structure in the text
alone, those headings split the document the way Markdown's `#` do (`split_at_headings`, shared
with the markdown layout): the articles are at the highest heading level used more than once,
a single heading above them is the document's title, and deeper headings are subheadings
inside an article. Plain text has no hints, so this layout never reads it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from healthdigest.model import Article, Dropped
from healthdigest.structure import lines as L
from healthdigest.structure import patterns as P
from healthdigest.structure.layouts import Layout
from healthdigest.structure.reader import Reader, iso_date, place

# Line kinds a heading can have besides running text: 一、总体要求 and 第一章 总则 set as headings.
HEADING_KINDS = (L.TEXT, L.LIST_ITEM, L.CHAPTER)
# Above the plain fallback only: any layout that finds structure in the text itself wins.
EVIDENCE = 0.4
SIZE_STEP = 0.1  # relative font sizes closer than this are one level of heading


@dataclass(frozen=True)
class Heading:
    """A heading block: its level (1 is the highest), its text, and the blocks it runs on to
    (a heading set over several lines of a PDF)."""

    level: int
    title: str
    more: tuple[int, ...] = ()


def article_level(levels: Iterable[int]) -> int:
    """The level whose headings open articles: the highest one used more than once (a single
    heading above it names the whole document), else the highest there is."""
    counts = Counter(levels)
    repeated = [lv for lv, c in counts.items() if c >= 2]
    return min(repeated) if repeated else min(counts, default=1)


def split_at_headings(
    r: Reader, start: int, heads: dict[int, Heading], *, other: Callable[[Reader, int, L.Block], bool] | None = None
) -> None:
    """Articles from each heading of the article level to the next; a higher heading is the
    document's title, a deeper one stays in its article. `other` may place a block itself
    (returning True) before it is taken for body text. Text before the first heading is an
    article of its own, named by the document's title when there are no headings at all.
    Headings of the article level that own no text, each right over a deeper heading, are
    sections (## 疫情动态 over ### stories): the articles are one level down."""
    level = article_level(h.level for h in heads.values())
    section_level, section = _section_level(r, start, heads, level), None
    if section_level is not None:
        level = min(h.level for h in heads.values() if h.level > section_level)
    meta = r.bulletin.metadata
    current: Article | None = None
    for i, b in r.unplaced(start):
        head = heads.get(i)
        if head and head.level == section_level:
            section, current = head.title, None
            for k in (i, *head.more):
                r.take(k, "section")
        elif head and head.level < level:
            r.take(i, "metadata")  # the document's own title over its articles
            for k in head.more:
                r.take(k, "metadata")
            meta.title = meta.title or head.title
        elif head and head.level == level:
            current = r.open_article(i, section=section)
            current.title = head.title
            for k in head.more:
                r.take(k, "title")
                current.lines = (current.lines[0], max(current.lines[1], r.blocks[k].lines[-1]))
        elif other is not None and other(r, i, b):
            continue
        elif current is None and b.kind in (L.TEXT, L.LIST_ITEM):
            current = Article(title=None if heads else meta.title)
            r.bulletin.articles.append(current)
            place(r, i, current)
        else:
            place(r, i, current)
    if len(r.bulletin.articles) == 1 and meta.title is None:
        meta.title = r.bulletin.articles[0].title


def _section_level(r: Reader, start: int, heads: dict[int, Heading], level: int) -> int | None:
    """`level` when each of its headings stands right over a deeper heading, owning no text."""
    at_level = [i for i, h in heads.items() if h.level == level and i >= start]
    if not at_level or not any(h.level > level for h in heads.values()):
        return None
    for i in at_level:
        last = max((i, *heads[i].more))
        nxt = next((k for k, _ in r.unplaced(last + 1)), None)
        if nxt is None or nxt not in heads or heads[nxt].level <= level:
            return None
    return level


def hinted_headings(blocks: list[L.Block], indexes: Iterable[int]) -> dict[int, Heading]:
    """The heading blocks among `indexes`, each with a level from how the format marks it.

    A declared level (a style, h1–h6) is the level. Without one, larger type is a higher
    level (sizes a tenth apart are one level), and a bold centred line of body size comes
    under every larger size. Where some headings declare a level, an undeclared one above the
    first of them is the document's title (level 0) and one below them a subheading.
    Consecutive heading lines of one level on one page, with no blank line between, are one
    heading set over several lines."""
    indexes = list(indexes)
    found = [i for i in indexes if blocks[i].kind in HEADING_KINDS and L.hinted_heading(blocks[i].hint, blocks[i].text)]
    if not found:
        return {}
    declared = [blocks[i].hint.level for i in found if blocks[i].hint.level is not None]
    sizes = sorted({_size_step(blocks[i].hint.size) for i in found if blocks[i].hint.level is None}, reverse=True)
    levels: dict[int, int] = {}
    first_declared = next((i for i in found if blocks[i].hint.level is not None), None)
    for i in found:
        hint = blocks[i].hint
        if hint.level is not None:
            levels[i] = hint.level
        elif declared:
            levels[i] = 0 if i < first_declared else max(declared) + 1
        else:
            levels[i] = 1 + sizes.index(_size_step(hint.size))
    heads: dict[int, Heading] = {}
    opened = last = None  # the block opening the current heading, and its last line so far
    for i in found:
        if last is not None and _runs_on(blocks[last], blocks[i], adjacent=i == last + 1, same_level=levels[last] == levels[i]):
            head = heads[opened]
            heads[opened] = Heading(head.level, head.title + blocks[i].text, (*head.more, i))
        else:
            heads[i] = Heading(levels[i], blocks[i].text)
            opened = i
        last = i
    return _stacked_title(heads, indexes)


def _stacked_title(heads: dict[int, Heading], indexes: list[int]) -> dict[int, Heading]:
    """A document that opens with a heading stacked right over another one of its level or
    deeper (a Title style over the first Heading 1, both declared level 1) is named by the
    first: it goes above every other level, so it titles the document, not an empty article."""
    order = sorted(heads)
    if len(order) < 3 or order[0] != indexes[0]:
        first, second = None, None
    else:
        first, second = heads[order[0]], heads[order[1]]
    if first is None or indexes.index(order[1]) != indexes.index(order[0]) + 1 + len(first.more):
        return heads
    if second.level < first.level:
        return heads
    top = min(h.level for h in heads.values())
    return {**heads, order[0]: Heading(top - 1, first.title, first.more)}


def _size_step(size: float | None) -> float:
    return round(max(size or 1.0, 1.0) / SIZE_STEP) * SIZE_STEP


def _runs_on(before: L.Block, line: L.Block, *, adjacent: bool, same_level: bool) -> bool:
    """Whether a heading line continues the heading line before it, as a title set over two
    or three lines does: the very next block, one level, one size, one page, no blank line
    between, and neither a paragraph with a declared level (a style or h1–h6 marks each
    heading as a whole) nor a line that ends a sentence."""
    return (
        adjacent
        and same_level
        and before.hint.level is None
        and line.hint.level is None
        and (before.hint.page is None or line.hint.page is None or before.hint.page == line.hint.page)
        and line.gap == 0
        and line.hint.size == before.hint.size
        and not L.ends_terminal(before.text)
    )


def evidence(tagged: list[L.Tagged]) -> float:
    marked = any(t.kind in HEADING_KINDS and L.hinted_heading(t.hint, t.text) for t in tagged)
    return EVIDENCE if marked else 0.0


def split(r: Reader, start: int) -> None:
    indexes = [i for i, _ in r.unplaced(start)]
    if not indexes:
        return
    heads = hinted_headings(r.blocks, indexes)
    if _reads_as_official(r, start, heads):
        return
    split_at_headings(r, start, heads, other=_title_byline)
    # A deeper heading stays in its article as a subheading.
    deeper = {r.blocks[i].lines[0] for i in heads}
    for art in r.bulletin.articles:
        for p in art.paragraphs:
            if p.lines and p.lines[0] in deeper:
                p.kind = "subheading"


BYLINE_MAX = 40  # characters: who issued the document and when, on a line under its title
_WHEN = re.compile(r"\d{4}\s*[-./年]\s*(?:\d{1,2}\s*[-./月]\s*(?:\d{1,2}\s*日?)?)?")


def _title_byline(r: Reader, i: int, b: L.Block) -> bool:
    """A short line between the document's title and its first part says who issued it and
    when (株洲市疾病预防控制中心 2025年7月15日): metadata, not an untitled article."""
    meta = r.bulletin.metadata
    if r.bulletin.articles or meta.title is None or b.kind not in (L.TEXT, L.DATE, L.PUBLISHER):
        return False
    if len(b.text) > BYLINE_MAX or "。" in b.text or (b.hint is not None and b.hint.cell):
        return False
    if m := P.ISO_DATE.search(b.text):
        meta.date = meta.date or iso_date(*m.groups())
    rest = _WHEN.sub("", b.text).strip(" \u3000")  # what is left besides the date: who
    if rest and rest not in meta.publisher:
        meta.publisher.append(P.PUBLISHER_SUFFIX.sub("", rest) or rest)
    r.take(i, "metadata")
    return True


def _reads_as_official(r: Reader, start: int, heads: dict[int, Heading]) -> bool:
    """One heading over a 公文 (文号, 主送 line… under it): the heading is the 公文's title and
    the official layout reads the document from there, as it reads a 公文 printed on paper. A
    page's date above the heading (a web page prints when it was published) is the date."""
    from healthdigest.structure.layouts import official

    if len(heads) != 1:
        return False
    (first,) = heads
    head = official.read_head(r.blocks, first)
    if head is None or head.title[0] != first or not (head.issue or head.addressee):
        return False
    meta = r.bulletin.metadata
    for i, b in r.unplaced(start):
        if i >= first:
            break
        if b.kind == L.DATE and meta.date is None:
            meta.date = iso_date(*b.data)
            r.take(i, "metadata")
    # A web page prints the 文号 under the title rather than over it.
    if (k := r.skip_used(first + 1)) < len(r.blocks) and P.DOC_NUMBER.match(r.blocks[k].text):
        meta.issue = meta.issue or r.take(k, "metadata").text
    official.split(r, first)
    _attachments_after_signature(r)
    return True


def _attachments_after_signature(r: Reader) -> None:
    """附件 lines a web page lists under the signature and date (links to the files) close the
    page, not the body: dropped with the reason, as the official layout drops a 附件 list."""
    for article in r.bulletin.articles:
        while article.paragraphs and len(article.paragraphs[-1].lines) == 1 and P.APPENDIX.match(article.paragraphs[-1].text):
            last = article.paragraphs[-1]
            (no,) = last.lines
            # Only right after the signature's date, which the official layout took as metadata.
            if r.bulletin.line_roles.get(no - 1) != "metadata":
                break
            article.paragraphs.pop()
            r.bulletin.line_roles[no] = "dropped"
            r.bulletin.dropped.append(Dropped(no, last.text, "附件 list after the signature"))


LAYOUT = Layout("headings", evidence, split)

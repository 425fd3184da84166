"""Compilations and booklets extracted from PDF: ▶ contents entries with 第 N 页 references,
page marks, 【提要】 abstracts. Their articles are found through the 目录 (see
newsletter.split_by_contents); without one, each article's title stands right over its 来源：
line, and a 返回目录 link or the next section ends it. A booklet has neither: its headed
sections are the articles, each heading a short line of its own over a paragraph of running
text. Without any of these, the text is read as one article."""

from __future__ import annotations

import re
from collections import Counter

from healthdigest.structure import lines as L
from healthdigest.structure import patterns as P
from healthdigest.structure.layouts import Layout
from healthdigest.structure.layouts.plain import split_single
from healthdigest.structure.reader import Reader, place
from healthdigest.textutil import CJK, SENTENCE_END, fold

# A booklet has several headed sections; one or two lines over a paragraph may be captions.
MIN_HEADINGS = 3
HEADING_MAX = 30  # characters: a heading is a phrase, not a sentence
# A line that opens with a particle or preposition is the tail of a broken sentence or of a
# figure label (的健康, 于瑞士日内瓦印刷), not a heading.
FRAGMENT_START = re.compile(r"^[的了和与及或于在对把被]")
COVER_LINE_MAX = 12  # a cover title set in large type breaks into short lines
BACK_TITLE_MIN = 8  # characters of the title a back cover must repeat
# 图 2. / 表 1. opens a figure or table; its labels follow, and a 资料来源： line closes it.
FIGURE_CAPTION = re.compile(r"^[图表]\s*\d{1,2}\s*[.．、:：]")
FIGURE_SOURCE = ("资料来源", "数据来源")


def _opens_text(blocks: list[L.Block], unplaced: list[int], k: int) -> bool:
    """Running text starts at unplaced[k]: a paragraph ending a sentence, or its first line cut
    short by the extraction, with the paragraph going on in the next block."""
    b = blocks[unplaced[k]]
    if b.kind != L.TEXT:
        return False
    if _running_text(b) and L.ends_terminal(b.text):
        return True
    rest = blocks[unplaced[k + 1]] if k + 1 < len(unplaced) else None
    return (
        len(b.text) >= CUT_LINE_MIN
        and not L.ends_terminal(b.text)
        and rest is not None
        and rest.kind == L.TEXT
        and _running_text(rest)
        and L.ends_terminal(rest.text)
    )


CUT_LINE_MIN = 15  # characters of a paragraph's first line that an extraction cut short


def _footnote_mark(r: Reader, i: int) -> bool:
    """A bare note number whose note is the last text of its page."""
    if not P.BARE_PAGE_NUMBER.match(r.blocks[i].text) or len(r.blocks[i].text) > 2:
        return False
    after = [k for k, _ in r.unplaced(i + 1)][:2]
    if not after:
        return False
    note = r.blocks[after[0]]
    page_ends = len(after) == 1 or r.blocks[after[1]].first_on_page
    return note.kind == L.TEXT and not note.first_on_page and page_ends and len(note.text) <= 120


def _ends_sentence(text: str) -> bool:
    """Ends with a full stop (before a closing quote), not with a label's closing bracket."""
    text = text.rstrip("”’」』")
    return bool(text) and text[-1] in SENTENCE_END


def _in_figure(r: Reader, i: int) -> bool:
    """Part of the figure above: a label, or a note standing between its labels (a map's
    disclaimer); running text followed by more running text, or a new page, ends it."""
    b = r.blocks[i]
    if b.first_on_page:
        return False
    if not _running_text(b):
        return True
    nxt = r.following(i)
    return nxt is not None and not nxt.first_on_page and not _running_text(nxt) and len(nxt.text) <= LABEL_MAX


def _running_text(b: L.Block) -> bool:
    return len(b.text) >= 50 and "。" in b.text


LABEL_MAX = 20  # characters of a figure's label


def evidence(tagged: list[L.Tagged]) -> float:
    kinds = [t.kind for t in tagged]
    if kinds.count(L.TOC_ARROW) >= 2 or kinds.count(L.PAGE) >= 2 or kinds.count(L.ABSTRACT) >= 2:
        return 3.0
    return 0.0


def split(r: Reader, start: int) -> None:
    """A compilation whose 目录 is missing: a title is a short line over a 来源： line."""
    blocks = r.blocks
    unplaced = [i for i, _ in r.unplaced(start)]
    titles = {
        i
        for i, j in zip(unplaced, unplaced[1:], strict=False)
        if blocks[i].kind == L.TEXT and L.is_title_like(blocks[i].text, max_len=60) and blocks[j].kind == L.SOURCE
    }
    if len(titles) < 2:
        headings = _headings(r, start)
        if len(headings) >= MIN_HEADINGS:
            split_booklet(r, start, headings)
        else:
            split_single(r, start)
        return
    section = None
    current = None
    for i, b in r.unplaced(start):
        if b.kind == L.SECTION:
            section = b.data[0]
            r.take(i, "section")
            current = None
        elif i in titles:
            current = r.open_article(i, section=section)
        elif b.kind == L.BODY_START:
            r.drop(i, "start of the body")
        elif b.kind == L.NAV:
            r.drop(i, b.kind)
            current = None  # 返回目录: the article is over
        else:
            place(r, i, current)
    if len(titles) != len(r.bulletin.articles):
        r.bulletin.warnings.append("some titles over a 来源： line did not open an article")


def _headings(r: Reader, start: int) -> list[int]:
    """Blocks that head a booklet's sections: one short line over a paragraph of running text.
    Headings numbered 一、二、三、 in order are the sections when there are three or more (the
    (一) and 1. heads under them are not); otherwise unnumbered headings are."""
    candidates = _heading_candidates(r, start)
    numbered = [i for i in candidates if P.PART_HEAD.match(r.blocks[i].text)]
    values = [P.cn_number(P.PART_HEAD.match(r.blocks[i].text).group(1)) for i in numbered]
    if len(numbered) >= MIN_HEADINGS and values == list(range(1, len(values) + 1)):
        return numbered
    return [i for i in candidates if not P.ENUM_MARK.match(r.blocks[i].text)]


def _heading_candidates(r: Reader, start: int) -> list[int]:
    blocks = r.blocks
    unplaced = [i for i, _ in r.unplaced(start)]
    heads, over_text = [], []  # candidates; those over a paragraph of running text
    for k, i in enumerate(unplaced[:-1]):
        b = blocks[i]
        before = blocks[unplaced[k - 1]] if k else None
        if (
            # A heading opens a page or follows a finished paragraph, not a run of labels.
            (before is None or b.first_on_page or _ends_sentence(before.text))
            and b.kind == L.TEXT
            and len(b.lines) == 1
            and L.is_title_like(b.text, max_len=HEADING_MAX)
            and b.text[-1] not in "？?！!"
            and len(re.findall(f"[{CJK}]", b.text)) >= 2
            and (not P.ENUM_MARK.match(b.text) or P.PART_HEAD.match(b.text))
            and not FRAGMENT_START.match(b.text)
        ):
            heads.append(i)
            if _opens_text(blocks, unplaced, k + 1):
                over_text.append(i)
    if not any(b.hint is not None and b.hint.size is not None for b in blocks):
        return over_text
    # A laid-out original shows its section headings in one type size of their own, larger
    # than the body (the cover's title is larger still, a caption smaller): the size most of
    # the candidates are set in, whatever follows them (a figure, a bold lead-in line).
    sized = [i for i in heads if L.hinted_heading(blocks[i].hint, blocks[i].text) and blocks[i].hint.size]
    if not sized:
        return over_text
    steps = Counter(round(blocks[i].hint.size, 1) for i in sized)
    size, count = steps.most_common(1)[0]
    return [i for i in sized if round(blocks[i].hint.size, 1) == size] if count >= MIN_HEADINGS else over_text


def read_cover(r: Reader, start: int, end: int) -> None:
    """A booklet's cover: the title set in short lines at the top, and its document code."""
    meta = r.bulletin.metadata
    cover: list[int] = []
    for i, b in r.unplaced(start):
        if i >= end or b.kind != L.TEXT or len(b.text) > COVER_LINE_MAX or not re.search(f"[{CJK}]", b.text):
            break
        if cover and L.other_type(r.blocks[cover[-1]].hint, b.hint):
            break  # the title's lines share one size; the compiler or date under it is smaller
        cover.append(i)
    if cover and meta.title is None:
        meta.title = "".join(r.take(i, "metadata").text for i in cover)
    for i, b in r.unplaced(start):
        if i >= end:
            break
        if P.DOCUMENT_CODE.match(b.text) and meta.issue is None:
            meta.issue = r.take(i, "metadata").text


def split_booklet(r: Reader, start: int, headings: list[int]) -> None:
    """Each headed section from its heading to the next one. What stands before the first
    heading is the cover and its licence page; a line repeating the title after the last
    section opens the back cover. Both are left out, with the reason."""
    read_cover(r, start, headings[0])
    title = fold(r.bulletin.metadata.title or "")
    for i, _ in r.unplaced(start):
        if i >= headings[0]:
            break
        r.drop(i, "cover and front matter before the first heading")
    current = None
    back_cover = figure = False
    for i, b in r.unplaced(headings[0]):
        if back_cover:
            r.drop(i, "back cover")
        elif title and b.kind == L.TEXT and len(fold(b.text)) >= BACK_TITLE_MIN and title.startswith(fold(b.text)):
            back_cover = True  # the back cover repeats the title
            r.drop(i, "back cover")
        elif i in headings:
            current = r.open_article(i)
            figure = False
        elif current is not None and _footnote_mark(r, i):
            # A note at the foot of the page: its number on a line, then the note.
            note = r.following(i)
            j = next(k for k, _ in r.unplaced(i + 1))
            r.take(i, "footnote")
            r.take(j, "footnote")
            current.footnotes.append(f"{b.text} {note.text}")
        elif FIGURE_CAPTION.match(b.text) or b.text.startswith(FIGURE_SOURCE) or (figure and _in_figure(r, i)):
            # A figure's caption, labels, notes and 资料来源 line are not the section's text.
            figure = True
            r.drop(i, "figure or table")
        else:
            figure = False
            place(r, i, current)


LAYOUT = Layout("compilation", evidence, split)

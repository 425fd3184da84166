"""Compilations extracted from PDF: ▶ contents entries with 第 N 页 references, page marks,
【提要】 abstracts. Their articles are found through the 目录 (see newsletter.split_by_contents);
without one, each article's title stands right over its 来源： line, and a 返回目录 link or the
next section ends it; without either, the text is read as one article."""

from __future__ import annotations

from healthdigest.structure import lines as L
from healthdigest.structure.layouts import Layout
from healthdigest.structure.layouts.plain import split_single
from healthdigest.structure.reader import Reader, place


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


LAYOUT = Layout("compilation", evidence, split)

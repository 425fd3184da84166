"""Compilations extracted from PDF: ▶ contents entries with 第 N 页 references, page marks,
【提要】 abstracts. Their articles are found through the 目录 (see newsletter.split_by_contents);
without one, the text is read as one article."""

from __future__ import annotations

from healthdigest.structure import lines as L
from healthdigest.structure.layouts import Layout
from healthdigest.structure.layouts.plain import split_single


def evidence(tagged: list[L.Tagged]) -> float:
    kinds = [t.kind for t in tagged]
    if kinds.count(L.TOC_ARROW) >= 2 or kinds.count(L.PAGE) >= 2 or kinds.count(L.ABSTRACT) >= 2:
        return 3.0
    return 0.0


LAYOUT = Layout("compilation", evidence, split_single)

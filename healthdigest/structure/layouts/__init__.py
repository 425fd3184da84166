"""The layouts a document can have, one module each, in a registry.

Each layout says how strongly the whole document looks like it (`evidence`, from counts of
line kinds over the whole file, not the first rule that fires) and how to split its body into
articles (`split`). The layout with the most evidence reads the document; on a tie the one
listed first wins, so the order below goes from the most specific layout to the plainest.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from healthdigest.structure import lines as L
from healthdigest.structure.reader import Reader


@dataclass(frozen=True)
class Layout:
    """How one kind of document is recognised and split into articles."""

    name: str
    evidence: Callable[[list[L.Tagged]], float]
    split: Callable[[Reader, int], None]
    front_matter: bool = True  # whether a masthead, 要点 and 目录 are read before the split
    reads_contents: bool = False  # the split reads the 目录 itself (else its titles are found in the body)


def _registry() -> dict[str, Layout]:
    from healthdigest.structure.layouts import chapters, compilation, headings, markdown, newsletter, newspaper, official, plain, web

    modules = (markdown, official, chapters, newsletter, compilation, newspaper, web, headings, plain)
    return {m.LAYOUT.name: m.LAYOUT for m in modules}


LAYOUTS: dict[str, Layout] = _registry()


def detect_layout(tagged: list[L.Tagged]) -> str:
    """The name of the layout with the most evidence in the document's lines."""
    best, best_score = "plain", 0.0
    for name, layout in LAYOUTS.items():
        score = layout.evidence(tagged)
        if score > best_score:
            best, best_score = name, score
    return best

"""Make textrank4zh 0.3 run against networkx 3 without pulling in scipy.

textrank4zh's `util` module builds its graphs with `networkx.from_numpy_matrix`, which
networkx 3.0 removed, and ranks them with `networkx.pagerank`, which in networkx 3 needs
scipy. Both calls only ever see a dense numpy matrix, so we give `util` a stand-in for its
`nx` name that keeps the matrix and ranks it with our numpy PageRank: the same scores,
no scipy, and textrank4zh's own code is otherwise untouched.
"""

from __future__ import annotations

import types
import warnings
from functools import cache

import numpy as np

from healthdigest.rank import pagerank


def _from_numpy_matrix(matrix) -> np.ndarray:
    return np.asarray(matrix, dtype=float)


def _pagerank(graph: np.ndarray, alpha: float = 0.85, **_ignored) -> dict[int, float]:
    return dict(enumerate(pagerank(graph, alpha=alpha).tolist()))


@cache
def textrank4zh():
    """The textrank4zh package, patched; import it through here, never directly."""
    from healthdigest.words import _jieba

    _jieba()  # quiet jieba before textrank4zh imports it
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import textrank4zh
        from textrank4zh import util
    util.nx = types.SimpleNamespace(from_numpy_matrix=_from_numpy_matrix, pagerank=_pagerank)
    return textrank4zh

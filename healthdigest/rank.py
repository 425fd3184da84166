"""PageRank by power iteration on a dense weight matrix (numpy only, no graph library)."""

from __future__ import annotations

import numpy as np


def pagerank(weights: np.ndarray, *, alpha: float = 0.85, max_iter: int = 100, tol: float = 1e-6) -> np.ndarray:
    """Scores of the nodes of a weighted graph given as an n×n matrix; they sum to 1.

    Same model as networkx.pagerank: rows are normalised to transition probabilities, a node
    without out-links (a dangling node) jumps anywhere with equal chance, teleport 1 - alpha.
    """
    n = weights.shape[0]
    if n == 0:
        return np.zeros(0)
    w = np.asarray(weights, dtype=float)
    out = w.sum(axis=1)
    dangling = out == 0
    trans = np.divide(w, out[:, None], out=np.zeros_like(w), where=~dangling[:, None])
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        prev = x
        x = alpha * (prev @ trans + prev[dangling].sum() / n) + (1 - alpha) / n
        if np.abs(x - prev).sum() < n * tol:
            break
    return x / x.sum()

"""PageRank by power iteration: sparse (pure Python) for keyword graphs, dense for textrank4zh.

Both follow networkx.pagerank's model: a node's out-weights are normalised to transition
probabilities, a node without out-links jumps anywhere with equal chance, teleport 1 - alpha.
"""

from __future__ import annotations


def pagerank_graph(
    neighbours: dict[str, dict[str, float]], *, alpha: float = 0.85, max_iter: int = 100, tol: float = 1e-6
) -> dict[str, float]:
    """Scores of the nodes of a weighted graph given as {node: {neighbour: weight}}.

    Keyword co-occurrence graphs are sparse and small; plain dicts rank them faster than it
    takes to import numpy.
    """
    nodes = list(neighbours)
    n = len(nodes)
    if n == 0:
        return {}
    out = {u: sum(row.values()) for u, row in neighbours.items()}
    linked = [(u, row, out[u]) for u, row in neighbours.items() if out[u]]
    dangling_nodes = [u for u in nodes if not out[u]]
    x = dict.fromkeys(nodes, 1.0 / n)
    for _ in range(max_iter):
        dangling = alpha * sum(x[u] for u in dangling_nodes) / n
        new = dict.fromkeys(nodes, (1 - alpha) / n + dangling)
        for u, row, total in linked:
            share = alpha * x[u] / total
            for v, w in row.items():
                new[v] += share * w
        err = sum(abs(new[u] - x[u]) for u in nodes)
        x = new
        if err < n * tol:
            break
    total = sum(x.values())
    return {u: v / total for u, v in x.items()}


def pagerank(weights, *, alpha: float = 0.85, max_iter: int = 100, tol: float = 1e-6):
    """Scores of the nodes of a weighted graph given as a dense n×n numpy matrix."""
    import numpy as np  # textrank4zh's matrices only; the keyword path never imports numpy

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

"""Character-level ROUGE for Chinese (punctuation and spaces ignored), for the benchmarks."""

from __future__ import annotations

from collections import Counter

from healthdigest.textutil import fold


def _f1(hits: int, n_pred: int, n_ref: int) -> float:
    if not hits or not n_pred or not n_ref:
        return 0.0
    p, r = hits / n_pred, hits / n_ref
    return 2 * p * r / (p + r)


def rouge_n(pred: str, ref: str, n: int) -> float:
    a, b = fold(pred), fold(ref)
    grams_a = Counter(a[i : i + n] for i in range(len(a) - n + 1))
    grams_b = Counter(b[i : i + n] for i in range(len(b) - n + 1))
    hits = sum((grams_a & grams_b).values())
    return _f1(hits, sum(grams_a.values()), sum(grams_b.values()))


def rouge_l(pred: str, ref: str) -> float:
    a, b = fold(pred), fold(ref)
    if not a or not b:
        return 0.0
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0] * (len(b) + 1)
        for j, cb in enumerate(b, start=1):
            cur[j] = prev[j - 1] + 1 if ca == cb else max(prev[j], cur[j - 1])
        prev = cur
    return _f1(prev[-1], len(a), len(b))

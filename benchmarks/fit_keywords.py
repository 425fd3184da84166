"""Fit the keyword model (healthdigest/data/keyword_model.json) on public paper abstracts.

Run by hand:  .venv/bin/python benchmarks/fit_keywords.py [--write]

Data: the CSL keyword test split in ../shared/corpus (titles, abstracts and their authors'
keywords; records with at most 8 keywords, as scored). The model is fit on one half only — the
records at even positions — so that the other half measures it on abstracts it has not seen;
`benchmarks/keywords.py` reports both halves. Each candidate term that healthdigest finds in a
record is one example, labelled 1 when it equals an author keyword (after folding).

The model: L2-regularised logistic regression by Newton's method (numpy, here only; the
shipped scorer is a dot product). Features are standardised for the fit and the weights
mapped back, so the shipped weights apply to raw feature values.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
# The shared data sits beside the checkout (../shared); a worktree may be a level deeper.
CORPUS = next(
    (p / "shared" / "corpus" / "csl-keywords-test.jsonl" for p in ROOT.parents if (p / "shared" / "corpus").is_dir()),
    ROOT.parent / "shared" / "corpus" / "csl-keywords-test.jsonl",
)
sys.path.insert(0, str(ROOT))

from healthdigest import keywords as K  # noqa: E402
from healthdigest import pipeline  # noqa: E402
from healthdigest.config import Settings  # noqa: E402
from healthdigest.textutil import fold  # noqa: E402

L2 = 1.0  # on standardised features: a mild pull towards zero, the data set is small


def records() -> list[dict]:
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if len(r["keywords"]) <= 8]


def record_features(record: dict) -> dict[str, list[float]]:
    """The candidates of one record, as the pipeline finds them (same reading, same words)."""
    seen = []

    def capture(sentence_words, *, vocab, title_words=(), top_k=8):
        seen.append(K.candidate_features(sentence_words, vocab=vocab, title_words=title_words))
        return []

    real, pipeline.extract_keywords = pipeline.extract_keywords, capture
    try:
        text = f"{record['title']}\n\n{record['text']}\n"
        pipeline.digest_bytes(text.encode("utf-8"), name=f"{record['id']}.txt", settings=Settings())
    finally:
        pipeline.extract_keywords = real
    return seen[0] if seen else {}


def design(rows: list[dict]) -> tuple[np.ndarray, np.ndarray]:
    xs, ys = [], []
    for r in rows:
        gold = {fold(k) for k in r["keywords"]}
        for phrase, f in record_features(r).items():
            xs.append(f)
            ys.append(float(fold(phrase) in gold))
    return np.array(xs), np.array(ys)


def fit(x: np.ndarray, y: np.ndarray) -> tuple[float, np.ndarray]:
    mean, std = x.mean(axis=0), x.std(axis=0)
    std[std == 0] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / std])
    w = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], L2)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-z @ w))
        grad = z.T @ (p - y) + penalty * w
        hess = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    weights = w[1:] / std
    bias = w[0] - float((weights * mean).sum())
    return float(bias), weights


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help=f"write {K.MODEL.relative_to(ROOT)}")
    args = ap.parse_args()
    if not CORPUS.exists():
        raise SystemExit(f"no data: {CORPUS}")
    rows = records()
    half = rows[0::2]
    x, y = design(half)
    bias, weights = fit(x, y)
    print(f"fit on {len(half)} of {len(rows)} records (even positions): {len(y)} candidates, {int(y.sum())} author keywords")
    for name, w in sorted(zip(K.FEATURES, weights, strict=True), key=lambda kv: -abs(kv[1])):
        print(f"  {name:16s} {w:+.3f}")
    if args.write:
        K.MODEL.write_text(
            json.dumps(
                {
                    "about": "Keyword model: logistic regression over healthdigest.keywords.FEATURES, fit by "
                    "benchmarks/fit_keywords.py on the even-position half of the CSL keyword test split "
                    f"(records with at most 8 author keywords; {len(half)} abstracts, Apache-2.0 data).",
                    "features": list(K.FEATURES),
                    "bias": round(bias, 5),
                    "weights": [round(float(w), 5) for w in weights],
                },
                ensure_ascii=False,
                indent=1,
            )
            + "\n",
            encoding="utf-8",
        )
        print(f"wrote {K.MODEL}")


if __name__ == "__main__":
    main()

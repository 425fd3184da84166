"""Keyword quality on public paper abstracts: F1@5 against the authors' keywords, side by side.

Run by hand:  .venv/bin/python benchmarks/keywords.py [RECORDS.jsonl] [--show N]
(default: ../shared/corpus/csl-keywords-test.jsonl, the CSL keyword test split)

Each record ({"id", "title", "text", "keywords", "medical"}) becomes one file — the title, a
blank line, the abstract — and healthdigest reads them all through its command line
(`healthdigest summarize --format jsonl`), as a user would; its first five article keywords
are scored. jieba's TF-IDF and TextRank (top 5, its default dictionary and IDF table) get the
same text as the file, in a process of their own. A keyword counts when it equals an
author keyword after folding (width, case, punctuation); records with more than 8 author
keywords are left out (the source database generated many of those), as in PEERS.md.

The keyword model was fit on the even-position half of the CSL records
(benchmarks/fit_keywords.py): the odd half is abstracts it has not seen, and is shown apart.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from healthdigest.textutil import fold

ROOT = Path(__file__).resolve().parents[1]
# The shared data sits beside the checkout (../shared); a worktree may be a level deeper.
CORPUS = next(
    (p / "shared" / "corpus" for p in ROOT.parents if (p / "shared" / "corpus").is_dir()),
    ROOT.parent / "shared" / "corpus",
)
TOP = 5
MAX_GOLD = 8


def f1(found: list[str], gold: list[str]) -> float:
    got, want = {fold(w) for w in found}, {fold(w) for w in gold}
    hits = len(got & want)
    if not hits:
        return 0.0
    p, r = hits / len(got), hits / len(want)
    return 2 * p * r / (p + r)


JIEBA_JOB = """
import json, logging, sys, warnings
warnings.simplefilter("ignore")
import jieba, jieba.analyse
jieba.setLogLevel(logging.WARNING)
texts = json.load(sys.stdin)
print(json.dumps([[jieba.analyse.extract_tags(t, topK=%d), jieba.analyse.textrank(t, topK=%d)] for t in texts]))
""" % (TOP, TOP)


def jieba_baselines(texts: list[str]) -> list[list[list[str]]]:
    """jieba as its users run it: a process of its own, without healthdigest's lexicon."""
    out = subprocess.run([sys.executable, "-c", JIEBA_JOB], input=json.dumps(texts), capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def healthdigest_keywords(records: list[dict]) -> list[list[str]]:
    """Top keywords of each record, through `healthdigest summarize --format jsonl`."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, r in enumerate(records):
            path = Path(tmp) / f"{i:05d}.txt"
            path.write_text(f"{r['title']}\n\n{r['text']}\n", encoding="utf-8")
            paths.append(str(path))
        cmd = [sys.executable, "-m", "healthdigest", "summarize", "--format", "jsonl", "--no-cache", "-q", "-j", "1", tmp]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True)
        found: dict[str, list[str]] = {}
        for line in out.stdout.splitlines():
            d = json.loads(line)
            found[d["path"]] = [k["word"] for a in d["articles"] for k in a["keywords"]][:TOP]
    return [found.get(p, []) for p in paths]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("records", nargs="?", type=Path, default=CORPUS / "csl-keywords-test.jsonl")
    ap.add_argument("--show", type=int, default=0, metavar="N", help="also print the first N records' keywords")
    args = ap.parse_args()
    if not args.records.exists():
        raise SystemExit(f"no data: {args.records}")
    rows = [json.loads(x) for x in args.records.read_text(encoding="utf-8").splitlines() if x.strip()]
    rows = [r for r in rows if 0 < len(r["keywords"]) <= MAX_GOLD]
    ours = healthdigest_keywords(rows)
    peers = jieba_baselines([f"{r['title']}\n\n{r['text']}\n" for r in rows])
    scores = [
        (f1(tfidf, r["keywords"]), f1(textrank, r["keywords"]), f1(mine, r["keywords"]))
        for r, mine, (tfidf, textrank) in zip(rows, ours, peers, strict=True)
    ]
    is_csl = args.records.name == "csl-keywords-test.jsonl"
    groups = [("medical", lambda i: rows[i].get("medical")), ("all", lambda i: True)]
    if is_csl:
        # The keyword model was fit on the even positions: the odd ones are unseen.
        groups += [("held-out half, medical", lambda i: i % 2 and rows[i].get("medical")),
                   ("held-out half, all", lambda i: i % 2 == 1)]
    name = args.records.name
    print(f"{name}: F1@{TOP}, exact match against the authors' keywords (records with ≤ {MAX_GOLD})\n")
    print("| data | records | jieba TF-IDF | jieba TextRank | healthdigest |\n|---|---|---|---|---|")
    for label, keep in groups:
        chosen = [s for i, s in enumerate(scores) if keep(i)]
        if not chosen:
            continue
        means = [sum(s[k] for s in chosen) / len(chosen) for k in range(3)]
        print(f"| {label} | {len(chosen)} | {means[0]:.3f} | {means[1]:.3f} | {means[2]:.3f} |")
    for r, mine, (tfidf, _) in list(zip(rows, ours, peers, strict=True))[: args.show]:
        print(f"\n{r['title']}\n    authors      {'、'.join(r['keywords'])}\n    healthdigest {'、'.join(mine)}\n    jieba TF-IDF {'、'.join(tfidf)}")


if __name__ == "__main__":
    main()

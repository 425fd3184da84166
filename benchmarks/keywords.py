"""Keyword quality: top-5 keywords against author-given keywords, F1, side by side.

Run by hand:  .venv/bin/python benchmarks/keywords.py [DIR]   (default: benchmarks/data/abstracts)
Each *.txt in DIR is one abstract with a line 关键词：A；B；C. healthdigest reads the file and
files that line as `declared_keywords` (never an input to its ranking); jieba's TF-IDF and
TextRank get the same text with the line removed. A keyword counts as found when it equals
an author keyword after folding (width, case, punctuation).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from healthdigest.config import Settings
from healthdigest.pipeline import digest_bytes
from healthdigest.textutil import fold

KEYLINE = re.compile(r"^\s*(?:【关键词】|关键词\s*[:：])(.+)$", re.M)
TOP = 5


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


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "data" / "abstracts"
    rows = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        m = KEYLINE.search(text)
        if not m:
            continue
        gold = [w for w in re.split(r"[；;，,、\s]+", m.group(1)) if w]
        plain = KEYLINE.sub("", text)
        bulletin = digest_bytes(text.encode("utf-8"), name=path.name, settings=Settings())
        ours = [k.word for a in bulletin.articles for k in a.keywords][:TOP]
        rows.append([path.name, gold, ours, plain])
    if not rows:
        raise SystemExit(f"no *.txt with a 关键词 line in {folder}")
    for row, (tfidf, textrank) in zip(rows, jieba_baselines([r[3] for r in rows]), strict=True):
        row[3:] = [tfidf, textrank]
    print(f"{len(rows)} abstracts in {folder}; F1 of the top {TOP} against the author keywords\n")
    print(f"{'method':22s} {'F1':>6s}")
    for k, name in ((2, "healthdigest"), (3, "jieba TF-IDF"), (4, "jieba TextRank")):
        print(f"{name:22s} {sum(f1(r[k], r[1]) for r in rows) / len(rows):6.3f}")
    print()
    for name, gold, ours, tfidf, _ in rows:
        print(f"{name}: author {gold}\n    healthdigest {ours}\n    jieba TF-IDF {tfidf}")


if __name__ == "__main__":
    main()

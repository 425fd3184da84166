"""Summary quality on public data and the seeds, healthdigest beside the peers (as PEERS.md).

Run by hand from the repo root:  .venv/bin/python benchmarks/quality.py [--only lcsts|seeds]

- LCSTS health posts (../shared/corpus/lcsts-train-health.jsonl, 630 Weibo posts with their
  authors' one-line summaries): every post is written to its own file and the whole folder is
  digested by one run of `healthdigest summarize --format jsonl --sentences 1` (the same as one
  run per post, faster). Peers: the first clause (split at 。！？；), the first whole sentence,
  textrank4zh's TextRank4Sentence with one sentence. Also per half (even / odd record order)
  so a rule fitted on one half can be checked on the other.
- The seeds' 【提要】 (abstracts printed in a 目录, never an input to any method): three
  sentences per article through the same command, beside lead-3 and textrank4zh.
Scores are character ROUGE-L F1 after folding, with ../shared/tools/textmetrics.py when the
shared folder is there (else benchmarks/rouge.py, the same measure).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# CI clones the repo beside shared/; a worktree under wt/ has it one level further up.
SHARED = next((d / "shared" for d in (ROOT.parent, ROOT.parent.parent) if (d / "shared").is_dir()), ROOT.parent / "shared")
CORPUS = SHARED / "corpus" / "lcsts-train-health.jsonl"
BULLETINS = SHARED / "corpus" / "bulletins"

if (SHARED / "tools" / "textmetrics.py").exists():
    sys.path.insert(0, str(SHARED / "tools"))
    from textmetrics import fold, rouge_l, same_title  # noqa: E402
else:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from rouge import rouge_l  # noqa: E402

    fold = same_title = None  # the corpus part needs the shared folder (and its textmetrics) anyway

_SENTENCE = re.compile(r"[^。！？!?]*[。！？!?”’」』）)]*")
_CLAUSE = re.compile(r"[^。！？!?；;]*[。！？!?；;]?")


def first_sentence(text: str) -> str:
    return next((m.group() for m in _SENTENCE.finditer(text.strip()) if m.group().strip()), "")


def first_clause(text: str) -> str:
    return next((m.group() for m in _CLAUSE.finditer(text.strip()) if m.group().strip()), "")


def textrank4zh_summary(text: str, n: int) -> str:
    from healthdigest.textrank_compat import textrank4zh

    tr = textrank4zh().TextRank4Sentence()
    tr.analyze(text=text, lower=True, source="all_filters")
    picked = sorted(tr.get_key_sentences(num=n), key=lambda item: item.index)
    return "".join(item.sentence for item in picked)


def run_healthdigest(paths: list[Path], *, sentences: int, engine: str | None) -> tuple[dict[str, dict], float]:
    """Digests by file name, from one `healthdigest summarize --format jsonl` run."""
    cmd = [sys.executable, "-m", "healthdigest", "summarize", "--format", "jsonl", "--sentences", str(sentences), "--no-cache", "-q"]
    if engine:
        cmd += ["--engine", engine]
    t = time.perf_counter()
    proc = subprocess.run(cmd + [str(p) for p in paths], capture_output=True, text=True, env=os.environ)
    seconds = time.perf_counter() - t
    if proc.returncode:
        sys.exit(f"healthdigest failed ({proc.returncode}): {proc.stderr[-500:]}")
    digests = (json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{"))
    return {Path(d["path"]).name: d for d in digests}, seconds


def summary_of(digest: dict | None) -> str:
    if not digest:
        return ""
    return "".join(s for a in digest.get("articles", []) for s in a.get("summary", []))


def mean(xs: list[float]) -> float:
    return sum(xs) / len(xs) if xs else 0.0


def lcsts(engine: str | None, show_textrank: bool) -> None:
    if not CORPUS.exists():
        print(f"(no {CORPUS}: LCSTS part skipped)")
        return
    records = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for k, r in enumerate(records):
            p = Path(tmp) / f"post{k:04d}.txt"
            p.write_text(r["text"] + "\n", encoding="utf-8")
            paths.append(p)
        digests, seconds = run_healthdigest(paths, sentences=1, engine=engine)
    methods = {
        "lead: first clause (。！？；)": [first_clause(r["text"]) for r in records],
        "lead: first whole sentence": [first_sentence(r["text"]) for r in records],
    }
    if show_textrank:
        methods["textrank4zh (1 sentence)"] = [textrank4zh_summary(r["text"], 1) for r in records]
    methods[f"healthdigest ({engine or 'default'})"] = [summary_of(digests.get(p.name)) for p in paths]
    print(f"LCSTS train, health ({len(records)} posts): ROUGE-L, one sentence; healthdigest took {seconds:.1f} s")
    print(f"{'method':32s} {'all':>7s} {'even':>7s} {'odd':>7s}")
    table = {}
    for name, preds in methods.items():
        scores = table[name] = [rouge_l(p, r["summary"]) for p, r in zip(preds, records, strict=True)]
        print(f"{name:32s} {mean(scores):7.4f} {mean(scores[0::2]):7.4f} {mean(scores[1::2]):7.4f}")
    print()
    ours = table[f"healthdigest ({engine or 'default'})"]
    print("healthdigest minus a lead, post by post: mean, 95% paired bootstrap interval, posts better/worse, sign test p")
    for name in [n for n in methods if n.startswith("lead")]:
        for half, part in (("all", slice(None)), ("even", slice(0, None, 2)), ("odd", slice(1, None, 2))):
            print(f"  vs {name:28s} {half:4s} {paired(ours[part], table[name][part])}")
    print()


def paired(a: list[float], b: list[float], *, rounds: int = 2000) -> str:
    """The paired difference a - b: its mean, a 95% bootstrap interval (fixed seed, so the
    report is repeatable), how many items are better and worse, and a two-sided sign test."""
    import random
    from math import comb

    diffs = [x - y for x, y in zip(a, b, strict=True)]
    n = len(diffs)
    rng = random.Random(12)
    means = sorted(sum(diffs[rng.randrange(n)] for _ in range(n)) / n for _ in range(rounds))
    up, down = sum(d > 1e-12 for d in diffs), sum(d < -1e-12 for d in diffs)
    k, m = min(up, down), up + down
    p = min(1.0, 2 * sum(comb(m, i) for i in range(k + 1)) / 2**m) if m else 1.0
    return f"{mean(diffs):+.4f} [{means[int(0.025 * rounds)]:+.4f}, {means[int(0.975 * rounds)]:+.4f}]  {up:3d}/{down:3d}  p={p:.1g}"


def seeds(engine: str | None, show_textrank: bool) -> None:
    """The 【提要】 of the seeds, matched to healthdigest's articles by title."""
    sys.path.insert(0, str(ROOT))
    from healthdigest.reading import read_file
    from healthdigest.sentences import article_sentences
    from healthdigest.structure import read_structure

    paths = sorted((ROOT / "seeds").glob("*.txt"))
    digests, _ = run_healthdigest(paths, sentences=3, engine=engine)
    rows: dict[str, list[float]] = {}
    n = 0
    for path in paths:
        bulletin = read_structure(read_file(path).text, path=str(path))
        by_title = {a.get("title"): a for a in digests[path.name]["articles"]}
        for article in bulletin.articles:
            if not article.abstract:
                continue
            n += 1
            ref = article.abstract
            preds = {
                "lead-3": "".join(s.text for s in article_sentences(article)[:3]),
                f"healthdigest ({engine or 'default'})": "".join(by_title.get(article.title, {}).get("summary", [])),
            }
            if show_textrank:
                preds["textrank4zh (3 sentences)"] = textrank4zh_summary(article.text, 3)
            for name, pred in preds.items():
                rows.setdefault(name, []).append(rouge_l(pred, ref))
    print(f"Seeds' 【提要】 ({n} articles): ROUGE-L, three sentences")
    for name, scores in rows.items():
        print(f"{name:32s} {mean(scores):7.3f}")
    print()


def corpus_abstracts(engine: str | None, show_textrank: bool) -> None:
    """The editors' abstracts in the corpus bulletins' gold files (decks, 编者按, ■ bullets).

    The pages print the abstract at the head of the article's body, so the article (found in
    healthdigest's digest by its title) is written out again without the paragraphs the
    abstract holds, as the title and the body alone, and summarised from that; lead-3 is the
    first three sentences of the same body.
    """
    import yaml

    from healthdigest.sentences import split_sentences

    if not BULLETINS.is_dir():
        print(f"(no {BULLETINS}: corpus part skipped)")
        return
    golds = []
    for gold_path in sorted(BULLETINS.glob("*.yaml")):
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        with_abstracts = [a for a in gold.get("articles") or [] if a.get("abstract")]
        if with_abstracts:
            golds.append((BULLETINS / gold["file"], with_abstracts))
    digests, _ = run_healthdigest([path for path, _ in golds], sentences=3, engine=engine)
    cases = []  # (title, body without the abstract, abstract)
    missed = 0
    for path, articles in golds:
        produced = digests[path.name]["articles"]
        for gold_article in articles:
            article = next((a for a in produced if a.get("title") and same_title(a["title"], gold_article["title"])), None)
            if article is None:
                missed += 1
                continue
            abstract = fold(gold_article["abstract"])
            paragraphs = [p for p in (article.get("text") or "").split("\n\n") if p.strip()]
            while paragraphs and fold(paragraphs[0]) and fold(paragraphs[0]) in abstract:
                paragraphs.pop(0)
            cases.append((article["title"], paragraphs, gold_article["abstract"]))
    rows: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for k, (title, paragraphs, _) in enumerate(cases):
            p = Path(tmp) / f"article{k:03d}.txt"
            p.write_text(title + "\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
            paths.append(p)
        again, _ = run_healthdigest(paths, sentences=3, engine=engine)
    for path, (_, paragraphs, abstract) in zip(paths, cases, strict=True):
        sentences = [piece for para in paragraphs for _, piece in split_sentences(para)]
        preds = {"lead-3": "".join(sentences[:3]), f"healthdigest ({engine or 'default'})": summary_of(again.get(path.name))}
        if show_textrank:
            preds["textrank4zh (3 sentences)"] = textrank4zh_summary("".join(paragraphs), 3)
        for name, pred in preds.items():
            rows.setdefault(name, []).append(rouge_l(pred, abstract))
    print(f"Corpus bulletins' editors' abstracts ({len(cases)} articles, {missed} not found by title, the abstract")
    print("taken out of the body): ROUGE-L, three sentences")
    for name, scores in rows.items():
        print(f"{name:32s} {mean(scores):7.3f}")
    print()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", choices=("lcsts", "seeds", "corpus"))
    ap.add_argument("--engine", help="a healthdigest engine other than the default")
    ap.add_argument("--no-textrank", action="store_true", help="skip textrank4zh (slow on 630 posts)")
    args = ap.parse_args()
    if args.only in (None, "lcsts"):
        lcsts(args.engine, not args.no_textrank)
    if args.only in (None, "seeds"):
        seeds(args.engine, not args.no_textrank)
    if args.only in (None, "corpus"):
        corpus_abstracts(args.engine, not args.no_textrank)


if __name__ == "__main__":
    main()

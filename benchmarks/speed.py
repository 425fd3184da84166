"""Speed, measured side by side in one run (run by hand; prints a table and ratios).

    .venv/bin/python benchmarks/speed.py [--counts 1,10,100,1000] [--repeat 3]

(a) healthdigest against textrank4zh doing keywords plus a three-sentence summary for every
    article of the seeds (the same articles: healthdigest's split, given to textrank4zh);
(b) healthdigest against the floor: load jieba and cut the same text once with jieba.lcut;
(c) 1, 10, 100, 1000 bulletins (copies of the seeds) with --jobs 1 and --jobs 2: time,
    throughput and peak memory of the whole process tree;
(d) `healthdigest --help`, and a re-run served from the cache.
Every figure is a whole process, wall clock, median of --repeat runs.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
PY = sys.executable
HD = [PY, "-m", "healthdigest"]

TEXTRANK_JOB = """
import json, sys, warnings, logging
warnings.simplefilter("ignore")
import jieba; jieba.setLogLevel(logging.WARNING)
if sys.argv[2] == "stock":
    # textrank4zh 0.3 with the community fix (TextRank4ZH PRs 37/39/40): networkx 3's
    # from_numpy_array and its own pagerank, which needs scipy. What a user runs today.
    import networkx
    networkx.from_numpy_matrix = networkx.from_numpy_array
    import textrank4zh as tr
else:
    # textrank4zh through healthdigest's compat layer (numpy PageRank, no scipy): faster
    # than stock, so the ratio against it understates healthdigest's advantage.
    from healthdigest.textrank_compat import textrank4zh
    tr = textrank4zh()
for text in json.load(open(sys.argv[1], encoding="utf-8")):
    kw = tr.TextRank4Keyword(); kw.analyze(text=text, lower=True, window=2); kw.get_keywords(5, word_min_len=2)
    st = tr.TextRank4Sentence(); st.analyze(text=text, lower=True, source="all_filters"); st.get_key_sentences(num=3)
"""

FLOOR_JOB = """
import json, sys, logging
import jieba; jieba.setLogLevel(logging.WARNING)
jieba.lcut("".join(json.load(open(sys.argv[1], encoding="utf-8"))))
"""


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants, in KB (Linux /proc)."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    stack.extend(int(c) for c in f.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


def timed(cmd: list[str], *, env=None) -> tuple[float, int]:
    """Wall seconds and peak process-tree memory (MB) of one command."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    peak = 0
    done = threading.Event()

    def sample():
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_kb(proc.pid))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {err.decode()[-500:]}")
    return seconds, peak // 1024


def median_time(cmd, repeat, env=None) -> float:
    return statistics.median(timed(cmd, env=env)[0] for _ in range(repeat))


def article_texts() -> list[str]:
    from healthdigest.reading import read_file
    from healthdigest.structure import read_structure

    texts = []
    for path in sorted(SEEDS.glob("*.txt")):
        texts += [a.text for a in read_structure(read_file(path).text).articles]
    return texts


def main() -> None:
    ap = argparse.ArgumentParser(description="healthdigest speed benchmark")
    ap.add_argument("--counts", default="1,10,100,1000", help="bulletin counts for (c)")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="hd-bench-"))
    env = {**os.environ, "HEALTHDIGEST_CACHE_DIR": str(work / "cache")}
    texts = article_texts()
    corpus = work / "articles.json"
    corpus.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    (work / "textrank_job.py").write_text(TEXTRANK_JOB)
    (work / "floor_job.py").write_text(FLOOR_JOB)
    subprocess.run(HD + ["summarize", str(SEEDS), "-q", "-f", "jsonl", "--no-cache"], env=env,
                   stdout=subprocess.DEVNULL, check=True)  # warm jieba's own cache first

    print(f"{len(texts)} articles from {len(list(SEEDS.glob('*.txt')))} seed bulletins; median of {args.repeat} runs\n")
    hd = median_time(HD + ["summarize", str(SEEDS), "-q", "-f", "jsonl", "--no-cache"], args.repeat, env)
    hd1 = median_time(HD + ["summarize", str(SEEDS), "-q", "-f", "jsonl", "--no-cache", "-j", "1"], args.repeat, env)
    try:
        import scipy  # noqa: F401

        peer = "stock"
    except ImportError:
        peer = "compat"
    tr = median_time([PY, str(work / "textrank_job.py"), str(corpus), peer], args.repeat, env)
    floor = median_time([PY, str(work / "floor_job.py"), str(corpus)], args.repeat, env)
    print("(a)/(b) whole process, all seed articles: keywords + 3-sentence summary")
    print(f"  {'healthdigest summarize seeds/ (default jobs)':46s} {hd:7.2f} s")
    print(f"  {'healthdigest summarize seeds/ --jobs 1':46s} {hd1:7.2f} s")
    label = "textrank4zh (networkx+scipy, as users run it)" if peer == "stock" else "textrank4zh (our numpy PageRank; no scipy here)"
    print(f"  {label:46s} {tr:7.2f} s   healthdigest is {tr / hd:5.1f}x faster ({tr / hd1:.1f}x with --jobs 1)")
    print(f"  {'floor: load jieba + one jieba.lcut pass':46s} {floor:7.2f} s   healthdigest is {hd / floor:5.2f}x the floor"
          f" ({hd1 / floor:.2f}x with --jobs 1)")

    subprocess.run(HD + ["summarize", str(SEEDS), "-q", "-f", "jsonl"], env=env, stdout=subprocess.DEVNULL, check=True)
    cached = median_time(HD + ["summarize", str(SEEDS), "-q", "-f", "jsonl"], args.repeat, env)
    helptime = median_time(HD + ["--help"], args.repeat, env)
    print("\n(d) start-up and cache")
    print(f"  {'healthdigest --help':46s} {helptime:7.2f} s")
    print(f"  {'re-run over unchanged seeds (cache)':46s} {cached:7.2f} s   {hd / cached:5.1f}x faster than a fresh run")

    print("\n(c) many bulletins (copies of the seeds), --no-cache")
    print(f"  {'bulletins':>9s} {'jobs':>4s} {'seconds':>8s} {'per s':>7s} {'peak MB':>8s}")
    seeds = sorted(SEEDS.glob("*.txt"))
    for count in [int(c) for c in args.counts.split(",")]:
        folder = work / f"n{count}"
        folder.mkdir()
        for k in range(count):
            shutil.copy(seeds[k % len(seeds)], folder / f"{k:05d}_{seeds[k % len(seeds)].name}")
        rates = {}
        for jobs in (1, 2):
            seconds, peak = timed(HD + ["summarize", str(folder), "-q", "-f", "jsonl", "--no-cache", "-j", str(jobs)], env=env)
            rates[jobs] = count / seconds
            print(f"  {count:9d} {jobs:4d} {seconds:8.2f} {rates[jobs]:7.1f} {peak:8d}")
        print(f"  {'':9s} jobs 2 / jobs 1 throughput: {rates[2] / rates[1]:.2f}x")
        subprocess.run(HD + ["summarize", str(folder), "-q", "-f", "jsonl"], env=env, stdout=subprocess.DEVNULL, check=True)
        cached, _ = timed(HD + ["summarize", str(folder), "-q", "-f", "jsonl"], env=env)
        print(f"  {'':9s} re-run from the cache: {cached:.2f} s, {count / rates[1] / cached:.1f}x faster than --jobs 1 fresh")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

"""The Dask run against worker processes on one machine (run by hand; prints figures and a ratio).

    .venv/bin/python benchmarks/dask_vs_jobs.py [--copies 1000] [--repeat 1]

Copies the seeds into a temporary folder until it holds --copies bulletins, then times, as
whole processes, wall clock:

    healthdigest summarize DIR --jobs 1 -f jsonl --no-cache    (the reference digests)
    healthdigest summarize DIR --jobs 2 -f jsonl --no-cache -o FILE
    healthdigest dask-run DIR --workers 2 -o FOLDER             (a LocalCluster of 2 workers)

checks that the Dask partitions, concatenated, are byte-identical to the --jobs 1 output, and
prints the throughput of the Dask run as a ratio of --jobs 2's (the target: 0.8 or more).
Runs of the two are interleaved, and the median of --repeat runs is reported, because the
machine's timings vary from run to run. Needs the dask extra.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HD = [sys.executable, "-m", "healthdigest"]


def make_archive(folder: Path, copies: int) -> None:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    for n in range(copies):
        seed = seeds[n % len(seeds)]
        shutil.copy(seed, folder / f"{n:05d}_{seed.name}")


def timed(args: list[str], **kw) -> float:
    started = time.perf_counter()
    subprocess.run(args, check=True, stderr=subprocess.DEVNULL, **kw)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--partition-size", type=int, default=100)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="hd-dask-bench-") as tmp:
        tmp = Path(tmp)
        archive = tmp / "archive"
        archive.mkdir()
        make_archive(archive, options.copies)
        env = {**os.environ, "HEALTHDIGEST_CACHE_DIR": str(tmp / "cache")}
        # Warm jieba's prefix-dictionary cache so no run pays for building it.
        subprocess.run([*HD, "segment", str(next(archive.iterdir()))], check=True, env=env, capture_output=True)

        reference = tmp / "jobs1.jsonl"
        with reference.open("wb") as out:
            one = timed([*HD, "summarize", str(archive), "--jobs", "1", "-f", "jsonl", "--no-cache", "-q"], stdout=out, env=env)
        jobs2, dask, identical = [], [], True
        for n in range(options.repeat):
            target = tmp / f"jobs2-{n}.jsonl"
            jobs2.append(timed([*HD, "summarize", str(archive), "--jobs", "2", "-f", "jsonl", "--no-cache", "-q", "-o", str(target)], env=env))
            folder = tmp / f"dask-{n}"
            dask.append(timed([*HD, "dask-run", str(archive), "--workers", "2", "-q", "-o", str(folder),
                               "--partition-size", str(options.partition_size)], env=env))
            joined = b"".join(p.read_bytes() for p in sorted(folder.glob("part-*.jsonl")))
            identical &= joined == reference.read_bytes() == target.read_bytes()
        files = options.copies
        j2, dk = statistics.median(jobs2), statistics.median(dask)
        print(f"{files} bulletins (copies of the seeds), wall clock of the whole command, median of {options.repeat}:")
        print(f"  summarize --jobs 1            {one:7.1f} s  {files / one:6.1f} files/s")
        print(f"  summarize --jobs 2            {j2:7.1f} s  {files / j2:6.1f} files/s   runs: {', '.join(f'{t:.1f}' for t in jobs2)}")
        print(f"  dask-run, LocalCluster of 2   {dk:7.1f} s  {files / dk:6.1f} files/s   runs: {', '.join(f'{t:.1f}' for t in dask)}")
        print(f"  dask-run throughput / --jobs 2 throughput: {j2 / dk:.2f}  (target ≥ 0.80)")
        print(f"  Dask partitions byte-identical to --jobs 1 (and --jobs 2): {'yes' if identical else 'NO'}")
        if not identical:
            sys.exit(1)


if __name__ == "__main__":
    main()

"""Reading originals, timed against the pipeline users ran before (run by hand; prints ratios).

    .venv/bin/python benchmarks/formats.py [--repeat 5] [FILE.pdf ...]

For each PDF (default: the 48-page D07 of ../shared/corpus/bulletins): the whole process
`healthdigest summarize FILE.pdf` against the shell pipeline
`pdftotext FILE.pdf - | healthdigest summarize -` (pdftotext from poppler-utils), both with
--no-cache, interleaved, median of --repeat runs. Also: the PDF reader alone in this process,
and `healthdigest summarize` of the same text file, to show what reading a PDF costs.
The issue's target: at most 1.2× the pdftotext pipeline.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# shared/ sits beside the checkout (CI), or beside the folder of worktrees.
CORPUS = next((d for d in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if d.is_dir()), ROOT.parent / "shared") / "corpus" / "bulletins"
HD = f"{sys.executable} -m healthdigest summarize --no-cache -q --format jsonl"


def _wall(command: str) -> float:
    return _run(command)[0]


def _run(command: str) -> tuple[float, float]:
    """Wall-clock seconds, and the processor seconds (user + system) of every process the
    command ran: the second hardly moves with the machine's load from other work."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, shell=True, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if shutil.which("pdftotext") is None:
        sys.exit("pdftotext not found: install poppler-utils (apt-get install -y poppler-utils)")
    files = args.files or sorted(CORPUS.glob("D07_*.pdf"))
    if not files:
        sys.exit(f"no PDF given and none found in {CORPUS}")
    from healthdigest.readers.pdf import read_pdf

    for pdf in files:
        direct, piped = [], []
        for _ in range(args.repeat):  # interleaved, so drift in the machine's load hits both
            direct.append(_run(f"{HD} '{pdf}'"))
            piped.append(_run(f"pdftotext '{pdf}' - | {HD} -"))
        data = pdf.read_bytes()
        reads = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            read_pdf(data, name=pdf.name)
            reads.append(time.perf_counter() - start)
        extract = []
        for _ in range(args.repeat):
            extract.append(_wall(f"pdftotext '{pdf}' /dev/null"))
        d, p = statistics.median(w for w, _ in direct), statistics.median(w for w, _ in piped)
        dc, pc = statistics.median(c for _, c in direct), statistics.median(c for _, c in piped)
        print(f"{pdf.name}          (wall clock; processor time of all processes)")
        print(f"  healthdigest summarize FILE.pdf             {d:6.2f} s   {dc:6.2f} s")
        print(f"  pdftotext FILE.pdf - | healthdigest -       {p:6.2f} s   {pc:6.2f} s")
        print(f"  ratio (target ≤ 1.2)                        {d / p:6.2f}×   {dc / pc:6.2f}×")
        print(f"  PDF reader alone (in process)               {statistics.median(reads):6.3f} s")
        print(f"  pdftotext alone                             {statistics.median(extract):6.3f} s")


if __name__ == "__main__":
    main()

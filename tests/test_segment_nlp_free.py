"""`healthdigest segment` reads structure only: it never loads the word segmenter."""

from __future__ import annotations

import subprocess
import sys

from conftest import SEEDS, corpus_texts


def test_segment_over_the_corpus_and_seeds_never_imports_jieba():
    paths = [str(p) for p in corpus_texts()] + [str(p) for p in sorted(SEEDS.glob("*.txt"))]
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "healthdigest", "segment", "--format", "json", *paths],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr[-500:]
    imported = {line.split("|")[-1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")}
    assert "jieba" not in imported
    assert proc.stdout.count('"articles"') >= len(paths)

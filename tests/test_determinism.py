"""The same input always gives the same digest, whatever the process's hash seed."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT, SEEDS


def test_two_processes_with_different_hash_seeds_give_identical_output(tmp_path):
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "HEALTHDIGEST_CACHE_DIR": str(tmp_path / "cache")}
        proc = subprocess.run(
            [sys.executable, "-m", "healthdigest", "summarize", str(SEEDS), "-f", "jsonl", "--no-cache", "-q"],
            cwd=ROOT, env=env, capture_output=True, check=True,
        )
        outputs.append(proc.stdout)
    assert outputs[0] == outputs[1] and outputs[0]

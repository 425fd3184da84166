"""The first original of a run is decoded in a forked helper process while jieba loads
(pipeline._decode). Each test runs in a fresh process, where jieba is not loaded yet: the digest
is the one made without the helper, the helper's InputError is the message, and a helper that
dies costs nothing but time."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT

ORIGINAL = ROOT / "tests" / "data" / "originals" / "gw_notice.doc"

# Runs in a fresh interpreter: PATCH, then the digest of argv[1] as JSON Lines on stdout, the
# number of forks on stderr (or the InputError's message and status 1).
SCRIPT = """
import os, sys
import healthdigest.pipeline as P
from healthdigest import api
from healthdigest.errors import InputError
forks = []
real_fork = os.fork
def counting_fork():
    pid = real_fork()
    if pid:
        forks.append(pid)
    return pid
os.fork = counting_fork
PARENT = os.getpid()
{patch}
try:
    print(api.render_digest(api.digest_path(sys.argv[1]), "jsonl"), end="")
except InputError as exc:
    print(exc, file=sys.stderr)
    sys.exit(1)
print(f"forks={{len(forks)}}", file=sys.stderr)
"""


def _run(path, patch: str = "") -> subprocess.CompletedProcess:
    env = {**os.environ, "HEALTHDIGEST_CACHE_DIR": os.environ.get("HEALTHDIGEST_CACHE_DIR", "")}
    return subprocess.run([sys.executable, "-c", SCRIPT.format(patch=patch), str(path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, env={k: v for k, v in env.items() if v})


needs_fork = pytest.mark.skipif(not hasattr(os, "fork") or (os.cpu_count() or 1) < 2, reason="no fork or one core")


@needs_fork
def test_an_original_decoded_in_the_helper_gives_the_digest_made_without_it():
    helped = _run(ORIGINAL)
    alone = _run(ORIGINAL, "P._may_fork = lambda: False")
    assert helped.returncode == alone.returncode == 0
    assert "forks=1" in helped.stderr and "forks=0" in alone.stderr
    assert json.loads(helped.stdout)["articles"] and helped.stdout == alone.stdout


@needs_fork
def test_the_helpers_input_error_is_the_message(tmp_path):
    cut = tmp_path / "cut.doc"
    cut.write_bytes(ORIGINAL.read_bytes()[: ORIGINAL.stat().st_size // 2])
    helped = _run(cut)
    alone = _run(cut, "P._may_fork = lambda: False")
    assert helped.returncode == alone.returncode == 1
    assert helped.stderr.strip() and helped.stderr == alone.stderr and "Traceback" not in helped.stderr


@needs_fork
def test_a_helper_that_dies_costs_only_time():
    # The helper process ends at once (as if killed); the parent decodes the file itself.
    dies = "real_decode = P.decode_bytes\nP.decode_bytes = lambda *a, **k: os._exit(9) if os.getpid() != PARENT else real_decode(*a, **k)"
    helped = _run(ORIGINAL, dies)
    alone = _run(ORIGINAL, "P._may_fork = lambda: False")
    assert helped.returncode == 0 and "forks=1" in helped.stderr
    assert helped.stdout == alone.stdout


def test_text_files_and_later_originals_are_decoded_in_process():
    text = ROOT / "seeds" / "002_0207d4c4c942e4a6.txt"
    assert "forks=0" in _run(text).stderr
    # jieba already loaded: nothing to overlap, so no helper
    assert "forks=0" in _run(ORIGINAL, "from healthdigest import words; words.tokenizer()").stderr

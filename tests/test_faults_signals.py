"""Faults, class 2: signals and dead workers. SIGTERM and SIGHUP (cron, systemd, timeout, a
closed terminal) clean up like Ctrl-C; a worker that dies costs only its own file."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS

BIG = SEEDS / "003_95dcd98fb450c0bd.txt"  # the longest seed: a worker is busy with it a while


def _folder(tmp_path: Path, count: int) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for k in range(count):
        shutil.copy(BIG, folder / f"{k:02d}.txt")
    return folder


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(c) for c in text.split()]


def _start_with_workers(args, workers: int):
    proc = subprocess.Popen([sys.executable, "-m", "healthdigest", *map(str, args)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while len(_children(proc.pid)) < workers and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    children = _children(proc.pid)
    assert len(children) >= workers, "the pool never started"
    return proc, children


def _gone(pids: list[int], timeout: float = 10) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        alive = [p for p in pids if _alive(p)]
        if not alive:
            return True
        time.sleep(0.05)
    return False


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc to find the workers")
@pytest.mark.parametrize(("sig", "status"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_sigterm_and_sighup_clean_up_like_ctrl_c(tmp_path, sig, status):
    folder = _folder(tmp_path, 12)
    target = tmp_path / "out" / "all.jsonl"
    proc, workers = _start_with_workers(["summarize", folder, "-f", "jsonl", "--no-cache", "-j", "2", "-o", target], 2)
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=60)
    err = err.decode()
    assert proc.returncode == status
    assert f"interrupted ({signal.Signals(sig).name})" in err and "Traceback" not in err
    assert len(err.splitlines()) == 1
    assert not target.exists() and not list((tmp_path / "out").iterdir())  # no temporary file either
    assert _gone(workers), "a worker outlived the run"


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc to find the workers")
def test_a_killed_worker_costs_only_its_file(tmp_path):
    folder = _folder(tmp_path, 4)
    target = tmp_path / "all.jsonl"
    proc, workers = _start_with_workers(["summarize", folder, "-f", "jsonl", "--no-cache", "-j", "2", "-o", target], 2)
    time.sleep(0.3)  # let the worker take a file
    os.kill(workers[0], signal.SIGKILL)  # as the out-of-memory killer would
    _, err = proc.communicate(timeout=120)
    err = err.decode()
    assert "Traceback" not in err and "BrokenProcessPool" not in err
    assert proc.returncode == 1
    lost = [line for line in err.splitlines() if "worker process" in line]
    assert len(lost) == 1 and "killed by SIGKILL" in lost[0] and ".txt" in lost[0]
    digested = [json.loads(line)["path"] for line in target.read_text(encoding="utf-8").splitlines()]
    assert len(digested) == 3 and Path(lost[0].split(": ")[1]).name not in {Path(p).name for p in digested}


def test_a_bug_met_on_one_file_costs_only_that_file(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from healthdigest import pipeline
    from healthdigest.cli import app

    for name in ("a.txt", "b.txt"):
        shutil.copy(SEEDS / "002_0207d4c4c942e4a6.txt", tmp_path / name)
    real = pipeline.digest_bytes

    def buggy(data, *, name, settings):
        if name.endswith("a.txt"):
            raise RecursionError("maximum recursion depth exceeded")
        return real(data, name=name, settings=settings)

    monkeypatch.setattr(pipeline, "digest_bytes", buggy)
    result = CliRunner().invoke(app, ["summarize", str(tmp_path), "-f", "jsonl", "--no-cache"], catch_exceptions=False)
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert "a.txt: internal error while digesting it (RecursionError" in result.stderr
    assert [Path(json.loads(line)["path"]).name for line in result.stdout.splitlines()] == ["b.txt"]

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


# A signal sent while the program starts: from inside the import machinery, so the moment is
# exact (the handler runs at the next bytecode after os.kill). TRIGGER names a module: the
# signal is sent when it is first imported, or, with "after:", at the first import made once
# that module has begun loading (it is then half-initialised).
_START = """
import os, signal, sys
want, sig = sys.argv[1], int(sys.argv[2])
class Hook:
    fired = False
    def find_spec(self, name, path=None, target=None):
        after = want.startswith("after:")
        hit = (want[6:] in sys.modules and name != want[6:]) if after else name == want
        if hit and not Hook.fired:
            Hook.fired = True
            os.kill(os.getpid(), sig)
        return None
sys.meta_path.insert(0, Hook())
sys.argv = ["healthdigest", *sys.argv[3:]]
import runpy
runpy.run_module("healthdigest", run_name="__main__")  # python -m healthdigest, as the console script
"""


@pytest.mark.parametrize(("trigger", "sig"), [
    ("typer", signal.SIGINT),  # while the command line's libraries load
    ("typer", signal.SIGTERM),
    ("after:healthdigest.batch", signal.SIGINT),  # the batch module half-imported
    ("after:healthdigest.batch", signal.SIGHUP),
])
def test_a_signal_while_the_program_starts_is_one_line_and_its_status(tmp_path, trigger, sig):
    shutil.copy(SEEDS / "002_0207d4c4c942e4a6.txt", tmp_path / "a.txt")
    target = tmp_path / "out.json"
    proc = subprocess.run([sys.executable, "-c", _START, trigger, str(int(sig)), "summarize", str(tmp_path / "a.txt"),
                           "--no-cache", "-f", "json", "-o", str(target)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr
    assert proc.returncode == 128 + sig
    assert proc.stderr.splitlines() == [f"healthdigest: interrupted ({signal.Signals(sig).name})"]
    assert list(tmp_path.iterdir()) == [tmp_path / "a.txt"]


def test_a_signal_while_typer_builds_the_command_is_one_line(monkeypatch, capsys):
    import typer.main

    from healthdigest import cli
    from healthdigest.errors import Interrupted

    def interrupted(*args, **kwargs):
        raise Interrupted(signal.SIGTERM)

    monkeypatch.setattr(typer.main, "get_command", interrupted)
    monkeypatch.setattr(sys, "argv", ["healthdigest", "config", "show"])
    with pytest.raises(SystemExit) as stop:
        cli.main()
    assert stop.value.code == 143
    assert capsys.readouterr().err == "healthdigest: interrupted (SIGTERM)\n"


def test_a_dask_run_stopped_by_sigterm_says_so_once_with_its_status(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from healthdigest import api
    from healthdigest.cli import app
    from healthdigest.errors import Interrupted

    def stopped(*args, **kwargs):
        raise Interrupted(signal.SIGTERM)

    monkeypatch.setattr(api, "digest_with_dask", stopped)
    shutil.copy(SEEDS / "002_0207d4c4c942e4a6.txt", tmp_path / "a.txt")
    result = CliRunner().invoke(app, ["dask-run", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 143  # was 130, and main then added a second "interrupted" line
    assert result.stderr.splitlines() == [
        "healthdigest: interrupted (SIGTERM); the same command with --resume finishes the run"]


def test_an_interrupted_run_ends_though_a_pool_thread_is_jammed(tmp_path):
    """A worker ended while sending its result leaves half a message in the pool's pipe; the
    executor's thread waits for the rest for ever and the interpreter's exit joined it: one
    SIGINT in seven to the parent of -j 2 hung. Here a thread that never ends stands for it."""
    shutil.copy(SEEDS / "002_0207d4c4c942e4a6.txt", tmp_path / "a.txt")
    jammed = "import threading\nthreading.Thread(target=threading.Event().wait).start()\n"
    script = _START.replace("import runpy\n", jammed + "import runpy\n")
    proc = subprocess.run([sys.executable, "-c", script, "after:healthdigest.batch", str(int(signal.SIGINT)),
                           "summarize", str(tmp_path / "a.txt"), "--no-cache", "-f", "json"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 130
    assert proc.stderr.splitlines() == ["healthdigest: interrupted (SIGINT)"]

"""Faults, class 1: outputs. Nothing is lost at the terminal or in a pipe, no input is
overwritten, no earlier output is destroyed by a run that digested nothing, modes follow the
umask, and one output that cannot be written costs only itself (docs/robustness.md)."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT, SEEDS
from healthdigest.cli import app

SMALL = SEEDS / "002_0207d4c4c942e4a6.txt"
OTHER = SEEDS / "000_6b9dbb8f10a053fd.txt"
runner = CliRunner()


def run(*args, **kw):
    result = runner.invoke(app, [str(a) for a in args], catch_exceptions=False, **kw)
    assert "Traceback" not in result.stderr
    return result


def hd(*args, **kw):
    """The installed command in a child process (pipes, terminals and signals are real)."""
    return subprocess.Popen([sys.executable, "-m", "healthdigest", *map(str, args)], cwd=ROOT, **kw)


def two_bulletins(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(SMALL, folder / "a.txt")
    shutil.copy(OTHER, folder / "b.txt")
    return [folder / "a.txt", folder / "b.txt"]


def test_progress_bar_on_a_terminal_never_captures_stdout(tmp_path):
    """stderr a terminal, stdout a file (`> x.json` typed at a prompt): the file gets the JSON."""
    import pty

    inputs = two_bulletins(tmp_path / "in")
    master, slave = pty.openpty()
    drained = []
    reader = threading.Thread(target=lambda: _drain(master, drained), daemon=True)
    reader.start()
    target = tmp_path / "x.json"
    with target.open("wb") as out:
        proc = hd("summarize", *inputs, "-f", "json", "--no-cache", stdout=out, stderr=slave)
        assert proc.wait(timeout=120) == 0
    os.close(slave)
    reader.join(timeout=5)
    digests = json.loads(target.read_text(encoding="utf-8"))
    assert [Path(d["path"]).name for d in digests] == ["a.txt", "b.txt"]
    assert b"Traceback" not in b"".join(drained)


def _drain(fd, sink):
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return
        if not chunk:
            return
        sink.append(chunk)


@pytest.mark.parametrize("fmt", ["jsonl", "rich"])
def test_broken_pipe_ends_quietly_with_status_0(tmp_path, fmt):
    """`| head -1`: the reader goes away; the run ends like head's other writers."""
    inputs = two_bulletins(tmp_path / "in")
    proc = hd("summarize", *inputs, "-f", fmt, "--no-cache", "-q", stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0
    assert err == ""


def test_dash_output_is_standard_output(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("summarize", SMALL, "-f", "jsonl", "-o", "-", "-q")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["path"].endswith(SMALL.name)
    assert not (tmp_path / "-").exists()


def test_output_that_is_an_input_is_refused(tmp_path):
    a, b = two_bulletins(tmp_path / "in")
    before = a.read_bytes()
    result = run("summarize", a, b, "-o", a)
    assert result.exit_code == 2 and "is also an input" in result.stderr
    assert a.read_bytes() == before


def test_brief_onto_a_bulletin_in_the_input_folder_is_refused(tmp_path):
    a, _ = two_bulletins(tmp_path / "in")
    before = a.read_bytes()
    result = run("brief", tmp_path / "in", "-o", a)
    assert result.exit_code == 2 and "is a bulletin among the inputs" in result.stderr
    assert a.read_bytes() == before


def test_output_onto_a_fifo_is_written_through(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = run("summarize", SMALL, "-f", "jsonl", "-o", fifo, "-q")
    reader.join(timeout=30)
    assert result.exit_code == 0
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # still the FIFO, not replaced by a file
    assert json.loads(received[0])["path"].endswith(SMALL.name)


def test_trailing_slash_creates_the_output_folder(tmp_path):
    """The README's cron recipe: `-o newdir/` when newdir does not exist yet."""
    new = tmp_path / "newdir"
    result = run("summarize", SMALL, "-f", "json", "-o", f"{new}/", "-q")
    assert result.exit_code == 0
    assert new.is_dir() and [p.name for p in new.iterdir()] == [SMALL.stem + ".json"]


def test_recursive_output_folder_mirrors_the_input_tree_night_after_night(tmp_path):
    root = tmp_path / "bulletins"
    for month, seed in (("2024-03", SMALL), ("2024-04", OTHER)):
        (root / month).mkdir(parents=True)
        shutil.copy(seed, root / month / "issue.txt")
    for _night in range(2):
        result = run("summarize", root, "--recursive", "-f", "markdown", "-o", f"{root}/", "-q")
        assert result.exit_code == 0, result.stderr
    written = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.md"))
    assert written == ["2024-03/issue.md", "2024-04/issue.md"]
    assert "卫生健康" in (root / "2024-03" / "issue.md").read_text(encoding="utf-8")


def test_digest_file_inside_the_input_folder_is_not_read_back(tmp_path):
    folder = tmp_path / "in"
    two_bulletins(folder)
    target = folder / "digest.md"
    for _night in range(2):
        result = run("summarize", folder, "-f", "markdown", "-o", target)
        assert result.exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert text.count("\n---\n") == 1  # two digests, not three
    assert "2 files," in result.stderr


def test_run_whose_inputs_all_failed_leaves_the_old_output(tmp_path):
    old = tmp_path / "all.json"
    old.write_text('[{"yesterday": true}]\n', encoding="utf-8")
    result = run("summarize", tmp_path / "share" / "missing.txt", "-f", "json", "-o", old)
    assert result.exit_code == 1 and "left as it was" in result.stderr
    assert old.read_text(encoding="utf-8") == '[{"yesterday": true}]\n'


def test_brief_whose_inputs_all_failed_leaves_the_old_briefing(tmp_path):
    old = tmp_path / "brief.md"
    old.write_text("# last week\n", encoding="utf-8")
    result = run("brief", tmp_path / "share", "-o", old, "-q")
    assert result.exit_code == 1
    assert old.read_text(encoding="utf-8") == "# last week\n"


def test_brief_whose_inputs_all_failed_does_not_claim_to_keep_a_file_that_never_was(tmp_path):
    new = tmp_path / "brief.md"
    result = run("brief", tmp_path / "share", "-o", new)
    assert result.exit_code == 1 and not new.exists()
    assert f"nothing was digested; {new} was not written" in result.stderr  # was "left as it was"


def test_new_files_follow_the_umask_and_existing_files_keep_their_mode(tmp_path):
    previous = os.umask(0o022)
    try:
        new = tmp_path / "new.md"
        assert run("summarize", SMALL, "-f", "markdown", "-o", new, "-q").exit_code == 0
        assert stat.S_IMODE(new.stat().st_mode) == 0o644
        kept = tmp_path / "kept.md"
        kept.write_text("old")
        kept.chmod(0o640)
        assert run("summarize", SMALL, "-f", "markdown", "-o", kept, "-q").exit_code == 0
        assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    finally:
        os.umask(previous)


def test_one_unwritable_output_is_reported_and_the_rest_written(tmp_path):
    inputs = two_bulletins(tmp_path / "in")
    out = tmp_path / "out"
    (out / "a.json").mkdir(parents=True)  # a folder where a.txt's digest should go
    result = run("summarize", *inputs, "-f", "json", "-o", f"{out}/", "-q")
    assert result.exit_code == 4
    assert "a.json: cannot write" in result.stderr and len(result.stderr.splitlines()) == 1
    assert json.loads((out / "b.json").read_text(encoding="utf-8"))[0]["path"].endswith("b.txt")


def test_over_long_output_names_are_reported_per_file(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    near = folder / ("长" * 81 + "ab.txt")  # 251 bytes: its digest name is fine, a temp name would not be
    too_long = folder / ("x" * 250 + ".md")  # its .jsonl digest would be 256 bytes
    shutil.copy(SMALL, near)
    shutil.copy(OTHER, too_long)
    out = tmp_path / "out"
    result = run("summarize", folder, "-f", "jsonl", "-o", f"{out}/", "-q")
    assert result.exit_code == 4
    assert "File name too long" in result.stderr and len(result.stderr.splitlines()) == 1
    assert [p.name for p in out.iterdir()] == [near.stem + ".jsonl"]


def test_an_empty_output_name_is_a_usage_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("summarize", SMALL, "-o", "")
    assert result.exit_code == 2 and "--output ''" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_output_through_a_symbolic_link_keeps_the_link(tmp_path):
    real = tmp_path / "digests" / "latest.json"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / "latest.json"
    link.symlink_to(real)
    assert run("summarize", SMALL, "-f", "json", "-o", link, "-q").exit_code == 0
    assert link.is_symlink() and json.loads(real.read_text(encoding="utf-8"))[0]["path"].endswith(SMALL.name)


@pytest.mark.parametrize("command", ["summarize", "brief"])
def test_standard_input_redirected_from_the_output_file_is_refused(tmp_path, command):
    """`summarize - -o a.txt < a.txt`: the input is that file, as `cat < a > a` would be."""
    a, _ = two_bulletins(tmp_path / "in")
    before = a.read_bytes()
    with open(a, "rb") as stdin:
        done = subprocess.run([sys.executable, "-m", "healthdigest", command, "-", "-o", str(a), "-q"], cwd=ROOT,
                              stdin=stdin, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "is also an input" in done.stderr and "Traceback" not in done.stderr
    assert a.read_bytes() == before


def test_one_file_named_three_ways_into_an_output_folder(tmp_path, monkeypatch):
    """`a.txt ./a.txt /abs/a.txt -o DIR/` was an internal error (70): the three spellings had
    no common folder below the file. One file named twice is no clash: one digest file."""
    a, b = two_bulletins(tmp_path / "in")
    monkeypatch.chdir(tmp_path / "in")
    result = run("summarize", "a.txt", "./a.txt", a, "b.txt", "-f", "json", "-o", f"{tmp_path / 'out'}/", "-q")
    assert result.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.json", "b.json"]

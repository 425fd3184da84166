"""Bad input and interruption: each case in docs/robustness.md has its test here.

Every case checks the exit status, that no Python traceback reaches the user, and what is
written where. Large inputs are generated at test time rather than stored.
"""

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
from typer.testing import CliRunner

from conftest import DATA, ROOT, SEEDS
from healthdigest.batch import run_batch
from healthdigest.cli import app
from healthdigest.config import load_settings

BAD = DATA / "bad"
runner = CliRunner()


def run(*args):
    result = runner.invoke(app, [str(a) for a in args], catch_exceptions=False)
    assert "Traceback" not in result.stderr
    return result


def digest(path, *extra):
    return run("summarize", path, "-f", "jsonl", "--no-cache", *extra)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.txt", "the file is empty"),
        ("whitespace.txt", "only whitespace"),
        ("pdf-renamed.txt", "the PDF cannot be opened (damaged or cut short?)"),
        ("png-renamed.txt", "looks like a PNG image"),
        ("nul-bytes.txt", "contains NUL bytes"),
    ],
)
def test_unusable_file_fails_with_a_message_and_no_output(name, message):
    result = digest(BAD / name)
    assert result.exit_code == 1
    assert name in result.stderr and message in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("name", "encoding", "warned"),
    [
        ("utf16-no-bom.txt", "UTF-16 without BOM", True),
        ("mixed-gbk-utf8.txt", "mixed UTF-8/GB18030", True),
        ("big5.txt", "Big5", True),
    ],
)
def test_odd_encodings_are_decoded_and_said(name, encoding, warned):
    result = digest(BAD / name)
    assert result.exit_code == 0
    out = json.loads(result.stdout)
    assert out["encoding"] == encoding
    assert bool(out["warnings"]) == warned and (name in result.stderr) == warned
    assert "\ufffd" not in json.dumps(out, ensure_ascii=False)


def test_big5_text_reads_as_traditional_chinese():
    out = json.loads(digest(BAD / "big5.txt").stdout)
    text = json.dumps(out, ensure_ascii=False)
    assert "醫保工作會議召開" in text and "擴大門診慢特病跨省直接結算範圍" in text


@pytest.mark.parametrize("name", ["crlf.txt", "cr-only.txt"])
def test_crlf_and_cr_line_ends_read_like_lf(name):
    lf = json.loads(digest(BAD / "lf.txt").stdout)
    other = json.loads(digest(BAD / name).stdout)
    for key in ("bulletin", "articles", "dropped", "layout"):
        assert other[key] == lf[key]


def test_a_single_one_megabyte_line_is_digested(tmp_path):
    big = tmp_path / "one-line.txt"
    sentence = "国家医保局推进医保基金监管常态化，各地开展专项整治行动。"
    big.write_text(sentence * (1024 * 1024 // len(sentence.encode())), encoding="utf-8")
    start = time.perf_counter()
    result = digest(big, "-q")
    assert result.exit_code == 0
    assert time.perf_counter() - start < 60
    out = json.loads(result.stdout)
    assert len(out["articles"]) == 1 and out["articles"][0]["summary"]


def test_fifty_megabyte_file_gets_the_size_limit_message(tmp_path):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: no disk used, and never read
    result = digest(huge)
    assert result.exit_code == 1
    assert "huge.txt: 50.0 MB is over the 20 MB limit" in result.stderr


def test_directory_with_no_bulletins(tmp_path):
    (tmp_path / "notes.png").write_bytes(b"\x89PNG")
    result = digest(tmp_path)
    assert result.exit_code == 1 and "no bulletins here" in result.stderr


def test_broken_symlink(tmp_path):
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "missing-target.txt")
    result = digest(link)
    assert result.exit_code == 1 and "broken symbolic link" in result.stderr


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_for_real(tmp_path):
    locked = tmp_path / "locked.txt"
    shutil.copy(SEEDS / "002_0207d4c4c942e4a6.txt", locked)
    locked.chmod(0)
    result = digest(locked)
    assert result.exit_code == 1 and "permission denied" in result.stderr


def test_unreadable_file(tmp_path, monkeypatch):
    locked = tmp_path / "locked.txt"
    shutil.copy(SEEDS / "002_0207d4c4c942e4a6.txt", locked)
    real = open

    def refuse(path, *args, **kwargs):
        if Path(path).name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(path, *args, **kwargs)

    monkeypatch.setattr("healthdigest.reading.open", refuse, raising=False)
    result = digest(locked, SEEDS / "002_0207d4c4c942e4a6.txt")
    assert result.exit_code == 1
    assert "locked.txt: permission denied; make the file readable" in result.stderr
    assert len(result.stdout.splitlines()) == 1


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("config-unknown-key.yaml", "unknown setting 'summary.sentence'"),
        ("config-wrong-type.yaml", "'keywords.count' must be a whole number"),
        ("config-invalid.yaml", "not valid YAML at line 2"),
        ("config-python-tag.yaml", "is not allowed"),
    ],
)
def test_bad_config_files_are_refused_with_exit_3(name, message):
    result = run("summarize", SEEDS / "002_0207d4c4c942e4a6.txt", "--config", BAD / name)
    assert result.exit_code == 3
    assert message in result.stderr and result.stdout == ""


def test_output_directory_that_cannot_be_written(tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where a directory should be")
    result = run("summarize", SEEDS / "002_0207d4c4c942e4a6.txt", "-o", blocker / "out" / "x.md", "-q")
    assert result.exit_code == 4 and "cannot write" in result.stderr


def test_file_that_disappears_mid_run_is_reported_and_the_batch_goes_on(tmp_path):
    files = []
    for name in ("a.txt", "b.txt", "c.txt"):
        shutil.copy(SEEDS / "002_0207d4c4c942e4a6.txt", tmp_path / name)
        files.append(tmp_path / name)
    outcomes = run_batch(files, load_settings(None), jobs=1, use_cache=False)
    first = next(outcomes)
    files[1].unlink()  # gone after the run started, before its turn
    rest = list(outcomes)
    assert first.bulletin is not None and rest[1].bulletin is not None
    assert rest[0].error and "no such file (moved or deleted?)" in rest[0].error


def _interrupt(args, tmp_path, delay):
    env = {**os.environ, "HEALTHDIGEST_CACHE_DIR": str(tmp_path / "cache")}
    proc = subprocess.Popen([sys.executable, "-m", "healthdigest", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(delay)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    return proc.returncode, out.decode(), err.decode()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigint_mid_batch_leaves_no_partial_output(tmp_path, jobs):
    folder = tmp_path / "in"
    folder.mkdir()
    for k in range(60):
        shutil.copy(SEEDS / "003_95dcd98fb450c0bd.txt", folder / f"{k:02d}.txt")
    target = tmp_path / "out" / "all.jsonl"
    code, out, err = _interrupt(["summarize", str(folder), "-f", "jsonl", "--no-cache", "-j", jobs, "-o", str(target)], tmp_path, 3.0)
    assert code == 130
    assert "interrupted" in err and "Traceback" not in err
    assert not target.exists()
    assert not list((tmp_path / "out").glob("*"))  # no temporary file left either


def test_sigint_with_output_directory_leaves_only_whole_files(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for k in range(60):
        shutil.copy(SEEDS / "003_95dcd98fb450c0bd.txt", folder / f"{k:02d}.txt")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    code, _, err = _interrupt(["summarize", str(folder), "-f", "jsonl", "--no-cache", "-j", "1", "-o", str(out_dir)], tmp_path, 3.0)
    assert code == 130 and "Traceback" not in err
    written = list(out_dir.iterdir())
    assert all(p.suffix == ".jsonl" for p in written)  # no .tmp files
    for p in written:
        json.loads(p.read_text(encoding="utf-8"))  # each one whole


def test_robustness_table_lists_every_corpus_file():
    """docs/robustness.md and tests/data/bad/ must not drift apart."""
    table = (ROOT / "docs" / "robustness.md").read_text(encoding="utf-8")
    rows = {
        "empty.txt": "empty file", "whitespace.txt": "whitespace only", "pdf-renamed.txt": "a PDF renamed",
        "png-renamed.txt": "a PNG renamed", "nul-bytes.txt": "NUL bytes", "utf16-no-bom.txt": "UTF-16 without BOM",
        "mixed-gbk-utf8.txt": "GBK and UTF-8 lines mixed", "big5.txt": "Big5", "crlf.txt": "CRLF or CR line ends",
        "cr-only.txt": "CRLF or CR line ends", "lf.txt": "CRLF or CR line ends",
        "config-unknown-key.yaml": "config with an unknown key", "config-wrong-type.yaml": "config with a wrong type",
        "config-invalid.yaml": "config that is not valid YAML", "config-python-tag.yaml": "`!!python/object` tag",
    }
    assert sorted(p.name for p in BAD.iterdir()) == sorted(rows)
    for row in rows.values():
        assert row in table

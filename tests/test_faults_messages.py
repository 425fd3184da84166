"""Faults, class 6: messages and exit statuses. One line each, no traceback for anything a
user or the machine can do; -h; shell completion documented; dates checked; JSON stays JSON."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT, SEEDS
from healthdigest.cli import app

SEED = SEEDS / "000_6b9dbb8f10a053fd.txt"
runner = CliRunner()


def run(*args, **kw):
    result = runner.invoke(app, [str(a) for a in args], catch_exceptions=False, **kw)
    assert "Traceback" not in result.stderr
    return result


def child(*args, env=None, **kw):
    return subprocess.run([sys.executable, "-m", "healthdigest", *map(str, args)], cwd=ROOT, capture_output=True,
                          env={**os.environ, **(env or {})}, timeout=120, **kw)


@pytest.mark.parametrize("command", [[], ["summarize"], ["brief"], ["segment"], ["cache"], ["cache", "prune"], ["config"]])
def test_dash_h_is_help(command):
    result = run(*command, "-h")
    assert result.exit_code == 0 and "Usage:" in result.stdout


def test_shell_completion_is_offered_and_documented():
    assert "--install-completion" in run("--help").stdout
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "--install-completion" in readme and "--show-completion" in readme


def test_standard_output_closed_is_one_line_and_status_4():
    done = subprocess.run([sys.executable, "-m", "healthdigest", "summarize", str(SEED), "-f", "jsonl", "-q"],
                          cwd=ROOT, stderr=subprocess.PIPE, preexec_fn=lambda: os.close(1), timeout=120)
    assert done.returncode == 4
    assert done.stderr.decode().splitlines() == ["healthdigest: standard output is closed; give --output FILE"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_a_full_disk_behind_stdout_is_one_line_and_status_4():
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "healthdigest", "summarize", str(SEED), "-f", "json", "-q"],
                              cwd=ROOT, stdout=full, stderr=subprocess.PIPE, timeout=120)
    assert done.returncode == 4
    assert done.stderr.decode().splitlines() == [
        "healthdigest: standard output: cannot write (No space left on device); give --output FILE"]


def test_an_ascii_only_terminal_gets_escapes_not_a_traceback():
    plain = child("summarize", SEED, "-f", "json", "-q")
    ascii_only = child("summarize", SEED, "-f", "json", "-q", env={"PYTHONIOENCODING": "ascii"})
    assert ascii_only.returncode == 0 and ascii_only.stderr == b""
    assert ascii_only.stdout.isascii()
    assert json.loads(ascii_only.stdout) == json.loads(plain.stdout)


@pytest.mark.parametrize(
    ("option", "value"),
    [("--week", "9999-W52"), ("--week", "2024-W60"), ("--since", "20240301"), ("--until", "2024-02-30")],
)
def test_brief_periods_that_are_no_dates_are_status_2(option, value):
    result = run("brief", SEED, option, value)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1 and value in result.stderr


def test_an_impossible_date_is_warned_not_emitted(tmp_path):
    path = tmp_path / "bulletin.txt"
    path.write_text("卫生健康信息动态\n2024年第9期\n2024年2月30日\n\n【资讯前沿】\n基层卫生服务能力提升\n"
                    "国家卫生健康委召开发布会，介绍基层医疗卫生服务能力提升情况。\n（来源：健康报）\n", encoding="utf-8")
    result = run("summarize", path, "-f", "jsonl", "--no-cache")
    out = json.loads(result.stdout)
    assert out["bulletin"]["date"] is None
    assert any("2024年2月30日" in w and "not a calendar date" in w for w in out["warnings"])


def test_a_line_separator_in_a_bulletin_keeps_json_valid(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    at = text.index("。", 800) + 1
    path = tmp_path / "u2028.txt"
    path.write_text(text[:at] + "\u2028" + text[at:], encoding="utf-8")
    result = run("summarize", path, SEED, "-f", "json", "--no-cache", "-q")
    digests = json.loads(result.stdout)
    assert len(digests) == 2 and "\u2028" in json.dumps(digests[0], ensure_ascii=False)


def test_every_row_of_the_robustness_doc_names_a_test_that_exists():
    """docs/robustness.md and the fault tests must not drift apart."""
    doc = (ROOT / "docs" / "robustness.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`(test_\w+)`", doc))
    defined = set()
    for path in (ROOT / "tests").glob("test_*.py"):
        defined |= set(re.findall(r"^def (test_\w+)", path.read_text(encoding="utf-8"), re.M))
    assert named and named <= defined, sorted(named - defined)
    faults = set()
    for path in (ROOT / "tests").glob("test_faults_*.py"):
        faults |= set(re.findall(r"^def (test_\w+)", path.read_text(encoding="utf-8"), re.M))
    assert faults <= named, sorted(faults - named)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize("args", [["--help"], ["--version"], ["summarize", "-h"], ["cache", "--help"]])
def test_help_and_version_onto_a_full_disk_are_one_line_and_status_4(args):
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "healthdigest", *args], cwd=ROOT, stdout=full,
                              stderr=subprocess.PIPE, timeout=60)
    assert done.returncode == 4
    assert done.stderr.decode().splitlines() in (
        ["healthdigest: standard output: cannot write (No space left on device)"],
        ["healthdigest: standard output: cannot write (No space left on device); give --output FILE"])


def test_the_version_onto_a_closed_stdout_is_status_4():
    done = subprocess.run([sys.executable, "-m", "healthdigest", "--version"], cwd=ROOT, stderr=subprocess.PIPE,
                          preexec_fn=lambda: os.close(1), timeout=60)
    assert done.returncode == 4 and "standard output is closed" in done.stderr.decode()


@pytest.mark.parametrize("since", ["20240301", "2024-02-30", "2024-W10", 20240301])
def test_briefing_periods_that_are_no_dates_are_refused_by_the_api_too(since):
    """make_briefing compares dates as text: since="20240301" matched nothing, silently."""
    import healthdigest as hd

    bulletin = hd.digest_path(SEED)
    with pytest.raises(hd.HealthdigestError, match="not a date of the form 2024-03-05") as caught:
        hd.make_briefing([bulletin], since=since)
    assert caught.value.status == 2
    hd.make_briefing([bulletin], since="2024-03-01", until="2024-03-31")


def test_a_dask_scheduler_address_that_is_no_address_is_status_2(tmp_path):
    pytest.importorskip("distributed")
    (tmp_path / "a.txt").write_text("通知\n", encoding="utf-8")
    result = run("dask-run", tmp_path / "a.txt", "-o", tmp_path / "out", "--scheduler", "not a url")
    assert result.exit_code == 2  # was an internal error (70): ValueError from distributed
    assert "cannot reach the Dask scheduler at not a url" in result.stderr

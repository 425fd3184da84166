"""Batch behaviour: order and output independent of workers, atomic outputs, cache, errors."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from conftest import SEEDS
from healthdigest import cache
from healthdigest.batch import expand_inputs, run_batch
from healthdigest.cli import app

runner = CliRunner()


def run(*args, **kw):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False, **kw)


@pytest.fixture()
def folder(tmp_path):
    """Copies of the seeds (and a nested one) in a folder of their own."""
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, tmp_path / seed.name)
    (tmp_path / "sub").mkdir()
    shutil.copy(SEEDS / "002_0207d4c4c942e4a6.txt", tmp_path / "sub" / "nested.txt")
    return tmp_path


def test_two_workers_give_the_same_output_in_the_same_order(folder):
    one = run("summarize", folder, "-f", "jsonl", "-j", "1", "--no-cache", "-q")
    two = run("summarize", folder, "-f", "jsonl", "-j", "2", "--no-cache", "-q")
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout
    assert [json.loads(line)["path"].rsplit("/", 1)[1] for line in two.stdout.splitlines()] == sorted(
        p.name for p in SEEDS.glob("*.txt")
    )


def test_recursive_and_glob_inputs(folder):
    flat, _ = expand_inputs([str(folder)])
    deep, _ = expand_inputs([str(folder)], recursive=True)
    assert len(deep) == len(flat) + 1
    pattern, problems = expand_inputs([str(folder / "00[01]_*.txt")])
    assert [p.name[:3] for p in pattern] == ["000", "001"] and not problems
    _, problems = expand_inputs([str(folder / "zzz*.txt")])
    assert problems and "no file matches" in problems[0]


def test_output_directory_gets_one_file_per_input(folder, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    result = run("summarize", folder, "-f", "markdown", "-o", out, "-q")
    assert result.exit_code == 0 and result.stdout == ""
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(p.stem + ".md" for p in SEEDS.glob("*.txt"))
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temporary files left


def test_output_directory_never_overwrites_an_input(tmp_path):
    src = tmp_path / "a.md"
    shutil.copy(SEEDS / "000_6b9dbb8f10a053fd.txt", src)
    before = src.read_bytes()
    result = run("summarize", src, "-f", "markdown", "-o", tmp_path, "-q")
    assert result.exit_code == 1 and "would overwrite an input" in result.stderr
    assert src.read_bytes() == before


def test_one_bad_file_fails_alone(folder):
    (folder / "empty.txt").write_text("")
    result = run("summarize", folder, "-f", "jsonl", "--no-cache")
    assert result.exit_code == 1
    assert "empty.txt" in result.stderr and "empty" in result.stderr
    assert len(result.stdout.splitlines()) == 5
    assert "6 files, " in result.stderr and "1 failed" in result.stderr


def test_second_run_is_served_from_the_cache(folder):
    cache.clear()
    first = list(run_batch(sorted(folder.glob("*.txt")), _settings(), jobs=1))
    second = list(run_batch(sorted(folder.glob("*.txt")), _settings(), jobs=1))
    assert not any(o.cached for o in first)
    assert all(o.cached for o in second)
    assert [o.bulletin.articles[0].summary for o in first] == [o.bulletin.articles[0].summary for o in second]


def test_changed_file_or_settings_miss_the_cache(folder):
    from dataclasses import replace

    files = [folder / "002_0207d4c4c942e4a6.txt"]
    list(run_batch(files, _settings(), jobs=1))
    assert all(o.cached for o in run_batch(files, _settings(), jobs=1))
    assert not any(o.cached for o in run_batch(files, replace(_settings(), sentences=1), jobs=1))
    files[0].write_text(files[0].read_text(encoding="utf-8") + "\n补充一句。\n", encoding="utf-8")
    assert not any(o.cached for o in run_batch(files, _settings(), jobs=1))


def test_cache_clear_removes_results(folder):
    list(run_batch([folder / "002_0207d4c4c942e4a6.txt"], _settings(), jobs=1))
    result = run("cache", "clear")
    assert result.exit_code == 0 and "removed" in result.stderr
    assert not list(cache.results_dir().rglob("*.pickle"))


def test_no_cache_neither_reads_nor_writes(folder):
    run("cache", "clear")
    outcomes = list(run_batch([folder / "002_0207d4c4c942e4a6.txt"], _settings(), jobs=1, use_cache=False))
    assert not outcomes[0].cached
    assert not list(cache.results_dir().rglob("*.pickle"))


def test_summary_line_on_stderr_and_none_when_quiet(folder):
    loud = run("summarize", folder / "002_0207d4c4c942e4a6.txt", "-f", "jsonl")
    assert "1 files, 1 articles, 0 failed" in loud.stderr
    quiet = run("summarize", folder / "002_0207d4c4c942e4a6.txt", "-f", "jsonl", "-q")
    assert quiet.stderr == ""


def _settings():
    from healthdigest.config import load_settings

    return load_settings(None)

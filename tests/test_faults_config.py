"""Faults, class 5: the configuration file. Every bad value is exit status 3 with a message
naming the key; numbers have bounds; aliases and huge numbers are refused before they are
built."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from healthdigest.cli import app

runner = CliRunner()


def show(tmp_path, text: str):
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["config", "show", "--config", str(path)], catch_exceptions=False)
    assert "Traceback" not in result.stderr
    return result


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("input:\n  max_file_mb: 0\n", "input.max_file_mb"),
        ("input:\n  max_file_mb: 100000\n", "input.max_file_mb"),
        ("summary:\n  sentences: 1000\n", "summary.sentences"),
        ("summary:\n  max_chars: 0\n", "summary.max_chars"),
        ("keywords:\n  count: -1\n", "keywords.count"),
        ("highlights:\n  count: 3.5\n", "highlights.count"),
        ("keywords:\n  words: ['']\n", "keywords.words"),
        ("keywords:\n  aliases: {a: ''}\n", "keywords.aliases"),
    ],
)
def test_values_out_of_bounds_are_status_3_naming_the_key(tmp_path, text, key):
    result = show(tmp_path, text)
    assert result.exit_code == 3
    assert f"'{key}' must be" in result.stderr and len(result.stderr.splitlines()) == 1


def test_a_huge_integer_is_refused_naming_the_key(tmp_path):
    result = show(tmp_path, "summary:\n  sentences: " + "9" * 5000 + "\n")
    assert result.exit_code == 3 and "'summary.sentences' must be a small number" in result.stderr


def test_yaml_aliases_are_refused(tmp_path):
    result = show(tmp_path, "keywords:\n  words: &w [医共体]\n  stopwords: *w\n")
    assert result.exit_code == 3 and "aliases" in result.stderr and "line 2" in result.stderr


def test_an_alias_bomb_is_refused_before_it_expands(tmp_path):
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]" for i in range(9)]
    result = show(tmp_path, "\n".join(lines) + "\n")
    assert result.exit_code == 3 and "aliases" in result.stderr


def test_a_config_that_never_ends_is_refused(tmp_path):
    result = runner.invoke(app, ["config", "show", "--config", "/dev/zero"], catch_exceptions=False)
    assert result.exit_code == 3 and "not a settings file" in result.stderr


def test_a_folder_as_config_is_status_3(tmp_path):
    result = runner.invoke(app, ["config", "show", "--config", str(tmp_path)], catch_exceptions=False)
    assert result.exit_code == 3 and "is a directory" in result.stderr


def test_command_line_numbers_have_the_same_bounds():
    result = runner.invoke(app, ["summarize", "x.txt", "--sentences", "1000"])
    assert result.exit_code == 2 and "--sentences" in result.stderr


def test_an_empty_section_keeps_the_defaults(tmp_path):
    result = show(tmp_path, "summary:\ninput:\n  max_file_mb: 5\n")
    assert result.exit_code == 0
    assert "max_file_mb: 5" in result.stdout and "sentences: 3" in result.stdout


@pytest.mark.parametrize("text", [
    "a: " + "[" * 2000 + "]" * 2000 + "\n",  # flow collections
    "- " * 2000 + "x\n",  # block sequences on one line
    "a: " + "{b: " * 2000 + "1" + "}" * 2000 + "\n",
])
def test_deep_nesting_is_refused_before_the_scanner_crawls(tmp_path, text):
    # PyYAML's scanner slows with every level it holds open: 300,000 "- " in a 600 KB file
    # took 14 s, 500,000 "[" minutes. Refused at the 33rd level, so the cost stays tiny.
    result = show(tmp_path, text)
    assert result.exit_code == 3
    assert "nested more than 32 levels deep" in result.stderr and len(result.stderr.splitlines()) == 1


def test_a_key_set_twice_is_refused_naming_it(tmp_path):
    result = show(tmp_path, "summary:\n  sentences: 3\nkeywords:\n  count: 5\n  count: 8\n")
    assert result.exit_code == 3
    assert "'keywords.count' is set twice (lines 4 and 5)" in result.stderr


def test_a_nul_byte_in_the_config_is_one_line(tmp_path):
    result = show(tmp_path, "summary:\n  sentences: 3\n\x00\n")
    assert result.exit_code == 3
    assert "not valid YAML" in result.stderr and len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize(("field", "value"), [
    ("max_file_mb", 0), ("sentences", -5), ("sentences", "3"), ("keywords", True), ("highlights", 10**30),
    ("max_chars", 0),
])
def test_settings_made_in_python_have_the_config_files_bounds(field, value):
    """Settings(max_file_mb=0) refused every file ("0.0 MB is over the 0 MB limit");
    sentences=-5 went through; a string failed deep inside with a TypeError."""
    from healthdigest.api import ConfigError, Settings

    with pytest.raises(ConfigError, match=f"'{field}' must be a whole number"):
        Settings(**{field: value})
    assert Settings(max_chars=None).max_chars is None


def test_dask_run_numbers_have_the_same_bounds_as_summarize():
    result = runner.invoke(app, ["dask-run", "x.txt", "-o", "out", "--sentences", "1000"])
    assert result.exit_code == 2 and "0<=x<=100" in result.stderr

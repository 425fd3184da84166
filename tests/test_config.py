"""Configuration: defaults first, the user's file overrides what it sets, errors name the key."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from conftest import SEEDS
from healthdigest.cli import app
from healthdigest.config import load_settings
from healthdigest.errors import ConfigError

runner = CliRunner()


def write(tmp_path, text):
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_partial_file_overrides_only_what_it_sets(tmp_path):
    s = load_settings(write(tmp_path, "summary:\n  sentences: 5\n"))
    assert s.sentences == 5
    assert s.engine == "hybrid" and s.keywords == 8


def test_unknown_key_is_named(tmp_path):
    with pytest.raises(ConfigError, match="unknown setting 'summary.sentence'"):
        load_settings(write(tmp_path, "summary:\n  sentence: 5\n"))


def test_wrong_type_is_named(tmp_path):
    with pytest.raises(ConfigError, match="'keywords.count' must be a whole number"):
        load_settings(write(tmp_path, "keywords:\n  count: many\n"))


def test_invalid_yaml_gives_position(tmp_path):
    with pytest.raises(ConfigError, match="not valid YAML at line"):
        load_settings(write(tmp_path, "summary: [unclosed\n"))


def test_python_object_tag_is_refused(tmp_path):
    with pytest.raises(ConfigError, match="not allowed"):
        load_settings(write(tmp_path, "summary: !!python/object/apply:os.system ['echo hi']\n"))


def test_user_words_lists_and_aliases_are_read(tmp_path):
    s = load_settings(write(tmp_path, "keywords:\n  words: [三明医改]\n  aliases: {省卫健委: 省卫生健康委员会}\n"))
    assert s.words == ("三明医改",) and dict(s.aliases) == {"省卫健委": "省卫生健康委员会"}


def test_config_error_exits_3_without_traceback(tmp_path):
    cfg = write(tmp_path, "summary:\n  engine: magic\n")
    result = runner.invoke(app, ["summarize", str(SEEDS / "000_6b9dbb8f10a053fd.txt"), "--config", str(cfg)])
    assert result.exit_code == 3
    assert "summary.engine" in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_init_writes_a_file_that_loads_back_to_the_defaults(tmp_path):
    target = tmp_path / "hd.yaml"
    result = runner.invoke(app, ["config", "init", str(target)])
    assert result.exit_code == 0 and target.read_text(encoding="utf-8").startswith("#")
    assert load_settings(target) == load_settings(None)
    again = runner.invoke(app, ["config", "init", str(target)])
    assert again.exit_code == 2 and "--force" in again.stderr


def test_show_prints_settings_in_effect(tmp_path):
    cfg = write(tmp_path, "highlights:\n  count: 2\n")
    result = runner.invoke(app, ["config", "show", "--config", str(cfg)])
    assert result.exit_code == 0 and "count: 2" in result.stdout and str(cfg) in result.stdout


def test_packaged_defaults_file_and_built_in_defaults_agree(tmp_path):
    empty = write(tmp_path, "# nothing set\n")
    assert load_settings(empty) == load_settings(None)

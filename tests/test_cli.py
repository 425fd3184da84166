"""The command line: exit codes, stdout for results only, stderr for everything else."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from conftest import SEEDS
from healthdigest import __version__
from healthdigest.cli import app

runner = CliRunner()
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def run(*args, **kw):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False, **kw)


def test_version():
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"healthdigest {__version__}"


@pytest.mark.parametrize("fmt", ["rich", "markdown", "json", "jsonl"])
@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name[:3])
def test_every_format_on_every_seed(fmt, seed):
    result = run("summarize", seed, "--format", fmt, "-q")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    out = result.stdout
    if fmt == "json":
        assert len(json.loads(out)) == 1
    elif fmt == "jsonl":
        assert len(out.strip().splitlines()) == 1 and json.loads(out)["path"] == str(seed)
    elif fmt == "markdown":
        assert out.startswith("# ") and "### 1. " in out
    else:
        assert "1. " in out


def test_json_keeps_chinese_unescaped():
    result = run("summarize", SEED_FILES[0], "--format", "json", "-q")
    assert "卫生健康信息动态" in result.stdout and "\\u" not in result.stdout


def test_directory_is_expanded_sorted(tmp_path):
    for name in ("b.txt", "a.md", "c.png"):
        (tmp_path / name).write_text("标题\n\n正文第一句话说明情况。第二句话补充内容。", encoding="utf-8")
    result = run("summarize", tmp_path, "--format", "jsonl")
    paths = [json.loads(line)["path"] for line in result.stdout.splitlines()]
    assert [p.rsplit("/", 1)[1] for p in paths] == ["a.md", "b.txt"]


def test_standard_input_is_read():
    text = SEED_FILES[0].read_bytes()
    result = runner.invoke(app, ["summarize", "-", "--format", "jsonl"], input=text)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["path"] == "<stdin>"


def test_missing_file_fails_but_others_are_digested(tmp_path):
    result = run("summarize", tmp_path / "missing.txt", SEED_FILES[0], "--format", "jsonl")
    assert result.exit_code == 1
    assert "missing.txt: no such file" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stdout.splitlines()) == 1


def test_directory_without_bulletins_is_an_error(tmp_path):
    result = run("summarize", tmp_path, "--format", "jsonl")
    assert result.exit_code == 1
    assert "no bulletins" in result.stderr
    assert result.stdout == ""


def test_undecodable_file_is_reported_with_what_to_do(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"%PDF-1.4 binary")
    result = run("summarize", bad)
    assert result.exit_code == 1
    assert "bad.txt" in result.stderr and "extract its text" in result.stderr


def test_output_file_is_written_and_stdout_stays_empty(tmp_path):
    out = tmp_path / "digest.md"
    result = run("summarize", SEED_FILES[0], "--format", "markdown", "-o", out, "-q")
    assert result.exit_code == 0 and result.stdout == ""
    assert out.read_text(encoding="utf-8").startswith("# 卫生健康信息动态")


def test_unwritable_output_gives_output_error(tmp_path):
    target = tmp_path / "file-not-dir"
    target.write_text("x")
    result = run("summarize", SEED_FILES[0], "-o", target / "out.md", "-q")
    assert result.exit_code == 4
    assert "cannot write" in result.stderr


def test_sentences_option_bounds_summary_length():
    result = run("summarize", SEED_FILES[3], "--format", "jsonl", "--sentences", "1")
    digest = json.loads(result.stdout)
    assert all(len(a["summary"]) <= 1 for a in digest["articles"])


def test_unknown_engine_is_a_usage_error():
    result = run("summarize", SEED_FILES[0], "--engine", "magic")
    assert result.exit_code == 2 and "unknown engine" in result.stderr


def test_textrank_engine_runs_from_the_cli():
    result = run("summarize", SEED_FILES[2], "--format", "jsonl", "--engine", "textrank")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["articles"][0]["summary"]


def test_segment_shows_structure_tree_and_json():
    tree = run("segment", SEED_FILES[0])
    assert tree.exit_code == 0 and "资讯前沿" in tree.stdout
    data = json.loads(run("segment", SEED_FILES[0], "--format", "json").stdout)
    assert len(data[0]["articles"]) == 6


def test_verbose_reports_per_file_on_stderr_only():
    result = run("summarize", SEED_FILES[0], "--format", "jsonl", "-v")
    assert "newsletter" in result.stderr and "articles" in result.stderr
    json.loads(result.stdout)


def test_warnings_go_to_stderr_and_quiet_silences_them():
    noisy = run("summarize", SEED_FILES[4], "--format", "jsonl")
    assert "warning" in noisy.stderr
    quiet = run("summarize", SEED_FILES[4], "--format", "jsonl", "-q")
    assert quiet.stderr == "" and quiet.stdout == noisy.stdout


@pytest.mark.parametrize("command", [[], ["summarize"], ["segment"], ["config"], ["config", "show"], ["config", "init"]])
def test_every_command_has_help(command):
    result = run(*command, "--help")
    assert result.exit_code == 0 and len(result.stdout) > 100


def test_terminal_lines_never_start_with_closing_punctuation():
    from healthdigest.render.terminal import wrap_cjk
    from healthdigest.textutil import display_width

    text = "近日，国家医保局发布《DRG/DIP支付方式改革三年行动计划》，明确到2025年底，DRG/DIP支付方式覆盖所有符合条件的开展住院服务的医疗机构。" * 3
    for width in range(20, 80, 7):
        lines = wrap_cjk(text, width)
        assert "".join(lines) == text
        assert all(line[0] not in "，。、；：）》”" for line in lines)
        assert all(display_width(line) <= width + 2 for line in lines)
        assert not any(a[-1].isalnum() and a[-1].isascii() and b[0].isascii() and b[0].isalnum() for a, b in zip(lines, lines[1:], strict=False))


def test_strict_turns_a_structure_warning_into_status_5(tmp_path):
    """A file whose text is mostly left out is digested, warned about, and fails only with --strict."""
    from healthdigest.cli import app

    doc = tmp_path / "menu.txt"
    # Site navigation only: no article can be read from it.
    doc.write_text("首页 > 新闻中心 > 通知公告\n返回顶部\n打印本页\n关闭窗口\n", encoding="utf-8")
    runner = CliRunner()
    lenient = runner.invoke(app, ["segment", str(doc), "--format", "json"])
    strict = runner.invoke(app, ["segment", str(doc), "--format", "json", "--strict"])
    assert lenient.exit_code == 0 and "warning: no article found" in lenient.stderr
    assert strict.exit_code == 5


def test_strict_leaves_a_clean_digest_at_status_0():
    from healthdigest.cli import app

    result = CliRunner().invoke(app, ["segment", str(SEEDS / "000_6b9dbb8f10a053fd.txt"), "--strict", "-f", "json"])
    assert result.exit_code == 0, result.stderr


def test_a_decoder_warning_names_the_file_once(tmp_path):
    from healthdigest.cli import app

    doc = tmp_path / "damaged.txt"
    # A stray NUL in a long text is removed with a warning that the decoder opens with the file name.
    doc.write_bytes(("关于做好夏季卫生工作的通知\n\n" + "各单位要加强食品安全和防暑降温工作。" * 40 + "\x00\n").encode())
    result = CliRunner().invoke(app, ["segment", str(doc), "-f", "json"])
    line = next(w for w in result.stderr.splitlines() if "NUL" in w)
    assert line.count(str(doc)) == 1 and line.startswith(f"{doc}: warning: ")

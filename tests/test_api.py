"""The public API: what each function returns, Settings as a value, and a light import."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys

import pytest

from conftest import DATA, SEEDS

import healthdigest as hd
from healthdigest import api

SEED = sorted(SEEDS.glob("*.txt"))[0]
WEB = DATA / "bulletins" / "web_several_articles.txt"


def test_every_public_name_resolves_from_the_package_top_to_the_api():
    import healthdigest.render.jsonout  # noqa: F401  (subpackages must not shadow API names)

    assert set(api.__all__) == set(hd.__all__) - {"__version__"}
    for name in api.__all__:
        assert getattr(hd, name) is getattr(api, name), name
    with pytest.raises(AttributeError):
        hd.no_such_name  # noqa: B018


def test_path_bytes_and_text_give_the_same_digest():
    data = WEB.read_bytes()
    by_path = hd.render_digest(hd.digest_path(WEB), "json")
    by_bytes = hd.render_digest(hd.digest_bytes(data, name=str(WEB)), "json")
    by_text = hd.render_digest(hd.digest_text(data.decode("utf-8"), name=str(WEB)), "json")
    assert by_path == by_bytes == by_text
    assert json.loads(by_path)[0]["path"] == str(WEB)


def test_bad_input_raises_an_input_error_with_a_message():
    with pytest.raises(hd.InputError, match="empty"):
        hd.digest_bytes(b"", name="empty.txt")
    with pytest.raises(hd.InputError, match="no such file"):
        hd.digest_path(SEEDS / "absent.txt")


def test_render_digest_writes_each_format_as_the_cli_does():
    bulletin = hd.digest_path(WEB)
    assert json.loads(hd.render_digest(bulletin, "jsonl"))["path"] == str(WEB)
    assert len(json.loads(hd.render_digest([bulletin, bulletin], "json"))) == 2
    assert hd.render_digest([bulletin, bulletin], "jsonl").count("\n") == 2
    assert hd.render_digest(bulletin, "markdown").startswith("# ")
    assert bulletin.articles[0].title in hd.render_digest(bulletin, "rich")
    with pytest.raises(ValueError, match="unknown format"):
        hd.render_digest(bulletin, "html")


def test_segment_gives_the_digest_structure_without_nlp():
    digest, structure = hd.digest_path(SEED), hd.segment_path(SEED)
    assert [a.title for a in structure.articles] == [a.title for a in digest.articles]
    assert [a.text for a in structure.articles] == [a.text for a in digest.articles]
    assert not any(a.keywords or a.summary for a in structure.articles) and not structure.highlights
    shown = json.loads(hd.render_segments([structure], "json"))
    assert shown[0]["articles"][0]["title"] == structure.articles[0].title
    assert structure.articles[0].title in hd.render_segments(structure, "tree")
    assert hd.segment_text(SEED.read_text(encoding="utf-8"), name=str(SEED)).articles == structure.articles


def test_digest_many_keeps_input_order_and_reports_failures_in_place(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    outcomes = list(hd.digest_many([WEB, bad, SEED], jobs=1))
    assert [o.name for o in outcomes] == [str(WEB), str(bad), str(SEED)]
    assert outcomes[0].bulletin and outcomes[2].bulletin and outcomes[1].bulletin is None
    assert "empty" in outcomes[1].error


def test_find_inputs_reads_folders_like_the_command_line(tmp_path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "b.png").write_text("x", encoding="utf-8")
    found, problems = hd.find_inputs([str(tmp_path), str(tmp_path / "none.txt")])
    assert found == [tmp_path / "a.txt"] and len(problems) == 1


def test_settings_are_an_immutable_value_and_derive_by_replace():
    base = hd.Settings()
    with pytest.raises(dataclasses.FrozenInstanceError):
        base.sentences = 5
    derived = dataclasses.replace(base, words=["三明医改"], aliases={"卫健委": "卫生健康委员会"})
    assert derived.words == ("三明医改",) and derived.aliases == (("卫健委", "卫生健康委员会"),)
    assert base.words == () and hash(derived) != hash(base)
    assert derived == hd.Settings(words=("三明医改",), aliases=(("卫健委", "卫生健康委员会"),))


def test_settings_refuse_values_a_digest_cannot_use():
    with pytest.raises(hd.ConfigError, match="engine"):
        hd.Settings(engine="lexrank")
    with pytest.raises(hd.ConfigError, match="list of words"):
        hd.Settings(words="三明医改")


def test_settings_change_only_what_they_name():
    lead = hd.digest_path(WEB, settings=hd.Settings(engine="lead", sentences=1))
    assert all(len(a.summary) <= 1 for a in lead.articles)
    assert all(a.summary[0].index == 0 for a in lead.articles if a.summary)


def test_importing_the_package_and_cli_help_load_no_nlp_or_rich():
    code = (
        "import sys, healthdigest, healthdigest.api\n"
        "from typer.testing import CliRunner\n"
        "from healthdigest.cli import app\n"
        "assert CliRunner().invoke(app, ['--help']).exit_code == 0\n"
        "heavy = sorted(m for m in ('jieba', 'numpy', 'rich', 'healthdigest.pipeline') if m in sys.modules)\n"
        "print(heavy)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_make_briefing_is_what_the_brief_command_writes(tmp_path):
    from typer.testing import CliRunner

    from healthdigest.cli import app

    seeds = sorted(SEEDS.glob("*.txt"))
    text, warnings = hd.make_briefing([hd.digest_path(p) for p in seeds], title="简报")
    shown = CliRunner().invoke(app, ["brief", *map(str, seeds), "--title", "简报", "--no-cache", "-q"])
    assert shown.exit_code == 0 and shown.stdout == text
    assert text.startswith("# 简报") and isinstance(warnings, list)

"""The weekly briefing: period filter, one item per story with every citation, stable order."""

from __future__ import annotations

import copy

from typer.testing import CliRunner

from conftest import SEEDS
from healthdigest.brief import collect, regions_of, render_brief, shorten, week_range
from healthdigest.cli import app
from healthdigest.model import Article, Paragraph

runner = CliRunner()


def test_week_is_monday_to_sunday():
    assert week_range("2024-W10") == ("2024-03-04", "2024-03-10")


def test_period_keeps_only_bulletins_dated_inside_it(seed_digests):
    items, warnings, used = collect(list(seed_digests.values()), since="2024-03-04", until="2024-03-10")
    assert used == 1  # only the 2024-03-05 newsletter
    assert len(items) == 6
    assert any("no date" in w and "left out" in w for w in warnings)


def test_same_story_in_two_bulletins_appears_once_with_both_citations(seed_digests):
    first = seed_digests["000_6b9dbb8f10a053fd.txt"]
    reprint = copy.deepcopy(first)
    reprint.path, reprint.metadata.title, reprint.metadata.date = "other.txt", "另一份简报", "2024-03-06"
    items, _, used = collect([first, reprint])
    assert used == 2 and len(items) == len(first.articles)
    assert all(len(it.citations) == 2 for it in items)
    text = render_brief(items, title="周报", n_bulletins=used)
    assert text.count("山西117个县实现县级医疗集团全覆盖") == 2  # once in 本周要点, once in its section
    assert "另一份简报" in text and "卫生健康信息动态" in text


def test_items_are_grouped_by_region_named_in_the_title():
    article = Article(title="江苏推进医共体建设", paragraphs=[Paragraph("浙江和江苏两地……")])
    assert regions_of(article) == ["江苏"]
    national = Article(title="全国医保工作会议召开", paragraphs=[Paragraph("会议在北京召开。")])
    assert regions_of(national) == ["全国"]


def test_briefing_lines_are_short_and_drop_lead_ins():
    assert shorten("会议明确提出十项任务，其主要内容如下：") == "会议明确提出十项任务。"
    long = "，".join(["这是一个很长的分句"] * 20) + "。"
    assert len(shorten(long)) <= 92


def test_brief_command_writes_markdown_with_highlights_first(tmp_path):
    out = tmp_path / "brief.md"
    result = runner.invoke(app, ["brief", str(SEEDS), "-o", str(out), "-q"])
    assert result.exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# ") and text.index("## 本周要点") < text.index("## 资讯前沿")
    again = runner.invoke(app, ["brief", str(SEEDS), "-q"])
    assert again.stdout == text  # stable order


def test_bad_week_is_a_usage_error():
    result = runner.invoke(app, ["brief", str(SEEDS), "--week", "March"])
    assert result.exit_code == 2 and "2024-W10" in result.stderr


def test_a_period_without_bulletins_says_so():
    text = render_brief([], title="周报", n_bulletins=0)
    assert "没有可用的简报" in text

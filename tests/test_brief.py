"""The weekly briefing: period filter, one item per story with every citation, stable order."""

from __future__ import annotations

import copy
from pathlib import Path

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
    assert text.count("山西117个县实现县级医疗集团全覆盖") == 1  # in 要点, not again in its section
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
    assert text.startswith("# ") and text.index("## 要点") < text.index("## 全国")
    assert "本周" not in text  # no week was asked for
    again = runner.invoke(app, ["brief", str(SEEDS), "-q"])
    assert again.stdout == text  # stable order


def test_bad_week_is_a_usage_error():
    result = runner.invoke(app, ["brief", str(SEEDS), "--week", "March"])
    assert result.exit_code == 2 and "2024-W10" in result.stderr


def test_a_period_without_bulletins_says_so():
    text = render_brief([], title="周报", n_bulletins=0)
    assert "没有可用的简报" in text


def test_a_bulletin_saved_twice_counts_once(tmp_path, seed_digests):
    import shutil

    for name in ("000_6b9dbb8f10a053fd.txt", "003_95dcd98fb450c0bd.txt"):
        shutil.copy(SEEDS / name, tmp_path / name)
        shutil.copy(SEEDS / name, tmp_path / ("copy_of_" + name))
    result = runner.invoke(app, ["brief", str(tmp_path), "-q"])
    assert result.exit_code == 0
    assert "共 2 期简报" in result.stdout
    assert result.stdout.count("山西117个县实现县级医疗集团全覆盖") == 1


def test_the_same_issue_under_another_file_name_and_bytes_counts_once(seed_digests):
    first = seed_digests["000_6b9dbb8f10a053fd.txt"]
    again = copy.deepcopy(first)
    again.path = "renamed.txt"
    again.articles[0].paragraphs[0].text += "（转载）"  # saved from another page: not the same bytes
    items, warnings, used = collect([first, again])
    assert used == 1 and all(len(it.citations) == 1 for it in items)
    assert any("counted once" in w for w in warnings)


def test_week_heading_only_for_a_week_and_the_real_dates_otherwise(seed_digests):
    items, _, used = collect(list(seed_digests.values()), since="2024-02-01", until="2024-03-31")
    text = render_brief(items, title="简报", n_bulletins=used)
    assert "本周" not in text and "2024-02-27 至 2024-03-27" in text
    assert "## 本周要点" in render_brief(items, title="简报", n_bulletins=used, week=True)


def test_no_text_is_repeated_between_highlights_and_sections(seed_digests):
    items, _, used = collect(list(seed_digests.values()))
    text = render_brief(items, title="简报", n_bulletins=used)
    lines = [x for x in text.splitlines() if x.startswith(("- ", "1. ", "2. ", "3. ", "4. ", "5. "))]
    for it in items:
        assert sum(f"**{it.title}**" in x for x in lines) == 1, it.title


def test_one_section_scheme_chosen_from_the_content(seed_digests):
    from healthdigest.brief import REGIONS, TOPICS, GENERAL, section_scheme

    items, _, used = collect(list(seed_digests.values()))
    text = render_brief(items, title="简报", n_bulletins=used)
    sections = [x[3:] for x in text.splitlines() if x.startswith("## ") and x != "## 要点"]
    allowed = set(REGIONS) | {"全国", GENERAL} if section_scheme(items) == "region" else {t for t, _ in TOPICS} | {GENERAL}
    assert sections and set(sections) <= allowed
    assert len(sections) == len(set(sections))  # 山西 under one heading, not two
    assert "资讯前沿" not in sections  # a source's own column name is not a section


def test_topics_when_stories_are_not_about_provinces():
    from healthdigest.brief import Item, section_scheme, topic_of

    items = [Item("国家医保局推进集采", "", "", ["全国"]), Item("全国中医药大会召开", "", "", ["全国"])]
    assert section_scheme(items) == "topic"
    assert [topic_of(it) for it in items] == ["医疗保障", "中医药"]


def test_undated_bulletins_are_cited_by_title_not_file_name(seed_digests):
    items, _, used = collect(list(seed_digests.values()))
    text = render_brief(items, title="简报", n_bulletins=used)
    for name in seed_digests:
        assert Path(name).stem not in text


def test_two_pages_of_one_paper_on_one_day_are_two_bulletins(seed_digests):
    page = copy.deepcopy(seed_digests["000_6b9dbb8f10a053fd.txt"])
    page.metadata.issue = None
    other = copy.deepcopy(page)
    other.path = "other_page.txt"
    other.articles = other.articles[:2]  # the same masthead and date, other stories
    _, _, used = collect([page, other])
    assert used == 2

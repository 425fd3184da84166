"""Variants of the seeds a person would still recognise (issue 9): each is built at test time
from the seed file, and the gold read off the unchanged seed still applies to it."""

from __future__ import annotations

import re

import pytest

from conftest import GOLD, SEEDS, load_gold
from healthdigest.structure import read_structure
from healthdigest.textutil import fold

NEWSLETTER = "000_6b9dbb8f10a053fd"
COMPILATION = "003_95dcd98fb450c0bd"
LEADERS = re.compile(r"\.{3,}\s*(\d+)$", re.M)
WRAPPED = "上海社区卫生服务中心推进上级医院号源“早预约”，紧急情况“预约早”"
WRAPPED_TWO_LINES = "上海社区卫生服务中心推进上级医院号源“早预约”，\n紧急情况“预约早”"


def seed(name: str) -> str:
    return (SEEDS / f"{name}.txt").read_text(encoding="utf-8")


def gold(name: str) -> dict:
    return load_gold(GOLD / f"{name}.yaml")


def assert_articles_match_gold(text: str, name: str, *, pages: bool = True) -> None:
    """Titles, sections, sources (and pages) in order, and bodies' first and last words."""
    b = read_structure(text)
    want = gold(name)["articles"]
    assert [fold(a.title or "") for a in b.articles] == [fold(w["title"]) for w in want]
    for w, a in zip(want, b.articles, strict=True):
        assert fold(a.section or "") == fold(w.get("section") or ""), w["title"]
        assert fold(a.source or "") == fold(w.get("source") or ""), w["title"]
        if pages and "page" in w:
            assert a.page == w["page"], w["title"]
        body = fold(a.text)
        assert body.startswith(fold(w["first"])[:12]) and body.endswith(fold(w["last"])[-12:]), w["title"]


# The 目录 of seeds/000 prints "title..... 3"; a newsletter may print the page after a tab, after
# spaces, in brackets, as …… 第3页, or not at all.
CONTENTS_SHAPES = {
    "no page": "",
    "tab": "\t\\1",
    "spaces": "   \\1",
    "brackets": "（\\1）",
    "ellipsis and 第N页": "…… 第\\1页",
}


@pytest.mark.parametrize("name", [NEWSLETTER, "001_fab50692d8e738b0"])
@pytest.mark.parametrize("shape", CONTENTS_SHAPES)
def test_contents_without_dotted_leaders(shape, name):
    text = LEADERS.sub(CONTENTS_SHAPES[shape], seed(name))
    assert "....." not in text
    assert_articles_match_gold(text, name, pages=shape != "no page")
    b = read_structure(text)
    assert len(b.contents) == len(gold(name)["articles"])
    assert not b.warnings


def test_masthead_date_in_chinese_numerals():
    text = seed(NEWSLETTER).replace("2024年3月5日", "二〇二四年三月五日")
    assert "二〇二四年三月五日" in text
    b = read_structure(text)
    want = gold(NEWSLETTER)["bulletin"]
    assert b.metadata.date == "2024-03-05"
    assert b.metadata.publisher == want["publisher"]
    assert [fold(h) for h in b.declared_highlights] == [fold(h) for h in gold(NEWSLETTER)["declared_highlights"]]
    assert_articles_match_gold(text, NEWSLETTER)


def test_masthead_issue_and_date_all_in_chinese_numerals():
    text = seed(NEWSLETTER).replace("2024年第9期（总第296期）", "二〇二四年第九期（总第二百九十六期）")
    text = text.replace("2024年3月5日", "二〇二四年三月五日")
    m = read_structure(text).metadata
    assert (m.number, m.total_number, m.date) == (9, 296, "2024-03-05")
    assert m.issue == "二〇二四年第九期（总第二百九十六期）"  # as printed
    assert_articles_match_gold(text, NEWSLETTER)


def test_sections_written_as_enumerated_lines():
    text = seed(NEWSLETTER)
    for k, name in zip("一二三", ("资讯前沿", "各地动态", "热点关注"), strict=True):
        text = text.replace(f"【{name}】", f"{k}、{name}")
    assert "【" not in text.split("【编者按】")[0]
    assert_articles_match_gold(text, NEWSLETTER)
    # A 目录 whose parts are numbered but whose entries are titles is still a newsletter's.
    assert read_structure(text).layout == "newsletter"


def test_title_wrapped_over_two_lines_in_the_body():
    body_title = re.escape(WRAPPED).replace("，", "，\\s*")
    text = re.sub("^" + body_title + "$", WRAPPED_TWO_LINES, seed(NEWSLETTER), flags=re.M)
    assert WRAPPED_TWO_LINES in text
    assert_articles_match_gold(text, NEWSLETTER)
    assert not read_structure(text).warnings


def test_contents_entry_wrapped_over_two_lines():
    text = seed(NEWSLETTER).replace(WRAPPED + ".....", WRAPPED_TWO_LINES + ".....")
    assert WRAPPED_TWO_LINES + "....." in text
    assert_articles_match_gold(text, NEWSLETTER)
    assert read_structure(text).contents[4].page == 8


def test_compilation_without_its_contents_block():
    text = seed(COMPILATION)
    start = text.index("——本期视点——")
    body = text.index("----本期内容----")
    text = text[:start] + text[body:]
    # Without the 目录 there is no page or 【提要】 to give; titles, sections, sources and bodies remain.
    assert_articles_match_gold(text, COMPILATION, pages=False)


def without_contents(text: str) -> str:
    """The seed with its 目录 cut out: the body then opens with the first section head."""
    head = text.index("目 录")
    first_section = re.search(r"^【[^】]+】$", text[head:], re.M).group(0)
    body = text.index(first_section, head + text[head:].index(first_section) + 1)
    return text[:head] + text[body:]


@pytest.mark.parametrize("name", [NEWSLETTER, "001_fab50692d8e738b0"])
def test_newsletter_without_its_contents(name):
    text = without_contents(seed(name))
    assert "目 录" not in text
    assert_articles_match_gold(text, name, pages=False)


def test_title_wrapped_over_two_lines_without_contents():
    text = without_contents(seed(NEWSLETTER))
    text = re.sub(r"^山西\s*117\s*个县实现县级医疗集团全覆盖$", "山西117个县实现县级\n医疗集团全覆盖", text, flags=re.M)
    assert "山西117个县实现县级\n医疗集团全覆盖" in text
    assert_articles_match_gold(text, NEWSLETTER, pages=False)


def test_enumerated_sections_without_contents():
    """No 目录 to name the sections: 一、资讯前沿 over a title is a section, while the 一、 subheads
    inside an article (一、2024年政府工作报告中的…热点) stay in its body."""
    text = without_contents(seed(NEWSLETTER))
    for k, name in zip("一二三", ("资讯前沿", "各地动态", "热点关注"), strict=True):
        text = text.replace(f"【{name}】", f"{k}、{name}")
    assert_articles_match_gold(text, NEWSLETTER, pages=False)
    b = read_structure(text)
    assert [fold(h) for h in b.declared_highlights] == [fold(h) for h in gold(NEWSLETTER)["declared_highlights"]]
    assert "一、2024年政府工作报告中的卫生健康相关热点" in b.articles[-1].text

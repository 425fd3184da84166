"""Enumerated measures are listed per article; a lone 一是 or stray numbers are not a list."""

from __future__ import annotations

from healthdigest.measures import find_measures
from healthdigest.model import Article, Paragraph


def measures(*paragraphs):
    return find_measures(Article(title="t", paragraphs=[Paragraph(p) for p in paragraphs]))


def test_yi_shi_er_shi_items_in_one_paragraph():
    got = measures("会议提出三项任务。一是加大参保动员力度。要求各地落实。二是优化参保流程。三是加强数据共享。")
    assert got == ["加大参保动员力度", "优化参保流程", "加强数据共享"]


def test_bracketed_items_across_paragraphs_with_a_nested_list():
    got = measures(
        "（一）构建县域医疗体系。整合资源。一是统一管理。二是统一财务。",
        "（二）提高基层服务水平。启动三年行动。",
    )
    assert got == ["构建县域医疗体系", "统一管理", "统一财务", "提高基层服务水平"]


def test_arabic_numbered_items():
    assert measures("1.完善筹资机制", "2.提高统筹层次", "3.做好全民参保") == ["完善筹资机制", "提高统筹层次", "做好全民参保"]


def test_a_lone_marker_or_numbers_in_text_are_not_measures():
    assert measures("一是要看到成绩。全年完成3.5万人次，增长2.6%。") == []


def test_long_item_heads_are_cut_at_a_clause():
    got = measures("一是强化内涵，推进公立医院高质量发展，优化绩效考核指标体系，提升区域性医疗中心能力和水平。二是提升社区服务。")
    assert got[0] == "强化内涵，推进公立医院高质量发展，优化绩效考核指标体系" and got[1] == "提升社区服务"


def test_enumerated_subheading_is_not_joined_to_the_next_paragraph(seed_digests):
    article = seed_digests["000_6b9dbb8f10a053fd.txt"].articles[5]
    assert "二、聚焦两会代表声音：为国家卫生健康事业贡献智慧" in article.subheadings

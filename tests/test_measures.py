"""Enumerated measures are listed per article; a lone 一是 or stray numbers are not a list."""

from __future__ import annotations

from healthdigest.measures import find_measures
from healthdigest.model import Article, Paragraph


def found(*paragraphs):
    return find_measures(Article(title="t", paragraphs=[Paragraph(p, (k + 1,)) for k, p in enumerate(paragraphs)]))


def measures(*paragraphs):
    return [m.text for m in found(*paragraphs)]


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


def test_items_are_whole_first_sentences_never_cut_at_a_comma():
    got = measures("一是强化内涵，推进公立医院高质量发展，优化绩效考核指标体系，提升区域性医疗中心能力和水平。二是提升社区服务。")
    assert got == ["强化内涵，推进公立医院高质量发展，优化绩效考核指标体系，提升区域性医疗中心能力和水平", "提升社区服务"]


def test_every_item_is_kept_however_many():
    paragraphs = [f"（{n}）第{n}项措施要落实到位。" for n in range(1, 16)]
    assert len(measures(*paragraphs)) == 15


def test_levels_follow_nesting_and_positions_are_input_lines():
    got = found(
        "一、总体要求",
        "（一）强化组织领导。一是建立机制。二是明确责任。",
        "（二）加强保障。",
        "二、重点任务",
        "（一）扩大覆盖。",
        "（二）提升质量。",
        "三、结语",
    )
    assert [(m.marker, m.level) for m in got] == [
        ("一、", 1), ("（一）", 2), ("一是", 3), ("二是", 3), ("（二）", 2), ("二、", 1), ("（一）", 2), ("（二）", 2)
    ]
    assert [m.lines for m in got][:4] == [(1,), (2,), (2,), (2,)]
    assert "结语" not in [m.text for m in got]  # a part's name is a heading, not a measure


def test_seed_measures_are_whole_uncapped_and_without_headings(seed_digests):
    texts = {m.text for b in seed_digests.values() for a in b.articles for m in a.measures}
    assert {"强机构", "强队伍", "强保障", "强服务"} <= texts  # the list cut at 12 items
    assert "结语" not in texts
    assert not any(t.endswith("调研显示") for t in texts)  # whole items, not cut at a comma
    assert any(t.startswith("政策宣传有待加强，调研显示，") for t in texts)


def test_enumerated_subheading_is_not_joined_to_the_next_paragraph(seed_digests):
    article = seed_digests["000_6b9dbb8f10a053fd.txt"].articles[5]
    assert "二、聚焦两会代表声音：为国家卫生健康事业贡献智慧" in article.subheadings

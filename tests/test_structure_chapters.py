"""Long plans, laws and booklets: chapters are the articles, 篇 parts their sections, the 目录
is read and checked against the body, running heads are dropped, and the top of the first
page gives the title, date and issuing body. Small documents of our own, then the corpus."""

from __future__ import annotations

import re

import pytest

from conftest import CORPUS, DATA, load_gold
from healthdigest.structure import read_structure
from healthdigest.structure.patterns import cn_number
from healthdigest.textutil import fold

BULLETINS = DATA / "bulletins"


def read_text(name: str) -> str:
    return (BULLETINS / name).read_text(encoding="utf-8")


def test_plan_with_dotted_contents_parts_and_running_heads():
    b = read_structure(read_text("plan_dotted_contents.txt"))
    assert b.layout == "chapters"
    assert [(a.section, fold(a.title)) for a in b.articles] == [
        (None, "前言"),
        ("第一篇 发展基础", fold("第一章 “十三五”时期取得的成就")),
        ("第一篇 发展基础", "第二章面临的形势"),
        ("第二篇 主要任务", "第三章织牢公共卫生防护网"),
        ("第二篇 主要任务", "第四章提升医疗服务能力"),
        ("第二篇 主要任务", "第五章保障措施"),
    ]
    assert [a.page for a in b.articles] == [1, 2, 3, 4, 5, 6]
    # A 第一节 subhead is part of its chapter's body, and a page break does not cut a chapter.
    assert b.articles[3].text.startswith("第一节")
    assert "传染病医院" in b.articles[3].text
    assert b.warnings == []


def test_plan_metadata_is_the_issued_plan_its_date_and_issuer():
    m = read_structure(read_text("plan_dotted_contents.txt")).metadata
    assert (m.title, m.date, m.publisher) == ("某省“十四五”全民健康规划", "2021-12-30", ["某省人民政府"])


def test_running_heads_and_page_marks_are_dropped_with_their_reason():
    b = read_structure(read_text("plan_dotted_contents.txt"))
    reasons = {d.text: d.reason for d in b.dropped}
    assert reasons["某省人民政府公报"] == "running head"
    assert reasons["—2—"] == "page marker"
    assert not any("某省人民政府公报" in a.text for a in b.articles)


def test_contents_and_body_that_disagree_are_warned_about():
    text = read_text("plan_dotted_contents.txt")
    text = text.replace("第五章  保障措施\n", "")  # the body loses a chapter the 目录 lists
    text = text.replace("第二章  面临的形势\n\n人口", "第二章  面临的形势\n\n人口老龄化。\n\n第二章  面临的新挑战\n\n人口")
    b = read_structure(text)
    assert any("not found in the body: 第五章" in w for w in b.warnings)
    assert not any("not found in the body: 第四章" in w for w in b.warnings)
    text = read_text("plan_dotted_contents.txt").replace(
        "第五章  保障措施\n\n", "第五章  保障措施\n\n加强组织领导。\n\n第六章  组织实施\n\n"
    )
    b = read_structure(text)
    assert any("not listed in the contents: 第六章 组织实施" in w for w in b.warnings)


def test_plan_divided_into_numbered_parts_without_chapters():
    text = (
        "某县“十四五”卫生健康发展规划\n\n"
        "第一部分  发展基础\n\n“十三五”期间，全县卫生健康事业取得长足进步，医疗服务能力明显增强。\n\n"
        "第二部分  主要任务\n\n一、完善医疗服务体系\n\n推进县域医共体建设，提升乡镇卫生院服务能力。\n\n"
        "第三部分  保障措施\n\n加强组织领导，落实财政投入，强化监测评估。\n"
    )
    b = read_structure(text)
    assert b.layout == "chapters"
    assert [(a.section, fold(a.title)) for a in b.articles] == [
        (None, "第一部分发展基础"), (None, "第二部分主要任务"), (None, "第三部分保障措施")
    ]
    assert b.articles[1].text.startswith("一、完善医疗服务体系")
    assert b.metadata.title == "某县“十四五”卫生健康发展规划"


def test_law_with_letter_spaced_heads_and_no_contents():
    b = read_structure(read_text("law_spaced_heads.txt"))
    assert b.layout == "chapters"
    assert [fold(a.title) for a in b.articles] == ["第一章总则", "第二章健康环境", "第三章病媒生物防制", "第四章附则"]
    assert [fold(a.text)[:3] for a in b.articles] == ["第一条", "第三条", "第五条", "第七条"]
    # Adopted in 2016 and amended in 2023: the law as printed is the amended one.
    assert (b.metadata.title, b.metadata.date) == ("某省爱国卫生条例", "2023-03-30")
    assert b.warnings == []


def test_letter_spaced_contents_whose_names_come_apart():
    """A 目录 extracted from a letter-spaced PDF: 目 and 录 on lines of their own, each chapter
    number on one line and the name's characters on the next ones."""
    text = read_text("law_spaced_heads.txt")
    spaced = "目\n第一章\n总\n则\n第二章\n健康环境\n第三章\n病媒生物防制\n第四章\n附\n录\n则\n\n"
    text = text.replace("第一章　总　　则", spaced + "第一章　总　　则", 1)
    b = read_structure(text)
    assert [fold(a.title) for a in b.articles] == ["第一章总则", "第二章健康环境", "第三章病媒生物防制", "第四章附则"]
    assert [fold(e.title) for e in b.contents] == [fold(a.title) for a in b.articles]
    assert all(b.line_roles[no] == "contents" for no in range(5, 17))
    assert b.warnings == []


@pytest.mark.parametrize("page", ["　　{}", "（{}）", "…… 第{}页", "……{}"])
def test_contents_with_pages_and_a_chapter_head_repeated_on_a_page(page):
    text = read_text("law_spaced_heads.txt")
    names = ["第一章　总　　则", "第二章　健康环境", "第三章　病媒生物防制", "第四章　附　　则"]
    contents = "目  录\n" + "".join(f"{name}{page.format(k)}\n" for k, name in enumerate(names, 1)) + "\n"
    text = text.replace("第一章　总　　则", contents + "第一章　总　　则", 1)
    text = text.replace("第四条", "第二章　健康环境\n第四条")  # the chapter's name atop a new page
    b = read_structure(text)
    assert [(fold(a.title), a.page) for a in b.articles] == [
        ("第一章总则", 1), ("第二章健康环境", 2), ("第三章病媒生物防制", 3), ("第四章附则", 4)
    ]
    assert [d.reason for d in b.dropped] == ["running head"]
    assert "第四条" in b.articles[1].text
    assert b.warnings == []


def test_a_notice_that_issues_a_chaptered_text_is_not_read_as_chapters_first():
    """关于印发《…办法》的通知 with its 办法 attached is one 公文: the chapters layout steps back
    (another layout with a 公文's evidence reads it), while a bare heading over a plan does not."""
    from healthdigest.structure.layouts import LAYOUTS
    from healthdigest.structure.lines import tag_lines

    law = read_text("law_spaced_heads.txt")
    notice = "某省卫生健康委员会关于印发《某省爱国卫生条例实施细则》的通知\n\n各市卫生健康委：\n\n现将《某省爱国卫生条例实施细则》印发给你们，请认真贯彻执行。\n\n"
    assert LAYOUTS["chapters"].evidence(tag_lines(law)) > LAYOUTS["chapters"].evidence(tag_lines(notice + law))


def test_newsletter_whose_articles_have_numbered_headings_stays_a_newsletter():
    b = read_structure(read_text("newsletter_enumerated_headings.txt"))
    assert b.layout == "newsletter"
    assert [(a.section, a.title) for a in b.articles] == [
        ("工作动态", "全市启动基层卫生服务能力提升年活动"),
        ("经验交流", "某区医共体建设成效初显"),
    ]


def test_plan_whose_contents_lists_enumerated_parts():
    b = read_structure(read_text("plan_enumerated_parts.txt"))
    assert b.layout == "chapters"
    # The preamble before the first part is kept, untitled; each listed part is an article.
    assert [a.title for a in b.articles] == [None, "一、总体要求", "二、重点任务", "三、保障措施"]
    assert [a.page for a in b.articles[1:]] == [1, 2, 4]
    assert b.articles[1].text.startswith("（一）指导思想")
    assert b.metadata.title == "某市健康城市建设行动方案（2024—2027年）"
    assert b.warnings == []


def test_a_part_the_contents_lists_but_the_body_lacks_is_warned_about():
    text = read_text("plan_enumerated_parts.txt").replace("\n三、保障措施\n\n各区", "\n各区")
    b = read_structure(text)
    assert [a.title for a in b.articles][-1] == "二、重点任务"
    assert any("not found in the body: 三、保障措施" in w for w in b.warnings)


def test_booklet_headed_sections_without_numbers():
    b = read_structure(read_text("booklet_headed_sections.txt"))
    assert [a.title for a in b.articles] == ["为什么要做健康促进", "怎样组织社区行动", "如何评价工作效果"]
    assert (b.metadata.title, b.metadata.issue) == ("基层健康促进工作实践指南", "WHO/XYZ/HP/24.2")
    # The figure, the licence page and the back cover are no section's text, and each is said.
    assert b.articles[0].text.endswith("并带动家庭成员共同改变。")
    reasons = {d.text: d.reason for d in b.dropped}
    assert reasons["资料来源：某县健康素养监测"] == "figure or table"
    assert reasons["联系方式：hp@example.org"] == "back cover"
    assert reasons["1"] == "page marker"
    assert any("outside every article" in w for w in b.warnings)
    # A note at the foot of a page is its section's footnote, not its last paragraph.
    assert b.articles[1].footnotes == ["1 某某。社区健康促进工作手册。北京：某出版社；2020年。"]
    assert b.articles[1].text.endswith("避免活动一阵风。")


def test_booklet_whose_sections_are_numbered():
    text = read_text("booklet_headed_sections.txt")
    for k, heading in zip("一二三", ["为什么要做健康促进", "怎样组织社区行动", "如何评价工作效果"], strict=True):
        text = text.replace(heading, f"{k}、{heading}")
    # A numbered subhead inside a section heads no section of its own.
    text = text.replace("许多地区的实践表明", "（一）实践经验\n许多地区的实践表明")
    b = read_structure(text)
    assert [a.title for a in b.articles] == ["一、为什么要做健康促进", "二、怎样组织社区行动", "三、如何评价工作效果"]
    assert "（一）实践经验" in b.articles[0].text


def test_short_lines_over_paragraphs_are_not_a_booklet_without_three_headings():
    text = read_text("booklet_headed_sections.txt")
    text = text.split("\f怎样组织社区行动")[0]
    b = read_structure(text)
    assert len(b.articles) == 1


@pytest.mark.parametrize(
    ("numeral", "value"), [("三", 3), ("十", 10), ("十二", 12), ("二十九", 29), ("一百零七", 107), ("一百一十五", 115), ("二〇二四", 2024)]
)
def test_chinese_numerals(numeral, value):
    assert cn_number(numeral) == value


def corpus_gold(prefix: str) -> dict:
    if not CORPUS.is_dir():
        pytest.skip("the shared corpus is not beside the repository")
    return load_gold(next(CORPUS.glob(f"{prefix}_*.yaml")))


@pytest.mark.parametrize("prefix", ["D07", "D08", "D09", "D10"])
def test_corpus_plans_laws_and_booklets_titles_sections_and_metadata(prefix):
    gold = corpus_gold(prefix)
    b = read_structure((CORPUS / gold["file"]).read_text(encoding="utf-8"))
    assert [fold(a.title or "") for a in b.articles] == [fold(w["title"]) for w in gold["articles"]]
    for w, a in zip(gold["articles"], b.articles, strict=True):
        if "section" in w:
            assert fold(a.section or "") == fold(w["section"] or ""), w["title"]
    for key, want in gold["bulletin"].items():
        assert fold(str(getattr(b.metadata, key))) == fold(str(want)), key


@pytest.mark.parametrize("prefix", ["D07", "D08", "D09", "D10"])
def test_corpus_units_start_and_end_where_gold_says(prefix):
    gold = corpus_gold(prefix)
    b = read_structure((CORPUS / gold["file"]).read_text(encoding="utf-8"))
    for w, a in zip(gold["articles"], b.articles, strict=True):
        body = fold(a.text)
        assert body.startswith(fold(w["first"])[:12]) and body.endswith(fold(w["last"])[-12:]), w["title"]


def test_corpus_plan_with_chapter_numbers_and_names_on_separate_lines():
    """As plain pdftotext gives them: 第七章 on one line, 强化覆盖全民的公共卫生服务 on the next,
    in the 目录 and in the body."""
    gold = corpus_gold("D07")
    text = (CORPUS / gold["file"]).read_text(encoding="utf-8")
    text = re.sub(r"^(\s*第[一二三四五六七八九十]+[章篇])\s+(\S.*)$", r"\1\n\2", text, flags=re.M)
    b = read_structure(text)
    assert [fold(a.title or "") for a in b.articles] == [fold(w["title"]) for w in gold["articles"]]
    assert [fold(a.section or "") for a in b.articles] == [fold(w["section"] or "") for w in gold["articles"]]
    for w, a in zip(gold["articles"], b.articles, strict=True):
        assert fold(a.text).startswith(fold(w["first"])[:12]), w["title"]
    assert not any("contents" in w for w in b.warnings)

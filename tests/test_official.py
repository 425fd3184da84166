"""公文 of our own in other shapes: a 请示 with 签发人, a 报告 without 主送, a 函 with half-width
brackets, a 文件汇编 of three 公文 (a 印发 notice with its plan, a notice with a form, a 函)."""

from __future__ import annotations

import re
from collections import Counter

from conftest import DATA
from healthdigest.reading import read_file
from healthdigest.structure import read_structure
from healthdigest.structure import lines as L
from healthdigest.structure.layouts import official
from healthdigest.textutil import fold, normalize_line

BULLETINS = DATA / "bulletins"


def read(name):
    decoded = read_file(BULLETINS / name)
    return read_structure(decoded.text, path=name, encoding=decoded.encoding)


def nonblank(name) -> set[int]:
    text = read_file(BULLETINS / name).text
    return {i for i, line in enumerate(re.split(r"\r\n|\r|\n", text), 1) if normalize_line(line)}


def test_request_with_signer_title_over_three_lines_and_colophon():
    b = read("official_request_signer.txt")
    assert b.layout == "official"
    [a] = b.articles
    assert a.title == "某市卫生健康委员会关于申请设立市级紧急医学救援基地专项资金的请示"
    assert a.paragraphs[0].text == "市人民政府："  # the body opens with the 主送 line
    assert a.paragraphs[-1].text == "妥否，请批示。"  # and ends before the 附件 list and signature
    assert a.subheadings == ["一、建设必要性", "二、建设内容", "三、资金需求"]
    assert (b.metadata.issue, b.metadata.date) == ("某卫呈〔2024〕3号", "2024-03-01")
    assert b.metadata.publisher == ["某市卫生健康委员会"]
    assert a.source == "某市卫生健康委员会"
    assert a.footnotes[:2] == ["附件：1.市级紧急医学救援基地建设方案", "2.项目资金测算表"]
    assert {d.reason for d in b.dropped} == {"colophon"}  # 抄送 and the 印发 line
    assert not b.warnings


def test_report_without_addressee_signed_with_a_chinese_numeral_date():
    b = read("official_report_no_addressee.txt")
    [a] = b.articles
    assert a.title == "某县卫生健康局关于2024年上半年基层卫生工作情况的报告"
    assert a.paragraphs[0].text.startswith("今年以来")  # no 主送: the body follows the title
    assert a.paragraphs[-1].text.endswith("确保全年目标任务按期完成。")
    assert b.metadata.issue == "某卫发〔2024〕12号"  # spaces inside the 文号 folded away
    assert b.metadata.date == "2024-07-10"  # 二〇二四年七月十日
    assert b.metadata.publisher == ["某县卫生健康局"]  # "某县卫生健康局文件" without 文件


def test_letter_with_half_width_brackets_disclosure_label_and_contact():
    b = read("official_letter_han.txt")
    [a] = b.articles
    assert a.title == "关于商请协助开展基层医疗卫生机构服务能力评估的函"
    assert fold(a.text).startswith(fold("省医疗保障局：根据国家卫生健康委"))
    assert a.paragraphs[-1].text == "特此函告。"
    assert b.metadata.issue == "某卫办医函[2023]45号"
    assert b.metadata.date == "2023-09-12"
    assert a.footnotes == ["附件：评估工作联系人名单", "（联系人：赵红，电话：0000-87654321）"]
    assert not b.dropped


def test_compilation_reads_each_official_document_as_an_article():
    b = read("official_compilation.txt")
    assert [a.title for a in b.articles] == [
        "某市卫生健康委员会关于印发某市2024年夏季传染病防控工作方案的通知",
        "关于开展夏季食源性疾病主动监测工作的通知",
        "关于征求《某市医疗机构应急物资储备指南》意见的函",
    ]
    # Each 公文 has its own 文号 and date: the file as a whole has none; its cover titles it.
    assert (b.metadata.issue, b.metadata.date) == (None, None)
    assert b.metadata.title == "某市卫生应急文件汇编（2024年）"
    assert [a.source for a in b.articles] == ["某市卫生健康委员会", "某市疾病预防控制中心", "某市卫生健康委员会办公室"]


def test_issued_plan_is_part_of_the_notice_that_issues_it():
    notice = read("official_compilation.txt").articles[0]
    assert "某市2024年夏季传染病防控工作方案" in notice.subheadings  # the plan's own title
    assert "一、工作目标" in notice.subheadings
    assert notice.paragraphs[-1].text == "各单位要压实责任，确保各项措施落到实处。"


def test_attached_form_is_an_appendix_not_body():
    b = read("official_compilation.txt")
    notice = b.articles[1]
    assert notice.paragraphs[-1].text == "请各单位高度重视，按时报送监测数据。"
    assert "姓名" not in notice.text
    reasons = Counter(d.reason for d in b.dropped)
    assert reasons["appendix"] == 5  # 附件, the form's title and its three rows
    assert not b.warnings  # appendices and colophons are left out by design, not lost


def test_every_line_has_a_role():
    for name in (
        "official_request_signer.txt",
        "official_report_no_addressee.txt",
        "official_letter_han.txt",
        "official_compilation.txt",
    ):
        b = read(name)
        assert set(b.line_roles) == nonblank(name), name
        assert {d.line for d in b.dropped} == {n for n, r in b.line_roles.items() if r == "dropped"}
        assert not [d for d in b.dropped if "not placed" in d.reason or "outside any article" in d.reason]


class Line:
    """A plain item for the head and tail readers: text and kind, as a web layout would pass."""

    def __init__(self, text: str):
        self.text = normalize_line(text)
        self.kind = L.classify(self.text)[0]


def test_head_and_tail_readers_work_from_any_position():
    lines = [
        Line(t)
        for t in (
            "首页 > 政务公开 > 通知公告",
            "发布时间：2024-04-02",
            "某卫疾控函〔2024〕9号",
            "关于做好2024年",
            "世界卫生日宣传活动的通知",
            "各区卫生健康局：",
            "请按要求组织开展宣传活动。",
            "某市卫生健康委员会",
            "2024年4月1日",
            "抄送：市委宣传部。",
        )
    ]
    assert official.read_head(lines, 0) is None  # a breadcrumb is no 公文 head
    head = official.read_head(lines, 2)
    assert head.title_text(lines) == "关于做好2024年世界卫生日宣传活动的通知"
    assert (head.issue, head.addressee, head.body) == ("某卫疾控函〔2024〕9号", True, 5)
    tail = official.read_tail(lines, head.body)
    assert (tail.body_end, tail.signature, tail.date, tail.end) == (7, (7, 8), "2024-04-01", 10)


def test_a_short_title_line_before_a_body_is_no_official_document():
    text = "春季健康提示\n\n近期气温回升，各类传染病进入高发期，请市民注意个人卫生，勤洗手、常通风。\n"
    assert read_structure(text).layout != "official"


def test_header_wrapped_over_two_lines_and_a_title_line_ending_on_a_genre_word_by_chance():
    text = (
        "某省突发公共卫生事件应急\n"
        "指 挥 部 办 公 室\n"
        "依申请公开\n\n"
        "某省突发公共卫生事件应急指挥部办公室关于进一步规范\n"
        "应急物资储备管理工作的通知\n\n"
        "各市应急指挥部办公室：\n"
        "为规范应急物资储备管理，现就有关事项通知如下。请各地按要求落实。\n\n"
        "某省突发公共卫生事件应急指挥部办公室\n"
        "2024年8月2日\n"
    )
    b = read_structure(text)
    [a] = b.articles
    assert a.title == "某省突发公共卫生事件应急指挥部办公室关于进一步规范应急物资储备管理工作的通知"
    assert b.metadata.publisher == ["某省突发公共卫生事件应急指挥部办公室"]
    assert b.line_roles[1] == "metadata"  # the header's first line is no stray text
    assert a.paragraphs[0].text == "各市应急指挥部办公室："


def test_compilation_with_a_cover_and_contents_before_its_documents():
    b = read("official_compilation_contents.txt")
    assert [a.title for a in b.articles] == [
        "某市卫生健康委员会关于印发某市基层医疗卫生机构绩效考核方案的通知",
        "关于开展2024年家庭医生签约服务质量评价的通知",
    ]
    # The cover and 目录 are the file's own: its title, compiler and contents, not an article.
    assert b.metadata.title == "2024年基层卫生健康文件汇编"
    assert b.metadata.publisher == ["某市卫生健康委员会"]
    assert [(e.title, e.page) for e in b.contents] == [
        ("关于印发某市基层医疗卫生机构绩效考核方案的通知", 1),
        ("关于开展2024年家庭医生签约服务质量评价的通知", 4),
    ]
    assert b.articles[0].paragraphs[-1].text == "考核结果与绩效工资总量和医保支付挂钩。"
    assert not b.warnings
    assert set(b.line_roles) == nonblank("official_compilation_contents.txt")


def test_a_news_story_headlined_with_a_notice_is_no_official_document():
    text = (
        "关于做好今冬明春呼吸道传染病防控工作的通知\n\n"
        "近日，省卫生健康委印发通知，要求各地做好今冬明春呼吸道传染病防控工作，加强监测预警，"
        "强化医疗救治，做好重点人群疫苗接种。\n\n"
        "通知指出，要加强发热门诊建设，保障群众就医需求。\n"
    )
    assert read_structure(text).layout != "official"


def test_copy_number_title_note_and_an_issued_plan_whose_title_is_wrapped():
    text = (
        "000128\n"
        "机密★1年\n"
        "某省卫生健康委员会文件\n"
        "某卫发〔2024〕30号\n\n"
        "某省卫生健康委员会关于印发某省\n"
        "医疗机构废弃物管理办法的通知\n"
        "（2024年修订）\n\n"
        "各市卫生健康委：\n"
        "现将修订后的管理办法印发给你们，请遵照执行。\n\n"
        "某省卫生健康委员会\n"
        "2024年11月5日\n\n"
        "某省医疗机构废弃物\n"
        "管理办法\n\n"
        "第一条 为规范医疗机构废弃物管理，制定本办法。\n"
        "第二条 本办法自印发之日起施行。\n"
    )
    b = read_structure(text)
    [a] = b.articles
    assert a.title == "某省卫生健康委员会关于印发某省医疗机构废弃物管理办法的通知（2024年修订）"
    assert b.metadata.issue == "某卫发〔2024〕30号"
    assert b.line_roles[1] == "metadata" and b.line_roles[2] == "metadata"  # 份号 and 密级
    assert "某省医疗机构废弃物管理办法" in a.subheadings  # the issued text's title, joined
    assert a.paragraphs[-1].text == "第二条 本办法自印发之日起施行。"


def test_a_dated_line_inside_the_body_is_no_signature():
    text = (
        "某县卫生健康局\n"
        "某卫发〔2024〕8号\n\n"
        "关于开展2024年健康县城评估工作的通知\n\n"
        "各乡镇卫生院：\n"
        "现将评估有关安排通知如下。\n"
        "自评截止\n"
        "2024年5月10日\n"
        "一、评估内容\n"
        "包括健康环境、健康服务和健康人群三个方面，各单位要对照标准逐项自评，形成自评报告。\n"
        "二、工作要求\n"
        "请各单位按时报送自评材料，逾期不报的视为未参加评估。\n\n"
        "某县卫生健康局\n"
        "2024年4月20日\n"
    )
    b = read_structure(text)
    [a] = b.articles
    assert a.paragraphs[-1].text == "请各单位按时报送自评材料，逾期不报的视为未参加评估。"
    assert b.metadata.date == "2024-04-20"

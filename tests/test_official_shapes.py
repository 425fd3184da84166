"""公文 in shapes the corpus does not have, each in a small document of our own: a joint notice
whose title opens with both authorities, a joint report with two 签发人, a 会议纪要 with its
期号, attendance list and colophon, and the marks real offices print in other styles (·3·
page numbers, 二○二三年 with a circle for zero, No.0000356 copy numbers, （此页无正文））."""

from __future__ import annotations

import io

import pytest

from conftest import DATA
from healthdigest.structure import lines as L
from healthdigest.structure import read_structure
from healthdigest.textutil import fold

BULLETINS = DATA / "bulletins"


def read(name: str):
    return read_structure((BULLETINS / name).read_text(encoding="utf-8"))


def test_joint_notice_title_opens_with_both_authorities_under_the_document_number():
    b = read("official_joint_notice_attachments.txt")
    [a] = b.articles
    assert a.title == "贵阳市卫生健康局 贵阳市教育局关于做好2023年秋季学校传染病防控工作的通知"
    assert b.metadata.publisher == ["贵阳市卫生健康局", "贵阳市教育局"]
    assert (b.metadata.issue, b.metadata.date) == ("筑卫健联发〔2023〕8号", "2023-08-25")
    assert a.source == "贵阳市卫生健康局 贵阳市教育局"  # side by side, one space between
    assert a.text.startswith("各区（市、县）卫生健康局、教育局，市属各学校，市疾控中心：")
    assert a.text.endswith("（联系人：杨帆，电话：0851-86821379）。")
    # The attached guideline and form are appendices; the colophon is said as such.
    assert "晨午检落实数" not in a.text and "健康档案" not in a.text
    assert "抄送：市人民政府办公厅。" in {d.text for d in b.dropped}


def test_joint_report_with_two_signers_and_a_letter_spaced_second_header():
    b = read("official_joint_report_two_signers.txt")
    [a] = b.articles
    assert fold(a.title) == fold("株洲市卫生健康委员会 株洲市医疗保障局关于2024年上半年DRG支付方式改革推进情况的报告")
    assert b.metadata.publisher == ["株洲市卫生健康委员会", "株洲市医疗保障局"]
    assert a.source == "株洲市卫生健康委员会 株洲市医疗保障局"
    assert a.text.startswith("省卫生健康委、省医疗保障局：")
    assert a.text.endswith("特此报告。")
    assert "谭敏" not in fold(a.text) and "谭敏" not in fold(a.title)  # the second 签发人


def test_a_header_line_naming_one_organ_without_a_number_above_stays_the_header():
    """佛山市卫生健康局 over 关于…的通知 with no 文号 between is the red header, not the title's
    first line: only a line under the 文号 (or naming two organs) opens a joint title."""
    text = (
        "某市卫生健康局\n\n关于做好冬季流感防控工作的\n通知\n\n各区卫生健康局：\n"
        "为做好冬季流感防控工作，现就有关事项通知如下。请认真落实。\n\n某市卫生健康局\n2024年11月2日\n"
    )
    b = read_structure(text)
    assert b.articles[0].title == "关于做好冬季流感防控工作的通知"
    assert b.metadata.publisher == ["某市卫生健康局"]


def test_minutes_number_date_attendance_and_colophon():
    b = read("official_minutes.txt")
    [a] = b.articles
    assert a.title == "关于推进基层医疗卫生机构能力提升的会议纪要"
    assert (b.metadata.issue, b.metadata.date) == ("〔2024〕第6期", "2024-04-12")
    assert a.text.startswith("4月9日下午，市卫生健康委主任陈志强主持召开专题会议")
    assert a.text.endswith("（三）各县（市、区）卫生健康局每季度末报送工作进展。")
    # 出席 / 列席 / 记录 are the minutes' notes, one a line; 分送 and 印发 close the file.
    assert [f[:3] for f in a.footnotes] == ["出席：", "列席：", "记录："]
    assert {d.reason for d in b.dropped if d.text.startswith(("分送", "宁德市卫生健康委员会办公室"))} == {"colophon"}


def test_an_unsigned_issued_text_ends_before_the_colophon():
    """The 办法 a 印发 notice issues is signed by no one: its 抄送 and 印发 lines close the file."""
    text = (
        "某省卫生健康委员会关于印发《某省病媒生物防制管理办法》的通知\n\n各市卫生健康委：\n"
        "现将《某省病媒生物防制管理办法》印发给你们，请认真遵照执行。\n\n某省卫生健康委员会\n2024年6月3日\n\n"
        "某省病媒生物防制管理办法\n\n第一条 为规范病媒生物防制工作，制定本办法。\n"
        "第二条 本办法自2024年7月1日起施行。\n\n抄送：国家疾控局。\n某省卫生健康委员会办公室 2024年6月3日印发\n"
    )
    b = read_structure(text)
    [a] = b.articles
    assert a.text.endswith("第二条 本办法自2024年7月1日起施行。")
    assert {d.text: d.reason for d in b.dropped}["抄送：国家疾控局。"] == "colophon"


@pytest.mark.parametrize("mark", ["·3·", "• 12 •", "（此页无正文）", "－ 1 －", "―2―", "～ 3 ～", "﹣4﹣"])
def test_page_marks_in_other_styles(mark):
    assert L.classify(mark)[0] == L.PAGE


def test_signature_date_with_a_circle_for_zero_and_a_no_copy_number():
    text = (
        "No.0000356\n\n某市卫生健康委员会文件\n\n某卫医发[2023]112号\n\n某市卫生健康委员会关于医疗质量检查情况的通报\n\n"
        "各县区卫生健康局：\n现将检查情况通报如下。各单位要认真整改。\n\n某市卫生健康委员会\n二○二三年十二月十九日\n"
    )
    b = read_structure(text)
    assert (b.metadata.issue, b.metadata.date) == ("某卫医发[2023]112号", "2023-12-19")
    assert b.metadata.publisher == ["某市卫生健康委员会"]
    assert b.articles[0].source == "某市卫生健康委员会"


def test_law_under_the_order_that_promulgates_it():
    """中华人民共和国主席令 / 第十二号 / 《…法》已由…通过，现予公布 over the law: the document is
    the law (title over its adoption note), the order's number its issue; a 目录 that lists
    第一节 under its chapters asks for no article of its own."""
    b = read("law_promulgation_order_sections.txt")
    m = b.metadata
    assert (m.title, m.issue, m.date) == ("中华人民共和国医疗保障法", "中华人民共和国主席令第十二号", "2025-06-27")
    assert [fold(a.title) for a in b.articles] == ["第一章总则", "第二章筹资和待遇", "第三章基金管理", "第四章附则"]
    assert b.articles[1].text.startswith("第一节")
    assert {d.reason for d in b.dropped if "现予公布" in d.text} == {"promulgation above the law"}
    assert b.warnings == []


def test_regulation_under_a_standing_committee_announcement():
    b = read("regulation_announcement_contents.txt")
    m = b.metadata
    assert (m.title, m.issue, m.date) == ("湖北省院前医疗急救条例", "湖北省人民代表大会常务委员会公告第87号", "2024-05-30")
    assert [fold(a.title) for a in b.articles][:2] == ["第一章总则", "第二章急救网络建设"]
    assert b.articles[0].text.startswith("第一条 为了规范院前医疗急救行为")
    assert b.warnings == []


def test_a_heading_above_a_law_without_a_promulgation_stays_its_title():
    """Without 现予公布 the first heading is the document's title, as before."""
    text = (BULLETINS / "regulation_announcement_contents.txt").read_text(encoding="utf-8")
    text = text.replace("，现予公布，", "，")
    assert read_structure(text).metadata.title != "湖北省院前医疗急救条例"


def test_rules_numbered_by_articles_only_are_one_document_titled_over_two_lines():
    b = read("rules_articles_only.txt")
    [a] = b.articles
    assert a.title == b.metadata.title == "厦门市基本公共卫生服务项目资金管理实施细则"
    assert a.text.startswith("第一条 为规范基本公共卫生服务项目资金管理")
    assert a.text.endswith("第九条 本细则自2025年3月1日起施行，有效期5年。")
    assert b.warnings == []


def test_compilation_cover_dated_in_chinese_numerals_and_contents_entries_wrapped():
    b = read("compilation_cover_wrapped_contents.txt")
    assert b.metadata.title == "2024年度全县卫生健康重要文件选编"
    assert b.metadata.publisher == ["会同县卫生健康局"]  # 二〇二五年一月 is the cover's date, no publisher
    # Each 目录 entry wrapped over two lines is one entry, with its page.
    assert [(fold(e.title), e.page) for e in b.contents] == [
        (fold("一、会同县卫生健康局关于印发《会同县2024年慢性病综合防控工作方案》的通知"), 1),
        (fold("二、会同县卫生健康局关于2024年第一季度医疗质量检查情况的通报"), 4),
        (fold("三、会同县卫生健康局关于同意县人民医院开展互联网诊疗服务的批复"), 7),
    ]
    assert [a.title for a in b.articles] == [
        "会同县卫生健康局关于印发《会同县2024年慢性病综合防控工作方案》的通知",
        "会同县卫生健康局关于2024年第一季度医疗质量检查情况的通报",
        "会同县卫生健康局关于同意县人民医院开展互联网诊疗服务的批复",
    ]
    # The plan the first notice issues is its body; the second's score table is an appendix.
    assert b.articles[0].text.endswith("每季度末将工作进展报县卫生健康局疾控股。")
    assert "林城镇中心卫生院91.2" not in fold(b.articles[1].text)
    assert b.articles[2].text.endswith("此复。")


def test_public_notice_whose_genre_word_is_letter_spaced_under_a_joint_title():
    """A 通告 has no 主送 and no 文号: two organs, 关于…的, then 通    告 on a line of its own."""
    b = read("official_public_notice_spaced_genre.txt")
    [a] = b.articles
    assert a.title == "西安市卫生健康委员会 西安市市场监督管理局关于加强夏季食品安全和食源性疾病防控的通告"
    assert a.text.startswith("为保障广大市民饮食安全") and a.text.endswith("特此通告。")
    assert b.metadata.date == "2024-06-20"


def test_a_letter_spaced_genre_word_alone_under_the_issuer_is_a_header():
    text = (BULLETINS / "official_minutes.txt").read_text(encoding="utf-8").replace("会 议 纪 要", "纪    要")
    b = read_structure(text)
    assert b.articles[0].title == "关于推进基层医疗卫生机构能力提升的会议纪要"


def test_attachments_listed_one_numbered_head_a_line():
    text = (
        "某省卫生健康委员会办公室\n某卫办函〔2024〕23号\n关于商请协助开展健康素养监测工作的函\n省统计局：\n"
        "为掌握全省居民健康素养水平，现商请贵局协助提供监测点人口资料。请予支持为盼。\n"
        "附件1：健康素养监测工作方案\n附件2：监测点抽样要求\n某省卫生健康委员会办公室\n2024年6月14日\n"
    )
    b = read_structure(text)
    [a] = b.articles
    assert a.text.endswith("请予支持为盼。")
    assert a.footnotes == ["附件1：健康素养监测工作方案", "附件2：监测点抽样要求"]


def test_copy_number_secrecy_and_urgency_on_one_line():
    assert L.official_marks("000123 机密★1年 特急") == (("份号", "机密★1年", "特急"), None, None)
    assert L.official_marks("000123 关于做好防控工作的通知") is None


def test_gazette_reprint_with_its_head_on_every_page_and_the_number_under_the_title():
    """A 公报 reprints a 印发 notice: its own head (某省人民政府公报 2023年第6期) tops every page,
    the first included, and the 文号 stands under the title; the plan is the notice's body."""
    b = read("official_gazette_reprint.txt")
    [a] = b.articles
    assert a.title == "河南省人民政府办公厅关于印发河南省“十四五”中医药发展规划的通知"
    assert (b.metadata.issue, b.metadata.date) == ("豫政办〔2023〕18号", "2023-03-10")
    assert a.text.startswith("各省辖市人民政府，济源示范区管委会，省人民政府各部门：")
    assert a.text.endswith("加强组织领导，完善投入机制，强化监测评估。")
    assert "公报" not in a.text
    assert [d.line for d in b.dropped if d.reason == "running head"] == [1, 23, 36]


def test_compilation_whose_name_tops_every_page_of_one_page_documents():
    b = read("compilation_running_head.txt")
    assert [a.title for a in b.articles] == [
        "泉州市卫生健康委员会关于做好2024年登革热防控工作的通知",
        "泉州市卫生健康委员会关于同意晋江市医院设置互联网医院的函",
        "泉州市卫生健康委员会关于2024年上半年医疗机构依法执业检查情况的通报",
    ]
    assert {d.reason for d in b.dropped if "汇编" in d.text} == {"running head"}
    assert b.articles[1].text.endswith("特此函复。")


def test_plan_printed_alone_keeps_the_years_under_its_title():
    text = (
        "某市全民健康素养提升三年行动方案\n（2024—2026年）\n\n"
        "为全面提升居民健康素养水平，结合我市实际，制定本方案。\n\n一、总体要求\n\n到2026年，居民健康素养水平达到38%以上。\n"
    )
    [a] = read_structure(text).articles
    assert a.title == "某市全民健康素养提升三年行动方案（2024—2026年）"
    assert a.text.startswith("为全面提升居民健康素养水平")


def test_joint_notice_signers_above_the_number_spaced_genre_wrapped_addressee_and_a_page_without_text():
    b = read("official_joint_notice_no_text_page.txt")
    [a] = b.articles
    assert a.title == "湖北省卫生健康委员会 湖北省疾病预防控制局关于印发湖北省2024年秋冬季呼吸道传染病防控工作方案的通知"
    assert (b.metadata.issue, b.metadata.date) == ("鄂卫通〔2024〕76号", "2024-10-21")
    # The 主送 line wrapped over two lines is one paragraph.
    assert a.paragraphs[0].text == "各市、州、直管市及神农架林区卫生健康委、疾病预防控制局，委直属有关单位："
    assert a.text.endswith("特此通知。")
    assert a.source == "湖北省卫生健康委员会 湖北省疾病预防控制局"
    assert {d.text: d.reason for d in b.dropped}["（此页无正文）"] == "page marker"


def test_plan_whose_glossary_is_attached_after_the_last_chapter():
    b = read("plan_sections_appendix.txt")
    assert [fold(a.title) for a in b.articles] == ["第一章规划背景", "第二章总体要求", "第三章主要任务", "第四章保障措施"]
    assert b.articles[-1].text == "加强组织领导，完善投入机制，建立规划实施监测评估制度。"
    assert {d.reason for d in b.dropped if "医养结合" in d.text or d.text == "附件"} == {"appendix"}
    assert b.warnings == []  # the 目录's 附件 entry and its 第一节 entries ask for no chapter


def test_word_file_aligned_start_as_libreoffice_writes_it_is_read():
    """LibreOffice (and strict OOXML) writes w:jc="start"/"end" for left/right, which python-docx
    rejects: the 公文 it saved is still read, and its centred title is still a heading."""
    import docx
    from docx.oxml import parse_xml

    from healthdigest.reading import decode_bytes

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    for text, align in [
        ("某市卫生健康委员会关于做好冬季流感防控工作的通知", "center"),
        ("各区卫生健康局：", "start"),
        ("为做好冬季流感防控工作，现就有关事项通知如下。请认真落实。", "both"),
        ("某市卫生健康委员会", "end"),
        ("2024年11月2日", "end"),
    ]:
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:jc {w} w:val="{align}"/>'))
    out = io.BytesIO()
    document.save(out)
    decoded = decode_bytes(out.getvalue(), name="notice.docx")
    b = read_structure(decoded.text, hints=decoded.hints)
    [a] = b.articles
    assert a.title == "某市卫生健康委员会关于做好冬季流感防控工作的通知"
    assert (a.text, b.metadata.date) == ("各区卫生健康局：\n\n为做好冬季流感防控工作，现就有关事项通知如下。请认真落实。", "2024-11-02")
    assert [no for no, h in decoded.hints.items() if h.centred] == [1]  # the title alone


def test_minutes_whose_issuer_date_and_colophon_a_pdf_sets_apart():
    """A PDF reader gives the issuer and the date of a 纪要's head, and the printing office and
    its 印发 date, on lines of their own: they are still the head's date and the colophon."""
    text = (BULLETINS / "official_minutes.txt").read_text(encoding="utf-8")
    text = text.replace("宁德市卫生健康委员会办公室                   2024 年 4 月 12 日", "宁德市卫生健康委员会办公室\n2024 年 4 月 12 日")
    text = text.replace("  宁德市卫生健康委员会办公室                 2024 年 4 月 12 日印发", "宁德市卫生健康委员会办公室\n2024 年 4 月 12 日印发")
    b = read_structure(text)
    [a] = b.articles
    assert (b.metadata.issue, b.metadata.date) == ("〔2024〕第6期", "2024-04-12")
    assert a.text.endswith("（三）各县（市、区）卫生健康局每季度末报送工作进展。")
    assert {d.text: d.reason for d in b.dropped}["宁德市卫生健康委员会办公室"] == "colophon"


def test_issued_guide_is_body_and_the_form_attached_after_it_is_not():
    """附件 / the guide the notice issues (随文印发) is its body; a second 附件, a form, is attached."""
    b = read("official_issued_guide_and_form.txt")
    [a] = b.articles
    assert (b.metadata.issue, b.metadata.date) == ("沪卫基层〔2024〕11号", "2024-03-28")
    assert "一、建设目标" in a.text
    assert a.text.endswith("市卫生健康委每年开展一次评估。")
    assert {d.reason for d in b.dropped if "评估表" in d.text or "评分标准" in d.text} == {"appendix"}


def test_report_made_at_a_meeting_with_its_occasion_speaker_and_salutation():
    b = read("official_meeting_report.txt")
    [a] = b.articles
    assert b.layout == "official"
    assert a.title == "关于全市公共卫生服务体系建设情况的报告"
    assert a.byline == "市卫生健康委员会主任 周建国"
    assert b.metadata.date == "2024-08-27"
    assert a.text.startswith("主任、各位副主任、秘书长、各位委员：")
    assert a.text.endswith("以上报告，请予审议。")


def test_four_joint_authorities_with_four_signers_and_a_title_on_one_long_line():
    b = read("official_four_authorities.txt")
    [a] = b.articles
    organs = ["广西壮族自治区卫生健康委员会", "广西壮族自治区发展和改革委员会", "广西壮族自治区财政厅", "广西壮族自治区医疗保障局"]
    assert a.title == " ".join(organs) + "关于印发《广西推进紧密型县域医疗卫生共同体建设实施方案（2024—2027年）》的通知"
    assert b.metadata.publisher == organs
    assert (b.metadata.issue, b.metadata.date) == ("桂卫基层发〔2024〕9号", "2024-05-20")
    assert a.source == " ".join(organs)
    assert a.text.endswith("确保各项任务落地见效。")  # the plan it issues is its body
    assert L.official_marks("签发人：韦启明 黄振宇 李春燕 覃志刚")[2] == "韦启明 黄振宇 李春燕 覃志刚"


def test_a_long_line_with_a_clause_is_no_title_however_it_ends():
    """Past 90 characters only issuers' names make a title long; a clause (，) makes it running text."""
    line = (
        "某市卫生健康委员会 某市教育局关于进一步加强学校卫生工作，切实落实晨午检、因病缺勤追踪、传染病疫情报告、"
        "健康教育和环境卫生整治等各项制度，全面保障广大师生身体健康和生命安全，维护正常教育教学秩序的通知"
    )
    assert len(line) > 90
    text = f"某卫发〔2024〕3号\n\n{line}\n\n各学校：\n各学校要认真落实晨午检制度。\n"
    assert read_structure(text).articles[0].title != line


def test_compilation_whose_first_document_is_unsigned_minutes():
    """A 纪要 is signed by no one: its 印发 line ends it, and the next 公文 is read on its own
    (its signature and date are not the minutes')."""
    notice = (
        "\f某市卫生健康委员会文件\n\n某卫基层〔2024〕21号\n\n某市卫生健康委员会关于印发基层医疗卫生机构\n能力提升实施方案的通知\n\n"
        "各县（市、区）卫生健康局：\n现将《某市基层医疗卫生机构能力提升实施方案》印发给你们，请认真贯彻执行。\n\n"
        "某市卫生健康委员会\n2024年5月8日\n\n某市基层医疗卫生机构能力提升实施方案\n\n一、工作目标\n"
        "到2024年底，全市60%以上的乡镇卫生院达到服务能力基本标准。各地要确保各项任务按期完成。\n"
    )
    b = read_structure((BULLETINS / "official_minutes.txt").read_text(encoding="utf-8") + notice)
    assert [a.title for a in b.articles] == [
        "关于推进基层医疗卫生机构能力提升的会议纪要",
        "某市卫生健康委员会关于印发基层医疗卫生机构能力提升实施方案的通知",
    ]
    minutes, issued = b.articles
    assert minutes.source is None and minutes.text.endswith("每季度末报送工作进展。")
    assert issued.text.endswith("各地要确保各项任务按期完成。")


def test_attachment_entry_and_copy_list_wrapped_over_two_lines():
    b = read("official_wrapped_list_and_copy.txt")
    [a] = b.articles
    assert a.text.endswith("于4月20日前将自查报告报送我委疾控处。")
    assert a.footnotes == ["附件：1.温州市2025年医疗机构传染病防控专项督查工作方案", "2.医疗机构传染病防控专项督查评分表"]
    assert {d.text: d.reason for d in b.dropped}["公室，市政协办公室。"] == "colophon"
    assert {d.reason for d in b.dropped} == {"colophon"}


def test_letter_spaced_signature_with_its_seal_note_and_a_dotted_date():
    text = (
        "某市卫生健康局文件\n\n某卫发〔2024〕3号\n\n某市卫生健康局关于做好冬季流感防控工作的通知\n\n各区卫生健康局：\n"
        "为做好冬季流感防控工作，现就有关事项通知如下。请认真落实。\n\n某 市 卫 生 健 康 局（代章）\n2024.11.02\n"
    )
    b = read_structure(text)
    assert (b.articles[0].source, b.metadata.date) == ("某市卫生健康局", "2024-11-02")


def test_forwarding_notice_with_the_forwarded_notice_printed_after_it_is_one_document():
    """关于转发《…的通知》的通知: the 关于 inside the book title does not start the title, and the
    forwarded 公文 (its own header, 文号, title, 主送, signature) is the notice's body, no new one."""
    b = read("official_forwarding_notice.txt")
    [a] = b.articles
    assert a.title == (
        "株洲市卫生健康委员会关于转发《国家卫生健康委办公厅关于做好2024年冬春季新冠病毒感染等呼吸道传染病防控工作的通知》的通知"
    )
    assert (b.metadata.issue, b.metadata.date) == ("株卫函〔2024〕88号", "2024-11-15")
    assert a.text.endswith("保障重点人群医疗服务。")
    assert "国家卫生健康委办公厅关于做好2024年冬春季新冠病毒感染等呼吸道传染病防控工作的通知" in [p.text for p in a.paragraphs]
    assert {d.text: d.reason for d in b.dropped}["国卫办疾控函〔2024〕412号"] == "forwarded document's head"
    assert b.warnings == []


def test_two_documents_one_naming_another_title_still_make_two():
    """A notice followed by a 公文 its title does not name is a 文件汇编 of two."""
    text = (BULLETINS / "official_forwarding_notice.txt").read_text(encoding="utf-8")
    text = text.replace("关于转发《国家卫生健康委办公厅\n关于做好2024年冬春季新冠病毒感染等呼吸道\n传染病防控工作的通知》的通知", "关于做好冬季爱国卫生运动的通知")
    assert len(read_structure(text).articles) == 2


def test_compilation_opening_with_a_contents_whose_entries_read_like_titles():
    """No cover, a 目录 first: its entries (关于印发…的通知 over （文号）……1) read like 公文 titles,
    but no 主送 or 文号 stands with them; the documents begin after it."""
    b = read("compilation_contents_with_numbers.txt")
    assert [a.title for a in b.articles] == [
        "广州市卫生健康委员会关于印发《广州市2025年病媒生物防制工作方案》的通知",
        "广州市卫生健康委员会关于征求《广州市医疗机构院感防控管理办法（征求意见稿）》意见的函",
    ]
    assert [e.page for e in b.contents] == [1, 3]
    assert b.contents[0].title.endswith("（穗卫疾控〔2025〕3号）")
    assert b.articles[0].text.endswith("及时清除孳生地。")
    assert b.warnings == []


def test_report_whose_occasion_line_wraps_and_a_law_whose_adoption_note_wraps():
    report = (BULLETINS / "official_meeting_report.txt").read_text(encoding="utf-8")
    report = report.replace("第二十一次会议上", "第二十一次\n会议上")
    b = read_structure(report)
    assert (b.layout, b.metadata.date) == ("official", "2024-08-27")
    assert b.articles[0].text.startswith("主任、各位副主任、秘书长、各位委员：")
    law = (BULLETINS / "regulation_announcement_contents.txt").read_text(encoding="utf-8")
    law = law.replace("湖北省第十四届人民代表大会常务委员会第九次会议通过）", "湖北省第十四届人民代表\n大会常务委员会第九次会议通过）")
    b = read_structure(law)
    assert (b.metadata.title, b.metadata.date) == ("湖北省院前医疗急救条例", "2024-05-30")


@pytest.mark.parametrize(
    "line",
    ["株    洲    市    医    疗    保    障    局", "通    告", "第一章    总    则", "第四章    附    则 ……… 4", "第二章    筹资和待遇"],
)
def test_a_letter_spaced_line_in_a_word_file_stays_one_line(line):
    """A wide typed gap sets items apart (an editor left, a date right), but a line spread one
    character at a time is one word letter-spaced: a header, a genre word, a chapter head."""
    from healthdigest.readers.common import LineWriter

    writer = LineWriter()
    writer.add(line)
    writer.add("主编：张三        2024年3月5日")
    assert writer.lines[0].replace(" ", "") == line.replace(" ", "")
    assert writer.lines[1:] == ["主编：张三", "2024年3月5日"]


def test_a_body_line_ending_on_a_printing_date_does_not_end_the_document():
    text = (
        "某市卫生健康委员会关于做好登革热防控工作的通知\n\n各区卫生健康局：\n"
        "按照《登革热防控方案》要求，该方案已由省卫生健康委2024年3月5日印发\n"
        "请各地认真落实，加强蚊媒监测。\n\n某市卫生健康委员会\n2024年4月2日\n"
    )
    b = read_structure(text)
    assert b.metadata.date == "2024-04-02"
    assert b.articles[0].text.endswith("加强蚊媒监测。")

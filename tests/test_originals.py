"""Originals made the way offices make them (Word styles, sizes, typed gaps), read as a person reads them.

Each document is built here with python-docx or as text, in shapes of its own: a plan's cover
over its 目录, a newsletter's masthead with the editor and date on one typed line, a 文件汇编
that prints each 文号 under its title, a story closed by a （来源：…） line of its own.
"""

from __future__ import annotations

import io
from pathlib import Path

from healthdigest.api import segment_bytes
from healthdigest.structure import read_structure

BODY = "各地要按照属地管理原则，落实好辖区内医疗机构的主体责任，定期开展自查自纠，发现问题立即整改，确保各项措施落到实处。"


def _docx(build) -> bytes:
    import docx

    document = docx.Document()
    build(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _line(document, text: str, *, size: float = 16, centred: bool = False, bold: bool = False):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = document.add_paragraph()
    run = p.add_run(text)
    run.font.size, run.bold = Pt(size), bold
    if centred:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return p


def test_a_plans_cover_title_is_not_run_on_into_the_issuer_under_it():
    # The cover: the title in large type, the issuer and the month in body type (both short
    # enough to pass for the end of a wrapped title in a text extraction).
    def build(document):
        _line(document, "某市“十五五”卫生健康事业发展规划", size=24, centred=True)
        _line(document, "某市人民政府办公室", centred=True)
        _line(document, "2025年12月", centred=True)
        _line(document, "目　　录", size=18, centred=True)
        for k, chapter in enumerate(("第一章 发展基础", "第二章 总体要求")):
            _line(document, f"{chapter}……………………{1 + k}", size=14)
        for chapter in ("第一章 发展基础", "第二章 总体要求"):
            document.add_heading(chapter, level=1)
            for _ in range(2):
                _line(document, BODY)

    bulletin = segment_bytes(_docx(build), name="plan.docx")
    assert bulletin.metadata.title == "某市“十五五”卫生健康事业发展规划"
    assert [a.title for a in bulletin.articles] == ["第一章 发展基础", "第二章 总体要求"]


def test_a_title_over_a_subtitle_in_display_type_stays_one_title():
    # A booklet's cover: the title in the largest type over two lines, its subtitle smaller but
    # still display type, then the compiler in body type; sections headed in one size.
    from healthdigest.model import LineHint

    lines = [("社区健康", 4.0), ("服务手册", 4.0), ("居民版", 2.5), ("某区卫生健康局编", 1.0), ("- 1 -", None)]
    for k, head in enumerate(("服务对象", "服务内容", "服务流程")):
        lines += [(head, 1.7), (BODY, 1.0), (BODY, 1.0), (f"- {k + 2} -", None)]
    text = "\n".join(t for t, _ in lines) + "\n"
    hints = {n: LineHint(page=1, size=s) for n, (_, s) in enumerate(lines, 1) if s is not None}
    bulletin = read_structure(text, hints=hints)
    assert bulletin.metadata.title == "社区健康服务手册居民版"
    assert [a.title for a in bulletin.articles] == ["服务对象", "服务内容", "服务流程"]


def test_editor_and_date_set_apart_on_one_typed_line_are_read_as_both():
    def build(document):
        _line(document, "健康促进工作简报", size=28, centred=True)
        _line(document, "2025年第3期（总第58期）", size=12, centred=True)
        _line(document, "某省健康教育中心编" + "\u3000" * 10 + "2025年7月10日", size=11, centred=True)
        for title in ("某市启动健康知识进万家行动", "某县开展健康教育骨干培训"):
            _line(document, "【工作动态】", size=14)
            _line(document, title, size=16, bold=True, centred=True)
            _line(document, BODY, size=12)
            _line(document, "（来源：某市疾控中心）", size=12)

    bulletin = segment_bytes(_docx(build), name="news.docx")
    assert bulletin.metadata.date == "2025-07-10"
    assert bulletin.metadata.publisher == ["某省健康教育中心"]
    assert [a.title for a in bulletin.articles] == ["某市启动健康知识进万家行动", "某县开展健康教育骨干培训"]


def test_a_closing_source_line_of_its_own_is_the_source_not_a_subheading():
    text = "\n\n".join([
        "社区卫生简讯", "2025年第2期", "2025年4月1日", "【基层动态】",
        "某区推行家庭医生上门服务", BODY, "（来源：某区卫生健康局）",
        "某镇卫生院开设夜间门诊", BODY, BODY, "（来源：某镇人民政府）",
    ]) + "\n"
    bulletin = read_structure(text)
    assert [(a.title, a.source) for a in bulletin.articles] == [
        ("某区推行家庭医生上门服务", "某区卫生健康局"),
        ("某镇卫生院开设夜间门诊", "某镇人民政府"),
    ]
    assert all(not a.subheadings and a.paragraphs[-1].text == BODY for a in bulletin.articles)


def _notice(title: str, number: str, addressee: str, date: str) -> list[str]:
    return [title, number, addressee, BODY, "特此通知。", "", "某省卫生健康委员会", date]


def test_a_doc_number_printed_under_the_title_is_the_issue_not_body_text():
    single = "\n".join(_notice("某省卫生健康委员会关于开展家庭医生签约服务评价的通知", "某卫基层函〔2025〕19号",
                               "各市（州）卫生健康局：", "2025年9月18日")) + "\n"
    bulletin = read_structure(single)
    assert bulletin.metadata.issue == "某卫基层函〔2025〕19号"
    assert bulletin.articles[0].paragraphs[0].text.startswith("各市（州）卫生健康局：")
    # A 文件汇编 whose 公文 each print the 文号 under the title: each one's body starts below it.
    compilation = "\n".join([
        "基层卫生健康政策文件汇编", "",
        *_notice("关于印发乡镇卫生院服务能力提升行动方案的通知", "某卫基层发〔2025〕7号", "各市（州）卫生健康局：", "2025年3月4日"),
        "\f", *_notice("关于加强村卫生室药品配备使用管理的通知", "某卫药政发〔2025〕4号", "各县（市、区）卫生健康局：", "2025年5月20日"),
    ]) + "\n"
    bulletin = read_structure(compilation)
    assert [a.title for a in bulletin.articles] == ["关于印发乡镇卫生院服务能力提升行动方案的通知", "关于加强村卫生室药品配备使用管理的通知"]
    assert [a.paragraphs[0].text[:7] for a in bulletin.articles] == ["各市（州）卫生", "各县（市、区）"]
    assert not any("〔2025〕" in p.text for a in bulletin.articles for p in a.paragraphs)


def test_a_reports_title_style_names_it_and_the_line_under_it_says_who_and_when():
    from docx.shared import Pt

    def build(document):
        title = document.add_paragraph(style="Title")
        title.add_run("某市二〇二五年上半年传染病疫情分析报告").font.size = Pt(20)
        _line(document, "某市疾病预防控制中心\u30002025年7月15日", size=12, centred=True)
        for part in ("一、总体情况", "二、重点传染病", "三、防控建议"):
            document.add_heading(part, level=1)
            _line(document, BODY, size=12)

    bulletin = segment_bytes(_docx(build), name="report.docx")
    meta = bulletin.metadata
    assert (meta.title, meta.date, meta.publisher) == ("某市二〇二五年上半年传染病疫情分析报告", "2025-07-15", ["某市疾病预防控制中心"])
    assert [a.title for a in bulletin.articles] == ["一、总体情况", "二、重点传染病", "三、防控建议"]


def test_a_byline_under_a_pdf_reports_title_is_metadata_not_an_untitled_article():
    from healthdigest.model import LineHint

    lines = [("全省基层卫生人才队伍建设情况调查报告", 1.8), ("省卫生健康委人事处", 1.0), ("2025年6月", 1.0)]
    for head in ("调查的基本情况", "存在的主要问题"):
        lines += [(head, 1.4), (BODY, 1.0), (BODY, 1.0)]
    text = "\n".join(t for t, _ in lines) + "\n"
    hints = {n: LineHint(page=1, size=s, centred=n <= 3) for n, (_, s) in enumerate(lines, 1)}
    bulletin = read_structure(text, hints=hints)
    assert bulletin.metadata.title == "全省基层卫生人才队伍建设情况调查报告"
    assert bulletin.metadata.publisher == ["省卫生健康委人事处"]
    assert [a.title for a in bulletin.articles] == ["调查的基本情况", "存在的主要问题"]


ORIGINALS = Path(__file__).parent / "data" / "originals"


def test_an_old_word_files_styles_sizes_and_centring_become_hints():
    # Saved as Word 97–2003 by LibreOffice from a python-docx report: a Title-style title, a
    # byline, Heading 1 parts, Heading 2 subparts and a table (text of our own).
    from healthdigest.reading import decode_bytes

    decoded = decode_bytes((ORIGINALS / "report_tables.doc").read_bytes(), name="report.doc")
    lines = decoded.text.splitlines()
    hint = {line: decoded.hints.get(n) for n, line in enumerate(lines, 1) if line}
    assert hint["2025年上半年全市法定传染病疫情分析报告"].level == 0
    assert hint["2025年上半年全市法定传染病疫情分析报告"].centred
    assert [line for line, h in hint.items() if h is not None and h.level == 1] == ["一、总体情况", "二、重点传染病分析", "三、下阶段防控建议"]
    assert hint["流行性感冒"].cell and not hint["一、总体情况"].cell
    body = hint["流感样病例占门急诊就诊总数的比例在一月达到峰值，此后逐月回落，六月降至百分之二点一。"]
    assert body.size == 1.0 and not body.bold and not body.centred
    bulletin = segment_bytes((ORIGINALS / "report_tables.doc").read_bytes(), name="report.doc")
    assert [a.title for a in bulletin.articles] == ["一、总体情况", "二、重点传染病分析", "三、下阶段防控建议"]
    assert bulletin.metadata.date == "2025-07-15"


def test_an_old_word_notice_typed_with_direct_formatting_has_its_sizes():
    # A 公文 with no heading styles: the red header and the title in large type, set by hand.
    from healthdigest.reading import decode_bytes

    decoded = decode_bytes((ORIGINALS / "gw_notice.doc").read_bytes(), name="notice.doc")
    hint = {line: decoded.hints.get(n) for n, line in enumerate(decoded.text.splitlines(), 1) if line}
    assert hint["江西省卫生健康委员会文件"].size >= 2 and hint["江西省卫生健康委员会文件"].centred
    title = "江西省卫生健康委员会关于做好2025年夏季食源性疾病防控工作的通知"
    assert hint[title].size > 1.2 and hint[title].centred and hint[title].level is None
    bulletin = segment_bytes((ORIGINALS / "gw_notice.doc").read_bytes(), name="notice.doc")
    assert [a.title for a in bulletin.articles] == [title]
    assert bulletin.metadata.issue == "赣卫疾控字〔2025〕23号"


def test_an_old_word_file_with_damaged_formatting_tables_is_read_without_hints():
    from healthdigest.readers.docfmt import PLCF_BTE_PAPX, RG_FC_LCB
    from healthdigest.reading import decode_bytes

    data = bytearray((ORIGINALS / "report_tables.doc").read_bytes())
    fib = next(k for k in range(0, len(data), 512) if data[k : k + 2] == b"\xec\xa5")  # the WordDocument stream
    lcb = fib + RG_FC_LCB + 8 * PLCF_BTE_PAPX + 4
    data[lcb : lcb + 4] = (0x7FFFFFF0).to_bytes(4, "little")  # the paragraph bin table said to run far past the end
    decoded = decode_bytes(bytes(data), name="damaged.doc")
    assert "一、总体情况" in decoded.text.splitlines()
    assert not any(h.level is not None or h.size is not None for h in decoded.hints.values())


def test_a_title_whose_genre_word_the_wrap_broke_is_still_the_title():
    # A title set large wraps where the line is full, even inside its last word (报/告, 请/示).
    for first, last, genre in (("关于全市医疗机构院感防控督导检查情况的报", "告", "报告"), ("某县卫生健康局关于申请增设乡镇卫生院床位的请", "示", "请示")):
        text = "\n".join([first, last, "市卫生健康委：", BODY, BODY, "", "某县卫生健康局", "2025年10月20日"]) + "\n"
        bulletin = read_structure(text)
        assert [a.title for a in bulletin.articles] == [first + last], genre
        assert bulletin.articles[0].paragraphs[0].text == "市卫生健康委：" and bulletin.metadata.date == "2025-10-20"


def test_word_headings_set_in_a_heavy_face_open_stories_under_a_masthead_in_a_table():
    # A 简报 whose masthead is a table (title across, issue left, date right), the office under
    # it, and stories headed by centred lines in 黑体 (no bold, no style), with no （来源）.
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    def set_face(run, face: str, size: float) -> None:
        run.font.size = Pt(size)
        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), face)

    titles = ["我市召开医疗卫生领域集中整治推进会", "市人民医院胸痛中心通过国家认证", "全市启动适龄女生疫苗免费接种工作"]

    def build(document):
        table = document.add_table(rows=2, cols=2)
        top = table.cell(0, 0).merge(table.cell(0, 1))
        set_face(top.paragraphs[0].add_run("卫生健康简报"), "方正小标宋简体", 28)
        set_face(table.cell(1, 0).paragraphs[0].add_run("第7期"), "宋体", 12)
        set_face(table.cell(1, 1).paragraphs[0].add_run("2025年8月15日"), "宋体", 12)
        set_face(document.add_paragraph().add_run("某市卫生健康委员会办公室"), "宋体", 12)
        for title in titles:
            p = document.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            set_face(p.add_run(title), "黑体", 15)
            for _ in range(2):
                set_face(document.add_paragraph().add_run(BODY), "仿宋_GB2312", 14)

    bulletin = segment_bytes(_docx(build), name="brief.docx")
    assert [a.title for a in bulletin.articles] == titles
    assert bulletin.metadata.publisher == ["某市卫生健康委员会办公室"]
    assert bulletin.metadata.date == "2025-08-15"


def test_an_old_word_files_headings_in_a_heavy_face_are_bold():
    # The masthead-in-a-table 简报 saved as Word 97–2003: story titles centred in 黑体, not bold.
    from healthdigest.reading import decode_bytes

    data = (ORIGINALS / "table_masthead.doc").read_bytes()
    decoded = decode_bytes(data, name="brief.doc")
    hint = {line: decoded.hints.get(n) for n, line in enumerate(decoded.text.splitlines(), 1) if line}
    titles = ["我市召开医疗卫生领域群众身边不正之风和腐败问题集中整治推进会", "市人民医院胸痛中心通过国家标准版认证", "全市启动适龄女生HPV疫苗免费接种工作"]
    assert all(hint[t].bold and hint[t].centred for t in titles)
    assert not hint["某市卫生健康委员会办公室"].bold  # 宋体, like the body's 仿宋: no heavy face
    assert [a.title for a in segment_bytes(data, name="brief.doc").articles] == titles


def test_the_heavy_faces_are_those_chinese_offices_set_headings_in():
    from healthdigest.readers.common import HEAVY_FACE

    heavy = ["SimHei", "黑体", "STHeiti", "FZHTK--GBK1-0", "FZXBSJW--GB1-0", "方正小标宋简体", "NotoSansCJKsc-Bold", "FZDHK--GBK1-0"]
    regular = ["Microsoft YaHei", "SimSun", "FangSong_GB2312", "FZFSK--GBK1-0", "KaiTi", "仿宋_GB2312", "宋体"]
    assert all(HEAVY_FACE.search(f) for f in heavy) and not any(HEAVY_FACE.search(f) for f in regular)

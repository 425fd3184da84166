"""The structure reader uses the layout hints of PDF, Word and web originals where present.

Every document here is built in the test (python-docx, HTML text, a hand-written PDF) in
shapes of its own: headings the format marks, a bold centred title, tables, several articles.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from healthdigest.api import segment_bytes
from healthdigest.model import LineHint
from healthdigest.structure import read_structure

sys.path.insert(0, str(Path(__file__).parent))
from pdfmaker import make_pdf, text  # noqa: E402

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

PARAGRAPH = "各地要按照属地管理原则，落实好辖区内医疗机构的主体责任，定期开展自查自纠，发现问题立即整改，确保各项措施落到实处。"


def nonblank(text: str) -> set[int]:
    return {n for n, line in enumerate(text.splitlines(), 1) if line.strip()}


def _report_docx() -> bytes:
    """A Word report typed as people type them: a bold centred title in large type (no
    heading style), two Heading 1 parts each with a Heading 2 inside, and a table."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = docx.Document()
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run("某市二〇二五年第三季度基层卫生工作情况报告")
    run.bold, run.font.size = True, Pt(20)
    for part, sub in (("基本情况", "机构建设"), ("存在问题", "人员配备")):
        document.add_heading(part, level=1)
        document.add_paragraph(PARAGRAPH)
        document.add_heading(sub, level=2)
        document.add_paragraph(PARAGRAPH)
    table = document.add_table(rows=2, cols=2)
    cells = [
        "社区卫生服务中心的家庭医生签约服务覆盖率与去年同期相比",
        "乡镇卫生院的门急诊人次与住院人次在本季度中的变化情况",
        "城区街道下辖的各个社区卫生服务站点的基本公共卫生服务",
        "农村地区各行政村卫生室的乡村医生在岗人数及其年龄结构",
    ]
    for cell, value in zip((c for row in table.rows for c in row.cells), cells, strict=True):
        cell.text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_word_headings_split_articles_under_the_bold_centred_title():
    bulletin = segment_bytes(_report_docx(), name="report.docx")
    assert bulletin.layout == "headings"
    assert bulletin.metadata.title == "某市二〇二五年第三季度基层卫生工作情况报告"
    assert [a.title for a in bulletin.articles] == ["基本情况", "存在问题"]
    # A Heading 2 stays inside its part, as a subheading.
    assert bulletin.articles[0].subheadings == ["机构建设"]
    assert bulletin.articles[1].subheadings == ["人员配备"]


def test_table_cells_are_kept_but_never_joined_into_one_paragraph():
    bulletin = segment_bytes(_report_docx(), name="report.docx")
    last = bulletin.articles[-1]
    cells = [p.text for p in last.paragraphs if p.text.startswith(("社区", "乡镇", "城区", "农村"))]
    # Long unfinished lines read as wrapped running text without hints; each cell stays apart.
    assert len(cells) == 4 and all(len(p) < 40 for p in cells)


def test_every_line_of_a_word_original_has_a_role():
    from healthdigest.reading import decode_bytes

    data = _report_docx()
    decoded = decode_bytes(data, name="report.docx")
    bulletin = segment_bytes(data, name="report.docx")
    assert set(bulletin.line_roles) == nonblank(decoded.text)


def test_web_page_with_several_articles_splits_at_its_repeated_h2():
    page = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>卫生健康简讯</title></head><body>
    <article><h2>我市启动秋冬季流感疫苗接种工作</h2><p>%s</p><p>%s</p></article>
    <article><h2>全市基层医疗机构开展质控检查</h2><h3>检查范围</h3><p>%s</p></article>
    <article><h2>家庭医生签约服务进社区</h2><p>%s</p></article>
    </body></html>""" % ((PARAGRAPH,) * 4)
    bulletin = segment_bytes(page.encode("utf-8"), name="brief.html")
    assert bulletin.layout == "headings"
    assert [a.title for a in bulletin.articles] == [
        "我市启动秋冬季流感疫苗接种工作",
        "全市基层医疗机构开展质控检查",
        "家庭医生签约服务进社区",
    ]
    assert bulletin.articles[1].subheadings == ["检查范围"]
    assert [len(a.body_paragraphs) for a in bulletin.articles] == [2, 1, 1]


def test_a_single_h1_over_repeated_h2_is_the_document_title():
    page = f"""<html><body><h1>卫生健康简讯（第12期）</h1>
    <h2>我市启动秋冬季流感疫苗接种工作</h2><p>{PARAGRAPH}</p>
    <h2>家庭医生签约服务进社区</h2><p>{PARAGRAPH}</p></body></html>"""
    bulletin = segment_bytes(page.encode("utf-8"), name="brief.html")
    assert bulletin.metadata.title == "卫生健康简讯（第12期）"
    assert [a.title for a in bulletin.articles] == ["我市启动秋冬季流感疫苗接种工作", "家庭医生签约服务进社区"]


def test_a_single_heading_over_a_web_page_titles_its_one_article():
    page = f"<html><body><h1>关于做好冬季传染病防控的提示</h1><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></body></html>"
    bulletin = segment_bytes(page.encode("utf-8"), name="one.html")
    assert [a.title for a in bulletin.articles] == ["关于做好冬季传染病防控的提示"]
    assert bulletin.metadata.title == "关于做好冬季传染病防控的提示"


def _wrapped(heading: str) -> str:
    """Hard-wrapped running text at 36 characters, with `heading` standing between two
    paragraphs at the same width, unfinished: the text alone reads it as a wrapped line."""
    body = PARAGRAPH * 3
    lines = [body[k : k + 36] for k in range(0, len(body), 36)]
    return "\n".join([*lines, heading, *lines]) + "\n"


def test_a_heading_is_never_joined_to_running_text_by_the_wrap_repair():
    heading = "第二部分关于进一步加强基层医疗卫生机构能力建设的若干具体工作安排"
    text = _wrapped(heading)
    no = text.splitlines().index(heading) + 1
    # Without hints the heading reads as a full wrapped line and runs into the next paragraph.
    without = read_structure(text)
    assert without.line_roles[no] == without.line_roles[no + 1] == "body"
    assert not any(p.text == heading for a in without.articles for p in a.paragraphs)
    # Set in large type, it stands alone and heads the text after it.
    hinted = read_structure(text, hints={no: LineHint(size=1.5, bold=True)})
    assert [a.title for a in hinted.articles] == [None, heading]
    assert hinted.line_roles[no] == "title"
    assert hinted.articles[1].paragraphs[0].text.startswith(PARAGRAPH[:20])


def test_a_body_size_plain_line_is_no_heading():
    # Type of the body's size, neither bold nor centred: the text decides, as without hints.
    text = _wrapped("第二部分关于进一步加强基层医疗卫生机构能力建设的若干具体工作安排")
    hints = {n: LineHint(page=1, size=1.0) for n in nonblank(text)}
    assert _shape(read_structure(text, hints=hints)) == _shape(read_structure(text))


def _shape(bulletin) -> tuple:
    return (
        bulletin.layout,
        bulletin.metadata.title,
        [(a.title, [p.text for p in a.paragraphs]) for a in bulletin.articles],
        sorted(bulletin.line_roles.items()),
    )


def test_hints_that_mark_nothing_leave_every_seed_as_the_text_reads_it():
    # Page numbers and body-size type are all a plain extraction would add: no heading, no
    # cell. The structure read must be the one the text alone gives.
    for seed in sorted(SEEDS.glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        hints = {n: LineHint(page=1 + n // 60, size=1.0, indent=2.0) for n in nonblank(text)}
        assert _shape(read_structure(text, hints=hints)) == _shape(read_structure(text)), seed.name


def test_pdf_headings_in_large_type_open_articles_and_a_two_line_title_is_one():
    words = "Clinics in every district report their staffing and the number of visits each week"

    def body(y: float) -> list[tuple]:
        return [text(72, y - 14 * k, words[: 60 - k]) for k in range(3)] + [text(72, y - 42, "as the plan asks of them.")]

    page = [
        text(150, 740, "District Health Services", size=20),
        text(150, 716, "Quarterly Report", size=20),
        text(72, 670, "Staffing", size=15),
        *body(650),
        text(72, 560, "Visits", size=15),
        *body(540),
    ]
    bulletin = segment_bytes(make_pdf([page]), name="report.pdf")
    assert bulletin.layout == "headings"
    # The title set over two lines is one title (joined as the wrap repair joins lines).
    assert bulletin.metadata.title.replace(" ", "") == "DistrictHealthServicesQuarterlyReport"
    assert [a.title for a in bulletin.articles] == ["Staffing", "Visits"]



def _booklet() -> tuple[str, dict[int, LineHint]]:
    """A booklet as a PDF reader gives it: a cover title in very large type, page marks, four
    sections headed in one large size, a caption in small type over a paragraph (the text
    alone takes it for a heading), and one heading followed by a short bold lead-in line."""
    lines: list[tuple[str, LineHint | None]] = [
        ("社区健康", LineHint(page=1, size=4.0)),
        ("服务手册", LineHint(page=1, size=4.0)),
        ("- 1 -", None),
    ]
    for k, (head, first) in enumerate(
        (("服务对象", PARAGRAPH), ("服务内容", "下表列出了各项服务的主要"), ("服务流程", PARAGRAPH), ("监督评价", PARAGRAPH))
    ):
        lines.append((head, LineHint(page=2 + k, size=1.7)))
        lines.append((first, LineHint(page=2 + k, size=1.0, bold=first != PARAGRAPH)))
        lines.append((PARAGRAPH, LineHint(page=2 + k, size=1.0)))
        if k == 2:
            lines.append(("居民在社区卫生服务中心就诊", LineHint(page=2 + k, size=0.8)))  # a photo caption
            lines.append((PARAGRAPH, LineHint(page=2 + k, size=1.0)))
        lines.append((f"- {2 + k} -", None))
    text = "\n".join(t for t, _ in lines) + "\n"
    return text, {n: h for n, (_, h) in enumerate(lines, 1) if h is not None}


def test_a_booklets_headings_are_those_in_the_size_its_sections_share():
    text, hints = _booklet()
    # The text alone misses the heading over a short line and takes the caption for one.
    plain = [a.title for a in read_structure(text).articles]
    assert "服务内容" not in plain and "居民在社区卫生服务中心就诊" in plain
    bulletin = read_structure(text, hints=hints)
    assert bulletin.layout == "compilation"
    assert [a.title for a in bulletin.articles] == ["服务对象", "服务内容", "服务流程", "监督评价"]


def test_a_notice_on_a_web_page_is_read_as_a_notice():
    page = f"""<html><body><div>2024.03.05</div>
    <h2>某市卫生健康委员会关于开展春季爱国卫生运动的通知</h2>
    <p>某卫发〔2024〕12号</p>
    <p>各区卫生健康局，委属各单位：</p><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p>
    <p>某市卫生健康委员会</p><p>2024年3月1日</p>
    <p>附件：春季爱国卫生运动工作安排表</p></body></html>"""
    bulletin = segment_bytes(page.encode("utf-8"), name="notice.html")
    assert [a.title for a in bulletin.articles] == ["某市卫生健康委员会关于开展春季爱国卫生运动的通知"]
    assert bulletin.metadata.issue == "某卫发〔2024〕12号"
    assert bulletin.metadata.date == "2024-03-05"  # the page's date, over the notice's own
    body = [p.text for p in bulletin.articles[0].paragraphs]
    assert body[0] == "各区卫生健康局，委属各单位：" and body[-1] == PARAGRAPH
    # The 附件 list under the signature names the attachments: not body, kept as a footnote
    # (official.read_body reads the notice's tail, as on paper).
    assert bulletin.articles[0].footnotes == ["附件：春季爱国卫生运动工作安排表"]


def test_a_caption_in_small_type_does_not_end_the_paragraph_it_interrupts():
    head = "世界卫生组织与各国政府一道总结了部门间合作的经验，这些经验表明，卫生部门需要与交通、住房、教育等"
    caption = "图 2. 部门间合作的主要领域"
    tail = "部门共同制定政策，并在实施过程中定期评估各项措施对人群健康和卫生公平的影响，及时调整工作重点。"
    text = f"合作的经验\n{head}\n{caption}\n{tail}\n"
    hints = {1: LineHint(page=1, size=1.7), 2: LineHint(page=1, size=1.0), 3: LineHint(page=1, size=0.8), 4: LineHint(page=1, size=1.0)}
    without = [p.text for a in read_structure(text).articles for p in a.paragraphs]
    assert head + tail not in without  # the text alone cannot tell the caption from a heading
    bulletin = read_structure(text, hints=hints)
    paragraphs = [p for a in bulletin.articles for p in a.paragraphs]
    assert any(p.text == head + tail and p.lines == (2, 4) for p in paragraphs)
    assert set(bulletin.line_roles) == {1, 2, 3, 4}  # the caption is kept or dropped with a reason, not lost


def test_a_notice_title_line_set_in_large_type_is_a_title_line_however_long():
    # A PDF's title line can hold more than a typed line: the large type says it is the title.
    first = "某市爱国卫生运动委员会办公室二〇二五年全市城乡环境卫生整治和病媒生物预防控制长效管理"
    text = "\n".join([
        "某 市 爱 国 卫 生 运 动 委 员 会 办 公 室", "不公开", first, "工作实施方案", "各区爱卫办，市有关单位：",
        PARAGRAPH, PARAGRAPH, "某市爱国卫生运动委员会办公室", "2025年6月3日",
    ]) + "\n"
    assert len(first) > 40
    hints = {1: LineHint(page=1, size=1.8), 3: LineHint(page=1, size=1.4), 4: LineHint(page=1, size=1.4)}
    assert first + "工作实施方案" not in [a.title for a in read_structure(text).articles]
    assert [a.title for a in read_structure(text, hints=hints).articles] == [first + "工作实施方案"]


_SHARED = [Path(__file__).resolve().parents[1].parent / "shared", Path(__file__).resolve().parents[2].parent / "shared"]
CORPUS = next((p / "corpus" / "bulletins" for p in _SHARED if (p / "corpus" / "bulletins").is_dir()), None)


def _found_titles(bulletin, gold: list[str]) -> int:
    from healthdigest.textutil import fold

    found = {fold(a.title or "").replace(" ", "") for a in bulletin.articles}
    return sum(fold(t).replace(" ", "") in found for t in gold)


def test_originals_find_at_least_the_titles_their_text_extractions_find():
    # Issue 10: given as PDF, Word or web page, a document is read no worse than its text.
    import pytest
    import yaml

    from healthdigest.api import segment_path

    if CORPUS is None:
        pytest.skip("the shared corpus is not beside the repository")
    compared = 0
    for gold_file in sorted(CORPUS.glob("*.yaml")):
        gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
        stem = Path(gold["file"]).stem
        originals = [p for p in CORPUS.glob(stem + ".*") if p.suffix not in (".txt", ".yaml")]
        if not originals:
            continue
        titles = [a["title"] for a in gold["articles"]]
        from_text = _found_titles(segment_path(CORPUS / gold["file"]), titles)
        from_original = _found_titles(segment_path(originals[0]), titles)
        assert from_original >= from_text, originals[0].name
        compared += 1
    assert compared >= 5


def test_a_title_style_over_the_first_heading_1_titles_the_document():
    # Word declares Title and Heading 1 both at level 1; stacked at the top, the first names
    # the document rather than opening an empty article.
    import docx

    document = docx.Document()
    document.add_heading("全市家庭医生签约服务工作手册", level=0)  # the Title style
    for part in ("签约对象", "服务内容", "考核办法"):
        document.add_heading(part, level=1)
        document.add_paragraph(PARAGRAPH)
    out = io.BytesIO()
    document.save(out)
    bulletin = segment_bytes(out.getvalue(), name="manual.docx")
    assert bulletin.metadata.title == "全市家庭医生签约服务工作手册"
    assert [a.title for a in bulletin.articles] == ["签约对象", "服务内容", "考核办法"]

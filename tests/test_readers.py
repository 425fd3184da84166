"""Readers of originals: the kind is told by content; each format gives clean lines and hints;
bad originals get one clear message and exit status 1, and the rest of a batch is digested."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from healthdigest.errors import InputError
from healthdigest.readers import DOC, DOCX, HTML, PDF, TEXT, detect_kind
from healthdigest.reading import decode_bytes, read_file

sys.path.insert(0, str(Path(__file__).parent))
from olemaker import make_doc, make_ole  # noqa: E402
from pdfmaker import image, make_pdf, text  # noqa: E402

_SHARED = [Path(__file__).resolve().parents[1].parent / "shared", Path(__file__).resolve().parents[2].parent / "shared"]
CORPUS = next((d for d in _SHARED if d.is_dir()), _SHARED[0]) / "corpus" / "bulletins"

WORDS = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore".split()


def filler(n: int, seed: int = 0) -> str:
    """n characters of words, for a Courier line of known width (0.6 × size a character)."""
    line = ((" ".join(WORDS[seed:] + WORDS[:seed]) + " ") * 8)[:n]
    return line[:-1] + "x" if line.endswith(" ") else line


def blocks(decoded) -> list[tuple[str, object]]:
    """The non-blank lines of a reader's text, each with its hint (None if it has none)."""
    return [(line, decoded.hints.get(n)) for n, line in enumerate(decoded.text.splitlines(), 1) if line]


# Courier 10 pt: 80 characters span 480 pt, from the left margin at 72 to the right one at 552.
LEFT, FULL = 72, 80


def test_directory_walk_picks_up_every_supported_kind(tmp_path):
    from healthdigest.batch import expand_inputs

    names = ["a.txt", "b.md", "c.pdf", "d.docx", "e.doc", "f.html", "g.htm", "h.PDF", "notes.png", "sheet.xlsx"]
    for name in names:
        (tmp_path / name).write_bytes(b"x")
    inputs, problems = expand_inputs([str(tmp_path)])
    assert [p.name for p in inputs] == names[:8] and not problems


def test_kind_is_told_by_content_not_name():
    assert detect_kind(b"%PDF-1.7\n...", name="report.txt") == PDF
    assert detect_kind(b"PK\x03\x04rest", name="x.bin") == DOCX
    assert detect_kind(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 8, name="x") == DOC
    assert detect_kind(b"<!DOCTYPE html><html><body>x</body></html>", name="page.txt") == HTML
    # Markdown is read as text: its markup is structure the markdown layout reads.
    assert detect_kind("---\ntitle: 标题\n---\n正文".encode(), name="-") == TEXT
    assert detect_kind("# 标题\n正文".encode(), name="notes.md") == TEXT
    assert detect_kind("卫生健康信息动态\n正文".encode(), name="a.txt") == TEXT


def test_pdf_paragraphs_are_joined_from_geometry_and_margins_lifted():
    page1 = [
        text(LEFT + (480 - 13 * 9.6) / 2, 700, "ANNUAL REPORT", size=16, bold=True),  # centred, larger
        text(LEFT + 12, 660, filler(FULL - 2, 1)),  # indented first line, full to the right margin
        text(LEFT, 646, filler(FULL, 2)),
        text(LEFT, 632, "magna aliqua ut enim."),  # short: the paragraph ends here
        text(LEFT + 12, 610, filler(FULL - 2, 3)),
        text(LEFT, 596, filler(FULL, 4)),  # full at the foot of the page: runs on to the next
        text(300, 40, "1"),
        text(LEFT, 760, "Quarterly health digest"),
    ]
    page2 = [text(LEFT, 700, "end of the second paragraph."), text(300, 40, "2"), text(LEFT, 760, "Quarterly health digest")]
    decoded = decode_bytes(make_pdf([page1, page2]), name="r.pdf")
    lines = decoded.text.splitlines()
    assert lines[0] == "ANNUAL REPORT"
    assert lines[1].startswith(filler(FULL - 2, 1)) and lines[1].endswith("magna aliqua ut enim.")
    assert lines[2].endswith("end of the second paragraph.")  # joined across the page break
    assert lines[3:] == ["- 1 -", "- 2 -"]  # printed page numbers, as page markers
    assert "Quarterly health digest" not in decoded.text
    assert any("Quarterly health digest" in w and "1–2" in w for w in decoded.warnings)
    title, body = decoded.hints[1], decoded.hints[2]
    assert title.centred and title.bold and title.size > 1.4 and title.page == 1
    assert not body.centred and body.size == 1.0 and body.indent >= 1.0
    assert decoded.hints[3].page == 1 and decoded.hints[5].page == 2


def test_pdf_title_wrapped_in_a_large_face_is_two_centred_lines():
    wide, short = "NOTICE ON THE SURVEILLANCE OF DENGUE FEVER", "IN MEDICAL INSTITUTIONS"  # 42 and 23 characters
    size = 16  # Courier 16: 9.6 pt a character
    page = [
        text(LEFT + (480 - len(wide) * 9.6) / 2, 700, wide, size=size, bold=True),
        text(LEFT + (480 - len(short) * 9.6) / 2, 678, short, size=size, bold=True),
        text(LEFT + 12, 640, filler(FULL - 2, 1)),
        text(LEFT, 626, filler(FULL, 2)),
        text(LEFT + 12, 612, filler(FULL - 4, 3)),  # indented and ending short, but body text
        text(LEFT, 598, filler(FULL, 4)),
        text(LEFT, 584, "end."),
    ]
    decoded = decode_bytes(make_pdf([page]), name="t.pdf")
    assert decoded.text.splitlines()[:2] == [wide, short]
    assert decoded.hints[1].centred and decoded.hints[2].centred
    assert not any(h.centred for n, h in decoded.hints.items() if n > 2)


def test_pdf_caption_inside_a_running_paragraph_comes_after_it():
    page = [
        text(LEFT + 12, 700, filler(FULL - 2, 1)),
        text(LEFT, 686, filler(FULL, 2)),  # full: the paragraph runs on below the figure
        text(LEFT, 660, "Figure 1. Cases by month", size=8),
        text(LEFT, 634, "and ends after the figure."),
        text(LEFT + 12, 610, "A new paragraph."),
    ]
    lines = decode_bytes(make_pdf([page]), name="fig.pdf").text.splitlines()
    assert len(lines) == 3 and lines[0].endswith("and ends after the figure.")
    assert lines[1:] == ["Figure 1. Cases by month", "A new paragraph."]


def test_pdf_two_columns_read_column_by_column():
    width = 612
    # Content written row by row across both columns, as some producers do.
    rows = []
    for i in range(8):
        rows.append(text(40, 700 - 14 * i, f"left {i} " + "a" * 30))
        rows.append(text(330, 700 - 14 * i, f"right {i} " + "b" * 30))
    decoded = decode_bytes(make_pdf([[text(200, 740, "TWO COLUMN PAGE", size=14), *rows]], width=width), name="c.pdf")
    found = [decoded.text.index(f"{side} {i} ") for side in ("left", "right") for i in range(8)]
    assert found == sorted(found)  # the whole left column, then the whole right one


@pytest.mark.parametrize("turn", [1, 3])
def test_pdf_page_set_sideways_is_read_upright(turn):
    rows = ["Cases by district", "1. North 120", "2. South 95 in all"]
    # Running upwards (turn 1), the next row stands to the right; running downwards, to the left.
    step = 20 if turn == 1 else -20
    items = [text(200 + step * i, 100 if turn == 1 else 700, row, size=12, turn=turn) for i, row in enumerate(rows)]
    items.append(text(300, 400, "APPROVED", size=30, turn=2 if turn == 1 else 1))  # a stamp at another angle
    decoded = decode_bytes(make_pdf([items]), name="landscape.pdf")
    assert decoded.text.splitlines() == [*rows, "APPROVED"]  # the stamp read apart, at the page's end
    assert any("set sideways" in w for w in decoded.warnings)
    assert any("set at an angle read apart" in w for w in decoded.warnings)


def test_pdf_glyphs_at_a_slant_on_a_level_line_are_read_in_place():
    page = [text(LEFT, 700, "HEALTH IN ALL POLICIES", size=30)]
    # A display word whose glyphs are each tilted but stand on one level baseline (cover art).
    page += [text(LEFT + 14.4 * i, 650, ch, size=24, turn=0.15) for i, ch in enumerate("BOOKLET")]
    page.append(text(LEFT, 600, "World Health Organization", size=12))
    lines = decode_bytes(make_pdf([page]), name="cover.pdf").text.splitlines()
    assert lines == ["HEALTH IN ALL POLICIES", "BOOKLET", "World Health Organization"]


def test_pdf_words_in_a_sheared_italic_are_read_in_place_on_their_lines():
    # Producers slant an upright face into italics with a shear; the baseline stays level.
    # Here two italic phrases on two lines of one paragraph, drawn after the rest of the page.
    lead, tail = "The survey ", " shows that staff per district vary"
    lines = [(lead, "in every region", tail), ("and the ", "review panel", " asked for the figures by month")]
    page = [text(LEFT + 12, 700, filler(FULL - 2, 1))]
    italics = []
    for k, (before, italic, after) in enumerate(lines):
        y = 686 - 14 * k
        page.append(text(LEFT, y, before))
        page.append(text(LEFT + 6 * (len(before) + len(italic)), y, after))
        italics.append(text(LEFT + 6 * len(before), y, italic, slant=0.21))
    page.append(text(LEFT, 658, "end of the paragraph."))
    decoded = decode_bytes(make_pdf([page + italics]), name="italic.pdf")
    joined = " ".join(decoded.text.split())
    assert "The survey in every region shows that" in joined and "and the review panel asked for" in joined
    assert joined.endswith("end of the paragraph.")  # nothing read apart after the page's text
    assert not any("angle" in w for w in decoded.warnings)


def test_pdf_glyphs_drawn_after_their_line_are_woven_back_into_it():
    # Producers draw a line font by font: the quotes of a Chinese line, set in a Western face,
    # come after the rest of the page, into the gaps left for them.
    line = 'The "Healthy Cities" plan starts in May.'
    gaps = [k for k, ch in enumerate(line) if ch == '"']
    pieces, start = [], 0
    for k in [*gaps, len(line)]:
        if line[start:k]:
            pieces.append(text(LEFT + 6 * start, 700, line[start:k]))
        start = k + 1
    page = [text(LEFT, 720, "Spring news"), *pieces, text(LEFT, 680, "Next line."), *(text(LEFT + 6 * k, 700, '"') for k in gaps)]
    decoded = decode_bytes(make_pdf([page]), name="quotes.pdf")
    assert line in decoded.text and decoded.text.count('"') == 2


def test_pdf_text_drawn_twice_over_itself_is_not_woven_into_one_line():
    # A shadow or a fake bold draws the same glyphs again, a hair to the side: not a gap filled.
    page = [text(LEFT, 700, "Shadowed heading"), text(LEFT + 0.5, 700.3, "Shadowed heading")]
    lines = decode_bytes(make_pdf([page]), name="shadow.pdf").text.splitlines()
    assert "SShhaaddoowweedd" not in "".join(lines).replace(" ", "")
    assert lines == ["Shadowed heading"]  # and read once (PDFium drops the copy)


def test_pdf_lines_over_two_columns_standing_off_their_edges_head_the_page():
    # Under a masthead, the editor on the left and the date on the right share a baseline
    # above both columns; each column opens with a short label at its own left edge.
    page = [text(200, 740, "HEALTH NEWS", size=24), text(100, 710, "Edited by the Health Office"), text(400, 710, "10 July 2025")]
    for side, x in ((0, 40), (1, 330)):
        page.append(text(x, 680, "[Events]" if side == 0 else "[Tips]"))
        page += [text(x, 664 - 14 * k, f"{'ab'[side]}{k} " + filler(36, k)) for k in range(6)]
        page.append(text(x, 580, "end of the column."))
    lines = decode_bytes(make_pdf([page], width=612), name="masthead.pdf").text.splitlines()
    assert lines[:4] == ["HEALTH NEWS", "Edited by the Health Office", "10 July 2025", "[Events]"]
    assert lines[4].startswith("a0") and lines[5:7] == ["[Tips]", lines[6]] and lines[6].startswith("b0")


def test_pdf_contents_lines_are_not_joined_though_their_labels_end_alike():
    # Section labels of one width, each over entries of other widths: no column edge there.
    rows = [(0, "[News]"), (12, "Clinics open in the north district"), (12, "A new lab for the county"),
            (0, "[Tips]"), (12, "How to keep cool in a heat wave"), (0, "[Data]"), (12, "Cases by month")]
    page = [text(LEFT + dx, 700 - 16 * k, row) for k, (dx, row) in enumerate(rows)]
    page += [text(LEFT + 12, 560 - 14 * k, filler(FULL - 2 if k == 0 else FULL, k)) for k in range(4)]
    lines = decode_bytes(make_pdf([page]), name="contents.pdf").text.splitlines()
    assert lines[: len(rows)] == [row for _, row in rows]


def test_pdf_cover_title_as_wide_as_the_column_does_not_hold_back_the_lines_under_it():
    # A display line that reaches the margin is no running paragraph: the smaller lines under
    # it (the compiler, the year) are not held back as captions behind the next page.
    title = "HEALTH POLICY DOCUMENTS 2025 EDITION"[:31]
    cover = [text(LEFT + (480 - 14.4 * len(title)) / 2, 600, title, size=24),
             text(250, 560, "(2025)", size=12), text(200, 300, "Compiled by the Health Office", size=12)]
    body = [text(LEFT + 12, 700, filler(FULL - 2, 1))] + [text(LEFT, 686 - 14 * k, filler(FULL, k + 2)) for k in range(3)]
    body += [text(LEFT, 630, "end of the text."), text(300, 40, "2")]
    lines = decode_bytes(make_pdf([cover, body]), name="cover.pdf").text.splitlines()
    assert lines[:3] == [title, "(2025)", "Compiled by the Health Office"]
    assert lines[-1] == "- 2 -"


def test_pdf_table_in_smaller_type_under_a_full_last_line_is_not_read_into_the_paragraph():
    # The paragraph's last line happens to reach the margin; a table in smaller type follows,
    # more rows than a figure has labels; the text below it is the next paragraph.
    page = [text(LEFT + 12, 700, filler(FULL - 2, 1)), text(LEFT, 686, filler(FULL - 1, 2) + ".")]
    rows = [("District", "Cases", "Change")] + [(f"Area {k}", str(100 + k), f"+{k}%") for k in range(1, 7)]
    for k, row in enumerate(rows):
        page += [text(LEFT + 160 * c, 664 - 12 * k, cell, size=9) for c, cell in enumerate(row)]
    page.append(text(LEFT + 12, 560, "The next paragraph starts below the table."))
    lines = decode_bytes(make_pdf([page]), name="table.pdf").text.splitlines()
    assert lines[0].endswith(filler(FULL - 1, 2) + ".")
    assert lines[1:4] == ["District", "Cases", "Change"] and "Area 6" in lines
    assert lines[-1] == "The next paragraph starts below the table."


def test_pdf_running_head_is_lifted_where_it_stands_not_where_its_words_recur():
    # The first page (no running head) opens with a title in the running head's words, lower
    # than the head stands; the last line of a paragraph ends at one place at two pages' foot.
    def page(n: int, extra: list) -> list:
        return [*([text(LEFT, 760, "Provincial Health Plan")] if n > 1 else []), *extra, text(300, 40, str(n))]

    first = page(1, [text(LEFT, 730, "Provincial Health Plan", size=16),
                     *[text(LEFT, 700 - 14 * k, filler(FULL, k)) for k in range(3)], text(LEFT, 90, "ends the part here.")])
    second = page(2, [*[text(LEFT, 740 - 14 * k, filler(FULL, k + 1)) for k in range(3)], text(LEFT, 90, "ends the part here.")])
    third = page(3, [text(LEFT, 740, "The last page.")])
    decoded = decode_bytes(make_pdf([first, second, third]), name="plan.pdf")
    lines = decoded.text.splitlines()
    assert lines[0] == "Provincial Health Plan" and lines.count("Provincial Health Plan") == 1
    assert sum(line.endswith("ends the part here.") for line in lines) == 2
    assert any("“Provincial Health Plan” left out (page(s) 2–3)" in w for w in decoded.warnings)


def test_pdf_number_in_a_table_row_near_the_top_is_no_page_number():
    # A table at the top of a page: its last column holds bare numbers, in the band where
    # page numbers stand; a page number stands alone on its line, a cell beside others.
    rows = [("Answer", "Share", "Count"), ("One staff", "11%", "2"), ("Two staff", "0%", "0")]
    page = [text(LEFT + 160 * c, 740 - 14 * k, cell) for k, row in enumerate(rows) for c, cell in enumerate(row)]
    page += [text(LEFT, 600, "Text under the table."), text(300, 40, "7")]
    lines = decode_bytes(make_pdf([page]), name="table-top.pdf").text.splitlines()
    assert "2" in lines and "0" in lines
    assert [line for line in lines if line.startswith("- ")] == ["- 7 -"]


def test_pdf_a_bracketed_label_under_a_full_line_starts_anew():
    # A contents entry that happens to reach the margin, then the next column's label: a line
    # that is only a bracketed label heads what follows, it does not end a wrapped paragraph.
    page = [text(LEFT, 700, "[Events]"), text(LEFT + 12, 686, filler(FULL - 2, 1)), text(LEFT, 672, "[Tips]"),
            text(LEFT + 12, 658, "How to keep cool in a heat wave"), *[text(LEFT, 630 - 14 * k, filler(FULL, k)) for k in range(3)]]
    lines = decode_bytes(make_pdf([page]), name="labels.pdf").text.splitlines()
    assert lines[:4] == ["[Events]", filler(FULL - 2, 1), "[Tips]", "How to keep cool in a heat wave"]


def test_pdf_note_at_the_foot_of_a_page_is_marked_a_footnote():
    page = [
        text(LEFT + 12, 700, filler(FULL - 2, 1)),
        text(LEFT, 686, filler(FULL, 2)),
        text(LEFT, 672, "the network counts its members.1"),
        text(LEFT + 12, 650, "A second paragraph of body text ends here."),
        # The note, smaller, far below the text, wrapped over two lines.
        text(LEFT, 80, "1 Ritter A. Counting the members of a health network: " + "a" * 45, size=8),
        text(LEFT, 70, "a survey, 2011.", size=8),
        text(LEFT, 50, "Small print that is no note: a caption under the text.", size=8),
    ]
    decoded = decode_bytes(make_pdf([page]), name="note.pdf")
    found = blocks(decoded)
    notes = [line for line, hint in found if hint is not None and hint.footnote]
    assert notes == []  # the lowest line opens with no note mark: nothing here is a page's note
    decoded = decode_bytes(make_pdf([page[:-1]]), name="note.pdf")
    found = blocks(decoded)
    notes = [line for line, hint in found if hint is not None and hint.footnote]
    assert notes == ["1 Ritter A. Counting the members of a health network: " + "a" * 45 + " a survey, 2011."]
    assert not any(hint.footnote for line, hint in found if line not in notes)
    # The structure reader files it with its article's notes, not its body.
    from healthdigest.api import segment_bytes

    bulletin = segment_bytes(make_pdf([page[:-1]]), name="note.pdf")
    assert [n for a in bulletin.articles for n in a.footnotes] == notes
    assert not any("Ritter" in p.text for a in bulletin.articles for p in a.paragraphs)


def test_pdf_small_numbered_lines_in_the_text_are_no_footnotes():
    page = [
        text(LEFT + 12, 700, filler(FULL - 2, 1)),
        text(LEFT, 686, "the list follows:"),
        # Numbered items in small type, close under the text, high on the page.
        text(LEFT, 672, "1 first item of the list", size=8),
        text(LEFT, 662, "2 second item of the list", size=8),
    ]
    decoded = decode_bytes(make_pdf([page]), name="list.pdf")
    assert not any(h.footnote for h in decoded.hints.values())


def test_pdf_watermark_on_every_page_is_left_out_and_said():
    pages = [
        [text(LEFT, 700, f"Page {n} reports" + " the cases" * n + "."), text(200, 300, "DRAFT COPY", size=40, turn=1)]
        for n in range(1, 4)
    ]
    decoded = decode_bytes(make_pdf(pages), name="draft.pdf")
    assert "DRAFT" not in decoded.text and "Page 3 reports" in decoded.text
    assert any("“DRAFT COPY” set at an angle on page(s) 1–3 left out" in w for w in decoded.warnings)


def test_scanned_pdf_is_refused_with_one_clear_line():
    with pytest.raises(InputError, match=r"scan.pdf: the PDF has no text layer \(scanned pages\?\); run OCR"):
        decode_bytes(make_pdf([[image(0, 0, 612, 792)], [image(0, 0, 612, 792)]]), name="scan.pdf")


def test_empty_pdf_is_refused():
    with pytest.raises(InputError, match="empty.pdf: the PDF's pages hold no text"):
        decode_bytes(make_pdf([[]]), name="empty.pdf")
    import pypdfium2

    blank = io.BytesIO()
    pypdfium2.PdfDocument.new().save(blank)  # a valid PDF of no pages at all
    with pytest.raises(InputError, match="none.pdf: the PDF (has no pages|cannot be opened)"):
        decode_bytes(blank.getvalue(), name="none.pdf")


def test_encrypted_pdf_asks_for_an_unprotected_copy():
    with pytest.raises(InputError, match="locked.pdf: the PDF is encrypted with a password"):
        decode_bytes(make_pdf([[text(72, 700, "secret")]], encrypt=True), name="locked.pdf")


def test_truncated_pdf_says_damaged():
    data = make_pdf([[text(72, 700 - 14 * i, f"line {i} of running text") for i in range(20)]])
    with pytest.raises(InputError, match=r"cut.pdf: the PDF cannot be opened \(damaged or cut short\?\)"):
        decode_bytes(data[: len(data) // 2], name="cut.pdf")


def _docx() -> bytes:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = docx.Document()
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run("关于加强基层医疗卫生服务的通知")
    run.bold, run.font.size = True, Pt(22)
    document.add_heading("一、总体要求", level=2)
    body = document.add_paragraph()
    body.add_run("各地要把基层医疗卫生服务摆在突出位置。").font.size = Pt(16)
    body.paragraph_format.first_line_indent = Pt(32)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "地区", "人数"
    document.sections[0].header.paragraphs[0].text = "内部资料 注意保存"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_gives_paragraphs_styles_and_cells():
    decoded = decode_bytes(_docx(), name="notice.docx")
    # One line a paragraph, a blank line between paragraphs (as a text extraction of Word has).
    assert decoded.text.split("\n\n") == ["关于加强基层医疗卫生服务的通知", "一、总体要求", "各地要把基层医疗卫生服务摆在突出位置。", "地区", "人数\n"]
    hints = [h for _, h in blocks(decoded)]
    assert hints[0].centred and hints[0].bold and hints[0].size > 1.3
    assert hints[1].level == 2
    assert hints[2].indent == 2.0 and not hints[2].centred
    assert hints[3].cell and hints[4].cell
    assert decoded.encoding == "Word (.docx)"
    assert "内部资料" not in decoded.text and any("内部资料 注意保存" in w for w in decoded.warnings)


def test_docx_automatic_numbering_is_printed_as_word_shows_it():
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {w} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
        "</w:abstractNum>"
    ))
    numbering.append(parse_xml(f'<w:num {w} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))

    def item(text: str, level: int) -> None:
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {w}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>')
        )

    for words, level in [("总体要求", 0), ("坚持统一领导", 1), ("坚持精准施策", 1), ("工作任务", 0), ("加强监测", 1)]:
        item(words, level)
    out = io.BytesIO()
    document.save(out)
    lines = [line for line, _ in blocks(decode_bytes(out.getvalue(), name="numbered.docx"))]
    assert lines == ["一、总体要求", "（一）坚持统一领导", "（二）坚持精准施策", "二、工作任务", "（一）加强监测"]


def test_docx_text_in_controls_boxes_fields_and_revisions_is_read_as_word_shows_it():
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    body = document.element.body
    sentinel = body[-1]  # sectPr stays last
    body.insert(body.index(sentinel), parse_xml(  # a content control around a paragraph (cover pages, forms)
        f'<w:sdt {w}><w:sdtContent><w:p><w:r><w:t>健康简报封面标题</w:t></w:r></w:p></w:sdtContent></w:sdt>'
    ))
    body.insert(body.index(sentinel), parse_xml(  # a field (code out, result in) and tracked changes
        f'<w:p {w}><w:r><w:t xml:space="preserve">详见</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "http://x" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>通知原文</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:ins w:id="1" w:author="a"><w:r><w:t>（新增）</w:t></w:r></w:ins>'
        '<w:del w:id="2" w:author="a"><w:r><w:delText>（删除）</w:delText></w:r></w:del></w:p>'
    ))
    body.insert(body.index(sentinel), parse_xml(  # a text box anchored in a paragraph
        f'<w:p {w}><w:r><w:t>正文段落。</w:t></w:r><w:r><w:pict><w:txbxContent>'
        '<w:p><w:r><w:t>文本框里的说明</w:t></w:r></w:p></w:txbxContent></w:pict></w:r></w:p>'
    ))
    out = io.BytesIO()
    document.save(out)
    lines = [line for line, _ in blocks(decode_bytes(out.getvalue(), name="controls.docx"))]
    assert lines == ["健康简报封面标题", "详见通知原文（新增）", "正文段落。", "文本框里的说明"]


def test_truncated_docx_says_damaged():
    data = _docx()
    with pytest.raises(InputError, match="cut.docx: the Word file is damaged or cut short"):
        decode_bytes(data[: len(data) // 2], name="cut.docx")


def test_zip_renamed_docx_is_not_taken_for_a_word_file():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("data.csv", "a,b\n1,2\n")
    with pytest.raises(InputError, match="fake.docx: a ZIP file but not a Word document"):
        decode_bytes(buf.getvalue(), name="fake.docx")


GBK_PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>卫生要闻 - 某市卫生健康委员会</title><style>p { color: red }</style>
<script>var menu = "首页";</script></head>
<body>
<div class="top-nav"><a href="/">首页</a> <a href="/news">新闻</a></div>
<nav><a href="/">机构概况</a></nav>
<article><h2>全市推进家庭医生签约服务</h2><p>本报讯 全市家庭医生签约服务覆盖率提高。</p>
<p align="center"><b>签约居民满意度</b></p></article>
<article><h2>医保支付方式改革提速</h2><p>医保部门近日印发通知。<br>改革将在年内完成。</p></article>
<div class="footer">版权所有 某市卫生健康委员会</div><footer>联系我们</footer>
</body></html>"""


def test_gbk_html_honours_meta_charset_and_keeps_articles_apart():
    decoded = decode_bytes(GBK_PAGE.encode("gbk"), name="news.html")
    assert "GBK" in decoded.encoding
    # Blocks apart by a blank line, lines broken by <br> together, the two articles by two.
    assert decoded.text.splitlines() == [
        "全市推进家庭医生签约服务",
        "",
        "本报讯 全市家庭医生签约服务覆盖率提高。",
        "",
        "签约居民满意度",
        "",
        "",
        "医保支付方式改革提速",
        "",
        "医保部门近日印发通知。",
        "改革将在年内完成。",
        "",
        "",
        # The site's footers, after the page's text: the structure reader drops them as such.
        "版权所有 某市卫生健康委员会",
        "",
        "",
        "联系我们",
    ]
    assert decoded.hints[1].level == 2 and decoded.hints[8].level == 2
    assert decoded.hints[5].centred and decoded.hints[5].bold
    for chrome in ("var menu", "color: red", "机构概况", "新闻"):
        assert chrome not in decoded.text
    # The menus are said to be left out, with their text; scripts and styles are code.
    (report,) = [w for w in decoded.warnings if "menus" in w]
    assert "机构概况" in report and "新闻" in report and "var menu" not in report


def test_html_lists_read_as_items_and_an_articles_own_footer_stays():
    page = (
        "<html><body><article><h1>医改动态</h1><p>各地推进改革。</p><ul><li>三明</li><li>深圳</li></ul>"
        "<ol><li>试点</li><li>推广</li></ol><footer>来源：健康报</footer></article></body></html>"
    )
    decoded = decode_bytes(page.encode(), name="list.html")
    assert [line for line, _ in blocks(decoded)] == ["医改动态", "各地推进改革。", "- 三明", "- 深圳", "1. 试点", "2. 推广", "来源：健康报"]
    assert "- 三明\n- 深圳" in decoded.text  # the items of a list together, blocks apart


def test_html_table_cells_are_data_only_outside_layout_tables():
    page = (
        "<html><body><table><tr><td><h1>卫生简讯</h1><p>全市卫生工作会议召开。</p>"
        "<table><tr><th>地区</th><th>人数</th></tr><tr><td>东区</td><td>120</td></tr></table>"
        "</td></tr></table></body></html>"
    )
    decoded = decode_bytes(page.encode(), name="old-site.htm")
    found = blocks(decoded)
    assert [line for line, _ in found] == ["卫生简讯", "全市卫生工作会议召开。", "地区", "人数", "东区", "120"]
    assert [bool(h and h.cell) for _, h in found] == [False, False, True, True, True, True]  # the layout cell is not one
    assert found[0][1].level == 1


@pytest.mark.skipif(not CORPUS.is_dir(), reason="needs the shared corpus beside the repository")
def test_word97_doc_text_comes_from_the_piece_table():
    doc = next(CORPUS.glob("*.doc"))
    decoded = read_file(doc)
    lines = decoded.text.splitlines()
    assert decoded.encoding == "Word 97–2003 (.doc)"
    assert len(lines) > 5 and all("\x13" not in line and "\x07" not in line for line in lines)
    # The same document's antiword extraction: every line of ours is found in it.
    extracted = "".join(doc.with_suffix(".txt").read_text(encoding="utf-8").split())
    assert all("".join(line.split()) in extracted for line in lines)


def test_word97_pieces_fields_and_cells():
    data = make_doc(
        [
            ("关于做好基层卫生工作的通知\r各区卫生健康局：\r", False),  # a UTF-16 piece
            ('See \x13 HYPERLINK "http://x" \x14the notice\x15 online.\r', True),  # an 8-bit piece with a field
            ("地区\x07人数\x07\x07\r", False),  # a table row: two cells and the row mark
        ]
    )
    decoded = decode_bytes(data, name="notice.doc")
    assert decoded.text.splitlines() == ["关于做好基层卫生工作的通知", "各区卫生健康局：", "See the notice online.", "地区", "人数"]
    assert decoded.hints[4].cell and decoded.hints[5].cell and 1 not in decoded.hints


def test_word97_password_and_other_office_files_are_named():
    with pytest.raises(InputError, match="locked.doc: the Word document is password-protected"):
        decode_bytes(make_doc([("机密\r", False)], encrypted=True), name="locked.doc")
    with pytest.raises(InputError, match="sheet.doc: an old Office file but not a Word document .*spreadsheet"):
        decode_bytes(make_ole({"Workbook": b"\0" * 64}), name="sheet.doc")


def test_damaged_ole_file_says_damaged():
    with pytest.raises(InputError, match="bad.doc: the Office file is damaged or cut short"):
        decode_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, name="bad.doc")


def test_batch_reports_each_bad_original_and_digests_the_rest(tmp_path):
    (tmp_path / "a_scan.pdf").write_bytes(make_pdf([[image(0, 0, 612, 792)]]))
    (tmp_path / "b_cut.docx").write_bytes(_docx()[:500])
    (tmp_path / "c_news.html").write_bytes(GBK_PAGE.encode("gbk"))
    (tmp_path / "d_notice.docx").write_bytes(_docx())
    proc = subprocess.run(
        [sys.executable, "-m", "healthdigest", "summarize", str(tmp_path), "--format", "jsonl", "--no-cache"],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("healthdigest:")]
    assert len(errors) == 2 and "a_scan.pdf" in errors[0] and "b_cut.docx" in errors[1]
    assert [line.count('"path"') for line in proc.stdout.splitlines()] == [1, 1]  # the two good files


def test_pdf_digest_gives_pages_beside_lines_and_validates(tmp_path):
    import json
    from importlib import resources

    import jsonschema

    pages = [
        [
            text(LEFT, 700, "FIRST PAGE HEADING", size=14, bold=True),
            text(LEFT + 12, 670, filler(FULL - 2, 1)),
            text(LEFT, 656, "and health services improved across the region this year."),
            text(300, 40, "1"),
        ],
        [text(LEFT + 12, 700, filler(FULL - 2, 2)), text(LEFT, 686, "and clinics opened in every county town."), text(300, 40, "2")],
    ]
    path = tmp_path / "two.pdf"
    path.write_bytes(make_pdf(pages))
    proc = subprocess.run(
        [sys.executable, "-m", "healthdigest", "summarize", str(path), "--format", "json", "--no-cache", "-q"],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    digest = json.loads(proc.stdout)[0]
    schema = json.loads(resources.files("healthdigest").joinpath("digest.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(digest, schema)
    markers = {d["text"]: d["pdf_page"] for d in digest["dropped"] if d["reason"] == "page marker"}
    assert markers == {"- 1 -": 1, "- 2 -": 2}
    assert digest["articles"] and digest["articles"][-1]["pdf_pages"]["last"] == 2


def test_text_digest_has_no_pdf_pages():
    from healthdigest.readers import attach_pages
    from healthdigest.structure import read_structure

    decoded = decode_bytes("标题\n\n正文第一句话说明情况。\n- 1 -\n".encode(), name="a.txt")
    bulletin = read_structure(decoded.text, path="a.txt", encoding=decoded.encoding)
    attach_pages(bulletin, decoded.hints)
    assert all(d.pdf_page is None for d in bulletin.dropped)
    assert all(a.pdf_pages is None for a in bulletin.articles)

"""Word .docx: paragraphs and tables in document order, with style, weight and alignment.

A Word paragraph is already a paragraph, so no wraps need joining; a manual line break inside
one (a heading set on two lines) gives two lines. Automatic list numbers, which Word keeps
out of the text, are printed as Word shows them (see numbering.py). Heading styles give the
level; bold runs, centring, indent and the font size relative to the body text go into the hints.
"""

from __future__ import annotations

import io
import re
import weakref
import zipfile
from collections import Counter

from healthdigest.errors import InputError
from healthdigest.model import LineHint
from healthdigest.readers.common import HEAVY_FACE, LineWriter

_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.I)
_TITLE_STYLES = {"title", "标题", "subtitle", "副标题"}
EMU_PER_PT = 12700


def read_docx(data: bytes, *, name: str):
    """Text, one line per paragraph (or manual line), with layout hints; InputError if unreadable."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" not in names:
                what = "a spreadsheet (.xlsx)" if "xl/workbook.xml" in names else "a presentation (.pptx)" if "ppt/presentation.xml" in names else "an archive"
                raise InputError(f"{name}: a ZIP file but not a Word document (looks like {what}); nothing to digest")
            if archive.testzip() is not None:
                raise zipfile.BadZipFile("a member fails its checksum")
    except (zipfile.BadZipFile, EOFError, OSError):
        raise InputError(f"{name}: the Word file is damaged or cut short (not a readable ZIP); open and save it again") from None
    import docx  # late: python-docx and lxml load only for Word files
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise InputError(f"{name}: the Word file cannot be read ({exc}); open and save it again") from None
    except Exception as exc:  # lxml's XMLSyntaxError and kin: a damaged part inside the zip
        raise InputError(f"{name}: the Word file's content is damaged ({type(exc).__name__}); open and save it again") from None
    out = LineWriter()
    try:
        items = list(_blocks(document))
        body = _body_size(document, items)
        face = _body_face(items)
        numbering = _numbering(document)
        for block, in_cell in items:
            text, hint = _paragraph(block, body, in_cell, body_face=face)
            label = _label(block, numbering)
            if label and text.strip():
                text = label + ("" if label[-1] in "、）)．.：:" and not label[-1].isascii() else " ") + text.lstrip()
            if text.strip():
                out.blank()  # paragraphs apart, as in the usual text extraction of a Word file
            out.add(text, hint)
        margins = _page_margins(document)
    except (KeyError, ValueError, AttributeError, IndexError, TypeError) as exc:
        # python-docx follows references between the document's parts (styles, numbering,
        # headers); a file whose references lead nowhere is damaged, however it was made.
        raise InputError(f"{name}: the Word file's parts do not fit together ({type(exc).__name__}); open and save it again") from None
    if margins:
        out.warnings.append(f"{name}: page header/footer text left out: " + " / ".join(margins))
    return out.decoded("Word (.docx)", name=name, what="the Word document")


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# Containers whose content is part of the text flow: content controls, custom XML, tracked
# insertions and moves, smart tags.
_WRAPPERS = {f"{_W}{t}" for t in ("sdt", "sdtContent", "customXml", "ins", "moveTo", "smartTag", "hyperlink", "fldSimple")}
# What is not text: deleted or moved-away runs, field codes, and the fallback copy of a drawing.
_SKIP = {f"{_W}{t}" for t in ("del", "moveFrom", "instrText", "delText", "rPr", "pPr")} | {f"{_MC}Fallback"}


def _blocks(document):
    """(paragraph, inside a table?) in document order, walking the XML so that nothing in the
    text flow is missed: content controls (cover pages, forms), text boxes (after the paragraph
    they are anchored in), each table cell once."""
    from docx.text.paragraph import Paragraph

    def walk(element, parent, in_cell: bool):
        for child in element.iterchildren():
            tag = child.tag
            if tag == f"{_W}p":
                paragraph = Paragraph(child, parent)
                yield paragraph, in_cell
                for box in _text_boxes(child):
                    yield from walk(box, parent, in_cell)
            elif tag in (f"{_W}tbl", f"{_W}tr"):
                yield from walk(child, parent, in_cell)
            elif tag == f"{_W}tc":
                yield from walk(child, parent, True)
            elif tag in _WRAPPERS:
                yield from walk(child, parent, in_cell)

    body = document.element.body
    yield from walk(body, document, False)


def _text_boxes(p) -> list:
    """The text boxes anchored in a paragraph (once each: a drawing's fallback copy is skipped)."""
    boxes = []
    for box in p.iter(f"{_W}txbxContent"):
        if not any(a.tag == f"{_MC}Fallback" or a.tag == f"{_W}txbxContent" for a in box.iterancestors()):
            boxes.append(box)
    return boxes


def paragraph_text(p) -> str:
    """The text Word shows for a paragraph: runs in order, tabs as spaces, breaks as new lines,
    field results without their codes, tracked insertions in and deletions out; text boxes
    are read as paragraphs of their own."""
    parts: list[str] = []

    def walk(element) -> None:
        for child in element.iterchildren():
            tag = child.tag
            if tag in _SKIP or tag == f"{_W}txbxContent":
                continue
            if tag == f"{_W}t":
                parts.append(child.text or "")
            elif tag in (f"{_W}tab", f"{_W}ptab"):
                parts.append(" ")
            elif tag in (f"{_W}br", f"{_W}cr"):
                parts.append("\n")
            elif tag == f"{_W}noBreakHyphen":
                parts.append("-")
            else:
                walk(child)

    walk(p)
    return "".join(parts)


# python-docx looks a paragraph's style up again at every `paragraph.style`, scanning every
# style of the document for the default one (4 ms a paragraph: 5,000 paragraphs took 18 s,
# 20,000 took 93 s). Looked up once per style and document here.
_STYLES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _style(paragraph):
    known = _STYLES.setdefault(paragraph.part, {})
    key = paragraph._p.style
    if key not in known:
        known[key] = paragraph.style
    return known[key]


def _numbering(document):
    from healthdigest.readers.numbering import Numbering

    try:
        part = document.part.numbering_part
    except (KeyError, NotImplementedError):
        return Numbering(None)
    return Numbering(part.element)


def _label(paragraph, numbering) -> str:
    """The automatic list label Word shows before this paragraph, from its own or its style's numPr."""
    from healthdigest.readers.numbering import W

    def num_pr(p_pr):
        return p_pr.find(f"{W}numPr") if p_pr is not None else None

    pr = num_pr(paragraph._p.pPr)
    style = _style(paragraph)
    while pr is None and style is not None:
        pr = num_pr(style.element.pPr)
        style = style.base_style
    if pr is None:
        return ""
    num_id = pr.find(f"{W}numId")
    ilvl = pr.find(f"{W}ilvl")
    if num_id is None:
        return ""
    try:
        level = int(ilvl.get(f"{W}val")) if ilvl is not None else 0
    except (TypeError, ValueError):
        return ""
    return numbering.label(num_id.get(f"{W}val"), level)


def _page_margins(document) -> list[str]:
    """The distinct texts of the page headers and footers (not body text, but said, not lost)."""
    seen: list[str] = []
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header, section.first_page_footer):
            if part is None or part.is_linked_to_previous:
                continue
            for paragraph in part.paragraphs:
                text = " ".join(paragraph.text.split())
                if text and text not in seen:
                    seen.append(text)
    return seen


def _size(paragraph) -> float | None:
    sizes = [r.font.size for r in paragraph.runs if r.text.strip() and r.font.size]
    if sizes:
        return max(sizes) / EMU_PER_PT
    style = _style(paragraph)
    while style is not None:
        if style.font is not None and style.font.size:
            return style.font.size / EMU_PER_PT
        style = style.base_style
    return None


def _body_size(document, items) -> float | None:
    """The size most of the text is set in."""
    sizes: Counter[float] = Counter()
    for paragraph, _ in items:
        size = _size(paragraph)
        if size:
            sizes[size] += len(paragraph_text(paragraph._p))
    if sizes:
        return sizes.most_common(1)[0][0]
    default = document.styles.default(1)  # WD_STYLE_TYPE.PARAGRAPH
    return default.font.size / EMU_PER_PT if default is not None and default.font.size else None


def _face(run, paragraph) -> str:
    """The face a run's Chinese text is set in: its own East Asian font, else its style's."""
    for element in (run._element, *(s.element for s in _styles(paragraph))):
        fonts = element.find(f"{_W}rPr/{_W}rFonts")
        if fonts is not None and (name := fonts.get(f"{_W}eastAsia") or fonts.get(f"{_W}ascii")):
            return name
    return ""


def _styles(paragraph):
    style = _style(paragraph)
    while style is not None:
        yield style
        style = style.base_style


def _body_face(items) -> str:
    """The face most of the text is set in."""
    faces: Counter[str] = Counter()
    for paragraph, _ in items:
        for run in paragraph.runs:
            faces[_face(run, paragraph)] += len(run.text)
    return faces.most_common(1)[0][0] if faces else ""


def _bold(paragraph, body_face: str = "") -> bool:
    """Whether most of the text is bold: set bold, or set in a heavy face (黑体, 小标宋) the
    body text is not set in, as Chinese offices set headings."""
    runs = [r for r in paragraph.runs if r.text.strip()]
    if not runs:
        return False

    def run_bold(run) -> bool:
        face = _face(run, paragraph)
        if face and face != body_face and HEAVY_FACE.search(face):
            return True
        if run.bold is not None:
            return run.bold
        style = _style(paragraph)
        while style is not None:
            if style.font is not None and style.font.bold is not None:
                return style.font.bold
            style = style.base_style
        return False

    return sum(len(r.text) for r in runs if run_bold(r)) * 2 > sum(len(r.text) for r in runs)


def _centred(paragraph) -> bool:
    """Whether the paragraph (or the style it inherits from) is centred. Read from the XML:
    python-docx knows no alignment but Word's transitional names and rejects "start"/"end",
    which LibreOffice and strict OOXML write for left and right."""

    def jc(element) -> str | None:
        node = element.find(f"{_W}pPr/{_W}jc") if element is not None else None
        return node.get(f"{_W}val") if node is not None else None

    value, style = jc(paragraph._p), _style(paragraph)
    while value is None and style is not None:
        value, style = jc(style.element), style.base_style
    return value == "center"


def _paragraph(paragraph, body: float | None, in_cell: bool, *, body_face: str = "") -> tuple[str, LineHint]:
    style_name = (_style(paragraph).name if _style(paragraph) is not None else "") or ""
    level = None
    if m := _HEADING_STYLE.match(style_name.strip()):
        level = int(m.group(1))
    elif style_name.strip().lower() in _TITLE_STYLES:
        # The Title style names the whole document: above every Heading level.
        level = 0 if style_name.strip().lower() in {"title", "标题"} else 2
    fmt = paragraph.paragraph_format
    size = _size(paragraph)
    indent = 0.0
    if body and fmt.first_line_indent:
        indent = round(fmt.first_line_indent / EMU_PER_PT / body * 2) / 2
    hint = LineHint(
        size=round(size / body, 2) if size and body else None,
        bold=_bold(paragraph, body_face),
        centred=_centred(paragraph),
        indent=max(indent, 0.0),
        level=level,
        cell=in_cell,
    )
    return paragraph_text(paragraph._p), hint

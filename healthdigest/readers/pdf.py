"""PDF: every character's box and font size from PDFium, laid back out as paragraphs.

A PDF holds positioned glyphs, not lines or paragraphs. Characters on one baseline make a line;
lines of a page are put in reading order (a two-column page column by column); running heads,
footers and page numbers are recognised by where they stand and lifted out; a line that reaches
the right margin and is followed by a line that is not indented is a wrapped paragraph and is
joined. What remains is one line per paragraph, or per visual line of a heading, with the page,
relative font size, weight, centring and indent of each in the hints.
"""

from __future__ import annotations

import ctypes
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field

from healthdigest.errors import InputError
from healthdigest.model import LineHint
from healthdigest.readers.common import HEAVY_FACE, LineWriter

# Running heads, footers and page numbers stand in the top or bottom sixth of a page (a book's
# footer sits an inch or more above the paper's edge).
MARGIN_BAND = 0.16
# A head or footer repeats: on at least this share of the pages (and on two pages at least).
REPEAT_SHARE = 0.3
# Characters further apart than this many font sizes on one baseline belong to separate lines
# (a letterhead's two ends, table cells, the two columns of a page).
SPLIT_GAP = 2.5
# Lines this many times the body text's size are display lines: titles, mastheads.
DISPLAY = 1.3
# At most this many lines in another size are held back while a paragraph runs on around them.
HOLD = 12
_BOLD_FONT = HEAVY_FACE  # see readers.common
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－―]\s*)?(\d{1,4})(?:\s*[-—–－―])?$"
    r"|^第\s*(\d{1,4})\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?$"
    r"|^(\d{1,4})\s*(?:/|／|of)\s*\d{1,4}$"
)
# Heads that open a paragraph in Chinese documents (第十八条, 第二章, 一、, （三）, 4.), so a line
# beginning with one starts anew even where paragraphs have no first-line indent.
_NUMBERED_HEAD = re.compile(r"^(?:第[一二三四五六七八九十百零〇\d]+[条章节篇款]\s|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、](?!\d))")
# What opens a note at the foot of a page: its number (1, [2], ③), an asterisk or dagger, 注：.
_NOTE_MARK = re.compile(r"^(?:\[?\d{1,2}\]?(?=\s|[^\d.．、,，%])|[①-⑳]|[*＊†‡]|注\s*[①-⑳\d]*\s*[:：])")
# A footnote is set smaller than the body text, and stands in the lower part of its page.
NOTE_SIZE = 0.95
NOTE_ZONE = 0.5
# A story's closing credit after its last sentence, （新华社） / （供稿：医政处）: the paragraph ends
# there, however close to the margin the line runs.
_CLOSING_CREDIT = re.compile(r"[。！？!?”][（(][^（）()]{2,40}[）)]$")
# A line that is nothing but a bracketed column label (【工作动态】) heads what follows; it is
# never the last words of a wrapped paragraph.
_LABEL = re.compile(r"^[【［\[][^】］\]]{1,12}[】］\]]$")
_PARAGRAPH_END = ("。", "！", "？", "：", "；", ".", "!", "?", ":", "”", "」", "）")
_SPACE = 5  # length of the record of a space between characters (see _segments)
_LATIN_END = re.compile(r"[A-Za-z0-9,.;:%)]$")
_LATIN_START = re.compile(r"^[A-Za-z0-9(]")


@dataclass
class _Seg:
    """Characters on one baseline, close together: a visual line, or one part of one."""

    page: int
    x0: float
    x1: float
    base: float  # baseline (PDF units, y grows upwards)
    size: float
    chars: list[str] = field(default_factory=list)
    sizes: list[float] = field(default_factory=list)
    boxes: list[tuple[float, float] | None] = field(default_factory=list)  # each character's left and right (None: a space)
    bold: int = 0  # characters in a face bolder than the body text's (set once the body face is known)
    fonts: Counter = field(default_factory=Counter)  # characters per face (name, and weight ≥ 600)
    column: int = 0  # 0 across the page, 1 left column, 2 right column
    edge: float | None = None  # the right edge the running text around this line reaches
    start: float | None = None  # the left edge the running text around this line starts at
    note: bool = False  # part of a note at the foot of its page

    @property
    def text(self) -> str:
        return "".join(self.chars).strip()


@dataclass
class _Page:
    number: int
    width: float
    height: float
    segs: list[_Seg]
    images: int = 0
    marks: list[str] = field(default_factory=list)  # printed page numbers
    lifted: list[str] = field(default_factory=list)  # running heads and footers
    asides: list[_Seg] = field(default_factory=list)  # text set at another angle than the page's


def read_pdf(data: bytes, *, name: str):
    """Text, one line per paragraph or heading line, with layout hints; InputError if unreadable."""
    import pypdfium2 as pdfium  # late: only PDF files pay for loading PDFium

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise _open_error(name, str(exc)) from None
    try:
        notes: list[str] = []
        off_page: dict[str, list[int]] = {}
        pages = []
        for i in range(len(doc)):
            try:
                pages.append(_read_page(doc, i, notes, off_page))
            except pdfium.PdfiumError:
                notes.append(f"page {i + 1} cannot be read (damaged?) and is left out")
                pages.append(_Page(i + 1, 1.0, 1.0, []))
    finally:
        doc.close()
    if not pages:
        raise InputError(f"{name}: the PDF has no pages; nothing to digest")
    chars = sum(len(s.chars) for p in pages for s in p.segs + p.asides)
    if not chars:
        if any(p.images for p in pages):
            raise InputError(
                f"{name}: the PDF has no text layer (scanned pages?); run OCR first (e.g. `ocrmypdf IN.pdf OUT.pdf`)"
            )
        raise InputError(f"{name}: the PDF's pages hold no text; nothing to digest")
    out = LineWriter()
    _set_asides_apart(pages, out.warnings, name)
    out.warnings.extend(f"{name}: {note}" for note in notes)
    out.warnings.extend(
        f"{name}: text outside the visible page left out: “{text}” (page(s) {_ranges(on)})" for text, on in off_page.items()
    )
    blank = [p.number for p in pages if not p.segs and p.images]
    if blank:
        out.warnings.append(f"{name}: page(s) {_ranges(blank)} have no text layer (scanned?); their text is missing")
    _lift_margins(pages, out.warnings, name)
    body = _body_size(pages)
    _mark_bold(pages)
    for page in pages:
        _order(page)
    leading = _leading(pages)
    for page in pages:
        _mark_footnotes(page, body, leading)
    _write(pages, body, out, leading)
    return out.decoded("PDF text layer", name=name, what="the PDF")


def _open_error(name: str, reason: str) -> InputError:
    if "password" in reason.lower():
        return InputError(f"{name}: the PDF is encrypted with a password; save an unprotected copy first")
    return InputError(
        f"{name}: the PDF cannot be opened (damaged or cut short?); "
        "extract its text first if another viewer opens it (e.g. `pdftotext FILE.pdf`)"
    )


def _read_page(doc, index: int, notes: list[str], off_page: dict[str, list[int]]) -> _Page:
    import pypdfium2.raw as raw

    page = doc[index]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            segs, asides, turn = _segments(textpage.raw, index + 1, raw, width, height)
        finally:
            textpage.close()
        images = 0
        if not segs:  # only a page without text is asked whether it is a scan
            images = sum(
                raw.FPDFPageObj_GetType(raw.FPDFPage_GetObject(page.raw, i)) == raw.FPDF_PAGEOBJ_IMAGE
                for i in range(raw.FPDFPage_CountObjects(page.raw))
            )
    finally:
        page.close()
    if turn % 2:
        width, height = height, width
    if turn:
        notes.append(f"page {index + 1}: its text is set sideways (a landscape table?); read turned upright")
    marks = []
    for seg in list(asides):
        if m := _PAGE_NUMBER.match(seg.text.replace(" ", "")):
            marks.append(next(g for g in m.groups() if g))  # turned with a landscape page
            asides.remove(seg)
    outside = [s for s in segs if s.x0 >= width or s.x1 <= 0 or s.base <= 0 or s.base >= height]
    for seg in outside:
        off_page.setdefault(seg.text, []).append(index + 1)
    segs = [s for s in segs if s not in outside]
    return _Page(index + 1, width, height, segs, images, marks=marks, asides=asides)


def _upright(turn: int, width: float, height: float):
    """A function turning page coordinates so that text set `turn` quarter turns anticlockwise
    reads left to right, top to bottom, on the page turned accordingly (None: no turn)."""
    if turn == 1:
        return lambda x, y: (y, width - x)
    if turn == 2:
        return lambda x, y: (width - x, height - y)
    if turn == 3:
        return lambda x, y: (height - y, x)
    return None


def _segments(tp, number: int, raw, width: float, height: float) -> tuple[list[_Seg], list[_Seg], int]:
    """The page's characters grouped into segments on one baseline, in content order; the
    segments set at another angle than most of the page; the quarter turns the page's text
    is set at (0 on nearly every page: a landscape table may be set sideways)."""
    count = raw.FPDFText_CountChars(tp)
    if count <= 0:
        return [], [], 0
    units = (ctypes.c_ushort * (count + 1))()
    got = raw.FPDFText_GetText(tp, 0, count, units)
    text = bytes(units)[: 2 * max(0, got - 1)].decode("utf-16-le", errors="replace")
    if len(text) != count:  # characters beyond the BMP take two units: ask one at a time
        text = "".join(chr(raw.FPDFText_GetUnicode(tp, k) or 0xFFFE) for k in range(count))
    rect = raw.FS_RECTF()
    matrix = raw.FS_MATRIX()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    buf = ctypes.create_string_buffer(96)
    flags = ctypes.c_int()
    # Size, weight and angle belong to the text object a character is drawn by: ask once per object.
    objects: dict[int, tuple[float, str, int | None, float]] = {}
    # (character, size, face, quarter turns or None, angle, x0, y0, x1, y1, origin x, origin y)
    chars: list[tuple] = []
    last: tuple | None = None  # the last character that is not a space
    text_object, char_box, char_origin = _text_object(raw), raw.FPDFText_GetLooseCharBox, raw.FPDFText_GetCharOrigin
    for k, ch in enumerate(text):
        if ch in "\x00\ufffe\uffff\r\n\x02":
            continue  # PDFium's own line ends and soft hyphens: lines come from geometry here
        if ch.isspace():
            # A space belongs with the text before it (it may be set at an angle too).
            chars.append((" ", None, None, last[3], last[4]) if last else (" ", None, None, 0, 0.0))
            continue
        obj = text_object(tp, k) or -k
        style = objects.get(obj)
        if style is None:
            raw.FPDFText_GetMatrix(tp, k, matrix)
            # The direction the text runs is that of the matrix's x axis. PDFium's own angle
            # also counts a shear, and a shear is how a producer slants an upright face into
            # italics (a boxed example, a source line): the baseline stays level.
            if matrix.a or matrix.b:
                angle = -math.atan2(matrix.b, matrix.a) % (2 * math.pi)
            else:
                angle = raw.FPDFText_GetCharAngle(tp, k)
            quarter = round(angle / (math.pi / 2))
            # PDFium measures clockwise; a quarter turn anticlockwise (text running upwards) is
            # 3π/2. Text at a slant (a stamp, a watermark) has no quarter turn: None.
            turn = (4 - quarter) % 4 if abs(angle - quarter * math.pi / 2) < 0.05 else None
            # The size as printed: FPDFText_GetFontSize is the size set in the text state, which
            # the character's matrix may scale (some producers set 319 pt and scale by 0.05).
            size = raw.FPDFText_GetFontSize(tp, k) * abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5
            n = raw.FPDFText_GetFontInfo(tp, k, buf, len(buf), flags)
            font = buf.raw[: n - 1].decode("latin-1").split("+")[-1] if 0 < n <= len(buf) else ""
            if raw.FPDFText_GetFontWeight(tp, k) >= 600:
                font += " (weight ≥ 600)"
            style = objects[obj] = (size, font, turn, angle)
        char_box(tp, k, rect)
        char_origin(tp, k, ox, oy)
        last = (ch, *style, rect.left, rect.bottom, rect.right, rect.top, ox.value, oy.value)
        chars.append(last)
    # The page reads at the angle most of its characters are set at. Text at other angles (a
    # slanted word on a cover, a page number turned with a landscape page) is read on its own,
    # in its own direction, and set apart.
    turns = Counter(c[3] for c in chars if len(c) > _SPACE)
    turn = turns.most_common(1)[0][0] if turns else 0
    turn = 0 if turn is None else turn
    segs = _group([c for c in chars if c[3] == turn or (len(c) == _SPACE and c[3] is None)], number, _upright(turn, width, height))
    asides: list[_Seg] = []
    for angle in sorted({round(c[4], 2) for c in chars if len(c) > _SPACE and c[3] != turn}):
        group = [c for c in chars if c[3] != turn and round(c[4], 2) == angle]
        if group[0][3] is not None:  # a quarter turn: read upright, apart
            asides += _group(group, number, _upright(group[0][3], width, height))
            continue
        glyphs = [c for c in group if len(c) > _SPACE]
        level = all(abs(a[10] - b[10]) <= 0.2 * max(a[1], b[1], 1.0) for a, b in zip(glyphs, glyphs[1:], strict=False))
        if level and turn == 0:
            # Glyphs at a slant on a level baseline (a display face on a cover) are read in
            # place, with the page.
            segs += _group(group, number, None)
        else:
            # Text along a slanted line (a stamp, a diagonal watermark): read along its line, apart.
            cos, sin = math.cos(angle), math.sin(angle)
            asides += _group(group, number, lambda x, y, cos=cos, sin=sin: (x * cos - y * sin, x * sin + y * cos))
    return _weave(segs), asides, turn


_TEXT_OBJECT = []


def _text_object(raw):
    """FPDFText_GetTextObject answering the object's address as a number: the text objects
    of a page are told apart per character, and a pointer object per call costs more than
    the call (D07's 21,000 characters)."""
    if not _TEXT_OBJECT:
        function = raw.FPDFText_GetTextObject
        # The same function through a prototype of its own library's calling convention.
        answering_address = type(function)(ctypes.cast(function, ctypes.c_void_p).value)
        answering_address.argtypes, answering_address.restype = function.argtypes, ctypes.c_void_p
        _TEXT_OBJECT.append(answering_address)
    return _TEXT_OBJECT[0]


def _group(chars: list[tuple], number: int, transform) -> list[_Seg]:
    """Characters (in content order, coordinates turned by `transform` so that they read left
    to right) grouped into segments on one baseline."""
    segs: list[_Seg] = []
    cur: _Seg | None = None
    for c in chars:
        if len(c) == _SPACE:
            if cur is not None and cur.chars and cur.chars[-1] != " ":
                cur.chars.append(" ")
                cur.sizes.append(cur.sizes[-1])
                cur.boxes.append(None)
            continue
        ch, size, font, _, _, rx0, ry0, rx1, ry1, px, py = c
        if transform is None:  # text set level, as on nearly every page: coordinates as they are
            ax, ay, bx, by, base = rx0, ry0, rx1, ry1, py
        else:
            (ax, ay), (bx, by) = transform(rx0, ry0), transform(rx1, ry1)
            base = transform(px, py)[1]
        x0, x1 = (ax, bx) if ax <= bx else (bx, ax)
        if size <= 0.1:
            size = max(abs(ay - by), 0.1)
        if (
            cur is None
            or abs(base - cur.base) > 0.5 * max(size, cur.size)
            or x0 < cur.x1 - size  # back to the left: a new line (punctuation may overlap a little)
            or x0 - cur.x1 > SPLIT_GAP * max(size, cur.size)
        ):
            cur = _Seg(number, x0, x1, base, size)
            segs.append(cur)
        cur.chars.append(ch)
        cur.sizes.append(size)
        cur.boxes.append((x0, x1))
        cur.fonts[font] += 1
        cur.x1 = max(cur.x1, x1)
    for seg in segs:
        seg.size = _median([z for z, box in zip(seg.sizes, seg.boxes, strict=True) if box is not None] or seg.sizes)
    return [s for s in segs if s.text]


def _weave(segs: list[_Seg]) -> list[_Seg]:
    """Put back into their line the characters a producer draws apart from it: many write a
    line's text font by font, so the Western quotes, dashes or digits of a Chinese line come
    after the rest and land in gaps the line left for them. A segment on the same baseline
    whose glyphs fall into another's span without covering its glyphs (text drawn twice, as a
    shadow, does) is woven in by position."""
    out: list[_Seg] = []
    for seg in segs:
        host = next((h for h in out if _fits_into(seg, h)), None)
        if host is None:
            out.append(seg)
            continue
        glyphs = sorted(
            (box, ch, size)
            for part in (host, seg)
            for box, ch, size in zip(part.boxes, part.chars, part.sizes, strict=True)
            if box is not None
        )
        host.chars, host.sizes, host.boxes = [], [], []
        host.fonts = Counter(host.fonts) + Counter(seg.fonts)
        for k, (box, ch, size) in enumerate(glyphs):
            if k and box[0] - glyphs[k - 1][0][1] > 0.25 * size:
                host.chars.append(" ")  # a gap as wide as a space is one, as PDFium reads it
                host.sizes.append(size)
                host.boxes.append(None)
            host.chars.append(ch)
            host.sizes.append(size)
            host.boxes.append(box)
        host.x0, host.x1 = min(host.x0, seg.x0), max(host.x1, seg.x1)
        host.size = _median([z for z, box in zip(host.sizes, host.boxes, strict=True) if box is not None])
    return out


def _fits_into(seg: _Seg, host: _Seg) -> bool:
    size = max(seg.size, host.size)
    if host.page != seg.page or abs(host.base - seg.base) > 0.3 * size:
        return False
    if seg.x0 > host.x1 + 0.5 * size or seg.x1 < host.x0 - 0.5 * size:
        return False
    # Every glyph stands in a gap of the host's: none covers one of its glyphs by a third.
    taken = [b for b in host.boxes if b is not None]
    for box in seg.boxes:
        if box is None:
            continue
        for other in taken:
            if min(box[1], other[1]) - max(box[0], other[0]) > 0.3 * max(box[1] - box[0], 0.1):
                return False
    return True


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else 1.0


def _lift_margins(pages: list[_Page], warnings: list[str], name: str) -> None:
    """Take page numbers, running heads and footers out of the text, by position and repetition."""
    repeated: Counter[str] = Counter()
    candidates: list[tuple[_Page, _Seg, str]] = []
    for page in pages:
        band = MARGIN_BAND * page.height
        for seg in list(page.segs):
            if seg.base < band or seg.base > page.height - band:
                m = _PAGE_NUMBER.match(seg.text.replace(" ", ""))
                # A page number stands alone on its line; a number beside others is a table's.
                if m and not any(o is not seg and abs(o.base - seg.base) < 0.5 * seg.size for o in page.segs):
                    page.marks.append(next(g for g in m.groups() if g))
                    page.segs.remove(seg)
                    continue
                if seg.text.endswith(("。", "！", "？", "；", ".", "!", "?", ";")):
                    continue  # the end of a sentence at the foot of a page is text, however often it recurs
                key = re.sub(r"\d+", "#", seg.text.replace(" ", ""))
                candidates.append((page, seg, key))
    seen_on: dict[str, set[int]] = {}
    for page, _, key in candidates:
        seen_on.setdefault(key, set()).add(page.number)
    for key, on in seen_on.items():
        repeated[key] = len(on)
    lifted: dict[str, list[int]] = {}

    def running(key: str) -> bool:
        return repeated[key] >= 2 and repeated[key] >= REPEAT_SHARE * len(pages)

    # A running head stands in one place on every page: a line that repeats its words
    # elsewhere on a page (the title under the head that names it) is the page's text.
    def edge(page: _Page, seg: _Seg) -> float:
        return min(seg.base, page.height - seg.base)

    places: dict[str, Counter] = {}
    for page, seg, key in candidates:
        places.setdefault(key, Counter())[round(edge(page, seg))] += 1

    # A page whose every line is a repeated one is all content (a form, a slide): kept whole.
    per_page = Counter(page.number for page, _, key in candidates if running(key))
    for page, seg, key in candidates:
        if per_page[page.number] >= len(page.segs):
            continue
        usual = places[key].most_common(1)[0][0]
        if running(key) and abs(edge(page, seg) - usual) <= max(2.0, 0.6 * seg.size):
            page.segs.remove(seg)
            page.lifted.append(seg.text)
            lifted.setdefault(seg.text, []).append(page.number)
    for text, on in lifted.items():
        warnings.append(f"{name}: running head or footer “{text}” left out (page(s) {_ranges(on)})")


def _set_asides_apart(pages: list[_Page], warnings: list[str], name: str) -> None:
    """Text at another angle than its page: a watermark if it repeats on many pages (left out
    and reported), else kept, read apart at the end of its page (and reported)."""
    on: dict[str, set[int]] = {}
    for page in pages:
        for seg in page.asides:
            on.setdefault(seg.text, set()).add(page.number)
    for text, numbers in on.items():
        if len(numbers) >= 2 and len(numbers) >= REPEAT_SHARE * len(pages) and len(pages) >= 3:
            warnings.append(f"{name}: “{text}” set at an angle on page(s) {_ranges(list(numbers))} left out (a watermark?)")
            for page in pages:
                page.asides = [s for s in page.asides if s.text != text]
    kept = sorted({page.number for page in pages if page.asides})
    if kept:
        warnings.append(f"{name}: text set at an angle read apart, at the end of its page (page(s) {_ranges(kept)})")


def _ranges(numbers: list[int]) -> str:
    numbers = sorted(set(numbers))
    out, start = [], numbers[0]
    for prev, cur in zip(numbers, numbers[1:] + [None], strict=True):
        if cur != prev + 1:
            out.append(str(start) if start == prev else f"{start}–{prev}")
            start = cur
    return ", ".join(out)


def _mark_bold(pages: list[_Page]) -> None:
    """Count each line's characters set in a bold face other than the body text's: a booklet
    set entirely in a 黑体 has no bold body, only its heavier headings."""
    faces: Counter[str] = Counter()
    for page in pages:
        for seg in page.segs:
            faces.update(seg.fonts)
    body = faces.most_common(1)[0][0] if faces else ""
    bold = {f for f in faces if f != body and ("weight ≥ 600" in f or _BOLD_FONT.search(f))}
    for page in pages:
        for seg in page.segs:
            seg.bold = sum(n for f, n in seg.fonts.items() if f in bold)


def _body_size(pages: list[_Page]) -> float:
    """The font size most characters are set in: the body text's."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for seg in page.segs:
            sizes[round(seg.size * 2) / 2] += len(seg.chars)
    return sizes.most_common(1)[0][0] if sizes else 1.0


def _order(page: _Page) -> None:
    """Put a page's segments in reading order: top to bottom, and a two-column page's columns
    one after the other between the lines that run across both."""
    rows: list[list[_Seg]] = []
    for seg in sorted(page.segs, key=lambda s: -s.base):
        if rows and rows[-1][0].base - seg.base < 0.3 * max(seg.size, rows[-1][0].size):
            rows[-1].append(seg)
        else:
            rows.append([seg])
    flat = [seg for row in rows for seg in sorted(row, key=lambda s: s.x0)]
    mid, slack = page.width / 2, 0.02 * page.width
    wide = 0.3 * page.width  # a column's running lines fill most of its half

    def side(seg: _Seg) -> int:
        return 1 if seg.x1 < mid + slack else 2 if seg.x0 > mid - slack else 0

    # Lines that cross the gutter (a heading, a full-width paragraph, a chart) cut the page into
    # regions; a region with running text on both sides of the gutter is read column by column.
    regions: list[list[_Seg]] = [[]]
    for seg in flat:
        if side(seg) == 0:
            regions += [[seg], []]
        else:
            regions[-1].append(seg)
    ordered: list[_Seg] = []
    for region in regions:
        left = [s for s in region if side(s) == 1 and s.x1 - s.x0 >= wide]
        right = [s for s in region if side(s) == 2 and s.x1 - s.x0 >= wide]
        if len(left) >= 3 and len(right) >= 3 and _overlap(left, right):
            # Lines above where both columns begin, standing off both columns' left edges (a
            # masthead's editor on the left and date on the right), head the page: read across, first.
            top = max(_column_top(region, left, 1, side), _column_top(region, right, 2, side))
            above = [s for s in region if s.base > top + 0.3 * s.size]
            region = [s for s in region if s not in above]
            for seg in region:
                seg.column = side(seg)
            region = above + sorted(region, key=lambda s: s.column)  # stable: top-down within a column
        ordered.extend(region)
    page.segs = ordered


def _column_top(region: list[_Seg], running: list[_Seg], column: int, side) -> float:
    """The baseline of a column's first line: the highest one that starts at the column's left
    edge (or a paragraph's indent from it), where its running text starts."""
    edge = min(s.x0 for s in running)
    return max(s.base for s in region if side(s) == column and abs(s.x0 - edge) <= 2.5 * s.size)


def _overlap(left: list[_Seg], right: list[_Seg]) -> bool:
    """Whether the two sides share heights: columns side by side, not a left-aligned block."""
    lo = max(min(s.base for s in left), min(s.base for s in right))
    hi = min(max(s.base for s in left), max(s.base for s in right))
    return hi > lo


@dataclass
class _Margins:
    left: float
    right: float


def _margins(pages: list[_Page]) -> dict[tuple[int, int], _Margins]:
    """Left and right text edges per page and column: the document's, shifted on a page whose
    own left edge differs (a booklet's odd and even pages)."""

    def edges(segs: list[_Seg]) -> _Margins | None:
        long = [s for s in segs if len(s.chars) >= 6]
        if len(long) < 3:
            return None
        lefts = Counter(round(s.x0) for s in long)
        left = min(x for x, n in lefts.items() if n == max(lefts.values()))
        rights = sorted(s.x1 for s in long)
        return _Margins(left, rights[int(0.9 * (len(rights) - 1))])

    out: dict[tuple[int, int], _Margins] = {}
    for column in (0, 1, 2):
        whole = edges([s for p in pages for s in p.segs if s.column == column])
        if whole is None:
            continue
        for page in pages:
            # Only a page with enough running text shows its own left edge: on a short page (a
            # list of attachments, a signature) indented lines would pass for the margin.
            own = edges([s for s in page.segs if s.column == column]) if sum(
                len(s.chars) >= 6 for s in page.segs if s.column == column
            ) >= 10 else None
            shift = 0.0
            if own and abs((own.left - whole.left) - (own.right - whole.right)) <= 3:
                shift = own.left - whole.left  # both edges moved together: the page sits elsewhere
            out[(page.number, column)] = _Margins(whole.left + shift, whole.right + shift)
    return out


def _local_edges(page: _Page, *, window: int = 6, least: int = 3) -> None:
    """The right edge of the running text around each line: the furthest x that at least
    `least` nearby lines of the same size end at. Full lines of a column, a text box beside a
    figure or a narrow page share one such edge; a contents list or a run of short lines don't."""
    segs = page.segs
    for i, seg in enumerate(segs):
        near = [
            s for s in segs[max(0, i - window) : i + window + 1]
            if s.column == seg.column and abs(s.size - seg.size) <= 0.15 * seg.size and len(s.chars) >= 4
        ]
        tol = 0.6 * seg.size
        ends = [s.x1 for s in near]
        shared = _crowded(ends, tol, least)
        # Short lines that happen to end alike (a list's labels) make no edge when lines
        # around them run past it: a column's edge has no running text beyond it.
        seg.edge = max(shared) if shared and max(ends) <= max(shared) + tol else None
        common = _crowded([s.x0 for s in near], tol, least)
        seg.start = min(common) if common else None


def _crowded(values: list[float], tol: float, least: int) -> list[float]:
    """The values that have at least `least` of the values (themselves among them) within tol."""
    ordered = sorted(values)
    return [x for x in values if bisect_right(ordered, x + tol) - bisect_left(ordered, x - tol) >= least]


def _mark_footnotes(page: _Page, body: float, leading: float) -> None:
    """Mark the notes at the foot of a page: the lowest lines of a column, packed together,
    set smaller than the body text, standing apart from the text above them (by more than a
    line's space), in the lower half of the page, the first opening with a note's number or mark."""
    for column in {s.column for s in page.segs}:
        segs = sorted((s for s in page.segs if s.column == column), key=lambda s: -s.base)
        k = len(segs) - 1
        while k > 0 and segs[k].size <= NOTE_SIZE * body and segs[k - 1].base - segs[k].base <= 1.3 * leading * segs[k].size:
            k -= 1
        top = segs[k]
        if (
            k == 0
            or top.size > NOTE_SIZE * body
            or top.base > NOTE_ZONE * page.height
            or not _NOTE_MARK.match(top.text)
            or any(s.size > NOTE_SIZE * body for s in segs[k:])
        ):
            continue
        for seg in segs[k:]:
            seg.note = True


def _write(pages: list[_Page], body: float, out: LineWriter, leading: float) -> None:
    margins = _margins(pages)
    for page in pages:
        _local_edges(page)
    display = DISPLAY * body  # lines set this large are headings: each visual line stays a line
    para: list[_Seg] = []
    pending_marks: list[tuple[int, str]] = []
    pending_asides: list[_Seg] = []

    def close_page() -> None:
        """What ends a page: its text set at an angle, then its printed page number."""
        for seg in pending_asides:
            out.add(seg.text, LineHint(page=seg.page, size=round(seg.size / body, 2) if body else None))
        pending_asides.clear()
        for page_no, mark in pending_marks:
            out.add(f"- {mark} -", LineHint(page=page_no))
        pending_marks.clear()

    def flush() -> None:
        if not para:
            return
        first = para[0]
        m = margins.get((first.page, first.column))
        text = first.text
        for seg in para[1:]:
            nxt = seg.text
            text += " " + nxt if _LATIN_END.search(text) and _LATIN_START.match(nxt) else nxt
        size = round(first.size / body, 2) if body else None
        bold = sum(s.bold for s in para) * 2 > sum(len(s.chars) for s in para)
        display = bold or (size is not None and size >= 1.15)
        centred = m is not None and len(para) == 1 and _centred(first, m, display=display)
        indent = max(0.0, round((first.x0 - m.left) / body * 2) / 2) if m and not centred else 0.0
        hint = LineHint(page=first.page, size=size, bold=bold, centred=centred, indent=indent, footnote=first.note)
        out.add(text, hint)
        para.clear()
        close_page()

    held: list[_Seg] = []  # captions and labels met inside a running paragraph

    def end_paragraph() -> None:
        """Write the paragraph, then what was held while it ran (each in turn, joined among
        themselves where they continue each other)."""
        flush()
        waiting = held[:]
        held.clear()
        for seg in waiting:
            if para and not _continues(para, seg, margins, leading, display=display):
                flush()
            para.append(seg)

    def running_full() -> bool:
        # A line in display type (a title as wide as the column) never runs on: see _continues.
        last = para[-1] if para else None
        return last is not None and last.size < display and _full(last, margins.get((last.page, last.column)))

    for page in pages:
        for seg in page.segs:
            if running_full() and abs(seg.size - para[-1].size) > 0.08 * para[-1].size:
                if len(held) < HOLD:
                    # A line in another size inside a paragraph that runs on (a figure's caption
                    # or labels between its lines): the paragraph is read whole, the caption after it.
                    held.append(seg)
                    continue
                # More such lines than a figure has labels: a table or a box stands there, and
                # the paragraph ended above it.
                end_paragraph()
            # Held lines explain a gap: the paragraph may resume below the figure they label.
            if para and not _continues(para, seg, margins, leading, display=display, gap_explained=bool(held)):
                end_paragraph()
                if para and not _continues(para, seg, margins, leading, display=display):
                    flush()
            para.append(seg)
        # A page number closes its page; it waits while a paragraph runs on to the next page.
        pending_asides.extend(page.asides)
        pending_marks.extend((page.number, mark) for mark in page.marks)
        if not running_full():
            end_paragraph()
            flush()
            close_page()
    end_paragraph()
    flush()
    close_page()


def _leading(pages: list[_Page]) -> float:
    """The usual distance between baselines of running text, in font sizes."""
    steps: Counter[float] = Counter()
    for page in pages:
        for a, b in zip(page.segs, page.segs[1:], strict=False):
            if a.column == b.column and abs(a.size - b.size) < 0.5 and a.base > b.base:
                steps[round((a.base - b.base) / a.size, 1)] += 1
    usual = [step for step, _ in steps.most_common(3) if 1.0 <= step <= 3.0]
    return max(usual[:1] or [1.5])


def _left(seg: _Seg, m: _Margins) -> float:
    """The left edge of the text a line belongs to: the page's margin, or a box's inset."""
    return m.left if seg.start is None else max(m.left, seg.start)


def _full(seg: _Seg, m: _Margins | None) -> bool:
    """Whether a line runs to the right edge: the page's margin, or the edge the lines around it
    share (a column narrowed by a figure)."""
    # A line starting far to the right (a signature, a date set flush right) is not running
    # text, whatever it reaches; the left edge is the page's, or that of a box the line is in.
    if m is None or seg.x0 > _left(seg, m) + 3 * seg.size:
        return False
    right = m.right if seg.edge is None else min(m.right, seg.edge)
    if seg.x1 >= right - 1.2 * seg.size:
        return True
    # Chinese line breaking keeps punctuation off a line's start, so a wrapped line may stop a
    # character or two short; one that ends a sentence there ends its paragraph.
    return seg.x1 >= right - 2.5 * seg.size and not seg.text.endswith(_PARAGRAPH_END)


def _centred(seg: _Seg, m: _Margins, *, display: bool = False) -> bool:
    """Whether a line stands in the middle of the text column. A line of body text must keep
    clear of a two-character indent on both sides; a display line (larger or bolder than the
    body, like each line of a title wrapped in a large face) only has to be symmetric."""
    before, after = seg.x0 - m.left, m.right - seg.x1
    if display and before > 0.3 * seg.size and after > 0.3 * seg.size and abs(before - after) <= seg.size:
        return True
    return before > 3 * seg.size and after > 3 * seg.size and abs(before - after) <= 2 * seg.size


def _continues(
    para: list[_Seg], seg: _Seg, margins: dict, leading: float, *, display: float, gap_explained: bool = False
) -> bool:
    """Whether `seg` carries on the paragraph whose lines are `para` (a wrap, or a page break)."""
    last = para[-1]
    if last.size >= display:
        return False  # a heading wrapped in a large face: one line per visual line, as printed
    if seg.note != last.note or (seg.note and _NOTE_MARK.match(seg.text)):
        return False  # a page's notes stand apart from its text, and each note apart
    m = margins.get((last.page, last.column))
    here = margins.get((seg.page, seg.column))
    if m is None or here is None or not _full(last, m):
        return False
    # A change of size ends a paragraph; a change of weight does not (a bold lead-in wraps on).
    # Below a figure, only a line in the paragraph's own size resumes it (the figure's labels
    # were held back for being in another size).
    if abs(seg.size - last.size) > (0.08 if gap_explained else 0.15) * last.size:
        return False
    if seg.page == last.page:
        if seg.column == last.column and not 0 < last.base - seg.base <= (
            float("inf") if gap_explained else leading * 1.35 * last.size
        ):
            return False
    elif seg.page != last.page + 1:
        return False
    if _NUMBERED_HEAD.match(seg.text) or _LABEL.match(seg.text) or _CLOSING_CREDIT.search(last.text):
        return False
    # An indented line starts a paragraph, unless the paragraph's own lines are indented as much.
    indent = seg.x0 - _left(seg, here)
    if indent > 0.8 * seg.size:
        return len(para) >= 2 and abs(seg.x0 - last.x0) < 0.5 * seg.size and last.x0 - _left(last, m) > 0.8 * last.size
    return True

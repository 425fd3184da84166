"""How the paragraphs of a Word 97–2003 .doc file look: style, alignment, type size and weight.

Follows the public MS-DOC specification. A paragraph's properties are in the PAPX pages (its
style index and direct formatting such as centring), its characters' in the CHPX pages (size in
half-points, bold), and the styles' own properties and names in the style sheet (STSH): a
built-in heading style or one named 标题 N gives the level. Both kinds of page are found by
file offset (FC), which the piece table maps character positions to. Everything here is
evidence for the structure reader, never needed to read the text: if the tables are damaged
the text is read without it.
"""

from __future__ import annotations

import re
import struct
from collections import Counter
from dataclasses import dataclass, field

# FibRgFcLcb97 starts after FibBase, csw, FibRgW97, cslw, FibRgLw97 and cbRgFcLcb.
RG_FC_LCB = 32 + 2 + 28 + 2 + 88 + 2
STSHF, PLCF_BTE_CHPX, PLCF_BTE_PAPX, STTBF_FFN = 1, 12, 13, 15  # pair numbers in FibRgFcLcb97
SPRM_P_JC80, SPRM_P_JC = 0x2403, 0x2461  # paragraph alignment (1 = centred)
SPRM_C_F_BOLD, SPRM_C_HPS = 0x0835, 0x4A43  # bold (1 on, 0 off, 0x80 as the style, 0x81 its opposite); size in half-points
SPRM_C_RG_FTC0, SPRM_C_RG_FTC1 = 0x4A4F, 0x4A50  # the font of Western and of East Asian text (index in the font table)
STI_TITLE = 62  # the built-in Title style; 1–9 are Heading 1–9
DEFAULT_HALF_POINTS = 20  # Word's size when neither the text nor its style sets one
_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*(\d)$", re.I)


@dataclass
class Style:
    level: int | None = None
    base: int | None = None
    jc: int | None = None
    half_points: int | None = None
    bold: bool | None = None
    face: int | None = None


@dataclass
class Look:
    """One paragraph's look: what the LineHint is made of."""

    level: int | None = None
    centred: bool = False
    bold_chars: int = 0
    sizes: Counter = field(default_factory=Counter)  # characters per size in half-points
    faces: Counter = field(default_factory=Counter)  # characters per font name

    @property
    def size(self) -> int | None:
        """The largest size its text is set in (a heading's, where a run is larger)."""
        return max(self.sizes) if self.sizes else None


def prls(grpprl: bytes):
    """(sprm, operand) of each property modifier in a group."""
    pos = 0
    while pos + 2 <= len(grpprl):
        sprm = struct.unpack_from("<H", grpprl, pos)[0]
        pos += 2
        spra = sprm >> 13
        if spra in (0, 1):
            size = 1
        elif spra in (2, 4, 5):
            size = 2
        elif spra == 3:
            size = 4
        elif spra == 7:
            size = 3
        elif sprm == 0xD608 or sprm == 0xD606:  # table definitions: a two-byte length
            size = struct.unpack_from("<H", grpprl, pos)[0] + 1
        else:
            size = grpprl[pos] + 1 if pos < len(grpprl) else 0
        yield sprm, grpprl[pos : pos + size]
        pos += size


def _apply_chp(grpprl: bytes, *, base_bold: bool = False) -> tuple[int | None, bool | None, int | None]:
    """Size in half-points, weight and font a group of character modifiers sets (None: not set);
    the East Asian font wins over the Western one, as Chinese text is set in it."""
    size, bold, face, western = None, None, None, None
    for sprm, operand in prls(grpprl):
        if sprm == SPRM_C_RG_FTC1 and len(operand) == 2:
            face = struct.unpack("<H", operand)[0]
        elif sprm == SPRM_C_RG_FTC0 and len(operand) == 2:
            western = struct.unpack("<H", operand)[0]
        elif sprm == SPRM_C_HPS and len(operand) == 2:
            size = struct.unpack("<H", operand)[0]
        elif sprm == SPRM_C_F_BOLD and operand:
            value = operand[0]
            bold = {0: False, 1: True, 0x80: base_bold, 0x81: not base_bold}.get(value, bool(value & 1))
    return size, bold, face if face is not None else western


def styles(table: bytes, fc: int, lcb: int) -> list[Style]:
    """The style sheet: each style's heading level, base style, alignment, size and weight."""
    stsh = table[fc : fc + lcb]
    cb_stshi = struct.unpack_from("<H", stsh, 0)[0]
    cstd, cb_base = struct.unpack_from("<HH", stsh, 2)
    pos = 2 + cb_stshi
    out: list[Style] = []
    for _ in range(cstd):
        if pos + 2 > len(stsh):
            break
        cb = struct.unpack_from("<H", stsh, pos)[0]
        std = stsh[pos + 2 : pos + 2 + cb]
        pos += 2 + cb
        if cb < 10:
            out.append(Style())
            continue
        sti = struct.unpack_from("<H", std, 0)[0] & 0x0FFF
        stk_base = struct.unpack_from("<H", std, 2)[0]
        stk, base = stk_base & 0x000F, stk_base >> 4
        cupx = struct.unpack_from("<H", std, 4)[0] & 0x000F
        cch = struct.unpack_from("<H", std, cb_base)[0]
        name = std[cb_base + 2 : cb_base + 2 + 2 * cch].decode("utf-16-le", errors="replace")
        style = Style(base=None if base == 0x0FFF else base)
        if 1 <= sti <= 9:
            style.level = sti
        elif sti == STI_TITLE:
            style.level = 0
        elif m := _HEADING_NAME.match(name.strip()):
            style.level = int(m.group(1))
        upx = cb_base + 2 + 2 * cch + 2
        for k in range(cupx):
            upx += upx % 2
            if upx + 2 > len(std):
                break
            size = struct.unpack_from("<H", std, upx)[0]
            data = std[upx + 2 : upx + 2 + size]
            upx += 2 + size
            if stk == 1 and k == 0:  # paragraph properties: istd, then the modifiers
                for sprm, operand in prls(data[2:]):
                    if sprm in (SPRM_P_JC80, SPRM_P_JC) and operand:
                        style.jc = operand[0]
            elif (stk == 1 and k == 1) or (stk == 2 and k == 0):
                style.half_points, style.bold, style.face = _apply_chp(data)
        out.append(style)
    return out


def _inherited(sheet: list[Style], istd: int, attr: str):
    seen = set()
    while 0 <= istd < len(sheet) and istd not in seen:
        seen.add(istd)
        value = getattr(sheet[istd], attr)
        if value is not None:
            return value
        istd = sheet[istd].base if sheet[istd].base is not None else -1
    return None


def _fkps(word: bytes, table: bytes, fc: int, lcb: int) -> list[bytes]:
    """The formatting pages a bin table points to, in file order."""
    if lcb < 8:
        return []
    n = (lcb - 4) // 8
    pns = struct.unpack_from(f"<{n}I", table, fc + 4 * (n + 1))
    return [word[(pn & 0x3FFFFF) * 512 : (pn & 0x3FFFFF) * 512 + 512] for pn in pns]


def _runs(fkp: bytes, entry: int):
    """(first FC, end FC, offset of the entry's properties) of each run in one page."""
    crun = fkp[511]
    fcs = struct.unpack_from(f"<{crun + 1}I", fkp, 0)
    for k in range(crun):
        yield fcs[k], fcs[k + 1], fkp[4 * (crun + 1) + entry * k] * 2


def paragraph_runs(word: bytes, table: bytes, fib: bytes) -> list[tuple[int, int, int, int | None]]:
    """(first FC, end FC, style index, alignment or None) of each run of paragraph properties."""
    fc, lcb = struct.unpack_from("<II", fib, RG_FC_LCB + 8 * PLCF_BTE_PAPX)
    out = []
    for fkp in _fkps(word, table, fc, lcb):
        for a, b, off in _runs(fkp, 13):
            istd, jc = 0, None
            if off:
                cb = fkp[off]
                start, size = (off + 2, 2 * fkp[off + 1]) if cb == 0 else (off + 1, 2 * cb - 1)
                data = fkp[start : start + size]
                if len(data) >= 2:
                    istd = struct.unpack_from("<H", data, 0)[0]
                    for sprm, operand in prls(data[2:]):
                        if sprm in (SPRM_P_JC80, SPRM_P_JC) and operand:
                            jc = operand[0]
            out.append((a, b, istd, jc))
    return out


def character_runs(word: bytes, table: bytes, fib: bytes) -> list[tuple[int, int, bytes]]:
    """(first FC, end FC, modifiers) of each run of character properties."""
    fc, lcb = struct.unpack_from("<II", fib, RG_FC_LCB + 8 * PLCF_BTE_CHPX)
    out = []
    for fkp in _fkps(word, table, fc, lcb):
        for a, b, off in _runs(fkp, 1):
            out.append((a, b, fkp[off + 1 : off + 1 + fkp[off]] if off else b""))
    return out


def _find(runs: list, fc: int):
    lo, hi = 0, len(runs) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if fc < runs[mid][0]:
            hi = mid - 1
        elif fc >= runs[mid][1]:
            lo = mid + 1
        else:
            return runs[mid]
    return None


def looks(word: bytes, table: bytes, fib: bytes, chars: list[tuple[str, int]]) -> list[Look] | None:
    """The look of each paragraph of `chars` (each character with its FC), in order: a
    paragraph ends at a paragraph mark, a cell mark or a page break. None when the file
    keeps no formatting at all."""
    fc, lcb = struct.unpack_from("<II", fib, RG_FC_LCB + 8 * STSHF)
    sheet = styles(table, fc, lcb) if lcb else []
    papx = paragraph_runs(word, table, fib)
    chpx = character_runs(word, table, fib)
    if not papx and not chpx:
        return None
    fc, lcb = struct.unpack_from("<II", fib, RG_FC_LCB + 8 * STTBF_FFN)
    names = font_names(table[fc : fc + lcb]) if lcb else []
    out: list[Look] = []
    sizes: Counter = Counter()  # characters per size of their own (None: the style's)
    faces: Counter = Counter()  # characters per font of their own (None: the style's)
    bold = unset = 0  # characters set bold, and characters that leave weight to the style
    for ch, where in chars:
        if ch in PARAGRAPH_ENDS:
            run = _find(papx, where)
            istd, jc = (run[2], run[3]) if run is not None else (0, None)
            look = Look(level=_inherited(sheet, istd, "level"))
            look.centred = (jc if jc is not None else _inherited(sheet, istd, "jc")) == 1
            style_size = _inherited(sheet, istd, "half_points") or DEFAULT_HALF_POINTS
            for size, n in sizes.items():
                look.sizes[size if size is not None else style_size] += n
            style_face = _inherited(sheet, istd, "face")
            for face, n in faces.items():
                face = face if face is not None else style_face
                look.faces[names[face] if face is not None and 0 <= face < len(names) else ""] += n
            look.bold_chars = bold + (unset if _inherited(sheet, istd, "bold") else 0)
            out.append(look)
            sizes, faces, bold, unset = Counter(), Counter(), 0, 0
            continue
        if ch.isspace() or ord(ch) < 0x20:
            continue
        run = _find(chpx, where)
        size, weight, face = _apply_chp(run[2]) if run is not None else (None, None, None)
        sizes[size] += 1
        faces[face] += 1
        bold += weight is True
        unset += weight is None
    return out


PARAGRAPH_ENDS = "\r\x07\x0c"


def font_names(sttbf: bytes) -> list[str]:
    """The font table's names, by index: each FFN is a length byte, 39 bytes of metrics and
    flags, then its name (UTF-16, ended by a null)."""
    if len(sttbf) < 4:
        return []
    count = struct.unpack_from("<H", sttbf, 0)[0]
    pos, names = 4, []
    for _ in range(count):
        if pos >= len(sttbf):
            break
        size = sttbf[pos] + 1
        ffn = sttbf[pos + 1 : pos + size]
        name = ffn[39:].decode("utf-16-le", errors="replace").split("\x00", 1)[0]
        names.append(name)
        pos += size
    return names

"""Old Word 97–2003 .doc files: the main text, read from the piece table (public MS-DOC spec).

No maintained package on the index reads .doc text, so this follows the format itself: the
File Information Block at the start of the WordDocument stream says which table stream holds
the piece table (the Clx) and how many characters the main document has; each piece says
where its characters are and whether they are 8-bit (cp1252) or UTF-16. Field codes are left
out and field results kept; cell and row marks end lines, marked as table cells in the hints.
"""

from __future__ import annotations

import io
import re
import struct
from collections import Counter

from healthdigest.errors import InputError
from healthdigest.model import LineHint
from healthdigest.readers import docfmt
from healthdigest.readers.common import HEAVY_FACE, LineWriter

_WORD_MAGIC = 0xA5EC
_CELL = "\x07"
# Characters with a meaning in Word's text stream, and what a reader sees in their place.
_SPECIAL = {
    "\r": "\n",  # paragraph end
    "\x0b": "\n",  # manual line break
    "\x0c": "\n",  # page or section break
    "\x0e": "\n",  # column break
    "\x1e": "-",  # non-breaking hyphen
    "\x1f": "",  # optional hyphen
    "\x01": "",  # picture
    "\x08": "",  # drawn object
    "\x02": "",  # footnote reference mark
    "\x05": "",  # annotation mark
    "\xa0": " ",
}


def read_doc(data: bytes, *, name: str):
    """Text of a Word 97–2003 file, one line per paragraph; InputError if it cannot be read."""
    import olefile  # late: only .doc files pay for it

    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except (OSError, ValueError, struct.error, IndexError):
        raise InputError(f"{name}: the Office file is damaged or cut short; open it in Word and save it again") from None
    with ole:
        if not ole.exists("WordDocument"):
            what = "a spreadsheet (.xls)" if ole.exists("Workbook") or ole.exists("Book") else "a presentation (.ppt)" if ole.exists("PowerPoint Document") else "another Office file"
            raise InputError(f"{name}: an old Office file but not a Word document (looks like {what}); nothing to digest")
        try:
            main = _main_text(ole)
        except InputError as exc:
            raise InputError(f"{name}: {exc}") from None
        except (OSError, ValueError, struct.error, IndexError):
            main = None
    if main is None:
        raise InputError(
            f"{name}: this Word 97–2003 file cannot be read (damaged?); save it as .docx or plain text in Word "
            "or LibreOffice (`soffice --headless --convert-to docx FILE.doc`)"
        )
    raw, fcs, word, table = main
    try:
        looks = docfmt.looks(word, table, word, list(zip(raw, fcs, strict=True)))
    except (ValueError, struct.error, IndexError, KeyError):
        looks = None  # damaged formatting tables: the text is read without its look
    body = _body_size(looks) if looks else None
    face = _body_face(looks) if looks else ""
    out = LineWriter()
    plain = _Plain()
    for k, paragraph in enumerate(_PARAGRAPH.findall(raw)):
        mark = paragraph[-1] if paragraph[-1] in docfmt.PARAGRAPH_ENDS else ""
        text = plain(paragraph[:-1] if mark else paragraph)
        look = looks[k] if looks is not None and k < len(looks) else None
        out.add(text, _hint(look, body, face, cell=mark == _CELL))
    return out.decoded("Word 97–2003 (.doc)", name=name, what="the Word document")


# A paragraph: text up to and with its mark (paragraph end, cell end or page break).
_PARAGRAPH = re.compile(r"[^\r\x07\x0c]*[\r\x07\x0c]|[^\r\x07\x0c]+$")


def _body_size(looks: list[docfmt.Look]) -> int | None:
    """The size most characters are set in (half-points)."""
    sizes: Counter = Counter()
    for look in looks:
        sizes.update(look.sizes)
    return sizes.most_common(1)[0][0] if sizes else None


def _body_face(looks: list[docfmt.Look]) -> str:
    faces: Counter = Counter()
    for look in looks:
        faces.update(look.faces)
    return faces.most_common(1)[0][0] if faces else ""


def _hint(look: docfmt.Look | None, body: int | None, body_face: str, *, cell: bool) -> LineHint:
    if look is None or not look.sizes:
        return LineHint(cell=cell)
    chars = sum(look.sizes.values())
    # A heavy face the body is not set in (黑体, 小标宋) is how Chinese offices set headings bold.
    heavy = sum(n for f, n in look.faces.items() if f and f != body_face and HEAVY_FACE.search(f))
    return LineHint(
        size=round(look.size / body, 2) if body else None,
        bold=max(look.bold_chars, heavy) * 2 > chars,
        centred=look.centred,
        level=look.level,
        cell=cell,
    )


def _main_text(ole) -> tuple[str, list[int], bytes, bytes]:
    """The main document's characters, the file offset (FC) of each, and the two streams."""
    word = ole.openstream("WordDocument").read()
    ident, _, _, _, _, flags = struct.unpack_from("<HHHHHH", word, 0)
    if ident != _WORD_MAGIC:
        raise ValueError("not a Word FIB")
    if flags & 0x0100:  # fEncrypted
        raise InputError("the Word document is password-protected; save an unprotected copy first")
    table_name = "1Table" if flags & 0x0200 else "0Table"  # fWhichTblStm
    if not ole.exists(table_name):
        raise ValueError("no table stream")
    table = ole.openstream(table_name).read()
    # FibBase (32 bytes), csw + FibRgW97 (2 + 28), cslw + FibRgLw97 (2 + 88): ccpText is its 4th int.
    ccp_text = struct.unpack_from("<i", word, 32 + 2 + 28 + 2 + 12)[0]
    # Then cbRgFcLcb and FibRgFcLcb97, whose 34th pair (fcClx, lcbClx) locates the piece table.
    rg_fc_lcb = 32 + 2 + 28 + 2 + 88 + 2
    fc_clx, lcb_clx = struct.unpack_from("<II", word, rg_fc_lcb + 33 * 8)
    clx = table[fc_clx : fc_clx + lcb_clx]
    pos = 0
    while pos < len(clx) and clx[pos] == 0x01:  # Prc entries (property modifiers) come first
        pos += 3 + struct.unpack_from("<h", clx, pos + 1)[0]
    if pos >= len(clx) or clx[pos] != 0x02:
        raise ValueError("no piece table")
    size = struct.unpack_from("<I", clx, pos + 1)[0]
    plc = clx[pos + 5 : pos + 5 + size]
    pieces = (size - 4) // 12
    cps = struct.unpack_from(f"<{pieces + 1}I", plc, 0)
    chars: list[str] = []
    fcs: list[int] = []
    for i in range(pieces):
        start, end = cps[i], min(cps[i + 1], ccp_text)
        if start >= end:
            continue
        fc = struct.unpack_from("<I", plc, 4 * (pieces + 1) + 8 * i + 2)[0]
        if fc & 0x40000000:  # fCompressed: 8-bit characters at half the offset
            offset = (fc & 0x3FFFFFFF) // 2
            piece = word[offset : offset + end - start]
            if len(piece) < end - start:  # the piece runs past the end of the stream: cut short
                raise ValueError("a piece of the text lies beyond the end of the file")
            piece = piece.decode("cp1252", errors="replace")
            fcs.extend(range(offset, offset + len(piece)))
        else:
            piece = word[fc : fc + 2 * (end - start)]
            if len(piece) < 2 * (end - start):
                raise ValueError("a piece of the text lies beyond the end of the file")
            piece = piece.decode("utf-16-le", errors="replace")
            fcs.extend(range(fc, fc + 2 * len(piece), 2))
        chars.append(piece)
    text = "".join(chars)
    if len(fcs) != len(text):  # characters beyond the BMP: no offsets, no look
        fcs = [0] * len(text)
    return text, fcs, word, table


class _Plain:
    """Text without field codes (kept: field results) and with Word's marks made plain, read
    paragraph by paragraph (a field may span paragraphs)."""

    def __init__(self) -> None:
        self.depth_code: list[bool] = []  # per open field: still in its code part?

    def __call__(self, raw: str) -> str:
        out: list[str] = []
        depth_code = self.depth_code
        for ch in raw:
            if ch == "\x13":  # field begins: its code follows
                depth_code.append(True)
                continue
            if ch == "\x14":  # field separator: its result follows
                if depth_code:
                    depth_code[-1] = False
                continue
            if ch == "\x15":  # field ends
                if depth_code:
                    depth_code.pop()
                continue
            if any(depth_code):
                continue
            out.append(_SPECIAL.get(ch, ch))
        return "".join(out)

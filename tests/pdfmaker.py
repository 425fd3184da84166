"""Small PDFs written by hand for the reader tests: Courier text at given places, images, pages.

Courier is one of PDF's standard fonts (every reader has its metrics) and is monospaced, so a
line's width is known: 0.6 × size per character.
"""

from __future__ import annotations

import math


def text(x: float, y: float, s: str, *, size: float = 10, bold: bool = False, turn: float = 0, slant: float = 0) -> tuple:
    """Text with its origin at (x, y), set `turn` quarter turns anticlockwise (1: running
    upwards; a fraction sets it at a slant); `slant` shears the glyphs (a synthetic italic:
    the baseline stays level, the glyphs lean by that much per unit of height)."""
    return ("text", x, y, s, size, bold) if not (turn or slant) else ("text", x, y, s, size, bold, turn, slant)


def image(x: float, y: float, w: float, h: float) -> tuple:
    return ("image", x, y, w, h)


def make_pdf(pages: list[list[tuple]], *, width: float = 612, height: float = 792, encrypt: bool = False) -> bytes:
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    add(b"<< /Type /Catalog /Pages 2 0 R >>")
    add(b"")  # the page tree, filled in below
    regular = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>")
    heavy = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier-Bold >>")
    picture = add(b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
                  b"/BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream")
    kids = []
    for items in pages:
        ops = []
        for item in items:
            if item[0] == "text":
                _, x, y, s, size, bold, *rest = item
                turn, slant = rest or (0, 0)
                angle = math.pi / 2 * turn
                a, b = round(math.cos(angle), 6), round(math.sin(angle), 6)
                escaped = s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
                ops.append(f"BT /{'F2' if bold else 'F1'} {size} Tf {a} {b} {round(-b + slant, 6)} {a} {x} {y} Tm ({escaped}) Tj ET")
            else:
                _, x, y, w, h = item
                ops.append(f"q {w} 0 0 {h} {x} {y} cm /Im1 Do Q")
        stream = "\n".join(ops).encode("latin-1")
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(add(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> /XObject << /Im1 %d 0 R >> >> >>"
            % (width, height, content, regular, heavy, picture)
        ))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    trailer_extra = b""
    if encrypt:
        # The standard security handler with owner and user keys no empty password opens.
        enc = add(b"<< /Filter /Standard /V 1 /R 2 /O <" + b"6a" * 32 + b"> /U <" + b"3c" * 32 + b"> /P -44 >>")
        trailer_extra = b" /Encrypt %d 0 R /ID [<0123456789abcdef0123456789abcdef><0123456789abcdef0123456789abcdef>]" % enc
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer_extra, xref)
    return bytes(out)

"""Tiny Word 97 (.doc) files written by hand for the reader tests: an OLE compound file (v3,
512-byte sectors) holding a WordDocument stream with a FIB, and a table stream with the piece
table. Streams are padded to 4096 bytes so that none lives in the mini stream."""

from __future__ import annotations

import struct

END, FREE, FATSECT = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
SECTOR = 512


def _dir_entry(name: str, kind: int, start: int, size: int, left: int = FREE, right: int = FREE, child: int = FREE) -> bytes:
    raw = (name + "\0").encode("utf-16-le")
    return (
        raw.ljust(64, b"\0")
        + struct.pack("<HBB", len(raw), kind, 1)  # name length, type, colour (black)
        + struct.pack("<III", left, right, child)
        + b"\0" * 16 + b"\0" * 4 + b"\0" * 16  # CLSID, state bits, times
        + struct.pack("<IQ", start, size)
    )


def make_ole(streams: dict[str, bytes]) -> bytes:
    """A compound file with the given streams (at most three) directly under the root."""
    names = sorted(streams, key=lambda n: (len(n), n.upper()))  # the directory's order
    data = {n: streams[n].ljust(max(4096, -(-len(streams[n]) // SECTOR) * SECTOR), b"\0") for n in names}
    fat = [FATSECT, END]  # sector 0: the FAT; sector 1: the directory
    starts = {}
    for n in names:
        starts[n] = len(fat)
        count = len(data[n]) // SECTOR
        fat += [len(fat) + i + 1 for i in range(count - 1)] + [END]
    assert len(fat) <= SECTOR // 4, "one FAT sector only"
    fat += [FREE] * (SECTOR // 4 - len(fat))
    # A chain of siblings is a valid (degenerate) red-black tree: each entry's right is the next.
    entries = [_dir_entry("Root Entry", 5, END, 0, child=1)]
    for i, n in enumerate(names):
        entries.append(_dir_entry(n, 2, starts[n], len(data[n]), right=i + 2 if i + 1 < len(names) else FREE))
    directory = b"".join(entries).ljust(SECTOR, b"\0")
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, END, 0, END, 0)
        + struct.pack("<I", 0) + struct.pack("<I", FREE) * 108
    )
    return header + struct.pack(f"<{len(fat)}I", *fat) + directory + b"".join(data[n] for n in names)


def make_doc(pieces: list[tuple[str, bool]], *, encrypted: bool = False) -> bytes:
    """A Word 97 file whose main text is `pieces`: (text, compressed as 8-bit cp1252?) each."""
    word = bytearray(2048)
    struct.pack_into("<HH", word, 0, 0xA5EC, 0x00C1)  # wIdent, nFib (Word 97)
    struct.pack_into("<H", word, 0x0A, 0x0200 | (0x0100 if encrypted else 0))  # 1Table; fEncrypted
    struct.pack_into("<H", word, 32, 14)  # csw
    struct.pack_into("<H", word, 62, 22)  # cslw
    struct.pack_into("<H", word, 152, 93)  # cbRgFcLcb
    cps, pcds, cp, offset = [0], b"", 0, 1024
    for text, compressed in pieces:
        raw = text.encode("cp1252" if compressed else "utf-16-le")
        word[offset : offset + len(raw)] = raw
        fc = (offset * 2) | 0x40000000 if compressed else offset
        pcds += struct.pack("<HIH", 0, fc, 0)
        cp += len(text)
        cps.append(cp)
        offset += len(raw) + 16
    struct.pack_into("<i", word, 76, cp)  # ccpText: the main document's length
    plc = struct.pack(f"<{len(cps)}I", *cps) + pcds
    clx = b"\x01" + struct.pack("<h", 2) + b"\0\0" + b"\x02" + struct.pack("<I", len(plc)) + plc  # one Prc, then the Pcdt
    table = bytearray(512) + clx
    struct.pack_into("<II", word, 154 + 33 * 8, 512, len(clx))  # fcClx, lcbClx
    return make_ole({"WordDocument": bytes(word), "1Table": bytes(table)})

"""Reading: bytes of a bulletin file to text, saying which encoding was used."""

from __future__ import annotations

import codecs
import io
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from healthdigest.errors import InputError, shown
from healthdigest.model import LineHint

# Files larger than this are refused rather than read whole into memory: a weekly bulletin,
# even an 88-page compilation, is a few hundred kilobytes of text.
MAX_BYTES = 20 * 1024 * 1024
CHUNK = 1024 * 1024  # streams are read this much at a time, up to the limit
# A few NUL bytes in a long text are damage; more make it a binary file.
MAX_NULS = 64
NUL_SHARE = 0.001
# A file whose non-ASCII bytes are almost all valid UTF-8 is damaged UTF-8 (cut off
# mid-character, a flipped byte), read with the bad bytes replaced and reported. In a GBK
# file nearly all of them are invalid as UTF-8, so the two are far apart.
DAMAGED_SHARE = 0.05

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 with BOM"),
    # before UTF-16's: the UTF-32 little-endian BOM begins with UTF-16's (FF FE)
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32 with BOM"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32 with BOM"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16 with BOM"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16 with BOM"),
)

# Magic numbers of files that are neither text nor a format healthdigest.readers reads.
_BINARY_KINDS = (
    (b"\x89PNG", "a PNG image, not text"),
    (b"\xff\xd8\xff", "a JPEG image, not text"),
)


@dataclass(frozen=True)
class Decoded:
    """Text decoded from a file, the encoding used, and anything worth a warning."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()
    # Layout of the original, by 1-based line number of `text`; empty for plain text.
    hints: dict[int, LineHint] = field(default_factory=dict, compare=False)


def read_bytes(path: Path, *, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of one bulletin file; InputError with a message for the user if it can't be.

    A regular file over the limit is refused before it is read. A FIFO or a character device
    named on the command line (`<(cmd)`, /dev/stdin) is read in chunks up to the limit, so
    one that never ends (/dev/zero) stops there; sockets and block devices are not read.
    """
    name = shown(path)
    try:
        st = os.stat(path)
        if stat.S_ISDIR(st.st_mode):
            raise InputError(f"{name}: is a directory")
        if not (stat.S_ISREG(st.st_mode) or stat.S_ISFIFO(st.st_mode) or stat.S_ISCHR(st.st_mode)):
            raise InputError(f"{name}: not a regular file (a {_file_kind(st.st_mode)}); not read")
        if stat.S_ISREG(st.st_mode) and st.st_size > max_bytes:
            raise _too_big(name, f"{st.st_size / 1048576:.1f} MB", max_bytes)
        with open(path, "rb") as f:
            return read_limited(f, name=name, max_bytes=max_bytes)
    except FileNotFoundError:
        # Also a file removed after the run listed it (a batch goes on without it).
        raise InputError(f"{name}: no such file (moved or deleted?); check the path") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied; make the file readable") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot be read ({exc.strerror})") from None


def read_limited(stream, *, name: str, max_bytes: int = MAX_BYTES) -> bytes:
    """All of a binary stream (standard input, a pipe, a file), refusing more than max_bytes.

    Read in chunks, so `yes | healthdigest summarize -` stops at the limit instead of filling
    the memory.
    """
    # A buffered stream returns less than asked only at the end of input. Asking again would
    # wait for a second end: at a terminal, a second Ctrl-D.
    buffered = isinstance(stream, io.BufferedIOBase)
    chunks, total = [], 0
    while True:
        want = min(CHUNK, max_bytes + 1 - total)
        chunk = stream.read(want)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > max_bytes:
            raise _too_big(name, None, max_bytes)
        if buffered and len(chunk) < want:
            return b"".join(chunks)


def _too_big(name: str, size: str | None, max_bytes: int) -> InputError:
    over = f"{size} is over" if size else "more than"  # a stream is not read to its end
    return InputError(
        f"{name}: {over} the {max_bytes / 1048576:.0f} MB limit "
        "for one bulletin; split the file or raise input.max_file_mb in the config"
    )


def _file_kind(mode: int) -> str:
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISBLK(mode):
        return "block device"
    return "special file"


def read_file(path: Path, *, max_bytes: int = MAX_BYTES) -> Decoded:
    """Read and decode one bulletin file; raise InputError with a message for the user."""
    return decode_bytes(read_bytes(path, max_bytes=max_bytes), name=shown(path))


def decode_bytes(data: bytes, *, name: str = "<input>") -> Decoded:
    """Decode bulletin bytes: PDF, Word, HTML and Markdown through their readers (the kind is
    told by content, then extension); text as UTF-8 (±BOM), UTF-16, GB18030 or Big5."""
    from healthdigest import readers

    kind = readers.detect_kind(data, name=name)
    decoded = _decode(data, name) if kind == readers.TEXT else readers.read_document(data, kind=kind, name=name)
    if not decoded.text.strip():
        raise InputError(f"{name}: the file holds only whitespace; nothing to digest")
    return decoded


def decode_plain(data: bytes, *, name: str) -> Decoded:
    """Text bytes to text, whatever the encoding; readers of markup (HTML, Markdown) use it too."""
    return _decode(data, name)


def _decode(data: bytes, name: str) -> Decoded:
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), label)
            except UnicodeDecodeError as exc:
                raise _undecodable(name, label, exc) from None
    for magic, what in _BINARY_KINDS:
        if data.startswith(magic):
            raise InputError(f"{name}: this looks like {what}")
    if not data.strip():
        raise InputError(f"{name}: the file is empty; nothing to digest")

    utf32 = _utf32_without_bom(data)
    if utf32:
        try:
            return Decoded(data.decode(utf32), "UTF-32 without BOM", (f"{name}: no BOM; read as {utf32}",))
        except UnicodeDecodeError:
            pass
    utf16 = _utf16_without_bom(data) or _utf16_chinese(data)
    if utf16:
        try:
            return Decoded(data.decode(utf16), "UTF-16 without BOM", (f"{name}: no BOM; read as {utf16}",))
        except UnicodeDecodeError:
            pass
    notes: tuple[str, ...] = ()
    nuls = data.count(0)
    if nuls:
        if nuls > MAX_NULS or nuls > len(data) * NUL_SHARE:
            raise InputError(
                f"{name}: contains NUL bytes, so it is binary, not a text bulletin; "
                "extract its text first"
            )
        # A stray NUL or two in a long text is damage, not a binary file.
        first = data.index(0)
        data = data.replace(b"\x00", b"")
        notes = (f"{name}: {nuls} NUL byte(s) removed (the first at offset {first}); the file looks damaged",)
    try:
        return Decoded(data.decode("utf-8"), "UTF-8", notes)
    except UnicodeDecodeError as utf8_error:
        decoded = _decode_legacy(data, name, utf8_error)
        return Decoded(decoded.text, decoded.encoding, notes + decoded.warnings)


def _utf32_without_bom(data: bytes) -> str | None:
    """Recognise UTF-32 without a BOM: four bytes a character, the top byte always zero and
    the next nearly always (only characters beyond U+FFFF set it), the low byte seldom."""
    if len(data) % 4 or len(data) < 8:
        return None
    sample = data[:4096]
    for codec, top, next_, low in (("utf-32-le", 3, 2, 0), ("utf-32-be", 0, 1, 3)):
        if (sample[top::4].count(0) == len(sample[top::4]) and sample[next_::4].count(0) >= len(sample[next_::4]) * 0.9
                and sample[low::4].count(0) <= len(sample[low::4]) * 0.1):
            return codec
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """Recognise UTF-16 text without a BOM by its zero bytes, which text never has."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    # ASCII-heavy UTF-16 has a zero in every other byte; Chinese UTF-16 has few zeros but then
    # never decodes as UTF-8 or GB18030 without errors, so it is caught below as undecodable.
    if zeros_odd > 0.3 and zeros_even < 0.05:
        return "utf-16-le"
    if zeros_even > 0.3 and zeros_odd < 0.05:
        return "utf-16-be"
    return None


def _utf16_chinese(data: bytes) -> str | None:
    """Recognise Chinese UTF-16 without a BOM, which has too few zero bytes for the test above.

    Its line ends and digits are ASCII, so its zero bytes all sit on one side of the byte
    pairs (odd offsets for little-endian), and read in that byte order it is mostly Han
    characters and CJK punctuation. Neither holds for GBK, Big5 or UTF-8, which have no zero
    bytes and read as UTF-16 give Hangul, Yi and private-use characters.
    """
    sample = data[: 1 << 16]
    sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 8:
        return None
    zeros_even, zeros_odd = sample[0::2].count(0), sample[1::2].count(0)
    for codec, zeros, other in (("utf-16-le", zeros_odd, zeros_even), ("utf-16-be", zeros_even, zeros_odd)):
        if not zeros or other >= zeros:
            continue
        text = sample.decode(codec, errors="replace")
        han = sum(1 for ch in text if "\u3400" <= ch <= "\u9fff")
        plain = han + sum(1 for ch in text if ch in "\t\n\r" or " " <= ch <= "~" or "\u3000" <= ch <= "\u303f"
                          or "\uff00" <= ch <= "\uffef" or "\u2000" <= ch <= "\u206f")
        if han >= len(text) * 0.3 and plain >= len(text) * 0.95:
            return codec
    return None


def _decode_legacy(data: bytes, name: str, utf8_error: UnicodeDecodeError) -> Decoded:
    """Not UTF-8: damaged UTF-8, mixed lines, GB18030 (covers GBK, GB2312), or Big5."""
    damaged = _decode_damaged(data, "utf-8", name)
    if damaged is not None:
        return damaged
    mixed = _decode_mixed_lines(data)
    if mixed is not None:
        return Decoded(
            mixed,
            "mixed UTF-8/GB18030",
            (f"{name}: lines in different encodings (UTF-8 and GB18030); each line decoded on its own",),
        )
    from charset_normalizer import from_bytes  # late: only non-UTF-8 files pay for it

    guess = from_bytes(data[:65536], cp_isolation=["gb18030", "big5"]).best()
    order = ["gb18030", "big5"]
    if guess is not None and guess.encoding == "big5":
        order.reverse()
    for codec in order:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if codec == "gb18030":
            return Decoded(text, "GB18030")
        return Decoded(text, "Big5", (f"{name}: decoded as Big5 (traditional Chinese)",))
    damaged = _decode_damaged(data, "gb18030", name)
    if damaged is not None:
        return damaged
    raise _undecodable(name, "UTF-8", utf8_error)


def _decode_damaged(data: bytes, codec: str, name: str) -> Decoded | None:
    """A file in `codec` with a few bad bytes (cut off mid-character, a flipped byte): read it,
    replace the bad bytes with U+FFFD, and say how many and where. None if it is not that."""
    non_ascii = len(data.translate(None, bytes(range(128))))  # ASCII deleted: what is left
    bad, first, start = 0, None, 0
    while True:
        try:
            data[start:].decode(codec)
            break
        except UnicodeDecodeError as exc:
            bad += exc.end - exc.start
            first = start + exc.start if first is None else first
            start += exc.end
            if bad > non_ascii * DAMAGED_SHARE:
                return None
    if not bad:
        return None
    label = "UTF-8" if codec == "utf-8" else "GB18030"
    return Decoded(
        data.decode(codec, errors="replace"),
        f"{label} (damaged)",
        (f"{name}: {bad} byte(s) not valid {label} (the first at offset {first}) were replaced with U+FFFD",),
    )


def _decode_mixed_lines(data: bytes) -> str | None:
    """Files pasted together from several sources: some lines UTF-8, the others GB18030.

    UTF-8 bytes of Chinese are also valid GB18030 (as nonsense), so a whole-file GB18030
    decode would "succeed" and garble the UTF-8 lines. The file is mixed if some non-ASCII
    lines decode as UTF-8 and others do not decode as UTF-8 at all. Returns None otherwise.
    """
    out, utf8_lines, other_lines = [], 0, 0
    for raw in data.split(b"\n"):
        try:
            line = raw.decode("utf-8")
            if not line.isascii():
                # GBK bytes that happen to be valid UTF-8 decode to two-byte characters
                # (Latin, Greek, Hebrew…), never to Chinese: such a file is not mixed.
                if any("\u0080" <= ch <= "\u07ff" for ch in line):
                    return None
                utf8_lines += 1
        except UnicodeDecodeError:
            try:
                line = raw.decode("gb18030")
            except UnicodeDecodeError:
                return None
            other_lines += 1
        out.append(line)
    return "\n".join(out) if utf8_lines and other_lines else None


def _undecodable(name: str, tried: str, exc: UnicodeDecodeError) -> InputError:
    return InputError(
        f"{name}: bytes at offset {exc.start} are not valid {tried}, GB18030 or Big5; "
        "convert the file to UTF-8 (e.g. `iconv -f ENCODING -t UTF-8`)"
    )

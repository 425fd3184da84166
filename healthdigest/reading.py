"""Reading: bytes of a bulletin file to text, saying which encoding was used."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from healthdigest.errors import InputError

# Files larger than this are refused rather than read whole into memory: a weekly bulletin,
# even an 88-page compilation, is a few hundred kilobytes of text.
MAX_BYTES = 20 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 with BOM"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16 with BOM"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16 with BOM"),
)

# Magic numbers of files people save as .txt by mistake, and what to tell them.
_BINARY_KINDS = (
    (b"%PDF", "a PDF file: extract its text first (e.g. `pdftotext -layout FILE.pdf`)"),
    (b"\x89PNG", "a PNG image, not text"),
    (b"\xff\xd8\xff", "a JPEG image, not text"),
    (b"PK\x03\x04", "a ZIP container (a .docx or .xlsx?): save it as plain text first"),
    (b"\xd0\xcf\x11\xe0", "an old Office document: save it as plain text first"),
)


@dataclass(frozen=True)
class Decoded:
    """Text decoded from a file, the encoding used, and anything worth a warning."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def read_file(path: Path, *, max_bytes: int = MAX_BYTES) -> Decoded:
    """Read and decode one bulletin file; raise InputError with a message for the user."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(f"{path}: no such file; check the path") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror}); check the path") from None
    if path.is_dir():
        raise InputError(f"{path}: is a directory")
    if size > max_bytes:
        raise InputError(
            f"{path}: {size / 1048576:.1f} MB is over the {max_bytes / 1048576:.0f} MB limit "
            "for one bulletin; split the file or raise `max_file_mb` in the config"
        )
    try:
        data = path.read_bytes()
    except PermissionError:
        raise InputError(f"{path}: permission denied; make the file readable") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from None
    return decode_bytes(data, name=str(path))


def decode_bytes(data: bytes, *, name: str = "<input>") -> Decoded:
    """Decode bulletin bytes: UTF-8 (±BOM), UTF-16 (BOM, or clearly UTF-16), GB18030, Big5."""
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

    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return Decoded(data.decode(utf16), "UTF-16 without BOM", (f"{name}: no BOM; read as {utf16}",))
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise InputError(
            f"{name}: contains NUL bytes, so it is binary, not a text bulletin; "
            "extract its text first"
        )
    try:
        return Decoded(data.decode("utf-8"), "UTF-8")
    except UnicodeDecodeError as utf8_error:
        return _decode_legacy(data, name, utf8_error)


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


def _decode_legacy(data: bytes, name: str, utf8_error: UnicodeDecodeError) -> Decoded:
    """Not UTF-8: GB18030 (which covers GBK and GB2312) unless it is clearly Big5."""
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
        label = "GB18030" if codec == "gb18030" else "Big5"
        return Decoded(text, label)
    mixed = _decode_mixed_lines(data)
    if mixed is not None:
        return Decoded(
            mixed,
            "mixed UTF-8/GB18030",
            (f"{name}: lines in different encodings (UTF-8 and GB18030); each line decoded on its own",),
        )
    raise _undecodable(name, "UTF-8", utf8_error)


def _decode_mixed_lines(data: bytes) -> str | None:
    """Files pasted together from several sources: decode each line as UTF-8 or GB18030."""
    out = []
    for raw in data.split(b"\n"):
        for codec in ("utf-8", "gb18030"):
            try:
                out.append(raw.decode(codec))
                break
            except UnicodeDecodeError:
                continue
        else:
            return None
    return "\n".join(out)


def _undecodable(name: str, tried: str, exc: UnicodeDecodeError) -> InputError:
    return InputError(
        f"{name}: bytes at offset {exc.start} are not valid {tried}, GB18030 or Big5; "
        "convert the file to UTF-8 (e.g. `iconv -f ENCODING -t UTF-8`)"
    )

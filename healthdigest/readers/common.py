"""What every reader shares: collecting output lines with their hints into a `Decoded`."""

from __future__ import annotations

import re

from healthdigest.errors import InputError
from healthdigest.model import LineHint
from healthdigest.reading import Decoded

_SPACES = re.compile(r"[ \t\u00a0\u3000]+")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


# A run of spaces this long inside a line is a gap the author typed to set two things apart on
# one line (an editor's name left and the date right, under a masthead), not a word space.
_WIDE_GAP = re.compile(r"(?<=\S)[ \t\u00a0\u3000]{4,}(?=\S)")
_NUMBERED_HEAD = re.compile(r"^第\s*[〇零一二三四五六七八九十百千\d]+\s*[章篇编节条部卷]$")
SET_APART_MAX = 60  # characters: a line of such items is short; a paragraph of prose is not split


def _set_apart(line: str) -> list[str]:
    """A short line split where a wide typed gap sets its items apart, as a PDF shows them:
    two lines. Prose (a line with a full stop, or a long one) is never split."""
    if len(line.strip()) > SET_APART_MAX or "。" in line or not _WIDE_GAP.search(line):
        return [line]
    head = line[: len(line) - len(line.lstrip(" \t\u00a0\u3000"))]
    first, *rest = _WIDE_GAP.split(line.lstrip(" \t\u00a0\u3000"))
    if any(len(piece.strip()) == 1 for piece in (first, *rest)) or _NUMBERED_HEAD.match(first):
        # A piece of one character is no item: the line is letter-spaced (株    洲    市…,
        # 通    告, 第一章    总    则), a word spread wide; and a chapter's number is set
        # apart from its name (第二章    筹资和待遇), not from another thing.
        return [line]
    return [head + first, *rest]


# Bold faces, and the faces Chinese typesetting uses as its bold: 黑体 (SimHei, STHeiti, 方正黑体
# embedded as FZHTK/FZHTJW, 方正大黑 as FZDHK) for headings and 小标宋 (FZXBSJW) for titles.
# Microsoft YaHei is a regular sans despite its name.
HEAVY_FACE = re.compile(r"bold|heavy|black|semibold|demi|(?<!ya)hei|黑体|xbs|xiaobiao|小标宋|fzht|fzdh", re.I)


class LineWriter:
    """Output lines in order, each with the layout hint of where it came from."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.hints: dict[int, LineHint] = {}
        self.warnings: list[str] = []

    def add(self, text: str, hint: LineHint | None = None) -> None:
        """Add text; a line break inside it gives several lines with the same hint, and so
        does a wide gap typed inside a short line (see `_set_apart`)."""
        for part in (piece for line in text.split("\n") for piece in _set_apart(line)):
            part = _INVISIBLE.sub("", part).lstrip(" \t\u00a0")
            # Full-width spaces typed before a paragraph are the author's indent: kept, as a
            # text extraction keeps them; other runs of white space become one space.
            indent = part[: len(part) - len(part.lstrip("\u3000"))]
            part = _SPACES.sub(" ", part).strip()
            if not part:
                continue
            part = indent + part
            self.lines.append(part)
            if hint is not None and hint != LineHint():
                self.hints[len(self.lines)] = hint

    def blank(self, count: int = 1) -> None:
        """Blank lines between blocks: one between the paragraphs of a Word file or a web page
        (as their usual text extractions have), two between the articles of a web page."""
        while self.lines and self.lines[-count:] != [""] * count:
            self.lines.append("")


    def decoded(self, encoding: str, *, name: str, what: str) -> Decoded:
        if not any(self.lines):
            raise InputError(f"{name}: {what} holds no text; nothing to digest")
        return Decoded("\n".join(self.lines) + "\n", encoding, tuple(self.warnings), dict(self.hints))

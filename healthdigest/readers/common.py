"""What every reader shares: collecting output lines with their hints into a `Decoded`."""

from __future__ import annotations

import re

from healthdigest.errors import InputError
from healthdigest.model import LineHint
from healthdigest.reading import Decoded

_SPACES = re.compile(r"[ \t\u00a0\u3000]+")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


class LineWriter:
    """Output lines in order, each with the layout hint of where it came from."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.hints: dict[int, LineHint] = {}
        self.warnings: list[str] = []

    def add(self, text: str, hint: LineHint | None = None) -> None:
        """Add text; a line break inside it gives several lines with the same hint."""
        for part in text.split("\n"):
            part = _SPACES.sub(" ", _INVISIBLE.sub("", part)).strip()
            if not part:
                continue
            self.lines.append(part)
            if hint is not None and hint != LineHint():
                self.hints[len(self.lines)] = hint

    def blank(self) -> None:
        """A blank line (between articles of a web page, after front matter): kept once."""
        if self.lines and self.lines[-1]:
            self.lines.append("")

    def decoded(self, encoding: str, *, name: str, what: str) -> Decoded:
        if not any(self.lines):
            raise InputError(f"{name}: {what} holds no text; nothing to digest")
        return Decoded("\n".join(self.lines) + "\n", encoding, tuple(self.warnings), dict(self.hints))

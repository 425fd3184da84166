"""Markdown: the text as written, with the heading levels and table rows in the hints.

The structure reader reads Markdown itself (front matter, `#` heads, rules: see
healthdigest/structure), so the text stays exactly as in the file and line N is line N of
the file. What the reader adds is the layout Markdown declares: each ATX (`## 标题`) or
setext (a line underlined with `===` / `---`) heading's level, and which lines are table rows.
"""

from __future__ import annotations

import re

from healthdigest.model import LineHint

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_ATX = re.compile(r"^\s{0,3}(#{1,6})\s+\S")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")


def read_markdown(data: bytes, *, name: str):
    """The decoded text, unchanged, with heading levels and table cells as hints."""
    from dataclasses import replace

    from healthdigest.reading import decode_plain

    decoded = decode_plain(data, name=name)
    return replace(decoded, hints=markdown_hints(decoded.text))


def markdown_hints(text: str) -> dict[int, LineHint]:
    """Hints by 1-based line: heading levels, table rows; nothing inside front matter or code."""
    lines = re.split(r"\r\n|\r|\n", text.lstrip("\ufeff"))
    hints: dict[int, LineHint] = {}
    start = 0
    if lines and lines[0].strip() == "---":  # YAML front matter: not Markdown
        end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
        start = end + 1 if end is not None else 0
    fenced = False
    for i in range(start, len(lines)):
        line = lines[i]
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced or not line.strip():
            continue
        if m := _ATX.match(line):
            hints[i + 1] = LineHint(level=len(m.group(1)))
        elif (m := _SETEXT.match(line)) and i > start and lines[i - 1].strip() and i not in hints:
            # "Title\n=====": the line above is the heading (a "---" under a blank line is a rule).
            if not _TABLE_ROW.match(lines[i - 1]):
                hints[i] = LineHint(level=1 if m.group(1)[0] == "=" else 2)
        elif _TABLE_ROW.match(line) and not _TABLE_RULE.match(line):
            hints[i + 1] = LineHint(cell=True)
    return hints

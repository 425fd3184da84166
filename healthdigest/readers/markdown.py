"""Markdown: `#` headings as plain lines with their level, markup taken off, front matter read.

Line numbers stay those of the .md file (a line of pure markup, such as a rule or a code fence,
becomes a blank line), so what the digest reports as line N is line N of the file. The YAML
front matter's title, date and author become the lines a bulletin prints them as: the title
first, then a `发布时间：… 作者：…` line, in the lines the front matter took.
"""

from __future__ import annotations

import re

from healthdigest.model import LineHint

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_ATX = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)|<(https?://[^>]+)>")
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1|(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])|`([^`]+)`")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_TITLE_KEYS = ("title", "标题")
_DATE_KEYS = ("date", "published", "发布时间", "日期")
_AUTHOR_KEYS = ("author", "authors", "作者")
_SOURCE_KEYS = ("source", "来源")


def read_markdown(data: bytes, *, name: str):
    from healthdigest.reading import Decoded, decode_plain

    decoded = decode_plain(data, name=name)
    lines = re.split(r"\r\n|\r|\n", decoded.text.lstrip("\ufeff"))
    out: list[str] = [""] * len(lines)
    hints: dict[int, LineHint] = {}
    warnings = list(decoded.warnings)
    start = _front_matter(lines, out, hints, warnings, name)
    fenced = False
    for i in range(start, len(lines)):
        line = lines[i]
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            out[i] = line
            continue
        if m := _ATX.match(line):
            out[i] = _inline(m.group(2))
            hints[i + 1] = LineHint(level=len(m.group(1)))
            continue
        if (m := _SETEXT.match(line)) and i > start and out[i - 1].strip() and not _RULE.match(lines[i - 1]):
            # "Title\n=====": the line above is a heading; the underline is markup.
            hints[i] = LineHint(level=1 if m.group(1)[0] == "=" else 2)
            continue
        if _RULE.match(line) or _TABLE_RULE.match(line):
            continue
        line = _QUOTE.sub("", line)
        if line.lstrip().startswith("|") and line.rstrip().endswith("|"):
            cells = [_inline(c).strip() for c in line.strip().strip("|").split("|")]
            out[i] = " ".join(c for c in cells if c)
            hints[i + 1] = LineHint(cell=True)
            continue
        out[i] = _inline(line)
    text = "\n".join(out)
    return Decoded(text, f"{decoded.encoding} (Markdown)", tuple(warnings), {k: v for k, v in hints.items() if out[k - 1].strip()})


def _inline(text: str) -> str:
    """Text without inline markup: emphasis, code spans, links (their text), images (their alt)."""
    text = _IMAGE.sub(lambda m: m.group(1), text)
    text = _LINK.sub(lambda m: m.group(1) or m.group(2), text)
    for _ in range(2):  # nested emphasis (***bold italic***)
        text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(3) or m.group(4) or "", text)
    text = _HTML_TAG.sub("", text)
    return text.rstrip().replace("\\", "") if "\\" in text else text.rstrip()


def _front_matter(lines: list[str], out: list[str], hints: dict, warnings: list[str], name: str) -> int:
    """Read a leading `---` YAML block into title and publication lines; the first body line."""
    if not lines or lines[0].strip() != "---":
        return 0
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        return 0
    import yaml

    try:
        meta = yaml.safe_load("\n".join(lines[1:end]))
    except yaml.YAMLError as exc:
        warnings.append(f"{name}: the front matter is not valid YAML ({exc.__class__.__name__}); its lines kept as text")
        return 0
    if not isinstance(meta, dict):
        return 0 if meta is not None else end + 1

    def first(keys: tuple[str, ...]) -> str | None:
        for key in keys:
            value = meta.get(key)
            if isinstance(value, list):
                value = "、".join(str(v) for v in value)
            if value not in (None, ""):
                return str(value).strip()
        return None

    title, date, author, source = first(_TITLE_KEYS), first(_DATE_KEYS), first(_AUTHOR_KEYS), first(_SOURCE_KEYS)
    fields = [f"{label}：{value}" for label, value in (("发布时间", date), ("作者", author), ("来源", source)) if value]
    used = {k for keys in (_TITLE_KEYS, _DATE_KEYS, _AUTHOR_KEYS, _SOURCE_KEYS) for k in keys if k in meta}
    others = [k for k in meta if k not in used]
    if others:
        warnings.append(f"{name}: front matter field(s) not used: {', '.join(map(str, others))}")
    slots = list(range(end + 1))  # the front matter's own lines, delimiters included (≥ 2)
    if title:
        out[slots.pop(0)] = title
        hints[1] = LineHint(level=1)
    if fields:
        out[slots.pop(0)] = " ".join(fields)
    return end + 1

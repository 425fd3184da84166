"""The terminal view (Rich): header, 要点, then each article; Chinese widths handled by Rich."""

from __future__ import annotations

import re

from rich.console import Console, Group
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.text import Text

from healthdigest.model import Bulletin
from healthdigest.render.markdown import bulletin_name
from healthdigest.textutil import display_width

# Chinese typesetting never starts a line with closing punctuation: it hangs at the end of
# the line before (Rich would break anywhere, leaving a lone "，" at the start of a line).
_NO_LINE_START = frozenset("，。、；：！？）」』”’》】〕,.;:!?)…—%")
INDENT = 3
_LATIN = re.compile(r"[0-9A-Za-z]")
_LATIN_TAIL = re.compile(r"[0-9A-Za-z]+$")


def wrap_cjk(text: str, width: int) -> list[str]:
    """Break text into lines of at most `width` columns, keeping punctuation off line starts
    and Latin words and numbers whole. A hanging mark may take up to two columns more."""
    lines: list[str] = []
    line, used = "", 0
    for ch in text:
        w = display_width(ch)
        if used > width and ch in _NO_LINE_START and len(line) > 1:
            # A mark already hangs: break before the last character that is not a mark, so
            # at most one mark hangs and none starts the next line.
            k = len(line) - 1
            while k > 0 and line[k] in _NO_LINE_START:
                k -= 1
            if k > 0:
                lines.append(line[:k])
                line = line[k:]
                used = display_width(line)
        if used + w > width and line and ch not in _NO_LINE_START:
            run = _LATIN_TAIL.search(line) if _LATIN.match(ch) else None
            if run and run.start() > 0:
                # Carry a Latin word or number (DRG, 2024) over whole, unless it fills the line.
                lines.append(line[: run.start()])
                line = line[run.start() :]
            else:
                lines.append(line)
                line = ""
            used = display_width(line)
        line += ch
        used += w
    if line:
        lines.append(line)
    return lines


def _block(console: Console, text: str, *, style: str | None = None, indent: int = INDENT) -> None:
    width = max(10, console.width - indent - 2)  # room for a hanging mark
    body = Text("\n".join(wrap_cjk(text, width)), style=style or "", no_wrap=True, overflow="ignore")
    console.print(Padding(body, (0, 0, 0, indent)))


def _header(b: Bulletin) -> Panel:
    m = b.metadata
    title = Text(bulletin_name(b), style="bold")
    if m.issue:
        title.append(f"  {m.issue}", style="cyan")
    lines = [title]
    facts = [x for x in (m.date, "、".join(m.publisher) or None, f"作者 {m.author}" if m.author else None) if x]
    if facts:
        lines.append(Text(" · ".join(facts), style="dim"))
    lines.append(Text(f"{b.path} · {b.layout} · {b.encoding} · {len(b.articles)} 篇", style="dim"))
    return Panel(Group(*lines), expand=True)


def render_bulletin(console: Console, b: Bulletin) -> None:
    console.print(_header(b))
    if b.declared_highlights:  # the bulletin's own 要点, as printed
        console.print(Text("本期要点（原文）", style="bold magenta"))
        for text in b.declared_highlights:
            _block(console, f"• {text}", indent=2)
    if b.highlights:
        console.print(Text("要点", style="bold magenta"))
        for h in b.highlights:
            line = Text("  • ")
            line.append(h.text)
            line.append(f"  [{h.article + 1}]", style="dim")
            console.print(line)
    if b.keywords:
        _block(console, "关键词：" + "、".join(k.word for k in b.keywords), style="green", indent=0)
    section = object()
    for i, a in enumerate(b.articles, start=1):
        if a.section != section and a.section:
            console.print(Rule(Text(a.section, style="bold yellow")))
        section = a.section
        console.print(Text(f"{i}. {a.title or '（无标题）'}", style="bold"))
        facts = [f"来源：{a.source}" if a.source else None, a.byline, f"第{a.page}页" if a.page else None]
        if any(facts):
            _block(console, " · ".join(x for x in facts if x), style="dim")
        if a.abstract:  # the editor's 【提要】, as printed
            _block(console, f"【提要】{a.abstract}", style="italic")
        if a.keywords:
            _block(console, "、".join(k.word for k in a.keywords), style="green")
        if a.summary:
            _block(console, "".join(s.shown for s in a.summary))
        for measure in a.measures:
            _block(console, f"• {measure.text}", indent=INDENT + 2 * measure.level)
        console.print()

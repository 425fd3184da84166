"""The terminal view (Rich): header, 要点, then each article; Chinese widths handled by Rich."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console, Group
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.text import Text

from healthdigest.model import Bulletin


def _header(b: Bulletin) -> Panel:
    m = b.metadata
    named = m.title or (b.articles[0].title if len(b.articles) == 1 else None)
    title = Text(named or Path(b.path).name, style="bold")
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
    if b.highlights:
        console.print(Text("要点", style="bold magenta"))
        for h in b.highlights:
            line = Text("  • ")
            line.append(h.text)
            line.append(f"  [{h.article + 1}]", style="dim")
            console.print(line)
    if b.keywords:
        console.print(Text("关键词 ", style="bold") + Text("、".join(k.word for k in b.keywords[:8]), style="green"))
    section = object()
    for i, a in enumerate(b.articles, start=1):
        if a.section != section and a.section:
            console.print(Rule(Text(a.section, style="bold yellow")))
        section = a.section
        console.print(Text(f"{i}. {a.title or '（无标题）'}", style="bold"))
        facts = [f"来源：{a.source}" if a.source else None, a.byline, f"第{a.page}页" if a.page else None]
        if any(facts):
            console.print(Padding(Text(" · ".join(x for x in facts if x), style="dim"), (0, 0, 0, 3)))
        if a.keywords:
            console.print(Padding(Text("、".join(k.word for k in a.keywords[:5]), style="green"), (0, 0, 0, 3)))
        if a.summary:
            console.print(Padding(Text("".join(s.shown for s in a.summary)), (0, 0, 0, 3)))
        for measure in a.measures:
            console.print(Padding(Text(f"• {measure}"), (0, 0, 0, 5)))
        console.print()

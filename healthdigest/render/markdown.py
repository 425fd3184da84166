"""Markdown: a briefing draft a person pastes into a document."""

from __future__ import annotations

from pathlib import Path

from healthdigest.model import Bulletin


def bulletin_name(b: Bulletin) -> str:
    """What to call a bulletin: its masthead title, else its first article's title, else its
    file's stem (a file name with its extension is not a heading)."""
    first = next((a.title for a in b.articles if a.title), None)
    return b.metadata.title or first or Path(b.path).stem


def _heading(b: Bulletin) -> str:
    return " ".join(x for x in (bulletin_name(b), b.metadata.issue) if x)


def render_bulletin(b: Bulletin) -> str:
    m = b.metadata
    out = [f"# {_heading(b)}", ""]
    facts = [x for x in (m.date, "、".join(m.publisher) or None, f"作者：{m.author}" if m.author else None) if x]
    if facts:
        out += [" · ".join(facts), ""]
    if b.declared_highlights:  # the bulletin's own 要点, as printed
        out += ["## 本期要点（原文）", ""]
        out += [f"- {text}" for text in b.declared_highlights]
        out.append("")
    if b.highlights:
        out += ["## 要点", ""]
        for h in b.highlights:
            out.append(f"- {h.text}")
        out.append("")
    if b.keywords:
        out += ["**关键词**：" + "、".join(k.word for k in b.keywords), ""]
    section = object()
    for i, a in enumerate(b.articles, start=1):
        if a.section != section and a.section:
            out += [f"## {a.section}", ""]
        section = a.section
        out += [f"### {i}. {a.title or '（无标题）'}", ""]
        facts = [f"来源：{a.source}" if a.source else None, a.byline, f"第{a.page}页" if a.page else None]
        if any(facts):
            out += [" · ".join(x for x in facts if x), ""]
        if a.abstract:  # the editor's 【提要】, as printed
            out += [f"> 【提要】{a.abstract}", ""]
        if a.keywords:
            out += ["关键词：" + "、".join(k.word for k in a.keywords), ""]
        if a.summary:
            out += ["".join(s.shown for s in a.summary), ""]
        for measure in a.measures:
            out.append("  " * (measure.level - 1) + f"- {measure.text}")
        if a.measures:
            out.append("")
    return "\n".join(out).rstrip() + "\n"

"""`healthdigest segment`: the structure alone, as a tree or JSON."""

from __future__ import annotations

import json

from rich.console import Console
from rich.text import Text
from rich.tree import Tree

from healthdigest.model import Bulletin


def segments_dict(b: Bulletin) -> dict:
    return {
        "path": b.path,
        "encoding": b.encoding,
        "layout": b.layout,
        "articles": [
            {
                "title": a.title,
                "section": a.section,
                "source": a.source,
                "page": a.page,
                "lines": {"first": a.lines[0], "last": a.lines[1]} if a.lines else None,
                "chars": len(a.text),
            }
            for a in b.articles
        ],
        "dropped": len(b.dropped),
        "warnings": list(b.warnings),
    }


def segments_json(bulletins: list[Bulletin]) -> str:
    return json.dumps([segments_dict(b) for b in bulletins], ensure_ascii=False, indent=2) + "\n"


def render_tree(bulletins: list[Bulletin], console: Console) -> None:
    for b in bulletins:
        root = Tree(Text(f"{b.path}  ({b.layout}, {b.encoding}, {len(b.articles)} articles)", style="bold"))
        branch, section = root, object()
        for i, a in enumerate(b.articles, start=1):
            if a.section != section:
                section = a.section
                branch = root.add(Text(a.section or "（无栏目）", style="yellow")) if a.section else root
            facts = [f"来源：{a.source}" if a.source else None, f"第{a.page}页" if a.page else None, f"{len(a.text)}字"]
            label = Text(f"{i}. {a.title or '（无标题）'}  ")
            label.append(" · ".join(x for x in facts if x), style="dim")
            branch.add(label)
        console.print(root)

"""Enumerated measures: policy texts list what they will do as 一是…二是…, （一）…（二）…, 1.…2.….

An article's measures are its enumerated items, each whole: from the marker to the end of the
item's first sentence (never cut inside it), in order, every one of them. Only runs of two or
more consecutive ordinals count; a lone "一是" is a phrase, not a list. An item's level is how
deep its kind of marker is nested where it stands (一、 holding （一） holding 1. …), whatever
the kinds are: documents differ in which markers they use at which depth. Items that are only a
document part's name (结语, 参考文献) are headings, not measures.
"""

from __future__ import annotations

import re

from healthdigest.model import Article, Measure

_NUMERALS = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)}
# A marker opens an item at the start of a paragraph or right after a sentence or clause ends.
_MARK = re.compile(
    r"(?:^|(?<=[。；;！!？?：:”]))\s*"
    r"(?P<mark>(?P<shi>[一二三四五六七八九十]{1,3})是"
    r"|[（(](?P<paren>[一二三四五六七八九十]{1,3})[）)]"
    r"|[（(](?P<pnum>\d{1,2})[）)]"
    r"|(?P<dun>[一二三四五六七八九十]{1,3})、"
    r"|(?P<arabic>\d{1,2})(?:[.、．](?!\d)|\s))"
)
_KINDS = ("shi", "paren", "pnum", "dun", "arabic")
_HEAD_END = re.compile(r"[。；;！!？?]")
# Names of a document's parts, numbered like items but not measures.
_PART_NAME = re.compile(r"^(?:结语|结论|小结|总结|前言|引言|背景|概述|讨论|参考文献|附录|附件|致谢)[:：]?$")


def _ordinal(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if len(text) == 1:
        return _NUMERALS.get(text)
    if len(text) == 2 and text[0] == "十":
        return 10 + _NUMERALS.get(text[1], 0)
    if len(text) == 2 and text[1] == "十":
        return _NUMERALS.get(text[0], 0) * 10
    return None


def _head(text: str) -> str:
    """An item's head: its first sentence, whole (the end mark left off)."""
    end = _HEAD_END.search(text)
    return (text[: end.start()] if end else text).strip()


def find_measures(article: Article) -> list[Measure]:
    """The enumerated items of an article, runs of two or more, in order, with level and lines."""
    marks: list[tuple[str, int, str, str, int]] = []  # (kind, ordinal, head, marker, paragraph)
    for p_index, para in enumerate(article.paragraphs):
        text = para.text
        for m in _MARK.finditer(text):
            kind = next(k for k in _KINDS if m.group(k))
            number = _ordinal(m.group(kind))
            head = _head(text[m.end() :])
            if number and len(head) >= 2:
                marks.append((kind, number, head, m.group("mark").strip(), p_index))
    # One open run per kind of marker, so a （一）（二） list keeps its place while an
    # 一是、二是 list runs inside an item of it. Items come out in reading order.
    open_runs: dict[str, list[int]] = {}  # kind -> positions (in marks) of its items
    kept: list[int] = []
    for position, (kind, number, *_rest) in enumerate(marks):
        current = open_runs.get(kind)
        if number == 1:
            if current and len(current) >= 2:
                kept += current
            open_runs[kind] = [position]
        elif current and number == len(current) + 1:
            current.append(position)
    kept += [p for run in open_runs.values() if len(run) >= 2 for p in run]
    out: list[Measure] = []
    stack: list[str] = []  # kinds of the items that enclose the current one, outermost first
    seen: set[str] = set()
    for p in sorted(kept):
        kind, _, head, marker, p_index = marks[p]
        if kind in stack:
            del stack[stack.index(kind) + 1 :]
        else:
            stack.append(kind)
        if _PART_NAME.match(head) or head in seen:
            continue
        seen.add(head)
        out.append(Measure(head, level=len(stack), marker=marker, paragraph=p_index, lines=article.paragraphs[p_index].lines))
    return out

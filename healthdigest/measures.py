"""Enumerated measures: policy texts list what they will do as 一是…二是…, （一）…（二）…, 1.…2.….

An article's measures are the heads of such items: from the marker to the end of the first
sentence or clause, in order. Only runs of two or more consecutive ordinals count; a lone
"一是" is a phrase, not a list.
"""

from __future__ import annotations

import re

from healthdigest.model import Article

_NUMERALS = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)}
# A marker opens an item at the start of a paragraph or right after a sentence or clause ends.
_MARK = re.compile(
    r"(?:^|(?<=[。；;！!？?：:”]))\s*"
    r"(?P<mark>(?P<shi>[一二三四五六七八九十]{1,3})是"
    r"|[（(](?P<paren>[一二三四五六七八九十]{1,3})[）)]"
    r"|(?P<dun>[一二三四五六七八九十]{1,3})、"
    r"|(?P<arabic>\d{1,2})(?:[.、．](?!\d)|\s))"
)
_HEAD_END = re.compile(r"[。；;！!？?]")
MAX_ITEM = 40  # characters of an item's head shown in a list
MAX_ITEMS = 12


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
    """An item's head: its first sentence, cut at a clause break when long."""
    end = _HEAD_END.search(text)
    head = text[: end.start()] if end else text
    if len(head) > MAX_ITEM:
        cuts = [m.start() for m in re.finditer(r"[，、：:,]", head[: MAX_ITEM + 1])]
        head = head[: cuts[-1]] if cuts and cuts[-1] >= 6 else head[:MAX_ITEM] + "…"
    return head.strip()


def find_measures(article: Article) -> list[str]:
    """The heads of the enumerated items of an article, runs of two or more, in order."""
    marks: list[tuple[str, int, str]] = []  # (kind, ordinal, head)
    for para in article.paragraphs:
        text = para.text
        for m in _MARK.finditer(text):
            kind = next(k for k in ("shi", "paren", "dun", "arabic") if m.group(k))
            number = _ordinal(m.group(kind))
            head = _head(text[m.end() :])
            if number and len(head) >= 2:
                marks.append((kind, number, head))
    # One open run per kind of marker, so a （一）（二） list keeps its place while an
    # 一是、二是 list runs inside an item of it. Items come out in reading order.
    open_runs: dict[str, list[int]] = {}  # kind -> positions (in marks) of its items
    kept: list[int] = []
    for position, (kind, number, _) in enumerate(marks):
        current = open_runs.get(kind)
        if number == 1:
            if current and len(current) >= 2:
                kept += current
            open_runs[kind] = [position]
        elif current and number == len(current) + 1:
            current.append(position)
    kept += [p for run in open_runs.values() if len(run) >= 2 for p in run]
    out = [marks[p][2] for p in sorted(kept)]
    seen: set[str] = set()
    unique = [h for h in out if not (h in seen or seen.add(h))]
    return unique[:MAX_ITEMS]

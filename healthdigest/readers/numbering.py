"""Word's automatic numbering, rendered as printed: the 一、 （一） 1. a list paragraph shows.

Word keeps list labels out of the paragraph's text: numbering.xml says, per list and level,
the counter's format (decimal, Chinese counting, circled…), its start and the label pattern
(`%1、`, `（%2）`). A 公文 whose heads are numbered this way would otherwise lose the very marks
(一、 （一）) its structure is read by.
"""

from __future__ import annotations

from dataclasses import dataclass

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DIGITS = "零一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"  # the 大写 numerals of financial and legal texts
_BULLETS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf076": "❖", "\uf0fc": "✓", "o": "◦"}


def chinese(n: int, digits: str = _DIGITS, ten: str = "十") -> str:
    """一 … 九十九 as counted in Chinese lists; larger numbers as digits (lists rarely go there)."""
    if not 0 < n < 100:
        return str(n)
    tens, units = divmod(n, 10)
    if not tens:
        return digits[units]
    return ("" if tens == 1 else digits[tens]) + ten + (digits[units] if units else "")


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def _letters(n: int) -> str:
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_counter(n: int, fmt: str) -> str:
    if fmt == "chineseLegalSimplified":
        return chinese(n, _LEGAL, "拾")
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "ideographDigital"):
        return chinese(n)
    if fmt == "ideographTraditional":  # 甲乙丙丁…
        return "甲乙丙丁戊己庚辛壬癸"[(n - 1) % 10]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("none", "bullet"):
        return ""
    return str(n)  # decimal, decimalFullWidth and anything unknown


@dataclass(frozen=True)
class _Level:
    start: int
    fmt: str
    text: str


class Numbering:
    """Counters of a document's lists, giving each numbered paragraph its label in turn."""

    def __init__(self, numbering_element) -> None:
        abstract: dict[str, dict[int, _Level]] = {}
        self.lists: dict[str, dict[int, _Level]] = {}
        if numbering_element is None:
            return
        for node in numbering_element.iter(f"{W}abstractNum"):
            abstract[node.get(f"{W}abstractNumId")] = self._levels(node)
        for node in numbering_element.iter(f"{W}num"):
            ref = node.find(f"{W}abstractNumId")
            levels = dict(abstract.get(ref.get(f"{W}val") if ref is not None else "", {}))
            for override in node.iter(f"{W}lvlOverride"):
                ilvl = int(override.get(f"{W}ilvl", "0"))
                start = override.find(f"{W}startOverride")
                lvl = override.find(f"{W}lvl")
                if lvl is not None:
                    levels.update(self._levels(node, only=override))
                elif start is not None and ilvl in levels:
                    old = levels[ilvl]
                    levels[ilvl] = _Level(int(start.get(f"{W}val", "1")), old.fmt, old.text)
            self.lists[node.get(f"{W}numId")] = levels
        self.counters: dict[str, dict[int, int]] = {}

    @staticmethod
    def _levels(node, only=None) -> dict[int, _Level]:
        out = {}
        for lvl in (only if only is not None else node).iter(f"{W}lvl"):
            def val(tag: str, default: str, lvl=lvl) -> str:
                el = lvl.find(f"{W}{tag}")
                return el.get(f"{W}val", default) if el is not None else default

            out[int(lvl.get(f"{W}ilvl", "0"))] = _Level(int(val("start", "1")), val("numFmt", "decimal"), val("lvlText", ""))
        return out

    def label(self, num_id: str, ilvl: int) -> str:
        """The label of the next paragraph of list `num_id` at level `ilvl` ('' if none)."""
        levels = self.lists.get(num_id)
        if not levels or num_id == "0" or ilvl not in levels:
            return ""
        counts = self.counters.setdefault(num_id, {})
        counts[ilvl] = counts.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]  # a new item restarts the lists inside the previous one
        level = levels[ilvl]
        if level.fmt == "bullet":
            return "".join(_BULLETS.get(ch, ch) for ch in level.text)
        text = level.text
        for k in range(ilvl, -1, -1):
            if f"%{k + 1}" in text:
                lvl_k = levels.get(k, level)
                text = text.replace(f"%{k + 1}", format_counter(counts.get(k, lvl_k.start), lvl_k.fmt))
        return text

"""Markdown: YAML front matter (title, date, author…) and `#` headings.

The front matter between two `---` fences at the top says what the document is: its title,
date, author, issue. Headings split the text into articles: the articles are at the highest
heading level used more than once, so a single `# 文件标题` over several `## 文章` is the
document's title, and deeper headings are subheadings inside an article. Without headings the
text is one article named by the front matter's title. Inline links keep their text.
"""

from __future__ import annotations

import re

from healthdigest.structure import lines as L
from healthdigest.structure import patterns as P
from healthdigest.structure.layouts import Layout
from healthdigest.structure.layouts.headings import Heading, split_at_headings
from healthdigest.structure.reader import Reader, iso_date

FRONT_LIMIT = 40  # lines: front matter is a short block of fields, not a document
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_ATTRS = re.compile(r"\s*\{[#.][^}]*\}$")  # {#anchor} after a heading
_QUOTE = re.compile(r"^(?:>\s*)+")
_BULLET = re.compile(r"^[-*+]\s+")  # numbered items keep their numbers: 1. 2. are the text's own
_EMPHASIS = re.compile(r"(?<![*_\w])[*_](\S(?:[^*_]*\S)?)[*_](?![*_\w])")
_RULE = re.compile(r"^(?:[-*_]\s*){3,}$|^={3,}$")
# Front matter keys that name the same thing, in English and Chinese.
_KEYS = {
    "title": "title",
    "标题": "title",
    "题目": "title",
    "date": "date",
    "日期": "date",
    "发布日期": "date",
    "published": "date",
    "author": "author",
    "作者": "author",
    "authors": "author",
    "issue": "issue",
    "期号": "issue",
    "文号": "issue",
    "publisher": "publisher",
    "source": "publisher",
    "来源": "publisher",
    "发布单位": "publisher",
}


def evidence(tagged: list[L.Tagged]) -> float:
    if _front_matter_end(tagged) is not None:
        return 5.0
    heads = sum(1 for t in tagged if P.MD_HEADING.match(t.text))
    # Several `#` headings, or one opening the file: no other genre writes a line so.
    opens = bool(tagged) and P.MD_HEADING.match(tagged[0].text) is not None
    return 3.0 if heads >= 2 or opens else 0.0


def _front_matter_end(tagged: list[L.Tagged]) -> int | None:
    """The index of the closing fence of front matter opening the file, or None."""
    if not tagged or tagged[0].no != 1 or not P.MD_FENCE.match(tagged[0].text):
        return None
    for k, t in enumerate(tagged[1:FRONT_LIMIT], start=1):
        if P.MD_FENCE.match(t.text):
            return k if k > 1 else None
        if not (
            P.MD_FRONT_FIELD.match(t.text)
            or t.text.startswith("- ")
            or re.match(r"^[\w\u4e00-\u9fff]+\s*[:：]", t.text)
        ):
            return None
    return None


def split(r: Reader, start: int) -> None:
    start = _read_front_matter(r, start)
    heads = {
        i: Heading(len(m.group(1)), _heading(m))
        for i, b in r.unplaced(start)
        if b.kind == L.TEXT and (m := P.MD_HEADING.match(b.text))
    }
    _read_issue_line(r, start, heads)
    split_at_headings(r, start, heads, other=_rule)
    for art in r.bulletin.articles:
        for p in art.paragraphs:
            if m := P.MD_HEADING.match(p.text):
                p.text, p.kind = _heading(m), "subheading"
            else:
                p.text = _inline(p.text)
        _closing_source(r, art)


def _closing_source(r: Reader, art) -> None:
    """A last line that, without its emphasis, is a 来源： line (*来源：市爱卫办*) credits the article."""
    body = art.paragraphs
    if body and (m := P.SOURCE.match(body[-1].text)):
        last = body.pop()
        art.source = art.source or m.group(1).strip()
        r.bulletin.line_roles.update((no, "source") for no in last.lines)


ISSUE_IN_LINE = re.compile(r"(?:\d{4}\s*年\s*)?第\s*\d{1,4}\s*期(?:\s*[（(]\s*总第\s*\d{1,5}\s*期\s*[）)])?")
ISSUE_LINE_MAX = 80  # characters: a line of issue, publisher and date, not a paragraph


def _read_issue_line(r: Reader, start: int, heads: dict[int, Heading]) -> None:
    """Under a document title that is the only heading of its level (# 工作简讯 over ## stories),
    short lines naming the issue or the date (**2025年第2期**　某所　2025年2月28日) are the
    masthead's, as front matter would have said it."""
    if not heads:
        return
    top = min(heads)
    level = heads[top].level
    if any(k != top and h.level <= level for k, h in heads.items()):
        return
    meta = r.bulletin.metadata
    for i, b in r.unplaced(top + 1):
        text = _inline(b.text)
        issue, date = ISSUE_IN_LINE.search(text), P.ISO_DATE.search(text)
        if i in heads or b.kind != L.TEXT or len(text) > ISSUE_LINE_MAX or not (issue or date):
            break
        r.take(i, "metadata")
        if issue and meta.issue is None and (m := P.ISSUE.match(re.sub(r"\s+", "", issue.group(0)))):
            meta.issue = issue.group(0)
            meta.number = P.cn_number(m.group("number"))
            meta.total_number = P.cn_number(m.group("total")) if m.group("total") else None
        if date and meta.date is None:
            meta.date = iso_date(*date.groups())


def _rule(r: Reader, i: int, b: L.Block) -> bool:
    """A horizontal rule (---, ***) is layout, not text."""
    if not _RULE.match(b.text):
        return False
    r.drop(i, "Markdown rule")
    return True


def _heading(m: re.Match) -> str:
    return _inline(_ATTRS.sub("", m.group(2))).strip()


def _inline(text: str) -> str:
    """Text without Markdown's marks: quote and bullet marks, emphasis, code ticks, link targets."""
    text = _BULLET.sub("", _QUOTE.sub("", text))
    return _LINK.sub(r"\1", _EMPHASIS.sub(r"\1", text.replace("`", "")))


def _read_front_matter(r: Reader, start: int) -> int:
    """Front matter fields into the metadata; returns the first block after the closing fence."""
    blocks = r.blocks
    if start != 0 or not blocks or blocks[0].lines[0] != 1 or not P.MD_FENCE.match(blocks[0].text):
        return start
    end = next((k for k in range(1, min(len(blocks), FRONT_LIMIT)) if P.MD_FENCE.match(blocks[k].text)), None)
    if end is None:
        return start
    meta = r.bulletin.metadata
    for k in range(end + 1):
        b = r.take(k, "metadata")
        m = re.match(r"^([^:：]+?)\s*[:：]\s*(.*)$", b.text)
        if not m:
            continue
        key, value = _KEYS.get(m.group(1).strip().lower()), m.group(2).strip().strip("\"'")
        if not key or not value:
            continue
        if key == "date":
            if d := P.ISO_DATE.search(value):
                meta.date = iso_date(*d.groups())
        elif key == "publisher":
            meta.publisher.append(value)
        elif key == "issue" and (issue := P.ISSUE.match(value)):
            meta.issue = value
            meta.number = P.cn_number(issue.group("number"))
            meta.total_number = P.cn_number(issue.group("total")) if issue.group("total") else None
        else:
            setattr(meta, key, value)
    return end + 1


LAYOUT = Layout("markdown", evidence, split)

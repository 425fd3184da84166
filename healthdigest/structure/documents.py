"""Several documents in one file: a 文件汇编 of 公文, or bulletins concatenated one after another.

A file is cut where a new document evidently begins: a new 公文 head (marks, header, 文号,
title, 主送) after the previous 公文 was signed and dated; or the opening of the file (its
masthead, 目录 head or issue line) printed again after a stretch of body text. Each part is then
read on its own and the parts' articles are put together in order.
"""

from __future__ import annotations

import re
from dataclasses import replace

from healthdigest.model import Bulletin, Dropped
from healthdigest.structure import lines as L
from healthdigest.structure.front import read_contents, read_masthead
from healthdigest.structure import patterns as P
from healthdigest.structure.layouts import official
from healthdigest.structure.reader import Reader
from healthdigest.textutil import fold

# Lines of running text a document must have had before the same opening, printed again, can
# start a new one (a masthead title quoted in a story is no new bulletin).
MIN_BODY_LINES = 3
# Kinds of line that open a bulletin (its masthead's issue or date, its 要点 or 目录 head) or a
# saved web page (breadcrumbs, the 发布时间 line under its title).
_OPENING_KINDS = (L.ISSUE, L.DATE, L.CONTENTS_HEAD, L.HIGHLIGHTS_HEAD, L.TOC_DOTTED, L.TOC_ARROW, L.CRUMB, L.WEBMETA)
OPENING_REACH = 12  # lines: the repeated opening must lead to one of those kinds this soon


def split_documents(tagged: list[L.Tagged]) -> list[list[L.Tagged]]:
    """The file's lines cut into documents (the front matter first, when there is one); one
    part when the file holds one document."""
    front, parts = cut_documents(tagged)
    return ([front] if front else []) + parts


def cut_documents(tagged: list[L.Tagged]) -> tuple[list[L.Tagged] | None, list[list[L.Tagged]]]:
    """The front matter of a 文件汇编 (cover and 目录 before its first 公文), if any, and the
    documents the file holds, each a list of its lines."""
    whole = tagged
    # A line printed over every page of a 文件汇编 (an authority's header) may be each document's
    # own first line: documents are found before running heads are marked, per document.
    tagged = [_unmarked(t) for t in tagged]
    starts = official_starts(tagged) or repeated_openings(tagged)
    # Lines before the first start (page marks, a cover) go with the first document; a 目录
    # among them makes them the file's front matter.
    front = tagged[: starts[0]] if starts and starts[0] and has_front(tagged[: starts[0]]) else None
    if len(starts) <= 1 and front is None:
        return None, [whole]
    bounds = [starts[0] if front else 0, *starts[1:], len(tagged)]
    # The collection's name over every page stays a running head: it is no document's own line,
    # and a document of a page or two prints it too few times to be found again in it alone.
    tagged = [w if w.kind == L.RUNNING and P.COLLECTION.search(w.text) else t for t, w in zip(tagged, whole, strict=True)]
    return front, [tagged[a:b] for a, b in zip(bounds, bounds[1:], strict=False) if a < b]


def _unmarked(t: L.Tagged) -> L.Tagged:
    if t.kind != L.RUNNING:
        return t
    kind, data = L.classify(t.text)
    return replace(t, kind=kind, data=data)


def page_breaks(text: str) -> set[int]:
    """The numbers of the lines where a form feed starts a new page."""
    return {no for no, raw in enumerate(re.split(r"\r\n|\r|\n", text), start=1) if "\f" in raw}


def official_starts(tagged: list[L.Tagged]) -> list[int]:
    """Where each 公文 of a 文件汇编 begins: a head after the previous one was signed and dated.

    A head right after a 附件 line opens an attachment of the previous 公文, not a new one.
    """
    first = _first_head(tagged)
    if first is None:
        return []
    starts = [first.start]
    head = first
    while True:
        tail = official.read_tail(tagged, head.body)
        # Signed and dated, or closed by its colophon (a 纪要 is signed by no one).
        closed = tail.date_item if tail.date_item is not None else (tail.end - 1 if tail.colophon is not None else None)
        if closed is None:
            break
        nxt = None
        for k in range(closed + 1, len(tagged)):
            if tagged[k].kind == L.PAGE or not _may_open(tagged, k):
                continue
            found = official.read_head(tagged, k)
            if found is not None and (found.addressee or found.issue or "关于" in found.title_text(tagged)):
                nxt = found
                break
        if nxt is None:
            break
        if not _named_in(head.title_text(tagged), nxt.title_text(tagged)):
            starts.append(nxt.start)
        # else the 公文 a 转发/印发 notice names in its title, printed after it: part of that notice
        head = nxt
    return starts


def _named_in(title: str, other: str) -> bool:
    """Whether `title` names the document `other` in a book title (关于转发《…的通知》的通知)."""
    return any(fold(name) == fold(other) for name in re.findall(r"《([^》]+)》", title))


def _first_head(tagged: list[L.Tagged]) -> official.Head | None:
    """The first 公文 head: at the top of the file, or after the front matter of a 文件汇编 (a
    cover naming the collection, its compiler and date, a 目录), in which no prose stands."""
    in_contents = False
    for k in range(len(tagged)):
        if k >= FRONT_LIMIT or official.is_prose(tagged[k].text):
            return None
        if _table_value(tagged, k):
            continue
        in_contents = in_contents or tagged[k].kind == L.CONTENTS_HEAD
        head = official.read_head(tagged, k)
        if head is not None and (head.addressee or head.issue):
            return head
        if head is not None and not in_contents:
            return None
        # An entry of a 目录 reads like a title (关于印发…的通知): the documents come after it.
    return None


def _table_value(tagged: list[L.Tagged], k: int) -> bool:
    """Line k is the value of a 政府信息公开 table's field whose label stands alone above it
    (标　题： / 关于…的通知): the page's table names the document, it is not the document's head."""
    if k == 0:
        return False
    label = P.GOV_INFO_PAIR.fullmatch(tagged[k - 1].text)
    return label is not None and not label.group(2).strip()


FRONT_LIMIT = 80  # lines: a 文件汇编's cover and 目录 (a long 目录 runs over a few pages)


def has_front(part: list[L.Tagged]) -> bool:
    """Whether lines hold a 文件汇编's front matter: a 目录 (head or entries) and no prose."""
    return any(t.kind in (L.CONTENTS_HEAD, L.TOC_DOTTED, L.TOC_ARROW) for t in part) and not any(
        official.is_prose(t.text) for t in part
    )


def _may_open(tagged: list[L.Tagged], k: int) -> bool:
    """A line a new document may open with: not inside an attachment (附件 above it)."""
    prev = k - 1
    while prev >= 0 and tagged[prev].kind == L.PAGE:
        prev -= 1
    return (prev < 0 or not P.ATTACHMENT_HEAD.match(tagged[prev].text)) and not _table_value(tagged, k)


def repeated_openings(tagged: list[L.Tagged]) -> list[int]:
    """Where the file's opening is printed again after a stretch of body: concatenated bulletins.

    The opening is the first line that is not a page mark; a later line with the same text opens
    a new document when it, or a line soon after it, is a masthead's issue or date or a 要点 or
    目录 head, and the document before it had running text of its own.
    """
    first = next((k for k, t in enumerate(tagged) if t.kind != L.PAGE), None)
    if first is None:
        return []
    opening = _squeezed(tagged[first].text)
    starts = [first]
    text_lines = 0
    for k in range(first + 1, len(tagged)):
        t = tagged[k]
        if _squeezed(t.text) == opening and text_lines >= MIN_BODY_LINES and _opens_bulletin(tagged, k, starts[0]):
            starts.append(k)
            text_lines = 0
        elif t.kind == L.TEXT:
            text_lines += 1
    return starts if len(starts) > 1 else []


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _opens_bulletin(tagged: list[L.Tagged], k: int, first: int) -> bool:
    """The lines from k on open a document as the file's first lines do: a masthead issue,
    目录 head or breadcrumb soon, and the same kinds of line in the same order (a running page
    header, printed again over body text, is followed by text instead)."""
    reach = tagged[k : k + OPENING_REACH]
    return any(t.kind in _OPENING_KINDS for t in reach) and _kinds(tagged, k) == _kinds(tagged, first)


def _kinds(tagged: list[L.Tagged], k: int, n: int = 4) -> list[str]:
    return [t.kind for t in tagged[k : k + OPENING_REACH] if t.kind != L.PAGE][:n]


def read_front(part: list[L.Tagged], *, path: str, encoding: str) -> Bulletin:
    """A 文件汇编's front matter: the cover (the collection's title, compiler, date) and the 目录.
    It has no article; what is neither masthead nor 目录 is dropped as the cover's."""
    bulletin = Bulletin(path=path, encoding=encoding, layout="official")
    blocks, pages = L.repair(part, None)
    bulletin.dropped.extend(Dropped(t.no, t.text, "page marker") for t in pages)
    bulletin.line_roles.update((t.no, "dropped") for t in pages)
    r = Reader(blocks, bulletin)
    start = read_masthead(r, layout="newsletter")
    _start, bulletin.contents = read_contents(r, start)
    # A cover dated by month only (2024年12月, 二〇二五年一月) names no publisher.
    meta = bulletin.metadata
    meta.publisher = [p for p in meta.publisher if not COVER_MONTH.fullmatch(p)]
    for i in range(len(blocks)):
        if i not in r.used:
            r.drop(i, "cover")
    return bulletin


COVER_MONTH = re.compile(
    rf"(?:\d{{4}}|[〇○零一二三四五六七八九]{{4}})\s*年(?:\s*(?:\d{{1,2}}|[{P.CN_NUMERAL}]{{1,3}})\s*月(?:份)?)?"
)


def merge_documents(parts: list[Bulletin], *, path: str, encoding: str) -> Bulletin:
    """The documents of one file as one bulletin: their articles in order, and the metadata
    only where every document prints the same (a 文件汇编's 公文 each have their own 文号) or
    where the front matter of the whole file prints it."""
    layouts = {p.layout for p in parts}
    merged = Bulletin(path=path, encoding=encoding, layout=layouts.pop() if len(layouts) == 1 else "compilation")
    for p in parts:
        merged.articles.extend(p.articles)
        merged.contents.extend(p.contents)
        merged.dropped.extend(p.dropped)
        merged.line_roles.update(p.line_roles)
        merged.declared_highlights.extend(h for h in p.declared_highlights if h not in merged.declared_highlights)
        merged.warnings.extend(w for w in p.warnings if w not in merged.warnings)
    meta = merged.metadata
    for name in ("title", "issue", "number", "total_number", "date", "author"):
        values = {getattr(p.metadata, name) for p in parts}
        if len(values) == 1:
            setattr(meta, name, values.pop())
    if meta.title is None and parts[0].metadata.title and all(p.metadata.title is None for p in parts[1:]):
        meta.title = parts[0].metadata.title  # a cover before the first document titles the whole file
    if not parts[0].articles:  # the front matter: what it prints is the whole file's
        front = parts[0].metadata
        for name in ("title", "issue", "number", "total_number", "date", "author"):
            setattr(meta, name, getattr(front, name) or getattr(meta, name))
        meta.publisher = front.publisher or meta.publisher
    publishers = [tuple(p.metadata.publisher) for p in parts]
    if len(set(publishers)) == 1:
        meta.publisher = list(publishers[0])
    merged.dropped.sort(key=lambda d: d.line)
    return merged

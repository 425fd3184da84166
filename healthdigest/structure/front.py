"""Front matter: the masthead (title, issue, date, publishers), the printed 要点 and the 目录."""

from __future__ import annotations

from healthdigest.model import ContentsEntry
from healthdigest.structure import lines as L
from healthdigest.structure import patterns as P
from healthdigest.structure.reader import Reader, abstract_text, iso_date

# Kinds of block that end a masthead: the front matter or the body has begun.
_AFTER_MASTHEAD = (L.HIGHLIGHTS_HEAD, L.CONTENTS_HEAD, L.SECTION, L.TOC_DOTTED, L.TOC_ARROW, L.BODY_START)
MASTHEAD_LIMIT = 12  # blocks: a masthead is the top of the first page


def read_masthead(r: Reader, *, layout: str) -> int:
    """Masthead, issue, publishers and date at the top; returns the first block after them."""
    meta, blocks = r.bulletin.metadata, r.blocks
    limit = min(len(blocks), MASTHEAD_LIMIT)
    end = -1
    for i in range(limit):
        b = blocks[i]
        if b.kind in _AFTER_MASTHEAD:
            break
        if b.kind in (L.ISSUE, L.DATE, L.PUBLISHER):
            end = i
        elif b.kind == L.TEXT and (len(b.text) > 40 or P.LEDE.match(b.text)):
            break
    if layout == "newsletter" and end < 0:
        # A newsletter whose top has no issue or date: its masthead runs to the first structure.
        end = next((i for i in range(limit) if blocks[i].kind != L.TEXT), 0) - 1
    for i in range(end + 1):
        b = blocks[i]
        if b.kind == L.ISSUE:
            _year, number, total = b.data
            meta.issue, meta.number = b.text, int(number)
            meta.total_number = int(total) if total else None
        elif b.kind == L.DATE:
            meta.date = iso_date(*b.data)
        elif b.kind == L.PUBLISHER:
            meta.publisher.append(b.data[0])
        elif b.kind == L.TEXT and meta.title is None:
            meta.title = b.text
        elif b.kind == L.TEXT:
            meta.publisher.append(P.PUBLISHER_SUFFIX.sub("", b.text) or b.text)
        else:
            r.drop(i, f"{b.kind} in the masthead")
            continue
        r.take(i, "metadata")
    return end + 1


def read_highlights(r: Reader, start: int) -> int:
    """The printed 要点 block: a head, then one item a line."""
    i = r.skip_used(start)
    if i >= len(r.blocks) or r.blocks[i].kind != L.HIGHLIGHTS_HEAD:
        return start
    r.take(i, "highlights")
    i += 1
    while i < len(r.blocks) and r.blocks[i].kind in (L.LIST_ITEM, L.TEXT) and len(r.blocks[i].text) <= 80:
        b = r.take(i, "highlights")
        r.bulletin.declared_highlights.append(b.data[0] if b.kind == L.LIST_ITEM else b.text)
        i += 1
    return i


def read_contents(r: Reader, start: int) -> tuple[int, list[ContentsEntry]]:
    """The 目录 / 本期视点 list: entries with section, page, source and 【提要】 abstract."""
    i = r.skip_used(start)
    blocks = r.blocks
    if i >= len(blocks) or blocks[i].kind not in (L.CONTENTS_HEAD, L.TOC_DOTTED, L.TOC_ARROW):
        return start, []
    if blocks[i].kind == L.CONTENTS_HEAD:
        r.take(i, "contents")
        i += 1
    entries: list[ContentsEntry] = []
    section = None
    pending_sections: list[int] = []
    while i < len(blocks):
        b = blocks[i]
        if b.kind == L.SECTION:
            section = b.data[0]
            pending_sections.append(i)
        elif b.kind == L.TOC_DOTTED:
            entries.append(ContentsEntry(b.data[0], section, b.data[1], line=b.lines[0]))
            pending_sections = []
        elif b.kind == L.TOC_ARROW:
            entries.append(_arrow_entry(b, section))
            pending_sections = []
        elif b.kind == L.ABSTRACT and entries:
            entries[-1].abstract = abstract_text(b)
            pending_sections = []
        elif b.kind == L.BODY_START:
            r.drop(i, "start of the body")
            i += 1
            break
        elif b.kind == L.TEXT and not entries:
            r.drop(i, "note to readers in the contents")
        else:
            break
        i += 1
    if not entries:
        return start, []
    # Section heads after the last entry open the body, they are not part of the contents.
    end = pending_sections[0] if pending_sections and pending_sections[-1] == i - 1 else i
    for j in range(start, end):
        if j not in r.used:
            r.take(j, "contents")
    return end, entries


def _arrow_entry(b: L.Block, section: str | None) -> ContentsEntry:
    text = P.TOC_ARROW.match(b.text).group(1)
    page = None
    if m := P.PAGE_REF.search(text):
        page = int(m.group(1))
        text = text[: m.start()].rstrip("-—– ")
    source = None
    if m := P.ARROW_SOURCE.search(text):
        source = m.group(1).strip()
        text = (text[: m.start()] + text[m.end() :]).strip()
    return ContentsEntry(text.strip(), section, page, source, line=b.lines[0])

"""Front matter: the masthead (title, issue, date, publishers), the printed 要点 and the 目录."""

from __future__ import annotations

import re

from healthdigest.model import ContentsEntry
from healthdigest.structure import lines as L
from healthdigest.structure import patterns as P
from healthdigest.structure.reader import Reader, abstract_text, iso_date
from healthdigest.textutil import SENTENCE_END, fold

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
        if b.kind in (L.ISSUE, L.DATE, L.PUBLISHER) or _publisher_dateline(b):
            end = i
        elif b.kind == L.TEXT and (len(b.text) > 40 or P.LEDE.match(b.text)):
            break
    if end >= 0:
        # Short lines after the issue or date and before the 要点 or 目录 head (the compiler's
        # name under the issue line) are the masthead's too.
        j = end + 1
        while j < limit and blocks[j].kind == L.TEXT and len(blocks[j].text) <= 30 and L.is_title_like(blocks[j].text):
            j += 1
        if j > end + 1 and j < len(blocks) and blocks[j].kind in (L.HIGHLIGHTS_HEAD, L.CONTENTS_HEAD, L.TOC_DOTTED, L.TOC_ARROW):
            end = j - 1
        elif j > end + 1 and len(blocks[end + 1].text) <= 30 and P.AUTHORITY.match(blocks[end + 1].text):
            end += 1  # the issuing office named under the issue and date: a publisher
    if layout == "newsletter" and end < 0:
        # A newsletter whose top has no issue or date: its masthead runs to the first structure.
        end = next((i for i in range(limit) if blocks[i].kind != L.TEXT), 0) - 1
    for i in range(end + 1):
        b = blocks[i]
        if b.kind == L.ISSUE and b.data[1] is None:
            # （总第156期） on a line of its own under the issue line: its running count.
            meta.total_number = int(b.data[2])
            meta.issue = f"{meta.issue}{b.text}" if meta.issue else b.text
        elif b.kind == L.ISSUE:
            _year, number, total = b.data
            meta.issue, meta.number = b.text, int(number)
            meta.total_number = int(total) if total else meta.total_number
        elif b.kind == L.DATE:
            meta.date = iso_date(*b.data)
            if meta.date is None:  # 2024年2月30日: said, not emitted
                r.bulletin.warnings.append(f"line {b.lines[0]}: {b.text}: not a calendar date; no date taken")
        elif b.kind == L.PUBLISHER:
            meta.publisher.append(P.STAFF_LABEL.split(b.data[0])[0].strip())  # not its 签发：李明
        elif b.kind == L.EDITOR:
            r.drop(i, "editor credit")  # 主编：王芳　签发：李明 names people, not the publisher
            continue
        elif b.kind == L.TEXT and P.CIRCULATION_MARK.match(b.text):
            r.drop(i, "circulation mark")  # 内部资料　注意保存 over the masthead names no one
            continue
        elif m := _publisher_dateline(b):
            # 某省卫生健康委员会办公室　　2025年4月16日: the publisher and the date on one line.
            meta.publisher.append(P.PUBLISHER_SUFFIX.sub("", m.group("who")).strip())
            meta.date = meta.date or iso_date(m.group("y"), m.group("m"), m.group("d"))
        elif b.kind == L.TEXT and meta.title is None:
            # A title set letter-spaced (卫 生 健 康 信 息) is read as one word.
            meta.title = _squeezed(b.text)
        elif b.kind == L.TEXT and _title_goes_on(r, i, meta.title):
            # A name set large over two lines (某省卫生健康委员会 / 工作简报): one title.
            meta.title += _squeezed(b.text)
        elif b.kind == L.TEXT:
            meta.publisher.append(P.PUBLISHER_SUFFIX.sub("", b.text) or b.text)
        else:
            r.drop(i, f"{b.kind} in the masthead")
            continue
        r.take(i, "metadata")
    return end + 1


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text) if P.LETTER_SPACED.match(text) else text


TITLE_LINE_MAX = 12  # characters: the second line of a masthead's name (工作简报)


def _title_goes_on(r: Reader, i: int, title: str) -> bool:
    """Block i, right under the masthead's first line, ends the periodical's name: a short line
    ending with what a periodical is called (简报, 动态, 参考), before the issue line."""
    b, before = r.blocks[i], r.blocks[i - 1] if i else None
    text = _squeezed(b.text)
    return (
        before is not None
        and _squeezed(before.text) == title
        and len(text) <= TITLE_LINE_MAX
        and P.PERIODICAL_NAME.search(text) is not None
        and not P.PERIODICAL_NAME.search(title)
    )


def _publisher_dateline(b: L.Block) -> re.Match | None:
    """某省卫生健康委员会办公室　2025年4月16日; a field's name before the date (发文日期 2019年…,
    施行日期) is a field table's row, not a publisher."""
    m = P.PUBLISHER_DATELINE.match(b.text) if b.kind == L.TEXT else None
    return None if m is None or P.LAW_FIELD.match(b.text) or m.group("who").rstrip().endswith(("日期", "时间")) else m


def read_highlights(r: Reader, start: int) -> int:
    """The printed 要点 block: a head, then one item a line."""
    i = r.skip_used(start)
    if i >= len(r.blocks) or r.blocks[i].kind != L.HIGHLIGHTS_HEAD:
        return start
    r.take(i, "highlights")
    i += 1
    # The items keep one shape: a bulleted list (- 项, ◎ 项, ★ 项) ends at the first line without
    # a bullet; a list without bullets at the first line that is not an item.
    bulleted = i < len(r.blocks) and _bullet_item(r.blocks[i]) is not None
    while i < len(r.blocks) and len(r.blocks[i].text) <= 80:
        b = r.blocks[i]
        item = _bullet_item(b)
        if bulleted and item is None or not bulleted and b.kind not in (L.LIST_ITEM, L.TEXT):
            break
        r.take(i, "highlights")
        # A numbered item (1.我市启动…) keeps its text, not its number.
        r.bulletin.declared_highlights.append(item or P.ENUM_MARK.sub("", b.text).strip())
        i += 1
    return i


def _bullet_item(b: L.Block) -> str | None:
    """The text of a bulleted 要点 item, without its bullet; None for any other line."""
    if b.kind == L.LIST_ITEM:
        return b.data[0]
    m = P.MARKED_TITLE.match(b.text) if b.kind in (L.TEXT, L.SECTION) else None
    return m.group(1).strip() if m else None


def read_contents(r: Reader, start: int) -> tuple[int, list[ContentsEntry]]:
    """The 目录 / 本期视点 list: entries with section, page, source and 【提要】 abstract.

    Under a 目录 head an entry may come without dotted leaders: the bare title, or the title
    and its page after a tab, spaces, （3） or …… 第3页. Such a 目录 ends where the body begins,
    which repeats its first section or entry; a part written 一、资讯前沿 among the entries is a
    section, as 【资讯前沿】 is."""
    i = r.skip_used(start)
    blocks = r.blocks
    if i >= len(blocks) or blocks[i].kind not in (L.CONTENTS_HEAD, L.TOC_DOTTED, L.TOC_ARROW):
        return start, []
    headed = blocks[i].kind == L.CONTENTS_HEAD
    while i < len(blocks) and blocks[i].kind == L.CONTENTS_HEAD:  # 目 / 录 broken over two lines
        r.take(i, "contents")
        i += 1
    entries: list[ContentsEntry] = []
    loose: list[tuple[ContentsEntry, bool]] = []  # entries read without leaders; page glued on?
    section = None
    pending_sections: list[int] = []
    seen: set[str] = set()  # folded sections and entries: the body repeats them
    wrap: int | None = None  # a line whose title goes on in the next entry
    while i < len(blocks):
        b = blocks[i]
        if b.kind == L.SECTION:
            if entries and fold(b.data[0]) in seen:
                break
            seen.add(fold(b.data[0]))
            section = b.data[0]
            pending_sections.append(i)
        elif b.kind == L.TOC_DOTTED:
            title, line = b.data[0], b.lines[0]
            if wrap is not None:  # the entry's title began on the line before
                title, line = blocks[wrap].text + title, blocks[wrap].lines[0]
                wrap = None
            entries.append(ContentsEntry(title, section, b.data[1], line=line))
            seen.add(fold(title))  # the body opens by repeating it: the 目录 ends there
            pending_sections = []
        elif wrap is None and _wraps_into_entry(blocks, i):
            wrap = i
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
        elif headed and (parsed := _loose_entry(b)) is not None:
            title, page, glued = parsed
            tagged = P.TAGGED_TITLE.match(title)  # 【工作动态】标题: the body's title under its column
            if fold(title) in seen or fold(b.text) in seen or (tagged and fold(tagged.group(2)) in seen):
                break  # the body has begun with an entry the 目录 listed
            if page is None and (rest := _wrapped_entry_rest(blocks, i, title)) is not None:
                title, page, glued = title + rest[0], rest[1], rest[2]
                r.take(i + 1, "contents")
                i += 1
            seen.update((fold(title), fold(b.text)))
            entry = ContentsEntry(title, section, page, line=b.lines[0])
            entries.append(entry)
            loose.append((entry, glued))
            pending_sections = []
        elif b.kind == L.TEXT and not entries:
            r.drop(i, "note to readers in the contents")
        elif b.kind in (L.TEXT, L.PAGE) and entries and entries[-1].page is None and P.BARE_PAGE_NUMBER.match(b.text):
            entries[-1].page = int(b.text)  # the page, set apart by a tab, stands on a line of its own
        else:
            break
        i += 1
    if not entries:
        return start, []
    # ▶标题（来源：健康报）……3: a dotted entry names its source, read off its line by lines.classify.
    sources = {b.lines[0]: b.data[2] for b in blocks if b.kind == L.TOC_DOTTED and b.data[2]}
    for e in entries:
        e.source = e.source or sources.get(e.line)
    entries = _sections_among_entries(entries, loose)
    # Section heads after the last entry open the body, they are not part of the contents.
    end = pending_sections[0] if pending_sections and pending_sections[-1] == i - 1 else i
    for j in range(start, end):
        if j not in r.used:
            r.take(j, "contents")
    return end, entries


def _wrapped_entry_rest(blocks: list[L.Block], i: int, title: str) -> tuple[str, int, bool] | None:
    """The rest of a 目录 entry wrapped over two lines (一、某局关于印发《某方案 / 》的通知  1):
    the next line carries the page, and it cannot be an entry of its own — the first line is
    numbered and it is not, or the first leaves a 《 or （ open."""
    if i + 1 >= len(blocks) or (parsed := _loose_entry(blocks[i + 1])) is None or parsed[1] is None:
        return None
    unclosed = any(title.count(o) > title.count(c) for o, c in ("《》", "（）", "“”"))
    numbered_alone = P.ENUM_MARK.match(title) and not P.ENUM_MARK.match(parsed[0])
    return parsed if unclosed or numbered_alone else None


def _wraps_into_entry(blocks: list[L.Block], i: int) -> bool:
    """A short unfinished line right over a dotted entry: the entry's title, wrapped."""
    b = blocks[i]
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    enumerated_part = P.ENUM_MARK.match(b.text) and len(P.ENUM_MARK.sub("", b.text)) <= SECTION_NAME_MAX
    return (
        b.kind == L.TEXT
        and not enumerated_part  # 一、资讯前沿 heads the entries, it is no title's first half
        and len(b.text) <= LOOSE_ENTRY_MAX
        and b.text[-1] not in SENTENCE_END
        and nxt is not None
        and nxt.kind == L.TOC_DOTTED
    )


# The longest 目录 entry read without leaders: a title, not a paragraph of the body.
LOOSE_ENTRY_MAX = 60


def _loose_entry(b: L.Block) -> tuple[str, int | None, bool] | None:
    """(title, page, page glued to the title) of a 目录 line without leaders, or None."""
    if b.kind not in (L.TEXT, L.LIST_ITEM, L.CHAPTER) or len(b.text) > LOOSE_ENTRY_MAX:
        return None
    text = b.data[0] if b.kind == L.LIST_ITEM else b.text
    title, page, glued = P.split_page_tail(text)
    if not L.is_title_like(title, max_len=LOOSE_ENTRY_MAX):
        return None
    return title, page, glued


def _sections_among_entries(entries: list[ContentsEntry], loose: list[tuple[ContentsEntry, bool]]) -> list[ContentsEntry]:
    """Undo a page read off a title ending in digits when the pages do not rise; make a short
    enumerated line without a page (一、资讯前沿), followed by entries, the section of those."""
    pages = [e.page for e, _ in loose if e.page is not None]
    if any(b < a for a, b in zip(pages, pages[1:], strict=False)):
        for e, glued in loose:
            if glued:
                e.title, e.page = f"{e.title}{e.page}", None
    loose_ids = {id(e) for e, _ in loose}
    out: list[ContentsEntry] = []
    section = None
    for k, e in enumerate(entries):
        name = P.ENUM_MARK.sub("", e.title).strip()
        nxt = entries[k + 1] if k + 1 < len(entries) else None
        if (
            id(e) in loose_ids
            and e.page is None
            and name != e.title
            and len(name) <= SECTION_NAME_MAX
            and nxt is not None
            and not P.ENUM_MARK.match(nxt.title)
        ):
            section = name
            continue
        if section is not None and e.section is None:
            e.section = section
        out.append(e)
    return out


SECTION_NAME_MAX = 12  # 资讯前沿, 各地动态: a column name is a few characters


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

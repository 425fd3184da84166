"""Long plans, laws and booklets: 第X章 chapters (and 序言/总则/附则) are the articles, 第X篇 parts
are their sections, the 目录 lists them, and the top of the first page says what the document
is, who issued it and when.

How a person reads one: the title and the note under it — （2016年10月25日 中共中央、国务院发布）,
（2019年12月28日第十三届全国人民代表大会常务委员会第十五次会议通过） — come first; then a 目录,
which is a run of chapter heads with no text between them (with or without page numbers, and
sometimes letter-spaced over several lines); then the chapters, each running from its head to
the next head. A chapter head printed in the 目录 and again in the body is the same chapter:
the body's copy, the one followed by text, opens the article.
"""

from __future__ import annotations

import re

from healthdigest.model import Article, ContentsEntry
from healthdigest.structure import lines as L
from healthdigest.structure import patterns as P
from healthdigest.structure.layouts import Layout
from healthdigest.structure.layouts.newsletter import match_title
from healthdigest.structure.layouts.plain import split_single
from healthdigest.structure.reader import Reader, iso_date, place
from healthdigest.textutil import fold

# The numbered heads a document is divided by, most common first: the first kind that runs
# 一, 二, 三 in the document is its articles (第一部分 总体要求 where a plan has no 章); the
# kinds that group chapters (第一篇 总体战略) are then sections, not articles.
UNIT_KINDS = ("章", "部分", "篇")
PART_KINDS = ("篇", "编", "部", "卷", "部分")
# Chapter heads in sequence that make a document a chaptered one: one or two 第X章 lines can
# be a cross-reference or a quotation; three numbered chapters in order are a structure.
MIN_CHAPTERS = 3
# Text between two heads that still leaves them in one 目录: a chapter's name on a line of its
# own, or letter-spaced pieces of it, never a paragraph.
TOC_GAP = 24
# 第一节 / 第一条 under a head: the body has begun, this is no part of the head's name.
# 附件 / 附录 / 附件：名词解释 / 附表1: what is attached after the last chapter, and its 目录 entry.
APPENDIX_HEAD = re.compile(r"^附\s*(?:件|录|表)\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})?\s*(?:[:：]\s*\S.{0,40})?$")
BODY_UNIT = re.compile(rf"^第\s*[{P.CN_NUMERAL}\d]+\s*[节条款]")


def evidence(tagged: list[L.Tagged]) -> float:
    """Three or more numbered chapters (第X章) rising in order, or a 目录 listing 一、二、三、
    parts: stronger than a newsletter's 目录, since a plan's 目录 may carry dotted leaders too."""
    if not (_unit_kind(tagged) or _enumerated_contents([(t.kind, t.text) for t in tagged])):
        return 0.0
    first = next((k for k, t in enumerate(tagged) if t.kind in (L.CHAPTER, L.CONTENTS_HEAD)), len(tagged))
    if any(P.ISSUING_NOTICE.search(t.text) for t in tagged[:first]):
        # A 公文 that issues the chaptered text (现印发给你们…): notice and text are one
        # document, the 公文's; the chapters are only its structure.
        return 2.0
    return 6.0


def _unit_kind(items) -> str | None:
    """The kind of numbered head (章, else 部分 or 篇) that divides the document into articles."""
    for kind in UNIT_KINDS:
        numbers = [t.data[1] for t in items if t.kind == L.CHAPTER and t.data[0] == kind and t.data[1]]
        rising = sum(1 for a, b in zip(numbers, numbers[1:], strict=False) if b == a + 1)
        if len(set(numbers)) >= MIN_CHAPTERS and rising >= MIN_CHAPTERS - 1:
            return kind
    return None


def _is_part(kind: str, unit: str) -> bool:
    """A head that groups the articles (第一篇 over 第一章…): a section."""
    return kind != unit and kind in PART_KINDS and UNIT_KINDS.index(unit) == 0




def _enumerated_contents(items: list[tuple[str, str]]) -> list[int]:
    """Indexes (into items) of the top-level entries of a 目录 that lists a plan's 一、二、三、
    parts: at least three, numbered in order, and most of its entries enumerated (a
    newsletter's 目录 may put 一、资讯前沿 between its titles, but its entries are titles)."""
    head = next((k for k, (kind, _) in enumerate(items) if kind == L.CONTENTS_HEAD), None)
    if head is None:
        return []
    entries, seen = [], set()
    for k in range(head + 1, len(items)):
        kind, text = items[k]
        if kind in (L.PAGE, L.RUNNING):
            continue
        title = _entry_title(kind, text)
        if title is None or fold(title) in seen:
            break
        seen.add(fold(title))
        entries.append((k, title))
    tops = [(k, t) for k, t in entries if P.PART_HEAD.match(t)]
    numbers = [P.cn_number(P.PART_HEAD.match(t).group(1)) for _, t in tops]
    enumerated = sum(1 for _, t in entries if P.PART_HEAD.match(t) or P.SUB_PART.match(t))
    in_order = numbers == list(range(1, len(numbers) + 1))
    if len(tops) >= MIN_CHAPTERS and in_order and enumerated * 2 >= len(entries):
        return [k for k, _ in tops]
    return []


def _entry_title(kind: str, text: str) -> str | None:
    """A 目录 line's title without its leaders and page, or None when it is no entry."""
    if kind not in (L.TOC_DOTTED, L.TEXT, L.CHAPTER, L.LIST_ITEM) or len(text) > 60:
        return None
    if m := P.TOC_DOTTED.match(text):
        return m.group(1).strip()
    text = P.split_page_tail(text)[0]
    return text if L.is_title_like(text, max_len=60) else None


def _heads(r: Reader, start: int) -> list[int]:
    """The chapter, part and 序言-like heads nothing has placed yet."""
    return [i for i, b in r.unplaced(start) if b.kind == L.CHAPTER]


def _is_gap(b: L.Block) -> bool:
    """Text that may stand between two heads of a 目录: a name, or a letter-spaced piece of one."""
    if b.kind not in (L.TEXT, L.LIST_ITEM, L.PAGE, L.NAV) or L.ends_terminal(b.text) or BODY_UNIT.match(b.text):
        return False
    return len(b.text) == 1 or L.is_title_like(b.text, max_len=TOC_GAP)  # 总 / 则, or 疫情控制


def _toc_runs(r: Reader, heads: list[int], unit: str) -> list[list[int]]:
    """Runs of chapter heads with nothing but name pieces between them: the 目录, or the 篇
    head right over its first chapter (a run of two, which is no 目录)."""
    runs: list[list[int]] = []
    listed: set[tuple] = set()
    for i in heads:
        key = _key(r.blocks[i])
        if (
            runs
            and all(_is_gap(r.blocks[j]) for j in range(runs[-1][-1] + 1, i) if j not in r.used)
            # A 目录 lists each head once: a head it already has is the body repeating it.
            and key not in listed
        ):
            runs[-1].append(i)
        else:
            runs.append([i])
            listed = set()
        listed.add(key)
    return [run for run in runs if sum(1 for i in run if r.blocks[i].data[0] == unit) >= MIN_CHAPTERS]


def _key(b: L.Block) -> tuple:
    """What identifies a head: 第三章 by its kind and number, 序言 by its folded name."""
    kind, number, name = b.data
    return (kind, number) if number else (kind, fold(name))


def _name(r: Reader, i: int, end: int) -> tuple[str, list[int]]:
    """A head's text with a letter-spaced name joined from the short lines after it."""
    b = r.blocks[i]
    pieces = [j for j in range(i + 1, end) if j not in r.used and r.blocks[j].kind in (L.TEXT, L.LIST_ITEM)]
    if not all(_is_gap(r.blocks[j]) for j in pieces):
        pieces = []
    text = re.sub(r"\s+", " ", b.text)
    if b.data[2] or not pieces:
        return text, []
    return f"{text} {''.join(r.blocks[j].text for j in pieces)}", pieces


def read_contents_run(r: Reader, run: list[int], stop: int, unit: str) -> list[ContentsEntry]:
    """The 目录: every head in the run (and the letter-spaced pieces of its name) is an entry."""
    entries, part = [], None
    first = run[0]
    # A letter-spaced 目 录 head stands just before the first entry.
    while first - 1 >= 0 and first - 1 not in r.used and _is_gap(r.blocks[first - 1]) and len(r.blocks[first - 1].text) <= 2:
        first -= 1
    if first - 1 >= 0 and first - 1 not in r.used and r.blocks[first - 1].kind == L.CONTENTS_HEAD:
        first -= 1
    spaced_head = r.blocks[first].text == "目"
    for k, i in enumerate(run):
        end = run[k + 1] if k + 1 < len(run) else stop
        if spaced_head:
            # The 录 of a letter-spaced 目 录 head can land among the entries' name pieces.
            for j in range(i + 1, end):
                if j not in r.used and r.blocks[j].text == "录":
                    r.take(j, "contents")
                    spaced_head = False
                    break
        text, page, _ = P.split_page_tail(_name(r, i, end)[0])  # 第一章 总则  1
        if _is_part(r.blocks[i].data[0], unit):
            part = text
            continue
        entries.append(ContentsEntry(text, part, page, line=r.blocks[i].lines[0]))
    for j in range(first, stop):
        if j not in r.used:
            r.take(j, "contents")
    return entries


def read_front(r: Reader, start: int, end: int, unit: str = "章") -> list[ContentsEntry]:
    """What stands above the first chapter: the title, the issuing note (date and issuing
    body), a legal database's field table, a 目录 with leaders and pages (returned); the rest
    is page furniture, dropped."""
    meta = r.bulletin.metadata
    title_parts: list[int] = []
    entries: list[ContentsEntry] = []
    part = None
    start = _read_promulgation(r, start, end)
    for i, b in r.unplaced(start):
        if i >= end:
            break
        text = b.text
        if b.kind == L.CONTENTS_HEAD:
            r.take(i, "contents")
        elif b.kind == L.TOC_DOTTED:
            r.take(i, "contents")
            head = P.CHAPTER.match(b.data[0])
            if head and _is_part(head.group(2), unit):
                part = b.data[0]
            else:
                entries.append(ContentsEntry(b.data[0], part, b.data[1], line=b.lines[0]))
        elif m := P.LAW_FIELD.match(text):
            field, value = m.group(1), m.group(2).strip()
            if field in ("发文机关", "颁布机关", "制定机关", "发布机关") and value:
                meta.publisher.append(value)
            elif field in ("发文日期", "颁布日期", "公布日期") and (d := P.ISO_DATE.search(value)):
                meta.date = iso_date(*d.groups())
            elif field.replace(" ", "") in ("发文字号", "文号") and value:
                meta.issue = value
            r.take(i, "metadata")
        elif (m := P.ISSUED_NOTE.match(text)) and P.ISSUED_VERB.search(_note_text(r, i, end)):
            _read_note(r, i, end)
        elif b.kind == L.DATE and meta.date is None:
            meta.date = iso_date(*b.data)
            r.take(i, "metadata")
        elif b.kind in (L.TEXT, L.CHAPTER) and meta.title is None and L.is_title_like(text, max_len=60):
            title_parts.append(i)
            if text.count("《") <= text.count("》") and not _wrapped(r, i, end):
                _set_title(r, title_parts)
                title_parts = []
        elif title_parts:
            _set_title(r, title_parts)
            title_parts = []
            r.drop(i, f"{b.kind} above the first chapter")
        elif b.kind == L.SOURCE:
            r.take(i, "source")
        else:
            r.drop(i, f"{b.kind} above the first chapter")
    if title_parts:
        _set_title(r, title_parts)
    return entries


def _read_promulgation(r: Reader, start: int, end: int) -> int:
    """The order or 公告 that promulgates a law or regulation, printed over it (中华人民共和国主席令
    第十二号 / 《…法》已由…通过，现予公布 / signature and date): the document is the law, whose
    title stands over its adoption note. The order's number is the issue; its lines are said
    to be the promulgation. Returns where the law's own title begins (`start` if no order)."""
    unplaced = [i for i, _ in r.unplaced(start) if i < end]
    note = next((k for k, i in enumerate(unplaced) if P.ISSUED_NOTE.match(r.blocks[i].text)), None)
    if note is None or note < 2:
        return start
    title = note - 1
    if note >= 3 and _wrapped(r, unplaced[note - 2], end):
        title = note - 2  # the law's title wrapped over two lines
    above = [r.blocks[i] for i in unplaced[:title]]
    if not L.is_title_like(r.blocks[unplaced[title]].text, max_len=60) or not any(
        P.PROMULGATES.search(b.text) for b in above
    ):
        return start
    meta = r.bulletin.metadata
    order = [k for k, b in enumerate(above[:2]) if P.ORDER.match(re.sub(r"\s+", "", b.text))]
    if order and meta.issue is None:
        meta.issue = "".join(re.sub(r"\s+", "", above[k].text) for k in order)
    for k, i in enumerate(unplaced[:title]):
        if k in order:
            r.take(i, "metadata")
        else:
            r.drop(i, "promulgation above the law")
    return unplaced[title]


def _wrapped(r: Reader, i: int, end: int) -> bool:
    """The heading goes on on the next line: a short title-like line, not a note or a field."""
    nxt = next((j for j, _ in r.unplaced(i + 1)), end)
    if nxt >= end:
        return False
    b = r.blocks[nxt]
    if L.other_type(r.blocks[i].hint, b.hint):
        return False  # the original sets it in another size: the issuer under the title
    return b.kind == L.TEXT and len(b.text) <= 12 and L.is_title_like(b.text) and not P.ISSUED_NOTE.match(b.text)


def _set_title(r: Reader, parts: list[int]) -> None:
    text = "".join(r.take(i, "metadata").text for i in parts)
    if m := P.ISSUES_PLAN.search(text):
        text = m.group(1)  # the heading issues a plan: the document is the plan
    r.bulletin.metadata.title = text


def _note_rest(r: Reader, i: int, end: int) -> int | None:
    """The line that closes a note wrapped over two: （2024年5月30日…人民代表 / 大会…通过）."""
    text = r.blocks[i].text
    if text.count("（") + text.count("(") <= text.count("）") + text.count(")"):
        return None
    nxt = next((j for j, _ in r.unplaced(i + 1)), end)
    if nxt < end and r.blocks[nxt].kind == L.TEXT and r.blocks[nxt].text.endswith(("）", ")")) and len(r.blocks[nxt].text) <= 60:
        return nxt
    return None


def _note_text(r: Reader, i: int, end: int) -> str:
    rest = _note_rest(r, i, end)
    return r.blocks[i].text + (r.blocks[rest].text if rest is not None else "")


def _read_note(r: Reader, i: int, end: int | None = None) -> None:
    """（2016年10月25日 中共中央、国务院发布）: the date (the latest, for a law adopted and then
    revised) and, when the note names one, the issuing body."""
    meta = r.bulletin.metadata
    rest = _note_rest(r, i, end) if end is not None else None
    text = r.take(i, "metadata").text + (r.take(rest, "metadata").text if rest is not None else "")
    dates = [iso_date(*d) for d in P.ISO_DATE.findall(text)]
    dates = [d for d in dates if d]
    if dates:
        meta.date = max(dates)
    m = P.ISSUED_NOTE.match(text)
    body = re.sub(r"\s+", "", m.group(4)) if m else ""
    if body.endswith(("发布", "印发")) and 2 <= len(body) - 2 <= 30 and not meta.publisher:
        meta.publisher.append(body[:-2])


def split(r: Reader, start: int) -> None:
    """Each chapter from its head to the next head; 篇 heads set the section."""
    unit = _unit_kind(r.blocks[start:])
    if unit is None:
        split_parts(r, start)
        return
    heads = _heads(r, start)
    runs = _toc_runs(r, heads, unit)
    toc: list[ContentsEntry] = list(r.bulletin.contents)
    for run in runs:
        after = next((i for i in heads if i > run[-1]), len(r.blocks))
        stop = run[-1] + 1
        while stop < after and stop not in r.used and _is_gap(r.blocks[stop]):
            stop += 1
        listed = read_contents_run(r, run, stop, unit)  # a 目录 cut by a page's furniture comes in runs
        if not r.bulletin.contents:
            toc.extend(listed)
    # Above the first head (a 目录's letter-spaced 目 is taken with it): title, note, fields.
    dotted = read_front(r, start, heads[0], unit)
    toc = toc or dotted
    body_heads = _heads(r, start)
    section = None
    current: Article | None = None
    current_key = None
    appendix = False  # 附件 / 附录 after the last chapter: attached, no chapter's text
    for i, b in r.unplaced(start):
        if current is not None and APPENDIX_HEAD.match(b.text) and not any(j > i for j in body_heads):
            appendix = True
        if appendix:
            r.drop(i, "appendix")
            continue
        if b.kind == L.CHAPTER and current is not None and current_key == _key(b):
            # The chapter's own head printed again at the top of a page: a running head.
            r.drop(i, "running head")
            continue
        if b.kind == L.CHAPTER and i in body_heads:
            current_key = _key(b)
            end = next((j for j in body_heads if j > i), len(r.blocks))
            nxt = next((j for j, _ in r.unplaced(i + 1)), end)
            # A bare 第七章 has its name on the next line (or letter-spaced over the next few).
            text, pieces = _name(r, i, min(end, nxt + 1)) if not b.data[2] else (re.sub(r"\s+", " ", b.text), [])
            if _is_part(b.data[0], unit):
                section = text
                r.take(i, "section")
                for j in pieces:
                    r.take(j, "section")
                current = None
                continue
            current = r.open_article(i, section=section if b.data[0] == unit else None)
            current.title = text
            for j in pieces:
                r.take(j, "title")
            if b.data[0] != unit:
                section = None  # 序言/前言 stand before the parts; 附则 after them
            continue
        place(r, i, current)
    r.bulletin.contents = toc
    _cross_check(r, toc)


def split_parts(r: Reader, start: int) -> None:
    """A plan whose 目录 lists 一、二、三、 parts: each part, found again in the body, runs to
    the next one; text between the 目录 and the first part is an untitled preamble."""
    unplaced = [i for i, _ in r.unplaced(start)]
    items = [(r.blocks[i].kind, r.blocks[i].text) for i in unplaced]
    tops = [unplaced[k] for k in _enumerated_contents(items)]
    if not tops:
        split_single(r, start)
        return
    head = next(i for i in unplaced if r.blocks[i].kind == L.CONTENTS_HEAD)
    toc, end = [], head + 1
    seen: set[str] = set()
    for i in unplaced:
        if i <= head:
            continue
        title = _entry_title(r.blocks[i].kind, r.blocks[i].text)
        if title is None or fold(title) in seen:
            break
        seen.add(fold(title))
        b = r.blocks[i]
        page = b.data[1] if b.kind == L.TOC_DOTTED else P.split_page_tail(b.text)[1]
        if i in tops:
            toc.append(ContentsEntry(title, None, page, line=r.blocks[i].lines[0]))
        end = i + 1
    read_front(r, start, head)
    for j in range(head, end):
        if j not in r.used:
            r.take(j, "contents")
    wanted = [fold(e.title) for e in toc]
    found: dict[int, int] = {}
    for i, b in r.unplaced(end):
        if b.kind in (L.TEXT, L.CHAPTER) and P.PART_HEAD.match(b.text) and len(b.text) <= 60:
            k = match_title(fold(b.text), wanted, found.values(), prefer=len(found))
            if k is not None:
                found[i] = k
    current: Article | None = None
    for i, b in r.unplaced(end):
        if i in found:
            current = r.open_article(i, page=toc[found[i]].page)
        elif current is None and b.kind == L.TEXT:
            current = r.open_untitled(i)
        else:
            place(r, i, current)
    r.bulletin.contents = toc
    _cross_check(r, toc)


def _cross_check(r: Reader, toc: list[ContentsEntry]) -> None:
    """Entries of the 目录 missing from the body, and chapters the 目录 does not list."""
    if not toc:
        return
    listed = {fold(e.title): e for e in toc}
    found = {fold(a.title or "") for a in r.bulletin.articles}
    for a in r.bulletin.articles:
        if (e := listed.get(fold(a.title or ""))) is not None and a.page is None:
            a.page = e.page
    for e in toc:
        # A 第一节 the 目录 lists under its chapter is a subhead of that chapter's text, no article.
        if fold(e.title) not in found and not BODY_UNIT.match(e.title) and not APPENDIX_HEAD.match(e.title):
            r.bulletin.warnings.append(f"contents entry not found in the body: {e.title}")
    for a in r.bulletin.articles:
        if a.title is not None and fold(a.title) not in listed:
            r.bulletin.warnings.append(f"line {a.lines[0] if a.lines else '?'}: chapter not listed in the contents: {a.title}")


LAYOUT = Layout("chapters", evidence, split, reads_contents=True)

"""Newsletters (《卫生健康信息动态》-style): masthead, 要点, 目录, 【栏目】 sections, articles that
close with （来源）. The 目录 titles are found in the body; without a 目录, a title stands
between sections or after an article's closing （source）, and is followed by its text."""

from __future__ import annotations

from healthdigest.model import Article, ContentsEntry
from healthdigest.structure import lines as L
from healthdigest.structure import patterns as P
from healthdigest.structure.layouts import Layout
from healthdigest.structure.reader import Reader, ended_with_source, place, source_tail
from healthdigest.textutil import SENTENCE_END, fold

MASTHEAD_LINES = 5  # lines at the top of the file where a masthead prints its issue
TITLE_MATCH = 85  # rapidfuzz ratio (0-100) for a body line to be a 目录 title


def evidence(tagged: list[L.Tagged]) -> float:
    kinds = [t.kind for t in tagged]
    if kinds.count(L.TOC_DOTTED) >= 2:
        return 4.0
    if L.ISSUE in kinds:
        if L.HIGHLIGHTS_HEAD in kinds or L.CONTENTS_HEAD in kinds:
            return 4.0
        # An issue line (第22期) in the first lines of the file: a periodical's masthead, whatever
        # web-style 来源 lines its items carry.
        return 2.0 if L.ISSUE in kinds[:MASTHEAD_LINES] else 0.5
    # Pages of a 简报 without its masthead: 【栏目】 heads over items that each close with a
    # （来源） or （供稿：…） credit.
    credits = sum(1 for t in tagged if t.kind == L.TEXT and source_tail(t.text) is not None)
    return 1.0 if L.SECTION in kinds and credits >= 2 else 0.0


def split(r: Reader, start: int) -> None:
    split_by_titles(r, start)


def drop_colophon(r: Reader, start: int) -> None:
    """The lines closing a 简报 after its last article: distribution (报/送/发), print run, staff."""
    for i in range(len(r.blocks) - 1, start - 1, -1):
        b = r.blocks[i]
        if i in r.used or b.kind == L.PAGE:
            continue
        if not P.BULLETIN_COLOPHON.match(b.text):
            break
        r.drop(i, "colophon")


def split_by_contents(r: Reader, start: int, contents: list[ContentsEntry]) -> None:
    """Find each 目录 title in the body; an article runs from its title to the next one."""
    blocks = r.blocks
    drop_colophon(r, start)
    wanted = [fold(e.title) for e in contents]
    # A section the 目录 names (一、资讯前沿 there) heads its part of the body too.
    listed_sections = {fold(e.section) for e in contents if e.section}
    found: dict[int, int] = {}  # block index -> contents entry
    wrapped: dict[int, int] = {}  # title block -> the block its title goes on in
    next_entry = 0
    for i in range(start, len(blocks)):
        b = blocks[i]
        if i in wrapped.values() or b.kind not in (L.TEXT, L.LIST_ITEM, L.CHAPTER) or len(b.text) > 90:
            continue
        k = match_title(fold(b.text), wanted, found.values(), prefer=next_entry)
        if k is None and (m := P.TAGGED_TITLE.match(b.text)):
            k = match_title(fold(m.group(2)), wanted, found.values(), prefer=next_entry)  # 【栏目】标题
        if k is None and not _listed_section(b, listed_sections) and (j := _title_goes_on(blocks, i)) is not None:
            # A title wrapped over two lines: neither half is the 目录 entry, both together are.
            k = match_title(fold(b.text + blocks[j].text), wanted, found.values(), prefer=next_entry)
            if k is not None:
                wrapped[i] = j
        if k is not None:
            found[i] = k
            next_entry = k + 1
    for k, entry in enumerate(contents):
        if k not in found.values():
            r.bulletin.warnings.append(f"contents entry not found in the body: {entry.title}")
    section = None
    current: Article | None = None
    for i, b in r.unplaced(start):
        if i not in found and (name := _listed_section(b, listed_sections)):
            section = name
            r.take(i, "section")
            current = None
            continue
        if i not in found and current is not None and _opens_unlisted(blocks, i, current):
            current = r.open_article(i, section=section)
            r.bulletin.warnings.append(f"line {b.lines[0]}: article not listed in the contents: {b.text}")
            continue
        if i in found:
            entry = contents[found[i]]
            tag = P.TAGGED_TITLE.match(b.text)
            current = r.open_article(
                i, section=entry.section or (tag and tag.group(1)) or section, source=entry.source, page=entry.page,
                abstract=entry.abstract,
            )
            if tag and fold(tag.group(2)) == fold(entry.title):
                current.title = tag.group(2)
            if i in wrapped:
                current.title += r.take(wrapped[i], "title").text
            continue
        if b.kind == L.SECTION:
            section = b.data[0]
            r.take(i, "section")
            current = None
            continue
        place(r, i, current)


def _enumerated_section(blocks: list[L.Block], i: int) -> str | None:
    """一、资讯前沿 written as a section head: a column name of a few characters after an
    enumeration mark, over a title (not over the paragraph a subheading would lead)."""
    b = blocks[i]
    if b.kind != L.TEXT or not (m := P.ENUM_MARK.match(b.text)) or not m.group(0).endswith("、"):
        return None
    name = b.text[m.end() :].strip()
    if not 2 <= len(name) <= SECTION_NAME_MAX or not L.is_title_like(name) or i + 2 >= len(blocks):
        return None
    title, text = blocks[i + 1], blocks[i + 2]
    if title.kind != L.TEXT or P.ENUM_MARK.match(title.text) or not L.is_title_like(title.text, max_len=40):
        return None
    return name if text.kind == L.TEXT and len(text.text) >= SHORT_LEDE and L.ends_terminal(text.text) else None


def _title_goes_on(blocks: list[L.Block], i: int) -> int | None:
    """The next block, when it is a short unfinished-looking line that may end a wrapped title."""
    j = i + 1
    if j >= len(blocks) or blocks[j].kind not in (L.TEXT, L.LIST_ITEM) or not L.is_title_like(blocks[j].text, max_len=40):
        return None
    return j if not L.ends_terminal(blocks[i].text) or blocks[i].text[-1] in "，、：:" else None


def _listed_section(b: L.Block, listed: set[str]) -> str | None:
    """The name of a body line that is a section the 目录 listed, with its 一、 mark taken off."""
    if b.kind != L.TEXT or len(b.text) > 20:
        return None
    name = P.ENUM_MARK.sub("", b.text).strip()
    return name if fold(name) in listed else None


def _opens_unlisted(blocks: list[L.Block], i: int, current: Article) -> bool:
    """A title the 目录 does not list: after an article's closing （source）, before its text."""
    b = blocks[i]
    if b.kind != L.TEXT or not L.is_title_like(b.text, max_len=40) or P.ENUM_MARK.match(b.text):
        return False
    following = blocks[i + 1] if i + 1 < len(blocks) else None
    return ended_with_source(current) and following is not None and following.kind == L.TEXT and len(following.text) >= 50


def split_by_titles(r: Reader, start: int) -> None:
    """A newsletter without a 目录: a title stands between sections or after an article's
    closing （source）, and is followed by its text."""
    blocks = r.blocks
    drop_colophon(r, start)
    section = None
    current: Article | None = None
    for i, b in r.unplaced(start):
        mark = _marked_title(blocks, i)
        if (b.kind == L.SECTION and not mark) or (name := _enumerated_section(blocks, i)):
            section = b.data[0] if b.kind == L.SECTION else name
            r.take(i, "section")
            current = None
            continue
        may_open = current is None or not current.paragraphs or ended_with_source(current)
        if may_open and (j := _wrapped_title(blocks, i)) is not None:
            current = r.open_article(i, section=section)
            current.title += r.take(j, "title").text
            continue
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        opens = (
            b.kind == L.TEXT
            and L.is_title_like(b.text, max_len=40)
            and not P.ENUM_MARK.match(b.text)
            and following is not None
            and following.kind == L.TEXT
            and (
                len(following.text) >= 50
                # Right after a section head or a closing （source）, a short finished lede is enough.
                or (
                    (current is None or ended_with_source(current))
                    and len(following.text) >= SHORT_LEDE
                    and L.ends_terminal(following.text)
                )
            )
            and (current is None or not current.paragraphs or ended_with_source(current))
        )
        # An original shows its titles (large, or bold and centred): one over running text
        # opens a story, whether or not the story before closed with a （source）.
        opens = opens or (
            b.kind == L.TEXT
            and L.hinted_heading(b.hint, b.text)
            and following is not None
            and following.kind == L.TEXT
            and not L.hinted_heading(following.hint, following.text)
        )
        if tagged := _column_tagged_title(blocks, i):
            # 【工作动态】标题 over its text: the column and the title on one line.
            section = tagged[0]
            current = r.open_article(i, section=section)
            current.title = tagged[1]
        elif mark or opens or _titled_source(blocks, i):
            # ★ 标题 over its text, or a title over its own 来源： line, opens an article
            # whatever came before: the mark or the source line says so.
            current = r.open_article(i, section=section)
            current.title = mark or current.title
        elif current is None and b.kind == L.TEXT and P.EDITORS_NOTE.match(b.text):
            place(r, i, None)  # the issue's 编者按, before any article
        elif current is None and b.kind == L.TEXT:
            current = r.open_untitled(i, section=section)
        else:
            place(r, i, current)


def _marked_title(blocks: list[L.Block], i: int) -> str | None:
    """The title of an item a 简报 marks with a star or a bullet (★ 全省…), when running text
    follows it; a mark over a short name and then a title heads a section (■ 工作动态)."""
    b = blocks[i]
    m = P.MARKED_TITLE.match(b.text)
    following = blocks[i + 1] if i + 1 < len(blocks) else None
    if b.kind not in (L.TEXT, L.LIST_ITEM, L.SECTION) or m is None or following is None or following.kind != L.TEXT:
        return None
    title = m.group(1).strip()
    if not L.is_title_like(title, max_len=50) or len(following.text) < SHORT_LEDE or L.is_title_like(following.text, max_len=50):
        return None  # a title-like line under the mark: the mark heads a section over it
    return title


def _column_tagged_title(blocks: list[L.Block], i: int) -> tuple[str, str] | None:
    """(column, title) of a line 【工作动态】全县… over running text."""
    b = blocks[i]
    m = P.TAGGED_TITLE.match(b.text) if b.kind == L.TEXT else None
    following = blocks[i + 1] if i + 1 < len(blocks) else None
    if m is None or following is None or following.kind != L.TEXT or L.is_title_like(following.text, max_len=50):
        return None
    return (m.group(1), m.group(2).strip()) if L.is_title_like(m.group(2), max_len=50) else None


def _titled_source(blocks: list[L.Block], i: int) -> bool:
    """A title-like line right over a 来源：… line (perhaps with its 作者) and the text."""
    b = blocks[i]
    if b.kind != L.TEXT or not L.is_title_like(b.text, max_len=50) or P.ENUM_MARK.match(b.text) or i + 2 >= len(blocks):
        return False
    meta, text = blocks[i + 1], blocks[i + 2]
    sourced = meta.kind == L.SOURCE or (meta.kind == L.WEBMETA and any(k == "来源" for k, _ in P.WEB_FIELD.findall(meta.text)))
    return sourced and text.kind == L.TEXT and not L.is_title_like(text.text, max_len=50)


SHORT_LEDE = 20  # characters of a one-sentence lede under a title
SECTION_NAME_MAX = 8  # 资讯前沿, 各地动态: a column's name is a few characters

# A title's first line, when it wraps: long enough not to be a column name.
WRAPPED_TITLE_MIN = 10


def _wrapped_title(blocks: list[L.Block], i: int) -> int | None:
    """The block a title wrapped over two lines goes on in, when block i is its first line:
    an unfinished line, a short last line, then the story's text."""
    if i + 2 >= len(blocks):
        return None
    b, rest, text = blocks[i], blocks[i + 1], blocks[i + 2]
    if b.kind != L.TEXT or rest.kind != L.TEXT or text.kind != L.TEXT or len(text.text) < 50:
        return None
    if not WRAPPED_TITLE_MIN <= len(b.text) <= 40 or "。" in b.text or b.text[-1] in SENTENCE_END:
        return None
    if P.ENUM_MARK.match(b.text) or P.ENUM_MARK.match(rest.text) or rest.text.startswith(("—", "-")):
        return None
    joined = b.text + rest.text
    if not L.is_title_like(rest.text, max_len=30) or not L.is_title_like(joined, max_len=60):
        return None
    return i + 1


def match_title(text: str, wanted: list[str], taken, *, prefer: int) -> int | None:
    """The index of the 目录 title `text` matches (folded), trying the expected next one first."""
    if len(text) < 4:
        return None
    from rapidfuzz import fuzz  # on first use: only a 目录 needs it, and it costs ~10 ms to import

    taken = set(taken)
    order = list(range(prefer, len(wanted))) + list(range(prefer))
    for k in order:
        if k in taken:
            continue
        w = wanted[k]
        if text == w or (abs(len(text) - len(w)) <= max(3, len(w) // 5) and fuzz.ratio(text, w) >= TITLE_MATCH):
            return k
    return None


LAYOUT = Layout("newsletter", evidence, split)

"""Line classification and paragraph repair: the first half of reading a document's structure.

Every non-blank input line gets a kind from its own text alone (a page marker, a 【section】
head, a 目录 entry, a 来源： line…). Hard line wraps and page breaks are then repaired by
joining lines of running text into blocks, so later stages see paragraphs, not PDF lines.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache

from healthdigest.model import LineHint
from healthdigest.structure import patterns as P
from healthdigest.textutil import SENTENCE_END, display_width, ends_terminal, normalize_line

# Kinds of line. TEXT is running text; everything else is structure.
TEXT = "text"
PAGE = "page marker"
NAV = "navigation"
CRUMB = "breadcrumb"
SECTION = "section"
CONTENTS_HEAD = "contents head"
BODY_START = "body start"
HIGHLIGHTS_HEAD = "highlights head"
LIST_ITEM = "list item"
TOC_DOTTED = "contents entry"
TOC_ARROW = "contents entry (arrow)"
ISSUE = "issue"
DATE = "date"
PUBLISHER = "publisher"
SOURCE = "source"
ORIG_TITLE = "original title"
WEBMETA = "web metadata"
FOOTNOTE = "footnote"
FOOTER = "site footer"
KEYWORDS = "declared keywords"
ABSTRACT = "abstract"
BYLINE = "byline"
EDITOR = "editor credit"
CHAPTER = "chapter head"  # 第三章 战略目标, 第一篇 总体战略, 序言, 附则
RUNNING = "running head"  # a page header or footer printed on every page
GRID = "grid table row"  # pandoc's +----+ / | … | rendering of a table

@dataclass(frozen=True)
class Tagged:
    """An input line: its number, normalised text, kind and what the kind's pattern captured."""

    no: int
    text: str
    kind: str
    data: tuple = ()
    first_on_page: bool = False  # the first line after a page break (a form feed or page mark)
    indent: bool = False  # the raw line began with white space (a typed paragraph indent)
    gap: int = 0  # blank lines right before it: what separates stories on a page
    hint: LineHint | None = None  # how the line looked in a laid-out original (None for plain text)


@dataclass
class Block:
    """Input lines joined into one unit: a paragraph of running text, or one structural line."""

    kind: str
    text: str
    lines: list[int]
    data: tuple = ()
    widths: list[int] = field(default_factory=list)  # display width of each joined line
    parts: list[str] = field(default_factory=list)  # the text of each joined line
    first_on_page: bool = False  # its first line opens a page
    indent: bool = False  # its first line was indented
    gap: int = 0  # blank lines before its first line
    hint: LineHint | None = None  # the layout hint of its first line, if the original had one


def classify(text: str) -> tuple[str, tuple]:
    """The kind of one normalised, non-blank line, from its own text."""
    if P.PAGE.match(text):
        return PAGE, ()
    if P.GRID_ROW.match(text):
        return GRID, ()
    if P.NAV.match(text) or P.BUTTON_BAR.match(text):
        return NAV, ()
    if m := P.DIVIDER.match(text):
        label = m.group(1)
        if label in P.CONTENTS_LABELS:
            return CONTENTS_HEAD, (label,)
        if label in P.BODY_LABELS:
            return BODY_START, (label,)
        return SECTION, (label,)
    for pattern in (P.SECTION_BRACKET, P.SECTION_DOT, P.SECTION_MARK):
        if (m := pattern.match(text)) and m.group(1).strip() not in P.NOT_SECTIONS:
            return SECTION, (m.group(1).strip(),)
    if P.CONTENTS.match(text):
        return CONTENTS_HEAD, (text,)
    if P.BODY.match(text):
        return BODY_START, (text,)
    if P.FOOTER.match(text):
        return FOOTER, ()
    if P.HIGHLIGHTS.match(text):
        return HIGHLIGHTS_HEAD, ()
    if m := P.TOC_DOTTED.match(text):
        title, source = _entry_source(m.group(1).strip())
        return TOC_DOTTED, (title, int(m.group(2)), source)
    if m := P.TOC_ARROW.match(text):
        return TOC_ARROW, (m.group(1),)
    if m := P.ISSUE.match(text):
        year, number, total = (str(P.cn_number(g)) if g else None for g in m.group("year", "number", "total"))
        return ISSUE, (year, number, total)
    if m := P.ISSUE_TOTAL.match(text):
        return ISSUE, (None, None, str(P.cn_number(m.group("total"))))
    if m := P.DATE.match(text):
        return DATE, P.date_parts(m)
    if m := P.CN_DATE.match(text):
        return DATE, tuple(str(P.cn_number(m.group(k))) for k in ("y", "m", "d"))
    if m := P.KEYWORDS.match(text):
        return KEYWORDS, tuple(w for w in re.split(r"[；;，,、/\s]+", m.group(1)) if w)
    if m := P.ABSTRACT.match(text):
        return ABSTRACT, (m.group(1),)
    if P.FOOTNOTE.match(text) or P.SOURCE_LINK.match(text):
        return FOOTNOTE, ()
    if m := P.ORIG_TITLE.match(text):
        return ORIG_TITLE, (m.group(1),)
    if len(text) <= 120 and len(fields := P.WEBMETA_FIELD.findall(text)) >= 2:
        return WEBMETA, tuple(fields)
    if text.startswith("【") and text.endswith("】") and P.WEBMETA_FIELD.search(text):
        return WEBMETA, ()
    if P.STAFF_CREDITS.match(text):
        return EDITOR, ()
    if m := P.SOURCE.match(text):
        return SOURCE, (m.group(1).strip(),)
    if m := P.PUBLISHER.match(text):
        return PUBLISHER, (m.group(1).strip(),)
    if P.CRUMB.search(text) and len(text) <= 80:
        return CRUMB, ()
    if len(text) <= 30 and P.BYLINE.match(text):
        return BYLINE, ()
    if P.EDITOR.match(text):
        return EDITOR, ()
    if len(text) <= 120 and (P.WEBMETA_START.match(text) or P.WEB_DATELINE.match(text)):
        return WEBMETA, ()
    if m := P.LIST_ITEM.match(text):
        return LIST_ITEM, (m.group(1).strip(),)
    if m := P.CHAPTER.match(text):
        return CHAPTER, (m.group(2), P.cn_number(m.group(1)), (m.group(3) or "").strip())
    if P.CHAPTER_NAMED.match(text):
        return CHAPTER, ("", 0, text)
    return TEXT, ()


def _entry_source(title: str) -> tuple[str, str | None]:
    """A dotted 目录 entry's title without its ▶ mark or list number (1.标题), and the source it
    names in brackets."""
    if m := P.TOC_ARROW.match(title):
        title = m.group(1)
    title = P.ENTRY_NUMBER.sub("", title)
    if m := P.ARROW_SOURCE.search(title):
        return (title[: m.start()] + title[m.end() :]).strip(), m.group(1).strip()
    return title, None


# Cached: _continues asks it of every line twice (as the next line, then as the block's last)
# and the 公文 reader asks again; the answer depends on the text alone.
@lru_cache(maxsize=8192)
def official_marks(text: str) -> tuple[tuple[str, ...], str | None, str | None] | None:
    """(marks, 文号, 签发人) when a line holds nothing else: 依申请公开   佛卫办函〔2025〕11号."""
    rest = text.strip("|｜ ")
    if P.COPY_NUMBER.match(rest):
        return ("份号",), None, None
    if (copy := re.match(r"^(?:No\.?\s*)?\d{6,8}\s*(?=\D)", rest, re.I)) and (found := official_marks(rest[copy.end() :])):
        return ("份号", *found[0]), found[1], found[2]  # 000123  机密★1年  特急 on one line
    if P.OFFICIAL_MARK_CHARS.isdisjoint(rest):
        return None  # most lines: no mark, 文号 or 签发人 can match, so skip the three searches
    number = P.DOC_NUMBER.search(rest)
    signer = P.SIGNER.search(rest)
    for m in (number, signer):
        if m:
            rest = rest.replace(m.group(0), " ")
    marks = P.OFFICIAL_MARK.findall(rest)
    rest = P.OFFICIAL_MARK.sub(" ", rest)
    if re.sub(r"[\s|｜★]+", "", rest) or not (marks or number or signer):
        return None
    issue = re.sub(r"\s+", "", number.group(0)) if number else None
    name = re.sub(r"^签\s*发\s*人\s*[:：]\s*", "", signer.group(0)).strip() if signer else None
    return tuple(re.sub(r"\s+", "", m) for m in marks), issue, name


def tag_lines(text: str, hints: dict[int, LineHint] | None = None) -> list[Tagged]:
    """Split decoded text into numbered, normalised, classified non-blank lines, each with
    its layout hint when the original had one."""
    hints = hints or {}
    out = []
    gap = 0
    breaks = set()  # line numbers where a form feed starts a new page
    for no, raw in enumerate(re.split(r"\r\n|\r|\n", text), start=1):
        if "\f" in raw:
            breaks.add(no)
            raw = raw.replace("\f", "")
            if out and out[-1].kind == TEXT and P.BARE_PAGE_NUMBER.match(out[-1].text):
                # A bare number at the foot of a page, just before the break: its page number.
                out[-1] = Tagged(out[-1].no, out[-1].text, PAGE, ())
        line = normalize_line(raw)
        if line:
            kind, data = classify(line)
            if hints.get(no) is not None and hints[no].footnote:
                kind, data = FOOTNOTE, ()  # the original sets it as a note at the foot of its page
            out.append(Tagged(no, line, kind, data, indent=raw[:1].isspace(), gap=gap, hint=hints.get(no)))
            gap = 0
        else:
            gap += 1
    return _mark_page_starts(mark_site_menu(mark_running_heads(_split_heads(out), breaks)), breaks)


def _split_heads(tagged: list[Tagged]) -> list[Tagged]:
    """目 / 录 on two lines: a 目录 head set letter-spaced, which a PDF extraction broke in two."""
    out = list(tagged)
    for k in range(len(out) - 1):
        if out[k].text == "目" and out[k + 1].text in ("录", "次") and out[k].kind == out[k + 1].kind == TEXT:
            out[k] = replace(out[k], kind=CONTENTS_HEAD, data=("目" + out[k + 1].text,))
            out[k + 1] = replace(out[k + 1], kind=CONTENTS_HEAD, data=out[k].data)
    return out


def _mark_page_starts(tagged: list[Tagged], breaks: set[int]) -> list[Tagged]:
    """Flag the first line of each page: after a form feed, or after a page mark (running
    heads between them do not count)."""
    out, after_page_mark = [], False
    for t in tagged:
        if t.kind == RUNNING:
            out.append(t)
            continue
        if t.kind != PAGE and (t.no in breaks or after_page_mark):
            t = replace(t, first_on_page=True)
        after_page_mark = t.kind == PAGE
        out.append(t)
    return out


# A running head or footer is printed on most pages: at least this many times, each next to a
# page break, before a repeated line is taken for one.
RUNNING_MIN = 3


def mark_running_heads(tagged: list[Tagged], breaks: set[int] = frozenset()) -> list[Tagged]:
    """Lines a PDF printed at the top or bottom of every page (中央和国务院相关文件, an issuing
    body's footer): a short line repeated next to page breaks (a page mark or a form feed)."""
    near_break: set[int] = set()  # indexes within two lines of a page break
    for k, t in enumerate(tagged):
        if t.kind == PAGE or t.no in breaks:
            near_break.update(range(max(0, k - 2), min(len(tagged), k + 3)))
    # The file's first lines are the top of its first page: a head printed there counts too.
    top = set(range(min(2, len(tagged))))
    counts = Counter(t.text for k, t in enumerate(tagged) if k in near_break | top and t.kind == TEXT and len(t.text) <= 40)
    heads = {text for text, n in counts.items() if n >= RUNNING_MIN}
    if not heads:
        return tagged
    return [
        replace(t, kind=RUNNING, data=()) if t.text in heads and t.kind == TEXT and not _masthead_name(tagged, k) else t
        for k, t in enumerate(tagged)
    ]


def _masthead_name(tagged: list[Tagged], k: int) -> bool:
    """A periodical's name at the top of its cover, over the issue line (医院管理参考资料 /
    2025年第2辑): the masthead, though later pages repeat the name as their running head."""
    return k < 2 and any(t.kind == ISSUE for t in tagged[k + 1 : k + 4])


def wrap_width(tagged: list[Tagged]) -> int | None:
    """The width a PDF extraction hard-wrapped running text at, if it did; else None."""
    widths = [display_width(t.text) for t in tagged if t.kind == TEXT]
    if len(widths) < 8:
        return None
    counts = Counter(w for w in widths if w >= 30)
    if not counts:
        return None
    best = max(counts, key=lambda w: (sum(counts.get(w + d, 0) for d in (-2, -1, 0, 1, 2)), w))
    near = sum(counts.get(best + d, 0) for d in (-2, -1, 0, 1, 2))
    # Hard-wrapped text has a quarter or more of its lines at one width (a third, in a short
    # file, where chance does more); typed paragraphs don't.
    share = 0.25 if len(widths) >= 40 else 0.34
    return best if near >= share * len(widths) and near >= 4 else None


def _continues(block: Block, line: Tagged, width: int | None) -> bool:
    """Whether `line` continues the running text of `block` (a wrap or page break cut it)."""
    if block.kind == TOC_ARROW:
        # A contents entry runs on until its page reference ("——第 7 页"), which may stand
        # on a line of its own that would otherwise read as a page marker.
        if P.PAGE_REF.search(block.text) or len(block.lines) >= 4:
            return False
        return line.kind == TEXT or (line.kind == PAGE and P.PAGE_REF.search(line.text) is not None)
    if line.kind != TEXT or block.kind not in (TEXT, ABSTRACT):
        return False
    if official_marks(block.parts[-1]) is not None or official_marks(line.text) is not None:
        return False  # 不公开 / 特急 / a 文号 stand on lines of their own above a 公文's title
    if P.ATTENDANCE.match(line.text):
        return False  # 出席：… / 列席：…: each label of a 纪要's attendance list opens a line
    last = block.text
    if block.kind == ABSTRACT:
        # An abstract runs on until a sentence ends at the end of a line.
        return not ends_terminal(last) or (width is not None and block.widths[-1] >= 0.8 * width)
    if width:
        last_width = block.widths[-1]
        # A full line went on; a full line ending a sentence (or a credit after one) may still
        # end its paragraph.
        return last_width >= 0.8 * width and last[-1] not in SENTENCE_END and not P.CLOSING_CREDIT.search(last)
    if ends_terminal(last):
        return False
    if line.gap and not line.first_on_page:
        return False  # a blank line parts two paragraphs, unless a page ended there
    if len(last) < 40 and not (
        len(last) >= 24 and len(re.findall("[，、：；,]", last)) >= 2 and len(line.text) >= 40 and not P.ENUM_MARK.match(last)
    ):
        # Short unfinished lines are headings, unless they read like a clause-laden sentence
        # (a numbered line such as 二、…：… is a heading however many commas it has).
        return False
    # A paragraph cut by a page break: the rest is long, or ends a sentence. A short unfinished
    # line after it is more likely a heading than the end of the paragraph.
    return len(line.text) >= 40 or ends_terminal(line.text)


# --- layout hints (PDF, Word, web originals) ---------------------------------------------------
# A reader of a laid-out original says how each line looked. A person reads a line set in a
# clearly larger type than the body, or styled as a heading, or short, bold and centred, as a
# heading; the text alone cannot tell those from the first line of a paragraph.
HEADING_SIZE = 1.2  # relative font size: a fifth larger than the body is a heading's type
HEADING_MAX = 60  # characters: a heading in large type is a phrase (a PDF line may hold a long one)
BOLD_HEADING_MAX = 40  # characters: a bold centred line of body size is a heading when short
DECLARED_HEADING_MAX = 100  # characters: a heading the format declares may run long


def hinted_heading(hint: LineHint | None, text: str) -> bool:
    """Whether the format marks this line as a heading: a declared level, type clearly
    larger than the body, or a short bold centred line. Table cells are never headings."""
    if hint is None or hint.cell or not text:
        return False
    if hint.level is not None:
        return len(text) <= DECLARED_HEADING_MAX
    if len(text) > HEADING_MAX or "。" in text[:-1] or text[-1] in "。；;，,、：:":
        return False
    large = hint.size is not None and hint.size >= HEADING_SIZE
    return large or (hint.bold and hint.centred and len(text) <= BOLD_HEADING_MAX)


def other_type(a: LineHint | None, b: LineHint | None) -> bool:
    """Whether an original sets one of two lines in a heading's type and the other not (a
    title over the issuer or date in body type): then the second does not go on with the
    first. A title and its subtitle are both display type. Unknown without hints."""
    if a is None or b is None or a.size is None or b.size is None:
        return False
    return (a.size >= HEADING_SIZE) != (b.size >= HEADING_SIZE)


def stands_alone(block: Block, line: Tagged) -> bool:
    """Whether the layout keeps a line apart from the open block whatever their text says: a
    heading is never joined to running text, nor a table cell to anything (cells are not
    wrapped paragraphs)."""
    if block.hint is None and line.hint is None:
        return False
    return any(
        hint is not None and (hint.cell or hinted_heading(hint, text))
        for hint, text in ((block.hint, block.parts[0]), (line.hint, line.text))
    )


def repair(tagged: list[Tagged], width: int | None) -> tuple[list[Block], list[Tagged]]:
    """Join wrapped lines into blocks; return the blocks and the page markers taken out."""
    blocks: list[Block] = []
    pages: list[Tagged] = []
    open_block: Block | None = None
    for t in tagged:
        if t.kind == RUNNING or (t.kind == PAGE and not (open_block is not None and _continues(open_block, t, width))):
            pages.append(t)  # a page break does not end the paragraph it cuts
            continue
        if t.kind == FOOTNOTE:
            blocks.append(Block(FOOTNOTE, t.text, [t.no], parts=[t.text]))
            continue
        if open_block is not None and not stands_alone(open_block, t) and _continues(open_block, t, width):
            open_block.text += t.text
            open_block.lines.append(t.no)
            open_block.widths.append(display_width(t.text))
            open_block.parts.append(t.text)
            continue
        block = Block(
            t.kind, t.text, [t.no], t.data, [display_width(t.text)], [t.text],
            first_on_page=t.first_on_page, indent=t.indent, gap=t.gap, hint=t.hint,
        )
        blocks.append(block)
        if _set_inside(open_block, t):
            continue  # the paragraph the caption or note interrupts goes on after it
        open_block = block if t.kind in (TEXT, ABSTRACT, TOC_ARROW) else None
    return blocks, pages


SMALL_TYPE = 0.92  # relative font size: a caption's or a note's type, smaller than the body


def _set_inside(open_block: Block | None, line: Tagged) -> bool:
    """A line in small type (a figure's caption, a note) that a laid-out page sets in the
    middle of a paragraph of body text, which is cut mid-sentence at it and goes on after it."""
    return (
        open_block is not None
        and open_block.kind == TEXT
        and line.hint is not None
        and line.hint.size is not None
        and line.hint.size <= SMALL_TYPE
        and open_block.hint is not None
        and (open_block.hint.size or 0) > SMALL_TYPE
        and not hinted_heading(open_block.hint, open_block.parts[0])
        and not ends_terminal(open_block.text)
    )


def is_title_like(text: str, *, max_len: int = 50) -> bool:
    """Short, no sentence or clause ending: could be a title or subheading."""
    return 2 <= len(text) <= max_len and text[-1] not in "。；;，,、：:" and "。" not in text[:-1]


def repair_text(text: str) -> str:
    """Text with hard wraps and page breaks repaired: one block a paragraph, page markers out."""
    tagged = tag_lines(text)
    blocks, _ = repair(tagged, wrap_width(tagged))
    return "\n\n".join(b.text for b in blocks)


def has_cjk_pair(text: str) -> bool:
    """Two Chinese characters (a term worth matching), not punctuation or digits."""
    return len(text) == 2 and all("\u4e00" <= ch <= "\u9fff" for ch in text)


# A web page copied with its site menu ends in a run of short list entries (关于我们, 联系方式…).
SITE_MENU_MIN = 5
SITE_MENU = ("site menu",)  # the data of a navigation line that a closing site menu holds


def mark_site_menu(tagged: list[Tagged]) -> list[Tagged]:
    """Short list entries closing the file, after its last sentence: navigation of the site."""
    run = []
    for k in range(len(tagged) - 1, -1, -1):
        t = tagged[k]
        if t.kind == LIST_ITEM and len(t.data[0]) <= 20 and not any(c in t.data[0] for c in "。；，：:"):
            run.append(k)
        elif t.kind not in (SOURCE, FOOTER, NAV):
            break
    if len(run) < SITE_MENU_MIN:
        return tagged
    marked = set(run)
    return [replace(t, kind=NAV, data=SITE_MENU) if k in marked else t for k, t in enumerate(tagged)]

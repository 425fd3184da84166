"""Line classification and paragraph repair: the first half of reading a bulletin's structure.

Every non-blank input line gets a kind from its own text alone (a page marker, a 【section】
head, a 目录 entry, a 来源： line…). Hard line wraps and page breaks are then repaired by
joining lines of running text into blocks, so later stages see paragraphs, not PDF lines.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from healthdigest.textutil import CJK, SENTENCE_END, display_width, ends_terminal, normalize_line

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

_CONTENTS_LABELS = {"目录", "本期目录", "本期视点", "本期导读", "导读", "本期要目", "目次", "要目"}
_BODY_LABELS = {"本期内容", "正文", "内容"}
_NOT_SECTIONS = {"编者按", "提要", "摘要", "导读", "要点", "内容提要", "按"}

_PAGE = re.compile(
    r"^(?:[-—–]\s*)?\d{1,4}\s*(?:/|／|of)\s*\d{1,4}(?:\s*[-—–])?$"
    r"|^第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?$"
    r"|^[-—–]\s*\d{1,4}\s*[-—–]$"
)
_NAV = re.compile(
    r"^(?:[【\[]?(?:返回目录|返回顶部|回到顶部|返回首页|返回|打印本页|打印|关闭窗口|关闭|收藏)[】\]]?\s*)+$"
    r"|^(?:上一篇|下一篇|分享到|相关链接|相关阅读)\s*[:：]?.*$|^扫一扫.{0,20}$"
)
_CRUMB = re.compile(r"^(?:首页|主页|网站首页|当前位置|您的位置|您现在的位置|位置)\s*[>＞»›:：]|(?:[>＞»›][^>＞»›]*){2,}$")
_SECTION_BRACKET = re.compile(r"^【([^】]{2,12})】$")
_SECTION_DOT = re.compile(r"^[·•]\s*([^·•]{2,12}?)\s*[·•]$")
_SECTION_MARK = re.compile(r"^[■◆▌▍]\s*([^\s]{2,12})$")
_DIVIDER = re.compile(r"^[-—–=*]{2,}\s*([^-—–=*\s]{2,10})\s*[-—–=*]{2,}$")
_CONTENTS = re.compile(r"^(?:目\s*录|本期目录|本期导读|本期要目|本期视点|目\s*次)$")
_BODY = re.compile(r"^(?:本期内容|正\s*文)$")
_FOOTER = re.compile(r"^(?:版权所有|Copyright|©|\(c\)|备案号|.{0,20}ICP备|主办单位|承办单位|技术支持|联系我们|网站地图|网站标识码)", re.I)
_HIGHLIGHTS = re.compile(r"^(?:本期)?要\s*点$|^本期(?:提要|关注)$")
_LIST_ITEM = re.compile(r"^(?:[-•●▪◆*]\s+|[•●▪◆]\s*)(.+)$")
_TOC_DOTTED = re.compile(r"^(.{4,}?)\s*(?:\.{3,}|…{2,}|·{3,}|．{3,}|-{4,})\s*(\d{1,4})$")
_TOC_ARROW = re.compile(r"^[▶►▸➤]\s*(.+)$")
_PAGE_REF = re.compile(r"[-—–]*\s*第\s*(\d{1,4})\s*页\s*$")
_ISSUE = re.compile(
    r"^(?:(?P<year>\d{4})\s*年\s*)?第\s*(?P<number>\d{1,4})\s*期"
    r"(?:\s*[（(]?\s*总\s*第\s*(?P<total>\d{1,5})\s*期\s*[）)]?)?$"
)
_DATE = re.compile(
    r"^(?:(?:出版|印发|编印|发布)?日期\s*[:：]\s*)?(?P<y>\d{4})\s*(?:年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
    r"|[-./](?P<m2>\d{1,2})[-./](?P<d2>\d{1,2}))(?:\s*(?:星期|周)[一二三四五六日天])?$"
)
_PUBLISHER = re.compile(r"^(?:主办|承办|编印|编辑|出版|主编单位|编辑部)(?:单位)?\s*[:：]\s*(.+)$")
_SOURCE = re.compile(r"^(?:文章|稿件|信息)?(?:来\s*源|出\s*处|转载自)\s*[:：]\s*(.{1,40})$")
_ORIG_TITLE = re.compile(r"^原标题\s*[:：]\s*(.+)$")
_WEBMETA_FIELD = re.compile(
    r"(作者|发布日期|发布时间|日期|时间|来源|发布人|发布者|浏览次数|点击数|阅读数|字号)\s*[:：]\s*"
)
_FOOTNOTE = re.compile(r"^(?:\^\s*[①-⑳\d]+|注\s*[①-⑳\d]*\s*[:：])")
_KEYWORDS = re.compile(r"^(?:【(?:关键词|关键字)】|(?:关键词|关键字|主题词)\s*[:：]|key\s*words?\s*[:：])\s*(.+)$", re.I)
_ABSTRACT = re.compile(r"^(?:【(?:提要|摘要|内容提要)】|(?:摘\s*要|提\s*要|内容提要)\s*[:：])\s*(.*)$")
_NAME = rf"[{CJK}·]{{2,8}}"
_BYLINE = re.compile(
    rf"^□?\s*(?:(?:本报)?(?:特约|见习|首席)?记者|通讯员|实习生|摄影|摄|文/图|图/文|文|图)\s*[:：/]?\s*{_NAME}"
    rf"(?:\s*(?:(?:特约|见习)?记者|通讯员|实习生)\s*{_NAME})*$|^摄影报道$|^□\s*\S.{{0,20}}$"
)
_EDITOR = re.compile(r"^[（(]?\s*(?:责任编辑|编辑|审核|校对|责编)\s*[:：].{1,20}[）)]?$")
# 本报讯（记者…）, 新华社北京3月5日电（记者…）: the lede of a news story, with its byline.
_ENUM_HEAD = re.compile(r"^(?:[一二三四五六七八九十]+[、是]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.、．])")
LEDE = re.compile(r"^(?:本报讯|本刊讯|[" + CJK + r"]{2,12}(?:\d{1,2}月\d{1,2}日)?电)\s*[（(]([^）)]{2,40})[）)]")


@dataclass(frozen=True)
class Tagged:
    """An input line: its number, normalised text, kind and what the kind's pattern captured."""

    no: int
    text: str
    kind: str
    data: tuple = ()


@dataclass
class Block:
    """Input lines joined into one unit: a paragraph of running text, or one structural line."""

    kind: str
    text: str
    lines: list[int]
    data: tuple = ()
    widths: list[int] = field(default_factory=list)  # display width of each joined line
    parts: list[str] = field(default_factory=list)  # the text of each joined line


def classify(text: str) -> tuple[str, tuple]:
    """The kind of one normalised, non-blank line, from its own text."""
    if _PAGE.match(text):
        return PAGE, ()
    if _NAV.match(text):
        return NAV, ()
    if m := _DIVIDER.match(text):
        label = m.group(1)
        if label in _CONTENTS_LABELS:
            return CONTENTS_HEAD, (label,)
        if label in _BODY_LABELS:
            return BODY_START, (label,)
        return SECTION, (label,)
    for pattern in (_SECTION_BRACKET, _SECTION_DOT, _SECTION_MARK):
        if (m := pattern.match(text)) and m.group(1).strip() not in _NOT_SECTIONS:
            return SECTION, (m.group(1).strip(),)
    if _CONTENTS.match(text):
        return CONTENTS_HEAD, (text,)
    if _BODY.match(text):
        return BODY_START, (text,)
    if _FOOTER.match(text):
        return FOOTER, ()
    if _HIGHLIGHTS.match(text):
        return HIGHLIGHTS_HEAD, ()
    if m := _TOC_DOTTED.match(text):
        return TOC_DOTTED, (m.group(1).strip(), int(m.group(2)))
    if m := _TOC_ARROW.match(text):
        return TOC_ARROW, (m.group(1),)
    if m := _ISSUE.match(text):
        return ISSUE, (m.group("year"), m.group("number"), m.group("total"))
    if m := _DATE.match(text):
        return DATE, (m.group("y"), m.group("m") or m.group("m2"), m.group("d") or m.group("d2"))
    if m := _KEYWORDS.match(text):
        return KEYWORDS, tuple(w for w in re.split(r"[；;，,、/\s]+", m.group(1)) if w)
    if m := _ABSTRACT.match(text):
        return ABSTRACT, (m.group(1),)
    if _FOOTNOTE.match(text):
        return FOOTNOTE, ()
    if m := _ORIG_TITLE.match(text):
        return ORIG_TITLE, (m.group(1),)
    if len(text) <= 120 and len(fields := _WEBMETA_FIELD.findall(text)) >= 2:
        return WEBMETA, tuple(fields)
    if text.startswith("【") and text.endswith("】") and _WEBMETA_FIELD.search(text):
        return WEBMETA, ()
    if m := _SOURCE.match(text):
        return SOURCE, (m.group(1).strip(),)
    if m := _PUBLISHER.match(text):
        return PUBLISHER, (m.group(1).strip(),)
    if _CRUMB.search(text) and len(text) <= 80:
        return CRUMB, ()
    if len(text) <= 30 and _BYLINE.match(text):
        return BYLINE, ()
    if _EDITOR.match(text):
        return EDITOR, ()
    if len(text) <= 120 and re.match(r"^(?:作者|发布时间|发布日期|发布人)\s*[:：]", text):
        return WEBMETA, ()
    if m := _LIST_ITEM.match(text):
        return LIST_ITEM, (m.group(1).strip(),)
    return TEXT, ()


def tag_lines(text: str) -> list[Tagged]:
    """Split decoded text into numbered, normalised, classified non-blank lines."""
    out = []
    for no, raw in enumerate(re.split(r"\r\n|\r|\n", text), start=1):
        line = normalize_line(raw)
        if line:
            kind, data = classify(line)
            out.append(Tagged(no, line, kind, data))
    return out


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
        if _PAGE_REF.search(block.text) or len(block.lines) >= 4:
            return False
        return line.kind == TEXT or (line.kind == PAGE and _PAGE_REF.search(line.text) is not None)
    if line.kind != TEXT or block.kind not in (TEXT, ABSTRACT):
        return False
    last = block.text
    if block.kind == ABSTRACT:
        # An abstract runs on until a sentence ends at the end of a line.
        return not ends_terminal(last) or (width is not None and block.widths[-1] >= 0.8 * width)
    if width:
        last_width = block.widths[-1]
        # A full line went on; a full line ending a sentence may still end its paragraph.
        return last_width >= 0.8 * width and last[-1] not in SENTENCE_END
    if ends_terminal(last):
        return False
    if len(last) < 40 and not (
        len(last) >= 24 and len(re.findall("[，、：；,]", last)) >= 2 and len(line.text) >= 40 and not _ENUM_HEAD.match(last)
    ):
        # Short unfinished lines are headings, unless they read like a clause-laden sentence
        # (a numbered line such as 二、…：… is a heading however many commas it has).
        return False
    # A paragraph cut by a page break: the rest is long, or ends a sentence. A short unfinished
    # line after it is more likely a heading than the end of the paragraph.
    return len(line.text) >= 40 or ends_terminal(line.text)


def repair(tagged: list[Tagged], width: int | None) -> tuple[list[Block], list[Tagged]]:
    """Join wrapped lines into blocks; return the blocks and the page markers taken out."""
    blocks: list[Block] = []
    pages: list[Tagged] = []
    open_block: Block | None = None
    for t in tagged:
        if t.kind == PAGE and not (open_block is not None and _continues(open_block, t, width)):
            pages.append(t)  # a page break does not end the paragraph it cuts
            continue
        if t.kind == FOOTNOTE:
            blocks.append(Block(FOOTNOTE, t.text, [t.no], parts=[t.text]))
            continue
        if open_block is not None and _continues(open_block, t, width):
            open_block.text += t.text
            open_block.lines.append(t.no)
            open_block.widths.append(display_width(t.text))
            open_block.parts.append(t.text)
            continue
        block = Block(t.kind, t.text, [t.no], t.data, [display_width(t.text)], [t.text])
        blocks.append(block)
        open_block = block if t.kind in (TEXT, ABSTRACT, TOC_ARROW) else None
    return blocks, pages


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

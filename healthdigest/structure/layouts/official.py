"""公文 (official documents in GB/T 9704 style): one document is one article.

A 公文 reads, from the top: marks (不公开, 依申请公开, 特急), the issuing authority's header (often
letter-spaced, or "…文件"), the 文号 (顺卫〔2025〕8号) and 签发人, a title wrapped over one to four
lines that ends with its genre (关于…的通知 / 报告 / 意见 / 方案 / 函), the 主送 line ending in "：",
the body, a 附件 list, the signature (authority, （代章）) over the date, and a colophon (抄送,
印发, 此件公开发布). Forms attached after the signature are appendices; a text the notice issues
(关于印发《…方案》的通知, or a letter it sends) is part of its body.

The same parts vary the way offices vary them: two or more organs issue a joint 公文 (stacked
headers, a title opening with all their names, 签发人 one a line or several on one, signatures
side by side); a 纪要 has a 期号 and an issuer-and-date line over its title and an attendance list
(出席/列席/记录) over its colophon, and is signed by no one — its 印发 line ends it; a 通告 or a
report made at a meeting (——…在…会议上, the speaker, the salutation) has no 主送 line; a
regulation printed alone opens with 第一条; a gazette prints the 文号 under the title.

The head and tail readers take any sequence of items with `.text` and `.kind` (tagged lines or
repaired blocks), so other layouts (a web page that carries a 公文) and the document splitter
can call them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from healthdigest.model import Article, Paragraph
from healthdigest.structure import lines as L
from healthdigest.structure import patterns as P
from healthdigest.structure.layouts import Layout
from healthdigest.structure.reader import Reader, iso_date, place
from healthdigest.textutil import CJK, ends_terminal

HEAD_LIMIT = 12  # items: a 公文's head (marks, header, 文号, title, 主送) fills the top of its first page
TITLE_LINES = 4  # a title is wrapped over at most four centred lines
SIGNATURE_LINES = 3  # two authorities may sign, each name over one or two lines
TITLE_MAX = 40  # characters of one title line; a longer line is running text
ONE_LINE_TITLE_MAX = 90  # characters of a whole 关于…的通知 title printed on one line
JOINT_TITLE_MAX = 160  # … when it opens with the names of several issuing organs, no clause in it


class Item(Protocol):
    text: str
    kind: str


@dataclass
class Head:
    """Where a 公文's head lies among the items (indices, end exclusive) and what it says."""

    start: int  # first item of the head (marks, authority header, 文号 or the title itself)
    title: tuple[int, int]  # the title's items: [first, last]
    body: int  # first item of the body: the 主送 line, or what follows the title
    addressee: bool = False  # whether the body opens with a 主送 line
    issue: str | None = None  # the 文号
    authority: str | None = None  # the header's issuing authority
    marks: tuple[str, ...] = ()
    authorities: tuple[str, ...] = ()  # every authority the header names (a joint 公文 has two or more)
    date: str | None = None  # a date printed in the head (a 纪要's issuer and date line)
    speaker: int | None = None  # who made the report at a meeting (市卫生健康委员会主任 周建国)

    def title_text(self, items: Sequence[Item]) -> str:
        return join_title([items[k].text for k in range(self.title[0], self.title[1] + 1) if not _skip(items[k])])


@dataclass
class Tail:
    """Where a 公文's body ends and what follows it: 附件 list, signature, date, colophon."""

    body_end: int  # first item after the body
    attachments: tuple[int, int] | None = None  # the 附件 list: [first, end)
    signature: tuple[int, int] | None = None  # the signing authority: [first, end)
    date_item: int | None = None
    date: str | None = None  # ISO date of the signature
    end: int = 0  # first item after the colophon: attachments or the next document start here
    notes: tuple[int, int] | None = None  # a 纪要's attendance list (出席：…, 列席：…): [first, end)
    colophon: int | None = None  # first colophon item when no date is signed above it


def _skip(item: Item) -> bool:
    return item.kind in (L.PAGE, L.RUNNING)  # page furniture stands anywhere, even in a head


def join_title(parts: list[str]) -> str:
    """Title lines joined as printed: no space between Chinese characters, one between words."""
    out = ""
    for part in parts:
        part = part.strip()
        if P.LETTER_SPACED.match(part) or re.fullmatch(rf"[{CJK}](?:\s+[{CJK}]){{1,2}}", part):
            part = re.sub(r"\s+", "", part)  # a letter-spaced line: 通    告
        if out and re.match(r"[A-Za-z0-9]", part[:1]) and re.match(r"[A-Za-z0-9]", out[-1:]):
            out += " "
        out += part
    return out


def head_marks(text: str) -> tuple[tuple[str, ...], str | None, str | None] | None:
    """(marks, 文号, 签发人) when the line holds nothing else (see lines.official_marks)."""
    return L.official_marks(text)


def is_authority(text: str) -> bool:
    """The issuing authority's header: letter-spaced, "…文件", or an organ's name alone."""
    if "关于" in text or len(text) > 60:
        return False
    return bool(P.LETTER_SPACED.match(text) or text.endswith("文件") or P.AUTHORITY.match(text))


def authority_names(text: str) -> list[str]:
    """The organs a line names and nothing else: 贵阳市卫生健康局 贵阳市教育局 (a joint 公文's
    header or the first line of its title), or one letter-spaced name; [] for any other line."""
    if "关于" in text or len(text) > 60:
        return []
    if P.LETTER_SPACED.match(text):
        text = re.sub(r"\s+", "", text)
    names = [n.removesuffix("文件") for n in re.split(r"\s+", P.SEAL.sub("", text).strip()) if n]
    return names if names and all(P.AUTHORITY.match(n) for n in names) else []


def _marked_heading(item: Item) -> bool:
    """A line a laid-out original sets as a heading (large type, bold and centred): a title
    line however long its visual line (a PDF's title line may hold more than a typed one)."""
    return L.hinted_heading(getattr(item, "hint", None), item.text) and not P.ENUM_MARK.match(item.text)


def _title_like(text: str) -> bool:
    """A line that may be part of a title: short, or a longer one holding 关于 (a wide page)."""
    limit = _one_line_max(text) if "关于" in text else TITLE_MAX
    return L.is_title_like(text, max_len=limit) and not P.ENUM_MARK.match(text)


def _one_line_max(text: str) -> int:
    """How long a whole title on one line may be: four joint issuers' names make a long one."""
    issuers = text.split("关于", 1)[0].strip()
    joint = issuers and "，" not in text and len(authority_names(issuers)) >= 2
    return JOINT_TITLE_MAX if joint else ONE_LINE_TITLE_MAX


def is_title_end(text: str) -> bool:
    """The last line of a 公文 title: short, and ends with the genre (…的通知, …方案, …的函).
    A whole title on one line (关于…的通知) may be longer than a wrapped line."""
    # The genre word may be letter-spaced on a line of its own (通    告); a longer spaced
    # line (会 议 纪 要) is a header.
    squeezed = text if P.LETTER_SPACED.match(text) else re.sub(r"\s+", "", text)
    if P.OFFICIAL_GENRE.search(squeezed) is None or P.ENUM_MARK.match(text):
        return False
    return L.is_title_like(text, max_len=TITLE_MAX) or (
        "关于" in text and L.is_title_like(text, max_len=_one_line_max(text))
    )


def _first_part(item: Item) -> str:
    parts = getattr(item, "parts", None)
    return parts[0] if parts else item.text


def is_addressee(text: str) -> bool:
    """The 主送 line: the bodies addressed, ending in a colon (各区卫生健康局，市直各单位：)."""
    if not text.endswith(("：", ":")) or len(text) > 120 or "。" in text or P.ENUM_MARK.match(text):
        return False
    label = text.rstrip("：:").strip()
    return not re.match(r"^(?:附\s*件|联\s*系|电\s*话|抄\s*送|地\s*址|邮\s*箱|备\s*注|说\s*明|注)", label)


def read_head(items: Sequence[Item], start: int = 0, *, limit: int = HEAD_LIMIT) -> Head | None:
    """The 公文 head that opens at `start`, or None when running text comes first.

    From the top: marks, header, 文号 and 签发人 lines, then title lines up to the one that ends
    with the genre, then the 主送 line. A line after 附件 opens an attachment, not a head.
    """
    marks: tuple[str, ...] = ()
    issue = authority = None
    authorities: list[str] = []
    seen = 0
    k = start
    first_head = None  # the first mark or header line: what stands above it is no part of the head
    signer_at = None  # the 签发人 line: further signers of a joint 公文 stand one a line under it
    minutes = False  # a 纪要's header (会议纪要) was seen: its 期号 (第6期) is the issue
    date = None
    last_authority = None  # the item of the last authority line
    while k < len(items) and seen < limit:
        item = items[k]
        text = item.text
        if _skip(item):
            k += 1
            continue
        seen += 1
        if P.APPENDIX.match(text):
            return None
        found = head_marks(text)
        if item.kind == L.ISSUE and minutes and found is None:
            issue = issue or re.sub(r"\s+", "", text)  # 2024年第6期 under 会议纪要
            k += 1
            continue
        if item.kind == L.DATE and found is None and (minutes or (authority and k - 1 == last_authority)):
            date = date or (iso_date(*item.data) if len(item.data) == 3 else None)
            k += 1
            continue  # a 纪要's date under its issuer (a PDF sets them apart on one line)
        if found is None and item.kind != L.TEXT:
            return None  # a date, breadcrumb or web field line: no 公文 head opens here
        if found is not None:
            marks += found[0]
            issue = issue or found[1]
            first_head = k if first_head is None else first_head
            signer_at = k if found[2] else None
        elif signer_at == k - 1 and P.PERSON_NAME.match(text):
            signer_at = k  # 签发人：周立新 / 谭 敏: the next signer, under the first
        elif P.MINUTES_NUMBER.match(text):
            issue = issue or re.sub(r"\s+", "", text)  # 〔2024〕第6期: a 纪要's number
            first_head = k if first_head is None else first_head
        elif (m := P.ISSUER_DATE.match(text)) and P.AUTHORITY.match(m.group("who")):
            # 宁德市卫生健康委员会办公室    2024年4月12日: who issues a 纪要 and when, over its title
            date = iso_date(m.group("y"), m.group("m"), m.group("d"))
            authority = authority or m.group("who")
            first_head = k if first_head is None else first_head
        elif (is_title_end(text) and not _genre_alone(items, k, start)) or _genre_wrapped(items, k, start):
            k = _title_end(items, k)
            first = _title_start(items, start, k)
            head_start = min(first, first_head) if first_head is not None else first
            head = Head(head_start, (first, k), k + 1, issue=issue, authority=authority, marks=marks)
            head.authorities = tuple(dict.fromkeys(authorities))
            head.date = date
            return _with_addressee(items, head)
        elif is_authority(text) and "关于" not in text:
            name = re.sub(r"\s+", "", P.SEAL.sub("", text))
            j, wrapped = k - 1, False
            if first_head is None and j >= start and items[j].kind == L.TEXT and _title_like(items[j].text):
                # The header's name wrapped over two lines: its first line is no organ's name alone.
                joined = re.sub(r"\s+", "", items[j].text) + name
                if len(items[j].text) <= 20 and is_authority(joined) and not P.COLLECTION.search(joined):
                    first_head, name, wrapped = j, joined, True
            authority = authority or name.removesuffix("文件")
            # One line may name two organs (a joint header); a name wrapped over two lines is one.
            authorities.extend(authority_names(name) if wrapped else authority_names(text) or authority_names(name))
            minutes = minutes or name.endswith("纪要")
            last_authority = k
            first_head = k if first_head is None else first_head
        elif not (_title_like(text) or _marked_heading(item)):
            return None
        k += 1
    return None


def _genre_wrapped(items: Sequence[Item], k: int, start: int) -> bool:
    """A title whose genre word the wrap broke (…情况的报 / 告): a line of a character or two
    that ends a title together with the line above it."""
    text, before = items[k].text, items[k - 1].text if k > start else ""
    if not 0 < len(text) <= 2 or re.search(r"\s", text) or items[k - 1].kind != L.TEXT:
        return False  # a letter-spaced 纪  要 under the issuer is a header, not a wrap
    return not is_title_end(before) and not is_authority(before) and is_title_end(before + text)


def _genre_alone(items: Sequence[Item], k: int, start: int) -> bool:
    """A line holding only the genre word (纪  要, 通  告) ends a title only under the title's
    other lines (关于…的 / 通  告); on its own under the issuer it is a header."""
    if not re.search(r"\s", items[k].text) or len(re.sub(r"\s+", "", items[k].text)) > 4:
        return False
    prev = k - 1
    while prev >= start and _skip(items[prev]):
        prev -= 1
    return prev < start or not ("关于" in items[prev].text or items[prev].text.endswith("的"))


def _title_end(items: Sequence[Item], k: int) -> int:
    """The last title line from a line that ends on a genre word: a wrapped line may end on
    one by chance (关于进一步规范 / …工作的通知), so a title line after it that ends on one too
    ends the title instead."""
    end = k
    nxt = k + 1
    while nxt < len(items) and nxt - k < TITLE_LINES:
        if _skip(items[nxt]):
            nxt += 1
            continue
        if items[nxt].kind != L.TEXT or not (is_title_end(items[nxt].text) or P.TITLE_NOTE.match(items[nxt].text)):
            break
        end = nxt
        nxt += 1
    return end


def _title_start(items: Sequence[Item], start: int, end: int) -> int:
    """The first line of the title that ends at `end`: the title is wrapped over lines above it
    until a mark, 文号 or header line; at most one line (the rest of the authority's name)
    stands above the line holding 关于, and none when that line opens with 关于 or repeats
    the header above it."""
    first = end
    about_at = end if "关于" in items[end].text else None
    while end - first + 1 < TITLE_LINES:
        cur = items[first].text
        prev = first - 1
        while prev >= start and _skip(items[prev]):
            prev -= 1
        if prev < start:
            break
        above = items[prev].text
        if above.count("《") > above.count("》") and _title_like(above) and head_marks(above) is None:
            first = prev  # 关于转发《…办公厅 / 关于…的通知》的通知: this 关于 is inside a book title
            about_at = first if "关于" in above else about_at
            continue
        if cur.startswith("关于"):
            if _joint_title_line(items, start, prev):
                first = prev
            break
        if about_at is not None and first < about_at:
            break
        text = items[prev].text
        if head_marks(text) is not None or P.LETTER_SPACED.match(text) or text.endswith("文件"):
            break
        if not (_title_like(text) or _marked_heading(items[prev])):
            break
        if cur.startswith(re.sub(r"\s+", "", text)):  # the header, repeated as the title's opening
            break
        if about_at is not None and re.search(r"\d{4}\s*年|第\s*\d{1,4}\s*期", text):
            break  # a gazette's head (某省人民政府公报 2023年第6期): no organ's name holds a year
        first = prev
        if about_at is None and "关于" in text:
            about_at = first
    return first


def _joint_title_line(items: Sequence[Item], start: int, k: int) -> bool:
    """Whether line `k`, above a title line opening with 关于, is the title's first line naming
    the issuing authorities (贵阳市卫生健康局 贵阳市教育局 / 关于做好…的通知): two or more names
    on one line, or one name under the 文号 or header (the red header is above the 文号)."""
    names = authority_names(items[k].text)
    if not names or P.LETTER_SPACED.match(items[k].text):
        return False
    if len(names) >= 2:
        return True
    above = k - 1
    while above >= start and _skip(items[above]):
        above -= 1
    if above < start:
        return False
    text = items[above].text
    found = head_marks(text)
    return bool(found and found[1]) or text.endswith("文件")


def _with_addressee(items: Sequence[Item], head: Head) -> Head:
    """The 主送 line after the title, on one line or wrapped over two. A 文号 printed under the
    title (a gazette or a web page prints it there) is the head's."""
    k = head.body
    while k < len(items) and (_skip(items[k]) or ((found := head_marks(items[k].text)) is not None and found[1])):
        if not _skip(items[k]):
            head.issue = head.issue or found[1]
        k += 1
    occasion = items[k].text if k < len(items) else ""
    if occasion.startswith(("—", "－", "-")) and not P.OCCASION.match(occasion) and k + 1 < len(items):
        occasion, wrapped = occasion + items[k + 1].text, 1  # the occasion wrapped over two lines
    else:
        wrapped = 0
    if m := P.OCCASION.match(occasion):
        # ——2024年8月27日在市人大常委会会议上 / 市卫生健康委员会主任 周建国: a report made at a
        # meeting says where and when, and who made it, over its salutation.
        if m.group("y"):
            head.date = iso_date(m.group("y"), m.group("m"), m.group("d"))
        k += 1 + wrapped
        if k + 1 < len(items) and _title_like(items[k].text) and len(items[k].text) <= 30 and is_addressee(items[k + 1].text):
            head.speaker = k
            k += 1
    if k >= len(items):
        head.body = k
        return head
    first = _first_part(items[k])
    if is_addressee(first):
        head.addressee = True
    elif (
        k + 1 < len(items)
        and _title_like(items[k].text)
        and not re.search("[:：]", items[k].text)
        and is_addressee(_first_part(items[k + 1]))
    ):
        head.addressee = len(items[k].text) + len(_first_part(items[k + 1])) <= 120
    head.body = k
    return head


def is_date(item: Item) -> str | None:
    """The ISO date of a signature's date line (2025年1月26日, 二〇二五年一月二十六日)."""
    if item.kind != L.DATE:
        return None
    if m := P.DATE.match(item.text):
        return iso_date(*P.date_parts(m))
    if m := P.CN_DATE.match(re.sub(r"\s+", "", item.text)):
        y, mo, d = (P.cn_number(m.group(g)) for g in ("y", "m", "d"))
        return iso_date(str(y), str(mo), str(d))
    return None


def _is_signature_line(text: str) -> bool:
    """An organ's name over the date: never a field (联系人：…, 邮箱：…) nor a 附件 list."""
    if not _title_like(text) or P.ATTACHMENT_LIST.match(text) or re.search("[:：]", text):
        return False
    return bool(is_authority(text) or P.SEAL.search(text) or P.LETTER_SPACED.match(text) or len(text) <= 30)


def _is_list_entry(text: str) -> bool:
    """A line of the 附件 list: 2.基层医疗机构流感样病例监测统计表."""
    return bool(re.match(r"^\d{1,2}\s*[.、．]", text)) and len(text) <= 80 and not text.endswith("。")


def read_tail(items: Sequence[Item], body_start: int, end: int | None = None) -> Tail:
    """Where the body that starts at `body_start` ends: before its 附件 list and the signature
    over the date; then the colophon (抄送, 印发, contacts in brackets) after the date."""
    end = len(items) if end is None else end
    # The 印发 line is a 公文's last (its 版记): what follows it is another document's.
    end = next((k + 1 for k in range(body_start, end) if _printed_line(items[k].text)), end)
    for d in range(body_start, end):
        date = is_date(items[d])
        if date is None:
            continue
        sig = d
        while sig - 1 > body_start and d - sig < SIGNATURE_LINES and _is_signature_line(items[sig - 1].text):
            sig -= 1
        if sig == d and not (d - 1 >= body_start and ends_terminal(items[d - 1].text)):
            continue  # a date alone in running text, not a signature's
        if _body_goes_on(items, d + 1, end):
            continue  # a date in a list or table of the body: the text goes on after it
        tail = Tail(body_end=sig, signature=(sig, d) if sig < d else None, date_item=d, date=date)
        _attachment_list(items, body_start, tail)
        tail.end = _colophon_end(items, d + 1, end)
        return tail
    # No signature: the body ends at its 附件 list when only attachments follow it, or at the
    # colophon closing it (a 纪要, or the text a 印发 notice issues, is signed by no one); a
    # 附件 head opens what is attached to it.
    end = next((k for k in range(body_start + 1, end) if P.ATTACHMENT_HEAD.match(items[k].text)), end)
    tail = Tail(body_end=end, end=end)
    close = _unsigned_close(items, body_start, end)
    if close < end:
        tail.body_end, tail.colophon = close, close
        notes = close
        while notes - 1 > body_start and _is_attendance(items, notes - 1, close):
            notes -= 1
        if notes < close:
            tail.notes, tail.body_end = (notes, close), notes
        return tail
    for k in range(end - 1, body_start, -1):
        if P.ATTACHMENT_LIST.match(items[k].text):
            j = k + 1
            while j < end and (_is_list_entry(items[j].text) or _skip(items[j])):
                j += 1
            if j >= end or P.ATTACHMENT_HEAD.match(items[j].text) or not is_prose(items[j].text):
                tail.body_end, tail.attachments, tail.end = k, (k, j), j
            break
    return tail


def _printed_line(text: str) -> bool:
    """The 印发 line of the colophon (某办公室  2024年5月10日印发): short, no clause in it — a
    sentence of the body that ends 于2024年3月5日印发 is no colophon."""
    return len(text) <= 40 and not re.search("[，,。；《]", text) and bool(P.PRINTED_ON.search(text))


def _unsigned_close(items: Sequence[Item], body_start: int, end: int) -> int:
    """Where the colophon (抄送, 分送, the 印发 line) closing an unsigned 公文 begins: the lines at
    its end that are colophon or page marks, when one of them is a 抄送/分送 or 印发 line."""
    k, seen = end, False
    while k - 1 > body_start and (_skip(items[k - 1]) or P.COLOPHON.search(items[k - 1].text)):
        k -= 1
        seen = seen or not _skip(items[k])
        if P.PRINTED_ON.match(items[k].text) and k - 1 > body_start and is_authority(items[k - 1].text):
            k -= 1  # the printing office over its 印发 date (a PDF sets them apart on one line)
    return k if seen else end


def _is_attendance(items: Sequence[Item], k: int, close: int) -> bool:
    """A line of a 纪要's attendance list above its colophon: 出席：… / 列席：… / 记录：…, or the
    wrapped rest of one (no sentence in it) when a labelled line stands above it."""
    text = items[k].text
    if P.ATTENDANCE.match(text):
        return True
    if _skip(items[k]) or ends_terminal(text) or len(text) > TITLE_MAX * 2:
        return False
    return any(P.ATTENDANCE.match(items[j].text) for j in range(max(0, k - 3), k))


def is_prose(text: str) -> bool:
    """A line of running text: long, ending a sentence (not a table row)."""
    return len(text) > 40 and ends_terminal(text) and not text.startswith(("|", "+"))


def _body_goes_on(items: Sequence[Item], k: int, end: int) -> bool:
    """After a signature's date comes the colophon, an attachment, an issued text's title, the
    next document or the end; a numbered heading or a paragraph means the body goes on."""
    while k < end and _skip(items[k]):
        k += 1
    if k >= end:
        return False
    text = items[k].text
    if P.COLOPHON.search(text) or P.CONTACT.match(text) or _is_bracketed_tail(text) or P.ATTACHMENT_HEAD.match(text):
        return False
    return bool(P.ENUM_MARK.match(text)) or (len(text) > 40 and ends_terminal(text))


def _attachment_list(items: Sequence[Item], body_start: int, tail: Tail) -> None:
    """The 附件 list just above the signature: 附件：1.… then one entry a line."""
    k = tail.body_end - 1
    # 附件：1.… / 2.…, or one 附件1：… line per attachment.
    while k > body_start and (
        _is_list_entry(items[k].text) or _skip(items[k]) or _numbered_attachment(items, k - 1) or _entry_rest(items, k)
    ):
        k -= 1
    if k > body_start and (P.ATTACHMENT_LIST.match(items[k].text) or P.ATTACHMENT_HEAD.match(items[k].text)):
        tail.attachments = (k, tail.body_end)
        tail.body_end = k


def _entry_rest(items: Sequence[Item], k: int) -> bool:
    """The wrapped rest of a 附件 list entry (…专项督查工作 / 方案): short, no sentence, under
    an entry or the 附件： line."""
    text = items[k].text
    if len(text) > 20 or ends_terminal(text) or P.ENUM_MARK.match(text) or _skip(items[k]):
        return False
    prev = k - 1
    while prev >= 0 and _skip(items[prev]):
        prev -= 1
    return prev >= 0 and (_is_list_entry(items[prev].text) or bool(P.ATTACHMENT_LIST.match(items[prev].text)))


def _numbered_attachment(items: Sequence[Item], k: int) -> bool:
    """附件1：… over 附件2：…: a list naming one attachment a line, not an attachment's head."""
    if k < 0 or not re.match(r"^附\s*件\s*\d{1,2}\s*[:：]\s*\S", items[k].text):
        return False
    nxt = k + 1
    while nxt < len(items) and _skip(items[nxt]):
        nxt += 1
    return nxt < len(items) and bool(re.match(r"^附\s*件\s*\d{1,2}\s*[:：]\s*\S", items[nxt].text))


def _colophon_end(items: Sequence[Item], k: int, end: int) -> int:
    open_list = False  # a 抄送 list that has not ended with 。 goes on in the next line
    while k < end:
        text = items[k].text
        if _skip(items[k]) or P.COLOPHON.search(text) or P.CONTACT.match(text) or _is_bracketed_tail(text):
            open_list = bool(P.COPY_TO.match(text)) and not ends_terminal(text) or (open_list and _skip(items[k]))
            k += 1
            continue
        if open_list and len(text) <= 60 and not P.ATTACHMENT_HEAD.match(text):
            open_list = not ends_terminal(text)
            k += 1
            continue
        break
    return k


def _is_bracketed_tail(text: str) -> bool:
    """A bracketed note under the date: （联系人：…，联系电话：…）, possibly wrapped."""
    return text.startswith(("（", "(")) and ("联系" in text or "电话" in text or "此件" in text)


def is_form(title: str) -> bool:
    """An attached form or list (登记表, 名单, 回执, 参考式样): an appendix, not issued text."""
    return bool(P.FORM_TITLE.search(title)) or "式样" in title or "样式" in title


def issues_text(notice_title: str, body_text: str, attachment_title: str) -> bool:
    """Whether a notice issues the text attached to it (the plan a 印发 notice sends, a letter
    it names in 《》): that text is then part of the notice's body, forms are not."""
    if not attachment_title or is_form(attachment_title):
        return False
    if P.ISSUING.search(notice_title):
        return True
    named = re.sub(r"\s+", "", attachment_title)
    if len(named) < 4:
        return False
    sentences = re.split(r"(?<=[。；！？])", re.sub(r"\s+", "", body_text))
    return any(f"《{named}" in s and P.ISSUING_VERB.search(s) for s in sentences)


def evidence_at_top(items: Sequence[Item]) -> float:
    """How strongly the top of the document is a 公文 head: a title ending with its genre, with
    关于, a 文号, marks or the 主送 line; and whether the tail (signature and date, 附件) follows."""
    head = read_head(items, 0)
    if head is None:
        return 0.0
    title = head.title_text(items)
    tail = read_tail(items, head.body)
    # A headline that merely ends with 通知 (a news story on a notice) is no 公文: one of the
    # 公文's own marks must stand with it — 文号, marks or header, 主送, signature and date, or a
    # closing 附件 list (an attachment printed alone, such as a guideline, still reads as one).
    # A regulation printed alone (…实施细则 over 第一条 …) is read as one too: its articles are its mark.
    articles = opens_with_article(items, head)
    if not (head.issue or head.marks or head.authority or head.addressee or tail.date or tail.attachments or articles):
        return 0.0
    score = 1.0
    score += 1.0 if "关于" in title else 0.0
    score += 1.5 if head.issue else 0.0
    score += 0.5 if head.marks or head.authority else 0.0
    score += 1.5 if head.addressee else 0.0
    score += 1.0 if tail.date else 0.0
    score += 0.5 if tail.attachments else 0.0
    score += 1.0 if articles else 0.0
    return score


def opens_with_article(items: Sequence[Item], head: Head) -> bool:
    """The text under the title opens with 第一条: a regulation (办法, 细则, 规定) printed alone."""
    k = head.body
    while k < len(items) and _skip(items[k]):
        k += 1
    return k < len(items) and bool(FIRST_ARTICLE.match(items[k].text))


FIRST_ARTICLE = re.compile(r"^第\s*一\s*条")


# Kinds of line a saved web page has and a 公文 never prints: the web layout reads such a page,
# calling read_tail / read_body for the 公文 it carries (from its 主送 line).
_WEB_CHROME = (L.CRUMB, L.WEBMETA, L.NAV, L.FOOTER)


def evidence(tagged: list[L.Tagged]) -> float:
    # A 公文 shows itself at the top: title + 主送, or 关于 + 文号, etc. The bare title of a
    # guideline with a closing 附件 list (score 1.5) is a 公文's attachment, still one document.
    if any(t.kind in _WEB_CHROME for t in tagged):
        return 0.0
    score = evidence_at_top(tagged)
    return score + 2.0 if score >= 1.5 else 0.0


def split(r: Reader, start: int) -> None:
    """One 公文, one article: its title, its body from the 主送 line to the last sentence."""
    from healthdigest.structure.layouts.plain import split_single

    start = r.skip_used(start)
    _unjoin_head(r, start)
    blocks = r.blocks
    head = read_head(blocks, start)
    if head is None:
        split_single(r, start)
        return
    meta = r.bulletin.metadata
    for i in range(start, head.title[0]):
        if i in r.used:
            continue
        b = blocks[i]
        if b.kind == L.PAGE:
            r.drop(i, "page marker")
        elif i >= head.start:
            r.take(i, "metadata")  # marks, 文号, the authority's header
        elif i < head.start and meta.title is None and P.COLLECTION.search(b.text) and _title_like(b.text):
            # A 文件汇编's cover names the collection: the title of the whole file.
            meta.title = b.text
            r.take(i, "metadata")
        else:
            r.drop(i, "above the 公文 head")
    if head.issue and meta.issue is None:
        meta.issue = head.issue
    for name in head.authorities or ((head.authority,) if head.authority else ()):
        if name not in meta.publisher:
            meta.publisher.append(name)
    article = Article(
        title=head.title_text(blocks), lines=(blocks[head.title[0]].lines[0], blocks[head.title[1]].lines[-1])
    )
    for i in range(head.title[0], head.title[1] + 1):
        if blocks[i].kind == L.PAGE:
            r.drop(i, "page marker")
        else:
            r.take(i, "title")
    for i in range(head.title[1] + 1, head.body):  # a 文号 under the title, a report's occasion
        if i in r.used:
            continue
        if blocks[i].kind == L.PAGE:
            r.drop(i, "page marker")
        elif i == head.speaker:
            article.byline = re.sub(r"\s+", " ", r.take(i, "byline").text)
        else:
            r.take(i, "metadata")
    r.bulletin.articles.append(article)
    if meta.title is None and not head.addressee and opens_with_article(blocks, head):
        meta.title = article.title  # a regulation printed alone: the document is the regulation
    body = head.body
    if body < len(blocks) and body not in r.used and P.DOC_NUMBER.match(blocks[body].text):
        # A 文件汇编 or a web page prints the 文号 under the title: the 公文's number, not its text.
        meta.issue = meta.issue or blocks[body].text
        r.take(body, "metadata")
        body += 1
    _rejoin_wrapped(r, body)
    date = read_body(r, article, body, len(r.blocks), notice_title=article.title)
    if meta.date is None:
        meta.date = date or head.date


def _unjoin_head(r: Reader, start: int) -> None:
    """Cut a block that wrap repair joined across the end of the title or of the 主送 line: a
    whole title on one line is as wide as running text, but the title ends where its genre does."""
    i = start
    while i < min(len(r.blocks), start + HEAD_LIMIT):
        b = r.blocks[i]
        cut = (
            next(
                (j + 1 for j, part in enumerate(b.parts[:-1]) if is_title_end(part) or is_addressee(part)),
                None,
            )
            if b.kind == L.TEXT and len(b.parts) > 1
            else None
        )
        if cut is not None:
            r.blocks[i : i + 1] = [
                L.Block(L.TEXT, "".join(b.parts[:cut]), b.lines[:cut], (), b.widths[:cut], b.parts[:cut]),
                L.Block(L.TEXT, "".join(b.parts[cut:]), b.lines[cut:], (), b.widths[cut:], b.parts[cut:]),
            ]
        i += 1


# What ends a 公文 paragraph: a sentence, or a colon (the 主送 line, 现将有关事项通知如下：).
_PARAGRAPH_END = "。！？!?；;…：:"


def _is_heading(text: str) -> bool:
    """A heading or name line (一、监测区域, （一）信息收集, a signature): short, no clause in it."""
    words = P.ENUM_MARK.sub("", text)
    if len(text) > TITLE_MAX or re.search(r"[，,；;：:。、]", words):
        return False
    # A line that opens a bracket or a book title without closing it goes on in the next.
    return all(words.count(o) <= words.count(c) for o, c in ("《》", "（）", "()", "“”", "〔〕"))


def _stands_alone(text: str) -> bool:
    """A line that is never part of a paragraph: a 附件 line, marks, a colophon line, a label of
    a 纪要's attendance list (出席：…)."""
    return bool(P.APPENDIX.match(text) or head_marks(text) or P.COLOPHON.search(text) or P.ATTENDANCE.match(text))


def _full_width(blocks: Sequence[L.Block]) -> int | None:
    """The display width most body lines fill (a PDF's wrap), when one width is common enough
    to tell: a line that fills it is wrapped text even without a comma in it."""
    widths = Counter(w for b in blocks if b.kind == L.TEXT for w in b.widths if w >= 30)
    total = sum(1 for b in blocks if b.kind == L.TEXT for _ in b.widths)
    if not widths or total < 10:
        return None
    best = max(widths, key=lambda w: (sum(widths.get(w + d, 0) for d in range(-3, 4)), w))
    near = sum(widths.get(best + d, 0) for d in range(-3, 4))
    return best if near >= 0.2 * total else None


# 一、 (P.PART_HEAD) opens a part of a 公文 on a line of its own; （一） and 1. may run into their sentence.


def _fills_line(b: L.Block, full: int | None) -> bool:
    """An unnumbered line as wide as the body's lines: wrapped text, not a centred heading."""
    if full is None or len(b.parts) > 1 or b.widths[-1] < 0.85 * full:
        return False
    return not (P.PART_HEAD.match(b.text) or is_title_end(b.text))  # a part head, a title


def _rejoin_wrapped(r: Reader, start: int) -> None:
    """Join the lines of a paragraph that wrap repair left apart (a PDF whose wrap width it could
    not tell): a 公文 paragraph ends with a sentence or a colon, so a line that stops mid-clause
    goes on in the next, unless that one opens a numbered heading or the line is a heading."""
    full = _full_width(r.blocks[start:])
    i = start
    while i < len(r.blocks):
        b = r.blocks[i]
        if b.kind == L.TEXT and len(b.parts) > 1 and P.PART_HEAD.match(b.parts[0]) and _is_heading(b.parts[0]):
            # A numbered heading as wide as a line was taken for wrapped text: it stands alone.
            r.blocks[i : i + 1] = [
                L.Block(L.TEXT, b.parts[0], b.lines[:1], (), b.widths[:1], b.parts[:1]),
                L.Block(L.TEXT, "".join(b.parts[1:]), b.lines[1:], (), b.widths[1:], b.parts[1:]),
            ]
        i += 1
    i = start
    while i + 1 < len(r.blocks):
        a, b = r.blocks[i], r.blocks[i + 1]
        if (
            a.kind == L.TEXT
            and b.kind == L.TEXT
            and a.text[-1] not in _PARAGRAPH_END
            and (not _is_heading(a.text) or _fills_line(a, full))
            and not P.ENUM_MARK.match(b.text)
            and not any(_stands_alone(x.text) for x in (a, b))
            and not is_authority(b.text)
            # The 主送 line stands apart from a heading over it, but may itself wrap over two lines.
            and not (is_addressee(b.text) and _is_heading(a.text))
        ):
            r.blocks[i : i + 2] = [
                L.Block(L.TEXT, a.text + b.text, a.lines + b.lines, (), a.widths + b.widths, a.parts + b.parts)
            ]
        else:
            i += 1


def read_body(r: Reader, article: Article, start: int, end: int, *, notice_title: str) -> str | None:
    """Place a 公文's body, 附件 list, signature, date and colophon, then what is attached:
    a text the notice issues continues the body, forms are appendices. Returns the date signed."""
    blocks = r.blocks
    tail = read_tail(blocks, start, end)
    for i in range(start, tail.body_end):
        if i not in r.used:
            place(r, i, article)
            if (
                blocks[i].kind == L.CHAPTER
                and article.paragraphs
                and article.paragraphs[-1].lines == tuple(blocks[i].lines)
            ):
                article.paragraphs[-1].kind = "subheading"  # 第一章 总则 of an issued 办法
    if tail.attachments:
        for i in range(*tail.attachments):
            if i not in r.used and blocks[i].kind != L.PAGE:
                r.take(i, "footnote")
                if _entry_rest(blocks, i) and article.footnotes:
                    article.footnotes[-1] += blocks[i].text  # an entry wrapped over two lines
                else:
                    article.footnotes.append(blocks[i].text)
    if tail.signature:
        # Two authorities signing side by side are set apart by a run of spaces: one space is enough.
        names = [
            " ".join(authority_names(text) or [re.sub(r"\s+", " ", text)])
            for i in range(*tail.signature)
            if blocks[i].kind != L.PAGE and (text := P.SEAL.sub("", blocks[i].text).strip())
        ]
        for i in range(*tail.signature):
            r.take(i, "source")
        if article.source is None and names:
            article.source = " ".join(names)
    if tail.notes:
        for i in range(*tail.notes):
            if i not in r.used and blocks[i].kind != L.PAGE:
                r.take(i, "footnote")
                article.footnotes.append(blocks[i].text)
    if tail.date_item is not None:
        r.take(tail.date_item, "metadata")
    colophon = tail.date_item + 1 if tail.date_item is not None else tail.colophon
    for i in range(colophon if colophon is not None else tail.end, tail.end):
        if i in r.used:
            continue
        b = blocks[i]
        if b.kind == L.PAGE:
            r.drop(i, "page marker")
        elif P.CONTACT.match(b.text) or _is_bracketed_tail(b.text):
            r.take(i, "footnote")
            article.footnotes.append(b.text)
        else:
            r.drop(i, "colophon")
    issued_date = _read_attachments(r, article, tail.end, end, notice_title=notice_title)
    return tail.date or issued_date


def _read_attachments(r: Reader, article: Article, start: int, end: int, *, notice_title: str) -> str | None:
    """Attachments after the signature, each opened by 附件 / 附件1 or by its own title."""
    blocks = r.blocks
    i = r.skip_used(start)
    while i < end:
        if i in r.used:
            i += 1
            continue
        b = blocks[i]
        if b.kind == L.PAGE:
            r.drop(i, "page marker")
            i += 1
            continue
        if P.ATTACHMENT_LIST.match(b.text) and not P.ATTACHMENT_HEAD.match(b.text):
            # The 附件 list printed under the signature (a web page does): it names the
            # attachments, the texts themselves follow under their own heads or not at all.
            r.take(i, "footnote")
            article.footnotes.append(b.text)
            i += 1
            continue
        forwarded = read_head(blocks, i, limit=6) if not P.ATTACHMENT_HEAD.match(b.text) else None
        if forwarded is not None and issues_text(notice_title, article.text, forwarded.title_text(blocks)):
            # The 公文 a 转发 notice forwards, printed whole after it: its title heads the rest of
            # the body; its header and 文号 are its own, not this notice's.
            for k in range(i, forwarded.title[0]):
                if k not in r.used:
                    r.drop(k, "page marker" if blocks[k].kind == L.PAGE else "forwarded document's head")
            title = forwarded.title_text(blocks)
            lines = [no for k in range(forwarded.title[0], forwarded.title[1] + 1) if not _skip(blocks[k]) for no in r.take(k, "body").lines]
            article.paragraphs.append(Paragraph(title, tuple(lines), "subheading"))
            return read_body(r, article, forwarded.body, end, notice_title=title)
        heading = i if P.ATTACHMENT_HEAD.match(b.text) else None
        t = i + 1 if heading is not None else i
        while t < end and blocks[t].kind == L.PAGE:
            t += 1
        title = blocks[t].text if t < end and _title_like(blocks[t].text) else ""
        last = t  # the issued text's title may be wrapped over lines, up to its genre word
        if title and not is_title_end(title):
            wrapped = next((k for k in range(t + 1, min(end, t + TITLE_LINES)) if is_title_end(blocks[k].text)), None)
            if wrapped is not None and all(_title_like(blocks[k].text) for k in range(t, wrapped + 1)):
                last = wrapped
                title = join_title([blocks[k].text for k in range(t, wrapped + 1)])
        if heading is not None and not title:
            inline = re.sub(r"^附\s*件\s*\d{0,2}\s*[:：]?\s*", "", b.text)
            title = inline
        nxt = _next_attachment(blocks, t + 1, end)
        if title and issues_text(notice_title, article.text, title):
            if heading is not None:
                r.take(heading, "body")
                article.paragraphs.append(Paragraph(b.text, tuple(b.lines), "subheading"))
            if t != heading and t < end:
                lines = [no for k in range(t, last + 1) for no in r.take(k, "body").lines]
                article.paragraphs.append(Paragraph(title, tuple(lines), "subheading"))
            # The issued text has a body and maybe a 附件 list and signature of its own.
            return read_body(r, article, last + 1, end, notice_title=title)
        for k in range(i, nxt):
            if k not in r.used:
                r.drop(k, "page marker" if blocks[k].kind == L.PAGE else "appendix")
        i = nxt
    return None


def _next_attachment(blocks: Sequence[Item], k: int, end: int) -> int:
    while k < end and not P.ATTACHMENT_HEAD.match(blocks[k].text):
        k += 1
    return k


# A 公文 has no masthead, 要点 or 目录: its head is read by `split` itself.
LAYOUT = Layout("official", evidence, split, front_matter=False)

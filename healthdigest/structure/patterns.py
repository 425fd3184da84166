"""The patterns of the genre, each defined once: what a page mark, a 目录 entry, a 来源 line,
an issue number or an enumeration mark looks like. Line kinds (lines.py), the front matter
and the layouts all read them from here."""

from __future__ import annotations

import re

from healthdigest.textutil import CJK

CONTENTS_LABELS = {"目录", "本期目录", "本期视点", "本期导读", "导读", "本期要目", "目次", "要目"}
BODY_LABELS = {"本期内容", "正文", "内容"}
NOT_SECTIONS = {"编者按", "提要", "摘要", "导读", "要点", "内容提要", "按"}
CREDIT_LABELS = {"摄影报道", "图文报道", "摄影"}  # what a credit is, not who made it

CN_DIGITS = "〇零一二三四五六七八九十百千两"

PAGE = re.compile(
    r"^(?:[-—–]\s*)?\d{1,4}\s*(?:/|／|of)\s*\d{1,4}(?:\s*[-—–])?$"
    r"|^第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?$"
    r"|^[-—–]\s*\d{1,4}\s*[-—–]$"
)
NAV = re.compile(
    r"^(?:[【\[]?(?:返回目录|返回顶部|回到顶部|返回首页|返回|打印本页|打印|关闭窗口|关闭|收藏)[】\]]?\s*)+$"
    r"|^(?:上一篇|下一篇|分享到|相关链接|相关阅读)\s*[:：]?.*$|^扫一扫.{0,20}$"
)
CRUMB = re.compile(r"^(?:首页|主页|网站首页|当前位置|您的位置|您现在的位置|位置)\s*[>＞»›:：]|(?:[>＞»›][^>＞»›]*){2,}$")
SECTION_BRACKET = re.compile(r"^【([^】]{2,12})】$")
SECTION_DOT = re.compile(r"^[·•]\s*([^·•]{2,12}?)\s*[·•]$")
SECTION_MARK = re.compile(r"^[■◆▌▍]\s*([^\s]{2,12})$")
DIVIDER = re.compile(r"^[-—–=*]{2,}\s*([^-—–=*\s]{2,10})\s*[-—–=*]{2,}$")
CONTENTS = re.compile(r"^(?:目\s*录|本期目录|本期导读|本期要目|本期视点|目\s*次)$")
BODY = re.compile(r"^(?:本期内容|正\s*文)$")
FOOTER = re.compile(
    r"^(?:版权所有|Copyright|©|\(c\)|备案号|.{0,20}ICP备|主办单位|承办单位|技术支持|联系我们|网站地图|网站标识码)", re.I
)
HIGHLIGHTS = re.compile(r"^(?:本期)?要\s*点$|^本期(?:提要|关注)$")
LIST_ITEM = re.compile(r"^(?:[-•●▪◆*]\s+|[•●▪◆]\s*)(.+)$")
TOC_DOTTED = re.compile(r"^(.{4,}?)\s*(?:\.{3,}|…{2,}|·{3,}|．{3,}|-{4,})\s*(\d{1,4})$")
TOC_ARROW = re.compile(r"^[▶►▸➤]\s*(.+)$")
PAGE_REF = re.compile(r"[-—–]*\s*第\s*(\d{1,4})\s*页\s*$")
ISSUE = re.compile(
    r"^(?:(?P<year>\d{4})\s*年\s*)?第\s*(?P<number>\d{1,4})\s*期"
    r"(?:\s*[（(]?\s*总\s*第\s*(?P<total>\d{1,5})\s*期\s*[）)]?)?$"
)
DATE = re.compile(
    r"^(?:(?:出版|印发|编印|发布)?日期\s*[:：]\s*)?(?P<y>\d{4})\s*(?:年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
    r"|[-./](?P<m2>\d{1,2})[-./](?P<d2>\d{1,2}))(?:\s*(?:星期|周)[一二三四五六日天])?$"
)
ISO_DATE = re.compile(r"(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})")
PUBLISHER = re.compile(r"^(?:主办|承办|编印|编辑|出版|主编单位|编辑部)(?:单位)?\s*[:：]\s*(.+)$")
PUBLISHER_SUFFIX = re.compile(r"\s*(?:编印|主办|编|印发|出品|编辑部)$")

# 来源：健康报 / 转载自… : one label, used for a source line and for a closing （来源：…）.
SOURCE_LABEL = r"(?:文章|稿件|信息)?(?:来\s*源|出\s*处|转载自|转自)"
SOURCE = re.compile(rf"^{SOURCE_LABEL}\s*[:：]\s*(.{{1,40}})$")
SOURCE_PREFIX = re.compile(rf"^{SOURCE_LABEL}\s*[:：]\s*")
SOURCE_TAIL = re.compile(r"[（(]([^（）()]{2,40})[）)]$")
NOT_SOURCE = re.compile(r"^(?:\d|下称|简称|以下|含|包括|注|详见|见|第\s*\d)|[。，,；;]|年$|\d{4}")
ARROW_SOURCE = re.compile(r"[（(]\s*来\s*源\s*[:：]\s*([^）)]+)[）)]")
ORIG_TITLE = re.compile(r"^原标题\s*[:：]\s*(.+)$")

# The fields of a web page's metadata line: 发布时间：… 来源：… 作者：…
WEB_FIELD_NAMES = ("作者", "发布日期", "发布时间", "日期", "时间", "来源", "发布人", "发布者", "浏览次数", "点击数", "阅读数", "字号")
_WEB_NAMES = "|".join(WEB_FIELD_NAMES)
WEBMETA_FIELD = re.compile(rf"({_WEB_NAMES})\s*[:：]\s*")
WEB_FIELD = re.compile(rf"({_WEB_NAMES})\s*[:：]\s*(.*?)(?=\s*(?:{_WEB_NAMES})\s*[:：]|\s*】|$)")
WEBMETA_START = re.compile(r"^(?:作者|发布时间|发布日期|发布人)\s*[:：]")

FOOTNOTE = re.compile(r"^(?:\^\s*[①-⑳\d]+|注\s*[①-⑳\d]*\s*[:：])")
KEYWORDS = re.compile(r"^(?:【(?:关键词|关键字)】|(?:关键词|关键字|主题词)\s*[:：]|key\s*words?\s*[:：])\s*(.+)$", re.I)
ABSTRACT = re.compile(r"^(?:【(?:提要|摘要|内容提要)】|(?:摘\s*要|提\s*要|内容提要)\s*[:：])\s*(.*)$")
NAME = rf"[{CJK}·]{{2,8}}"
BYLINE = re.compile(
    rf"^□?\s*(?:(?:本报)?(?:特约|见习|首席)?记者|通讯员|实习生|摄影|摄|文/图|图/文|文|图)\s*[:：/]?\s*{NAME}"
    rf"(?:\s*(?:(?:特约|见习)?记者|通讯员|实习生)\s*{NAME})*$|^摄影报道$|^□\s*\S.{{0,20}}$"
)
EDITOR = re.compile(r"^[（(]?\s*(?:责任编辑|编辑|审核|校对|责编)\s*[:：].{1,20}[）)]?$")
# An enumeration mark opening a line or a measure: 一、 一是 （一） (1) 1. 1、
ENUM_MARK = re.compile(r"^(?:[一二三四五六七八九十]+[、是]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.、．](?!\d))")
# 本报讯（记者…）, 新华社北京3月5日电（记者…）: the lede of a news story, with its byline.
LEDE = re.compile(r"^(?:本报讯|本刊讯|[" + CJK + r"]{2,12}(?:\d{1,2}月\d{1,2}日)?电)\s*[（(]([^）)]{2,40})[）)]")

# --- Chapters, 目录 entry shapes and Chinese-numeral dates (long plans, laws, booklets) ---
CN_NUMERAL = "〇零一二三四五六七八九十百千两"
# 第三章 战略目标 / 第一篇 总体战略 / 第九章 附 则 (letter-spaced) / a bare 第九章 whose name
# stands on the next line. A name is short and has no clause punctuation: a line of running
# text that happens to open with 第三章 (第三章规定的情形，…) is not a head.
CHAPTER = re.compile(rf"^第\s*([{CN_NUMERAL}]{{1,5}}|\d{{1,3}})\s*([章篇编部卷])(?:\s*([^，。；：,;:！？]{{1,24}}))?$")
# The unnumbered heads of a plan or law that stand beside its chapters.
CHAPTER_NAMED = re.compile(r"^(?:序\s*言|前\s*言|引\s*言|总\s*则|附\s*则|结\s*语|结\s*束\s*语)$")
# A 目录 entry without dotted leaders, recognised inside a 目录 only: the title, then its page
# as "  3" (a tab or spaces, which normalisation may squeeze out), "（3）", "…… 第3页" or "P3".
TOC_PAGE_TAIL = re.compile(
    r"^(?P<title>.{2,}?)\s*(?:"
    r"(?:[.…·．\-—]{2,}\s*)?第\s*(?P<p1>\d{1,4})\s*页"
    r"|[（(]\s*(?P<p2>\d{1,4})\s*[）)]"
    r"|(?:[.…·．\-—]{2,}|\s)\s*[Pp]?(?P<p3>\d{1,4})"
    r"|(?<=[^\d\s.．,，、%‰])(?P<p4>\d{1,3})"
    r")$"
)
# 二〇二四年三月五日: a date in Chinese numerals, as 公文 and mastheads print it.
CN_DATE = re.compile(
    rf"^(?P<y>[〇零一二三四五六七八九]{{4}})\s*年\s*(?P<m>[{CN_NUMERAL}]{{1,3}})\s*月\s*(?P<d>[{CN_NUMERAL}]{{1,3}})\s*日"
    r"(?:\s*(?:星期|周)[一二三四五六日天])?$"
)
# （2016 年 10 月 25 日 中共中央、国务院发布）, （2019年12月28日第十三届…通过）: the note under a
# plan's or law's title that says when and by whom it was issued, adopted or revised.
ISSUED_NOTE = re.compile(r"^[（(]\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(.*?)(?:[）)])?$")
ISSUED_VERB = re.compile(r"(发布|印发|通过|修订|修正|公布)")


def cn_number(text: str) -> int | None:
    """The value of a Chinese numeral (三, 十二, 二十九, 一百一十五, 二〇二四 digit by digit) or of digits."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    digits = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2}
    if text and all(c in digits for c in text) and len(text) >= 2 and "十" not in text:
        return int("".join(str(digits[c]) for c in text))  # 二〇二四: read digit by digit
    units = {"十": 10, "百": 100, "千": 1000}
    total, current = 0, 0
    for c in text:
        if c in digits:
            current = digits[c]
        elif c in units:
            total += (current or 1) * units[c]
            current = 0
        else:
            return None
    return total + current if text else None

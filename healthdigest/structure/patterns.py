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

# The characters of a number written in Chinese numerals (三, 二十九, 一百一十五, 二〇二四).
CN_NUMERAL = "〇零一二三四五六七八九十百千两"

# The dashes a page number stands between: hyphen, en/em dash, full-width minus (－ 1 －, as WPS
# sets it), horizontal bar, figure dash, small hyphen, tilde.
_PAGE_DASH = "[-—–－―‒﹣~～]"
PAGE = re.compile(
    rf"^(?:{_PAGE_DASH}\s*)?\d{{1,4}}\s*(?:/|／|of)\s*\d{{1,4}}(?:\s*{_PAGE_DASH})?$"
    r"|^第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?$"
    rf"|^{_PAGE_DASH}\s*\d{{1,4}}\s*{_PAGE_DASH}$"
    # ·3· / •3•: a page number between middle dots, as some plans print it.
    r"|^[·•]\s*\d{1,4}\s*[·•]$"
    # （此页无正文）: the page carries only the signature; it marks a page, not text.
    r"|^[（(]\s*此\s*页\s*无\s*正\s*文\s*[）)]$"
)
NAV = re.compile(
    r"^(?:[【\[]?(?:返回目录|返回顶部|回到顶部|返回首页|返回|打印本页|打印|关闭窗口|关闭|收藏)[】\]]?\s*)+$"
    r"|^(?:上一篇|下一篇|分享到|相关链接|相关阅读)\s*[:：]?.*$|^扫一扫.{0,20}$"
)
# The bar of app buttons and counts under a reposted article: 阅读原文 阅读 2386 赞 56 在看 3.
BUTTON_BAR = re.compile(r"^(?:(?:阅读原文|阅读|赞|点赞|在看|分享|收藏|留言|评论|转发|喜欢)\s*(?:\d[\d.,]*\s*[万wW]?)?\s*){2,}$")
CRUMB = re.compile(r"^(?:首页|主页|网站首页|当前位置|您的位置|您现在的位置|位置)\s*[>＞»›:：]|(?:[>＞»›][^>＞»›]*){2,}$")
SECTION_BRACKET = re.compile(r"^【([^】:：]{2,12})】$")  # a column has no colon: 【字体：大 中 小】 is a button
SECTION_DOT = re.compile(r"^[·•]\s*([^·•]{2,12}?)\s*[·•]$")
# An item's title led by its column in brackets: 【工作动态】全县启动家庭医生签约服务提质行动.
TAGGED_TITLE = re.compile(r"^【([^】:：]{2,8})】\s*(\S.{3,})$")
# An item's title marked with a star or a bullet: ★ 全省推进…, ◆全市…
MARKED_TITLE = re.compile(r"^[★☆◆◇◎●▲△■□]\s*(\S.*)$")
SECTION_MARK = re.compile(r"^[■◆◇◎▌▍▎]\s*([^\s]{2,12})$")
DIVIDER = re.compile(r"^[-—–=*]{2,}\s*([^-—–=*\s]{2,10})\s*[-—–=*]{2,}$")
CONTENTS = re.compile(r"^(?:目\s*录|本期目录|本期导读|本期要目|本期视点|目\s*次)$")
BODY = re.compile(r"^(?:本期内容|正\s*文)$")
FOOTER = re.compile(
    r"^(?:版权所有|Copyright|©|\(c\)|备案号|.{0,20}ICP备|主办单位|承办单位|技术支持|联系我们|网站地图|网站标识码)", re.I
)
HIGHLIGHTS = re.compile(r"^(?:本期)?要\s*点$|^本期(?:提要|关注)$")
LIST_ITEM = re.compile(r"^(?:[-•●▪◆*]\s+|[•●▪◆]\s*)(.+)$")
TOC_DOTTED = re.compile(r"^(.{4,}?)\s*(?:\.{3,}|…{2,}|·{3,}|．{3,}|-{4,})\s*(\d{1,4})$")
# The number a 目录 gives its entries (1.标题……3): the list's, not the title's.
ENTRY_NUMBER = re.compile(r"^\d{1,2}\s*[.、．]\s*(?!\d)")
TOC_ARROW = re.compile(r"^[▶►▸➤]\s*(.+)$")
PAGE_REF = re.compile(r"[-—–]*\s*第\s*(\d{1,4})\s*页\s*$")
ISSUE = re.compile(  # 2024年第9期（总第296期）, or in Chinese numerals: 二〇二四年第九期
    rf"^(?:(?P<year>\d{{4}}|[〇零一二三四五六七八九]{{4}})\s*年\s*)?第\s*(?P<number>\d{{1,4}}|[{CN_NUMERAL}]{{1,6}})\s*[期辑]"
    rf"(?:\s*[（(]?\s*总\s*第\s*(?P<total>\d{{1,5}}|[{CN_NUMERAL}]{{1,8}})\s*[期辑]\s*[）)]?)?$"
)
# The running count on a line of its own under the issue: （总第156期）.
ISSUE_TOTAL = re.compile(rf"^[（(]?\s*总\s*第\s*(?P<total>\d{{1,5}}|[{CN_NUMERAL}]{{1,8}})\s*[期辑]\s*[）)]?$")
# The word a periodical's name ends with: 工作简报, 信息动态, 决策参考, 疫情周报.
PERIODICAL_NAME = re.compile(r"(?:简报|动态|通讯|信息|快报|专报|参考|周报|月报|快讯|要情|摘报|资讯|专刊|增刊)$")
# A circulation mark over a 简报's masthead: 内部资料　注意保存, 内部刊物, 请勿外传.
CIRCULATION_MARK = re.compile(
    r"^[（(]?\s*(?:(?:内部资料|内部刊物|内部参阅|内部交流|内部参考|注意保存|妥善保存|请勿外传|注意保密|仅供参考)"
    r"(?:\s*[,，、]?\s*)?)+(?:准印证号\s*[:：]?\s*\S+)?\s*[）)]?$"
)
# A line that holds the publisher and the date: a masthead's 某省卫生健康委员会办公室　　2025年4月16日, or
# the account, time and place under a reposted article's headline: 健康中国 2025年03月05日 08:30 北京.
PUBLISHER_DATELINE = re.compile(
    r"^(?P<who>[^\d，。；：:,;]{4,40}?)\s*(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
    rf"(?:\s*\d{{1,2}}:\d{{2}})?(?:\s*[{CJK}]{{2,6}})?$"
)
DATE = re.compile(
    r"^(?:(?:出版|印发|编印|发布)?日期\s*[:：]\s*)?(?P<y>\d{4})\s*(?:年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
    r"|[-./](?P<m2>\d{1,2})[-./](?P<d2>\d{1,2}))(?:\s*(?:星期|周)[一二三四五六日天])?$"
)


def date_parts(m: re.Match[str]) -> tuple[str, str, str]:
    """Year, month and day of a DATE match, written 2024年3月5日 or 2024-03-05."""
    return m.group("y"), m.group("m") or m.group("m2"), m.group("d") or m.group("d2")


ISO_DATE = re.compile(r"(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})")
PUBLISHER = re.compile(r"^(?:主办|承办|编印|编辑|出版|主编单位|编辑部)(?:单位)?\s*[:：]\s*(.+)$")
PUBLISHER_SUFFIX = re.compile(r"\s*(?:编印|主办|编|印发|出品|编辑部)$")

# 来源：健康报 / 转载自… : one label, used for a source line and for a closing （来源：…）.
SOURCE_LABEL = r"(?:文章|稿件|信息)?(?:来\s*源|出\s*处|转载自|转自|供\s*稿(?:单位)?|稿\s*源)"
SOURCE = re.compile(rf"^{SOURCE_LABEL}\s*[:：]\s*(.{{1,40}})$")
SOURCE_PREFIX = re.compile(rf"^{SOURCE_LABEL}\s*[:：]\s*")
SOURCE_TAIL = re.compile(r"[（(]([^（）()]{2,40})[）)]$")
# A closing credit right after a line's last sentence (…万人次。（成都日报报道）): the paragraph ends
# there, however full the line (readers/pdf.py keeps a copy: readers do not import the structure).
CLOSING_CREDIT = re.compile(r"[。！？!?”][（(][^（）()]{2,40}[）)]$")
NOT_SOURCE = re.compile(r"^(?:\d|下称|简称|以下|含|包括|注|详见|见|第\s*\d)|[。，,；;]|年$|\d{4}")
# What a closing credit says the named office or paper did: （人民网报道）, （医政处供稿）.
CREDIT_VERB = re.compile(r"\s*(?:报道|供稿|提供|来稿|撰稿)$")
ARROW_SOURCE = re.compile(r"[（(]\s*来\s*源\s*[:：]\s*([^）)]+)[）)]")
# The address of the page a story was copied from: 原文链接：https://… (kept as a note).
SOURCE_LINK = re.compile(r"^(?:原文链接|原文地址|原文网址|文章链接|本文链接|链接地址)\s*[:：]\s*\S+$")
ORIG_TITLE = re.compile(r"^原标题\s*[:：]\s*(.+)$")

# The fields of a web page's metadata line: 发布时间：… 来源：… 作者：…
WEB_FIELD_NAMES = (
    "作者", "发布日期", "发布时间", "日期", "时间", "来源", "发布人", "发布者", "浏览次数", "点击数", "阅读数", "阅读量", "阅读",
    "字号", "访问量", "浏览量", "文字大小",
)  # fmt: skip
_WEB_NAMES = "|".join(WEB_FIELD_NAMES)
WEBMETA_FIELD = re.compile(rf"({_WEB_NAMES})\s*[:：]\s*")
# A value ends at the next field (after spaces or a bar: 来源：某局 | 作者：某人), or at a bracket (来源：某处【字体：大 中 小】: a button follows).
WEB_FIELD = re.compile(rf"({_WEB_NAMES})\s*[:：]\s*(.*?)(?=[\s|｜丨/]*(?:{_WEB_NAMES})\s*[:：]|\s*[【】]|$)")
# The fields that may open a metadata line of their own: 来源 opens a source line, 日期/时间 a
# masthead's date, 字号/文字大小 a button; 发布者 is written only after another field.
WEBMETA_START = re.compile(
    rf"^(?:{'|'.join(n for n in WEB_FIELD_NAMES if n not in ('日期', '时间', '来源', '发布者', '字号', '文字大小'))})\s*[:：]"
)

FOOTNOTE = re.compile(r"^(?:\^\s*[①-⑳\d]+|注\s*[①-⑳\d]*\s*[:：])")
KEYWORDS = re.compile(r"^(?:【(?:关键词|关键字)】|(?:关键词|关键字|主题词)\s*[:：]|key\s*words?\s*[:：])\s*(.+)$", re.I)
ABSTRACT = re.compile(r"^(?:【(?:提要|摘要|内容提要)】|(?:摘\s*要|提\s*要|内容提要)\s*[:：])\s*(.*)$")
NAME = rf"[{CJK}·]{{2,8}}"
BYLINE = re.compile(
    rf"^□?\s*(?:(?:本报)?(?:特约|见习|首席)?记者(?!手记|观察)|通讯员|实习生|摄影|摄|文/图|图/文|文|图)\s*[:：/]?\s*{NAME}"
    rf"(?:\s*(?:(?:特约|见习)?记者|通讯员|实习生)\s*{NAME})*$|^摄影报道$|^□\s*\S.{{0,20}}$"
)
# A line of staff credits, two roles or more: 编辑：陈晨　审核：刘洋 (one role alone, 编辑：某杂志社,
# may name a masthead's publisher).
_STAFF_ROLE = r"(?:责任编辑|副主编|主编|编辑|审核|审校|校对|责编|签发|核稿|初审|复审|终审|摄影|撰稿)\s*[:：]\s*[^\s:：]{1,12}"
# Where a masthead's staff begin on its publisher's line: 编印：某委办公室　签发：李明.
STAFF_LABEL = re.compile(r"\s*(?:责任编辑|副主编|主编|签发|审核|校对|责编)\s*[:：]")
STAFF_CREDITS = re.compile(
    rf"^[（(]?\s*(?:{_STAFF_ROLE}(?:\s*[,，;；]?\s*{_STAFF_ROLE})+"
    rf"|(?:责任编辑|编辑|审核|校对|责编)\s*[:：]\s*[{CJK}](?:\s?[{CJK}]){{1,3}})\s*[）)]?$"
)  # …or one role over a person's name (编辑：王晓), where a publisher would be an office's name
EDITOR = re.compile(r"^[（(]?\s*(?:责任编辑|编辑|审核|校对|责编)\s*[:：].{1,20}[）)]?$")
# An enumeration mark opening a line or a measure: 一、 一是 （一） (1) 1. 1、
ENUM_MARK = re.compile(r"^(?:[一二三四五六七八九十]+[、是]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.、．](?!\d))")
# 一、总体要求 opens a top-level part of a 公文, plan or law; （一）… is a part of it.
PART_HEAD = re.compile(rf"^([{CN_NUMERAL}]{{1,3}})、")
SUB_PART = re.compile(r"^[（(][一二三四五六七八九十\d]+[）)]")
# 本报讯（记者…）, 新华社北京3月5日电（记者…）: the lede of a news story, with its byline.
LEDE = re.compile(r"^(?:本报讯|本刊讯|[" + CJK + r"]{2,12}(?:\d{1,2}月\d{1,2}日)?电)\s*[（(]([^）)]{2,40})[）)]")

# The foot of a 简报: whom it goes to (报：… 送：… 发：…), its print run (共印80份), its staff
# (编辑：… 审核：… 签发：…). None of it is an article's text.
BULLETIN_COLOPHON = re.compile(
    r"^(?:报|送|发|报送|抄送|抄报|分送|发送|印发|主送)\s*[:：]"
    r"|^[（(]?\s*(?:本期)?共印(?:发|制)?\s*\d+\s*份\s*[）)]?$"
    r"|^(?:(?:编辑|审核|校对|责编|签发|审签|核稿|责任编辑)\s*[:：]\s*\S{1,12}\s*){1,4}$"
)

# --- 公文 (official documents, GB/T 9704) — read by layouts/official.py, and through its readers
# by the web layout for a 公文 on a page and by documents.py for a 文件汇编 --------------------------
# The marks printed above a 公文's title: secrecy (绝密/机密/秘密), disclosure (不公开, 依申请公开,
# 主动公开) and urgency (特急, 加急). Letter spacing ("特 急") and a table cell ("|不公开 |") occur.
OFFICIAL_MARK = re.compile(
    r"(?:(?:信息)?公开(?:方式|属性|选项|类型|形式)\s*[:：]\s*)?"
    r"(?:不予?公开|依申请公开|主动公开|免予公开|公开|内部资料|绝\s*密|机\s*密|秘\s*密)(?:\s*★\s*\S*)?"
    r"|特\s*急|加\s*急|平\s*急|特\s*提|急\s*件"
)
# The 文号: issuer's short name, year in 〔〕 (or [] 【】 （）), serial number, 号 — 顺卫〔2025〕8号.
DOC_NUMBER = re.compile(
    rf"[{CJK}]{{1,14}}\s*[〔［\[【(（]\s*(?:19|20)\d{{2}}\s*[〕］\]】)）]\s*第?\s*\d{{1,5}}\s*号"
)
SIGNER = re.compile(rf"签\s*发\s*人\s*[:：]\s*[{CJK}·\s、，,]{{2,40}}")  # one signer or several
# One of these characters stands in every OFFICIAL_MARK (公开, 内部资料, 密, 急, 特提), DOC_NUMBER (号)
# and SIGNER (签) match: a line with none of them holds no 公文 mark (keep in step with the three).
OFFICIAL_MARK_CHARS = frozenset("开料密急提号签")
# The genre word a 公文 title ends with (关于…的通知 / …方案 / …的函).
OFFICIAL_GENRE = re.compile(
    r"(?:通知|通报|报告|意见|方案|复函|函|请示|批复|决定|通告|公告|纪要|规定|办法|指引|细则|计划|规划|要点"
    r"|决议|议案|公报|倡议书|倡议|一封信|指南|实施意见|工作规则|章程|规则|答复|总结|公示|建议|提案|声明"
    r"|条例|标准|规范|制度|守则|须知|说明)"
    r"(?:\s*[（(][^（）()]{1,20}[）)])?$"
)
# A line of spaced-out characters: the red header of the issuing authority (佛 山 市 卫 生 健 康 局).
LETTER_SPACED = re.compile(rf"^(?:[{CJK}]\s+){{3,}}[{CJK}]$")
# An issuing authority's name: ends with the word for an organ of government or a unit of one.
AUTHORITY = re.compile(
    rf"^[{CJK}（）()·\s]{{2,60}}(?:局|委|委员会|办公室|办公厅|政府|中心|厅|部|院|组|指挥部|小组|处|科|会|所|站|党委|党组|街道|镇|办)"
    r"(?:\s*[（(](?:代?章|盖章|印章)[）)])?(?:文件)?$"
)
# A person's name alone on a line, two to four characters, perhaps letter-spaced (谭 敏).
PERSON_NAME = re.compile(rf"^[{CJK}](?:\s*[{CJK}]){{1,3}}$")
SEAL = re.compile(r"\s*[（(](?:代\s*章|盖\s*章|印\s*章)[）)]$")
# 附件 / 附件2 / 附件一 alone on its line, or 附件2 with the attachment's title after it.
ATTACHMENT_HEAD = re.compile(r"^附\s*件\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})?\s*[:：]?$|^附\s*件\s*\d{1,2}\s*[:：]?\s*\S.{0,40}$")
ATTACHMENT_LIST = re.compile(r"^附\s*件\s*[:：]\s*(.+)$")
# Any line that heads or lists a 公文's attachments, on paper or on a web page.
APPENDIX = re.compile(f"{ATTACHMENT_HEAD.pattern}|{ATTACHMENT_LIST.pattern}")
# The colophon after the signature: 抄送, the 印发 line, 此件公开发布, a bracketed contact line.
COLOPHON = re.compile(
    r"^(?:抄\s*送|抄\s*报|主\s*送|分\s*送|主\s*题\s*词)\s*[:：]"
    r"|.{0,40}\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印\s*发$|印\s*发$"
    r"|^[（(]\s*此件.{1,12}[）)]$|^[（(]\s*(?:信息)?公开(?:方式|形式|属性).{0,20}[）)]$"
)
# Where and when a report or speech was made, under its title: ——2024年8月27日在市人大常委会会议上.
OCCASION = re.compile(
    r"^[—－-]{1,2}\s*(?:(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日)?\s*在.{2,60}上"
    r"(?:的(?:报告|讲话|发言|说明))?$"
)
# A 纪要's number under its header: 〔2024〕第6期 (the year in brackets, as a 文号 has it).
MINUTES_NUMBER = re.compile(r"^[〔［\[【(（]\s*(?:19|20)\d{2}\s*[〕］\]】)）]\s*第\s*\d{1,4}\s*期$")
# The issuer and the date on one line over a 纪要's or 简报's title: 某市卫生健康委员会办公室  2024年4月12日.
ISSUER_DATE = re.compile(
    rf"^(?P<who>[{CJK}（）()]{{2,40}}?)\s*(?P<y>\d{{4}})\s*年\s*(?P<m>\d{{1,2}})\s*月\s*(?P<d>\d{{1,2}})\s*日$"
)
# A 纪要's attendance list under its body: 出席：…, 列席：…, 参加人员：…, 请假：…, 记录：…
ATTENDANCE = re.compile(r"^(?:出\s*席|列\s*席|参\s*加|参会|请\s*假|缺\s*席|记\s*录)(?:人员|单位|领导)?\s*[:：]")
# The 印发 date alone, its printing office set apart from it: 2024年11月8日印发.
PRINTED_ON = re.compile(r"(?:^|\s|[）)局委办厅室会])\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印\s*发$")
COPY_TO = re.compile(r"^(?:抄\s*送|抄\s*报|分\s*送)\s*[:：]")  # the 抄送 list of the colophon
CONTACT = re.compile(r"^[（(]?\s*(?:[^：:]{0,12})?联\s*系\s*人\s*[:：]")
# A form or list attached to a 公文 (登记表, 名单, 回执, 式样): an appendix, not issued text.
FORM_TITLE = re.compile(
    r"(?:表|单|名单|清单|一览表|目录|回执|样式|式样|模板|格式|流程图|示意图|图|样表|明细)\s*(?:[（(][^（）()]{1,20}[）)])?$"
)
# A note in brackets under a 公文's title: （2024年修订）, （征求意见稿）, （试行）.
TITLE_NOTE = re.compile(r"^[（(][^（）()]{1,20}[）)]$")
# A 公文's copy number (份号), six digits at the top left of its first page.
COPY_NUMBER = re.compile(r"^(?:No\.?\s*)?\d{6,8}$", re.I)  # some print it No.0000356
# The cover of a 文件汇编 names the collection: 2024年医疗质量管理文件汇编, 卫生应急文件选编.
COLLECTION = re.compile(r"汇编|选编|文件集|资料集|合订本")
# A notice that issues the text after it: 关于印发《…》的通知, 关于转发…; in its body, the verb
# that sends the text it names in 《》 (现将《…》印发给你们, 我局组织制定了《…》).
ISSUING = re.compile(r"印发|转发|颁发|发布|关于《|的通知》")
ISSUING_VERB = re.compile(r"印发|转发|颁发|发布|下发|制定|制订|现将|随文|附后")
# The body of a 印发 notice, which makes what follows an attachment of a 公文.
ISSUING_NOTICE = re.compile(r"印发给你们|现(?:将|予)?印发|请(?:结合实际)?认真(?:贯彻|组织|遵照)|遵照执行")
# 省人民政府办公厅印发《全民健身实施计划》: a heading (a plan's title page) that issues a plan names the plan.
ISSUES_PLAN = re.compile(r"印发\s*《(.+)》(?:的通知)?$")

# --- Newspaper pages, web pages, CMS dumps and Markdown (the newsweb layouts) ---------------
# A pandoc grid table (+-----+ rule or | cell | row): a table, never running text.
GRID_ROW = re.compile(r"^\+[-=:+]{3,}$|^\|.*\|$")
# The header over a newspaper page: its date, weekday, page number and name (2025年3月12日 星期三
# 第7版 健康周刊), in either order.
PAPER_PAGE_HEAD = re.compile(
    r"^(?=.*(?:第\s*)?\d{1,3}\s*版)(?=.*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日).{0,60}$"
)
# A newspaper 主题 with its column tag: 告别耗材养医（健康焦点）. A document status such as
# （试行） or （2016年版） belongs to the title and is no column.
HEADLINE_TAG = re.compile(r"^(?P<title>[^（()）]{2,40}?)\s*[（(](?P<tag>[^（）()]{2,20})[）)]$")
NOT_TAG = re.compile(
    r"^(?:试行|暂行|草案|修订|修正|修订稿|征求意见稿|送审稿|讨论稿|全文|节选|摘要|摘编|续|完|上|中|下"
    r"|\d{4}年(?:版|修订|修正)?|第?[一二三四五六七八九十\d]+[期版篇部分]?|[\d\s—–~至年.-]+)$"
)
# A column's name: a few words, perhaps a series number (名医讲堂·蔬菜水果怎么吃③); a
# qualifier with a list or a clause in it (总部、区域) is part of a title, not a column.
COLUMN_TAG = re.compile(rf"^(?=(?:.*[{CJK}]){{2}})[{CJK}·\s①-⑳\d]{{2,16}}$")
SUBTITLE = re.compile(r"^[—–]{1,2}\s*\S")  # the 副题 under a 主题 opens with a dash
# The lede of a news brief: 本报电 / 本报讯 / 本报北京5月12日电 / 新华社北京3月5日电, with or without
# the reporter in parentheses.
BRIEF_LEDE = re.compile(
    rf"^(?:本报(?:[{CJK}]{{2,8}})?(?:\d{{1,2}}月\d{{1,2}}日)?[电讯]|本刊讯|(?:新华社|中新社|中新网)[{CJK}]{{0,8}}"
    rf"(?:\d{{1,2}}月\d{{1,2}}日)?电)(?=\s|[（(《“\"【]|$)"
)
# The boxes a page sets beside a story: a 链接 sidebar is a story of its own; 核心阅读 is the
# story's own summary.
SIDEBAR_LABELS = {"链接", "相关链接", "背景链接", "知识链接", "新闻链接", "延伸阅读", "小贴士", "记者手记", "编后", "短评"}
SUMMARY_BOX_LABELS = {"核心阅读", "阅读提示", "内容提要"}
EDITORS_NOTE = re.compile(r"^[【\[]?\s*编\s*者\s*按\s*[】\]]?\s*[:：]?")  # 【编者按】 / 编者按：
EDITORS_NOTE_SIGN = re.compile(r"^[—–-]{1,2}\s*编\s*者$")  # an editor's note ends "——编  者"
DECK = re.compile(r"^■\s*(\S.*)$")  # the ■ bullets of a deck under a headline
# A credit closing a story, on its own line: （作者为…主任医师）, （钟艳宇）, （新 彦）, （夏维兰整理）,
# 魏劲松摄（影像中国）. A person's name is two to four characters.
PERSON = rf"[{CJK}](?:\s?[{CJK}]){{1,3}}"
TRAILING_CREDIT = re.compile(
    rf"^[（(]\s*(?P<credit>作者(?:为|系|是|单位[:：])[^（）()]{{2,60}}|{PERSON}(?:\s*[、，,]\s*{PERSON})*"
    rf"|(?:本报)?(?:记者|通讯员)[^（）()]{{2,30}}|[^（）()]{{2,24}}(?:整理|编译|执笔|供稿))\s*[）)]$"
)
PHOTO_CREDIT = re.compile(
    rf"^(?:(?P<name>(?:[{CJK}]{{0,8}}记者\s*)?[{CJK}]{{2,4}}(?:\s+[{CJK}]{{2,4}})*)\s*摄(?:影)?"
    rf"|(?:摄影|图片|图)\s*[:：/]\s*(?P<name2>[{CJK}]{{2,4}}))"
    r"(?:\s*[（(][^（）()]{2,12}[）)])?$"
)
# A picture's caption set among a story's paragraphs: 图为…（某某摄）, 上图：…, 图片说明：….
PHOTO_CAPTION = re.compile(r"^(?:[上下左右]?图为|图片为|[上下左右]图\s*[:：]|图片说明\s*[:：])")
CAPTION_MAX = 150  # characters: a caption is a sentence or two
# A reporter's credit line on a web page: 南方日报记者施亮 / 闪电新闻记者 李淼 王家才 报道; a page
# pads a two-character name to three (本报记者　周　婷).
REPORTER = re.compile(
    rf"^(?![据向对让请听经被])[{CJK}·]{{0,10}}(?:记者|通讯员|实习生)"
    r"(?!了解|获悉|发现|看到|注意|从|在|采访|调查|走访|近日|日前|问|说|表示|一行|手记|观察)"
    rf"\s*(?:[{CJK}]\s+[{CJK}]|[{CJK}·]{{2,4}})(?:\s+(?:[{CJK}]\s+[{CJK}]|[{CJK}·]{{2,4}}))*\s*(?:报道)?$"
)
NEWS_END_MARK = re.compile(r"\s*[（(]\s*完\s*[）)]$")  # an agency's end of story
# A page's own credits, printed once at its foot: 本版责编：王某 版式设计：张某
PAGE_CREDITS = re.compile(r"^(?:本版(?:责编|编辑|责任编辑|统筹|策划)|版式设计|美术编辑|美编|图片编辑)\s*[:：]")
# Where a reposted story was printed: 《 某某日报 》（ 2021年06月08日 07 版）
PRINTED_IN = re.compile(
    r"^《\s*(?P<paper>[^》]{2,20}?)\s*》\s*[（(]\s*(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
    r"\s*(?:第?\s*\d{1,3}\s*版)?\s*[）)]$"
)
# The head of the links a page lists under its article: what follows is the site's, not the story's.
RELATED_HEAD = re.compile(
    r"^(?:相关(?:文章|新闻|阅读|链接|报道|稿件|推荐)|推荐阅读|热点推荐|热门(?:文章|推荐|新闻)|猜你喜欢|更多(?:新闻|资讯|阅读))\s*[:：]?$"
)
# A web page's date line: 2024-12-06 17:27:07 来源：… / 2025-02-21 12:13发布于… / 2024年07月05日 10:12
WEB_DATELINE = re.compile(
    r"^(?P<y>\d{4})\s*[-./年]\s*(?P<m>\d{1,2})\s*[-./月]\s*(?P<d>\d{1,2})\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
    r"\s*(?P<rest>(?:发布于|来源|作者|发布|编辑|责任编辑|浏览|阅读|点击|字号).*)?$"
)
# A site's menu bar copied as one line: four or more short entries parted by spaces or bars.
MENU_LINE = re.compile(rf"^[{CJK}A-Za-z]{{2,8}}(?:\s*[|｜/]\s*|\s+)(?:[{CJK}A-Za-z]{{2,8}}(?:\s*[|｜/]\s*|\s+)){{2,}}[{CJK}A-Za-z]{{2,8}}$")
# An entry of a column's list of stories: a headline, then its date (某某工作会议召开 2025-06-18).
DATED_LINK = re.compile(r"^.{4,80}?\s*[\[［(（]?\d{4}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*日?[\]］)）]?$")
# The links that close a page's article (上一篇, 打印本页…): what follows them is the site's.
CLOSING_NAV = re.compile(r"^(?:上一篇|下一篇|【?打印本页|【?关闭窗口|【?打印】?\s*【?关闭)")
# A rule drawn with dashes or bars between the posts of a CMS export (--------, ======, ————).
RULE = re.compile(r"^[-—–=*_~－―]{3,}$")
# Page furniture that is neither text nor metadata: buttons, image placeholders, disclaimers.
WEB_BUTTON = re.compile(
    r"^(?:\+\s*关注|已关注|关注|分享|收藏|点赞|在看|阅读原文|举报|投诉|打开APP|APP内打开"
    r"|文字大小\s*[:：].*|字号\s*[:：]?\s*[大中小\s]+"
    r"|(?:[【\[]?\s*(?:字体|字号)\s*[:：]\s*[大中小\s]+[】\]]?\s*)(?:[【\[]?\s*(?:打印|关闭|打印本页|关闭窗口|收藏)\s*[】\]]?\s*)*)$",
    re.I,
)
# A picture the copy left behind as a placeholder: [], [IMG_258], [图片], ![alt](url). Any
# document converted by pandoc can hold one, so it is furniture but no sign of a web page.
IMAGE_PLACEHOLDER = re.compile(r"^(?:\[\]|\[IMG_?\d*\]|\[(?:图片|图|image|img)[^\]]*\]|!\[[^\]]*\]\([^)]*\))$", re.I)
DISCLAIMER = re.compile(r"^(?:免责声明|郑重声明|版权声明|特别声明|声明)\s*[:：]")
EDITOR_TAIL = re.compile(r"\s*(?:责任编辑|编辑|责编)\s*[:：].*$")  # 文章来源：南方日报责任编辑：system
# Markdown: ATX headings, YAML front matter fences and the inline markup a digest drops.
# (Normalising squeezes the space out of "### （一）标题": an opening bracket may follow the marks.)
MD_HEADING = re.compile(r"^(#{1,6})(?:\s+|(?=[（【《“]))(.+?)\s*#*$")
MD_FENCE = re.compile(r"^-{3,}$")
MD_FRONT_FIELD = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$")
# The 政府信息公开 table a government site prints over a document: 索引号, 发文机关, 成文日期, 文号…
GOV_INFO_NAMES = (
    "索引号", "发文机关", "发布机构", "成文日期", "发文日期", "发布日期", "文号", "发文字号", "主题分类", "主题词",
    "公开方式", "公开范围", "公开时限", "有效性", "生效日期", "废止日期", "信息类别", "体裁分类", "组配分类", "服务对象",
    "统一编号", "信息名称", "名称", "标题",
)
# A table cell may space its label out to the width of the longest one: 索 引 号：, 标　　题：.
_GOV_INFO_LABEL = "|".join(r"\s*".join(name) for name in GOV_INFO_NAMES)
GOV_INFO_FIELD = re.compile(rf"^\|?\s*({_GOV_INFO_LABEL})\s*[:：|]")
# The name：value pairs of such a table written on one line.
GOV_INFO_PAIR = re.compile(rf"({_GOV_INFO_LABEL})\s*[:：]\s*(.*?)(?=\s*(?:{_GOV_INFO_LABEL})\s*[:：]|$)")
# A field table printed above a law by a legal database: 发文机关 全国人大常委会 / 发文字号 主席令第38号.
LAW_FIELD = re.compile(
    r"^(发文机关|颁布机关|制定机关|发布机关|发文日期|颁布日期|公布日期|发文字号|文\s*号|效力级别|施行日期|实施日期|时效性|法条正文)"
    r"\s*[:：]?\s*(.*)$"
)


# --- Chapters, 目录 entry shapes and Chinese-numeral dates (long plans, laws, booklets) ---
# 第三章 战略目标 / 第一篇 总体战略 / 第九章 附 则 (letter-spaced) / a bare 第九章 whose name
# stands on the next line. A name is short and has no clause punctuation: a line of running
# text that happens to open with 第三章 (第三章规定的情形，…) is not a head.
CHAPTER = re.compile(rf"^第\s*([{CN_NUMERAL}]{{1,5}}|\d{{1,3}})\s*(章|篇|编|部分|部|卷)(?:\s*([^，。；：,;:！？]{{1,24}}))?$")
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
BARE_PAGE_NUMBER = re.compile(r"^\d{1,3}$")
# ABC/DEF/GH/21.3: a publication's document code (an agency, its units, a serial), printed on its cover.
DOCUMENT_CODE = re.compile(r"^[A-Z]{2,}(?:/[A-Za-z0-9.\-]+){2,}$")


def split_page_tail(text: str) -> tuple[str, int | None, bool]:
    """A 目录 line's title, its page (or None) and whether the page was glued to the title's
    last character (normalisation squeezes "参保 4" into "参保4")."""
    m = TOC_PAGE_TAIL.match(text)
    if not m:
        return text, None, False
    number = m.group("p1") or m.group("p2") or m.group("p3") or m.group("p4")
    return m.group("title").rstrip(" .…·．-—"), int(number), m.group("p4") is not None


# 二〇二四年三月五日: a date in Chinese numerals, as 公文 and mastheads print it; the zero is
# often typed as a circle (二○二三年, U+25CB) or a full-width letter O.
CN_DATE = re.compile(
    rf"^(?P<y>[〇○Ｏ零一二三四五六七八九]{{4}})\s*年\s*(?P<m>[{CN_NUMERAL}]{{1,3}})\s*月\s*(?P<d>[{CN_NUMERAL}]{{1,3}})\s*日"
    r"(?:\s*(?:星期|周)[一二三四五六日天])?$"
)
# （2016 年 10 月 25 日 中共中央、国务院发布）, （2019年12月28日第十三届…通过）: the note under a
# plan's or law's title that says when and by whom it was issued, adopted or revised.
ISSUED_NOTE = re.compile(r"^[（(]\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(.*?)(?:[）)])?$")
ISSUED_VERB = re.compile(r"(发布|印发|通过|修订|修正|公布)")
# The order that promulgates a law, over it: 中华人民共和国主席令 / 第十二号, 某省人民代表大会常务委员会
# 公告 / 第87号, 某市人民政府令 第5号 — and the sentence that says so (…已由…通过，现予公布).
ORDER = re.compile(rf"^(?:.{{0,30}}(?:主席令|公告|政府令|令)(?:第[{CN_NUMERAL}\d]{{1,6}}号)?|第[{CN_NUMERAL}\d]{{1,6}}号)$")
PROMULGATES = re.compile(r"现予(?:以)?公布|予以公布|现予发布|现予公告")


def cn_number(text: str) -> int | None:
    """The value of a Chinese numeral (三, 十二, 二十九, 一百一十五, 二〇二四 digit by digit) or of digits."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    digits = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2, "○": 0, "Ｏ": 0}
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

"""The tool's own 要点: the bulletin's most newsworthy facts, one short line each.

A line is written from its article: the title when the title itself states a fact (a figure,
or a thing done: 实现, 印发, 启动…), else the article's first fact-bearing summary sentence
(a quantity, a decision), trimmed to its opening clauses. Lines of a list (一是…), lead-ins
(…如下：) and questions are never 要点; a bulletin with few articles gets fewer lines rather
than padding.
"""

from __future__ import annotations

import math
import re

from healthdigest.model import Article, Highlight, Keyword, Sentence
from healthdigest.sentences import article_sentences
from healthdigest.summary import EMPTY_OPENING, FIGURE, eligible, is_lead_in, item_mark

MAX_CHARS = 40  # one short line of a briefing
# What a title says was done or reached: a fact, not a topic (推进, 探讨 are topics).
_DONE = re.compile(
    r"实现|启动|发布(?!会)|印发|出台|建成|开通|上线|覆盖|首发|投入使用|入选|开诊|"
    r"落地|获批|通过|完成|突破|达到|超过|新增|公布|签约|成立|揭牌|全覆盖|过半"
)
_LEAD_IN_TAIL = re.compile(r"[，,][^，,。]*[:：]$")  # …，其主要内容如下：
_SOFT_START = re.compile(r"^(?:近日|日前|近期|目前|据悉|据了解|据统计|此外|同时|今年|去年)[，,]\s*")


# Provincial-level divisions, as news names them (short forms): a title's actor here, and in
# brief.py the region a story is filed under. Kept here so a digest need not import brief.
REGIONS = (
    "北京 天津 河北 山西 内蒙古 辽宁 吉林 黑龙江 上海 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 "
    "广西 海南 重庆 四川 贵州 云南 西藏 陕西 甘肃 青海 宁夏 新疆 香港 澳门 台湾"
).split()

# A title whose subject is a named actor — a region, a national body, an institution — reports
# what that actor did (河南建设…, 湖南发布…); a title without one names a topic (探讨…, 聚焦…).
_ACTOR = re.compile(r"^(?:国家|国务院|全国|多省|多地|各地)|^[^，,：:|｜]{1,14}?(?:省|市|县|区|委|局|医院|卫生院|中心)")


def _title_is_fact(title: str) -> bool:
    if len(title) > MAX_CHARS or title[-1:] in "？?":
        return False
    actor = bool(_ACTOR.search(title)) or title.startswith(tuple(REGIONS))
    return bool(FIGURE.search(title) or _DONE.search(title) or actor)


def _is_fact(sentence: Sentence) -> bool:
    text = sentence.shown
    return (
        eligible(sentence)
        and item_mark(text) is None
        and not is_lead_in(text)
        and not EMPTY_OPENING.search(text)
        and bool(FIGURE.search(text) or _DONE.search(text))
    )


def one_line(text: str) -> str:
    """A sentence as a 要点 line: no soft opening (近日，), whole clauses up to MAX_CHARS."""
    text = _LEAD_IN_TAIL.sub("", _SOFT_START.sub("", text)).rstrip("。；;")
    if len(text) <= MAX_CHARS:
        return text
    cuts = [m.start() for m in re.finditer(r"[，；：,;:]", text[: MAX_CHARS + 1])]
    return text[: cuts[-1]] if cuts and cuts[-1] >= 12 else text[:MAX_CHARS] + "…"


def fact_sentence(article: Article) -> Sentence | None:
    """The summary sentence that states the article's news: the first with a fact, else the
    first that is neither a list's line nor a lead-in."""
    fact = next((s for s in article.summary if _is_fact(s)), None)
    return fact or next((s for s in article.summary if item_mark(s.shown) is None), None)


def short_line(article: Article) -> str | None:
    """The one line that states what the article reports."""
    if article.title and _title_is_fact(article.title):
        return article.title
    fact = next((s for s in article.summary if _is_fact(s)), None)
    if fact is not None:
        return one_line(fact.shown)
    if article.title and len(article.title) <= MAX_CHARS and article.title[-1:] not in "？?":
        return article.title
    first = fact_sentence(article)
    return one_line(first.shown) if first else None


def article_strength(article: Article, bulletin_keywords: list[Keyword]) -> float:
    """How much of what the bulletin is about this article carries, and how much it says."""
    mine = {k.word for k in article.keywords}
    shared = sum(k.weight for k in bulletin_keywords if k.word in mine or any(k.word in w for w in mine))
    return shared + 0.2 * math.log1p(len(article.text) / 200)


def rank_highlights(articles: list[Article], bulletin_keywords: list[Keyword], *, count: int) -> list[Highlight]:
    """Up to `count` highlights, strongest first, no two from one article while others remain."""
    scored = sorted(
        ((article_strength(a, bulletin_keywords), k) for k, a in enumerate(articles)),
        key=lambda sk: (-sk[0], sk[1]),
    )
    out: list[Highlight] = []
    for score, k in scored:
        line = short_line(articles[k])
        if line:
            out.append(Highlight(line, k, round(score, 4)))
        if len(out) == count:
            return out
    # Fewer articles than highlights (a single web article): more facts from the strongest,
    # sentences that state a figure or a thing done; never the heads of its lists.
    seen = {h.text for h in out}
    for score, k in scored:
        for sentence in article_sentences(articles[k]):
            if len(out) == count:
                return out
            if _is_fact(sentence) and FIGURE.search(sentence.shown):
                line = one_line(sentence.shown)
                if line not in seen and not any(line in s or s in line for s in seen):
                    seen.add(line)
                    out.append(Highlight(line, k, round(score, 4)))
    return out

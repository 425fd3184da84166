"""Extractive summaries: whole sentences in source order, chosen by an engine.

Engines (ENGINES): `hybrid` (default) weighs a news lead's position together with how
central a sentence is to the article and what kind of sentence it is — quantities up; empty
openings (a meeting was held, a briefing introduced the situation), lead-ins (…如下：) and
sentences leaning on the one before down — and drops near-repeats; `lead` takes the first
sentences; `textrank` ranks sentences with textrank4zh's TextRank.

Whatever the engine, a summary never holds filler (thanks, speaker lists, directions to the
reader), a lone quotation, a list item that is only its heading (一是…完善。), nor a later item
without the one before it (二是 without 一是), and it does not end on a lead-in. A one-sentence
summary is a headline: it may be one member of a ；-series, the question a short post opens
with; it leaves out soft openings (据悉，昨天下午，调查显示，) and ends before a clause that only
adds detail (，其中…, ，并…), still a slice of the text. Measured in benchmarks/quality.py.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace

from healthdigest.keywords import Vocabulary
from healthdigest.model import Sentence

# Sentences an editor would never keep in a summary: thanks, hand-overs, questions put to a
# speaker, directions to the reader, remarks about the press conference itself.
_FILLER = re.compile(
    r"谢谢|感谢.{0,6}(?:提问|关注|大家)|请.{0,10}(?:回答|介绍|提问)|下面.{0,6}(?:请|进入)|"
    r"发布会就到这里|欢迎.{0,8}(?:关注|参加|出席)|大家(?:上午|下午|晚上)?好|各位(?:媒体)?(?:朋友|记者)|"
    r"点击|扫描.{0,6}二维码|阅读原文|返回目录|详见[:：]?$|请戳|图为|^图\s*[:：]|"
    r"(?:今天|本次|这次)的?(?:新闻)?发布会(?:也)?是|"
    r"^[^，,。]{2,40}(?:先生|女士)[。;；]?$"  # a speaker introduced by a press conference's host
)
MIN_CHARS = 12  # shorter "sentences" are labels, captions or fragments
# An enumerated item's marker at a sentence start: 一是, （一）, 一、, 1.
ITEM_MARK = re.compile(
    r"^\s*(?:(?P<shi>[一二三四五六七八九十]{1,3})是|[（(](?P<paren>[一二三四五六七八九十]{1,3}|\d{1,2})[）)]"
    r"|(?P<dun>[一二三四五六七八九十]{1,3})、|(?P<arabic>\d{1,2})[.、．](?!\d))"
)
BARE_ITEM = 24  # an item sentence this short is only its heading (一是中医药服务体系更加完善。)
# A sentence that only announces what follows: 其主要内容如下：, 介绍……有关情况。
_LEAD_IN = re.compile(r"[:：]$|如下[。:：]?$|以下.{0,6}[。:：]$")
EMPTY_OPENING = re.compile(
    r"(?:召开|举行|举办).{0,30}(?:会议|发布会|座谈会|推进会|论坛|大会)[。！]?$|"
    r"(?:会议|发布会|座谈会|推进会|论坛|大会)(?:在.{1,16})?(?:召开|举行|开幕)[。！]?$|"
    r"介绍.{0,40}(?:情况|进展|成效|举措)[。！]?$|(?:总体|有关|相关|基本)情况[。！]?$|"
    r"(?:主持|出席|参加)了?(?:会议|活动|仪式|发布会)?(?:并(?:讲话|致辞))?[。！]?$"  # who chaired or attended
)
# Openings that lean on a sentence before them: a connective or a pronoun.
_DANGLING = re.compile(r"^(?:但|而|并且|且|因此|所以|此外|同时|另外|其中|对此|为此|然而|不过|于是|他们|他|她|它|这些|这|该|其|此)")
# A quantity (not a date): 130亿元, 80%, 62个, 12名 — the facts of the news.
FIGURE = re.compile(r"\d[\d.,，]*\s*(?:%|％|‰|[万亿千百]|[个家所项条名人例元倍次批种张床台吨]|公里)|百分之")
_QUOTED = re.compile(r"^[“「\"].*[”」\"]$")  # a quotation standing alone, its speaker elsewhere
# What a one-line summary leaves out at its start, as a headline does (each only while a
# statement of MIN_CHARS is left): how the news came (据悉，据新华社报道，记者从…获悉，…消息称，),
# when it happened (昨天下午，12月8日晚，三年前，近年来，; not 截至…, the date a count runs to),
# what a finding comes from (调查显示，一项研究发现，), a Weibo post's byline (@某某：) and a dateline.
_WHEN = (
    r"(?:当地时间)?(?:(?:\d{2,4}年)?\d{1,2}月(?:\d{1,2}[日号])?|\d{1,2}[日号]|[今昨前明](?:天|日|晚|早)|"
    r"本周|上周|日前|近日|近期|今年|去年|目前|当前|如今|最近|此前|当天|当日|随后|"
    r"[\d一二三四五六七八九十两几]+个?(?:年|月|天|周|日)前|不久前|前不久|近(?:几)?(?:年|天|日)来?|长期以来|现阶段)"
)
_WHEN_TAIL = r"[\d一二三四五六七八九十两年月日号时点分上下中午晚早凌晨夜深清傍间旬初底末以来前后至到许左右个多余半周]"
SOFT_OPENINGS = (
    re.compile(
        r"^(?:据(?:悉|了解|报道|介绍|统计)|据[^，,。“”]{1,20}(?:报道|消息|介绍|统计|透露)|"
        r"(?:本报|本台)?记者[^，,。“”]{0,30}?(?:获悉|了解到)|[^，,。“”]{0,8}消息称?|近日|日前|近期)[，,:：]\s*"
    ),
    re.compile(rf"^{_WHEN}{_WHEN_TAIL}{{0,10}}[，,]\s*"),
    re.compile(r"^[^，,。：:“”]{0,8}(?:调查|研究|数据|统计|报告|监测|结果|资料|检测|实验|试验)(?:显示|表明|发现)[，,:：]\s*"),
    re.compile(r"^@[^，,。：:\s]{1,20}[：:]\s*"),
    # A dateline with no byline after it (本报电 , 某某网北京12月6日电 ): the lede's own reader
    # (structure.patterns.LEDE) strips it only with its （记者…）.
    re.compile(r"^(?:本报|本刊|本台)?[讯电]\s+|^[\u4e00-\u9fff]{2,12}(?:\d{1,2}月\d{1,2}日)?电\s+"),
)
# A clause that adds to the statement before it (其中…, 包括…, 并…, 导致…, 同时…): a one-line
# summary ends before it, as a headline carries the statement and leaves the detail.
ELABORATION = re.compile(
    r"(?:其中|并(?!非|不|没)|包括|导致|造成|致使|使得|引发|引起|而且|并且|同时|此外|另外|从而|进而|以便)"
)
# ...unless the statement is not whole without it: 不仅… waits for its 而且…, a purpose (为了…)
# or condition (如果…) for what follows, a list (A，以及B) of the causes of what it 导致, a subject
# still in its 作为… phrase (X作为首批…的企业，而且…); and 包括…都… is a subject, not a detail.
_INCOMPLETE_HEAD = re.compile(r"不仅|不但|不光|不只|虽然|为了|为给|别看|如果|只要|一旦|以及|作为[^，,]*的[^，,]{0,6}$")
_SUBJECT_TAIL = re.compile(r"包括[^，,。]*[均都也]")  # used with match() at the clause's start
_BACK_REFERENCE = re.compile(r"[^，,。]*该|(?:他|她|它|其)(?!他|它|实|余|次)")  # 该中心…, 他表示…
_BRACKETS = {"“": "”", "「": "」", "『": "』", "（": "）", "(": ")", "《": "》", "【": "】"}
LEAD_WEIGHT = 0.9  # share of position in the hybrid score; news puts the point first
REDUNDANCY = 0.7  # cosine above which a sentence repeats one already chosen
# How much a sentence's kind moves its hybrid score (position and centrality are in [0, 1]).
FACT_BONUS = 0.1  # figures: the facts of the news
EMPTY_PENALTY = 0.5  # a meeting was held, a briefing introduced the situation: no fact yet
DANGLING_PENALTY = 0.15  # needs the sentence before it to be understood
MIN_SCORE = 0.3  # a sentence after the first must score this much: a summary may be shorter


@dataclass(frozen=True)
class Candidate:
    """A sentence that may go into a summary, with its words for scoring."""

    sentence: Sentence
    words: list[str]


def item_mark(text: str) -> tuple[str, int] | None:
    """The kind and ordinal of an enumerated item's marker at the start of text, if any."""
    m = ITEM_MARK.match(text)
    if not m:
        return None
    kind = next(k for k in ("shi", "paren", "dun", "arabic") if m.group(k))
    value = m.group(kind)
    if value.isdigit():
        return kind, int(value)
    digits = "一二三四五六七八九十"
    if len(value) == 1:
        return kind, digits.index(value) + 1
    if value[0] == "十":
        return kind, 10 + digits.index(value[1]) + 1
    return kind, (digits.index(value[0]) + 1) * 10 + (digits.index(value[-1]) + 1 if value[-1] != "十" else 0)


def is_bare_item(text: str) -> bool:
    """An enumerated item that is only its heading: it says what follows, not what happened."""
    return item_mark(text) is not None and len(text) <= BARE_ITEM and not FIGURE.search(text)


def is_lead_in(text: str) -> bool:
    return bool(_LEAD_IN.search(text))


def eligible(sentence: Sentence, *, clauses: bool = False) -> bool:
    """Whether a sentence may stand in a summary at all (`clauses`: a one-line summary, split
    at ； too). A question is no summary, except the one a short news post opens with: there
    it announces the post's topic, as a headline would (多处墓塔被盗：高僧灵骨能治病吗？)."""
    text = sentence.shown
    question = text.rstrip("”’」』）)")[-1:] in "？?"
    opening = clauses and sentence.index == 0
    return (
        len(text) >= MIN_CHARS
        and not _FILLER.search(text)
        and (not question or opening)
        and not _QUOTED.match(text)
        and not is_bare_item(text)
        and not (is_lead_in(text) and text.endswith(("：", ":")) and len(text) < 2 * MIN_CHARS)
        and text[-1] not in ("，,、" if clauses else "；;，,、")  # a list's line, cut before its sentence ends
    )


def _select(
    ranked: list[tuple[float, Candidate]], *, max_sentences: int, max_chars: int | None, vectors, min_score: float = -math.inf
) -> list[Sentence]:
    """The best-ranked sentences that fit, no near-repeats, no 二是 without its 一是; source order."""
    chosen: list[Candidate] = []
    used = 0
    for score, cand in ranked:
        if len(chosen) >= max_sentences or (chosen and score < min_score):
            break
        length = len(cand.sentence.shown)
        if max_chars and chosen and used + length > max_chars:
            continue
        mark = item_mark(cand.sentence.shown)
        if mark and mark[1] > 1 and not any(item_mark(c.sentence.shown) == (mark[0], mark[1] - 1) for c in chosen):
            continue  # 二是… read without 一是… is a fragment of a list
        if vectors and any(_cosine(vectors[cand.sentence.index], vectors[c.sentence.index]) >= REDUNDANCY for c in chosen):
            continue
        chosen.append(cand)
        used += length
    out = sorted((c.sentence for c in chosen), key=lambda s: s.index)
    # A summary never ends announcing what follows (…如下：) when what follows is not in it.
    while len(out) > 1 and is_lead_in(out[-1].shown):
        out.pop()
    return out


def _norm(a: Counter) -> float:
    return math.sqrt(sum(v * v for v in a.values()))


def _cosine(a: Counter, b: Counter, b_norm: float | None = None) -> float:
    if not a or not b:
        return 0.0
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    na, nb = _norm(a), _norm(b) if b_norm is None else b_norm
    return dot / (na * nb) if na and nb else 0.0


def _vector(words: list[str], vocab: Vocabulary) -> Counter:
    """A sentence as weighted content words (verbs included: they carry its claim)."""
    out: Counter = Counter()
    for w in words:
        content = vocab.content_word(w)
        if content:
            out[content] += vocab.weight(content)
    return out


def summarize_lead(cands: list[Candidate], *, max_sentences: int, max_chars: int | None, vocab: Vocabulary) -> list[Sentence]:
    return _select([(0.0, c) for c in cands], max_sentences=max_sentences, max_chars=max_chars, vectors=None)


def _kind_score(text: str) -> float:
    """What kind of sentence this is, as an editor weighs it: facts up, empty openings down."""
    score = FACT_BONUS if FIGURE.search(text) else 0.0
    if EMPTY_OPENING.search(text) or is_lead_in(text):
        score -= EMPTY_PENALTY
    if _DANGLING.match(text):
        score -= DANGLING_PENALTY
    return score


def summarize_hybrid(cands: list[Candidate], *, max_sentences: int, max_chars: int | None, vocab: Vocabulary) -> list[Sentence]:
    vectors = {c.sentence.index: _vector(c.words, vocab) for c in cands}
    centroid: Counter = Counter()
    for v in vectors.values():
        centroid.update(v)
    centroid_norm = _norm(centroid)  # once, not once per sentence: the centroid is large
    scored = []
    for rank, c in enumerate(cands):
        position = 1.0 / math.sqrt(rank + 1)
        centrality = _cosine(vectors[c.sentence.index], centroid, centroid_norm)
        score = LEAD_WEIGHT * position + (1 - LEAD_WEIGHT) * centrality + _kind_score(c.sentence.shown)
        scored.append((score, c))
    scored.sort(key=lambda sc: (-sc[0], sc[1].sentence.index))
    return _select(scored, max_sentences=max_sentences, max_chars=max_chars, vectors=vectors, min_score=MIN_SCORE)


def summarize_textrank(cands: list[Candidate], *, max_sentences: int, max_chars: int | None, vocab: Vocabulary) -> list[Sentence]:
    from healthdigest.textrank_compat import textrank4zh

    util = textrank4zh().util
    words = [[w for w in c.words if vocab.is_content(w)] or c.words for c in cands]
    ranked = util.sort_sentences(sentences=[c.sentence.text for c in cands], words=words)
    scored = [(item.weight, cands[item.index]) for item in ranked]
    return _select(scored, max_sentences=max_sentences, max_chars=max_chars, vectors=None)


Engine = Callable[..., list[Sentence]]
ENGINES: dict[str, Engine] = {
    "hybrid": summarize_hybrid,
    "lead": summarize_lead,
    "textrank": summarize_textrank,
}


def summarize(
    cands: list[Candidate], *, engine: str = "hybrid", max_sentences: int = 3, max_chars: int | None = None, vocab: Vocabulary
) -> list[Sentence]:
    """Pick up to max_sentences (and about max_chars) whole sentences, in source order."""
    if max_sentences <= 0:
        return []
    usable = [c for c in cands if eligible(c.sentence, clauses=max_sentences == 1)]
    if not usable:
        # A text of nothing but questions or short list lines still has a first statement: a
        # summary that shows it beats an empty one (filler stays out).
        usable = [c for c in cands if not _FILLER.search(c.sentence.shown)][:1]
        if not usable:
            return []
    chosen = ENGINES[engine](usable, max_sentences=max_sentences, max_chars=max_chars, vocab=vocab)
    if not chosen:  # every usable sentence was a later item of a list: start where the list does
        chosen = [c.sentence for c in cands if not _FILLER.search(c.sentence.shown)][:1]
    if max_sentences == 1:
        chosen = [_headline(s) for s in chosen]
    return chosen


def _headline(sentence: Sentence) -> Sentence:
    """A one-line summary as a headline reads: without its soft openings (据悉，昨天下午，调查显示，)
    and ending before a clause that only adds detail (，其中…, ，并…). What is left is a slice of
    the sentence, so the span moves with it."""
    shown = sentence.shown
    offset, length = sentence.span
    if length != len(shown):  # footnote marks inside: offsets in shown are not the paragraph's
        return sentence
    start = 0
    while True:
        rest = shown[start:]
        m = next((m for p in SOFT_OPENINGS if (m := p.match(rest)) and len(rest) - m.end() >= MIN_CHARS), None)
        if not m or _BACK_REFERENCE.match(rest, m.end()):
            break  # 据市疾控中心统计，到该中心…: the opening names what the rest points back to
        start += m.end()
    end = _statement_end(shown, start)
    if is_bare_item(shown[start:end]):  # 一是加强组织领导，并… cut to its heading says nothing
        end = len(shown)
    if (start, end) == (0, len(shown)):
        return sentence
    return replace(sentence, shown=shown[start:end], span=(offset + start, end - start))


def _statement_end(text: str, start: int) -> int:
    """Where the statement beginning at `start` ends: before the first clause (at a ， outside
    quotes and brackets) that elaborates on a head of at least MIN_CHARS; else the text's end."""
    closers: list[str] = []
    for i in range(start, len(text)):
        ch = text[i]
        if ch in _BRACKETS:
            closers.append(_BRACKETS[ch])
        elif closers and ch == closers[-1]:
            closers.pop()
        elif ch in "，," and not closers and i - start >= MIN_CHARS and ELABORATION.match(text, i + 1):
            # The first elaboration decides: a head not whole without it keeps the sentence whole.
            whole = not _INCOMPLETE_HEAD.search(text[start:i]) and not _SUBJECT_TAIL.match(text, i + 1)
            return i if whole else len(text)
    return len(text)

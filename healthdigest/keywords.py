"""Keywords: terms of one or more words, scored as units by a small shipped linear model.

Authors and editors tag a text with terms, often compounds (冠状动脉粥样硬化性心脏病,
集中带量采购) that the word segmenter cuts into pieces. So the candidates are the runs of
adjacent words that can stand in a name (nouns, verbal nouns, unknown words, terms; not
numerals, adverbs, particles…) and every stretch of up to MAX_WORDS words inside a run. Each
candidate is described by a few facts a reader would weigh — is it in the title, how often and
how early does it come, how specific are its words against the background, does it always
stand inside a longer run (then it is a fragment) — and a logistic model turns those into a
score. Its weights are data (data/keyword_model.json), fit by `benchmarks/fit_keywords.py`.

Rules a reader would state then shape the list: a compound the text repeats whole is shown
whole, not in pieces; clauses (a verb before its object), places side by side, people named
beside a title or a speech verb and the reporting agency are not keywords unless the title
names them; two forms of one name (慢病/慢性病, 上海社区卫生服务中心/社区卫生服务中心) count once.
"""

from __future__ import annotations

import json
import math
import operator
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from healthdigest.model import Keyword
from healthdigest.textutil import has_cjk

BREAK = "x"  # a word that ends a run of name words (see words._TAG_CLASSES)
NOUN, TERM, UNKNOWN, LATIN, EMPTY = "n", "T", "U", "E", "o"
# EMPTY: a stopword that is a noun or an adjective (研究, 分析, 医院, 健康). Never a keyword
# alone, but it may stand in a term (数值分析, 医院感染).
CLASSES = ("n", "v", "w", "a", "s", "i", UNKNOWN, LATIN, TERM, EMPTY)
# A number's measure word, which the HMM glues to the next word after a figure (第19批援中非 →
# 批援, 2005年抗高血压药 → 年抗): it is given back to the figure (see _unglue).
MEASURES = frozenset("年月日批个项名家次位例件条所届期轮种类台张级元亿万")
MAX_WORDS = 4  # longer stretches are clauses, not terms
MAX_CHARS = 12
LONG_TEXT = 600  # words: longer than a paper abstract or a short news item
UNKNOWN_FREQ = 50  # a word jieba's dictionary lacks (found by its HMM) is rare, not unique
TERM_FREQ = 500  # lexicon terms count as about this frequent: specific, not exotic
_LOOSE_ENDS = frozenset("及和与的等之并或了着过地得")
_LOOSE_STARTS = frozenset("的之和与及并或")
MODEL = Path(__file__).resolve().parent / "data" / "keyword_model.json"

# Stopwords that the genre uses as verbs or adverbs though jieba's dictionary tags them as
# nouns or adjectives: they open clauses (深化医药卫生体制改革, 着力提升), never terms.
PREDICATES = frozenset("深化 落实 健全 扎实 充分发挥 力争 办理 大力 着力 有序 全面 指导 规范 深入开展 结合实际".split())

# An agency that issues or reports the news (浙江省卫生健康委员会, 湖南省医疗保障局) is its
# source, not its subject, unless the title names it.
AGENCIES = ("委员会", "管理局", "保障局", "统计局", "监管局", "人民政府", "办公厅", "办公室")

# People's names: jieba's dictionary has no reliable name tag, and its HMM finds names as
# unknown words. A 2–3 character unknown (or rare) word that starts with a common surname and stands
# next to a title or a speech verb is a person (记者王某某, 李某某主任表示); a person is a
# keyword only when the title names them.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
NAME_FREQ = 100  # a name jieba's dictionary knows is a rare word there (common nouns are not)
PERSON_CUES = frozenset(
    "记者 通讯员 主任 副主任 医生 医师 院长 副院长 书记 局长 副局长 处长 科长 主席 部长 教授 专家 委员 代表 "
    "护士长 护士 队长 村医 县长 市长 省长 厅长 所长 站长 经理 董事长 负责人 表示 介绍 指出 说 强调 认为 告诉 "
    "同志 先生 女士 老师 博士 研究员".split()
)


@dataclass(frozen=True)
class Vocabulary:
    """Everything keyword scoring needs to know about words, loaded once per run."""

    freq: dict[str, int]  # background word frequencies (jieba's dictionary)
    total: int
    stopwords: frozenset[str]
    aliases: dict[str, str]
    terms: frozenset[str]  # domain lexicon: kept whole, and weighted as specific
    function_words: frozenset[str] = frozenset()  # verbs, adverbs, numerals… by jieba's tags
    classes: dict[str, str] = field(default_factory=dict)  # dictionary word → class, nouns left out
    # Per-word answers, memoised: a bulletin repeats its words thousands of times.
    _content: dict = field(default_factory=dict, compare=False, repr=False)
    _candidate: dict = field(default_factory=dict, compare=False, repr=False)
    _weight: dict = field(default_factory=dict, compare=False, repr=False)
    _class: dict = field(default_factory=dict, compare=False, repr=False)

    def canonical(self, word: str) -> str:
        return self.aliases.get(word, word)

    def content_word(self, raw: str) -> str | None:
        """The canonical form of a raw token if it is a content word, else None."""
        return self._memo(self._content, raw, self.is_content)

    def candidate_word(self, raw: str) -> str | None:
        """The canonical form of a raw token if it could be a keyword, else None."""
        return self._memo(self._candidate, raw, self.is_candidate)

    def _memo(self, table: dict, raw: str, test) -> str | None:
        try:
            return table[raw]
        except KeyError:
            word = self.canonical(raw.strip())
            table[raw] = result = word if test(word) else None
            return result

    def weight(self, word: str) -> float:
        """Background specificity of a word: the information content of its frequency."""
        try:
            return self._weight[word]
        except KeyError:
            self._weight[word] = value = self._compute_weight(word)
            return value

    def _compute_weight(self, word: str) -> float:
        freq = self.freq.get(word) or 0
        if word in self.terms:
            # A domain term is specific whatever its count in a general-language dictionary.
            freq = min(freq or UNKNOWN_FREQ, TERM_FREQ)
        return math.log(self.total / (freq or UNKNOWN_FREQ))

    def is_content(self, word: str) -> bool:
        """A word that carries meaning in a sentence (for similarity between sentences)."""
        return len(word) >= 2 and word not in self.stopwords and not any(ch.isdigit() for ch in word)

    def is_candidate(self, word: str) -> bool:
        """A word that could be shown as a keyword on its own: a content word that names something."""
        if not self.is_content(word):
            return False
        if word in self.function_words and word not in self.terms:
            return False
        if word not in self.terms and (word[-1] in _LOOSE_ENDS or word[0] in _LOOSE_STARTS):
            return False  # an unknown word glued to a particle (现状及, 的发展) by the HMM
        if has_cjk(word):
            return True
        # Latin: acronyms such as DRG, DIP, HIS, not stray letters.
        return word.replace("/", "").isalpha() and word.isupper() and len(word) >= 2

    def word_class(self, raw: str) -> str:
        """What part a word can play in a term: BREAK, or one of CLASSES."""
        try:
            return self._class[raw]
        except KeyError:
            self._class[raw] = cls = self._compute_class(self.canonical(raw.strip()))
            return cls

    def _predicate(self, word: str) -> bool:
        return word in self.stopwords or self.classes.get(word) in (BREAK, "v", "a")

    def _compute_class(self, word: str) -> str:
        if not word:
            return BREAK
        if word in self.terms:
            return TERM
        if word in PREDICATES:
            return BREAK
        if word in self.stopwords:
            known_noun = self.freq.get(word) and self.classes.get(word, NOUN) in (NOUN, "w", "a")
            return EMPTY if len(word) > 1 and known_noun else BREAK
        if any(ch.isdigit() for ch in word):
            return BREAK
        if has_cjk(word):
            if not all(has_cjk(ch) for ch in word):
                return BREAK  # mixed with punctuation: a segmenter artefact
            if word[0] in _LOOSE_STARTS or (len(word) > 1 and word[-1] in _LOOSE_ENDS and not self.freq.get(word)):
                return BREAK  # an unknown word glued to a particle (现状及, 的发展) by the HMM
            if len(word) == 4 and all(self._predicate(half) for half in (word[:2], word[2:])):
                return BREAK  # two predicates or adverbs in one word: 继续加强, 切实加强
            cls = self.classes.get(word)
            if cls:
                return cls
            return NOUN if self.freq.get(word) else UNKNOWN
        # Latin: words and acronyms (CFD, DRG, locale), not single letters or symbols.
        return LATIN if len(word) >= 2 and word.replace("-", "").isalpha() and word.isascii() else BREAK


@dataclass(slots=True)
class _Stats:
    """What a text says about one candidate term."""

    words: tuple[str, ...]
    classes: tuple[str, ...]
    count: int = 0
    first: int = -1  # word index of the first occurrence in the body
    extends_left: int = 0  # occurrences with a name word just before: part of a longer run
    extends_right: int = 0
    whole: int = 0  # occurrences that are a whole run (stopwords at its ends aside)
    sentences: int = 0  # body sentences that mention it


def _runs(words: list[str], vocab: Vocabulary):
    """(start, end) of each maximal run of words that may stand in a term."""
    return _runs_of(words, [vocab.word_class(w) for w in words])


def _runs_of(words: list[str], classes: list[str]):
    """_runs, given the words' classes."""
    start = None
    for i, c in enumerate(classes):
        if c == BREAK or (i and c == UNKNOWN and words[i][:1] in MEASURES and words[i - 1][-1:].isdigit()):
            if start is not None:
                yield start, i
            start = None
        elif start is None:
            start = i
    if start is not None:
        yield start, len(words)


def _spans(words: list[str], vocab: Vocabulary):
    """(start, end, run start, run end) of every stretch of up to MAX_WORDS words inside a run."""
    for a, b in _runs(words, vocab):
        for i in range(a, b):
            for j in range(i + 1, min(b, i + MAX_WORDS) + 1):
                yield i, j, a, b


def _unglue(words: list[str], vocab: Vocabulary) -> list[str]:
    """Give back the measure word the HMM glued to the word after a figure (2005年抗高血压药 →
    年抗 + 高血压 + 药): the measure word goes, the rest may begin a term (抗高血压药)."""
    out = None
    for i, w in enumerate(words):
        if i and len(w) > 1 and w[0] in MEASURES and words[i - 1][-1:].isdigit() and vocab.word_class(w) == UNKNOWN:
            out = out or list(words[:i])
            out += [w[0], w[1:]]
        elif out is not None:
            out.append(w)
    return words if out is None else out


def _split_off(words: list[str], i: int, vocab: Vocabulary) -> bool:
    """A one-character word that makes a dictionary word with the character before it was cut
    off that word by the segmenter (在岗乡村医生 → 在/岗乡村医生, 医院内 → 医院/内): a term
    starting with it is a fragment."""
    w = words[i]
    return i > 0 and len(w) == 1 and bool(vocab.freq.get(words[i - 1][-1:] + w))


# A candidate's tally while the body is read: a plain list, since most stretches of a long
# text occur once and are dropped (see _read); only the survivors become _Stats.
_COUNT, _LEFT, _RIGHT, _WHOLE, _SENTENCES, _LAST, _FIRST, _WORDS, _CLASSES, _START, _END = range(11)


def _candidates(body: list[list[str]], vocab: Vocabulary) -> tuple[dict[str, list], int]:
    """Every stretch of the body that may be a term, with its tally, and the body's length in words."""
    # The hot loop of keyword extraction: a bulletin has tens of thousands of spans, so the
    # per-word answers (canonical form, class, split-off) are read once per word, not per span; each
    # span's text grows by one word at a time; the spans come in _spans' order, so every
    # candidate's first occurrence, and the dict's order, stay what _spans gives.
    tallies: dict[str, list] = {}
    get_tally = tallies.get
    aliases = vocab.aliases.get
    word_class = vocab.word_class
    known_class = vocab._class.get  # word_class's memo, read directly: a class is never ""
    offset = 0
    for si, raw in enumerate(body):
        raw = _unglue(raw, vocab)
        words = [aliases(w, w) for w in (w.strip() for w in raw)]
        classes = [known_class(w) or word_class(w) for w in raw]
        for a, b in _runs_of(raw, classes):
            for i in range(a, b):
                if _split_off(raw, i, vocab):
                    continue  # every stretch starting here is a fragment
                # A stopword beside it (患者, 管理) does not make it part of a longer term.
                left = int(i > a and classes[i - 1] != EMPTY)
                left_whole = i == a or classes[i - 1] == EMPTY
                phrase = ""
                for j in range(i + 1, min(b, i + MAX_WORDS) + 1):
                    phrase += words[j - 1]
                    size = len(phrase)
                    if size > MAX_CHARS:
                        break  # spans only grow from here
                    if size < 2:
                        continue
                    right_empty = j == b or classes[j] == EMPTY
                    t = get_tally(phrase)
                    if t is None:
                        tallies[phrase] = [
                            1, left, int(not right_empty), int(left_whole and right_empty), 1, si, offset + i,
                            words, classes, i, j,
                        ]
                    else:
                        t[_COUNT] += 1
                        t[_LEFT] += left
                        t[_RIGHT] += not right_empty
                        t[_WHOLE] += left_whole and right_empty
                        if t[_LAST] != si:
                            t[_LAST] = si
                            t[_SENTENCES] += 1
        offset += len(raw)
    return tallies, offset


def _shown_stats(phrase: str, t: list, vocab: Vocabulary) -> _Stats | None:
    """A tally as _Stats, or None when the candidate may not be shown (see _may_show)."""
    i, j = t[_START], t[_END]
    words, classes = tuple(t[_WORDS][i:j]), tuple(t[_CLASSES][i:j])
    if not _may_show(phrase, words, classes, vocab):
        return None
    return _Stats(
        words, classes, count=t[_COUNT], first=t[_FIRST], extends_left=t[_LEFT], extends_right=t[_RIGHT],
        whole=t[_WHOLE], sentences=t[_SENTENCES],
    )


def _title_candidates(title_words: list[str], vocab: Vocabulary) -> dict[str, _Stats]:
    title_words = _unglue(title_words, vocab)
    words = [vocab.canonical(w.strip()) for w in title_words]
    out = {}
    for i, j, _, _ in _spans(title_words, vocab):
        phrase = "".join(words[i:j])
        if 2 <= len(phrase) <= MAX_CHARS and phrase not in out:
            out[phrase] = _Stats(tuple(words[i:j]), tuple(vocab.word_class(w) for w in title_words[i:j]))
    return out


FEATURES = (
    "in_title",  # the title contains it: the author's own choice of words
    "title_unit",  # it is a stretch of the title's words, not cut across them
    "log_count",  # occurrences in the body
    "body_absent",  # in the title only
    "early",  # 1 at the first word of the body, 0 at the end or when absent
    "sentence_share",  # share of the body's sentences that mention it
    "specificity",  # mean background information content of its words
    "least_specific",  # that of its most common word
    "known",  # a dictionary word or declared term as a whole
    "words_1",
    "words_2",
    "words_3",
    "words_4",
    "log_chars",
    "inside_left",  # share of occurrences with a name word just before: a fragment of a longer term
    "inside_right",
    "whole_share",  # share of occurrences that are a whole run: the text's own unit
    "whole_repeated",  # a whole run met more than once: a term the text keeps using
    "single_first",  # begins or ends with a one-character word (一等品率 yes; 性好 no)
    "single_last",
    "verb_object",  # a verb before a long object (签订医养结合): a predicate, not a name
    "has_idiom",  # an idiom or set phrase inside a longer stretch
    "empty_share",  # share of its words that are stopwords
    *(f"first_{c}" for c in CLASSES),
    *(f"last_{c}" for c in CLASSES),
)


def _features(
    s: _Stats, phrase: str, *, title: str, title_units: dict, body_words: int, body_sentences: int, vocab: Vocabulary
) -> list[float]:
    n = len(s.words)
    weight = vocab.weight
    specific = [weight(w) / 20 for w in s.words]
    count = s.count
    first_class, last_class = s.classes[0], s.classes[-1]
    f = [
        float(phrase in title),
        float(phrase in title_units),
        math.log1p(count),
        float(count == 0),
        1 - s.first / body_words if count else 0.0,
        s.sentences / body_sentences if body_sentences else 0.0,
        sum(specific) / n,
        min(specific),
        float(bool(vocab.freq.get(phrase)) or phrase in vocab.terms),
        float(n == 1),
        float(n == 2),
        float(n == 3),
        float(n >= 4),
        math.log(len(phrase)),
        s.extends_left / count if count else 0.0,
        s.extends_right / count if count else 0.0,
        s.whole / count if count else 0.0,
        math.log(s.whole) if s.whole > 1 else 0.0,
        float(len(s.words[0]) == 1),
        float(len(s.words[-1]) == 1),
        float(first_class == "v" and n > 1 and len(phrase) - len(s.words[0]) >= 4),
        float(n > 1 and "i" in s.classes),
        s.classes.count(EMPTY) / n,
    ]
    f += _ONE_HOT.get(first_class) or [float(first_class == c) for c in CLASSES]
    f += _ONE_HOT.get(last_class) or [float(last_class == c) for c in CLASSES]
    return f


# The first_*/last_* features of each class, built once (a new list is made from them per term).
_ONE_HOT = {c: tuple(float(c == other) for other in CLASSES) for c in CLASSES}


@cache
def _model() -> tuple[float, tuple[float, ...]]:
    data = json.loads(MODEL.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise RuntimeError(f"{MODEL.name} was fit for other features; run benchmarks/fit_keywords.py")
    return float(data["bias"]), tuple(float(w) for w in data["weights"])


def candidate_features(
    sentence_words: list[list[str]], *, vocab: Vocabulary, title_words: list[str] = ()
) -> dict[str, list[float]]:
    """Every candidate term of a text with its FEATURES (also what the model is fit on)."""
    return {phrase: f for phrase, (_, f) in _read(sentence_words, vocab, title_words).items()}


def _read(sentence_words, vocab: Vocabulary, title_words) -> dict[str, tuple[_Stats, list[float]]]:
    title_words = list(title_words)
    body = list(sentence_words)
    if title_words and body and list(body[-1]) == title_words:
        body.pop()  # the pipeline passes the title as a sentence as well; here it is a feature
    tallies, body_words = _candidates(body, vocab)
    title_units = _title_candidates(title_words, vocab)
    title = "".join(vocab.canonical(w.strip()) for w in title_words)
    # In a long article a stretch met once, and not in the title, is not what it is about.
    once_is_enough = body_words <= LONG_TEXT
    # Only what may be shown becomes _Stats; a body stretch that may not keeps its place (None)
    # so that the title's reading of the same text does not stand in for it.
    stats = {
        p: _shown_stats(p, t, vocab) for p, t in tallies.items() if once_is_enough or t[_COUNT] > 1 or p in title_units
    }
    for phrase, s in title_units.items():
        if phrase not in stats:
            stats[phrase] = s if _may_show(phrase, s.words, s.classes, vocab) else None
    return {
        phrase: (
            s,
            _features(
                s, phrase, title=title, title_units=title_units, body_words=body_words or 1,
                body_sentences=len(body), vocab=vocab,
            ),
        )
        for phrase, s in stats.items()
        if s is not None
    }


def _keep_wholes(scores: dict[str, float], read: dict, vocab: Vocabulary) -> dict[str, float]:
    """A compound the text repeats as a whole (冠状动脉粥样硬化性心脏病, 慢性阻塞性肺疾病) is
    shown whole: a part of it that never occurs outside it gives the whole its score and goes."""
    scores = dict(scores)
    wholes = sorted(
        (p for p, (s, _) in read.items() if len(s.words) > 1 and s.whole and s.count > 1 and EMPTY not in (s.classes[0], s.classes[-1])),
        key=len,
        reverse=True,
    )
    by_core: dict[str, list[str]] = {}  # a part's words without stopwords at its ends → the part
    for part, (s, _) in read.items():
        core = "".join(w for w, c in zip(s.words, s.classes, strict=True) if c != EMPTY)
        if core:
            by_core.setdefault(core, []).append(part)
    for whole in wholes:
        if whole not in scores:
            continue
        count = read[whole][0].count
        n = len(whole)
        inside = {whole[i:j] for i in range(n) for j in range(i + 1, n + 1)}
        for core in inside & by_core.keys():
            for part in by_core[core]:
                if part != whole and part in scores and read[part][0].count <= count:
                    scores[whole] = max(scores[whole], scores.pop(part))
    return scores


def _may_show(phrase: str, words: tuple[str, ...], classes: tuple[str, ...], vocab: Vocabulary) -> bool:
    """Whether a candidate may be shown at all: not an empty word, not a lone function word,
    no figures (a count or a date is a fact of the text, not what it is about)."""
    if any(map(str.isdigit, phrase)):
        return False
    if len(words) == 1:
        return classes[0] != EMPTY and (classes[0] in (UNKNOWN, LATIN, TERM) or vocab.is_candidate(phrase))
    if all(c in (EMPTY, "s") for c in classes):
        return False  # places side by side (中非中国, 江苏省扬州市) or a place and an empty word (河南建设)
    if classes[-1] == "a":
        return False  # a modifier waits for its noun: 重庆大学附属, 医疗卫生机构主要
    if classes[0] == EMPTY and vocab.classes.get(words[0], NOUN) not in (NOUN, "a"):
        return False  # 落实医保经办, 优化医养结合: the genre's empty verbs open clauses, not terms
    # A verb inside a term ends it (数值模拟) or opens it before one short word (控制棒); a
    # verb before a longer object, or in the middle, makes a clause: 夯实中医药, 于都县推行医养结合.
    # A one-character verb is a bound prefix (抗高血压药, 降糖药), not a predicate.
    if "v" not in classes:
        return True
    verbs = [i for i, c in enumerate(classes) if c == "v" and len(words[i]) > 1]
    return all(i == len(words) - 1 or (i == 0 and len(phrase) - len(words[0]) <= 2) for i in verbs)


def extract_keywords(
    sentence_words: list[list[str]],
    *,
    vocab: Vocabulary,
    title_words: list[str] = (),
    top_k: int = 8,
) -> list[Keyword]:
    """The top_k keywords of a text given as its sentences' words."""
    if top_k <= 0:
        return []
    read = _read(sentence_words, vocab, title_words)
    if not read:
        return []
    bias, weights = _model()
    scores = {}
    for phrase, (_, f) in read.items():
        z = bias + sum(map(operator.mul, weights, f))
        scores[phrase] = 1 / (1 + math.exp(-z))
    scores = _keep_wholes(scores, read, vocab)
    people = _people(sentence_words, title_words, vocab)
    title = "".join(vocab.canonical(w.strip()) for w in title_words)
    shown = {p: s for p, s in scores.items() if p not in people and (p in title or not p.endswith(AGENCIES))}
    return _top_distinct(shown, top_k, vocab)


def _people(sentence_words, title_words, vocab: Vocabulary) -> set[str]:
    """Unknown words that are people's names by the surname-and-cue rule, unless the title names them."""
    title = "".join(title_words)
    found = set()
    word_class = vocab.word_class
    for words in sentence_words:
        for i, w in enumerate(words):
            # The cheap tests first: most words are not 2–3 characters after a surname.
            if not (2 <= len(w) <= 3 and w[0] in SURNAMES):
                continue
            cls = word_class(w)
            rare = cls == UNKNOWN or (cls == NOUN and vocab.freq.get(w, 0) < NAME_FREQ)
            if rare and w not in title:
                near = words[max(0, i - 2) : i] + words[i + 1 : i + 3]
                if any(x in PERSON_CUES for x in near):
                    found.add(vocab.canonical(w))
    return found


def near_duplicates(a: str, b: str) -> bool:
    """Two forms of one name: the shorter is the longer less one character (慢病/慢性病,
    太原电子健康卡/太原市电子健康卡). A term and a longer term that contains it (落棒时间,
    快速落棒) are not: authors tag both, and they say different things."""
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) != 1 or len(a) < 2:
        return False
    return any(b[:i] + b[i + 1 :] == a for i in range(len(b)))


def _joins(word: str, kept: list[str]) -> bool:
    """Whether word is two kept terms side by side (异地就医 + 直接结算), or one of the two
    parts of such a pair: nothing a reader has not seen already."""
    for k in kept:
        if word.startswith(k) and word[len(k) :] in kept:
            return True
        if word != k and word in k and ((k.startswith(word) and k[len(word) :] in kept) or (k.endswith(word) and k[: -len(word)] in kept)):
            return True
    return False


def _placed(a: str, b: str, vocab: Vocabulary | None) -> bool:
    """One name with a place (or 国家) in front of it and without: 上海社区卫生服务中心 and
    社区卫生服务中心, 国家卫生健康委员会 and 卫生健康委员会."""
    if vocab is None or a == b:
        return False
    if len(a) > len(b):
        a, b = b, a
    head = b[: -len(a)] if b.endswith(a) else ""
    return bool(head) and (head in _NATION or vocab.word_class(head) == "s")


_NATION = frozenset("国家 全国 中国 我国 省 市 县 区".split())


def _top_distinct(
    scores: dict[str, float], top_k: int, vocab: Vocabulary | None = None, *, fold_nested: bool = False
) -> list[Keyword]:
    """The top_k terms by score, near-duplicates and joins of terms already kept left out (and,
    with `fold_nested`, a term inside a kept one or holding one)."""
    out: list[Keyword] = []
    if top_k <= 0:
        return out
    for word, score in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):
        if any(near_duplicates(word, k.word) or _placed(word, k.word, vocab) for k in out):
            continue
        if fold_nested and any(word in k.word or k.word in word for k in out):
            continue
        if _joins(word, [k.word for k in out]):
            continue
        out.append(Keyword(word, round(score, 4)))
        if len(out) == top_k:
            break
    return out


def merge_keywords(lists: list[list[Keyword]], *, top_k: int) -> list[Keyword]:
    """Bulletin keywords: a word that stands high in many articles stands high here. An article
    may list a term and a longer one holding it (authors tag both); across a bulletin the line
    names each thing once (社区卫生服务中心, not also 社区卫生 and 上海社区卫生服务中心)."""
    total: Counter = Counter()
    for kws in lists:
        if not kws:
            continue
        top = kws[0].weight or 1.0
        for k in kws:
            total[k.word] += k.weight / top
    return _top_distinct(total, top_k, fold_nested=True)

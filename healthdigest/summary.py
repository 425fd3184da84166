"""Extractive summaries: whole sentences in source order, chosen by an engine.

Engines (ENGINES): `hybrid` (default) weighs a news lead's position together with how
central a sentence is to the article and drops near-repeats; `lead` takes the first
sentences; `textrank` ranks sentences with textrank4zh's TextRank.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from healthdigest.keywords import Vocabulary
from healthdigest.model import Sentence

# Sentences an editor would never keep in a summary: thanks, hand-overs, questions put to a
# speaker, directions to the reader.
_FILLER = re.compile(
    r"谢谢|感谢.{0,6}(?:提问|关注|大家)|请.{0,10}(?:回答|介绍|提问)|下面.{0,6}(?:请|进入)|"
    r"发布会就到这里|欢迎.{0,8}(?:关注|参加|出席)|大家(?:上午|下午|晚上)?好|各位(?:媒体)?(?:朋友|记者)|"
    r"点击|扫描.{0,6}二维码|阅读原文|返回目录|图为|^图\s*[:：]"
)
MIN_CHARS = 12  # shorter "sentences" are labels, captions or fragments
LEAD_WEIGHT = 0.8  # share of position in the hybrid score; news puts the point first
REDUNDANCY = 0.7  # cosine above which a sentence repeats one already chosen


@dataclass(frozen=True)
class Candidate:
    """A sentence that may go into a summary, with its words for scoring."""

    sentence: Sentence
    words: list[str]


def eligible(sentence: Sentence) -> bool:
    text = sentence.shown
    return len(text) >= MIN_CHARS and not _FILLER.search(text) and text[-1] not in "？?"


def _select(ranked: list[tuple[float, Candidate]], *, max_sentences: int, max_chars: int | None, vectors) -> list[Sentence]:
    chosen: list[Candidate] = []
    used = 0
    for _, cand in ranked:
        if len(chosen) >= max_sentences:
            break
        length = len(cand.sentence.shown)
        if max_chars and chosen and used + length > max_chars:
            continue
        if vectors and any(_cosine(vectors[cand.sentence.index], vectors[c.sentence.index]) >= REDUNDANCY for c in chosen):
            continue
        chosen.append(cand)
        used += length
    return sorted((c.sentence for c in chosen), key=lambda s: s.index)


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
        scored.append((LEAD_WEIGHT * position + (1 - LEAD_WEIGHT) * centrality, c))
    scored.sort(key=lambda sc: (-sc[0], sc[1].sentence.index))
    return _select(scored, max_sentences=max_sentences, max_chars=max_chars, vectors=vectors)


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
    usable = [c for c in cands if eligible(c.sentence)]
    if not usable or max_sentences <= 0:
        return []
    return ENGINES[engine](usable, max_sentences=max_sentences, max_chars=max_chars, vocab=vocab)

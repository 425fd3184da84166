"""Keywords: TF-IDF with genre-aware IDF, combined with a TextRank co-occurrence score."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from healthdigest.model import Keyword
from healthdigest.rank import pagerank_graph
from healthdigest.textutil import has_cjk

WINDOW = 5  # words either side that count as co-occurring, for TextRank
TEXTRANK_SHARE = 0.3  # how much of a keyword's score comes from TextRank (rest: TF-IDF)
TITLE_BOOST = 1.5  # a word of the title is what the editor thought the article is about
UNKNOWN_FREQ = 50  # a word jieba's dictionary lacks (found by its HMM) is rare, not unique
_LOOSE_ENDS = frozenset("及和与的等之并或了着过地得")
_LOOSE_STARTS = frozenset("的之和与及并或")
TERM_FREQ = 500  # lexicon terms count as about this frequent: specific, not exotic


@dataclass(frozen=True)
class Vocabulary:
    """Everything keyword scoring needs to know about words, loaded once per run."""

    freq: dict[str, int]  # background word frequencies (jieba's dictionary)
    total: int
    stopwords: frozenset[str]
    aliases: dict[str, str]
    terms: frozenset[str]  # domain lexicon: kept whole, and weighted as specific
    function_words: frozenset[str] = frozenset()  # verbs, adverbs, numerals… by jieba's tags
    # Per-word answers, memoised: a bulletin repeats its words thousands of times.
    _content: dict = field(default_factory=dict, compare=False, repr=False)
    _candidate: dict = field(default_factory=dict, compare=False, repr=False)
    _weight: dict = field(default_factory=dict, compare=False, repr=False)

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
        """A word that could be shown as a keyword: a content word that names something."""
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


def candidate_words(words: list[str], vocab: Vocabulary) -> list[str | None]:
    """Map words to canonical keyword candidates, None where a word cannot be one."""
    return [vocab.candidate_word(w) for w in words]


def extract_keywords(
    sentence_words: list[list[str]],
    *,
    vocab: Vocabulary,
    title_words: list[str] = (),
    top_k: int = 8,
) -> list[Keyword]:
    """The top_k keywords of a text given as its sentences' words."""
    seqs = [candidate_words(ws, vocab) for ws in sentence_words]
    tf = Counter(w for seq in seqs for w in seq if w)
    if not tf:
        return []
    total = sum(tf.values())
    tfidf = {w: (c / total) * vocab.weight(w) for w, c in tf.items()}
    rank = _textrank(seqs, list(tf))
    best_tfidf, best_rank = max(tfidf.values()), max(rank.values()) or 1.0
    title = {vocab.canonical(w) for w in title_words}
    scores = {}
    for w in tf:
        s = (1 - TEXTRANK_SHARE) * tfidf[w] / best_tfidf + TEXTRANK_SHARE * rank[w] / best_rank
        scores[w] = s * (TITLE_BOOST if w in title else 1.0)
    scores.update(_keyphrases(seqs, tf, scores, vocab))
    return _top_distinct(scores, top_k)


def _top_distinct(scores: dict[str, float], top_k: int) -> list[Keyword]:
    """The top_k words by score; a phrase and its own parts say the same thing twice, so a
    word inside (or around) one already kept is skipped."""
    out: list[Keyword] = []
    for word, score in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):
        if any(word in k.word or k.word in word for k in out):
            continue
        out.append(Keyword(word, round(score, 4)))
        if len(out) == top_k:
            break
    return out


def _textrank(seqs: list[list[str | None]], vocab_words: list[str]) -> dict[str, float]:
    """TextRank: PageRank over words that stand within WINDOW of each other in a sentence."""
    neighbours: dict[str, dict[str, float]] = {w: {} for w in vocab_words}
    for seq in seqs:
        for i, a in enumerate(seq):
            if not a:
                continue
            for b in seq[i + 1 : i + WINDOW]:
                if b and b != a:
                    neighbours[a][b] = neighbours[a].get(b, 0.0) + 1.0
                    neighbours[b][a] = neighbours[b].get(a, 0.0) + 1.0
    # Keywords need the order of the top few words, not six decimals: stop at 1e-4.
    return pagerank_graph(neighbours, tol=1e-4)


def _keyphrases(seqs, tf: Counter, scores: dict[str, float], vocab: Vocabulary) -> dict[str, float]:
    """Two adjacent words that nearly always come together read better as one phrase."""
    pairs = Counter()
    for seq in seqs:
        for a, b in zip(seq, seq[1:], strict=False):
            if a and b and a != b:
                pairs[(a, b)] += 1
    out = {}
    for (a, b), c in pairs.items():
        # Both parts must mostly occur together, or the "phrase" is two words that met by
        # chance at a word boundary (批援 + 中非).
        known = all(w in vocab.terms or vocab.freq.get(w) for w in (a, b))
        if known and c >= 3 and c / max(tf[a], tf[b]) >= 0.5 and len(a + b) <= 8:
            out[a + b] = (scores[a] + scores[b]) * 0.6 * (1 + math.log(c) / 10)
    return out


def merge_keywords(lists: list[list[Keyword]], *, top_k: int) -> list[Keyword]:
    """Bulletin keywords: a word that stands high in many articles stands high here."""
    total: Counter = Counter()
    for kws in lists:
        if not kws:
            continue
        top = kws[0].weight or 1.0
        for k in kws:
            total[k.word] += k.weight / top
    return _top_distinct(total, top_k)

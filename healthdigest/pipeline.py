"""The digest pipeline: read → clean → split into articles → keywords → summary → highlights."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from healthdigest import words as W
from healthdigest.config import Settings
from healthdigest.highlights import rank_highlights
from healthdigest.keywords import Vocabulary, extract_keywords, merge_keywords
from healthdigest.measures import find_measures
from healthdigest.model import Bulletin
from healthdigest.readers import attach_pages
from healthdigest.reading import Decoded, decode_bytes, read_file
from healthdigest.sentences import article_sentences
from healthdigest.structure import read_structure
from healthdigest.summary import Candidate, summarize


@lru_cache(maxsize=W.USER_TOKENIZERS)
def vocabulary(words: tuple[str, ...] = (), stopwords: tuple[str, ...] = (), aliases: tuple = ()) -> Vocabulary:
    """The word lists and frequencies, with the user's additions; built once per process.

    The additions live in this Vocabulary and in the tokenizer for these words alone, so
    they change only the digests made with these settings.
    """
    freq, total = W.frequencies(W.tokenizer(words))
    return Vocabulary(
        freq=freq,
        total=total,
        stopwords=W.stopwords() | frozenset(stopwords),
        aliases={**W.aliases(), **dict(aliases)},
        terms=W.lexicon() | frozenset(words),
        function_words=W.function_words(),
        classes=W.word_classes(),
    )


def joins_words(head: str, tail: str) -> bool:
    """Whether a dictionary word runs across the junction of two fragments (简化老年|人就医)."""
    position = 0
    for word in W.cut(head + tail):
        if position < len(head) < position + len(word):
            return True
        position += len(word)
    return False


def digest_text(decoded: Decoded, *, path: str, settings: Settings) -> Bulletin:
    """A whole digest of one decoded bulletin."""
    bulletin = read_structure(
        decoded.text, path=path, encoding=decoded.encoding, joins_words=joins_words, hints=decoded.hints
    )
    attach_pages(bulletin, decoded.hints)
    bulletin.warnings[:0] = list(decoded.warnings)
    vocab = vocabulary(settings.words, settings.stopwords, settings.aliases)
    tokenizer = W.tokenizer(settings.words)
    for article in bulletin.articles:
        # A one-sentence summary may carry one member of a ；-series (see split_sentences).
        sentences = article_sentences(article, semicolons=settings.sentences == 1)
        cands = [Candidate(s, W.cut(s.shown, tokenizer=tokenizer)) for s in sentences]
        title_words = W.cut(article.title, tokenizer=tokenizer) if article.title else []
        article.keywords = extract_keywords(
            [c.words for c in cands] + [title_words], vocab=vocab, title_words=title_words, top_k=settings.keywords
        )
        article.measures = find_measures(article)
        article.summary = summarize(
            cands, engine=settings.engine, max_sentences=settings.sentences, max_chars=settings.max_chars, vocab=vocab
        )
    bulletin.keywords = merge_keywords([a.keywords for a in bulletin.articles], top_k=settings.bulletin_keywords)
    bulletin.highlights = rank_highlights(bulletin.articles, bulletin.keywords, count=settings.highlights)
    return bulletin


def digest_file(path: Path, *, settings: Settings) -> Bulletin:
    decoded = read_file(path, max_bytes=settings.max_file_mb * 1024 * 1024)
    return digest_text(decoded, path=str(path), settings=settings)


def digest_bytes(data: bytes, *, name: str, settings: Settings) -> Bulletin:
    return digest_text(decode_bytes(data, name=name), path=name, settings=settings)

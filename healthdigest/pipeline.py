"""The digest pipeline: read → clean → split into articles → keywords → summary → highlights."""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

from healthdigest import words as W
from healthdigest.config import Settings
from healthdigest.highlights import rank_highlights
from healthdigest.keywords import Vocabulary, extract_keywords, merge_keywords
from healthdigest.measures import find_measures
from healthdigest.model import Bulletin
from healthdigest import readers
from healthdigest.errors import InputError, shown
from healthdigest.readers import attach_pages
from healthdigest.reading import Decoded, decode_bytes, read_bytes
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
    data = read_bytes(path, max_bytes=settings.max_file_mb * 1024 * 1024)
    return digest_text(_decode(data, shown(path), settings), path=str(path), settings=settings)


def digest_bytes(data: bytes, *, name: str, settings: Settings) -> Bulletin:
    return digest_text(_decode(data, name, settings), path=name, settings=settings)


def _decode(data: bytes, name: str, settings: Settings) -> Decoded:
    """Decode the bytes. The first original of a run (PDF, Word) is read in a forked helper
    process while this one loads jieba's dictionary: the two take about the same time (0.1-0.2 s
    for a long PDF), and the pipeline users compare us with (pdftotext | …) overlaps them too."""
    if W.loaded() or readers.detect_kind(data, name=name) in (readers.TEXT, readers.HTML) or not _may_fork():
        return decode_bytes(data, name=name)
    helper = _decode_in_child(data, name)
    if helper is None:
        return decode_bytes(data, name=name)
    try:
        W.tokenizer(settings.words)
    except BaseException:
        _stop(helper[0])
        raise
    return _decoded_from_child(helper, data, name)


def _may_fork() -> bool:
    """A POSIX system with a second core, this the main process (not a worker of --jobs or of
    Dask, whose cores are taken) and no other thread running (a fork copies only this one)."""
    import multiprocessing
    import os

    return (
        hasattr(os, "fork")
        and (os.cpu_count() or 1) >= 2
        and multiprocessing.parent_process() is None
        and threading.active_count() == 1
    )


def _decode_in_child(data: bytes, name: str) -> tuple[int, int] | None:
    """Fork a process decoding the bytes; (its pid, the pipe its answer comes by), or None."""
    import os
    import pickle
    import signal

    try:
        reader, writer = os.pipe()
        pid = os.fork()
    except OSError:
        return None
    if pid:
        os.close(writer)
        return pid, reader
    # The child: signals as a plain process has them (the run's own handlers clean up the
    # parent's files), and whatever happens it leaves through os._exit, never the parent's code.
    status = 1
    try:
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(sig, signal.SIG_DFL)
        os.close(reader)
        try:
            answer: object = decode_bytes(data, name=name)
        except InputError as exc:
            answer = exc  # said by the parent, as if it had read the file itself
        with os.fdopen(writer, "wb") as out:
            pickle.dump(answer, out, protocol=pickle.HIGHEST_PROTOCOL)
        status = 0
    finally:
        os._exit(status)


def _decoded_from_child(helper: tuple[int, int], data: bytes, name: str) -> Decoded:
    """The child's answer: its Decoded, its InputError raised here; decoded here if it failed
    (a bug then shows as it would have without the child)."""
    import os
    import pickle

    pid, reader = helper
    answer = None
    try:
        with os.fdopen(reader, "rb") as pipe:
            blob = pipe.read()
        _, status = os.waitpid(pid, 0)
        if status == 0:
            answer = pickle.loads(blob)
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError):
        _stop(pid)
    except BaseException:
        _stop(pid)
        raise
    if isinstance(answer, InputError):
        raise answer
    if isinstance(answer, Decoded):
        return answer
    return decode_bytes(data, name=name)


def _stop(pid: int) -> None:
    import contextlib
    import os
    import signal

    with contextlib.suppress(OSError):
        os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(OSError):
        os.waitpid(pid, 0)

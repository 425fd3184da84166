"""Word segmentation (jieba), quietly set up once per process, and the shipped word lists.

"Segment" in this module means cutting Chinese text into words; splitting a bulletin into
articles is `structure`'s business.
"""

from __future__ import annotations

import contextlib
import logging
import marshal
import os
import sys
import warnings
from functools import cache
from pathlib import Path

import platformdirs

APP = "healthdigest"


def cache_dir() -> Path:
    """Where jieba's prefix-dictionary cache and our IDF cache live (user-writable)."""
    env = os.environ.get("HEALTHDIGEST_CACHE_DIR")
    return Path(env) if env else Path(platformdirs.user_cache_dir(APP))


DATA = Path(__file__).resolve().parent / "data"


def _data_text(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


@cache
def _jieba():
    """Import and initialise jieba once: no log lines, no warnings, cache in our cache dir."""
    with warnings.catch_warnings():
        # jieba 0.42.1 has invalid escapes in its source, and imports pkg_resources only to
        # find its own data files, falling back to plain paths when that import fails. The
        # import costs 0.09 s and warns on new setuptools, so it is made to fail, just here.
        warnings.simplefilter("ignore")
        blocked = "pkg_resources" not in sys.modules
        if blocked:
            sys.modules["pkg_resources"] = None  # type: ignore[assignment]
        try:
            import jieba
        finally:
            if blocked:
                del sys.modules["pkg_resources"]
    # CRITICAL: jieba logs a full traceback ("Dump cache file failed.") when it cannot write its
    # cache; a cache that cannot be written only costs time, so that is not worth a word.
    jieba.setLogLevel(logging.CRITICAL)
    # jieba's cache in a folder of its own, so that its temporary files (left behind when the
    # disk is full) can be told from anything else in our cache folder, and removed.
    folder = cache_dir() / "jieba"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if os.access(folder, os.W_OK):
            jieba.dt.tmp_dir = str(folder)
    except OSError:
        pass  # jieba falls back to the system temp dir; a read-only home must not stop a run
    jieba.dt.initialize()
    if jieba.dt.tmp_dir == str(folder):
        for leftover in folder.glob("tmp*"):
            with contextlib.suppress(OSError):
                leftover.unlink()
    for line in _data_text("lexicon.txt").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            jieba.add_word(word, freq=2000, tag="nz")
    return jieba


def add_words(words: tuple[str, ...]) -> None:
    """Words from the user's config, kept whole by the segmenter."""
    jb = _jieba()
    for word in words:
        jb.add_word(word, freq=2000, tag="nz")


def cut(text: str) -> list[str]:
    """Cut text into words (jieba's accurate mode with HMM for unknown words)."""
    return _jieba().lcut(text)


@cache
def lexicon() -> frozenset[str]:
    return frozenset(
        w for line in _data_text("lexicon.txt").splitlines() if (w := line.split("#", 1)[0].strip())
    )


@cache
def stopwords() -> frozenset[str]:
    return frozenset(
        w for line in _data_text("stopwords.txt").splitlines() if (w := line.split("#", 1)[0].strip())
    )


@cache
def aliases() -> dict[str, str]:
    """Alias → canonical name, one pair a line."""
    pairs = (line.split("#", 1)[0].split() for line in _data_text("aliases.txt").splitlines())
    return {p[0]: p[1] for p in pairs if len(p) == 2}


def frequencies() -> tuple[dict[str, int], int]:
    """jieba's dictionary frequencies and their total, already in memory once jieba is loaded.

    Their information content, log(total / freq), serves as the background IDF: it tracks
    jieba's bundled idf.txt closely (Pearson 0.81 on 5,000 words) and costs no extra load,
    where reading idf.txt took half a second a run.
    """
    jb = _jieba()
    return jb.dt.FREQ, jb.dt.total


# jieba dictionary tags of words that are never keywords: verbs, adjectives, adverbs,
# numerals, measure words, pronouns, prepositions, conjunctions, particles, time and place
# words. Nouns (n, nr, ns, nt, nz), verbal nouns (vn), idioms (i, l) and abbreviations stay.
_FUNCTION_TAGS = frozenset(
    "v vd vi vq vg a ad an ag d dg m mq q r rr rz p c u uj ul uz ud ug uv f t tg y e o h k x z zg b".split()
)


@cache
def function_words() -> frozenset[str]:
    """Dictionary words tagged as function or predicate words; cached after the first run."""
    import jieba

    source = Path(jieba.__file__).parent / "dict.txt"
    cached = cache_dir() / "function-words.marshal"
    try:
        if cached.stat().st_mtime >= source.stat().st_mtime:
            with cached.open("rb") as f:
                loaded = marshal.load(f)
            if isinstance(loaded, frozenset) and len(loaded) > 1000 and all(isinstance(w, str) for w in loaded):
                return loaded
    except (OSError, EOFError, ValueError, TypeError):
        pass
    words = set()
    with source.open(encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3 and parts[2] in _FUNCTION_TAGS:
                words.add(parts[0])
    result = frozenset(words)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            marshal.dump(result, f)
        os.replace(tmp, cached)
    except OSError:
        with contextlib.suppress(OSError, NameError):
            tmp.unlink(missing_ok=True)
        # no writable cache: parse again next time
    return result

"""Word segmentation (jieba), quietly set up once per process, and the shipped word lists.

"Segment" in this module means cutting Chinese text into words; splitting a bulletin into
articles is `structure`'s business.
"""

from __future__ import annotations

import logging
import marshal
import os
import warnings
from functools import cache
from importlib import resources
from pathlib import Path

import platformdirs

APP = "healthdigest"


def cache_dir() -> Path:
    """Where jieba's prefix-dictionary cache and our IDF cache live (user-writable)."""
    env = os.environ.get("HEALTHDIGEST_CACHE_DIR")
    return Path(env) if env else Path(platformdirs.user_cache_dir(APP))


def _data_text(name: str) -> str:
    return resources.files("healthdigest").joinpath("data", name).read_text(encoding="utf-8")


@cache
def _jieba():
    """Import and initialise jieba once: no log lines, no warnings, cache in our cache dir."""
    with warnings.catch_warnings():
        # jieba 0.42.1 imports pkg_resources (deprecated) and has invalid escapes in its source.
        warnings.simplefilter("ignore")
        import jieba
        import jieba.posseg  # noqa: F401  (textrank4zh uses it; import it quietly here)
    jieba.setLogLevel(logging.WARNING)
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        jieba.dt.tmp_dir = str(folder)
    except OSError:
        pass  # jieba falls back to the system temp dir; a read-only home must not stop a run
    jieba.dt.initialize()
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
    import yaml

    return dict(yaml.safe_load(_data_text("aliases.yaml")) or {})


@cache
def idf_table() -> tuple[dict[str, float], float]:
    """jieba's bundled IDF table, with its median for unknown words; cached as marshal."""
    _jieba()
    import jieba

    source = Path(jieba.__file__).parent / "analyse" / "idf.txt"
    cached = cache_dir() / "idf.marshal"
    try:
        if cached.stat().st_mtime >= source.stat().st_mtime:
            with cached.open("rb") as f:
                table, median = marshal.load(f)
            return table, median
    except (OSError, EOFError, ValueError, TypeError):
        pass
    table = {}
    with source.open(encoding="utf-8") as f:
        for line in f:
            word, _, value = line.strip().partition(" ")
            if value:
                table[word] = float(value)
    median = sorted(table.values())[len(table) // 2]
    try:
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            marshal.dump((table, median), f)
        os.replace(tmp, cached)
    except OSError:
        pass
    return table, median

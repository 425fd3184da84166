"""Word segmentation (jieba), quietly set up once per process, and the shipped word lists.

"Segment" in this module means cutting Chinese text into words; splitting a bulletin into
articles is `structure`'s business.
"""

from __future__ import annotations

import contextlib
import logging
import marshal
import os
import re
import sys
import warnings
from functools import cache, lru_cache
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
    if not _load_prefix_dict(jieba.dt, folder / PREFIX_DICT):
        jieba.dt.initialize()
        _save_prefix_dict(jieba.dt, folder / PREFIX_DICT)
    if jieba.dt.tmp_dir == str(folder):
        for leftover in folder.glob("tmp*"):
            with contextlib.suppress(OSError):
                leftover.unlink()
    for line in _data_text("lexicon.txt").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            jieba.add_word(word, freq=2000, tag="nz")
    return jieba


# jieba's prefix dictionary (half a million words and word prefixes with their frequencies),
# kept by us in a packed form: the words as one text and the frequencies as one array. jieba
# keeps it as a marshalled dict, which takes 0.35-0.5 s to load, a third of a seed run; this
# takes about 0.1 s and gives the same dict, in the same order.
PREFIX_DICT = "prefix-dict-1.bin"
_PACKED = b"healthdigest prefix dictionary 1\n"
_MAX_PREFIX_DICT = 256 * 1024 * 1024  # it is about 7 MB


def _dictionary_stamp(jieba_module) -> dict:
    """What the packed copy was made from: jieba's version and its dictionary file."""
    source = Path(jieba_module.__file__).parent / "dict.txt"
    st = source.stat()
    return {"jieba": jieba_module.__version__, "size": st.st_size, "mtime_ns": st.st_mtime_ns}


def _load_prefix_dict(tk, path: Path) -> bool:
    """Fill an uninitialised jieba Tokenizer from our packed copy; False when there is none
    fit to use (missing, damaged, made from another dictionary): jieba then loads its own."""
    import array
    import hashlib
    import json

    import jieba

    if tk.dictionary != jieba.DEFAULT_DICT:
        return False
    from healthdigest.cache import read_regular

    try:
        # a FIFO or a link to /dev/zero in its place is refused, not read for ever
        raw = read_regular(path, max_bytes=_MAX_PREFIX_DICT)
        magic, _, rest = raw.partition(b"\n")
        if magic + b"\n" != _PACKED:
            return False
        line, _, body = rest.partition(b"\n")
        head = json.loads(line)
        # a truncated or altered file is caught here, and never used: a wrong dictionary
        # would change every digest without a word
        if (
            head.get("stamp") != _dictionary_stamp(jieba)
            or head.get("itemsize") != 4
            or head.get("byteorder") != sys.byteorder
            or hashlib.sha256(body).hexdigest() != head.get("sha256")
        ):
            return False
        split = head["text_bytes"]
        words = body[:split].decode("utf-8").split("\n")
        freqs = array.array("I")
        freqs.frombytes(body[split:])
        if not len(words) == len(freqs) == head["words"]:
            return False
        total = head["total"]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return False
    tk.FREQ, tk.total = dict(zip(words, freqs, strict=True)), total
    tk.initialized = True
    return True


def _save_prefix_dict(tk, path: Path) -> None:
    """Write the packed copy of a freshly loaded jieba dictionary, atomically; a cache that
    cannot be written only costs time on the next run."""
    import array
    import hashlib
    import json

    import jieba

    if tk.dictionary != jieba.DEFAULT_DICT or not tk.FREQ:
        return
    words = list(tk.FREQ)
    if any("\n" in w for w in words):
        return
    try:
        freqs = array.array("I", tk.FREQ.values())
    except OverflowError:  # a frequency beyond 32 bits: keep jieba's own cache only
        return
    body = "\n".join(words).encode("utf-8")
    text_bytes = len(body)
    body += freqs.tobytes()
    head = {
        "stamp": _dictionary_stamp(jieba),
        "words": len(words),
        "total": tk.total,  # not the sum of the frequencies: dict.txt lists some words twice
        "itemsize": freqs.itemsize,
        "byteorder": sys.byteorder,
        "text_bytes": text_bytes,
        "sha256": hashlib.sha256(body).hexdigest(),
    }
    # named like jieba's own temporary files, so a run killed while writing leaves nothing
    # that the next start does not sweep away
    tmp = path.with_name(f"tmp-{path.name}.{os.getpid()}")
    try:
        with tmp.open("wb") as f:
            f.write(_PACKED + json.dumps(head).encode("ascii") + b"\n" + body)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()


def loaded() -> bool:
    """Whether jieba and its dictionary are loaded in this process already."""
    return _jieba.cache_info().currsize > 0


USER_TOKENIZERS = 8  # distinct user word lists kept segmenting at once (about 15 MB each)


@lru_cache(maxsize=USER_TOKENIZERS)
def tokenizer(words: tuple[str, ...] = ()):
    """The segmenter for a digest: jieba's own for the default words, else one of its own.

    The user's words must change only the digests they were given for, so they go into a
    tokenizer of their own, never into jieba's process-wide one. It starts from a copy of
    the loaded dictionary (12 ms), not from the dictionary file (half a second).
    """
    jb = _jieba()
    if not words:
        return jb.dt
    own = jb.Tokenizer()
    own.FREQ, own.total = dict(jb.dt.FREQ), jb.dt.total
    own.user_word_tag_tab = dict(jb.dt.user_word_tag_tab)
    own.initialized = True
    for word in words:
        own.add_word(word, freq=2000, tag="nz")
    return own


# jieba's time grows with the square of a run of characters it keeps as one block (Han
# characters, letters, digits) when the run holds no word it knows: 20,000 of one character
# took 1.6 s, 100,000 took 47 s, and a 15 MB line of letters hours. Prose breaks every few
# dozen characters; a run this long is noise, and is cut in pieces of this length.
LONG_RUN = 2000
_BLOCK = "\u4E00-\u9FD5a-zA-Z0-9+#&._%\\-"  # jieba's own block characters (re_han_default)
_LONG_RUN = re.compile(f"(?<![{_BLOCK}])[{_BLOCK}]{{{LONG_RUN},}}")


def cut(text: str, *, tokenizer=None) -> list[str]:
    """Cut text into words (jieba's accurate mode with HMM for unknown words)."""
    tk = tokenizer or _jieba().dt
    if len(text) < LONG_RUN or not _LONG_RUN.search(text):
        return tk.lcut(text)
    words, start = [], 0
    for run in _LONG_RUN.finditer(text):
        words += tk.lcut(text[start:run.start()])
        words += (w for i in range(run.start(), run.end(), LONG_RUN) for w in tk.lcut(text[i:min(i + LONG_RUN, run.end())]))
        start = run.end()
    words += tk.lcut(text[start:])
    return words


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


def frequencies(tokenizer=None) -> tuple[dict[str, int], int]:
    """jieba's dictionary frequencies and their total, already in memory once jieba is loaded.

    Their information content, log(total / freq), serves as the background IDF: it tracks
    jieba's bundled idf.txt closely (Pearson 0.81 on 5,000 words) and costs no extra load,
    where reading idf.txt took half a second a run.
    """
    tk = tokenizer or _jieba().dt
    return tk.FREQ, tk.total


# jieba's dictionary tags folded into the few classes keyword extraction needs. A word of the
# class BREAK (numerals, measure words, adverbs, pronouns, prepositions, conjunctions,
# particles, time and direction words…) never stands in a keyword and ends a run of words
# that may form one. Nouns are the default and are not stored: most of the dictionary.
BREAK = "x"
_TAG_CLASSES = {
    # Personal names (nr, nrt, nrfg) stay nouns: the tag is noisy (玉米, 公正, 智能化 carry it) and
    # the 80,000 entries would slow every start; names are found by rule (keywords.SURNAMES).
    "ns": "s",  # places
    **dict.fromkeys("v vg vi vq".split(), "v"),  # verbs
    "vn": "w",  # verbal nouns: 管理, 分析
    **dict.fromkeys("a ag an b z".split(), "a"),  # adjectives and distinguishing words
    **dict.fromkeys("i l".split(), "i"),  # idioms and set phrases
    **dict.fromkeys("vd d dg ad m mq q r rr rz p c u uj ul uz ud ug uv f t tg y e o h k x zg".split(), BREAK),
}


@cache
def word_classes() -> dict[str, str]:
    """Dictionary word → class (see _TAG_CLASSES) for every non-noun; cached after the first run."""
    import jieba

    source = Path(jieba.__file__).parent / "dict.txt"
    # Cached as one newline-joined string of words per class: unmarshalling a few long strings
    # takes 0.03 s where a dict of 130,000 small ones took 0.13 s, a tenth of a seed run.
    cached = cache_dir() / "word-classes-3.marshal"
    try:
        if cached.stat().st_mtime >= source.stat().st_mtime:
            with cached.open("rb") as f:
                packed = marshal.load(f)
            if isinstance(packed, dict) and all(isinstance(c, str) and isinstance(ws, str) for c, ws in packed.items()):
                classes = {}
                for cls, joined in packed.items():
                    classes.update(dict.fromkeys(joined.split("\n"), cls))
                if len(classes) > 1000:
                    return classes
    except (OSError, EOFError, ValueError, TypeError):
        pass
    classes = {}
    with source.open(encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3 and (cls := _TAG_CLASSES.get(parts[2])):
                classes[parts[0]] = cls
    by_class: dict[str, list[str]] = {}
    for word, cls in classes.items():
        by_class.setdefault(cls, []).append(word)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            marshal.dump({cls: "\n".join(words) for cls, words in by_class.items()}, f)
        os.replace(tmp, cached)
    except OSError:
        with contextlib.suppress(OSError, NameError):
            tmp.unlink(missing_ok=True)
        # no writable cache: parse again next time
    return classes


@cache
def function_words() -> frozenset[str]:
    """Dictionary words that never name a thing: predicates and function words."""
    return frozenset(w for w, cls in word_classes().items() if cls in (BREAK, "v", "a"))

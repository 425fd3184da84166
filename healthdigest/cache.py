"""A result cache for cron re-runs: digests keyed by file content, settings and version.

Each entry is one file, `results/ab/<key>.json`: a header line with the SHA-256 of the body,
then the digest as JSON (no pickle: a cache folder anyone can write to must not be a way to
run code). An entry whose checksum, JSON or fields do not check out is deleted and the file
digested again; it is never served. Writing is best effort: a full or read-only cache costs
time, and the run says so in one line.

Kept light on purpose: a run whose files are all cached never imports jieba or numpy.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import stat
import tempfile
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from healthdigest import __version__
from healthdigest.config import Settings
from healthdigest.errors import shown
from healthdigest.model import Bulletin

HEADER = b"healthdigest-cache 1 sha256="
_ENTRY = re.compile(r"[0-9a-f]{64}\.(?:json|pickle)")  # .pickle: entries of older versions
_TEMP = re.compile(r"\.[0-9a-f]{64}\..*\.tmp")
_FOLDER = re.compile(r"[0-9a-f]{2}")

# Why the cache could not be written in this run (one line each, said once by the CLI).
problems: set[str] = set()


def results_dir() -> Path:
    from healthdigest.words import cache_dir

    return cache_dir() / "results"


@cache
def code_fingerprint() -> str:
    """A hash of the package's own files: a digest made by other code is never served."""
    h = hashlib.sha256(__version__.encode())
    root = Path(__file__).parent
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".txt", ".yaml", ".json") and "__pycache__" not in path.parts:
            h.update(path.relative_to(root).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def cache_key(data: bytes, name: str, settings: Settings) -> str:
    """Same bytes, settings and code: same digest. The name is in it as the path is part of
    the digest."""
    h = hashlib.sha256()
    for part in (code_fingerprint(), repr(settings), name):
        h.update(part.encode("utf-8", "backslashreplace"))
        h.update(b"\0")
    h.update(data)
    return h.hexdigest()


def _entry(key: str) -> Path:
    return results_dir() / key[:2] / f"{key}.json"


def encode_entry(bulletin: Bulletin) -> bytes:
    from healthdigest.render.jsonout import model_record

    body = json.dumps(model_record(bulletin), ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
    return HEADER + hashlib.sha256(body).hexdigest().encode() + b"\n" + body


def decode_entry(raw: bytes) -> Bulletin:
    """The digest of an entry's bytes; ValueError if anything about it is wrong."""
    from healthdigest.render.jsonout import bulletin_from_record

    header, sep, body = raw.partition(b"\n")
    if not sep or not header.startswith(HEADER) or header[len(HEADER):] != hashlib.sha256(body).hexdigest().encode():
        raise ValueError("checksum does not match")
    try:
        record = json.loads(body.decode("utf-8", "surrogatepass"))
    except (UnicodeDecodeError, RecursionError) as exc:
        raise ValueError(str(exc)) from None
    return bulletin_from_record(record)


# No digest comes near this; it only bounds what a file put in an entry's place could cost.
MAX_ENTRY_BYTES = 1 << 30


def read_regular(path: Path, *, max_bytes: int) -> bytes:
    """The bytes of a file the cache wrote: a regular file, not a symbolic link, at most
    max_bytes. Anything else in its place is ValueError (a FIFO would be waited on for ever,
    a link to /dev/zero read until the memory ran out); OSError if it cannot be opened."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > max_bytes:
            raise ValueError(f"{shown(path)}: not a file the cache wrote")
        with os.fdopen(fd, "rb", closefd=False) as f:
            data = f.read(max_bytes + 1)
    finally:
        os.close(fd)
    if len(data) > max_bytes:  # grew while read
        raise ValueError(f"{shown(path)}: not a file the cache wrote")
    return data


def load(key: str) -> Bulletin | None:
    """The cached digest, or None (absent, or damaged: then it is removed)."""
    path = _entry(key)
    try:
        raw = read_regular(path, max_bytes=MAX_ENTRY_BYTES)
        bulletin = decode_entry(raw)
    except OSError:
        return None  # absent, or a link (O_NOFOLLOW): replaced when the digest is stored
    except ValueError:
        with contextlib.suppress(OSError):
            path.unlink()
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # pruning by age removes what was not used lately
    return bulletin


def store(key: str, bulletin: Bulletin) -> None:
    target = _entry(key)
    tmp = None
    try:
        data = encode_entry(bulletin)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{key}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, target)
    except BaseException as exc:  # interrupted too: no temporary file is left in the cache
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        if not isinstance(exc, OSError):
            raise
        reason = exc.strerror or type(exc).__name__
        problems.add(f"note: the cache in {results_dir()} cannot be written ({reason}); "
                     "digests are not kept for re-runs")


@dataclass(frozen=True)
class Entry:
    path: Path
    size: int
    mtime: float


def entries(problems: list[str] | None = None) -> list[Entry]:
    """Every file the cache wrote (entries, and temporary files of interrupted writes). A
    folder of the cache that cannot be listed is said in `problems` (no cache at all is not
    a problem)."""
    found = []
    root = results_dir()
    try:
        folders = [d for d in os.scandir(root) if _FOLDER.fullmatch(d.name) and d.is_dir(follow_symlinks=False)]
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as exc:
        _note(problems, f"{shown(root)}: cannot be listed ({exc.strerror})")
        return []
    for folder in folders:
        try:
            for f in os.scandir(folder.path):
                if (_ENTRY.fullmatch(f.name) or _TEMP.fullmatch(f.name)) and f.is_file(follow_symlinks=False):
                    st = f.stat(follow_symlinks=False)
                    found.append(Entry(Path(f.path), st.st_size, st.st_mtime))
        except FileNotFoundError:
            continue  # removed meanwhile by another run's clear or prune
        except OSError as exc:
            _note(problems, f"{shown(folder.path)}: cannot be listed ({exc.strerror})")
    return found


def _note(problems: list[str] | None, message: str) -> None:
    if problems is not None:
        problems.append(message)


def _remove(victims: list[Entry], problems: list[str] | None) -> tuple[int, int]:
    count = size = 0
    refused: dict[str, int] = {}
    for e in victims:
        try:
            e.path.unlink()
        except FileNotFoundError:
            continue  # another run removed it first
        except OSError as exc:  # a read-only cache folder: said once per reason, not per entry
            refused[exc.strerror or type(exc).__name__] = refused.get(exc.strerror or type(exc).__name__, 0) + 1
            continue
        count += e.path.name.endswith((".json", ".pickle"))
        size += e.size
    for reason, n in refused.items():
        _note(problems, f"{shown(results_dir())}: {n} cached files could not be removed ({reason})")
    for folder in {e.path.parent for e in victims}:
        with contextlib.suppress(OSError):
            folder.rmdir()  # only if empty: a file we did not write keeps its folder
    with contextlib.suppress(OSError):
        results_dir().rmdir()
    return count, size


def clear(*, problems: list[str] | None = None) -> int:
    """Remove every cached result (and nothing else); return how many there were. What
    could not be listed or removed is said in `problems`."""
    return _remove(entries(problems), problems)[0]


def prune(*, older_than: float | None = None, max_bytes: int | None = None,
          problems: list[str] | None = None) -> tuple[int, int]:
    """Remove entries unused for older_than seconds, then the least recently used until the
    cache holds at most max_bytes. Returns (entries removed, bytes freed); what could not be
    listed or removed is said in `problems`."""
    now = time.time()
    found = sorted(entries(problems), key=lambda e: e.mtime)
    victims = [e for e in found if older_than is not None and now - e.mtime > older_than]
    if max_bytes is not None:
        gone = {e.path for e in victims}
        kept = [e for e in found if e.path not in gone]
        total = sum(e.size for e in kept)
        for e in kept:
            if total <= max_bytes:
                break
            victims.append(e)
            total -= e.size
    return _remove(victims, problems)

"""A result cache for cron re-runs: digests keyed by file content, settings and version.

Kept light on purpose: a run whose files are all cached never imports jieba or numpy.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
from functools import cache
from pathlib import Path

from healthdigest import __version__
from healthdigest.config import Settings
from healthdigest.model import Bulletin


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
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    h.update(data)
    return h.hexdigest()


def load(key: str) -> Bulletin | None:
    path = results_dir() / key[:2] / f"{key}.pickle"
    try:
        with path.open("rb") as f:
            value = pickle.load(f)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
        return None  # absent or from an older layout of the model: digest again
    return value if isinstance(value, Bulletin) else None


def store(key: str, bulletin: Bulletin) -> None:
    folder = results_dir() / key[:2]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{key}.{os.getpid()}.tmp"
        with tmp.open("wb") as f:
            pickle.dump(bulletin, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, folder / f"{key}.pickle")
    except OSError:
        pass  # a cache that cannot be written only costs time


def clear() -> int:
    """Remove every cached result; return how many there were."""
    folder = results_dir()
    count = sum(1 for _ in folder.rglob("*.pickle")) if folder.exists() else 0
    shutil.rmtree(folder, ignore_errors=True)
    return count

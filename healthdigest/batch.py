"""Batch runs: expanding PATH arguments, digesting in worker processes, writing atomically.

Results come back in input order whatever the number of workers, so `--jobs 2` gives the
same output as `--jobs 1`. At most a few files per worker are in flight at once, so memory
stays flat however many files a cron job points at.
"""

from __future__ import annotations

import glob
import os
import signal
import sys
import tempfile
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from healthdigest.config import Settings
from healthdigest.errors import HealthdigestError, InputError
from healthdigest.model import Bulletin

# Every kind a reader handles (healthdigest.readers.SUFFIXES; kept here so --help stays light).
BULLETIN_SUFFIXES = (".txt", ".md", ".markdown", ".pdf", ".docx", ".doc", ".html", ".htm")
IN_FLIGHT_PER_WORKER = 4


def expand_inputs(paths: list[str], *, recursive: bool = False) -> tuple[list[Path | str], list[str]]:
    """Files to digest ("-" for standard input) and a message for each PATH that gave none."""
    inputs: list[Path | str] = []
    problems: list[str] = []
    for raw in paths:
        if raw == "-":
            inputs.append("-")
            continue
        path = Path(raw)
        if path.is_dir():
            pattern = "**/*" if recursive else "*"
            found = sorted(p for p in path.glob(pattern) if p.suffix.lower() in BULLETIN_SUFFIXES and p.is_file())
            if not found:
                problems.append(f"{path}: no bulletins here (no .txt, .md, .pdf, .docx, .doc or .html files)")
            inputs.extend(found)
        elif path.is_symlink() and not path.exists():
            problems.append(f"{path}: broken symbolic link; its target is gone")
        elif path.exists():
            inputs.append(path)
        elif glob.has_magic(raw):
            found = sorted(Path(p) for p in glob.glob(raw, recursive=recursive) if Path(p).is_file())
            if not found:
                problems.append(f"{raw}: no file matches this pattern")
            inputs.extend(found)
        else:
            problems.append(f"{path}: no such file or directory; check the path")
    return inputs, problems


@dataclass(frozen=True)
class Outcome:
    """What became of one input: its digest, or the message saying why there is none."""

    name: str
    bulletin: Bulletin | None = None
    error: str | None = None
    cached: bool = False


def _read_input(item: Path | str, settings: Settings) -> tuple[str, bytes]:
    if item == "-":
        return "<stdin>", sys.stdin.buffer.read()
    from healthdigest.reading import read_bytes

    return str(item), read_bytes(Path(item), max_bytes=settings.max_file_mb * 1024 * 1024)


def _digest(name: str, data: bytes, settings: Settings) -> Outcome:
    from healthdigest.api import digest_bytes

    try:
        return Outcome(name, digest_bytes(data, name=name, settings=settings))
    except HealthdigestError as exc:
        return Outcome(name, error=str(exc))


def _worker_init() -> None:
    # Ctrl-C reaches the whole process group; the parent alone decides what happens.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def run_batch(inputs: list[Path | str], settings: Settings, *, jobs: int = 1, use_cache: bool = True) -> Iterator[Outcome]:
    """Digest inputs, yielding one Outcome per input in input order."""
    from healthdigest import cache

    def prepared():
        for item in inputs:
            try:
                name, data = _read_input(item, settings)
            except InputError as exc:
                yield str(item), None, None, Outcome(str(item), error=str(exc))
                continue
            key = cache.cache_key(data, name, settings) if use_cache else None
            hit = cache.load(key) if key else None
            yield name, data, key, Outcome(name, hit, cached=True) if hit else None

    def finish(outcome: Outcome, key: str | None) -> Outcome:
        if key and outcome.bulletin is not None:
            cache.store(key, outcome.bulletin)
        return outcome

    jobs = max(1, jobs)
    if jobs == 1 or len(inputs) <= 1:
        for name, data, key, ready in prepared():
            yield ready if ready else finish(_digest(name, data, settings), key)
        return

    pool = None
    window: deque = deque()  # (ready outcome or None, future or None, cache key), in input order
    try:
        for name, data, key, ready in prepared():
            if ready is None and pool is None:
                pool = _start_pool(min(jobs, len(inputs)), settings)  # only once a file needs digesting
            window.append((ready, None if ready else pool.submit(_digest, name, data, settings), key))
            while len(window) > jobs * IN_FLIGHT_PER_WORKER:
                yield _settle(window.popleft(), finish)
        while window:
            yield _settle(window.popleft(), finish)
    except BaseException:
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
            for process in list(getattr(pool, "_processes", None) or {}.values()):
                process.terminate()
        raise
    if pool is not None:
        pool.shutdown()


def _start_pool(workers: int, settings: Settings):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from healthdigest.api import prepare

    # Load jieba and the word lists here, once: forked workers share them instead of each
    # spending most of a second loading its own copy.
    prepare(settings)
    import gc

    # Move what is loaded so far out of the collector's sight: a child's collections would
    # otherwise touch every object and copy the shared pages of jieba's dictionary.
    gc.freeze()

    # fork: workers start without re-importing, and each loads jieba once, lazily.
    context = multiprocessing.get_context("fork")
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_worker_init)


def _settle(entry, finish) -> Outcome:
    ready, future, key = entry
    return ready if ready is not None else finish(future.result(), key)


def write_atomic(path: Path, text: str) -> None:
    """Write text so that readers see the old file or the whole new one, never half of it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class AtomicFile:
    """A text file written piece by piece into a temporary file, renamed into place on commit."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, self._tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        self._file = os.fdopen(fd, "w", encoding="utf-8")

    def write(self, text: str) -> None:
        self._file.write(text)

    def commit(self) -> None:
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        os.replace(self._tmp, self.path)

    def discard(self) -> None:
        self._file.close()
        Path(self._tmp).unlink(missing_ok=True)

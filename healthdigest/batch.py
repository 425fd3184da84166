"""Batch runs: expanding PATH arguments, digesting in worker processes, writing atomically.

Results come back in input order whatever the number of workers, so `--jobs 2` gives the
same output as `--jobs 1`. At most a few files per worker are in flight at once, so memory
stays flat however many files a cron job points at.
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import signal
import stat
import sys
import tempfile
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from healthdigest.config import Settings
from healthdigest.errors import HealthdigestError, InputError, Interrupted, shown
from healthdigest.model import Bulletin

# Every kind a reader handles (healthdigest.readers.SUFFIXES; kept here so --help stays light).
BULLETIN_SUFFIXES = (".txt", ".md", ".markdown", ".pdf", ".docx", ".doc", ".html", ".htm")
IN_FLIGHT_PER_WORKER = 4
# A pool whose workers keep dying (memory exhausted by every file?) is given up after this
# many fresh starts; the files left are reported, not digested.
MAX_POOL_RESTARTS = 8


def expand_inputs(
    paths: list[str], *, recursive: bool = False, exclude: tuple = ()
) -> tuple[list[Path | str], list[str]]:
    """Files to digest ("-" for standard input) and a message for each PATH that gave none,
    each folder that could not be listed and each special file found in a folder.

    `exclude` holds the run's outputs: files in an output folder below an input folder are
    never read back as inputs, so last night's digests are not digested as bulletins.
    Symbolic links to folders are followed once: a loop ends.
    """
    inputs: list[Path | str] = []
    problems: list[str] = []
    excluded = _Excluded(exclude)
    for raw in paths:
        if raw == "-":
            inputs.append("-")
            continue
        if not raw:
            problems.append("'': an empty name is no file; check the command line or the list")
            continue
        try:
            _expand_one(raw, recursive, excluded, inputs, problems)
        except OSError as exc:  # a name too long, a loop of links, a dead mount
            problems.append(f"{shown(raw)}: cannot be read ({exc.strerror})")
        except ValueError:  # a NUL byte in a name from --files-from
            problems.append(f"{shown(raw)}: not a file name (it holds a NUL byte)")
    return inputs, problems


def _expand_one(raw: str, recursive: bool, excluded, inputs: list, problems: list[str]) -> None:
    """Add what one PATH names to inputs, or say why it names nothing."""
    path = Path(raw)
    if path.is_dir():
        before = len(problems)
        found = [p for p in _walk(path, recursive, problems) if not excluded(p, path)]
        if not found and len(problems) == before:
            problems.append(f"{shown(path)}: no bulletins here (no .txt, .md, .pdf, .docx, .doc or .html files)")
        inputs.extend(found)
    elif path.is_symlink() and not path.exists():
        problems.append(f"{shown(path)}: broken symbolic link; its target is gone")
    elif path.exists():
        inputs.append(path)  # named by the user: an output that is an input is refused later
    elif glob.has_magic(raw):
        found = _glob(raw, recursive, problems)
        if not found:
            problems.append(f"{shown(raw)}: no file matches this pattern")
        inputs.extend(p for p in found if not excluded(p, p.parent))
    else:
        problems.append(f"{shown(path)}: no such file or directory; check the path")


class _Excluded:
    """Is a path found in a folder inside an output folder that lies below that folder?
    (An output file, or an output folder that is the input folder itself, is left to
    output.place_output and output.drop_outputs, which tell a bulletin from a digest.)"""

    def __init__(self, outputs: tuple):
        self.folders = []
        for out in outputs:
            if out is None or str(out) == "-":
                continue
            resolved = Path(os.path.realpath(out))
            if str(out).endswith("/") or os.path.isdir(resolved):
                self.folders.append(resolved)

    def __call__(self, path: Path, root: Path) -> bool:
        if not self.folders:
            return False
        resolved, top = Path(os.path.realpath(path)), Path(os.path.realpath(root))
        return any(resolved.is_relative_to(f) and f != top for f in self.folders)


def _walk(top: Path, recursive: bool, problems: list[str]) -> list[Path]:
    """Bulletin files in a folder (and its subfolders): regular files only, each folder once."""
    found: list[Path] = []
    for path, entry in _entries(top, problems, recursive=recursive):
        try:
            if Path(entry.name).suffix.lower() not in BULLETIN_SUFFIXES:
                continue
            if entry.is_file():
                found.append(path)
            elif entry.is_symlink() and not path.exists():
                problems.append(f"{shown(path)}: broken symbolic link; its target is gone")
            else:
                problems.append(f"{shown(path)}: not a regular file (a FIFO, socket or device); not read")
        except OSError as exc:
            problems.append(f"{shown(path)}: cannot be read ({exc.strerror})")
    return sorted(found)


def _entries(top: Path, problems: list[str], *, recursive: bool) -> Iterator[tuple[Path, os.DirEntry]]:
    """Every entry below a folder that is not itself a folder (with its subfolders' when
    recursive). Each folder is listed once, so a symbolic link back to one ends; a folder that
    cannot be listed is reported and passed over."""
    seen: set[tuple[int, int]] = set()
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            st = folder.stat()
            if (st.st_dev, st.st_ino) in seen:
                continue  # a symbolic link back to a folder already listed
            seen.add((st.st_dev, st.st_ino))
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except PermissionError:
            problems.append(f"{shown(folder)}: permission denied; cannot list this folder")
            continue
        except OSError as exc:
            problems.append(f"{shown(folder)}: cannot list this folder ({exc.strerror})")
            continue
        for entry in entries:
            path = folder / entry.name
            try:
                if entry.is_dir():
                    if recursive:
                        stack.append(path)
                    continue
            except OSError as exc:
                problems.append(f"{shown(path)}: cannot be read ({exc.strerror})")
                continue
            yield path, entry


def _glob(pattern: str, recursive: bool, problems: list[str]) -> list[Path]:
    """Regular files matching a glob pattern. With --recursive, ** spans folders, walked
    with the same loop guard as a folder (glob.glob would follow a symlink loop for ever)."""
    if not (recursive and "**" in pattern):
        return sorted(Path(p) for p in glob.glob(pattern) if os.path.isfile(p))
    parts = Path(pattern).parts
    fixed = next(i for i, part in enumerate(parts) if glob.has_magic(part))
    root = Path(*parts[:fixed]) if fixed else Path(".")
    matcher = _pattern_regex(parts[fixed:])
    found = []
    if root.is_dir():
        # Every file below root, whatever its suffix; the pattern decides.
        for path in _walk_all(root, problems):
            if matcher.match(path.relative_to(root).as_posix()):
                found.append(path if fixed else Path(os.path.relpath(path)))
    return sorted(found)


def _walk_all(top: Path, problems: list[str]) -> Iterator[Path]:
    """Every regular file below a folder, whatever its suffix (a glob decides)."""
    for path, entry in _entries(top, problems, recursive=True):
        with contextlib.suppress(OSError):
            if entry.is_file():
                yield path


def _pattern_regex(parts: tuple[str, ...]) -> re.Pattern:
    """A glob pattern (after its fixed folders) as a regex over slash-separated paths."""
    out = []
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        if part == "**":
            out.append(".*" if last else "(?:[^/]+/)*")
            continue
        piece = "" if part.startswith(".") else r"(?!\.)"  # * does not match a hidden name
        j = 0
        while j < len(part):
            ch = part[j]
            if ch == "*":
                piece += "[^/]*"
            elif ch == "?":
                piece += "[^/]"
            elif ch == "[" and (close := part.find("]", j + 2)) != -1:
                body = part[j + 1 : close]
                piece += "[" + ("^" + body[1:] if body.startswith("!") else body).replace("\\", "\\\\") + "]"
                j = close
            else:
                piece += re.escape(ch)
            j += 1
        out.append(piece + ("" if last else "/"))
    return re.compile("".join(out) + r"\Z", re.S)


@dataclass(frozen=True)
class Outcome:
    """What became of one input: its digest, or the message saying why there is none."""

    name: str
    bulletin: Bulletin | None = None
    error: str | None = None
    cached: bool = False
    item: Path | str | None = None  # the input as listed (for naming its output file)


def _read_input(item: Path | str, settings: Settings) -> tuple[str, bytes]:
    from healthdigest.reading import read_bytes, read_limited

    limit = settings.max_file_mb * 1024 * 1024
    if item == "-":
        if sys.stdin is None:
            raise InputError("<stdin>: standard input is closed; nothing to read")
        try:
            return "<stdin>", read_limited(sys.stdin.buffer, name="<stdin>", max_bytes=limit)
        except OSError as exc:
            raise InputError(f"<stdin>: cannot be read ({exc.strerror})") from None
    return shown(item), read_bytes(Path(item), max_bytes=limit)


def _digest(name: str, data: bytes, settings: Settings) -> Outcome:
    from healthdigest.api import digest_bytes

    try:
        return Outcome(name, digest_bytes(data, name=name, settings=settings))
    except HealthdigestError as exc:
        return Outcome(name, error=str(exc))
    except Exception as exc:  # a bug met on one file must not cost the rest of the batch
        if os.environ.get("HEALTHDIGEST_DEBUG"):
            raise
        detail = f"{type(exc).__name__}: {str(exc)[:120]}".replace("\n", " ")
        return Outcome(name, error=f"{name}: internal error while digesting it ({detail}); please report it")


# In a worker: this process's slot in the pool's shared table of (pid, input number + 1),
# so that when a worker dies the parent can name the file it held.
_HELD = None
_SLOT = -1


def _worker_init(held) -> None:
    global _HELD, _SLOT
    # Ctrl-C reaches the whole process group; the parent alone decides what happens. SIGTERM
    # and SIGHUP end a worker at once (the parent's handlers, inherited by fork, would make
    # it unwind like the parent).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGHUP, signal.SIG_DFL)
    # Linux: a worker ends with its parent, even one killed by SIGKILL, instead of waiting
    # for work for ever.
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    # A worker writes nothing to standard output: it must not keep the reader's pipe open.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.close(devnull)
    _HELD = held
    with held.get_lock():
        for slot in range(len(held) // 2):
            if held[2 * slot] == 0:
                held[2 * slot] = os.getpid()
                _SLOT = slot
                break


def _digest_in_worker(index: int, name: str, data: bytes, settings: Settings) -> Outcome:
    if _SLOT >= 0:
        _HELD[2 * _SLOT + 1] = index + 1
    try:
        return _digest(name, data, settings)
    finally:
        if _SLOT >= 0:
            _HELD[2 * _SLOT + 1] = 0


# A signal that arrives while the pool forks, submits or waits is held until the pool is in a
# clean state: raised in the middle of a fork or of the executor's own locking, it leaves a
# lock held and the clean-up waits for ever.
_deferring = 0
_pending: int | None = None


def defer_interrupt(signum: int) -> bool:
    """Called by the signal handler: True if the interruption is held for a moment."""
    global _pending
    if _deferring:
        _pending = signum
        return True
    return False


@contextlib.contextmanager
def _deferred():
    global _deferring, _pending
    _deferring += 1
    try:
        yield
    finally:
        _deferring -= 1
    if not _deferring and _pending is not None:
        signum, _pending = _pending, None
        raise Interrupted(signum)


def _result(future):
    """The future's result, waiting in short steps so a held signal is acted on promptly."""
    from concurrent.futures import TimeoutError as FutureTimeout

    while True:
        with _deferred():
            try:
                return future.result(timeout=0.2)
            except FutureTimeout:
                pass


class _Entry:
    """One input in the window of work in flight, in input order."""

    __slots__ = ("index", "name", "data", "key", "ready", "future", "item")

    def __init__(self, index, name, data, key, ready, item):
        self.index, self.name, self.data, self.key, self.ready, self.item = index, name, data, key, ready, item
        self.future = None


def run_batch(inputs: list[Path | str], settings: Settings, *, jobs: int = 1, use_cache: bool = True) -> Iterator[Outcome]:
    """Digest inputs, yielding one Outcome per input in input order.

    With several workers, a worker that dies (killed by the out-of-memory killer, say) costs
    only the file it held: that file is reported, the pool is started again and the files
    still waiting are digested by the new one.
    """
    from healthdigest import cache

    def prepared():
        for index, item in enumerate(inputs):
            try:
                name, data = _read_input(item, settings)
            except InputError as exc:
                yield _Entry(index, shown(item), None, None, Outcome(shown(item), error=str(exc), item=item), item)
                continue
            key = cache.cache_key(data, name, settings) if use_cache else None
            hit = cache.load(key) if key else None
            yield _Entry(index, name, data, key, Outcome(name, hit, cached=True, item=item) if hit else None, item)

    def finish(outcome: Outcome, entry: _Entry) -> Outcome:
        if entry.key and outcome.bulletin is not None:
            cache.store(entry.key, outcome.bulletin)
        return Outcome(outcome.name, outcome.bulletin, outcome.error, outcome.cached, entry.item)

    jobs = max(1, jobs)
    if jobs == 1 or len(inputs) <= 1:
        for entry in prepared():
            yield entry.ready if entry.ready else finish(_digest(entry.name, entry.data, settings), entry)
        return

    pool = _Pool(min(jobs, len(inputs)), settings)
    window: deque[_Entry] = deque()
    try:
        for entry in prepared():
            if entry.ready is None:
                entry.future = pool.submit(entry)
            window.append(entry)
            while len(window) > jobs * IN_FLIGHT_PER_WORKER:
                yield _settle(window, pool, finish)
        while window:
            yield _settle(window, pool, finish)
    except BaseException:
        pool.kill()
        raise
    pool.close()


def _settle(window: deque, pool: _Pool, finish) -> Outcome:
    from concurrent.futures.process import BrokenProcessPool

    entry = window[0]
    while entry.ready is None:
        try:
            outcome = _result(entry.future)
        except BrokenProcessPool:
            with _deferred():
                pool.recover(window)
            continue
        entry.ready = finish(outcome, entry)
    window.popleft()
    entry.data = None
    return entry.ready


class _Pool:
    """Worker processes, started when a file first needs digesting, restarted if one dies."""

    def __init__(self, workers: int, settings: Settings):
        self.workers, self.settings = workers, settings
        self.executor = self.held = None
        self.restarts = 0
        self.suspects: dict[int, int] = {}  # input number: pool breaks while it was in flight

    def submit(self, entry: _Entry):
        with _deferred():  # forks happen here
            if self.executor is None:
                self._start()
            return self.executor.submit(_digest_in_worker, entry.index, entry.name, entry.data, self.settings)

    def _start(self) -> None:
        import gc
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        from healthdigest.api import prepare

        # Load jieba and the word lists here, once: forked workers share them instead of each
        # spending most of a second loading its own copy.
        prepare(self.settings)
        # Move what is loaded so far out of the collector's sight: a child's collections would
        # otherwise touch every object and copy the shared pages of jieba's dictionary.
        gc.freeze()
        # fork: workers start without re-importing, and each loads jieba once, lazily.
        context = multiprocessing.get_context("fork")
        self.held = context.Array("q", 2 * self.workers)
        self.executor = ProcessPoolExecutor(
            max_workers=self.workers, mp_context=context, initializer=_worker_init, initargs=(self.held,)
        )

    def recover(self, window: deque) -> None:
        """The pool broke: name the files dead workers held, start a new pool, resubmit the
        rest. Results already received are kept."""
        processes = dict(getattr(self.executor, "_processes", None) or {})
        held = {self.held[2 * s]: self.held[2 * s + 1] - 1 for s in range(self.workers) if self.held[2 * s + 1]}
        self.executor.shutdown(wait=True, cancel_futures=True)
        # Workers the pool ended itself exit with SIGTERM; one that died of its own file exits
        # otherwise (SIGKILL from the out-of-memory killer, a crash).
        died = {}
        for pid, process in processes.items():
            code = process.exitcode
            if pid in held and code is not None and code != -signal.SIGTERM:
                died[held[pid]] = code
        if not died:  # no way to tell: every file in flight is suspect once
            died = {index: None for index in held.values() if self._suspect(index)}
        self.restarts += 1
        self.executor = None
        for entry in window:
            if entry.ready is not None or not _broken(entry.future):
                continue
            if entry.index in died:
                entry.ready = Outcome(entry.name, error=_death_message(entry.name, died[entry.index]), item=entry.item)
            elif self.restarts > MAX_POOL_RESTARTS:
                entry.ready = Outcome(entry.name, error=f"{entry.name}: not digested; worker processes kept dying "
                                      "(out of memory?); try --jobs 1", item=entry.item)
            else:
                entry.future = self.submit(entry)

    def _suspect(self, index: int) -> bool:
        self.suspects[index] = self.suspects.get(index, 0) + 1
        return self.suspects[index] > 1

    def kill(self) -> None:
        """End the workers now (interrupted): nothing is left running or holding pipes."""
        global _deferring, _pending
        if self.executor is None:
            return
        _deferring += 1  # a further signal must not cut the clean-up short
        try:
            processes = list((getattr(self.executor, "_processes", None) or {}).values())
            self.executor.shutdown(wait=False, cancel_futures=True)
            for process in processes:
                process.terminate()
            for process in processes:
                process.join(timeout=2)
                if process.exitcode is None:
                    process.kill()
            # Let the executor's own thread finish closing its pipes before the interpreter's
            # exit hook pokes them (else: "Exception ignored … Bad file descriptor").
            manager = getattr(self.executor, "_executor_manager_thread", None)
            if manager is not None:
                manager.join(timeout=5)
        finally:
            _deferring -= 1
            _pending = None  # already stopping

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown()


def _broken(future) -> bool:
    from concurrent.futures.process import BrokenProcessPool

    return future is not None and future.done() and isinstance(future.exception(), BrokenProcessPool)


def _death_message(name: str, code: int | None) -> str:
    if code is None:
        how = "died"
    elif code < 0:
        try:
            how = f"was killed by {signal.Signals(-code).name}"
        except ValueError:
            how = f"was killed by signal {-code}"
        if code == -signal.SIGKILL:
            how += " (out of memory?)"
    else:
        how = f"exited with status {code}"
    return f"{name}: the worker process digesting it {how}; not digested (the other files were)"


def _new_file_mode(path: Path) -> int:
    """An existing file keeps its permissions; a new one gets the umask's (0644 usually)."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _temporary(path: Path):
    """A temporary file beside path (same file system, so the rename is atomic), with the
    mode the final file should have. Its name stays short even for a long output name."""
    short = path.name.encode("utf-8", "surrogateescape")[:40].decode("utf-8", "ignore")
    fd, tmp = tempfile.mkstemp(prefix=f".{short}.", suffix=".tmp", dir=path.parent)
    with contextlib.suppress(OSError):
        os.fchmod(fd, _new_file_mode(path))
    return fd, tmp


def is_special(path: Path) -> bool:
    """A FIFO, socket or character device (/dev/null, /dev/stdout): written through, never
    replaced by a regular file."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode) or stat.S_ISSOCK(mode)


def _through_links(path: Path) -> Path:
    """An output that is a symbolic link: its target is replaced, the link stays (and
    /dev/stdout redirected to a file is that file, not a new node in /dev)."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def write_atomic(path: Path, text: str) -> None:
    """Write text so that readers see the old file or the whole new one, never half of it."""
    path = Path(path)
    if is_special(path):
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return
    path = _through_links(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _temporary(path)
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
    """A text file written piece by piece into a temporary file, renamed into place on commit.

    A FIFO or a device is written straight through instead (there is nothing to replace).
    """

    def __init__(self, path: Path):
        self.path = Path(path)
        if is_special(self.path):
            self._tmp = None
            self._file = open(self.path, "w", encoding="utf-8")  # noqa: SIM115 (held across writes)
            return
        self.path = _through_links(self.path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, self._tmp = _temporary(self.path)
        self._file = os.fdopen(fd, "w", encoding="utf-8")

    def write(self, text: str) -> None:
        self._file.write(text)

    def commit(self) -> None:
        self._file.flush()
        if self._tmp is None:
            self._file.close()
            return
        os.fsync(self._file.fileno())
        self._file.close()
        os.replace(self._tmp, self.path)

    def discard(self) -> None:
        with contextlib.suppress(OSError):  # a full disk fails the last flush too; the file goes anyway
            self._file.close()
        if self._tmp is not None:
            Path(self._tmp).unlink(missing_ok=True)

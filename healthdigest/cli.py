"""The command line: parse options, load settings, call the pipeline, render. Nothing else.

Heavy modules (jieba, the pipeline) are imported inside the commands, so `--help` and
`config show` start fast.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import sys
import time
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from healthdigest import __version__
from healthdigest.errors import ExitStatus, HealthdigestError

app = typer.Typer(
    name="healthdigest",
    help="Digests of Chinese health-policy bulletins: structure, keywords, summaries and 要点.",
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion (bash, zsh, fish)
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
_HELP = {"help_option_names": ["-h", "--help"]}
config_app = typer.Typer(help="Show or write the configuration file.", no_args_is_help=True, context_settings=_HELP)
app.add_typer(config_app, name="config")
cache_app = typer.Typer(help="Manage the cache of digests kept for re-runs.", no_args_is_help=True,
                        context_settings=_HELP)
app.add_typer(cache_app, name="cache")


class Format(str, Enum):
    rich = "rich"
    markdown = "markdown"
    json = "json"
    jsonl = "jsonl"


class SegmentFormat(str, Enum):
    tree = "tree"
    json = "json"


class _Messages:
    """Messages for standard error: plain lines (Rich is loaded only for the progress bar)."""

    def print(self, text: str) -> None:
        if sys.stderr is None:
            return
        try:
            sys.stderr.write(text + "\n")
            sys.stderr.flush()
        except (OSError, ValueError):
            pass  # stderr closed or its reader gone: the exit status still tells

    @property
    def is_terminal(self) -> bool:
        try:
            return sys.stderr is not None and sys.stderr.isatty()
        except (OSError, ValueError):
            return False


def _stderr() -> _Messages:
    return _Messages()


def _warning_line(path: str, warning: str) -> str:
    """One stderr line for a digest's warning; decoders already open theirs with the file's name."""
    prefix = f"{path}: "
    return f"{path}: warning: {warning.removeprefix(prefix)}"


def _fail(message: str, status: ExitStatus) -> typer.Exit:
    _stderr().print(f"healthdigest: {message}")
    return typer.Exit(int(status))


def _version(value: bool) -> None:
    if value:
        from healthdigest.output import write_stdout

        try:
            write_stdout(f"healthdigest {__version__}\n")
        except HealthdigestError as exc:  # stdout closed, or a full disk behind it
            raise _fail(str(exc), exc.status) from None
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        Optional[bool], typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = None,
) -> None:
    """Digests of Chinese health-policy bulletins."""


PathsArg = Annotated[
    Optional[list[str]],
    typer.Argument(help="Bulletin files (text, Markdown, PDF, Word, HTML), directories of them, glob patterns, or - for standard input.", show_default=False),
]
FilesFromOpt = Annotated[
    Optional[str],
    typer.Option("--files-from", help="Read the inputs' names from FILE, one a line (- for standard input)."),
]
NullOpt = Annotated[bool, typer.Option("--null", "-0", help="--files-from names are separated by NUL, not newlines.")]
OutputOpt = Annotated[
    Optional[str],
    typer.Option("--output", "-o", help="Write to this file (- for standard output), or one file per input into "
                 "this directory (a path ending in / is created)."),
]
ConfigOpt = Annotated[Optional[Path], typer.Option("--config", help="YAML settings file (default: the user config file).")]


def _load_settings(config: Path | None, **overrides):
    from healthdigest.api import load_settings

    try:
        return load_settings(config, overrides=overrides)
    except HealthdigestError as exc:
        raise _fail(str(exc), exc.status) from None


StrictOpt = Annotated[
    bool,
    typer.Option("--strict", help="Exit with status 5 when a digest has warnings (text left out, no article found…)."),
]

JobsOpt = Annotated[
    Optional[int], typer.Option("--jobs", "-j", min=1, max=256, help="Worker processes (default: the number of cores).")
]


@app.command()
def summarize(
    paths: PathsArg = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.rich,
    output: OutputOpt = None,
    sentences: Annotated[Optional[int], typer.Option("--sentences", "-n", min=0, max=100, help="Sentences per article summary.")] = None,
    max_chars: Annotated[Optional[int], typer.Option("--max-chars", min=1, max=100_000, help="At most about this many characters per summary.")] = None,
    keywords: Annotated[Optional[int], typer.Option("--keywords", "-k", min=0, max=100, help="Keywords per article.")] = None,
    engine: Annotated[Optional[str], typer.Option("--engine", help="Summary engine: hybrid, lead or textrank.")] = None,
    recursive: Annotated[bool, typer.Option("--recursive", "-r", help="Look for bulletins in subdirectories too.")] = False,
    files_from: FilesFromOpt = None,
    null: NullOpt = False,
    jobs: JobsOpt = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Digest every file again; do not use or fill the cache.")] = False,
    config: ConfigOpt = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No warnings, progress or summary on standard error.")] = False,
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True, help="More detail on standard error.")] = 0,
    strict: StrictOpt = False,
) -> None:
    """Digest bulletins: metadata, articles, keywords, summaries and 要点.

    Example: healthdigest summarize seeds/ --format markdown -o brief.md
    """
    from healthdigest.api import ENGINES

    if engine is not None and engine not in ENGINES:
        raise _fail(f"unknown engine '{engine}'; choose one of {', '.join(ENGINES)}", ExitStatus.USAGE)
    _check_output_name(output)
    paths = _paths(paths, files_from, null)
    settings = _load_settings(config, sentences=sentences, max_chars=max_chars, keywords=keywords, engine=engine)
    status, warned = _run(paths, settings, fmt=fmt.value, output=output, recursive=recursive, jobs=jobs,
                          use_cache=not no_cache, quiet=quiet, verbose=verbose)
    if status == ExitStatus.OUTPUT_ERROR:
        raise typer.Exit(int(status))
    _exit(int(status == ExitStatus.INPUT_ERROR), warned, strict=strict)


def _exit(failures: int, warned: int, *, strict: bool) -> None:
    """Status 1 when an input failed; with --strict, 5 when a digest carries warnings."""
    if failures:
        raise typer.Exit(int(ExitStatus.INPUT_ERROR))
    if strict and warned:
        raise typer.Exit(int(ExitStatus.WARNINGS))


def _check_output_name(output: str | None) -> None:
    if output is not None and not output.strip():
        raise _fail("--output '': an empty name is no file; give a file, a folder/ or -", ExitStatus.USAGE)


_MAX_LIST_MB = 64  # a --files-from list: a million long names; /dev/zero must not fill the memory


def _paths(paths: list[str] | None, files_from: str | None, null: bool) -> list[str]:
    """The PATH arguments and the names listed by --files-from; at least one is needed."""
    paths = list(paths or [])
    if null and files_from is None:
        raise _fail("-0/--null goes with --files-from", ExitStatus.USAGE)
    if files_from is not None:
        from healthdigest.errors import shown
        from healthdigest.reading import read_limited

        if files_from == "-" and "-" in paths:
            raise _fail("--files-from - and the input - both want standard input; use one", ExitStatus.USAGE)
        try:
            if files_from == "-":
                if sys.stdin is None:
                    raise OSError(9, "standard input is closed")
                raw = read_limited(sys.stdin.buffer, name="--files-from -", max_bytes=_MAX_LIST_MB << 20)
            else:
                with open(files_from, "rb") as f:
                    raw = read_limited(f, name=shown(files_from), max_bytes=_MAX_LIST_MB << 20)
        except OSError as exc:
            raise _fail(f"--files-from {shown(files_from)}: cannot be read ({exc.strerror})", ExitStatus.USAGE) from None
        except HealthdigestError:
            raise _fail(f"--files-from {shown(files_from)}: more than {_MAX_LIST_MB} MB; not a list of file names",
                        ExitStatus.USAGE) from None
        names = raw.split(b"\0") if null else raw.splitlines()
        # Names are bytes: keep every byte (os.fsdecode), so a file named in any encoding is found.
        paths += [os.fsdecode(n) for n in names if n.strip() if not null or n]
    if not paths:
        raise _fail("no input given: name files or folders, - for standard input, or --files-from FILE",
                    ExitStatus.USAGE)
    if paths.count("-") > 1:
        raise _fail("- is given more than once; standard input can be read only once", ExitStatus.USAGE)
    if "-" in paths and _isatty(sys.stdin) and _isatty(sys.stderr):
        # Typed at a prompt with nothing piped in: say what the silence is waiting for.
        _stderr().print("healthdigest: reading a bulletin from the terminal; end it with Ctrl-D")
    return paths


def _run(paths, settings, *, fmt, output, recursive, jobs, use_cache, quiet, verbose) -> tuple[int, int]:
    """Digest every input into the sink; report on stderr; return the exit status and the
    number of digests with warnings."""
    from healthdigest import cache
    from healthdigest.api import digest_many, find_inputs
    from healthdigest.errors import OutputError, StdoutGone, shown
    from healthdigest.output import drop_outputs, is_stdout, open_sink, place_output

    err = _stderr()
    started = time.perf_counter()
    inputs, problems = find_inputs(paths, recursive=recursive, exclude=(output,))
    for message in problems:
        err.print(f"healthdigest: {message}")
    roots = [p for p in paths if p != "-" and os.path.isdir(p)]
    try:
        inputs, notes = place_output(output, inputs, paths)
        inputs, more = drop_outputs(inputs, paths)
        if not quiet:
            for note in notes + more:
                err.print(f"healthdigest: {note}")
        sink = open_sink(fmt, output, inputs, roots=roots)
    except HealthdigestError as exc:
        raise _fail(str(exc), exc.status) from None
    except OSError as exc:
        raise _fail(f"{shown(output)}: cannot write ({exc.strerror}); choose a writable path", ExitStatus.OUTPUT_ERROR) from None
    failures, unwritten, articles, warned = len(problems), 0, 0, 0
    outcomes = digest_many(inputs, settings=settings, jobs=jobs or os.cpu_count() or 1, use_cache=use_cache)
    # The bar is drawn on stderr, never on stdout (results there stay clean), and only when
    # stdout is not the same terminal, where the bar and the results would interleave.
    watching = output is not None and not is_stdout(output) or not _isatty(sys.stdout)
    progress = _progress(err, len(inputs), quiet or not watching)
    try:
        for outcome in outcomes:
            progress.advance()
            if outcome.error:
                progress.print(f"healthdigest: {outcome.error}")
                failures += 1
                continue
            bulletin = outcome.bulletin
            try:
                sink.add(bulletin, outcome.item)
            except OutputError as exc:
                if sink_is_whole(sink):
                    raise
                progress.print(f"healthdigest: {exc}")  # one file of an output folder
                unwritten += 1
                continue
            except HealthdigestError as exc:
                progress.print(f"healthdigest: {exc}")
                failures += 1
                continue
            articles += len(bulletin.articles)
            warned += bool(bulletin.warnings)
            if not quiet:
                for w in bulletin.warnings:
                    progress.print(_warning_line(bulletin.path, w))
            if verbose:
                progress.print(f"{bulletin.path}: {bulletin.layout}, {bulletin.encoding}, {len(bulletin.articles)} articles, "
                               f"{len(bulletin.dropped)} lines dropped{' (cached)' if outcome.cached else ''}")
        progress.stop()
        if sink.count == 0 and failures and not is_stdout(output):
            # Every input failed (a share not mounted?): yesterday's output stays as it was.
            sink.discard()
            if output is not None and os.path.isfile(output):
                err.print(f"healthdigest: nothing was digested; {shown(output)} was left as it was")
        else:
            sink.close()
    except StdoutGone:
        sink.discard()
        raise
    except OutputError as exc:
        sink.discard()
        progress.stop()
        raise _fail(str(exc), ExitStatus.OUTPUT_ERROR) from None
    except OSError as exc:
        sink.discard()
        progress.stop()
        raise _fail(f"{shown(output)}: cannot write ({exc.strerror}); choose a writable path", ExitStatus.OUTPUT_ERROR) from None
    except KeyboardInterrupt as exc:
        sink.discard()
        progress.stop()
        raise _interrupted(exc) from None
    except BaseException:
        sink.discard()
        raise
    finally:
        progress.stop()
    if not quiet:
        for note in sorted(cache.problems):
            err.print(f"healthdigest: {note}")
        err.print(f"{len(inputs) + len(problems)} files, {articles} articles, {failures + unwritten} failed, "
                  f"{time.perf_counter() - started:.1f} s")
    if unwritten:
        return ExitStatus.OUTPUT_ERROR, warned
    return (ExitStatus.INPUT_ERROR if failures else ExitStatus.OK), warned


def sink_is_whole(sink) -> bool:
    """True for a sink that writes one stream (stdout, one file): a write error ends the run."""
    from healthdigest.output import DirectorySink

    return not isinstance(sink, DirectorySink)


def _isatty(stream) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (OSError, ValueError):
        return False


# The signal that stopped the run (SIGINT, SIGTERM or SIGHUP), for its exit status.
_SIGNALS = {2: ExitStatus.INTERRUPTED, 15: ExitStatus.TERMINATED, 1: ExitStatus.HANGUP}


def _interrupted(exc: BaseException, detail: str = "no partial output file was left behind") -> typer.Exit:
    global _announced
    signum = getattr(exc, "signum", 2)
    import signal

    name = signal.Signals(signum).name
    _stderr().print(f"healthdigest: interrupted ({name}); {detail}")
    _announced = True
    return typer.Exit(int(_SIGNALS.get(signum, 128 + signum)))


_announced = False  # the interruption has been said on stderr


class _NoProgress:
    def advance(self) -> None:
        pass

    def print(self, text: str) -> None:
        _stderr().print(text)

    def stop(self) -> None:
        pass


class _Progress:
    """A Rich progress bar on stderr, for people watching a terminal."""

    def __init__(self, total: int):
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        # redirect_stdout=False: Rich would otherwise swallow what is written to stdout while
        # the bar is shown (the results!) and print it on the terminal instead.
        self._bar = Progress(TextColumn("digesting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                             console=Console(stderr=True), transient=True, redirect_stdout=False,
                             redirect_stderr=False)
        self._task = self._bar.add_task("digesting", total=total)
        self._bar.start()
        self._stopped = False

    def advance(self) -> None:
        self._bar.advance(self._task)

    def print(self, text: str) -> None:
        self._bar.console.print(text, markup=False, highlight=False, soft_wrap=True)

    def stop(self) -> None:
        if not self._stopped:
            self._stopped = True
            self._bar.stop()


def _progress(console: _Messages, total: int, quiet: bool):
    return _Progress(total) if console.is_terminal and not quiet and total > 1 else _NoProgress()


@app.command()
def segment(
    paths: PathsArg = None,
    fmt: Annotated[SegmentFormat, typer.Option("--format", "-f", help="tree or json.")] = SegmentFormat.tree,
    files_from: FilesFromOpt = None,
    null: NullOpt = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No warnings on standard error.")] = False,
    strict: StrictOpt = False,
) -> None:
    """Show the structure alone: sections, articles, sources, pages and lengths (no NLP, fast).

    Example: healthdigest segment seeds/003_95dcd98fb450c0bd.txt
    """
    from healthdigest.api import find_inputs, segment_bytes
    from healthdigest.batch import _read_input
    from healthdigest.config import Settings
    from healthdigest.output import write_stdout
    from healthdigest.render.segments import render_tree, segments_json

    paths = _paths(paths, files_from, null)
    err = _stderr()
    inputs, problems = find_inputs(paths)
    failures = len(problems)
    for message in problems:
        err.print(f"healthdigest: {message}")
    bulletins = []
    for item in inputs:
        try:
            name, data = _read_input(item, Settings())
            bulletins.append(segment_bytes(data, name=name))
        except HealthdigestError as exc:
            err.print(f"healthdigest: {exc}")
            failures += 1
            continue
        if not quiet:
            for w in bulletins[-1].warnings:
                err.print(_warning_line(bulletins[-1].path, w))
    try:
        if fmt is SegmentFormat.json:
            write_stdout(segments_json(bulletins))
        else:
            from rich.console import Console

            console = Console(highlight=False, file=sys.stdout or io.StringIO())
            with console.capture() as captured:
                render_tree(bulletins, console)
            write_stdout(captured.get())
    except HealthdigestError as exc:
        raise _fail(str(exc), exc.status) from None
    _exit(failures, sum(bool(b.warnings) for b in bulletins), strict=strict)


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@app.command()
def brief(
    paths: PathsArg = None,
    since: Annotated[Optional[str], typer.Option("--since", help="First day, YYYY-MM-DD.")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="Last day, YYYY-MM-DD.")] = None,
    week: Annotated[Optional[str], typer.Option("--week", help="An ISO week such as 2024-W10 (sets --since/--until).")] = None,
    output: Annotated[Optional[str], typer.Option("--output", "-o", help="Write the briefing to this file (- for standard output).")] = None,
    title: Annotated[Optional[str], typer.Option("--title", help="Heading of the briefing.")] = None,
    recursive: Annotated[bool, typer.Option("--recursive", "-r", help="Look in subdirectories too.")] = False,
    files_from: FilesFromOpt = None,
    null: NullOpt = False,
    jobs: JobsOpt = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Digest every file again.")] = False,
    config: ConfigOpt = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No warnings on standard error.")] = False,
) -> None:
    """One Markdown briefing for a period across many bulletins: 要点, then sections by region or topic.

    Example: healthdigest brief bulletins/ --week 2024-W10 -o brief.md
    """
    import datetime as dt

    from healthdigest.api import digest_many, find_inputs, make_briefing
    from healthdigest.batch import write_atomic
    from healthdigest.brief import week_range
    from healthdigest.errors import shown
    from healthdigest.output import drop_outputs, is_directory_output, is_stdout, place_output, write_stdout

    for label, value in (("--since", since), ("--until", until)):
        if value is not None:
            try:
                if not _ISO_DAY.fullmatch(value):
                    raise ValueError
                dt.date.fromisoformat(value)
            except ValueError:
                raise _fail(f"{label} {value}: not a date of the form 2024-03-05", ExitStatus.USAGE) from None
    if week:
        try:
            since, until = week_range(week)
        except (ValueError, OverflowError):
            raise _fail(f"--week {week}: not an ISO week of the form 2024-W10 between years 1 and 9999",
                        ExitStatus.USAGE) from None
    if since and until and since > until:
        raise _fail(f"--since {since} is after --until {until}", ExitStatus.USAGE)
    _check_output_name(output)
    if output is not None and is_directory_output(output):
        raise _fail(f"{shown(output)}: is a directory; brief writes one file", ExitStatus.USAGE)
    paths = _paths(paths, files_from, null)
    settings = _load_settings(config)
    err = _stderr()
    inputs, problems = find_inputs(paths, recursive=recursive, exclude=(output,))
    for message in problems:
        err.print(f"healthdigest: {message}")
    try:
        inputs, notes = place_output(output, inputs, paths)
    except HealthdigestError as exc:
        raise _fail(str(exc), exc.status) from None
    inputs, more = drop_outputs(inputs, paths)
    notes += more
    if not quiet:
        for note in notes:
            err.print(f"healthdigest: {note}")
    failures = len(problems)
    bulletins = []
    try:
        for outcome in digest_many(inputs, settings=settings, jobs=jobs or os.cpu_count() or 1, use_cache=not no_cache):
            if outcome.error:
                err.print(f"healthdigest: {outcome.error}")
                failures += 1
            else:
                bulletins.append(outcome.bulletin)
    except KeyboardInterrupt as exc:
        raise _interrupted(exc) from None
    period = f"{since or '…'} 至 {until or '…'}" if since or until else None
    heading = title or ("卫生健康信息简报" + (f"（{week or period}）" if period else ""))
    text, warnings = make_briefing(bulletins, since=since, until=until, title=heading, week=bool(week))
    if not quiet:
        for w in warnings:
            err.print(f"warning: {w}")
    if not bulletins and failures and not is_stdout(output):
        # Every input failed (a share not mounted?): yesterday's briefing stays as it was.
        kept = "was left as it was" if os.path.lexists(output) else "was not written"
        err.print(f"healthdigest: nothing was digested; {shown(output)} {kept}")
    elif is_stdout(output):
        try:
            write_stdout(text)
        except HealthdigestError as exc:
            raise _fail(str(exc), exc.status) from None
    else:
        try:
            write_atomic(Path(output), text)
        except OSError as exc:
            raise _fail(f"{shown(output)}: cannot write ({exc.strerror})", ExitStatus.OUTPUT_ERROR) from None
        except KeyboardInterrupt as exc:
            raise _interrupted(exc) from None
    if failures:
        raise typer.Exit(int(ExitStatus.INPUT_ERROR))


@app.command("dask-run")
def dask_run(
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the part-NNNNN.jsonl partitions and manifest.json.")],
    paths: Annotated[list[str], typer.Argument(help="Bulletin files, directories (the bulletin files in them) or glob patterns.", show_default=False)] = None,
    files_from: Annotated[Optional[Path], typer.Option("--files-from", help="A text file listing the bulletins, one path a line (for lists too long for a command line).")] = None,
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="Address of a running Dask scheduler, such as tcp://scheduler.example.org:8786 (default: a local cluster).")] = None,
    workers: Annotated[Optional[int], typer.Option("--workers", min=1, help="Worker processes of the local cluster (default: the number of cores).")] = None,
    partition_size: Annotated[int, typer.Option("--partition-size", min=1, help="Files per partition (one Dask task each).")] = 100,
    resume: Annotated[bool, typer.Option("--resume", help="Finish an interrupted run in --output: only the partitions it had not written.")] = False,
    sentences: Annotated[Optional[int], typer.Option("--sentences", "-n", min=0, max=100, help="Sentences per article summary.")] = None,
    max_chars: Annotated[Optional[int], typer.Option("--max-chars", min=1, max=100_000, help="At most about this many characters per summary.")] = None,
    keywords: Annotated[Optional[int], typer.Option("--keywords", "-k", min=0, max=100, help="Keywords per article.")] = None,
    engine: Annotated[Optional[str], typer.Option("--engine", help="Summary engine: hybrid, lead or textrank.")] = None,
    recursive: Annotated[bool, typer.Option("--recursive", "-r", help="Look for bulletins in subdirectories too.")] = False,
    config: ConfigOpt = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary on standard error.")] = False,
    strict: StrictOpt = False,
) -> None:
    """Digest a large archive on Dask (needs pip install 'healthdigest[dask]'): JSON Lines partitions
    and a manifest of failures, the same digests as summarize --format jsonl.

    Example: healthdigest dask-run /data/bulletins -r -o /data/digests --scheduler tcp://scheduler.example.org:8786
    """
    from healthdigest.api import ENGINES, digest_with_dask, find_inputs

    if engine is not None and engine not in ENGINES:
        raise _fail(f"unknown engine '{engine}'; choose one of {', '.join(ENGINES)}", ExitStatus.USAGE)
    settings = _load_settings(config, sentences=sentences, max_chars=max_chars, keywords=keywords, engine=engine)
    err = _stderr()
    if not paths and files_from is None:
        raise _fail("name the bulletins: PATH arguments or --files-from LIST", ExitStatus.USAGE)
    # the list read as summarize reads it: bounded (it was read whole: /dev/zero filled the
    # memory), names in any bytes
    paths = _paths(paths, None if files_from is None else str(files_from), False)
    inputs, problems = find_inputs([p for p in paths if p != "-"], recursive=recursive)
    if "-" in paths:
        problems.append("-: standard input cannot be shared with Dask workers; use summarize for it")
    for message in problems:
        err.print(f"healthdigest: {message}")

    def progress(entry: dict) -> None:
        if not quiet:
            err.print(f"{entry['file']}: {entry['digested']} of {entry['inputs']} files digested")

    try:
        run = digest_with_dask(inputs, output=output, settings=settings, scheduler=scheduler, workers=workers,
                               partition_size=partition_size, problems=problems, on_partition=progress, resume=resume)
    except HealthdigestError as exc:
        raise _fail(str(exc), exc.status) from None
    except KeyboardInterrupt as exc:
        raise _interrupted(exc, "the same command with --resume finishes the run") from None
    for failure in run.failures:
        err.print(f"healthdigest: {failure['error']}")
    if not quiet:
        err.print(f"{run.inputs} files, {run.articles} articles, {len(run.failures)} failed, {run.warned} with warnings, "
                  f"{run.seconds:.1f} s; {len(run.partitions)} partitions and manifest.json in {output}")
    _exit(len(run.failures) + len(problems), run.warned, strict=strict)


@cache_app.command("clear")
def cache_clear() -> None:
    """Remove every cached digest (they are rebuilt on the next run); nothing else is touched."""
    from healthdigest.cache import clear, results_dir
    from healthdigest.errors import shown

    problems: list[str] = []
    count = clear(problems=problems)
    _stderr().print(f"removed {count} cached digests from {shown(results_dir())}")
    _cache_problems(problems)


def _cache_problems(problems: list[str]) -> None:
    """A cache folder that could not be listed or emptied (read-only): each said, status 4."""
    for message in problems:
        _stderr().print(f"healthdigest: {message}")
    if problems:
        raise typer.Exit(int(ExitStatus.OUTPUT_ERROR))


@cache_app.command("info")
def cache_info() -> None:
    """Where the cache is, how many digests it holds and their size."""
    from healthdigest.cache import entries, results_dir
    from healthdigest.errors import shown
    from healthdigest.output import write_stdout

    problems: list[str] = []
    found = entries(problems)
    size = sum(e.size for e in found)
    for message in problems:
        _stderr().print(f"healthdigest: note: {message}; not counted")
    try:
        write_stdout(f"location: {shown(results_dir())}\nentries: {len(found)}\nsize: {_human(size)} ({size} bytes)\n")
    except HealthdigestError as exc:
        raise _fail(str(exc), exc.status) from None


@cache_app.command("prune")
def cache_prune(
    older_than: Annotated[Optional[str], typer.Option("--older-than", help="Remove digests unused for this long: 30d, 12h, 2w.")] = None,
    max_size: Annotated[Optional[str], typer.Option("--max-size", help="Then remove the least recently used until the cache is at most this big: 500K, 100M, 1G.")] = None,
) -> None:
    """Remove old digests, or the least recently used ones beyond a size."""
    from healthdigest.cache import prune

    if older_than is None and max_size is None:
        raise _fail("cache prune needs --older-than or --max-size", ExitStatus.USAGE)
    age = _amount(older_than, "--older-than", {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}, "d")
    limit = _amount(max_size, "--max-size", {"b": 1, "k": 1024, "m": 1024**2, "g": 1024**3}, "b")
    problems: list[str] = []
    count, freed = prune(older_than=age, max_bytes=limit, problems=problems)
    _stderr().print(f"removed {count} cached digests ({_human(freed)})")
    _cache_problems(problems)


def _amount(text: str | None, option: str, units: dict, default: str) -> float | None:
    if text is None:
        return None
    m = re.fullmatch(r"\s*(\d{1,12}(?:\.\d+)?)\s*([a-zA-Z]?)[bB]?\s*", text)
    if not m or (m[2] and m[2].lower() not in units):
        raise _fail(f"{option} {text}: give a number with a unit ({', '.join(units)})", ExitStatus.USAGE)
    return float(m[1]) * units[(m[2] or default).lower()]


def _human(size: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size} B"


@config_app.command("show")
def config_show(config: ConfigOpt = None) -> None:
    """Print the settings in effect, and which file they come from."""
    from healthdigest.config import settings_as_yaml
    from healthdigest.output import write_stdout

    try:
        write_stdout(settings_as_yaml(_load_settings(config)))
    except HealthdigestError as exc:
        raise _fail(str(exc), exc.status) from None


@config_app.command("init")
def config_init(
    path: Annotated[Optional[Path], typer.Argument(help="Where to write (default: the user config file).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write a commented configuration file with the default settings."""
    from healthdigest.batch import write_atomic
    from healthdigest.config import defaults_text, user_config_path

    from healthdigest.errors import shown

    target = path or user_config_path()
    if os.path.lexists(target) and not force:
        raise _fail(f"{shown(target)} exists; use --force to overwrite it", ExitStatus.USAGE)
    if os.path.isdir(target):
        raise _fail(f"{shown(target)}: is a directory; give a file name", ExitStatus.USAGE)
    try:
        write_atomic(target, defaults_text())
    except OSError as exc:
        raise _fail(f"{shown(target)}: cannot write ({exc.strerror})", ExitStatus.OUTPUT_ERROR) from None
    except KeyboardInterrupt as exc:
        raise _interrupted(exc) from None
    _stderr().print(f"wrote {shown(target)}")


def main() -> None:
    """The console script: the app, with every way a run can end mapped to a status and at
    most one line on stderr (no traceback for anything a user or the machine can do)."""
    from healthdigest import launch
    from healthdigest.errors import StdoutGone

    _prepare_streams()
    launch.catch_signals()
    try:
        app()
    except StdoutGone:
        _silence_stdout()
        sys.exit(int(ExitStatus.OK))
    except SystemExit as exc:
        code = exc.code
        if code == ExitStatus.INTERRUPTED:  # Typer's own: interrupted outside a batch
            code = launch.status_of(exc)
            if not _announced:
                launch.say_interrupted(exc)
        if _stdout_was_closed_by_reader():
            _silence_stdout()
            code = int(ExitStatus.OK)
        if code in (ExitStatus.INTERRUPTED, ExitStatus.TERMINATED, ExitStatus.HANGUP):
            _exit_now(int(code))
        raise SystemExit(code) from None
    except KeyboardInterrupt as exc:  # while Typer builds the command, before any work began
        if not _announced:
            launch.say_interrupted(exc)
        sys.exit(launch.status_of(exc))
    except MemoryError:
        _stderr().print("healthdigest: out of memory; digest fewer or smaller files at a time (--jobs 1)")
        sys.exit(int(ExitStatus.INTERNAL))
    except Exception as exc:  # a bug: say so in one line, keep the traceback for those who ask
        if _cannot_write(exc):
            # Help, the version or a usage message that Click itself wrote (onto /dev/full…).
            _stderr().print(f"healthdigest: standard output: cannot write ({exc.strerror})")
            _silence_stdout()
            sys.exit(int(ExitStatus.OUTPUT_ERROR))
        if os.environ.get("HEALTHDIGEST_DEBUG"):
            raise
        _stderr().print(f"healthdigest: internal error ({type(exc).__name__}: {str(exc)[:200]}); "
                        "please report it (HEALTHDIGEST_DEBUG=1 shows the traceback)")
        sys.exit(int(ExitStatus.INTERNAL))


def _exit_now(code: int) -> None:
    """End an interrupted run at once, its clean-up done (workers ended, temporary files
    removed). A worker ended while it sent its result leaves half a message in the pool's
    pipe: the executor's thread waits for the rest for ever, and the interpreter's exit,
    which joins that thread, hung (one run in seven, SIGINT to the parent of -j 2)."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, OSError, ValueError):
            stream.flush()
    os._exit(code)


def _cannot_write(exc: Exception) -> bool:
    import errno

    return isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO)


def _prepare_streams() -> None:
    """Whatever the locale or PYTHONIOENCODING, a character the stream cannot encode is
    written as an escape (\\u4e2d, valid inside JSON strings) rather than stopping the run."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError, OSError):
            stream.reconfigure(errors="backslashreplace")


def _stdout_was_closed_by_reader() -> bool:
    # Typer's own handling of EPIPE wraps stdout (Click's PacifyFlushWrapper) and exits 1.
    return type(sys.stdout).__name__ == "PacifyFlushWrapper"


def _silence_stdout() -> None:
    """The reader is gone: point stdout at /dev/null so the flush at exit cannot complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
    except OSError:
        pass

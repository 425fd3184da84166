"""The command line: parse options, load settings, call the pipeline, render. Nothing else.

Heavy modules (jieba, the pipeline) are imported inside the commands, so `--help` and
`config show` start fast.
"""

from __future__ import annotations

import os
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
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
config_app = typer.Typer(help="Show or write the configuration file.", no_args_is_help=True)
app.add_typer(config_app, name="config")
cache_app = typer.Typer(help="Manage the cache of digests kept for re-runs.", no_args_is_help=True)
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
        sys.stderr.write(text + "\n")
        sys.stderr.flush()

    @property
    def is_terminal(self) -> bool:
        return sys.stderr.isatty()


def _stderr() -> _Messages:
    return _Messages()


def _fail(message: str, status: ExitStatus) -> typer.Exit:
    _stderr().print(f"healthdigest: {message}")
    return typer.Exit(int(status))


def _version(value: bool) -> None:
    if value:
        typer.echo(f"healthdigest {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        Optional[bool], typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = None,
) -> None:
    """Digests of Chinese health-policy bulletins."""


PathsArg = Annotated[
    list[str],
    typer.Argument(help="Bulletin files, directories (their *.txt and *.md files) or - for standard input.", show_default=False),
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
    Optional[int], typer.Option("--jobs", "-j", min=1, help="Worker processes (default: the number of cores).")
]


@app.command()
def summarize(
    paths: PathsArg,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.rich,
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", help="Write to this file, or one file per input into this directory."),
    ] = None,
    sentences: Annotated[Optional[int], typer.Option("--sentences", "-n", min=0, help="Sentences per article summary.")] = None,
    max_chars: Annotated[Optional[int], typer.Option("--max-chars", min=1, help="At most about this many characters per summary.")] = None,
    keywords: Annotated[Optional[int], typer.Option("--keywords", "-k", min=0, help="Keywords per article.")] = None,
    engine: Annotated[Optional[str], typer.Option("--engine", help="Summary engine: hybrid, lead or textrank.")] = None,
    recursive: Annotated[bool, typer.Option("--recursive", "-r", help="Look for bulletins in subdirectories too.")] = False,
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
    settings = _load_settings(config, sentences=sentences, max_chars=max_chars, keywords=keywords, engine=engine)
    failures, warned = _run(paths, settings, fmt=fmt.value, output=output, recursive=recursive, jobs=jobs,
                            use_cache=not no_cache, quiet=quiet, verbose=verbose)
    _exit(failures, warned, strict=strict)


def _exit(failures: int, warned: int, *, strict: bool) -> None:
    """Status 1 when an input failed; with --strict, 5 when a digest carries warnings."""
    if failures:
        raise typer.Exit(int(ExitStatus.INPUT_ERROR))
    if strict and warned:
        raise typer.Exit(int(ExitStatus.WARNINGS))


def _run(paths, settings, *, fmt, output, recursive, jobs, use_cache, quiet, verbose) -> tuple[int, int]:
    """Digest every input into the sink; report on stderr; return the failures and the digests with warnings."""
    from healthdigest.api import digest_many, find_inputs
    from healthdigest.output import open_sink

    err = _stderr()
    started = time.perf_counter()
    inputs, problems = find_inputs(paths, recursive=recursive)
    for message in problems:
        err.print(f"healthdigest: {message}")
    try:
        sink = open_sink(fmt, output, inputs)
    except OSError as exc:
        raise _fail(f"{output}: cannot write ({exc.strerror}); choose a writable path", ExitStatus.OUTPUT_ERROR) from None
    failures, articles, warned = len(problems), 0, 0
    outcomes = digest_many(inputs, settings=settings, jobs=jobs or os.cpu_count() or 1, use_cache=use_cache)
    progress = _progress(err, len(inputs), quiet)
    try:
        for outcome in outcomes:
            progress.advance()
            if outcome.error:
                err.print(f"healthdigest: {outcome.error}")
                failures += 1
                continue
            bulletin = outcome.bulletin
            try:
                sink.add(bulletin)
            except HealthdigestError as exc:
                err.print(f"healthdigest: {exc}")
                failures += 1
                continue
            except OSError as exc:
                sink.discard()
                raise _fail(f"{output}: cannot write ({exc.strerror}); choose a writable path", ExitStatus.OUTPUT_ERROR) from None
            articles += len(bulletin.articles)
            warned += bool(bulletin.warnings)
            if not quiet:
                for w in bulletin.warnings:
                    err.print(f"{bulletin.path}: warning: {w}")
            if verbose:
                err.print(f"{bulletin.path}: {bulletin.layout}, {bulletin.encoding}, {len(bulletin.articles)} articles, "
                          f"{len(bulletin.dropped)} lines dropped{' (cached)' if outcome.cached else ''}")
        sink.close()
    except KeyboardInterrupt:
        sink.discard()
        progress.stop()
        err.print("healthdigest: interrupted; no partial output file was left behind")
        raise typer.Exit(int(ExitStatus.INTERRUPTED)) from None
    except BaseException:
        sink.discard()
        raise
    finally:
        progress.stop()
    if not quiet:
        err.print(f"{len(inputs) + len(problems)} files, {articles} articles, {failures} failed, "
                  f"{time.perf_counter() - started:.1f} s")
    return failures, warned


class _NoProgress:
    def advance(self) -> None:
        pass

    def stop(self) -> None:
        pass


class _Progress:
    """A Rich progress bar on stderr, for people watching a terminal."""

    def __init__(self, total: int):
        from rich.console import Console
        from rich.progress import Progress

        self._bar = Progress(console=Console(stderr=True), transient=True)
        self._task = self._bar.add_task("digesting", total=total)
        self._bar.start()

    def advance(self) -> None:
        self._bar.advance(self._task)

    def stop(self) -> None:
        self._bar.stop()


def _progress(console: _Messages, total: int, quiet: bool):
    return _Progress(total) if console.is_terminal and not quiet and total > 1 else _NoProgress()


@app.command()
def segment(
    paths: PathsArg,
    fmt: Annotated[SegmentFormat, typer.Option("--format", "-f", help="tree or json.")] = SegmentFormat.tree,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No warnings on standard error.")] = False,
    strict: StrictOpt = False,
) -> None:
    """Show the structure alone: sections, articles, sources, pages and lengths (no NLP, fast).

    Example: healthdigest segment seeds/003_95dcd98fb450c0bd.txt
    """
    from healthdigest.api import find_inputs, segment_bytes, segment_path
    from healthdigest.render.segments import render_tree, segments_json

    err = _stderr()
    inputs, problems = find_inputs(paths)
    failures = len(problems)
    for message in problems:
        err.print(f"healthdigest: {message}")
    bulletins = []
    for item in inputs:
        try:
            bulletins.append(segment_bytes(sys.stdin.buffer.read(), name="<stdin>") if item == "-" else segment_path(item))
        except HealthdigestError as exc:
            err.print(f"healthdigest: {exc}")
            failures += 1
            continue
        if not quiet:
            for w in bulletins[-1].warnings:
                err.print(f"{bulletins[-1].path}: warning: {w}")
    if fmt is SegmentFormat.json:
        sys.stdout.write(segments_json(bulletins))
    else:
        from rich.console import Console

        render_tree(bulletins, Console(highlight=False))
    _exit(failures, sum(bool(b.warnings) for b in bulletins), strict=strict)


@app.command()
def brief(
    paths: PathsArg,
    since: Annotated[Optional[str], typer.Option("--since", help="First day, YYYY-MM-DD.")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="Last day, YYYY-MM-DD.")] = None,
    week: Annotated[Optional[str], typer.Option("--week", help="An ISO week such as 2024-W10 (sets --since/--until).")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the briefing to this file.")] = None,
    title: Annotated[Optional[str], typer.Option("--title", help="Heading of the briefing.")] = None,
    recursive: Annotated[bool, typer.Option("--recursive", "-r", help="Look in subdirectories too.")] = False,
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

    for label, value in (("--since", since), ("--until", until)):
        if value is not None:
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                raise _fail(f"{label} {value}: not a date of the form 2024-03-05", ExitStatus.USAGE) from None
    if week:
        try:
            since, until = week_range(week)
        except ValueError as exc:
            raise _fail(str(exc), ExitStatus.USAGE) from None
    settings = _load_settings(config)
    err = _stderr()
    inputs, problems = find_inputs(paths, recursive=recursive)
    for message in problems:
        err.print(f"healthdigest: {message}")
    failures = len(problems)
    bulletins = []
    for outcome in digest_many(inputs, settings=settings, jobs=jobs or os.cpu_count() or 1, use_cache=not no_cache):
        if outcome.error:
            err.print(f"healthdigest: {outcome.error}")
            failures += 1
        else:
            bulletins.append(outcome.bulletin)
    period = f"{since or '…'} 至 {until or '…'}" if since or until else None
    heading = title or ("卫生健康信息简报" + (f"（{week or period}）" if period else ""))
    text, warnings = make_briefing(bulletins, since=since, until=until, title=heading, week=bool(week))
    if not quiet:
        for w in warnings:
            err.print(f"warning: {w}")
    if output is None:
        sys.stdout.write(text)
    else:
        try:
            write_atomic(output, text)
        except OSError as exc:
            raise _fail(f"{output}: cannot write ({exc.strerror})", ExitStatus.OUTPUT_ERROR) from None
    if failures:
        raise typer.Exit(int(ExitStatus.INPUT_ERROR))


@app.command("dask-run")
def dask_run(
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the part-NNNNN.jsonl partitions and manifest.json.")],
    paths: Annotated[list[str], typer.Argument(help="Bulletin files, directories (the bulletin files in them) or glob patterns.", show_default=False)] = None,
    files_from: Annotated[Optional[Path], typer.Option("--files-from", help="A text file listing the bulletins, one path a line (for lists too long for a command line).")] = None,
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="Address of a running Dask scheduler, such as tcp://10.0.0.5:8786 (default: a local cluster).")] = None,
    workers: Annotated[Optional[int], typer.Option("--workers", min=1, help="Worker processes of the local cluster (default: the number of cores).")] = None,
    partition_size: Annotated[int, typer.Option("--partition-size", min=1, help="Files per partition (one Dask task each).")] = 100,
    resume: Annotated[bool, typer.Option("--resume", help="Finish an interrupted run in --output: only the partitions it had not written.")] = False,
    sentences: Annotated[Optional[int], typer.Option("--sentences", "-n", min=0, help="Sentences per article summary.")] = None,
    max_chars: Annotated[Optional[int], typer.Option("--max-chars", min=1, help="At most about this many characters per summary.")] = None,
    keywords: Annotated[Optional[int], typer.Option("--keywords", "-k", min=0, help="Keywords per article.")] = None,
    engine: Annotated[Optional[str], typer.Option("--engine", help="Summary engine: hybrid, lead or textrank.")] = None,
    recursive: Annotated[bool, typer.Option("--recursive", "-r", help="Look for bulletins in subdirectories too.")] = False,
    config: ConfigOpt = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary on standard error.")] = False,
    strict: StrictOpt = False,
) -> None:
    """Digest a large archive on Dask (needs pip install 'healthdigest[dask]'): JSON Lines partitions
    and a manifest of failures, the same digests as summarize --format jsonl.

    Example: healthdigest dask-run /data/bulletins -r -o /data/digests --scheduler tcp://10.0.0.5:8786
    """
    from healthdigest.api import ENGINES, digest_with_dask, find_inputs

    if engine is not None and engine not in ENGINES:
        raise _fail(f"unknown engine '{engine}'; choose one of {', '.join(ENGINES)}", ExitStatus.USAGE)
    settings = _load_settings(config, sentences=sentences, max_chars=max_chars, keywords=keywords, engine=engine)
    err = _stderr()
    paths = list(paths or [])
    if files_from is not None:
        try:
            paths += [line.strip() for line in files_from.read_text(encoding="utf-8").splitlines() if line.strip()]
        except (OSError, UnicodeDecodeError) as exc:
            raise _fail(f"{files_from}: cannot read the list of files ({getattr(exc, 'strerror', None) or exc})", ExitStatus.USAGE) from None
    if not paths:
        raise _fail("name the bulletins: PATH arguments or --files-from LIST", ExitStatus.USAGE)
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
    except KeyboardInterrupt:
        raise _fail("interrupted; the same command with --resume finishes the run", ExitStatus.INTERRUPTED) from None
    for failure in run.failures:
        err.print(f"healthdigest: {failure['error']}")
    if not quiet:
        err.print(f"{run.inputs} files, {run.articles} articles, {len(run.failures)} failed, {run.warned} with warnings, "
                  f"{run.seconds:.1f} s; {len(run.partitions)} partitions and manifest.json in {output}")
    _exit(len(run.failures) + len(problems), run.warned, strict=strict)


@cache_app.command("clear")
def cache_clear() -> None:
    """Remove every cached digest (they are rebuilt on the next run)."""
    from healthdigest.cache import clear, results_dir

    count = clear()
    _stderr().print(f"removed {count} cached digests from {results_dir()}")


@config_app.command("show")
def config_show(config: ConfigOpt = None) -> None:
    """Print the settings in effect, and which file they come from."""
    from healthdigest.config import settings_as_yaml

    typer.echo(settings_as_yaml(_load_settings(config)), nl=False)


@config_app.command("init")
def config_init(
    path: Annotated[Optional[Path], typer.Argument(help="Where to write (default: the user config file).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write a commented configuration file with the default settings."""
    from healthdigest.batch import write_atomic
    from healthdigest.config import defaults_text, user_config_path

    target = path or user_config_path()
    if target.exists() and not force:
        raise _fail(f"{target} exists; use --force to overwrite it", ExitStatus.USAGE)
    try:
        write_atomic(target, defaults_text())
    except OSError as exc:
        raise _fail(f"{target}: cannot write ({exc.strerror})", ExitStatus.OUTPUT_ERROR) from None
    _stderr().print(f"wrote {target}")


def main() -> None:
    # Typer turns Ctrl-C into exit status 130 (ExitStatus.INTERRUPTED) by itself.
    app()

"""The command line: parse options, load settings, call the pipeline, render. Nothing else.

Heavy modules (jieba, the pipeline) are imported inside the commands, so `--help` and
`config show` start fast.
"""

from __future__ import annotations

import io
import sys
import time
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

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


class Format(str, Enum):
    rich = "rich"
    markdown = "markdown"
    json = "json"
    jsonl = "jsonl"


class SegmentFormat(str, Enum):
    tree = "tree"
    json = "json"


def _stderr() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def _fail(message: str, status: ExitStatus) -> typer.Exit:
    _stderr().print(f"healthdigest: {message}", markup=False)
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
    from healthdigest.config import load_settings

    try:
        return load_settings(config, overrides=overrides)
    except HealthdigestError as exc:
        raise _fail(str(exc), exc.status) from None


@app.command()
def summarize(
    paths: PathsArg,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.rich,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file instead of standard output.")] = None,
    sentences: Annotated[Optional[int], typer.Option("--sentences", "-n", min=0, help="Sentences per article summary.")] = None,
    max_chars: Annotated[Optional[int], typer.Option("--max-chars", min=1, help="At most about this many characters per summary.")] = None,
    keywords: Annotated[Optional[int], typer.Option("--keywords", "-k", min=0, help="Keywords per article.")] = None,
    engine: Annotated[Optional[str], typer.Option("--engine", help="Summary engine: hybrid, lead or textrank.")] = None,
    config: ConfigOpt = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No warnings or progress on standard error.")] = False,
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True, help="More detail on standard error.")] = 0,
) -> None:
    """Digest bulletins: metadata, articles, keywords, summaries and 要点.

    Example: healthdigest summarize seeds/ --format markdown -o brief.md
    """
    from healthdigest.config import ENGINES

    if engine is not None and engine not in ENGINES:
        raise _fail(f"unknown engine '{engine}'; choose one of {', '.join(ENGINES)}", ExitStatus.USAGE)
    settings = _load_settings(config, sentences=sentences, max_chars=max_chars, keywords=keywords, engine=engine)
    bulletins, failures = _digest_all(paths, settings, quiet=quiet, verbose=verbose)
    _emit(bulletins, fmt, output)
    if failures:
        raise typer.Exit(int(ExitStatus.INPUT_ERROR))


def _digest_all(paths: list[str], settings, *, quiet: bool, verbose: int):
    from healthdigest.batch import expand_inputs
    from healthdigest.pipeline import digest_bytes, digest_file

    err = _stderr()
    inputs, problems = expand_inputs(paths)
    for message in problems:
        err.print(f"healthdigest: {message}", markup=False)
    bulletins, failures = [], len(problems)
    for item in inputs:
        start = time.perf_counter()
        try:
            if item == "-":
                bulletin = digest_bytes(sys.stdin.buffer.read(), name="<stdin>", settings=settings)
            else:
                bulletin = digest_file(item, settings=settings)
        except HealthdigestError as exc:
            err.print(f"healthdigest: {exc}", markup=False)
            failures += 1
            continue
        bulletins.append(bulletin)
        if not quiet:
            for w in bulletin.warnings:
                err.print(f"{bulletin.path}: warning: {w}", markup=False, style="yellow")
        if verbose:
            err.print(
                f"{bulletin.path}: {bulletin.layout}, {bulletin.encoding}, {len(bulletin.articles)} articles, "
                f"{len(bulletin.dropped)} lines dropped, {time.perf_counter() - start:.2f} s",
                markup=False,
            )
    return bulletins, failures


def _render(bulletins, fmt: Format) -> str:
    """The digest as text; Rich output is recorded at a fixed width for files."""
    if fmt is Format.json:
        from healthdigest.render.jsonout import render_json

        return render_json(bulletins)
    if fmt is Format.jsonl:
        from healthdigest.render.jsonout import render_jsonl

        return render_jsonl(bulletins)
    if fmt is Format.markdown:
        from healthdigest.render.markdown import render_markdown

        return render_markdown(bulletins)
    from healthdigest.render.terminal import render_rich

    console = Console(record=True, width=100, file=io.StringIO(), highlight=False)
    render_rich(bulletins, console)
    return console.export_text()


def _emit(bulletins, fmt: Format, output: Path | None) -> None:
    """Results to standard output, or atomically to the output file."""
    if output is None and fmt is Format.rich:
        from healthdigest.render.terminal import render_rich

        render_rich(bulletins, Console(highlight=False))
        return
    text = _render(bulletins, fmt)
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from healthdigest.batch import write_atomic

    try:
        write_atomic(output, text)
    except OSError as exc:
        raise _fail(f"{output}: cannot write ({exc.strerror}); choose a writable path", ExitStatus.OUTPUT_ERROR) from None


@app.command()
def segment(
    paths: PathsArg,
    fmt: Annotated[SegmentFormat, typer.Option("--format", "-f", help="tree or json.")] = SegmentFormat.tree,
) -> None:
    """Show the structure alone: sections, articles, sources, pages and lengths (no NLP, fast).

    Example: healthdigest segment seeds/003_95dcd98fb450c0bd.txt
    """
    from healthdigest.batch import expand_inputs
    from healthdigest.reading import decode_bytes, read_file
    from healthdigest.render.segments import render_tree, segments_json
    from healthdigest.structure import read_structure

    err = _stderr()
    inputs, problems = expand_inputs(paths)
    failures = len(problems)
    for message in problems:
        err.print(f"healthdigest: {message}", markup=False)
    bulletins = []
    for item in inputs:
        try:
            decoded = decode_bytes(sys.stdin.buffer.read(), name="<stdin>") if item == "-" else read_file(item)
        except HealthdigestError as exc:
            err.print(f"healthdigest: {exc}", markup=False)
            failures += 1
            continue
        bulletins.append(read_structure(decoded.text, path=str(item) if item != "-" else "<stdin>", encoding=decoded.encoding))
    if fmt is SegmentFormat.json:
        sys.stdout.write(segments_json(bulletins))
    else:
        render_tree(bulletins, Console(highlight=False))
    if failures:
        raise typer.Exit(int(ExitStatus.INPUT_ERROR))


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
    _stderr().print(f"wrote {target}", markup=False)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        _stderr().print("healthdigest: interrupted; no partial output was written", markup=False)
        sys.exit(int(ExitStatus.INTERRUPTED))

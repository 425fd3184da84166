"""The Python API: digest bulletins, render digests, read structure alone.

    import healthdigest as hd

    bulletin = hd.digest_path("bulletins/2024-03-05.txt")
    print(hd.render_digest(bulletin, "markdown"))

Every function takes what it depends on as arguments (settings are keyword-only, an
immutable `Settings` value) and changes nothing process-wide: digests made with different
settings in one process never affect each other. The command line is a thin layer over
these functions. docs/api.md has the examples; errors a user can fix are
`HealthdigestError`s whose message says what to do.

This module imports only the light parts of the package; jieba, numpy and Rich load on the
first digest or render, so importing it costs nothing a `--help` would notice.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from healthdigest.batch import Outcome
from healthdigest.config import ENGINES, Settings, load_settings
from healthdigest.errors import ConfigError, HealthdigestError, InputError, OutputError
from healthdigest.model import Article, Bulletin, Dropped, Highlight, Keyword, Metadata, Sentence

__all__ = [
    "ENGINES",
    "FORMATS",
    "SEGMENT_FORMATS",
    "Article",
    "Bulletin",
    "ConfigError",
    "Dropped",
    "HealthdigestError",
    "Highlight",
    "InputError",
    "Keyword",
    "Metadata",
    "Outcome",
    "OutputError",
    "Sentence",
    "Settings",
    "digest_bytes",
    "digest_many",
    "digest_path",
    "digest_text",
    "digest_with_dask",
    "find_inputs",
    "load_settings",
    "make_briefing",
    "prepare",
    "render_digest",
    "render_segments",
    "segment_bytes",
    "segment_path",
    "segment_text",
]

FORMATS = ("rich", "markdown", "json", "jsonl")  # what `render_digest` writes
SEGMENT_FORMATS = ("tree", "json")  # what `render_segments` writes
_DEFAULTS = Settings()

PathLike = str | os.PathLike


# --- digests -------------------------------------------------------------------------------


def digest_path(path: PathLike, *, settings: Settings = _DEFAULTS) -> Bulletin:
    """The digest of one bulletin file. The digest's `path` is the path as given.

    Raises InputError (unreadable, too large, binary, empty, undecodable) with a message.
    """
    from healthdigest.pipeline import digest_file

    return digest_file(Path(path), settings=settings)


def digest_bytes(data: bytes, *, name: str = "<bytes>", settings: Settings = _DEFAULTS) -> Bulletin:
    """The digest of a bulletin's bytes in any supported encoding; `name` becomes its path."""
    from healthdigest import pipeline

    return pipeline.digest_bytes(data, name=name, settings=settings)


def digest_text(text: str, *, name: str = "<text>", settings: Settings = _DEFAULTS) -> Bulletin:
    """The digest of a bulletin already decoded to text: the same as a UTF-8 file holding it."""
    return digest_bytes(text.encode("utf-8", "surrogatepass"), name=name, settings=settings)


def digest_many(
    inputs: Iterable[PathLike], *, settings: Settings = _DEFAULTS, jobs: int = 1, use_cache: bool = False
) -> Iterator[Outcome]:
    """Digest many files, yielding one Outcome per input in input order, whatever `jobs`.

    An input that cannot be digested gives an Outcome with `error` set (the run goes on).
    `jobs` > 1 digests in that many forked worker processes. `use_cache` reads and fills the
    result cache in the user cache directory (what the command line does by default). "-"
    stands for standard input.
    """
    from healthdigest.batch import run_batch

    items = [item if item == "-" else Path(item) for item in inputs]
    return run_batch(items, settings, jobs=jobs, use_cache=use_cache)


def find_inputs(
    paths: Iterable[str], *, recursive: bool = False, exclude: tuple = ()
) -> tuple[list[Path | str], list[str]]:
    """The files that PATH arguments name, as the command line reads them: files, folders
    (their bulletins of every supported kind, sorted), glob patterns and "-"; and a message for each
    argument that names none. Files inside an output folder in `exclude` are left out."""
    from healthdigest.batch import expand_inputs

    return expand_inputs(list(paths), recursive=recursive, exclude=exclude)


def prepare(settings: Settings = _DEFAULTS) -> None:
    """Load jieba and the settings' word lists now rather than on the first digest (half a
    second), for example before forking workers, which then share them."""
    from healthdigest.pipeline import vocabulary
    from healthdigest.words import tokenizer

    vocabulary(settings.words, settings.stopwords, settings.aliases)
    tokenizer(settings.words)


def digest_with_dask(
    inputs: Iterable[PathLike],
    *,
    output: PathLike,
    settings: Settings = _DEFAULTS,
    scheduler: str | None = None,
    workers: int | None = None,
    partition_size: int | None = None,
    problems: Iterable[str] = (),
    on_partition=None,
    resume: bool = False,
):
    """Digest many files on a Dask cluster into JSON Lines partitions and a manifest of
    failures in the folder `output` (see healthdigest.distributed; needs the `dask` extra).

    `scheduler` is the address of a running Dask scheduler; without it a local cluster of
    `workers` processes runs on this machine. `problems` (messages about arguments that
    named no file) go into the manifest; `on_partition(entry)` is called as each partition
    is written; `resume` finishes an interrupted run in `output`, digesting only the
    partitions it had not written. Returns a DaskRun with the counts and failures.
    """
    from healthdigest import distributed

    return distributed.digest_with_dask(
        [Path(item) for item in inputs], output=Path(output), settings=settings, scheduler=scheduler,
        workers=workers, partition_size=partition_size or distributed.PARTITION_FILES,
        problems=list(problems), on_partition=on_partition, resume=resume,
    )


# --- structure only ------------------------------------------------------------------------


def segment_path(path: PathLike, *, max_file_mb: int = _DEFAULTS.max_file_mb) -> Bulletin:
    """The structure of one bulletin file alone: metadata, sections, articles and dropped
    lines, without keywords, summaries or 要点 (no word segmentation; fast)."""
    from healthdigest.reading import read_file

    decoded = read_file(Path(path), max_bytes=max_file_mb * 1024 * 1024)
    return _structure(decoded, str(path))


def segment_bytes(data: bytes, *, name: str = "<bytes>") -> Bulletin:
    """The structure of a bulletin given as bytes (see `segment_path`)."""
    from healthdigest.reading import decode_bytes

    return _structure(decode_bytes(data, name=name), name)


def segment_text(text: str, *, name: str = "<text>") -> Bulletin:
    """The structure of a bulletin given as text (see `segment_path`)."""
    return segment_bytes(text.encode("utf-8", "surrogatepass"), name=name)


def _structure(decoded, name: str) -> Bulletin:
    from healthdigest.readers import attach_pages
    from healthdigest.structure import read_structure

    bulletin = read_structure(decoded.text, path=name, encoding=decoded.encoding, hints=decoded.hints)
    attach_pages(bulletin, decoded.hints)
    bulletin.warnings[:0] = list(decoded.warnings)
    return bulletin


# --- briefing --------------------------------------------------------------------------


def make_briefing(
    bulletins: Iterable[Bulletin],
    *,
    since: str | None = None,
    until: str | None = None,
    title: str = "卫生健康信息简报",
    week: bool = False,
) -> tuple[str, list[str]]:
    """One Markdown briefing across digests, as `healthdigest brief` writes it: 要点, then
    sections by region, a story reported twice given once. `since` and `until` are ISO dates
    (inclusive); a digest without a date is left out when a period is given; `week` says the
    period is one week (its 要点 are then headed 本周要点). Returns the Markdown and the
    warnings (digests without a date…)."""
    import datetime as dt

    from healthdigest.brief import collect, render_brief
    from healthdigest.errors import UsageError

    for label, value in (("since", since), ("until", until)):
        # dates are compared as text: "20240301" or "2024-02-30" would match nothing, silently
        try:
            if value is not None and dt.date.fromisoformat(value).isoformat() != value:
                raise ValueError
        except (TypeError, ValueError):
            raise UsageError(f"{label}={value!r}: not a date of the form 2024-03-05") from None
    items, warnings, used = collect(list(bulletins), since=since, until=until)
    return render_brief(items, title=title, n_bulletins=used, week=week), warnings


# --- rendering -----------------------------------------------------------------------------


def render_digest(bulletins: Bulletin | Iterable[Bulletin], fmt: str = "markdown") -> str:
    """Digests as text in one of FORMATS, exactly as `healthdigest summarize --format` writes
    them to a file: "json" is one array, "jsonl" one line per digest, "rich" the terminal
    view as plain text (100 columns)."""
    from healthdigest.output import render_all

    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return render_all([bulletins] if isinstance(bulletins, Bulletin) else list(bulletins), fmt)


def render_segments(bulletins: Bulletin | Iterable[Bulletin], fmt: str = "json") -> str:
    """Structures as `healthdigest segment --format` shows them: "json" or "tree" (plain text)."""
    if fmt not in SEGMENT_FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(SEGMENT_FORMATS)}")
    items = [bulletins] if isinstance(bulletins, Bulletin) else list(bulletins)
    if fmt == "json":
        from healthdigest.render.segments import segments_json

        return segments_json(items)
    import io

    from rich.console import Console

    from healthdigest.render.segments import render_tree

    console = Console(record=True, width=100, file=io.StringIO(), highlight=False)
    render_tree(items, console)
    return console.export_text()

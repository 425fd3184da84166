"""Where digests go: streamed to stdout, into one file, or one file per input in a directory.

Every sink writes each digest as soon as it arrives, so a batch of a thousand bulletins
never holds more than one in memory; files are written atomically.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

from healthdigest.batch import AtomicFile, write_atomic
from healthdigest.model import Bulletin

EXTENSIONS = {"rich": ".txt", "markdown": ".md", "json": ".json", "jsonl": ".jsonl"}
FILE_WIDTH = 100  # columns of Rich output written to a file


def render_piece(b: Bulletin, fmt: str, *, first: bool) -> str:
    """One bulletin's part of a stream in the given format (separators included)."""
    if fmt == "jsonl":
        from healthdigest.render.jsonout import bulletin_dict

        return json.dumps(bulletin_dict(b), ensure_ascii=False) + "\n"
    if fmt == "json":
        from healthdigest.render.jsonout import bulletin_dict

        body = json.dumps(bulletin_dict(b), ensure_ascii=False, indent=2)
        return ("" if first else ",\n") + "\n".join("  " + line for line in body.splitlines())
    if fmt == "markdown":
        from healthdigest.render.markdown import render_bulletin

        return ("" if first else "\n---\n\n") + render_bulletin(b)
    from rich.console import Console

    from healthdigest.render.terminal import render_bulletin as render_rich

    console = Console(record=True, width=FILE_WIDTH, file=io.StringIO(), highlight=False)
    render_rich(console, b)
    return console.export_text()


def _open(fmt: str) -> str:
    return "[\n" if fmt == "json" else ""


def _close(fmt: str, empty: bool) -> str:
    return ("]\n" if empty else "\n]\n") if fmt == "json" else ""


def render_all(bulletins: list[Bulletin], fmt: str) -> str:
    pieces = [render_piece(b, fmt, first=i == 0) for i, b in enumerate(bulletins)]
    return _open(fmt) + "".join(pieces) + _close(fmt, not bulletins)


class StdoutSink:
    """Results to standard output, flushed per bulletin (a pipe reader sees them as they come)."""

    def __init__(self, fmt: str):
        self.fmt, self.count = fmt, 0
        self.console = None
        if fmt == "rich":
            from rich.console import Console

            self.console = Console(highlight=False)
        sys.stdout.write(_open(fmt))

    def add(self, b: Bulletin) -> None:
        if self.console is not None:
            from healthdigest.render.terminal import render_bulletin

            render_bulletin(self.console, b)
        else:
            sys.stdout.write(render_piece(b, self.fmt, first=self.count == 0))
            sys.stdout.flush()
        self.count += 1

    def close(self) -> None:
        sys.stdout.write(_close(self.fmt, self.count == 0))
        sys.stdout.flush()

    def discard(self) -> None:
        sys.stdout.flush()


class FileSink:
    """All digests in one file; it appears, whole, only when the run completes."""

    def __init__(self, fmt: str, path: Path):
        self.fmt, self.count = fmt, 0
        self.file = AtomicFile(path)
        self.file.write(_open(fmt))

    def add(self, b: Bulletin) -> None:
        self.file.write(render_piece(b, self.fmt, first=self.count == 0))
        self.count += 1

    def close(self) -> None:
        self.file.write(_close(self.fmt, self.count == 0))
        self.file.commit()

    def discard(self) -> None:
        self.file.discard()


class DirectorySink:
    """One file per input, named after it with the format's extension; never over an input."""

    def __init__(self, fmt: str, folder: Path, inputs: list):
        self.fmt, self.folder = fmt, Path(folder)
        self.protected = {Path(p).resolve() for p in inputs if p != "-"}
        self.written: set[Path] = set()
        self.folder.mkdir(parents=True, exist_ok=True)

    def target(self, b: Bulletin) -> Path:
        stem = "stdin" if b.path == "<stdin>" else Path(b.path).stem
        return self.folder / (stem + EXTENSIONS[self.fmt])

    def add(self, b: Bulletin) -> None:
        from healthdigest.errors import OutputError

        path = self.target(b)
        resolved = path.resolve()
        if resolved in self.protected:
            raise OutputError(f"{path}: would overwrite an input; choose another --output directory")
        if resolved in self.written:
            raise OutputError(f"{path}: two inputs are named {path.stem}; digest them into separate directories")
        write_atomic(path, render_all([b], self.fmt))
        self.written.add(resolved)

    def close(self) -> None:
        pass

    def discard(self) -> None:
        pass


def open_sink(fmt: str, output: Path | None, inputs: list):
    """stdout without --output; a directory sink for an existing directory or a path ending
    in /; else one file."""
    if output is None:
        return StdoutSink(fmt)
    if output.is_dir() or str(output).endswith(("/", "\\")):
        return DirectorySink(fmt, output, inputs)
    return FileSink(fmt, output)

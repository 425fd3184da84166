"""Where digests go: streamed to stdout, into one file, or one file per input in a directory.

Every sink writes each digest as soon as it arrives, so a batch of a thousand bulletins
never holds more than one in memory; files are written atomically.
"""

from __future__ import annotations

import io
import json
import os
import re
import stat
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
        # split on \n alone: str.splitlines also splits at U+2028 and U+2029 inside strings,
        # which would put a raw line break into a JSON string.
        return ("" if first else ",\n") + "\n".join("  " + line for line in body.split("\n"))
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


def write_stdout(text: str) -> None:
    """Results to standard output, flushed; a closed reader is StdoutGone, any other failure
    (a full disk behind `> file`, stdout closed) an OutputError."""
    from healthdigest.errors import OutputError, StdoutGone

    out = sys.stdout
    if out is None:
        raise OutputError("standard output is closed; give --output FILE")
    try:
        out.write(text)
        out.flush()
    except BrokenPipeError:
        raise StdoutGone() from None
    except OSError as exc:
        raise OutputError(f"standard output: cannot write ({exc.strerror}); give --output FILE") from None


class StdoutSink:
    """Results to standard output, flushed per bulletin (a pipe reader sees them as they come)."""

    def __init__(self, fmt: str):
        self.fmt, self.count = fmt, 0
        self.console = None
        if fmt == "rich":
            from rich.console import Console

            # Rendered into a capture and written by write_stdout, so a closed pipe or a
            # full disk is handled like any other format's.
            self.console = Console(highlight=False, file=sys.stdout or io.StringIO())
        write_stdout(_open(fmt))

    def add(self, b: Bulletin, item=None) -> None:
        if self.console is not None:
            from healthdigest.render.terminal import render_bulletin

            with self.console.capture() as captured:
                render_bulletin(self.console, b)
            write_stdout(captured.get())
        else:
            write_stdout(render_piece(b, self.fmt, first=self.count == 0))
        self.count += 1

    def close(self) -> None:
        write_stdout(_close(self.fmt, self.count == 0))

    def discard(self) -> None:
        pass


class FileSink:
    """All digests in one file; it appears, whole, only when the run completes (a FIFO or a
    device is written as the digests come)."""

    def __init__(self, fmt: str, path: Path):
        self.fmt, self.count, self.path = fmt, 0, path
        self.file = AtomicFile(path)
        self.file.write(_open(fmt))

    def add(self, b: Bulletin, item=None) -> None:
        self.file.write(render_piece(b, self.fmt, first=self.count == 0))
        self.count += 1

    def close(self) -> None:
        self.file.write(_close(self.fmt, self.count == 0))
        self.file.commit()

    def discard(self) -> None:
        self.file.discard()


class DirectorySink:
    """One file per input, named after it with the format's extension; under --recursive the
    input folders are mirrored. Never over an input; one file that cannot be written is
    reported and the others are written."""

    def __init__(self, fmt: str, folder: Path, inputs: list, roots: list[str] = ()):
        self.fmt, self.folder = fmt, Path(folder)
        self.protected = {os.path.realpath(p) for p in inputs if p != "-"}
        self.names = output_names(inputs, roots, EXTENSIONS[fmt])
        self.count = 0
        self.folder.mkdir(parents=True, exist_ok=True)

    def target(self, item) -> Path:
        return self.folder / self.names[item]

    def add(self, b: Bulletin, item=None) -> None:
        from healthdigest.errors import HealthdigestError, OutputError, shown

        if item is None:
            item = "-" if b.path == "<stdin>" else Path(b.path)
        path = self.target(item)
        if os.path.realpath(path) in self.protected:
            # The input is kept and its digest not written: counted as that input failing.
            raise HealthdigestError(f"{shown(path)}: would overwrite an input; choose another --output directory")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, render_all([b], self.fmt))
        except OSError as exc:
            raise OutputError(f"{shown(path)}: cannot write ({exc.strerror})") from None
        self.count += 1

    def close(self) -> None:
        pass

    def discard(self) -> None:
        pass


def output_names(inputs: list, roots, ext: str) -> dict:
    """The output file, relative to the output folder, of each input: its path below the
    folder argument it was found in (so --recursive mirrors the tree), else its name; the
    input's extension becomes the format's. Inputs that would share a name get their paths
    from a common folder instead, then their whole names (a.txt.md beside a.md.md)."""
    names = _relative_names(inputs, roots)
    for attempt in ("common", "suffix"):
        clashes = _clashes(names, ext)
        if not clashes:
            break
        if attempt == "common":
            absolute = {item: Path(os.path.abspath(item)) for item in clashes if item != "-"}
            if len(absolute) > 1:
                common = os.path.commonpath(list(absolute.values()))
                names.update({item: Path(os.path.relpath(a, common)) for item, a in absolute.items()})
        else:
            names.update({item: names[item].with_name(names[item].name + ext) for item in clashes})
            return {item: (rel if item in clashes else rel.with_suffix(ext)) for item, rel in names.items()}
    return {item: rel.with_suffix(ext) for item, rel in names.items()}


def _relative_names(inputs: list, roots) -> dict:
    """Each input's path below the folder argument it was found in, else its name."""
    root_paths = [Path(r) for r in roots]

    def relative(item) -> Path:
        if item == "-":
            return Path("stdin")
        item = Path(item)
        for root in root_paths:
            if item.is_relative_to(root) and item != root:
                return item.relative_to(root)
        return Path(item.name)

    return {item: relative(item) for item in inputs}


def _clashes(names: dict, ext: str) -> set:
    """Inputs whose outputs would share a name. One file named twice (`a.txt ./a.txt`) is no
    clash: its digests are the same (its spellings had no common folder below the file)."""
    by_target: dict = {}
    for item, rel in names.items():
        by_target.setdefault(rel.with_suffix(ext), []).append(item)
    return {item for group in by_target.values() if len({_same_file(i) for i in group}) > 1 for item in group}


def _same_file(item) -> str:
    return "-" if item == "-" else os.path.realpath(item)


def drop_outputs(inputs: list, paths: list[str]) -> tuple[list, list[str]]:
    """Inputs without the digests and briefings found in the input folders: with
    `summarize DIR -o DIR/`, last night's DIR/a.md is a.txt's digest, not a bulletin.
    A file named on the command line is read whatever it holds. Returns the inputs kept
    and a note for each left out."""
    from healthdigest.errors import shown

    named = {os.path.normpath(p) for p in paths}
    kept, notes = [], []
    for item in inputs:
        if item != "-" and os.path.normpath(item) not in named and looks_like_output(Path(item)):
            notes.append(f"{shown(item)}: a digest written by healthdigest, not a bulletin; not read")
        else:
            kept.append(item)
    return kept, notes


def is_stdout(output) -> bool:
    return output is None or str(output) == "-"


def is_directory_output(output) -> bool:
    return not is_stdout(output) and (str(output).endswith(("/", os.sep)) or os.path.isdir(output))


def place_output(output, inputs: list, paths: list[str]) -> tuple[list, list[str]]:
    """Check an output file against the inputs, before any work. Refused (UsageError): an
    output that is an input named on the command line (a hard or symbolic link to one
    included), a bulletin found in an input folder, or a block device. An earlier digest
    found in an input folder (`-o DIR/digest.md`) is left out of the inputs, with a note,
    and replaced. Returns the inputs and the notes."""
    from healthdigest.errors import UsageError, shown

    if is_stdout(output) or is_directory_output(output):
        return inputs, []
    path = Path(output)
    try:
        st = os.stat(path)
    except OSError:
        return inputs, []  # a new file
    if stat.S_ISBLK(st.st_mode):
        raise UsageError(f"{shown(path)}: is a block device; choose a file for --output")
    named = set()
    for raw in paths:
        try:
            if raw == "-" and _stdin_is(st) or raw != "-" and os.path.samefile(raw, path):
                named.add(raw)
        except OSError:
            continue
    if named:
        raise UsageError(f"{shown(path)}: is also an input; choose another --output file")
    kept, notes = [], []
    for item in inputs:
        try:
            same = item != "-" and os.path.samefile(item, path)
        except OSError:
            same = False
        if not same:
            kept.append(item)
        elif looks_like_output(path):
            notes.append(f"{shown(item)}: the output of an earlier run; not read as an input")
        else:
            raise UsageError(f"{shown(path)}: is a bulletin among the inputs; choose another --output file")
    return kept, notes


def _stdin_is(st: os.stat_result) -> bool:
    """Is standard input that file (`summarize - -o a.txt < a.txt`)?"""
    try:
        mine = os.fstat(sys.stdin.fileno())
    except (AttributeError, OSError, ValueError):
        return False
    return stat.S_ISREG(mine.st_mode) and (mine.st_dev, mine.st_ino) == (st.st_dev, st.st_ino)


_MARKS = (
    re.compile(r'"generator": ?"healthdigest '),  # JSON and JSON Lines
    re.compile(r"\A[╭┏+][─━-]"),  # the terminal view written to a file
    re.compile(r"\A# .*\n\n(?:共 \d+ 期简报|这一时期没有可用的简报)"),  # a briefing
    re.compile(r"\A# .*\n(?:.*\n)*?(?:\*\*关键词\*\*：|### 1\. )"),  # a Markdown digest
)


def looks_like_output(path: Path) -> bool:
    """Does the file begin as a digest or a briefing this tool writes?"""
    try:
        with open(path, "rb") as f:
            head = f.read(16384).decode("utf-8", "ignore")
    except OSError:
        return False
    return any(mark.search(head) for mark in _MARKS)


def open_sink(fmt: str, output, inputs: list, roots=()):
    """stdout without --output or with `-o -`; a directory sink for an existing directory or a
    path ending in /; else one file."""
    if is_stdout(output):
        return StdoutSink(fmt)
    if is_directory_output(output):
        return DirectorySink(fmt, Path(output), inputs, roots)
    return FileSink(fmt, Path(output))

"""Inputs and outputs of a run: expanding PATH arguments, writing files atomically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

BULLETIN_SUFFIXES = (".txt", ".md")


def expand_inputs(paths: list[str]) -> tuple[list[Path | str], list[str]]:
    """Files to digest ("-" for standard input) and a message for each PATH that gave none."""
    inputs: list[Path | str] = []
    problems: list[str] = []
    for raw in paths:
        if raw == "-":
            inputs.append("-")
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in BULLETIN_SUFFIXES and p.is_file())
            if not found:
                problems.append(f"{path}: no bulletins here (no *.txt or *.md files)")
            inputs.extend(found)
        elif path.is_symlink() and not path.exists():
            problems.append(f"{path}: broken symbolic link; its target is gone")
        elif not path.exists():
            problems.append(f"{path}: no such file or directory; check the path")
        else:
            inputs.append(path)
    return inputs, problems


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

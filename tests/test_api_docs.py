"""The examples of docs/api.md run as written (from the repository root, as the page assumes)."""

from __future__ import annotations

import contextlib
import io
import re

import pytest

from conftest import ROOT

PAGE = ROOT / "docs" / "api.md"
BLOCKS = re.findall(r"```python\n(.*?)```", PAGE.read_text(encoding="utf-8"), re.S)


def test_the_page_has_examples():
    assert len(BLOCKS) >= 6


@pytest.mark.parametrize("number", range(len(BLOCKS)))
def test_example_runs(number, monkeypatch):
    code = BLOCKS[number]
    if "digest_with_dask" in code:
        pytest.importorskip("distributed")
    monkeypatch.chdir(ROOT)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code, f"{PAGE.name} example {number + 1}", "exec"), {"__name__": "docs_example"})
    assert printed.getvalue().strip(), "every example prints what it shows"

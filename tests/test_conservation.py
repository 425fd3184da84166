"""Nothing is lost: every non-blank input line is metadata, contents, a title, body or dropped."""

from __future__ import annotations

import re

import pytest

from conftest import SEEDS
from healthdigest.structure import read_structure
from healthdigest.textutil import normalize_line


def nonblank_lines(text: str) -> set[int]:
    return {i for i, line in enumerate(re.split(r"\r\n|\r|\n", text), 1) if normalize_line(line)}


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_every_seed_line_is_accounted_for(seed):
    text = seed.read_text(encoding="utf-8")
    bulletin = read_structure(text)
    assert set(bulletin.line_roles) == nonblank_lines(text)
    dropped = {d.line for d in bulletin.dropped}
    assert dropped == {n for n, role in bulletin.line_roles.items() if role == "dropped"}
    assert not [d for d in bulletin.dropped if d.reason == "not placed in any article"]


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_body_lines_reach_article_text(seed):
    text = seed.read_text(encoding="utf-8")
    bulletin = read_structure(text)
    body = "".join(a.text for a in bulletin.articles)
    lines = re.split(r"\r\n|\r|\n", text)
    for no, role in bulletin.line_roles.items():
        if role == "body":
            assert normalize_line(lines[no - 1])[:8] in body, no


def test_dropped_lines_say_why():
    text = (SEEDS / "003_95dcd98fb450c0bd.txt").read_text(encoding="utf-8")
    reasons = {d.reason for d in read_structure(text).dropped}
    assert {"page marker", "navigation"} <= reasons

"""Fuzzing reading and splitting with damaged seeds: flipped bytes, truncation, interleaving.

Marked slow (about half a minute); deselect with -m 'not slow'. Deterministic: fixed seed.
"""

from __future__ import annotations

import random
import re

import pytest

from conftest import SEEDS
from healthdigest.errors import InputError
from healthdigest.reading import decode_bytes
from healthdigest.structure import read_structure
from healthdigest.textutil import normalize_line

SEED_BYTES = [p.read_bytes() for p in sorted(SEEDS.glob("*.txt"))]


def mutations(rng: random.Random, count: int):
    for _ in range(count):
        data = bytearray(rng.choice(SEED_BYTES))
        kind = rng.choice(["flip", "truncate", "interleave", "splice"])
        if kind == "flip":
            for _ in range(rng.randint(1, 40)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        elif kind == "truncate":
            data = data[: rng.randrange(len(data))]
        elif kind == "interleave":
            other = rng.choice(SEED_BYTES)
            size = rng.randint(1, 64)
            data = bytearray(b"".join(data[i : i + size] + other[i : i + size] for i in range(0, min(len(data), len(other)), size)))
        else:
            cut = rng.randrange(len(data))
            data = data[:cut] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 200))) + data[cut:]
        yield kind, bytes(data)


@pytest.mark.slow
def test_damaged_seeds_are_read_or_refused_never_crash():
    rng = random.Random(20241123)
    outcomes = {"read": 0, "refused": 0}
    for kind, data in mutations(rng, 250):
        try:
            decoded = decode_bytes(data, name=kind)
        except InputError:
            outcomes["refused"] += 1
            continue
        bulletin = read_structure(decoded.text)
        lines = {i for i, line in enumerate(re.split(r"\r\n|\r|\n", decoded.text), 1) if normalize_line(line)}
        assert set(bulletin.line_roles) == lines
        outcomes["read"] += 1
    assert outcomes["read"] > 100  # most damage is survivable: the digest goes on

"""Shared fixtures: seed paths, gold structure, and isolation from the user's directories."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = Path(__file__).resolve().parent / "gold"
DATA = Path(__file__).resolve().parent / "data"
# The team's shared development data sits beside the repository (CI clones main next to it);
# HEALTHDIGEST_SHARED points elsewhere (a git worktree one level further down).
SHARED = Path(os.environ.get("HEALTHDIGEST_SHARED") or ROOT.parent / "shared")
CORPUS = SHARED / "corpus" / "bulletins"


def corpus_texts() -> list[Path]:
    """The corpus documents' text extractions; tests that need them skip when it is absent."""
    if not CORPUS.is_dir():
        pytest.skip("the shared corpus is not beside the repository")
    return sorted(CORPUS.glob("D*.txt"))


def gold_files() -> list[Path]:
    return sorted(GOLD.glob("*.yaml"))


def load_gold(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="session", autouse=True)
def _isolated_dirs(tmp_path_factory):
    """Keep tests out of the real user config and cache directories."""
    mp = pytest.MonkeyPatch()
    base = tmp_path_factory.mktemp("home")
    mp.setenv("HEALTHDIGEST_CACHE_DIR", str(base / "cache"))
    mp.setenv("XDG_CONFIG_HOME", str(base / "config"))
    mp.setenv("XDG_CACHE_HOME", str(base / "xdgcache"))
    yield
    mp.undo()


@pytest.fixture(scope="session")
def settings():
    from healthdigest.config import load_settings

    return load_settings(None)


@pytest.fixture(scope="session")
def seed_digests(settings):
    """Every seed digested once per test session (the pipeline is deterministic)."""
    from healthdigest.pipeline import digest_file

    return {p.name: digest_file(p, settings=settings) for p in sorted(SEEDS.glob("*.txt"))}

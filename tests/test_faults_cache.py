"""Faults, class 3: the cache. No pickle; a damaged entry is recomputed, never served and never
a crash; `cache clear` removes only what the cache wrote; a cache that cannot be written is a
one-line note; jieba's own cache failure is silent."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT, SEEDS
from healthdigest import cache
from healthdigest.cli import app

SEED = SEEDS / "000_6b9dbb8f10a053fd.txt"  # 2024年第9期
runner = CliRunner()


@pytest.fixture()
def own_cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("HEALTHDIGEST_CACHE_DIR", str(folder))
    return folder


def digest(path, *extra):
    result = runner.invoke(app, ["summarize", str(path), "-f", "jsonl", "-v", *map(str, extra)], catch_exceptions=False)
    assert "Traceback" not in result.stderr
    return result


def cached_files(folder: Path) -> list[Path]:
    return [p for p in (folder / "results").rglob("*") if p.is_file()]


def test_the_cache_holds_no_pickle(own_cache):
    digest(SEED)
    files = cached_files(own_cache)
    assert files
    for path in files:
        raw = path.read_bytes()
        assert not raw.startswith(b"\x80")  # every pickle protocol ≥ 2 starts so
        json.loads(raw.split(b"\n", 1)[1])  # a header line, then JSON


def test_a_flipped_bit_is_recomputed_never_served(own_cache):
    first = digest(SEED)
    (entry,) = cached_files(own_cache)
    raw = entry.read_bytes()
    at = raw.index("2024年第9期".encode())
    entry.write_bytes(raw[:at + 3] + b"5" + raw[at + 4:])  # 2024 → 2025, a one-bit flip
    second = digest(SEED)
    assert second.stdout == first.stdout
    assert "(cached)" not in second.stderr  # digested again
    assert "(cached)" in digest(SEED).stderr  # and the sound entry written back


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],  # cut short
        lambda raw: b"",  # empty
        lambda raw: os.urandom(300),  # noise
        lambda raw: raw.split(b"\n", 1)[0] + b"\n" + b'{"path": 1}',  # header of another body
    ],
    ids=["truncated", "empty", "noise", "wrong-body"],
)
def test_a_damaged_entry_is_never_a_crash(own_cache, damage):
    first = digest(SEED)
    (entry,) = cached_files(own_cache)
    entry.write_bytes(damage(entry.read_bytes()))
    second = digest(SEED)
    assert second.exit_code == 0 and second.stdout == first.stdout


def test_an_entry_with_a_good_checksum_but_the_wrong_fields_is_refused(own_cache):
    first = digest(SEED)
    (entry,) = cached_files(own_cache)
    record = json.loads(entry.read_bytes().split(b"\n", 1)[1])
    record["metadata"]["number"] = "nine"  # a string where the model has an int
    body = json.dumps(record, ensure_ascii=False).encode()
    import hashlib

    entry.write_bytes(cache.HEADER + hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
    second = digest(SEED)
    assert second.stdout == first.stdout and "(cached)" not in second.stderr


def test_cache_clear_removes_only_what_the_cache_wrote(own_cache):
    digest(SEED)
    results = own_cache / "results"
    (entry,) = cached_files(own_cache)
    (results / "notes.txt").write_text("mine")
    (entry.parent / "keep.me").write_text("mine too")
    result = runner.invoke(app, ["cache", "clear"], catch_exceptions=False)
    assert result.exit_code == 0 and "removed 1 cached digests" in result.stderr
    assert sorted(p.name for p in results.rglob("*") if p.is_file()) == ["keep.me", "notes.txt"]


def test_cache_info_and_prune(own_cache, tmp_path):
    for name in ("a.txt", "b.txt"):
        shutil.copy(SEED, tmp_path / name)
        digest(tmp_path / name)
    info = runner.invoke(app, ["cache", "info"], catch_exceptions=False)
    assert "entries: 2" in info.stdout and "size: " in info.stdout
    old = cached_files(own_cache)[0]
    os.utime(old, (time.time() - 10 * 86400,) * 2)
    assert runner.invoke(app, ["cache", "prune", "--older-than", "7d"]).exit_code == 0
    assert not old.exists() and len(cached_files(own_cache)) == 1
    assert runner.invoke(app, ["cache", "prune", "--max-size", "0"]).exit_code == 0
    assert cached_files(own_cache) == []
    bad = runner.invoke(app, ["cache", "prune", "--older-than", "soon"])
    assert bad.exit_code == 2 and "--older-than soon" in bad.stderr


def _child(args, cache_dir: Path):
    env = {**os.environ, "HEALTHDIGEST_CACHE_DIR": str(cache_dir)}
    return subprocess.run([sys.executable, "-m", "healthdigest", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_a_cache_that_cannot_be_written_is_one_note(tmp_path):
    blocked = tmp_path / "cache-is-a-file"
    blocked.write_text("not a folder")
    done = _child(["summarize", SEED, "-f", "jsonl"], blocked)
    assert done.returncode == 0 and json.loads(done.stdout)
    notes = [line for line in done.stderr.splitlines() if "cache" in line]
    assert len(notes) == 1 and "cannot be written" in notes[0] and "Traceback" not in done.stderr
    quiet = _child(["summarize", SEED, "-f", "jsonl", "-q"], blocked)
    assert quiet.returncode == 0 and quiet.stderr == ""


def test_jiebas_own_cache_failure_is_silent_and_leaves_no_temporary_file(tmp_path):
    folder = tmp_path / "cache"
    # jieba.cache as a folder: jieba writes its cache to a temporary file, fails to rename it
    # into place and logs "Dump cache file failed." with a traceback.
    (folder / "jieba.cache").mkdir(parents=True)
    (folder / "jieba" / "jieba.cache").mkdir(parents=True)
    done = _child(["summarize", SEED, "-f", "jsonl", "-q", "--no-cache"], folder)
    assert done.returncode == 0 and done.stderr == ""
    assert not [p for p in folder.rglob("tmp*")]


def _jieba_loaded_its_own_way(tmp_dir: str):
    """A jieba Tokenizer loaded by jieba itself, from its marshalled cache in tmp_dir."""
    import jieba

    from healthdigest import words

    words._jieba()  # jieba imported quietly, its cache written
    own = jieba.Tokenizer()
    own.tmp_dir = tmp_dir
    own.initialize()
    return own


def test_the_packed_prefix_dictionary_is_jiebas_own_dictionary(tmp_path):
    import jieba

    from healthdigest import words

    own = _jieba_loaded_its_own_way(words._jieba().dt.tmp_dir)
    packed = tmp_path / words.PREFIX_DICT
    words._save_prefix_dict(own, packed)
    fresh = jieba.Tokenizer()
    assert words._load_prefix_dict(fresh, packed)
    assert fresh.total == own.total
    # the same words, frequencies and order (jieba walks FREQ when it builds a user tokenizer)
    assert list(fresh.FREQ.items()) == list(own.FREQ.items())
    assert fresh.lcut("基层医疗卫生机构开展慢性病筛查") == own.lcut("基层医疗卫生机构开展慢性病筛查")


@pytest.mark.parametrize("damage", ["truncated", "one word changed", "one frequency changed", "another dictionary", "noise"])
def test_a_damaged_packed_prefix_dictionary_is_never_used(tmp_path, damage):
    import jieba

    from healthdigest import words

    own = _jieba_loaded_its_own_way(words._jieba().dt.tmp_dir)
    packed = tmp_path / words.PREFIX_DICT
    words._save_prefix_dict(own, packed)
    data = packed.read_bytes()
    head_end = data.index(b"\n", len(words._PACKED)) + 1
    head = json.loads(data[len(words._PACKED) : head_end])
    if damage == "truncated":
        data = data[:-100]
    elif damage == "one word changed":  # same length, same count: only the checksum tells
        i = data.index("医疗".encode(), head_end)
        data = data[:i] + "医治".encode() + data[i + len("医疗".encode()) :]
    elif damage == "one frequency changed":
        i = head_end + head["text_bytes"] + 40
        data = data[:i] + bytes([data[i] ^ 1]) + data[i + 1 :]
    elif damage == "another dictionary":
        head["stamp"]["size"] += 1
        data = words._PACKED + json.dumps(head).encode() + b"\n" + data[head_end:]
    else:
        data = os.urandom(4096)
    packed.write_bytes(data)
    fresh = jieba.Tokenizer()
    assert not words._load_prefix_dict(fresh, packed)
    assert not fresh.initialized


def test_a_run_after_a_damaged_packed_dictionary_digests_the_same_and_repairs_it(tmp_path):
    folder = tmp_path / "cache"
    first = _child(["summarize", SEED, "-f", "jsonl", "--no-cache"], folder)
    packed = folder / "jieba" / "prefix-dict-1.bin"
    assert first.returncode == 0 and packed.is_file()
    packed.write_bytes(packed.read_bytes()[: packed.stat().st_size // 2])
    second = _child(["summarize", SEED, "-f", "jsonl", "--no-cache"], folder)
    assert second.returncode == 0 and second.stdout == first.stdout and "Traceback" not in second.stderr
    assert packed.stat().st_size > 1_000_000  # written again whole
    assert not [p for p in folder.rglob("tmp*")]

def _read_only_entries(monkeypatch, results: Path) -> None:
    """As in a cache folder of another user's, or on a read-only mount (root ignores chmod)."""
    real = Path.unlink

    def unlink(self, missing_ok=False):
        if self.is_relative_to(results):
            raise PermissionError(13, "Permission denied", str(self))
        return real(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink)


@pytest.mark.parametrize("command", [["cache", "clear"], ["cache", "prune", "--max-size", "0"]])
def test_a_cache_that_cannot_be_emptied_is_one_line_and_status_4(own_cache, monkeypatch, command):
    digest(SEED)
    _read_only_entries(monkeypatch, own_cache / "results")
    result = runner.invoke(app, command, catch_exceptions=False)
    assert result.exit_code == 4 and "Traceback" not in result.stderr
    assert "removed 0 cached digests" in result.stderr
    assert "1 cached files could not be removed (Permission denied)" in result.stderr
    assert len(cached_files(own_cache)) == 1


def test_a_cache_folder_that_cannot_be_listed_is_said(own_cache, monkeypatch):
    digest(SEED)
    (entry,) = cached_files(own_cache)
    real = os.scandir

    def scandir(path="."):
        if Path(path) == entry.parent:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    info = runner.invoke(app, ["cache", "info"], catch_exceptions=False)
    assert info.exit_code == 0 and "entries: 0" in info.stdout
    assert f"{entry.parent}: cannot be listed (Permission denied); not counted" in info.stderr
    cleared = runner.invoke(app, ["cache", "clear"], catch_exceptions=False)
    assert cleared.exit_code == 4 and "cannot be listed (Permission denied)" in cleared.stderr


def _finishes(call, seconds: float = 30):
    """call() in a thread; its result, or AssertionError if it is still waiting (on a FIFO)."""
    import threading

    result = []
    worker = threading.Thread(target=lambda: result.append(call()), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "still waiting: a FIFO in the cache was opened and read"
    return result[0]


def test_a_link_to_another_entry_is_never_served(own_cache, tmp_path):
    """An entry is a file the cache wrote: a symbolic link to another entry (its checksum
    sound) served that other bulletin's digest."""
    other = tmp_path / "other.txt"
    shutil.copy(SEEDS / "002_0207d4c4c942e4a6.txt", other)
    digest(SEED)
    digest(other)
    settings = cache.Settings()
    mine = cache._entry(cache.cache_key(SEED.read_bytes(), str(SEED), settings))
    theirs = cache._entry(cache.cache_key(other.read_bytes(), str(other), settings))
    assert mine.exists() and theirs.exists()
    mine.unlink()
    mine.symlink_to(theirs)
    assert cache.load(cache.cache_key(SEED.read_bytes(), str(SEED), settings)) is None
    again = json.loads(digest(SEED).stdout)
    assert again["path"] == str(SEED) and not mine.is_symlink()


def test_a_fifo_in_the_cache_is_not_waited_on(own_cache):
    from healthdigest import words

    digest(SEED)
    (entry,) = cached_files(own_cache)
    entry.unlink()
    os.mkfifo(entry)
    assert _finishes(lambda: cache.load(entry.stem)) is None
    packed = own_cache / "jieba" / words.PREFIX_DICT
    packed.parent.mkdir(parents=True, exist_ok=True)  # jieba may be loaded already, from another cache
    packed.unlink(missing_ok=True)
    os.mkfifo(packed)
    import jieba

    assert _finishes(lambda: words._load_prefix_dict(jieba.Tokenizer(), packed)) is False

"""Faults, class 4: inputs. The size limit holds for streams, special files are reported, loops
end, unreadable folders are said, names come from --files-from, Chinese UTF-16 without a BOM
is read, and file names in any bytes are digested and shown escaped."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT, SEEDS
from healthdigest.cli import app

SMALL = SEEDS / "002_0207d4c4c942e4a6.txt"
OTHER = SEEDS / "000_6b9dbb8f10a053fd.txt"
runner = CliRunner()


def run(*args, **kw):
    result = runner.invoke(app, [str(a) for a in args], catch_exceptions=False, **kw)
    assert "Traceback" not in result.stderr
    return result


@pytest.fixture()
def one_mb_limit(tmp_path):
    config = tmp_path / "small.yaml"
    config.write_text("input:\n  max_file_mb: 1\n", encoding="utf-8")
    return config


def _feed(stream, limit_mb: int) -> None:
    """`yes 测试` into a pipe, giving up (the test then fails) after limit_mb."""
    try:
        for _ in range(limit_mb * 16):
            stream.write("测试\n".encode() * 10000)  # about 64 KB
        stream.close()
    except (BrokenPipeError, ValueError):
        pass  # the reader stopped at its limit


def test_standard_input_stops_at_the_size_limit(one_mb_limit):
    proc = subprocess.Popen([sys.executable, "-m", "healthdigest", "summarize", "-", "--config", str(one_mb_limit),
                             "-f", "jsonl"], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    feeder = threading.Thread(target=_feed, args=(proc.stdin, 16), daemon=True)
    feeder.start()
    got = {}
    readers = [threading.Thread(target=lambda s=s: got.__setitem__(s, getattr(proc, s).read()), daemon=True)
               for s in ("stdout", "stderr")]
    for reader in readers:
        reader.start()
    try:
        status = proc.wait(timeout=60)
    finally:
        proc.kill()
    for reader in readers:
        reader.join(timeout=5)
    assert status == 1
    assert "<stdin>: more than the 1 MB limit" in got["stderr"].decode() and got["stdout"] == b""


def test_a_fifo_that_never_ends_stops_at_the_size_limit(tmp_path, one_mb_limit):
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)

    threading.Thread(target=lambda: _feed(fifo.open("wb"), 16), daemon=True).start()
    result = run("summarize", fifo, "--config", one_mb_limit, "-f", "jsonl")
    assert result.exit_code == 1 and "feed.txt: more than the 1 MB limit" in result.stderr


def test_dev_zero_stops_at_the_size_limit(one_mb_limit):
    result = run("summarize", "/dev/zero", "--config", one_mb_limit, "-f", "jsonl")
    assert result.exit_code == 1 and "/dev/zero: more than the 1 MB limit" in result.stderr


def test_special_files_in_a_folder_are_reported_not_read(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SMALL, folder / "ok.txt")
    os.mkfifo(folder / "pipe.txt")  # reading it would wait for ever
    result = run("summarize", folder, "-f", "jsonl")
    assert result.exit_code == 1
    assert "pipe.txt: not a regular file" in result.stderr
    assert len(result.stdout.splitlines()) == 1


def test_a_glob_over_symlink_loops_ends(tmp_path):
    root = tmp_path / "in"
    (root / "a").mkdir(parents=True)
    shutil.copy(SMALL, root / "a" / "x.txt")
    for name in ("up", "up2", "up3"):  # three loops: 3^depth paths for a walker that follows them
        (root / "a" / name).symlink_to("..")
    done = subprocess.run([sys.executable, "-m", "healthdigest", "summarize", f"{root}/**/*.txt", "-r", "-f", "jsonl", "-q"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    assert [Path(json.loads(line)["path"]).name for line in done.stdout.splitlines()] == ["x.txt"]


def test_an_unreadable_folder_is_reported_with_status_1(tmp_path, monkeypatch):
    root = tmp_path / "in"
    (root / "locked").mkdir(parents=True)
    shutil.copy(SMALL, root / "ok.txt")
    shutil.copy(OTHER, root / "locked" / "hidden.txt")
    real = os.scandir

    def scandir(path="."):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)  # as root, chmod 000 would not stop us
    result = run("summarize", root, "-r", "-f", "jsonl")
    assert result.exit_code == 1
    assert "locked: permission denied; cannot list this folder" in result.stderr
    assert len(result.stdout.splitlines()) == 1


@pytest.mark.parametrize("how", ["folder", "glob"])
def test_a_folder_too_deep_to_list_is_reported_in_a_walk_and_in_a_glob(tmp_path, monkeypatch, how):
    """A tree deeper than PATH_MAX (or a dead mount) fails with another error than
    permission: the ** glob skipped such a folder without a word and exited 0."""
    import errno

    root = tmp_path / "in"
    (root / "deep").mkdir(parents=True)
    shutil.copy(SMALL, root / "ok.txt")
    shutil.copy(OTHER, root / "deep" / "far.txt")
    real = os.scandir

    def scandir(path="."):
        if Path(path).name == "deep":
            raise OSError(errno.ENAMETOOLONG, "File name too long", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    target = root if how == "folder" else f"{root}/**/*.txt"
    result = run("summarize", target, "-r", "-f", "jsonl")
    assert result.exit_code == 1
    assert "deep: cannot list this folder (File name too long)" in result.stderr
    assert len(result.stdout.splitlines()) == 1


def test_files_from_a_list_on_stdin_and_nul_separated(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b b.txt"
    shutil.copy(SMALL, a)
    shutil.copy(OTHER, b)
    listed = tmp_path / "list.txt"
    listed.write_text(f"{a}\n{b}\n", encoding="utf-8")
    by_file = run("summarize", "--files-from", listed, "-f", "jsonl", "-q")
    by_stdin = run("summarize", "--files-from", "-", "-f", "jsonl", "-q", input=listed.read_bytes())
    by_nul = run("summarize", "--files-from", "-", "-0", "-f", "jsonl", "-q", input=f"{a}\0{b}\0".encode())
    for result in (by_file, by_stdin, by_nul):
        assert result.exit_code == 0
        assert [Path(json.loads(line)["path"]).name for line in result.stdout.splitlines()] == ["a.txt", "b b.txt"]
    assert run("summarize", "--files-from", "-", "-", input=b"x").exit_code == 2
    assert run("summarize").exit_code == 2


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_chinese_utf16_without_bom_is_read(tmp_path, codec):
    text = ("卫生健康工作简报\n2024年第3期\n\n"
            "国家卫生健康委员会召开新闻发布会，介绍基层医疗卫生服务能力提升情况。各地推进紧密型县域医共体建设。\n") * 3
    path = tmp_path / "bulletin.txt"
    path.write_bytes(text.encode(codec))
    result = run("summarize", path, "-f", "jsonl", "--no-cache")
    assert result.exit_code == 0
    out = json.loads(result.stdout)
    assert out["encoding"] == "UTF-16 without BOM"
    assert "紧密型县域医共体" in json.dumps(out, ensure_ascii=False)


def test_a_file_name_in_gbk_bytes_is_digested_and_shown_escaped(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsdecode("简报".encode("gbk") + b".txt")
    shutil.copy(SMALL, folder / name)
    done = subprocess.run([sys.executable, "-m", "healthdigest", "summarize", str(folder), "-f", "jsonl", "-v", "--no-cache"],
                          cwd=ROOT, capture_output=True, timeout=120)
    assert done.returncode == 0 and b"Traceback" not in done.stderr
    path = json.loads(done.stdout)["path"]
    assert path.endswith("\\xbc\\xf2\\xb1\\xa8.txt")
    assert b"\\xbc\\xf2\\xb1\\xa8.txt: " in done.stderr  # the -v line names it the same way


def test_a_newline_in_a_file_name_keeps_messages_on_one_line(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bad\nname.txt").write_bytes(b"")
    result = run("summarize", folder, "-f", "jsonl")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and "bad\\nname.txt: the file is empty" in lines[0]


def test_empty_and_over_long_names_are_reported(tmp_path):
    result = run("summarize", "", "a/" * 3000, SMALL, "-f", "jsonl")
    assert result.exit_code == 1
    assert "an empty name is no file" in result.stderr and "File name too long" in result.stderr
    assert len(result.stdout.splitlines()) == 1


@pytest.mark.parametrize(("codec", "bom", "label"), [
    ("utf-32-le", b"\xff\xfe\x00\x00", "UTF-32 with BOM"),  # its BOM begins as UTF-16's
    ("utf-32-be", b"\x00\x00\xfe\xff", "UTF-32 with BOM"),
    ("utf-32-le", b"", "UTF-32 without BOM"),
    ("utf-32-be", b"", "UTF-32 without BOM"),
])
def test_utf32_with_and_without_bom_is_read(tmp_path, codec, bom, label):
    from healthdigest.reading import decode_bytes

    text = SMALL.read_text(encoding="utf-8")
    decoded = decode_bytes(bom + text.encode(codec), name="u32.txt")
    assert decoded.encoding == label
    assert decoded.text.lstrip("\ufeff") == text  # not read as UTF-16 with a NUL in every character


def test_a_long_run_without_a_break_reaches_jieba_in_pieces(monkeypatch):
    """jieba's time grows with the square of a run it keeps as one block (100,000 of one Han
    character took 47 s, a 15 MB line of letters hours): such runs are cut for it, and every
    character still comes back."""
    from healthdigest import words

    seen = []
    tokenizer = words.tokenizer()

    class Spy:
        def lcut(self, text):
            seen.append(len(text))
            return tokenizer.lcut(text)

    for text in ("测" * 9000, "卫生健康委员会，" + "a" * 7000 + "。"):
        seen.clear()
        assert "".join(words.cut(text, tokenizer=Spy())) == text
        assert max(seen) <= words.LONG_RUN
    seen.clear()
    text = "x" * 1999 + "，" + "y" * 1999  # no run as long: handed over whole
    assert "".join(words.cut(text, tokenizer=Spy())) == text and seen == [len(text)]


def test_a_cut_short_doc_is_refused_not_served_in_part():
    """A .doc cut in half opened (olefile tolerates short streams) and gave 160 of its 3,541
    characters, status 0 and no warning."""
    from olemaker import make_doc

    from healthdigest.errors import InputError
    from healthdigest.reading import decode_bytes

    text = "\r".join(line for line in SMALL.read_text(encoding="utf-8").splitlines() if line.strip())
    whole = make_doc([(text, False)])
    assert "国家卫生健康委" in decode_bytes(whole, name="a.doc").text
    with pytest.raises(InputError, match="cannot be read"):
        decode_bytes(whole[: len(whole) // 2], name="a.doc")


@pytest.mark.parametrize("paragraphs", [300, 3000])
def test_a_web_page_whose_tags_never_close_is_read_whole(paragraphs):
    """Each paragraph opens a <font> it never closes (old site generators): libxml2 stopped at
    256 levels and dropped the rest of the page silently (906 of 2,290 characters)."""
    from healthdigest.reading import decode_bytes

    page = "<html><body>" + "".join(f"<p><font size=3>第{i}段文字。" for i in range(paragraphs)) + "</body></html>"
    decoded = decode_bytes(page.encode(), name="page.html")
    assert all(f"第{i}段文字。" in decoded.text for i in range(paragraphs))
    deeper = [w for w in decoded.warnings if "nests its markup over 2048 levels" in w]
    assert len(deeper) == (paragraphs > 2048)


def test_a_web_page_nested_deeper_than_any_reading_is_refused_with_a_reason():
    from healthdigest.errors import InputError
    from healthdigest.reading import decode_bytes

    page = "<html><body>" + "<div>" * 5000 + "<p>深处的文字</p>" + "</div>" * 5000 + "</body></html>"
    with pytest.raises(InputError, match="nested over 2048 levels deep"):
        decode_bytes(page.encode(), name="deep.html")


def test_standard_input_ends_at_the_first_end_of_input():
    """At a terminal, Ctrl-D after the text ended one read; a second read waited for a second
    Ctrl-D. A buffered stream's short read is its end."""
    import io

    from healthdigest.reading import read_limited

    class Terminal(io.RawIOBase):
        def __init__(self):
            self.reads = [b"\xe9\x80\x9a\xe7\x9f\xa5\n", b""]  # a line, then Ctrl-D

        def readable(self):
            return True

        def readinto(self, buffer):
            assert self.reads, "read again after the end of input (waiting for a second Ctrl-D)"
            data = self.reads.pop(0)
            buffer[: len(data)] = data
            return len(data)

    assert read_limited(io.BufferedReader(Terminal()), name="<stdin>") == "通知\n".encode()


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_standard_input_at_a_terminal_says_what_it_waits_for_and_ends_at_ctrl_d():
    import time

    master, slave = os.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "healthdigest", "summarize", "-", "-f", "jsonl", "--no-cache"],
                            cwd=ROOT, stdin=slave, stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    try:
        time.sleep(0.5)
        os.write(master, SMALL.read_text(encoding="utf-8")[:300].encode() + b"\n")
        os.write(master, b"\x04")  # one Ctrl-D
        out, _ = proc.communicate(timeout=60)
        said = b""
        with contextlib.suppress(OSError):
            said = os.read(master, 65536)
    finally:
        proc.kill()
        os.close(master)
    assert proc.returncode == 0 and json.loads(out)["path"] == "<stdin>"
    assert b"reading a bulletin from the terminal; end it with Ctrl-D" in said


def test_standard_input_named_twice_is_a_usage_error():
    result = run("summarize", "-", "-", input="通知\n")
    assert result.exit_code == 2 and "standard input can be read only once" in result.stderr


def test_a_long_word_file_looks_each_style_up_once(monkeypatch):
    """python-docx looks the style up again at every paragraph.style, scanning all styles for
    the default (5,000 paragraphs took 18 s, 20,000 took 93 s): once per style now."""
    import io

    import docx
    from docx.parts.document import DocumentPart

    from healthdigest.reading import decode_bytes

    document = docx.Document()
    for i in range(300):
        document.add_paragraph(f"第{i}段：国家卫生健康委发布通知。", style="Heading 1" if i % 50 == 0 else None)
    buffer = io.BytesIO()
    document.save(buffer)
    calls = []
    real = DocumentPart.get_style
    monkeypatch.setattr(DocumentPart, "get_style", lambda self, *a: calls.append(a) or real(self, *a))
    decoded = decode_bytes(buffer.getvalue(), name="long.docx")
    assert all(f"第{i}段" in decoded.text for i in range(300))
    assert len(calls) <= 10, f"{len(calls)} style look-ups for 2 styles"


@pytest.mark.parametrize("command", ["summarize", "dask-run"])
def test_a_files_from_list_is_bounded_for_dask_run_too(tmp_path, monkeypatch, command):
    """dask-run read its --files-from list whole: /dev/zero filled the memory until the
    kernel killed the run. It now reads the list as summarize does, up to a limit."""
    from healthdigest import cli

    monkeypatch.setattr(cli, "_MAX_LIST_MB", 1, raising=False)
    listed = tmp_path / "list.txt"
    listed.write_bytes(b"x" * (2 << 20))
    extra = ["-o", str(tmp_path / "out")] if command == "dask-run" else []
    result = run(command, "--files-from", listed, *extra)
    assert result.exit_code == 2
    assert "more than 1 MB; not a list of file names" in result.stderr and len(result.stderr.splitlines()) == 1

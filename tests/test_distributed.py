"""The Dask run: the same digests as `summarize --jobs 1 --format jsonl`, failures in the manifest.

Runs on a LocalCluster of two worker processes on small inputs (about ten seconds).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from conftest import DATA, ROOT, SEEDS

import healthdigest as hd

distributed = pytest.importorskip("distributed")

BAD = ("empty.txt", "png-renamed.txt", "nul-bytes.txt")


@pytest.fixture(scope="module")
def cluster():
    import logging

    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=logging.ERROR
    ) as local:
        yield local


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """Two seeds, our own bulletins and some bad files, in a folder of their own."""
    folder = tmp_path_factory.mktemp("archive")
    for path in [*sorted(SEEDS.glob("*.txt"))[:2], *sorted((DATA / "bulletins").glob("*.txt"))[:4]]:
        shutil.copy(path, folder / path.name)
    for name in BAD:
        shutil.copy(DATA / "bad" / name, folder / f"zz-{name}")
    return folder


def _summarize(folder, *options) -> tuple[str, list[str]]:
    """`summarize --jobs 1 -f jsonl` stdout, and its error lines."""
    done = CliRunner().invoke(hd_cli(), ["summarize", str(folder), "-f", "jsonl", "-j", "1", "--no-cache", "-q", *options])
    errors = [line.removeprefix("healthdigest: ") for line in done.stderr.splitlines()]
    return done.stdout, errors


def hd_cli():
    from healthdigest.cli import app

    return app


def test_partitions_are_byte_identical_to_summarize_and_failures_are_in_the_manifest(cluster, archive, tmp_path):
    # Settings of the user's own (a word), which must reach the workers; the default settings
    # are compared with summarize in the resume test below.
    words = ("中医药振兴发展",)
    settings = hd.Settings(words=words)
    inputs, _ = hd.find_inputs([str(archive)])
    run = hd.digest_with_dask(inputs, output=tmp_path, settings=settings, scheduler=cluster.scheduler_address, partition_size=3)
    parts = sorted(tmp_path.glob("part-*.jsonl"))
    assert len(parts) == -(-len(inputs) // 3)
    config = tmp_path.parent / "words.yaml"
    config.write_text(f"keywords:\n  words: {list(words)}\n", encoding="utf-8")
    expected, errors = _summarize(archive, "--config", str(config))
    assert "".join(p.read_text(encoding="utf-8") for p in parts) == expected
    assert expected != _summarize(archive)[0]  # the user's word changed the digests
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["inputs"] == len(inputs) and manifest["digested"] == len(inputs) - len(BAD) == run.digested
    assert [f["path"] for f in manifest["failures"]] == [str(archive / f"zz-{n}") for n in sorted(BAD)]
    assert [f["error"] for f in manifest["failures"]] == errors
    assert sum(p["inputs"] for p in manifest["partitions"]) == len(inputs)
    assert manifest["warned"] == sum(bool(json.loads(line)["warnings"]) for line in expected.splitlines())


def test_a_folder_holding_a_previous_run_is_refused_and_kept(cluster, tmp_path):
    (tmp_path / "part-00000.jsonl").write_text("old\n", encoding="utf-8")
    with pytest.raises(hd.OutputError, match="previous run"):
        hd.digest_with_dask([SEEDS / "000_6b9dbb8f10a053fd.txt"], output=tmp_path, scheduler=cluster.scheduler_address)
    assert (tmp_path / "part-00000.jsonl").read_text(encoding="utf-8") == "old\n"


def test_workers_running_other_code_stop_the_run(cluster, tmp_path, monkeypatch):
    from healthdigest import cache

    monkeypatch.setattr(cache, "code_fingerprint", lambda: "another version")  # the client's view only
    with pytest.raises(hd.HealthdigestError, match="other healthdigest code"):
        hd.digest_with_dask([SEEDS / "000_6b9dbb8f10a053fd.txt"], output=tmp_path, scheduler=cluster.scheduler_address)
    assert not (tmp_path / "manifest.json").exists()


class _Stop(Exception):
    pass


def test_an_interrupted_run_resumes_with_the_partitions_it_had_not_written(cluster, tmp_path):
    inputs, _ = hd.find_inputs([str(SEEDS)])
    options = {"settings": hd.Settings(), "scheduler": cluster.scheduler_address, "partition_size": 1}

    def stop(entry):
        raise _Stop

    with pytest.raises(_Stop):
        hd.digest_with_dask(inputs, output=tmp_path, on_partition=stop, **options)
    logged = (tmp_path / "progress.jsonl").read_text(encoding="utf-8").splitlines()[1:]
    assert len(logged) == 1
    with pytest.raises(hd.OutputError, match="interrupted run; add --resume"):
        hd.digest_with_dask(inputs, output=tmp_path, **options)
    with pytest.raises(hd.OutputError, match="other inputs"):
        hd.digest_with_dask(inputs[:-1], output=tmp_path, resume=True, **{**options})
    written = []
    run = hd.digest_with_dask(inputs, output=tmp_path, resume=True, on_partition=written.append, **options)
    assert len(written) == len(inputs) - 1 and run.digested == len(inputs)
    assert not (tmp_path / "progress.jsonl").exists()
    expected, _ = _summarize(SEEDS)
    assert "".join(p.read_text(encoding="utf-8") for p in sorted(tmp_path.glob("part-*.jsonl"))) == expected
    with pytest.raises(hd.OutputError, match="complete"):
        hd.digest_with_dask(inputs, output=tmp_path, resume=True, **options)


def test_the_command_reads_a_list_of_files_on_a_local_cluster_and_exits_1_naming_failures(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(DATA / "bulletins" / "web_several_articles.txt", folder / "a.txt")
    shutil.copy(DATA / "bad" / "empty.txt", folder / "b.txt")
    out = tmp_path / "out"
    listing = tmp_path / "list.txt"
    listing.write_text(f"{folder / 'a.txt'}\n\n{folder / 'b.txt'}\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "healthdigest", "dask-run", "--files-from", str(listing), "-o", str(out), "--workers", "2", "-q"],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )
    assert done.returncode == 1, done.stderr
    assert done.stderr.splitlines() == [f"healthdigest: {folder / 'b.txt'}: the file is empty; nothing to digest"]
    assert json.loads((out / "part-00000.jsonl").read_text(encoding="utf-8"))["path"] == str(folder / "a.txt")


def test_without_the_extra_the_command_says_how_to_install_it(tmp_path):
    code = (
        "import sys; sys.modules['distributed'] = None\n"
        "sys.argv = ['healthdigest', 'dask-run', sys.argv[1], '-o', sys.argv[2]]\n"
        "from healthdigest.cli import main; main()\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(SEEDS), str(tmp_path / "out")], capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stderr.strip() == "healthdigest: the Dask run needs the dask extra; install it with: pip install 'healthdigest[dask]'"

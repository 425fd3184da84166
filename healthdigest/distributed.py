"""Archives larger than one machine: digest a list of files on a Dask cluster.

`healthdigest dask-run PATH... -o DIR` (or `digest_with_dask` in Python) cuts the input list
into partitions of consecutive files, digests each partition as one Dask task and has the
worker write it as `DIR/part-NNNNN.jsonl`; `DIR/manifest.json` lists the partitions and every
input that failed, with its message. The partitions, concatenated in name order, are
byte-for-byte the output of `healthdigest summarize --jobs 1 --format jsonl` on the same
inputs and settings (without the failed files, which that command names on stderr).
`DIR/progress.jsonl` records each partition as it is written, so that `--resume` finishes an
interrupted run; it is removed once the manifest is written.

The workers read the inputs and write the partitions themselves, so on a cluster of several
machines the inputs and DIR must be on storage every worker sees at the same absolute path
(the client sends paths, not file contents: a million bulletins must not pass through one
machine's network link twice). Without a scheduler address a LocalCluster runs on this machine.

Dask is an optional extra (`pip install 'healthdigest[dask]'`), imported only here.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from healthdigest.config import Settings
from healthdigest.errors import ExitStatus, HealthdigestError, OutputError

PARTITION_FILES = 100  # inputs per task: ~8 s of a core, long enough to hide the scheduling cost
MANIFEST = "manifest.json"
PROGRESS = "progress.jsonl"  # the run's plan, then a line per partition written; gone once the manifest is
_PART = "part-{:05d}.jsonl"


class DaskUnavailable(HealthdigestError):
    """The dask extra is not installed, or the scheduler cannot be reached."""

    status = ExitStatus.USAGE


@dataclass
class DaskRun:
    """What a Dask run did: counts, the partition files written, and each failure."""

    inputs: int = 0
    digested: int = 0
    articles: int = 0
    warned: int = 0  # digests with warnings (in their `warnings` field)
    partitions: list[dict] = field(default_factory=list)
    failures: list[dict] = field(default_factory=list)  # {"path": …, "error": …}
    problems: list[str] = field(default_factory=list)  # arguments that named no file
    seconds: float = 0.0


def _dask():
    try:
        import distributed
    except ImportError:
        raise DaskUnavailable(
            "the Dask run needs the dask extra; install it with: pip install 'healthdigest[dask]'"
        ) from None
    return distributed


def digest_partition(number: int, items: list[tuple[str, str]], settings: Settings, folder: str) -> dict:
    """Run on a worker: digest (name, absolute path) pairs into one partition file.

    `name` is the path as the user gave it: it is the digest's `path`, as in `summarize`.
    A file that cannot be digested is reported, never raised, so one bad file (or one bug
    met by one odd file) does not cost the partition's other digests.
    """
    from healthdigest.api import digest_bytes
    from healthdigest.batch import write_atomic
    from healthdigest.cache import code_fingerprint
    from healthdigest.output import render_piece
    from healthdigest.reading import read_bytes

    lines, failures, articles, warned = [], [], 0, 0
    for name, path in items:
        try:
            data = read_bytes(Path(path), max_bytes=settings.max_file_mb * 1024 * 1024)
            bulletin = digest_bytes(data, name=name, settings=settings)
        except HealthdigestError as exc:
            failures.append({"path": name, "error": str(exc).replace(path, name, 1)})
            continue
        except Exception as exc:  # noqa: BLE001 - reported in the manifest, see above
            failures.append({"path": name, "error": f"{name}: internal error ({type(exc).__name__}: {exc}); please report it"})
            continue
        lines.append(render_piece(bulletin, "jsonl", first=not lines))
        articles += len(bulletin.articles)
        warned += bool(bulletin.warnings)
    target = Path(folder) / _PART.format(number)
    try:
        write_atomic(target, "".join(lines))
    except OSError as exc:
        raise OutputError(f"{target}: cannot write ({exc.strerror}); the output folder must be writable by every worker") from None
    return {
        "file": target.name,
        "inputs": len(items),
        "digested": len(lines),
        "articles": articles,
        "warned": warned,
        "failures": failures,
        "code": code_fingerprint(),
    }


def partitions(inputs: list[Path | str], size: int) -> Iterator[list[tuple[str, str]]]:
    """Consecutive runs of `size` inputs as (name as given, absolute path) pairs."""
    pairs = [(str(item), os.path.abspath(item)) for item in inputs]
    for start in range(0, len(pairs), size):
        yield pairs[start : start + size]


def _check_folder(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: exists and is not a folder; the Dask run writes a folder of partitions")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{folder}: cannot create ({exc.strerror}); choose a writable path") from None
    if (folder / PROGRESS).exists():
        raise OutputError(f"{folder}: holds an interrupted run; add --resume to finish it, or choose an empty folder")
    stale = sorted(p.name for p in folder.glob("part-*.jsonl")) + ([MANIFEST] if (folder / MANIFEST).exists() else [])
    if stale:
        # Old partitions beside new ones would be read as one archive: refuse, delete nothing.
        raise OutputError(f"{folder}: holds a previous run ({stale[0]}…); choose an empty folder or remove them")


def _plan(chunks: list[list[tuple[str, str]]], settings: Settings) -> dict:
    """What makes the partitions what they are: a run resumes only under the same plan."""
    from healthdigest.cache import code_fingerprint

    names = hashlib.sha256()
    for chunk in chunks:
        for name, _ in chunk:
            names.update(name.encode("utf-8", "surrogatepass") + b"\0")
    sizes = [len(chunk) for chunk in chunks]
    return {"inputs": names.hexdigest(), "partitions": sizes, "settings": repr(settings), "code": code_fingerprint()}


def _start(folder: Path, plan: dict, *, resume: bool) -> dict[int, dict]:
    """Prepare the folder; return the partitions an interrupted run already wrote."""
    progress = folder / PROGRESS
    if not resume:
        _check_folder(folder)
        with progress.open("w", encoding="utf-8") as log:
            log.write(json.dumps({"plan": plan}) + "\n")
        return {}
    if (folder / MANIFEST).exists():
        raise OutputError(f"{folder}: this run is complete ({MANIFEST} is there); nothing to resume")
    try:
        lines = progress.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise OutputError(f"{folder}: no interrupted run to resume here ({PROGRESS} is missing)") from None
    if not lines or json.loads(lines[0]) != {"plan": plan}:
        raise OutputError(f"{folder}: the interrupted run had other inputs, partition size, settings or code; "
                          "run again into an empty folder")
    done = {}
    for line in lines[1:]:
        try:
            entry = json.loads(line)
        except ValueError:
            break  # the line being written when the run stopped: that partition is digested again
        done[entry.pop("number")] = entry
    return done


def _client(scheduler: str | None, workers: int | None):
    distributed = _dask()
    if scheduler:
        try:
            return distributed.Client(scheduler, timeout="20s")
        except (OSError, TimeoutError, ValueError, TypeError) as exc:  # ValueError: no address at all
            raise DaskUnavailable(f"cannot reach the Dask scheduler at {scheduler} ({exc})") from None
    # One thread a worker: digesting is pure Python, so threads would only share one core.
    cluster = distributed.LocalCluster(
        n_workers=workers or os.cpu_count() or 1,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",  # a free port: 8787 may be taken by another cluster
        silence_logs=logging.ERROR,
    )
    client = distributed.Client(cluster)
    client._healthdigest_cluster = cluster  # closed with the client, below
    return client


def digest_with_dask(
    inputs: list[Path | str],
    *,
    output: Path,
    settings: Settings,
    scheduler: str | None = None,
    workers: int | None = None,
    partition_size: int = PARTITION_FILES,
    problems: list[str] = (),
    on_partition=None,
    resume: bool = False,
) -> DaskRun:
    """Digest files on Dask into JSON Lines partitions and a manifest in `output`.

    `scheduler` is a Dask scheduler address (tcp://host:8786); without it a LocalCluster of
    `workers` processes (default: one per core) runs here. `problems` are messages about
    arguments that named no file, recorded in the manifest too.
    `on_partition(entry)` is called as each partition completes (for progress). `resume`
    finishes a run that stopped part-way (same inputs, settings and code), digesting only
    the partitions it had not written.
    """
    _dask()  # before anything is written: without the extra, say so and leave no trace
    started = time.perf_counter()
    output = Path(output)
    run = DaskRun(inputs=len(inputs), problems=list(problems))
    chunks = list(partitions(inputs, max(1, partition_size)))
    done = _start(output, _plan(chunks, settings), resume=resume)
    todo = [n for n in range(len(chunks)) if n not in done]
    if todo:
        _run_partitions(todo, chunks, output, settings, done, scheduler=scheduler, workers=workers, on_partition=on_partition)
    for n in range(len(chunks)):
        entry = done[n]
        run.digested += entry["digested"]
        run.articles += entry["articles"]
        run.warned += entry["warned"]
        run.failures.extend(entry.pop("failures"))
        run.partitions.append(entry)
    run.seconds = time.perf_counter() - started
    _write_manifest(output, run, settings)
    (output / PROGRESS).unlink(missing_ok=True)
    return run


def _run_partitions(todo, chunks, output: Path, settings: Settings, done: dict, *, scheduler, workers, on_partition) -> None:
    """Digest the partitions numbered in `todo` on Dask, recording each in the progress log."""
    from healthdigest.cache import code_fingerprint

    client = _client(scheduler, workers)
    try:
        distributed = _dask()
        futures = client.map(
            digest_partition, todo, [chunks[n] for n in todo],
            settings=settings, folder=str(output.resolve()), pure=False,
        )
        number = dict(zip((future.key for future in futures), todo, strict=True))
        with (output / PROGRESS).open("a", encoding="utf-8") as log:
            for future in distributed.as_completed(futures):
                entry = future.result()
                if entry.pop("code") != code_fingerprint():
                    raise HealthdigestError(
                        "the Dask workers run other healthdigest code than this client; install the same "
                        "version everywhere so that the digests are the ones `summarize` makes"
                    )
                n = number[future.key]
                done[n] = entry
                log.write(json.dumps({"number": n, **entry}, ensure_ascii=False) + "\n")
                log.flush()  # a run stopped now resumes after this partition
                if on_partition:
                    on_partition(entry)
    finally:
        cluster = getattr(client, "_healthdigest_cluster", None)
        client.close()
        if cluster is not None:
            cluster.close()


def _write_manifest(folder: Path, run: DaskRun, settings: Settings) -> None:
    from healthdigest import __version__
    from healthdigest.batch import write_atomic

    manifest = {
        "generator": f"healthdigest {__version__}",
        "inputs": run.inputs,
        "digested": run.digested,
        "failed": len(run.failures),
        "articles": run.articles,
        "warned": run.warned,
        "settings": repr(settings),
        "partitions": run.partitions,
        "failures": run.failures,
        "problems": run.problems,
    }
    write_atomic(folder / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")

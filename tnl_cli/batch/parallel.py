"""Large CSV files checked by forked processes, chunk by chunk, results written in file order.

The main process cuts the file into chunks of whole records (`batch.chunks`) and hands them
out in turn to the workers, which read their bytes, check and assess the rows as a single
process would (the same `batch.check_rows`, the same line numbers), and send back the rows
formatted as the output's text; the main process writes them in file order. Workers are forked
(Linux only), so they start with the catalog and the code already loaded; they are plain
processes talking through two pipes each: no thread, no semaphore, nothing to hang on when one
dies or the user presses Ctrl-C. Anything else, or a system that cannot fork, runs in one
process with the same results (tests/test_batch_parallel.py compares them).
"""

from __future__ import annotations

import contextlib
import csv
import gc
import io
import os
import pickle
import sys
from typing import Any, BinaryIO

from tnl_cli.batch.cells import cell_value
from tnl_cli.batch.chunks import Chunk, chunks, codec, data_start
from tnl_cli.batch.columns import Layout
from tnl_cli.batch.rows import SAMPLE, Checker, Progress, Summary, check_rows, directory
from tnl_cli.core.catalog import Catalog
from tnl_cli.errors import TnlError
from tnl_cli.io.table_read import Source
from tnl_cli.io.table_write import Formatter, Writer
from tnl_cli.numbers import read_int

MIN_SIZE = 2 << 20  # bytes: below this, starting processes costs more than they save
MAX_WORKERS = 4
_AHEAD = 2  # chunks handed out per worker: enough to keep them busy, memory stays flat
_PR_SET_PDEATHSIG = 1  # linux/prctl.h
_WORKER: dict[str, Any] = {}  # what a worker (or the main process, alone) checks chunks with


def worker_count(source: Source, writer: Writer | None, dossiers: Any) -> int:
    """How many processes to check `source` with (1: the main process alone)."""
    if source.path is None or source.size < MIN_SIZE or dossiers is not None:
        return 1
    if sys.platform != "linux" or codec(source.encoding) is None:
        return 1
    if writer is not None and writer.formatter() is None:
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, _cpu_quota(), MAX_WORKERS))


def _cpu_quota(root: str = "/sys/fs/cgroup") -> int:
    """The CPUs a container's quota allows: cgroup v2 `cpu.max` ('quota period' or 'max'), or
    v1 `cpu.cfs_quota_us` (-1: none) and `cpu.cfs_period_us`."""
    for files in (("cpu.max",), ("cpu/cpu.cfs_quota_us", "cpu/cpu.cfs_period_us")):
        try:
            words: list[str] = []
            for name in files:
                with open(f"{root}/{name}", encoding="ascii") as handle:
                    words += handle.read().split()[:2]
            quota, period = words[:2]
            if quota in ("max", "-1"):
                return MAX_WORKERS
            return read_int(quota) // read_int(period)
        except (OSError, ValueError, ZeroDivisionError):
            continue
    return MAX_WORKERS


def run_parallel(source: Source, catalog: Catalog, layout: Layout, lang: str, file: str,
                 summary: Summary, writer: Writer | None, progress: Progress | None,
                 count: int) -> None:
    """Check the rows after the header with `count` processes, adding up their summaries into
    `summary` and writing their rows in file order."""
    assert source.path is not None and source.encoding is not None
    text_codec = codec(source.encoding) or "utf-8"
    make = writer.formatter if writer is not None else lambda: None
    # Made before the fork, shared by the workers (the index reads nothing until used).
    prepare = (Checker(catalog, layout, lang, directory(layout)), make, str(source.path),
               text_codec, source.delimiter or ";", file)
    for _, c in layout.criteria:  # the software catalog, loaded once for every worker
        if c.type == "inventory":
            cell_value(c, "LibreOffice")
    with open(source.path, "rb") as raw:
        start = data_start(raw, source.line_num)
        jobs = chunks(raw, start, source.size, text_codec, source.delimiter or ";",
                      source.line_num + 1, file)
        workers = _Workers.start(count, prepare, file)
        try:
            _hand_out(jobs, workers, prepare, summary, writer, progress, raw, source.size)
        except BaseException:
            if workers is not None:
                workers.kill()
            raise
        finally:
            if _WORKER.get("fd") is not None:  # the main process worked alone
                os.close(_WORKER["fd"])
            _WORKER.clear()
            if workers is not None:
                workers.close()


def _hand_out(jobs: Any, workers: _Workers | None, prepare: tuple[Any, ...], summary: Summary,
              writer: Writer | None, progress: Progress | None, raw: BinaryIO,
              size: int) -> None:
    """Each chunk to the next worker in turn, each result taken back in file order."""
    sent = received = 0
    for job in jobs:
        if workers is None:
            if not _WORKER:
                _prepare(*prepare)
            done = _assess(job)
        else:
            workers.send(sent, job)
            sent += 1
            if sent - received < workers.count * _AHEAD:
                continue
            done = workers.receive(received)
            received += 1
        _add(done, summary, writer, progress, raw.tell() / size if size else 1.0)
    while workers is not None and received < sent:
        _add(workers.receive(received), summary, writer, progress, 1.0)
        received += 1


def _add(done: tuple[str, Any], summary: Summary, writer: Writer | None,
         progress: Progress | None, fraction: float) -> None:
    """One chunk's results, in file order."""
    kind, value = done
    if kind == "stop":
        raise TnlError(*value)
    if kind == "decode":
        raise UnicodeDecodeError(*value)
    if kind == "crash":
        raise value
    part, text = value
    summary.rows += part.rows
    summary.verdicts.update(part.verdicts)
    summary.levels.update(part.levels)
    summary.mentions.update(part.mentions)
    summary.errors += part.errors[:max(0, SAMPLE - len(summary.errors))]
    summary.warnings += part.warnings[:max(0, SAMPLE - len(summary.warnings))]
    summary.warned += part.warned
    summary.hint_row_skipped = summary.hint_row_skipped or part.hint_row_skipped
    if writer is not None and text:
        writer.write_formatted(text)
    if progress is not None:
        progress(fraction, summary.rows)


def _prepare(checker: Checker, make: Any, path: str, text_codec: str, delimiter: str,
             file: str) -> None:
    _WORKER.update(checker=checker, formatter=make(), path=path, codec=text_codec,
                   delimiter=delimiter, file=file, fd=None)


def _assess(job: Chunk) -> tuple[str, Any]:
    """Read, check, assess and format the rows of one chunk: ('done', (summary, text)), or
    why the run stops: ('stop', problems), ('decode', UnicodeDecodeError arguments)."""
    if _WORKER["fd"] is None:
        _WORKER["fd"] = os.open(_WORKER["path"], os.O_RDONLY)
    data = os.pread(_WORKER["fd"], job.length, job.offset)
    try:
        text = data.decode(_WORKER["codec"])
    except UnicodeDecodeError as exc:
        return "decode", (exc.encoding, exc.object[:0], exc.start, exc.end, exc.reason)
    formatter: Formatter | None = _WORKER["formatter"]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_WORKER["delimiter"])
    summary = Summary()
    try:
        check_rows(_WORKER["checker"], reader, reader, summary,
                   formatter.write if formatter is not None else None, _WORKER["file"],
                   offset=job.first_line - 1, check_hint=job.number == 0)
    except TnlError as exc:
        return "stop", exc.problems
    return "done", (summary, formatter.take() if formatter is not None else "")


class _Workers:
    """Forked processes, each reading chunks from one pipe and writing results to another."""

    def __init__(self, file: str) -> None:
        self.file = file  # for messages
        self.pids: list[int] = []
        self.jobs: list[BinaryIO] = []
        self.results: list[BinaryIO] = []

    @property
    def count(self) -> int:
        return len(self.pids)

    @classmethod
    def start(cls, count: int, prepare: tuple[Any, ...], file: str) -> _Workers | None:
        """`count` workers, or None when the system cannot fork (the main process works
        alone then)."""
        workers = cls(file)
        parent = os.getpid()
        gc.freeze()  # the collector in a worker leaves the inherited objects, and their pages, alone
        for _ in range(count):
            try:
                job_read, job_write = os.pipe()
                result_read, result_write = os.pipe()
                pid = os.fork()
            except (OSError, AttributeError):  # AttributeError: no fork (Windows)
                gc.unfreeze()
                workers.kill()
                workers.close()
                return None
            if pid == 0:  # pragma: no cover - the worker: coverage cannot follow a fork
                code = 1
                try:
                    os.close(job_write)
                    os.close(result_read)
                    for pipe in (*workers.jobs, *workers.results):  # the others' ends
                        pipe.close()
                    _serve(parent, prepare, job_read, result_write)
                    code = 0
                finally:
                    os._exit(code)
            os.close(job_read)
            os.close(result_write)
            workers.pids.append(pid)
            workers.jobs.append(open(job_write, "wb"))  # noqa: SIM115 - closed by close()
            workers.results.append(open(result_read, "rb"))  # noqa: SIM115
        gc.unfreeze()
        return workers

    def send(self, number: int, job: Chunk) -> None:
        try:
            pickle.dump(job, self.jobs[number % self.count])
            self.jobs[number % self.count].flush()
        except BrokenPipeError as exc:
            raise TnlError.of("batch.worker_died", file=self.file) from exc

    def receive(self, number: int) -> tuple[str, Any]:
        try:
            done: tuple[str, Any] = pickle.load(self.results[number % self.count])
        except (EOFError, pickle.UnpicklingError) as exc:  # the worker died (out of memory?)
            raise TnlError.of("batch.worker_died", file=self.file) from exc
        return done

    def kill(self) -> None:
        import signal

        for pid in self.pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)

    def close(self) -> None:
        """Close the pipes (a worker ends when its chunks end) and wait for the workers."""
        for pipe in (*self.jobs, *self.results):
            with contextlib.suppress(OSError):  # a worker gone without reading what was sent
                pipe.close()
        for pid in self.pids:
            os.waitpid(pid, 0)
        self.pids.clear()



def _serve(parent: int, prepare: tuple[Any, ...], job_fd: int,
           result_fd: int) -> None:  # pragma: no cover - runs in the forked worker
    """A worker: Ctrl-C is for the main process, which stops the workers; a worker ends with
    the main process, however that ends; then chunks in, results out, until the pipe closes."""
    import ctypes
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):  # the main process's way of stopping is not a worker's
        signal.signal(getattr(signal, name), signal.SIG_DFL)
    with contextlib.suppress(OSError, AttributeError):  # every Linux libc has prctl
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the main process ended before prctl
        return
    _prepare(*prepare)
    with open(job_fd, "rb") as jobs, open(result_fd, "wb") as results:
        while True:
            try:
                job = pickle.load(jobs)
            except EOFError:
                return
            try:
                done = _assess(job)
            except Exception as exc:  # noqa: BLE001 - a bug: the main process raises it
                done = ("crash", exc)
            try:
                pickle.dump(done, results, pickle.HIGHEST_PROTOCOL)
            except Exception as exc:  # noqa: BLE001 - an exception that cannot be pickled
                pickle.dump(("crash", RuntimeError(repr(exc))), results)
            results.flush()

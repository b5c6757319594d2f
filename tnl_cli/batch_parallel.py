"""Large CSV files checked by several processes: chunks of whole records, results in file order.

The main process reads the text, cuts it into chunks that end where a record ends, and writes
what the workers return in file order; each worker parses, checks and assesses its chunks as a
single process would (the same `batch.check_rows`, the same line numbers) and formats its result
rows as the output's text. Only large CSV files on Linux take this path: workers are forked,
so they start with the catalog and the code already loaded; anything else, or a system that
cannot start processes, runs in one process with the same results
(tests/test_batch_parallel.py compares them).
"""

from __future__ import annotations

import csv
import io
import os
import re
import sys
from collections import deque
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from tnl_cli.batch import SAMPLE, Checker, Progress, Summary, check_rows, directory
from tnl_cli.batch_cells import cell_value
from tnl_cli.batch_columns import Layout
from tnl_cli.catalog import Catalog
from tnl_cli.errors import Problem, TnlError
from tnl_cli.tabular import Formatter, Source, Writer

if TYPE_CHECKING:
    from concurrent.futures import Future

MIN_SIZE = 2 << 20  # bytes: below this, starting processes costs more than they save
CHUNK = 1 << 18  # characters read at a time (about 750 rows)
MAX_WORKERS = 4
_AHEAD = 2  # chunks queued per worker: enough to keep them busy, memory stays flat
# What a worker gives back for a chunk: its summary and text, or the problems that stop the run.
Done = tuple[Summary, str] | tuple[None, tuple[Problem, ...]]
_WORKER: dict[str, Any] = {}  # each worker's Checker and formatter
_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def worker_count(source: Source, writer: Writer | None, dossiers: Any) -> int:
    """How many processes to check `source` with (1: the main process alone)."""
    if source.text is None or source.size < MIN_SIZE or dossiers is not None:
        return 1
    if sys.platform != "linux" or (writer is not None and writer.formatter() is None):
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
            return int(int(quota) / int(period))
        except (OSError, ValueError, ZeroDivisionError):
            continue
    return MAX_WORKERS


def run_parallel(source: Source, catalog: Catalog, layout: Layout, lang: str, file: str,
                 summary: Summary, writer: Writer | None, progress: Progress | None,
                 workers: int) -> None:
    """Check the rows after the header with `workers` processes, adding up their summaries
    into `summary` and writing their rows in file order."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    make = (writer.formatter if writer is not None else lambda: None)
    # Made before the fork, shared by the workers (the index reads nothing until used).
    prepare = (Checker(catalog, layout, lang, directory(layout)), make, source.delimiter, file)
    for _, c in layout.criteria:  # the software catalog, loaded once for every worker
        if c.type == "inventory":
            cell_value(c, "LibreOffice")
    jobs = enumerate(chunks(source.text, source.delimiter or ";", source.line_num + 1, file))
    try:
        pool: Any = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                        initializer=_start, initargs=(os.getpid(), *prepare))
    except (OSError, ImportError, NotImplementedError):  # no semaphores (some containers)
        pool = None
    pending: deque[Future[Done]] = deque()
    try:
        for job in jobs:
            if pool is not None:
                try:
                    pending.append(pool.submit(_assess, job))
                except (OSError, BrokenProcessPool):  # processes could not start: fork failed
                    if pending:
                        raise
                    pool.shutdown(wait=True, cancel_futures=True)
                    pool = None
            if pool is None:
                if not _WORKER:
                    _prepare(*prepare)
                _add(_assess(job), summary, writer, progress, source)
            while len(pending) >= workers * _AHEAD:
                _add(pending.popleft().result(), summary, writer, progress, source)
        while pending:
            _add(pending.popleft().result(), summary, writer, progress, source)
    except BrokenProcessPool as exc:  # a worker was killed (out of memory?)
        raise TnlError.of("batch.worker_died", file=file) from exc
    finally:
        _WORKER.clear()
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _add(done: Done, summary: Summary, writer: Writer | None, progress: Progress | None,
         source: Source) -> None:
    """One chunk's results, in file order."""
    part, text = done
    if part is None:
        raise TnlError(*text)
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
        progress(source.fraction(), summary.rows)


def _start(parent: int, *prepare: Any) -> None:
    """A worker's start: Ctrl-C is for the main process, which stops the workers; and a
    worker ends with the main process, however that ends (killed, it cannot stop them)."""
    import contextlib
    import ctypes
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with contextlib.suppress(OSError, AttributeError):  # every Linux libc has prctl
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the main process ended before prctl
        os._exit(1)
    _prepare(*prepare)


def _prepare(checker: Checker, make: Any, delimiter: str | None, file: str) -> None:
    _WORKER.update(checker=checker, formatter=make(), delimiter=delimiter or ";", file=file)


def _assess(job: tuple[int, tuple[int, str]]) -> Done:
    """Check, assess and format the rows of one chunk (in a worker)."""
    number, (first_line, text) = job
    formatter: Formatter | None = _WORKER["formatter"]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_WORKER["delimiter"])
    summary = Summary()
    try:
        check_rows(_WORKER["checker"], reader, reader, summary,
              formatter.write if formatter is not None else None, _WORKER["file"],
              offset=first_line - 1, check_hint=number == 0)
    except TnlError as exc:
        return None, exc.problems
    return summary, formatter.take() if formatter is not None else ""


# -- cutting the text into whole records ---------------------------------------------------

def chunks(stream: Any, delimiter: str, first_line: int, file: str,
           size: int | None = None) -> Iterator[tuple[int, str]]:
    """(first line, text) of the chunks that make up the rest of `stream`, each made of whole
    records. The first one holds a row with something in it (the template's hint line, if
    any, is the first row: one worker must see it first); blank lines before it are dropped."""
    content = re.compile(f'[^\\s"{re.escape(delimiter)}]')
    line, pending, first, size = first_line, "", True, size or CHUNK
    while True:
        block = stream.read(size)
        text = pending + block
        if not block:
            if text:
                yield line, text
            return
        cut = _whole_records(text, delimiter, line, file)
        if first and not content.search(text, 0, cut):
            if text.find('"', 0, cut) < 0:  # blank lines only: nothing to check there
                line += _line_count(text[:cut])
                text = text[cut:]
            pending = text
            continue
        if cut:
            first = False
            yield line, text[:cut]
            line += _line_count(text[:cut])
        pending = text[cut:]


def _line_count(text: str) -> int:
    """Lines as the csv reader counts them (a text stream read with newline='')."""
    return text.count("\n") + text.count("\r") - text.count("\r\n")


def _whole_records(text: str, delimiter: str, first_line: int, file: str) -> int:
    """The length of the longest start of `text` made of whole records."""
    end = max(text.rfind("\n"), text.rfind("\r", 0, len(text) - 1)) + 1
    if end == 0 or text.find('"', 0, end) < 0:
        return end  # no quote: every line is a record
    offsets = [0]

    def lines() -> Iterator[str]:
        for part in io.StringIO(text[:end], newline=""):
            offsets.append(offsets[-1] + len(part))
            yield part
        yield "\n"  # a blank line: a record of its own, or part of a quoted field left open

    reader = csv.reader(lines(), delimiter=delimiter)
    whole = 0
    try:
        for _ in reader:
            if reader.line_num >= len(offsets):  # the record took the blank line in
                break
            whole = reader.line_num
    except csv.Error as exc:  # a quote left open runs into the field size limit
        raise TnlError.of("batch.csv_error", file=file, line=first_line + whole,
                          reason=str(exc)) from exc
    return offsets[whole]

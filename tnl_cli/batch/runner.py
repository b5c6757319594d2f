"""The batch run: reads the header, then checks the rows in this process or in workers.

Rows are checked and assessed by `rows.check_rows`; large CSV files are cut into chunks handed
to worker processes (`parallel`), whose output is identical to a single process's.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from tnl_cli.batch.columns import read_layout, suggestions
from tnl_cli.batch.parallel import run_parallel, worker_count
from tnl_cli.batch.rows import Checker, DossierSink, Progress, Summary, check_rows, directory
from tnl_cli.core.catalog import Catalog
from tnl_cli.errors import TnlError
from tnl_cli.i18n import tr
from tnl_cli.io.table_read import Source
from tnl_cli.io.table_write import Writer

try:
    from _csv import Error as _CsvError
except ImportError:  # pragma: no cover - every CPython has _csv
    from csv import Error as _CsvError


def run(source: Source, catalog: Catalog, lang: str, file: str, *, writer: Writer | None = None,
        progress: Progress | None = None, dossiers: DossierSink | None = None,
        started: float | None = None, warn: Callable[[str], None] | None = None) -> Summary:
    """Check and assess every row of `source`, writing one result row per input row.

    `warn` hears about unknown columns once, as soon as the header is read."""
    summary = Summary()
    start = time.perf_counter() if started is None else started
    rows = source.rows
    try:
        header = next((r for r in rows if any(cell.strip() for cell in r)), None)
    except UnicodeDecodeError as exc:
        raise _decode_error(file, source) from exc
    except _CsvError as exc:
        raise TnlError.of("batch.csv_error", file=file, line=source.line_num,
                          reason=str(exc)) from exc
    if header is None:
        raise TnlError.of("batch.no_header", file=file)
    layout = read_layout(header, catalog, file, source.line_num, source.first_column)
    summary.unknown_columns = suggestions(layout.unknown, catalog)
    if summary.unknown_columns and warn is not None:
        warn(tr(lang, "batch.unknown_columns", columns=", ".join(summary.unknown_columns)))
    workers = worker_count(source, writer, dossiers)
    try:
        if workers > 1:
            run_parallel(source, catalog, layout, lang, file, summary, writer, progress, workers)
        else:
            checker = Checker(catalog, layout, lang, directory(layout))
            write = writer.write if writer is not None else None
            check_rows(checker, source.rows, source.line_state, summary, write, file, progress=progress,
                  fraction=source.fraction, dossiers=dossiers)
    except UnicodeDecodeError as exc:
        raise _decode_error(file, source) from exc
    if summary.rows == 0:
        raise TnlError.of("batch.no_rows", file=file)
    summary.seconds = time.perf_counter() - start
    return summary


def _decode_error(file: str, source: Source) -> TnlError:
    """The decoder reads ahead of the rows: the file is scanned again for the exact line."""
    return TnlError.of("batch.decode_error", file=file, line=source.bad_line(),
                       encoding=(source.encoding or "?").upper())



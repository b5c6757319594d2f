"""The CSV exports of data.gouv.fr's catalogue, read as a stream.

The exports are `;`-separated, quoted UTF-8 files of hundreds of megabytes: they are read row
by row through the csv module over a text stream, never held whole, and only the columns asked
for are kept. Whatever is wrong with a file (not the expected export, broken quoting, a file
cut short, bytes that are not UTF-8) becomes a TnlError naming the file and the line.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from tnl_cli.errors import TnlError

# The columns each reader needs, by export; the exports have many more (udata's CSV adapters).
ORGANISATIONS = "organisations"
DATASETS = "jeux"
RESOURCES = "ressources"
ODF = "opendatafrance"
# A column only one kind of file has: tells the user which file they gave instead.
_SIGNATURES = (("business_number_id", ORGANISATIONS), ("resources_count", DATASETS),
               ("schema_name", RESOURCES), ("nb-ptf", ODF))
FIELD_LIMIT = 8 * 1024 * 1024  # characters in one cell: a description, never a whole file
LINE_LIMIT = 16 * 1024 * 1024  # characters in one line of the file
PROGRESS_EVERY = 4096  # rows between two progress reports
Progress = Callable[[int], None]  # bytes read so far

_CSV_REASONS = (
    ("unexpected end of data", "opendata.truncated_quote"),
    ("expected after", "opendata.bad_quote"),
    ("field larger than field limit", "opendata.field_too_large"),
    ("line contains nul", "opendata.nul_byte"),
    ("new-line character seen in unquoted field", "opendata.bad_quote"),
)


def _reason_key(exc: csv.Error) -> str:
    text = str(exc).lower()
    return next((key for pattern, key in _CSV_REASONS if pattern in text), "opendata.csv_error")


class Table:
    """One export opened for reading: its header checked, its rows streamed.

    `columns` the reader needs (missing ones are named in the error), `optional` ones it uses
    when present (their index is None otherwise)."""

    def __init__(self, path: Path, kind: str, columns: Sequence[str],
                 optional: Sequence[str] = (), delimiters: str = ";") -> None:
        self.path, self.kind, self.file = path, kind, str(path)
        try:
            self._raw = open(path, "rb")  # noqa: SIM115 - closed by close()
        except OSError as exc:
            raise TnlError.of("opendata.cannot_read", file=self.file,
                              reason=exc.strerror or str(exc), errno=exc.errno) from exc
        try:
            self.size = max(1, path.stat().st_size)
            self._text = io.TextIOWrapper(self._raw, encoding="utf-8-sig", errors="strict",
                                          newline="")
            first = self._first_line(delimiters)
            delimiter = max(delimiters, key=first.count)
            self._reader = csv.reader(self._lines(), delimiter=delimiter, quotechar='"',
                                      strict=True)
            self.header = [name.strip() for name in self._header(first, delimiter)]
            self.width = len(self.header)
            where = {name: j for j, name in reversed(list(enumerate(self.header)))}
            missing = [name for name in columns if name not in where]
            if missing:
                raise self._not_the_export(missing)
            self.index = {name: where[name] for name in columns}
            self.optional = {name: where.get(name) for name in optional}
        except BaseException:
            self._raw.close()
            raise

    def _lines(self) -> Iterator[str]:
        """The file's lines, none longer than LINE_LIMIT characters: a file with no line breaks
        (not an export) is never read whole into memory."""
        readline = self._text.readline
        while True:
            line = readline(LINE_LIMIT)
            if not line:
                return
            if len(line) == LINE_LIMIT and not line.endswith(("\n", "\r")):
                raise TnlError.of("opendata.line_too_long", file=self.file,
                                  line=self._reader.line_num + 2, limit=LINE_LIMIT // 2**20)
            yield line

    def _first_line(self, delimiters: str) -> str:
        try:
            line = self._text.readline(LINE_LIMIT)
        except UnicodeDecodeError as exc:
            raise TnlError.of("opendata.not_utf8", file=self.file,
                              line=bad_line(self.path)) from exc
        if len(line) == LINE_LIMIT and not line.endswith(("\n", "\r")):
            raise TnlError.of("opendata.line_too_long", file=self.file, line=1,
                              limit=LINE_LIMIT // 2**20)
        if not line.strip():
            raise TnlError.of("opendata.empty", file=self.file,
                              kind_key=f"opendata.kind_{self.kind}")
        return line

    def _header(self, first: str, delimiter: str) -> list[str]:
        try:
            return next(csv.reader([first], delimiter=delimiter, strict=True))
        except csv.Error as exc:
            if delimiter != "," and "," in first:
                raise TnlError.of("opendata.not_semicolon", file=self.file, line=1,
                                  kind_key=f"opendata.kind_{self.kind}") from exc
            raise TnlError.of(_reason_key(exc), file=self.file, line=1) from exc

    def _not_the_export(self, missing: list[str]) -> TnlError:
        names = set(self.header)
        other = next((kind for column, kind in _SIGNATURES if column in names), None)
        if other is not None and other != self.kind:
            return TnlError.of("opendata.other_export", file=self.file, line=1,
                               kind_key=f"opendata.kind_{self.kind}",
                               other_key=f"opendata.kind_{other}",
                               columns=", ".join(missing))
        if len(self.header) == 1 and ("," in self.header[0] or "\t" in self.header[0]):
            return TnlError.of("opendata.not_semicolon", file=self.file, line=1,
                               kind_key=f"opendata.kind_{self.kind}")
        return TnlError.of("opendata.missing_columns", file=self.file, line=1,
                           kind_key=f"opendata.kind_{self.kind}", columns=", ".join(missing))

    def rows(self, progress: Progress | None = None) -> Iterator[list[str]]:
        """Every data row, as a list as long as the header (blank lines skipped)."""
        reader, width = self._reader, self.width
        previous = csv.field_size_limit(FIELD_LIMIT)
        count = 0
        try:
            for row in reader:
                if len(row) != width:
                    if not row or (len(row) == 1 and not row[0].strip()):
                        continue
                    raise self._bad_width(len(row), reader.line_num + 1)
                yield row
                count += 1
                if progress is not None and not count % PROGRESS_EVERY:
                    progress(self._raw.tell())
        except csv.Error as exc:
            raise TnlError.of(_reason_key(exc), file=self.file, line=reader.line_num + 1,
                              reason=str(exc)) from exc
        except UnicodeDecodeError as exc:
            raise TnlError.of("opendata.not_utf8", file=self.file,
                              line=bad_line(self.path)) from exc
        finally:
            csv.field_size_limit(previous)
        if progress is not None:
            progress(self.size)

    def _bad_width(self, found: int, line: int) -> TnlError:
        if found < self.width and self._at_end():
            return TnlError.of("opendata.truncated", file=self.file, line=line,
                               found=found, expected=self.width)
        return TnlError.of("opendata.bad_row", file=self.file, line=line, found=found,
                           expected=self.width)

    def _at_end(self) -> bool:
        try:
            return not any(line.strip() for line in self._text)
        except UnicodeDecodeError:
            return False

    def close(self) -> None:
        self._raw.close()

    def __enter__(self) -> Table:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def bad_line(path: Path) -> int | None:
    """The first line of `path` that is not UTF-8 (the decoder reads ahead of the rows: the
    file is read again, line by line, only when it has failed)."""
    try:
        with open(path, "rb") as raw:
            for number, line in enumerate(raw, start=1):
                try:
                    line.decode("utf-8")
                except UnicodeDecodeError:
                    return number
    except OSError:
        return None
    return None


_EXPORT_DATE = re.compile(r"(20\d\d)-?([01]\d)-?([0-3]\d)")


def export_date(path: Path) -> str | None:
    """The date of an export, as YYYY-MM-DD: the one data.gouv.fr's file name carries
    (export-dataset-20261128-061522.csv), else the day the file was last written (downloaded),
    else None."""
    import datetime as dt

    found = _EXPORT_DATE.search(path.name)
    if found is not None:
        try:
            return dt.date(*map(int, found.groups())).isoformat()
        except ValueError:
            pass
    try:
        return dt.date.fromtimestamp(path.stat().st_mtime).isoformat()
    except (OSError, ValueError, OverflowError):
        return None

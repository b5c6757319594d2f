"""Spreadsheets read (.ods, .xlsx, .xls) as rows of strings, like the CSV of `table_read`.

A workbook is checked before python-calamine loads it whole (`check_expansion`: cells and XML
bounded); its cells become the text a person would have typed (1001.0 -> "1001").
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tnl_cli.errors import TnlError
from tnl_cli.io.table_read import Source, file_error
from tnl_cli.numbers import MAX_DIGITS, plain_int


def _cell_text(value: Any) -> str:
    """A spreadsheet cell as the text a person typed: 1001.0 -> '1001', True -> 'true'."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return "" if value is None else str(value)


class _SheetRows:
    """Rows of a calamine sheet as lists of text, counting sheet rows from 1."""

    def __init__(self, rows: Iterator[list[Any]]) -> None:
        self._rows = rows
        self.line_num = 0

    def __iter__(self) -> _SheetRows:
        return self

    def __next__(self) -> list[str]:
        row = next(self._rows)
        self.line_num += 1
        return [_cell_text(v) for v in row]


# What a spreadsheet may expand to. A workbook is zipped XML that python-calamine loads whole,
# as a dense grid from its first to its last filled cell: a 2.7 MB .xlsx of 40,000 x 200 cells
# took 1 GB and 10 s, and two cells far apart (or an .ods row repeated 5,000 times) make
# millions of empty ones. 35,000 communes x 70 columns is 2.5 million cells and about 100 MB of
# XML: the caps leave twice that room. Beyond them: CSV, which is streamed.
MAX_CELLS = 5_000_000
MAX_XML_BYTES = 512 << 20  # 35,000 x 70 inline cells are 130 MB (.xlsx) to 210 MB (.ods)
_ROW_NUMBER = re.compile(rb'\sr="(\d+)"')
_SHARED_STRING_CELL = re.compile(rb't="s"[^>]*><v>(\d+)</v>')
_ODS_ROW_END = b"</table:table-row>"
_ODS_CELLS = (b"<table:table-cell", b"<table:covered-table-cell")
_ODS_REPEATED = re.compile(rb'number-columns-repeated="(\d+)"')
_ODS_ROWS_REPEATED = re.compile(rb'number-rows-repeated="(\d+)"')


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        if not 65 <= letter <= 90:
            break
        number = number * 26 + letter - 64
    return number


def _count(digits: bytes) -> int:
    """A row number, repeat or index from a sheet's XML: past `numbers.MAX_DIGITS` digits, a
    count too big for any sheet (refused below as too many cells), not int()'s failure at 4,300."""
    value = plain_int(digits.decode("ascii"))
    return 10**MAX_DIGITS if value is None else value


def _end_of_filled_cells(data: bytes, start: int, end: int) -> int:
    """Where the cells of an .ods row end once the empty ones that close it are left out
    (`<table:table-cell .../>`, often repeated to the sheet's last column): calamine ignores
    those."""
    while data.endswith(b"/>", start, end):
        tag = data.rfind(b"<", start, end)
        if tag < 0 or not data.startswith(_ODS_CELLS, tag):
            break
        end = tag
    return end


class _Grid:
    """The grid calamine would build (first to last filled row and column), measured from the
    XML as it streams past, one row at a time."""

    def __init__(self) -> None:
        self.rows = self.width = self.row_tags = 0
        self.carry = b""
        self.shared: Counter[bytes] = Counter()  # .xlsx: how often each shared string is used

    def cells(self) -> int:
        return self.rows * self.width

    def _complete(self, chunk: bytes, end_tag: bytes, final: bool) -> tuple[bytes, int]:
        """The buffered text and where its last complete row ends (the rest waits)."""
        data = self.carry + chunk
        end = len(data) if final else data.rfind(end_tag) + len(end_tag)
        if end < len(end_tag):
            self.carry = data
            return data, 0
        self.carry = data[end:]
        return data, end

    def xlsx(self, chunk: bytes, final: bool, shared: bool) -> None:
        data, end = self._complete(chunk, b"</row>", final)
        if shared:
            self.shared.update(_SHARED_STRING_CELL.findall(data, 0, end))
        start = data.find(b"<row", 0, end)
        while 0 <= start < end:
            close = data.find(b"</row>", start, end)
            if close < 0:
                break
            tag_end = data.find(b">", start, close)
            number = _ROW_NUMBER.search(data, start, tag_end)
            self.row_tags += 1
            self.rows = max(self.rows, _count(number[1]) if number else self.row_tags)
            last = data.rfind(b'<c r="', start, close)  # cells come in order: the last is widest
            width = (_column_number(data[last + 6:last + 10]) if last >= 0 else
                     data.count(b"<c", start, close))  # no references: one after the other
            self.width = max(self.width, width)
            start = data.find(b"<row", close, end)

    def strings(self, chunk: bytes, final: bool, lengths: list[int]) -> None:
        data, end = self._complete(chunk, b"</si>", final)
        start = data.find(b"<si", 0, end)
        while 0 <= start < end:
            close = data.find(b"</si>", start, end)
            if close < 0:
                break
            lengths.append(close - start)
            start = data.find(b"<si", close, end)

    def ods(self, chunk: bytes, final: bool) -> None:
        data, end = self._complete(chunk, _ODS_ROW_END, final)
        start = data.find(b"<table:table-row", 0, end)
        while 0 <= start < end:
            close = data.find(_ODS_ROW_END, start, end)
            if close < 0:
                break
            tag_end = data.find(b">", start, close) + 1
            repeated = _ODS_ROWS_REPEATED.search(data, start, tag_end)
            times = _count(repeated[1]) if repeated else 1
            first = self.row_tags
            self.row_tags += times
            if data.find(b"value-type", tag_end, close) >= 0 or \
                    data.find(b"<text:p", tag_end, close) >= 0:
                last = _end_of_filled_cells(data, tag_end, close)
                width = sum(data.count(tag, tag_end, last) for tag in _ODS_CELLS)
                width += sum(_count(n) - 1 for n in _ODS_REPEATED.findall(data, tag_end, last))
                self.width = max(self.width, width)
                self.rows = first + times
            # else an empty row: it only counts if a filled one comes after it
            start = data.find(b"<table:table-row", close, end)


def check_expansion(path: Path, display: str) -> None:
    """Refuse a workbook whose XML, once unzipped, or whose grid of cells is larger than the
    caps, reading the XML as a stream (its real size: zipfile checks each part's CRC)."""
    import zipfile
    import zlib

    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a zip (.xls): calamine reads it and says what is wrong
    total = 0
    too_big = TnlError.of("batch.sheet_too_big", file=display, megabytes=MAX_XML_BYTES >> 20)
    shared: list[int] = []  # .xlsx: the length of each shared string, which cells copy
    with archive:
        parts = sorted(archive.infolist(), key=lambda i: i.filename != "xl/sharedStrings.xml")
        for info in parts:
            grid = _Grid()  # each sheet is a part (.xlsx); all of them are content.xml (.ods)
            name = info.filename
            kind = ("xlsx" if name.startswith("xl/worksheets/") and name.endswith(".xml") else
                    "ods" if name == "content.xml" else
                    "strings" if name == "xl/sharedStrings.xml" else None)
            try:
                with archive.open(info) as part:
                    while chunk := part.read(1 << 20):
                        total += len(chunk)
                        if total > MAX_XML_BYTES:
                            raise too_big
                        if kind == "strings":
                            grid.strings(chunk, False, shared)
                        elif kind == "xlsx":
                            grid.xlsx(chunk, False, bool(shared))
                        elif kind == "ods":
                            grid.ods(chunk, False)
                        if grid.cells() > MAX_CELLS:
                            break  # said below, without reading the rest
                    if kind == "strings":
                        grid.strings(b"", True, shared)
                    elif kind == "xlsx":
                        grid.xlsx(b"", True, bool(shared))
                    elif kind == "ods":
                        grid.ods(b"", True)
            except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError,
                    NotImplementedError, RuntimeError, zlib.error) as exc:  # damaged, encrypted, bad CRC
                raise TnlError.of("batch.sheet_unreadable", file=display,
                                  reason=str(exc)[:200]) from exc
            if grid.cells() > MAX_CELLS:
                raise TnlError.of("batch.sheet_too_many_cells", file=display,
                                  cells=grid.cells(), limit=MAX_CELLS)
            copied = sum(shared[_count(i)] * n for i, n in grid.shared.items() if _count(i) < len(shared))
            if total + copied > MAX_XML_BYTES:  # one long string in every cell is as big
                raise too_big


def open_spreadsheet(path: Path, sheet: str | None) -> Source:
    """Open the first sheet (or `sheet`) of an .ods/.xlsx/.xls file with python-calamine.

    calamine loads the sheet in memory (the formats are zipped XML): CSV is the streaming
    format for very large files."""
    import python_calamine as pc

    display = str(path)
    if not path.exists():
        raise TnlError.of("io.missing", file=display)
    if path.is_dir():
        raise TnlError.of("io.is_dir", file=display)
    check_expansion(path, display)
    try:
        workbook = pc.CalamineWorkbook.from_path(str(path))
        names = list(workbook.sheet_names)
        if not names:
            raise TnlError.of("batch.no_sheet", file=display)
        name = names[0] if sheet is None else _find_sheet(sheet, names, display)
        table = workbook.get_sheet_by_name(name)
        height = max(1, table.total_height)
        rows = _SheetRows(iter(table.iter_rows()))
        start = table.start
    except TnlError:
        raise
    except OSError as exc:
        raise file_error(path, exc) from exc
    except Exception as exc:  # noqa: BLE001 - calamine's errors: corrupt or protected file
        kind = "batch.sheet_protected" if type(exc).__name__ == "PasswordError" else \
            "batch.sheet_unreadable"
        raise TnlError.of(kind, file=display, reason=str(exc).splitlines()[0][:200]) from exc
    return Source(rows=rows, line_state=rows, fraction=lambda: min(1.0, rows.line_num / height),
                  sheet=name, first_column=start[1] if start else 0,
                  closers=[workbook.close])


def _find_sheet(wanted: str, names: list[str], display: str) -> str:
    from tnl_cli.textnorm import fold

    if wanted in names:
        return wanted
    for name in names:
        if fold(name) == fold(wanted):
            return name
    raise TnlError.of("batch.no_such_sheet", file=display, sheet=wanted,
                      sheets=", ".join(names))


def column_letter(index: int) -> str:
    """0 -> 'A', 27 -> 'AB': how a spreadsheet names a column."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters

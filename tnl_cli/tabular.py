"""Tables in and out: CSV as spreadsheets really write it, .ods and .xlsx; streamed both ways.

Reading yields rows of strings whatever the format, so one code path checks them all: CSV
cells are strings already; spreadsheet cells (floats, booleans, dates) are turned into the text
a person would have typed (1001.0 -> "1001"), and codes are repaired later from the column's
meaning. Writing goes to a temporary file renamed at the end, so the target is either the old
file or the complete new one.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime as dt
import errno
import io
import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, Protocol

from tnl_cli.errors import TnlError

SPREADSHEET_READ = (".ods", ".xlsx", ".xlsm", ".xls", ".xlsb")
OUTPUT_FORMATS = (".csv", ".json", ".jsonl", ".ods", ".xlsx")
DELIMITERS = (";", ",", "\t")
_HEAD = 1 << 16  # bytes read to detect the encoding and the delimiter
_INJECTION = ("=", "+", "-", "@", "\t", "\r")
# A text cell to neutralise, found in texts joined (and preceded) by NUL to be searched at once.
_FORMULA = re.compile("\x00[-+=@\t\r]")
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_XML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})
XLSX_MAX_ROWS = 1_048_576
_CELL_MAX = 32_767  # the longest text a spreadsheet cell holds
# Column widths in spreadsheets, in characters, by kind of column: names and messages get room.
_WIDTH = {"text": 28, "list": 40, "keys": 40, "code": 12, "key": 14, "number": 9}


# -- reading ---------------------------------------------------------------------------------

@dataclass
class Source:
    """An open input table: iterate `rows` (lists of str); `line_num` is the file line (or
    sheet row) where the last row read ends; `fraction()` tells how far reading has got."""

    rows: Iterator[list[str]]
    line_state: Any
    fraction: Callable[[], float]
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    first_column: int = 0  # offset of the first column (a sheet may start at column C)
    closers: list[Callable[[], None]] = field(default_factory=list)
    bad_line: Callable[[], int | None] = lambda: None  # the first line that fails to decode
    path: Path | None = None  # a CSV file's path
    size: int = 0  # a CSV file's size in bytes

    @property
    def line_num(self) -> int:
        return int(self.line_state.line_num)

    def close(self) -> None:
        for close in self.closers:
            close()


def is_spreadsheet(path: Path) -> bool:
    return path.suffix.lower() in SPREADSHEET_READ


def detect_encoding(head: bytes, complete: bool) -> str | None:
    """UTF-8 (with or without BOM) first, then what charset-normalizer finds among UTF-8 and
    Windows-1252 only (generic detectors misread French files as cp1250 or mac_latin2).
    `complete`: `head` is the whole file (no character can be cut at its end)."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"  # Excel's "Unicode text": the BOM says it, no guessing
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=complete)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(head, cp_isolation=["utf_8", "cp1252"]).best()
    return None if best is None else codecs.lookup(best.encoding).name


def _sample(handle: Any, size: int) -> tuple[bytes, bool, int]:
    """The bytes that decide the encoding: the file's start, or, when that is plain ASCII,
    the first stretch that is not (a Windows-1252 file may have its first accent far down).
    Also: whether the sample ends the file, and how many lines come before it."""
    head = handle.read(_HEAD)
    if len(head) >= size or not head.isascii():
        return head, len(head) >= size, 0
    lines = head.count(b"\n")
    while True:
        chunk = handle.read(_HEAD)
        if not chunk:
            return head, True, 0
        if not chunk.isascii():
            start = next(i for i, b in enumerate(chunk) if b > 0x7F)
            start = chunk.rfind(b"\n", 0, start) + 1  # from the start of its line
            more = handle.read(_HEAD)
            return chunk[start:] + more, not more, lines + chunk.count(b"\n", 0, start)
        lines += chunk.count(b"\n")


def _mixed(sample: bytes, complete: bool) -> int | None:
    """The line (within `sample`) where a file that is UTF-8 so far stops being UTF-8: French
    text in Windows-1252 almost never holds valid UTF-8 accents, so both means a mixed file."""
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=complete)
        return None
    except UnicodeDecodeError as exc:
        before = sample[: exc.start]
        return None if before.isascii() else before.count(b"\n") + 1


def _file_error(path: Path, exc: OSError) -> TnlError:
    if isinstance(exc, FileNotFoundError):
        return TnlError.of("io.missing", file=str(path))
    if isinstance(exc, IsADirectoryError):
        return TnlError.of("io.is_dir", file=str(path))
    return TnlError.of("io.unreadable", file=str(path), reason=exc.strerror or str(exc))


def open_csv(path: Path, encoding: str | None, delimiter: str | None,
             score: Callable[[Sequence[str]], int]) -> Source:
    """Open a CSV file, detecting its encoding and delimiter unless forced.

    `score(cells)` counts how many header cells are known columns: the delimiter that makes the
    header most meaningful wins (ties: the one that splits it into more cells)."""
    display = str(path)
    try:
        raw = io.FileIO(path, "r")
    except OSError as exc:
        raise _file_error(path, exc) from exc
    try:
        size = os.fstat(raw.fileno()).st_size
        if size == 0:
            raise TnlError.of("batch.empty", file=display)
        sample, complete, lines_before = _sample(raw, size)
        raw.seek(0)
        head = raw.read(_HEAD)
        raw.seek(0)
    except OSError as exc:
        raw.close()
        raise _file_error(path, exc) from exc
    except TnlError:
        raw.close()
        raise
    if head.startswith(b"PK\x03\x04"):
        raw.close()
        raise TnlError.of("batch.zip_named_csv", file=display)
    if encoding is None:
        utf16 = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
        mixed = None if utf16 else _mixed(sample, complete)
        if mixed is not None:
            raw.close()
            raise TnlError.of("batch.decode_error", file=display, line=lines_before + mixed,
                              encoding="UTF-8")
        encoding = None if b"\x00" in head and not utf16 else detect_encoding(sample, complete)
        if encoding is None:
            raw.close()
            raise TnlError.of("batch.encoding_unknown", file=display)
    else:
        try:
            encoding = codecs.lookup(encoding).name
        except LookupError as exc:
            raw.close()
            raise TnlError.of("batch.bad_encoding_option", value=encoding) from exc
        if encoding == "utf-8" and head.startswith(codecs.BOM_UTF8):
            encoding = "utf-8-sig"
    text = codecs.getincrementaldecoder(encoding)(errors="replace").decode(
        head, final=len(head) >= size)
    lines = [line.strip().lstrip("\ufeff") for line in text.splitlines()]
    first = lines[0] if lines else ""
    declared = first[4:] if first.lower().startswith("sep=") and len(first) == 5 else None
    if delimiter is None:
        header = next((line for line in lines if line), "")
        delimiter = declared or max(DELIMITERS, key=lambda d: (
            score(next(csv.reader([header], delimiter=d), [])), header.count(d)))
    buffered = io.BufferedReader(raw, 1 << 16)
    stream = io.TextIOWrapper(buffered, encoding=encoding, newline="")
    reader = csv.reader(stream, delimiter=delimiter)
    if declared is not None:  # Excel's "sep=;" first line names the separator
        next(reader, None)

    def fraction() -> float:
        return raw.tell() / size if size else 1.0

    def bad_line() -> int | None:
        return first_undecodable_line(path, encoding or "utf-8")

    return Source(rows=reader, line_state=reader, fraction=fraction, encoding=encoding,
                  delimiter=delimiter, closers=[stream.close], bad_line=bad_line, path=path,
                  size=size)


def first_undecodable_line(path: Path, encoding: str) -> int | None:
    """The line of the first byte `encoding` cannot decode (the text stream reads ahead of
    the rows, so the row count cannot tell)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    lines = 1
    with path.open("rb") as handle:
        while chunk := handle.read(_HEAD):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                return lines + chunk.count(b"\n", 0, max(0, exc.start))
            lines += chunk.count(b"\n")
    return None


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
        raise _file_error(path, exc) from exc
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


# -- writing ---------------------------------------------------------------------------------

class Column(NamedTuple):
    """An output column. `kind`: text (neutralised), code (text kept as text in spreadsheets),
    key (a value of ours, such as a verdict), number (int, float; None or "" when empty; a
    str is written as text), list (texts joined with ' | ' except in JSON, neutralised) or keys
    (a list of our own ids)."""

    name: str
    kind: str = "text"


class Formatter(Protocol):
    """Rows turned into the text of an output format, in memory (in a worker process)."""

    def write(self, row: list[Any]) -> None: ...

    def take(self) -> str:
        """The text of the rows written since the last take."""


class Writer(Protocol):
    def write(self, row: list[Any]) -> None:
        """Write one row (the writer may change the list it is given)."""

    def formatter(self) -> Formatter | None:
        """A formatter giving the text `write_formatted` takes, None if the format has none."""

    def write_formatted(self, text: str) -> None:
        """Write rows a formatter of this writer turned into text."""


def neutralise(text: str) -> str:
    """A text cell that a spreadsheet would run as a formula is prefixed with an apostrophe."""
    return "'" + text if text and text.startswith(_INJECTION) else text


class _CsvWriter:
    """Rows as `;`-separated lines, buffered. A row whose texts hold nothing to quote or
    neutralise (nearly all of them) is formatted by one generated f-string; any other goes
    through csv.writer after neutralising."""

    _BUFFERED = 512  # lines joined into one write

    def __init__(self, handle: Any, columns: Sequence[Column], header: bool = True) -> None:
        self._handle, self._columns = handle, columns
        self._buffer: list[str] = []
        self._out = csv.writer(_Appender(self._buffer), delimiter=";", lineterminator="\r\n")
        self._text = [j for j, c in enumerate(columns) if c.kind in ("text", "code")]
        self._lists = [j for j, c in enumerate(columns) if c.kind in ("list", "keys")]
        self._numbers = [j for j, c in enumerate(columns) if c.kind == "number"]
        if header:
            self._out.writerow([neutralise(c.name) for c in columns])
        self.write = self._generate(columns)

    def formatter(self) -> _CsvWriter:
        return _CsvWriter(io.StringIO(), self._columns, header=False)

    def write_formatted(self, text: str) -> None:
        self.flush()
        self._handle.write(text)

    def take(self) -> str:
        return _take(self)

    def _generate(self, columns: Sequence[Column]) -> Any:
        """write(row): the plain case as straight-line code, the others to `_slow`."""
        plain = [f"not row[{j}]" for j, c in enumerate(columns) if c.kind == "list"]
        plain += [f"(row[{j}].__class__ is int or row[{j}] == '' or row[{j}].__class__ is float)"
                  for j in self._numbers]
        if self._text:  # nothing to quote (four `in` tests beat one regex), nothing to neutralise
            texts = "".join(f"'\\x00', row[{j}], " for j in self._text)
            plain.append(f"""not ('"' in (texts := ''.join(({texts}))) or ';' in texts """
                         "or '\\n' in texts or '\\r' in texts or formula(texts))")
        cells = [f"{{' | '.join(row[{j}])}}" if c.kind in ("list", "keys") else f"{{row[{j}]}}"
                 for j, c in enumerate(columns)]
        source = (f"def write(row):\n    if {' and '.join(plain) or 'True'}:\n"
                  f"        append(f\"{';'.join(cells)}\\r\\n\")\n"
                  "        if len(buffer) >= LIMIT:\n            flush()\n"
                  "    else:\n        slow(row)\n")
        namespace: dict[str, Any] = {
            "formula": _FORMULA.search,
            "append": self._buffer.append, "buffer": self._buffer, "LIMIT": self._BUFFERED,
            "flush": self.flush, "slow": self._slow}
        exec(compile(source, "<csv writer>", "exec"), namespace)
        return namespace["write"]

    def _slow(self, row: list[Any]) -> None:
        for j in self._text:
            row[j] = neutralise(row[j])
        for j in self._numbers:
            value = row[j]
            if value is None:
                row[j] = ""
            elif isinstance(value, str):
                row[j] = neutralise(value)
        for j in self._lists:
            value = row[j]
            row[j] = neutralise(" | ".join(value)) if value else ""
        self._out.writerow(row)
        if len(self._buffer) >= self._BUFFERED:
            self.flush()

    def flush(self) -> None:
        self._handle.write("".join(self._buffer))
        self._buffer.clear()


def _take(writer: _CsvWriter | _JsonWriter) -> str:
    """What a writer into a StringIO wrote since the last take."""
    writer.flush()
    handle = writer._handle
    text = str(handle.getvalue())
    handle.seek(0)
    handle.truncate()
    return text


class _Appender:
    """A file-like object appending what csv.writer writes to a list."""

    def __init__(self, buffer: list[str]) -> None:
        self.write = buffer.append


class _JsonWriter:
    """JSON Lines: one object per row, lists kept as lists, numbers as numbers."""

    def __init__(self, handle: Any, columns: Sequence[Column]) -> None:
        import json

        self._handle, self._dumps, self._columns = handle, json.dumps, columns
        self._names = [c.name for c in columns]
        self._lists = [j for j, c in enumerate(columns) if c.kind in ("list", "keys")]
        self._numbers = [j for j, c in enumerate(columns) if c.kind == "number"]

    def write(self, row: list[Any]) -> None:
        for j in self._lists:
            row[j] = list(row[j])
        for j in self._numbers:
            if row[j] == "":
                row[j] = None
        record = dict(zip(self._names, row, strict=True))
        self._handle.write(self._dumps(record, ensure_ascii=False) + "\n")

    def flush(self) -> None:
        """Nothing to do: each row is written as it comes."""

    def formatter(self) -> _JsonWriter:
        return _JsonWriter(io.StringIO(), self._columns)

    def write_formatted(self, text: str) -> None:
        self._handle.write(text)

    def take(self) -> str:
        return _take(self)


class _OdsWriter:
    """A streamed OpenDocument spreadsheet: content.xml is written row by row into the zip,
    so memory stays flat (a document library would hold every cell as an XML element)."""

    _MANIFEST = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
        ' manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:version="1.2" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        '</manifest:manifest>')
    _HEAD = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
        'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
        'office:version="1.2"><office:automatic-styles>'
        '<number:text-style style:name="Ntext"><number:text-content/></number:text-style>'
        '<style:style style:name="head" style:family="table-cell">'
        '<style:text-properties fo:font-weight="bold"/></style:style>'
        '<style:style style:name="code" style:family="table-cell" '
        'style:data-style-name="Ntext"/>'
        + "".join(f'<style:style style:name="w{kind}" style:family="table-column">'
                  f'<style:table-column-properties style:column-width="{width * 0.2:.1f}cm"/>'
                  "</style:style>" for kind, width in _WIDTH.items())
        + '</office:automatic-styles><office:body><office:spreadsheet>')

    def __init__(self, handle: Any, columns: Sequence[Column], sheet: str) -> None:
        import zipfile

        self._zip = zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED)
        self._zip.writestr(zipfile.ZipInfo("mimetype"),
                           "application/vnd.oasis.opendocument.spreadsheet",
                           compress_type=zipfile.ZIP_STORED)
        self._zip.writestr("META-INF/manifest.xml", self._MANIFEST)
        self._content = self._zip.open("content.xml", "w", force_zip64=True)
        self._kinds = [c.kind for c in columns]
        parts = [self._HEAD, f'<table:table table:name="{_xml(sheet)}">']
        for c in columns:  # typed codes stay text: 01001 keeps its zero
            style = ' table:default-cell-style-name="code"' if c.kind == "code" else ""
            parts.append(f'<table:table-column table:style-name="w{c.kind}"{style}/>')
        parts.append("<table:table-header-rows><table:table-row>")
        parts += [self._text(c.name, ' table:style-name="head"') for c in columns]
        parts.append("</table:table-row></table:table-header-rows>")
        self._put("".join(parts))

    def _put(self, text: str) -> None:
        self._content.write(text.encode("utf-8"))

    @staticmethod
    def _text(value: str, style: str = "") -> str:
        if not value:
            return "<table:table-cell/>"
        body = _xml(neutralise(value)[:_CELL_MAX])
        body = body.replace("\n", "<text:line-break/>")
        return f'<table:table-cell{style} office:value-type="string"><text:p>{body}</text:p>' \
               "</table:table-cell>"

    def write(self, cells: Sequence[Any]) -> None:
        self._put(self.row_xml(self._kinds, cells))

    def formatter(self) -> _OdsRows:
        return _OdsRows(self._kinds)

    def write_formatted(self, text: str) -> None:
        self._put(text)

    @classmethod
    def row_xml(cls, kinds: Sequence[str], cells: Sequence[Any]) -> str:
        parts = ["<table:table-row>"]
        for kind, value in zip(kinds, cells, strict=True):
            if value is None or value == "":
                parts.append("<table:table-cell/>")
            elif kind == "number" and isinstance(value, (int, float)):
                parts.append(f'<table:table-cell office:value-type="float" '
                             f'office:value="{value!r}"><text:p>{value!r}</text:p>'
                             "</table:table-cell>")
            elif kind in ("list", "keys"):
                parts.append(cls._text(" | ".join(value)))
            else:
                parts.append(cls._text(str(value)))
        parts.append("</table:table-row>")
        return "".join(parts)

    def close(self) -> None:
        self._put("</table:table></office:spreadsheet></office:body></office:document-content>")
        self._content.close()
        self._zip.close()


class _OdsRows:
    """Rows as fragments of an OpenDocument table."""

    def __init__(self, kinds: Sequence[str]) -> None:
        self._kinds = kinds
        self._parts: list[str] = []

    def write(self, cells: Sequence[Any]) -> None:
        self._parts.append(_OdsWriter.row_xml(self._kinds, cells))

    def take(self) -> str:
        text = "".join(self._parts)
        self._parts.clear()
        return text


def _xml(text: str) -> str:
    """Text as XML character data or attribute value (xml.sax.saxutils would pull in
    urllib.request, 20 ms of start-up)."""
    return _XML_ILLEGAL.sub("", text).translate(_XML_ESCAPES)


class _XlsxWriter:
    """XlsxWriter in constant_memory mode: rows are flushed as they come, every cell typed
    explicitly (a text starting with '=' is never taken for a formula)."""

    def __init__(self, target: str, columns: Sequence[Column], sheet: str) -> None:
        import xlsxwriter

        self._book = xlsxwriter.Workbook(target, {
            "constant_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
            "strings_to_urls": False})
        self._sheet = self._book.add_worksheet(sheet[:31])
        self._kinds = [c.kind for c in columns]
        bold = self._book.add_format({"bold": True})
        self._code = self._book.add_format({"num_format": "@"})
        for j, c in enumerate(columns):
            self._sheet.set_column(j, j, _WIDTH[c.kind], self._code if c.kind == "code" else None)
        self._sheet.freeze_panes(1, 0)
        for j, c in enumerate(columns):
            self._sheet.write_string(0, j, c.name, bold)
        self._row = 0

    def write(self, cells: Sequence[Any]) -> None:
        self._row += 1
        if self._row >= XLSX_MAX_ROWS:
            raise TnlError.of("batch.xlsx_too_many_rows", max=XLSX_MAX_ROWS - 1)
        sheet, row = self._sheet, self._row
        for j, (kind, value) in enumerate(zip(self._kinds, cells, strict=True)):
            if value is None or value == "":
                continue
            if kind == "number" and isinstance(value, (int, float)):
                sheet.write_number(row, j, value)
            else:
                text = " | ".join(value) if kind in ("list", "keys") else str(value)
                sheet.write_string(row, j, neutralise(text)[:_CELL_MAX],
                                   self._code if kind == "code" else None)

    def formatter(self) -> None:
        """None: XlsxWriter numbers and shares strings itself, rows cannot come as text."""

    def write_formatted(self, text: str) -> None:
        raise NotImplementedError("an .xlsx file is written by rows")

    def close(self) -> None:
        self._book.close()


def check_target(path: Path, overwrite: bool) -> None:
    """Refuse early what write_atomic would refuse at the end (after all the work)."""
    display = str(path)
    if path.is_dir():
        raise TnlError.of("io.is_dir", file=display)
    if not overwrite and path.exists():
        raise TnlError.of("io.exists", file=display)
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise TnlError.of("io.no_dir", file=display, dir=str(parent))
    if path.suffix.lower() not in OUTPUT_FORMATS:
        raise TnlError.of("batch.bad_output_format", file=display,
                          allowed=", ".join(OUTPUT_FORMATS))


@contextlib.contextmanager
def open_output(path: Path, columns: Sequence[Column], *, overwrite: bool = False,
                sheet: str = "tnl") -> Iterator[Writer]:
    """Write a table by rows into a temporary file next to `path`, renamed over it when the
    block ends without error (fsio.write_atomic, streamed). The format follows the suffix:
    .csv (UTF-8 with BOM, `;`: what Excel and LibreOffice both open right), .json/.jsonl
    (JSON Lines), .ods, .xlsx."""
    check_target(path, overwrite)
    display = str(path)
    suffix = path.suffix.lower()
    parent = path.parent if str(path.parent) else Path(".")
    tmp_name = None
    try:
        import tempfile  # 1.5 ms of start-up (it imports random): only when writing

        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
        if suffix == ".xlsx":
            os.close(fd)
            xlsx = _XlsxWriter(tmp_name, columns, sheet)
            yield xlsx
            xlsx.close()
        else:
            with os.fdopen(fd, "wb") as binary:
                if suffix == ".ods":
                    ods = _OdsWriter(binary, columns, sheet)
                    yield ods
                    ods.close()
                else:
                    if suffix == ".csv":  # the BOM by hand: the utf-8-sig codec is slow to write
                        binary.write(codecs.BOM_UTF8)
                    text = io.TextIOWrapper(binary, newline="", encoding="utf-8")
                    try:
                        writer = (_CsvWriter(text, columns) if suffix == ".csv"
                                  else _JsonWriter(text, columns))
                        yield writer
                        writer.flush()
                        text.flush()
                    finally:
                        text.detach()  # the binary file is closed once, by its own block
        _finish(tmp_name, path, overwrite)
        tmp_name = None
    except OSError as exc:
        key = "io.disk_full" if exc.errno == errno.ENOSPC else "io.unwritable"
        raise TnlError.of(key, file=display, reason=exc.strerror or str(exc)) from exc
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def _finish(tmp_name: str, path: Path, overwrite: bool) -> None:
    """Give the new file the old one's permissions (or the umask's), then rename it over."""
    if path.exists():
        with contextlib.suppress(OSError):
            os.chmod(tmp_name, path.stat().st_mode & 0o777)
    else:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp_name, 0o666 & ~umask)
    with open(tmp_name, "rb") as handle:
        os.fsync(handle.fileno())
    if not overwrite and path.exists():  # appeared while we were writing
        raise TnlError.of("io.exists", file=str(path))
    os.replace(tmp_name, path)

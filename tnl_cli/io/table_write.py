"""Tables written: CSV, JSON Lines, .ods and .xlsx, streamed, atomically, formulas neutralised.

Rows go to a temporary file renamed at the end, so the target is either the old file or the
complete new one. Text cells a spreadsheet would run as formulas get an apostrophe first. A
writer can also give a formatter, which turns rows into the format's text in another process
(batch workers), for the writer to append as they come.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import os
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple, Protocol

from tnl_cli.errors import TnlError
from tnl_cli.io import files as fsio

OUTPUT_FORMATS = (".csv", ".json", ".jsonl", ".ods", ".xlsx")
XLSX_MAX_ROWS = 1_048_576
# What starts a formula: = + - @ (and tab, CR), and their look-alikes a spreadsheet may read
# the same way or a person may copy: full-width and small forms (＝1+1, ﹦1+1), super- and
# subscripts (what NFKC folds to = + - @), the minus sign U+2212.
_INJECTION = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\ufe66", "\u207c", "\u208c",
              "\uff0b", "\ufe62", "\u207a", "\u208a", "\ufb29", "\uff0d", "\ufe63", "\u2212",
              "\uff20", "\ufe6b")
# A text cell to neutralise, found in texts joined (and preceded) by NUL to be searched at once.
_FORMULA = re.compile("\x00[" + re.escape("".join(_INJECTION)) + "]")
# Column widths in spreadsheets, in characters, by kind of column: names and messages get room.
_WIDTH = {"text": 28, "list": 40, "keys": 40, "code": 12, "key": 14, "number": 9}
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_XML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})
_CELL_MAX = 32_767  # the longest text a spreadsheet cell holds


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

    def abandon(self) -> None:
        """Writing failed or was interrupted: let go of the archive without writing more (its
        file is removed), so that no "Exception ignored in ZipFile.__del__" follows."""
        with contextlib.suppress(Exception):
            io.BufferedIOBase.close(self._content)  # marked closed, nothing flushed
        self._zip._writing = False  # type: ignore[attr-defined]
        self._zip.fp = None  # ZipFile.close (and __del__) then do nothing


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
        from xlsxwriter.exceptions import XlsxWriterException

        try:
            self._book.close()
        except XlsxWriterException as exc:  # FileCreateError wraps the OSError (disk full...)
            cause = exc.args[0] if exc.args and isinstance(exc.args[0], OSError) else None
            self.abandon()
            _let_go_of_archives(exc)
            raise (cause or OSError(str(exc))) from exc

    def abandon(self) -> None:
        """Writing failed or was interrupted: no archive is written, the rows XlsxWriter kept
        in temporary files are removed."""
        self._book.fileclosed = True
        for sheet in self._book.worksheets():
            handle, name = getattr(sheet, "row_data_fh", None), getattr(sheet, "row_data_filename", None)
            with contextlib.suppress(Exception):
                if handle is not None:
                    handle.close()
            with contextlib.suppress(OSError, TypeError):
                if name:
                    os.unlink(name)


def _let_go_of_archives(exc: BaseException) -> None:
    """XlsxWriter leaves its half-written ZipFile behind when the disk is full: close its file
    now, quietly (the file is removed), rather than in ZipFile.__del__ with a traceback."""
    import zipfile

    seen: set[int] = set()
    error: BaseException | None = exc
    while error is not None and id(error) not in seen:  # the exception and what led to it
        seen.add(id(error))
        tb = error.__traceback__
        while tb is not None:
            for value in list(tb.tb_frame.f_locals.values()):
                if isinstance(value, zipfile.ZipFile) and value.fp is not None:
                    with contextlib.suppress(Exception):
                        value.fp.close()
                    value.fp = None
            tb = tb.tb_next
        error = error.__context__


def check_target(path: Path, overwrite: bool) -> None:
    """Refuse early what writing would refuse at the end (after all the work)."""
    fsio.check_target(path, overwrite)
    if path.suffix.lower() not in OUTPUT_FORMATS:
        raise TnlError.of("batch.bad_output_format", file=str(path),
                          allowed=", ".join(OUTPUT_FORMATS))


@contextlib.contextmanager
def open_output(path: Path, columns: Sequence[Column], *, overwrite: bool = False,
                sheet: str = "tnl") -> Iterator[Writer]:
    """Write a table by rows into a temporary file next to `path`, renamed over it when the
    block ends without error (fsio.write_atomic, streamed). The format follows the suffix:
    .csv (UTF-8 with BOM, `;`: what Excel and LibreOffice both open right), .json/.jsonl
    (JSON Lines), .ods, .xlsx."""
    check_target(path, overwrite)
    suffix = path.suffix.lower()
    with fsio.temporary_beside(path, overwrite=overwrite) as tmp_name:
        if suffix == ".xlsx":
            xlsx = _XlsxWriter(tmp_name, columns, sheet)
            try:
                yield xlsx
            except BaseException:
                xlsx.abandon()
                raise
            xlsx.close()
            return
        with open(tmp_name, "wb") as binary:
            if suffix == ".ods":
                ods = _OdsWriter(binary, columns, sheet)
                try:
                    yield ods
                    ods.close()
                except BaseException:
                    ods.abandon()
                    raise
                return
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



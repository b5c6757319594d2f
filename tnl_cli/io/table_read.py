"""Tables read: CSV as spreadsheets really write it, .ods and .xlsx, as rows of strings.

Reading yields rows of strings whatever the format, so one code path checks them all: CSV
cells are strings already; spreadsheet cells (floats, booleans, dates) are turned into the text
a person would have typed (1001.0 -> "1001"), and codes are repaired later from the column's
meaning. CSV is streamed; a spreadsheet is loaded whole by python-calamine. Writing tables is
`table_write`.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import os
import re
import stat
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tnl_cli.errors import TnlError
from tnl_cli.numbers import MAX_DIGITS, plain_int

SPREADSHEET_READ = (".ods", ".xlsx", ".xlsm", ".xls", ".xlsb")
DELIMITERS = (";", ",", "\t")
_HEAD = 1 << 16  # bytes read to detect the encoding and the delimiter
_STREAM_SAMPLE = 1 << 20  # from a pipe, at most this much is held back to detect the encoding
# The encodings a spreadsheet or database export writes CSV in (Python's name -> the name shown):
# LibreOffice and Excel (UTF-8, Windows-1252, "Unicode text" UTF-16), older tools (ISO-8859-1,
# -15), Numbers and Excel for Mac (Mac Roman). Any other codec Python knows (UTF-32, EBCDIC,
# text transforms such as rot13 or hex) is refused by name: no export writes them.
ENCODINGS = {
    "utf-8": "UTF-8", "utf-8-sig": "UTF-8", "ascii": "ASCII", "cp1252": "Windows-1252",
    "iso8859-1": "ISO-8859-1", "iso8859-15": "ISO-8859-15", "utf-16": "UTF-16",
    "utf-16-le": "UTF-16LE", "utf-16-be": "UTF-16BE", "mac-roman": "Mac Roman",
}
_UTF32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)  # tested before UTF-16's (a prefix)


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


def encoding_option(value: str) -> str:
    """`--encoding`: Python's name of one of `ENCODINGS`, or a TnlError naming the value."""
    try:
        name = codecs.lookup(value).name
    except (LookupError, ValueError, TypeError) as exc:  # ValueError: a NUL in the name
        raise TnlError.of("batch.bad_encoding_option", value=value,
                          allowed=_allowed_encodings()) from exc
    if name not in ENCODINGS:
        raise TnlError.of("batch.unsupported_encoding", value=value,
                          allowed=_allowed_encodings())
    return name


def _allowed_encodings() -> str:
    return "utf-8, cp1252 (windows-1252), latin-1 (iso-8859-1), iso-8859-15, utf-16, mac-roman"


class _Replay(io.RawIOBase):
    """A pipe or FIFO read from its start twice: what was read to detect the encoding and the
    delimiter is given back before the rest of the stream (which is never held whole)."""

    def __init__(self, raw: Any) -> None:
        super().__init__()
        self.raw, self.kept, self.pos, self.replaying = raw, bytearray(), 0, False

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        if self.replaying:
            return super().read(size)
        out = bytearray()
        while size < 0 or len(out) < size:  # a pipe gives what is there: read until `size`
            chunk = self.raw.read(size - len(out) if size >= 0 else 1 << 16)
            if not chunk:
                break
            out += chunk
        self.kept += out
        return bytes(out)

    def rewind(self) -> None:
        self.replaying, self.pos = True, 0

    def readinto(self, buffer: Any) -> int:
        if self.pos < len(self.kept):
            n = min(len(buffer), len(self.kept) - self.pos)
            buffer[:n] = self.kept[self.pos:self.pos + n]
            self.pos += n
            if self.pos == len(self.kept):
                self.kept = bytearray()  # given back: not kept any longer
                self.pos = 1 << 62
            return n
        return int(self.raw.readinto(buffer) or 0)

    def close(self) -> None:
        self.raw.close()
        super().close()


def _sample(handle: Any, size: int | None) -> tuple[bytes, bool, int]:
    """The bytes that decide the encoding: the file's start, or, when that is plain ASCII,
    the first stretch that is not (a Windows-1252 file may have its first accent far down).
    Also: whether the sample ends the file, and how many lines come before it. `size` None:
    a stream of unknown length, searched no further than `_STREAM_SAMPLE` bytes."""
    head = handle.read(_HEAD)
    if len(head) < _HEAD or (size is not None and len(head) >= size) or not head.isascii():
        return head, len(head) < _HEAD or size is not None and len(head) >= size, 0
    lines = head.count(b"\n")
    read = len(head)
    while True:
        if size is None and read >= _STREAM_SAMPLE:
            return head, False, 0
        chunk = handle.read(_HEAD)
        read += len(chunk)
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
             score: Callable[[Sequence[str]], int], stream: Any = None) -> Source:
    """Open a CSV file, detecting its encoding and delimiter unless forced.

    `score(cells)` counts how many header cells are known columns: the delimiter that makes the
    header most meaningful wins (ties: the one that splits it into more cells). `stream`: a
    binary stream to read instead of opening `path` (standard input, for `-`); a pipe, a FIFO
    or /dev/stdin given as `path` is streamed as well."""
    display = str(path)
    try:
        raw: Any = stream if stream is not None else io.FileIO(path, "r")
    except OSError as exc:
        raise _file_error(path, exc) from exc
    try:
        regular = stream is None and stat.S_ISREG(os.fstat(raw.fileno()).st_mode)
        size = os.fstat(raw.fileno()).st_size if regular else 0
        if regular and size == 0:
            raise TnlError.of("batch.empty", file=display)
        if not regular:
            raw = _Replay(raw)
        sample, complete, lines_before = _sample(raw, size if regular else None)
        if regular:
            raw.seek(0)
            head = raw.read(_HEAD)
            raw.seek(0)
            whole = len(head) >= size
        else:
            head, whole = bytes(raw.kept[:_HEAD]), len(raw.kept) < _HEAD  # short read: the end
            raw.rewind()
            if not head:
                raise TnlError.of("batch.empty", file=display)
    except OSError as exc:
        raw.close()
        raise _file_error(path, exc) from exc
    except TnlError:
        raw.close()
        raise
    if head.startswith(b"PK\x03\x04"):
        raw.close()
        raise TnlError.of("batch.zip_named_csv", file=display)
    if head.startswith(_UTF32_BOMS) and (encoding is None or "32" in encoding):
        raw.close()
        raise TnlError.of("batch.utf32", file=display)
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
            encoding = encoding_option(encoding)
        except TnlError:
            raw.close()
            raise
        if encoding == "utf-8" and head.startswith(codecs.BOM_UTF8):
            encoding = "utf-8-sig"
    text = codecs.getincrementaldecoder(encoding)(errors="replace").decode(
        head, final=whole)
    lines = [line.strip().lstrip("\ufeff") for line in text.splitlines()]
    first = lines[0] if lines else ""
    declared = first[4:] if first.lower().startswith("sep=") and len(first) == 5 else None
    if delimiter is None:
        header = next((line for line in lines if line), "")
        delimiter = declared or max(DELIMITERS, key=lambda d: (
            score(next(csv.reader([header], delimiter=d), [])), header.count(d)))
    buffered = io.BufferedReader(raw, 1 << 16)
    text_stream = io.TextIOWrapper(buffered, encoding=encoding, newline="")
    reader = csv.reader(text_stream, delimiter=delimiter)
    if declared is not None:  # Excel's "sep=;" first line names the separator
        next(reader, None)

    def fraction() -> float:
        return raw.tell() / size if size else 0.0  # a stream: how far is unknown

    def bad_line() -> int | None:  # a stream cannot be read again
        return first_undecodable_line(path, encoding or "utf-8") if regular else None

    return Source(rows=reader, line_state=reader, fraction=fraction, encoding=encoding,
                  delimiter=delimiter, closers=[text_stream.close], bad_line=bad_line,
                  path=path if regular else None, size=size)


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

"""Tables read: CSV as spreadsheets really write it, .ods and .xlsx, as rows of strings.

Reading yields rows of strings whatever the format, so one code path checks them all: CSV
cells are strings already; spreadsheet cells (floats, booleans, dates) are turned into the text
a person would have typed (1001.0 -> "1001"), and codes are repaired later from the column's
meaning. CSV is streamed, here; a spreadsheet is loaded whole by python-calamine
(`sheet_read`). Writing tables is `table_write`.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import stat
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tnl_cli.errors import TnlError

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


def file_error(path: Path, exc: OSError) -> TnlError:
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
        raise file_error(path, exc) from exc
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
        raise file_error(path, exc) from exc
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

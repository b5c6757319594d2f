"""A CSV file cut into chunks of whole records, as byte ranges, for several processes to check.

Cutting is done on the bytes: a chunk ends after a line end, and when it holds no quote every
line end is a record end. Only a chunk with a quote is decoded and read with the csv module to
find its last whole record (a quoted value may hold line ends). This holds for the encodings
where a line end or a quote is always that one byte (ASCII-compatible: UTF-8, Windows-1252,
Latin-1), the only ones `codec` accepts.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterator
from typing import BinaryIO, NamedTuple

from tnl_cli.errors import TnlError

CHUNK = 1 << 18  # bytes read at a time (about 750 rows)
_ONE_BYTE_CODECS = {"utf-8", "cp1252", "iso8859-1", "iso8859-15", "ascii"}
_LINE_END = re.compile(rb"\r\n?|\n")


class Chunk(NamedTuple):
    """Where a chunk is: little to send to a process, which reads the bytes itself."""

    number: int
    first_line: int
    offset: int
    length: int


def codec(encoding: str | None) -> str | None:
    """The codec a chunk decodes with (no BOM past the file's start), None when chunks cannot
    be cut on bytes (UTF-16 and other encodings where a byte may be half a character)."""
    if encoding is None:
        return None
    name = codecs.lookup(encoding).name
    name = "utf-8" if name == "utf-8-sig" else name
    return name if name in _ONE_BYTE_CODECS else None


def data_start(raw: BinaryIO, lines: int) -> int:
    """The byte offset after the first `lines` lines (the header and what precedes it), lines
    ending as the csv reader's text stream ends them: CR LF, CR or LF."""
    if lines <= 0:
        return 0
    data = b""
    while True:
        block = raw.read(1 << 16)
        data += block
        for found, end in enumerate(_LINE_END.finditer(data), start=1):
            if end.group() == b"\r" and end.end() == len(data) and block:
                break  # a CR at the end of what was read may be half a CR LF
            if found == lines:
                return end.end()
        if not block:
            return len(data)


def chunks(raw: BinaryIO, start: int, size: int, text_codec: str, delimiter: str,
           first_line: int, file: str, chunk: int | None = None) -> Iterator[Chunk]:
    """The chunks that make up `raw` from byte `start` to byte `size`, each made of whole
    records. The first one holds a row with something in it (the template's hint line, if
    any, is the first row: the process that checks it must see it first); blank lines before
    it are skipped. UnicodeDecodeError when a chunk that must be decoded does not decode."""
    content = re.compile(f'[^\\s"{re.escape(delimiter)}]')
    number, line, offset, pending, first = 0, first_line, start, b"", True
    raw.seek(start)
    while True:
        block = raw.read(chunk or CHUNK)
        data = pending + block
        if not block:
            if data:
                yield Chunk(number, line, offset, len(data))
            return
        cut = _whole_records(data, text_codec, delimiter, line, file)
        if first and not content.search(data[:cut].decode(text_codec)):
            if data.find(b'"', 0, cut) < 0:  # blank lines only: nothing to check there
                line += _line_count(data[:cut])
                offset += cut
                data = data[cut:]
            pending = data
            continue
        if cut:
            first = False
            yield Chunk(number, line, offset, cut)
            number += 1
            line += _line_count(data[:cut])
            offset += cut
        pending = data[cut:]


def _line_count(data: bytes) -> int:
    """Lines as the csv reader counts them (a text stream read with newline='')."""
    return data.count(b"\n") + data.count(b"\r") - data.count(b"\r\n")


def _whole_records(data: bytes, text_codec: str, delimiter: str, first_line: int,
                   file: str) -> int:
    """The length of the longest start of `data` made of whole records."""
    end = max(data.rfind(b"\n"), data.rfind(b"\r", 0, len(data) - 1)) + 1
    if end == 0 or data.find(b'"', 0, end) < 0:
        return end  # no quote: every line is a record
    text = data[:end].decode(text_codec)
    offsets = [0]

    def lines() -> Iterator[str]:
        for part in io.StringIO(text, newline=""):
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
    return len(text[:offsets[whole]].encode(text_codec))

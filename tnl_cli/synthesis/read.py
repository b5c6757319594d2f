"""The inputs of a synthesis, read into members: a batch output, a batch input, a folder.

- a batch output (`tnl batch -o`: CSV, ODS, XLSX, JSON Lines) is read as it is;
- a batch input (the table of answers) is checked by the batch core, its result rows kept in
  memory as members, never written;
- a folder of answers files (`*.yaml`, `*.yml`), as a support service collects its members'
  self-assessments, is assessed file by file by the engine, with the path to the next tier.

Every member must be of one edition. Rows and files that cannot be used are reported (file,
line, the fix) and left out; an input with nothing usable is refused.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tnl_cli.core.catalog import Catalog, editions, load_edition
from tnl_cli.errors import TnlError
from tnl_cli.i18n import tr
from tnl_cli.synthesis.members import Member, from_assessment, from_row

ANSWERS_SUFFIXES = (".yaml", ".yml")
JSON_SUFFIXES = (".json", ".jsonl")
_OUTPUT_MARKERS = {"ligne", "verdict"}  # the columns that make a table a batch output


@dataclass
class Input:
    catalog: Catalog
    members: list[Member] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # rows or files left out, and why
    unplaced: list[str] = field(default_factory=list)  # rows without a code
    rejected: int = 0  # batch rows with invalid data (counted as such)
    rejections: list[str] = field(default_factory=list)  # a sample of why (batch input)


class MemberSink:
    """A batch writer that keeps each result row as a member (the rows are never stored),
    and passes it on to the batch's own writer if any (`tnl batch --synthese`)."""

    def __init__(self, catalog: Catalog, file: str, columns: Sequence[str], lang: str,
                 inner: Any = None) -> None:
        """`inner`: the batch's own writer, given every row after it is kept."""
        from tnl_cli.reference.territory import load_places

        self.catalog, self.file, self.columns, self.lang = catalog, file, columns, lang
        self.inner = inner
        self.places = load_places()
        self.members: list[Member] = []
        self.unplaced: list[str] = []
        self.rejected = 0

    def write(self, row: list[Any]) -> None:
        record = dict(zip(self.columns, row, strict=False))
        where = tr(self.lang, "synthesis.where_line", file=self.file, line=record.get("ligne"))
        member = from_row(record, self.catalog, where, self.places)
        if member.verdict == "rejected":
            self.rejected += 1
        elif not member.code:
            self.unplaced.append(where)
        self.members.append(member)
        if self.inner is not None:
            self.inner.write(row)

    def formatter(self) -> None:  # no text format: the batch runs in this process
        return None

    def write_formatted(self, text: str) -> None:  # pragma: no cover - no formatter
        raise NotImplementedError


def read(paths: Sequence[Path], lang: str, edition: int | None = None,
         warn: Callable[[str], None] | None = None) -> Input:
    """Every input into one list of members, of one edition."""
    found: Input | None = None
    first_file = ""
    for path in paths:
        here = _read_one(path, lang, edition, warn)
        if found is None:
            found, first_file = here, str(path)
            continue
        if here.catalog.edition != found.catalog.edition:
            raise TnlError.of("synthesis.mixed_editions", first=first_file,
                              first_edition=found.catalog.edition, second=str(path),
                              second_edition=here.catalog.edition)
        found.members += here.members
        found.problems += here.problems
        found.unplaced += here.unplaced
        found.rejected += here.rejected
        found.rejections += here.rejections
    assert found is not None
    if not found.members:
        raise TnlError.of("synthesis.nothing", files=", ".join(str(p) for p in paths))
    return found


def _read_one(path: Path, lang: str, edition: int | None,
              warn: Callable[[str], None] | None) -> Input:
    if str(path) == "-":
        raise TnlError.of("synthesis.no_stdin")
    if path.is_dir():
        return read_folder(path, lang, edition)
    if not path.exists():
        raise TnlError.of("synthesis.missing", file=str(path))
    if path.suffix.lower() in ANSWERS_SUFFIXES:
        raise TnlError.of("synthesis.answers_file", file=str(path), dir=str(path.parent))
    if path.suffix.lower() in JSON_SUFFIXES:
        return _from_records(path, lambda: _json_rows(path), lang, edition)
    header = _header(path, edition)
    if {h.strip().casefold() for h in header} >= _OUTPUT_MARKERS:
        return _from_records(path, lambda: _table_rows(path, edition), lang, edition)
    return read_batch_input(path, lang, edition, warn)


def _open(path: Path, catalog: Catalog) -> Any:
    from tnl_cli.batch.columns import header_score
    from tnl_cli.io import table_read

    if table_read.is_spreadsheet(path):
        return table_read.open_spreadsheet(path, None)
    return table_read.open_csv(path, None, None, header_score(catalog))


def _header(path: Path, edition: int | None) -> list[str]:
    source = _open(path, load_edition(edition))
    try:
        for row in source.rows:
            if any(cell.strip() for cell in row):
                return row
    except (UnicodeDecodeError, ValueError):
        pass
    finally:
        source.close()
    raise TnlError.of("synthesis.no_header", file=str(path))


def _table_rows(path: Path, edition: int | None) -> Iterator[tuple[int, dict[str, str]]]:
    """(line, row by column name) of a batch output table."""
    source = _open(path, load_edition(edition))
    try:
        header: list[str] | None = None
        for row in source.rows:
            if header is None:
                if any(cell.strip() for cell in row):
                    header = [cell.strip().casefold() for cell in row]
                continue
            if any(cell.strip() for cell in row):
                yield source.line_state.line_num, dict(zip(header, row, strict=False))
    except UnicodeDecodeError as exc:
        raise TnlError.of("synthesis.unreadable", file=str(path), reason=str(exc)) from exc
    finally:
        source.close()


def _json_rows(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line, object) of a JSON Lines batch output."""
    try:
        with path.open(encoding="utf-8-sig") as handle:
            for number, text in enumerate(handle, 1):
                if not text.strip():
                    continue
                try:
                    record = json.loads(text)
                except ValueError as exc:
                    raise TnlError.of("synthesis.bad_json", file=str(path), line=number,
                                      reason=str(exc)) from exc
                if not isinstance(record, dict):
                    raise TnlError.of("synthesis.bad_json", file=str(path), line=number,
                                      reason="{…}")
                yield number, {str(k).casefold(): v for k, v in record.items()}
    except (OSError, UnicodeDecodeError) as exc:
        raise TnlError.of("synthesis.unreadable", file=str(path), reason=str(exc)) from exc


def edition_of(tiers: set[str], edition: int | None, file: str) -> int:
    """The edition whose tier ids name every tier of a batch output (`edition` when given).
    Tiers of two schemes at once (2 and bronze) are refused: two editions in one file."""
    if edition is not None:
        return edition
    tiers.discard("")
    fits = [e for e in editions() if tiers <= {t.id for t in load_edition(e).tiers}]
    if fits:
        return fits[-1]
    by_edition = {e: tiers & {t.id for t in load_edition(e).tiers} for e in editions()}
    seen = [e for e, found in by_edition.items() if found]
    if len(seen) > 1:
        raise TnlError.of("synthesis.mixed_tiers", file=file,
                          found=", ".join(f"{e}: {', '.join(sorted(by_edition[e]))}"
                                          for e in seen))
    raise TnlError.of("synthesis.unknown_tiers", file=file, found=", ".join(sorted(tiers)))


def _from_records(path: Path, records: Callable[[], Iterator[tuple[int, dict[str, Any]]]],
                  lang: str, edition: int | None) -> Input:
    """Members from a batch output, read twice as a stream: its tiers first (the edition),
    then its rows (no row is kept, only its member)."""
    from tnl_cli.reference.territory import load_places

    tiers: set[str] = set()
    seen = False
    for _, record in records():
        if not seen and "verdict" not in record:
            raise TnlError.of("synthesis.not_output", file=str(path))
        seen = True
        tiers.add(str(record.get("niveau") or "").strip())
        tiers.add(str(record.get("niveau_max") or "").strip())
    if not seen:
        raise TnlError.of("synthesis.no_rows", file=str(path))
    catalog = load_edition(edition_of(tiers, edition, str(path)))
    places = load_places()
    found = Input(catalog)
    for line, record in records():
        where = tr(lang, "synthesis.where_line", file=str(path), line=line)
        member = from_row(record, catalog, where, places)
        if member.verdict == "rejected":
            found.rejected += 1
        elif not member.code:
            found.unplaced.append(where)
        found.members.append(member)
    return found


def read_batch_input(path: Path, lang: str, edition: int | None,
                     warn: Callable[[str], None] | None = None) -> Input:
    """A table of answers checked by the batch core, its results kept as members."""
    from tnl_cli.batch.rows import output_columns
    from tnl_cli.batch.runner import run

    catalog = load_edition(edition)
    sink = MemberSink(catalog, str(path), [c.name for c in output_columns(catalog)], lang)
    source = _open(path, catalog)
    try:
        summary = run(source, catalog, lang, str(path), writer=sink, warn=warn)
    finally:
        source.close()
    return Input(catalog, sink.members, [], sink.unplaced, sink.rejected, list(summary.errors))


def read_folder(folder: Path, lang: str, edition: int | None) -> Input:
    """Every answers file of a folder (not its subfolders), assessed with its path."""
    from tnl_cli.core import answers as ans
    from tnl_cli.core.engine import evaluate
    from tnl_cli.reference.territory import load_places

    try:
        files = sorted(p for p in folder.iterdir()
                       if p.suffix.lower() in ANSWERS_SUFFIXES and p.is_file())
    except OSError as exc:
        raise TnlError.of("synthesis.unreadable", file=str(folder), reason=str(exc)) from exc
    if not files:
        raise TnlError.of("synthesis.empty_folder", dir=str(folder))
    places = load_places()
    found: Input | None = None
    problems: list[str] = []
    first = ""
    for path in files:
        try:
            answers, catalog, _ = ans.load(path, load_edition, edition)
        except TnlError as exc:
            problems.append(tr(lang, "synthesis.file_left_out", file=str(path),
                               reason=" ".join(p.render(lang) for p in exc.problems[:3])))
            continue
        if found is None:
            found, first = Input(catalog), str(path)
        elif catalog.edition != found.catalog.edition:
            raise TnlError.of("synthesis.mixed_editions", first=first,
                              first_edition=found.catalog.edition, second=str(path),
                              second_edition=catalog.edition)
        member = from_assessment(catalog, answers.identity, evaluate(catalog, answers),
                                 str(path), places)
        if not member.code:
            found.unplaced.append(str(path))
        found.members.append(member)
    if found is None:
        raise TnlError.of("synthesis.no_usable_file", dir=str(folder),
                          reasons="\n".join(problems[:5]))
    found.problems += problems
    return found

"""Batch rows: every row of a table of collectivities checked, assessed and written, streamed.

Rows are read, checked, assessed and written one at a time, so memory does not grow with the
file. Identity cells are checked by `batch.identity` (against the official geography, loaded
once per run), criterion cells by `batch.cells` (the answers file's normaliser, cached), and
each row is assessed by the compiled evaluator (`batch.compiled`), equal to `engine.evaluate`.
"""

from __future__ import annotations

import operator
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from tnl_cli.batch.cells import Cells, Items, cell_value, cells
from tnl_cli.batch.columns import Layout, is_hint_row
from tnl_cli.batch.compiled import Compiled, TypeEvaluator
from tnl_cli.batch.identity import IdentityCells, RowProblem
from tnl_cli.core import answers as ans
from tnl_cli.core.catalog import Catalog
from tnl_cli.core.engine import ADMITTED
from tnl_cli.errors import TnlError
from tnl_cli.i18n import tr
from tnl_cli.io.table_write import Column

REJECTED = "rejected"
SAMPLE = 20  # rejection and warning messages kept for the terminal summary
_RENDERED_LIMIT = 4096  # problem texts remembered (a file often repeats the same mistake)

try:
    from _csv import Error as _CsvError
except ImportError:  # pragma: no cover - every CPython has _csv
    from csv import Error as _CsvError


@dataclass
class Summary:
    """What a run found: counts, a sample of rejections and warnings, timing."""

    rows: int = 0
    verdicts: Counter[str] = field(default_factory=Counter)
    levels: Counter[str] = field(default_factory=Counter)
    mentions: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    warned: int = 0  # rows with identity warnings
    warnings: list[str] = field(default_factory=list)
    unknown_columns: list[str] = field(default_factory=list)
    dossiers: int = 0
    seconds: float = 0.0
    hint_row_skipped: bool = False

    @property
    def rejected(self) -> int:
        return self.verdicts[REJECTED]


class Checker:
    """Checks and assesses rows of one table against one catalog."""

    def __init__(self, catalog: Catalog, layout: Layout, lang: str, index: Any = None) -> None:
        self.catalog, self.layout, self.lang = catalog, layout, lang
        self.compiled = Compiled(catalog)
        self.identity = IdentityCells(layout, index)
        self.positions = {c.id: k for k, (_, c) in enumerate(layout.criteria)}
        indexes = [j for j, _ in layout.criteria]
        self.width = len(layout.headers)  # rows are padded to it, plus one blank cell
        if len(indexes) > 1:
            self.criterion_cells: Callable[[list[str]], Sequence[str]] = \
                operator.itemgetter(*indexes)
        elif indexes:
            only = indexes[0]
            self.criterion_cells = lambda row: (row[only],)
        else:
            self.criterion_cells = lambda row: ()
        self._cells: dict[str | None, list[Cells]] = {}
        items = {c.id: Items(c) for _, c in layout.criteria if c.type in ("multi", "inventory")}
        self._shared = {(c.id, applies): cells(c, self.compiled, applies, items.get(c.id))
                        for _, c in layout.criteria for applies in (True, False)}
        self.per_kind: dict[str | None, Any] = {}  # filled by for_kind()
        self._evaluators: dict[str | None, TypeEvaluator] = {}
        # the high end of the level range: the layout's columns, then the catalog's criteria
        # the table lacks, each unanswered one given its best answer
        in_layout = set(self.positions)
        self.missing = tuple(c for c in catalog.criteria if c.id not in in_layout)
        self.high_positions = {**self.positions, **{c.id: len(self.positions) + k
                                                    for k, c in enumerate(self.missing)}}
        self._high_evaluators: dict[str | None, TypeEvaluator] = {}
        self._rendered: dict[Any, str] = {}
        self.domains = tuple(d.id for d in catalog.domains)
        from tnl_cli.reference.territory import load_places, size_band

        self._band = size_band
        self._places = load_places().of if index is not None else None

    def place(self, head: list[Any]) -> list[str]:
        """Région, EPCI SIREN and name, size band of a row's checked identity (name, INSEE
        code, SIREN, type, population, département)."""
        band = self._band(head[4]) if head[4].__class__ is int else ""
        if self._places is None:
            return ["", "", "", band]
        epci, name, _, region = self._places(head[1], head[2], head[5], head[3])
        return [region, epci, name, band]

    def cells_for(self, kind: str | None) -> list[Cells]:
        found = self._cells.get(kind)
        if found is None:
            found = self._cells[kind] = [self._shared[c.id, c.applies(kind)]
                                         for _, c in self.layout.criteria]
        return found

    def for_kind(self, kind: str | None) -> tuple[Any, ...]:
        """What a row of type `kind` needs: its cell caches, the compiled evaluator's run,
        tier ids, mentions and gates, the percentages of points per domain, and for the high
        end of the level range: the caches giving an empty cell its best answer, the entries
        of the criteria the table lacks, and the run that takes them."""
        found = self.per_kind.get(kind)
        if found is None:
            evaluator = self.evaluator(kind)
            cells = self.cells_for(kind)
            high = self._high_evaluators.get(kind)
            if high is None:
                high = self._high_evaluators[kind] = self.compiled.evaluator(
                    kind, self.high_positions)
            best = [self.compiled.best_entry(c, True) if c.applies(kind) else 0
                    for _, c in self.layout.criteria]
            found = self.per_kind[kind] = (
                cells, evaluator.run, evaluator.tier_ids, evaluator.mentions,
                evaluator.gates, self.percents(kind),
                [BestCells(column, entry) for column, entry in zip(cells, best, strict=True)],
                tuple(self.compiled.best_entry(c, True) if c.applies(kind) else 0
                      for c in self.missing),
                high.run)
        return found

    def row_percents(self, kind: str | None, total: int,
                     points: tuple[int, ...]) -> list[int]:
        """Per domain, the percentage of a row whose "non_concerne" answers take points out
        of the possible."""
        out, _ = self.compiled.not_concerned_out(total)
        return [int(p * 100 / (q - o) + 0.5) if q - o else 0
                for p, q, o in zip(points, self.evaluator(kind).possible, out, strict=True)]

    def percents(self, kind: str | None) -> tuple[tuple[int, ...], ...]:
        """Per domain, the rounded percentage of each possible number of points."""
        return tuple(tuple(int(p * 100 / possible + 0.5) if possible else 0
                           for p in range(int(possible) + 1))
                     for possible in self.evaluator(kind).possible)

    def evaluator(self, kind: str | None) -> TypeEvaluator:
        found = self._evaluators.get(kind)
        if found is None:
            found = self._evaluators[kind] = self.compiled.evaluator(kind, self.positions)
        return found

    def refused_cells(self, row: list[str], kind: str | None,
                      problems: list[RowProblem]) -> None:
        """Every criterion cell of `row` that its normaliser refuses, in column order."""
        for (j, c), column, raw in zip(self.layout.criteria, self.cells_for(kind),
                                       self.criterion_cells(row), strict=True):
            try:
                column[raw]
            except ans.ValueRefused as exc:
                problems.append(RowProblem(j, ans.refused(c, exc, None, None)))

    def message(self, line: int, item: RowProblem) -> str:
        """'ligne 12, colonne D « siren » : …' in the user's language."""
        problem = item.problem
        try:
            key: Any = (problem.key, *problem.params.items())
            text = self._rendered.get(key)
        except TypeError:  # a parameter that cannot be a key (a refused mapping)
            key, text = None, None
        if text is None:
            text = problem.render(self.lang)
            if key is not None and len(self._rendered) < _RENDERED_LIMIT:
                self._rendered[key] = text
        if item.column is None or item.column >= self.width:
            return tr(self.lang, "batch.row_error_no_column", line=line, message=text)
        return tr(self.lang, "batch.row_error", line=line, column=self.layout.column(item.column),
                  header=self.layout.header(item.column), message=text)

    def answers(self, row: list[str]) -> ans.Answers:
        """The row as an Answers object (for a dossier): identity and normalised values."""
        responses = {}
        for (_, c), text in zip(self.layout.criteria, self.criterion_cells(row), strict=True):
            value = cell_value(c, text)
            if value is not None:
                responses[c.id] = ans.Answer(value)
        return ans.Answers(self.catalog.edition, self.identity.identity(row), responses)


PLACE_COLUMNS = (Column("region", "code"), Column("epci_siren", "code"), Column("epci_nom"),
                 Column("tranche_population", "key"))


def output_columns(catalog: Catalog) -> list[Column]:
    """The result table: one row per input row, in input order."""
    return [Column("ligne", "number"), Column("nom"), Column("code_insee", "code"),
            Column("siren", "code"), Column("type"), Column("population", "number"),
            Column("departement", "code"), *PLACE_COLUMNS, Column("verdict", "key"), Column("niveau", "key"),
            Column("niveau_min", "key"), Column("niveau_max", "key"), Column("mentions", "keys"),
            Column("score", "number"),
            *[Column(f"score_{d.id}", "number") for d in catalog.domains],
            Column("manques", "keys"), Column("sans_reponse", "keys"),
            Column("erreurs", "list"), Column("avertissements", "list")]


class BestCells(dict):  # type: ignore[type-arg]
    """Cell text -> entry for the high end of the level range: a cell's own entry, or the
    best answer's entry when the cell leaves the criterion unanswered."""

    __slots__ = ("cells", "best")

    def __init__(self, cells: Cells, best: int) -> None:
        super().__init__({"": best})
        self.cells, self.best = cells, best

    def __missing__(self, raw: str) -> int:
        entry = self.cells[raw]
        if self.cells.value(raw) is None:
            entry = self.best
        if len(self) < self.cells.limit:
            self[raw] = entry
        return entry


# -- the run --------------------------------------------------------------------------------

Progress = Callable[[float, int], None]
DossierSink = Callable[[Checker, list[str], int, str | None], None]


def directory(layout: Layout) -> Any:
    """The official geography, loaded once per run, for a file with a code column."""
    if "code_insee" not in layout.identity and "siren" not in layout.identity:
        return None
    from tnl_cli.reference.territory import load_index

    return load_index()


def check_rows(checker: Checker, rows: Iterator[list[str]], state: Any, summary: Summary,
          write: Callable[[list[Any]], None] | None, file: str, *, offset: int = 0,
          check_hint: bool = True, progress: Progress | None = None,
          fraction: Callable[[], float] | None = None, dossiers: DossierSink | None = None) -> None:
    """The hot loop: kept flat, with local names, because it runs once per row.

    `state.line_num` is the number of lines `rows` has read, `offset` the lines before them;
    `check_hint`: whether the first row may be the template's hint line."""
    layout, catalog = checker.layout, checker.catalog
    width = checker.width
    padded = width + 1  # the extra blank cell stands for the columns the file lacks
    nom_j = layout.identity.get("nom", width)
    criterion_cells, check, for_kind = checker.criterion_cells, checker.identity.check, \
        checker.for_kind
    per_kind, message = checker.per_kind, checker.message
    verdicts, levels, mentions_count = summary.verdicts, summary.levels, summary.mentions
    get, percent = dict.__getitem__, tuple.__getitem__
    nc_mask = checker.compiled.nc_mask
    top = len(catalog.tiers)
    last_line = offset + state.line_num
    count = 0
    hint_checked = not check_hint
    try:
        for row in rows:
            line = last_line + 1
            last_line = offset + state.line_num
            row.append("")
            if len(row) != padded:
                if len(row) < padded:
                    row[-1:] = [""] * (padded - len(row) + 1)
                elif any(cell.strip() for cell in row[width:]):
                    _extra_cells(row, line, checker, summary, write)
                    continue
            if not row[nom_j] and not any(cell.strip() for cell in row):
                continue
            if not hint_checked:
                hint_checked = True
                if is_hint_row(row, layout, catalog):
                    summary.hint_row_skipped = True
                    continue
            count += 1
            if progress is not None and fraction is not None and not count & 1023:
                progress(fraction(), count)
            kind, first, head, problems, notes = check(row)
            caches, run, tiers, mentions, gates, percents, best_caches, missing, run_high = \
                per_kind.get(kind) or for_kind(kind)
            try:
                texts = criterion_cells(row)
                entries = list(map(get, caches, texts))
            except ans.ValueRefused:
                checker.refused_cells(row, kind, problems)
            warnings = [message(line, note) for note in notes] if notes else ()
            if warnings:
                _warned(warnings, summary)
            if problems:
                _rejected(row, line, [message(line, p) for p in problems], warnings, checker,
                          summary, write)
                continue
            verdict, rank, mention_mask, ratio, total, points = run(entries, sum(entries), first)
            verdicts[verdict] += 1
            level = ""
            found_mentions: tuple[str, ...] = ()
            admitted = verdict in ADMITTED
            if rank:
                level = tiers[rank - 1]
                if admitted:
                    levels[level] += 1
            if verdict == "not_eligible" or kind is None or rank == top:
                # a hard gate unmet stays unmet, no type gives no level, the top is the top:
                # the best answers to the empty cells cannot lift it (no second run needed)
                high_rank = rank
            else:
                highs = [*map(get, best_caches, texts), *missing]
                high_rank = run_high(highs, sum(highs), first)[1]
            if mention_mask:
                found_mentions = mentions(mention_mask)
                for mention in found_mentions if admitted else ():
                    mentions_count[mention] += 1
            if write is not None:
                shares = checker.row_percents(kind, total, points) if total & nc_mask else \
                    map(percent, percents, points)
                write([line, *head, *checker.place(head), verdict, level, level,
                       tiers[high_rank - 1] if high_rank else "", found_mentions,
                       int(ratio * 100 + 0.5), *shares, *gates(total), (), warnings])
            if dossiers is not None and admitted:
                dossiers(checker, row, line, head[1] or head[2] or None)
                summary.dossiers += 1
    except _CsvError as exc:  # a quote left open runs into the field size limit
        raise TnlError.of("batch.csv_error", file=file, line=last_line + 1,
                          reason=str(exc)) from exc
    summary.rows += count


def _warned(messages: Sequence[str], summary: Summary) -> None:
    summary.warned += 1
    room = SAMPLE - len(summary.warnings)
    if room > 0:
        summary.warnings += messages[:room]


def _rejected(row: list[str], line: int, messages: list[str], warnings: Sequence[str],
              checker: Checker, summary: Summary,
              write: Callable[[list[Any]], None] | None) -> None:
    """A row with invalid data: its reasons go to the `erreurs` column and the summary; its
    identity is written as typed."""
    summary.verdicts[REJECTED] += 1
    room = SAMPLE - len(summary.errors)
    if room > 0:
        summary.errors += messages[:room]
    if write is not None:
        where, width = checker.identity.columns, checker.width
        typed = [row[where[k]].strip() if where[k] < width else ""
                 for k in ("nom", "code_insee", "siren", "type", "population")]
        write([line, *typed, "", "", "", "", "", REJECTED, "", "", "", (), "",
               *[""] * len(checker.domains), (), (), messages, warnings])


def _extra_cells(row: list[str], line: int, checker: Checker, summary: Summary,
                 write: Callable[[list[Any]], None] | None) -> None:
    """A row longer than the header with data past its end: a separator inside a value."""
    width = checker.width
    extra = next(j for j in range(width, len(row)) if row[j].strip())
    message = tr(checker.lang, "batch.extra_cells", line=line,
                 column=checker.layout.column(extra),
                 count=sum(1 for cell in row[width:] if cell.strip()))
    summary.rows += 1
    _rejected(row, line, [message], (), checker, summary, write)

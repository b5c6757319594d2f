"""Batch pre-check: every row of a table of collectivities checked and assessed, streamed.

Rows are read, checked, assessed and written one at a time, so memory does not grow with the
file. Each cell goes through the normalisers the answers file uses (`answers.normalise_value`,
the `identity.parse_*` functions), so a value is refused with the same words everywhere; their
results are cached per (column, type, cell text), since spreadsheets repeat 'oui', 'non' and
'x'. Assessment uses the compiled evaluator (`compiled.py`), equal to `engine.evaluate`.
"""

from __future__ import annotations

import operator
import re
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tnl_cli import answers as ans
from tnl_cli import identity as ident
from tnl_cli.catalog import Catalog, Criterion
from tnl_cli.compiled import Compiled, TypeEvaluator
from tnl_cli.errors import Problem, TnlError
from tnl_cli.i18n import pick, tr
from tnl_cli.tabular import Column, Source, Writer, column_letter
from tnl_cli.textnorm import fold

IDENTITY_FIELDS = ("nom", "type", "code_insee", "siren", "population", "agents",
                   "elu_referent", "responsable", "labels_anterieurs")
# Headers people write for the identity columns (compared folded: case and accents aside).
_ALIASES = {
    "nom": ("nom", "collectivite", "nom de la collectivite", "nom collectivite", "name"),
    "type": ("type", "type de collectivite", "categorie", "nature juridique"),
    "code_insee": ("code insee", "insee", "code commune", "cog", "code officiel geographique"),
    "siren": ("siren", "numero siren", "n siren", "no siren"),
    "population": ("population", "habitants", "nombre d habitants", "nb habitants"),
    "agents": ("agents", "etp", "nombre d agents", "nb agents", "agents etp"),
    "elu_referent": ("elu referent", "elu e referent e", "elue referente", "elu"),
    "responsable": ("responsable", "responsable de candidature", "referent technique",
                    "referent e technique"),
    "labels_anterieurs": ("labels anterieurs", "labels precedents", "historique labels"),
}
_HEADER_FIELD = {fold(alias): name for name, aliases in _ALIASES.items() for alias in aliases}
# Cell texts remembered per column (memory stays flat): booleans and choices have a few
# spellings, numbers a few thousand values, free texts and URLs are unique (caching them is
# pointless).
_CACHE_LIMIT = {"number": 4096, "multi": 8192, "inventory": 1024, "text": 16, "url": 16}
_DEFAULT_LIMIT = 256
_ERROR_SAMPLE = 20  # rejection messages kept for the terminal summary
# Texts whose normalised value is obvious: what `answers.normalise_value` returns for them is
# computed directly (tests/test_batch_rows.py checks the two agree); anything else goes to it.
_PLAIN_NUMBER = re.compile(r"[0-9]{1,15}(?:[.,][0-9]{1,15})?")
_PLAIN_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?:[/?#]\S*)?")
_PERSON_ANGLE = re.compile(r"^(?P<nom>[^<>]*)<(?P<email>[^<>]*)>\s*$")
_LABEL = re.compile(r"^\s*(\d{4})\s*[:=]\s*(\S(?:.*\S)?)\s*$")
REJECTED = "rejected"


@dataclass(frozen=True)
class Layout:
    """What the header row says: where each identity field and criterion is."""

    headers: tuple[str, ...]
    identity: Mapping[str, int]
    criteria: tuple[tuple[int, Criterion], ...]
    unknown: tuple[tuple[int, str], ...]
    first_column: int = 0

    def column(self, index: int) -> str:
        return column_letter(self.first_column + index)


def read_layout(cells: Sequence[str], catalog: Catalog, file: str, line: int,
                first_column: int = 0) -> Layout:
    """Match header cells to identity fields and criteria; refuse an ambiguous header."""
    by_criterion = {fold(c.id): c for c in catalog.criteria}
    identity: dict[str, int] = {}
    criteria: list[tuple[int, Criterion]] = []
    unknown: list[tuple[int, str]] = []
    seen: dict[str, int] = {}
    for j, raw in enumerate(cells):
        key = fold(raw)
        if not key:
            continue
        name = _HEADER_FIELD.get(key)
        target = name or (by_criterion[key].id if key in by_criterion else None)
        if target is None:
            unknown.append((j, raw.strip()))
            continue
        if target in seen:
            first = seen[target]
            raise TnlError.of("batch.duplicate_column", file=file, line=line, field=target,
                              first=cells[first].strip(), second=raw.strip(),
                              first_col=column_letter(first_column + first),
                              second_col=column_letter(first_column + j))
        seen[target] = j
        if name:
            identity[name] = j
        else:
            criteria.append((j, by_criterion[key]))
    if not identity:
        raise TnlError.of("batch.no_identity", file=file, line=line,
                          expected=", ".join(IDENTITY_FIELDS[:6]))
    return Layout(tuple(cells), identity, tuple(criteria), tuple(unknown), first_column)


def header_score(catalog: Catalog) -> Callable[[Sequence[str]], int]:
    """How many cells of a would-be header are known columns (to choose the CSV separator)."""
    known = set(_HEADER_FIELD) | {fold(c.id) for c in catalog.criteria}
    return lambda cells: sum(1 for cell in cells if fold(cell) in known)


def suggestions(unknown: Sequence[tuple[int, str]], catalog: Catalog) -> list[str]:
    """Unknown headers, each with the closest known names when some are really close."""
    import difflib

    known = list(IDENTITY_FIELDS) + [c.id for c in catalog.criteria]
    out = []
    for _, raw in unknown:
        close = difflib.get_close_matches(fold(raw).replace(" ", "_"), known, n=3, cutoff=0.75)
        out.append(f"« {raw} » (→ {', '.join(close)})" if close else f"« {raw} »")
    return out


# -- the template ---------------------------------------------------------------------------

def template_columns(catalog: Catalog) -> list[Column]:
    columns = [Column(name, "code" if name in ("code_insee", "siren") else "text")
               for name in IDENTITY_FIELDS]
    return columns + [Column(c.id) for c in catalog.criteria]


def hint(name: str, catalog: Catalog, lang: str) -> str:
    """The second line of the template: what to write in the column."""
    c = catalog.criterion(name)
    if c is None:
        return tr(lang, f"batch.hint_{name}")
    if c.type in ("choice", "multi"):
        accepts = tr(lang, f"batch.hint_{c.type}", values=" | ".join(ch.value for ch in c.choices))
    elif c.type == "number":
        low = "" if c.minimum is None else f"{c.minimum:g}"
        high = "" if c.maximum is None else f"{c.maximum:g}"
        unit = f" {pick(c.unit, lang)}" if c.unit else ""
        accepts = tr(lang, "batch.hint_number", low=low, high=high, unit=unit) \
            if low or high else tr(lang, "batch.hint_number_any", unit=unit)
    else:
        accepts = tr(lang, f"batch.hint_{c.type}")
    return f"{pick(c.question, lang)} ({accepts})"


def template_rows(catalog: Catalog, lang: str) -> Iterator[list[str]]:
    yield [hint(c.name, catalog, lang) for c in template_columns(catalog)]


def is_hint_row(row: Sequence[str], layout: Layout, catalog: Catalog) -> bool:
    """The template's hint line, left in place by the person who filled it in: every filled
    cell reads as its column's hint, in either language."""
    columns = [(j, name) for name, j in layout.identity.items()]
    columns += [(j, c.id) for j, c in layout.criteria]
    filled = [(j, name) for j, name in columns if j < len(row) and row[j].strip()]
    return bool(filled) and all(
        fold(row[j]) in {fold(hint(name, catalog, lang)) for lang in ("fr", "en")}
        for j, name in filled)


# -- one row --------------------------------------------------------------------------------

class _Items(dict):  # type: ignore[type-arg]
    """Item text -> its normalised (key, value) pairs, for a multi-choice or inventory column:
    cells combine a few items in many orders, so items are what repeats."""

    __slots__ = ("criterion", "order")

    def __init__(self, criterion: Criterion) -> None:
        super().__init__()
        self.criterion = criterion
        self.order = tuple(ch.value for ch in criterion.choices)

    def __missing__(self, item: str) -> tuple[tuple[str, Any], ...]:
        value = ans.normalise_value(self.criterion, item, allow_x=True) or ()
        if self.criterion.type == "multi":
            pairs = tuple((v, v) for v in value)
        else:  # a software counts once, known by its catalog id or its folded name
            pairs = tuple((i.software_id or fold(i.name), i) for i in value)
        if len(self) < _DEFAULT_LIMIT:
            self[item] = pairs
        return pairs

    def combine(self, raw: str) -> Any:
        """What `normalise_value` gives for the whole cell, from its items' values: options in
        catalog order without repeats; software in listed order, each once."""
        parts = raw.split(ans.MULTI_SEPARATOR)
        if self.criterion.type == "multi":
            chosen = {key for part in parts for key, _ in self[part]}
            return [v for v in self.order if v in chosen] or None
        listed, seen = [], set()
        for part in parts:
            for key, item in self[part]:
                if key not in seen:
                    seen.add(key)
                    listed.append(item)
        return tuple(listed) or None


class _Cells(dict):  # type: ignore[type-arg]
    """Cell text -> packed entry for one criterion column, for the collectivity types it
    applies to (`applies`) or the others (where it scores nothing but is still checked).

    A miss normalises the text (ValueRefused propagates) and remembers the entry, up to a
    limit by type of criterion."""

    __slots__ = ("criterion", "compiled", "applies", "items", "limit")

    def __init__(self, criterion: Criterion, compiled: Compiled, applies: bool,
                 items: _Items | None) -> None:
        super().__init__({"": 0})
        self.criterion, self.compiled, self.applies, self.items = (criterion, compiled, applies,
                                                                   items)
        self.limit = _CACHE_LIMIT.get(criterion.type, _DEFAULT_LIMIT)

    def __missing__(self, raw: str) -> int:
        entry = self.compiled.entry(self.criterion, self.value(raw), self.applies)
        if len(self) < self.limit:
            self[raw] = entry
        return entry

    def value(self, raw: str) -> Any:
        """`answers.normalise_value(criterion, raw, allow_x=True)`, sped up for plain texts."""
        c = self.criterion
        if self.items is not None:
            return self.items.combine(raw)
        if c.type == "text":
            return raw.strip() or None
        if c.type == "number" and _PLAIN_NUMBER.fullmatch(raw):
            number = float(raw.replace(",", "."))
            if (c.minimum is None or c.minimum <= number) and (
                    c.maximum is None or number <= c.maximum):
                return int(number) if number.is_integer() else number
        elif c.type == "url":
            if _PLAIN_URL.fullmatch(raw):
                return raw
            try:
                return ans.normalise_value(c, raw, allow_x=True)
            except ans.ValueRefused:
                raise
            except ValueError as exc:  # urllib refuses some hosts with its own ValueError
                raise ans.ValueRefused("answers.bad_url", value=raw) from exc
        return ans.normalise_value(c, raw, allow_x=True)


class _FilledCells(_Cells):
    """A text or URL column whose entry only depends on whether the cell is filled (no rule
    tests its value): free texts and URLs are unique per row, so they skip the caches."""

    __slots__ = ("filled",)

    def __init__(self, criterion: Criterion, compiled: Compiled, applies: bool) -> None:
        super().__init__(criterion, compiled, applies, None)
        self.filled = compiled.entry(criterion, "x", applies)

    def __missing__(self, raw: str) -> int:
        if self.criterion.type == "text":
            return self.filled if raw.strip() else 0
        if _PLAIN_URL.fullmatch(raw):
            return self.filled
        return super().__missing__(raw)


def _cells(c: Criterion, compiled: Compiled, applies: bool, items: _Items | None) -> _Cells:
    if c.type in ("text", "url") and compiled.value_blind(c):
        return _FilledCells(c, compiled, applies)
    return _Cells(c, compiled, applies, items)


# Luhn: every second digit from the right is doubled (its digits summed); indexed by the
# ASCII code of the digit, so the bytes of the text index it directly.
_DOUBLED = bytes(48) + bytes(2 * d - 9 if d > 4 else 2 * d for d in range(10))


def fast_siren(text: str) -> str | None:
    """The SIREN when `text` is already nine ASCII digits with a valid Luhn key, else None.

    A shortcut, not a second validator: it accepts exactly what `identity.parse_siren` returns
    unchanged (tests/test_batch_rows.py checks that), and every other text goes to it."""
    if len(text) != 9 or not text.isascii() or not text.isdigit():
        return None
    b = text.encode()
    total = b[0] + b[2] + b[4] + b[6] + b[8] + _DOUBLED[b[1]] + _DOUBLED[b[3]] + \
        _DOUBLED[b[5]] + _DOUBLED[b[7]]
    return text if total % 10 == 0 else None  # the five plain digits' "0" (5 x 48) is 0 mod 10


def code_value(text: str) -> str | int:
    """A code from a CSV cell: all digits and short (1001, 12345678) means a number that lost
    its leading zeros in a spreadsheet; the identity parsers repair those from the column."""
    stripped = text.strip()
    if stripped.endswith(".0"):
        stripped = stripped[:-2]
    if stripped.isascii() and stripped.isdigit():
        return int(stripped)
    return text


def person_fields(text: str) -> dict[str, str]:
    """'Nom <email>' or 'Nom, fonction, email' (each part optional) as a person mapping."""
    angle = _PERSON_ANGLE.match(text.strip())
    if angle:
        out = {"nom": angle["nom"].strip(" ,"), "email": angle["email"].strip()}
        return {k: v for k, v in out.items() if v}
    parts = [p.strip() for p in text.split(",") if p.strip()]
    person: dict[str, str] = {}
    if parts and "@" in parts[-1] and " " not in parts[-1]:
        person["email"] = parts.pop()
    if parts:
        person["nom"] = parts[0]
    if len(parts) > 1:
        person["fonction"] = ", ".join(parts[1:])
    return person


def labels_value(text: str) -> list[dict[str, Any]] | None:
    """'2023:2 | 2024:bronze' as the answers file's list, or None when it does not parse."""
    items = []
    for part in text.split("|"):
        if not part.strip():
            continue
        match = _LABEL.match(part)
        if match is None:
            return None
        items.append({"annee": int(match[1]), "niveau": match[2]})
    return items


@dataclass
class RowProblem:
    """A refused cell: where, and the message (a Problem rendered in the user's language)."""

    column: int | None
    problem: Problem


def _problem_at(key: str, _path: Any = (), **params: Any) -> Problem:
    return Problem(key, params)


@dataclass
class Summary:
    """What a run found: counts, a sample of rejections, timing."""

    rows: int = 0
    verdicts: Counter[str] = field(default_factory=Counter)
    levels: Counter[str] = field(default_factory=Counter)
    mentions: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    unknown_columns: list[str] = field(default_factory=list)
    dossiers: int = 0
    seconds: float = 0.0
    hint_row_skipped: bool = False

    @property
    def rejected(self) -> int:
        return self.verdicts[REJECTED]


class Checker:
    """Checks and assesses rows of one table against one catalog."""

    def __init__(self, catalog: Catalog, layout: Layout, lang: str) -> None:
        self.catalog, self.layout, self.lang = catalog, layout, lang
        self.compiled = Compiled(catalog)
        self.positions = {c.id: k for k, (_, c) in enumerate(layout.criteria)}
        indexes = [j for j, _ in layout.criteria]
        self.width = len(layout.headers)  # rows are padded to it, plus one blank cell
        self._where = tuple(layout.identity.get(name, self.width) for name in (
            "type", "code_insee", "siren", "population", "agents", "labels_anterieurs"))
        self._people = tuple((layout.identity.get(name, self.width), name)
                             for name in ("elu_referent", "responsable"))
        if len(indexes) > 1:
            self.criterion_cells: Callable[[list[str]], Sequence[str]] = \
                operator.itemgetter(*indexes)
        elif indexes:
            only = indexes[0]
            self.criterion_cells = lambda row: (row[only],)
        else:
            self.criterion_cells = lambda row: ()
        self._cells: dict[str | None, list[_Cells]] = {}
        items = {c.id: _Items(c) for _, c in layout.criteria if c.type in ("multi", "inventory")}
        self._shared = {(c.id, applies): _cells(c, self.compiled, applies, items.get(c.id))
                        for _, c in layout.criteria for applies in (True, False)}
        self._percents: dict[str | None, tuple[tuple[int, ...], ...]] = {}
        self.per_kind: dict[str | None, Any] = {}  # filled by for_kind()
        self._evaluators: dict[str | None, TypeEvaluator] = {}
        self._kinds: dict[str, Any] = {"": None}
        self.domains = tuple(d.id for d in catalog.domains)

    def cells_for(self, kind: str | None) -> list[_Cells]:
        found = self._cells.get(kind)
        if found is None:
            found = self._cells[kind] = [self._shared[c.id, c.applies(kind)]
                                         for _, c in self.layout.criteria]
        return found

    def for_kind(self, kind: str | None) -> tuple[list[_Cells], Any, TypeEvaluator,
                                                   tuple[tuple[int, ...], ...]]:
        """What a row of type `kind` needs: its cell caches, compiled evaluator, percentages."""
        found = self.per_kind.get(kind)
        if found is None:
            evaluator = self.evaluator(kind)
            found = self.per_kind[kind] = (self.cells_for(kind), evaluator.run, evaluator,
                                            self.percents(kind))
        return found

    def percents(self, kind: str | None) -> tuple[tuple[int, ...], ...]:
        """Per domain, the rounded percentage of each possible number of points."""
        found = self._percents.get(kind)
        if found is None:
            found = self._percents[kind] = tuple(
                tuple(int(p * 100 / possible + 0.5) if possible else 0
                      for p in range(int(possible) + 1))
                for possible in self.evaluator(kind).possible)
        return found

    def evaluator(self, kind: str | None) -> TypeEvaluator:
        found = self._evaluators.get(kind)
        if found is None:
            found = self._evaluators[kind] = self.compiled.evaluator(kind, self.positions)
        return found

    def kind(self, raw: str) -> Any:
        """The collectivity type of a cell (None when empty), or the IdentityValueError."""
        found = self._kinds.get(raw, self)
        if found is self:
            try:
                found = ident.parse_type(raw) if raw.strip() else None
            except ident.IdentityValueError as exc:
                found = exc
            if len(self._kinds) < _DEFAULT_LIMIT:
                self._kinds[raw] = found
        return found

    def identity(self, row: list[str], problems: list[RowProblem]) -> tuple[
            str | None, str | None, str | None, bool]:
        """Check the identity cells: (type, INSEE code, SIREN, first candidacy). A column the
        file lacks reads the row's extra blank cell."""
        j_type, j_insee, j_siren, j_pop, j_agents, j_labels = self._where
        kind = self._kinds.get(row[j_type], self)
        if kind is self:
            kind = self.kind(row[j_type])
        if kind.__class__ is ident.IdentityValueError:
            problems.append(RowProblem(j_type, Problem(kind.key, kind.params)))
            kind = None
        text = row[j_insee]
        insee = None
        if text:
            try:
                insee = ident.parse_insee(text, kind)
            except ident.IdentityValueError:
                insee = self._code(ident.parse_insee, text, j_insee, problems, kind)
        text = row[j_siren]
        siren = (fast_siren(text) or self._code(ident.parse_siren, text, j_siren, problems)) \
            if text else None
        # Offline checks of the codes against the territory database (tnl_cli/territory.py:
        # does this INSEE code / SIREN exist, and name this collectivity?) plug in here, with
        # `kind`, `insee`, `siren` and the name cell, appending RowProblems like the above.
        text = row[j_pop]
        if text and not (text.isdigit() and text.isascii()):
            self._count(text, j_pop, "population", True, problems)
        text = row[j_agents]
        if text and not (text.isdigit() and text.isascii()) and not _PLAIN_NUMBER.fullmatch(text):
            self._count(text, j_agents, "agents", False, problems)
        for j, name in self._people:
            if "@" in row[j]:
                email = person_fields(row[j]).get("email")
                try:  # what answers.parse_person checks of a referent
                    if email:
                        ident.parse_email(email, name)
                except ident.IdentityValueError as exc:
                    problems.append(RowProblem(j, Problem(exc.key, exc.params)))
        first = True
        if row[j_labels]:
            first = not self._labels(row[j_labels], j_labels, problems)
        return kind, insee, siren, first

    @staticmethod
    def _count(text: str, j: int, name: str, integer: bool, problems: list[RowProblem]) -> None:
        try:
            ident.parse_count(text, name, integer=integer)
        except ident.IdentityValueError as exc:
            problems.append(RowProblem(j, Problem(exc.key, exc.params)))

    @staticmethod
    def _code(parse: Callable[..., str], text: str, j: int, problems: list[RowProblem],
              *args: Any) -> str | None:
        """A code parsed as typed, else as the number a spreadsheet made of it (1001 for
        01001), else the parser's refusal; None when blank."""
        if not text.strip():
            return None
        try:
            return parse(text, *args)
        except ident.IdentityValueError as exc:
            refusal = exc
        repaired = code_value(text)
        if repaired != text:
            try:
                return parse(repaired, *args)
            except ident.IdentityValueError as exc:
                refusal = exc
        problems.append(RowProblem(j, Problem(refusal.key, refusal.params)))
        return None

    def _labels(self, text: str, j: int, problems: list[RowProblem]) -> bool:
        """Whether the previous-labels cell names at least one valid label."""
        items = labels_value(text)
        if items is None:
            problems.append(RowProblem(j, Problem("batch.bad_labels", {"value": text})))
            return False
        found: list[Problem] = []
        parsed = ans.parse_identity({"labels_anterieurs": items}, _problem_at, found)
        if found:
            problems.append(RowProblem(j, Problem("batch.bad_labels", {"value": text})))
        return bool(parsed.labels)

    def refused_cells(self, row: list[str], kind: str | None,
                      problems: list[RowProblem]) -> None:
        """Every criterion cell of `row` that its normaliser refuses, in column order."""
        for (j, c), cells, raw in zip(self.layout.criteria, self.cells_for(kind),
                                      self.criterion_cells(row), strict=True):
            try:
                cells[raw]
            except ans.ValueRefused as exc:
                problems.append(RowProblem(j, ans.refused(c, exc, None, None)))

    def message(self, line: int, item: RowProblem) -> str:
        text = item.problem.render(self.lang)
        if item.column is None:
            return tr(self.lang, "batch.row_error_no_column", line=line, message=text)
        return tr(self.lang, "batch.row_error", line=line, column=self.layout.column(item.column),
                  header=self.layout.headers[item.column].strip(), message=text)

    def answers(self, row: list[str]) -> ans.Answers:
        """The row as an Answers object (for a dossier): identity and normalised values."""
        raw: dict[str, Any] = {}
        for name, j in self.layout.identity.items():
            text = row[j].strip()
            if not text:
                continue
            if name in ("elu_referent", "responsable"):
                raw[name] = person_fields(text)
            elif name == "labels_anterieurs":
                raw[name] = labels_value(text) or []
            elif name in ("code_insee", "siren"):
                raw[name] = code_value(text)
            else:
                raw[name] = text
        identity = ans.parse_identity(raw, _problem_at, [])
        responses = {}
        cells = self.criterion_cells(row)
        for (_, c), text in zip(self.layout.criteria, cells, strict=True):
            value = ans.normalise_value(c, text, allow_x=True)
            if value is not None:
                responses[c.id] = ans.Answer(value)
        return ans.Answers(self.catalog.edition, identity, responses)


def output_columns(catalog: Catalog) -> list[Column]:
    """The result table: one row per input row, in input order."""
    return [Column("ligne", "number"), Column("nom"), Column("code_insee", "code"),
            Column("siren", "code"), Column("type"), Column("verdict", "key"),
            Column("niveau", "key"),
            Column("mentions", "list"), Column("score", "number"),
            *[Column(f"score_{d.id}", "number") for d in catalog.domains],
            Column("manques", "list"), Column("sans_reponse", "list"),
            Column("erreurs", "list")]


# -- the run --------------------------------------------------------------------------------

Progress = Callable[[float, int], None]
DossierSink = Callable[[Checker, list[str], int, str | None, str | None], None]


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
    checker = Checker(catalog, layout, lang)
    try:
        _loop(checker, source, summary, writer, progress, dossiers, file)
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


try:
    from _csv import Error as _CsvError
except ImportError:  # pragma: no cover - every CPython has _csv
    from csv import Error as _CsvError


def _loop(checker: Checker, source: Source, summary: Summary, writer: Writer | None,
          progress: Progress | None, dossiers: DossierSink | None, file: str) -> None:
    """The hot loop: kept flat, with local names, because it runs once per row."""
    layout, catalog = checker.layout, checker.catalog
    width = checker.width
    padded = width + 1  # the extra blank cell stands for the columns the file lacks
    nom_j = layout.identity.get("nom", width)
    criterion_cells, identity, for_kind = checker.criterion_cells, checker.identity, \
        checker.for_kind
    per_kind = checker.per_kind
    verdicts, levels, mentions_count = summary.verdicts, summary.levels, summary.mentions
    write = writer.write if writer is not None else None
    no_scores = [None] * (1 + len(catalog.domains))
    get, percent = dict.__getitem__, tuple.__getitem__
    state = source.line_state  # `line_num`: where the last row read ends
    last_line = state.line_num
    count = 0
    hint_checked = False
    try:
        for row in source.rows:
            line = last_line + 1
            last_line = state.line_num
            row.append("")
            if len(row) != padded:
                if len(row) < padded:
                    row[-1:] = [""] * (padded - len(row) + 1)
                elif any(cell.strip() for cell in row[width:]):
                    _extra_cells(row, width, layout, line, checker, summary, write)
                    continue
            if not row[nom_j] and not any(cell.strip() for cell in row):
                continue
            if not hint_checked:
                hint_checked = True
                if is_hint_row(row, layout, catalog):
                    summary.hint_row_skipped = True
                    continue
            count += 1
            if progress is not None and not count & 1023:
                progress(source.fraction(), count)
            problems: list[RowProblem] = []
            kind, insee, siren, first = identity(row, problems)
            caches, run, evaluator, percents = per_kind.get(kind) or for_kind(kind)
            try:
                entries = list(map(get, caches, criterion_cells(row)))
            except ans.ValueRefused:
                checker.refused_cells(row, kind, problems)
            if problems:
                _rejected(row, line, [checker.message(line, p) for p in problems], checker,
                          summary, write, no_scores)
                continue
            verdict, rank, mention_mask, ratio, total, points = run(entries, sum(entries), first)
            verdicts[verdict] += 1
            level = evaluator.tier_ids[rank - 1] if rank else ""
            if level:
                levels[level] += 1
            found_mentions = evaluator.mentions(mention_mask) if mention_mask else ()
            for mention in found_mentions:
                mentions_count[mention] += 1
            if write is not None:
                write([line, row[nom_j].strip(), insee or "", siren or "", kind or "", verdict,
                       level, found_mentions, int(ratio * 100 + 0.5),
                       *map(percent, percents, points), *evaluator.gates(total), ()])
            if dossiers is not None and verdict == "eligible":
                dossiers(checker, row, line, insee, siren)
                summary.dossiers += 1
    except _CsvError as exc:  # a quote left open runs into the field size limit
        raise TnlError.of("batch.csv_error", file=file, line=last_line + 1,
                          reason=str(exc)) from exc
    summary.rows += count


def _rejected(row: list[str], line: int, messages: list[str], checker: Checker,
              summary: Summary, write: Callable[[list[Any]], None] | None,
              no_scores: list[None]) -> None:
    """A row with invalid data: its reasons go to the `erreurs` column and the summary."""
    summary.verdicts[REJECTED] += 1
    room = _ERROR_SAMPLE - len(summary.errors)
    if room > 0:
        summary.errors += messages[:room]
    if write is not None:
        where, blank = checker.layout.identity, checker.width
        write([line, *(row[where.get(k, blank)].strip() for k in ("nom", "code_insee", "siren",
                                                                   "type")),
               REJECTED, "", (), *no_scores, (), (), messages])


def _extra_cells(row: list[str], width: int, layout: Layout, line: int, checker: Checker,
                 summary: Summary, write: Callable[[list[Any]], None] | None) -> None:
    """A row longer than the header with data past its end: a separator inside a value."""
    extra = next(j for j in range(width, len(row)) if row[j].strip())
    message = tr(checker.lang, "batch.extra_cells", line=line, column=layout.column(extra),
                 count=sum(1 for cell in row[width:] if cell.strip()))
    summary.rows += 1
    _rejected(row, line, [message], checker, summary, write, [None] * (1 + len(checker.domains)))


class DossierWriter:
    """Writes the Markdown dossier of eligible rows into one directory: names built from the
    name and the code, slugified (no path can leave the directory), never overwriting."""

    def __init__(self, directory: Path, catalog: Catalog, lang: str) -> None:
        from tnl_cli import dossier  # noqa: F401 - fail early if the dossier module is missing

        display = str(directory)
        if directory.exists() and not directory.is_dir():
            raise TnlError.of("batch.dossiers_not_dir", dir=display)
        parent = directory.parent if str(directory.parent) else Path(".")
        if not parent.is_dir():
            raise TnlError.of("io.no_dir", file=display, dir=str(parent))
        self.directory, self.catalog, self.lang = directory, catalog, lang
        self._used: set[str] = set()

    def __call__(self, checker: Checker, row: list[str], line: int, insee: str | None,
                 siren: str | None) -> None:
        from tnl_cli import dossier
        from tnl_cli.engine import evaluate
        from tnl_cli.fsio import write_atomic

        answers = checker.answers(row)
        data = dossier.render(self.catalog, answers, evaluate(self.catalog, answers), "md",
                              self.lang)
        try:
            self.directory.mkdir(exist_ok=True)
        except OSError as exc:
            raise TnlError.of("io.unwritable", file=str(self.directory),
                              reason=exc.strerror or str(exc)) from exc
        stem = dossier_stem(answers.identity.nom, insee or siren, line)
        for n in range(1, 10_000):
            name = f"{stem}.md" if n == 1 else f"{stem}-{n}.md"
            if name in self._used or (self.directory / name).exists():
                continue
            try:
                write_atomic(self.directory / name, data, overwrite=False)
            except TnlError as exc:
                if exc.problems[0].key == "io.exists":  # appeared meanwhile: next name
                    continue
                raise
            self._used.add(name)
            return


def dossier_stem(name: str | None, code: str | None, line: int) -> str:
    """'Saint-Étienne', '42218' -> 'saint-etienne-42218': lowercase ASCII, digits and dashes."""
    slug = fold(name or "").replace(" ", "-")[:60].strip("-")
    parts = [p for p in (slug, (code or "").lower()) if p]
    return "-".join(parts) if parts else f"ligne-{line}"

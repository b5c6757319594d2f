"""Identity cells of a batch row: parsed as the answers file parses them, checked against the COG.

Each cell goes through the `identity.parse_*` functions, and the codes through
`reconcile.reconcile` against an in-memory `territory_index.Index`, so a value is refused or warned
about with the same words everywhere. The common case (a code the COG knows, with the official
name or none, the right type or none) is recognised from the index's tuples directly; anything
else goes to `reconcile` (tests/test_batch_identity.py checks the two agree).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from tnl_cli.batch.cells import PLAIN_NUMBER
from tnl_cli.batch.columns import Layout
from tnl_cli.core import answers as ans
from tnl_cli.core import identity as ident
from tnl_cli.errors import Problem
from tnl_cli.numbers import NumberRefused, plain_int, read_int

if TYPE_CHECKING:
    from tnl_cli.reference.territory_index import Index

_PERSON_ANGLE = re.compile(r"^(?P<nom>[^<>]*)<(?P<email>[^<>]*)>\s*$")
_LABEL = re.compile(r"^\s*(\d{4})\s*[:=]\s*(\S(?:.*\S)?)\s*$")
_KINDS_LIMIT = 256
_AGENTS_LIMIT = 4096
# Luhn: every second digit from the right is doubled (its digits summed); indexed by the
# ASCII code of the digit, so the bytes of the text index it directly.
_DOUBLED = bytes(48) + bytes(2 * d - 9 if d > 4 else 2 * d for d in range(10))


class RowProblem(NamedTuple):
    """Something wrong in a row: the column (an index in the row, None for the whole row) and
    the problem, rendered in the user's language when written."""

    column: int | None
    problem: Problem


# What `check` returns: type, first candidacy, the identity's output cells (name, INSEE code,
# SIREN, type, population, département; None for a rejected row), refusals, warnings.
Checked = tuple[str | None, bool, list[Any] | None, list[RowProblem], list[RowProblem]]


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
    number = plain_int(stripped) if len(stripped) <= 9 else None  # a SIREN at most
    return text if number is None else number


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
        try:  # `\d{4}` matches `٢٠٢٤` too: ASCII digits only
            items.append({"annee": read_int(match[1]), "niveau": match[2]})
        except NumberRefused:
            return None
    return items


def problem_at(key: str, _path: Any = (), **params: Any) -> Problem:
    """The `at` callback of `answers.parse_identity`, for cells located by their column."""
    return Problem(key, params)


class _Kinds(dict):  # type: ignore[type-arg]
    """Type cell -> collectivity type (None when blank) or the IdentityValueError refusing it."""

    def __missing__(self, raw: str) -> Any:
        try:
            found: Any = ident.parse_type(raw) if raw.strip() else None
        except ident.IdentityValueError as exc:
            found = exc
        if len(self) < _KINDS_LIMIT:
            self[raw] = found
        return found


class IdentityCells:
    """Checks the identity cells of the rows under one header.

    `index` is None when the file has no code column: there is nothing to check then."""

    def __init__(self, layout: Layout, index: Index | None) -> None:
        width = len(layout.headers)  # rows are padded with one blank cell past their end
        where = layout.identity
        self.columns = {name: where.get(name, width) for name in (
            "nom", "type", "code_insee", "siren", "population", "agents", "labels_anterieurs")}
        self._where = tuple(self.columns.values())
        self._people = tuple((j, name) for name, j in where.items()
                             if name in ("elu_referent", "responsable"))
        self._kinds = _Kinds({"": None})
        self._agents: set[str] = set()
        self.index = index
        if index is not None:
            from tnl_cli.core.reconcile import reconcile

            self._reconcile = reconcile
            self._communes = index.communes.get
            self._epcis = index.epcis.get

    def check(self, row: list[str]) -> Checked:
        """The row's identity, checked and completed. A column the file lacks reads the
        row's extra blank cell."""
        j_nom, j_type, j_insee, j_siren, j_pop, j_agents, j_labels = self._where
        problems: list[RowProblem] = []
        kind = self._kinds[row[j_type]]
        if kind.__class__ is ident.IdentityValueError:
            problems.append(RowProblem(j_type, Problem(kind.key, kind.params)))
            kind = None
        text = row[j_insee]
        insee = siren = found = None
        if text:
            found = self._communes(text) if self.index is not None else None
            if found is not None:
                insee = text
            else:
                insee = self._code(ident.parse_insee, text, j_insee, problems, kind)
                if insee is not None and self.index is not None:
                    found = self._communes(insee)
        text = row[j_siren]
        if text:
            siren = text if found is not None and text == found[1] else (
                fast_siren(text) or self._code(ident.parse_siren, text, j_siren, problems))
        text = row[j_pop]
        population = None
        if text:
            population = plain_int(text) if len(text) <= 9 else None
            if population is None:
                population = self._count(text, j_pop, "population", True, problems)
        text = row[j_agents]
        if text and text not in self._agents:
            if PLAIN_NUMBER.fullmatch(text):
                if len(self._agents) < _AGENTS_LIMIT:
                    self._agents.add(text)  # staff counts repeat: '12', '3,5'
            else:
                self._count(text, j_agents, "agents", False, problems)
        for j, name in self._people:
            text = row[j]
            if "@" in text:  # what answers.parse_person checks of a referent: the address
                last = text.rpartition(",")[2].strip() if "<" not in text else ""
                email = (last if "@" in last and " " not in last else None) if last else \
                    person_fields(text).get("email")  # the last part, as person_fields finds it
                try:
                    if email:
                        ident.parse_email(email, name)
                except ident.IdentityValueError as exc:
                    problems.append(RowProblem(j, Problem(exc.key, exc.params)))
        first = not self._labels(row[j_labels], j_labels, problems) if row[j_labels] else True
        nom = row[j_nom].strip()
        if problems:
            return kind, first, None, problems, []
        if self.index is None or (insee is None and siren is None):
            return kind, first, [nom, insee or "", siren or "", kind or "",
                                 "" if population is None else population, ""], problems, []
        if insee is not None:
            if found is not None and (siren is None or siren == found[1]) and (
                    not nom or nom == found[0]) and (kind is None or kind == "commune"):
                return kind or "commune", first, [
                    nom or found[0], insee, siren or found[1] or "", kind or "commune",
                    found[2] if population is None else population, found[3]], problems, []
        elif (epci := self._epcis(siren)) is not None:
            if (not nom or nom == epci[1]) and (kind is None or kind == epci[0]):
                return kind or epci[0], first, [
                    nom or epci[1], "", siren, kind or epci[0],
                    epci[2] if population is None else population, epci[3] or ""], problems, []
        elif (code := self.index.commune_of_siren(siren)) is not None:
            commune = self._communes(code)
            if (not nom or nom == commune[0]) and (kind is None or kind == "commune"):
                return kind or "commune", first, [
                    nom or commune[0], code, siren, kind or "commune",
                    commune[2] if population is None else population, commune[3]], problems, []
        return self._reconciled(kind, first, nom, insee, siren, population)

    def _reconciled(self, kind: str | None, first: bool, nom: str, insee: str | None,
                    siren: str | None, population: int | None) -> Checked:
        """What `reconcile` says of an identity the fast cases do not cover."""
        given = ident.Identity(nom=nom or None, type=kind, code_insee=insee, siren=siren,
                               population=population)
        completed, errors, warnings = self._reconcile(given, self.index)
        problems = [RowProblem(self.columns[p.params["field"]], p) for p in errors]
        notes = [RowProblem(self.columns[p.params["field"]], p) for p in warnings]
        if problems:
            return kind, first, None, problems, notes
        return completed.type, first, [
            completed.nom or "", completed.code_insee or "", completed.siren or "",
            completed.type or "", "" if completed.population is None else completed.population,
            completed.departement or ""], problems, notes

    @staticmethod
    def _count(text: str, j: int, name: str, integer: bool,
               problems: list[RowProblem]) -> Any:
        try:
            return ident.parse_count(text, name, integer=integer)
        except ident.IdentityValueError as exc:
            problems.append(RowProblem(j, Problem(exc.key, exc.params)))
            return None

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

    @staticmethod
    def _labels(text: str, j: int, problems: list[RowProblem]) -> bool:
        """Whether the previous-labels cell names at least one valid label."""
        items = labels_value(text)
        if items is None:
            problems.append(RowProblem(j, Problem("batch.bad_labels", {"value": text})))
            return False
        found: list[Problem] = []
        parsed = ans.parse_identity({"labels_anterieurs": items}, problem_at, found)
        if found:
            problems.append(RowProblem(j, Problem("batch.bad_labels", {"value": text})))
        return bool(parsed.labels)

    def identity(self, row: list[str]) -> ident.Identity:
        """The row's identity as the answers file would give it, checked and completed (for
        a dossier)."""
        raw: dict[str, Any] = {}
        for name, j in (*self.columns.items(), *((name, j) for j, name in self._people)):
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
        identity = ans.parse_identity(raw, problem_at, [])
        if self.index is None:
            return identity
        return ans.check_identity(identity, problem_at, [], directory=self.index)

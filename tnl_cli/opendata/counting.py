"""What each collectivity publishes on data.gouv.fr, counted in one pass over the exports.

`scan` reads the organisations export (whose `business_number_id` is a SIRET or a SIREN: its
first nine digits are the SIREN), then the datasets export, then, when given, the resources
export, each once, and keeps only small counters per SIREN: it serves one collectivity
(`tnl opendata`) and every row of a batch alike.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path

from tnl_cli.core.normalise import ValueRefused, parse_url
from tnl_cli.opendata.exports import DATASETS, ORGANISATIONS, RESOURCES, Progress, Table
from tnl_cli.textnorm import fold

# Licence categories, in the order a tie is settled (the legal ones first).
LICENCES = ("licence_ouverte_2", "odbl", "licence_ouverte_1", "autre", "aucune")
SCDL_PREFIX = "scdl/"
_DIGITS = frozenset("0123456789")
_SEPARATORS = frozenset(" .-\u00a0\u202f\t")
_NOT_ARCHIVED = frozenset(("", "false", "0", "non", "no", "none", "null"))
_NO_LICENCE = frozenset(("notspecified", "license not specified", "licence non specifiee",
                         "non specifiee", "not specified", "none", "aucune"))


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    url: str


@dataclass
class Facts:
    """What the exports say about one SIREN's organisations on data.gouv.fr."""

    siren: str
    organisations: list[Organisation] = field(default_factory=list)
    datasets: int = 0  # not archived
    archived: int = 0
    recent: int = 0  # not archived, updated within twelve months of the reference date
    licences: Counter[str] = field(default_factory=Counter)  # over the datasets not archived
    schemas: dict[str, set[str]] = field(default_factory=dict)  # schema -> dataset ids
    archived_ids: set[str] = field(default_factory=set)

    def scdl(self) -> dict[str, int]:
        """SCDL schema -> datasets (not archived) whose resources declare it."""
        return {name: len(ids) for name, ids in sorted(self.schemas.items())
                if name.startswith(SCDL_PREFIX)}

    def other_schemas(self) -> dict[str, int]:
        return {name: len(ids) for name, ids in sorted(self.schemas.items())
                if not name.startswith(SCDL_PREFIX)}

    def scdl_datasets(self) -> int:
        """Datasets (not archived) with at least one resource declaring an SCDL schema."""
        found: set[str] = set()
        for name, ids in self.schemas.items():
            if name.startswith(SCDL_PREFIX):
                found |= ids
        return len(found)

    def main_licence(self) -> str | None:
        """The licence most datasets use (ties: the legal ones first), None without datasets."""
        if not self.datasets:
            return None
        return max(LICENCES, key=lambda k: (self.licences[k], -LICENCES.index(k)))


@dataclass(frozen=True)
class Exports:
    organisations: Path
    datasets: Path
    resources: Path | None = None


def siren_of(number: str) -> str | None:
    """The SIREN in a `business_number_id` (a SIRET or a SIREN, spaces and dots allowed)."""
    digits = "".join(ch for ch in number if ch in _DIGITS)
    if len(digits) in (9, 14) and all(ch in _DIGITS or ch in _SEPARATORS for ch in number):
        return digits[:9]
    return None


def licence_category(raw: str) -> str:
    """One of LICENCES for the `license` cell (an id such as `lov2` or a title such as
    « Licence Ouverte / Open Licence version 2.0 »)."""
    text = fold(raw)
    if not text or text in _NO_LICENCE or "not specified" in text or "non specifi" in text:
        return "aucune"
    if "odbl" in text or "open database" in text:
        return "odbl"
    words = f" {text} "
    ouverte = ("licence ouverte" in text or "open licence" in text or "etalab" in text
               or text in ("lov2", "fr lo", "lo"))
    if text in ("lov2", "etalab 2 0") or (ouverte and (" 2 0 " in words or " v2 " in words
                                                         or "version 2" in text)):
        return "licence_ouverte_2"
    if ouverte:
        return "licence_ouverte_1"
    return "autre"


def is_archived(cell: str) -> bool:
    """`archived` is False or the date it was archived (udata writes `o.archived or False`)."""
    return cell.strip().lower() not in _NOT_ARCHIVED


def year_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def scan(exports: Exports, sirens: Collection[str] | None, reference: dt.date, *,
         progress: Callable[[str, int, int], None] | None = None) -> dict[str, Facts]:
    """Facts for every SIREN of `sirens` found among the organisations (None: every
    organisation with a SIREN), from one pass over each export.

    `progress(file, bytes read, size)` hears how far each file is read."""
    facts: dict[str, Facts] = {}
    owner: dict[str, Facts] = {}  # organisation id -> its SIREN's facts
    with Table(exports.organisations, ORGANISATIONS, ("id", "business_number_id"),
               ("name", "url", "slug")) as table:
        j_id, j_number = table.index["id"], table.index["business_number_id"]
        j_name, j_url, j_slug = (table.optional[k] for k in ("name", "url", "slug"))
        for row in table.rows(_reporter(progress, table)):
            siren = siren_of(row[j_number])
            if siren is None or (sirens is not None and siren not in sirens):
                continue
            found = facts.get(siren)
            if found is None:
                found = facts[siren] = Facts(siren)
            org_id = row[j_id].strip()
            found.organisations.append(Organisation(
                org_id, row[j_name].strip() if j_name is not None else "",
                _page(row, j_url, j_slug)))
            owner[org_id] = found
    _count_datasets(exports.datasets, owner, reference, progress)
    if exports.resources is not None:
        _count_resources(exports.resources, owner, progress)
    return facts


def _page(row: list[str], j_url: int | None, j_slug: int | None) -> str:
    url = row[j_url].strip() if j_url is not None else ""
    if url and len(url) < 500:
        with contextlib.suppress(ValueRefused):  # as the answers file accepts it, or the slug's
            return parse_url(url)
    slug = row[j_slug].strip() if j_slug is not None else ""
    return f"https://www.data.gouv.fr/organizations/{slug}/" if slug and "/" not in slug else ""


def _reporter(progress: Callable[[str, int, int], None] | None, table: Table) -> Progress | None:
    if progress is None:
        return None
    return lambda done: progress(table.file, done, table.size)


def _count_datasets(path: Path, owner: dict[str, Facts], reference: dt.date,
                    progress: Callable[[str, int, int], None] | None) -> None:
    since = year_before(reference).isoformat()
    categories: dict[str, str] = {}  # a licence cell -> its category: a few dozen texts
    with Table(path, DATASETS, ("id", "organization_id", "license", "last_modified",
                                "archived")) as table:
        j_id, j_org, j_licence, j_modified, j_archived = (table.index[k] for k in (
            "id", "organization_id", "license", "last_modified", "archived"))
        get = owner.get
        for row in table.rows(_reporter(progress, table)):
            found = get(row[j_org])
            if found is None:
                continue
            if is_archived(row[j_archived]):
                found.archived += 1
                found.archived_ids.add(row[j_id])
                continue
            found.datasets += 1
            cell = row[j_licence]
            category = categories.get(cell)
            if category is None:
                category = categories[cell] = licence_category(cell)
            found.licences[category] += 1
            day = row[j_modified].strip()[:10]
            if len(day) == 10 and day[4] == "-" and day[7] == "-" and day >= since:
                found.recent += 1


def _count_resources(path: Path, owner: dict[str, Facts],
                     progress: Callable[[str, int, int], None] | None) -> None:
    with Table(path, RESOURCES, ("dataset.id", "dataset.organization_id", "schema_name"),
               ("dataset.archived", "dataset.private")) as table:
        j_dataset, j_org, j_schema = (table.index[k] for k in (
            "dataset.id", "dataset.organization_id", "schema_name"))
        j_archived, j_private = table.optional["dataset.archived"], table.optional[
            "dataset.private"]
        get = owner.get
        for row in table.rows(_reporter(progress, table)):
            schema = row[j_schema].strip()
            if not schema:
                continue
            found = get(row[j_org])
            if found is None:
                continue
            dataset = row[j_dataset]
            if dataset in found.archived_ids or (
                    j_archived is not None and is_archived(row[j_archived])) or (
                    j_private is not None and row[j_private].strip().lower() == "true"):
                continue
            found.schemas.setdefault(schema[:200], set()).add(dataset)

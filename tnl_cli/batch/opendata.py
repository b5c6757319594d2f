"""`tnl batch --opendata-dir DIR`: what each row's collectivity publishes on data.gouv.fr.

The exports are read once, before the rows, for every organisation with a SIREN (the rows'
SIRENs are not known before they are read); each result row then gets five more cells, looked
up by its SIREN. The facts live in this process: the rows are written here, not by workers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tnl_cli.errors import TnlError
from tnl_cli.io.table_write import Column, Writer
from tnl_cli.opendata.counting import Exports, Facts, scan, siren_of
from tnl_cli.opendata.exports import export_date
from tnl_cli.opendata.odf import Portal
from tnl_cli.opendata.odf import read as read_odf

COLUMNS = (Column("datagouv_organisations", "number"), Column("datagouv_jeux", "number"),
           Column("datagouv_jeux_recents", "number"), Column("datagouv_licence", "key"),
           Column("datagouv_jeux_scdl", "number"), Column("opendatafrance_portail"),
           Column("opendatafrance_jeux", "number"))
ODF_PATTERN = "*opendatafrance*.csv"
OBLIGED_POPULATION = 3500  # open data by default: 3,500 inhabitants (and 50 agents)
_PATTERNS = (("organisations", "export-organization*.csv"), ("jeux", "export-dataset*.csv"),
             ("ressources", "export-resource*.csv"))


def find_odf(directory: Path) -> Path | None:
    """OpenDataFrance's list in `directory` (a name with « opendatafrance »), if any."""
    paths = sorted(p for p in directory.glob(ODF_PATTERN) if p.is_file())
    return paths[-1] if paths else None


def find_exports(directory: Path) -> Exports:
    """The newest export of each kind in `directory` (data.gouv.fr's names carry the date);
    the resources export may be missing."""
    if not directory.is_dir():
        raise TnlError.of("opendata.batch_no_dir", file=str(directory))
    found: dict[str, Path | None] = {}
    for kind, pattern in _PATTERNS:
        paths = sorted(p for p in directory.glob(pattern) if p.is_file())
        found[kind] = paths[-1] if paths else None
    missing = [pattern for kind, pattern in _PATTERNS[:2] if found[kind] is None]
    if missing:
        raise TnlError.of("opendata.batch_missing_exports", file=str(directory),
                          patterns=", ".join(missing))
    assert found["organisations"] is not None and found["jeux"] is not None
    return Exports(found["organisations"], found["jeux"], found["ressources"])


@dataclass
class Tally:
    """The rows' collectivities by what they publish (for the summary)."""

    with_datasets: int = 0  # on data.gouv.fr, or on another portal by OpenDataFrance's list
    without: int = 0
    without_obliged: int = 0  # of which 3,500 inhabitants or more
    unidentified: int = 0  # no SIREN to look up


@dataclass(frozen=True)
class Published:
    """What the folder's files say, by SIREN, read once before the rows."""

    facts: dict[str, Facts]
    resources: bool  # the resources export was there (SCDL counted)
    day: str  # the exports' date
    portals: dict[str, Portal] | None  # OpenDataFrance's list, when the folder has it


def load(directory: Path, reference: dt.date,
         progress: Callable[[str, int, int], None] | None = None) -> Published:
    """One pass over each export of `directory`, for every organisation with a SIREN."""
    exports = find_exports(directory)
    odf_path = find_odf(directory)
    facts = scan(exports, None, reference, progress=progress)
    return Published(facts, exports.resources is not None,
                     export_date(exports.datasets) or "?",
                     read_odf(odf_path, None) if odf_path is not None else None)


class WithOpendata:
    """A result writer that adds the data.gouv.fr cells to every row it is given."""

    def __init__(self, writer: Writer, columns: Sequence[Column], published: Published) -> None:
        names = [c.name for c in columns]
        self._writer, self._facts = writer, published.facts
        self._resources, self._portals = published.resources, published.portals
        self._siren, self._population = names.index("siren"), names.index("population")
        self.tally = Tally()

    def write(self, row: list[Any]) -> None:
        siren = siren_of(str(row[self._siren] or ""))
        tally = self.tally
        if siren is None:
            tally.unidentified += 1
            row.extend(("",) * len(COLUMNS))
            self._writer.write(row)
            return
        found = self._facts.get(siren)
        datasets = found.datasets if found is not None else 0
        portal = self._portals.get(siren) if self._portals is not None else None
        elsewhere = portal.nb_ptf if portal is not None and portal.nb_ptf else 0
        if datasets or elsewhere:
            tally.with_datasets += 1
        else:
            tally.without += 1
            population = row[self._population]
            if isinstance(population, int) and population >= OBLIGED_POPULATION:
                tally.without_obliged += 1
        if found is None:
            row.extend((0, 0, 0, "", 0 if self._resources else ""))
        else:
            row.extend((len(found.organisations), datasets, found.recent,
                        found.main_licence() or "",
                        found.scdl_datasets() if self._resources else ""))
        if self._portals is None:
            row.extend(("", ""))
        elif portal is None:
            row.extend(("", 0))
        else:
            row.extend((portal.url_ptf, portal.nb_ptf if portal.nb_ptf is not None else ""))
        self._writer.write(row)

    def formatter(self) -> None:
        """None: the rows are formatted here, where the facts are (one process)."""
        return None

    def write_formatted(self, text: str) -> None:
        self._writer.write_formatted(text)

"""The bundled database's tables in memory, read once per run: every commune and EPCI for batch
runs that check thousands of codes (kept marshalled in the user's cache), and where each sits
(EPCI, département, région) for the territory synthesis. The lookups are `territory`'s."""

from __future__ import annotations

import os
import sqlite3
import sys
from typing import NamedTuple

from tnl_cli.reference.territory import (
    Collectivity,
    _clean_insee,
    _clean_siren,
    _db,
    _db_path,
    by_insee,
    by_siren,
)

# (name, SIREN, population, département, COG code) of a commune; (kind, name, population,
# département, SIREN) of an EPCI: what a batch row is checked against, as SQLite returns it.
CommuneRow = tuple[str, str | None, int | None, str, str]
EpciRow = tuple[str, str, int | None, str | None, str]
_INDEX_FORMAT = 1  # bump when the rows change shape


class Index:
    """Every commune and EPCI in memory, for batch runs that check thousands of codes.

    Only what a batch row is checked against is kept (name, SIREN, population, département),
    as plain tuples: building 36,000 Collectivity instances cost more than the whole check.
    `by_insee` and `by_siren` still give the module's full Collectivity records, read from the
    database for the codes that exist only."""

    def __init__(self, communes: dict[str, CommuneRow], epcis: dict[str, EpciRow]) -> None:
        #: COG code -> (name, SIREN, population, département, COG code) of today's communes
        self.communes = communes
        #: SIREN -> (kind, name, population, département, SIREN) of the EPCI
        self.epcis = epcis
        self._commune_sirens: dict[str, str] | None = None
        self._aliases: dict[str, str] | None = None

    def commune_of_siren(self, siren: str) -> str | None:
        """The COG code of the commune with this SIREN, if any."""
        if self._commune_sirens is None:
            self._commune_sirens = {row[1]: code for code, row in self.communes.items()
                                    if row[1]}
        return self._commune_sirens.get(siren)

    def by_insee(self, code: str) -> Collectivity | None:
        """Same answers as the module's by_insee, without a query for unknown codes."""
        code = _clean_insee(code)
        if self._aliases is None:
            self._aliases = dict(_db().execute("SELECT code, insee FROM code_alias"))
        return by_insee(code) if code in self.communes or code in self._aliases else None

    def by_siren(self, siren: str) -> Collectivity | None:
        """Same answers as the module's by_siren, without a query for unknown SIRENs."""
        siren = _clean_siren(siren)
        known = siren in self.epcis or self.commune_of_siren(siren) is not None
        return by_siren(siren) if known else None


def load_index() -> Index:
    """All communes and EPCI, from the user's cache (about 15 ms), or read from the database
    (about 40 ms) and cached when the database is not the one the cache was made from. The
    reading uses a connection of its own, closed at once: a process may fork after this."""
    path = _db_path()
    stat = os.stat(path)
    from tnl_cli.resources import cache_dir

    cache = os.path.join(cache_dir(), f"territoire-{stat.st_size}-{stat.st_mtime_ns}-py"
                         f"{sys.version_info[0]}{sys.version_info[1]}-{_INDEX_FORMAT}.marshal")
    found = _read_cache(cache)
    if found is None:
        found = _read_rows(path)
        _write_cache(cache, found)
    return Index(*found)


def _read_cache(cache: str) -> tuple[dict[str, CommuneRow], dict[str, EpciRow]] | None:
    import marshal
    from pathlib import Path

    from tnl_cli.io.files import read_private

    # Only a file this user wrote and nobody else may change: a damaged or planted marshal
    # file can crash the interpreter.
    data = read_private(Path(cache))
    if data is None:
        return None
    try:
        communes, epcis = marshal.loads(data)
    except Exception:  # noqa: BLE001 - any unreadable cache means: read the database
        return None
    if isinstance(communes, dict) and isinstance(epcis, dict):
        return communes, epcis
    return None


def _own_connection(path: str) -> sqlite3.Connection:
    """A read-only connection of the caller's own, to close at once (a process may fork
    after: the module's shared connection must not cross a fork)."""
    uri = path.replace(os.sep, "/").replace("%", "%25").replace("?", "%3f").replace("#", "%23")
    return sqlite3.connect(f"file:{'' if uri.startswith('/') else '/'}{uri}?mode=ro&immutable=1",
                           uri=True)


def _read_rows(path: str) -> tuple[dict[str, CommuneRow], dict[str, EpciRow]]:
    db = _own_connection(path)
    try:
        communes = {row[4]: row for row in db.execute(
            "SELECT name, siren, population, departement, insee FROM commune")}
        epcis = {row[4]: row for row in db.execute(
            "SELECT kind, name, population, departement, siren FROM epci")}
    finally:
        db.close()
    return communes, epcis


def _write_cache(cache: str, found: tuple[dict[str, CommuneRow], dict[str, EpciRow]]) -> None:
    """Best effort: a cache that cannot be written is simply not there next time. Earlier
    copies go, and so do the temporary files of the naming used before `io.files` named them
    (`territoire-….marshal.PID.tmp`, left by killed runs)."""
    import glob
    import marshal
    from pathlib import Path

    from tnl_cli.io.files import write_private

    try:
        folder = os.path.dirname(cache)
        os.makedirs(folder, exist_ok=True)
        pattern = os.path.join(glob.escape(folder), "territoire-*.marshal")
        for old in glob.glob(pattern) + glob.glob(pattern + ".*.tmp"):
            os.unlink(old)
        write_private(Path(cache), marshal.dumps(found))
    except OSError:
        pass


# -- where a collectivity sits: EPCI, département, région, size band -------------------------

# Population bands (lower bounds), as digital-maturity barometers split communes; 3,500 and
# 50,000 are the thresholds of the open-data and REEN obligations.
SIZE_BANDS = (0, 500, 2000, 3500, 10000, 50000, 200000)


def size_band(population: int | None) -> str:
    """The band key of a population ("3500-9999", "200000+"), "" when unknown."""
    if population is None or population < 0:
        return ""
    for low, high in zip(SIZE_BANDS, SIZE_BANDS[1:], strict=False):
        if population < high:
            return f"{low}-{high - 1}"
    return f"{SIZE_BANDS[-1]}+"


class Places(NamedTuple):
    """The grouping levels above a commune or an EPCI, read once (about 50 ms)."""

    commune_epci: dict[str, str]  # commune COG code -> SIREN of its EPCI
    epcis: dict[str, tuple[str, str | None, str | None]]  # SIREN -> (name, département, région)
    departement_region: dict[str, str]  # département code -> région code
    departements: dict[str, str]  # code -> name
    regions: dict[str, str]  # code -> name

    def of(self, insee: str, siren: str, departement: str,
           kind: str = "") -> tuple[str, str, str, str]:
        """(EPCI SIREN, EPCI name, département, région) of a commune (by its code), an EPCI (by
        its SIREN, its own EPCI), a région or a single territorial collectivity whose code is a
        région's (`kind` tells: "44" is both a département and a région); blanks where
        unknown."""
        if kind in ("region", "ctu") and insee in self.regions and not departement:
            return "", "", "", insee
        epci = self.commune_epci.get(insee) if insee else None
        if epci is None and siren in self.epcis:
            epci = siren
        found = self.epcis.get(epci) if epci else None
        if found is not None and not departement:
            departement = found[1] or ""
        region = self.departement_region.get(departement) or (found[2] if found else None)
        return epci or "", found[0] if found else "", departement or "", region or ""


_places: Places | None = None


def load_places() -> Places:
    """Every commune's EPCI, every EPCI's name, département and région, and the names of
    départements and régions (kept for the process: forked workers share it)."""
    global _places
    if _places is None:
        db = _own_connection(_db_path())
        try:
            _places = Places(
                dict(db.execute(
                    "SELECT insee, epci_siren FROM commune WHERE epci_siren IS NOT NULL")),
                {row[0]: row[1:] for row in db.execute(
                    "SELECT siren, name, departement, region FROM epci")},
                dict(db.execute("SELECT code, region FROM departement")),
                dict(db.execute("SELECT code, name FROM departement")),
                dict(db.execute("SELECT code, name FROM region")))
        finally:
            db.close()
    return _places

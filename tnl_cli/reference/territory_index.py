"""Every commune and EPCI in memory, for batch runs that check thousands of codes: read once
from the bundled database (`territory`), kept marshalled in the user's cache."""

from __future__ import annotations

import os
import sqlite3
import sys

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


def _read_rows(path: str) -> tuple[dict[str, CommuneRow], dict[str, EpciRow]]:
    uri = path.replace(os.sep, "/").replace("%", "%25").replace("?", "%3f").replace("#", "%23")
    db = sqlite3.connect(f"file:{'' if uri.startswith('/') else '/'}{uri}?mode=ro&immutable=1",
                         uri=True)
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

"""OpenDataFrance's list of organisations and their open data portals.

The list (columns `siren, nom, type, …, url-ptf, nb-ptf, url-datagouv, nb-datagouv`) says,
for each collectivity it follows, the address of its own portal and how many datasets each
portal holds: what data.gouv.fr's exports cannot see.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from tnl_cli import numbers
from tnl_cli.core.normalise import ValueRefused, parse_url
from tnl_cli.opendata.counting import siren_of
from tnl_cli.opendata.exports import ODF, Table

_OPTIONAL = ("type", "url-ptf", "nb-ptf", "url-datagouv", "nb-datagouv")


@dataclass(frozen=True)
class Portal:
    """One collectivity in OpenDataFrance's list."""

    siren: str
    nom: str
    url_ptf: str
    nb_ptf: int | None
    url_datagouv: str
    nb_datagouv: int | None


def _count(text: str) -> int | None:
    text = text.strip().replace(" ", "").replace("\u202f", "").replace("\u00a0", "")
    if text.endswith(".0"):
        text = text[:-2]
    return numbers.plain_int(text) if len(text) < 10 else None


def _url(text: str) -> str:
    """A web address as the answers file accepts it (core.normalise.parse_url), else "": a
    bad cell must not become a proposal that --apply then refuses in the user's file."""
    try:
        return parse_url(text) if len(text) < 500 else ""
    except ValueRefused:
        return ""


def read(path: Path, sirens: Collection[str] | None) -> dict[str, Portal]:
    """The entries of `sirens` (None: every entry) in the list at `path` (`;` or `,`)."""
    found: dict[str, Portal] = {}
    with Table(path, ODF, ("siren", "nom"), _OPTIONAL, delimiters=";,") as table:
        j_siren, j_nom = table.index["siren"], table.index["nom"]
        where = table.optional

        def cell(row: list[str], name: str) -> str:
            j = where[name]
            return row[j] if j is not None else ""

        for row in table.rows():
            siren = siren_of(row[j_siren])
            if siren is None or (sirens is not None and siren not in sirens):
                continue
            found[siren] = Portal(siren, row[j_nom].strip()[:200], _url(cell(row, "url-ptf")),
                                  _count(cell(row, "nb-ptf")), _url(cell(row, "url-datagouv")),
                                  _count(cell(row, "nb-datagouv")))
    return found

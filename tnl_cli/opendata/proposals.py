"""Counts turned into proposed answers, each with the file it was drawn from.

What the exports show is proposed; what they cannot show is not: no dataset on data.gouv.fr
does not mean that a collectivity opens no data (its own portal, a regional one), so no
« non » is ever proposed from an absence, and the command says what it could not see.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tnl_cli.core.provenance import MAX_TEXT, Proposal, Source
from tnl_cli.opendata.counting import Exports, Facts
from tnl_cli.opendata.exports import export_date
from tnl_cli.opendata.odf import Portal

DATAGOUV = "datagouv-export"
OPENDATAFRANCE = "opendatafrance"
UNIT = "jeux_de_donnees"
# The licence_donnees choice for each licence category (the Licence Ouverte 1.0 is not on the
# decree's list: « autre »).
CHOICE = {"licence_ouverte_2": "licence_ouverte_2", "odbl": "odbl",
          "licence_ouverte_1": "autre", "autre": "autre", "aucune": "aucune"}


@dataclass(frozen=True)
class Reading:
    """The files read and when: what every source of a proposal names."""

    exports: Exports
    read_on: dt.date
    opendatafrance: Path | None = None

    def source(self, path: Path, compte: int | None = None, base: int | None = None,
               fmt: str = DATAGOUV) -> Source:
        date = export_date(path)
        return Source(fichier=str(path)[:MAX_TEXT], format=fmt, lu_le=self.read_on,
                      date=dt.date.fromisoformat(date) if date else None, compte=compte,
                      base=base, unite=UNIT if compte is not None else None)


def percent(count: int, base: int) -> int:
    return int(100 * count / base + 0.5) if base else 0


def propose(facts: Facts | None, portal: Portal | None, reading: Reading) -> list[Proposal]:
    """The answers the exports (and OpenDataFrance's list) support, in the catalog's order."""
    datasets = facts.datasets if facts is not None else 0
    exports = reading.exports
    out: list[Proposal] = []
    odf = reading.opendatafrance
    own = portal.nb_ptf if portal is not None and portal.nb_ptf else 0
    if datasets:
        out.append(Proposal("ouverture_donnees", True,
                            (reading.source(exports.datasets, datasets),),
                            "opendata.r_open", {"count": datasets}))
    elif own and odf is not None:
        out.append(Proposal("ouverture_donnees", True,
                            (reading.source(odf, own, fmt=OPENDATAFRANCE),),
                            "opendata.r_open_odf", {"count": own}))
    if portal is not None and portal.url_ptf and odf is not None:
        out.append(Proposal("url_portail_open_data", portal.url_ptf,
                            (reading.source(odf, fmt=OPENDATAFRANCE),), "opendata.r_url_odf",
                            {"url": portal.url_ptf}))
    elif datasets and facts is not None:
        page = next((o.url for o in facts.organisations if o.url), "")
        if page:
            out.append(Proposal("url_portail_open_data", page,
                                (reading.source(exports.organisations),), "opendata.r_url",
                                {"url": page}))
    if datasets and facts is not None:
        main = facts.main_licence() or "aucune"
        count = facts.licences[main]
        out.append(Proposal("licence_donnees", CHOICE[main],
                            (reading.source(exports.datasets, count, datasets),),
                            "opendata.r_licence",
                            {"licence_key": f"opendata.licence_{main}", "count": count,
                             "base": datasets, "percent": percent(count, datasets)}))
    if own > datasets and odf is not None:
        out.append(Proposal("nombre_jeux_donnees", own,
                            (reading.source(odf, own, fmt=OPENDATAFRANCE),),
                            "opendata.r_count_odf", {"count": own, "datagouv": datasets}))
    elif datasets and facts is not None:
        out.append(Proposal("nombre_jeux_donnees", datasets,
                            (reading.source(exports.datasets, datasets),),
                            "opendata.r_count", {"count": datasets,
                                                 "archived": facts.archived}))
    if facts is not None and datasets and exports.resources is not None:
        scdl = facts.scdl_datasets()
        if scdl:
            out.append(Proposal("socle_commun_donnees_locales", True,
                                (reading.source(exports.resources, scdl, datasets),),
                                "opendata.r_scdl",
                                {"count": scdl, "base": datasets,
                                 "schemas": ", ".join(facts.scdl())}))
    return out


def blind_spots(facts: Facts | None, portal: Portal | None, reading: Reading) -> list[
        tuple[str, dict[str, Any]]]:
    """What the files read cannot tell, as (message key, parameters) for the command."""
    notes: list[tuple[str, dict[str, Any]]] = []
    if reading.opendatafrance is None:
        notes.append(("opendata.blind_portals", {}))
    elif portal is None:
        notes.append(("opendata.blind_not_in_odf", {}))
    if facts is not None and facts.datasets:
        if reading.exports.resources is None:
            notes.append(("opendata.blind_resources", {}))
        elif not facts.scdl_datasets():
            notes.append(("opendata.blind_no_scdl", {}))
    if facts is not None and facts.datasets:
        notes.append(("opendata.blind_documented", {}))
    return notes

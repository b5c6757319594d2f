"""Build tnl_cli/data/territoire.sqlite from the npm package @etalab/decoupage-administratif.

The tool must identify collectivities offline, so their reference data ships inside the package.
This script is the only way that file is made: it fetches one pinned version of the upstream
package (checked against its published integrity hash), keeps what `tnl_cli.reference.territory` needs and
writes a small read-only SQLite database. Same tarball + same SOURCE_DATE_EPOCH = same bytes
(the shipped file: SOURCE_DATE_EPOCH=$(date -d 2026-11-24 +%s), its meta build_date).

Usage: python scripts/build_territory.py [--tarball FILE] [--output FILE]
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import hashlib
import json
import os
import sqlite3
import struct
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# One normaliser and one trigram split for build and lookup.
from tnl_cli.reference.territory import _trigrams, normalise_name  # noqa: E402

PACKAGE = "@etalab/decoupage-administratif"
VERSION = "6.0.0"
# `npm view @etalab/decoupage-administratif@6.0.0 dist.integrity dist.shasum`
INTEGRITY = "sha512-XavYsFlbcM/prKr8hNHPKER94IHw/dsxNM4nxjWMYk6PLFACpEedvn/7wK8Baozm0dCYhWWcf+7bcWpA5pmCaQ=="
SHASUM = "0330556cf07e21fff21111e5775a316ec18b9636"
DEFAULT_OUTPUT = ROOT / "tnl_cli" / "data" / "territoire.sqlite"

# EPCI à fiscalité propre: DGCL nature -> collectivity type id used across tnl.
EPCI_KINDS = {
    "CC": "communaute_communes",
    "CA": "communaute_agglomeration",
    "CU": "communaute_urbaine",
    "METRO": "metropole",
    "MET69": "metropole",  # Métropole de Lyon, a collectivity with its own status
}
# Single territorial collectivities (collectivités territoriales uniques) in COG codes: Corse is
# région 94 (its départements 2A/2B are no longer collectivities since 2018); Martinique and
# Guyane are each both a département (972, 973) and a région (02, 03) in the COG, for one
# collectivity. Mayotte (976, région 06) is a département exercising regional powers.
CTU_REGIONS = {"94"}
CTU_DEPARTEMENTS = {"972", "973"}
REGION_IS_DEPARTEMENT = {"02": "972", "03": "973", "06": "976"}
DEPARTEMENT_IS_REGION = {"2A": "94", "2B": "94"}
# TAAF districts and Clipperton are listed as communes by the COG but have no inhabitants and no
# local government: not collectivities.
NOT_COLLECTIVITIES = {"984", "989"}
# Tables a name search returns rows of, with the column holding their population, in the order
# equally populated names are listed (Guadeloupe the département before Guadeloupe the région).
NAMED = (("commune", 3), ("epci", 5), ("departement", 5), ("region", 4), ("arrondissement", 2))
# communes.json type of a code that is not a current commune -> code_alias.kind
ALIAS_KINDS = {"commune-deleguee": "deleguee", "commune-associee": "associee",
               "arrondissement-municipal": "arrondissement"}

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

-- kind: 'region', 'ctu', or 'com' (overseas collectivities and territories under art. 74/77 of
-- the Constitution, outside the label's type list, not returned by lookups).
-- same_as: the département code standing for the same collectivity (Martinique, Guyane, Mayotte).
CREATE TABLE region (
    code TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,
    zone TEXT NOT NULL, population INTEGER, same_as TEXT
) WITHOUT ROWID;

-- population: sum of its communes' populations (the source gives none for départements).
-- same_as: the région code standing for the same collectivity (2A, 2B -> Corse).
CREATE TABLE departement (
    code TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,
    zone TEXT NOT NULL, region TEXT NOT NULL REFERENCES region, population INTEGER, same_as TEXT
) WITHOUT ROWID;

-- nature: DGCL nature (CC, CA, CU, METRO, MET69); financing: FPU or FA.
-- population / population_totale: as given by the DGCL file (older than the commune figures).
-- departement/region: where most of the members' population lives (an EPCI may straddle two).
-- Members are the communes whose epci_siren is this siren (view epci_member).
CREATE TABLE epci (
    siren TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,
    nature TEXT NOT NULL, financing TEXT NOT NULL, population INTEGER,
    population_totale INTEGER, members INTEGER NOT NULL, departement TEXT, region TEXT
) WITHOUT ROWID;

-- Communes actuelles only (type COM): no communes déléguées or associées, no municipal
-- arrondissements; their codes resolve through code_alias. population: population municipale.
CREATE TABLE commune (
    insee TEXT PRIMARY KEY, name TEXT NOT NULL, siren TEXT UNIQUE,
    population INTEGER, departement TEXT NOT NULL REFERENCES departement,
    region TEXT NOT NULL REFERENCES region, epci_siren TEXT REFERENCES epci
) WITHOUT ROWID;

-- Former codes (anciensCodes, e.g. Corsican 20xxx), communes déléguées/associées and municipal
-- arrondissements -> the current commune they belong to. Ambiguous codes are left out.
-- kind: why the code leads there ('ancien', 'deleguee', 'associee', 'arrondissement'), so that
-- a lookup can say it; place: the name of the commune déléguée/associée or arrondissement.
CREATE TABLE code_alias (
    code TEXT PRIMARY KEY, insee TEXT NOT NULL REFERENCES commune, kind TEXT NOT NULL,
    place TEXT
) WITHOUT ROWID;

-- La Poste's postal codes of each current commune (codesPostaux), as an integer (all are
-- five digits); place: the municipal arrondissement a code belongs to (Paris, Lyon, Marseille).
CREATE TABLE postal (
    code INTEGER NOT NULL, insee TEXT NOT NULL REFERENCES commune, place TEXT,
    PRIMARY KEY (code, insee)
) WITHOUT ROWID;

-- Every name a search may return (overseas collectivities of kind 'com' left out), numbered
-- from the most populated: ordering by id is ordering by population, homonyms included.
-- Municipal arrondissements are there too (source 'arrondissement', ref its code), standing
-- for their commune: "Marseille 1er" finds Marseille, saying why.
-- norm: the name as tnl_cli.reference.territory.normalise_name folds it ('l hay les roses');
-- key: norm without spaces ('lhaylesroses'), indexed for exact and prefix search, so that word
-- breaks do not matter; source/ref: the table and primary key of the collectivity named.
CREATE TABLE name (
    id INTEGER PRIMARY KEY, key TEXT NOT NULL, norm TEXT NOT NULL, source TEXT NOT NULL,
    ref TEXT NOT NULL
);
CREATE INDEX name_key ON name (key);

-- Close-match candidates without reading every name: for each trigram of ' ' || key || ' ',
-- the ids of the names having it, as ascending unsigned 16-bit little-endian integers.
-- (A rowid table: its rows hold longer lists without overflow pages than WITHOUT ROWID.)
CREATE TABLE trigram (trigram TEXT PRIMARY KEY, ids BLOB NOT NULL);

CREATE VIEW epci_member AS SELECT epci_siren, insee FROM commune WHERE epci_siren IS NOT NULL;
"""


def fetch_tarball(workdir: Path) -> Path:
    """`npm pack` the pinned version: npm resolves and caches it, we only need the tarball."""
    out = subprocess.run(
        ["npm", "pack", f"{PACKAGE}@{VERSION}", "--json", "--pack-destination", str(workdir)],
        check=True,
        capture_output=True,
        text=True,
    )
    filename: str = json.loads(out.stdout)[0]["filename"]
    return workdir / filename


def check_integrity(tarball: Path) -> None:
    """Refuse anything but the exact bytes npm published for this version."""
    data = tarball.read_bytes()
    integrity = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    if integrity != INTEGRITY or hashlib.sha1(data).hexdigest() != SHASUM:
        raise SystemExit(f"{tarball}: integrity mismatch ({integrity}), expected {INTEGRITY}")


def read_data(tarball: Path) -> dict[str, list[dict[str, Any]]]:
    """Read package/data/*.json straight from the tarball, without extracting to disk."""
    names = ("communes", "epci", "departements", "regions")
    with tarfile.open(tarball, "r:gz") as tar:
        result = {}
        for name in names:
            member = tar.extractfile(f"package/data/{name}.json")
            if member is None:
                raise SystemExit(f"{tarball}: package/data/{name}.json missing")
            result[name] = json.load(member)
        return result


def build_date() -> str:
    """Day of the build; SOURCE_DATE_EPOCH pins it for byte-identical rebuilds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = (
        dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
        if epoch
        else dt.datetime.now(dt.timezone.utc)
    )
    return when.date().isoformat()


def dominant(counter: Counter[str]) -> str | None:
    """The key with the largest weight, ties broken by code for determinism."""
    if not counter:
        return None
    return min(counter, key=lambda k: (-counter[k], k))


def build_rows(src: dict[str, list[dict[str, Any]]]) -> dict[str, list[tuple[Any, ...]]]:
    """Turn the upstream JSON into sorted table rows, checking the assumptions we rely on."""
    all_communes = src["communes"]
    communes = {
        c["code"]: c
        for c in all_communes
        if c["type"] == "commune-actuelle" and c["departement"] not in NOT_COLLECTIVITIES
    }

    epci_of: dict[str, str] = {}
    for e in src["epci"]:
        for m in e["membres"]:
            if m["code"] in epci_of:
                raise SystemExit(f"commune {m['code']} in two EPCI")
            if m["code"] not in communes:
                raise SystemExit(f"EPCI {e['code']} member {m['code']} is not a current commune")
            epci_of[m["code"]] = e["code"]

    sirens = [c["siren"] for c in communes.values() if "siren" in c]
    sirens += [e["code"] for e in src["epci"]]
    if len(sirens) != len(set(sirens)):
        raise SystemExit("duplicate SIREN between communes and EPCI")

    dep_pop: Counter[str] = Counter()
    reg_pop: Counter[str] = Counter()
    epci_dep: dict[str, Counter[str]] = {}
    for c in communes.values():
        pop = c.get("population", 0)
        dep_pop[c["departement"]] += pop
        reg_pop[c["region"]] += pop
        if c["code"] in epci_of:
            epci_dep.setdefault(epci_of[c["code"]], Counter())[c["departement"]] += pop or 1
    region_of_dep = {d["code"]: d["region"] for d in src["departements"]}

    def reg_kind(r: dict[str, Any]) -> str:
        if r["zone"] == "com":
            return "com"
        return "ctu" if r["code"] in CTU_REGIONS else "region"

    def dep_kind(d: dict[str, Any]) -> str:
        if d["zone"] == "com":
            return "com"
        return "ctu" if d["code"] in CTU_DEPARTEMENTS else "departement"

    regions = [
        (
            r["code"],
            r["nom"],
            reg_kind(r),
            r["zone"],
            reg_pop.get(r["code"]),
            REGION_IS_DEPARTEMENT.get(r["code"]),
        )
        for r in src["regions"]
        if r["code"] not in NOT_COLLECTIVITIES
    ]
    departements = [
        (
            d["code"],
            d["nom"],
            dep_kind(d),
            d["zone"],
            d["region"],
            dep_pop.get(d["code"]),
            DEPARTEMENT_IS_REGION.get(d["code"]),
        )
        for d in src["departements"]
        if d["code"] not in NOT_COLLECTIVITIES
    ]
    epcis = []
    for e in src["epci"]:
        dep = dominant(epci_dep.get(e["code"], Counter()))
        epcis.append(
            (
                e["code"],
                e["nom"],
                EPCI_KINDS[e["type"]],
                e["type"],
                e["modeFinancement"],
                e["populationMunicipale"],
                e["populationTotale"],
                len(e["membres"]),
                dep,
                region_of_dep.get(dep) if dep else None,
            )
        )
    commune_rows = [
        (
            c["code"],
            c["nom"],
            c.get("siren"),
            c.get("population"),
            c["departement"],
            c["region"],
            epci_of.get(c["code"]),
        )
        for c in communes.values()
    ]

    aliases: dict[str, set[tuple[str, str, str | None]]] = {}
    for c in communes.values():
        for old in c.get("anciensCodes", []):
            aliases.setdefault(old, set()).add((c["code"], "ancien", None))
    for c in all_communes:
        parent: str | None = c.get("commune") or c.get("chefLieu")
        if c["type"] != "commune-actuelle" and parent is not None and parent in communes:
            kind = ALIAS_KINDS[c["type"]]
            aliases.setdefault(c["code"], set()).add((parent, kind, c["nom"]))
    alias_rows = []
    for code, targets in aliases.items():
        if code in communes or len({insee for insee, _, _ in targets}) != 1:
            continue
        # One commune, maybe for two reasons (a délégué's code that was also an old code):
        # the délégué, arrondissement or associée says more than 'former code'.
        alias_rows.append((code, *min(targets, key=lambda t: (t[1] == "ancien", t))))

    postal: dict[tuple[int, str], str | None] = {}
    for c in communes.values():
        for code in c.get("codesPostaux", []):
            postal[int(code), c["code"]] = None
    for c in all_communes:
        if c["type"] == "arrondissement-municipal" and c.get("commune") in communes:
            for code in c.get("codesPostaux", []):
                postal[int(code), c["commune"]] = c["nom"]
    arrondissements = [
        (c["code"], c["nom"], c.get("population"))
        for c in all_communes
        if c["type"] == "arrondissement-municipal" and c.get("commune") in communes
    ]

    tables: dict[str, list[tuple[Any, ...]]] = {
        "region": sorted(regions),
        "departement": sorted(departements),
        "epci": sorted(epcis),
        "commune": sorted(commune_rows),
        "code_alias": sorted(alias_rows),
        "postal": sorted((code, insee, place) for (code, insee), place in postal.items()),
    }
    names = name_rows({**tables, "arrondissement": sorted(arrondissements)})
    return {**tables, "name": names, "trigram": trigram_rows(names)}


def name_rows(tables: dict[str, list[tuple[Any, ...]]]) -> list[tuple[Any, ...]]:
    """(id, key, norm, source, ref) of every searchable name, numbered from the most populated
    so that search orders by population through the id alone."""
    ranked = sorted(
        (-(row[population] or 0), rank, row[0], normalise_name(row[1]), source)
        for rank, (source, population) in enumerate(NAMED)
        for row in tables[source]
        if source in ("commune", "epci", "arrondissement") or row[2] != "com"  # dép., régions
    )
    if len(ranked) > 0xFFFF:
        raise SystemExit(f"{len(ranked)} names: trigram ids no longer fit in 16 bits")
    return [
        (number, norm.replace(" ", ""), norm, source, ref)
        for number, (_, _, ref, norm, source) in enumerate(ranked, start=1)
    ]


def trigram_rows(names: list[tuple[Any, ...]]) -> list[tuple[str, bytes]]:
    """(trigram, ids) posting lists; ids ascend because names are numbered in order."""
    postings: dict[str, list[int]] = {}
    for number, key, *_ in names:
        for trigram in _trigrams(key):
            postings.setdefault(trigram, []).append(number)
    return sorted((trigram, struct.pack(f"<{len(ids)}H", *ids)) for trigram, ids in postings.items())


def write_db(output: Path, rows: dict[str, list[tuple[Any, ...]]], meta: dict[str, str]) -> None:
    """Write to a temporary file then rename, so a failed build never leaves half a database."""
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    try:
        con.execute("PRAGMA journal_mode = OFF")
        con.executescript(SCHEMA)
        for table, table_rows in rows.items():
            marks = ", ".join("?" * len(table_rows[0]))
            con.executemany(f"INSERT INTO {table} VALUES ({marks})", table_rows)
        con.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
        con.commit()
        con.execute("ANALYZE")
        con.commit()
        con.execute("VACUUM")
    finally:
        con.close()
    tmp.replace(output)


def counts(rows: dict[str, list[tuple[Any, ...]]]) -> Iterable[tuple[str, str]]:
    for table, table_rows in rows.items():
        yield f"count_{table}", str(len(table_rows))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tarball", type=Path, help="use this npm tarball instead of npm pack")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as workdir:
        tarball = args.tarball or fetch_tarball(Path(workdir))
        check_integrity(tarball)
        rows = build_rows(read_data(tarball))

    meta = {
        "source_package": PACKAGE,
        "source_version": VERSION,
        "source_integrity": INTEGRITY,
        "source_shasum": SHASUM,
        "source_url": f"https://www.npmjs.com/package/{PACKAGE}/v/{VERSION}",
        "upstream": "INSEE Code officiel géographique 2026, DGCL liste des EPCI à fiscalité "
        "propre 2026, INSEE populations légales (population municipale)",
        "licence": "Licence Ouverte / Etalab 2.0",
        "licence_url": "https://www.etalab.gouv.fr/licence-ouverte-open-licence",
        "attribution": f"Etalab (data.gouv.fr), {PACKAGE} {VERSION}, "
        "d'après l'INSEE (COG, populations légales) et la DGCL",
        "build_date": build_date(),
        "schema_version": "3",
        **dict(counts(rows)),
    }
    write_db(args.output, rows, meta)
    print(f"{args.output}: {args.output.stat().st_size:,} bytes, {dict(counts(rows))}")


if __name__ == "__main__":
    main()

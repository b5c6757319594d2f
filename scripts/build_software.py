"""Build tnl_cli/data/logiciels.json from the SILL 2020 and hand-curated complements.

The catalog tells free from proprietary software and proposes free alternatives. Its sources
live in scripts/data/: sill-2020.csv (DISIC/sill, Licence Ouverte 2.0) and
logiciels_complements.yaml (collectivities' business software, common software missing from
the SILL, proprietary products). The script checks the data (licences, ids, alternatives, names
that would be confused) and fails rather than writing a doubtful catalog. Same inputs, same
bytes.

Usage: python scripts/build_software.py [--output FILE]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tnl_cli.reference.software import normalise_name  # noqa: E402  (the matcher's own folding)

SILL = ROOT / "scripts" / "data" / "sill-2020.csv"
COMPLEMENTS = ROOT / "scripts" / "data" / "logiciels_complements.yaml"
DEFAULT_OUTPUT = ROOT / "tnl_cli" / "data" / "logiciels.json"
PROPRIETARY = "LicenseRef-proprietary"
UNKNOWN = "unknown"
SILL_SOURCE = {
    "name": "Socle interministériel de logiciels libres (SILL) 2020",
    "url": "https://github.com/DISIC/sill/blob/master/2020/sill-2020.csv",
    "licence": "Licence Ouverte 2.0",
    "attribution": "Les Groupes Mutualisation Interministérielle et contributeurs du dépôt "
    "DISIC/sill, 2019-2021",
}
# SPDX identifiers the sources use (deprecated ones such as GPL-2.0 included, as written by the
# SILL); anything else must be fixed in the complements' licence_fixes.
SPDX_IDS = frozenset(
    """
    AGPL-3.0 AGPL-3.0-only AGPL-3.0-or-later Apache-2.0 Artistic-2.0 BSD-2-Clause BSD-3-Clause
    BUSL-1.1 CC-BY-SA-4.0 CECILL-2.0 CECILL-2.1 CECILL-B CPAL-1.0 CPL-1.0 EPL-1.0 EPL-2.0
    EUPL-1.1 GPL-2.0 GPL-2.0+ GPL-2.0-only GPL-2.0-or-later GPL-3.0 GPL-3.0+ GPL-3.0-only
    GPL-3.0-or-later IPL-1.0 LGPL-2.0 LGPL-2.0-only LGPL-2.0-or-later LGPL-2.1 LGPL-2.1-only
    LGPL-3.0 LGPL-3.0-only MIT MPL-1.1 MPL-2.0 OLDAP-2.8 PostgreSQL SSPL-1.0 WTFPL X11
    Zimbra-1.3 etalab-2.0
    """.split()  # noqa: SIM905  (an identifier list reads better as text)
)
LIST_SEPARATORS = re.compile(r"\s*(?:,|/|\bet\b)\s*")
MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


class DataError(Exception):
    """The sources contradict themselves or the catalog's rules."""


def slug(name: str) -> str:
    """'LemonLDAP::NG' -> 'lemonldap-ng': ids users can type in answers files."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def check_expression(expression: str, where: str) -> str:
    """Accept SPDX identifiers joined by AND/OR, or the two catalog-specific values."""
    if expression in (UNKNOWN, PROPRIETARY):
        return expression
    for part in re.split(r" (?:AND|OR) ", expression):
        if part not in SPDX_IDS and not part.startswith("LicenseRef-"):
            raise DataError(f"{where}: licence {part!r} is not a known SPDX identifier")
    return expression


def sill_licence(raw: str, fixes: dict[str, str], where: str) -> str:
    """SILL licence cell -> SPDX expression; several licences listed mean AND (components)."""
    if not raw.strip():
        return UNKNOWN
    parts = [fixes.get(part, part) for part in LIST_SEPARATORS.split(raw.strip()) if part]
    return check_expression(" AND ".join(parts), where)


def sill_entries(config: dict[str, Any]) -> list[dict[str, Any]]:
    """One catalog entry per SILL row, corrected by the complements' `sill` section."""
    overrides: dict[int, dict[str, Any]] = config["sill"]
    domains: dict[str, str] = config["domain_by_component"]
    entries = []
    with SILL.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            sill_id = int(row["ID"])
            fix = overrides.get(sill_id, {})
            if fix.get("skip"):
                continue
            where = f"SILL {sill_id} {row['nom']}"
            name = row["nom"]
            if sill_id in config["prefix_parent"]:
                name = f"{row['parent']} {name}"
            name = fix.get("name", name)
            component = row["composant"].strip()
            if "use_domain" not in fix and component not in domains:
                raise DataError(f"{where}: no domain for component {component!r}")
            licence = fix.get("licence") or sill_licence(row["licence"], config["licence_fixes"], where)
            aliases = list(fix.get("aliases", []))
            if name != row["nom"] and sill_id not in config["prefix_parent"]:
                aliases.append(row["nom"])  # the SILL's spelling: "Qgis", "NextCloud"
            aliases = list(dict.fromkeys(aliases))
            entries.append(
                {
                    "id": fix.get("id", slug(name)),
                    "name": name,
                    "aliases": aliases,
                    "free": fix.get("free", True),
                    "licence": check_expression(licence, where),
                    "function": MARKDOWN_LINK.sub(r"\1", row["fonction"]).strip(),
                    "use_domain": fix.get("use_domain", domains.get(component)),
                    "sill_status": row["statut"].strip() or None,
                    "sill_id": sill_id,
                    "alternatives": fix.get("alternatives", []),
                }
            )
    return entries


def complement_entries(config: dict[str, Any]) -> list[dict[str, Any]]:
    """Entries absent from the SILL: pooled business software, others, proprietary products."""
    entries = []
    for item in config["software"]:
        proprietary = item.get("proprietary", False)
        where = f"complement {item['id']}"
        entries.append(
            {
                "id": item["id"],
                "name": item["name"],
                "aliases": item.get("aliases", []),
                "free": not proprietary,
                "licence": check_expression(
                    PROPRIETARY if proprietary else item.get("licence", UNKNOWN), where
                ),
                "function": " ".join(item["function"].split()),
                "use_domain": item["use_domain"],
                "sill_status": None,
                "sill_id": None,
                "alternatives": item.get("alternatives", []),
            }
        )
    return entries


def check(entries: list[dict[str, Any]], domains: dict[str, str]) -> None:
    """Unique ids and names, known domains, alternatives that exist and are free."""
    by_id = {}
    for entry in entries:
        if entry["id"] in by_id:
            raise DataError(f"duplicate id {entry['id']!r}")
        by_id[entry["id"]] = entry
    owner: dict[str, str] = {}
    for entry in entries:
        if entry["use_domain"] not in domains:
            raise DataError(f"{entry['id']}: unknown domain {entry['use_domain']!r}")
        if entry["free"] and entry["alternatives"]:
            raise DataError(f"{entry['id']}: free software with alternatives")
        for alternative in entry["alternatives"]:
            if alternative not in by_id or not by_id[alternative]["free"]:
                raise DataError(f"{entry['id']}: alternative {alternative!r} is not a free entry")
        for name in {entry["id"], entry["name"], *entry["aliases"]}:
            key = normalise_name(name).replace(" ", "")
            if owner.setdefault(key, entry["id"]) != entry["id"]:
                raise DataError(f"{name!r} names both {owner[key]!r} and {entry['id']!r}")


def build(config: dict[str, Any]) -> dict[str, Any]:
    entries = sill_entries(config) + complement_entries(config)
    check(entries, config["use_domains"])
    entries.sort(key=lambda entry: entry["id"])
    return {
        "metadata": {
            "source": {
                "catalog": "tnl, catalogue de logiciels (scripts/build_software.py)",
                "sill": SILL_SOURCE["name"],
                "sill_url": SILL_SOURCE["url"],
                "licence": SILL_SOURCE["licence"],
                "attribution": SILL_SOURCE["attribution"],
                "complements": "Compléments (logiciels métier mutualisés, logiciels "
                "propriétaires et alternatives) : contributeurs de tnl",
            },
            "licence_notes": {
                UNKNOWN: "licence non vérifiée",
                PROPRIETARY: "logiciel propriétaire",
                "A AND B": "plusieurs licences listées par le SILL, pour différents composants",
            },
            "sill_status": {
                "R": "recommandé",
                "O": "en observation",
                "FR": "fin de recommandation",
            },
            "use_domains": config["use_domains"],
        },
        "software": entries,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args()
    config = yaml.safe_load(COMPLEMENTS.read_text(encoding="utf-8"))
    try:
        catalog = build(config)
    except DataError as error:
        raise SystemExit(f"build_software: {error}") from None
    args.output.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(catalog, ensure_ascii=False, indent=1) + "\n"
    args.output.write_text(text, encoding="utf-8")
    software = catalog["software"]
    free = sum(entry["free"] for entry in software)
    print(f"{args.output}: {len(software)} software ({free} free), {len(text):,} characters")


if __name__ == "__main__":
    main()

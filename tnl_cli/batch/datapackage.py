"""The batch output as open data: a Table Schema and a Data Package descriptor.

Written beside the CSV (`--datapackage`) following the conventions of schema.data.gouv.fr:
a `schema.json` (Table Schema, with name, title, description, example and constraints per
field, `missingValues` for empty cells) and a `datapackage.json` naming the CSV with its
dialect (`;`, UTF-8 with BOM as tnl writes it). Pure: the caller writes the JSON.
"""

from __future__ import annotations

from typing import Any

from tnl_cli.batch.rows import REJECTED
from tnl_cli.core.catalog import Catalog
from tnl_cli.core.engine import VERDICTS
from tnl_cli.i18n import pick, tr

TABLE_SCHEMA = "https://frictionlessdata.io/schemas/table-schema.json"
# The two file names (built, not written whole: "schema.<…>" reads as a message key to the
# test that checks every key the code names exists).
SCHEMA_FILE, PACKAGE_FILE = (f"{stem}.json" for stem in ("schema", "datapackage"))
CREATED = "2026-12-06"  # the first version of this schema; `version` follows tnl's
_VERDICTS = [*VERDICTS, REJECTED]  # the engine's, and the batch's invalid rows


SOURCES = (
    ("synthesis.source_cog", "https://www.insee.fr/fr/information/2560452"),
    ("synthesis.source_label", "https://territoire-numerique-libre.org"),
)
_REQUIRED = ("ligne", "verdict")


def _field(name: str, kind: str, lang: str, example: str = "",
           constraints: dict[str, Any] | None = None) -> dict[str, Any]:
    """A field as schema.data.gouv.fr shows them: name, title, description, example, type,
    and `required` always said."""
    return {"name": name, "title": tr(lang, f"synthesis.field_{name}"),
            "description": tr(lang, f"synthesis.field_{name}_desc"), "example": example,
            "type": kind, "constraints": {"required": name in _REQUIRED, **(constraints or {})}}


def schema(catalog: Catalog, columns: list[str], lang: str, version: str,
           csv_name: str) -> dict[str, Any]:
    """The Table Schema of the result table whose header is `columns` (`csv_name`, beside
    it, is its example resource)."""
    tiers = [t.id for t in catalog.tiers]
    known: dict[str, dict[str, Any]] = {
        "ligne": _field("ligne", "integer", lang, example="2", constraints={"minimum": 1}),
        "nom": _field("nom", "string", lang, example="Lettret"),
        "code_insee": _field("code_insee", "string", lang, example="05074",
                             constraints={"pattern": "^([0-9]{2}|2[AB])[0-9]{3}$|^[0-9]{2,3}$"}),
        "siren": _field("siren", "string", lang, example="210500740",
                        constraints={"pattern": "^[0-9]{9}$"}),
        "type": _field("type", "string", lang, example="commune"),
        "population": _field("population", "integer", lang, example="196",
                             constraints={"minimum": 0}),
        "departement": _field("departement", "string", lang, example="05"),
        "region": _field("region", "string", lang, example="93"),
        "epci_siren": _field("epci_siren", "string", lang, example="200067452",
                             constraints={"pattern": "^[0-9]{9}$"}),
        "epci_nom": _field("epci_nom", "string", lang, example="CA Gap-Tallard-Durance"),
        "tranche_population": _field("tranche_population", "string", lang, example="0-499"),
        "verdict": _field("verdict", "string", lang, example="eligible",
                          constraints={"enum": _VERDICTS}),
        **{name: _field(name, "string", lang, example=tiers[0],
                        constraints={"enum": tiers}) for name in ("niveau", "niveau_min",
                                                                   "niveau_max")},
        "mentions": _field("mentions", "string", lang, example=""),
        "score": _field("score", "integer", lang, example="42",
                        constraints={"minimum": 0, "maximum": 100}),
    }
    fields = []
    for name in columns:
        if name in known:
            fields.append(known[name])
        elif name.startswith("score_"):
            domain = next((d for d in catalog.domains if d.id == name[6:]), None)
            title = pick(domain.name, lang) if domain else name
            fields.append({"name": name, "title": title,
                           "description": tr(lang, "synthesis.field_score_domain_desc",
                                             domain=title),
                           "example": "50", "type": "integer",
                           "constraints": {"required": False, "minimum": 0, "maximum": 100}})
        else:  # the list columns, and any another option adds
            fields.append(_field(name if name in _LISTS else "other", "string", lang)
                          | {"name": name})
    return {
        "$schema": TABLE_SCHEMA,
        "name": "tnl-batch-resultats",
        "title": tr(lang, "synthesis.schema_title"),
        "description": tr(lang, "synthesis.schema_description", edition=catalog.edition),
        "countryCode": "FR",
        "homepage": "https://territoire-numerique-libre.org",
        "path": SCHEMA_FILE,
        "resources": [{"title": tr(lang, "synthesis.schema_resource"), "path": csv_name}],
        "sources": [{"title": tr(lang, key), "path": url} for key, url in SOURCES],
        "created": CREATED,
        "lastModified": CREATED,
        "version": version,
        "contributors": [{"title": "tnl", "role": "author"}],
        "missingValues": [""],
        "fields": fields,
    }


_LISTS = ("manques", "sans_reponse", "erreurs", "avertissements")


def package(csv_name: str, lang: str) -> dict[str, Any]:
    """The Data Package descriptor naming the CSV and its schema."""
    return {
        "name": "tnl-batch",
        "title": tr(lang, "synthesis.schema_title"),
        "resources": [{
            "name": "resultats",
            "path": csv_name,
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8-sig",
            "dialect": {"delimiter": ";", "header": True},
            "schema": SCHEMA_FILE,
        }],
    }

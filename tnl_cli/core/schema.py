"""JSON Schema (draft 2020-12) of the answers file, derived from a catalog."""

from __future__ import annotations

from typing import Any

from tnl_cli.core.catalog import Catalog, Criterion
from tnl_cli.core.identity import ALL_TYPES
from tnl_cli.i18n import pick, tr

_BOOL_WORDS = ["oui", "non", "vrai", "faux", "yes", "no", "true", "false", "1", "0"]


def _value_schema(c: Criterion, lang: str) -> dict[str, Any]:
    if c.type == "boolean":
        return {"oneOf": [{"type": "boolean"}, {"type": "string", "enum": _BOOL_WORDS},
                          {"type": "integer", "enum": [0, 1]}]}
    if c.type == "number":
        number: dict[str, Any] = {"type": "number"}
        if c.minimum is not None:
            number["minimum"] = c.minimum
        if c.maximum is not None:
            number["maximum"] = c.maximum
        return {"oneOf": [number, {"type": "string",
                                   "description": tr(lang, "schema.number")}]}
    if c.type == "choice":
        return {"type": "string", "enum": [ch.value for ch in c.choices]}
    if c.type == "multi":
        return {"type": "array", "items": {"enum": [ch.value for ch in c.choices]},
                "uniqueItems": True}
    if c.type == "url":
        return {"type": "string", "format": "uri", "pattern": "^https?://"}
    if c.type == "inventory":
        qualified = {"type": "object", "required": ["nom"], "additionalProperties": False,
                     "properties": {"nom": {"type": "string"},
                                    "libre": {"type": ["boolean", "string"]}}}
        return {"oneOf": [{"type": "array", "items": {"oneOf": [{"type": "string"}, qualified]}},
                          {"type": "string", "description": tr(lang, "schema.names")}]}
    return {"type": "string"}


def answers_schema(catalog: Catalog, lang: str) -> dict[str, Any]:
    person = {
        "type": ["object", "null"],
        "properties": {"nom": {"type": ["string", "null"]},
                       "fonction": {"type": ["string", "null"]},
                       "email": {"type": ["string", "null"], "format": "email"}},
        "additionalProperties": False,
    }
    responses: dict[str, Any] = {}
    for c in catalog.criteria:
        value = _value_schema(c, lang)
        if c.not_concerned:  # the subject may not exist for the body: "non_concerne"
            value = {"anyOf": [value, {"const": "non_concerne"}]}
        value = {"anyOf": [value, {"type": "null"}]}
        responses[c.id] = {
            "description": pick(c.question, lang),
            "anyOf": [value, {
                "type": "object",
                "properties": {
                    "valeur": value,
                    "justification": {"type": "string"},
                    "preuves": {"type": "array",
                                "items": {"type": "string", "format": "uri",
                                          "pattern": "^https?://"}},
                },
                "additionalProperties": False,
            }],
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://tnl.example/schemas/reponses-{catalog.edition}.json",
        "title": tr(lang, "schema.title", edition=catalog.edition),
        "type": "object",
        "properties": {
            "edition": {"type": "integer", "const": catalog.edition},
            "outil": {"type": "string"},
            "collectivite": {
                "type": "object",
                "properties": {
                    "nom": {"type": ["string", "null"]},
                    "type": {"type": ["string", "null"], "description": "; ".join(ALL_TYPES),
                             "examples": list(ALL_TYPES)},
                    "code_insee": {"type": ["string", "integer", "null"],
                                   "pattern": "^([0-9]{2}|2[AB])[0-9]{0,3}$"},
                    "siren": {"type": ["string", "integer", "null"], "pattern": "^[0-9 ]{9,11}$"},
                    "population": {"type": ["integer", "null"], "minimum": 0},
                    "agents": {"type": ["number", "null"], "minimum": 0},
                    "departement": {"type": ["string", "null"]},
                    "elu_referent": person,
                    "responsable": person,
                    "labels_anterieurs": {
                        "type": "array",
                        "items": {"type": "object", "required": ["annee", "niveau"],
                                  "properties": {"annee": {"type": "integer", "minimum": 2016},
                                                 "niveau": {"type": ["string", "integer"]}}},
                    },
                },
                "additionalProperties": False,
            },
            "reponses": {"type": "object", "properties": responses,
                         "additionalProperties": False},
            "dossier": {
                "type": ["object", "null"],
                "description": tr(lang, "schema.dossier"),
                "properties": {
                    "presentation": {"type": ["string", "null"]},
                    "demarche": {"type": ["string", "null"]},
                    "realisations": {"type": ["array", "string", "null"],
                                     "items": {"type": "string"}},
                    "projets": {"type": ["array", "string", "null"], "items": {"type": "string"}},
                    "lieu": {"type": ["string", "null"]},
                    "annexes": {
                        "type": ["array", "null"],
                        "items": {"anyOf": [
                            {"type": "string"},
                            {"type": "object", "additionalProperties": False,
                             "properties": {"titre": {"type": "string"},
                                            "url": {"type": "string", "format": "uri",
                                                    "pattern": "^https?://"}}},
                        ]},
                    },
                },
                "additionalProperties": False,
            },
        },
        "additionalProperties": False,
    }

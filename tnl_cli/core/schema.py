"""JSON Schema (draft 2020-12) of the answers file, derived from a catalog."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from tnl_cli.core.catalog import Catalog, Criterion
from tnl_cli.core.identity import ALL_TYPES, FIRST_EDITION
from tnl_cli.core.normalise import MAX_INVENTORY, NOT_CONCERNED_WORDS
from tnl_cli.i18n import pick, tr
from tnl_cli.numbers import NUMBER_LIMIT

# The schema describes the form tnl writes, and accepts nothing the tool refuses (issue 15,
# finding 18; tests/test_schema_strict.py generates documents and checks): spelling variants
# the tool also reads ("15,5", "Oui", "CC") are left out rather than half-described.
_BOOL_WORDS = ["oui", "non", "vrai", "faux", "yes", "no", "true", "false", "1", "0"]
# What answers.parse_url takes: http(s), a host without spaces or brackets, a port of at most
# four digits (a larger one may be out of range), then anything without spaces.
URL_PATTERN = r"^https?://[^\s/?#@\[\]:]+(:[0-9]{1,4})?([/?#]\S*)?$"
_URL = {"type": "string", "pattern": URL_PATTERN}
_NAME = {"type": "string", "pattern": r"\S"}  # not blank
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"  # identity._EMAIL
_ACCENTED = {"a": "àâäáã", "e": "éèêë", "i": "îïíì", "o": "ôöóò", "u": "ùûüú", "c": "ç"}


def folded_pattern(words: Any) -> str:
    """A regex matching `words` as `textnorm.fold_word` folds text: any case, accents (composed
    or combining), runs of spaces."""
    alternatives = []
    for word in sorted(words):
        parts = []
        for ch in word:
            if ch == " ":
                parts.append(r"\s+")
            elif ch.isalpha():
                letters = ch + _ACCENTED.get(ch, "")
                parts.append(f"[{letters}{letters.upper()}][\u0300-\u036f]*")
            else:
                parts.append(re.escape(ch))
        alternatives.append("".join(parts))
    return rf"^\s*(?:{'|'.join(alternatives)})\s*$"


# "nc", "n/a", "non concerné"…: refused by a criterion that everybody must answer.
_NOT_CONCERNED = {"not": {"type": "string", "pattern": folded_pattern(NOT_CONCERNED_WORDS)}}


def _value_schema(c: Criterion, lang: str) -> dict[str, Any]:
    if c.type == "boolean":
        return {"oneOf": [{"type": "boolean"}, {"type": "string", "enum": _BOOL_WORDS},
                          {"type": "integer", "enum": [0, 1]}]}
    if c.type == "number":
        return {"type": "number", "description": tr(lang, "schema.number"),
                "minimum": c.minimum if c.minimum is not None else -NUMBER_LIMIT,
                "maximum": c.maximum if c.maximum is not None else NUMBER_LIMIT}
    if c.type == "choice":
        return {"type": "string", "enum": [ch.value for ch in c.choices]}
    if c.type == "multi":
        return {"type": "array", "items": {"enum": [ch.value for ch in c.choices]},
                "uniqueItems": True}
    if c.type == "url":
        return {**_URL, "format": "uri"}
    if c.type == "inventory":
        qualified = {"type": "object", "required": ["nom"], "additionalProperties": False,
                     "properties": {"nom": _NAME,
                                    "libre": {"oneOf": [{"type": "boolean"},
                                                        {"type": "string", "enum": _BOOL_WORDS},
                                                        {"type": "integer", "enum": [0, 1]}]}}}
        return {"oneOf": [{"type": "array", "maxItems": MAX_INVENTORY,
                           "items": {"oneOf": [_NAME, qualified]}},
                          {**_NAME, "description": tr(lang, "schema.names"),
                           **({} if c.not_concerned else _NOT_CONCERNED)}]}
    return {"type": ["string", "number"], **({} if c.not_concerned else _NOT_CONCERNED)}


def answers_schema(catalog: Catalog, lang: str) -> dict[str, Any]:
    person = {
        "type": ["object", "string", "null"],
        "properties": {"nom": {"type": ["string", "null"]},
                       "fonction": {"type": ["string", "null"]},
                       "email": {"anyOf": [{"type": "string", "format": "email",
                                            "pattern": EMAIL_PATTERN},
                                           {"type": "null"}, {"const": ""}]}},
        "additionalProperties": False,
    }
    count = {"type": ["number", "null"], "minimum": 0, "maximum": NUMBER_LIMIT}
    source = _source_schema()
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
                    "preuves": {"type": "array", "items": {**_URL, "format": "uri"}},
                    "justification": {"type": ["string", "number", "null"]},
                    "sources": {"type": "array", "maxItems": 20, "items": source},
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
                    "type": {"enum": [*ALL_TYPES, None], "description": "; ".join(ALL_TYPES)},
                    "code_insee": {"type": ["string", "integer", "null"],
                                   "pattern": "^([0-9]{2}|2[AB])[0-9]{0,3}$"},
                    "siren": {"type": ["string", "integer", "null"], "pattern": "^[0-9 ]{9,11}$"},
                    "population": {**count, "type": ["integer", "null"]},
                    "agents": count,
                    "departement": {"type": ["string", "null"]},
                    "elu_referent": person,
                    "responsable": person,
                    "labels_anterieurs": {
                        "type": "array",
                        "items": {"type": "object", "required": ["annee", "niveau"],
                                  "properties": {
                                      "annee": {"type": "integer", "minimum": FIRST_EDITION,
                                                "maximum": dt.date.today().year},
                                      "niveau": _NAME}},  # written "3", a string
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
                    "site_web": {"type": ["string", "null"], "format": "uri",
                                 "pattern": "^https?://"},
                    "adresse": {"type": ["string", "null"]},
                    "budget": {"type": ["string", "null"]},
                    "equipe": {"type": ["string", "null"]},
                    "logo": {"type": ["string", "null"],
                             "pattern": "\\.([pP][nN][gG]|[jJ][pP][eE]?[gG]|[sS][vV][gG])$"},
                    "calendrier": {"type": ["array", "string", "null"],
                                   "items": {"type": "string"}},
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


def _source_schema() -> dict[str, Any]:
    """One entry of an answer's `sources:` (core/provenance.py): the file it was drawn from."""
    from tnl_cli.core import provenance as prov

    text = {"type": "string", "minLength": 1, "maxLength": prov.MAX_TEXT}
    date = {"type": "string", "format": "date"}
    count = {"type": "integer", "minimum": 0, "maximum": prov.MAX_COUNT}
    return {
        "type": "object",
        "required": ["fichier", "format"],
        "properties": {"fichier": text, "format": text, "date": date, "lu_le": date,
                       "compte": count, "base": count, "unite": {"enum": list(prov.UNITS)}},
        "additionalProperties": False,
    }

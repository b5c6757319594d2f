"""The identity questions of the guided walk: how each field is read, stored and shown.

Values go through the same parsers as an answers file (`tnl_cli.core.identity`), so a SIREN or an
INSEE code is refused with the same words whether it is typed or read from YAML.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from tnl_cli.core import identity as ident
from tnl_cli.numbers import NumberRefused, read_int

# Types that have a COG code of their own; EPCI, syndicats and the like only have a SIREN.
_WITH_INSEE = ("commune", "departement", "region", "ctu")
_LABEL = re.compile(r"(\d{4})\s*[:=/]\s*([^\s,;]+)")


@dataclass(frozen=True)
class IdentityField:
    """One identity question. `key` is a dotted path into Identity ("elu_referent.email")."""

    key: str
    kind: str  # text | select
    parse: Callable[[str, ident.Identity], Any]  # raises IdentityValueError
    visible: Callable[[ident.Identity], bool] = lambda identity: True

    def get(self, identity: ident.Identity) -> Any:
        owner, _, attr = self.key.partition(".")
        value = getattr(identity, owner)
        if attr:
            return getattr(value, attr) if value is not None else None
        return value

    def set(self, identity: ident.Identity, value: Any) -> ident.Identity:
        owner, _, attr = self.key.partition(".")
        if attr:
            person = replace(getattr(identity, owner) or ident.Person(), **{attr: value})
            empty = not (person.nom or person.fonction or person.email)
            return replace(identity, **{owner: None if empty else person})
        if owner == "labels":
            value = tuple(value or ())
        return replace(identity, **{owner: value})

    def filled(self, identity: ident.Identity) -> bool:
        return self.get(identity) not in (None, "", ())


def _text(raw: str, _identity: ident.Identity) -> str:
    return raw.strip()


def _known(name: str, value: str, identity: ident.Identity) -> str:
    """Refuse a code the official geography does not know, as the answers file loader does
    (otherwise the wizard would save a file it cannot read back)."""
    from tnl_cli.core.answers import check_identity
    from tnl_cli.errors import Problem

    problems: list[Problem] = []
    check_identity(replace(identity, **{name: value}),
                   lambda key, _path, **params: Problem(key, params), problems)
    if problems:
        raise ident.IdentityValueError(problems[0].key, **problems[0].params)
    return value


def _insee(raw: str, identity: ident.Identity) -> str:
    return _known("code_insee", ident.parse_insee(raw, identity.type), identity)


def _siren(raw: str, identity: ident.Identity) -> str:
    return _known("siren", ident.parse_siren(raw.replace(" ", "").replace(".", "")), identity)


def _population(raw: str, _identity: ident.Identity) -> int:
    return int(ident.parse_count(raw, "population", integer=True))


def _agents(raw: str, _identity: ident.Identity) -> float:
    return ident.parse_count(raw, "agents", integer=False)


def _email(field: str) -> Callable[[str, ident.Identity], str]:
    """The file's message names the field (« elu_referent »); typed under its own question,
    that identifier is noise: the walk's message says only what is wrong."""
    def parse(raw: str, _identity: ident.Identity) -> str:
        try:
            return ident.parse_email(raw, field)
        except ident.IdentityValueError as exc:
            raise ident.IdentityValueError("wizard.bad_email", value=raw.strip()) from exc

    return parse


def parse_labels(raw: str, _identity: ident.Identity | None = None) -> tuple[ident.PreviousLabel, ...]:
    """"2023:2, 2024:bronze" -> labels of earlier editions; refuses anything else."""
    found = _LABEL.findall(raw)
    rest = _LABEL.sub("", raw).replace(",", "").replace(";", "").strip()
    this_year = dt.date.today().year
    labels = [(_year(year, this_year), level) for year, level in found]
    if not found or rest or any(year is None for year, _ in labels):
        raise ident.IdentityValueError("wizard.bad_labels", value=raw.strip(), year=this_year)
    return tuple(ident.PreviousLabel(year, level) for year, level in labels)  # type: ignore[arg-type]


def _year(text: str, this_year: int) -> int | None:
    try:  # `\d` matched `٢٠٢٤` too: the one parser takes ASCII digits only
        return read_int(text, low=ident.FIRST_EDITION, high=this_year)
    except NumberRefused:
        return None


def _has_insee(identity: ident.Identity) -> bool:
    return identity.type is None or identity.type in _WITH_INSEE


def _named(owner: str) -> Callable[[ident.Identity], bool]:
    def visible(identity: ident.Identity) -> bool:
        person = getattr(identity, owner)
        return person is not None and person.named

    return visible


FIELDS: tuple[IdentityField, ...] = (
    IdentityField("nom", "text", _text),
    IdentityField("type", "select", lambda raw, _i: ident.parse_type(raw)),
    IdentityField("code_insee", "text", _insee, _has_insee),
    IdentityField("siren", "text", _siren),
    IdentityField("population", "text", _population),
    IdentityField("agents", "text", _agents),
    IdentityField("elu_referent.nom", "text", _text),
    IdentityField("elu_referent.fonction", "text", _text, _named("elu_referent")),
    IdentityField("elu_referent.email", "text", _email("elu_referent"), _named("elu_referent")),
    IdentityField("responsable.nom", "text", _text),
    IdentityField("responsable.fonction", "text", _text, _named("responsable")),
    IdentityField("responsable.email", "text", _email("responsable"), _named("responsable")),
    IdentityField("labels", "text", parse_labels),
)


def shown(field: IdentityField, value: Any) -> str:
    """A saved value as the user would type it again (prompt default)."""
    if value in (None, ()):
        return ""
    if field.key == "labels":
        return ", ".join(f"{label.annee}:{label.niveau}" for label in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)

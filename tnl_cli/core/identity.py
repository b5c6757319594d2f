"""Identity of the collectivity: type, codes, referents, and what the law expects of it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from tnl_cli.errors import Problem
from tnl_cli.numbers import NUMBER_LIMIT, NumberRefused, read_number, shown  # noqa: F401 (ident.X)
from tnl_cli.textnorm import fold

# Eligible as the label's description reads.
COLLECTIVITIES = (
    "commune", "communaute_communes", "communaute_agglomeration", "communaute_urbaine",
    "metropole", "departement", "region", "ctu",
)
# Labelled in past editions, not listed by the description: accepted with a warning.
OTHER_PUBLIC = ("syndicat", "etablissement_public", "association_collectivites")
PRIVATE = "entreprise"
ALL_TYPES = COLLECTIVITIES + OTHER_PUBLIC + (PRIVATE,)

_ALIASES: dict[str, tuple[str, ...]] = {
    "commune": ("commune", "ville", "mairie", "com", "commune nouvelle", "village"),
    "communaute_communes": (
        "communaute de communes", "communaute communes", "cc", "cdc", "comcom", "com com",
        "communaute_communes",
    ),
    "communaute_agglomeration": (
        "communaute d agglomeration", "communaute agglomeration", "ca", "agglo",
        "agglomeration", "communaute_agglomeration", "cda",
    ),
    "communaute_urbaine": ("communaute urbaine", "cu", "communaute_urbaine"),
    "metropole": ("metropole", "metro", "met", "eurometropole", "met69"),
    "departement": ("departement", "dept", "dep", "conseil departemental", "cd",
                    "conseil general"),
    "region": ("region", "reg", "conseil regional", "cr"),
    "ctu": (
        "ctu", "collectivite territoriale unique", "collectivite unique",
        "collectivite a statut particulier", "collectivite de corse", "collectivite territoriale",
        "collectivite territoriale de guyane", "collectivite territoriale de martinique",
    ),
    "syndicat": (
        "syndicat", "syndicat mixte", "syndicat intercommunal", "sivu", "sivom", "sm",
        "syndicat de communes",
    ),
    "etablissement_public": (
        "etablissement public", "etablissement public local", "epl", "etablissement_public",
        "ccas", "cias", "office de tourisme", "parc national", "parc naturel regional", "sdis",
        "centre de gestion", "cdg",
    ),
    "association_collectivites": (
        "association de collectivites", "association des collectivites",
        "association_collectivites", "association d elus", "association",
    ),
    "entreprise": (
        "entreprise", "societe", "prive", "sarl", "sas", "sasu", "sa", "eurl", "startup",
        "entreprise privee", "societe privee", "scop",
    ),
}
_LOOKUP = {fold(alias): kind for kind, aliases in _ALIASES.items() for alias in aliases}
_LOOKUP.update({fold(kind): kind for kind in ALL_TYPES})


_DEP = r"0[1-9]|1[0-9]|2[1-9]|[3-8][0-9]|9[0-5]|2A|2B"  # no "20": Corsica is 2A/2B
# Overseas: 971-976 (DROM), 975, 977, 978 and 986-988 (collectivités d'outre-mer).
_COMMUNE = re.compile(rf"^(?:(?:{_DEP})[0-9]{{3}}|97[1-8][0-9]{{2}}|98[6-8][0-9]{{2}})$")
_DEPARTEMENT = re.compile(rf"^(?:{_DEP}|97[1-6])$")
_REGION = re.compile(r"^(?:0[1-6]|[1-9][0-9])$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

FIRST_EDITION = 2016  # the label was created in 2016: no earlier year of a label
OPEN_DATA_POPULATION = 3500
# The collectivités territoriales (Constitution, art. 72) among the types: the only bodies the
# open-data population exemption covers (not an EPCI, a syndicat or another public body).
TERRITORIAL = ("commune", "departement", "region", "ctu")
OPEN_DATA_AGENTS = 50


class IdentityValueError(ValueError):
    """A field value is refused: `key` is the message, `params` fill it in."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        if "value" in params:
            params["value"] = shown(params["value"])
        self.key, self.params = key, params


@dataclass(frozen=True)
class Person:
    nom: str | None = None
    fonction: str | None = None
    email: str | None = None

    @property
    def named(self) -> bool:
        return bool(self.nom)


@dataclass(frozen=True)
class PreviousLabel:
    annee: int
    niveau: str


@dataclass(frozen=True)
class Identity:
    nom: str | None = None
    type: str | None = None
    code_insee: str | None = None
    siren: str | None = None
    population: int | None = None
    agents: float | None = None
    elu_referent: Person | None = None
    responsable: Person | None = None
    labels: tuple[PreviousLabel, ...] = ()
    departement: str | None = None
    notes: tuple[Problem, ...] = ()  # warnings found while checking it (never saved)
    filled: frozenset[str] = frozenset()  # fields completed from the directory, not declared

    @property
    def category(self) -> str | None:
        """collectivite | autre_public | prive, or None when the type is unknown."""
        if self.type in COLLECTIVITIES:
            return "collectivite"
        if self.type in OTHER_PUBLIC:
            return "autre_public"
        if self.type == PRIVATE:
            return "prive"
        return None


def parse_type(value: Any) -> str:
    """Accept usual spellings and abbreviations of a collectivity type, case and accents aside."""
    if not isinstance(value, str) or not value.strip():
        raise IdentityValueError("identity.bad_type", value=value, allowed=type_list())
    kind = _LOOKUP.get(fold(value))
    if kind is None:
        raise IdentityValueError("identity.bad_type", value=value, allowed=type_list())
    return kind


def type_list() -> str:
    return ", ".join(ALL_TYPES)


def parse_insee(value: Any, kind: str | None = None) -> str:
    """A COG code: five characters for a commune (2A/2B, 97x included), or a département's or
    région's own code. A number that lost its leading zero (1001 from a spreadsheet) is repaired."""
    if isinstance(value, bool) or value is None:
        raise IdentityValueError("identity.bad_insee", value=value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        text = str(value)
        if len(text) == 4 or len(text) == 1 and kind in ("departement", "region"):
            text = "0" + text
    else:
        text = str(value).strip().upper().replace(" ", "")
    if _COMMUNE.match(text):
        return text
    if kind in ("departement", "ctu") and _DEPARTEMENT.match(text):
        return text
    if kind in ("region", "ctu") and _REGION.match(text):
        return text
    raise IdentityValueError("identity.bad_insee", value=value)


def parse_siren(value: Any) -> str:
    """Nine digits with a valid Luhn checksum (checked by python-stdnum)."""
    from stdnum import exceptions as stdnum_errors
    from stdnum.fr import siren

    if isinstance(value, bool) or value is None:
        raise IdentityValueError("identity.bad_siren_format", value=value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = f"{value:09d}" if isinstance(value, int) else str(value)
    try:
        return siren.validate(text)
    except stdnum_errors.InvalidChecksum as exc:
        raise IdentityValueError("identity.bad_siren_checksum", value=value) from exc
    except stdnum_errors.ValidationError as exc:
        raise IdentityValueError("identity.bad_siren_format", value=value) from exc


def parse_count(value: Any, field: str, *, integer: bool) -> int | float:
    """A non-negative number; French decimal comma and thousands spaces accepted."""
    try:
        number = read_number(value)
    except NumberRefused as exc:
        key = "identity.too_large" if exc.args[0] == "too_large" else "identity.bad_number"
        raise IdentityValueError(key, field=field, value=value) from exc
    if number < 0:
        raise IdentityValueError("identity.negative", field=field, value=value)
    if integer:
        if not number.is_integer():
            raise IdentityValueError("identity.not_integer", field=field, value=value)
        return int(number)
    return int(number) if number.is_integer() else number


def parse_email(value: Any, field: str) -> str:
    text = str(value).strip()
    if not _EMAIL.match(text):
        raise IdentityValueError("identity.bad_email", field=field, value=value)
    return text


def open_data_obligation(identity: Identity) -> tuple[str, str]:
    """Whether the law (loi 2016-1321, art. 6) obliges open data: (yes|no|unknown, reason key).

    CRPA L. 312-1-1 exempts "les collectivités territoriales de moins de 3 500 habitants" and
    bodies under the staff threshold of D. 312-1-1-1 (décret 2016-1922: "50 agents ou salariés
    exprimé en équivalents temps plein"). A collectivité territoriale is bound at 3,500
    inhabitants or more and 50 agents (FTE) or more, both; an EPCI, a syndicat or another
    public body is no collectivité territoriale (Constitution, art. 72): 50 agents bind it
    whatever its population. (The catalogs' `obligation_open_data_defaut` carries the same
    scope.)
    """
    pop, agents, kind = identity.population, identity.agents, identity.type
    territorial = kind in TERRITORIAL
    if territorial and pop is not None and pop < OPEN_DATA_POPULATION:
        return "no", "identity.od_no_population"
    if agents is not None and agents < OPEN_DATA_AGENTS:
        return "no", "identity.od_no_agents"
    if agents is None:
        return "unknown", "identity.od_unknown"
    if kind is None:
        if pop is None:
            return "unknown", "identity.od_unknown"
        if pop < OPEN_DATA_POPULATION:
            return "unknown", "identity.od_unknown_type"
        return "yes", "identity.od_yes"
    if not territorial:
        return "yes", "identity.od_yes_agents"
    if pop is None:
        return "unknown", "identity.od_unknown"
    return "yes", "identity.od_yes"

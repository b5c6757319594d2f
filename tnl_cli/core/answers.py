"""Answers: one normaliser and validator for every way answers arrive.

An answers file, a `--set ID=VALUE`, a prompt and a spreadsheet row all go through
`normalise_value` and `parse_identity`, so a value is accepted or refused with the same words
everywhere.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import urlparse

from tnl_cli.core import identity as ident
from tnl_cli.core.catalog import Catalog, Criterion
from tnl_cli.core.provenance import Source, SourceRefused, parse_source, source_to_dict
from tnl_cli.errors import AnswersError, CatalogError, Problem
from tnl_cli.numbers import NumberRefused, read_int
from tnl_cli.textnorm import fold, fold_word

if TYPE_CHECKING:  # PyYAML costs ~15 ms to import: only the functions that read files load it
    from tnl_cli.io import yaml as yamlio

TRUE_WORDS = {"oui", "o", "vrai", "yes", "y", "true", "1", "on"}
FALSE_WORDS = {"non", "n", "faux", "no", "false", "0", "off"}
MULTI_SEPARATOR = "|"
_UNITS = ("%", "€", "eur", "euros")  # ignored after a number
# Limits on the work one answers file may ask for (README, "Limites"): a catalog has about sixty
# criteria and a large collectivity a few hundred software, so these leave wide room, and keep a
# mistaken or hostile file to a second or two. Beyond them: one clear message.
MAX_FILE_BYTES = 5 << 20  # an answers file (a real one is a few KB)
MAX_RESPONSES = 1_000  # entries under `reponses`
MAX_INVENTORY = 2_000  # software in one inventory answer (a cell or a list)
MAX_SOURCES = 20  # files one answer was drawn from (`sources:`)
ANSWER_KEYS = ("valeur", "justification", "preuves", "sources")
_SUGGESTED = 20  # unknown criterion ids given the closest known ones
# The stored answer of a criterion whose subject does not exist for the body (no school…):
# only criteria marked `not_concerned: true` in the catalog accept it.
NOT_CONCERNED = "non_concerne"
# Its spellings, as textnorm.fold_word leaves them (case, accents, spacing folded, punctuation
# kept as for yes/no): non_concerne, non concerné, nc, n/a, not concerned.
NOT_CONCERNED_WORDS = frozenset({"non_concerne", "non concerne", "nc", "n/a", "not concerned"})


class InventoryItem(NamedTuple):
    """One software the collectivity says it uses, recognised in the catalog or not."""

    name: str
    software_id: str | None  # None: unknown to the catalog, for the user to qualify
    free: bool | None  # None: unknown and not qualified
    qualified: bool = False  # the user said whether it is free (`{nom: ..., libre: oui}`)


class ValueRefused(ValueError):
    """A value that does not fit its criterion: `key` and `params` make the message."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        if "value" in params:
            params["value"] = ident.shown(params["value"])
        self.key, self.params = key, params


@dataclass(frozen=True)
class Answer:
    value: Any  # None: seen but left unanswered
    justification: str | None = None
    preuves: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()  # the files the value was drawn from (tnl inventaire…)


@dataclass(frozen=True)
class Annex:
    """A document the candidacy cites that is not the evidence of one criterion."""

    titre: str
    url: str | None = None


@dataclass(frozen=True)
class DossierText:
    """The `dossier:` section: what only the collectivity can write about itself."""

    presentation: str | None = None
    demarche: str | None = None
    realisations: tuple[str, ...] = ()
    projets: tuple[str, ...] = ()
    lieu: str | None = None
    annexes: tuple[Annex, ...] = ()
    # what a jury looks for on the cover and in the key figures (all optional)
    site_web: str | None = None
    adresse: str | None = None  # postal address, its lines kept
    budget: str | None = None  # one line, as the collectivity words it ("1,2 M€ par an")
    equipe: str | None = None  # one line ("12 agents à la DSI, dont 2 dédiés au libre")
    calendrier: tuple[str, ...] = ()  # the approach's milestones, one per line
    logo: str | None = None  # an image file, relative to the answers file (.png .jpg .svg)

    def __bool__(self) -> bool:
        return any((self.presentation, self.demarche, self.realisations, self.projets,
                    self.lieu, self.annexes, self.site_web, self.adresse, self.budget,
                    self.equipe, self.calendrier, self.logo))


@dataclass(frozen=True)
class Answers:
    edition: int | None
    identity: ident.Identity
    responses: Mapping[str, Answer] = field(default_factory=dict)
    dossier: DossierText = field(default_factory=DossierText)

    def value(self, criterion_id: str) -> Any:
        answer = self.responses.get(criterion_id)
        return None if answer is None else answer.value

    def with_answer(self, criterion_id: str, answer: Answer) -> Answers:
        responses = dict(self.responses)
        responses[criterion_id] = answer
        return replace(self, responses=responses)


def parse_bool(raw: Any, *, allow_x: bool = False) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, (int, float)) and raw in (0, 1):
        return bool(raw)
    if isinstance(raw, str):
        word = fold_word(raw)  # not fold(): '-1', '(non)' or 'oui?' are not yes or no
        if word in TRUE_WORDS or (allow_x and word == "x"):
            return True
        if word in FALSE_WORDS:
            return False
    raise ValueRefused("answers.bad_bool", value=raw)


def _parse_number(raw: Any, c: Criterion) -> float | int:
    try:
        number = ident.read_number(raw, _UNITS)
    except ident.NumberRefused as exc:
        key = "answers.too_large" if exc.args[0] == "too_large" else "answers.bad_number"
        if isinstance(raw, bool) or fold_word(str(raw)) in TRUE_WORDS | FALSE_WORDS:
            # A yes/no where a figure is asked: often a file written when the question was a
            # yes/no one (reemploi_equipements became a share in this version).
            raise ValueRefused("answers.number_not_yes_no", value=raw, id=c.id) from exc
        raise ValueRefused(key, value=raw) from exc
    low = c.minimum if c.minimum is not None else float("-inf")
    high = c.maximum if c.maximum is not None else float("inf")
    if not low <= number <= high:
        raise ValueRefused("answers.out_of_bounds", value=raw, low=_fmt(c.minimum),
                           high=_fmt(c.maximum))
    return int(number) if number.is_integer() else number


def _fmt(bound: float | None) -> str:
    if bound is None:
        return "∞"
    return str(int(bound)) if float(bound).is_integer() else str(bound)


# Keyed by the criterion object's id; the entry keeps the criterion alive, so the id cannot be
# reused by another criterion while the entry exists.
_CHOICE_INDEX: dict[int, tuple[Criterion, dict[str, str]]] = {}


def _choice_index(c: Criterion) -> dict[str, str]:
    """Folded value and labels -> option value, built once per criterion."""
    entry = _CHOICE_INDEX.get(id(c))
    if entry is None:
        index: dict[str, str] = {}
        for ch in reversed(c.choices):  # the first option wins a shared label
            for text in (ch.label["en"], ch.label["fr"], ch.value):
                index[fold(text)] = ch.value
        entry = _CHOICE_INDEX[id(c)] = (c, index)
    return entry[1]


def _parse_choice(raw: Any, c: Criterion) -> str:
    if isinstance(raw, str):
        found = _choice_index(c).get(fold(raw))
        if found is not None:
            return found
    raise ValueRefused("answers.bad_choice", value=raw,
                       allowed=", ".join(ch.value for ch in c.choices))


def _parse_multi(raw: Any, c: Criterion) -> list[str]:
    if isinstance(raw, str):
        items: list[Any] = [p for p in raw.split(MULTI_SEPARATOR) if p.strip()]
    elif isinstance(raw, list):
        items = raw
    else:
        raise ValueRefused("answers.bad_multi", value=raw,
                           allowed=", ".join(ch.value for ch in c.choices))
    chosen = [_parse_choice(item, c) for item in items]
    return [ch.value for ch in c.choices if ch.value in chosen]  # catalog order, no repeats


def parse_url(raw: Any) -> str:
    text = str(raw).strip() if isinstance(raw, str) else ""
    try:
        parsed = urlparse(text)
        parsed.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError as exc:  # e.g. "https://[x": an unbalanced IPv6 bracket
        raise ValueRefused("answers.bad_url", value=raw) from exc
    if parsed.scheme not in ("http", "https") or not parsed.netloc or " " in text:
        raise ValueRefused("answers.bad_url", value=raw)
    return text


def _parse_inventory(raw: Any) -> tuple[InventoryItem, ...]:
    """Software names (a list, or a string separated by `|`), matched against the catalog.

    An entry may be qualified by the user as `{nom: ..., libre: oui|non}`, which wins over the
    catalog (for software the catalog does not know, or knows wrongly)."""
    from tnl_cli.reference import software

    entries: list[Any]
    if isinstance(raw, str):
        entries = [p.strip() for p in raw.split(MULTI_SEPARATOR) if p.strip()]
    elif isinstance(raw, list):
        entries = raw
    else:
        raise ValueRefused("answers.bad_inventory", value=raw)
    if len(entries) > MAX_INVENTORY:
        raise ValueRefused("answers.inventory_too_long", value=f"{len(entries)}",
                           limit=MAX_INVENTORY)
    items: list[InventoryItem] = []
    seen: set[str] = set()
    for entry in entries:
        qualified: bool | None = None
        if isinstance(entry, dict):
            name = entry.get("nom")
            if "libre" in entry:
                qualified = parse_bool(entry["libre"])
            if set(entry) - {"nom", "libre"}:
                raise ValueRefused("answers.bad_inventory", value=entry)
        else:
            name = entry
        if not isinstance(name, (str, int, float)) or not str(name).strip():
            raise ValueRefused("answers.bad_inventory", value=entry)
        name = str(name).strip()
        # A name the user qualified is theirs: only an exact catalog name may replace it.
        found = software.match_exact(name) if qualified is not None else software.match(name).software
        key = found.id if found else fold(name)
        if key in seen:
            continue
        seen.add(key)
        free = qualified if qualified is not None else (found.free if found else None)
        items.append(InventoryItem(name, found.id if found else None, free,
                                   qualified is not None))
    return tuple(items)


def normalise_value(c: Criterion, raw: Any, *, allow_x: bool = False) -> Any:
    """The canonical value of `raw` for criterion `c`, or ValueRefused. None stays unanswered."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, str) and fold_word(raw) in NOT_CONCERNED_WORDS:
        if c.not_concerned:
            return NOT_CONCERNED
        raise ValueRefused("answers.not_concerned_refused", value=raw)
    if c.type == "boolean":
        return parse_bool(raw, allow_x=allow_x)
    if c.type == "number":
        return _parse_number(raw, c)
    if c.type == "choice":
        return _parse_choice(raw, c)
    if c.type == "multi":
        return _parse_multi(raw, c) or None
    if c.type == "url":
        return parse_url(raw)
    if c.type == "inventory":
        return _parse_inventory(raw) or None
    if isinstance(raw, (dict, list)):
        raise ValueRefused("answers.bad_text", value=raw)
    return str(raw).strip()


def suggest(word: str, candidates: list[str]) -> str:
    close = difflib.get_close_matches(word, candidates, n=3, cutoff=0.5)
    return ", ".join(close)


def unknown_criterion(criterion_id: str, catalog: Catalog, file: str | None,
                      line: int | None, *, hint: bool = True) -> Problem:
    close = suggest(criterion_id, list(catalog.by_id)) if hint else ""
    key = "answers.unknown_criterion_hint" if close else "answers.unknown_criterion"
    return Problem(key, {"id": criterion_id, "hint": close, "edition": catalog.edition},
                   file, line)


def unknown_key(at: Any, path: tuple[Any, ...], key: Any, allowed: tuple[str, ...]) -> Problem:
    """An unknown key: every possible key listed, the closest ones suggested first."""
    close = suggest(str(key), list(allowed))
    if close:
        return at("answers.unknown_key_hint", path, key=key, hint=close,
                  allowed=", ".join(allowed))
    return at("answers.unknown_key", path, key=key, allowed=", ".join(allowed))


def refused(c: Criterion, exc: ValueRefused, file: str | None, line: int | None) -> Problem:
    accepts = "answers.accepts_not_concerned" if c.not_concerned else "answers.accepts_more"
    # The options a choice accepts, whatever the refusal: `non concerné` where it is not
    # possible is refused before the options are looked at (its message lacked them: KeyError).
    allowed = {"allowed": ", ".join(ch.value for ch in c.choices)} if c.choices else {}
    return Problem("answers.refused", {"id": c.id, "reason_key": exc.key, **allowed,
                                       **exc.params, "accepts_key": f"answers.accepts_{c.type}",
                                       "more_key": accepts}, file, line)


_IDENTITY_KEYS = ("nom", "type", "code_insee", "siren", "population", "agents", "departement",
                  "elu_referent", "responsable", "labels_anterieurs")
_PERSON_KEYS = ("nom", "fonction", "email")
_PERSONS = ("elu_referent", "responsable")


def parse_person(raw: Any, field_name: str, at: Any, problems: list[Problem]) -> ident.Person | None:
    """A referent as a mapping {nom, fonction, email} or a plain name."""
    if raw is None:
        return None
    if isinstance(raw, str):
        return ident.Person(nom=raw.strip() or None)
    if not isinstance(raw, dict):
        problems.append(at("identity.bad_person", (field_name,), field=field_name))
        return None
    for key in raw:
        if key not in _PERSON_KEYS:
            problems.append(at("answers.unknown_key", (field_name, key), key=key,
                               allowed=", ".join(_PERSON_KEYS)))
    email = raw.get("email")
    if email not in (None, ""):
        try:
            email = ident.parse_email(email, field_name)
        except ident.IdentityValueError as exc:
            problems.append(at(exc.key, (field_name, "email"), **exc.params))
            email = None
    return ident.Person(
        nom=str(raw["nom"]).strip() if raw.get("nom") else None,
        fonction=str(raw["fonction"]).strip() if raw.get("fonction") else None,
        email=email or None,
    )


def parse_identity(raw: Any, at: Any, problems: list[Problem]) -> ident.Identity:
    """Validate the `collectivite` mapping; `at(key, path, **params)` makes a located Problem."""
    if raw is None:
        return ident.Identity()
    if not isinstance(raw, dict):
        problems.append(at("answers.identity_not_mapping", ()))
        return ident.Identity()
    for key in raw:
        if key not in _IDENTITY_KEYS:
            problems.append(unknown_key(at, (key,), key, _IDENTITY_KEYS))
    values: dict[str, Any] = {}

    def check(name: str, fn: Any, *args: Any) -> None:
        value = raw.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            return
        try:
            values[name] = fn(value, *args)
        except ident.IdentityValueError as exc:
            problems.append(at(exc.key, (name,), **exc.params))

    check("type", ident.parse_type)
    check("code_insee", ident.parse_insee, values.get("type"))
    check("siren", ident.parse_siren)
    check("population", lambda v: ident.parse_count(v, "population", integer=True))
    check("agents", lambda v: ident.parse_count(v, "agents", integer=False))
    labels: list[ident.PreviousLabel] = []
    raw_labels = raw.get("labels_anterieurs") or []
    if not isinstance(raw_labels, list):
        problems.append(at("identity.bad_labels", ("labels_anterieurs",)))
        raw_labels = []
    for i, item in enumerate(raw_labels):
        year = item.get("annee") if isinstance(item, dict) else None
        level = item.get("niveau") if isinstance(item, dict) else None
        try:  # 2024.0 too (JSON Schema's integer); not "2024", which the schema refuses
            year = None if isinstance(year, str) else read_int(
                year, low=ident.FIRST_EDITION, high=dt.date.today().year)
        except NumberRefused:
            year = None
        if (year is None
                or isinstance(level, (bool, float, dict, list)) or level is None or not str(level).strip()):
            problems.append(at("identity.bad_labels", ("labels_anterieurs", i)))
            continue
        labels.append(ident.PreviousLabel(year, str(level).strip()))
    name = raw.get("nom")
    if isinstance(name, (dict, list)):
        problems.append(at("answers.not_text", ("nom",), field="nom"))
        name = None
    departement = raw.get("departement")
    return ident.Identity(
        nom=str(name).strip() if name not in (None, "") else None,
        type=values.get("type"),
        code_insee=values.get("code_insee"),
        siren=values.get("siren"),
        population=values.get("population"),
        agents=values.get("agents"),
        elu_referent=parse_person(raw.get("elu_referent"), "elu_referent", at, problems),
        responsable=parse_person(raw.get("responsable"), "responsable", at, problems),
        labels=tuple(labels),
        departement=str(departement).strip().upper() if departement not in (None, "") else None,
    )


def check_identity(identity: ident.Identity, at: Any, problems: list[Problem],
                   directory: Any = None) -> ident.Identity:
    """Check the codes against the official geography and fill in what is missing.

    Codes unknown to the COG become located problems; contradictions become warnings kept
    in `identity.notes`. `directory` defaults to the bundled territory database (a batch run
    passes an in-memory `territory.Index`)."""
    if identity.code_insee is None and identity.siren is None:
        return identity
    from tnl_cli.core.reconcile import reconcile

    if directory is None:
        from tnl_cli.reference import territory as directory
    completed, errors, warnings = reconcile(identity, directory)
    problems.extend(at(p.key, (p.params["field"],), **p.params) for p in errors)
    return replace(completed, notes=completed.notes + tuple(warnings))


def parse_answer(c: Criterion, raw: Any, at: Any, path: tuple[Any, ...],
                 problems: list[Problem], *, allow_x: bool = False) -> Answer | None:
    """One entry of `reponses`: a bare value or {valeur, justification, preuves, sources}."""
    justification = None
    preuves: list[str] = []
    sources: list[Source] = []
    value = raw
    if isinstance(raw, dict):
        for key in raw:
            if key not in ANSWER_KEYS:
                problems.append(at("answers.unknown_key", path + (key,), key=key,
                                   allowed=", ".join(ANSWER_KEYS)))
        value = raw.get("valeur")
        if isinstance(raw.get("justification"), (dict, list)):
            problems.append(at("answers.not_text", path + ("justification",),
                               field="justification"))
        elif raw.get("justification") not in (None, ""):
            justification = str(raw["justification"]).strip()
        raw_proofs = raw.get("preuves") or []
        if isinstance(raw_proofs, str):
            raw_proofs = [raw_proofs]
        if not isinstance(raw_proofs, list):
            problems.append(at("answers.bad_proofs", path + ("preuves",), id=c.id))
            raw_proofs = []
        for j, proof in enumerate(raw_proofs):
            try:
                preuves.append(parse_url(proof))
            except ValueRefused:
                problems.append(at("answers.bad_proof", path + ("preuves", j), id=c.id,
                                   value=proof))
        sources = _parse_sources(c, raw.get("sources"), at, path, problems)
    try:
        normalised = normalise_value(c, value, allow_x=allow_x)
    except ValueRefused as exc:
        problems.append(refused(c, exc, at.file, at.line_of(path)))
        return None
    return Answer(normalised, justification, tuple(preuves), tuple(sources))


def _parse_sources(c: Criterion, raw: Any, at: Any, path: tuple[Any, ...],
                   problems: list[Problem]) -> list[Source]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raw = [raw]
    if len(raw) > MAX_SOURCES:
        problems.append(at("answers.too_many_sources", path + ("sources",), id=c.id,
                           max=MAX_SOURCES))
        return []
    sources = []
    for j, entry in enumerate(raw):
        try:
            sources.append(parse_source(entry))
        except SourceRefused as exc:
            problems.append(at(exc.key, path + ("sources", j), id=c.id, **exc.params))
    return sources


class _Locator:
    """Makes located problems for a document; paths are relative to `base`."""

    def __init__(self, doc: yamlio.Located | None, base: tuple[Any, ...] = (),
                 file: str | None = None) -> None:
        self.doc, self.base = doc, base
        self.file = doc.file if doc else file

    def line_of(self, path: tuple[Any, ...]) -> int | None:
        return self.doc.line(*(self.base + path)) if self.doc else None

    def __call__(self, msg_key: str, path: tuple[Any, ...], **params: Any) -> Problem:
        return Problem(msg_key, params, self.file, self.line_of(path))

    def sub(self, *more: Any) -> _Locator:
        loc = _Locator(self.doc, self.base + more, self.file)
        return loc


TOP_KEYS = ("edition", "collectivite", "reponses", "dossier", "outil")
DOSSIER_TEXTS = ("presentation", "demarche", "lieu")
DOSSIER_LISTS = ("realisations", "projets", "calendrier")
DOSSIER_LINES = ("budget", "equipe")  # one line each
DOSSIER_KEYS = (*DOSSIER_TEXTS[:2], *DOSSIER_LISTS[:2], "lieu", "annexes", "site_web",
                "adresse", *DOSSIER_LINES, "calendrier", "logo")
LOGO_TYPES = (".png", ".jpg", ".jpeg", ".svg")
_ANNEX_KEYS = ("titre", "url")


def _dossier_text(raw: Any, at: Any, path: tuple[Any, ...], problems: list[Problem],
                  *, one_line: bool = False) -> str | None:
    if raw is None or isinstance(raw, str) and not raw.strip():
        return None
    if isinstance(raw, (dict, list, bool)):
        problems.append(at("answers.not_text", path, field=".".join(map(str, path))))
        return None
    text = str(raw).strip()
    return " ".join(text.split()) if one_line else text


def parse_dossier(raw: Any, at: Any, problems: list[Problem]) -> DossierText:
    """The `dossier:` section: texts, lists of texts (a single text is a list of one),
    annexes as {titre, url}. Everything is optional."""
    if raw is None:
        return DossierText()
    if not isinstance(raw, dict):
        problems.append(at("answers.dossier_not_mapping", ()))
        return DossierText()
    for key in raw:
        if key not in DOSSIER_KEYS:
            close = suggest(str(key), list(DOSSIER_KEYS))
            problems.append(at("answers.unknown_key", (key,), key=key,
                               allowed=close or ", ".join(DOSSIER_KEYS)))
    lists: dict[str, tuple[str, ...]] = {}
    for name in DOSSIER_LISTS:
        value = raw.get(name)
        items = [value] if isinstance(value, str) else value or []
        if not isinstance(items, list):
            problems.append(at("answers.dossier_not_list", (name,), field=name))
            items = []
        texts = (_dossier_text(item, at, (name, i), problems) for i, item in enumerate(items))
        lists[name] = tuple(t for t in texts if t)
    annexes: list[Annex] = []
    raw_annexes = raw.get("annexes") or []
    if not isinstance(raw_annexes, list):
        problems.append(at("answers.dossier_not_list", ("annexes",), field="annexes"))
        raw_annexes = []
    for i, item in enumerate(raw_annexes):
        if isinstance(item, str):  # a bare link or title
            item = {"url": item} if item.strip().lower().startswith(("http://", "https://")) \
                else {"titre": item}
        if not isinstance(item, dict):
            problems.append(at("answers.bad_annex", ("annexes", i)))
            continue
        for key in item:
            if key not in _ANNEX_KEYS:
                problems.append(at("answers.unknown_key", ("annexes", i, key), key=key,
                                   allowed=", ".join(_ANNEX_KEYS)))
        title = _dossier_text(item.get("titre"), at, ("annexes", i, "titre"), problems,
                              one_line=True)
        url = None
        if item.get("url") not in (None, ""):
            try:
                url = parse_url(item["url"])
            except ValueRefused as exc:
                problems.append(at(exc.key, ("annexes", i, "url"), **exc.params))
        if title is None and url is None:
            problems.append(at("answers.bad_annex", ("annexes", i)))
            continue
        annexes.append(Annex(title or str(url), url))
    site = None
    if raw.get("site_web") not in (None, ""):
        try:
            site = parse_url(raw["site_web"])
        except ValueRefused as exc:
            problems.append(at(exc.key, ("site_web",), **exc.params))
    lines = {name: _dossier_text(raw.get(name), at, (name,), problems, one_line=True)
             for name in (*DOSSIER_LINES, "logo")}
    if lines["logo"] and not lines["logo"].lower().endswith(LOGO_TYPES):
        problems.append(at("answers.bad_logo", ("logo",), value=lines["logo"],
                           allowed=", ".join(LOGO_TYPES)))
        lines["logo"] = None
    return DossierText(
        presentation=_dossier_text(raw.get("presentation"), at, ("presentation",), problems),
        demarche=_dossier_text(raw.get("demarche"), at, ("demarche",), problems),
        realisations=lists["realisations"],
        projets=lists["projets"],
        lieu=_dossier_text(raw.get("lieu"), at, ("lieu",), problems, one_line=True),
        annexes=tuple(annexes),
        site_web=site,
        adresse=_dossier_text(raw.get("adresse"), at, ("adresse",), problems),
        budget=lines["budget"],
        equipe=lines["equipe"],
        calendrier=lists["calendrier"],
        logo=lines["logo"],
    )


def dossier_to_dict(text: DossierText) -> dict[str, Any]:
    """The `dossier:` section as the answers file writes it (empty fields left out)."""
    out: dict[str, Any] = {}
    for name in ("presentation", "demarche"):
        if getattr(text, name):
            out[name] = getattr(text, name)
    for name in DOSSIER_LISTS:
        if getattr(text, name):
            out[name] = list(getattr(text, name))
    if text.lieu:
        out["lieu"] = text.lieu
    if text.annexes:
        out["annexes"] = [{k: v for k, v in (("titre", a.titre), ("url", a.url)) if v}
                          for a in text.annexes]
    for name in ("site_web", "adresse", *DOSSIER_LINES, "logo"):
        if getattr(text, name):
            out[name] = getattr(text, name)
    return out


def file_edition(doc: yamlio.Located) -> int | None:
    """The edition an answers document declares, if it is a year (`"2025"` quoted too)."""
    data = doc.data
    edition = data.get("edition") if isinstance(data, dict) else None
    try:  # 5,000 digits, `٢٠٢٥` or `true` are no year: said by from_document
        return None if edition is None else read_int(edition)
    except NumberRefused:
        return None


def from_document(doc: yamlio.Located, catalog: Catalog, *, migrate: bool = False) -> tuple[
        Answers, list[str]]:
    """Validate an answers document against `catalog`.

    Returns the answers and the ids of answered criteria the catalog no longer has (only when
    `migrate`: otherwise such ids are errors with a suggestion).
    """
    loc = _Locator(doc)
    data = doc.data
    problems: list[Problem] = []
    if not isinstance(data, dict):
        raise AnswersError(loc("answers.not_mapping", (), kind=type(data).__name__))
    for key in data:
        if key not in TOP_KEYS:
            problems.append(unknown_key(loc, (key,), key, TOP_KEYS))
    edition = file_edition(doc)
    if data.get("edition") is not None and edition is None:
        problems.append(loc("answers.bad_edition", ("edition",), value=data["edition"]))
    identity = parse_identity(data.get("collectivite"), loc.sub("collectivite"), problems)
    if not problems:
        identity = check_identity(identity, loc.sub("collectivite"), problems)
    responses: dict[str, Answer] = {}
    gone: list[str] = []
    raw_responses = data.get("reponses") or {}
    if not isinstance(raw_responses, dict):
        problems.append(loc("answers.responses_not_mapping", ("reponses",)))
        raw_responses = {}
    if len(raw_responses) > MAX_RESPONSES:
        problems.append(loc("answers.too_many_responses", ("reponses",),
                            count=len(raw_responses), limit=MAX_RESPONSES))
        raw_responses = {}
    rloc = loc.sub("reponses")
    unknown = 0
    for cid, raw in raw_responses.items():
        c = catalog.criterion(str(cid))
        if c is None:
            if migrate:
                gone.append(str(cid))
            else:
                unknown += 1  # the closest ids for the first few (each costs a fuzzy search)
                problems.append(unknown_criterion(str(cid), catalog, doc.file,
                                                  rloc.line_of((cid,)),
                                                  hint=unknown <= _SUGGESTED))
            continue
        answer = parse_answer(c, raw, rloc, (cid,), problems)
        if answer is not None:
            responses[c.id] = answer
    dossier = parse_dossier(data.get("dossier"), loc.sub("dossier"), problems)
    if problems:
        raise AnswersError(*problems)
    return Answers(edition, identity, responses, dossier), gone


def load(path: Path, catalog_for: Any, edition: int | None = None) -> tuple[Answers, Any, list[str]]:
    """Read an answers file; `catalog_for(edition)` gives the catalog to check it against.

    With an explicit `edition` different from the file's, answers are migrated: criteria that
    no longer exist are dropped and returned in the third element.
    """
    from tnl_cli.io import yaml as yamlio

    try:
        size = path.stat().st_size if path.is_file() else 0
    except OSError:
        size = 0  # yamlio.load says why it cannot be read
    if size > MAX_FILE_BYTES:
        raise AnswersError(Problem("answers.file_too_big", {
            "size": size >> 20, "limit": MAX_FILE_BYTES >> 20}, str(path)))
    doc = yamlio.load(path)
    declared = file_edition(doc)
    try:
        catalog = catalog_for(edition if edition is not None else declared)
    except CatalogError as exc:
        if edition is not None or exc.problems[0].key != "catalog.no_edition":
            raise
        # The file names an edition the tool has no catalog for: say where, and the way out.
        raise AnswersError(Problem("answers.no_edition", {**exc.problems[0].params},
                                   doc.file, doc.line("edition"))) from exc
    migrate = declared is not None and declared != catalog.edition
    answers, gone = from_document(doc, catalog, migrate=migrate)
    return replace(answers, edition=catalog.edition), catalog, gone


def apply_override(answers: Answers, catalog: Catalog, spec: str) -> Answers:
    """`--set ID=VALUE`: the same validation as the file; identity fields use `collectivite.X`."""
    cid, sep, raw = spec.partition("=")
    cid = cid.strip()
    if not sep or not cid:
        raise AnswersError(Problem("answers.bad_set", {"spec": spec}))
    if cid.startswith("collectivite."):
        name = cid.split(".", 1)[1]
        problems: list[Problem] = []
        # Start from what the user declared: values the previous code filled in must not
        # survive a change of code.
        current = {k: v for k, v in identity_to_dict(answers.identity).items()
                   if k not in answers.identity.filled}
        person, dot, person_field = name.partition(".")
        if dot and person in _PERSONS:  # collectivite.elu_referent.nom=…: one field of a person
            fields = current.get(person)
            current[person] = {**(fields if isinstance(fields, dict) else {}), person_field: raw}
        else:
            current[name] = raw
        loc = _Locator(None, file="--set")
        identity = parse_identity(current, loc, problems)
        if not problems:
            identity = check_identity(identity, loc, problems)
        if problems:
            raise AnswersError(*problems)
        return replace(answers, identity=identity)
    c = catalog.criterion(cid)
    if c is None:
        raise AnswersError(unknown_criterion(cid, catalog, "--set", None))
    try:
        value = normalise_value(c, raw)
    except ValueRefused as exc:
        raise AnswersError(refused(c, exc, "--set", None)) from exc
    previous = answers.responses.get(c.id) or Answer(None)
    # A value typed by the user no longer comes from the file its sources name.
    sources = previous.sources if value == previous.value else ()
    return answers.with_answer(c.id, replace(previous, value=value, sources=sources))


def identity_to_dict(identity: ident.Identity) -> dict[str, Any]:
    def person(p: ident.Person | None) -> dict[str, Any] | None:
        if p is None:
            return None
        return {k: v for k, v in (("nom", p.nom), ("fonction", p.fonction),
                                  ("email", p.email)) if v is not None}

    out: dict[str, Any] = {
        "nom": identity.nom, "type": identity.type, "code_insee": identity.code_insee,
        "siren": identity.siren, "population": identity.population, "agents": identity.agents,
        "departement": identity.departement,
        "elu_referent": person(identity.elu_referent),
        "responsable": person(identity.responsable),
    }
    if identity.labels:
        out["labels_anterieurs"] = [{"annee": x.annee, "niveau": x.niveau}
                                    for x in identity.labels]
    return out


def document_value(value: Any) -> Any:
    """A normalised value as the answers file writes it."""
    if isinstance(value, tuple) and value and isinstance(value[0], InventoryItem):
        return [{"nom": i.name, "libre": i.free} if i.qualified else i.name for i in value]
    return value


def to_document(answers: Answers, catalog: Catalog, tool_version: str) -> dict[str, Any]:
    """The YAML-ready form of answers, criteria in catalog order."""
    responses: dict[str, Any] = {}
    for c in catalog.criteria:
        answer = answers.responses.get(c.id)
        if answer is None:
            continue
        if answer.justification or answer.preuves or answer.sources:
            entry: dict[str, Any] = {"valeur": document_value(answer.value)}
            if answer.justification:
                entry["justification"] = answer.justification
            if answer.preuves:
                entry["preuves"] = list(answer.preuves)
            if answer.sources:
                entry["sources"] = [source_to_dict(s) for s in answer.sources]
            responses[c.id] = entry
        else:
            responses[c.id] = document_value(answer.value)
    document = {
        "edition": catalog.edition,
        "outil": f"tnl {tool_version}",
        "collectivite": identity_to_dict(answers.identity),
        "reponses": responses,
    }
    if answers.dossier:
        document["dossier"] = dossier_to_dict(answers.dossier)
    return document

"""Answers: the model, and one validator for every way answers arrive.

An answers file, a `--set ID=VALUE`, a prompt and a spreadsheet row all go through
`normalise.normalise_value` and `parse_identity`, so a value is accepted or refused with the same
words everywhere. Here: the answers document (identity, responses with their sources, the
dossier texts) checked from parsed data, and written back (`to_document`).
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from tnl_cli.core import identity as ident
from tnl_cli.core.catalog import Catalog, Criterion
from tnl_cli.core.normalise import InventoryItem, ValueRefused, normalise_value, parse_url
from tnl_cli.core.provenance import Source, SourceRefused, parse_source, source_to_dict
from tnl_cli.errors import AnswersError, Problem
from tnl_cli.located import Located
from tnl_cli.numbers import NumberRefused, read_int

# Limits on the work one answers file may ask for (README, "Limites"; its size in bytes:
# loaders.answer_files; software per inventory answer: normalise.MAX_INVENTORY): a catalog has
# about sixty criteria and a large collectivity a few hundred software, so these leave wide
# room, and keep a mistaken or hostile file to a second or two. Beyond them: one clear message.
MAX_RESPONSES = 1_000  # entries under `reponses`
MAX_SOURCES = 20  # files one answer was drawn from (`sources:`)
ANSWER_KEYS = ("valeur", "justification", "preuves", "sources")
_SUGGESTED = 20  # unknown criterion ids given the closest known ones
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
    passes an in-memory `territory_index.Index`)."""
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

    def __init__(self, doc: Located | None, base: tuple[Any, ...] = (),
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


def file_edition(doc: Located) -> int | None:
    """The edition an answers document declares, if it is a year (`"2025"` quoted too)."""
    data = doc.data
    edition = data.get("edition") if isinstance(data, dict) else None
    try:  # 5,000 digits, `٢٠٢٥` or `true` are no year: said by from_document
        return None if edition is None else read_int(edition)
    except NumberRefused:
        return None


def from_document(doc: Located, catalog: Catalog, *, migrate: bool = False) -> tuple[
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

"""The criteria catalog of one label edition: loaded from YAML, validated, immutable.

Validation collects every problem it finds (with file and line) before refusing the file,
so that `tnl criteria lint` shows the whole list at once.
"""

import pickle
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from tnl_cli import resources
from tnl_cli.core import rules

if TYPE_CHECKING:
    from tnl_cli.io import yaml as yamlio
from tnl_cli.errors import CatalogError, Problem
from tnl_cli.numbers import plain_int

TYPES = ("boolean", "choice", "multi", "number", "text", "url", "inventory")
EFFORTS = ("faible", "moyen", "eleve")
EFFORT_COST = {"faible": 1, "moyen": 3, "eleve": 8}
COLLECTIVITY_TYPES = (
    "commune",
    "communaute_communes",
    "communaute_agglomeration",
    "communaute_urbaine",
    "metropole",
    "departement",
    "region",
    "ctu",
    "syndicat",
    "etablissement_public",
    "association_collectivites",
)
_ID = re.compile(r"^[a-z0-9][a-z0-9_]*$")
# Placeholders a `statement` may hold: the answer as read ({value}), the deliberative assembly
# of the collectivity's type ({council}, capitalised {Council} at the start of a sentence).
STATEMENT_FIELDS = ("value", "council", "Council")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")

Text = Mapping[str, str]

# The model is made of NamedTuples: immutable like frozen dataclasses, but about six times
# cheaper to define at import, and this module is on the start-up path of every command.
# (No `from __future__ import annotations` here: NamedTuple would compile every string
# annotation into a ForwardRef, ~7 ms.)


class Choice(NamedTuple):
    value: str
    label: Text
    points: int


class Threshold(NamedTuple):
    minimum: float
    points: int


FORCES = ("obligation", "recommendation")
EPCI_FP = ("communaute_communes", "communaute_agglomeration", "communaute_urbaine", "metropole")


class Law(NamedTuple):
    """What a legal text asks of a criterion's subject, and of whom (see catalog-format.md)."""

    force: str  # obligation | recommendation
    types: frozenset[str] | None = None  # body types the text binds (None: every body)
    population_over: int | None = None  # binds bodies of strictly more inhabitants ("plus de")
    population_min: int | None = None  # binds bodies of at least this many ("moins de" exempt)
    agents_min: float | None = None  # binds bodies with at least this many agents (FTE)
    since: str | None = None  # ISO date of entry into force
    met_values: tuple[str, ...] = ()  # choice criteria: the answers that satisfy the text
    # choice criteria: the answers for which the text asks nothing ("no licence stated": the
    # law imposes none), with the sentence that says so
    no_duty: tuple[str, ...] = ()
    no_duty_reason: Text | None = None
    met_min: float | None = None  # number criteria: the text's figure, met at or above it
    # the types the population bounds apply to ("collectivités territoriales de moins de
    # 3 500 habitants": not an EPCI nor a syndicat); None: every type
    population_types: frozenset[str] | None = None


class Criterion(NamedTuple):
    id: str
    domain: str
    type: str
    question: Text
    help: Text
    effort: str
    recommendation: Text
    points: int
    eligibility: bool = False
    applies_to: frozenset[str] | None = None
    when: rules.Rule | None = None
    when_source: Any = None
    legal: Text | None = None
    choices: tuple[Choice, ...] = ()
    unit: Text | None = None
    minimum: float | None = None
    maximum: float | None = None
    scoring: tuple[Threshold, ...] = ()
    implies: tuple[str, ...] = ()  # inventory: yes/no criteria a listed free software answers
    line: int | None = None
    # its subject may not exist for a body (no school, no IT procurement): the answer
    # "non_concerne" is accepted and takes the criterion out of the points possible
    not_concerned: bool = False
    law: Law | None = None  # force and scope of the legal text `legal` names
    # How the collectivity states the fact in its candidacy when the criterion is met;
    # may hold the placeholders of STATEMENT_FIELDS.
    statement: Text | None = None

    def applies(self, collectivity_type: str | None) -> bool:
        return self.applies_to is None or collectivity_type in self.applies_to

    def choice(self, value: str) -> Choice | None:
        return next((c for c in self.choices if c.value == value), None)

    @property
    def cost(self) -> int:
        return EFFORT_COST[self.effort]


class Domain(NamedTuple):
    id: str
    name: Text
    description: Text


class Tier(NamedTuple):
    id: str
    name: Text
    description: Text
    min_score: float
    rule: rules.Rule | None


class Mention(NamedTuple):
    id: str
    name: Text
    description: Text
    rule: rules.Rule


class LegalCheck(NamedTuple):
    """Whether an answer is one the law allows (e.g. the open data licence)."""

    id: str
    criterion: str
    allowed: tuple[str, ...]
    text: Text
    no_duty: tuple[str, ...] = ()  # answers for which the law asks nothing (no licence stated)


class Application(NamedTuple):
    """How and until when the real application is made, for one edition (item `application`
    of the catalog): dates as ISO text, `None` when unknown; `to_check` names the facts the
    sources leave uncertain."""

    opens: str | None
    where: Text
    url: str | None
    documents: Text
    source: Text
    to_check: Text | None = None


class Form(NamedTuple):
    id: str
    name: Text
    criteria: tuple[str, ...]


class Badge(NamedTuple):
    """A track apart from the tiers (2025): granted on the eligibility criteria and a short
    form answered in full."""

    form: str
    name: Text
    description: Text


class Catalog(NamedTuple):
    edition: int
    title: Text
    scheme: Text
    deadline_iso: str | None  # kept as text: unpickling a date would import datetime (~2 ms)
    domains: tuple[Domain, ...]
    criteria: tuple[Criterion, ...]
    eligibility: rules.Rule
    tiers: tuple[Tier, ...]
    mentions: tuple[Mention, ...]
    forms: tuple[Form, ...]
    legal_checks: tuple[LegalCheck, ...]
    source: str
    by_id: Mapping[str, Criterion]
    badge: Badge | None = None
    application: Application | None = None
    # whether an unmet eligibility criterion makes the body not eligible (a hard gate) or
    # eligible with reservations, the jury deciding (`eligibility: {hard: false}`)
    eligibility_hard: bool = True

    def criterion(self, criterion_id: str) -> Criterion | None:
        return self.by_id.get(criterion_id)

    @property
    def deadline(self) -> Any:
        """The application's closing date (a datetime.date), if the catalog gives one."""
        if self.deadline_iso is None:
            return None
        import datetime

        return datetime.date.fromisoformat(self.deadline_iso)

    def domain(self, domain_id: str) -> Domain:
        return next(d for d in self.domains if d.id == domain_id)

    def timing(self, today: Any) -> tuple[str, int | None]:
        """Where `today` (a datetime.date) stands in the application period: ("unknown",
        None) without a deadline, else ("not_open" | "open" | "closed", days to the deadline;
        negative once it has passed)."""
        deadline = self.deadline
        if deadline is None:
            return "unknown", None
        days = (deadline - today).days
        if days < 0:
            return "closed", days
        opens = self.application.opens if self.application else None
        if opens is not None and today.isoformat() < opens:
            return "not_open", days
        return "open", days

    @property
    def gates(self) -> tuple[Criterion, ...]:
        return tuple(c for c in self.criteria if c.eligibility)


class _Checker:
    """Accumulates located problems while reading a parsed YAML document."""

    def __init__(self, doc: "yamlio.Located") -> None:
        self.doc = doc
        self.problems: list[Problem] = []

    def add(self, key: str, path: tuple[Any, ...], **params: Any) -> None:
        self.problems.append(Problem(key, params, self.doc.file, self.doc.line(*path)))

    def text(self, data: Mapping[str, Any], name: str, path: tuple[Any, ...], *,
             required: bool = True, who: str = "") -> Text | None:
        value = data.get(name)
        if value is None:
            if required:
                self.add("catalog.missing_field" if who else "catalog.missing_top", path,
                         field=name, who=who)
            return None
        if isinstance(value, str):
            self.add("catalog.text_langs", path + (name,), field=name, who=who)
            return {"fr": value, "en": value}
        if not isinstance(value, dict) or not all(
            isinstance(value.get(lang), str) and str(value[lang]).strip() for lang in ("fr", "en")
        ):
            self.add("catalog.text_langs", path + (name,), field=name, who=who)
            return {"fr": str(value), "en": str(value)}
        return {"fr": value["fr"].strip(), "en": value["en"].strip()}

    def rule(self, data: Any, path: tuple[Any, ...], who: str) -> rules.Rule | None:
        try:
            return rules.compile_rule(data, path)
        except rules.RuleSyntaxError as exc:
            self.add(exc.key, exc.path, who=who, **exc.params)
            return None


def _list(ck: _Checker, data: dict[str, Any], name: str) -> list[Any]:
    """An optional top-level list; anything else is reported and read as empty."""
    value = data.get(name) or []
    if not isinstance(value, list):
        ck.add("catalog.not_a_list", (name,), field=name)
        return []
    return value


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _criterion(ck: _Checker, raw: Any, i: int, domain_ids: set[str]) -> Criterion | None:
    path: tuple[Any, ...] = ("criteria", i)
    if not isinstance(raw, dict):
        ck.add("catalog.criterion_not_mapping", path)
        return None
    cid = raw.get("id")
    who = str(cid) if cid else f"#{i + 1}"
    if not isinstance(cid, str) or not _ID.match(cid):
        ck.add("catalog.bad_id", path, who=who)
        cid = str(cid)
    known = {
        "id", "domain", "type", "question", "help", "effort", "recommendation", "points",
        "eligibility", "applies_to", "when", "legal", "choices", "unit", "min", "max", "scoring",
        "implies", "not_concerned", "statement",
    }
    for key in raw:
        if key not in known:
            ck.add("catalog.unknown_field", path + (key,), field=key, who=who)
    domain = raw.get("domain")
    if not isinstance(domain, str) or domain not in domain_ids:
        ck.add("catalog.unknown_domain", path + ("domain",), domain=domain, who=who)
    ctype = raw.get("type")
    if ctype not in TYPES:
        ck.add("catalog.bad_type", path + ("type",), value=ctype, who=who, allowed=", ".join(TYPES))
    effort = raw.get("effort")
    if effort not in EFFORTS:
        ck.add("catalog.bad_effort", path + ("effort",), value=effort, who=who)
        effort = "moyen"
    points = raw.get("points", 0)
    if not isinstance(points, int) or isinstance(points, bool) or points < 0:
        ck.add("catalog.bad_points", path + ("points",), value=points, who=who)
        points = 0
    eligibility = raw.get("eligibility", False)
    if eligibility not in (True, False):
        ck.add("catalog.bad_bool", path + ("eligibility",), field="eligibility", who=who)
    elif eligibility and ctype != "boolean":
        ck.add("catalog.gate_not_boolean", path + ("eligibility",), who=who)
    elif eligibility and "when" in raw:
        ck.add("catalog.gate_when", path + ("when",), who=who)
    not_concerned = raw.get("not_concerned", False)
    if not_concerned not in (True, False):
        ck.add("catalog.bad_bool", path + ("not_concerned",), field="not_concerned", who=who)
    elif not_concerned and (eligibility is True or ctype == "inventory"):
        ck.add("catalog.not_concerned_gate", path + ("not_concerned",), who=who)
    applies = raw.get("applies_to")
    applies_to = None
    if applies is not None:
        if not isinstance(applies, list) or not applies:
            ck.add("catalog.bad_applies", path + ("applies_to",), who=who, value=applies)
        else:
            for t in applies:
                if t not in COLLECTIVITY_TYPES:
                    ck.add("catalog.bad_applies", path + ("applies_to",), who=who, value=t)
            applies_to = frozenset(str(t) for t in applies)
    when = None
    if "when" in raw:
        when = ck.rule(raw["when"], path + ("when",), who)
    choices: list[Choice] = []
    if ctype in ("choice", "multi"):
        raw_choices = raw.get("choices")
        if not isinstance(raw_choices, list) or not raw_choices:
            ck.add("catalog.no_choices", path, who=who)
        else:
            seen: set[str] = set()
            for j, ch in enumerate(raw_choices):
                cpath = path + ("choices", j)
                if not isinstance(ch, dict) or not isinstance(ch.get("value"), str):
                    ck.add("catalog.bad_choice", cpath, who=who)
                    continue
                if ch["value"] in seen:
                    ck.add("catalog.duplicate_choice", cpath, who=who, value=ch["value"])
                seen.add(ch["value"])
                cpoints = ch.get("points", 0)
                if not isinstance(cpoints, int) or isinstance(cpoints, bool) or cpoints < 0:
                    ck.add("catalog.bad_points", cpath + ("points",), value=cpoints, who=who)
                    cpoints = 0
                elif ctype == "choice" and cpoints > points:
                    ck.add("catalog.choice_points", cpath, who=who, value=ch["value"])
                label = ck.text(ch, "label", cpath, who=who) or {"fr": ch["value"], "en": ch["value"]}
                choices.append(Choice(ch["value"], label, cpoints))
    elif "choices" in raw:
        ck.add("catalog.choices_not_allowed", path + ("choices",), who=who)
    minimum = maximum = None
    scoring: list[Threshold] = []
    if ctype in ("number", "inventory"):
        for name in ("min", "max"):
            value = raw.get(name)
            if value is not None and not _number(value):
                ck.add("catalog.bad_bound", path + (name,), who=who, value=value)
        minimum = float(raw["min"]) if _number(raw.get("min")) else None
        maximum = float(raw["max"]) if _number(raw.get("max")) else None
        if minimum is not None and maximum is not None and minimum > maximum:
            ck.add("catalog.bounds_order", path + ("min",), who=who)
        last: Threshold | None = None
        thresholds = raw.get("scoring") or []
        if not isinstance(thresholds, list):
            ck.add("catalog.bad_threshold", path + ("scoring",), who=who)
            thresholds = []
        for j, th in enumerate(thresholds):
            tpath = path + ("scoring", j)
            if not isinstance(th, dict) or not _number(th.get("min")) or not isinstance(
                th.get("points"), int
            ):
                ck.add("catalog.bad_threshold", tpath, who=who)
                continue
            t = Threshold(float(th["min"]), int(th["points"]))
            if last and (t.minimum <= last.minimum or t.points < last.points):
                ck.add("catalog.threshold_order", tpath, who=who)
            if t.points > points:
                ck.add("catalog.threshold_points", tpath, who=who)
            scoring.append(t)
            last = t
    for name in ("unit", "min", "max"):
        if name in raw and ctype != "number":
            ck.add("catalog.number_only", path + (name,), who=who, field=name)
    if "scoring" in raw and ctype not in ("number", "inventory"):
        ck.add("catalog.number_only", path + ("scoring",), who=who, field="scoring")
    legal_source, law = _legal(ck, raw.get("legal"), path + ("legal",), who, ctype, choices)
    implies = raw.get("implies") or []
    if implies and (ctype != "inventory" or not isinstance(implies, list)):
        ck.add("catalog.bad_implies", path + ("implies",), who=who)
        implies = []
    return Criterion(
        id=cid,
        domain=str(domain),
        type=str(ctype),
        question=ck.text(raw, "question", path, who=who) or {},
        help=ck.text(raw, "help", path, who=who) or {},
        effort=str(effort),
        recommendation=ck.text(raw, "recommendation", path, who=who) or {},
        points=points,
        eligibility=eligibility is True,
        applies_to=applies_to,
        when=when,
        when_source=raw.get("when"),
        legal=legal_source,
        choices=tuple(choices),
        unit=ck.text(raw, "unit", path, required=False, who=who),
        minimum=minimum,
        maximum=maximum,
        scoring=tuple(scoring),
        implies=tuple(str(x) for x in implies),
        line=ck.doc.line(*path),
        not_concerned=not_concerned is True,
        law=law,
        statement=_statement(ck, raw, path, who),
    )


_SCOPE_KEYS = ("types", "population_over", "population_min", "agents_min", "since",
               "population_types")


def _legal(ck: _Checker, raw: Any, path: tuple[Any, ...], who: str, ctype: Any,
           choices: list[Choice]) -> tuple[Text | None, Law | None]:
    """`legal: {force, source, scope, met}`: the text, its force and whom it binds."""
    if raw is None:
        return None, None
    import datetime

    if not isinstance(raw, dict) or raw.get("force") not in FORCES or "source" not in raw:
        ck.add("catalog.bad_legal", path, who=who)
        return None, None
    for key in raw:
        if key not in ("force", "source", "scope", "met", "met_min", "no_duty"):
            ck.add("catalog.unknown_field", path + (key,), field=f"legal.{key}", who=who)
    source = ck.text(raw, "source", path, who=who)
    scope = raw.get("scope") or {}
    if not isinstance(scope, dict):
        ck.add("catalog.bad_legal", path + ("scope",), who=who)
        scope = {}
    for key in scope:
        if key not in _SCOPE_KEYS:
            ck.add("catalog.unknown_field", path + ("scope", key), field=f"scope.{key}", who=who)
    types = _scope_types(ck, scope, "types", path, who)
    population_types = _scope_types(ck, scope, "population_types", path, who)
    counts: dict[str, Any] = {}
    for key in ("population_over", "population_min", "agents_min"):
        value = scope.get(key)
        if value is not None and (not _number(value) or value < 0):
            ck.add("catalog.bad_bound", path + ("scope", key), who=who, value=value)
            value = None
        counts[key] = value
    since = scope.get("since")
    if since is not None and not isinstance(since, datetime.date):
        ck.add("catalog.bad_deadline", path + ("scope", "since"), value=since)
        since = None
    met = raw.get("met") or []
    if met and (ctype != "choice" or not isinstance(met, list)):
        ck.add("catalog.bad_legal", path + ("met",), who=who)
        met = []
    for value in met:
        if not any(ch.value == value for ch in choices):
            ck.add("catalog.when_value", path + ("met",), who=who, ref=who, value=value)
    no_duty, no_duty_reason = _no_duty(ck, raw.get("no_duty"), path + ("no_duty",), who,
                                       ctype, choices)
    met_min = raw.get("met_min")
    if met_min is not None and (ctype != "number" or not _number(met_min)):
        ck.add("catalog.bad_legal", path + ("met_min",), who=who)
        met_min = None
    law = Law(str(raw["force"]), frozenset(types) if types else None,
              counts["population_over"], counts["population_min"], counts["agents_min"],
              since.isoformat() if since else None, tuple(str(v) for v in met),
              no_duty, no_duty_reason, met_min,
              frozenset(population_types) if population_types else None)
    return source, law


def _scope_types(ck: _Checker, scope: dict[str, Any], key: str, path: tuple[Any, ...],
                 who: str) -> list[str] | None:
    types = scope.get(key)
    if types is not None and (not isinstance(types, list) or not types or any(
            t not in COLLECTIVITY_TYPES for t in types)):
        ck.add("catalog.bad_applies", path + ("scope", key), who=who, value=types)
        return None
    return types


def _no_duty(ck: _Checker, raw: Any, path: tuple[Any, ...], who: str, ctype: Any,
             choices: list[Choice]) -> tuple[tuple[str, ...], Text | None]:
    """`no_duty: {values: [aucune], reason: {fr, en}}`: answers for which the text asks
    nothing, and the sentence saying what it does ask."""
    if raw is None:
        return (), None
    if (ctype != "choice" or not isinstance(raw, dict) or set(raw) != {"values", "reason"}
            or not isinstance(raw["values"], list) or not raw["values"]):
        ck.add("catalog.bad_legal", path, who=who)
        return (), None
    for value in raw["values"]:
        if not any(ch.value == value for ch in choices):
            ck.add("catalog.when_value", path, who=who, ref=who, value=value)
    return tuple(str(v) for v in raw["values"]), ck.text(raw, "reason", path, who=who)


def _statement(ck: _Checker, raw: dict[str, Any], path: tuple[Any, ...],
               who: str) -> Text | None:
    """The criterion's statement for the candidacy, its placeholders checked: a typo in one
    would otherwise show up in a jury's document."""
    text = ck.text(raw, "statement", path, required=False, who=who)
    if text is None:
        return None
    for lang, value in text.items():
        for name in _PLACEHOLDER.findall(value):
            if name not in STATEMENT_FIELDS:
                ck.add("catalog.bad_statement", path + ("statement", lang), who=who,
                       field=name, allowed=", ".join("{" + f + "}" for f in STATEMENT_FIELDS))
    return text


def _check_refs(ck: _Checker, rule: rules.Rule | None, path: tuple[Any, ...], who: str,
                known: Mapping[str, Criterion], domain_ids: set[str],
                before: set[str] | None = None) -> None:
    if rule is None:
        return
    for ref in rule.refs():
        if ref not in known:
            ck.add("catalog.unknown_ref", path, who=who, ref=ref)
        elif before is not None and ref not in before:
            ck.add("catalog.when_order", path, who=who, ref=ref)
    for ref in rule.domain_refs():
        if ref not in domain_ids:
            ck.add("catalog.unknown_domain", path, who=who, domain=ref)


def _check_not_concerned(ck: _Checker, rule: rules.Rule | None, path: tuple[Any, ...],
                         who: str, known: Mapping[str, Criterion]) -> None:
    """A criterion that may be 'not concerned' must not decide a tier: the answer would then
    block it (or grant it), whereas it only takes the criterion out of the points."""
    if rule is None:
        return
    for ref in rule.refs():
        if ref in known and known[ref].not_concerned:
            ck.add("catalog.not_concerned_in_rule", path, who=who, ref=ref)


def _check_when_tests(ck: _Checker, c: Criterion, path: tuple[Any, ...],
                      known: Mapping[str, Criterion]) -> None:
    if c.when is None:
        return
    for test in rules.boolean_tests(c.when):
        target = known.get(test.id)
        if target is None:
            continue
        if target.type == "boolean" and not (test.op == "equals" and test.value is True):
            ck.add("catalog.when_negative", path, who=c.id, ref=test.id)
        elif target.type in ("choice", "multi"):
            values = test.value if test.op == "in" else [test.value]
            for v in values:
                if target.choice(str(v)) is None:
                    ck.add("catalog.when_value", path, who=c.id, ref=test.id, value=v)


def build(doc: "yamlio.Located", expected_edition: int | None = None) -> Catalog:
    """Validate a parsed catalog document and build the Catalog, or raise CatalogError."""
    ck = _Checker(doc)
    data = doc.data
    if not isinstance(data, dict):
        ck.add("catalog.not_mapping", ())
        raise CatalogError(*ck.problems)
    for key in data:
        if key not in {"edition", "title", "scheme", "deadline", "domains", "eligibility",
                       "tiers", "mentions", "forms", "criteria", "legal_checks", "badge",
                       "application"}:
            ck.add("catalog.unknown_top", (key,), field=key)
    edition = data.get("edition")
    if not isinstance(edition, int) or isinstance(edition, bool) or not 2016 <= edition <= 2100:
        ck.add("catalog.bad_edition", ("edition",), value=edition)
        edition = 0
    elif expected_edition is not None and edition != expected_edition:
        ck.add("catalog.edition_mismatch", ("edition",), value=edition, expected=expected_edition)
    import datetime

    deadline = data.get("deadline")
    if deadline is not None and not isinstance(deadline, datetime.date):
        ck.add("catalog.bad_deadline", ("deadline",), value=deadline)
        deadline = None

    domains: list[Domain] = []
    raw_domains = data.get("domains")
    if not isinstance(raw_domains, list) or not raw_domains:
        ck.add("catalog.no_domains", ("domains",))
        raw_domains = []
    for i, d in enumerate(raw_domains):
        if not isinstance(d, dict) or not isinstance(d.get("id"), str) or not _ID.match(d["id"]):
            ck.add("catalog.bad_domain", ("domains", i))
            continue
        if any(x.id == d["id"] for x in domains):
            ck.add("catalog.duplicate_domain", ("domains", i), domain=d["id"])
        domains.append(Domain(d["id"], ck.text(d, "name", ("domains", i), who=d["id"]) or {},
                              ck.text(d, "description", ("domains", i), required=False,
                                      who=d["id"]) or {"fr": "", "en": ""}))
    domain_ids = {d.id for d in domains}

    criteria: list[Criterion] = []
    by_id: dict[str, Criterion] = {}
    raw_criteria = data.get("criteria")
    if not isinstance(raw_criteria, list) or not raw_criteria:
        ck.add("catalog.no_criteria", ("criteria",))
        raw_criteria = []
    for i, raw in enumerate(raw_criteria):
        c = _criterion(ck, raw, i, domain_ids)
        if c is None:
            continue
        if c.id in by_id:
            ck.add("catalog.duplicate_id", ("criteria", i), who=c.id,
                   first=by_id[c.id].line or "?")
            continue
        _check_refs(ck, c.when, ("criteria", i, "when"), c.id, by_id, domain_ids,
                    before=set(by_id))
        criteria.append(c)
        by_id[c.id] = c
    for i, c in enumerate(criteria):
        _check_when_tests(ck, c, ("criteria", i, "when"), by_id)
        for ref in c.implies:
            if ref not in by_id or by_id[ref].type != "boolean":
                ck.add("catalog.bad_implies", ("criteria", i, "implies"), who=c.id)
    for d in domains:
        if not any(c.domain == d.id for c in criteria):
            ck.add("catalog.empty_domain", ("domains",), domain=d.id)
    domain_members = {d.id: tuple(c.id for c in criteria if c.domain == d.id) for d in domains}

    def compiled(raw_rule: Any, path: tuple[Any, ...], who: str) -> rules.Rule | None:
        rule = ck.rule(raw_rule, path, who)
        _check_refs(ck, rule, path, who, by_id, domain_ids)
        return rules.resolve(rule, domain_members) if rule else None

    eligibility_rule: rules.Rule | None = None
    elig = data.get("eligibility")
    hard = True
    if not isinstance(elig, dict) or "rule" not in elig or set(elig) - {"rule", "hard"}:
        ck.add("catalog.no_eligibility", ("eligibility",))
    else:
        hard = elig.get("hard", True)
        if hard not in (True, False):
            ck.add("catalog.bad_bool", ("eligibility", "hard"), field="hard", who="eligibility")
            hard = True
        eligibility_rule = compiled(elig["rule"], ("eligibility", "rule"), "eligibility")
        if eligibility_rule is not None:
            for ref in eligibility_rule.refs():
                if ref in by_id and not by_id[ref].eligibility:
                    ck.add("catalog.rule_not_gate", ("eligibility", "rule"), ref=ref)
    if not any(c.eligibility for c in criteria):
        ck.add("catalog.no_gates", ("criteria",))

    tiers: list[Tier] = []
    raw_tiers = data.get("tiers")
    if not isinstance(raw_tiers, list) or not raw_tiers:
        ck.add("catalog.no_tiers", ("tiers",))
        raw_tiers = []
    for i, t in enumerate(raw_tiers):
        path = ("tiers", i)
        if not isinstance(t, dict) or not isinstance(t.get("id"), (str, int)):
            ck.add("catalog.bad_tier", path)
            continue
        tid = str(t["id"])
        if any(x.id == tid for x in tiers):
            ck.add("catalog.duplicate_tier", path, who=tid)
        min_score = t.get("min_score", 0.0)
        if not _number(min_score) or not 0 <= min_score <= 1:
            ck.add("catalog.bad_min_score", path + ("min_score",), who=tid, value=min_score)
            min_score = 0.0
        elif tiers and min_score < tiers[-1].min_score:
            ck.add("catalog.tier_order", path + ("min_score",), who=tid,
                   previous=tiers[-1].id, value=min_score, floor=tiers[-1].min_score)
        rule = compiled(t["rule"], path + ("rule",), tid) if "rule" in t else None
        _check_not_concerned(ck, rule, path + ("rule",), tid, by_id)
        tiers.append(Tier(tid, ck.text(t, "name", path, who=tid) or {},
                          ck.text(t, "description", path, who=tid) or {},
                          float(min_score), rule))

    mentions: list[Mention] = []
    for i, m in enumerate(_list(ck, data, "mentions")):
        path = ("mentions", i)
        if not isinstance(m, dict) or not isinstance(m.get("id"), str) or "rule" not in m:
            ck.add("catalog.bad_mention", path)
            continue
        rule = compiled(m["rule"], path + ("rule",), m["id"])
        if rule is not None:
            mentions.append(Mention(m["id"], ck.text(m, "name", path, who=m["id"]) or {},
                                    ck.text(m, "description", path, who=m["id"]) or {}, rule))

    forms: list[Form] = []
    raw_forms = data.get("forms") or {}
    if not isinstance(raw_forms, dict):
        ck.add("catalog.bad_form", ("forms",), who="forms")
        raw_forms = {}
    for fid, f in raw_forms.items():
        path = ("forms", fid)
        if not isinstance(f, dict) or not isinstance(f.get("criteria"), list):
            ck.add("catalog.bad_form", path, who=fid)
            continue
        for ref in f["criteria"]:
            if not isinstance(ref, str) or ref not in by_id:
                ck.add("catalog.unknown_ref", path + ("criteria",), who=fid, ref=ref)
        forms.append(Form(str(fid), ck.text(f, "name", path, who=fid) or {},
                          tuple(str(x) for x in f["criteria"])))

    legal_checks: list[LegalCheck] = []
    for i, lc in enumerate(_list(ck, data, "legal_checks")):
        path = ("legal_checks", i)
        target = by_id.get(str(lc.get("criterion"))) if isinstance(lc, dict) else None
        if target is None or not isinstance(lc.get("id"), str) or not isinstance(
                lc.get("allowed"), list):
            ck.add("catalog.bad_legal_check", path)
            continue
        for value in lc["allowed"]:
            if target.choice(str(value)) is None:
                ck.add("catalog.when_value", path, who=lc["id"], ref=target.id, value=value)
        no_duty = lc.get("no_duty") or []
        if not isinstance(no_duty, list):
            ck.add("catalog.bad_legal_check", path)
            no_duty = []
        for value in no_duty:
            if target.choice(str(value)) is None:
                ck.add("catalog.when_value", path, who=lc["id"], ref=target.id, value=value)
        legal_checks.append(LegalCheck(lc["id"], target.id, tuple(map(str, lc["allowed"])),
                                       ck.text(lc, "text", path, who=lc["id"]) or {},
                                       tuple(map(str, no_duty))))

    badge = None
    raw_badge = data.get("badge")
    if raw_badge is not None:
        if not isinstance(raw_badge, dict) or not any(f.id == raw_badge.get("form")
                                                      for f in forms):
            ck.add("catalog.bad_badge", ("badge",))
        else:
            badge = Badge(str(raw_badge["form"]), ck.text(raw_badge, "name", ("badge",),
                                                          who="badge") or {},
                          ck.text(raw_badge, "description", ("badge",), who="badge") or {})
    application = _application(ck, data.get("application"))
    title = ck.text(data, "title", ()) or {}
    scheme = ck.text(data, "scheme", ()) or {}
    if ck.problems:
        raise CatalogError(*ck.problems)
    assert eligibility_rule is not None
    return Catalog(edition, title, scheme, deadline.isoformat() if deadline else None,
                   tuple(domains), tuple(criteria),
                   eligibility_rule, tuple(tiers), tuple(mentions), tuple(forms),
                   tuple(legal_checks), doc.file, by_id, badge, application, hard is True)


_APPLICATION_KEYS = {"opens", "where", "url", "documents", "source", "to_check"}


def _application(ck: _Checker, raw: Any) -> Application | None:
    """`application: {opens, where, url, documents, source, to_check}`: the real application
    (where, from when; the closing date is the catalog's `deadline`)."""
    import datetime

    if raw is None:
        return None
    path: tuple[Any, ...] = ("application",)
    if not isinstance(raw, dict) or not {"where", "documents", "source"} <= set(raw):
        ck.add("catalog.bad_application", path)
        return None
    for key in raw:
        if key not in _APPLICATION_KEYS:
            ck.add("catalog.unknown_field", path + (key,), field=f"application.{key}",
                   who="application")
    opens = raw.get("opens")
    if opens is not None and not isinstance(opens, datetime.date):
        ck.add("catalog.bad_deadline", path + ("opens",), value=opens)
        opens = None
    url = raw.get("url")
    if url is not None and (not isinstance(url, str) or not url.startswith("https://")):
        ck.add("catalog.bad_application", path + ("url",))
        url = None
    texts = {key: ck.text(raw, key, path, who="application") or {}
             for key in ("where", "documents", "source")}
    to_check = ck.text(raw, "to_check", path, who="application") if "to_check" in raw else None
    return Application(opens.isoformat() if opens else None, texts["where"], url,
                       texts["documents"], texts["source"], to_check)


def load_file(path: Path) -> Catalog:
    """Load and validate any catalog file (used by `tnl criteria lint`)."""
    from tnl_cli.io import yaml as yamlio

    doc = yamlio.load(path)
    return build(doc, plain_int(path.stem))  # `2025.yaml` must say 2025 (not `٢٠٢٥.yaml`)


def editions() -> list[int]:
    """The editions shipped with the tool, oldest first."""
    return sorted(n for p in resources.criteria_files() if (n := plain_int(p.stem)) is not None)


# Bump when the model classes change shape, so that no older pickle is ever read back.
_CACHE_FORMAT = 8


def _cached(path: Path, edition: int) -> Catalog:
    """Build the catalog once per file version and keep it pickled in the user's cache.

    Parsing and validating the YAML costs tens of milliseconds (PyYAML's import alone is
    ~15 ms); unpickling costs one. The key holds the file's size, mtime and tnl's version, so
    an edited catalog or an upgraded tool is rebuilt; a cache that cannot be read or written
    is simply ignored.
    """
    from tnl_cli import __version__

    stat = path.stat()
    name = (f"catalog-{edition}-{stat.st_size}-{stat.st_mtime_ns}-{__version__}"
            f"-{_CACHE_FORMAT}.pickle")
    cache = resources.cache_dir() / name
    from tnl_cli.io.files import read_private, write_private

    try:
        # Only a cache this user wrote and no one else could change: unpickling runs code.
        data = read_private(cache)
        loaded = pickle.loads(data) if data is not None else None
        if isinstance(loaded, Catalog):
            return loaded
    except Exception:  # noqa: BLE001 - any unreadable cache means: rebuild it
        pass
    from tnl_cli.io import yaml as yamlio

    catalog = build(yamlio.load(path, f"criteria/{edition}.yaml"), edition)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        for old in cache.parent.glob(f"catalog-{edition}-*.pickle"):
            old.unlink()
        write_private(cache, pickle.dumps(catalog, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass
    return catalog


@cache
def load_edition(edition: int | None = None) -> Catalog:
    """The bundled catalog of `edition` (the newest by default)."""
    available = editions()
    if edition is None:
        edition = available[-1]
    if edition not in available:
        raise CatalogError(Problem("catalog.no_edition", {
            "edition": edition, "available": ", ".join(map(str, available))}))
    return _cached(resources.criteria_dir() / f"{edition}.yaml", edition)

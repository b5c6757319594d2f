"""The criteria catalog of one label edition: the model, immutable.

`core.catalog_build.build` validates a parsed catalog file into a `Catalog`;
`loaders.catalogs` reads the bundled files and keeps the result cached.
"""

from collections.abc import Mapping
from typing import Any, NamedTuple

from tnl_cli.core import rules

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
# Placeholders a `statement` may hold: the answer as read ({value}), the deliberative assembly
# of the collectivity's type ({council}, capitalised {Council} at the start of a sentence).
STATEMENT_FIELDS = ("value", "council", "Council")

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

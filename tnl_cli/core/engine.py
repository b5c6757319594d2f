"""The assessment: a pure function from (catalog, answers) to a verdict, a tier and a path.

`evaluate` reads the facts of the answers from `scoring` and asks `path` for the way to the
next tier. Nothing here reads files or talks to a terminal. Texts are returned as message keys with
parameters (`Note`) or catalog texts, and translated by whoever renders the result.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from tnl_cli.core import identity as ident
from tnl_cli.core.answers import Answers
from tnl_cli.core.catalog import Catalog, Criterion, Tier
from tnl_cli.core.normalise import NOT_CONCERNED
from tnl_cli.core.path import NextLevel, find_path
from tnl_cli.core.scoring import applicable, best_value, climb, compute, possible_points

# "eligible_with_reservations": a listed eligibility criterion is unmet and the catalog holds
# no hard gate (the jury decides); exit code 0 like "eligible"
VERDICTS = ("eligible", "eligible_with_reservations", "not_eligible", "incomplete")
ADMITTED = frozenset(("eligible", "eligible_with_reservations"))


@dataclass(frozen=True)
class Note:
    """A sentence of the result, as a message key and its parameters."""

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class CriterionResult:
    criterion: Criterion
    visible: bool  # applies to this collectivity type and its `when` holds
    answered: bool
    value: Any
    points: float
    met: bool

    @property
    def not_concerned(self) -> bool:
        """Answered "non_concerne": out of the points obtained and possible."""
        return self.visible and self.value == NOT_CONCERNED

    @property
    def status(self) -> str:
        """hidden | not_concerned | unanswered | met | unmet."""
        if not self.visible:
            return "hidden"
        if self.not_concerned:
            return "not_concerned"
        if not self.answered:
            return "unanswered"
        return "met" if self.met else "unmet"


@dataclass(frozen=True)
class DomainScore:
    id: str
    points: float
    possible: float  # not-concerned criteria taken out
    met: int
    applicable: int  # not-concerned criteria taken out
    not_concerned: int = 0

    @property
    def ratio(self) -> float:
        return self.points / self.possible if self.possible else 0.0


@dataclass(frozen=True)
class Assessment:
    edition: int
    verdict: str  # one of VERDICTS
    tier: Tier | None
    level_rank: int  # 0 when no tier is reached
    reasons: tuple[Note, ...]
    warnings: tuple[Note, ...]
    mentions: tuple[Any, ...]
    domains: tuple[DomainScore, ...]
    total_ratio: float
    next_level: NextLevel | None
    results: tuple[CriterionResult, ...]
    open_data: tuple[str, str]
    unmet_gates: tuple[str, ...]
    unanswered_gates: tuple[str, ...]
    # (low, high) tier ids: every unanswered applicable criterion counted unmet, or met
    level_range: tuple[str | None, str | None] = (None, None)
    range_ranks: tuple[int, int] = (0, 0)
    unanswered: int = 0  # visible applicable criteria without an answer (not-concerned apart)
    # the Badge track (2025), apart from the tiers: None when the edition has none
    badge: bool | None = None
    badge_missing: tuple[str, ...] = ()  # questions of the Badge form left unanswered
    # eligible_with_reservations: the listed eligibility criteria answered unmet
    reservations: tuple[str, ...] = ()

    @property
    def level(self) -> str | None:
        return self.tier.id if self.tier else None

    @property
    def not_concerned(self) -> tuple[CriterionResult, ...]:
        return tuple(r for r in self.results if r.not_concerned)


def derive(catalog: Catalog, values: dict[str, Any]) -> tuple[dict[str, Any], list[Note]]:
    """Answers an inventory gives: a free software listed answers its `implies` criteria yes
    when the user left them unanswered (e.g. "uses at least one free software")."""
    notes: list[Note] = []
    for c in catalog.criteria:
        items = values.get(c.id) if c.type == "inventory" else None
        if not items or not c.implies:
            continue
        free = [item.name for item in items if item.free]
        for target in c.implies:
            if free and values.get(target) is None:
                values[target] = True
                notes.append(Note("engine.from_inventory", {"id": target,
                                                            "software": ", ".join(free[:3])}))
    return values, notes


def evaluate(catalog: Catalog, answers: Answers, *, with_path: bool = True) -> Assessment:
    """Assess `answers` against `catalog`. `with_path=False` skips the next-tier search
    (the costly part), for batch runs that only need the verdict and scores."""
    identity = answers.identity
    kind = identity.type
    criteria = applicable(catalog, kind)
    possible = possible_points(catalog, kind)
    values, derived = derive(catalog, {cid: a.value for cid, a in answers.responses.items()
                                       if a.value is not None})
    first = not identity.labels
    s = compute(catalog, criteria, possible, values, first)

    reasons: list[Note] = []
    warnings: list[Note] = []
    gates = [c for c in catalog.gates if c.applies(kind)]
    unmet = tuple(c.id for c in gates if c.id in s.answered and c.id not in s.met)
    unanswered = tuple(c.id for c in gates if c.id not in s.answered)
    eligible_rule = catalog.eligibility.eval(s)  # type: ignore[arg-type]
    hard = catalog.eligibility_hard
    category = identity.category
    reservations: tuple[str, ...] = ()
    if category == "prive":
        verdict = "not_eligible"
        reasons.append(Note("engine.private"))
    elif kind is None:
        verdict = "incomplete"
        reasons.append(Note("engine.no_type"))
    elif eligible_rule is True:
        verdict = "eligible"
        reasons.append(Note("engine.gates_met"))
    elif eligible_rule is False and hard:
        verdict = "not_eligible"
        reasons.extend(Note("engine.gate_unmet", {"id": cid}) for cid in unmet)
        reasons.extend(Note("engine.gate_unanswered", {"id": cid}) for cid in unanswered)
    else:  # an unmet listed criterion, no hard gate: the jury decides
        verdict = "incomplete" if eligible_rule is None else "eligible_with_reservations"
        if eligible_rule is False:
            reservations = unmet
        reasons.extend(Note("engine.gate_unanswered", {"id": cid}) for cid in unanswered)
        reasons.extend(Note("engine.reservation", {"id": cid}) for cid in unmet)
    warnings.extend(Note(p.key, p.params) for p in identity.notes)
    warnings.extend(derived)
    if category == "autre_public":
        warnings.append(Note("engine.other_public", {"type_key": f"identity.type_{kind}"}))
    if not identity.nom:
        warnings.append(Note("engine.no_name"))
    if identity.code_insee is None and identity.siren is None and category != "prive":
        warnings.append(Note("engine.no_code"))
    for role in ("elu_referent", "responsable"):
        person = getattr(identity, role)
        if person is None or not person.named:
            warnings.append(Note(f"engine.no_{role}"))

    # without a hard gate, the tiers are read whatever the listed criteria say
    climbs = category != "prive" and kind is not None and (verdict == "eligible" or not hard)
    tier, rank = climb(catalog, s) if climbs else (None, 0)
    low = high = 0
    unanswered_count = sum(1 for c in criteria if c.id in s.visible and c.id not in s.answered)
    if category != "prive" and kind is not None:
        closed = compute(catalog, criteria, possible, values, first, closed=True)
        if not hard or catalog.eligibility.holds(closed):  # type: ignore[arg-type]
            low = climb(catalog, closed)[1]
        filled = dict(values)
        for c in criteria:  # catalog order: a `when` only names earlier criteria
            if c.id not in filled:
                filled[c.id] = best_value(c)
        best = compute(catalog, criteria, possible, filled, first)
        if not hard or catalog.eligibility.holds(best):  # type: ignore[arg-type]
            high = climb(catalog, best)[1]
    badge: bool | None = None
    badge_missing: tuple[str, ...] = ()
    if catalog.badge is not None:
        form = next(f for f in catalog.forms if f.id == catalog.badge.form)
        badge_missing = tuple(cid for cid in form.criteria
                              if cid in s.visible and cid not in s.answered)
        # granted « sur complétion d'un formulaire simplifié » (April, Nov. 2025): the form
        # answered in full, not withheld on a listed criterion unless the gate is hard
        badge = climbs and not badge_missing
    mentions = tuple(m for m in catalog.mentions
                     if climbs and m.rule.holds(s))  # type: ignore[arg-type]

    domains = []
    for d in catalog.domains:
        members = [c for c in criteria if c.domain == d.id]
        obtained = sum(s.points.get(c.id, 0.0) for c in members)
        out = sum(1 for c in members if c.id in s.not_concerned)
        domains.append(DomainScore(d.id, obtained, s.possible[d.id],
                                   sum(1 for c in members if c.id in s.met),
                                   len(members) - out, out))

    next_level = None
    if with_path and category != "prive" and kind is not None and rank < len(catalog.tiers):
        next_level = find_path(catalog, criteria, possible, values, first, rank)

    results = tuple(
        CriterionResult(c, c.id in s.visible, c.id in s.answered, s.values.get(c.id),
                        s.points.get(c.id, 0.0), c.id in s.met)
        for c in criteria
    )
    return Assessment(
        edition=catalog.edition, verdict=verdict, tier=tier, level_rank=rank,
        reasons=tuple(reasons), warnings=tuple(warnings), mentions=mentions,
        domains=tuple(domains), total_ratio=s.total_ratio, next_level=next_level,
        results=results, open_data=ident.open_data_obligation(identity),
        unmet_gates=unmet, unanswered_gates=unanswered,
        level_range=(_tier_id(catalog, low), _tier_id(catalog, high)), range_ranks=(low, high),
        unanswered=unanswered_count, badge=badge, badge_missing=badge_missing,
        reservations=reservations,
    )


def _tier_id(catalog: Catalog, rank: int) -> str | None:
    return catalog.tiers[rank - 1].id if rank else None

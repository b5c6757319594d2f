"""The assessment: a pure function from (catalog, answers) to a verdict, a tier and a path.

Nothing here reads files or talks to a terminal. Texts are returned as message keys with
parameters (`Note`) or catalog texts, and translated by whoever renders the result.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from tnl_cli.core import identity as ident
from tnl_cli.core.answers import NOT_CONCERNED, Answers, InventoryItem
from tnl_cli.core.catalog import Catalog, Criterion, Tier
from tnl_cli.core.rules import SCORE_WEIGHT, Rule, boolean_tests

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
class Step:
    """One answer to give or improve on the way to the next tier."""

    criterion: Criterion
    target: Any  # the value that meets it (a threshold for numbers)
    current: Any = None  # the answer given today (None: unanswered)


@dataclass(frozen=True)
class NextLevel:
    tier: Tier
    steps: tuple[Step, ...]
    reachable: bool  # False when meeting criteria alone cannot reach the tier


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


class _State:
    """The facts rules look at, for one set of answers."""

    __slots__ = ("met", "answered", "values", "points", "visible", "domain_ratio",
                 "total_ratio", "first_candidacy", "possible", "not_concerned", "obtained")

    def __init__(self, first_candidacy: bool | None) -> None:
        self.met: set[str] = set()
        self.answered: set[str] = set()
        self.values: dict[str, Any] = {}
        self.points: dict[str, float] = {}
        self.visible: set[str] = set()
        self.domain_ratio: dict[str, float] = {}
        self.total_ratio = 0.0
        self.first_candidacy = first_candidacy
        self.possible: dict[str, float] = {}  # per domain, not-concerned criteria taken out
        self.not_concerned: set[str] = set()
        self.obtained: dict[str, float] = {}  # points per domain


def points_for(c: Criterion, value: Any) -> float:
    """Points a value earns (see docs/catalog-format.md)."""
    if value is None:
        return 0.0
    if c.type == "boolean":
        return float(c.points) if value is True else 0.0
    if c.type == "choice":
        choice = c.choice(value)
        return float(choice.points) if choice else 0.0
    if c.type == "multi":
        total = sum(ch.points for ch in c.choices if ch.value in value)
        return float(min(c.points, total))
    if c.type == "number":
        if not c.scoring:
            return float(c.points) if value > 0 else 0.0
        return float(max((t.points for t in c.scoring if value >= t.minimum), default=0))
    if c.type == "inventory":
        free = free_count(value)
        if not c.scoring:
            return float(c.points) if free else 0.0
        return float(max((t.points for t in c.scoring if free >= t.minimum), default=0))
    return float(c.points) if str(value).strip() else 0.0


def free_count(items: Any) -> int:
    return sum(1 for item in items if item.free)


def is_met(c: Criterion, value: Any, points: float) -> bool:
    if points > 0:
        return True
    if c.points > 0 or value is None:
        return False
    if c.type == "boolean":
        return value is True
    if c.type == "number":
        return value > 0
    if c.type == "inventory":
        return free_count(value) > 0
    return bool(value)


def applicable(catalog: Catalog, collectivity_type: str | None) -> tuple[Criterion, ...]:
    return tuple(c for c in catalog.criteria if c.applies(collectivity_type))


def _possible(catalog: Catalog, collectivity_type: str | None) -> dict[str, float]:
    possible = {d.id: 0.0 for d in catalog.domains}
    for c in applicable(catalog, collectivity_type):
        possible[c.domain] += c.points
    return possible


def _compute(catalog: Catalog, criteria: tuple[Criterion, ...], possible: Mapping[str, float],
             values: Mapping[str, Any], first_candidacy: bool | None, *,
             closed: bool = False) -> _State:
    """The facts for `values`. `closed`: every criterion left unanswered counts as answered
    and unmet (the low end of the level range)."""
    s = _State(first_candidacy)
    obtained = dict.fromkeys(possible, 0.0)
    possible = dict(possible)
    for c in criteria:
        if c.when is not None and not c.when.holds(s):  # type: ignore[arg-type]
            continue
        s.visible.add(c.id)
        value = values.get(c.id)
        if value is None:
            continue
        s.answered.add(c.id)
        s.values[c.id] = value
        if value == NOT_CONCERNED and c.not_concerned:
            s.not_concerned.add(c.id)
            possible[c.domain] -= c.points
            continue
        pts = points_for(c, value)
        s.points[c.id] = pts
        obtained[c.domain] += pts
        if is_met(c, value, pts):
            s.met.add(c.id)
    if closed:
        s.answered.update(c.id for c in criteria)
    s.possible = possible
    _ratios(s, obtained)
    return s


def _ratios(s: _State, obtained: dict[str, float]) -> None:
    possible = s.possible
    s.obtained = obtained
    s.domain_ratio = {d: (obtained[d] / possible[d] if possible[d] else 0.0) for d in possible}
    total = sum(possible.values())
    s.total_ratio = sum(obtained.values()) / total if total else 0.0


def _extend(s: _State, c: Criterion, value: Any) -> _State:
    """The state of `s` with a visible `c` answered `value`, when no `when` names `c` (so
    nothing else changes): what `_compute` gives on the whole, at a fraction of its cost.
    Points are whole numbers, so the sums are exact whatever their order."""
    t = _State(s.first_candidacy)
    t.met, t.answered, t.values = set(s.met), s.answered | {c.id}, dict(s.values)
    t.points, t.visible, t.possible = dict(s.points), s.visible, s.possible
    t.not_concerned = s.not_concerned
    t.values[c.id] = value
    pts = points_for(c, value)
    obtained = dict(s.obtained)
    obtained[c.domain] += pts - t.points.get(c.id, 0.0)
    t.points[c.id] = pts
    if is_met(c, value, pts):
        t.met.add(c.id)
    else:
        t.met.discard(c.id)
    _ratios(t, obtained)
    return t


def _tier_holds(tier: Tier, s: _State) -> bool:
    if s.total_ratio + 1e-9 < tier.min_score:
        return False
    return tier.rule is None or tier.rule.holds(s)  # type: ignore[arg-type]


def _deficit(catalog: Catalog, target: int, s: _State) -> float:
    """How far the state is from tier index `target` (its own conditions: tiers are not
    cumulative), plus from eligibility where the catalog makes it a hard gate."""
    total = 0.0
    rule: Rule = catalog.eligibility
    if catalog.eligibility_hard and not rule.holds(s):  # type: ignore[arg-type]
        total += rule.deficit(s)  # type: ignore[arg-type]
    tier = catalog.tiers[target]
    total += max(0.0, tier.min_score - s.total_ratio) * SCORE_WEIGHT
    if tier.rule is not None and not tier.rule.holds(s):  # type: ignore[arg-type]
        total += tier.rule.deficit(s)  # type: ignore[arg-type]
    return total


def best_value(c: Criterion) -> Any:
    """The answer that meets `c` best: what the path to the next tier asks for."""
    if c.type == "boolean":
        return True
    if c.type == "choice":
        return max(c.choices, key=lambda ch: ch.points).value
    if c.type == "multi":  # the fewest options that reach the criterion's points
        picked: list[str] = []
        total = 0
        for ch in sorted(c.choices, key=lambda ch: -ch.points):
            if total >= c.points or ch.points <= 0:
                break
            picked.append(ch.value)
            total += ch.points
        return [ch.value for ch in c.choices if ch.value in picked] or [c.choices[0].value]
    if c.type == "number":
        if c.scoring:
            return c.scoring[-1].minimum
        return c.maximum if c.maximum is not None else 1
    if c.type == "inventory":  # as many free software as the top threshold asks
        count = int(c.scoring[-1].minimum) if c.scoring else 1
        return tuple(InventoryItem(f"#{i + 1}", None, True) for i in range(count))
    return "https://example.org" if c.type == "url" else "…"


def _tested(catalog: Catalog) -> dict[str, list[Any]]:
    """Per criterion, the values the catalog's rules test it against (`answer` tests): the
    thresholds and choices a path may have to reach beyond the criterion's own scoring."""
    found: dict[str, list[Any]] = {}
    every = [catalog.eligibility] + [t.rule for t in catalog.tiers if t.rule]
    for rule in every:
        for test in boolean_tests(rule):
            values = test.value if test.op == "in" else [test.value]
            found.setdefault(test.id, []).extend(values)
    return found


def _better(c: Criterion, value: Any, tested: Mapping[str, list[Any]]) -> list[Any]:
    """The answers to `c` a path may propose instead of `value` (None: unanswered), smallest
    change first: a number raised to each threshold above it (scoring or rule), another
    choice, one more option of a multiple choice, yes for a no."""
    if c.type == "boolean":
        return [] if value is True else [True]
    if c.type == "choice":
        return [ch.value for ch in c.choices if ch.value != value]
    if c.type == "multi":
        have = list(value) if isinstance(value, list) else []
        more = [[ch.value for ch in c.choices if ch.value in have or ch.value == extra]
                for extra in (ch.value for ch in c.choices) if extra not in have]
        best = best_value(c)
        return more + ([best] if value is None and best not in more else [])
    if c.type == "number":
        current = value if isinstance(value, (int, float)) else None
        marks = {t.minimum for t in c.scoring}
        marks.update(v for v in tested.get(c.id, ()) if isinstance(v, (int, float)))
        if not c.scoring:
            marks.add(1)
        if c.maximum is not None:
            marks = {m for m in marks if m <= c.maximum}
        return sorted(int(m) if float(m).is_integer() else m for m in marks
                      if current is None or m > current)
    if c.type == "inventory":
        return []
    return [best_value(c)] if value is None else []


def _steps(criteria: tuple[Criterion, ...], chosen: Mapping[str, Any],
           values: Mapping[str, Any]) -> tuple[Step, ...]:
    """The chosen answers as steps, least effort first (catalog order on a tie)."""
    by_id = {c.id: c for c in criteria}
    picked = sorted(chosen, key=lambda cid: (by_id[cid].cost, criteria.index(by_id[cid])))
    return tuple(Step(by_id[cid], chosen[cid], values.get(cid)) for cid in picked)


Move = tuple[tuple[Criterion, Any], ...]


def _moves(catalog: Catalog, criteria: tuple[Criterion, ...], possible: Mapping[str, float],
           current: Mapping[str, Any], first: bool | None, target: int, s: _State,
           candidates: list[Criterion], shown_by: set[str], tested: Mapping[str, list[Any]],
           by_id: Mapping[str, Criterion]) -> Iterator[tuple[Move, float]]:
    """Each move the path may make from `current`, with the deficit it leaves: one answer,
    or an answer and one of the questions it shows (a suite made free shows its share of
    desktops: worth little alone, much with its follow-up)."""
    for c in candidates:
        if c.id not in s.visible or c.id in s.not_concerned:
            continue
        for value in _better(c, current.get(c.id), tested):
            if c.id not in shown_by:
                yield ((c, value),), _deficit(catalog, target, _extend(s, c, value))
                continue
            trial = {**current, c.id: value}  # it may show other questions: recompute
            s2 = _compute(catalog, criteria, possible, trial, first)
            yield ((c, value),), _deficit(catalog, target, s2)
            for shown in s2.visible - s.visible:
                follow = by_id.get(shown)
                if follow is None:
                    continue
                for then in _better(follow, None, tested):
                    s3 = _compute(catalog, criteria, possible, {**trial, shown: then}, first)
                    yield ((c, value), (follow, then)), _deficit(catalog, target, s3)


def _best_move(moves: Iterable[tuple[Move, float]], deficit: float) -> Move | None:
    """The move gaining most per unit of effort; on a tie the cheaper, then the first (the
    smaller change: values come smallest first)."""
    best: tuple[float, float, Move] | None = None
    for move, left in moves:
        gain = deficit - left
        cost = sum(c.cost for c, _ in move)
        if gain > 1e-9 and (best is None or (gain / cost, -cost) > best[:2]):
            best = (gain / cost, -cost, move)
    return None if best is None else best[2]


def _path(catalog: Catalog, criteria: tuple[Criterion, ...], possible: Mapping[str, float],
          values: Mapping[str, Any], first: bool | None, target: int) -> NextLevel:
    """Greedy smallest-effort set of answers reaching tier `target`, then pruned. An answer
    already given may be improved (a share raised to the next threshold, a better choice):
    a body at 72 % of its desktops on LibreOffice is told to reach 90 %, not that the tier
    is out of reach."""
    tested = _tested(catalog)
    current = dict(values)
    s = _compute(catalog, criteria, possible, current, first)
    deficit = _deficit(catalog, target, s)
    chosen: dict[str, Any] = {}
    shown_by = {ref for c in criteria if c.when is not None for ref in c.when.refs()}
    candidates = [c for c in criteria if c.type != "inventory"
                  and (c.points > 0 or c.eligibility or c.id in tested)]
    by_id = {c.id: c for c in candidates}
    while deficit > 1e-9:
        best = _best_move(_moves(catalog, criteria, possible, current, first, target, s,
                                 candidates, shown_by, tested, by_id), deficit)
        if best is None:
            break
        for c, value in best:
            chosen[c.id] = current[c.id] = value
        s = _compute(catalog, criteria, possible, current, first)
        deficit = _deficit(catalog, target, s)
    if deficit > 1e-9:  # the greedy search stalled: try every answer at its best at once
        greedy, current, chosen = chosen, dict(values), {}
        for c in candidates:
            if c.id in current and current[c.id] == NOT_CONCERNED:
                continue
            better = _better(c, current.get(c.id), tested)
            if better:
                top = ([ch.value for ch in c.choices] if c.type == "multi" else
                       best_value(c) if c.type == "choice" else better[-1])
                chosen[c.id] = current[c.id] = top
        s = _compute(catalog, criteria, possible, current, first)
        deficit = _deficit(catalog, target, s)
        if deficit > 1e-9:  # out of reach: what the greedy search found still helps
            return NextLevel(catalog.tiers[target], _steps(criteria, greedy, values), False)
    # drop what turned out unnecessary, most expensive first, then lower what is kept to the
    # smallest change that still reaches the tier
    order = sorted(chosen, key=lambda cid: -by_id[cid].cost)
    for cid in order:
        options = [values.get(cid)] + [v for v in _better(by_id[cid], values.get(cid), tested)
                                       if v != chosen[cid]]
        for option in options:
            trial = dict(current)
            if option is None:
                trial.pop(cid, None)
            else:
                trial[cid] = option
            if _deficit(catalog, target,
                        _compute(catalog, criteria, possible, trial, first)) <= 1e-9:
                current = trial
                if option is None or option == values.get(cid):
                    del chosen[cid]
                else:
                    chosen[cid] = option
                break
    return NextLevel(catalog.tiers[target], _steps(criteria, chosen, values), True)


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
    possible = _possible(catalog, kind)
    values, derived = derive(catalog, {cid: a.value for cid, a in answers.responses.items()
                                       if a.value is not None})
    first = not identity.labels
    s = _compute(catalog, criteria, possible, values, first)

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
    tier, rank = _climb(catalog, s) if climbs else (None, 0)
    low = high = 0
    unanswered_count = sum(1 for c in criteria if c.id in s.visible and c.id not in s.answered)
    if category != "prive" and kind is not None:
        closed = _compute(catalog, criteria, possible, values, first, closed=True)
        if not hard or catalog.eligibility.holds(closed):  # type: ignore[arg-type]
            low = _climb(catalog, closed)[1]
        filled = dict(values)
        for c in criteria:  # catalog order: a `when` only names earlier criteria
            if c.id not in filled:
                filled[c.id] = best_value(c)
        best = _compute(catalog, criteria, possible, filled, first)
        if not hard or catalog.eligibility.holds(best):  # type: ignore[arg-type]
            high = _climb(catalog, best)[1]
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
        next_level = _path(catalog, criteria, possible, values, first, rank)

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


def _climb(catalog: Catalog, s: _State) -> tuple[Tier | None, int]:
    """The highest tier whose own conditions hold, and its rank (0: none). A tier does not
    require those below: no source makes the levels cumulative, and a body with a strong
    software record and little else met level 3's wording while failing level 2's."""
    tier: Tier | None = None
    rank = 0
    for i, t in enumerate(catalog.tiers, start=1):
        if _tier_holds(t, s):
            tier, rank = t, i
    return tier, rank


def _tier_id(catalog: Catalog, rank: int) -> str | None:
    return catalog.tiers[rank - 1].id if rank else None

"""The facts one set of answers gives the rules: points, what is met and answered, the ratios
per domain and in all; the tier they reach. Shared by `engine` (the verdict) and `path` (the
answers that would reach the next tier), pure like them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tnl_cli.core.catalog import Catalog, Criterion, Tier
from tnl_cli.core.normalise import NOT_CONCERNED, InventoryItem


class State:
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


def possible_points(catalog: Catalog, collectivity_type: str | None) -> dict[str, float]:
    possible = {d.id: 0.0 for d in catalog.domains}
    for c in applicable(catalog, collectivity_type):
        possible[c.domain] += c.points
    return possible


def compute(catalog: Catalog, criteria: tuple[Criterion, ...], possible: Mapping[str, float],
             values: Mapping[str, Any], first_candidacy: bool | None, *,
             closed: bool = False) -> State:
    """The facts for `values`. `closed`: every criterion left unanswered counts as answered
    and unmet (the low end of the level range)."""
    s = State(first_candidacy)
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


def _ratios(s: State, obtained: dict[str, float]) -> None:
    possible = s.possible
    s.obtained = obtained
    s.domain_ratio = {d: (obtained[d] / possible[d] if possible[d] else 0.0) for d in possible}
    total = sum(possible.values())
    s.total_ratio = sum(obtained.values()) / total if total else 0.0


def extend(s: State, c: Criterion, value: Any) -> State:
    """The state of `s` with a visible `c` answered `value`, when no `when` names `c` (so
    nothing else changes): what `_compute` gives on the whole, at a fraction of its cost.
    Points are whole numbers, so the sums are exact whatever their order."""
    t = State(s.first_candidacy)
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


def tier_holds(tier: Tier, s: State) -> bool:
    if s.total_ratio + 1e-9 < tier.min_score:
        return False
    return tier.rule is None or tier.rule.holds(s)  # type: ignore[arg-type]


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


def climb(catalog: Catalog, s: State) -> tuple[Tier | None, int]:
    """The highest tier whose own conditions hold, and its rank (0: none). A tier does not
    require those below: no source makes the levels cumulative, and a body with a strong
    software record and little else met level 3's wording while failing level 2's."""
    tier: Tier | None = None
    rank = 0
    for i, t in enumerate(catalog.tiers, start=1):
        if tier_holds(t, s):
            tier, rank = t, i
    return tier, rank

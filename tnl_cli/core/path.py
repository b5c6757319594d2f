"""The path to the next tier: the smallest-effort set of answers to give or improve, found
greedily on the facts of `scoring`, then pruned. Pure: the engine calls `find_path`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from tnl_cli.core.catalog import Catalog, Criterion, Tier
from tnl_cli.core.normalise import NOT_CONCERNED
from tnl_cli.core.rules import SCORE_WEIGHT, Rule, boolean_tests
from tnl_cli.core.scoring import State, best_value, compute, extend


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


def _deficit(catalog: Catalog, target: int, s: State) -> float:
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
           current: Mapping[str, Any], first: bool | None, target: int, s: State,
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
                yield ((c, value),), _deficit(catalog, target, extend(s, c, value))
                continue
            trial = {**current, c.id: value}  # it may show other questions: recompute
            s2 = compute(catalog, criteria, possible, trial, first)
            yield ((c, value),), _deficit(catalog, target, s2)
            for shown in s2.visible - s.visible:
                follow = by_id.get(shown)
                if follow is None:
                    continue
                for then in _better(follow, None, tested):
                    s3 = compute(catalog, criteria, possible, {**trial, shown: then}, first)
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


def find_path(catalog: Catalog, criteria: tuple[Criterion, ...], possible: Mapping[str, float],
          values: Mapping[str, Any], first: bool | None, target: int) -> NextLevel:
    """Greedy smallest-effort set of answers reaching tier `target`, then pruned. An answer
    already given may be improved (a share raised to the next threshold, a better choice):
    a body at 72 % of its desktops on LibreOffice is told to reach 90 %, not that the tier
    is out of reach."""
    tested = _tested(catalog)
    current = dict(values)
    s = compute(catalog, criteria, possible, current, first)
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
        s = compute(catalog, criteria, possible, current, first)
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
        s = compute(catalog, criteria, possible, current, first)
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
                        compute(catalog, criteria, possible, trial, first)) <= 1e-9:
                current = trial
                if option is None or option == values.get(cid):
                    del chosen[cid]
                else:
                    chosen[cid] = option
                break
    return NextLevel(catalog.tiers[target], _steps(criteria, chosen, values), True)

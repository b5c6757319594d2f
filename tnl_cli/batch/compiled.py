"""A compiled evaluator for batch runs: the engine's verdict and scores at a fraction of the cost.

`engine.evaluate` is written for clarity and does dict and set work per criterion; a batch of
37,000 rows needs the same answers much faster. Here every answer becomes one integer, its
*entry*, packing its "met" and "answered" bits, the answer tests the catalog's rules make on it,
and its points in its domain's bit field. A row's state is the plain sum of its entries (each
criterion sets its own bits once). The catalog's rules are compiled, once per collectivity type,
into one Python function working on that integer.

The outcome equals `engine.evaluate(catalog, answers, with_path=False)` on the verdict, the
tier, the mentions, the domain scores and the gates (tests/test_compiled.py proves it on random
answers for every edition).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from tnl_cli.core import rules
from tnl_cli.core.answers import NOT_CONCERNED
from tnl_cli.core.catalog import Catalog, Criterion
from tnl_cli.core.engine import applicable, best_value, free_count, is_met, points_for
from tnl_cli.core.identity import Identity

_EPS = "1e-9"  # the engine's tolerance on ratios, written where the generated code compares
# What a compiled evaluator returns: verdict, level rank, mentions bit mask, total ratio, the
# state integer after hidden answers are taken out, points per domain.
Result = tuple[str, int, int, float, int, tuple[int, ...]]
_MEMO_LIMIT = 1 << 16  # entries remembered per catalog (a few MiB at most)


@dataclass(frozen=True)
class Outcome:
    """The decoded result of one row (what a report needs; the hot path uses raw tuples)."""

    verdict: str
    level_rank: int
    level: str | None
    mentions: tuple[str, ...]
    points: tuple[int, ...]  # per domain, catalog order
    possible: tuple[float, ...]
    met: tuple[int, ...] | None  # per domain, with a `full` layout only
    applicable: tuple[int, ...]
    total_ratio: float
    unmet_gates: tuple[str, ...]
    unanswered_gates: tuple[str, ...]
    # low: the level itself (an unanswered criterion fails every rule as an unmet one does:
    # rules only hold on met criteria); high: from the run on the best answers
    level_range: tuple[str | None, str | None] = (None, None)


def _met_refs(rule: rules.Rule, counts: bool = True) -> Any:
    """The criterion ids a rule asks to be met (`met`, and `count` unless `counts` is False),
    not those it tests the value of (`answer`)."""
    if isinstance(rule, rules.Met):
        yield rule.id
    elif isinstance(rule, rules.Count):
        if counts:
            yield from rule.ids
    elif isinstance(rule, (rules.All, rules.AnyOf)):
        for item in rule.items:
            yield from _met_refs(item, counts)


def _count_rules(rule: rules.Rule) -> Any:
    if isinstance(rule, rules.Count):
        yield rule
    elif isinstance(rule, (rules.All, rules.AnyOf)):
        for item in rule.items:
            yield from _count_rules(item)


class _OneAnswer:
    """The state an `answer` test sees for a single answered criterion."""

    def __init__(self, criterion_id: str, value: Any) -> None:
        self.answered = frozenset((criterion_id,))
        self.values = {criterion_id: value}


class Compiled:
    """The bit layout of one catalog, and its evaluators per collectivity type."""

    def __init__(self, catalog: Catalog, *, full: bool = False) -> None:
        """`full`: give every criterion its "met" and "answered" bits (to count met criteria
        per domain); otherwise only the criteria the rules and gates look at get them, which
        keeps a row's state within a machine word, where Python adds integers fastest."""
        self.catalog = catalog
        self.full = full
        self.index = {c.id: i for i, c in enumerate(catalog.criteria)}
        early = [c.when for c in catalog.criteria if c.when is not None]
        early.append(catalog.eligibility)  # rules that may be undecided, or read before ratios
        final = [t.rule for t in catalog.tiers if t.rule] + [m.rule for m in catalog.mentions]
        every_rule = early + final
        # one bit per distinct test: rules that repeat a test (`part_postes_os_libre >= 50` in
        # two tiers) share it
        self._tests: list[rules.Answer] = []
        for test in (t for r in every_rule for t in rules.boolean_tests(r)):
            if test not in self._tests:  # Rule equality: same id, op and value
                self._tests.append(test)
        self._tests_of: dict[str, list[tuple[int, rules.Answer]]] = {}
        for k, test in enumerate(self._tests):
            self._tests_of.setdefault(test.id, []).append((k, test))
        inventories = [c for c in catalog.criteria if c.type == "inventory" and c.implies]
        gates = {c.id for c in catalog.gates}
        implied = {target for c in inventories for target in c.implies}
        # "met" bits for what `met` and `count` look at; `answer` tests have bits of their own.
        # A long `count` of a tier or mention gets a counter field instead, to which each met
        # criterion adds its multiplicity: it costs the bits of its length, not one per id.
        read = {ref for r in early for ref in _met_refs(r)} | {
            ref for r in final for ref in _met_refs(r, counts=False)}
        counted: list[tuple[str, ...]] = []
        for count in (c for r in final for c in _count_rules(r)):
            unread = set(count.ids) - read
            if count.ids not in counted and len(count.ids).bit_length() < len(unread):
                counted.append(count.ids)
            elif count.ids not in counted:
                read |= unread
        everything = set(self.index)
        met = everything if full else read | gates
        # "answered" matters where a rule can be undecided (eligibility), for gates and for
        # the criteria derive() may answer (only when left unanswered)
        answered = everything if full else gates | set(catalog.eligibility.refs()) | implied
        position = 0
        self._met_bits: dict[str, int] = {}
        self._answered_bits: dict[str, int] = {}
        for bits, wanted in ((self._met_bits, met), (self._answered_bits, answered)):
            for c in catalog.criteria:
                if c.id in wanted:
                    bits[c.id] = 1 << position
                    position += 1
        self._test_base = position
        position += len(self._tests)
        # engine.derive: a free software listed in an inventory answers its `implies` targets
        self._free_bit = {c.id: 1 << (position + k) for k, c in enumerate(inventories)}
        position += len(inventories)
        self._implied_by: dict[str, int] = {}
        for c in inventories:
            for target in c.implies:
                self._implied_by[target] = self._implied_by.get(target, 0) | self._free_bit[c.id]
        self.domain_ids = tuple(d.id for d in catalog.domains)
        self._shift: dict[str, int] = {}
        self._mask: dict[str, int] = {}
        for d in self.domain_ids:  # each domain's field holds the most points it can reach
            width = max(1, sum(c.points for c in catalog.criteria if c.domain == d).bit_length())
            self._shift[d], self._mask[d] = position, (1 << width) - 1
            position += width
        self._counters: dict[tuple[str, ...], tuple[int, int]] = {}
        self._counter_add: dict[str, int] = {}
        for ids in counted:
            width = len(ids).bit_length()
            self._counters[ids] = (position, (1 << width) - 1)
            for cid, times in Counter(ids).items():
                self._counter_add[cid] = self._counter_add.get(cid, 0) + (times << position)
            position += width
        # "non_concerne" answers: one bit per criterion that accepts it; the points it takes
        # out of the possible are summed per domain where a row's ratios are computed
        self._nc_bits: dict[str, int] = {}
        for c in catalog.criteria:
            if c.not_concerned:
                self._nc_bits[c.id] = 1 << position
                position += 1
        self.nc_mask = sum(self._nc_bits.values())
        self._nc_of = {d: tuple((self._nc_bits[c.id], c.points) for c in catalog.criteria
                                if c.domain == d and c.not_concerned) for d in self.domain_ids}
        self.bits = position
        self._evaluators: dict[tuple[str | None, tuple[tuple[str, int], ...]], TypeEvaluator] = {}
        self._memo: dict[tuple[str, bool, Any], int] = {}

    def met_bit(self, criterion_id: str) -> int:
        return self._met_bits[criterion_id]

    def answered_bit(self, criterion_id: str) -> int:
        return self._answered_bits[criterion_id]

    def entry(self, c: Criterion, value: Any, applies: bool = True) -> int:
        """The packed contribution of answer `value` (normalised) to criterion `c`; `applies`:
        whether `c` applies to the collectivity's type (the caller knows: `c.applies(kind)`).
        Remembered per value, since many texts normalise to the same value."""
        if value is None:
            return 0
        key = (c.id, applies, self._memo_key(c, value))
        found = self._memo.get(key)
        if found is None:
            found = self._entry(c, value, applies)
            if len(self._memo) < _MEMO_LIMIT:
                self._memo[key] = found
        return found

    def value_blind(self, c: Criterion) -> bool:
        """Whether no rule tests `c`'s value (only its points and 'met' matter)."""
        return c.id not in self._tests_of

    def _memo_key(self, c: Criterion, value: Any) -> Any:
        """What the entry depends on: the value; when no rule tests the value, for an inventory
        the number of free software it lists, for a text or URL whether it is blank (points,
        'met' and derive() look at nothing else)."""
        if c.id not in self._tests_of:
            if c.type == "inventory":
                return ("free", free_count(value))
            if c.type in ("text", "url"):
                return ("filled", bool(str(value).strip()))
        return tuple(value) if isinstance(value, list) else value

    def _entry(self, c: Criterion, value: Any, applies: bool) -> int:
        free = self._free_bit.get(c.id, 0)
        if free and not free_count(value):
            free = 0
        if not applies:
            return free  # derive() looks at every answer, applicable or not
        if value == NOT_CONCERNED and c.not_concerned:  # out of the points possible
            return (self._answered_bits.get(c.id, 0) | self._tests_bits(c, value)
                    | self._nc_bits[c.id])
        pts = points_for(c, value)
        whole = int(pts)
        if whole != pts:  # the catalog format only has whole points
            raise ValueError(f"{c.id}: non-integral points {pts}")
        packed = free | self._answered_bits.get(c.id, 0) | whole << self._shift[c.domain]
        if is_met(c, value, pts):
            packed = (packed | self._met_bits.get(c.id, 0)) + self._counter_add.get(c.id, 0)
        return packed | self._tests_bits(c, value)

    def _tests_bits(self, c: Criterion, value: Any) -> int:
        """The bits of the `answer` tests the rules make on `c` that `value` passes."""
        packed = 0
        tests = self._tests_of.get(c.id)
        if tests:
            state = _OneAnswer(c.id, value)
            for k, test in tests:
                if test.eval(state) is True:  # type: ignore[arg-type]
                    packed |= 1 << (self._test_base + k)
        return packed

    def best_entry(self, c: Criterion, applies: bool) -> int:
        """The entry of the answer that meets `c` best (the high end of the level range)."""
        return self.entry(c, best_value(c), applies)

    def not_concerned_out(self, total: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """Per domain, the points and the criteria that "non_concerne" answers take out."""
        points = tuple(sum(p for bit, p in self._nc_of[d] if total & bit)
                       for d in self.domain_ids)
        count = tuple(sum(1 for bit, _ in self._nc_of[d] if total & bit)
                      for d in self.domain_ids)
        return points, count

    def evaluator(self, kind: str | None, positions: Mapping[str, int]) -> TypeEvaluator:
        """The evaluator for collectivity type `kind`; `positions` gives where each criterion's
        entry sits in the entries list the caller passes (criteria it lacks count as unanswered)."""
        key = (kind, tuple(sorted(positions.items())))
        found = self._evaluators.get(key)
        if found is None:
            found = self._evaluators[key] = TypeEvaluator(self, kind, positions)
        return found

    # -- rule compilation: Python expressions over `total` (and ratios `r0..`, `tr`, `first`) --

    def _met(self, cid: str) -> str:
        return f"(total & {self.met_bit(cid)})"

    def _counts(self, ids: Sequence[str], field: int) -> list[str]:
        """Terms counting the set bits of `ids` in a bit field (0: met, 1: answered); a
        repeated id counts as many times as the engine's loop counts it."""
        by_times: dict[int, int] = {}
        for cid, times in Counter(ids).items():
            bit = (self._answered_bits if field else self._met_bits)[cid]
            by_times[times] = by_times.get(times, 0) | bit
        return [f"{times} * (total & {mask}).bit_count()" for times, mask in by_times.items()]

    def _ratio(self, domain: str | None, final: bool) -> str:
        if not final:  # a `when` is evaluated before any ratio exists: the engine sees 0.0
            return "0.0"
        if domain is None:
            return "tr"
        return f"r{self.domain_ids.index(domain)}" if domain in self.domain_ids else "0.0"

    def holds(self, rule: rules.Rule, final: bool = True) -> str:
        """An expression true exactly when `rule.eval(state) is True`."""
        if isinstance(rule, rules.Met):
            return self._met(rule.id)
        if isinstance(rule, rules.All):
            return "(" + " and ".join(self.holds(r, final) for r in rule.items) + ")"
        if isinstance(rule, rules.AnyOf):
            return "(" + " or ".join(self.holds(r, final) for r in rule.items) + ")"
        if isinstance(rule, rules.Count):
            if final and rule.ids in self._counters:
                shift, mask = self._counters[rule.ids]
                return f"(((total >> {shift}) & {mask}) >= {rule.minimum})"
            return f"({' + '.join(self._counts(rule.ids, 0) or ['0'])} >= {rule.minimum})"
        if isinstance(rule, rules.Score):
            return f"({self._ratio(rule.domain, final)} + {_EPS} >= {rule.minimum!r})"
        if isinstance(rule, rules.Domains):
            if not final:
                return f"(0 >= {rule.minimum})"
            terms = [f"(r{j} + {_EPS} >= {rule.score!r})" for j in range(len(self.domain_ids))]
            return f"(({' + '.join(terms)}) >= {rule.minimum})"
        if isinstance(rule, rules.Answer):
            return f"(total & {self._test_bit(rule)})"
        if isinstance(rule, rules.FirstCandidacy):
            return "(first is True)"
        raise TypeError(f"no compiled form for rule {rule!r}")

    def fails(self, rule: rules.Rule) -> str:
        """An expression true exactly when `rule.eval(state) is False` (final state)."""
        if isinstance(rule, rules.Met):
            both = self.met_bit(rule.id) | self.answered_bit(rule.id)
            return f"((total & {both}) == {self.answered_bit(rule.id)})"
        if isinstance(rule, rules.All):
            return "(" + " or ".join(self.fails(r) for r in rule.items) + ")"
        if isinstance(rule, rules.AnyOf):
            return "(" + " and ".join(self.fails(r) for r in rule.items) + ")"
        if isinstance(rule, rules.Count):
            met = self._counts(rule.ids, 0) or ["0"]
            answered = self._counts(rule.ids, 1) or ["0"]
            unknown = f"{len(rule.ids)} - ({' + '.join(answered)})"
            return f"(({' + '.join(met)}) + {unknown} < {rule.minimum})"
        if isinstance(rule, rules.Answer):
            return f"((total & {self.answered_bit(rule.id)}) and not " \
                   f"(total & {self._test_bit(rule)}))"
        if isinstance(rule, rules.FirstCandidacy):
            return "(first is False)"
        return f"(not {self.holds(rule)})"  # two-valued rules: Score, Domains

    def _test_bit(self, rule: rules.Answer) -> int:
        k = self._tests.index(rule)  # an equal test shares the bit
        return 1 << (self._test_base + k)


class TypeEvaluator:
    """The compiled assessment for one collectivity type and one column layout.

    `run(entries, total, first)` returns (verdict, level_rank, mentions_mask, total_ratio,
    total, points per domain) where `total` is the state after hidden answers (whose `when`
    fails) are taken out.
    """

    def __init__(self, compiled: Compiled, kind: str | None, positions: Mapping[str, int]) -> None:
        catalog = compiled.catalog
        self.compiled = compiled
        self.kind = kind
        members = applicable(catalog, kind)
        self.possible = tuple(float(sum(c.points for c in members if c.domain == d))
                              for d in compiled.domain_ids)
        self.applicable = tuple(sum(1 for c in members if c.domain == d)
                                for d in compiled.domain_ids)
        self._domain_masks = tuple(
            sum(compiled.met_bit(c.id) for c in members if c.domain == d)
            for d in compiled.domain_ids) if compiled.full else None
        gates = [c for c in catalog.gates if c.applies(kind)]
        self._gates = tuple((c.id, compiled.met_bit(c.id), compiled.answered_bit(c.id))
                            for c in gates)
        self._gate_mask = sum(met | ans for _, met, ans in self._gates)
        self._gate_cache: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        self.tier_ids = tuple(t.id for t in catalog.tiers)
        self.mention_ids = tuple(m.id for m in catalog.mentions)
        self.run: Callable[[Sequence[int], int, bool], Result] = self._generate(members,
                                                                               positions)

    def _generate(self, members: Sequence[Criterion], positions: Mapping[str, int]) -> Any:
        cp, catalog = self.compiled, self.compiled.catalog
        lines = ["def run(entries, total, first):"]
        derived: dict[str, str] = {}  # implied criterion -> local holding its derived entry
        for c in members:  # engine.derive: before visibility, only where left unanswered
            sources = cp._implied_by.get(c.id)
            if sources is None:
                continue
            name = derived[c.id] = f"x{cp.index[c.id]}"
            unanswered = f" and not entries[{positions[c.id]}]" if c.id in positions else ""
            lines += [f"    {name} = {cp.entry(c, True)} if total & {sources}"
                      f"{unanswered} else 0", f"    total += {name}"]
        for c in members:  # catalog order: a `when` only names earlier criteria
            if c.when is not None and (c.id in positions or c.id in derived):
                parts = [f"entries[{positions[c.id]}]"] if c.id in positions else []
                parts += [derived[c.id]] if c.id in derived else []
                lines += [f"    if not {cp.holds(c.when, final=False)}:",
                          f"        total -= {' + '.join(parts)}"]
        names, wholes = [], []
        for j, d in enumerate(cp.domain_ids):
            lines.append(f"    p{j} = (total >> {cp._shift[d]}) & {cp._mask[d]}")
            possible = self.possible[j]
            if cp._nc_of[d]:  # "non_concerne" answers take points out of the possible
                out = " - ".join(f"({p} if total & {bit} else 0)" for bit, p in cp._nc_of[d])
                lines += [f"    q{j} = {possible!r} - {out}",
                          f"    r{j} = p{j} / q{j} if q{j} else 0.0"]
                wholes.append(f"q{j}")
            else:
                lines.append(f"    r{j} = p{j} / {possible!r}" if possible else f"    r{j} = 0.0")
                wholes.append(repr(possible))
            names.append(f"p{j}")
        lines += [f"    whole = {' + '.join(wholes)}",
                  f"    tr = ({' + '.join(names)}) / whole if whole else 0.0",
                  f"    points = ({', '.join(names)},)"]
        category = Identity(type=self.kind).category
        if category == "prive":
            lines.append("    return ('not_eligible', 0, 0, tr, total, points)")
        elif self.kind is None:
            lines.append("    return ('incomplete', 0, 0, tr, total, points)")
        else:
            if catalog.eligibility_hard:
                lines += [f"    if not {cp.holds(catalog.eligibility)}:",
                          f"        return ('not_eligible' if {cp.fails(catalog.eligibility)} "
                          "else 'incomplete', 0, 0, tr, total, points)",
                          "    verdict = 'eligible'"]
            else:  # no hard gate: an unmet listed criterion is a reservation
                lines += [f"    if {cp.holds(catalog.eligibility)}:",
                          "        verdict = 'eligible'",
                          f"    elif {cp.fails(catalog.eligibility)}:",
                          "        verdict = 'eligible_with_reservations'",
                          "    else:",
                          "        verdict = 'incomplete'"]
            keyword = "if"
            for i in range(len(catalog.tiers), 0, -1):  # the highest that holds, top down
                tier = catalog.tiers[i - 1]
                test = f"tr + {_EPS} >= {tier.min_score!r}"
                if tier.rule is not None:
                    test += f" and {cp.holds(tier.rule)}"
                lines += [f"    {keyword} {test}:", f"        rank = {i}"]
                keyword = "elif"
            lines += ["    else:", "        rank = 0"]
            lines.append("    mentions = 0")
            for k, mention in enumerate(catalog.mentions):
                lines += [f"    if {cp.holds(mention.rule)}:", f"        mentions |= {1 << k}"]
            lines.append("    return (verdict, rank, mentions, tr, total, points)")
        namespace: dict[str, Any] = {}
        exec(compile("\n".join(lines), f"<compiled {catalog.edition} {self.kind}>", "exec"),
             namespace)
        return namespace["run"]

    def gates(self, total: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(unmet gates, unanswered gates) in catalog order, as the engine lists them."""
        key = total & self._gate_mask
        found = self._gate_cache.get(key)
        if found is None:
            unmet = tuple(cid for cid, met, ans in self._gates if key & ans and not key & met)
            unanswered = tuple(cid for cid, _, ans in self._gates if not key & ans)
            found = self._gate_cache[key] = (unmet, unanswered)
        return found

    def level(self, rank: int) -> str | None:
        return self.tier_ids[rank - 1] if rank else None

    def mentions(self, mask: int) -> tuple[str, ...]:
        return tuple(m for k, m in enumerate(self.mention_ids) if mask >> k & 1)

    def outcome(self, result: Result, high: Result | None = None) -> Outcome:
        """The decoded result; `high`: the run on the best answers to the unanswered
        criteria (see `Compiled.best_entry`), for the high end of the level range."""
        verdict, rank, mentions, ratio, total, points = result
        unmet, unanswered = self.gates(total)
        out_points, out_count = self.compiled.not_concerned_out(total)
        return Outcome(
            verdict=verdict, level_rank=rank, level=self.level(rank),
            mentions=self.mentions(mentions), points=points,
            possible=tuple(p - o for p, o in zip(self.possible, out_points, strict=True)),
            met=None if self._domain_masks is None else tuple(
                (total & m).bit_count() for m in self._domain_masks),
            applicable=tuple(a - o for a, o in zip(self.applicable, out_count, strict=True)),
            total_ratio=ratio,
            unmet_gates=unmet, unanswered_gates=unanswered,
            level_range=(self.level(rank), self.level(high[1]) if high else None))

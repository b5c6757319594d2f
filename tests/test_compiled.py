"""The compiled evaluator gives exactly what engine.evaluate gives, on random answers."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tnl_cli.batch.compiled import Compiled
from tnl_cli.core import identity as ident
from tnl_cli.core import rules
from tnl_cli.core.answers import NOT_CONCERNED, Answer, Answers, InventoryItem
from tnl_cli.core.catalog import Catalog, Criterion, editions, load_edition
from tnl_cli.core.engine import best_value, evaluate


def _value(c: Criterion) -> st.SearchStrategy[Any]:
    if c.not_concerned:
        return st.one_of(st.just(NOT_CONCERNED), _plain_value(c))
    return _plain_value(c)


def _plain_value(c: Criterion) -> st.SearchStrategy[Any]:
    if c.type == "boolean":  # mostly yes, so that eligible rows and high tiers are common
        return st.sampled_from((True, True, True, False))
    if c.type == "choice":
        return st.sampled_from([ch.value for ch in c.choices])
    if c.type == "multi":
        return st.lists(st.sampled_from([ch.value for ch in c.choices]), min_size=1,
                        unique=True).map(lambda picked: [ch.value for ch in c.choices
                                                         if ch.value in picked])
    if c.type == "number":
        low = c.minimum if c.minimum is not None else 0.0
        high = c.maximum if c.maximum is not None else 10_000.0
        edges = [t.minimum for t in c.scoring if low <= t.minimum <= high] + [low, high]
        return st.one_of(st.sampled_from(edges), st.integers(int(low), int(high)),
                         st.floats(low, high, allow_nan=False))
    if c.type == "url":
        return st.just("https://example.org/page")
    if c.type == "inventory":
        item = st.builds(InventoryItem, st.sampled_from(("a", "b", "c")), st.none(),
                         st.sampled_from((True, False, None)))
        return st.lists(item, min_size=1, max_size=20).map(tuple)
    return st.text(min_size=1, max_size=5).filter(str.strip)


@st.composite
def _case(draw: st.DrawFn, catalog: Catalog) -> tuple[Answers, list[Criterion]]:
    """Random answers; gates are mostly met so that every verdict and tier is common."""
    present = [c for c in catalog.criteria if c.eligibility or draw(st.floats(0, 1)) < 0.9]
    values: dict[str, Any] = {}
    bias = draw(st.floats(0, 1))  # some rows answer almost everything, others little
    for c in present:
        if c.eligibility:
            value = draw(st.sampled_from((True,) * 12 + (False, None)))
            if value is not None:
                values[c.id] = value
        elif draw(st.floats(0, 1)) < bias:
            values[c.id] = draw(_value(c))
    kind = draw(st.sampled_from((*ident.ALL_TYPES, None)))
    labels = draw(st.sampled_from(((), (ident.PreviousLabel(2023, "2"),))))
    identity = ident.Identity(nom="X", type=kind, labels=labels)
    return Answers(catalog.edition, identity, {k: Answer(v) for k, v in values.items()}), present


def _check(catalog: Catalog, compiled: Compiled, answers: Answers,
           present: list[Criterion]) -> None:
    kind = answers.identity.type
    evaluator = compiled.evaluator(kind, {c.id: j for j, c in enumerate(present)})
    entries = [compiled.entry(c, answers.value(c.id), c.applies(kind)) for c in present]
    first = not answers.identity.labels
    # the high end of the range: the best answer to every unanswered applicable criterion
    everything = compiled.evaluator(kind, {c.id: j for j, c in enumerate(catalog.criteria)})
    best = [compiled.entry(c, answers.value(c.id), c.applies(kind))
            if answers.value(c.id) is not None or not c.applies(kind)
            else compiled.best_entry(c, True) for c in catalog.criteria]
    high = everything.run(best, sum(best), first)
    got = evaluator.outcome(evaluator.run(entries, sum(entries), first), high)
    want = evaluate(catalog, answers, with_path=False)
    assert got.level_range == want.level_range
    assert got.verdict == want.verdict
    assert (got.level_rank, got.level) == (want.level_rank, want.level)
    assert got.mentions == tuple(m.id for m in want.mentions)
    assert got.total_ratio == want.total_ratio
    assert got.points == tuple(d.points for d in want.domains)
    assert got.possible == tuple(d.possible for d in want.domains)
    if compiled.full:
        assert got.met == tuple(d.met for d in want.domains)
    else:
        assert got.met is None
    assert got.applicable == tuple(d.applicable for d in want.domains)
    assert got.unmet_gates == want.unmet_gates
    assert got.unanswered_gates == want.unanswered_gates


@pytest.mark.parametrize("hard", [False, True], ids=["reservations", "hard-gate"])
@pytest.mark.parametrize("full", [False, True], ids=["compact", "full"])
@pytest.mark.parametrize("edition", editions())
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_compiled_equals_engine(edition: int, full: bool, hard: bool,
                                data: st.DataObject) -> None:
    """Both ways an unmet eligibility criterion may be read: a reservation (the catalogs) or
    a hard gate (a catalog saying `hard: true`)."""
    catalog = _catalog(edition, hard)
    answers, present = data.draw(_case(catalog))
    _check(catalog, _compiled(edition, full, hard), answers, present)


_CACHE: dict[tuple[int, bool, bool], Compiled] = {}


def _catalog(edition: int, hard: bool = False) -> Catalog:
    catalog = load_edition(edition)
    return catalog._replace(eligibility_hard=True) if hard else catalog


def _compiled(edition: int, full: bool = True, hard: bool = False) -> Compiled:
    if (edition, full, hard) not in _CACHE:
        _CACHE[edition, full, hard] = Compiled(_catalog(edition, hard), full=full)
    return _CACHE[edition, full, hard]


@pytest.mark.parametrize("edition", editions())
def test_compact_state_fits_a_machine_word(edition: int) -> None:
    """The speed of batch runs rests on it: sum() adds machine integers in C."""
    assert Compiled(load_edition(edition)).bits <= 62


@pytest.mark.parametrize("edition", editions())
def test_every_tier_and_mention_is_reached(edition: int) -> None:
    """The random test must not only see ineligible rows: a full 'best answers' row reaches
    the top tier with every mention, through the compiled path too."""
    catalog = load_edition(edition)
    values = {c.id: Answer(best_value(c)) for c in catalog.criteria}
    identity = ident.Identity(nom="X", type="commune")
    answers = Answers(edition, identity, values)
    _check(catalog, _compiled(edition), answers, list(catalog.criteria))
    evaluator = _compiled(edition).evaluator("commune", {c.id: j for j, c in
                                                         enumerate(catalog.criteria)})
    entries = [_compiled(edition).entry(c, values[c.id].value, c.applies("commune"))
               for c in catalog.criteria]
    outcome = evaluator.outcome(evaluator.run(entries, sum(entries), True))
    assert outcome.level_rank == len(catalog.tiers)
    assert outcome.mentions == tuple(m.id for m in catalog.mentions)


def test_hidden_answer_counts_for_nothing() -> None:
    """An answer whose `when` fails (a URL given while its parent is 'no') earns no points."""
    catalog = load_edition(2025)
    child = next(c for c in catalog.criteria if isinstance(c.when, rules.Met))
    parent = child.when.id  # type: ignore[union-attr]
    identity = ident.Identity(nom="X", type="commune")
    values = {parent: Answer(False), child.id: Answer(best_value(child))}
    answers = Answers(2025, identity, values)
    _check(catalog, _compiled(2025), answers, list(catalog.criteria))
    compiled = _compiled(2025)
    entries = [compiled.entry(c, answers.value(c.id), c.applies("commune")) for c in catalog.criteria]
    evaluator = compiled.evaluator("commune", {c.id: j for j, c in enumerate(catalog.criteria)})
    total = evaluator.run(entries, sum(entries), True)[4]
    assert not total & compiled.answered_bit(child.id)

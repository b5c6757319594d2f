"""The level range: low with every unanswered criterion unmet, high with every one met."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tnl_cli.core import identity as ident
from tnl_cli.core.answers import Answer, Answers
from tnl_cli.core.catalog import Catalog, Criterion
from tnl_cli.core.engine import derive, evaluate
from tnl_cli.core.normalise import NOT_CONCERNED, InventoryItem
from tnl_cli.core.scoring import applicable, best_value
from tnl_cli.loaders.catalogs import load_edition


def _value(c: Criterion) -> st.SearchStrategy:
    if c.type == "boolean":
        plain: st.SearchStrategy = st.booleans()
    elif c.type == "choice":
        plain = st.sampled_from([ch.value for ch in c.choices])
    elif c.type == "multi":
        plain = st.lists(st.sampled_from([ch.value for ch in c.choices]), unique=True,
                         min_size=1).map(lambda v: [ch.value for ch in c.choices if ch.value in v])
    elif c.type == "number":
        edges = [t.minimum for t in c.scoring] + [c.minimum or 0]
        plain = st.one_of(st.sampled_from(edges), st.integers(int(c.minimum or 0), 1000))
    elif c.type == "inventory":
        item = st.builds(InventoryItem, st.sampled_from("abcdefghijklmnopq"), st.none(),
                         st.sampled_from([True, False]))
        plain = st.lists(item, min_size=1, max_size=20).map(tuple)
    else:
        plain = st.just("https://example.org" if c.type == "url" else "texte")
    return st.one_of(st.just(NOT_CONCERNED), plain) if c.not_concerned else plain


@st.composite
def _case(draw: st.DrawFn, catalog: Catalog) -> tuple[Answers, Criterion | None, object]:
    kind = draw(st.sampled_from(["commune", "departement", "region", "metropole", "syndicat"]))
    bias = draw(st.floats(0, 1))
    values = {}
    for c in catalog.criteria:
        if draw(st.floats(0, 1)) < bias:
            values[c.id] = draw(_value(c))
    answers = Answers(catalog.edition, ident.Identity(type=kind),
                      {k: Answer(v) for k, v in values.items()})
    # A question the inventory answers (a free software listed: "uses free software") is not
    # unanswered: answering it "no" contradicts the list, which no range over open questions covers.
    derived, _ = derive(catalog, dict(values))
    open_ = [c for c in applicable(catalog, kind) if derived.get(c.id) is None]
    if not open_:  # everything answered: no unanswered question to try (changing an answer
        return answers, None, None  # given may leave the range, which is about unanswered ones)
    target = draw(st.sampled_from(open_))
    return answers, target, draw(_value(target))


@pytest.mark.parametrize("edition", [2024, 2025])
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_level_lies_in_range_and_an_answer_stays_in_it(edition: int,
                                                       data: st.DataObject) -> None:
    catalog = load_edition(edition)
    answers, target, value = data.draw(_case(catalog))
    before = evaluate(catalog, answers, with_path=False)
    low, high = before.range_ranks
    assert low <= before.level_rank <= high
    assert before.level_range == tuple(catalog.tiers[r - 1].id if r else None
                                       for r in (low, high))
    if target is None:
        return
    after = evaluate(catalog, answers.with_answer(target.id, Answer(value)), with_path=False)
    assert low <= after.level_rank <= high
    assert low <= after.range_ranks[0] and after.range_ranks[1] <= high


@pytest.mark.parametrize("edition", [2024, 2025])
def test_range_ends(edition: int) -> None:
    catalog = load_edition(edition)
    commune = ident.Identity(type="commune")
    nothing = evaluate(catalog, Answers(edition, commune, {}))
    assert nothing.level_range == (None, catalog.tiers[-1].id)
    assert nothing.unanswered == sum(1 for c in applicable(catalog, "commune") if c.when is None)
    everything = {c.id: Answer(best_value(c)) for c in applicable(catalog, "commune")}
    full = evaluate(catalog, Answers(edition, commune, everything))
    assert full.level_range == (catalog.tiers[-1].id,) * 2 and full.unanswered == 0
    company = evaluate(catalog, Answers(edition, ident.Identity(type="entreprise"), everything))
    assert company.level_range == (None, None)
    gate_no = dict(everything, formats_ouverts=Answer(False))
    reserved = evaluate(catalog, Answers(edition, commune, gate_no))
    assert reserved.verdict == "eligible_with_reservations"  # no hard gate: the tiers still read
    assert reserved.level_range == (catalog.tiers[-1].id,) * 2
    refused = evaluate(catalog._replace(eligibility_hard=True), Answers(edition, commune, gate_no))
    assert refused.level_range == (None, None)  # a hard gate unmet: no answer can change it


def test_terminal_line_and_json(run, tmp_path: Path) -> None:
    f = tmp_path / "r.yaml"
    f.write_text("edition: 2024\ncollectivite: {nom: X, type: commune}\nreponses:\n"
                 "  utilise_logiciel_libre: oui\n  ouverture_donnees: oui\n"
                 "  formats_ouverts: oui\n  initiatives_libres_territoire: oui\n",
                 encoding="utf-8")
    data = json.loads(run("assess", "--answers", str(f), "--format", "json").out)
    assert data["level_range"] == {"low": data["level"], "high": "5"}
    count = data["unanswered"]
    out = run("assess", "--answers", str(f)).out
    assert f"Niveau estimé : {data['level']} (entre {data['level']} et 5 selon les {count} " \
           "questions sans réponse)" in out.replace("\n", " ")
    out_en = run("--lang", "en", "assess", "--answers", str(f)).out.replace("\n", " ")
    assert f"depending on the {count} unanswered questions" in out_en

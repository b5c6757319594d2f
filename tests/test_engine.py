"""The engine: verdicts, tiers, mentions, scores and the path, on both editions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tnl_cli.core import identity as ident
from tnl_cli.core.answers import Answer, Answers, InventoryItem
from tnl_cli.core.catalog import load_edition
from tnl_cli.core.engine import best_value, evaluate

GATES = ("utilise_logiciel_libre", "ouverture_donnees", "formats_ouverts",
         "initiatives_libres_territoire")
COMMUNE = ident.Identity(nom="Testville", type="commune", population=1200, agents=12)


def answers(identity: ident.Identity = COMMUNE, **values) -> Answers:
    return Answers(2025, identity, {k: Answer(v) for k, v in values.items()})


def test_all_gates_yes_is_eligible() -> None:
    a = evaluate(load_edition(2024), answers(**dict.fromkeys(GATES, True)))
    assert a.verdict == "eligible"
    assert a.level == "1" and a.level_rank == 1


def test_one_listed_criterion_no_is_eligible_with_reservations() -> None:
    """No source makes the four listed criteria a hard gate (« Il n'est pas nécessaire que la
    collectivité soit active dans chacun des champs »; Fleury-les-Aubrais, level 3 in 2017
    without open data): the verdict names the missing one and the jury decides."""
    values = dict.fromkeys(GATES, True) | {"ouverture_donnees": False}
    a = evaluate(load_edition(2024), answers(**values))
    assert a.verdict == "eligible_with_reservations" and a.level == "1"
    assert a.unmet_gates == a.reservations == ("ouverture_donnees",)
    assert [n.key for n in a.reasons] == ["engine.reservation"]
    assert a.reasons[0].params == {"id": "ouverture_donnees"}
    assert evaluate(load_edition(2024), answers(**dict.fromkeys(GATES, True))).reservations == ()
    # two missing and one unanswered: reservations whatever the last answer, which is asked
    partial = {"utilise_logiciel_libre": True, "formats_ouverts": False,
               "initiatives_libres_territoire": False}
    b = evaluate(load_edition(2025), answers(**partial))
    assert b.verdict == "eligible_with_reservations"
    assert b.reservations == ("formats_ouverts", "initiatives_libres_territoire")
    assert b.unanswered_gates == ("ouverture_donnees",)
    assert [n.key for n in b.reasons] == ["engine.gate_unanswered"] + ["engine.reservation"] * 2


def test_hard_gate_no_is_not_eligible_with_reason() -> None:
    """A catalog may still make the listed criteria a hard gate (`eligibility: {hard: true}`),
    where a source shows one."""
    values = dict.fromkeys(GATES, True) | {"ouverture_donnees": False}
    a = evaluate(load_edition(2025)._replace(eligibility_hard=True), answers(**values))
    assert a.verdict == "not_eligible" and a.level is None and a.level_rank == 0
    assert a.unmet_gates == ("ouverture_donnees",) and a.reservations == ()
    assert any(n.params.get("id") == "ouverture_donnees" for n in a.reasons)


def test_unanswered_gate_is_incomplete() -> None:
    values = dict.fromkeys(GATES[:3], True)
    a = evaluate(load_edition(2025), answers(**values))
    assert a.verdict == "incomplete"
    assert a.unanswered_gates == ("initiatives_libres_territoire",)


def test_missing_type_is_incomplete() -> None:
    a = evaluate(load_edition(2025), answers(ident.Identity(nom="X"),
                                             **dict.fromkeys(GATES, True)))
    assert a.verdict == "incomplete"
    assert a.reasons[0].key == "engine.no_type"


def test_private_company_is_not_eligible() -> None:
    company = ident.Identity(nom="Logiciels SARL", type="entreprise")
    a = evaluate(load_edition(2025), answers(company, **dict.fromkeys(GATES, True)))
    assert a.verdict == "not_eligible"
    assert a.reasons[0].key == "engine.private"
    assert a.next_level is None


def test_other_public_body_warned() -> None:
    body = ident.Identity(nom="SITIV", type="syndicat")
    a = evaluate(load_edition(2025), answers(body, **dict.fromkeys(GATES, True)))
    assert a.verdict == "eligible"
    assert any(n.key == "engine.other_public" for n in a.warnings)


def test_everything_met_reaches_top_tier_and_mentions() -> None:
    cat = load_edition(2025)
    values = {c.id: best_value(c) for c in cat.criteria if c.applies("commune")}
    a = evaluate(cat, answers(**values))
    assert a.tier is not None and a.tier.id == "or"
    assert a.next_level is None
    assert {m.id for m in a.mentions} == {"premiere_candidature", "mutualisation", "promotion",
                                          "sobriete"}


def test_previous_label_removes_first_candidacy_mention() -> None:
    labelled = ident.Identity(type="commune", labels=(ident.PreviousLabel(2023, "2"),))
    a = evaluate(load_edition(2025), answers(labelled, **dict.fromkeys(GATES, True)))
    assert "premiere_candidature" not in {m.id for m in a.mentions}


def test_scores_count_only_applicable_criteria() -> None:
    cat = load_edition(2025)
    commune = evaluate(cat, answers())
    region = evaluate(cat, answers(ident.Identity(type="region")))
    soft = {d.id: d for d in commune.domains}["logiciels"]
    soft_region = {d.id: d for d in region.domains}["logiciels"]
    assert soft.possible == soft_region.possible  # one school criterion each
    ids = {r.criterion.id for r in commune.results}
    assert "ecoles_logiciels_libres" in ids and "lycees_logiciels_libres" not in ids


def test_when_hides_unless_condition_holds() -> None:
    cat = load_edition(2025)
    hidden = evaluate(cat, answers(suite_bureautique="proprietaire", part_postes_libreoffice=90))
    shown = evaluate(cat, answers(suite_bureautique="libre", part_postes_libreoffice=90))
    row = {r.criterion.id: r for r in hidden.results}["part_postes_libreoffice"]
    assert not row.visible and row.points == 0
    assert {r.criterion.id: r for r in shown.results}["part_postes_libreoffice"].points > 0


@pytest.mark.parametrize("edition", [2024, 2025])
def test_path_reaches_the_next_tier(edition: int) -> None:
    cat = load_edition(edition)
    start = answers(**dict.fromkeys(GATES, True))
    a = evaluate(cat, start)
    assert a.next_level is not None and a.next_level.reachable
    assert a.next_level.tier.id == cat.tiers[a.level_rank].id
    costs = [s.criterion.cost for s in a.next_level.steps]
    assert costs == sorted(costs)
    done = start
    for step in a.next_level.steps:
        done = done.with_answer(step.criterion.id, Answer(step.target))
    assert evaluate(cat, done).level_rank > a.level_rank


def test_not_eligible_path_starts_with_gates() -> None:
    hard = load_edition(2025)._replace(eligibility_hard=True)
    a = evaluate(hard, answers(**dict.fromkeys(GATES[:3], True),
                               initiatives_libres_territoire=False))
    assert a.next_level is not None
    assert "initiatives_libres_territoire" in {s.criterion.id for s in a.next_level.steps}


def test_inventory_answers_the_free_software_gate() -> None:
    cat = load_edition(2025)
    stock = (InventoryItem("LibreOffice", "libreoffice", True),
             InventoryItem("ArcGIS", "arcgis", False))
    a = evaluate(cat, answers(inventaire_logiciels=stock, **dict.fromkeys(GATES[1:], True)))
    assert a.verdict == "eligible"
    assert any(n.key == "engine.from_inventory" for n in a.warnings)
    only_proprietary = (InventoryItem("ArcGIS", "arcgis", False),)
    b = evaluate(cat, answers(inventaire_logiciels=only_proprietary,
                              **dict.fromkeys(GATES[1:], True)))
    assert b.verdict == "incomplete" and b.unanswered_gates == ("utilise_logiciel_libre",)


def test_open_data_obligation_thresholds() -> None:
    od = ident.open_data_obligation
    assert od(ident.Identity(type="commune", population=3501, agents=50))[0] == "yes"
    # "collectivités territoriales de moins de 3 500 habitants" are exempt (CRPA L. 312-1-1):
    # 3,500 is bound
    assert od(ident.Identity(type="commune", population=3500, agents=500))[0] == "yes"
    assert od(ident.Identity(type="commune", population=3499, agents=500))[0] == "no"
    assert od(ident.Identity(population=100000, agents=49))[0] == "no"
    assert od(ident.Identity(population=100000))[0] == "unknown"
    assert od(ident.Identity(type="commune", population=2000))[0] == "no"
    assert od(ident.Identity())[0] == "unknown"
    # not a collectivité territoriale: only the 50 agents count
    assert od(ident.Identity(type="syndicat", population=2000, agents=60)) == (
        "yes", "identity.od_yes_agents")
    assert od(ident.Identity(type="syndicat", population=2000))[0] == "unknown"


def _random_answers(edition: int):
    cat = load_edition(edition)
    boolean_ids = [c.id for c in cat.criteria if c.type == "boolean"]
    others = [c for c in cat.criteria if c.type != "boolean"]

    def value_for(c):
        if c.type == "choice":
            return st.sampled_from([ch.value for ch in c.choices])
        if c.type == "multi":
            return st.lists(st.sampled_from([ch.value for ch in c.choices]), unique=True,
                            min_size=1)
        if c.type == "number":
            return st.integers(int(c.minimum or 0), int(min(c.maximum or 100, 1000)))
        if c.type == "inventory":
            item = st.builds(InventoryItem, st.text(min_size=1, max_size=5), st.none(),
                             st.sampled_from([True, False, None]))
            return st.lists(item, min_size=1, max_size=20).map(tuple)
        return st.just("https://example.org" if c.type == "url" else "texte")

    bools = st.dictionaries(st.sampled_from(boolean_ids), st.booleans())
    rest = st.fixed_dictionaries({}, optional={c.id: value_for(c) for c in others})
    kinds = st.sampled_from(["commune", "departement", "region", "ctu", "metropole",
                             "syndicat"])
    return cat, st.tuples(bools, rest, kinds, st.sampled_from(boolean_ids))


@pytest.mark.parametrize("edition", [2024, 2025])
def test_adding_a_yes_never_lowers_the_tier(edition: int) -> None:
    cat, strategy = _random_answers(edition)

    @settings(max_examples=150, deadline=None)
    @given(strategy)
    def check(case) -> None:
        bools, rest, kind, flip = case
        base = answers(ident.Identity(type=kind), **bools, **rest)
        before = evaluate(cat, base, with_path=False)
        after = evaluate(cat, base.with_answer(flip, Answer(True)), with_path=False)
        assert after.level_rank >= before.level_rank
        assert after.total_ratio >= before.total_ratio - 1e-9

    check()


def test_random_answers_never_crash_the_path() -> None:
    cat, strategy = _random_answers(2025)

    @settings(max_examples=30, deadline=None)
    @given(strategy)
    def check(case) -> None:
        bools, rest, kind, _ = case
        a = evaluate(cat, answers(ident.Identity(type=kind), **bools, **rest))
        assert a.verdict in ("eligible", "eligible_with_reservations", "not_eligible",
                             "incomplete")
        if a.next_level is not None and a.next_level.reachable:
            assert a.next_level.steps or a.verdict != "eligible"
            # the steps, answers given or improved, reach the tier they aim at
            done = answers(ident.Identity(type=kind), **bools, **rest)
            for step in a.next_level.steps:
                done = done.with_answer(step.criterion.id, Answer(step.target))
            assert evaluate(cat, done, with_path=False).level_rank > a.level_rank

    check()

"""« Non concerné »: accepted only where the catalog allows it, out of the points, never a tier."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tnl_cli.core import answers as ans
from tnl_cli.core import identity as ident
from tnl_cli.core import normalise
from tnl_cli.core.answers import Answer, Answers
from tnl_cli.core.catalog_build import build
from tnl_cli.core.engine import evaluate
from tnl_cli.core.normalise import NOT_CONCERNED
from tnl_cli.errors import AnswersError, CatalogError
from tnl_cli.io import yaml as yamlio
from tnl_cli.loaders.catalogs import load_edition

GATES = ("utilise_logiciel_libre", "ouverture_donnees", "formats_ouverts",
         "initiatives_libres_territoire")
COMMUNE = ident.Identity(nom="Lettret", type="commune", population=196, agents=3)


def _answers(edition: int, identity: ident.Identity = COMMUNE, **values) -> Answers:
    return Answers(edition, identity, {k: Answer(v) for k, v in values.items()})


@pytest.mark.parametrize("edition", [2024, 2025])
def test_catalog_marks_schools_and_procurement(edition: int) -> None:
    catalog = load_edition(edition)
    marked = {c.id for c in catalog.criteria if c.not_concerned}
    assert {"ecoles_logiciels_libres", "clauses_interoperabilite_marches"} <= marked
    assert not any(catalog.by_id[cid].eligibility for cid in marked)
    for tier in catalog.tiers:  # such a criterion never decides a tier
        assert not marked & set(tier.rule.refs() if tier.rule else ())


@pytest.mark.parametrize("text", ["non_concerne", "non concerné", "Non Concerné", "NC", " nc ",
                                  "n/a", "N/A", "non concerne", "not concerned"])
def test_spellings_are_folded(text: str) -> None:
    c = load_edition(2025).by_id["ecoles_logiciels_libres"]
    assert normalise.normalise_value(c, text) == NOT_CONCERNED


def test_refused_where_every_body_is_concerned() -> None:
    catalog = load_edition(2025)
    with pytest.raises(normalise.ValueRefused) as info:
        normalise.normalise_value(catalog.by_id["formats_ouverts"], "nc")
    assert info.value.key == "answers.not_concerned_refused"
    # the message says why, and the accepted answers of a criterion that allows it say how
    problem = ans.refused(catalog.by_id["formats_ouverts"], info.value, "f.yaml", 3)
    assert "non concerné" in problem.render("fr")
    schools = catalog.by_id["ecoles_logiciels_libres"]
    try:
        normalise.normalise_value(schools, "peut-être")
    except normalise.ValueRefused as exc:
        assert "non_concerne" in ans.refused(schools, exc, None, None).render("fr")
        assert "not concerned" in ans.refused(schools, exc, None, None).render("en")


def test_answers_file_and_set(tmp_path: Path) -> None:
    catalog = load_edition(2025)
    f = tmp_path / "r.yaml"
    f.write_text("edition: 2025\ncollectivite: {nom: X, type: commune}\n"
                 "reponses:\n  ecoles_logiciels_libres: non_concerne\n"
                 "  formats_ouverts: non concerné\n", encoding="utf-8")
    with pytest.raises(AnswersError) as info:
        ans.from_document(yamlio.load(f), catalog)
    assert len(info.value.problems) == 1 and info.value.problems[0].line == 5
    f.write_text("edition: 2025\ncollectivite: {nom: X, type: commune}\n"
                 "reponses:\n  ecoles_logiciels_libres: non_concerne\n", encoding="utf-8")
    answers, _ = ans.from_document(yamlio.load(f), catalog)
    assert answers.value("ecoles_logiciels_libres") == NOT_CONCERNED
    answers = ans.apply_override(answers, catalog, "clauses_interoperabilite_marches=n/a")
    assert answers.value("clauses_interoperabilite_marches") == NOT_CONCERNED
    with pytest.raises(AnswersError):
        ans.apply_override(answers, catalog, "formats_ouverts=nc")
    doc = ans.to_document(answers, catalog, "test")  # written back as the stored word
    assert doc["reponses"]["ecoles_logiciels_libres"] == "non_concerne"


@pytest.mark.parametrize("edition", [2024, 2025])
def test_not_concerned_leaves_points_obtained_and_possible(edition: int) -> None:
    catalog = load_edition(edition)
    base = dict.fromkeys(GATES, True)
    plain = evaluate(catalog, _answers(edition, **base))
    no = evaluate(catalog, _answers(edition, **base, ecoles_logiciels_libres=False))
    nc = evaluate(catalog, _answers(edition, **base, ecoles_logiciels_libres=NOT_CONCERNED))
    soft = {d.id: d for d in plain.domains}["logiciels"]
    soft_no = {d.id: d for d in no.domains}["logiciels"]
    soft_nc = {d.id: d for d in nc.domains}["logiciels"]
    assert soft_no.possible == soft.possible and soft_no.points == soft.points
    assert soft_nc.possible == soft.possible - 2 and soft_nc.points == soft.points
    assert soft_nc.applicable == soft.applicable - 1 and soft_nc.not_concerned == 1
    assert nc.total_ratio > no.total_ratio
    row = {r.criterion.id: r for r in nc.results}["ecoles_logiciels_libres"]
    assert row.status == "not_concerned" and not row.met and row.points == 0
    assert [r.criterion.id for r in nc.not_concerned] == ["ecoles_logiciels_libres"]
    # listed apart: not among the unanswered, not proposed on the path
    assert nc.unanswered == plain.unanswered - 1
    assert nc.next_level is not None
    assert "ecoles_logiciels_libres" not in {s.criterion.id for s in nc.next_level.steps}


def test_territory_type_decides_before_the_answer() -> None:
    """A département has no école, a commune no collège: those criteria do not apply at all."""
    catalog = load_edition(2025)
    dep = evaluate(catalog, _answers(2025, ident.Identity(type="departement"),
                                     **dict.fromkeys(GATES, True)))
    ids = {r.criterion.id for r in dep.results}
    assert "ecoles_logiciels_libres" not in ids and "colleges_logiciels_libres" in ids
    commune = evaluate(catalog, _answers(2025, **dict.fromkeys(GATES, True)))
    ids = {r.criterion.id for r in commune.results}
    assert "colleges_logiciels_libres" not in ids and "lycees_logiciels_libres" not in ids


def _catalog_text(tier_rule: str, flag: str = "not_concerned: true") -> str:
    return f"""
edition: 2030
title: {{fr: T, en: T}}
scheme: {{fr: S, en: S}}
domains:
  - {{id: d, name: {{fr: D, en: D}}}}
eligibility: {{rule: {{met: gate}}}}
tiers:
  - {{id: "1", name: {{fr: Un, en: One}}, description: {{fr: x, en: x}}, rule: {tier_rule}}}
criteria:
  - {{id: gate, domain: d, type: boolean, eligibility: true, points: 1, effort: faible,
     question: {{fr: q, en: q}}, help: {{fr: h, en: h}}, recommendation: {{fr: r, en: r}}}}
  - {{id: school, domain: d, type: boolean, {flag}, points: 1, effort: faible,
     question: {{fr: q, en: q}}, help: {{fr: h, en: h}}, recommendation: {{fr: r, en: r}}}}
"""


def test_catalog_refuses_a_tier_decided_by_an_optional_criterion(tmp_path: Path) -> None:
    f = tmp_path / "2030.yaml"
    f.write_text(_catalog_text("{met: school}"), encoding="utf-8")
    with pytest.raises(CatalogError) as info:
        build(yamlio.load(f))
    assert [p.key for p in info.value.problems] == ["catalog.not_concerned_in_rule"]
    f.write_text(_catalog_text("{score: {min: 0.5}}"), encoding="utf-8")
    assert build(yamlio.load(f)).by_id["school"].not_concerned
    f.write_text(_catalog_text("{score: {min: 0.5}}", "not_concerned: oui"), encoding="utf-8")
    with pytest.raises(CatalogError):
        build(yamlio.load(f))


def test_json_and_terminal(run, tmp_path: Path) -> None:
    f = tmp_path / "r.yaml"
    f.write_text("edition: 2025\ncollectivite: {nom: Lettret, type: commune, population: 196,"
                 " agents: 3}\nreponses:\n  utilise_logiciel_libre: oui\n  ouverture_donnees: oui\n"
                 "  formats_ouverts: oui\n  initiatives_libres_territoire: oui\n"
                 "  ecoles_logiciels_libres: nc\n", encoding="utf-8")
    result = run("assess", "--answers", str(f), "--format", "json")
    data = json.loads(result.out)
    assert data["not_concerned"][0]["id"] == "ecoles_logiciels_libres"
    soft = next(d for d in data["domains"] if d["id"] == "logiciels")
    assert soft["not_concerned"] == 1
    shown = run("assess", "--answers", str(f))
    assert "Non concerné : Les écoles" in shown.out


@pytest.mark.parametrize("text", ["(nc)", "n.a", "nc?", "non-concerné"])
def test_other_spellings_are_not_guessed(text: str) -> None:
    c = load_edition(2025).by_id["ecoles_logiciels_libres"]
    with pytest.raises(normalise.ValueRefused):
        normalise.normalise_value(c, text)

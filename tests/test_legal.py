"""Legal items: force and scope per text, statuses at and around every threshold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tnl_cli.core import identity as ident
from tnl_cli.core import legal
from tnl_cli.core.answers import NOT_CONCERNED, Answer, Answers
from tnl_cli.core.catalog import load_edition
from tnl_cli.core.engine import evaluate
from tnl_cli.report.assessment import to_dict


def _status(edition: int, criterion: str, value=True, **who) -> tuple[str, str | None]:
    catalog = load_edition(edition)
    identity = ident.Identity(nom="X", **who)
    responses = {} if value is None else {criterion: Answer(value)}
    if criterion in ("licence_donnees",):
        responses["ouverture_donnees"] = Answer(True)
    a = evaluate(catalog, Answers(edition, identity, responses), with_path=False)
    found = {i.criterion.id: i for i in legal.items(catalog, a.results, identity)}
    item = found[criterion]
    return item.status, item.reason_key


# -- loi REEN n° 2021-1485 art. 35: communes and EPCI à fiscalité propre > 50,000, 1 Jan 2025

@pytest.mark.parametrize("kind", ["commune", "communaute_communes", "communaute_agglomeration",
                                  "communaute_urbaine", "metropole"])
def test_reen_binds_communes_and_epci_of_more_than_50000(kind: str) -> None:
    assert _status(2025, "strategie_numerique_responsable", True, type=kind,
                   population=50_001)[0] == "met"
    assert _status(2025, "strategie_numerique_responsable", False, type=kind,
                   population=50_001)[0] == "unmet"
    assert _status(2025, "strategie_numerique_responsable", None, type=kind,
                   population=900_000)[0] == "unanswered"
    # "plus de 50 000 habitants": 50,000 itself is not bound
    assert _status(2025, "strategie_numerique_responsable", False, type=kind,
                   population=50_000) == ("not_applicable", "legal.population_over")
    assert _status(2025, "strategie_numerique_responsable", False, type=kind,
                   population=196) == ("not_applicable", "legal.population_over")


def test_reen_other_bodies_and_missing_population() -> None:
    for kind in ("departement", "region", "ctu", "syndicat"):
        assert _status(2025, "strategie_numerique_responsable", False, type=kind,
                       population=1_000_000) == ("not_applicable", "legal.not_type")
    assert _status(2025, "strategie_numerique_responsable", False, type="commune") == (
        "unknown", "legal.unknown_population_over")


def test_reen_not_yet_due_at_the_2024_deadline() -> None:
    """The strategy is due on 1 January 2025; the 2024 edition closed on 8 November 2024."""
    assert _status(2024, "demarche_sobriete_numerique", False, type="commune",
                   population=500_000) == ("not_applicable", "legal.not_yet")


# -- open data by default: CRPA L. 312-1-1 (< 3,500 inhabitants exempt), D. 312-1-1-1 (50 FTE)

@pytest.mark.parametrize(("population", "agents", "status"), [
    (3_499, 500, "not_applicable"), (3_500, 50, "unmet"), (3_501, 49, "not_applicable"),
    (3_500, 49.5, "not_applicable"), (100_000, 50, "unmet"), (196, None, "not_applicable"),
    (None, 10, "not_applicable"), (None, 50, "unknown"), (5_000, None, "unknown"),
])
def test_open_data_by_default_thresholds(population, agents, status) -> None:
    got = _status(2025, "obligation_open_data_defaut", False, type="commune",
                  population=population, agents=agents)[0]
    assert got == status
    engine_view = ident.open_data_obligation(ident.Identity(population=population,
                                                           agents=agents))[0]
    assert engine_view == {"unmet": "yes", "not_applicable": "no", "unknown": "unknown"}[status]


# -- accessibility: art. 47 loi 2005-102, décret 2019-768: every public body, any size

@pytest.mark.parametrize("criterion", ["declaration_accessibilite",
                                       "schema_pluriannuel_accessibilite",
                                       "plan_annuel_accessibilite",
                                       "mention_accessibilite_accueil"])
@pytest.mark.parametrize("edition", [2024, 2025])
def test_accessibility_binds_every_body(criterion: str, edition: int) -> None:
    for kind, population in (("commune", 196), ("region", 6_000_000), ("syndicat", None)):
        assert _status(edition, criterion, False, type=kind, population=population,
                       agents=1)[0] == "unmet"


def test_agec_binds_collectivities_and_their_groupings_only() -> None:
    assert _status(2025, "reemploi_equipements", False, type="commune", population=10)[0] == \
        "unmet"
    assert _status(2025, "reemploi_equipements", False, type="etablissement_public") == (
        "not_applicable", "legal.not_type")


# -- recommendations: never breaches

@pytest.mark.parametrize("edition", [2024, 2025])
def test_article_16_and_rgi_are_recommendations(edition: int) -> None:
    catalog = load_edition(edition)
    forces = {c.id: c.law.force for c in catalog.criteria if c.law}
    for cid in ("formats_ouverts", "clauses_interoperabilite_marches", "utilise_logiciel_libre",
                "format_bureautique_defaut"):
        assert forces[cid] == "recommendation", cid
    for cid in ("declaration_accessibilite", "obligation_open_data_defaut", "licence_donnees",
                "licence_code_publie", "echanges_formats_ouverts"):
        assert forces[cid] == "obligation", cid
    # every legal item names its text
    assert all(c.legal for c in catalog.criteria if c.law)


def test_rgi_follows_odf_only() -> None:
    assert _status(2025, "format_bureautique_defaut", "odf", type="commune")[0] == "met"
    assert _status(2025, "format_bureautique_defaut", "ooxml", type="commune")[0] == "unmet"


def test_licences_follow_the_decree_list() -> None:
    assert _status(2025, "licence_donnees", "odbl", type="commune")[0] == "met"
    assert _status(2025, "licence_donnees", "autre", type="commune")[0] == "unmet"


def test_not_concerned_is_not_applicable() -> None:
    assert _status(2025, "clauses_interoperabilite_marches", NOT_CONCERNED,
                   type="commune") == ("not_applicable", "legal.not_concerned")


def test_json_lettret(run, tmp_path: Path) -> None:
    f = tmp_path / "lettret.yaml"
    f.write_text("edition: 2025\ncollectivite: {nom: Lettret, type: commune, population: 196,"
                 " agents: 3}\nreponses:\n  strategie_numerique_responsable: non\n"
                 "  obligation_open_data_defaut: non\n  clauses_interoperabilite_marches: oui\n"
                 "  format_bureautique_defaut: ooxml\n", encoding="utf-8")
    data = json.loads(run("assess", "--answers", str(f), "--format", "json").out)
    obligations = {o["id"]: o for o in data["legal"]["obligations"]}
    reen = obligations["strategie_numerique_responsable"]
    assert reen["status"] == "not_applicable"
    assert reen["reason"] == ("196 habitants : l'obligation vise les collectivités de plus de "
                              "50\u202f000 habitants")
    assert reen["scope"]["population_over"] == 50000 and reen["scope"]["since"] == "2025-01-01"
    assert reen["force"] == "obligation" and "2021-1485" in reen["source"]
    assert obligations["obligation_open_data_defaut"]["status"] == "not_applicable"
    recommendations = {o["id"]: o for o in data["legal"]["recommendations"]}
    assert "clauses_interoperabilite_marches" not in obligations
    assert recommendations["clauses_interoperabilite_marches"]["status"] == "met"
    assert recommendations["format_bureautique_defaut"]["status"] == "unmet"
    out = run("assess", "--answers", str(f)).out.replace("\n", " ")
    obligations_part = out.split("Obligations légales")[1].split("Recommandations de la loi")[0]
    assert "marchés publics" not in obligations_part  # a recommendation, shown apart
    assert "pas encore suivie : Quel format d'enregistrement" in out
    assert "Ne s'applique pas : Avez-vous adopté une stratégie numérique responsable" in out


def test_statuses_are_the_documented_ones() -> None:
    catalog = load_edition(2025)
    identity = ident.Identity(type="commune", population=60_000, agents=900)
    a = evaluate(catalog, Answers(2025, identity, {}), with_path=False)
    data = to_dict(a, catalog, Answers(2025, identity, {}), "fr")
    for item in data["legal"]["obligations"] + data["legal"]["recommendations"]:
        assert item["status"] in legal.STATUSES

"""Legal items: force and scope per text, statuses at and around every threshold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tnl_cli.core import identity as ident
from tnl_cli.core import legal
from tnl_cli.core.answers import Answer, Answers
from tnl_cli.core.engine import evaluate
from tnl_cli.core.normalise import NOT_CONCERNED
from tnl_cli.loaders.catalogs import load_edition
from tnl_cli.report.assessment import to_dict


def _status(edition: int, criterion: str, value=True, **who) -> tuple[str, str | None]:
    catalog = load_edition(edition)
    identity = ident.Identity(nom="X", **who)
    responses = {} if value is None else {criterion: Answer(value)}
    if criterion in ("licence_donnees",):
        responses["ouverture_donnees"] = Answer(True)
    if criterion in ("licence_code_publie",):
        responses["code_publie"] = Answer(True)
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


@pytest.mark.parametrize(("population", "status"), [
    (50_000, "not_applicable"), (50_001, "unmet"), (500_000, "unmet")])
def test_reen_2024_work_programme_due_since_1_january_2023(population, status) -> None:
    """Loi 2021-1485 art. 35: the work programme is due by 1 January 2023, the strategy by
    1 January 2025; the 2024 edition closed on 8 November 2024: the programme binds."""
    got = _status(2024, "demarche_sobriete_numerique", False, type="commune",
                  population=population)
    assert got[0] == status
    law = load_edition(2024).by_id["demarche_sobriete_numerique"].law
    assert law.since == "2023-01-01"
    source = load_edition(2024).by_id["demarche_sobriete_numerique"].legal["fr"]
    assert "1er janvier 2023" in source and "1er janvier 2025" in source


@pytest.mark.parametrize(("on", "expected"), [
    ("2022-12-31", ("not_applicable", "legal.not_yet")), ("2023-01-01", (None, None)),
    ("2023-01-02", (None, None))])
def test_reen_work_programme_date_boundary(on, expected) -> None:
    law = load_edition(2024).by_id["demarche_sobriete_numerique"].law
    who = ident.Identity(type="metropole", population=60_000)
    assert legal.scope_status(law, who, on)[:2] == expected


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
    engine_view = ident.open_data_obligation(ident.Identity(type="commune",
                                                           population=population,
                                                           agents=agents))[0]
    assert engine_view == {"unmet": "yes", "not_applicable": "no", "unknown": "unknown"}[status]


# « collectivités territoriales de moins de 3 500 habitants » (CRPA L. 312-1-1): an EPCI or a
# syndicat is no collectivité territoriale; only the 50-agent threshold (D. 312-1-1-1) spares it

@pytest.mark.parametrize("kind", ["syndicat", "communaute_communes", "etablissement_public",
                                  "association_collectivites"])
@pytest.mark.parametrize(("population", "agents", "status"), [
    (2_000, 60, "unmet"), (3_499, 50, "unmet"), (196, 49, "not_applicable"),
    (None, 60, "unmet"), (2_000, None, "unknown"), (100_000, 50, "unmet")])
@pytest.mark.parametrize("edition", [2024, 2025])
def test_open_data_population_exemption_is_for_collectivites_territoriales_only(
        kind, population, agents, status, edition) -> None:
    got = _status(edition, "obligation_open_data_defaut", False, type=kind,
                  population=population, agents=agents)
    assert got[0] == status, got
    engine_view = ident.open_data_obligation(ident.Identity(type=kind, population=population,
                                                           agents=agents))[0]
    assert engine_view == {"unmet": "yes", "not_applicable": "no", "unknown": "unknown"}[status]


@pytest.mark.parametrize("kind", ["commune", "departement", "region", "ctu"])
def test_open_data_population_exemption_still_covers_territorial_authorities(kind) -> None:
    assert _status(2025, "obligation_open_data_defaut", False, type=kind, population=3_499,
                   agents=60) == ("not_applicable", "legal.population_min")
    assert _status(2025, "obligation_open_data_defaut", False, type=kind, population=3_500,
                   agents=60)[0] == "unmet"


def test_open_data_type_unknown_below_3500_with_50_agents_is_to_check() -> None:
    assert _status(2025, "obligation_open_data_defaut", False, population=2_000,
                   agents=60) == ("unknown", "legal.unknown_type_population")
    # a known exclusion still wins: under 50 agents, whatever the type
    assert _status(2025, "obligation_open_data_defaut", False, population=2_000,
                   agents=49) == ("not_applicable", "legal.agents_min")
    assert ident.open_data_obligation(ident.Identity(population=2_000, agents=60)) == (
        "unknown", "identity.od_unknown_type")


def test_a_60_agent_syndicat_is_told_the_obligation_binds_it(run, tmp_path: Path) -> None:
    f = tmp_path / "syndicat.yaml"
    f.write_text("edition: 2025\ncollectivite: {nom: SIVU, type: syndicat, population: 2000,"
                 " agents: 60}\nreponses:\n  obligation_open_data_defaut: non\n",
                 encoding="utf-8")
    data = json.loads(run("assess", "--answers", str(f), "--format", "json").out)
    assert data["legal"]["open_data"]["status"] == "yes"
    assert "pas un EPCI, un syndicat" in data["legal"]["open_data"]["text"]
    item = {o["id"]: o for o in data["legal"]["obligations"]}["obligation_open_data_defaut"]
    assert item["status"] == "unmet"
    assert item["scope"]["population_types"] == ["commune", "ctu", "departement", "region"]
    out = run("assess", "--answers", str(f)).out.replace("\n", " ")
    assert "Pas d'obligation légale d'ouverture" not in out
    assert "NON RESPECTÉE" in out.split("Publiez-vous vos principaux documents")[1][:80]


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
    assert _status(2025, "reemploi_equipements", 0, type="commune", population=10)[0] == \
        "unmet"
    assert _status(2025, "reemploi_equipements", 0, type="etablissement_public") == (
        "not_applicable", "legal.not_type")


# -- loi AGEC art. 58: a share of yearly purchases, 20 to 100 % by product (the law's floor)

@pytest.mark.parametrize(("share", "status", "key", "points"), [
    (0, "unmet", "legal.share_below", 0), (19.9, "unmet", "legal.share_below", 0),
    (20, "met", "legal.share_at_least", 1), (20.1, "met", "legal.share_at_least", 1),
    (100, "met", "legal.share_at_least", 1)])
def test_agec_share_against_the_law_figure(share, status, key, points) -> None:
    assert _status(2025, "reemploi_equipements", share, type="syndicat") == (status, key)
    catalog = load_edition(2025)
    c = catalog.by_id["reemploi_equipements"]
    assert c.type == "number" and c.law.met_min == 20 and c.points == 1
    identity = ident.Identity(nom="X", type="commune")
    a = evaluate(catalog, Answers(2025, identity, {c.id: Answer(share)}), with_path=False)
    assert next(r for r in a.results if r.criterion.id == c.id).points == points


def test_agec_reason_names_the_share_and_the_exception(run, tmp_path: Path) -> None:
    assert _status(2025, "reemploi_equipements", None, type="commune")[0] == "unanswered"
    f = tmp_path / "agec.yaml"
    f.write_text("edition: 2025\ncollectivite: {nom: X, type: commune, population: 9000,"
                 " agents: 90}\nreponses:\n  reemploi_equipements: 12\n", encoding="utf-8")
    data = json.loads(run("assess", "--answers", str(f), "--format", "json").out)
    item = {o["id"]: o for o in data["legal"]["obligations"]}["reemploi_equipements"]
    assert item["status"] == "unmet" and item["scope"]["met_min"] == 20
    assert item["reason"] == "12 % déclarés, sous les 20 % au moins demandés par le texte"
    assert "2024-134" in item["source"] and "à vérifier" in item["source"]
    assert "sauf contraintes techniques significatives" in item["source"]
    out = run("assess", "--answers", str(f)).out.replace("\n", " ")
    assert "NON RESPECTÉE : 12 % déclarés, sous les 20 %" in out
    # a yes/no answer from an older file is refused with the question named, not guessed
    f.write_text(f.read_text(encoding="utf-8").replace(": 12", ": oui"), encoding="utf-8")
    bad = run("assess", "--answers", str(f))
    assert bad.code == 2 and "reemploi_equipements" in bad.err and "Traceback" not in bad.err


# -- licences: CRPA L. 323-2 (optional), D. 323-2-1 as amended by décret 2021-1559

@pytest.mark.parametrize("edition", [2024, 2025])
@pytest.mark.parametrize(("value", "status"), [
    ("permissive", "met"), ("reciproque", "met"), ("autre", "unmet"),
    ("aucune", "not_applicable")])
def test_code_licence_statuses(edition, value, status) -> None:
    got = _status(edition, "licence_code_publie", value, type="commune")
    assert got[0] == status
    assert got[1] == ("legal.no_duty" if value == "aucune" else None)


@pytest.mark.parametrize("edition", [2024, 2025])
def test_licence_list_is_the_amended_decree_and_labels_match_it(edition) -> None:
    catalog = load_edition(edition)
    c = catalog.by_id["licence_code_publie"]
    rule = next(ch for ch in catalog.legal_checks if ch.criterion == c.id).text["fr"]
    rule_one_line = " ".join(rule.split())
    reciprocal = c.choice("reciproque").label["fr"]
    for name in ("European Union Public Licence", "Eclipse Public License", "2021-1559"):
        assert name in rule_one_line, name
    for name in ("CeCILL", "CeCILL-C", "GNU GPL", "LGPL", "AGPL", "Mozilla Public License",
                 "EUPL", "Eclipse Public License"):
        assert name in reciprocal, name
        assert name.replace("EUPL", "European Union Public Licence") in rule_one_line, name
    for name in ("Apache", "BSD", "CeCILL-B", "MIT"):
        assert name in c.choice("permissive").label["fr"] and name in rule_one_line
    assert "2021-1559" in c.legal["fr"] and "L. 323-2" in c.legal["fr"]


def test_no_licence_stated_is_not_a_breach(run, tmp_path: Path) -> None:
    f = tmp_path / "code.yaml"
    f.write_text("edition: 2025\ncollectivite: {nom: X, type: commune, population: 9000,"
                 " agents: 90}\nreponses:\n  code_publie: oui\n  licence_code_publie: aucune\n"
                 "  ouverture_donnees: oui\n  licence_donnees: aucune\n", encoding="utf-8")
    data = json.loads(run("assess", "--answers", str(f), "--format", "json").out)
    obligations = {o["id"]: o for o in data["legal"]["obligations"]}
    for cid in ("licence_code_publie", "licence_donnees"):
        assert obligations[cid]["status"] == "not_applicable"
        assert "la loi n'impose pas d'indiquer une licence" in obligations[cid]["reason"]
        assert obligations[cid]["reason"].startswith("« Aucune licence indiquée » :")
    assert {c["id"]: c["status"] for c in data["legal"]["checks"]} == {
        "licence_donnees": "not_required", "licence_code": "not_required"}
    out = run("assess", "--answers", str(f)).out.replace("\n", " ")
    assert "Non conforme" not in out and "Pas d'obligation : Aucune licence indiquée" in out
    en = json.loads(run("assess", "--answers", str(f), "--format", "json", "--lang",
                        "en").out)
    reason = {o["id"]: o for o in en["legal"]["obligations"]}["licence_code_publie"]["reason"]
    assert reason.startswith("'No licence stated': the law does not require a licence")


# -- accessibility sanctions: art. 47-1 of loi 2005-102 (ordonnance 2023-859)

@pytest.mark.parametrize("edition", [2024, 2025])
def test_accessibility_sanctions_are_the_two_separate_caps(edition) -> None:
    catalog = load_edition(edition)
    text = Path(catalog.source).read_text(encoding="utf-8")
    assert "75 000" not in text and "75,000" not in text
    for cid in ("declaration_accessibilite", "schema_pluriannuel_accessibilite",
                "plan_annuel_accessibilite", "mention_accessibilite_accueil"):
        source = " ".join(catalog.by_id[cid].legal["fr"].split())
        assert "25 000 € au plus pour la déclaration, le schéma ou la mention" in source, cid
        assert "50 000 € au plus pour un service non accessible" in source, cid
        assert "2023-859" in source and "47-1" in source
    help_fr = " ".join(catalog.by_id["declaration_accessibilite"].help["fr"].split())
    assert "8 septembre 2023" in help_fr and "mise en demeure" in help_fr


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


def test_open_data_with_only_agents_known_is_to_check_not_binding() -> None:
    # type and population both unknown: the body may be a commune the 3,500 threshold exempts
    assert _status(2025, "obligation_open_data_defaut", False, agents=100) == (
        "unknown", "legal.unknown_population_min")
    assert ident.open_data_obligation(ident.Identity(agents=100))[0] == "unknown"

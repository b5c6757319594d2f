"""Tier rules that follow the label's published wording, the 2025 Badge track, the questions
the label asks, and the calibration profiles (tests/fixtures/profiles)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tnl_cli import resources
from tnl_cli.core import answers as ans
from tnl_cli.core import identity as ident
from tnl_cli.core.answers import Answer, Answers
from tnl_cli.core.catalog import load_edition
from tnl_cli.core.engine import evaluate

PROFILES = Path(__file__).resolve().parent / "fixtures" / "profiles"
GATES = dict.fromkeys(("utilise_logiciel_libre", "ouverture_donnees", "formats_ouverts",
                       "initiatives_libres_territoire"), True)
TOWN = ident.Identity(nom="Boé-like", type="commune", population=5_700, agents=120)

# A Boé-like town (level 5 in 2024): « 95 % de son parc sous Linux/Ubuntu et 100 % des postes
# [sous] LibreOffice », a council resolution, community involvement, promotion, a data policy;
# no pooling, no open data by default, no SCDL.
BOE = {**GATES, "suite_bureautique": "libre", "part_postes_libreoffice": 100,
       "part_postes_os_libre": 95, "format_bureautique_defaut": "odf",
       "deliberation_logiciel_libre": True, "contributions_projets": ["signalements", "code"],
       "communication_libre_usagers": True, "evenements_libres": True,
       "gouvernance_donnees": True, "logiciels_metiers_libres": True,
       "mutualisation_collectivites": False, "adhesion_structure_mutualisation": False,
       "obligation_open_data_defaut": False, "socle_commun_donnees_locales": False,
       "enjeux_strategie": ["souverainete", "maitrise_couts", "perennite"],
       "logiciels_libres_utilises": ["navigateur", "messagerie", "sig"],
       "echanges_formats_ouverts": True, "declaration_accessibilite": True,
       "nombre_jeux_donnees": 12, "licence_donnees": "licence_ouverte_2",
       "url_portail_open_data": "https://data.example.org", "acteurs_locaux_libre": True,
       "schema_directeur_numerique": True, "strategie_migration": True,
       "portage_interne": ["elus", "dsi"], "bilan_annuel": True, "agents_formes": 40,
       "sensibilisation_agents": True, "partage_retours_experience": True,
       "schema_pluriannuel_accessibilite": True, "mention_accessibilite_accueil": True,
       "donnees_documentees_a_jour": True}


def _level(edition: int, identity: ident.Identity = TOWN, **values) -> str | None:
    catalog = load_edition(edition)
    answers = Answers(edition, identity, {k: Answer(v) for k, v in values.items()})
    return evaluate(catalog, answers, with_path=False).level


@pytest.mark.parametrize("edition", [2024, 2025])
def test_every_tier_condition_quotes_the_wording(edition: int) -> None:
    """Each tier rule stands beside the organisers' phrase it renders (a YAML comment)."""
    text = (resources.criteria_dir() / f"{edition}.yaml").read_text(encoding="utf-8")
    tiers = text.split("\ntiers:\n")[1].split("\nlegal_checks:\n")[0].split("\nmentions:\n")[0]
    for block in re.split(r"\n  - id: ", tiers)[1:]:
        if "    rule:" in block:
            rule = block.split("    rule:")[1]
            assert "« " in rule, block.splitlines()[0]


def test_boe_like_town_reaches_the_top() -> None:
    assert _level(2024, **BOE) == "5"
    assert _level(2025, **BOE) == "or"


def test_desktop_figures_reach_the_top_of_the_software_domain() -> None:
    """95 % Linux, 100 % LibreOffice: the « niveau élevé d'utilisation » of level 5 holds from
    those answers alone; take them away and the same town stops below."""
    without = {**BOE, "part_postes_os_libre": 2, "part_postes_libreoffice": 30,
               "suite_bureautique": "mixte"}
    assert _level(2024, **without) in ("2", "3", "4")
    catalog = load_edition(2024)
    soft = catalog.by_id
    assert soft["part_postes_os_libre"].points >= max(
        c.points for c in catalog.criteria if c.domain == "logiciels" and c.type != "multi")


def test_level_4_asks_no_open_data_by_default_nor_scdl() -> None:
    town = {**BOE, "gouvernance_donnees": False, "part_postes_os_libre": 0}
    assert _level(2024, **town) == "4"  # open data "in any form": the gate is enough


def test_level_5_asks_no_pooling() -> None:
    assert BOE["mutualisation_collectivites"] is False
    assert _level(2024, **BOE) == "5"


@pytest.mark.parametrize(("missing", "level"), [
    # « une implication avérée dans la communauté du libre » (5) and « initiatives régulières
    # en terme de développement » (4): neither contributions nor published code
    ({"contributions_projets": None, "code_publie": False}, "3"),
    # « une politique volontariste d'ouverture des données »
    ({"gouvernance_donnees": False}, "4"),
    # « stratégie politique volontariste »: no strategy, no level 4 (level 5 failing too)
    ({"deliberation_logiciel_libre": False, "schema_directeur_numerique": False,
      "strategie_migration": False, "gouvernance_donnees": False}, "3"),
    # « une volonté d'implication dans l'écosystème »: none of its forms, no level 3
    ({"contributions_projets": None, "acteurs_locaux_libre": False,
      "evenements_libres": False, "partage_retours_experience": False}, "2"),
])
def test_each_phrase_is_required(missing: dict, level: str) -> None:
    town = {k: v for k, v in {**BOE, **missing}.items() if v is not None}
    assert _level(2024, **town) == level


# -- the 2025 Badge: a track apart


def _badge(values: dict, identity: ident.Identity = TOWN):
    catalog = load_edition(2025)
    return evaluate(catalog, Answers(2025, identity, {k: Answer(v) for k, v in
                                                      values.items()}), with_path=False)


def test_badge_on_the_gates_and_the_ten_answers() -> None:
    catalog = load_edition(2025)
    form = next(f for f in catalog.forms if f.id == "badge").criteria
    assert len(form) == 10 and set(GATES) <= set(form)
    full = {cid: (GATES.get(cid) or ans.normalise_value(catalog.by_id[cid], "non")
                  if catalog.by_id[cid].type == "boolean" else None) for cid in form}
    full.update({"suite_bureautique": "proprietaire", "logiciels_libres_utilises": ["sig"],
                 "url_portail_open_data": "https://data.example.org"})
    a = _badge(full)
    assert a.badge is True and a.level is None  # the Badge without any Label tier
    assert _badge({k: v for k, v in full.items() if k != "suite_bureautique"}).badge is False
    # granted « sur complétion d'un formulaire simplifié »: a listed criterion unmet is a
    # reservation, not a reason to withhold it
    reserved = _badge({**full, "formats_ouverts": False})
    assert reserved.badge is True and reserved.verdict == "eligible_with_reservations"
    hard = evaluate(load_edition(2025)._replace(eligibility_hard=True),
                    Answers(2025, TOWN, {k: Answer(v) for k, v in
                                         {**full, "formats_ouverts": False}.items()}))
    assert hard.verdict == "not_eligible" and hard.badge is False  # where a gate is hard
    unbadged = _badge({k: v for k, v in BOE.items() if k != "declaration_accessibilite"})
    assert unbadged.level == "or" and unbadged.badge is False  # not a prerequisite
    assert evaluate(load_edition(2024), Answers(2024, TOWN, {})).badge is None


def test_badge_json_and_report(run, tmp_path: Path) -> None:
    f = tmp_path / "r.yaml"
    f.write_text("edition: 2025\ncollectivite: {nom: X, type: commune}\nreponses:\n"
                 + "".join(f"  {k}: oui\n" for k in GATES), encoding="utf-8")
    data = json.loads(run("assess", "--answers", str(f), "--format", "json").out)
    assert data["badge"] is False and data["level"] is None
    assert len(data["badge_missing"]) == 6
    out = run("assess", "--answers", str(f)).out
    assert "Badge (estimation) : pas encore (6 question(s)" in out.replace("\n", " ")
    assert data["estimation"] == {"level": True, "badge": True}


def test_criteria_list_form_badge(run) -> None:
    listed = json.loads(run("criteria", "list", "--form", "badge", "--format", "json").out)
    form = next(f for f in load_edition(2025).forms if f.id == "badge").criteria
    assert [c["id"] for c in listed] == list(form)
    text = run("criteria", "list", "--form", "badge").out
    assert "deliberation_logiciel_libre" in text and "gouvernance_donnees" not in text
    bad = run("criteria", "list", "--form", "nope")
    assert bad.code == 2 and "badge" in bad.err


def test_badge_questions_are_said_to_be_a_guess() -> None:
    text = (resources.criteria_dir() / "2025.yaml").read_text(encoding="utf-8")
    assert "informed guess" in text.split("forms:")[1][:600]


# -- the questions the label asks


@pytest.mark.parametrize("edition", [2024, 2025])
def test_questions_the_label_asks(edition: int) -> None:
    catalog = load_edition(edition)
    for cid in ("portage_interne", "bilan_annuel", "pacte_logiciel_libre"):
        c = catalog.by_id[cid]
        assert c.domain == "strategie"
        for text in (c.question, c.help, c.recommendation):
            assert text["fr"] and text["en"] and text["fr"] != text["en"]
    data = catalog.domain("donnees").name
    assert (data["fr"], data["en"]) == ("Gestion des données publiques", "Data management")


# -- calibration profiles: level and range, after issue 21 (bench/bench_profiles.py prints them)

CALIBRATION = {  # file: {edition: (verdict, level, low, high)}
    "rural.yaml": {2024: ("eligible", "3", "3", "5"),
                   2025: ("eligible", "bronze", "bronze", "or")},
    "ville-strategie.yaml": {2024: ("eligible", "4", "4", "5"),
                             2025: ("eligible", "argent", "argent", "or")},
    # a mixed desktop (30 % LibreOffice): no « usage avancé », initiatives of level 2
    "metropole.yaml": {2024: ("eligible", "2", "2", "4"),
                       2025: ("eligible", "bronze", "bronze", "argent")},
    # everything answered: the range is the level; the path raises 72 % to 90 % (item 7)
    "bureautique-72.yaml": {2024: ("eligible", "4", "4", "4"),
                            2025: ("eligible", "argent", "argent", "argent")},
    # a strong software record, little else: level 2 (it was held at level 1)
    "logiciels-forts.yaml": {2024: ("eligible", "2", "2", "5"),
                             2025: ("eligible", "bronze", "bronze", "or")},
    # Fleury-les-Aubrais, level 3 in 2017 without open data (it was "not eligible")
    "sans-open-data.yaml": {2024: ("eligible_with_reservations", "3", "3", "5"),
                            2025: ("eligible_with_reservations", "bronze", "bronze", "or")},
    # 400 inhabitants, no open-data duty, the Badge form answered in full
    "petite-commune-badge.yaml": {2024: ("eligible_with_reservations", "2", "2", "5"),
                                  2025: ("eligible_with_reservations", "bronze", "bronze",
                                         "or")},
}
BADGE = {"rural.yaml": False, "ville-strategie.yaml": True, "metropole.yaml": True,
         "bureautique-72.yaml": False, "logiciels-forts.yaml": False,
         "sans-open-data.yaml": False, "petite-commune-badge.yaml": True}


def test_every_profile_is_calibrated() -> None:
    assert {p.name for p in PROFILES.glob("*.yaml")} == set(CALIBRATION) == set(BADGE)


@pytest.mark.parametrize("name", sorted(CALIBRATION))
@pytest.mark.parametrize("edition", [2024, 2025])
def test_calibration_profiles(name: str, edition: int) -> None:
    answers, catalog, _ = ans.load(PROFILES / name, load_edition, edition)
    a = evaluate(catalog, answers)
    assert (a.verdict, a.level, *a.level_range) == CALIBRATION[name][edition]
    if edition == 2025:
        assert a.badge is BADGE[name]
    # a path that exists is found: never "unreachable" on these profiles
    assert a.next_level is None or a.next_level.reachable


def test_the_badge_stays_a_label_one_can_have_obtained() -> None:
    """Last year's label may be the Badge (renewal): a track apart, still an award."""
    from tnl_cli.core.renewal import parse_label

    assert parse_label("Badge", load_edition(2025)) == "badge"
    assert parse_label("Label Argent", load_edition(2025)) == "argent"


# -- issue 21: each item at its thresholds


@pytest.mark.parametrize("edition", [2024, 2025])
def test_the_listed_criteria_are_no_hard_gate_and_the_catalog_says_why(edition: int) -> None:
    assert load_edition(edition).eligibility_hard is False
    text = (resources.criteria_dir() / f"{edition}.yaml").read_text(encoding="utf-8")
    block = text.split("\neligibility:\n")[1].split("\n  rule:\n")[0]
    assert "hard: false" in block
    for source in ("Il n'est pas\n  # nécessaire que la collectivité soit active",
                   "Fleury-les-Aubrais", "France 3"):
        assert source in block


def test_reservations_in_the_terminal_json_and_exit_code(run) -> None:
    f = str(PROFILES / "sans-open-data.yaml")
    fr = run("assess", "--answers", f)
    assert fr.code == 0
    assert "Verdict : ÉLIGIBLE, AVEC RÉSERVE (le jury décide)" in fr.out
    assert "Avec réserve : Avez-vous entrepris d'ouvrir vos données" in fr.out
    en = run("--lang", "en", "assess", "--answers", f, "--format", "json")
    data = json.loads(en.out)
    assert en.code == 0 and data["verdict"] == "eligible_with_reservations"
    assert data["verdict_text"] == "ELIGIBLE, WITH RESERVATIONS (the jury decides)"
    assert data["reservations"] == ["ouverture_donnees"] and data["level"] == "3"


def _steps(edition: int, identity: ident.Identity = TOWN, **values):
    catalog = load_edition(edition)
    a = evaluate(catalog, Answers(edition, identity, {k: Answer(v) for k, v in values.items()}))
    assert a.next_level is not None
    return a, {s.criterion.id: (s.current, s.target) for s in a.next_level.steps}


# BOE at level 4: LibreOffice on part of the desktops, everything else of level 5 in place
SHARE = {**BOE, "suite_bureautique": "mixte", "part_postes_libreoffice": 72}


@pytest.mark.parametrize(("share", "step"), [(25, (25, 90)), (72, (72, 90)), (74, (74, 90)),
                                             (90, None)])
def test_the_path_raises_a_share_to_the_smallest_threshold(share: int, step) -> None:
    """« 72 % LibreOffice » was told the top « cannot be reached by answers alone »: the path
    now raises the share to 90 % (level 5's « niveau élevé d'utilisation »), not to 100 %.
    (From 75 %, three points of the domain's score make a cheaper way, which it takes.)"""
    if step is None:
        assert _level(2024, **{**SHARE, "part_postes_libreoffice": share}) == "5"
        return
    a, steps = _steps(2024, **{**SHARE, "part_postes_libreoffice": share,
                               "schema_directeur_numerique": False})
    assert a.level == "4" and a.next_level.reachable and a.next_level.tier.id == "5"
    assert steps["part_postes_libreoffice"] == step
    done = {**SHARE, "part_postes_libreoffice": share, "schema_directeur_numerique": False}
    done.update({cid: target for cid, (_, target) in steps.items()})
    assert _level(2024, **done) == "5"


def test_the_path_proposes_a_better_choice_and_what_it_shows() -> None:
    """A proprietary office suite hides the share of desktops on a free one: the path
    changes the choice and gives the share it then asks (two steps), rather than seven
    smaller ones towards the domain's points."""
    town = {k: v for k, v in BOE.items() if k != "part_postes_libreoffice"}
    a, steps = _steps(2024, **{**town, "suite_bureautique": "proprietaire",
                               "part_postes_os_libre": 60})
    assert a.level == "4" and a.next_level.reachable
    assert steps == {"suite_bureautique": ("proprietaire", "mixte"),
                     "part_postes_libreoffice": (None, 90)}


@pytest.mark.parametrize(("initiatives", "level"), [(0, "1"), (1, "1"), (2, "2")])
def test_level_2_asks_two_initiatives_in_any_field(initiatives: int, level: str) -> None:
    """« des initiatives ponctuelles et ciblées » (Lettret, 196 inhabitants, level 2): no
    share of the points, no second field; one is not yet « des initiatives »."""
    some = [("logiciels_libres_utilises", ["navigateur"]), ("nombre_jeux_donnees", 3)]
    town = {**GATES, **dict(some[:initiatives])}
    assert _level(2024, **town) == level
    assert _level(2025, **town) == ("bronze" if level == "2" else None)


def test_level_1_asks_free_software_in_use() -> None:
    assert _level(2024, **GATES) == "1"
    assert _level(2024, **{**GATES, "utilise_logiciel_libre": False}) is None


@pytest.mark.parametrize(("formats", "level"), [
    ({}, "2"),  # accessibility in full, no open format beyond the listed criterion
    ({"echanges_formats_ouverts": True}, "3"),
    ({"format_bureautique_defaut": "odf"}, "3"),
])
def test_level_3_formats_are_not_met_through_accessibility(formats: dict, level: str) -> None:
    town = {**GATES, "suite_bureautique": "libre", "part_postes_libreoffice": 95,
            "logiciels_libres_utilises": ["navigateur", "messagerie"],
            "acteurs_locaux_libre": True, "format_bureautique_defaut": "ooxml",
            "echanges_formats_ouverts": False, "declaration_accessibilite": True,
            "url_declaration_accessibilite": "https://example.org/a11y",
            "schema_pluriannuel_accessibilite": True, "plan_annuel_accessibilite": True,
            "mention_accessibilite_accueil": True, "demarche_sobriete_numerique": True,
            "clauses_interoperabilite_marches": True}
    assert _level(2024, **{**town, **formats}) == level


@pytest.mark.parametrize(("development", "level"), [
    ({"logiciels_metiers_libres": True, "contributions_projets": ["signalements"]}, "3"),
    ({"contributions_projets": ["financement"]}, "4"),
    ({"contributions_projets": ["signalements"], "code_publie": True}, "4"),
])
def test_level_4_development_is_not_mere_use(development: dict, level: str) -> None:
    """« initiatives régulières en terme de développement »: code published, contributed or
    funded; free business software in use is use (level 5 kept out by its data policy)."""
    town = {**BOE, "gouvernance_donnees": False, "contributions_projets": None,
            "code_publie": False, "logiciels_metiers_libres": False, **development}
    assert _level(2024, **{k: v for k, v in town.items() if v is not None}) == level


def test_levels_are_not_cumulative() -> None:
    """Level 5's wording asks no strategy: a body meeting it without one is not held below."""
    town = {**BOE, "deliberation_logiciel_libre": False, "schema_directeur_numerique": False,
            "strategie_migration": False}
    assert _level(2024, **town) == "5" and _level(2025, **town) == "or"


@pytest.mark.parametrize("edition", [2024, 2025])
def test_no_tier_sets_an_unsourced_min_score(edition: int) -> None:
    assert all(t.min_score == 0 for t in load_edition(edition).tiers)
    text = (resources.criteria_dir() / f"{edition}.yaml").read_text(encoding="utf-8")
    assert "min_score:" not in text.split("\ntiers:\n")[1].split("\n  - id:")[0] or \
        "No min_score" in text or "no min_score" in text


@pytest.mark.parametrize("edition", [2024, 2025])
def test_catalogs_say_they_are_estimates(edition: int) -> None:
    catalog = load_edition(edition)
    for lang in ("fr", "en"):
        assert "questionnaire de candidature" not in catalog.title[lang]
        assert "estim" in catalog.title[lang]
    if edition == 2025:
        text = (resources.criteria_dir() / "2025.yaml").read_text(encoding="utf-8")
        assert "ESTIMATION." in text.split("\ntiers:\n")[1][:40]
        assert "Bronze comme les\n    niveaux 2 et 3" in text  # the scheme shown to users


def test_the_badge_and_the_mapping_are_said_to_be_estimates(run, tmp_path: Path) -> None:
    listed = json.loads(run("criteria", "list", "--form", "badge", "--format", "json").out)
    assert all(item["estimation"] is True and item["form"] == "badge" for item in listed)
    assert run("criteria", "list", "--form", "badge").out.startswith(
        "Formulaire « badge » (estimation)")
    f = str(PROFILES / "petite-commune-badge.yaml")
    out = re.sub(r"\s+", " ", run("assess", "--answers", f).out)
    assert "Badge (estimation) : obtenu" in out
    assert "tnl lit Bronze comme les niveaux 2 et 3" in out
    report = tmp_path / "rapport.md"
    assert run("assess", "--answers", f, "-o", str(report)).code == 0
    text = report.read_text(encoding="utf-8")
    assert "Badge (estimation) : obtenu" in text and "tnl lit Bronze comme" in text

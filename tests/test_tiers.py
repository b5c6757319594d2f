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

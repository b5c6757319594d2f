"""`tnl compare OLD NEW`: Boé in 2024 and in 2025, every known difference reported once."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures" / "renewal"
OLD = FIXTURES / "boe-2024.yaml"
NEW = FIXTURES / "boe-2025.yaml"

# Every difference between the two fixtures, with the effect it must be reported with.
EXPECTED = {
    "schema_directeur_numerique": "gained",  # non -> oui
    "plan_annuel_accessibilite": "gained",  # left unanswered -> oui
    "evenements_libres": "gained",  # absent -> oui
    "strategie_migration": "lost",  # oui -> non
    "enjeux_strategie": "changed",  # one more stake, met both years
    "inventaire_logiciels": "changed",  # 3 then 5 free software: one point both years
    "part_postes_libreoffice": "changed",  # 30 % -> 60 %
    "nombre_jeux_donnees": "changed",  # 12 -> 30
    "part_postes_os_libre": "answered",  # absent -> 2 % (not enough to be met)
    "obligation_open_data_defaut": "answered",  # absent -> non
    "strategie_numerique_responsable": "new_criterion",  # new in 2025, answered
    "duree_vie_postes": "new_criterion",  # new in 2025, answered
    "reemploi_equipements": "new_criterion",  # new in 2025, not answered
    "seconde_vie_equipements": "new_criterion",  # new in 2025 (split from reemploi), not answered
    "mediation_numerique_libre": "new_criterion",  # new in 2025, not answered
    "portage_interne": "lost",  # restored in 2025 (issue 11), left unanswered this year
    "demarche_sobriete_numerique": "removed_criterion",  # gone in 2025
}


def _json(run, *args: str) -> dict:
    r = run("compare", *args, "--format", "json")
    assert r.code == 0, r.err
    return json.loads(r.out)


def test_every_change_is_reported_once_with_its_effect(run) -> None:
    data = _json(run, str(OLD), str(NEW))
    ids = [c["id"] for c in data["changes"]]
    assert len(ids) == len(set(ids)), "a change reported twice"
    assert {c["id"]: c["effect"] for c in data["changes"]} == EXPECTED
    for change in data["changes"]:
        assert set(change) == {"id", "question", "before", "after", "effect"}
    by_id = {c["id"]: c for c in data["changes"]}
    assert (by_id["part_postes_libreoffice"]["before"],
            by_id["part_postes_libreoffice"]["after"]) == (30, 60)
    assert (by_id["strategie_migration"]["before"], by_id["strategie_migration"]["after"]) == (
        True, False)
    assert by_id["plan_annuel_accessibilite"]["before"] is None
    assert by_id["portage_interne"]["before"] == ["elus", "dsi"]
    assert by_id["portage_interne"]["after"] is None
    assert by_id["reemploi_equipements"]["after"] is None
    assert by_id["duree_vie_postes"]["after"] == 7


def test_both_files_in_their_own_edition_and_the_old_one_migrated(run) -> None:
    data = _json(run, str(OLD), str(NEW))
    old, new = data["old"], data["new"]
    assert (old["edition"], new["edition"]) == (2024, 2025)
    assert old["level"] in {"1", "2", "3", "4", "5"}  # the 2024 scheme
    # the 2025 Label (the Badge is a track apart: `badge`); this file reaches no Label tier
    assert new["level"] in {None, "bronze", "argent", "or"}
    for side in (old, new):
        assert set(side) >= {"edition", "verdict", "level", "level_range", "domains"}
        assert set(side["level_range"]) == {"low", "high"}
        assert side["scheme"]
    assert old["in_new_edition"]["edition"] == 2025
    assert data["same_collectivity"] is True and data["unchanged"] is False
    # Domains compared with the 2025 weights on both sides: same possible points.
    domains = {d["id"]: d for d in data["domains"]}
    assert {d["before"]["possible"] == d["after"]["possible"] for d in domains.values()} == {True}
    ecosysteme = domains["ecosysteme"]
    assert ecosysteme["after"]["points"] - ecosysteme["before"]["points"] == 2  # evenements_libres
    donnees = domains["donnees"]
    assert donnees["after"]["points"] == donnees["before"]["points"]  # 12 and 30 datasets: 2 pts


def test_inventory_and_legal_changes(run) -> None:
    data = _json(run, str(OLD), str(NEW))
    stock = data["inventory"]
    assert sorted(stock["added"]) == ["Nextcloud", "QGIS"]
    assert sorted(stock["removed"]) == ["ArcGIS", "Microsoft Office"]
    shares = {s["use"]: s for s in stock["share_free"]}
    assert shares["bureautique"]["before"]["free"] == 1
    assert shares["bureautique"]["before"]["total"] == 2
    assert shares["bureautique"]["after"]["ratio"] == 1.0
    assert shares["sig"]["before"]["ratio"] == 0.0 and shares["sig"]["after"]["ratio"] == 1.0
    legal = {x["id"]: (x["before"], x["after"]) for x in data["legal"]}
    # strategie_numerique_responsable, met in 2025, binds only above 50,000 inhabitants (REEN)
    assert legal == {
        "plan_annuel_accessibilite": ("unanswered", "met"),
        "obligation_open_data_defaut": ("unanswered", "unmet"),
    }


def test_text_view_names_both_schemes_and_each_section(run) -> None:
    r = run("compare", str(OLD), str(NEW))
    assert r.code == 0, r.err
    assert "Édition 2024 : Cinq niveaux" in r.out and "Édition 2025 : Un Badge" in r.out
    assert "30 % → 60 %" in r.out
    for title in ("Critères atteints depuis l'an dernier (3)",
                  "Critères qui ne sont plus atteints (2)", "Valeurs modifiées (4)",
                  "Questions répondues cette année (2)",
                  "Critères nouveaux dans l'édition 2025 (5)",
                  "Critères retirés dans l'édition 2025 (1)", "Ajoutés : QGIS, Nextcloud",
                  "Information géographique : 0 libre(s) sur 1 → 1 libre(s) sur 1",
                  "Obligations légales dont le statut a changé"):
        assert title in r.out
    en = run("compare", str(OLD), str(NEW), "--lang", "en")
    assert en.code == 0 and "Criteria met since last year (3)" in en.out
    assert "30% → 60%" in en.out or "30 % → 60 %" in en.out


def test_comparing_never_touches_the_old_file(run, tmp_path: Path) -> None:
    old = tmp_path / "reponses-2024.yaml"
    old.write_bytes(OLD.read_bytes())
    before = hashlib.sha256(old.read_bytes()).hexdigest()
    stamp = old.stat().st_mtime_ns
    for fmt in ("text", "json"):
        assert run("compare", str(old), str(NEW), "--format", fmt).code == 0
    assert hashlib.sha256(old.read_bytes()).hexdigest() == before
    assert old.stat().st_mtime_ns == stamp
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reponses-2024.yaml"]  # no backup


def test_the_same_file_twice_says_no_change(run) -> None:
    r = run("compare", str(NEW), str(NEW))
    assert r.code == 0 and "Aucun changement" in r.out
    assert "Critères" not in r.out
    data = _json(run, str(NEW), str(NEW))
    assert data["unchanged"] is True and data["changes"] == [] and data["legal"] == []
    assert run("compare", str(NEW), str(NEW), "--lang", "en").out.count("No change") == 1


def test_two_collectivities_are_named_in_a_warning(run, tmp_path: Path) -> None:
    other = tmp_path / "autre.yaml"
    other.write_text(NEW.read_text(encoding="utf-8").replace("nom: Boé", "nom: Agen").replace(
        '"47031"', '"47001"'), encoding="utf-8")
    r = run("compare", str(OLD), str(other))
    assert r.code == 0
    assert "Boé (INSEE 47031" in r.err and "Agen (INSEE 47001" in r.err
    assert str(other) in r.err
    assert _json(run, str(OLD), str(other))["same_collectivity"] is False


def test_an_edition_no_longer_shipped_is_a_clear_error(run, tmp_path: Path) -> None:
    old = tmp_path / "reponses-2019.yaml"
    old.write_text(OLD.read_text(encoding="utf-8").replace("edition: 2024", "edition: 2019"),
                   encoding="utf-8")
    r = run("compare", str(old), str(NEW))
    assert r.code == 2 and "Traceback" not in r.err
    assert "2019" in r.err and "2024, 2025" in r.err and str(old) in r.err
    assert "--edition" not in r.err  # no such option here


@pytest.mark.parametrize("content,expected", [
    (None, "reponses"),  # missing file: its name
    ("edition: 2025\nreponses: [oui\n", "reponses"),  # broken YAML
    ("edition: 2025\nreponses:\n  part_postes_libreoffice: 150\n", "part_postes_libreoffice"),
])
def test_unusable_files_exit_2_without_traceback(run, tmp_path: Path, content, expected) -> None:
    bad = tmp_path / "reponses.yaml"
    if content is not None:
        bad.write_text(content, encoding="utf-8")
    for args in ((str(bad), str(NEW)), (str(OLD), str(bad))):
        r = run("compare", *args)
        assert r.code == 2 and expected in r.err and "Traceback" not in r.err


def test_bad_format_is_a_usage_error(run) -> None:
    r = run("compare", str(OLD), str(NEW), "--format", "csv")
    assert r.code == 2 and "text, json" in r.err


def test_control_characters_from_the_files_never_reach_the_terminal(run, tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.yaml"
    hostile.write_text(NEW.read_text(encoding="utf-8").replace(
        "nom: Boé", 'nom: "Bo\\e\\x1b]0;pwned\\x07 \\u202eévil"'), encoding="utf-8")
    r = run("compare", str(OLD), str(hostile))
    assert r.code == 0
    for text in (r.out, r.err):
        assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text


def test_files_in_the_wrong_order_are_compared_with_a_reminder(run) -> None:
    r = run("compare", str(NEW), str(OLD), "--format", "json")
    assert r.code == 0 and "tnl compare ANCIEN NOUVEAU" in r.err
    effects = {c["id"]: c["effect"] for c in json.loads(r.out)["changes"]}
    assert effects["strategie_migration"] == "gained" and effects["evenements_libres"] == "lost"
    assert effects["strategie_numerique_responsable"] == "removed_criterion"


def other_collectivity(tmp_path: Path) -> Path:
    """Last year's file of Boé, rewritten as Agen's."""
    other = tmp_path / "agen-2024.yaml"
    other.write_text(OLD.read_text(encoding="utf-8").replace("  nom: Boé\n", "  nom: Agen\n")
                     .replace('code_insee: "47031"', 'code_insee: "47001"'), encoding="utf-8")
    return other


def other_collectivity_warning(other: Path) -> str:
    return ("Attention : ces fichiers ne décrivent pas la même collectivité (Agen (INSEE 47001, "
            f"SIREN 214700015) dans {other}, Boé (INSEE 47031, SIREN 214700312) dans {NEW}) ; "
            "la comparaison est faite quand même, "
            "vérifiez les fichiers.\n")


def test_two_collectivities_are_named_on_standard_error(run, tmp_path) -> None:
    other = other_collectivity(tmp_path)
    r = run("compare", str(other), str(NEW))
    assert r.code == 0, r.err
    assert r.err.startswith(other_collectivity_warning(other))
    same = run("compare", str(OLD), str(NEW))
    assert "même collectivité" not in same.err


@pytest.mark.parametrize(("command", "notice"), [
    (("assess", "--format", "json"),
     "Answers ignored, these criteria no longer exist in edition 2025: "
     "demarche_sobriete_numerique\n"),
    (("dossier", "--format", "md"),
     "answers migrated to edition 2025; criteria gone, ignored: demarche_sobriete_numerique.\n"),
])
def test_answers_to_criteria_gone_are_named_when_read_in_a_later_edition(
        run, command: tuple[str, ...], notice: str) -> None:
    """Last year's file read in this year's edition: each command names what it left out."""
    r = run(command[0], "--answers", str(OLD), "--edition", "2025", *command[1:], "--lang", "en")
    assert r.code in (0, 1), r.err
    assert r.err.startswith(notice)

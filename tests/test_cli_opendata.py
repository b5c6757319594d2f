"""`tnl opendata`: the command on the bundled example, its exit codes and its messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import EXAMPLES

DIR = EXAMPLES / "opendata"
ORGS = str(DIR / "export-organization-20261128-061500.csv")
DATASETS = str(DIR / "export-dataset-20261128-061500.csv")
RESOURCES = str(DIR / "export-resource-20261128-061500.csv")
ODF = str(DIR / "organisations-opendatafrance.csv")
ANSWERS = DIR / "reponses-nancy.yaml"
FILES = ("--organisations", ORGS, "--jeux", DATASETS, "--date", "2026-12-06")


def test_the_example_in_french(run) -> None:
    result = run("opendata", *FILES, "--ressources", RESOURCES, "--answers", str(ANSWERS))
    assert result.code == 0, result.err
    out = result.out
    assert "Jeux de données publiés : 6 (archivés, non comptés : 1)" in out
    assert "dans les 12 mois avant le 2026-12-06 : 4 sur 6" in out
    assert "licence_donnees : licence_ouverte_2 — 3 jeux sur 6 sous Licence Ouverte 2.0 (50 %)" in out
    assert "socle_commun_donnees_locales : oui" in out
    assert "Les exports ne voient que data.gouv.fr" in out
    assert "--apply" in out


def test_the_example_as_json_in_english(run) -> None:
    result = run("opendata", *FILES, "--ressources", RESOURCES, "--opendatafrance", ODF,
                 "--siren", "215 403 957", "--format", "json", "--lang", "en")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert (data["siren"], data["jeux"], data["archives"], data["recents"]) == (
        "215403957", 6, 1, 4)
    assert data["schemas_scdl"] == {"scdl/budget": 1, "scdl/deliberations": 1}
    assert data["opendatafrance"]["nb_ptf"] == 42
    proposed = {p["critere"]: p for p in data["propositions"]}
    assert proposed["nombre_jeux_donnees"]["valeur"] == 42
    assert proposed["licence_donnees"]["sources"] == [{
        "fichier": DATASETS, "format": "datagouv-export", "date": "2026-11-28",
        "lu_le": proposed["licence_donnees"]["sources"][0]["lu_le"], "compte": 3, "base": 6,
        "unite": "jeux_de_donnees"}]
    assert "datasets out of 6" in proposed["licence_donnees"]["raison"]
    assert data["limites"] and all(isinstance(text, str) for text in data["limites"])


def test_a_siret_is_taken_for_its_siren(run) -> None:
    result = run("opendata", *FILES, "--siren", "24540067600010", "--format", "json")
    assert result.code == 0 and json.loads(result.out)["jeux"] == 1


def test_an_organisation_with_no_dataset_exits_1(run) -> None:
    result = run("opendata", *FILES, "--siren", "210500740")
    assert result.code == 1
    assert "Commune de Lettret" in result.out
    assert "ne publie aucun jeu de données sur data.gouv.fr" in result.out
    assert "Réponses proposées" not in result.out


def test_a_siren_with_no_organisation_exits_1(run) -> None:
    result = run("opendata", *FILES, "--siren", "217500016", "--lang", "en")
    assert result.code == 1
    assert "No data.gouv.fr organisation has SIREN 217500016" in result.out


@pytest.mark.parametrize(("args", "key"), [
    (("--siren", "215403958"), "n'est pas un SIREN valide"),
    ((), "--siren SIREN ou --answers FICHIER"),
    (("--siren", "215403957", "--answers", str(ANSWERS)), "l'un ou l'autre"),
    (("--siren", "215403957", "--apply"), "--apply et --force"),
    (("--siren", "215403957", "--date", "6/12/2026"), "n'est pas une date"),
    (("--siren", "215403957", "--format", "xml"), "--format"),
])
def test_usage_errors_exit_2(run, args: tuple[str, ...], key: str) -> None:
    result = run("opendata", *FILES, *args)
    assert result.code == 2 and key in result.err, result.err
    assert result.out == ""


def test_files_given_to_the_wrong_options(run) -> None:
    result = run("opendata", "--organisations", DATASETS, "--jeux", ORGS, "--siren",
                 "215403957")
    assert result.code == 2
    assert result.err.startswith("Erreur : " + DATASETS + ":1: on attendait l'export des organisations, "
                                 "ce fichier ressemble à l'export des jeux de données")
    assert result.out == ""


def test_an_answers_file_without_siren(run, tmp_path: Path) -> None:
    answers = tmp_path / "r.yaml"
    answers.write_text("edition: 2025\ncollectivite:\n  nom: Essai\n  type: commune\n",
                       encoding="utf-8")
    result = run("opendata", *FILES, "--answers", str(answers))
    assert result.code == 2 and "ne donne pas le SIREN" in result.err


def test_nothing_from_the_files_reaches_the_terminal_as_a_control_sequence(run,
                                                                           tmp_path: Path) -> None:
    orgs = tmp_path / "export-organization.csv"
    text = Path(ORGS).read_text(encoding="utf-8").replace(
        "Ville de Nancy - Musées", "Musées\x1b]8;;https://evil.example\x07\x1b[31m\u202e")
    orgs.write_text(text, encoding="utf-8")
    for fmt in ("text", "json"):
        result = run("opendata", "--organisations", str(orgs), "--jeux", DATASETS,
                     "--siren", "215403957", "--format", fmt)
        assert result.code == 0
        for bad in ("\x1b", "\x07", "\u202e", "\x9b"):
            assert bad not in result.out and bad not in result.err


def test_help_lists_the_options_in_both_languages(run) -> None:
    fr = run("opendata", "--help")
    en = run("opendata", "--help", "--lang", "en")
    assert fr.code == en.code == 0
    assert "--opendatafrance" in fr.out and "Codes de sortie" in fr.out
    assert "Exit codes" in en.out


def _copy_answers(tmp_path: Path, extra: str = "") -> Path:
    path = tmp_path / "reponses.yaml"
    path.write_text("edition: 2025\ncollectivite:\n  nom: Nancy\n  type: commune\n"
                    "  siren: '215403957'\nreponses:\n  deliberation_logiciel_libre: oui\n"
                    + extra, encoding="utf-8")
    return path


def test_apply_writes_the_answers_with_their_sources(run, tmp_path: Path) -> None:
    import yaml

    path = _copy_answers(tmp_path)
    result = run("opendata", *FILES, "--ressources", RESOURCES, "--answers", str(path),
                 "--apply")
    assert result.code == 0, result.err
    written = yaml.safe_load(path.read_text(encoding="utf-8"))["reponses"]
    assert written["nombre_jeux_donnees"]["valeur"] == 6
    assert written["licence_donnees"]["sources"][0]["compte"] == 3
    assert written["socle_commun_donnees_locales"]["sources"][0]["fichier"] == RESOURCES
    assert written["deliberation_logiciel_libre"] is True
    assessed = run("assess", "--answers", str(path), "--format", "json")
    assert assessed.code in (0, 1), assessed.err


def test_apply_keeps_the_users_own_answer_unless_forced(run, tmp_path: Path) -> None:
    import yaml

    path = _copy_answers(tmp_path, "  nombre_jeux_donnees: 12\n")
    result = run("opendata", *FILES, "--answers", str(path), "--apply")
    assert result.code == 0 and "--force" in result.out
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["reponses"][
        "nombre_jeux_donnees"] == 12
    result = run("opendata", *FILES, "--answers", str(path), "--apply", "--force",
                 "--format", "json")
    assert result.code == 0
    json.loads(result.out)  # what was written is told on stderr: stdout stays JSON
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["reponses"][
        "nombre_jeux_donnees"]["valeur"] == 6


def test_nothing_is_written_when_an_export_is_unusable(run, tmp_path: Path) -> None:
    path = _copy_answers(tmp_path)
    before = path.read_bytes()
    broken = tmp_path / "export-dataset.csv"
    broken.write_text(Path(DATASETS).read_text(encoding="utf-8")[:900], encoding="utf-8")
    result = run("opendata", "--organisations", ORGS, "--jeux", str(broken), "--answers",
                 str(path), "--apply")
    assert result.code == 2 and str(broken) in result.err
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export-dataset.csv", "reponses.yaml"]


def test_the_progress_bar_cleans_the_file_name_and_clears_its_line() -> None:
    import io

    from tnl_cli.commands.opendata import ExportsBar

    stream = io.StringIO()
    bar = ExportsBar(stream)
    bar("/tmp/export-\x1b[31mdataset.csv", 50, 100)
    bar("/tmp/export-\x1b[31mdataset.csv", 100, 100)
    bar.clear()
    text = stream.getvalue()
    assert "\x1b" not in text and " 50 % export-[31mdataset.csv" in text and "100 %" in text
    assert text.endswith("\r" + " " * bar.width + "\r")


def test_the_bundled_example(run) -> None:
    result = run("opendata", "--example", "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert (data["siren"], data["date_reference"], data["jeux"], data["recents"]) == (
        "215403957", "2026-12-06", 6, 4)
    assert data["opendatafrance"]["url_ptf"] == "https://opendata.nancy.fr"


@pytest.mark.parametrize(("args", "key"), [
    (("--example", "--jeux", DATASETS), "--example lit les fichiers"),
    (("--siren", "215403957"), "Donnez les exports de data.gouv.fr"),
    (("--jeux", DATASETS, "--siren", "215403957"), "--organisations export-organization"),
])
def test_files_or_the_example(run, args: tuple[str, ...], key: str) -> None:
    result = run("opendata", *args)
    assert result.code == 2 and key in result.err, result.err

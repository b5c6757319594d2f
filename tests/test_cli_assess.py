"""`tnl assess --answers`, `tnl criteria`, `tnl schema`: output, exit codes, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import EXAMPLES

EXAMPLE = str(EXAMPLES / "commune-exemple.yaml")


def test_example_is_eligible_in_json(run) -> None:
    r = run("assess", "--answers", EXAMPLE, "--format", "json")
    assert r.code == 0, r.err
    data = json.loads(r.out)
    for key in ("verdict", "level", "level_rank", "domains", "reasons", "warnings", "mentions",
                "next_level", "legal"):
        assert key in data
    assert data["verdict"] == "eligible"
    assert data["level"] in data["levels"]
    assert data["legal"]["open_data"]["status"] == "yes"


def test_table_view_in_french_and_english(run) -> None:
    fr = run("assess", "--answers", EXAMPLE)
    assert fr.code == 0 and "ÉLIGIBLE" in fr.out and "Score par domaine" in fr.out
    en = run("assess", "--answers", EXAMPLE, "--lang", "en")
    assert "ELIGIBLE" in en.out and "Score per domain" in en.out


def test_set_can_add_a_reservation(run, tmp_path: Path) -> None:
    """A listed criterion unmet is a reservation the jury weighs, not a negative result: exit
    code 0, the stable JSON keys `verdict` and `reservations`."""
    original = Path(EXAMPLE).read_text(encoding="utf-8")
    r = run("assess", "--answers", EXAMPLE, "--set", "ouverture_donnees=non", "--format", "json",
            "--dry-run")
    assert r.code == 0
    data = json.loads(r.out)
    assert data["verdict"] == "eligible_with_reservations"
    assert data["unmet_gates"] == data["reservations"] == ["ouverture_donnees"]
    assert Path(EXAMPLE).read_text(encoding="utf-8") == original  # --dry-run saves nothing


def test_set_answers_in_the_file_without_the_walk(run, tmp_path: Path) -> None:
    from tnl_cli.loaders.answer_files import load
    from tnl_cli.loaders.catalogs import load_edition

    path = tmp_path / "r.yaml"
    path.write_text(Path(EXAMPLE).read_text(encoding="utf-8"), encoding="utf-8")
    before = load(path, load_edition)[0]
    r = run("assess", "--answers", str(path), "--set", "ouverture_donnees=non",
            "--set", "collectivite.population=4200")
    assert r.code == 0, r.err
    assert "ÉLIGIBLE, AVEC RÉSERVE (le jury décide)" in r.out
    assert f"Enregistré dans {path} : ouverture_donnees, collectivite.population." in r.err
    after = load(path, load_edition)[0]
    assert after.value("ouverture_donnees") is False and after.identity.population == 4200
    assert after.responses["ouverture_donnees"].preuves  # its evidence is kept
    assert {k: v for k, v in after.responses.items() if k != "ouverture_donnees"} == {
        k: v for k, v in before.responses.items() if k != "ouverture_donnees"}
    again = run("assess", "--answers", str(path), "--format", "json")  # reads back as saved
    assert json.loads(again.out)["reservations"] == ["ouverture_donnees"]
    old = tmp_path / "old.yaml"
    old.write_text("edition: 2024\ncollectivite: {type: commune}\n", encoding="utf-8")
    r = run("assess", "--answers", str(old), "--edition", "2025", "--set", "formats_ouverts=oui")
    assert "n'y est pas enregistré" in r.err
    assert old.read_text(encoding="utf-8") == "edition: 2024\ncollectivite: {type: commune}\n"


def test_incomplete_exits_1(run, tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("edition: 2025\ncollectivite: {type: commune}\nreponses: {}\n",
                    encoding="utf-8")
    r = run("assess", "--answers", str(path), "--format", "json")
    assert r.code == 1 and json.loads(r.out)["verdict"] == "incomplete"


def test_bad_set_is_usage_error(run) -> None:
    r = run("assess", "--answers", EXAMPLE, "--set", "formats_ouvert=oui")
    assert r.code == 2 and "formats_ouverts" in r.err


def test_no_answers_without_terminal(run) -> None:
    r = run("assess")
    assert r.code == 2 and "--answers" in r.err


def test_errors_never_show_tracebacks(run, tmp_path: Path) -> None:
    bad = tmp_path / "r.yaml"
    bad.write_text("edition: 2025\ncollectivite:\n  siren: '123456789'\n  code_insee: 'XYZ'\n",
                   encoding="utf-8")
    r = run("assess", "--answers", str(bad))
    assert r.code == 2
    assert "Traceback" not in r.err
    assert len(r.err.strip().splitlines()) >= 2  # both problems reported
    assert f"{bad}:3" in r.err and f"{bad}:4" in r.err


def test_wrong_format_option(run) -> None:
    r = run("assess", "--answers", EXAMPLE, "--format", "xml")
    assert r.code == 2 and "table, json" in r.err


def test_edition_option_migrates(run) -> None:
    r = run("assess", "--answers", EXAMPLE, "--edition", "2024", "--format", "json")
    assert json.loads(r.out)["edition"] == 2024
    assert "duree_vie_postes" in r.err  # answered in 2025, gone in 2024


def test_criteria_list_json(run) -> None:
    r = run("criteria", "list", "--format", "json", "--edition", "2024")
    data = json.loads(r.out)
    assert len(data) >= 40
    assert {"id", "domain", "type", "eligibility", "choices", "applies_to"} <= set(data[0])
    assert sum(1 for c in data if c["eligibility"]) == 4


def test_criteria_show_and_unknown(run) -> None:
    r = run("criteria", "show", "formats_ouverts")
    assert r.code == 0 and "formats_ouverts" in r.out and "Piste de progression" in r.out
    r = run("criteria", "show", "format_ouvert")
    assert r.code == 2 and "formats_ouverts" in r.err


def test_schema_answers(run) -> None:
    r = run("schema", "answers")
    schema = json.loads(r.out)
    assert schema["properties"]["edition"]["const"] == 2025
    assert "formats_ouverts" in schema["properties"]["reponses"]["properties"]


def test_help_is_french_by_default_and_english_on_request(run, monkeypatch) -> None:
    assert "Commandes" in run("--help").out
    assert "Commands" in run("--help", "--lang", "en").out
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    import os

    from tnl_cli.i18n import detect_lang

    assert detect_lang([], os.environ) == "en"


def test_every_command_has_help(run) -> None:
    for args in (["assess"], ["criteria", "list"], ["criteria", "show"], ["criteria", "lint"],
                 ["schema", "answers"]):
        r = run(*args, "--help")
        assert r.code == 0 and "Utilisation :" in r.out and len(r.out.splitlines()) > 4


def test_only_the_requested_command_is_built() -> None:
    from tnl_cli.cli import requested_command

    assert requested_command(["--lang", "en", "criteria", "list"]) == "criteria"
    assert requested_command(["--no-color", "assess", "--answers", "x"]) == "assess"
    assert requested_command(["--help"]) is None
    assert requested_command(["critera"]) is None  # unknown: every command, for the error


def test_unknown_command_is_a_usage_error(run) -> None:
    r = run("critera")
    assert r.code == 2 and "criteria" in r.err


def test_schema_accepts_the_example_and_refuses_unknown_criteria(run, tmp_path: Path) -> None:
    import jsonschema
    import yaml

    schema = json.loads(run("schema", "answers").out)
    jsonschema.Draft202012Validator.check_schema(schema)
    example = yaml.safe_load(Path(EXAMPLE).read_text(encoding="utf-8"))
    jsonschema.validate(example, schema)
    saved = {"edition": 2025, "outil": "tnl", "collectivite": {"nom": None, "type": None,
             "elu_referent": None}, "reponses": {"code_publie": None}}
    jsonschema.validate(saved, schema)  # what the guided walk writes for skipped questions
    example["reponses"]["critere_inconnu"] = True
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(example, schema)


def test_ctrl_c_in_a_command_says_interrupted(run, monkeypatch) -> None:
    from tnl_cli.reference import territory

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(territory, "find", interrupted)  # what lookup calls
    r = run("lookup", "nancy")
    assert r.code == 130 and "Interrompu" in r.err and "Traceback" not in r.err


def test_closed_pipe_stops_quietly(tmp_path: Path) -> None:
    import subprocess
    import sys

    proc = subprocess.run(f"'{sys.executable}' -m tnl_cli criteria list --format json | head -c 1",
                          shell=True, capture_output=True, text=True, check=False)
    assert proc.stdout == "[" and "Traceback" not in proc.stderr and "Error" not in proc.stderr


def test_usage_errors_are_french(run) -> None:
    r = run("assess", "--answer", "x")
    assert r.code == 2 and "option inconnue : --answer" in r.err and "tnl assess --help" in r.err
    assert "« criteria »" in run("critera").err
    assert "--edition « abc » : indiquez une année" in run("assess", "--edition", "abc").err
    assert "No such option" in run("assess", "--bogus", "--lang", "en").err


def test_unknown_language_is_refused(run) -> None:
    r = run("--lang", "de", "criteria", "list")
    assert r.code == 2 and "fr, en" in r.err


def test_file_of_an_unknown_edition_says_how_to_proceed(run, tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("edition: 2023\nreponses: {}\n", encoding="utf-8")
    r = run("assess", "--answers", str(path))
    assert r.code == 2 and f"{path}:1" in r.err and "--edition" in r.err


def test_example_is_complete_so_the_readme_command_evaluates_it() -> None:
    """On a terminal, an unfinished file resumes the walk: the README's first command must not."""
    from tnl_cli.loaders import answer_files
    from tnl_cli.loaders.catalogs import load_edition
    from tnl_cli.walk import steps as wizard

    loaded, catalog, _ = answer_files.load(Path(EXAMPLE), load_edition)
    assert wizard.Walk(catalog, loaded).finished


def test_readme_sample_is_accepted(tmp_path: Path) -> None:
    import re

    from tnl_cli.loaders import answer_files
    from tnl_cli.loaders.catalogs import load_edition

    readme = (Path(EXAMPLE).parent.parent / "README.md").read_text(encoding="utf-8")
    sample = re.search(r"```yaml\n(edition: 2025\n.*?)```", readme, re.S).group(1)
    path = tmp_path / "r.yaml"
    path.write_text(sample, encoding="utf-8")
    loaded, _, _ = answer_files.load(path, load_edition)
    assert loaded.identity.nom == "Lettret" and not loaded.identity.notes


def test_commands_shown_are_the_way_tnl_was_started(monkeypatch, tmp_path: Path) -> None:
    """After the README's install `tnl` is not on the PATH: the resume command must work."""
    import shutil
    import sys

    from tnl_cli.commands import common

    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setattr(sys, "argv", [str(tmp_path / "tnl_cli" / "__main__.py")])
    assert common.program() == [sys.executable, "-m", "tnl_cli"]
    script = tmp_path / "venv" / "bin" / "tnl"
    script.parent.mkdir(parents=True)
    script.write_text("#!/bin/sh\n", encoding="utf-8")
    monkeypatch.setattr(sys, "argv", [str(script)])
    assert common.program() == [str(script.resolve())]
    monkeypatch.setattr(shutil, "which", lambda name: str(script))
    assert common.program() == ["tnl"]  # found by the shell: the short form


def test_usual_slips_get_the_right_command(run) -> None:
    r = run("assess", "reponses.yaml", "--format", "json")
    assert r.code == 2
    assert "Vouliez-vous dire : tnl assess --answers reponses.yaml --format json" in r.err
    r = run("dossier", "r.yaml")
    assert "Vouliez-vous dire : tnl dossier --answers r.yaml" in r.err
    r = run("software", "Zoom")
    assert r.code == 2 and "Vouliez-vous dire : tnl software search Zoom" in r.err
    r = run("assess", "a", "b")
    assert r.code == 2 and "Vouliez-vous dire" not in r.err


def test_help_and_yaml_errors_speak_french(run, tmp_path: Path) -> None:
    for args in (("--help",), ("assess", "--help"), ("software",)):
        r = run(*args)
        text = r.out + r.err
        assert text.startswith("Utilisation : tnl"), text[:80]
        assert "Usage" not in text and "COMMAND " not in text and "ARGS" not in text
    assert run("--lang", "en", "--help").out.startswith("Usage: tnl [OPTIONS] COMMAND")
    assert "la plus récente" in run("assess", "--help").out  # says what --edition does here
    cases = {"edition: 2025\nreponses: [a, b\ncollectivite: x\n":
             "ligne 3, colonne 13 : crochet « ] » ou virgule attendu",
             "edition: 2025\nreponses:\n  a: \"x\n": "un texte entre guillemets n'est jamais",
             "edition: 2025\n  reponses: x\n b: y\n": "ligne 2, colonne 11 : deux-points inattendu",
             "a:\n\t- b\n": "ligne 2, colonne 1 : tabulation dans l'indentation"}
    for text, words in cases.items():
        path = tmp_path / "r.yaml"
        path.write_text(text, encoding="utf-8")
        r = run("assess", "--answers", str(path))
        assert r.code == 2 and words in r.err, r.err
        assert "did not find" not in r.err and "found" not in r.err


def test_shell_completion_is_offered(run, tmp_path: Path) -> None:
    """(Its cost on `tnl --help`: python bench/bench_startup.py.)"""
    import os
    import subprocess
    import sys

    assert "--install-completion" in run("--help").out
    shown = run("--show-completion")
    assert shown.code == 0 and "_TNL_COMPLETE" in shown.out
    env = dict(os.environ, _TNL_COMPLETE="complete_bash", COMP_WORDS="tnl ass", COMP_CWORD="1")
    asked = subprocess.run([sys.executable, "-m", "tnl_cli"], capture_output=True, text=True,
                           env=env, timeout=30)
    assert asked.stdout.split() == ["assess"]


def test_terminal_report_reads_well_at_80_columns() -> None:
    """Wrapped lines keep their indentation, domain names stay on one line, the bar column
    has a header, nothing reaches the 80th column."""
    import io

    from rich.console import Console

    from tnl_cli.core.engine import evaluate
    from tnl_cli.loaders.answer_files import load
    from tnl_cli.loaders.catalogs import load_edition
    from tnl_cli.report.assessment import render

    answers, catalog, _ = load(Path(EXAMPLE), load_edition)
    out = io.StringIO()
    render(evaluate(catalog, answers), catalog, answers, "fr",
           Console(file=out, width=79, no_color=True, highlight=False, emoji=False))
    lines = out.getvalue().splitlines()
    assert max(len(line) for line in lines) <= 79
    assert any("Progression" in line for line in lines)
    for domain in catalog.domains:
        assert any(domain.name["fr"] in line for line in lines), domain.name["fr"]
    estimate = next(i for i, line in enumerate(lines) if "Ce niveau est une estimation" in line)
    assert lines[estimate].startswith("  ") and lines[estimate + 1].startswith("  ")
    legal = [i for i, line in enumerate(lines) if "NON RESPECTÉE" in line]
    assert legal and all(lines[i].startswith("  ") for i in legal)

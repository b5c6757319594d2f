"""`tnl lookup`: real lookups in the bundled data (@etalab/decoupage-administratif 6.0.0)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from conftest import ROOT


def lookup_json(run, *args: str, code: int = 0) -> dict:
    result = run("lookup", *args, "--format", "json")
    assert result.code == code, result.err
    return json.loads(result.out)


@pytest.mark.parametrize(
    ("text", "name", "kind", "code", "siren", "population", "departement"),
    [
        ("54395", "Nancy", "commune", "54395", "215403957", 103_671, "54"),
        ("2A004", "Ajaccio", "commune", "2A004", "212000046", 76_320, "2A"),
        ("97411", "Saint-Denis", "commune", "97411", "219740115", 155_634, "974"),
        ("97611", "Mamoudzou", "commune", "97611", "200008837", 71_437, "976"),
        ("75056", "Paris", "commune", "75056", "217500016", 2_103_778, "75"),
        ("05074", "Lettret", "commune", "05074", "210500740", 196, "05"),
        ("245400676", "Métropole du Grand Nancy", "metropole", None, "245400676", 258_208, "54"),
    ],
)
def test_lookup_by_code_and_siren(run, text, name, kind, code, siren, population, departement) -> None:
    data = lookup_json(run, text)
    assert data["query"] == text and data["count"] >= 1
    found = data["results"][0]
    assert found["raison"] is None  # its own code: no reason to give
    # Others only as another reading of the code (97411 is also Saint-Paul's postal code).
    assert all(other["raison"] for other in data["results"][1:])
    assert (found["nom"], found["type"], found["code_insee"], found["siren"]) == (name, kind, code, siren)
    assert (found["population"], found["departement"]) == (population, departement)
    assert data["source"]["source_version"] == "6.0.0"


def test_json_names_the_epci_and_the_type_in_words(run) -> None:
    nancy = lookup_json(run, "54395")["results"][0]
    assert (nancy["epci_siren"], nancy["epci_nom"]) == ("245400676", "Métropole du Grand Nancy")
    assert (nancy["region"], nancy["region_nom"]) == ("44", "Grand Est")
    assert lookup_json(run, "245400676")["results"][0]["type_label"] == "métropole"
    english = lookup_json(run, "245400676", "--lang", "en")["results"][0]
    assert english["type_label"] == "métropole (metropolitan authority)"  # identity.type_*
    assert lookup_json(run, "200000172")["results"][0]["type_label"] == "communauté de communes"


def test_single_result_is_a_labelled_block_with_attribution(run) -> None:
    result = run("lookup", "54395")
    assert result.code == 0 and result.err == ""
    lines = result.out.splitlines()
    assert lines[0] == "Nancy"
    assert "  Type : commune" in lines
    assert "  SIREN : 215403957" in lines
    assert "  Département : 54 Meurthe-et-Moselle" in lines
    assert "  Intercommunalité : Métropole du Grand Nancy (SIREN 245400676)" in lines
    assert "  Population : 103\u202f671 (population municipale)" in lines
    assert lines[-1] == ("Données : @etalab/decoupage-administratif 6.0.0 (COG 2026), Etalab, "
                         "Licence Ouverte / Etalab 2.0.")


def test_english_output(run) -> None:
    result = run("lookup", "Nancy", "--lang", "en", "--limit", "1")
    assert result.code == 0
    assert "  Type: commune (municipality)" in result.out
    assert "  Population: 103,671 (municipal population)" in result.out
    assert "Data: @etalab/decoupage-administratif 6.0.0 (COG 2026)" in result.out


def test_unknown_code_exits_1_with_a_hint(run) -> None:
    result = run("lookup", "99999")
    assert result.code == 1 and result.out == ""
    assert "Aucune collectivité ne correspond à « 99999 »" in result.err
    assert "code INSEE" in result.err and "SIREN" in result.err


def test_nothing_found_in_json_is_still_json(run) -> None:
    result = run("lookup", "xqzjkw", "--format", "json", "--lang", "en")
    assert result.code == 1
    assert json.loads(result.out)["results"] == []
    assert "Check the spelling" in result.err


def test_hints_follow_what_was_typed(run) -> None:
    assert "clé de contrôle" in run("lookup", "245400677").err  # one digit off a real SIREN
    valid_departement_siren = run("lookup", "225400019")
    assert valid_departement_siren.code == 1
    assert "cherchez par nom ou par code" in valid_departement_siren.err
    assert "5 caractères" in run("lookup", "543955").err
    for typed in ("245 400 677", "245.400.677", "245-400-677"):
        assert "« " + typed + " » n'est pas un SIREN valide" in run("lookup", typed).err


@pytest.mark.parametrize("words", [("st", "etienne"), ("st etienne",), ("Saint-Étienne",)])
def test_names_ignore_saint_accents_and_quotes(run, words) -> None:
    data = lookup_json(run, *words)
    assert data["results"][0]["code_insee"] == "42218"
    assert data["query"] == " ".join(words)


def test_homonyms_in_a_table_most_populated_first(run) -> None:
    result = run("lookup", "Saint-Denis", "-n", "3")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0].startswith("3 collectivités pour « Saint-Denis »")
    header = lines[2]
    assert re.match(r"Nom +Type +Code INSEE +SIREN +Département +Population$", header)
    assert re.match(r"Saint-Denis +commune +97411 +219740115 +974 La Réunion +155\u202f634$", lines[3])
    assert "93066" in lines[4]
    assert all(len(line) == len(header) for line in lines[3:6])  # aligned columns
    assert "--limit 6" in result.out


@pytest.mark.parametrize(
    ("words", "code"),
    [(("2a004",), "2A004"), (("1001",), "01001"), (("215", "403", "957"), "54395"),
     (("75101",), "75056")],  # lower case, lost leading zero, spaced SIREN, arrondissement
)
def test_codes_as_users_type_them(run, words, code) -> None:
    assert lookup_json(run, *words)["results"][0]["code_insee"] == code


def test_close_match_for_a_typo(run) -> None:
    data = lookup_json(run, "nanci", code=1)  # no such name: look-alikes are suggestions
    assert data["count"] == 0 and data["results"] == []
    assert data["suggestions"][0]["code_insee"] == "54395"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("",), "indiquez un nom, un code INSEE ou un SIREN"),
        ((), "indiquez un nom, un code INSEE ou un SIREN"),
        (("--", "---"), "ne contient ni lettre ni chiffre"),
        (("Nancy", "--limit", "0"), "--limit 0 : indiquez un nombre entier de 1 à 1000."),
        (("nanci", "-n", "99999999999999999999"), "--limit 99999999999999999999 : indiquez"),
        (("Nancy", "--limit", "1001"), "de 1 à 1000"),
        (("Nancy", "--format", "xml"), "--format « xml »"),
    ],
)
def test_usage_errors_exit_2(run, args, message) -> None:
    result = run("lookup", *args)
    assert result.code == 2
    assert message in result.err
    assert result.out == ""


def test_help_names_the_source(run) -> None:
    result = run("lookup", "--help")
    assert result.code == 0
    text = " ".join(result.out.split())  # help is wrapped to the terminal width
    assert "@etalab/decoupage-administratif" in text
    assert "Licence Ouverte / Etalab 2.0" in text


def _imported(args: list[str]) -> set[str]:
    """Top-level modules a fresh `python -m tnl_cli ARGS` imports, from -X importtime."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "100"}
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "tnl_cli", *args],
                          capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    names = re.findall(r"^import time:\s+\d+ \|\s+\d+ \|\s*([\w.]+)$", done.stderr, re.MULTILINE)
    assert "tnl_cli.cli" in names  # the parse works
    return {name.split(".")[0] for name in names}


@pytest.mark.parametrize("args", [["--help"], ["lookup", "--help"]])
def test_help_loads_no_data_and_no_heavy_module(args: list[str]) -> None:
    heavy = {"sqlite3", "_sqlite3", "rapidfuzz", "yaml", "rich", "questionary", "jinja2"}
    assert _imported(args) & heavy == set()


def test_more_is_offered_only_within_the_limit(run) -> None:
    some = run("lookup", "saint", "-n", "600")
    assert some.code == 0 and "--limit 1000 pour en voir davantage" in some.out
    most = run("lookup", "saint", "-n", "1000")
    assert most.code == 0 and len(most.out.splitlines()) > 1000
    assert "pour en voir davantage" not in most.out


def test_results_fit_80_columns(run, monkeypatch) -> None:
    """Columns when they fit, else two lines per result; no line reaches column 80."""
    wide = run("lookup", "saint martin")
    assert "Code INSEE" in wide.out.splitlines()[2]  # 200 columns: the header line
    monkeypatch.setenv("COLUMNS", "80")
    for words in (["saint", "martin"], ["communauté", "de", "communes", "du", "pays"]):
        r = run("lookup", *words)
        assert r.code == 0, r.err
        lines = r.out.splitlines()
        assert lines and max(len(line) for line in lines) <= 79, r.out
        results = [line for line in lines if line.endswith(" hab.")]
        assert len(results) == 10
        assert all(lines[lines.index(line) + 1].startswith("  ") for line in results)


def test_why_a_result_matched_wraps_at_80_columns(run, monkeypatch) -> None:
    """The notes saying why a result came up are cut between words, wrapped lines indented."""
    monkeypatch.setenv("COLUMNS", "80")
    r = run("lookup", "75001")
    assert r.code == 0, r.err
    lines = r.out.splitlines()
    assert max(len(line) for line in lines) <= 79, r.out
    notes = " ".join(line.strip() for line in lines if line.startswith("  "))
    assert "ancien code INSEE" in notes and "ressemble à un code postal" in notes
    assert any(line.startswith("    ") for line in lines)  # a note's continuation

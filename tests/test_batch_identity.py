"""Batch identity: codes checked against the official geography, as `reconcile` checks them."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tnl_cli.batch.columns import read_layout
from tnl_cli.batch.identity import IdentityCells
from tnl_cli.loaders.catalogs import load_edition
from tnl_cli.reference import territory, territory_index

CATALOG = load_edition()
GATES = [c.id for c in CATALOG.gates]
HEADER = ["nom", "type", "code_insee", "siren", "population", *GATES]
INDEX = territory_index.load_index()


def write_csv(path: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(header)
        out.writerows(rows)
    return path


def results(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def test_unknown_insee_code_rejects_the_row(run: Any, tmp_path: Path) -> None:
    source = write_csv(tmp_path / "f.csv", [["Nulle part", "commune", "54999", "", "", "oui"],
                                            ["Nancy", "commune", "54395", "", "", "oui"]])
    result = run("batch", str(source), "-o", str(tmp_path / "out.csv"))
    assert result.code == 1
    rejected, nancy = results(tmp_path / "out.csv")
    assert rejected["verdict"] == "rejected" and rejected["code_insee"] == "54999"
    assert rejected["erreurs"].startswith(
        "ligne 2, colonne C « code_insee » : le code INSEE « 54999 » n'existe pas dans le Code "
        "officiel géographique")
    assert nancy["verdict"] != "rejected" and nancy["erreurs"] == ""


def test_name_contradicting_its_code_is_a_warning_and_the_row_is_assessed(
        run: Any, tmp_path: Path) -> None:
    gates = ["oui"] * len(GATES)
    source = write_csv(tmp_path / "f.csv", [["Nancy", "commune", "05074", "", "", *gates],
                                            ["Lettret", "metropole", "05074", "", "", *gates]])
    result = run("batch", str(source), "-o", str(tmp_path / "out.csv"), "--lang", "en")
    assert result.code == 0, result.err
    name, kind = results(tmp_path / "out.csv")
    assert name["verdict"] == "eligible" and name["nom"] == "Nancy"
    assert name["avertissements"] == ("line 2, column A 'nom': declared name 'Nancy' does not "
                                      "match code 05074, which is 'Lettret'.")
    assert kind["type"] == "metropole" and "column B 'type'" in kind["avertissements"]
    assert "Identities to check (2 row(s)" in result.err and "line 3, column B" in result.err


def test_a_code_alone_fills_in_the_identity(run: Any, tmp_path: Path) -> None:
    source = write_csv(tmp_path / "f.csv", [["05074"], ["1053.0"]], header=["code_insee"])
    result = run("batch", str(source), "-o", str(tmp_path / "out.json"))
    assert result.code == 0, result.err
    import json

    lettret, bourg = [json.loads(line) for line in
                      (tmp_path / "out.json").read_text(encoding="utf-8").splitlines()]
    assert (lettret["nom"], lettret["type"], lettret["siren"], lettret["departement"]) == (
        "Lettret", "commune", "210500740", "05")
    assert lettret["population"] == territory.by_insee("05074").population
    assert lettret["verdict"] == "incomplete" and lettret["avertissements"] == []
    assert (bourg["nom"], bourg["code_insee"]) == ("Bourg-en-Bresse", "01053")


def test_siren_only_epci_row(run: Any, tmp_path: Path) -> None:
    gates = ["oui"] * len(GATES)
    source = write_csv(tmp_path / "f.csv", [["", "", "", "245400676", "", *gates],
                                            ["", "", "", "245 400 676", "", *gates]])
    result = run("batch", str(source), "-o", str(tmp_path / "out.csv"))
    assert result.code == 0, result.err
    for row in results(tmp_path / "out.csv"):
        assert (row["nom"], row["type"], row["siren"], row["code_insee"]) == (
            "Métropole du Grand Nancy", "metropole", "245400676", "")
        assert row["verdict"] == "eligible" and row["departement"] == "54"


def test_valid_siren_of_no_collectivity_is_a_warning(run: Any, tmp_path: Path) -> None:
    source = write_csv(tmp_path / "f.csv", [["Ma SEM", "syndicat", "", "732829320", ""],
                                            ["Ma commune", "commune", "", "732829320", ""]])
    result = run("batch", str(source), "-o", str(tmp_path / "out.csv"))
    assert result.code == 0, result.err
    syndicat, commune = results(tmp_path / "out.csv")
    assert syndicat["avertissements"] == ""  # no SIREN of syndicates in the source
    assert "le SIREN 732829320 est valide mais n'appartient à aucune" in commune["avertissements"]


def test_files_without_codes_are_not_checked(run: Any, tmp_path: Path, monkeypatch: Any) -> None:
    def no_index() -> None:
        raise AssertionError("the territory index is loaded only for files with codes")

    monkeypatch.setattr(territory_index, "load_index", no_index)
    source = write_csv(tmp_path / "f.csv", [["Nancy", "commune"]], header=["nom", "type"])
    assert run("batch", str(source)).code == 0


# -- the fast cases say what reconcile says --------------------------------------------------

_COMMUNES = sorted(INDEX.communes)
_EPCIS = sorted(INDEX.epcis)
_LAYOUT = read_layout(["nom", "type", "code_insee", "siren", "population"], CATALOG, "f.csv", 1)


@st.composite
def _identity_row(draw: st.DrawFn) -> list[str]:
    """Real codes, written the way people write them, with names and types right or wrong."""
    epci = draw(st.booleans())
    if epci:
        siren = draw(st.sampled_from(_EPCIS))
        kind, official = INDEX.epcis[siren][:2]
        insee = ""
    else:
        insee = draw(st.sampled_from(_COMMUNES))
        official, siren = INDEX.communes[insee][:2]
        siren = siren or ""
        kind = "commune"
    other = draw(st.sampled_from(_COMMUNES))
    nom = draw(st.sampled_from(["", official, official.upper(), INDEX.communes[other][0]]))
    kind = draw(st.sampled_from(["", kind, "commune", "métropole", "CC", "syndicat"]))
    if not epci:
        insee = draw(st.sampled_from([insee, insee.lstrip("0"), f" {insee}"]))
        siren = draw(st.sampled_from(["", siren, INDEX.communes[other][1] or ""]))
    population = draw(st.sampled_from(["", "1200", "12 000"]))
    return [nom, kind, insee, siren, population, ""]


@settings(max_examples=150, deadline=None)
@given(row=_identity_row())
def test_fast_cases_equal_reconcile(row: list[str]) -> None:
    cells = IdentityCells(_LAYOUT, INDEX)
    kind, first, head, problems, notes = cells.check(list(row))
    if head is None:  # refused before any reconciling: nothing to compare
        assert problems
        return
    parsed = IdentityCells(_LAYOUT, None).check(list(row))[2]
    assert parsed is not None
    nom, insee, siren, kind_given, population, _ = parsed
    slow = cells._reconciled(kind_given or None, first, nom, insee or None, siren or None,
                             None if population == "" else population)
    assert (kind, head, [p.problem for p in problems], [n.problem for n in notes]) == (
        slow[0], slow[2], [p.problem for p in slow[3]], [n.problem for n in slow[4]])


@pytest.mark.parametrize("code", ["54395", "2A004", "97411", "05074"])
def test_index_tuples_agree_with_the_records(code: str) -> None:
    record = territory.by_insee(code)
    name, siren, population, departement, insee = INDEX.communes[code]
    assert (record.name, record.siren, record.population, record.departement, record.insee) == (
        name, siren, population, departement, insee)


def test_the_index_is_cached_and_a_bad_cache_is_read_again(tmp_path: Path,
                                                           monkeypatch: Any) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    (tmp_path / "tnl").mkdir()
    (tmp_path / "tnl" / "territoire-1-2-py30-0.marshal").write_bytes(b"from an older version")
    first = territory_index.load_index()
    (cache,) = (tmp_path / "tnl").glob("territoire-*.marshal")  # the older one is gone
    assert first.communes == INDEX.communes and first.epcis == INDEX.epcis
    assert territory_index.load_index().communes == first.communes  # read back from the cache
    cache.write_bytes(b"\x00damaged")
    assert territory_index.load_index().communes == first.communes
    (tmp_path / "file").write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))  # no cache can be written
    assert territory_index.load_index().epcis == first.epcis

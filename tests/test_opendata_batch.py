"""`tnl batch FILE --opendata-dir DIR`: the data.gouv.fr cells beside each row."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from conftest import EXAMPLES

DIR = EXAMPLES / "opendata"
TABLE = ("nom;code_insee;siren;type;population\n"
         "Nancy;54395;;commune;\n"
         ";;245400676;metropole;\n"
         "Lettret;05074;;commune;\n"
         "Paris;75056;;commune;\n"
         "Sans code;;;commune;1200\n"
         "Mauvais;;123;commune;\n")


def _run_batch(run, tmp_path: Path, *extra: str, suffix: str = ".csv"):
    table = tmp_path / "collectivites.csv"
    table.write_text(TABLE, encoding="utf-8")
    out = tmp_path / f"resultats{suffix}"
    return run("batch", str(table), "--opendata-dir", str(DIR), "-o", str(out), *extra), out


def test_every_row_gets_what_its_collectivity_publishes(run, tmp_path: Path) -> None:
    result, out = _run_batch(run, tmp_path)
    assert result.code == 1, result.err  # the row with a bad SIREN is rejected
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = {r["ligne"]: r for r in csv.DictReader(f, delimiter=";")}
    cells = {line: tuple(r[k] for k in ("datagouv_organisations", "datagouv_jeux",
                                        "datagouv_licence", "datagouv_jeux_scdl"))
             for line, r in rows.items()}
    assert cells == {"2": ("2", "6", "licence_ouverte_2", "2"),
                     "3": ("1", "1", "licence_ouverte_2", "0"),
                     "4": ("1", "0", "", "0"), "5": ("0", "0", "", "0"),
                     "6": ("", "", "", ""), "7": ("", "", "", "")}
    assert rows["2"]["datagouv_jeux_recents"].isdigit()
    # the folder has OpenDataFrance's list: Nancy's own portal, the métropole without one
    odf = {line: (r["opendatafrance_portail"], r["opendatafrance_jeux"])
           for line, r in rows.items()}
    assert odf == {"2": ("https://opendata.nancy.fr", "42"), "3": ("", ""), "4": ("", "0"),
                   "5": ("", "0"), "6": ("", ""), "7": ("", "")}
    assert ("et liste d'OpenDataFrance : 2 collectivités ne publient aucun jeu de données ni "
            "sur data.gouv.fr ni sur un portail de la liste, dont 1 de 3 500 habitants ou "
            "plus ; 2 en publient.") in result.out
    assert "2 lignes sans SIREN" in result.out


def test_without_opendatafrances_list(run, tmp_path: Path) -> None:
    exports = tmp_path / "exports"
    exports.mkdir()
    for path in DIR.glob("export-*.csv"):
        (exports / path.name).write_bytes(path.read_bytes())
    table = tmp_path / "t.csv"
    table.write_text(TABLE, encoding="utf-8")
    out = tmp_path / "o.csv"
    result = run("batch", str(table), "--opendata-dir", str(exports), "-o", str(out))
    assert ("data.gouv.fr (exports du 2026-11-28) : 2 collectivités n'y publient aucun jeu de "
            "données, dont 1 de 3 500 habitants ou plus ; 2 en publient.") in result.out
    with open(out, encoding="utf-8-sig", newline="") as f:
        assert {r["opendatafrance_jeux"] for r in csv.DictReader(f, delimiter=";")} == {""}


def test_json_lines_in_english(run, tmp_path: Path) -> None:
    result, out = _run_batch(run, tmp_path, "--lang", "en", suffix=".jsonl")
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows[0]["datagouv_jeux"] == 6 and rows[0]["datagouv_organisations"] == 2
    assert "1 of them with 3,500 inhabitants or more" in result.out


def test_the_option_needs_an_output_and_a_folder_of_exports(run, tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text(TABLE, encoding="utf-8")
    result = run("batch", str(table), "--opendata-dir", str(DIR))
    assert result.code == 2 and "--output" in result.err
    empty = tmp_path / "vide"
    empty.mkdir()
    result = run("batch", str(table), "--opendata-dir", str(empty), "-o", str(tmp_path / "o.csv"))
    assert result.code == 2
    assert "export-organization*.csv, export-dataset*.csv" in result.err
    assert not (tmp_path / "o.csv").exists()
    result = run("batch", str(table), "--opendata-dir", str(tmp_path / "absent"), "-o",
                 str(tmp_path / "o.csv"))
    assert result.code == 2 and "n'est pas un dossier" in result.err


def test_a_broken_export_writes_nothing(run, tmp_path: Path) -> None:
    exports = tmp_path / "exports"
    exports.mkdir()
    for path in DIR.glob("export-*.csv"):
        (exports / path.name).write_bytes(path.read_bytes())
    dataset = next(exports.glob("export-dataset*.csv"))
    dataset.write_bytes(dataset.read_bytes()[:1500])
    table = tmp_path / "t.csv"
    table.write_text(TABLE, encoding="utf-8")
    out = tmp_path / "o.csv"
    result = run("batch", str(table), "--opendata-dir", str(exports), "-o", str(out))
    assert result.code == 2 and dataset.name in result.err
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["exports", "t.csv"]

"""`tnl batch` as a user runs it: real-looking files made here, results read back row by row."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from tnl_cli.core.catalog import load_edition
from tnl_cli.reference.territory import by_insee

CATALOG = load_edition()
GATES = [c.id for c in CATALOG.gates]
CHOICE = next(c for c in CATALOG.criteria if c.type == "choice")
BOUNDED = next(c for c in CATALOG.criteria if c.type == "number" and c.maximum is not None)
HEADER = ["nom", "type", "code_insee", "siren", "population", "agents", "elu_referent",
          "responsable", *GATES, CHOICE.id, BOUNDED.id]


def row(nom: str, kind: str, insee: str, siren: str, gates: tuple[str, ...] = ("oui",) * 4,
        **more: str) -> list[str]:
    cells = {"nom": nom, "type": kind, "code_insee": insee, "siren": siren,
             "population": "1200", "agents": "12,5", **dict(zip(GATES, gates, strict=True)),
             **more}
    return [cells.get(name, "") for name in HEADER]


GOOD = [
    row("Saint-Étienne", "commune", "42218", "214202186", gates=("oui", "x", "Oui", "OUI"),
        elu_referent="Gaël Perdriau, maire, gael@saint-etienne.fr"),
    row("L'Haÿ-les-Roses", "commune", "94038", "219400389", gates=("oui", "oui", "non", "oui"),
        responsable="Anaïs Martin <anais@lhay.fr>"),
    row("Échirolles", "Commune", "38151", "213801517", gates=("oui", "oui", "oui", "")),
    row("Métropole du Grand Nancy", "Métropole", "", "245400676"),
]


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8-sig",
              delimiter: str = ";", header: list[str] = HEADER) -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        out = csv.writer(handle, delimiter=delimiter)
        out.writerow(header)
        out.writerows(rows)
    return path


def results(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


# -- the files people have ------------------------------------------------------------------

def test_excel_windows_1252_semicolons(run: Any, tmp_path: Path) -> None:
    source = write_csv(tmp_path / "communes.csv", GOOD, encoding="cp1252")
    result = run("batch", str(source), "-o", str(tmp_path / "out.csv"))
    assert result.code == 0, result.err
    rows = results(tmp_path / "out.csv")
    assert [(r["ligne"], r["nom"], r["verdict"]) for r in rows] == [
        ("2", "Saint-Étienne", "eligible"),
        ("3", "L'Haÿ-les-Roses", "eligible_with_reservations"),
        ("4", "Échirolles", "incomplete"), ("5", "Métropole du Grand Nancy", "eligible")]
    assert [r["manques"] for r in rows] == ["", "initiatives_libres_territoire", "", ""]
    assert "dont avec réserve (le jury décide)" in result.out
    assert rows[0]["code_insee"] == "42218" and rows[0]["siren"] == "214202186"
    assert rows[1]["manques"] == GATES[2] and rows[2]["sans_reponse"] == GATES[3]
    assert rows[3]["type"] == "metropole" and rows[3]["niveau"] == ""
    assert rows[0]["erreurs"] == "" and int(rows[0]["score_logiciels"]) > 0
    assert "4 ligne(s) vérifiée(s)" in result.out and "éligibles" in result.out
    assert "\r" not in result.err  # no progress bar when stderr is not a terminal


def test_utf8_bom_commas_and_repaired_codes(run: Any, tmp_path: Path) -> None:
    rows = [row("Lettret", "commune", "5074", "210500740"),  # a spreadsheet ate the zero
            row("Bourg-en-Bresse", "commune", "1053.0", "210100533")]
    source = write_csv(tmp_path / "f.csv", rows, delimiter=",")
    result = run("batch", str(source), "-o", str(tmp_path / "out.csv"))
    assert result.code == 0, result.err
    assert [r["code_insee"] for r in results(tmp_path / "out.csv")] == ["05074", "01053"]


def test_ods_with_numbers_and_a_named_sheet(run: Any, tmp_path: Path) -> None:
    from odfdo import Document, Table

    doc = Document("spreadsheet")
    doc.body.append(Table("Notes"))
    table = Table("Collectivités")
    for j, name in enumerate(HEADER):
        table.set_value((j, 0), name)
    values: list[Any] = ["Lettret", "commune", 5074, 210500740, 196, 3, "", "", True, "oui",
                         "x", "oui", CHOICE.choices[0].value, BOUNDED.maximum]
    for j, value in enumerate(values):
        table.set_value((j, 1), value)
    doc.body.append(table)
    doc.save(tmp_path / "f.ods")
    result = run("batch", str(tmp_path / "f.ods"), "--sheet", "collectivites", "-o",
                 str(tmp_path / "out.json"))
    assert result.code == 0, result.err
    (record,) = [json.loads(line) for line in (tmp_path / "out.json").read_text().splitlines()]
    assert record["ligne"] == 2 and record["code_insee"] == "05074"
    assert record["siren"] == "210500740" and record["verdict"] == "eligible"
    assert record["manques"] == [] and isinstance(record["score"], int)


def test_xlsx_in_and_out(run: Any, tmp_path: Path) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(tmp_path / "f.xlsx"))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, HEADER)
    sheet.write_row(1, 0, ["Nancy", "commune"])
    sheet.write_number(1, 2, 54395)
    sheet.write_number(1, 3, 215403957.0)
    sheet.write_row(1, 8, ["oui", "non", "oui", "oui"])
    book.close()
    result = run("batch", str(tmp_path / "f.xlsx"), "-o", str(tmp_path / "out.xlsx"))
    assert result.code == 0, result.err
    from tnl_cli.io.table_read import open_spreadsheet

    out = list(open_spreadsheet(tmp_path / "out.xlsx", None).rows)
    assert out[0][:12] == ["ligne", "nom", "code_insee", "siren", "type", "population",
                           "departement", "region", "epci_siren", "epci_nom",
                           "tranche_population", "verdict"]
    nancy = by_insee("54395")  # the population comes from the COG
    assert out[1][:12] == ["2", "Nancy", "54395", "215403957", "commune",
                           str(nancy.population), "54", "44", "245400676",
                           "Métropole du Grand Nancy", "50000-199999",
                           "eligible_with_reservations"]


# -- bad rows -------------------------------------------------------------------------------

def test_every_kind_of_bad_row_is_rejected_and_the_run_goes_on(run: Any, tmp_path: Path) -> None:
    high = f"{BOUNDED.maximum + 1:g}"
    bad = [
        row("Clé fausse", "commune", "42218", "214202187"),
        row("Code court", "commune", "ABCDE", "214202186"),
        row("Bidule", "bidule", "42218", "214202186"),
        row("Peut-être", "commune", "42218", "214202186", gates=("peut-être", "oui", "oui", "oui")),
        GOOD[0],
        row("Courriel", "commune", "42218", "214202186", responsable="Jean Dupont, DSI, jean@"),
        row("Population", "commune", "42218", "214202186", population="-5"),
        row("Choix", "commune", "42218", "214202186", **{CHOICE.id: "peut-être"}),
        row("Borne", "commune", "42218", "214202186", **{BOUNDED.id: high}),
        row("Trois erreurs", "commune", "422", "12", gates=("oui", "oui", "oui", "maybe")),
        row("Débordement", "commune", "42218", "214202186") + ["", "en trop"],
        ["=HYPERLINK(\"http://x\")", "commune", "", "", "", "", "", "", "oui"],
    ]
    source = write_csv(tmp_path / "bad.csv", bad)
    result = run("batch", str(source), "-o", str(tmp_path / "out.csv"))
    assert result.code == 1
    rows = results(tmp_path / "out.csv")
    assert [r["ligne"] for r in rows] == [str(n) for n in range(2, 14)]
    verdicts = [r["verdict"] for r in rows]
    assert verdicts == ["rejected"] * 4 + ["eligible"] + ["rejected"] * 6 + ["incomplete"]
    errors = [r["erreurs"] for r in rows]
    assert "ligne 2, colonne D « siren » : SIREN « 214202187 » invalide" in errors[0]
    assert "ligne 3, colonne C « code_insee »" in errors[1] and "mal formé" in errors[1]
    assert "colonne B « type » : type de collectivité « bidule » inconnu" in errors[2]
    assert f"colonne I « {GATES[0]} » : critère « {GATES[0]} » : « peut-être » n'est pas " \
           "une réponse oui/non. Réponses acceptées" in errors[3]
    assert "colonne H « responsable »" in errors[5] and "jean@" in errors[5]
    assert "colonne E « population »" in errors[6] and "négatif" in errors[6]
    assert f"« {CHOICE.id} »" in errors[7] and CHOICE.choices[0].value in errors[7]
    assert "hors des bornes" in errors[8]
    assert errors[9].count(" | ") == 2  # three problems in one row, all named
    assert "ligne 12 : 1 cellule(s) au-delà de la dernière colonne" in errors[10]
    assert rows[1]["code_insee"] == "ABCDE"  # a rejected row keeps what was typed
    assert rows[11]["nom"] == "'=HYPERLINK(\"http://x\")"  # formula neutralised
    assert "rejetées (données invalides)" in result.out and "10" in result.out
    assert "Lignes rejetées" in result.err and "ligne 2, colonne D" in result.err
    assert "la colonne « erreurs » de" in result.err  # more than ten: pointed to the file


def test_errors_in_english(run: Any, tmp_path: Path) -> None:
    source = write_csv(tmp_path / "bad.csv", [row("X", "commune", "42218", "214202187")])
    result = run("batch", str(source), "-o", str(tmp_path / "out.csv"), "--lang", "en")
    assert result.code == 1
    assert results(tmp_path / "out.csv")[0]["erreurs"].startswith(
        "line 2, column D 'siren': invalid SIREN '214202187'")
    assert "rejected (invalid data)" in result.out


# -- the file itself ------------------------------------------------------------------------

@pytest.mark.parametrize(("content", "message"), [
    (b"", "le fichier est vide"),
    (b"\n\n;;\n", "aucune ligne d'en-t"),
    (b"colonne;autre\nx;y\n", "aucune colonne d'identit"),
    (b"nom;type\n", "aucune ligne \xc3\xa0 v\xc3\xa9rifier"),
    (bytes(range(256)) * 4, "encodage du texte non reconnu"),
    (b"nom;siren;NOM\nx;y;z\n", "colonnes A \xc2\xab nom \xc2\xbb et C \xc2\xab NOM \xc2\xbb"),
])
def test_unusable_files_exit_2(run: Any, tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "f.csv"
    path.write_bytes(content)
    result = run("batch", str(path), "-o", str(tmp_path / "out.csv"))
    assert result.code == 2
    assert message.encode("latin-1").decode("utf-8") in result.err
    assert not (tmp_path / "out.csv").exists()
    assert "Traceback" not in result.err


def test_missing_file_and_mixed_encodings(run: Any, tmp_path: Path) -> None:
    assert run("batch", str(tmp_path / "nope.csv")).code == 2
    lines = ["nom;type"] + [f"Ville {i};commune" for i in range(10)]
    path = tmp_path / "f.csv"
    path.write_bytes("\n".join(lines).encode() + "\nÉchirolles;commune\n".encode()
                     + "Saint-Étienne;commune\n".encode("cp1252"))
    result = run("batch", str(path), "-o", str(tmp_path / "out.csv"))
    assert result.code == 2 and "f.csv:13: des caractères de cette ligne" in result.err
    assert "mélange des encodages" in result.err
    assert "--encoding cp1252" in result.err and not (tmp_path / "out.csv").exists()


def test_encoding_break_far_down_and_open_quote_are_located(run: Any, tmp_path: Path) -> None:
    lines = ["nom;type"] + [f"Échirolles {i};commune" for i in range(9000)]
    path = tmp_path / "f.csv"
    path.write_bytes(("\n".join(lines) + "\n").encode() + "Saint-Étienne;commune\n".encode("cp1252"))
    result = run("batch", str(path), "-o", str(tmp_path / "out.csv"))
    assert result.code == 2 and "f.csv:9002: des caractères" in result.err
    assert not (tmp_path / "out.csv").exists()
    path.write_text('nom;type\nA;commune\n"B' + "x" * 200_000 + ";commune\n", encoding="utf-8")
    result = run("batch", str(path))
    assert result.code == 2 and "f.csv:3: ligne illisible" in result.err


def test_unknown_columns_are_reported_once(run: Any, tmp_path: Path) -> None:
    header = HEADER + ["commentaire", "formats_ouvert"]
    source = write_csv(tmp_path / "f.csv", [GOOD[0] + ["x", "y"], GOOD[1] + ["", ""]],
                       header=header)
    result = run("batch", str(source))
    assert result.code == 0
    assert result.err.count("colonnes inconnues ignorées") == 1
    assert "« commentaire », « formats_ouvert » (→ formats_ouverts" in result.err


def test_forced_encoding_and_delimiter(run: Any, tmp_path: Path) -> None:
    source = write_csv(tmp_path / "f.csv", GOOD[:1], encoding="cp1252", delimiter="\t")
    result = run("batch", str(source), "--encoding", "cp1252", "--delimiter", "tab", "-o",
                 str(tmp_path / "out.csv"))
    assert result.code == 0, result.err
    assert results(tmp_path / "out.csv")[0]["nom"] == "Saint-Étienne"
    assert run("batch", str(source), "--delimiter", "|").code == 2


def test_output_is_never_the_input_nor_an_existing_file(run: Any, tmp_path: Path) -> None:
    source = write_csv(tmp_path / "f.csv", GOOD)
    before = source.read_bytes()
    assert run("batch", str(source), "-o", str(source), "--force").code == 2
    assert source.read_bytes() == before
    (tmp_path / "out.csv").write_text("à garder", encoding="utf-8")
    result = run("batch", str(source), "-o", str(tmp_path / "out.csv"))
    assert result.code == 2 and "--force" in result.err
    assert (tmp_path / "out.csv").read_text(encoding="utf-8") == "à garder"
    assert run("batch", str(source), "-o", str(tmp_path / "out.csv"), "--force").code == 0
    assert len(results(tmp_path / "out.csv")) == len(GOOD)


def test_progress_bar_on_a_terminal(run: Any, tmp_path: Path, monkeypatch: Any) -> None:
    from tnl_cli.commands import batch as command

    monkeypatch.setattr(command, "_stderr_is_terminal", lambda: True)
    source = write_csv(tmp_path / "f.csv", GOOD * 600)
    result = run("batch", str(source))
    assert result.code == 0
    assert result.err.startswith("\r[") and "%" in result.err
    assert result.err.endswith("\r")  # the bar is wiped before the summary


# -- template -------------------------------------------------------------------------------

@pytest.mark.parametrize("suffix", [".csv", ".ods", ".xlsx"])
def test_template_reads_back_with_its_hint_line(run: Any, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"modele{suffix}"
    result = run("batch", "--template", str(path))
    assert result.code == 0 and "Modèle écrit" in result.out
    from tnl_cli.io.table_read import open_spreadsheet

    if suffix == ".csv":
        lines = results(path)
        header = list(lines[0])
        hints = list(lines[0].values())
    else:
        header, hints = list(open_spreadsheet(path, None).rows)
    assert header[:4] == ["nom", "type", "code_insee", "siren"]
    assert header[9:] == [c.id for c in CATALOG.criteria]
    assert "9 chiffres" in hints[3] and "oui / non / x" in hints[HEADER.index(GATES[0]) + 1]
    empty = run("batch", str(path))
    assert empty.code == 2 and "aucune ligne à vérifier" in empty.err
    assert run("batch", "--template", str(path)).code == 2  # never overwritten silently


def test_filled_csv_template(run: Any, tmp_path: Path) -> None:
    path = tmp_path / "modele.csv"
    run("batch", "--template", str(path))
    header = results(path)[0]
    filled = dict.fromkeys(header, "") | {"nom": "Lettret", "type": "commune",
                                          "code_insee": "05074", "siren": "210500740"}
    filled |= dict.fromkeys(GATES, "x")
    with path.open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerow(filled.values())
    result = run("batch", str(path), "-o", str(tmp_path / "out.csv"))
    assert result.code == 0, result.err
    assert "ligne d'aide du modèle ignorée" in result.out
    (only,) = results(tmp_path / "out.csv")
    assert only["ligne"] == "3" and only["verdict"] == "eligible"


def test_template_refuses_other_formats_and_a_file_to_check(run: Any, tmp_path: Path) -> None:
    assert run("batch", "--template", str(tmp_path / "m.txt")).code == 2
    assert run("batch", "x.csv", "--template", str(tmp_path / "m.csv")).code == 2
    assert run("batch").code == 2


# -- dossiers -------------------------------------------------------------------------------

def test_dossiers_for_eligible_rows_never_overwrite(run: Any, tmp_path: Path) -> None:
    twins = [GOOD[0], GOOD[0], GOOD[1],
             row("../../évasion", "commune", "", "", elu_referent="A")]
    source = write_csv(tmp_path / "f.csv", twins)
    out = tmp_path / "dossiers"
    result = run("batch", str(source), "--dossiers", str(out))
    assert result.code == 0, result.err
    names = sorted(p.name for p in out.iterdir())
    # L'Haÿ-les-Roses misses a listed criterion: eligible with a reservation, it may apply
    assert names == ["evasion.md", "l-hay-les-roses-94038.md", "saint-etienne-42218-2.md",
                     "saint-etienne-42218.md"]
    assert "Saint-Étienne" in (out / "saint-etienne-42218.md").read_text(encoding="utf-8")
    assert "4 dossier(s)" in result.out
    again = run("batch", str(source), "--dossiers", str(out))
    assert again.code == 0
    assert len(list(out.iterdir())) == 8  # new names, nothing replaced
    assert not list(tmp_path.glob("*.md")) and not (tmp_path.parent / "evasion.md").exists()


def test_dossiers_directory_must_be_a_directory(run: Any, tmp_path: Path) -> None:
    source = write_csv(tmp_path / "f.csv", GOOD)
    (tmp_path / "plain").write_text("x", encoding="utf-8")
    assert run("batch", str(source), "--dossiers", str(tmp_path / "plain")).code == 2
    assert run("batch", str(source), "--dossiers", str(tmp_path / "a" / "b")).code == 2


def test_inventory_cells_qualify_unknown_software(run: Any, tmp_path: Path) -> None:
    inventory = next(c for c in CATALOG.criteria if c.type == "inventory")
    header = HEADER + [inventory.id]
    rows = [GOOD[0] + [f"LibreOffice | Firefox | Logiciel maison {word}"]  # 3 free: 1 point
            for word in ("(libre)", "(propriétaire)", "(free)", "")]
    source = write_csv(tmp_path / "f.csv", rows, header=header)
    result = run("batch", str(source), "-o", str(tmp_path / "out.csv"))
    assert result.code == 0, result.err
    scores = [int(r[f"score_{inventory.domain}"]) for r in results(tmp_path / "out.csv")]
    assert scores[0] == scores[2] > scores[1] == scores[3]

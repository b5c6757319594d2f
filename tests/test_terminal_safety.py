"""Issue 15, finding 2: nothing from input reaches the terminal as a control sequence.

Each input path (answers file, `--set`, a batch cell and header, `--sheet`, a file name, an
unknown option) is given escape sequences; neither standard output nor standard error may then
hold a C0/C1 control (newline and tab aside) or a bidi override."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from tnl_cli.loaders.catalogs import load_edition
from tnl_cli.textsafe import UNSAFE_CHARS

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "commune-exemple.yaml"
CATALOG = load_edition()
GATES = [c.id for c in CATALOG.gates]
OSC_TITLE = "\x1b]0;PWNED\x1b\\"
OSC_CLIP = "\x1b]52;c;ZWNobyBvd25lZA==\x07"
BIDI = "\u202e\u2066"


def unsafe(text: str) -> list[str]:
    return sorted({repr(ch) for ch in text if ch in UNSAFE_CHARS})


def assert_clean(result: Any) -> None:
    assert not unsafe(result.out), unsafe(result.out)
    assert not unsafe(result.err), unsafe(result.err)


def hostile_answers(tmp_path: Path) -> Path:
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "nom: Saint-Libre-sur-Loire",
        'nom: "Saint\\e]0;PWNED\\e\\\\-Libre\\u202e\\x9b2J\\a"', 1)
    text = text.replace(
        "Délibération du conseil municipal",
        "Délibération \\e[2J du conseil municipal", 1)  # folded scalar: kept as typed
    text = text.replace(
        "  schema_directeur_numerique: oui",
        '  schema_directeur_numerique:\n    valeur: oui\n'
        '    justification: "Vu \\e]52;c;aGk=\\a le \\u202eschéma"', 1)
    path = tmp_path / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_answers_file_text_is_cleaned_in_the_report(run: Any, tmp_path: Path, fmt: str) -> None:
    result = run("assess", "--answers", str(hostile_answers(tmp_path)), "--format", fmt)
    assert result.code in (0, 1), result.err
    assert_clean(result)
    assert "Saint" in result.out
    if fmt == "json":  # the data is kept, written as JSON escapes
        nom = json.loads(result.out)["collectivite"]["nom"]
        assert "\x1b" in nom and "\u202e" in nom


def test_answers_file_text_is_cleaned_in_the_dossier(run: Any, tmp_path: Path) -> None:
    answers = hostile_answers(tmp_path)
    result = run("dossier", "--answers", str(answers))
    assert_clean(result)
    assert "Saint" in result.out
    for fmt in ("md", "html"):
        out = tmp_path / f"d.{fmt}"
        result = run("dossier", "--answers", str(answers), "-o", str(out))
        assert result.code in (0, 1), result.err
        assert not unsafe(out.read_text(encoding="utf-8"))  # the docs promise no bidi trick


def test_set_value_is_shown_escaped(run: Any) -> None:
    result = run("assess", "--answers", str(EXAMPLE), "--set",
                 "formats_ouverts=\x1b[31moui" + OSC_TITLE)
    assert result.code == 2
    assert_clean(result)
    assert "\\x1b[31moui" in result.err  # the user sees what is wrong with the value
    result = run("assess", "--answers", str(EXAMPLE), "--set", f"{OSC_CLIP}=oui")
    assert result.code == 2
    assert_clean(result)


def test_file_names_and_options_are_cleaned(run: Any, tmp_path: Path) -> None:
    result = run("assess", "--answers", str(tmp_path / f"{OSC_TITLE}x{BIDI}.yaml"))
    assert result.code == 2
    assert_clean(result)
    result = run("assess", f"--{OSC_CLIP}")
    assert result.code == 2
    assert_clean(result)
    result = run("lookup", f"Nancy{OSC_TITLE}")
    assert_clean(result)


def _batch_file(tmp_path: Path) -> Path:
    header = ["nom", "type", "code_insee", "siren", "population", *GATES, f"col{OSC_CLIP}"]
    rows = [
        [f"{OSC_TITLE}\x07Nancy", "commune", "54395", "215403957", "104000",
         *["oui"] * len(GATES), "x"],
        [f"Metz{BIDI}", "commune", "57463", "215704636", "117000",
         f"oui\x1b[2J{OSC_CLIP}", *["oui"] * (len(GATES) - 1), "y"],
        [f"Ville\x9b31m{OSC_TITLE}", f"commune{OSC_TITLE}", f"5{OSC_TITLE}", "", "12",
         *["peut-être\x1b[5m"] * len(GATES), "z"],
    ]
    path = tmp_path / f"in{BIDI}.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(header)
        out.writerows(rows)
    return path


def test_batch_cells_and_headers_are_cleaned(run: Any, tmp_path: Path) -> None:
    source = _batch_file(tmp_path)
    result = run("batch", str(source))
    assert result.code in (0, 1), result.err
    assert_clean(result)
    result = run("batch", str(source), "-o", str(tmp_path / "out.csv"))
    assert_clean(result)


def test_sheet_name_is_cleaned(run: Any, tmp_path: Path) -> None:
    import xlsxwriter

    path = tmp_path / "in.xlsx"
    book = xlsxwriter.Workbook(str(path))
    book.add_worksheet("collectivites").write_row(0, 0, ["nom", "type"])
    book.close()
    result = run("batch", str(path), "--sheet", f"feuille{OSC_TITLE}{BIDI}")
    assert result.code == 2
    assert_clean(result)
    result = run("batch", str(tmp_path / "x.csv"), "--sheet", f"{OSC_CLIP}")
    assert_clean(result)


def test_walk_prompts_are_cleaned() -> None:
    from tnl_cli.textsafe import clean
    from tnl_cli.walk.prompter import Ask, Option, _cleaned

    ask = Ask("text", f"Nom {OSC_TITLE}?", (Option("a", f"A{BIDI}"),), default=f"x{OSC_CLIP}",
              instruction="\x1b[2J")
    shown = _cleaned(ask, clean)
    for text in (shown.message, shown.default, shown.instruction, shown.options[0].label):
        assert not unsafe(text), text
    assert shown.options[0].value == "a"

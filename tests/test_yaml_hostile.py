"""Issue 23: a raw control character in a YAML file (an escape sequence pasted from a terminal,
a NUL) was a traceback (KeyError: 'row' while building the message of PyYAML's ReaderError);
so was an error PyYAML gives without a place (an unknown tag)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


@pytest.mark.parametrize("raw,line,column,code", [
    ("edition: '\x1b[31m2025'\n", 1, 11, "001B"),
    ("edition: 2025\ncollectivite:\n  nom: \"ab\x00c\"\n", 3, 11, "0000"),
    ("edition: 2025\n# \x07 bip\n", 2, 3, "0007"),
    ("edition: 2025\nreponses:\n  formats_ouverts: oui\x9b\n", 3, 23, "009B"),
])
def test_a_control_character_names_its_line_and_column(run: Any, tmp_path: Path, raw: str,
                                                       line: int, column: int, code: str) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(raw, encoding="utf-8")
    res = run("assess", "--answers", str(path), "--format", "json")
    assert res.code == 2, res.err
    assert (f"r.yaml:{line}: erreur de syntaxe YAML, ligne {line}, colonne {column} : "
            f"caractère de contrôle U+{code} interdit") in res.err
    assert "\x1b" not in res.err and "\x00" not in res.err
    en = run("criteria", "lint", str(path), "--lang", "en")
    assert en.code == 2 and f"control character U+{code} not allowed" in en.err


def test_an_error_without_a_place(run: Any, tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("edition: !!python/object:os.system x\n", encoding="utf-8")
    res = run("assess", "--answers", str(path), "--format", "json")
    assert res.code == 2 and "r.yaml: erreur de syntaxe YAML" in res.err
    assert "Traceback" not in res.err


@pytest.mark.parametrize("cid", ["format_bureautique_defaut", "enjeux_strategie"])
def test_not_concerned_where_a_choice_allows_none(run: Any, tmp_path: Path, cid: str) -> None:
    """Found by the property test of --set: « non concerné » to a choice or multiple choice
    that does not allow it was a traceback (KeyError: 'allowed') in a file, --set and batch."""
    path = tmp_path / "r.yaml"
    path.write_text(f"edition: 2025\nreponses:\n  {cid}: non concerné\n", encoding="utf-8")
    res = run("assess", "--answers", str(path), "--format", "json")
    assert res.code == 2 and f"r.yaml:3: critère « {cid} » : « non concerné » : cette " \
        "question concerne toute collectivité" in res.err
    assert "odf, ooxml" in res.err or "souverainete" in res.err
    table = tmp_path / "in.csv"
    table.write_text(f"nom;type;code_insee;{cid}\nA;commune;54395;nc\n", encoding="utf-8")
    batch = run("batch", str(table), "--lang", "en")
    assert batch.code == 1 and "'not concerned' is not a possible answer" in batch.out + batch.err


@pytest.mark.parametrize("scalar", ["2026-02-30", "2026-13-45", "2026-00-01"])
def test_a_date_that_does_not_exist_stays_text(run: Any, tmp_path: Path, scalar: str) -> None:
    """PyYAML builds a date from anything shaped like one: `2026-02-30` raised ValueError, a
    traceback wherever it stood (a name, a source's date, a catalog's deadline)."""
    from tnl_cli.io import yaml as yamlio

    path = tmp_path / "r.yaml"
    path.write_text(f"edition: 2025\ncollectivite:\n  nom: {scalar}\n", encoding="utf-8")
    assert yamlio.load(path).data["collectivite"]["nom"] == scalar
    assert run("assess", "--answers", str(path), "--format", "json").code in (0, 1)
    path.write_text("edition: 2025\nreponses:\n  part_postes_os_libre:\n    valeur: 50\n"
                    f"    sources: [{{fichier: parc, format: glpi-agent-json, date: {scalar}}}]\n",
                    encoding="utf-8")
    res = run("assess", "--answers", str(path), "--format", "json")
    assert res.code == 2 and "r.yaml:5:" in res.err and "date AAAA-MM-JJ" in res.err


@pytest.mark.parametrize("scalar", ["!!timestamp abc", "!!int abc", "!!float abc",
                                    "!!bool maybe", "!!int 0x", "!!float 1e"])
def test_an_explicit_tag_on_what_it_is_not(run: Any, tmp_path: Path, scalar: str) -> None:
    """`!!int abc`, `!!bool maybe`, `!!timestamp abc`: PyYAML's constructors raised ValueError,
    KeyError or AttributeError, each a traceback; the scalar now stays text."""
    path = tmp_path / "r.yaml"
    path.write_text(f"edition: 2025\ncollectivite:\n  population: {scalar}\n", encoding="utf-8")
    res = run("assess", "--answers", str(path), "--format", "json")
    assert res.code == 2 and "r.yaml:3:" in res.err and "population" in res.err, res.err

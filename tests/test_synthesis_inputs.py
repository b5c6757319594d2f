"""tnl synthese: the inputs a batch output may come as, verdicts and editions, English, charts."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import pytest

from tnl_cli.batch.rows import output_columns
from tnl_cli.core.catalog import load_edition
from tnl_cli.synthesis import aggregate, charts
from tnl_cli.synthesis.read import read

NANCY = {"nom": "Nancy", "code_insee": "54395", "siren": "215403957", "type": "commune",
         "population": "104000", "departement": "54"}
LETTRET = {"nom": "Lettret", "code_insee": "05074", "siren": "210500740", "type": "commune",
           "population": "196", "departement": "05"}


def _output(path: Path, rows: list[dict[str, str]], edition: int = 2025,
            drop: tuple[str, ...] = ()) -> None:
    """A batch output as tnl batch writes it (UTF-8 with BOM, `;`), `drop`ping columns."""
    names = [c.name for c in output_columns(load_edition(edition)) if c.name not in drop]
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        out = csv.DictWriter(handle, names, delimiter=";", extrasaction="ignore")
        out.writeheader()
        for k, row in enumerate(rows, 2):
            out.writerow({"ligne": str(k), **row})


def test_verdicts_of_another_helper_and_unknown_ones_are_counted(run: Any,
                                                                 tmp_path: Path) -> None:
    rows = [{**NANCY, "verdict": "eligible_with_reservations", "niveau": "bronze", "score": "30"},
            {**LETTRET, "verdict": "peut-etre", "score": "10"},
            {**LETTRET, "verdict": "eligible", "niveau": "or", "score": "80"}]
    _output(tmp_path / "out.csv", rows)
    found = read([tmp_path / "out.csv"], "fr")
    block = aggregate.synthesize(found.members, found.catalog).overall
    assert dict(block.verdicts) == {"eligible": 1, "eligible_with_reservations": 1,
                                    "peut-etre": 1}
    assert dict(block.tiers)["bronze"] == 1 and dict(block.tiers)["or"] == 1
    result = run("synthese", str(tmp_path / "out.csv"), "-o", str(tmp_path / "s.md"))
    assert result.code == 0, result.err
    md = (tmp_path / "s.md").read_text(encoding="utf-8")
    assert "Éligible avec réserves" in md and "peut-etre" in md


def test_the_edition_comes_from_the_tiers(tmp_path: Path) -> None:
    _output(tmp_path / "2024.csv", [{**NANCY, "verdict": "eligible", "niveau": "3"}], 2024)
    assert read([tmp_path / "2024.csv"], "fr").catalog.edition == 2024
    _output(tmp_path / "2025.csv", [{**NANCY, "verdict": "eligible", "niveau": "argent"}])
    assert read([tmp_path / "2025.csv"], "fr").catalog.edition == 2025


def test_tiers_of_two_editions_in_one_file_are_refused(run: Any, tmp_path: Path) -> None:
    _output(tmp_path / "out.csv", [{**NANCY, "verdict": "eligible", "niveau": "3"},
                                   {**LETTRET, "verdict": "eligible", "niveau": "bronze"}])
    result = run("synthese", str(tmp_path / "out.csv"), "-o", str(tmp_path / "s.md"))
    assert result.code == 2 and "plusieurs éditions" in result.err and "out.csv" in result.err


def test_two_inputs_of_two_editions_are_refused(run: Any, tmp_path: Path) -> None:
    _output(tmp_path / "a.csv", [{**NANCY, "verdict": "eligible", "niveau": "3"}], 2024)
    _output(tmp_path / "b.csv", [{**NANCY, "verdict": "eligible", "niveau": "or"}])
    result = run("synthese", str(tmp_path / "a.csv"), str(tmp_path / "b.csv"), "-o",
                 str(tmp_path / "s.md"))
    assert result.code == 2 and "éditions mélangées" in result.err


def test_json_lines_and_an_older_output_without_the_place_columns(tmp_path: Path) -> None:
    _output(tmp_path / "old.csv", [{**NANCY, "verdict": "eligible", "niveau": "or"}],
            drop=("region", "epci_siren", "epci_nom", "tranche_population"))
    member = read([tmp_path / "old.csv"], "fr").members[0]
    assert (member.epci, member.region, member.band) == ("245400676", "44", "50000-199999")
    lines = [json.dumps({"ligne": 2, **LETTRET, "population": 196, "verdict": "not_eligible",
                         "manques": ["ouverture_donnees"], "sans_reponse": []})]
    (tmp_path / "out.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    member = read([tmp_path / "out.jsonl"], "fr").members[0]
    assert member.missing == ("ouverture_donnees",) and member.epci


def test_bad_json_lines_name_the_line(run: Any, tmp_path: Path) -> None:
    (tmp_path / "out.jsonl").write_text('{"verdict": "eligible"}\n{oops\n', encoding="utf-8")
    result = run("synthese", str(tmp_path / "out.jsonl"), "-o", str(tmp_path / "s.md"))
    assert result.code == 2 and "out.jsonl:2" in result.err


@pytest.mark.parametrize("args,words", [
    (["-"], "entrée standard"),
    (["nope.csv"], "introuvable"),
])
def test_inputs_that_cannot_be_read(run: Any, tmp_path: Path, args: list[str],
                                    words: str) -> None:
    result = run("synthese", *args, "-o", str(tmp_path / "s.md"))
    assert result.code == 2 and words in result.err


def test_one_answers_file_points_to_its_folder(run: Any, tmp_path: Path) -> None:
    example = Path(__file__).parents[1] / "examples" / "commune-exemple.yaml"
    result = run("synthese", str(example), "-o", str(tmp_path / "s.md"))
    assert result.code == 2 and "dossier" in result.err and "tnl assess" in result.err


def test_an_unreadable_answers_file_is_left_out_with_its_reason(run: Any,
                                                                tmp_path: Path) -> None:
    folder = tmp_path / "f"
    folder.mkdir()
    example = Path(__file__).parents[1] / "examples" / "commune-exemple.yaml"
    (folder / "bon.yaml").write_text(example.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "casse.yaml").write_text("edition: 2025\nreponses: [\n", encoding="utf-8")
    result = run("synthese", str(folder), "-o", str(tmp_path / "s.html"))
    assert result.code == 1 and "casse.yaml" in result.err
    assert "1 collectivité(s)" in (tmp_path / "s.html").read_text(encoding="utf-8")


def test_in_english(run: Any, tmp_path: Path) -> None:
    _output(tmp_path / "out.csv", [{**NANCY, "verdict": "eligible", "niveau": "or",
                                    "tranche_population": "50000-199999"}])
    result = run("synthese", str(tmp_path / "out.csv"), "-o", str(tmp_path / "s.html"),
                 "--lang", "en", "--par", "region")
    assert result.code == 0, result.err
    html = (tmp_path / "s.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "Eligibility" in html and "50,000 to 199,999" in html
    assert "Grand Est" in html and "Éligibilité" not in html


def test_precedent_of_another_edition_compares_verdicts_only(tmp_path: Path) -> None:
    _output(tmp_path / "old.csv", [{**NANCY, "verdict": "eligible", "niveau": "4"}], 2024)
    _output(tmp_path / "new.csv", [{**NANCY, "verdict": "eligible", "niveau": "or"},
                                   {**LETTRET, "verdict": "incomplete"}])
    old, new = read([tmp_path / "old.csv"], "fr"), read([tmp_path / "new.csv"], "fr")
    change = aggregate.change(new.members, old.members, new.catalog, old.catalog)
    assert not change.comparable_tiers and (change.new, change.gone) == (1, 0)
    assert dict(change.before_verdicts) == {"eligible": 1}


def test_charts_have_text_alternatives_and_escape_labels() -> None:
    hostile = '<b onclick="x">\x1b[31m\u202eName & co</b>'
    svg = charts.bars("c", "Titre <i>", "Desc & more", [(hostile, 3, "3 (50 %)"),
                                                        ("Autre", 0, "0")])
    assert re.search(r'<svg [^>]*role="img"[^>]*aria-labelledby="c-t c-d"', svg)
    assert '<title id="c-t">Titre &lt;i&gt;</title>' in svg
    assert '<desc id="c-d">Desc &amp; more</desc>' in svg
    assert "<b" not in svg and "\x1b" not in svg and "\u202e" not in svg
    assert "&lt;b onclick=" in svg and "3 (50 %)" in svg
    stacked = charts.stacked("d", "T", "D", [("Domaine", [1, 2, 0, 3])], ["a", "b", "c", "d"])
    assert stacked.count("<pattern") == 4 and 'fill="url(#d-p3)"' in stacked
    for count in ("1", "2", "3"):  # every visible part shows its count as text
        assert f">{count}</text>" in stacked


def test_a_hostile_verdict_value_is_text_in_every_chart_and_table(run: Any,
                                                                  tmp_path: Path) -> None:
    import zipfile

    hostile = '<svg onload="x()">\x1b]0;pwned\x07\u202e|#*'
    _output(tmp_path / "out.csv", [{**NANCY, "verdict": hostile}, {**LETTRET,
                                                                  "verdict": "eligible"}])
    for name in ("s.html", "s.md", "s.odt"):
        result = run("synthese", str(tmp_path / "out.csv"), "-o", str(tmp_path / name))
        assert result.code == 0, result.err
    html = (tmp_path / "s.html").read_text(encoding="utf-8")
    with zipfile.ZipFile(tmp_path / "s.odt") as odt:
        parts = [odt.read(n).decode("utf-8") for n in odt.namelist()
                 if n == "content.xml" or n.endswith(".svg")]
    md = (tmp_path / "s.md").read_text(encoding="utf-8")
    for text in (html, md, *parts):
        assert "onload=" not in text.replace("&lt;svg onload=", "").replace(
            "\\<svg onload=", "")
        assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    assert html.count("&lt;svg onload=") >= 2  # the chart's label and the table's cell
    assert "\\<svg onload=\"x()\"\\>" in md


def test_rejected_rows_are_counted_and_said(run: Any, tmp_path: Path) -> None:
    _output(tmp_path / "out.csv", [{**NANCY, "verdict": "eligible", "niveau": "or"},
                                   {"nom": "X", "siren": "123", "verdict": "rejected"}])
    result = run("synthese", str(tmp_path / "out.csv"), "-o", str(tmp_path / "s.md"))
    assert result.code == 1 and "1 ligne(s) rejetée(s)" in result.err
    assert "| Rejeté (données invalides) | 1 | 50" in (tmp_path / "s.md").read_text(
        encoding="utf-8")
    (tmp_path / "in.csv").write_text("nom;code_insee\nNancy;54395\nNulle part;54999\n",
                                     encoding="utf-8")
    result = run("synthese", str(tmp_path / "in.csv"), "-o", str(tmp_path / "t.md"))
    assert result.code == 1 and "54999" in result.err and "ligne 3" in result.err


def test_batch_par_needs_synthese(run: Any, tmp_path: Path) -> None:
    (tmp_path / "in.csv").write_text("nom;code_insee\nNancy;54395\n", encoding="utf-8")
    result = run("batch", str(tmp_path / "in.csv"), "--par", "epci")
    assert result.code == 2 and "--synthese" in result.err


def test_regions_and_departements_are_placed_by_their_own_code(run: Any, tmp_path: Path) -> None:
    (tmp_path / "in.csv").write_text(
        "nom;type;code_insee\nGrand Est;region;44\nMeurthe-et-Moselle;departement;54\n"
        "Corse;ctu;94\nLoire-Atlantique;departement;44\n", encoding="utf-8")
    result = run("batch", str(tmp_path / "in.csv"), "-o", str(tmp_path / "out.csv"))
    assert result.code == 0, result.err
    rows = {r["nom"]: (r["departement"], r["region"]) for r in csv.DictReader(
        (tmp_path / "out.csv").read_text(encoding="utf-8-sig").splitlines(), delimiter=";")}
    assert rows == {"Grand Est": ("", "44"), "Meurthe-et-Moselle": ("54", "44"),
                    "Corse": ("", "94"), "Loire-Atlantique": ("44", "52")}
    found = read([tmp_path / "out.csv"], "fr")
    by_region = aggregate.synthesize(found.members, found.catalog, "region")
    assert {g.key: g.block.count for g in by_region.groups} == {"44": 2, "94": 1, "52": 1}


def test_from_a_batch_output_the_tier_within_reach_and_names_only_when_asked(
        run: Any, tmp_path: Path) -> None:
    _output(tmp_path / "out.csv", [
        {**NANCY, "verdict": "eligible", "niveau": "bronze", "niveau_max": "or"},
        {**LETTRET, "verdict": "eligible_with_reservations", "niveau": "", "niveau_max": "argent"},
        {**LETTRET, "nom": "Autre", "verdict": "not_eligible", "niveau_max": ""}])
    found = read([tmp_path / "out.csv"], "fr")
    block = aggregate.synthesize(found.members, found.catalog).overall
    assert block.reach == (("", "argent", 1), ("bronze", "or", 1)) and block.gaps == ()
    assert all(c.name is None for c in block.closest)
    run("synthese", str(tmp_path / "out.csv"), "-o", str(tmp_path / "a.md"))
    run("synthese", str(tmp_path / "out.csv"), "-o", str(tmp_path / "b.md"), "--classement")
    anonymous = (tmp_path / "a.md").read_text(encoding="utf-8")
    named = (tmp_path / "b.md").read_text(encoding="utf-8")
    assert "| Label Bronze | Label Or | 1 |" in anonymous and "| Nancy |" not in anonymous
    assert "| Nancy | Label Bronze | Label Or |" in named
    assert "| Lettret | Éligible, sans niveau | Label Argent |" in named

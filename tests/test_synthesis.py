"""tnl synthese: every count recomputed independently, a folder of one EPCI's answers files,
hostile names escaped everywhere, bad inputs with their message and exit code."""

from __future__ import annotations

import csv
import random
import sqlite3
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tnl_cli.core.catalog import load_edition
from tnl_cli.synthesis import aggregate
from tnl_cli.synthesis.read import read

DB = Path(__file__).parents[1] / "tnl_cli" / "data" / "territoire.sqlite"
GATES = ("formats_ouverts", "utilise_logiciel_libre", "initiatives_libres_territoire",
         "ouverture_donnees")
OTHERS = ("deliberation_logiciel_libre", "schema_directeur_numerique", "strategie_migration",
          "pacte_logiciel_libre", "code_publie", "strategie_numerique_responsable")


def _communes(sql: str, *params: Any) -> list[tuple[str, str, int]]:
    db = sqlite3.connect(f"file:{DB}?mode=ro", uri=True)
    try:
        return list(db.execute(sql, params))
    finally:
        db.close()


def _batch_input(path: Path, rows: list[tuple[str, str, int]], seed: int = 7,
                 blank_code_at: int | None = None) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(["nom", "code_insee", *GATES, *OTHERS])
        for k, (insee, name, _) in enumerate(rows):
            cells = [rng.choice(["oui", "oui", "non", ""]) for _ in GATES + OTHERS]
            out.writerow([name, "" if k == blank_code_at else insee, *cells])


@pytest.fixture(scope="module")
def batch_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The batch output of every commune of two départements (tnl batch run for real)."""
    import subprocess
    import sys

    folder = tmp_path_factory.mktemp("synthese")
    rows = _communes("SELECT insee, name, population FROM commune "
                     "WHERE departement IN ('05', '90') ORDER BY insee")
    _batch_input(folder / "in.csv", rows)
    result = subprocess.run([sys.executable, "-m", "tnl_cli", "batch", str(folder / "in.csv"),
                             "-o", str(folder / "out.csv")], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    return folder / "out.csv"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def test_every_count_is_the_batch_outputs(batch_output: Path) -> None:
    rows = _rows(batch_output)
    found = read([batch_output], "fr")
    catalog = found.catalog
    result = aggregate.synthesize(found.members, catalog, "departement")
    # recomputed from the CSV alone, group by group
    for key, group in [("", rows), *[(d, [r for r in rows if r["departement"] == d])
                                     for d in ("05", "90")]]:
        b = result.overall if key == "" else next(g.block for g in result.groups if g.key == key)
        assert b.count == len(group)
        assert dict(b.verdicts) == {k: v for k, v in Counter(r["verdict"] for r in group).items()}
        eligible = [r for r in group  # admitted, with or without reservations
                    if r["verdict"] in ("eligible", "eligible_with_reservations")]
        tiers = Counter(r["niveau"] for r in eligible)
        assert dict(b.tiers) == {**{t.id: tiers[t.id] for t in catalog.tiers},
                                 **({"": tiers[""]} if tiers[""] else {})}
        assert {band: (n, ok) for band, n, ok in b.bands} == {
            band: (sum(1 for r in group if r["tranche_population"] == band),
                   sum(1 for r in eligible if r["tranche_population"] == band))
            for band in {r["tranche_population"] for r in group}}
        missing = Counter(c for r in group for c in
                          {x.strip() for x in (r["manques"] + "|" + r["sans_reponse"]).split("|")
                           if x.strip()})
        assert {c: n for c, n, _ in b.missing} == {c: missing[c] for c, _, _ in b.missing}
        assert [n for _, n, _ in b.missing] == sorted(missing.values(), reverse=True)[
            :len(b.missing)]
        ranks = {t.id: k for k, t in enumerate(catalog.tiers, 1)}
        reach = Counter((r["niveau"], r["niveau_max"]) for r in eligible
                        if ranks.get(r["niveau_max"], 0) > ranks.get(r["niveau"], 0))
        assert {(a, b_): n for a, b_, n in b.reach} == dict(reach)
        for k, domain in enumerate(catalog.domains):
            scores = [int(r[f"score_{domain.id}"]) for r in group]
            assert b.domains[k][1] == tuple(sum(1 for s in scores if low <= s <= high)
                                            for low, high in aggregate.SCORE_BANDS)
    assert [g.key for g in result.groups] == ["05", "90"]


def test_groups_by_epci_and_region_cover_everyone(batch_output: Path) -> None:
    rows = _rows(batch_output)
    found = read([batch_output], "fr")
    by_epci = aggregate.synthesize(found.members, found.catalog, "epci")
    assert {g.key: g.block.count for g in by_epci.groups} == dict(
        Counter(r["epci_siren"] for r in rows))
    by_region = aggregate.synthesize(found.members, found.catalog, "region")
    assert {g.key for g in by_region.groups} == {"93", "27"}


def test_the_three_formats_show_the_same_figures(run: Any, batch_output: Path,
                                                 tmp_path: Path) -> None:
    for name in ("s.html", "s.md", "s.odt"):
        result = run("synthese", str(batch_output), "-o", str(tmp_path / name), "--par",
                     "departement")
        assert result.code == 0, result.err
    html = (tmp_path / "s.html").read_text(encoding="utf-8")
    md = (tmp_path / "s.md").read_text(encoding="utf-8")
    with zipfile.ZipFile(tmp_path / "s.odt") as odt:
        content = odt.read("content.xml").decode("utf-8")
        pictures = [n for n in odt.namelist() if n.startswith("Pictures/")]
    assert "<script" not in html and html.count("<svg") == html.count("<title id=")
    assert html.count("<svg") == len(pictures) > 10
    assert "Hautes-Alpes (05)" in html and "Hautes-Alpes (05)" in md
    assert "Hautes-Alpes (05)" in content
    assert 'fill="url(#s0-domains-p1)"' in html  # stacked parts told apart by pattern
    total = len(_rows(batch_output))
    assert f"{total} collectivité(s)." in md.replace("\u202f", "")


def _answers_file(path: Path, name: str, insee: str, values: dict[str, str],
                  edition: int = 2025) -> None:
    lines = [f"edition: {edition}", "collectivite:", f"  nom: {name!r}".replace("'", '"'),
             f'  code_insee: "{insee}"', "reponses:"]
    lines += [f"  {k}: {v}" for k, v in values.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _epci_folder(folder: Path, count: int = 30) -> tuple[str, str]:
    siren, name = _communes("SELECT e.siren, e.name FROM epci e WHERE members >= ? "
                            "ORDER BY siren LIMIT 1", count)[0]
    members = _communes("SELECT insee, name, population FROM commune WHERE epci_siren = ? "
                        "ORDER BY insee LIMIT ?", siren, count)
    rng = random.Random(3)
    folder.mkdir()
    for insee, commune, _ in members:
        values = {c: "oui" if rng.random() < 0.9 else "non" for c in GATES}
        values |= {c: rng.choice(["oui", "non"]) for c in OTHERS}
        _answers_file(folder / f"{insee}.yaml", commune.replace('"', ""), insee, values)
    return siren, name


def test_a_folder_of_30_answers_files_of_one_epci(run: Any, tmp_path: Path) -> None:
    from tnl_cli.core import answers as ans
    from tnl_cli.core.engine import evaluate

    siren, name = _epci_folder(tmp_path / "membres")
    result = run("synthese", str(tmp_path / "membres"), "-o", str(tmp_path / "s.md"),
                 "--par", "epci")
    assert result.code == 0, result.err
    md = (tmp_path / "s.md").read_text(encoding="utf-8")
    assert f"SIREN {siren}" in md and "30 collectivité(s)" in md
    catalog = load_edition(2025)
    assessments = [evaluate(catalog, ans.load(p, load_edition)[0])
                   for p in (tmp_path / "membres").iterdir()]
    verdicts = Counter(a.verdict for a in assessments)
    badges = sum(1 for a in assessments if a.badge)
    assert f"obtenu par {badges} des 30 collectivités évaluées" in md
    found = read([tmp_path / "membres"], "fr")
    result_block = aggregate.synthesize(found.members, found.catalog).overall
    assert dict(result_block.verdicts) == dict(verdicts)
    # every applicable criterion counts as a pooling opportunity, not only the gates
    assert {c for c, _, _ in result_block.missing} - set(GATES)
    assert all(m.detail == "answers" and m.epci == siren for m in found.members)


def test_hostile_names_are_escaped_in_every_format(run: Any, tmp_path: Path) -> None:
    folder = tmp_path / "f"
    folder.mkdir()
    gates = "\n".join(f"  {c}: oui" for c in GATES)
    (folder / "a.yaml").write_text(
        'edition: 2025\ncollectivite:\n  nom: "<script>alert(1)</script> | # *x* '
        '\\x1b[31mRouge\\u202eevil &amp;"\n  type: commune\n  population: 900\n'
        f"reponses:\n{gates}\n", encoding="utf-8")
    for name in ("s.html", "s.md", "s.odt"):
        result = run("synthese", str(folder), "-o", str(tmp_path / name), "--classement")
        assert result.code in (0, 1), result.err
    html = (tmp_path / "s.html").read_text(encoding="utf-8")
    md = (tmp_path / "s.md").read_text(encoding="utf-8")
    with zipfile.ZipFile(tmp_path / "s.odt") as odt:
        content = odt.read("content.xml").decode("utf-8")
    for text in (html, md, content):
        assert "\x1b" not in text and "\u202e" not in text
        assert "<script>" not in text
    assert "&lt;script&gt;" in html and "&lt;script&gt;" in content
    assert "\\<script\\>" in md and "\\|" in md


def test_names_only_with_classement(run: Any, tmp_path: Path) -> None:
    _epci_folder(tmp_path / "m", 12)
    run("synthese", str(tmp_path / "m"), "-o", str(tmp_path / "a.md"))
    run("synthese", str(tmp_path / "m"), "-o", str(tmp_path / "b.md"), "--classement")
    anonymous, named = ((tmp_path / n).read_text(encoding="utf-8") for n in ("a.md", "b.md"))
    names = [p.read_text(encoding="utf-8").split("nom: ")[1].split("\n")[0].strip('"')
             for p in (tmp_path / "m").iterdir()]
    assert not [n for n in names if f"| {n} |" in anonymous]
    assert [n for n in names if f"| {n} |" in named]


def test_precedent_counts_the_change(run: Any, tmp_path: Path) -> None:
    rows = _communes("SELECT insee, name, population FROM commune WHERE departement = '90'")
    _batch_input(tmp_path / "old.csv", rows, seed=1)
    _batch_input(tmp_path / "new.csv", rows, seed=2)
    result = run("synthese", str(tmp_path / "new.csv"), "-o", str(tmp_path / "s.md"),
                 "--precedent", str(tmp_path / "old.csv"))
    assert result.code == 0, result.err
    old, new = read([tmp_path / "old.csv"], "fr"), read([tmp_path / "new.csv"], "fr")
    change = aggregate.change(new.members, old.members, new.catalog)
    assert change.up + change.down + change.same == len(rows) and change.new == 0
    assert "Évolution depuis l'an dernier" in (tmp_path / "s.md").read_text(encoding="utf-8")


# -- bad inputs -------------------------------------------------------------------------------

def test_empty_folder(run: Any, tmp_path: Path) -> None:
    (tmp_path / "vide").mkdir()
    result = run("synthese", str(tmp_path / "vide"), "-o", str(tmp_path / "s.html"))
    assert result.code == 2 and "aucun fichier de réponses" in result.err
    assert not (tmp_path / "s.html").exists()


def test_mixed_editions(run: Any, tmp_path: Path) -> None:
    folder = tmp_path / "f"
    folder.mkdir()
    _answers_file(folder / "a.yaml", "Lettret", "05074", {"formats_ouverts": "oui"}, 2024)
    _answers_file(folder / "b.yaml", "Nancy", "54395", {"formats_ouverts": "oui"}, 2025)
    result = run("synthese", str(folder), "-o", str(tmp_path / "s.html"))
    assert result.code == 2 and "éditions mélangées" in result.err
    assert "a.yaml" in result.err and "b.yaml" in result.err


def test_a_row_without_code(run: Any, tmp_path: Path) -> None:
    rows = _communes("SELECT insee, name, population FROM commune WHERE departement = '90' "
                     "ORDER BY insee LIMIT 5")
    _batch_input(tmp_path / "in.csv", rows, blank_code_at=2)
    result = run("synthese", str(tmp_path / "in.csv"), "-o", str(tmp_path / "s.md"), "--par",
                 "departement")
    assert result.code == 1
    assert "sans code INSEE ni SIREN" in result.err and "ligne 4" in result.err
    assert "Non rattachées" in (tmp_path / "s.md").read_text(encoding="utf-8")


def test_bad_options(run: Any, tmp_path: Path, batch_output: Path) -> None:
    assert run("synthese", str(batch_output), "-o", str(tmp_path / "s.pdf")).code == 2
    result = run("synthese", str(batch_output), "-o", str(tmp_path / "s.md"), "--par", "canton")
    assert result.code == 2 and "canton" in result.err
    assert run("synthese", str(batch_output), "-o", str(batch_output), "--force").code == 2


@pytest.fixture
def frictionless() -> Any:
    """frictionless, with the csv module's field size limit put back afterwards: its CSV parser
    raises it for the whole process when first imported (tests/test_batch.py checks that an
    open quote running past the limit is refused)."""
    module = pytest.importorskip("frictionless")
    limit = csv.field_size_limit()
    yield module
    csv.field_size_limit(limit)


def test_batch_synthese_and_datapackage(run: Any, tmp_path: Path, frictionless: Any) -> None:
    rows = _communes("SELECT insee, name, population FROM commune WHERE departement = '90'")
    _batch_input(tmp_path / "in.csv", rows)
    result = run("batch", str(tmp_path / "in.csv"), "-o", str(tmp_path / "out.csv"),
                 "--datapackage", "--synthese", str(tmp_path / "s.html"), "--par", "epci")
    assert result.code == 0, result.err
    assert (tmp_path / "s.html").exists()
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["type", "message"])[:5]
    schema = frictionless.validate(str(tmp_path / "schema.json"), type="schema")
    assert schema.valid
    # a wrong value breaks the validation: the schema's constraints are real
    text = (tmp_path / "out.csv").read_text(encoding="utf-8-sig").replace(";eligible;",
                                                                          ";peut-etre;", 1)
    (tmp_path / "out.csv").write_text(text, encoding="utf-8-sig")
    if ";peut-etre;" in text:
        assert not frictionless.validate(str(tmp_path / "datapackage.json")).valid

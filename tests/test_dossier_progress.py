"""`tnl dossier --answers NEW --previous OLD`: the section "Nos progrès depuis {année}" lists
only what went forward, as the catalog's statements; what was lost goes to standard error."""

from __future__ import annotations

import hashlib
import shutil
import zipfile
from pathlib import Path

import pytest
from test_cli_compare import NEW, OLD

from tnl_cli.loaders.catalogs import load_edition

CATALOG = load_edition(2025)


def _statement(cid: str, lang: str = "fr") -> str:
    text = CATALOG.by_id[cid].statement[lang]  # type: ignore[index]
    return text.split("{value}")[-1].rstrip(".")  # the words after the value


def _section(markdown: str, title: str) -> str:
    start = markdown.index(f". {title}\n")  # the heading, not the table of contents
    # French typography puts (narrow) no-break spaces before units and ":": plain spaces here
    section = markdown[start:markdown.index("\n---", start)]
    return section.replace("\u202f", " ").replace("\u2019", "'").replace("\u00a0", " ")


def test_the_section_lists_only_gains(run) -> None:
    r = run("dossier", "--answers", str(NEW), "--previous", str(OLD))
    assert r.code == 0, r.err
    section = _section(r.out, "Nos progrès depuis 2024")
    assert "Depuis notre dossier de l'édition 2024" in section
    # newly met, as statements: only what was answered "no" last year
    assert _statement("schema_directeur_numerique") in section
    # not steps taken: unanswered last year, or new in the edition
    for cid in ("plan_annuel_accessibilite", "evenements_libres",
                "strategie_numerique_responsable", "duree_vie_postes"):
        assert _statement(cid) not in section, cid
    # the figures that moved up, with last year's
    assert "60 % de nos postes de travail (contre 30 % en 2024)" in section
    assert "(contre 12 jeux de données en 2024)" in section
    assert "(nouveau depuis 2024 : pérennité et réversibilité des données)" in section
    assert "logiciels libres suivants : QGIS et Nextcloud" in section
    assert "« Information géographique », 100 %" in section
    # nothing lost, nothing merely answered, no proprietary software, no score
    for cid in ("strategie_migration", "part_postes_os_libre", "obligation_open_data_defaut"):
        assert _statement(cid) not in section, cid
    for word in ("ArcGIS", "Microsoft", "pts", "Label Bronze", "Niveau 2"):
        assert word not in section
    # no share of office software beside the answered "mixte, 60 %" (100 % … contre 50 %)
    assert "« Bureautique »" not in section
    assert section.count("\n- ") == 7  # 1 met, 3 improved, software, 2 uses
    # the loss is told to the team
    assert "strategie_migration" in r.err and "tnl compare" in r.err


def test_english_html_and_odt_have_the_section(run, tmp_path: Path) -> None:
    en = run("dossier", "--answers", str(NEW), "--previous", str(OLD), "--lang", "en")
    assert en.code == 0 and "Our progress since 2024" in en.out
    assert "(up from 30% in 2024)" in en.out
    html = tmp_path / "d.html"
    assert run("dossier", "--answers", str(NEW), "--previous", str(OLD), "-o", str(html)).code == 0
    text = html.read_text(encoding="utf-8")
    assert '<section id="progres">' in text and "Nos progrès depuis 2024" in text
    odt = tmp_path / "d.odt"
    assert run("dossier", "--answers", str(NEW), "--previous", str(OLD), "-o", str(odt)).code == 0
    content = zipfile.ZipFile(odt).read("content.xml").decode("utf-8")
    assert "Nos progrès depuis 2024" in content and "QGIS et Nextcloud" in content


def test_no_section_without_previous_or_without_progress(run) -> None:
    plain = run("dossier", "--answers", str(NEW))
    assert plain.code == 0 and "Nos progrès" not in plain.out
    same = run("dossier", "--answers", str(NEW), "--previous", str(NEW))
    assert same.code == 0 and "Nos progrès" not in same.out
    assert "Aucun progrès à présenter depuis 2025" in same.err
    # the other way round: everything would be a loss, nothing is told in the dossier
    back = run("dossier", "--answers", str(OLD), "--previous", str(NEW))
    assert back.code == 0
    assert "Nos progrès" not in back.out or _statement("schema_directeur_numerique") not in \
        _section(back.out, "Nos progrès depuis 2025")


def test_the_previous_file_is_never_modified(run, tmp_path: Path) -> None:
    old = tmp_path / "reponses-2024.yaml"
    shutil.copyfile(OLD, old)
    before = hashlib.sha256(old.read_bytes()).hexdigest()
    assert run("dossier", "--answers", str(NEW), "--previous", str(old),
               "-o", str(tmp_path / "d.md")).code == 0
    assert hashlib.sha256(old.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.md", "reponses-2024.yaml"]


@pytest.mark.parametrize("content,expected", [
    (None, "introuvable"),
    ("edition: 2019\nreponses: {}\n", "2024, 2025"),
])
def test_an_unusable_previous_file_is_a_clear_error(run, tmp_path: Path, content,
                                                     expected) -> None:
    bad = tmp_path / "ancien.yaml"
    if content is not None:
        bad.write_text(content, encoding="utf-8")
    out = tmp_path / "d.md"
    r = run("dossier", "--answers", str(NEW), "--previous", str(bad), "-o", str(out))
    assert r.code == 2 and expected in r.err and "Traceback" not in r.err
    assert not out.exists()


def test_software_names_from_the_file_stay_text(run, tmp_path: Path) -> None:
    new = tmp_path / "new.yaml"
    new.write_text(NEW.read_text(encoding="utf-8").replace(
        "inventaire_logiciels: [LibreOffice, Firefox, Thunderbird, QGIS, Nextcloud]",
        'inventaire_logiciels: [LibreOffice, Firefox, Thunderbird, QGIS, Nextcloud, '
        '{nom: "**Outil** <b>x</b>\\x1b[2J", libre: oui}]'), encoding="utf-8")
    r = run("dossier", "--answers", str(new), "--previous", str(OLD))
    assert r.code == 0, r.err
    section = _section(r.out, "Nos progrès depuis 2024")
    assert "\\*\\*Outil\\*\\*" in section and "<b>" not in section and "\x1b" not in section


def test_last_year_file_of_another_collectivity_is_named_on_standard_error(run, tmp_path) -> None:
    from test_cli_compare import other_collectivity, other_collectivity_warning

    other = other_collectivity(tmp_path)
    r = run("dossier", "--answers", str(NEW), "--previous", str(other))
    assert r.code == 0, r.err
    assert other_collectivity_warning(other) in r.err

"""The ODT dossier, opened with the ODF library: headings, tables, styles, user text as text."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from odfdo import Document

from tnl_cli.core import answers as ans
from tnl_cli.core.catalog import load_edition
from tnl_cli.core.engine import evaluate
from tnl_cli.dossier import render as dossier

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "dossier"


def odt(name: str, lang: str = "fr") -> tuple[bytes, Document]:
    answers, catalog, _ = ans.load(FIXTURES / f"{name}.yaml", load_edition)
    data = dossier.render(catalog, answers, evaluate(catalog, answers), "odt", lang,
                          tool_version="9.9.9-test", today=dt.date(2025, 9, 1), kind="rapport")
    return data, Document(io.BytesIO(data))


@pytest.fixture(scope="module")
def eligible() -> tuple[bytes, Document]:
    return odt("eligible-or")


def test_is_an_opendocument_text(eligible: tuple[bytes, Document]) -> None:
    data, doc = eligible
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.namelist()[0] == "mimetype"
        assert archive.read("mimetype") == b"application/vnd.oasis.opendocument.text"
    assert doc.get_type() == "text"
    assert doc.meta.get_title() == ("Rapport d'autoévaluation, label Territoire Numérique "
                                    "Libre 2025 — Échirolles")
    assert doc.meta.get_language() == "fr-FR"
    assert doc.meta.get_generator() == "tnl 9.9.9-test"


def test_headings(eligible: tuple[bytes, Document]) -> None:
    _, doc = eligible
    headings = [(int(h.level), h.text_recursive) for h in doc.body.get_headers()]
    assert headings[0] == (1, "Rapport d'autoévaluation, label Territoire Numérique Libre 2025 "
                              "— Échirolles")
    level2 = [text for level, text in headings if level == 2]
    assert level2 == ["Où nous en sommes", "Identité de la collectivité", "Synthèse",
                      "Nos réponses, domaine par domaine", "Vers le niveau suivant",
                      "Avant de déposer la candidature", "À propos de ce document"]
    assert (3, "Stratégie et mutualisation") in headings
    assert any(level == 4 and text.startswith("Votre assemblée délibérante")
               for level, text in headings)
    # the identity starts the page after the first page (a heading style with a page break)
    assert all(h.style == f"Heading_20_{h.level}" or (h.text_recursive, h.style) == (
        "Identité de la collectivité", "TnlHeadingNewPage") for h in doc.body.get_headers())


def test_headings_are_not_numbered(eligible: tuple[bytes, Document]) -> None:
    _, doc = eligible
    levels = doc.get_part("styles.xml").get_elements("//text:outline-level-style")
    assert levels and all(level.get_attribute("style:num-format") == "" for level in levels)


def test_score_table(eligible: tuple[bytes, Document]) -> None:
    _, doc = eligible
    table = doc.body.get_table(name="Scores")
    rows = table.get_values()
    assert rows[0] == ["Domaine", "Points", "Score", "Progression", "Critères remplis"]
    assert [r[0] for r in rows[1:]] == ["Stratégie et mutualisation",
                                        "Bonnes pratiques numériques",
                                        "Logiciels et systèmes libres",
                                        "Communication et écosystème du libre",
                                        "Gestion des données publiques"]
    assert all(r[2].endswith("%") for r in rows[1:])
    assert table.style == "TnlTable"
    header = table.get_elements("table:table-header-rows/table:table-row/table:table-cell")
    assert len(header) == 5 and all(c.style == "TnlHead" for c in header)
    content = doc.get_part("content.xml").serialize().decode()
    scores = content[content.index('table:name="Scores"'):]
    scores = scores[:scores.index("</table:table>")]
    # bars drawn in the cells, figures right-aligned like the HTML
    assert scores.count('draw:style-name="TnlBarFill"') == 5
    assert scores.count('text:style-name="TnlNum"') == 15
    head_style = doc.get_style("table-cell", "TnlHead")
    assert head_style is not None and "solid" in head_style.serialize()


def test_software_table(eligible: tuple[bytes, Document]) -> None:
    _, doc = eligible
    rows = doc.body.get_table(name="Logiciels_inventaire_logiciels").get_values()
    assert rows[0] == ["Logiciel", "Statut", "Licence"]
    assert ["LibreOffice", "libre", "MPL-2.0"] in rows
    assert ["ArcGIS", "propriétaire", ""] in rows


def test_identity_table_and_links(eligible: tuple[bytes, Document]) -> None:
    _, doc = eligible
    identity = dict(doc.body.get_table(name="Identite").get_values())
    assert identity["Nom"] == "Échirolles" and identity["Code INSEE"] == "38151"
    links = [link.url for link in doc.body.get_links()]
    assert "https://www.echirolles.example/deliberations/2021-02-02.pdf" in links


def test_hostile_text_is_plain_text() -> None:
    _, doc = odt("hostile")
    text = "\n".join(p.text_recursive for p in doc.body.get_paragraphs())
    assert "{{ 7*7 }}" in text and "49" not in text
    assert "<img src=x onerror=alert(1)>" in text
    links = [link.url for link in doc.body.get_links()]
    assert links and all(url.startswith("https://") for url in links)
    assert 'https://example.org/"><script>alert(1)</script>' not in links
    assert "https://example.org/ok?a=1&b=2" in links
    software = doc.body.get_table(name="Logiciels_inventaire_logiciels").get_values()
    assert ["<b>Gras</b> | colonne", "à préciser", ""] in software
    assert ["# {{ 7*7 }} [x](javascript:y)", "libre", ""] in software


def test_odt_in_english() -> None:
    _, doc = odt("incomplete", "en")
    headings = [h.text_recursive for h in doc.body.get_headers()]
    assert "Before submitting the application" in headings


def test_inventory_without_qualified_software_says_answer_once(tmp_path: Path) -> None:
    """No share of free software to show (nothing qualified): one "Réponse" paragraph, then
    the inventory table, as in Markdown."""
    path = tmp_path / "r.yaml"
    path.write_text("edition: 2025\ncollectivite: {nom: Lettret, type: commune}\n"
                    "reponses:\n  inventaire_logiciels: [Foobarsoft, Zyxware]\n", encoding="utf-8")
    answers, catalog, _ = ans.load(path, load_edition)
    doc = Document(io.BytesIO(dossier.render(catalog, answers, evaluate(catalog, answers), "odt",
                                             "fr", today=dt.date(2025, 9, 1), kind="rapport")))
    paragraphs = [p.text_recursive for p in doc.body.get_paragraphs()]
    answers_said = [p for p in paragraphs if p.startswith("Réponse")]
    assert len(answers_said) == 1, answers_said
    assert "Foobarsoft, Zyxware" not in "\n".join(paragraphs)
    rows = doc.body.get_table(name="Logiciels_inventaire_logiciels").get_values()
    assert rows[1:] == [["Foobarsoft", "à préciser", ""], ["Zyxware", "à préciser", ""]]
    assert doc.body.get_table(name="Parts_inventaire_logiciels") is None

"""The dossier's legal obligations and share of free software per use (issue 6), in the view
model and in the three formats; unknown software to qualify in the checklist."""

from __future__ import annotations

import datetime as dt
import io
from functools import cache
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from odfdo import Document

from tnl_cli.core.engine import evaluate
from tnl_cli.dossier import render as dossier
from tnl_cli.dossier import view as dossier_view
from tnl_cli.i18n import pick, tr
from tnl_cli.loaders import answer_files
from tnl_cli.loaders.catalogs import load_edition
from tnl_cli.locale.report import USE_DOMAINS_EN
from tnl_cli.reference import software

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "dossier"
TODAY = dt.date(2025, 9, 1)
UNMET = tr("fr", "report.obligation_unmet")
ACCESSIBILITY = ("declaration_accessibilite", "schema_pluriannuel_accessibilite",
                 "plan_annuel_accessibilite", "mention_accessibilite_accueil")


@cache
def loaded(name: str) -> tuple[Any, Any, Any]:
    answers, catalog, _ = answer_files.load(FIXTURES / f"{name}.yaml", load_edition)
    return catalog, answers, evaluate(catalog, answers)


def view(name: str, lang: str = "fr") -> dict[str, Any]:
    catalog, answers, a = loaded(name)
    return dossier_view.build(catalog, answers, a, lang, tool_version="9.9.9-test", today=TODAY)


@cache
def rendered(name: str, fmt: str, lang: str = "fr") -> bytes:
    catalog, answers, a = loaded(name)
    return dossier.render(catalog, answers, a, fmt, lang, tool_version="9.9.9-test", today=TODAY,
                          kind="rapport")


def text(name: str, fmt: str = "md", lang: str = "fr") -> str:
    return rendered(name, fmt, lang).decode("utf-8").replace("\u00a0", " ")


def question(criterion_id: str, lang: str = "fr") -> str:
    catalog, _, _ = loaded("eligible-or")
    return pick(catalog.by_id[criterion_id].question, lang)


def md_tables(markdown: str) -> list[list[list[str]]]:
    """Every table a CommonMark+GFM reader sees, as rows of cell texts (header row first)."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    tables: list[list[list[str]]] = []
    for i, token in enumerate(tokens):
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            tables[-1].append([])
        elif token.type == "inline" and tokens[i - 1].type in ("th_open", "td_open"):
            tables[-1][-1].append("".join(child.content for child in token.children or []
                                          if child.type == "text"))
    return tables


def table_with(tables: list[list[list[str]]], header: list[str]) -> list[list[str]]:
    found = [t for t in tables if t[0] == header]
    assert len(found) == 1, [t[0] for t in tables]
    return found[0]


# ---------------------------------------------------------------- legal obligations


def test_obligations_are_the_visible_criteria_with_a_legal_basis() -> None:
    catalog, _, a = loaded("not-eligible")
    obligations = view("not-eligible")["summary"]["obligations"]
    # obligations only (article 16's "encouragent" is a recommendation), and only those that
    # bind this 196-inhabitant commune (no open data by default, no REEN strategy)
    expected = [r.criterion.id for r in a.results if r.criterion.law and r.visible
                and r.criterion.law.force == "obligation"
                and r.criterion.id not in ("obligation_open_data_defaut",
                                           "strategie_numerique_responsable")]
    assert [o["id"] for o in obligations] == expected
    assert "formats_ouverts" not in expected and "utilise_logiciel_libre" not in expected
    hidden = [r.criterion.id for r in a.results if r.criterion.legal and not r.visible]
    assert hidden  # the code licence is asked only of those who publish code
    by_id = {o["id"]: o for o in obligations}
    assert by_id["declaration_accessibilite"]["status"] == "unmet"
    # in the words of the terminal view (report.obligation_*)
    assert by_id["declaration_accessibilite"]["status_text"] == UNMET
    assert by_id["schema_pluriannuel_accessibilite"]["status_text"] == "sans réponse"
    assert by_id["declaration_accessibilite"]["basis"] == pick(
        catalog.by_id["declaration_accessibilite"].legal, "fr")


def test_markdown_lists_obligations_with_status_and_basis() -> None:
    md = text("eligible-or")
    part = md.split("\n### Obligations légales\n")[1].split("\n## ")[0]
    assert "**Obligation d'ouverture des données :** Soumise" in part
    assert "**Conformité des licences :**\n\n- Conforme : Licence Ouverte 2.0" in part
    rows = table_with(md_tables(md), ["Obligation", "Situation", "Fondement juridique"])
    cells = {row[0]: row[1:] for row in rows[1:]}
    for criterion_id in ACCESSIBILITY:
        status, basis = cells[question(criterion_id)]
        assert status == "respectée"
        assert basis.startswith("Article 47 de la loi n° 2005-102 du 11 février 2005")


def test_unmet_obligations_stand_out_and_hidden_ones_are_left_out() -> None:
    md = text("not-eligible")
    assert f"| {question('declaration_accessibilite')} | **{UNMET}** |" in md
    assert f"| {question('plan_annuel_accessibilite')} | **sans réponse** |" in md
    rows = table_with(md_tables(md), ["Obligation", "Situation", "Fondement juridique"])
    assert question("licence_code_publie") not in [row[0] for row in rows]
    page = text("not-eligible", "html")
    assert f'<td class="obligation-unmet">{UNMET}</td>' in page
    assert '<h3 id="obligations">Obligations légales</h3>' in page


def test_obligations_in_english() -> None:
    md = text("eligible-or", "md", "en")
    rows = table_with(md_tables(md), ["Obligation", "Status", "Legal basis"])
    status, basis = {row[0]: row[1:] for row in rows[1:]}[question("plan_annuel_accessibilite",
                                                                    "en")]
    assert status == "met" and basis.startswith("Article 47 of Act no. 2005-102")
    assert "\n### Legal obligations\n" in md and "**Licence compliance:**" in md


# ---------------------------------------------------------------- share of free software


def test_every_use_domain_has_an_english_name() -> None:
    assert set(USE_DOMAINS_EN) == set(software.use_domains())
    assert software.use_domains()["sig"] == "Information géographique"


def test_share_per_use_in_markdown() -> None:
    md = text("eligible-or")
    rows = table_with(md_tables(md), ["Usage", "Libres", "Total", "%"])
    assert rows[1] == ["Bureautique", "1", "1", "100 %"]  # the catalog's order, not ids'
    assert ["Information géographique", "1", "2", "50 %"] in rows  # QGIS libre, ArcGIS not
    assert ["Systèmes, serveurs et parc", "2", "2", "100 %"] in rows
    assert rows[-2] == ["Autres logiciels (hors catalogue)", "1", "1", "100 %"]
    assert md.count("| **Tous usages** | **9** | **10** | **90 %** |") == 1
    # the share follows the inventory's own table
    assert md.index("| ArcGIS | propriétaire |") < md.index("**Part de logiciels libres par usage :**")


def test_share_per_use_in_english_and_html() -> None:
    rows = table_with(md_tables(text("eligible-or", "md", "en")), ["Use", "Free", "Total", "%"])
    assert ["Geographic information", "1", "2", "50%"] in rows
    assert rows[-1] == ["All uses", "9", "10", "90%"]
    page = text("eligible-or", "html")
    assert "<caption>Part de logiciels libres par usage</caption>" in page
    assert ('<tr><td>Information géographique</td><td class="num">1</td><td class="num">2</td>'
            '<td class="num">50 %</td></tr>') in page
    assert '<tr class="total"><th scope="row">Tous usages</th>' in page


def test_share_counts_only_qualified_software() -> None:
    shares = [c["shares"] for d in view("hostile")["domains"] for c in d["criteria"]
              if c["shares"]]
    # one software qualified by hand, one unknown and unqualified: no total row for one use
    assert shares == [[{"label": "Autres logiciels (hors catalogue)", "free": "1", "total": "1",
                        "percent": "100 %", "is_total": False}]]
    assert all(not c["shares"] for d in view("not-eligible")["domains"] for c in d["criteria"])


# ---------------------------------------------------------------- checklist


def test_unknown_software_to_qualify_in_the_checklist() -> None:
    md = text("hostile")
    assert ("- [ ] 1 logiciel de l'inventaire inconnu du catalogue : préciser s'il est libre ou "
            "propriétaire ({nom: …, libre: oui\\|non} dans le fichier de réponses)\n"
            "  - \\<b\\>Gras\\</b\\> \\| colonne\n") in md
    page = text("hostile", "html")
    assert "<li>&lt;b&gt;Gras&lt;/b&gt; | colonne</li>" in page
    assert ("- [x] Chaque logiciel de l'inventaire est qualifié (libre ou propriétaire)"
            in text("eligible-or"))
    assert "logiciel de l'inventaire" not in text("not-eligible")  # no inventory given
    assert "1 program in the inventory is unknown to the catalog" in text("hostile", "md", "en")


# ---------------------------------------------------------------- ODT


def odt(name: str, lang: str = "fr") -> Document:
    return Document(io.BytesIO(rendered(name, "odt", lang)))


def test_odt_obligations_and_shares() -> None:
    doc = odt("eligible-or")
    headings = [(int(h.level), h.text_recursive) for h in doc.body.get_headers()]
    assert (3, "Obligations légales") in headings
    rows = doc.body.get_table(name="Obligations").get_values()
    assert rows[0] == ["Obligation", "Situation", "Fondement juridique"]
    cells = {row[0]: row[1:] for row in rows[1:]}
    for criterion_id in ACCESSIBILITY:
        assert cells[question(criterion_id)][0] == "respectée"
        assert cells[question(criterion_id)][1].startswith("Article 47 de la loi")
    shares = doc.body.get_table(name="Parts_inventaire_logiciels")
    values = shares.get_values()
    assert values[0] == ["Usage", "Libres", "Total", "%"]
    assert ["Information géographique", "1", "2", "50 %"] in values
    assert values[-1] == ["Tous usages", "9", "10", "90 %"]
    header = shares.get_elements("table:table-header-rows/table:table-row/table:table-cell")
    assert len(header) == 4 and all(c.style == "TnlHead" for c in header)


def test_odt_unmet_obligations_and_unknown_software() -> None:
    rows = odt("not-eligible").body.get_table(name="Obligations").get_values()
    assert [question("declaration_accessibilite"), UNMET] in [row[:2] for row in rows]
    paragraphs = [p.text_recursive for p in odt("hostile").body.get_paragraphs()]
    assert any(p.startswith("☐ 1 logiciel de l'inventaire inconnu du catalogue") for p in paragraphs)
    assert "<b>Gras</b> | colonne" in paragraphs


def test_odt_in_english_has_the_new_parts() -> None:
    doc = odt("eligible-or", "en")
    assert doc.body.get_table(name="Obligations").get_values()[0] == [
        "Obligation", "Status", "Legal basis"]
    assert doc.body.get_table(name="Parts_inventaire_logiciels").get_values()[-1] == [
        "All uses", "9", "10", "90%"]


def test_software_under_a_non_free_licence_is_not_called_proprietary(tmp_path: Path) -> None:
    """The dossier reads licences as `tnl software` does (software.licence_status)."""
    path = tmp_path / "r.yaml"
    path.write_text("edition: 2025\ncollectivite: {nom: Lettret, type: commune}\nreponses:\n"
                    "  inventaire_logiciels: [MongoDB, Microsoft Office, LibreOffice, "
                    "{nom: Foobarsoft, libre: non}, Zyxware]\n", encoding="utf-8")
    answers, catalog, _ = answer_files.load(path, load_edition)
    built = dossier_view.build(catalog, answers, evaluate(catalog, answers), "fr",
                               tool_version="9.9.9-test", today=TODAY)
    rows = next(c["software"] for d in built["domains"] for c in d["criteria"] if c["software"])
    assert [(r["name"], r["status"], r["licence"]) for r in rows] == [
        ("MongoDB", "non libre", "SSPL-1.0"), ("Microsoft Office", "propriétaire", None),
        ("LibreOffice", "libre", "MPL-2.0"), ("Foobarsoft", "propriétaire", None),
        ("Zyxware", "à préciser", None)]

"""The candidacy's defects of issue 22 (documents, round 2), one test each, named after it:
each builds the smallest answers file that showed the defect and checks it is gone."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tnl_cli.core import answers as ans
from tnl_cli.core.catalog import load_edition
from tnl_cli.core.engine import evaluate
from tnl_cli.dossier import render as dossier

TODAY = dt.date(2025, 9, 1)
READER = MarkdownIt("commonmark").enable("table")


def build(tmp_path: Path, body: str, fmt: str = "md", lang: str = "fr",
          kind: str = "dossier") -> str | bytes:
    path = tmp_path / "r.yaml"
    path.write_text("edition: 2025\n" + body, encoding="utf-8")
    answers, catalog, _ = ans.load(path, load_edition)
    out = dossier.render(catalog, answers, evaluate(catalog, answers), fmt, lang,
                         tool_version="t", today=TODAY, kind=kind)
    return out if fmt == "odt" else out.decode("utf-8")


def plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\u00a0", " ").replace("\u2019", "'")


COMMUNE = ("collectivite: {nom: Lettret, type: commune, code_insee: '05074',\n"
           "  elu_referent: {nom: Marc Roux, fonction: Maire}}\n")
EPCI = ("collectivite: {nom: CA Agglomération d'Agen, type: communaute_agglomeration,\n"
        "  elu_referent: {nom: Anne Roy, fonction: Vice-présidente}}\n")


def test_odt_toc_updates_with_page_numbers(tmp_path: Path) -> None:
    """Tools > Update left the table of contents blank: its entry templates were empty."""
    odt = build(tmp_path, COMMUNE + "reponses: {formats_ouverts: oui}\n", "odt")
    content = zipfile.ZipFile(io.BytesIO(odt)).read("content.xml").decode()  # type: ignore[arg-type]
    templates = re.findall(r"<text:table-of-content-entry-template .*?"
                           r"</text:table-of-content-entry-template>", content, re.S)
    assert len(templates) == 3
    for template in templates:
        for part in ("index-entry-text", "index-entry-tab-stop", "index-entry-page-number",
                     "index-entry-link-start"):
            assert part in template
    # page numbers as delivered: each entry refers to the page of a bookmark in its heading
    refs = re.findall(r'text:reference-format="page" text:ref-name="([^"]+)"', content)
    assert "presentation" in refs and "domaine-pratiques" in refs
    for name in refs:
        assert re.search(rf'<text:h [^>]*><text:bookmark text:name="{name}"/>', content), name
    assert '<text:p text:style-name="Contents_20_Heading">Sommaire</text:p>' in content
    assert 'text:style-name="TnlHeadingNewPage"' in content  # the body starts a new page


def test_software_named_only_under_its_own_use(tmp_path: Path) -> None:
    """« mesure d'audience (WordPress, Matomo) », « serveurs et virtualisation (GLPI) »."""
    md = plain(build(tmp_path, COMMUNE + (  # type: ignore[arg-type]
        "reponses:\n  inventaire_logiciels: [WordPress, Matomo, GLPI, Debian, Proxmox VE]\n"
        "  logiciels_libres_utilises: [site_web, mesure_audience, gestion_parc, serveurs]\n")))
    assert "site internet (WordPress)" in md
    assert "mesure d'audience (Matomo)" in md
    assert "gestion du parc et assistance (GLPI)" in md
    assert "serveurs et virtualisation (Debian, Proxmox VE)" in md


def test_introduction_announces_only_sections_present(tmp_path: Path) -> None:
    md = plain(build(tmp_path, COMMUNE + "reponses: {formats_ouverts: oui}\n"))  # type: ignore[arg-type]
    intro = next(line for line in md.splitlines() if line.startswith("La commune de Lettret"))
    assert "notre collectivité" in intro and "nos actions" in intro
    for absent in ("démarche", "projets", "annexe"):
        assert absent not in intro, absent


def test_inventory_kept_when_its_criterion_scores_zero(tmp_path: Path) -> None:
    md = build(tmp_path, COMMUNE + "reponses:\n  inventaire_logiciels: [Firefox, Microsoft Word]\n")
    assert "| Firefox | Navigation web |" in md and "| Microsoft Word |" in md  # type: ignore[operator]


def test_no_done_at_line_without_a_signatory(tmp_path: Path) -> None:
    body = ("collectivite: {nom: Lettret, type: commune, responsable: Élodie Blanc}\n"
            "reponses: {formats_ouverts: oui}\n")
    for fmt in ("md", "html"):
        text = plain(build(tmp_path, body, fmt))  # type: ignore[arg-type]
        assert "Fait le" not in text and "Fait à" not in text
        assert "Élodie Blanc" in text
    odt = build(tmp_path, body, "odt")
    assert "Fait à" not in zipfile.ZipFile(io.BytesIO(odt)).read("content.xml").decode()  # type: ignore[arg-type]


def test_annexes_titled_one_per_document_cited_with_grammar(tmp_path: Path) -> None:
    md = plain(build(tmp_path, COMMUNE + (  # type: ignore[arg-type]
        "dossier:\n  annexes:\n    - {titre: Délibération du 12 mars 2022,"
        " url: 'https://ville.example/delib.pdf'}\n"
        "reponses:\n  deliberation_logiciel_libre:\n    valeur: oui\n"
        "    justification: Adoptée à l'unanimité.\n"
        "    preuves: ['https://VILLE.example/delib.pdf']\n"
        "  formats_ouverts:\n    valeur: oui\n    preuves: ['https://ville.example/delib.pdf/']\n"
        "  ouverture_donnees:\n    valeur: oui\n    justification: Portail ouvert en 2021.\n"
        "    preuves: ['https://data.ville.example']\n")))
    annexes = md[md.index("## 3. Annexes"):]
    entries = re.findall(r"^\d+\. .*$", annexes, re.M)
    assert len(entries) == 2, entries  # the deliberation once, whatever its spelling
    assert entries[0].endswith("(citée en 2.1, 2.2)") and "Délibération du 12 mars 2022" in entries[0]
    assert "Portail ouvert en 2021 : <https://data.ville.example>" in entries[1]
    assert "cité en" not in annexes


def test_statement_fits_the_body_and_the_answers(tmp_path: Path) -> None:
    """« nos services ou nos établissements scolaires » for an EPCI, « nous avons entrepris
    d'ouvrir nos données » for a body that publishes 186 datasets."""
    md = plain(build(tmp_path, EPCI + (  # type: ignore[arg-type]
        "reponses: {utilise_logiciel_libre: oui, ouverture_donnees: oui,"
        " nombre_jeux_donnees: 186}\n")))
    assert "Nous utilisons des logiciels libres dans nos services." in md
    assert "scolaires" not in md and "entrepris" not in md
    assert "Nous publions nos données publiques en données ouvertes." in md


def test_no_internal_labels_and_no_repeated_kind(tmp_path: Path) -> None:
    md = plain(build(tmp_path, EPCI + (  # type: ignore[arg-type]
        "reponses:\n  inventaire_logiciels: [Firefox, {nom: Logiciel maison, libre: oui},"
        " Outil Inconnu]\n")))
    assert "hors catalogue" not in md and "non précisée" not in md
    assert "Autres usages" in md
    assert "Communauté d'agglomération Agglomération" not in md
    assert "L'Agglomération d'Agen présente sa candidature" in md


def test_user_numbered_list_stays_a_list(tmp_path: Path) -> None:
    body = COMMUNE + ("dossier:\n  demarche: \"Trois étapes :\\n1. la bureautique ;\\n"
                      "2. la messagerie *libre* ;\\n3. les serveurs.\"\n"
                      "reponses: {formats_ouverts: oui}\n")
    md = build(tmp_path, body)
    assert "1\\." not in md  # type: ignore[operator]
    tokens = [t.type for t in READER.parse(md)]  # type: ignore[arg-type]
    assert "ordered_list_open" in tokens and "em_open" not in tokens
    html = build(tmp_path, body, "html")
    assert "<ol><li>la bureautique" in html  # type: ignore[operator]
    odt = build(tmp_path, body, "odt")
    content = zipfile.ZipFile(io.BytesIO(odt)).read("content.xml").decode()  # type: ignore[arg-type]
    assert "<text:list" in content and "2. la messagerie *libre*" in content


def test_french_typography_in_user_text(tmp_path: Path) -> None:
    md = build(tmp_path, COMMUNE + (
        "dossier:\n  presentation: \"Pourquoi le libre? Parce qu'il est « partagé»; voilà.\"\n"
        "reponses: {formats_ouverts: oui}\n"))
    assert "libre\u202f? Parce qu\u2019il est «\u202fpartagé\u202f»\u202f; voilà." in md  # type: ignore[operator]
    assert "1ᵉʳ septembre 2025" in md  # type: ignore[operator]
    assert not re.search(r"^[?!;:»]", md, re.M)  # type: ignore[call-overload]


def test_html_prints_with_running_header_and_page_numbers_without_marianne(tmp_path: Path) -> None:
    html = build(tmp_path, "collectivite:\n  nom: 'Let\"tret};</style>'\n  type: commune\n"
                 "reponses: {formats_ouverts: oui}\n", "html")
    assert "Marianne" not in html  # type: ignore[operator]
    style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)  # type: ignore[union-attr,call-overload]
    assert "@top-center" in style and "counter(page)" in style
    running = re.search(r"@top-center \{ content: (\"[^\"]*\");", style).group(1)  # type: ignore[union-attr]
    assert "</style>" not in running and "}" not in running and "\\000022" in running


@pytest.mark.parametrize("lang, expected", [
    ("fr", "sur 72 % de nos postes de travail (298 postes sur 412, inventaire GLPI Agent du "
           "28 novembre 2026)."),
    ("en", "(298 workstations out of 412, GLPI Agent inventory of 28 November 2026)."),
])
def test_figure_from_a_file_states_count_base_and_source(tmp_path: Path, lang: str,
                                                         expected: str) -> None:
    md = plain(build(tmp_path, COMMUNE + (  # type: ignore[arg-type]
        "reponses:\n  suite_bureautique: libre\n  part_postes_libreoffice:\n    valeur: 72\n"
        "    sources: [{fichier: parc.json, format: glpi-agent-json, date: 2026-11-28,"
        " lu_le: 2026-12-06, compte: 298, base: 412, unite: postes}]\n"), lang=lang))
    assert expected in md.replace("72%", "72 %")


FIELDS = ("dossier:\n  site_web: https://www.lettret.example\n"
          "  adresse: \"Place de la Mairie\\n05130 Lettret\"\n"
          "  budget: 3 000 € par an\n  equipe: Une secrétaire de mairie\n"
          "  calendrier: ['2020 : LibreOffice', '2026 : messagerie libre']\n")


def test_key_figures_box_and_optional_dossier_fields(tmp_path: Path) -> None:
    md = plain(build(tmp_path, COMMUNE.replace("'05074',", "'05074', agents: 2,") + FIELDS + (  # type: ignore[arg-type]
        "reponses: {nombre_jeux_donnees: 12, ouverture_donnees: oui,"
        " inventaire_logiciels: [Firefox, Microsoft Word], economies_realisees: 0}\n")))
    box = md[md.index("**Chiffres clés**"):md.index("## Sommaire")]
    assert "- **196** habitants" in box and "- **2** agents" in box
    assert "- **12** jeux de données ouverts" in box and "- **1 sur 2** logiciels" in box
    assert "- **Budget :** 3 000 € par an" in box and "Une secrétaire de mairie" in box
    assert "économies" not in box  # a zero is no key figure
    assert "Place de la Mairie\\\n05130 Lettret" in md and "<https://www.lettret.example>" in md
    assert "**Les étapes de notre démarche**\n\n- 2020 : LibreOffice" in md
    html = build(tmp_path, COMMUNE + FIELDS + "reponses: {formats_ouverts: oui}\n", "html")
    assert 'class="key-figures"' in html and 'href="https://www.lettret.example"' in html  # type: ignore[operator]


def test_optional_dossier_fields_are_checked_and_written_back(tmp_path: Path, run) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("edition: 2025\n" + COMMUNE + FIELDS, encoding="utf-8")
    answers, _, _ = ans.load(path, load_edition)
    again = ans.dossier_to_dict(answers.dossier)
    assert again["site_web"] == "https://www.lettret.example"
    assert again["adresse"] == "Place de la Mairie\n05130 Lettret"
    assert again["calendrier"] == ["2020 : LibreOffice", "2026 : messagerie libre"]
    path.write_text("edition: 2025\n" + COMMUNE + "dossier:\n  site_web: javascript:alert(1)\n"
                    "  budget: [1, 2]\n", encoding="utf-8")
    r = run("dossier", "--answers", str(path))
    assert r.code == 2 and not r.out
    assert "r.yaml:5:" in r.err and "javascript:alert(1)" in r.err  # file, line and value
    assert "r.yaml:6:" in r.err and "« budget »" in r.err and "Traceback" not in r.err


# ---------------------------------------------------------------- the self-assessment report
INVENTORY = (COMMUNE + "reponses:\n  inventaire_logiciels: [LibreOffice, Firefox, Zimbra,"
             " Microsoft Exchange, QGIS, ArcGIS]\n  formats_ouverts: oui\n"
             "  utilise_logiciel_libre: oui\n  deliberation_logiciel_libre: oui\n")


def test_report_first_page_says_where_the_team_stands(tmp_path: Path) -> None:
    md = plain(build(tmp_path, INVENTORY, kind="rapport"))  # type: ignore[arg-type]
    first = md[:md.index("## Identité de la collectivité")]
    assert "## Où nous en sommes" in first and "**Éligibilité :** **" in first
    assert "selon les" in first and "questions sans réponse" in first  # the level's range
    assert "Badge (estimation) : " in first
    top = re.findall(r"^\d\. \*\*", first, re.M)
    assert len(top) == 5
    # an eligibility criterion left open comes first
    # the two eligibility criteria left open come first
    top_lines = re.findall(r"^\d\. \*\*(.*)$", first, re.M)
    assert sorted(line[:20] for line in top_lines[:2]) == [
        "Avez-vous entrepris ", "Les initiatives numé"], top_lines
    html = build(tmp_path, INVENTORY, "html", kind="rapport")
    assert html.index('id="ou-nous-en-sommes"') < html.index('id="identite"')  # type: ignore[union-attr]


def test_report_pictures_svg_in_html_and_shapes_in_odt(tmp_path: Path) -> None:
    html = build(tmp_path, INVENTORY, "html", kind="rapport")
    for chart in ("ladder", "domains", "uses"):
        assert f'<figure class="chart {chart}">' in html  # type: ignore[operator]
    assert html.count("<svg role=\"img\"") == 3 and "Label Bronze</text>" in html  # type: ignore[union-attr]
    assert 'class="free"' in html and 'class="other"' in html  # type: ignore[operator]
    odt = build(tmp_path, INVENTORY, "odt", kind="rapport")
    content = zipfile.ZipFile(io.BytesIO(odt)).read("content.xml").decode()  # type: ignore[arg-type]
    assert 'table:name="Niveaux"' in content and "TnlBarFree" in content
    assert content.count("<draw:rect ") >= 5 + 3  # domain bars and use bars


def test_report_gives_no_advice_contradicting_an_answer(tmp_path: Path) -> None:
    md = build(tmp_path, INVENTORY, kind="rapport")
    assert "Dressez l'inventaire" not in md and "Faites l'inventaire de vos logiciels" not in md  # type: ignore[operator]
    assert "À partir de votre inventaire des logiciels" in md  # type: ignore[operator]


def test_report_has_one_merged_evidence_checklist(tmp_path: Path) -> None:
    md = build(tmp_path, INVENTORY, kind="rapport")
    checklist = md[md.index("## Avant de déposer"):]  # type: ignore[index]
    assert "sans justification" not in checklist and "sans lien de preuve" not in checklist
    lines = re.findall(r"^  - .*\((justification, lien de preuve|justification|lien de preuve)\)$",
                       checklist, re.M)
    assert len(lines) == 3, checklist  # one line per criterion, what it lacks in brackets


def test_report_and_dossier_give_the_same_counts(tmp_path: Path) -> None:
    report = plain(build(tmp_path, INVENTORY, kind="rapport"))  # type: ignore[arg-type]
    candidacy = plain(build(tmp_path, INVENTORY))  # type: ignore[arg-type]
    for use, free, total in (("Messagerie, agenda et discussion", 1, 2),
                             ("Information géographique", 1, 2), ("Bureautique", 1, 1)):
        assert f"| {use} | {free} | {total - free} |" in report
        assert f"| {use} | {free} | {total} |" in candidacy


def test_statement_names_the_schools_only_when_the_answers_do(tmp_path: Path) -> None:
    base = COMMUNE + "reponses: {utilise_logiciel_libre: oui%s}\n"
    without = plain(build(tmp_path, base % ""))  # type: ignore[arg-type]
    assert "Nous utilisons des logiciels libres dans nos services." in without
    schools = plain(build(tmp_path, base % ", ecoles_logiciels_libres: oui"))  # type: ignore[arg-type]
    assert "dans nos services et dans nos écoles." in schools
    assert "ou nos établissements scolaires" not in without + schools


PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x78\x00\x00\x00\x3c\x08\x02\x00\x00"
       b"\x00")  # the header of a 120 x 60 PNG: enough for the checks the dossier makes


def test_logo_on_the_cover_of_html_and_odt(tmp_path: Path, run) -> None:
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "logo.png").write_bytes(PNG)
    answers = tmp_path / "r.yaml"
    answers.write_text("edition: 2025\n" + COMMUNE + "dossier: {logo: img/logo.png}\n"
                       "reponses: {formats_ouverts: oui}\n", encoding="utf-8")
    html, odt = tmp_path / "d.html", tmp_path / "d.odt"
    assert run("dossier", "-a", str(answers), "-o", str(html)).code == 0
    assert '<img class="logo" src="data:image/png;base64,' in html.read_text(encoding="utf-8")
    assert run("dossier", "-a", str(answers), "-o", str(odt)).code == 0
    package = zipfile.ZipFile(odt)
    pictures = [n for n in package.namelist() if n.startswith("Pictures/")]
    assert len(pictures) == 1 and pictures[0].endswith(".png")
    assert package.read(pictures[0]) == PNG
    content = package.read("content.xml").decode()
    assert 'svg:width="4.00cm" svg:height="2.00cm"' in content  # the image's 2:1 ratio kept
    assert pictures[0] in package.read("META-INF/manifest.xml").decode()


@pytest.mark.parametrize("content, logo, message", [
    (None, "absent.png", "logo illisible"),
    (b"GIF89a not a png", "logo.png", "n'est pas une image PNG, JPEG ou SVG"),
    (b"\x89PNG\r\n\x1a\n" + b"0" * (2 * 1024 * 1024), "logo.png", "logo trop lourd"),
    (PNG, "logo.gif", "n'est pas une image que le dossier sait inclure"),
])
def test_a_bad_logo_is_a_clear_error(tmp_path: Path, run, content: bytes | None, logo: str,
                                     message: str) -> None:
    if content is not None:
        (tmp_path / logo).write_bytes(content)
    answers = tmp_path / "r.yaml"
    answers.write_text("edition: 2025\n" + COMMUNE + f"dossier: {{logo: {logo}}}\n",
                       encoding="utf-8")
    out = tmp_path / "d.html"
    r = run("dossier", "-a", str(answers), "-o", str(out))
    assert r.code == 2 and message in r.err and "Traceback" not in r.err, r.err
    assert not out.exists()


def test_report_lists_which_answers_came_from_which_file(tmp_path: Path) -> None:
    body = COMMUNE + (
        "reponses:\n  suite_bureautique: libre\n  part_postes_libreoffice:\n    valeur: 72\n"
        "    sources: [{fichier: inventaires/, format: glpi-agent-json, date: 2026-11-28,"
        " lu_le: 2026-12-06, compte: 298, base: 412, unite: postes}]\n"
        "  ouverture_donnees: oui\n  nombre_jeux_donnees:\n    valeur: 186\n"
        "    sources: [{fichier: export.csv, format: datagouv-export, date: 2026-12-01}]\n")
    md = plain(build(tmp_path, body, kind="rapport"))  # type: ignore[arg-type]
    assert ("*Source : inventaire GLPI Agent du 28 novembre 2026, inventaires/, lu le "
            "6 décembre 2026, 298 postes sur 412*") in md
    files = md[md.index("## D'où viennent nos réponses"):md.index("## Avant de déposer")]
    assert "- **inventaire GLPI Agent du 28 novembre 2026** (inventaires/, lu le 6 décembre" in files
    assert "**export data.gouv.fr du 1ᵉʳ décembre 2026** (export.csv) : Combien de jeux" in files
    candidacy = plain(build(tmp_path, body))  # type: ignore[arg-type]
    assert "186 jeux de données en données ouvertes (export data.gouv.fr du 1ᵉʳ décembre 2026)." \
        in candidacy
    for fmt in ("html", "odt"):
        out = build(tmp_path, body, fmt, kind="rapport")
        text = (zipfile.ZipFile(io.BytesIO(out)).read("content.xml").decode()  # type: ignore[arg-type]
                if fmt == "odt" else out)
        assert "inventaires/, lu le 6" in text and "export.csv" in text  # type: ignore[operator]
    md_en = build(tmp_path, body, lang="en", kind="rapport")
    assert "## Where our answers come from" in md_en  # type: ignore[operator]


def test_a_source_inside_the_statement_reads_once(tmp_path: Path) -> None:
    """No « (GNU/Linux) (3 postes sur 6 …) », no count beside a choice it does not measure."""
    source = ("    sources: [{fichier: parc, format: glpi-agent-json, date: 2026-11-28,"
              " compte: %d, base: 6, unite: postes}]\n")
    md = plain(build(tmp_path, COMMUNE + (  # type: ignore[arg-type]
        "reponses:\n  part_postes_os_libre:\n    valeur: 50\n" + source % 3
        + "  suite_bureautique:\n    valeur: mixte\n" + source % 2)))
    assert ("libre (GNU/Linux ; 3 postes sur 6, inventaire GLPI Agent du 28 novembre 2026)."
            in md)
    assert "selon les postes (inventaire GLPI Agent du 28 novembre 2026)." in md
    assert "2 postes sur 6" not in md


def test_html_print_does_not_glue_every_action_to_the_next(tmp_path: Path) -> None:
    """A statement kept with what follows it inside its action only: a statement that ends
    its action (the justification in its paragraph) kept with the next action chained the
    whole part onto a new page, leaving a blank half page (Chromium)."""
    html = build(tmp_path, COMMUNE + "reponses: {formats_ouverts: oui}\n", "html")
    style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)  # type: ignore[union-attr,call-overload]
    assert ".statement:not(:last-child) { break-after: avoid" in style
    assert not re.search(r"(^|\s)\.statement \{ break-after", style)

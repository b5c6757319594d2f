"""`tnl dossier`: the candidacy the jury reads, in the collectivity's voice.

Snapshots live in tests/snapshots/candidacy/; after an intended change, regenerate them with
`TNL_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_candidacy.py` and review the diff.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tnl_cli.core import answers as ans
from tnl_cli.core.catalog import load_edition
from tnl_cli.core.engine import evaluate
from tnl_cli.dossier import candidacy
from tnl_cli.dossier import render as dossier
from tnl_cli.i18n import pick, tr

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures" / "candidacy"
SNAPSHOTS = HERE / "snapshots" / "candidacy"
TODAY = dt.date(2025, 9, 1)
VERSION = "9.9.9-test"
SMALL, EPCI = "petite-commune", "agglomeration"
READER = MarkdownIt("commonmark").enable("table")


def load(name: str) -> tuple[ans.Answers, object]:
    answers, catalog, _ = ans.load(FIXTURES / f"{name}.yaml", load_edition)
    return answers, catalog


def render(name: str, fmt: str = "md", lang: str = "fr", kind: str = "dossier") -> bytes:
    answers, catalog = load(name)
    return dossier.render(catalog, answers, evaluate(catalog, answers), fmt, lang,
                          tool_version=VERSION, today=TODAY, kind=kind)


def text_of(name: str, fmt: str = "md", lang: str = "fr") -> str:
    """The document with no-break spaces and typographic apostrophes made plain for asserts
    (`test_french_typography_everywhere` checks them)."""
    return plain(render(name, fmt, lang).decode("utf-8"))


def plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\u00a0", " ").replace("\u2019", "'")


def check_snapshot(name: str, content: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("TNL_UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        return
    assert path.exists(), (f"no snapshot {path.name}: run TNL_UPDATE_SNAPSHOTS=1 python -m "
                           "pytest tests/test_candidacy.py, then review it")
    assert content == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("name", [SMALL, EPCI])
def test_snapshot(name: str, fmt: str) -> None:
    check_snapshot(f"{name}.{fmt}", render(name, fmt).decode("utf-8"))


def test_snapshot_english() -> None:
    check_snapshot(f"{EPCI}.en.md", render(EPCI, "md", "en").decode("utf-8"))


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("name", [SMALL, EPCI])
def test_snapshot_of_the_self_assessment_report(name: str, lang: str) -> None:
    """The same answers files as the team's report (`tnl assess -o`): both documents side by
    side, and what the candidacy leaves out is there."""
    text = render(name, "md", lang, kind="rapport").decode("utf-8")
    check_snapshot(f"{name}.rapport.{lang}.md", text)
    assert ("Score" in text) and ("Avant de déposer" in text if lang == "fr" else True)


# ---------------------------------------------------------------- what the jury never reads

FORBIDDEN_FR = ["score", "points", "niveau indicatif", "justification à apporter",
                "non respectée", "respectée", "éligib", "piste", "recommand", "Label Or",
                "Label Argent", "Label Bronze", "sans réponse", "non rempli", "à faire",
                "Vers le niveau", "Obligation", "critère"]


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("name", [SMALL, EPCI])
def test_the_jury_reads_no_score_tier_advice_or_legal_status(name: str, fmt: str,
                                                            lang: str) -> None:
    text = text_of(name, fmt, lang)
    lower = text.lower()
    forbidden = FORBIDDEN_FR if lang == "fr" else [
        "score", "points", "indicative", "justification to add", "not met", "eligib",
        "recommend", "gold label", "silver label", "bronze label", "unanswered",
        "next level", "obligation", "criterion", "criteria"]
    for word in forbidden:
        assert word.lower() not in lower, word
    answers, catalog = load(name)
    a = evaluate(catalog, answers)
    for r in a.results:
        c = r.criterion
        # no question asked back, no recommendation, no internal identifier
        assert pick(c.question, lang) not in text, c.id
        assert pick(c.recommendation, lang) not in text, c.id
        assert not re.search(rf"(?<![\w/.-]){re.escape(c.id)}(?![\w/.-])", text), c.id
        if not r.met or not r.visible:  # unmet and unanswered criteria are not stated
            assert pick(c.statement, lang).split("{")[0][:40] not in text or any(
                pick(o.statement, lang).startswith(pick(c.statement, lang).split("{")[0][:40])
                for o in (x.criterion for x in a.results if x.met and x.visible)), c.id


def test_multi_choice_names_what_the_user_chose_not_the_catalog_examples() -> None:
    text = text_of(SMALL)
    assert "messagerie et agenda (Zimbra)" in text
    assert "navigation web (Firefox)" in text
    for example in ("Thunderbird", "SOGo", "Nextcloud", "Jitsi", "QGIS"):
        assert example not in text, example
    answers, catalog = load(EPCI)
    epci = text_of(EPCI)
    own_words = (FIXTURES / f"{EPCI}.yaml").read_text(encoding="utf-8")
    chosen = answers.value("logiciels_libres_utilises")
    c = catalog.criterion("logiciels_libres_utilises")
    for choice in c.choices:
        examples = re.search(r"\(([^)]*)\)", pick(choice.label, "fr"))
        if choice.value not in chosen and examples:
            for name in re.split(r",\s*|…", examples.group(1)):
                if name.strip() and name not in own_words:  # the user's words may name it
                    assert name.strip() not in epci, name


def test_presentation_facts_from_the_territory_data() -> None:
    small = text_of(SMALL)
    for fact in ("Hautes-Alpes (05)", "Provence-Alpes-Côte d'Azur", "196 habitants",
                 "Code INSEE :** 05074", "Communauté d'agglomération Gap-Tallard-Durance"):
        assert fact in small, fact
    epci = text_of(EPCI)
    for fact in ("Pyrénées-Atlantiques (64)", "Nouvelle-Aquitaine", "158 communes\n",
                 "325 721 habitants", "SIREN :** 200067106"):
        assert fact in epci, fact
    assert "INSEE" not in epci and "non renseigné" not in epci
    assert "La Communauté d'agglomération du Pays Basque présente sa candidature" in epci
    assert "La commune de Lettret présente sa candidature" in small


def test_signature_block_and_contact() -> None:
    epci = text_of(EPCI)
    assert "Fait à Bayonne, le 1ᵉʳ septembre 2025." in epci
    assert "**Jean Etxeberri**\\\nVice-président délégué au numérique\\\n*Élu référent" in epci
    assert "Maialen Irigoyen, directrice du numérique, numerique@pays-basque.example" in epci
    small = text_of(SMALL)
    assert "Fait à Lettret, le 1ᵉʳ septembre 2025." in small
    # the role "Maire" does not tell the gender: a neutral phrasing, never "Élu·e"
    assert "*Portage politique de la candidature*" in small
    assert "·" not in small and "·" not in epci


def test_every_evidence_link_is_annexed_once_and_referenced_from_its_statement() -> None:
    answers, catalog = load(EPCI)
    md = text_of(EPCI)
    body, _, annex_part = md.partition("## 6. Annexes")
    links = {url for a in answers.responses.values() for url in a.preuves}
    links |= {a.url for a in answers.dossier.annexes}
    annex_lines = [line for line in annex_part.splitlines() if re.match(r"\d+\. ", line)]
    for url in links:
        lines = [line for line in annex_lines if f"<{url}>" in line]
        assert len(lines) == 1, url
        number = int(lines[0].split(".", 1)[0])
        cited_by = [cid for cid, a in answers.responses.items() if url in a.preuves]
        if cited_by:  # the statement of each criterion citing it points at its number
            assert f"[{number}](#annexe-{number})" in body, url
    assert len(annex_lines) == len(links)
    # the annex cited twice keeps one number, and takes the title the user gave it
    assert "2. <a id=\"annexe-2\"></a>Schéma directeur du numérique 2023-2028" in annex_part
    assert "(annexe [2](#annexe-2))." in body
    html = text_of(EPCI, "html")
    for n in range(1, len(links) + 1):
        assert html.count(f'id="annexe-{n}"') == 1
        assert f'href="#annexe-{n}"' in html or n == 7  # 7: an annex no statement cites


def test_markdown_is_commonmark_with_real_lists_and_tables() -> None:
    md = render(EPCI).decode("utf-8")
    tokens = READER.parse(md)
    kinds = [t.type for t in tokens]
    assert kinds.count("table_open") == 2 and kinds.count("thead_open") == 2
    assert "ordered_list_open" in kinds and "bullet_list_open" in kinds
    headers = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "th_open"]
    assert headers[:3] == ["Logiciel", "Usage", "Licence"]
    assert "1\\." not in md  # no escaped list numbers
    html = READER.render(md)
    assert '<a href="#annexe-1">1</a>' in html
    assert '<td style="text-align:right">' in html  # figures right-aligned


def test_user_text_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(
        "edition: 2025\ncollectivite: {nom: '# <b>X</b> | [a](javascript:x)', type: commune}\n"
        "dossier:\n  presentation: \"1. pas une liste\\n\\n<script>alert(1)</script> *gras*\"\n"
        "  projets: ['## titre', '{{ 7*7 }}']\n"
        "reponses:\n  utilise_logiciel_libre: {valeur: oui, justification: '| x | y |'}\n",
        encoding="utf-8")
    answers, catalog, _ = ans.load(path, load_edition)
    a = evaluate(catalog, answers)
    md = dossier.render(catalog, answers, a, "md", "fr", today=TODAY).decode()
    tokens = READER.parse(md)
    assert not any(t.type in ("html_block", "html_inline") and "script" in t.content
                   for t in tokens)
    # the user's numbered line stays a list item, its markup escaped
    assert "1. pas une liste" in md and "\\## titre" in md and "\\*gras\\*" in md
    assert "table_open" not in [t.type for t in tokens]
    html = dossier.render(catalog, answers, a, "html", "fr", today=TODAY).decode()
    assert "<script>" not in html and "&lt;script&gt;" in html and "{{ 7*7 }}" in html
    assert 'href="javascript' not in html


def test_french_typography_and_english_consistency() -> None:
    html = render(EPCI, "html").decode("utf-8")
    body = re.sub(r"<style>.*?</style>", "", html, flags=re.S)
    text = re.sub(r"<[^>]+>", "", body)
    assert not re.search(r" [?!;:](\s|$)", text), re.findall(r".{20} [?!;:]", text)[:3]
    assert "\u202f:" in text
    en = text_of(EPCI, "md", "en")
    assert "authority" in en and "collectivity" not in en.lower()
    assert "The Communauté d'agglomération du Pays Basque applies" in en
    assert "Done at Bayonne, 1 September 2025." in en
    for french in ("Présentation", "Fait à", "Nous ", "annexe "):
        assert french not in en, french


def test_sections_with_nothing_to_say_are_left_out() -> None:
    small = text_of(SMALL)
    for absent in ("Notre démarche", "Nos projets", "Labels obtenus", "Annexes",
                   "Réalisations marquantes"):
        assert absent not in small, absent
    epci = text_of(EPCI)
    for present in ("2. Notre démarche", "4. Labels obtenus", "5. Nos projets pour l'année",
                    "6. Annexes", "Réalisations marquantes", "- Migration des serveurs"):
        assert present in epci, present


def test_what_is_missing_goes_to_stderr_not_into_the_document(run, tmp_path: Path) -> None:
    out = tmp_path / "c.md"
    r = run("dossier", "-a", str(FIXTURES / f"{SMALL}.yaml"), "-o", str(out))
    assert r.code == 0, r.err
    assert "dossier.presentation" in r.err and "dossier.projets" in r.err
    assert "initiatives_libres_territoire" in r.err  # a yes without justification
    written = out.read_text(encoding="utf-8")
    assert "dossier.presentation" not in written and "présentez" not in written
    full = run("dossier", "-a", str(FIXTURES / f"{EPCI}.yaml"), "-o", str(tmp_path / "e.md"))
    assert "dossier.presentation" not in full.err and "dossier.lieu" not in full.err


def test_gender_from_the_role() -> None:
    assert candidacy.gender("Adjointe au maire déléguée au numérique") == "f"
    assert candidacy.gender("Vice-président délégué au numérique") == "m"
    assert candidacy.gender("Maire") is None
    assert candidacy.gender(None) is None


@pytest.mark.parametrize("kind, name, expected", [
    ("commune", "Lettret", "La commune de Lettret"),
    ("commune", "Arles", "La commune d'Arles"),
    ("commune", "Le Havre", "La commune du Havre"),
    ("commune", "Les Abymes", "La commune des Abymes"),
    ("commune", "Ville de Nancy", "La ville de Nancy"),
    ("communaute_communes", "Communauté de communes du Haut-Pays",
     "La Communauté de communes du Haut-Pays"),
    ("region", "Bretagne", "La Région Bretagne"),
    ("departement", "Ain", "Le Département d'Ain"),
])
def test_articles(kind: str, name: str, expected: str) -> None:
    from tnl_cli.core.identity import Identity

    assert candidacy.subject(Identity(nom=name, type=kind), name, "fr") == expected


def test_dossier_section_of_the_answers_file_is_validated(tmp_path: Path) -> None:
    from tnl_cli.errors import TnlError

    path = tmp_path / "r.yaml"
    path.write_text("edition: 2025\ndossier:\n  presentaton: x\n  projets: {a: 1}\n"
                    "  annexes: [{titre: T, url: 'ftp://x'}, 3]\n", encoding="utf-8")
    with pytest.raises(TnlError) as err:
        ans.load(path, load_edition)
    message = err.value.render("fr")
    assert f"{path}:3" in message and "presentation" in message  # the suggestion
    assert f"{path}:4" in message and "doit être une liste" in message
    assert "ftp://x" in message and f"{path}:5" in message and "annexe invalide" in message


def test_dossier_section_round_trips_through_the_answers_file(tmp_path: Path) -> None:
    answers, catalog = load(EPCI)
    document = ans.to_document(answers, catalog, VERSION)
    assert document["dossier"]["lieu"] == "Bayonne"
    assert document["dossier"]["annexes"][0] == {
        "titre": "Rapport d'activité 2024", "url": "https://www.pays-basque.example/rapport-2024.pdf"}
    import yaml

    path = tmp_path / "again.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    again, _, _ = ans.load(path, load_edition)
    assert again.dossier == answers.dossier


def test_odt_has_toc_page_numbers_language_and_styles() -> None:
    from odfdo import Document

    for lang, code in (("fr", "fr"), ("en", "en")):
        doc = Document(io.BytesIO(render(EPCI, "odt", lang)))
        toc = doc.body.get_toc()
        assert toc is not None
        entries = [p.text_recursive for p in toc.get_paragraphs()]
        assert any(e.startswith("[3.1 ") for e in entries), entries
        styles = doc.get_part("styles.xml").serialize().decode()
        assert "<text:page-number" in styles and "<text:page-count" in styles
        assert f'fo:language="{code}"' in styles
        assert doc.meta.get_language().startswith(code)
        assert "Liberation Serif" not in re.findall(
            r'<style:default-style style:family="paragraph">.*?</style:default-style>',
            styles, re.S)[0]
        stats = doc.meta.get_statistic()
        assert stats["meta:word-count"] > 300 and stats["meta:table-count"] == 2
        content = doc.get_part("content.xml").serialize().decode()
        assert content.count("<table:table-header-rows>") == 2
        assert 'text:style-name="TnlNumText"' in content  # figures right-aligned
        text = " ".join(p.text_recursive for p in doc.body.get_paragraphs())
        assert "Score" not in text and "points" not in text


def test_words_of_the_candidacy_exist_in_both_languages() -> None:
    from tnl_cli.locale.candidacy import MESSAGES

    for key, texts in MESSAGES.items():
        assert set(texts) == {"fr", "en"}, key
        assert "·" not in texts["fr"], key
    assert tr("en", "candidacy.l_annexes") == "Annexes"


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_report_gives_the_estimate_caveat_once(fmt: str) -> None:
    text = render(EPCI, fmt, kind="rapport").decode("utf-8")
    caveat = tr("fr", "engine.estimate").replace("'", "&#39;" if fmt == "html" else "'")
    assert text.count(caveat) == 1


def test_custom_templates_for_both_documents(run, tmp_path: Path) -> None:
    (tmp_path / "dossier.md.j2").write_text(
        "{{ cover.intro }}\n{% for s in toc %}- {{ s.title }}\n{% endfor %}"
        "{{ signature.line }}\n", encoding="utf-8")
    (tmp_path / "rapport.md.j2").write_text(
        "Rapport : {{ summary.verdict_text }} {{ summary.score }}\n", encoding="utf-8")
    answers = str(FIXTURES / f"{EPCI}.yaml")
    r = run("dossier", "-a", answers, "--template-dir", str(tmp_path))
    assert r.code == 0, r.err
    assert plain(r.out).startswith("La Communauté d'agglomération du Pays Basque présente")
    assert "- Nos projets pour l'année à venir\n" in plain(r.out) and "Fait à Bayonne" in r.out
    out = tmp_path / "rapport.md"
    r = run("assess", "-a", answers, "-o", str(out), "--template-dir", str(tmp_path))
    assert r.code == 0, r.err
    assert out.read_text(encoding="utf-8").startswith("Rapport : ÉLIGIBLE")
    again = run("assess", "-a", answers, "-o", str(out))
    assert again.code == 2 and "--force" in again.err  # never overwritten without --force
    other = tmp_path / "other"  # the report's variables are not the candidacy's
    other.mkdir()
    (other / "dossier.md.j2").write_text("{{ summary.score }}\n", encoding="utf-8")
    bad = run("dossier", "-a", answers, "--template-dir", str(other))
    assert bad.code == 2 and "dossier.md.j2:1" in bad.err and "summary" in bad.err


def test_html_is_self_contained_and_prints_well() -> None:
    html = render(EPCI, "html").decode("utf-8")
    assert "counter(page)" in html and "counter(pages)" in html  # page numbers when printed
    assert re.search(r"h1, h2, h3, h4, caption \{ break-after: avoid", html)
    assert "thead { display: table-header-group; }" in html  # headers repeated on each page
    assert not re.search(r'<(link|script|img)\b', html)  # nothing fetched from elsewhere
    assert '<nav class="toc"' in html and 'href="#domaine-logiciels"' in html
    assert '<html lang="fr">' in html and '<html lang="en">' in render(EPCI, "html", "en").decode()


PROFILES = HERE / "fixtures" / "profiles"
CASES = {  # the cases the documents were read as: name -> answers file
    "exemple": HERE.parent / "examples" / "commune-exemple.yaml",
    "rural": PROFILES / "rural.yaml",
    "metropole": PROFILES / "metropole.yaml",
    "ville-strategie": PROFILES / "ville-strategie.yaml",
}


@pytest.mark.parametrize("kind", ["dossier", "rapport"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_snapshot_of_each_case(case: str, kind: str) -> None:
    """The bundled example, a rural commune and two laureate-like profiles, both documents."""
    answers, catalog, _ = ans.load(CASES[case], load_edition)
    text = dossier.render(catalog, answers, evaluate(catalog, answers), "md", "fr",
                          tool_version=VERSION, today=TODAY, kind=kind).decode("utf-8")
    check_snapshot(f"cases/{case}.{kind}.md", text)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_snapshot_with_previous(lang: str) -> None:
    """`tnl dossier --previous`: Boé in 2025 against its 2024 file."""
    from tnl_cli.core.compare import against

    renewal = HERE / "fixtures" / "renewal"
    answers, catalog, _ = ans.load(renewal / "boe-2025.yaml", load_edition)
    since = against(renewal / "boe-2024.yaml", catalog, answers)
    text = dossier.render(catalog, answers, evaluate(catalog, answers), "md", lang,
                          tool_version=VERSION, today=TODAY, since=since).decode("utf-8")
    check_snapshot(f"cases/boe-previous.{lang}.md", text)

"""`tnl dossier`: snapshots of the Markdown and HTML, safety of user text, templates, files.

Snapshots live in tests/snapshots/dossier/; after an intended change, regenerate them with
`TNL_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_dossier.py` and review the diff.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
from pathlib import Path

import pytest

from tnl_cli.core import answers as ans
from tnl_cli.core.catalog import load_edition
from tnl_cli.core.engine import evaluate
from tnl_cli.dossier import render as dossier

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures" / "dossier"
SNAPSHOTS = HERE / "snapshots" / "rapport"
TODAY = dt.date(2025, 9, 1)
VERSION = "9.9.9-test"


def render(name: str, fmt: str, lang: str = "fr", template_dir: Path | None = None) -> bytes:
    answers, catalog, _ = ans.load(FIXTURES / f"{name}.yaml", load_edition)
    assessment = evaluate(catalog, answers)
    return dossier.render(catalog, answers, assessment, fmt, lang, template_dir,
                          tool_version=VERSION, today=TODAY, kind="rapport")


def text_of(name: str, fmt: str = "md", lang: str = "fr") -> str:
    """The rendered dossier with no-break spaces (French "Réponse :") made plain for asserts."""
    return render(name, fmt, lang).decode("utf-8").replace("\u00a0", " ")


def check_snapshot(name: str, content: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("TNL_UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        return
    assert path.exists(), (f"no snapshot {path.name}: run TNL_UPDATE_SNAPSHOTS=1 python -m "
                           "pytest tests/test_dossier.py, then review it")
    assert content == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("name", ["eligible-or", "not-eligible", "incomplete", "hostile"])
def test_snapshot(name: str, fmt: str) -> None:
    check_snapshot(f"{name}.{fmt}", render(name, fmt).decode("utf-8"))


def test_snapshot_english() -> None:
    check_snapshot("eligible-or.en.md", render("eligible-or", "md", "en").decode("utf-8"))


# ---------------------------------------------------------------- what the dossier says


def test_eligible_dossier_holds_every_part() -> None:
    text = text_of("eligible-or")
    assert text.startswith("# Rapport d'autoévaluation, label Territoire Numérique Libre 2025 — Échirolles\n")
    for heading in ("## Identité de la collectivité", "## Synthèse", "### Score par domaine",
                    "## Nos réponses, domaine par domaine", "## Vers le niveau suivant",
                    "## Avant de déposer la candidature"):
        assert f"\n{heading}\n" in text
    assert "Lucie Garnier, Adjointe au maire chargée du numérique" in text
    assert "**Niveau indicatif :** Label Or (3 sur 3)" in text
    assert "c'est le jury qui attribue le niveau" in text
    assert re.search(r"\| Stratégie et mutualisation \| \d+ sur \d+ \| \d+ % \| `[█░]{10}` \|", text)
    assert "<https://www.echirolles.example/deliberations/2021-02-02.pdf>" in text
    assert "Nos réponses correspondent au niveau le plus élevé de cette édition." in text
    assert "jusqu'au 19 octobre 2025 (48 jours restants)" in text
    assert "Document préparé le 1ᵉʳ septembre 2025 avec tnl 9.9.9-test" in text
    assert "| Logiciel | Statut | Licence |\n| --- | --- | --- |\n| LibreOffice | libre | MPL-2.0 |" \
        in text
    assert "| ArcGIS | propriétaire |  |" in text and "| Debian | libre |  |" in text
    assert "### Logiciels propriétaires à remplacer\n\n- Remplacer ArcGIS par un logiciel libre : " \
        "QGIS" in text
    assert "**Conformité des licences :**\n\n- Conforme : Licence Ouverte 2.0 (Etalab)" in text
    # a text answer keeps its paragraphs
    assert "Bureautique : LibreOffice sur tous les postes depuis 2019.\n\nMessagerie" in text


def test_not_eligible_dossier_says_why_and_what_to_do() -> None:
    text = text_of("not-eligible")
    assert "**Éligibilité :** ÉLIGIBLE, AVEC RÉSERVE (le jury décide). D'après nos réponses, " \
        "un critère cité par le label n'est pas rempli" in text
    assert text.count("- Avec réserve : ") == 3
    assert "**Niveau indicatif :** aucun" in text
    assert "### Pour atteindre le niveau « Label Bronze »" in text
    first_steps = text.split("### Pour atteindre le niveau « Label Bronze »")[1].split("###")[0]
    efforts = re.findall(r"effort (faible|moyen|élevé)", first_steps)
    order = {"faible": 0, "moyen": 1, "élevé": 2}
    assert efforts and efforts == sorted(efforts, key=order.get)  # cheapest first
    assert "- [ ] Critères d'éligibilité remplis : 1 sur 4" in text
    assert "- [ ] Responsable de la candidature : ajouter une adresse e-mail de contact" in text


def test_incomplete_dossier_lists_what_is_missing() -> None:
    text = text_of("incomplete")
    assert "INCOMPLET" in text
    assert "**Élu·e référent·e :** *à désigner*" in text
    assert "- [ ] Désigner l'élu·e référent·e" in text
    assert "- [ ] Compléter l'identité de la collectivité : code INSEE ou SIREN" in text
    assert "**Questions restées sans réponse :**" in text
    unanswered = re.search(r"- \[ \] (\d+) questions sans réponse", text)
    assert unanswered and int(unanswered.group(1)) > 30
    assert "*non renseigné*" in text


def test_english_dossier() -> None:
    text = text_of("eligible-or", "md", "en")
    assert "# Self-assessment report, Territoire Numérique Libre label 2025 — Échirolles" in text
    assert "**Indicative level:** Gold Label (3 of 3)" in text
    assert "Document prepared on 1 September 2025 with tnl 9.9.9-test" in text
    assert "Réponse" not in text


def test_deadline_passed_and_unknown() -> None:
    answers, catalog, _ = ans.load(FIXTURES / "incomplete.yaml", load_edition)
    a = evaluate(catalog, answers)
    late = dossier.render(catalog, answers, a, "md", "fr", today=dt.date(2025, 10, 20),
                          kind="rapport").decode()
    late = late.replace("\u00a0", " ")
    assert "la date limite de dépôt (19 octobre 2025) est passée" in late
    old, _, _ = ans.load(FIXTURES / "incomplete.yaml", load_edition, 2024)
    catalog_2024 = load_edition(2024)
    text = dossier.render(catalog_2024, old, evaluate(catalog_2024, old), "md", "fr",
                          today=dt.date(2024, 11, 7), kind="rapport").decode()
    assert "jusqu'à demain, 8 novembre 2024" in text
    assert "une édition plus récente existe (2025)" in text


# ---------------------------------------------------------------- user text stays text


def test_hostile_text_is_escaped_in_markdown() -> None:
    text = text_of("hostile")
    assert "\n# Ville" not in text and "\n## Pas un titre" not in text
    assert ("# Rapport d'autoévaluation, label Territoire Numérique Libre 2025 — "
            "\\# Ville \\| de \\<b\\>Test") in text
    assert "{{ 7\\*7 }}" in text and "49" not in text
    assert "\\[clic\\](javascript:alert(1))" in text
    assert not re.search(r"(?<!\\)<(script|img|b>|https://evil)", text)
    assert "\\<script\\>alert('élu')\\</script\\>" in text
    assert "{% for x in range(3) %}boucle{% endfor %}" in text
    assert "| \\<b\\>Gras\\</b\\> \\| colonne | à préciser |  |" in text
    assert "| \\# {{ 7\\*7 }} \\[x\\](javascript:y) | libre |  |" in text
    assert "boucleboucleboucle" not in text
    # a justification cannot open a table, a heading, a code block or a rule
    assert "\n\\# Pas un titre\\\n\\---\\\n\\| a \\| b \\|\\\n\\|---\\|---\\|\\\n" in text
    assert "\n    code" not in text and "\\> code indenté\\\n" in text
    assert "\\&amp; \\&#60;" in text
    assert "\n1. point" in text  # the user's list stays a list
    # only clean http(s) URLs become links
    assert "- <https://example.org/ok?a=1&b=2>" in text
    assert "<https://example.org/\"" not in text
    assert '- https://example.org/"\\>\\<script\\>alert(1)\\</script\\>' in text


def test_hostile_text_is_escaped_in_html() -> None:
    page = text_of("hostile", "html")
    assert "<script>" not in page and "<img" not in page and "<b>Test" not in page
    assert "&lt;script&gt;alert(&#39;élu&#39;)&lt;/script&gt;" in page
    assert "{{ 7*7 }}" in page and "49" not in page
    assert "{% for x in range(3) %}" in page
    hrefs = re.findall(r'href="([^"]*)"', page)
    assert hrefs and all(h.startswith(("https://", "http://", "#")) for h in hrefs)
    assert "javascript:" not in "".join(hrefs)
    assert '<a href="https://example.org/ok?a=1&amp;b=2" rel="noopener noreferrer">' in page
    assert "<li>https://example.org/&#34;&gt;&lt;script&gt;" in page
    assert "&lt;!-- commentaire --&gt;" in page


# ---------------------------------------------------------------- templates


def test_custom_template_replaces_the_bundled_one(tmp_path: Path) -> None:
    (tmp_path / "rapport.md.j2").write_text(
        "Dossier de {{ collectivite.display_name }} : {{ summary.verdict_text }}\n"
        "{% for d in domains %}- {{ d.name }} {{ d.percent }}\n{% endfor %}", encoding="utf-8")
    text = render("hostile", "md", template_dir=tmp_path).decode()
    assert text.startswith("Dossier de \\# Ville \\| de \\<b\\>Test\\</b\\> {{ 7\\*7 }}")
    assert "- Stratégie et mutualisation " in text
    # the HTML template is not in the directory: the bundled one is used
    assert render("hostile", "html", template_dir=tmp_path).startswith(b"<!DOCTYPE html>")


def test_custom_template_can_include_bundled_files(tmp_path: Path) -> None:
    (tmp_path / "rapport.html.j2").write_text(
        "<p>{{ collectivite.display_name }}</p>{{ 'a\\n\\nb'|paragraphs }}"
        "{{ 'https://x.org/a'|autolink }}", encoding="utf-8")
    page = render("hostile", "html", template_dir=tmp_path).decode()
    assert "<p># Ville | de &lt;b&gt;Test&lt;/b&gt;" in page
    assert "<p>a</p>\n<p>b</p>" in page
    assert '<a href="https://x.org/a" rel="noopener noreferrer">https://x.org/a</a>' in page


@pytest.mark.parametrize("source, line, words", [
    ("ok\n{{ nope }}\n", 2, "'nope' is undefined"),
    ("{% for %}\n", 1, "Expected"),
    ("a\nb\n{{ collectivite.__class__.__mro__ }}\n", 3, "unsafe"),
    ("{{ ''.join.__globals__ }}\n", 1, ""),
    ("\n\n\n{{ 1 / 0 }}\n", 4, "ZeroDivisionError"),
])
def test_template_errors_name_file_and_line(run, tmp_path: Path, source: str, line: int,
                                            words: str) -> None:
    template = tmp_path / "dossier.md.j2"
    template.write_text(source, encoding="utf-8")
    r = run("dossier", "--answers", str(FIXTURES / "incomplete.yaml"), "--template-dir",
            str(tmp_path))
    assert r.code == 2
    assert f"{template}:{line}: erreur dans le modèle" in r.err
    assert words in r.err
    assert "Traceback" not in r.err and r.out == ""


def test_template_dir_must_exist(run, tmp_path: Path) -> None:
    r = run("dossier", "--answers", str(FIXTURES / "incomplete.yaml"), "--template-dir",
            str(tmp_path / "absent"))
    assert r.code == 2
    assert f"le répertoire de modèles « {tmp_path / 'absent'} » n'existe pas" in r.err


def template_run(run, directory: Path, files: dict[str, bytes]):
    directory.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (directory / name).write_bytes(content)
    return run("dossier", "--answers", str(FIXTURES / "incomplete.yaml"), "--template-dir",
               str(directory))


def test_missing_include_names_the_template_that_includes_it(run, tmp_path: Path) -> None:
    r = template_run(run, tmp_path, {"dossier.md.j2": b'1\n2\n{% include "entete.md.j2" %}\n'})
    assert r.code == 2 and r.out == ""
    assert r.err.startswith(f"Erreur : {tmp_path / 'dossier.md.j2'}:3: ce modèle inclut "
                            "« entete.md.j2 », introuvable")


@pytest.mark.parametrize("unreadable", ["dossier.md.j2", "entete.md.j2"])
def test_unreadable_template_is_named_with_its_directory(run, tmp_path: Path,
                                                         unreadable: str) -> None:
    files = {"dossier.md.j2": b'{% include "entete.md.j2" %}\n', "entete.md.j2": b"# Ent\xeate\n"}
    files[unreadable] = "# Entête\n".encode("latin-1")
    r = template_run(run, tmp_path, files)
    assert r.code == 2
    assert r.err.startswith(f"Erreur : {tmp_path / unreadable}: modèle illisible (")
    assert "enregistrez-le en UTF-8" in r.err


def test_template_errors_in_the_docs_are_what_the_tool_prints(run, tmp_path: Path) -> None:
    docs = (HERE.parent / "docs" / "dossier.md").read_text(encoding="utf-8")
    directory = tmp_path / "chemin" / "modeles"
    cases = [
        {"dossier.md.j2": "\n" * 11 + "{{ collectivte.nom }}\n"},
        {"dossier.md.j2": '1\n2\n{% include "entete.md.j2" %}\n'},
        {"dossier.md.j2": '{% include "entete.md.j2" %}\n', "entete.md.j2": "# Entête\n"},
    ]
    for i, case in enumerate(cases):
        files = {name: text.encode("latin-1" if name == "entete.md.j2" else "utf-8")
                 for name, text in case.items()}
        r = template_run(run, directory / str(i), files)
        assert r.code == 2
        assert r.err.replace(str(directory / str(i)), "/chemin/modeles") in docs, r.err


def test_templates_are_compiled_once() -> None:
    render("incomplete", "md")
    env = dossier._environment("md", None)
    template = env.get_template("dossier.md.j2")
    render("not-eligible", "md")
    assert dossier._environment("md", None) is env
    assert env.get_template("dossier.md.j2") is template


# ---------------------------------------------------------------- the command and its files


def test_markdown_to_stdout_verdict_on_stderr(run) -> None:
    r = run("dossier", "--answers", str(FIXTURES / "not-eligible.yaml"))
    assert r.code == 0
    assert r.out.startswith("# Candidature au label Territoire Numérique Libre 2025\n")
    assert r.err.startswith("Verdict : ÉLIGIBLE, AVEC RÉSERVE (le jury décide).\n")


def test_format_follows_the_extension(run, tmp_path: Path) -> None:
    for name, start in (("d.html", b"<!DOCTYPE html>"), ("d.md", b"# "), ("d.odt", b"PK")):
        r = run("dossier", "-a", str(FIXTURES / "eligible-or.yaml"), "-o", str(tmp_path / name))
        assert r.code == 0, r.err
        assert (tmp_path / name).read_bytes().startswith(start)
        assert f"Dossier écrit : {tmp_path / name}" in r.err and "ÉLIGIBLE" in r.err
    r = run("dossier", "-a", str(FIXTURES / "eligible-or.yaml"), "-o", str(tmp_path / "x.txt"))
    assert r.code == 2 and "« .txt »" in r.err
    r = run("dossier", "-a", str(FIXTURES / "eligible-or.yaml"), "-o", str(tmp_path / "x.txt"),
            "--format", "html")
    assert r.code == 0 and (tmp_path / "x.txt").read_bytes().startswith(b"<!DOCTYPE html>")


@pytest.mark.parametrize("fmt, name, implied", [("md", "x.odt", "odt"), ("odt", "x.md", "md"),
                                                 ("html", "x.markdown", "md"),
                                                 ("md", "X.HTM", "html")])
def test_format_contradicting_the_extension_is_refused(run, tmp_path: Path, fmt: str, name: str,
                                                       implied: str) -> None:
    out = tmp_path / name
    r = run("dossier", "-a", str(FIXTURES / "incomplete.yaml"), "--format", fmt, "-o", str(out))
    assert r.code == 2 and r.out == ""
    assert f"--format {fmt} contredit l'extension de « {out} »" in r.err
    assert f"format {implied}" in r.err and "Traceback" not in r.err
    assert not out.exists()


def test_format_matching_the_extension_is_accepted(run, tmp_path: Path) -> None:
    out = tmp_path / "x.htm"
    r = run("dossier", "-a", str(FIXTURES / "incomplete.yaml"), "--format", "html", "-o", str(out))
    assert r.code == 0, r.err
    assert out.read_bytes().startswith(b"<!DOCTYPE html>")


def test_bad_format_and_odt_to_stdout(run) -> None:
    r = run("dossier", "-a", str(FIXTURES / "incomplete.yaml"), "--format", "pdf")
    assert r.code == 2 and "md, html, odt" in r.err
    r = run("dossier", "-a", str(FIXTURES / "incomplete.yaml"), "--format", "odt")
    assert r.code == 2 and "-o candidature.odt" in r.err
    r = run("dossier")
    assert r.code == 2 and "--answers" in r.err


def test_no_overwrite_without_force(run, tmp_path: Path) -> None:
    out = tmp_path / "dossier.md"
    out.write_text("mon brouillon", encoding="utf-8")
    r = run("dossier", "-a", str(FIXTURES / "incomplete.yaml"), "-o", str(out))
    assert r.code == 2 and "--force" in r.err
    assert out.read_text(encoding="utf-8") == "mon brouillon"
    r = run("dossier", "-a", str(FIXTURES / "incomplete.yaml"), "-o", str(out), "--force")
    assert r.code == 0
    assert out.read_text(encoding="utf-8").startswith("# Candidature")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dossier.md"]


def test_missing_directory(run, tmp_path: Path) -> None:
    out = tmp_path / "absent" / "dossier.html"
    r = run("dossier", "-a", str(FIXTURES / "incomplete.yaml"), "-o", str(out))
    assert r.code == 2 and "mkdir -p" in r.err
    assert not out.parent.exists()


def test_disk_full_leaves_nothing(run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    r = run("dossier", "-a", str(FIXTURES / "incomplete.yaml"), "-o", str(tmp_path / "d.odt"))
    assert r.code == 2 and "disque plein" in r.err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_directory(run, tmp_path: Path) -> None:
    tmp_path.chmod(0o500)
    try:
        r = run("dossier", "-a", str(FIXTURES / "incomplete.yaml"), "-o", str(tmp_path / "d.md"))
    finally:
        tmp_path.chmod(0o700)
    assert r.code == 2 and "écriture impossible" in r.err
    assert list(tmp_path.iterdir()) == []


def test_bad_answers_file(run, tmp_path: Path) -> None:
    bad = tmp_path / "r.yaml"
    bad.write_text("edition: 2025\nreponses:\n  formats_ouvert: oui\n", encoding="utf-8")
    r = run("dossier", "-a", str(bad), "-o", str(tmp_path / "d.md"))
    assert r.code == 2 and f"{bad}:3" in r.err and "formats_ouverts" in r.err
    assert not (tmp_path / "d.md").exists()


def test_older_catalog_and_migration(run, tmp_path: Path) -> None:
    out = tmp_path / "d.md"
    r = run("assess", "-a", str(FIXTURES / "eligible-or.yaml"), "--edition", "2024", "-o",
            str(out))
    assert r.code == 0, r.err
    text = out.read_text(encoding="utf-8").replace("\u00a0", " ")
    assert "Territoire Numérique Libre 2024" in text
    assert "une édition plus récente existe (2025)" in text


def test_assessment_without_path_still_gets_the_next_steps() -> None:
    answers, catalog, _ = ans.load(FIXTURES / "not-eligible.yaml", load_edition)
    fast = evaluate(catalog, answers, with_path=False)
    assert fast.next_level is None
    text = dossier.render(catalog, answers, fast, "md", "fr", tool_version=VERSION,
                          today=TODAY, kind="rapport").decode()
    assert text == render("not-eligible", "md").decode()


def test_compiled_templates_cache_is_optional(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    not_a_dir = tmp_path / "cache"
    not_a_dir.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(not_a_dir))
    dossier._environment.cache_clear()
    try:
        assert render("incomplete", "md") == render("incomplete", "md")
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "fresh"))
        dossier._environment.cache_clear()
        first = render("incomplete", "html")
        assert list((tmp_path / "fresh" / "tnl" / "templates").iterdir())
        dossier._environment.cache_clear()
        assert render("incomplete", "html") == first  # now read from the compiled cache
    finally:
        dossier._environment.cache_clear()


def test_private_company_gets_no_path(run, tmp_path: Path) -> None:
    answers = tmp_path / "r.yaml"
    answers.write_text("edition: 2025\ncollectivite:\n  nom: ACME\n  type: entreprise\n",
                       encoding="utf-8")
    out = tmp_path / "rapport.md"
    r = run("assess", "-a", str(answers), "-o", str(out))
    assert r.code == 1 and "Verdict : NON ÉLIGIBLE." in r.err
    text = out.read_text(encoding="utf-8")
    assert "il n'y a pas de niveau à viser pour une entreprise privée" in text
    assert "Autres pistes de progression" not in text


def test_types_and_efforts_in_the_words_shared_with_the_other_commands() -> None:
    """identity.type_* names the type (as tnl lookup does), report.effort_* the effort (as
    tnl assess does)."""
    assert "| Type | commune (municipality) |" in text_of("eligible-or", "md", "en")
    assert "| Type | communauté de communes |" in text_of("incomplete")
    steps = text_of("not-eligible").split("## Vers le niveau suivant")[1]
    assert re.search(r"\*\* — [^,\n]+, effort (faible|moyen|élevé)", steps)

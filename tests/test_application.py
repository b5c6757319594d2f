"""How the real application is made (issue 21, item 10): the catalog's facts per edition, in
`tnl assess` (terminal and JSON) and on standard error after `tnl dossier`, never in the
document; a dossier written after the edition's deadline is told so."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tnl_cli.commands import common
from tnl_cli.core.catalog import load_edition
from tnl_cli.report.assessment import application_lines

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "commune-exemple.yaml"


def test_each_edition_gives_its_application_facts() -> None:
    c2024, c2025 = load_edition(2024), load_edition(2025)
    assert c2024.deadline_iso == "2024-11-08" and c2024.application.opens is None
    assert "ouverture" in c2024.application.to_check["fr"]  # unknown: said, not invented
    assert c2025.application.opens == "2025-09-19" and c2025.deadline_iso == "2025-10-19"
    for c in (c2024, c2025):
        app = c.application
        assert "Démarches Simplifiées" in app.where["fr"] and "ADULLACT" in app.where["fr"]
        assert "règlement" in app.documents["fr"] and "liste des questions" in app.documents["fr"]
        assert "ADULLACT" in app.source["fr"] and app.url.startswith("https://")


@pytest.mark.parametrize(("today", "state", "days"), [
    (dt.date(2025, 9, 18), "not_open", 31), (dt.date(2025, 9, 19), "open", 30),
    (dt.date(2025, 10, 18), "open", 1), (dt.date(2025, 10, 19), "open", 0),
    (dt.date(2025, 10, 20), "closed", -1)])
def test_timing_at_the_opening_and_the_deadline(today, state, days) -> None:
    assert load_edition(2025).timing(today) == (state, days)


@pytest.mark.parametrize(("today", "expected"), [
    (dt.date(2024, 11, 7), "Il reste 1 jour pour déposer"),
    (dt.date(2024, 11, 8), "Dernier jour pour déposer la candidature : aujourd'hui"),
    (dt.date(2024, 11, 9), "ATTENTION : la date limite de l'édition 2024 (8 novembre 2024) "
                           "est passée d'un jour"),
    (dt.date(2025, 1, 1), "est passée depuis 54 jours")])
def test_lines_around_the_2024_deadline(today, expected) -> None:
    text = "\n".join(application_lines(load_edition(2024), "fr", today))
    assert expected in text
    assert "date d'ouverture non publiée" in text
    assert ("ATTENTION" in text) == (today > dt.date(2024, 11, 8))
    assert "ne peut plus être déposé" in text or today <= dt.date(2024, 11, 8)


def test_assess_shows_how_to_apply_after_the_verdict(run) -> None:
    out = run("assess", "--answers", str(EXAMPLE)).out
    verdict_at = out.index("Verdict")
    apply_at = out.index("Comment candidater (édition 2025)")
    assert verdict_at < apply_at < out.index("Domaine")
    flat = " ".join(out.split())
    assert "Quand : du 19 septembre 2025 au 19 octobre 2025" in flat
    assert "tnl prépare vos réponses et vos textes ; ce n'est pas la candidature" in flat
    data = json.loads(run("assess", "--answers", str(EXAMPLE), "--format", "json").out)
    app = data["application"]
    assert app["opens"] == "2025-09-19" and app["deadline"] == "2025-10-19"
    assert "Démarches Simplifiées" in app["where"] and app["to_check"]
    en = json.loads(run("assess", "--answers", str(EXAMPLE), "--format", "json",
                        "--lang", "en").out)["application"]
    assert "it is not the application" in en["note"] and "ADULLACT" in en["where"]


@pytest.mark.parametrize(("today", "late"), [
    (dt.date(2025, 10, 19), False), (dt.date(2025, 10, 20), True)])
def test_dossier_summary_on_stderr_with_a_late_warning(run, monkeypatch, tmp_path, today,
                                                       late) -> None:
    monkeypatch.setattr(common, "today", lambda: today)
    target = tmp_path / "dossier.md"
    result = run("dossier", "--answers", str(EXAMPLE), "-o", str(target))
    assert result.code == 0
    assert "Comment candidater (édition 2025)" in result.err
    assert ("ATTENTION : la date limite de l'édition 2025" in result.err) == late
    assert ("Dernier jour" in result.err) == (not late)
    document = target.read_text(encoding="utf-8")
    assert "Démarches Simplifiées" not in document and "tnl prépare" not in document
    assert "Comment candidater" not in document


def test_dossier_on_stdout_keeps_the_summary_on_stderr(run, monkeypatch) -> None:
    monkeypatch.setattr(common, "today", lambda: dt.date(2025, 10, 1))
    result = run("dossier", "--answers", str(EXAMPLE))
    assert "Comment candidater" not in result.out and "Il reste 18 jours" in result.err

"""`tnl assess --inventaire`: the walk proposes what the inventory proves, the user confirms."""

from __future__ import annotations

from pathlib import Path

from test_inventory import AGENT
from test_wizard import CATALOG, ask_one, skip_until, with_identity
from test_wizard_command import saved, terminal  # noqa: F401 - the fixture

from tnl_cli.commands import common
from tnl_cli.commands.assess_walk import proposed_from_files
from tnl_cli.walk.steps import Walk


def test_proposal_is_the_default_with_its_reason_and_sources(monkeypatch) -> None:
    monkeypatch.setattr(common.SETTINGS, "lang", "fr")
    walk = Walk(CATALOG, with_identity())
    walk.proposed = proposed_from_files([AGENT], CATALOG)
    skip_until(walk, "part_postes_os_libre")
    prompter = ask_one(walk, [None])  # Enter alone: the proposal, confirmed
    assert prompter.asked[0].default == "50"
    said = "\n".join(prompter.said)
    assert "Proposé d'après l'inventaire : 3 postes sur 6 sont sous un système libre" in said
    assert "d'après 9 inventaire(s) GLPI Agent du 2026-11-28" in said
    answer = walk.answers.responses["part_postes_os_libre"]
    assert answer.value == 50 and answer.sources[0].base == 6


def test_another_value_chosen_records_no_source(monkeypatch) -> None:
    monkeypatch.setattr(common.SETTINGS, "lang", "fr")
    walk = Walk(CATALOG, with_identity())
    walk.proposed = proposed_from_files([AGENT], CATALOG)
    skip_until(walk, "suite_bureautique")
    prompter = ask_one(walk, ["libre"])
    assert prompter.asked[0].default == "mixte"
    answer = walk.answers.responses["suite_bureautique"]
    assert answer.value == "libre" and answer.sources == ()


def test_answered_question_keeps_its_answer(monkeypatch) -> None:
    monkeypatch.setattr(common.SETTINGS, "lang", "fr")
    walk = Walk(CATALOG, with_identity(part_postes_os_libre=12), review=True)
    walk.proposed = proposed_from_files([AGENT], CATALOG)
    skip_until(walk, "part_postes_os_libre")
    prompter = ask_one(walk, [None])
    assert prompter.asked[0].default == "12"
    assert not any("Proposé d'après l'inventaire" in line for line in prompter.said)


def test_assess_inventaire_on_a_terminal(terminal, tmp_path: Path) -> None:  # noqa: F811
    from test_wizard_command import IDENTITY

    s = terminal("assess", "--inventaire", str(AGENT), replies=IDENTITY, auto=True,
                 by_message={"Écrire maintenant": "no"})
    assert s.code in (0, 1), s.err
    data = saved(tmp_path / "tnl-reponses.yaml")["reponses"]
    assert data["part_postes_os_libre"]["valeur"] == 50
    assert data["part_postes_os_libre"]["sources"][0]["compte"] == 3
    assert data["suite_bureautique"]["valeur"] == "mixte"


def test_inventaire_without_terminal_is_said(run, tmp_path: Path) -> None:
    example = Path(__file__).parents[1] / "examples" / "commune-exemple.yaml"
    result = run("assess", "--answers", str(example), "--inventaire", str(AGENT))
    assert "--inventaire" in result.err

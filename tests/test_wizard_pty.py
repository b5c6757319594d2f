"""The real `tnl assess` in a pseudo-terminal: keys in, screen and answers file out.

Few and end to end; the walk's logic is covered without a terminal in test_wizard.py.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pexpect = pytest.importorskip("pexpect")

from dataclasses import replace  # noqa: E402

from pty_helpers import (  # noqa: E402
    CTRL_C,
    CTRL_U,
    ENTER,
    HEADER,
    PROMPT,
    env,
    finish,
    screen,
    spawn,
    wait_question,
)

from tnl_cli.core.answers import Answer, Answers, to_document  # noqa: E402
from tnl_cli.core.identity import Identity, Person, PreviousLabel  # noqa: E402
from tnl_cli.io import yaml as yamlio  # noqa: E402
from tnl_cli.loaders.catalogs import load_edition  # noqa: E402
from tnl_cli.reference import territory  # noqa: E402
from tnl_cli.walk.steps import Walk  # noqa: E402

CATALOG = load_edition()
LETTRET = territory.by_insee("05072")
PERSON = Person("Camille Moreau", "Maire", "camille@lettret.example")
IDENTITY = Identity(nom=LETTRET.name, type="commune", code_insee="05072", siren=LETTRET.siren,
                    population=LETTRET.population, agents=3, elu_referent=PERSON,
                    responsable=PERSON, labels=(PreviousLabel(2023, "1"),))
# Boolean lists: 1 Oui, 2 Oui + justification, 3 Non, 4 Passer, 5 ← Question précédente.
YES, NO, SKIP, BACK = "1", "3", "4", "5"
COMMUNE = "1"  # the first collectivity type
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def saved(path: Path) -> dict[str, Any]:
    return yamlio.load(path).data


def prefilled(path: Path, stop_at: str | None = None) -> Walk:
    """An answers file with the identity done and every question before `stop_at` skipped."""
    walk = Walk(CATALOG, Answers(CATALOG.edition, IDENTITY, {}))
    while stop_at is not None and walk.current.key != stop_at:
        walk.skip()
    path.write_text(yamlio.dump(walk.document("test")), encoding="utf-8")
    return walk


def question(cid: str) -> str:
    return CATALOG.by_id[cid].question["fr"]


def test_enter_alone_records_no_criterion_answer(tmp_path: Path) -> None:
    """A walk where every question gets Enter alone (after the name and type) records no
    criterion answer: the cursor of every list starts on « Passer »."""
    child = spawn("assess", cwd=tmp_path)
    wait_question(child, "Nom de la collectivité")
    child.send("Lettret" + ENTER)
    wait_question(child, "Type de collectivité")
    child.send(COMMUNE + ENTER)
    asked = 0
    while child.expect([HEADER, PROMPT + "Écrire maintenant le dossier"]) == 0:
        child.expect(PROMPT)
        child.send(ENTER)
        asked += 1
    child.send("2" + ENTER)  # no dossier now: the command is shown instead
    child.expect("tnl dossier --answers tnl-reponses.yaml -o dossier-candidature.md")
    assert finish(child) == 1
    data = saved(tmp_path / "tnl-reponses.yaml")
    assert (data["collectivite"]["nom"], data["collectivite"]["type"]) == ("Lettret", "commune")
    assert data["reponses"] and set(data["reponses"].values()) == {None}
    visible = Walk(CATALOG, Answers(CATALOG.edition, Identity(type="commune"), {}))
    expected = {s.key for i, s in enumerate(visible.steps) if s.criterion and visible.visible(i)}
    assert set(data["reponses"]) == expected
    assert asked >= len(expected)


def test_enter_alone_in_review_changes_nothing(tmp_path: Path) -> None:
    """Reviewing a file with Enter on every question keeps every value, skipped ones included
    (the cursor starts on the saved answer, a skipped question on « Passer »)."""
    from tnl_cli.loaders.answer_files import load

    answers, catalog, _ = load(EXAMPLES / "commune-exemple.yaml", load_edition)
    walk = Walk(catalog, answers)
    while not walk.finished:
        walk.skip()
    skipped = ("mutualisation_collectivites", "reemploi_equipements", "ecoles_logiciels_libres",
               "suite_bureautique", "enjeux_strategie", "agents_formes")
    responses = dict(walk.answers.responses)
    for cid in skipped:
        responses[cid] = Answer(None)
    answers = replace(walk.answers, responses=responses)
    document = to_document(answers, catalog, "test")
    document["reponses"]["inventaire_logiciels"] += ["Outil maison"]  # neither known nor said
    (tmp_path / "r.yaml").write_text(yamlio.dump(document), encoding="utf-8")
    before = saved(tmp_path / "r.yaml")
    child = spawn("assess", "--answers", "r.yaml", "--review", cwd=tmp_path)
    child.expect(PROMPT + "Aller à")
    child.send(ENTER)  # everything, in order
    # Each software tnl does not know has a question of its own (live: with its hint).
    unknown = PROMPT + r"« [^\r\n]* » n'est pas dans le catalogue[^\r\n]*\(flèches"
    while (index := child.expect([HEADER, PROMPT + "Écrire maintenant le dossier",
                                  unknown])) != 1:
        if index == 0:
            child.expect(PROMPT)
        child.send(ENTER)
    child.send("2" + ENTER)
    assert finish(child) in (0, 1)
    after = saved(tmp_path / "r.yaml")
    assert after["reponses"] == before["reponses"]
    assert after["collectivite"] == before["collectivite"]
    assert all(after["reponses"][cid] is None for cid in skipped)


def test_ctrl_c_keeps_answers_and_resume_continues(tmp_path: Path) -> None:
    child = spawn("assess", "--answers", "r.yaml", cwd=tmp_path)
    wait_question(child, "Nom de la collectivité")
    child.send("Lettret" + ENTER)
    wait_question(child, "Type de collectivité")
    child.send(COMMUNE + ENTER)
    wait_question(child, "Code INSEE")
    child.send(CTRL_C)
    child.expect("Pour reprendre : tnl assess --answers r.yaml")
    assert finish(child) == 130
    assert saved(tmp_path / "r.yaml")["collectivite"]["nom"] == "Lettret"

    child = spawn("assess", "--answers", "r.yaml", cwd=tmp_path)
    child.expect("Reprise de r.yaml")
    wait_question(child, "Code INSEE")
    child.send("05072" + ENTER)
    wait_question(child, "Numéro SIREN")
    child.send(CTRL_C)
    assert finish(child) == 130
    data = saved(tmp_path / "r.yaml")["collectivite"]
    assert (data["nom"], data["type"], data["code_insee"]) == ("Lettret", "commune", "05072")


def test_back_and_skip(tmp_path: Path) -> None:
    walk = prefilled(tmp_path / "r.yaml")
    first = walk.current.key
    walk.answer(True)
    second = walk.current.key
    walk.answer(True)
    third = walk.current.key
    assert all(CATALOG.by_id[c].type == "boolean" for c in (first, second, third))
    child = spawn("assess", "--answers", "r.yaml", cwd=tmp_path)
    wait_question(child, question(first))
    child.send(YES + ENTER)
    wait_question(child, question(second))
    child.send(SKIP + ENTER)
    wait_question(child, question(third))
    assert saved(tmp_path / "r.yaml")["reponses"] == {first: True, second: None}
    child.send(BACK + ENTER)
    wait_question(child, question(second))
    child.send(NO + ENTER)
    wait_question(child, question(third))
    child.send(CTRL_C)
    assert finish(child) == 130
    assert saved(tmp_path / "r.yaml")["reponses"] == {first: True, second: False}


def test_invalid_siren_is_refused_as_typed(tmp_path: Path) -> None:
    child = spawn("assess", "--answers", "r.yaml", "--no-color", cwd=tmp_path)
    wait_question(child, "Nom de la collectivité")
    child.send("Nancy" + ENTER)
    wait_question(child, "Type de collectivité")
    child.send(COMMUNE + ENTER)
    wait_question(child, "Code INSEE")
    child.send("54395" + ENTER)
    child.expect("Nancy")  # found in the directory: its SIREN is offered
    wait_question(child, "Numéro SIREN")
    child.send(CTRL_U + "215403958" + ENTER)
    child.expect("la clé de contrôle ne correspond pas")
    assert saved(tmp_path / "r.yaml")["collectivite"]["siren"] is None
    child.send(CTRL_U + "215403957" + ENTER)
    wait_question(child, "Population")
    child.send("<" + ENTER)  # typed answers go back with "<"
    wait_question(child, "Numéro SIREN")
    child.send(CTRL_C)
    assert finish(child) == 130
    assert saved(tmp_path / "r.yaml")["collectivite"]["siren"] == "215403957"
    assert "\x1b[38;5;" not in screen(child)  # --no-color: no colour, words only


def test_when_question_appears_and_disappears(tmp_path: Path) -> None:
    dependent = next(c for c in CATALOG.criteria if c.when_source and set(c.when_source) == {"met"}
                     and c.applies("commune") and c.type in ("url", "text", "number"))
    condition = dependent.when_source["met"]
    walk = prefilled(tmp_path / "r.yaml", stop_at=condition)
    walk.answer(False)
    after = walk.current.key  # what follows the condition when it is not met
    child = spawn("assess", "--answers", "r.yaml", cwd=tmp_path)
    wait_question(child, question(condition))
    child.send(YES + ENTER)
    while True:  # questions between the two, if any, are skipped
        child.expect(HEADER)
        index = child.expect([PROMPT + _re(question(dependent.id)), PROMPT])
        if index == 0:
            break
        child.send(SKIP + ENTER)
    child.send("<" + ENTER)
    while True:
        child.expect(HEADER)
        if child.expect([PROMPT + _re(question(condition)), PROMPT]) == 0:
            break
        child.send(BACK + ENTER)
    child.send(NO + ENTER)
    wait_question(child, question(after))
    child.send(CTRL_C)
    assert finish(child) == 130
    answers = saved(tmp_path / "r.yaml")["reponses"]
    assert answers[condition] is False and dependent.id not in answers


def _re(text: str) -> str:
    import re

    return re.escape(text)


def test_english_prompts_without_colour(tmp_path: Path) -> None:
    child = spawn("assess", cwd=tmp_path, lang="en_GB.UTF-8", NO_COLOR="1")
    child.expect("Every answer is saved at once")
    wait_question(child, "Name of the collectivity")
    child.send(CTRL_C)
    child.expect("To resume: tnl assess --answers tnl-reponses.yaml --lang en")
    assert finish(child) == 130
    assert saved(tmp_path / "tnl-reponses.yaml")["edition"] == CATALOG.edition
    assert "\x1b[38;5;" not in screen(child)


def test_closed_terminal_keeps_answers(tmp_path: Path) -> None:
    child = spawn("assess", "--answers", "r.yaml", cwd=tmp_path)
    wait_question(child, "Nom de la collectivité")
    child.send("Lettret" + ENTER)
    wait_question(child, "Type de collectivité")
    child.ptyproc.fileobj.close()  # the terminal window is closed: the kernel sends SIGHUP
    _, status = os.waitpid(child.pid, 0)
    child.ptyproc.closed = child.closed = True
    assert os.waitstatus_to_exitcode(status) == 130
    assert saved(tmp_path / "r.yaml")["collectivite"]["nom"] == "Lettret"


def test_not_a_terminal_never_waits(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "tnl_cli", "assess"], cwd=tmp_path,
                         env=env(), stdin=subprocess.DEVNULL, capture_output=True, text=True,
                         timeout=10)
    assert run.returncode == 2 and "--answers" in run.stderr
    assert not (tmp_path / "tnl-reponses.yaml").exists()
    prefilled(tmp_path / "r.yaml")
    run = subprocess.run([sys.executable, "-m", "tnl_cli", "assess", "--answers", "r.yaml"],
                         cwd=tmp_path, env=env(), stdin=subprocess.DEVNULL, capture_output=True,
                         text=True, timeout=10)
    assert run.returncode == 1 and "INCOMPLET" in run.stdout


def test_review_jumps_to_a_question_by_its_number(tmp_path: Path) -> None:
    walk = prefilled(tmp_path / "r.yaml")
    while not walk.finished:
        walk.answer(True) if walk.current.criterion.type == "boolean" else walk.skip()
    (tmp_path / "r.yaml").write_text(yamlio.dump(walk.document("test")), encoding="utf-8")
    target = next(walk.steps[i].key for i in walk.numbered()[20:]
                  if walk.steps[i].criterion.type == "boolean" and walk.visible(i))
    number = [walk.steps[i].key for i in walk.numbered()].index(target) + 1
    before = saved(tmp_path / "r.yaml")["reponses"]
    child = spawn("assess", "--answers", "r.yaml", "--review", cwd=tmp_path)
    child.expect(PROMPT + "Aller à")
    child.send(f"{number}" + ENTER)
    child.expect(rf"question {number}/")
    child.expect(PROMPT + _re(question(target)))
    child.send(NO + ENTER)
    child.expect(PROMPT + "Aller à")
    child.send(ENTER)  # finish: the assessment, then the dossier offer
    child.expect(PROMPT + "Écrire maintenant le dossier")
    child.send("2" + ENTER)
    assert finish(child) in (0, 1)
    after = saved(tmp_path / "r.yaml")["reponses"]
    assert before.pop(target) is True and after.pop(target) is False
    assert after == before  # one question changed, nothing else walked


def test_not_concerned_is_offered_saved_and_kept_in_review(tmp_path: Path) -> None:
    target = next(c.id for c in CATALOG.criteria if c.not_concerned and c.type == "boolean"
                  and c.applies("commune") and c.when is None)
    prefilled(tmp_path / "r.yaml", stop_at=target)
    child = spawn("assess", "--answers", "r.yaml", cwd=tmp_path)
    wait_question(child, question(target))
    child.expect("4\\) Non concerné")  # after « Non », where the catalog allows it
    child.send("4" + ENTER)
    child.expect(HEADER)
    child.send(CTRL_C)
    assert finish(child) == 130
    assert saved(tmp_path / "r.yaml")["reponses"][target] == "non_concerne"
    walk = Walk(CATALOG, yamlio_answers(tmp_path / "r.yaml"))
    number = [walk.steps[i].key for i in walk.numbered()].index(target) + 1
    child = spawn("assess", "--answers", "r.yaml", "--review", cwd=tmp_path)
    child.expect(PROMPT + "Aller à")
    child.send(f"{number}" + ENTER)
    child.expect(PROMPT + _re(question(target)))
    child.expect(r"» (?:\x1b\[[\d;]*m)*4\) Non concerné")  # the cursor on the saved answer
    child.send(ENTER)
    child.expect(PROMPT + "Aller à")
    child.send(CTRL_C)
    assert finish(child) == 130
    assert saved(tmp_path / "r.yaml")["reponses"][target] == "non_concerne"


def yamlio_answers(path: Path) -> Answers:
    from tnl_cli.loaders.answer_files import load

    return load(path, load_edition)[0]


def test_a_walk_at_80_columns_never_cuts_a_word(tmp_path: Path) -> None:
    """Every line the walk draws on an 80x24 terminal (pyte emulates it) stops before the last
    column: text is wrapped between words by tnl, never cut by the terminal or prompt_toolkit
    (a line that reaches column 80 is one the terminal wraps inside a word). The prompt
    library's words are French ("2 choix cochés", not "done (2 selections)")."""
    pyte = pytest.importorskip("pyte")
    screen80 = pyte.HistoryScreen(80, 24, history=5000)
    stream = pyte.Stream(screen80)
    child = pexpect.spawn(sys.executable, ["-m", "tnl_cli", "assess", "--answers", "r.yaml"],
                          cwd=str(tmp_path), env=env(COLUMNS="80", LINES="24"),
                          encoding="utf-8", timeout=10, dimensions=(24, 80))
    child.delaybeforesend = None
    child.logfile_read = io.StringIO()
    fed = 0
    cut: list[str] = []

    def look() -> None:
        nonlocal fed
        text = child.logfile_read.getvalue()
        stream.feed(text[fed:])
        fed = len(text)
        rows = [[line[x].data for x in range(80)] for line in screen80.history.top]
        rows += [list(row.ljust(80)) for row in screen80.display]
        cut.extend("".join(row) for row in rows if row[79] != " ")

    wait_question(child, "Nom de la collectivité")
    child.send("Lettret" + ENTER)
    wait_question(child, "Type de collectivité")
    child.send(COMMUNE + ENTER)
    wait_question(child, "Code INSEE")
    child.send("05072" + ENTER)
    ticked = False
    while child.expect([HEADER, "Écrire maintenant le dossier"]) == 0:
        child.expect(PROMPT)
        look()
        if "Espace : cocher" in screen80.display[-1] + "".join(screen80.display) and not ticked:
            child.send(" \x1b[B \r")  # tick the first two, then confirm
            ticked = True
        else:
            child.send(ENTER)
        if len(child.logfile_read.getvalue()) > 2_000_000:
            break
    child.expect(PROMPT)
    look()
    child.send("2" + ENTER)
    assert finish(child) in (0, 1)
    look()
    assert cut == [], "\n".join(dict.fromkeys(cut))
    shown = re.sub(r"\x1b\[[\d;?]*[a-zA-Z]", "", screen(child))
    assert ticked and "2 choix cochés" in shown, shown[shown.find("Espace : cocher") - 300:][:1500]
    assert "done" not in shown and "selection" not in shown


def test_inventory_proposes_the_next_answers(tmp_path: Path) -> None:
    walk = prefilled(tmp_path / "r.yaml", stop_at="inventaire_logiciels")
    walk.answer(None)
    after = walk.current.key  # the question that follows the inventory
    child = spawn("assess", "--answers", "r.yaml", cwd=tmp_path)
    wait_question(child, question("inventaire_logiciels"))
    child.send("Microsoft Office, Firefox, Thunderbird" + ENTER)
    target = "utilise_logiciel_libre"
    while True:
        child.expect(HEADER)
        if child.expect([PROMPT + _re(question(target)), PROMPT]) == 0:
            break
        child.send(SKIP + ENTER)  # questions in between, if any
    assert "Réponse proposée d'après votre liste de logiciels (logiciels libres : Firefox, " \
           "Thunderbird)" in re.sub(r"\s+", " ", re.sub(r"\x1b\[[\d;?]*[a-zA-Z]", "",
                                                       screen(child)))
    child.expect(r"» (?:\x1b\[[\d;]*m)*1\) Oui")  # the cursor on the proposal
    child.send(ENTER)
    child.expect(HEADER)
    child.send(CTRL_C)
    assert finish(child) == 130
    answers = saved(tmp_path / "r.yaml")["reponses"]
    assert answers[target] is True and after

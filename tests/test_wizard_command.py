"""`tnl assess` on a terminal, in process, with a scripted prompter: new file, resume, review,
migration, short form, and the modes where it must not prompt. Each test reads the file on disk."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, _Stream
from test_wizard import FakePrompter

from tnl_cli import cli
from tnl_cli.commands import common
from tnl_cli.io import yaml as yamlio
from tnl_cli.loaders.answer_files import load
from tnl_cli.loaders.catalogs import load_edition
from tnl_cli.reference import territory
from tnl_cli.walk import session as wizard_session
from tnl_cli.walk.steps import Walk

IDENTITY = ["Lettret", "commune", "05072", None, None, "3", "Camille Moreau", "Adjointe",
            "camille@lettret.example", "", ""]


@dataclass
class Session:
    code: int
    out: str
    err: str
    prompter: FakePrompter


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """`terminal(*args, replies=[...])` runs tnl in tmp_path as if on a terminal."""
    for var in ("LANG", "LC_ALL", "LC_MESSAGES", "NO_COLOR"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.chdir(tmp_path)

    def _run(*args: str, replies: list[Any] | None = None, auto: bool = False,
             tty: bool = True, by_message: dict[str, Any] | None = None) -> Session:
        prompter = FakePrompter(replies, auto=auto, by_message=by_message)
        monkeypatch.setattr(wizard_session, "terminal_prompter", lambda settings: prompter)
        out, err, inp = _Stream(tty), _Stream(tty), _Stream(tty)
        for name, value in (("stdin", inp), ("stdout", out), ("stderr", err),
                            ("lang", "fr"), ("color", True)):
            monkeypatch.setattr(common.SETTINGS, name, value)
        with pytest.raises(SystemExit) as exit_info:
            cli.main(list(args))
        return Session(int(exit_info.value.code or 0), out.getvalue(), err.getvalue(), prompter)

    return _run


def saved(path: Path) -> dict[str, Any]:
    return yamlio.load(path).data


def complete_example(path: Path) -> None:
    """The example file with every question it leaves open saved as skipped."""
    answers, catalog, _ = load(EXAMPLES / "commune-exemple.yaml", load_edition)
    walk = Walk(catalog, answers)
    while not walk.finished:
        walk.skip()
    path.write_text(yamlio.dump(walk.document("test")), encoding="utf-8")


def test_complete_walk_writes_every_answer_and_shows_the_verdict(terminal, tmp_path) -> None:
    s = terminal("assess", replies=IDENTITY, auto=True, by_message={"Écrire maintenant": "no"})
    assert s.code in (0, 1), s.err
    data = saved(tmp_path / "tnl-reponses.yaml")
    catalog = load_edition()
    assert data["edition"] == catalog.edition
    assert data["collectivite"]["nom"] == "Lettret"
    # the directory's SIREN for the INSEE code, offered as default and accepted
    assert data["collectivite"]["siren"] == territory.by_insee("05072").siren
    assert data["collectivite"]["elu_referent"]["email"] == "camille@lettret.example"
    asked = {a.message for a in s.prompter.asked}
    for c in catalog.criteria:
        if c.applies("commune") and c.when is None:
            assert c.id in data["reponses"], c.id
            assert any(m.startswith(c.question["fr"]) for m in asked)
    assert "Score par domaine" in s.out
    assert s.prompter.asked[-1].message.startswith("Écrire maintenant le dossier")
    assert "tnl dossier --answers tnl-reponses.yaml -o dossier-candidature.md" in "\n".join(
        s.prompter.said)


def test_header_shows_where_the_user_is(terminal) -> None:
    s = terminal("assess", replies=IDENTITY + [KeyboardInterrupt])
    first = load_edition().domains[0]
    assert any(line.startswith(f"Domaine 1/5 : {first.name['fr']} — question 1/")
               for line in s.prompter.said)
    assert any("Collectivité — question 1/" in line for line in s.prompter.said)
    first_id = next(c.id for c in load_edition().criteria if c.domain == first.id)
    assert not any(f"({first_id})" in line for line in s.prompter.said)  # ids: --verbose only
    verbose = terminal("assess", "--verbose", "--answers", "v.yaml",
                       replies=IDENTITY + [KeyboardInterrupt])
    assert any(line.endswith(f"({first_id})") for line in verbose.prompter.said)


def test_interrupted_then_resumed(terminal, tmp_path) -> None:
    catalog = load_edition()
    first, second, third = (c.id for c in catalog.criteria[:3])
    s = terminal("assess", "--answers", "r.yaml",
                 replies=IDENTITY + ["oui", "passer", KeyboardInterrupt])
    assert s.code == 130
    assert "Pour reprendre : tnl assess --answers r.yaml" in s.err
    data = saved(tmp_path / "r.yaml")
    assert data["reponses"] == {first: True, second: None}
    assert data["collectivite"]["type"] == "commune"

    again = terminal("assess", "--answers", "r.yaml", replies=["non", KeyboardInterrupt])
    assert again.prompter.asked[0].message == catalog.by_id[third].question["fr"]
    assert any("Reprise de r.yaml" in line for line in again.prompter.said)
    assert saved(tmp_path / "r.yaml")["reponses"][third] is False


def test_complete_file_is_evaluated_at_once_and_review_walks_again(terminal, tmp_path) -> None:
    complete_example(tmp_path / "r.yaml")
    s = terminal("assess", "--answers", "r.yaml")
    assert s.code == 0 and "ÉLIGIBLE" in s.out
    assert s.prompter.asked == []

    review = terminal("assess", "--answers", "r.yaml", "--review",
                      replies=["", None, None, KeyboardInterrupt])
    assert review.prompter.asked[0].kind == "complete"  # where to go: Enter is "everything"
    assert [a.default for a in review.prompter.asked[1:3]] == ["Saint-Libre-sur-Loire",
                                                                "commune"]
    assert saved(tmp_path / "r.yaml")["collectivite"]["nom"] == "Saint-Libre-sur-Loire"


def test_review_goes_straight_to_a_question_or_a_domain(terminal, tmp_path) -> None:
    complete_example(tmp_path / "r.yaml")
    before = saved(tmp_path / "r.yaml")
    catalog = load_edition()
    walk = Walk(catalog, load(tmp_path / "r.yaml", load_edition)[0], review=True)
    numbers = {walk.steps[i].key: n for n, i in enumerate(walk.numbered(), 1)}
    assert before["reponses"]["formats_ouverts"] is True
    # a domain by a word of its name: its questions in order, then where next
    domain = [walk.steps[i].key for i in walk.numbered() if walk.visible(i)
              and walk.steps[i].criterion.domain == "pratiques"]
    s = terminal("assess", "--answers", "r.yaml", "--review",
                 replies=[str(numbers["formats_ouverts"]), "non", "pratiques"]
                 + [None] * len(domain) + ["jeux donnees", "0", None, ""],
                 by_message={"Écrire maintenant": "no"})
    assert s.code in (0, 1), s.err
    asked = [a.message for a in s.prompter.asked]
    assert asked[1] == catalog.by_id["formats_ouverts"].question["fr"]
    assert asked[2] == "Aller à"
    assert all(m.startswith(catalog.by_id[c].question["fr"])
               for m, c in zip(asked[3:3 + len(domain)], domain, strict=True))
    assert asked[4 + len(domain)].endswith("laquelle ?")  # several questions hold the words
    after = saved(tmp_path / "r.yaml")
    assert after["reponses"].pop("formats_ouverts") is False
    before["reponses"].pop("formats_ouverts")
    assert after["reponses"] == before["reponses"]


def test_review_refuses_a_place_that_does_not_exist(terminal, tmp_path) -> None:
    complete_example(tmp_path / "r.yaml")
    s = terminal("assess", "--answers", "r.yaml", "--review",
                 replies=["999", "zzz introuvable", KeyboardInterrupt])
    assert s.code == 130
    assert [(reply, error.split(" :")[0]) for _m, reply, error in s.prompter.refused] == [
        ("999", "aucune question ni aucun domaine ne correspond à « 999 »"),
        ("zzz introuvable", "aucune question ni aucun domaine ne correspond à « zzz introuvable »")]


def test_older_edition_is_migrated_and_backed_up(terminal, tmp_path) -> None:
    old, new = load_edition(2024), load_edition(2025)
    gone = next(c.id for c in old.criteria if c.id not in new.by_id)
    kept = next(c.id for c in old.criteria if c.id in new.by_id and c.type == "boolean")
    original = (f"edition: 2024\ncollectivite: {{nom: Lettret, type: commune}}\n"
                f"reponses: {{{kept}: oui, {gone}: oui}}\n")
    (tmp_path / "r.yaml").write_text(original, encoding="utf-8")
    s = terminal("assess", "--answers", "r.yaml", replies=[KeyboardInterrupt])
    assert s.code == 130
    said = "\n".join(s.prompter.said)
    assert "édition 2024" in said and "r.avant-2025.yaml" in said
    assert old.by_id[gone].question["fr"] in said and f"({gone})" not in said
    fresh = [c for c in new.criteria if c.id not in old.by_id and c.applies("commune")]
    assert all(c.question["fr"] in said for c in fresh)
    assert (tmp_path / "r.avant-2025.yaml").read_text(encoding="utf-8") == original
    data = saved(tmp_path / "r.yaml")
    assert data["edition"] == 2025 and data["reponses"] == {kept: True}


def test_short_form_asks_only_its_criteria(terminal, tmp_path) -> None:
    form = load_edition().forms[0]
    s = terminal("assess", "--form", form.id, replies=IDENTITY, auto=True)
    assert s.code in (0, 1), s.err
    answered = saved(tmp_path / "tnl-reponses.yaml")["reponses"]
    assert answered and set(answered) <= set(form.criteria)
    catalog = load_edition()
    lists = [cid for cid in answered if catalog.by_id[cid].type in ("boolean", "choice")]
    assert lists and all(answered[cid] is None for cid in lists)  # Enter alone: « Passer »


def test_unknown_form(terminal) -> None:
    s = terminal("assess", "--form", "nope")
    assert s.code == 2 and "formulaire « nope » inconnu" in s.err


def test_english_prompts_follow_lang(terminal) -> None:
    s = terminal("assess", "--lang", "en", replies=[KeyboardInterrupt])
    assert s.prompter.asked[0].message == "Name of the collectivity"
    assert "To resume: tnl assess --answers tnl-reponses.yaml --lang en" in s.err


def test_no_terminal_never_prompts(terminal, tmp_path) -> None:
    s = terminal("assess", tty=False)
    assert s.code == 2 and "--answers" in s.err
    assert s.prompter.asked == [] and not (tmp_path / "tnl-reponses.yaml").exists()


def test_json_on_a_terminal_evaluates_only(terminal, tmp_path) -> None:
    (tmp_path / "r.yaml").write_text("edition: 2025\ncollectivite: {type: commune}\n",
                                     encoding="utf-8")
    s = terminal("assess", "--answers", "r.yaml", "--format", "json")
    assert s.code == 1 and '"verdict": "incomplete"' in s.out
    assert s.prompter.asked == []


def test_broken_file_is_refused_and_left_alone(terminal, tmp_path) -> None:
    text = "edition: 2025\nreponses: {formats_ouverts: peut-etre}\n"
    (tmp_path / "r.yaml").write_text(text, encoding="utf-8")
    s = terminal("assess", "--answers", "r.yaml")
    assert s.code == 2 and "r.yaml:2" in s.err
    assert (tmp_path / "r.yaml").read_text(encoding="utf-8") == text


def test_unwritable_folder_fails_before_the_first_question(terminal, tmp_path) -> None:
    s = terminal("assess", "--answers", str(tmp_path / "absent" / "r.yaml"))
    assert s.code == 2 and s.prompter.asked == []


def test_dossier_written_on_request(terminal, tmp_path) -> None:
    complete_example(tmp_path / "r.yaml")
    s = terminal("assess", "--answers", "r.yaml", "--review", auto=True,
                 by_message={"Écrire maintenant": "yes", "Fichier du dossier": "dossier.md"})
    assert s.code == 0, s.err
    assert "Saint-Libre-sur-Loire" in (tmp_path / "dossier.md").read_text(encoding="utf-8")


def test_empty_file_starts_a_new_walk(terminal, tmp_path) -> None:
    (tmp_path / "r.yaml").write_text("", encoding="utf-8")
    s = terminal("assess", "--answers", "r.yaml", replies=["Lettret", KeyboardInterrupt])
    assert s.code == 130
    assert any("Nouveau fichier" in line for line in s.prompter.said)
    assert saved(tmp_path / "r.yaml")["collectivite"]["nom"] == "Lettret"


def test_dossier_path_in_a_missing_or_locked_directory_is_refused_on_the_spot(terminal,
                                                                             tmp_path) -> None:
    complete_example(tmp_path / "r.yaml")
    s = terminal("assess", "--answers", "r.yaml", "--review", auto=True,
                 by_message={"Écrire maintenant": "yes", "Fichier du dossier": "absent/d.md"})
    assert s.code == 0, s.err  # the walk goes on to the name offered
    assert [(reply, error) for message, reply, error in s.prompter.refused
            if message.startswith("Fichier du dossier")] == [
        ("absent/d.md", "le répertoire « absent » n'existe pas : choisissez un autre emplacement.")]
    assert "Saint-Libre-sur-Loire" in (tmp_path / "dossier-candidature.md").read_text("utf-8")
    check = next(a for a in s.prompter.asked if a.message.startswith("Fichier du dossier")).validate
    assert check("r.yaml/d.md") == ("« r.yaml » est un fichier, pas un répertoire : choisissez un "
                                    "autre emplacement.")
    assert "existe déjà" in check("r.yaml")
    assert "« .txt »" in check("d.txt")
    assert check(str(tmp_path / "d.odt")) is None
    if os.geteuid() != 0:  # root writes anywhere
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        assert check(str(locked / "d.md")) == (f"impossible d'écrire dans le répertoire « {locked} » "
                                               "(permission refusée) : choisissez un autre "
                                               "emplacement.")


def test_the_dossier_name_offered_is_free(terminal, tmp_path) -> None:
    complete_example(tmp_path / "r.yaml")
    (tmp_path / "dossier-candidature.md").write_text("déjà là", encoding="utf-8")
    s = terminal("assess", "--answers", "r.yaml", "--review", auto=True,
                 by_message={"Écrire maintenant": "yes"})
    assert s.code == 0, s.err
    asked = next(a for a in s.prompter.asked if a.message.startswith("Fichier du dossier"))
    assert asked.default == "dossier-candidature-2.md"  # Enter accepts it
    assert (tmp_path / "dossier-candidature.md").read_text(encoding="utf-8") == "déjà là"
    assert "Saint-Libre-sur-Loire" in (tmp_path / "dossier-candidature-2.md").read_text("utf-8")

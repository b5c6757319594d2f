"""`tnl assess --answers NEW --renew OLD`: this year's file started from last year's, which is
never modified; the label obtained last year recorded; on a terminal, a review walk."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
import test_wizard_command
from test_cli_compare import OLD
from test_wizard_command import saved

from tnl_cli.loaders.catalogs import load_edition

terminal = test_wizard_command.terminal  # the fixture: tnl in process, as on a terminal


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def old(tmp_path: Path) -> Path:
    path = tmp_path / "reponses-2024.yaml"
    shutil.copyfile(OLD, path)
    return path


def test_renew_without_terminal_writes_a_file_that_assess_evaluates(run, old, tmp_path) -> None:
    new = tmp_path / "reponses-2025.yaml"
    before = _sha(old)
    r = run("assess", "--answers", str(new), "--renew", str(old), "--last-label", "2",
            "--set", "evenements_libres=oui", "--format", "json")
    assert r.code == 0, r.err
    assert _sha(old) == before  # last year's file untouched, no backup beside it
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reponses-2024.yaml",
                                                          "reponses-2025.yaml"]
    assert json.loads(r.out)["edition"] == 2025
    data = saved(new)
    assert data["edition"] == 2025
    assert data["collectivite"]["labels_anterieurs"] == [{"annee": 2023, "niveau": "3"},
                                                         {"annee": 2024, "niveau": "2"}]
    answers = data["reponses"]
    assert answers["part_postes_libreoffice"] == 30  # last year's answer carried over
    assert answers["evenements_libres"] is True  # --set
    assert "demarche_sobriete_numerique" not in answers  # gone with the 2025 edition
    assert "duree_vie_postes" not in answers  # new in 2025: left for the user to answer
    assert "duree_vie_postes" in r.err and "demarche_sobriete_numerique" in r.err
    again = run("assess", "--answers", str(new), "--format", "json")
    assert again.code == 0, again.err
    assert json.loads(again.out) == json.loads(r.out)


def test_an_existing_file_is_replaced_only_with_force(run, old, tmp_path) -> None:
    new = tmp_path / "reponses-2025.yaml"
    new.write_text("edition: 2025\n", encoding="utf-8")
    r = run("assess", "--answers", str(new), "--renew", str(old), "--last-label", "aucun")
    assert r.code == 2 and "--force" in r.err and "Traceback" not in r.err
    assert new.read_text(encoding="utf-8") == "edition: 2025\n"
    r = run("assess", "--answers", str(new), "--renew", str(old), "--last-label", "aucun",
            "--force", "--format", "json")
    assert r.code == 0, r.err
    assert saved(new)["collectivite"]["labels_anterieurs"] == [{"annee": 2023, "niveau": "3"}]


def test_renew_refuses_the_old_file_itself_and_a_bad_label(run, old, tmp_path) -> None:
    before = _sha(old)
    r = run("assess", "--answers", str(old), "--renew", str(old), "--force")
    assert r.code == 2 and "même fichier" in r.err
    new = tmp_path / "reponses-2025.yaml"
    r = run("assess", "--answers", str(new), "--renew", str(old), "--last-label", "or")
    assert r.code == 2 and "1, 2, 3, 4, 5, aucun" in r.err
    assert not new.exists() and _sha(old) == before
    r = run("assess", "--renew", str(old))
    assert r.code == 2 and "--answers" in r.err


def test_without_last_label_nothing_is_recorded_for_the_user(run, old, tmp_path) -> None:
    new = tmp_path / "reponses-2025.yaml"
    r = run("assess", "--answers", str(new), "--renew", str(old), "--lang", "en")
    assert r.code == 0, r.err
    assert "--last-label" in r.err
    assert saved(new)["collectivite"]["labels_anterieurs"] == [{"annee": 2023, "niveau": "3"}]


def test_a_label_named_in_full_is_recorded_by_its_id(run, tmp_path) -> None:
    old = tmp_path / "r-2025.yaml"
    old.write_text("edition: 2025\ncollectivite: {nom: Boé, type: commune}\nreponses: {}\n",
                   encoding="utf-8")
    new = tmp_path / "r-2026.yaml"
    r = run("assess", "--answers", str(new), "--renew", str(old), "--last-label", "Label Argent")
    assert r.code == 1, r.err  # incomplete, but written
    assert "même édition, 2025" in r.err
    assert saved(new)["collectivite"]["labels_anterieurs"] == [{"annee": 2025,
                                                                "niveau": "argent"}]


def test_on_a_terminal_asks_the_label_then_reviews_last_years_answers(
        terminal, old, tmp_path) -> None:
    before = _sha(old)
    s = terminal("assess", "--answers", "reponses-2025.yaml", "--renew", str(old),
                 by_message={"Quel label": "3", "Écrire maintenant": "no"}, auto=True)
    assert s.code in (0, 1), s.err
    label = s.prompter.asked[0]
    assert label.message.startswith("Quel label la collectivité a-t-elle obtenu à l'édition 2024")
    assert [o.value for o in label.options] == ["1", "2", "3", "4", "5", "aucun"]
    assert label.default is None  # nothing chosen for the user
    catalog = load_edition(2025)

    def asked(cid: str):  # a number's prompt ends with its unit
        return next(a for a in s.prompter.asked
                    if a.message.startswith(catalog.by_id[cid].question["fr"]))

    assert asked("part_postes_libreoffice").default == "30"  # last year's answer proposed
    assert not asked("duree_vie_postes").default  # a new criterion is asked as new
    data = saved(tmp_path / "reponses-2025.yaml")
    assert {"annee": 2024, "niveau": "3"} in data["collectivite"]["labels_anterieurs"]
    assert data["edition"] == 2025
    assert _sha(old) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reponses-2024.yaml",
                                                          "reponses-2025.yaml"]


def test_interrupted_at_the_label_question_writes_nothing(terminal, old, tmp_path) -> None:
    s = terminal("assess", "--answers", "reponses-2025.yaml", "--renew", str(old),
                 replies=[KeyboardInterrupt])
    assert s.code == 130
    assert not (tmp_path / "reponses-2025.yaml").exists()


def test_renew_on_a_real_terminal(old, tmp_path) -> None:
    """End to end in a pseudo-terminal: the label chosen with the keys, the new file written
    before the review starts, Ctrl-C at « Aller à » keeps it (resume: tnl assess --answers)."""
    pytest.importorskip("pexpect")
    from pty_helpers import CTRL_C, ENTER, PROMPT, finish, spawn

    before = _sha(old)
    child = spawn("assess", "--answers", "reponses-2025.yaml", "--renew", old.name,
                  cwd=tmp_path)
    child.expect(PROMPT + "Quel label la collectivité a-t-elle obtenu à l'édition 2024")
    child.send("3" + ENTER)  # the third option: « Niveau 3 »
    child.expect("Label obtenu en 2024 : Niveau 3")
    child.expect(PROMPT + "Aller à")
    child.send(CTRL_C)
    assert finish(child) == 130
    data = saved(tmp_path / "reponses-2025.yaml")
    assert {"annee": 2024, "niveau": "3"} in data["collectivite"]["labels_anterieurs"]
    assert data["reponses"]["part_postes_libreoffice"] == 30
    assert _sha(old) == before


def test_unusable_old_file_or_target_writes_nothing(run, tmp_path) -> None:
    bad = tmp_path / "reponses-2024.yaml"
    bad.write_text("edition: 2024\nreponses:\n  part_postes_libreoffice: 150\n", encoding="utf-8")
    new = tmp_path / "reponses-2025.yaml"
    r = run("assess", "--answers", str(new), "--renew", str(bad), "--last-label", "aucun")
    assert r.code == 2 and f"{bad}:3" in r.err and "Traceback" not in r.err
    assert not new.exists()
    r = run("assess", "--answers", str(tmp_path / "absent" / "r.yaml"), "--renew", str(OLD))
    assert r.code == 2 and "absent" in r.err
    r = run("assess", "--answers", str(new), "--renew", str(tmp_path / "nowhere.yaml"))
    assert r.code == 2 and "nowhere.yaml" in r.err and not new.exists()

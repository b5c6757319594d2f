"""evidence/apply.py: proposals written into an answers file, never over the user's answers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tnl_cli.core import answers as ans
from tnl_cli.core.catalog import load_edition
from tnl_cli.core.provenance import Proposal, Source
from tnl_cli.errors import TnlError
from tnl_cli.evidence.apply import apply, describe, user_comments
from tnl_cli.io import yaml as yamlio

SOURCE = Source("parc/", "glpi-agent-json", dt.date(2026, 12, 6), dt.date(2026, 11, 28), 298, 412,
                "postes")
OTHER = Source("export.csv", "glpi-export", dt.date(2026, 12, 1), None, 5, 10, "postes")


def prop(cid: str, value, source: Source = SOURCE) -> Proposal:
    return Proposal(cid, value, (source,), "inventory.reason_office", {})


def write(tmp_path: Path, body: str, name: str = "r.yaml") -> Path:
    path = tmp_path / name
    path.write_text("edition: 2025\ncollectivite: {nom: Test}\nreponses:\n" + body,
                    encoding="utf-8")
    return path


def load(path: Path) -> ans.Answers:
    return ans.load(path, load_edition)[0]


def test_absent_answer_is_set_with_its_sources(tmp_path: Path) -> None:
    path = write(tmp_path, "  formats_ouverts: oui\n  part_postes_os_libre:\n")
    result = apply(path, [prop("part_postes_libreoffice", 72.3), prop("part_postes_os_libre", 5)])
    assert [c.criterion for c in result.applied] == ["part_postes_libreoffice",
                                                      "part_postes_os_libre"]
    assert result.written and not result.conflicts and result.backup is None
    answers = load(path)
    assert answers.value("part_postes_libreoffice") == 72.3
    assert answers.responses["part_postes_libreoffice"].sources == (SOURCE,)
    assert answers.value("part_postes_os_libre") == 5  # was null: set
    assert answers.value("formats_ouverts") is True  # untouched answers stay
    raw = yamlio.load(path).data["reponses"]["part_postes_libreoffice"]["sources"][0]
    assert raw == {"fichier": "parc/", "format": "glpi-agent-json", "date": "2026-11-28",
                   "lu_le": "2026-12-06", "compte": 298, "base": 412, "unite": "postes"}


def test_user_answer_kept_without_force_and_difference_reported(tmp_path: Path) -> None:
    path = write(tmp_path, "  part_postes_libreoffice: 90\n")
    before = path.read_bytes()
    result = apply(path, [prop("part_postes_libreoffice", 72.3)])
    assert result.conflicts[0].old == 90 and result.conflicts[0].new == 72.3
    assert not result.written and path.read_bytes() == before
    lines = describe(result, "fr")
    assert any("90" in line and "72,3" in line for line in lines)
    assert any("--force" in line for line in lines)
    forced = apply(path, [prop("part_postes_libreoffice", 72.3)], force=True)
    assert forced.replaced and forced.written
    assert load(path).value("part_postes_libreoffice") == 72.3


def test_same_value_refreshes_the_source_of_the_same_file(tmp_path: Path) -> None:
    path = write(tmp_path, "  part_postes_libreoffice: 72.3\n")
    apply(path, [prop("part_postes_libreoffice", 72.3, OTHER)])
    newer = Source("export.csv", "glpi-export", dt.date(2026, 12, 6), None, 6, 10, "postes")
    result = apply(path, [prop("part_postes_libreoffice", 72.3), prop("part_postes_libreoffice",
                                                                     72.3, newer)])
    assert result.refreshed and not result.applied
    # the export's reading replaced in place, the inventory's added after it
    assert load(path).responses["part_postes_libreoffice"].sources == (newer, SOURCE)
    before = path.read_bytes()
    again = apply(path, [prop("part_postes_libreoffice", 72.3)])  # the same reading again
    assert not again.refreshed and not again.written and path.read_bytes() == before


def test_refused_value_writes_nothing(tmp_path: Path) -> None:
    path = write(tmp_path, "")
    before = path.read_bytes()
    with pytest.raises(TnlError) as err:
        apply(path, [prop("part_postes_os_libre", 10), prop("part_postes_libreoffice", 140)])
    assert "part_postes_libreoffice" in err.value.render("fr")
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.yaml"]  # no temporary left


def test_unreadable_answers_file_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("edition: 2025\nreponses:\n  pas_une_question: oui\n", encoding="utf-8")
    with pytest.raises(TnlError):
        apply(path, [prop("part_postes_os_libre", 10)])
    assert path.read_text(encoding="utf-8").endswith("pas_une_question: oui\n")


def test_criterion_absent_from_the_edition_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("edition: 2024\nreponses: {}\n", encoding="utf-8")
    result = apply(path, [prop("duree_vie_postes", 4), prop("part_postes_os_libre", 10)])
    assert result.not_asked == ("duree_vie_postes",) and result.written
    assert yamlio.load(path).data["edition"] == 2024


def test_missing_file_is_created_and_dry_run_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "new.yaml"
    planned = apply(path, [prop("part_postes_os_libre", 10)], dry_run=True)
    assert planned.applied and not planned.written and not path.exists()
    assert any("--apply" in line for line in describe(planned, "en"))
    result = apply(path, [prop("part_postes_os_libre", 10)], header="# made by a test\n")
    assert result.created and path.read_text(encoding="utf-8").startswith("# made by a test\n")
    with pytest.raises(TnlError):
        apply(tmp_path / "other.yaml", [prop("part_postes_os_libre", 10)], create=False)


def test_user_comments_are_backed_up_before_rewrite(tmp_path: Path) -> None:
    path = write(tmp_path, "  formats_ouverts: oui  # voté en 2022\n")
    original = path.read_text(encoding="utf-8")
    result = apply(path, [prop("part_postes_os_libre", 10)], origin="inventaire")
    assert result.backup == tmp_path / "r.avant-inventaire.yaml"
    assert result.backup.read_text(encoding="utf-8") == original
    # Rewritten by tnl with its own header only: no second backup.
    header = "# Réponses au questionnaire du label Territoire Numérique Libre, enregistrées par tnl.\n"
    path.write_text(header + path.read_text(encoding="utf-8"), encoding="utf-8")
    again = apply(path, [prop("part_postes_os_libre", 12)], force=True, origin="inventaire")
    assert again.backup is None and again.written


@pytest.mark.parametrize(("text", "expected"), [
    ("a: 1\n", False),
    ("a: 'x # not a comment'\nb: c#d\n", False),
    ("a: |\n  # text of a block\n", False),
    ("a: 1 # note\n", True),
    ("# top\na: 1\n", True),
    ("# Réponses au questionnaire du label Territoire Numérique Libre, enregistrées par tnl.\n"
     "# Reprendre ou relire : tnl assess --answers r.yaml [--review]\na: 1\n", False),
])
def test_user_comments_detection(text: str, expected: bool) -> None:
    assert user_comments(text) is expected


def test_inventory_list_proposal(tmp_path: Path) -> None:
    path = write(tmp_path, "")
    apply(path, [Proposal("inventaire_logiciels", ["LibreOffice", "Firefox", "Logiciel X"],
                          (SOURCE,), "inventory.reason_software", {})])
    items = load(path).value("inventaire_logiciels")
    assert [i.name for i in items] == ["LibreOffice", "Firefox", "Logiciel X"]


def test_software_list_is_completed_never_cut(tmp_path: Path) -> None:
    path = write(tmp_path, "  inventaire_logiciels: [LibreOffice, {nom: Logiciel X, libre: non}]\n")
    found = Proposal("inventaire_logiciels", ["LibreOffice", "Mozilla Firefox"], (SOURCE,),
                     "inventory.reason_list", {})
    kept = apply(path, [found])
    assert kept.conflicts[0].new == ["LibreOffice", {"nom": "Logiciel X", "libre": False},
                                     "Mozilla Firefox"]
    apply(path, [found], force=True)
    items = load(path).value("inventaire_logiciels")
    assert [(i.name, i.free) for i in items] == [("LibreOffice", True), ("Logiciel X", False),
                                                 ("Mozilla Firefox", True)]
    again = apply(path, [found])  # nothing new to add: the same list, its source kept
    assert not again.conflicts and not again.written

"""tnl inventaire: each reader against fixtures in its real format, figures equal to hand counts.

Hand counts (tests/fixtures/inventory, same fleet as examples/inventaire/glpi-agent):
glpi-agent/ holds 9 inventories: 6 workstations (pc-accueil-01/02 Ubuntu, pc-mediatheque-01
Linux Mint: 3 free; pc-compta-01 Windows 10, pc-urbanisme-01 and pc-dgs-01 Windows 11), one
server (srv-fichiers, Rack Mount Chassis), one KVM virtual machine (vm-glpi), one duplicate
(pc-compta-01-ancien.json: same serial SLL0003). Free office suite on 5 workstations (all but
pc-dgs-01: Microsoft 365), proprietary suite on 2 (pc-compta-01, pc-dgs-01): mixte.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest

from tnl_cli.core.catalog import load_edition
from tnl_cli.inventory import figures, readers
from tnl_cli.inventory.collect import collect, recognise

FIXTURES = Path(__file__).parent / "fixtures" / "inventory"
AGENT = FIXTURES / "glpi-agent"
TODAY = dt.date(2026, 12, 6)


def proposals_of(paths: list[Path], **kwargs: Any) -> dict[str, Any]:
    got = collect(paths, today=TODAY, **kwargs)
    return {p.criterion: p for p in got.proposals(load_edition(2025))}


# -- GLPI Agent JSON --------------------------------------------------------------------------

def test_glpi_agent_folder_figures_equal_hand_counts() -> None:
    got = collect([AGENT], today=TODAY)
    fig = got.figures
    assert (fig.machines, fig.duplicates, fig.servers, fig.virtual, fig.workstations) == \
        (9, 1, 1, 1, 6)
    assert (fig.free_os, fig.listed, fig.free_suite, fig.proprietary_suite) == (3, 6, 5, 2)
    assert got.report.formats == {"glpi-agent-json": 9}
    assert got.source.date == dt.date(2026, 11, 28) and got.source.lu_le == TODAY
    props = {p.criterion: p for p in got.proposals(load_edition(2025))}
    assert props["part_postes_os_libre"].value == 50
    assert props["part_postes_libreoffice"].value == 83.3  # 5/6 = 83.33, rounded down
    source = props["part_postes_libreoffice"].sources[0]
    assert (source.compte, source.base, source.unite, source.format) == \
        (5, 6, "postes", "glpi-agent-json")
    assert props["suite_bureautique"].value == "mixte"
    assert props["utilise_logiciel_libre"].value is True
    listed = props["inventaire_logiciels"].value
    assert {"LibreOffice", "QGIS", "Microsoft Office", "GIMP"} <= set(listed)
    assert "Intel(R) Chipset Device Software" not in listed  # not in the catalog: not proposed
    assert props["logiciels_libres_utilises"].value == ["navigateur", "messagerie",
                                                       "collaboratif", "sig", "graphisme"]
    # BIOS dates 2019-03-12, 2018-06-01, 2017-01-20, 2021-09-30, 2022-02-15, 2016-05-05 against
    # the inventory date 2026-11-28: 7.7 + 8.5 + 9.9 + 5.2 + 4.8 + 10.6 years / 6 = 7.8.
    assert (fig.aged, fig.age_years) == (6, 7.8)
    assert "duree_vie_postes" not in props  # shown for information only


def test_single_json_file_and_other_devices() -> None:
    got = collect([AGENT / "pc-dgs-01.json"], today=TODAY)
    assert got.figures.workstations == 1 and got.figures.free_os == 0
    assert proposals_of([AGENT / "pc-dgs-01.json"])["suite_bureautique"].value == "proprietaire"


def test_printer_inventory_is_left_out(tmp_path: Path) -> None:
    (tmp_path / "printer.json").write_text(json.dumps(
        {"itemtype": "Printer", "content": {"hardware": {"name": "imp"}}}), encoding="utf-8")
    (tmp_path / "pc.json").write_text((AGENT / "pc-accueil-01.json").read_text("utf-8"),
                                      encoding="utf-8")
    got = collect([tmp_path], today=TODAY)
    assert got.report.others == 1 and got.figures.workstations == 1


# -- FusionInventory XML ----------------------------------------------------------------------

def test_fusioninventory_xml() -> None:
    got = collect([FIXTURES / "fusion-pc-ecole-01.xml"], today=TODAY)
    fig = got.figures
    assert (fig.workstations, fig.free_os, fig.free_suite) == (1, 1, 1)
    assert got.report.formats == {"fusioninventory-xml": 1}
    assert got.source.date == dt.date(2026, 11, 27)
    assert fig.aged == 1  # BDATE 03/12/2019 is month first (dmidecode): 2019-03-12


@pytest.mark.parametrize("payload", [
    # billion laughs
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    b"<REQUEST><CONTENT><HARDWARE><NAME>&lol2;</NAME></HARDWARE></CONTENT></REQUEST>",
    # external entity
    b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b"<REQUEST><CONTENT><HARDWARE><NAME>&x;</NAME></HARDWARE></CONTENT></REQUEST>",
    # a bare DTD
    b'<?xml version="1.0"?><!DOCTYPE REQUEST SYSTEM "http://example.org/x.dtd">'
    b"<REQUEST><CONTENT/></REQUEST>",
])
def test_hostile_xml_refused(run: Any, tmp_path: Path, payload: bytes) -> None:
    path = tmp_path / "pc.xml"
    path.write_bytes(payload)
    answers = tmp_path / "r.yaml"
    result = run("inventaire", str(path), "--answers", str(answers), "--apply")
    assert result.code == 2
    assert "pc.xml" in result.err and "DTD" in result.err
    assert not answers.exists() and "root:" not in result.out + result.err


# -- GLPI and OCS exports ---------------------------------------------------------------------

def test_glpi_computers_export_french() -> None:
    got = collect([FIXTURES / "glpi-ordinateurs.csv"], today=TODAY)
    fig = got.figures
    # 9 rows: srv-fichiers (Serveur) and srv-ad (VMware) left out, PC-COMPTA-02 duplicate of
    # pc-compta-02 (SLL0007); 6 workstations, 3 free (2 Ubuntu, Linux Mint), 1 with no system.
    assert (fig.machines, fig.servers, fig.virtual, fig.duplicates) == (9, 1, 1, 1)
    assert (fig.workstations, fig.free_os, fig.os_unknown, fig.listed) == (6, 3, 1, 0)
    assert got.report.formats == {"glpi-export": 1}
    assert got.source.date == dt.date(2026, 11, 28)  # "Dernière modification"
    props = proposals_of([FIXTURES / "glpi-ordinateurs.csv"])
    assert props["part_postes_os_libre"].value == 50
    assert "part_postes_libreoffice" not in props  # no software per machine in this export


def test_glpi_computers_export_english_commas() -> None:
    got = collect([FIXTURES / "glpi-computers-en.csv"], today=TODAY)
    assert (got.figures.workstations, got.figures.free_os) == (4, 2)


def test_glpi_software_export() -> None:
    got = collect([FIXTURES / "glpi-logiciels.csv"], today=TODAY)
    counts = {f.name: f.count for f in got.figures.found}
    assert counts == {"Mozilla Firefox": 130, "LibreOffice": 118, "Microsoft Office": 12,
                      "QGIS": 4}
    props = proposals_of([FIXTURES / "glpi-logiciels.csv"])
    assert props["suite_bureautique"].value == "mixte"
    assert props["inventaire_logiciels"].sources[0].unite == "logiciels"


def test_ocs_export_with_trailing_separator() -> None:
    got = collect([FIXTURES / "ocs-export.csv"], today=TODAY)
    assert got.report.formats == {"ocs-export": 1}
    assert (got.figures.workstations, got.figures.free_os) == (5, 3)
    assert got.source.date == dt.date(2026, 11, 25)


@pytest.mark.parametrize("suffix", [".ods", ".xlsx"])
def test_spreadsheet_exports(tmp_path: Path, suffix: str) -> None:
    from tnl_cli.io.table_write import Column, open_output

    path = tmp_path / f"export{suffix}"
    rows = [line.split(",") for line in
            (FIXTURES / "glpi-computers-en.csv").read_text("utf-8").splitlines()]
    with open_output(path, [Column(name) for name in rows[0]]) as out:
        for row in rows[1:]:
            out.write(row)
    got = collect([path], today=TODAY)
    assert (got.figures.workstations, got.figures.free_os) == (4, 2)
    # The content decides, not the name: a workbook named .csv, or with no extension, is read.
    for name in ("export.csv", "export"):
        wrong = tmp_path / name
        wrong.write_bytes(path.read_bytes())
        got = collect([wrong], today=TODAY)
        assert (got.figures.workstations, got.figures.free_os) == (4, 2)


def test_unmatched_columns_listed_with_the_map_to_use(run: Any, tmp_path: Path) -> None:
    path = tmp_path / "parc.csv"
    path.write_text("Poste;Systeme installe;Salle\npc1;Ubuntu;A\npc2;Windows 11;B\n",
                    encoding="utf-8")
    result = run("inventaire", str(path))
    assert result.code == 2
    assert "« Poste »" in result.err and "« Systeme installe »" in result.err
    assert "--map" in result.err
    mapped = run("inventaire", str(path), "--map", "Systeme installe=os", "--map", "Poste=nom",
                 "--format", "json")
    assert mapped.code == 0, mapped.err
    data = json.loads(mapped.out)
    assert data["figures"]["workstations"] == 2 and data["figures"]["free_os"] == 1
    bad = run("inventaire", str(path), "--map", "Poste")
    assert bad.code == 2 and "--map" in bad.err


def test_user_delimiter(tmp_path: Path) -> None:
    path = tmp_path / "parc.txt"
    path.write_text("Nom|Système d'exploitation - Nom\npc1|Ubuntu\npc2|Debian\n",
                    encoding="utf-8")
    got = collect([path], delimiter="|", today=TODAY)
    assert got.figures.free_os == 2


# -- bad input --------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "content", "words"), [
    ("vide.csv", b"", "vide"),
    ("entete.csv", b"Nom;Syst\xc3\xa8me d'exploitation - Nom\n", "vide"),
    ("binaire.dat", b"\x00\x01\x02\x03garbage", "non reconnu"),
    ("cassé.json", b'{"content": {"hardware": ', "JSON illisible"),
    ("autre.json", b'{"hello": 1}', "content"),
    ("autre.xml", b"<html><body/></html>", "FusionInventory"),
    ("zip.csv", b"PK\x03\x04rest-of-a-zip", "non reconnu"),
    ("nombre.json", b'{"content": {"hardware": {"name": 1' + b"0" * 5000 + b"}}}", "content"),
    ("profond.json", b"[" * 100_000 + b"]" * 100_000, "profond"),
    ("guillemet.csv", b"Nom;OS\npc1;\"" + b"x" * 140_000 + b"\n", "ligne illisible"),
])
def test_bad_inputs_exit_2_naming_the_file(run: Any, tmp_path: Path, name: str, content: bytes,
                                            words: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    answers = tmp_path / "r.yaml"
    answers.write_text("edition: 2025\nreponses: {}\n", encoding="utf-8")
    before = answers.read_bytes()
    result = run("inventaire", str(path), "--answers", str(answers), "--apply")
    assert result.code == 2, result.out
    assert name in result.err and words in result.err
    assert "Traceback" not in result.err
    assert answers.read_bytes() == before


def test_control_characters_in_names_refused(run: Any, tmp_path: Path) -> None:
    data = json.loads((AGENT / "pc-accueil-01.json").read_text("utf-8"))
    data["content"]["softwares"][0]["name"] = "Libre\x1b[31mOffice"
    (tmp_path / "pc.json").write_text(json.dumps(data), encoding="utf-8")
    result = run("inventaire", str(tmp_path))
    assert result.code == 2 and "\x1b" not in result.err + result.out
    assert "pc.json" in result.err and "\\x1b" in result.err


def test_symlink_loop_refused(run: Any, tmp_path: Path) -> None:
    folder = tmp_path / "parc"
    (folder / "sous").mkdir(parents=True)
    (folder / "pc.json").write_text((AGENT / "pc-accueil-01.json").read_text("utf-8"),
                                    encoding="utf-8")
    os.symlink(folder, folder / "sous" / "retour")
    result = run("inventaire", str(folder))
    assert result.code == 2 and "retour" in result.err and "boucle" in result.err


def test_folder_without_inventory(run: Any, tmp_path: Path) -> None:
    (tmp_path / ".cache").write_text("x", encoding="utf-8")
    result = run("inventaire", str(tmp_path))
    assert result.code == 2 and "aucun fichier" in result.err


def test_missing_path_and_no_path(run: Any, tmp_path: Path) -> None:
    assert run("inventaire", str(tmp_path / "absent")).code == 2
    result = run("inventaire")
    assert result.code == 2 and "--example" in result.err


# -- the command ------------------------------------------------------------------------------

def test_text_output_states_count_base_and_source(run: Any) -> None:
    result = run("inventaire", str(AGENT))
    assert result.code == 0, result.err
    assert "5 postes sur 6 ont une suite bureautique libre (LibreOffice…) — 83,3 %" in result.out
    assert "d'après 9 inventaire(s) GLPI Agent du 2026-11-28" in result.out
    assert "1 serveur(s) écarté(s)" in result.out and "1 machine(s) virtuelle(s)" in result.out
    assert "1 doublon(s)" in result.out
    english = run("inventaire", str(AGENT), "--lang", "en")
    assert "5 workstations out of 6 have a free office suite" in english.out


def test_apply_writes_sources_and_keeps_user_answers(run: Any, tmp_path: Path) -> None:
    from tnl_cli.core import answers as ans

    answers = tmp_path / "r.yaml"
    answers.write_text("edition: 2025\nreponses:\n  part_postes_os_libre: 40\n",
                       encoding="utf-8")
    shown = run("inventaire", str(AGENT), "--answers", str(answers))
    assert shown.code == 0 and "40" in shown.out and "--apply" in shown.out
    assert "part_postes_libreoffice" not in answers.read_text("utf-8")  # not written
    applied = run("inventaire", str(AGENT), "--answers", str(answers), "--apply")
    assert applied.code == 0, applied.err
    loaded = ans.load(answers, load_edition)[0]
    assert loaded.value("part_postes_os_libre") == 40  # the user's answer is kept
    assert loaded.value("part_postes_libreoffice") == 83.3
    source = loaded.responses["part_postes_libreoffice"].sources[0]
    assert (source.compte, source.base, source.fichier) == (5, 6, str(AGENT.as_posix()))
    forced = run("inventaire", str(AGENT), "--answers", str(answers), "--apply", "--force")
    assert forced.code == 0 and "40" in forced.out
    assert ans.load(answers, load_edition)[0].value("part_postes_os_libre") == 50


def test_apply_needs_answers_and_json_output(run: Any, tmp_path: Path) -> None:
    assert run("inventaire", str(AGENT), "--apply").code == 2
    result = run("inventaire", str(AGENT), "--format", "json")
    data = json.loads(result.out)
    assert data["figures"]["workstations"] == 6 and data["source"]["format"] == "glpi-agent-json"
    ids = [p["criterion"] for p in data["proposals"]]
    assert "part_postes_os_libre" in ids
    assert data["proposals"][0]["sources"][0]["base"] == 6


def test_example_shipped_with_the_tool(run: Any) -> None:
    result = run("inventaire", "--example")
    assert result.code == 0 and "83,3 %" in result.out


def test_progress_bar_on_a_terminal(run: Any, tmp_path: Path, monkeypatch: Any) -> None:
    from tnl_cli.commands import common

    for i in range(25):
        (tmp_path / f"pc{i}.json").write_text(json.dumps({"content": {
            "hardware": {"name": f"pc{i}", "uuid": f"u{i}"},
            "operatingsystem": {"name": "Ubuntu", "kernel_name": "linux"}}}), encoding="utf-8")
    monkeypatch.setattr(common, "stderr_is_terminal", lambda: True)
    result = run("inventaire", str(tmp_path))
    assert result.code == 0 and result.err.startswith("\r[") and result.err.endswith("\r")


def test_no_proposal_is_a_negative_result(run: Any, tmp_path: Path) -> None:
    (tmp_path / "srv.json").write_text(json.dumps({"content": {
        "hardware": {"name": "srv", "chassis_type": "Rack Mount Chassis"}}}), encoding="utf-8")
    result = run("inventaire", str(tmp_path))
    assert result.code == 1 and "Aucune réponse" in result.out


# -- pure parts -------------------------------------------------------------------------------

@pytest.mark.parametrize(("count", "base", "share"), [
    (298, 412, 72.3), (1, 3, 33.3), (2, 3, 66.6), (899, 1000, 89.9), (8999, 10000, 89.9),
    (5, 5, 100), (0, 7, 0), (1, 0, None),
])
def test_shares_round_down(count: int, base: int, share: float | None) -> None:
    assert figures.floor_share(count, base) == share


@pytest.mark.parametrize(("raw", "day_first", "date"), [
    ("2016-02-06", False, dt.date(2016, 2, 6)),
    ("03/12/2019", False, dt.date(2019, 3, 12)),
    ("03/12/2019", True, dt.date(2019, 12, 3)),
    ("25/12/2019", False, dt.date(2019, 12, 25)),  # a day over 12 settles it
    ("2026-11-28 09:12", True, dt.date(2026, 11, 28)),
    ("31/02/2020", True, None), ("n/a", True, None), (None, True, None),
])
def test_dates(raw: Any, day_first: bool, date: dt.date | None) -> None:
    assert readers.parse_date(raw, day_first=day_first) == date


@pytest.mark.parametrize(("machine", "kind", "free"), [
    (figures.Machine("x", os="Microsoft Windows Server 2019 Standard"), "server", False),
    (figures.Machine("x", chassis="Serveur", os="Debian"), "server", True),
    (figures.Machine("x", model="VMware Virtual Platform", os="Ubuntu"), "virtual", True),
    (figures.Machine("x", virtual=True), "virtual", None),
    (figures.Machine("x", chassis="Laptop", os="macOS", kernel="darwin"), "workstation", False),
    (figures.Machine("x", chassis="Portable", os="Linux Mint 21"), "workstation", True),
    (figures.Machine("x", os="Windows", kernel="MSWin32"), "workstation", False),
    (figures.Machine("x", os="ChromeOS Flex"), "workstation", False),
])
def test_machine_kind_and_system(machine: figures.Machine, kind: str, free: bool | None) -> None:
    assert machine.kind() == kind and machine.free_os() is free


def test_placeholder_serials_are_not_duplicates() -> None:
    tally = figures.Tally(TODAY, lambda name: None)
    for i in range(3):
        tally.add(figures.Machine(f"m{i}", serial="To Be Filled By O.E.M.",
                                  uuid="00000000-0000-0000-0000-000000000000"))
    tally.add(figures.Machine("m3", serial="ABC"))
    tally.add(figures.Machine("m4", uuid="abc", serial="ABC"))
    fig = tally.figures({})
    assert (fig.machines, fig.duplicates, fig.workstations) == (5, 1, 4)


def test_registry_names_recognised() -> None:
    assert recognise("QGIS 3.28.15 'Firenze'").id == "qgis"
    assert recognise("Microsoft 365 Apps for enterprise - fr-fr").id == "microsoft-office"
    assert recognise("Intel(R) Chipset Device Software") is None


def test_software_found_with_licence_and_alternatives(run: Any) -> None:
    result = run("inventaire", str(FIXTURES / "glpi-logiciels.csv"))
    assert result.code == 0
    assert "LibreOffice : logiciel libre, licence MPL-2.0 ; 118 installation(s)" in result.out
    assert "Microsoft Office : logiciel propriétaire ; 12 installation(s) ; alternatives " \
           "libres : LibreOffice" in result.out
    data = json.loads(run("inventaire", str(AGENT), "--format", "json").out)
    office = next(s for s in data["figures"]["software"] if s["id"] == "microsoft-office")
    assert office["count"] == 2 and "libreoffice" in office["alternatives"]


def test_stale_inventories_are_counted_and_said(run: Any, tmp_path: Path) -> None:
    for name, logdate in (("old", "2024-01-15 10:00:00"), ("new", "2026-11-28 09:00:00")):
        data = json.loads((AGENT / "pc-accueil-01.json").read_text("utf-8"))
        data["content"]["accesslog"]["logdate"] = logdate
        data["content"]["bios"]["ssn"] = name
        data["content"]["hardware"]["uuid"] = name
        (tmp_path / f"{name}.json").write_text(json.dumps(data), encoding="utf-8")
    got = collect([tmp_path], today=TODAY)
    assert (got.figures.workstations, got.figures.stale) == (2, 1)
    result = run("inventaire", str(tmp_path))
    assert "1 poste(s) sans inventaire depuis plus d'un an" in result.out


def test_computers_export_with_a_software_column(tmp_path: Path) -> None:
    """GLPI joins a computer's software in one cell (a line each, or $$##$$, or <br>)."""
    path = tmp_path / "export.csv"
    path.write_text(
        '"Nom";"Système d\'exploitation - Nom";"Logiciels - Nom";"Lieu - Nom"\n'
        '"pc1";"Ubuntu";"LibreOffice\nMozilla Firefox";"Accueil"\n'
        '"pc2";"Windows 11";"Microsoft Office Professionnel Plus 2016$$##$$LibreOffice";"RH"\n'
        '"pc3";"Windows 11";"Microsoft 365 Apps for enterprise<br>Google Chrome";"RH"\n'
        '"pc4";"Windows 10";"";"RH"\n', encoding="utf-8")
    got = collect([path], today=TODAY)
    fig = got.figures
    assert (fig.workstations, fig.listed, fig.free_suite, fig.proprietary_suite) == (4, 4, 2, 2)
    props = proposals_of([path])
    assert props["part_postes_libreoffice"].value == 50
    assert props["suite_bureautique"].value == "mixte"


def test_ocs_software_export() -> None:
    got = collect([FIXTURES / "ocs-logiciels.csv"], today=TODAY)
    assert {f.name: f.count for f in got.figures.found} == {
        "Mozilla Firefox": 55, "LibreOffice": 41, "Microsoft Office": 9}
    assert got.report.formats == {"ocs-export": 1}
    assert proposals_of([FIXTURES / "ocs-logiciels.csv"])["suite_bureautique"].value == "mixte"


def test_board_serial_when_the_system_serial_is_a_placeholder(tmp_path: Path) -> None:
    for i in range(2):
        data = json.loads((AGENT / "pc-accueil-01.json").read_text("utf-8"))
        data["content"]["bios"].update({"ssn": "To Be Filled By O.E.M.", "msn": "BOARD-1"})
        data["content"]["hardware"]["uuid"] = f"u{i}"
        (tmp_path / f"pc{i}.json").write_text(json.dumps(data), encoding="utf-8")
    got = collect([tmp_path], today=TODAY)
    assert (got.figures.machines, got.figures.duplicates) == (2, 1)  # same board: one machine

"""Property tests of the inventory readers: inputs drawn from each format's grammar, with escape
sequences and other hostile text in the strings. Whatever the input: no traceback, an exit code
in {0, 1, 2}, nothing unsafe printed, and the answers file untouched when the run fails."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tnl_cli.textsafe import UNSAFE_CHARS

HOSTILE = st.lists(st.sampled_from(
    list("aZé 0-9.,;:=+@'\"<>&#*_/") + ["\x1b", "\x1b]0;", "\x07", "\x9b", "\u202e", "\u2066",
                                        "\x7f", "\r", "\x00", "\n", "\t", "\x1b[2J",
                                        "LibreOffice", "Windows 10", "Ubuntu", "Serveur",
                                        "VMware", "To Be Filled By O.E.M.", "2019-03-12",
                                        "03/12/2019"]),
    max_size=8).map("".join)
SCALAR = st.one_of(HOSTILE, st.none(), st.integers(-5, 10**12), st.booleans(),
                   st.lists(st.integers(), max_size=2))
ANSWERS = "edition: 2025\nreponses:\n  part_postes_os_libre: 12\n"
SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow, HealthCheck.data_too_large])


def unsafe(text: str) -> list[str]:
    return sorted({repr(ch) for ch in text if ch in UNSAFE_CHARS})


def check_run(run: Any, folder: Path, *extra: str) -> None:
    answers = folder.parent / "r.yaml"
    answers.write_text(ANSWERS, encoding="utf-8")
    before = answers.read_bytes()
    for args in (["inventaire", str(folder), "--answers", str(answers), "--apply", *extra],
                 ["inventaire", str(folder), "--format", "json", *extra]):
        result = run(*args)
        assert result.code in (0, 1, 2), (args, result.err)
        assert "Traceback" not in result.err, result.err
        assert not unsafe(result.out) and not unsafe(result.err), (result.out, result.err)
        if result.code == 2 and "--apply" in args:
            assert answers.read_bytes() == before
        if "--format" in args and result.code in (0, 1):
            json.loads(result.out)
    leftovers = [p.name for p in folder.parent.iterdir() if p.name.endswith(".tmp")]
    assert not leftovers


MACHINE = st.fixed_dictionaries({
    "content": st.fixed_dictionaries({}, optional={
        "hardware": st.fixed_dictionaries({}, optional={
            k: SCALAR for k in ("name", "uuid", "chassis_type", "vmsystem", "osname")}),
        "bios": st.fixed_dictionaries({}, optional={
            k: SCALAR for k in ("bdate", "ssn", "smodel", "smanufacturer")}),
        "operatingsystem": st.fixed_dictionaries({}, optional={
            k: SCALAR for k in ("name", "full_name", "kernel_name")}),
        "softwares": st.one_of(SCALAR, st.lists(st.one_of(
            st.fixed_dictionaries({"name": SCALAR}, optional={"version": SCALAR}), SCALAR),
            max_size=4)),
        "accesslog": st.fixed_dictionaries({"logdate": SCALAR}),
    })}, optional={"itemtype": st.sampled_from(["Computer", "Printer", "", "x"])})


@SETTINGS
@given(machines=st.lists(st.one_of(MACHINE, SCALAR), min_size=1, max_size=4))
def test_glpi_agent_json(run: Any, tmp_path_factory: Any, machines: list[Any]) -> None:
    folder = tmp_path_factory.mktemp("json") / "parc"
    folder.mkdir()
    for i, machine in enumerate(machines):
        (folder / f"m{i}.json").write_text(json.dumps(machine), encoding="utf-8")
    check_run(run, folder)


def _node(tag: str, value: Any) -> str:
    return f"<{tag}>{escape(str(value))}</{tag}>" if value is not None else ""


XML_MACHINE = st.builds(
    lambda hw, bios, os_, softs, doctype: (
        ('<!DOCTYPE r [<!ENTITY x "y">]>' if doctype else "")
        + "<REQUEST><CONTENT><HARDWARE>" + "".join(_node(k, v) for k, v in hw.items())
        + "</HARDWARE><BIOS>" + "".join(_node(k, v) for k, v in bios.items())
        + "</BIOS><OPERATINGSYSTEM>" + "".join(_node(k, v) for k, v in os_.items())
        + "</OPERATINGSYSTEM>" + "".join(f"<SOFTWARES>{_node('NAME', s)}</SOFTWARES>"
                                         for s in softs)
        + "</CONTENT><QUERY>INVENTORY</QUERY></REQUEST>"),
    st.fixed_dictionaries({}, optional={k: HOSTILE for k in ("NAME", "UUID", "CHASSIS_TYPE",
                                                               "VMSYSTEM")}),
    st.fixed_dictionaries({}, optional={k: HOSTILE for k in ("BDATE", "SSN", "SMODEL")}),
    st.fixed_dictionaries({}, optional={k: HOSTILE for k in ("NAME", "FULL_NAME",
                                                               "KERNEL_NAME")}),
    st.lists(HOSTILE, max_size=3), st.booleans())


@SETTINGS
@given(documents=st.lists(XML_MACHINE, min_size=1, max_size=3))
def test_fusioninventory_xml(run: Any, tmp_path_factory: Any, documents: list[str]) -> None:
    folder = tmp_path_factory.mktemp("xml") / "parc"
    folder.mkdir()
    for i, text in enumerate(documents):
        (folder / f"m{i}.xml").write_bytes(text.encode("utf-8", "surrogatepass"))
    check_run(run, folder)


HEADERS = st.sampled_from(["Nom", "Name", "Numéro de série", "Serial number", "UUID",
                           "Système d'exploitation - Nom", "Operating System - Name", "Type",
                           "Modèle", "Fabricant", "Date d'achat", "Dernier inventaire",
                           "Éditeur", "Nombre d'installations", "Logiciel", "Machine",
                           "Système", "TAG", ""]) | HOSTILE


@SETTINGS
@given(header=st.lists(HEADERS, min_size=1, max_size=6),
       rows=st.lists(st.lists(HOSTILE | st.sampled_from(["12", "0", "x"]), max_size=7),
                     max_size=5),
       delimiter=st.sampled_from([";", ",", "\t", "|"]), trailing=st.booleans())
def test_glpi_and_ocs_exports(run: Any, tmp_path_factory: Any, header: list[str],
                              rows: list[list[str]], delimiter: str, trailing: bool) -> None:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    for row in [header, *rows]:
        writer.writerow(row + ([""] if trailing else []))
    folder = tmp_path_factory.mktemp("csv") / "parc"
    folder.mkdir()
    (folder / "export.csv").write_text(buffer.getvalue(), encoding="utf-8",
                                       errors="surrogatepass")
    extra = ("--delimiter", "tab" if delimiter == "\t" else delimiter)
    check_run(run, folder, *extra)


@SETTINGS
@given(prefix=st.sampled_from([b"", b"{", b'{"content": {', b"<", b"<?xml version='1.0'?>",
                               b"<REQUEST><CONTENT>", b"PK\x03\x04", b"\xd0\xcf\x11\xe0",
                               b"\xef\xbb\xbfNom;OS\n", b"\xff\xfeN\x00", b"Name,Serial number\n"]),
       body=st.binary(max_size=200), name=st.sampled_from(["x.json", "x.xml", "x.csv",
                                                            "x.xlsx", "x.ods", "x"]))
def test_any_bytes(run: Any, tmp_path_factory: Any, prefix: bytes, body: bytes,
                   name: str) -> None:
    folder = tmp_path_factory.mktemp("bytes") / "parc"
    folder.mkdir()
    (folder / name).write_bytes(prefix + body)
    check_run(run, folder)

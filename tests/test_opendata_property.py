"""Hostile exports: whatever the cells hold (escape sequences, quotes, separators, broken
quoting, bytes that are not UTF-8, a file cut anywhere), `tnl opendata` exits 0, 1 or 2, never
with a traceback, and prints nothing a terminal would act on."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from conftest import EXAMPLES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

DIR = EXAMPLES / "opendata"
ORGS = (DIR / "export-organization-20261128-061500.csv").read_text(encoding="utf-8")
DATASETS = (DIR / "export-dataset-20261128-061500.csv").read_text(encoding="utf-8")
HEADER = next(csv.reader(io.StringIO(DATASETS), delimiter=";"))
ORG_ID = "5a1f0c9e88ee3837b1b2c3d1"  # the Ville de Nancy's organisation (SIREN 215403957)
# C0 and C1 controls (tab and newline aside), DEL, bidi overrides and isolates
UNSAFE = {chr(c) for c in (*range(0, 9), *range(11, 32), *range(127, 160))} | set(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
HOSTILE = st.one_of(
    st.sampled_from(["\x1b[31mrouge", "\x1b]8;;https://evil.example\x07lien", "\x9b2J", '"',
                     ";", "\n", "\r\n", '""', "\u202eevil", "\x00", "False", "True",
                     "2026-11-30T00:00:00", "Licence Ouverte / Open Licence version 2.0",
                     ORG_ID, "scdl/deliberations", "1e309", "-1", "\ufeff"]),
    st.text(max_size=12))
TRIED = {"examples": 0}


def unsafe(text: str) -> list[str]:
    return sorted({repr(ch) for ch in text if ch in UNSAFE})


def _row(cells: list[str]) -> list[str]:
    """A dataset row of the export's width; the organisation column often points at Nancy."""
    row = (cells + [""] * len(HEADER))[:len(HEADER)]
    row[HEADER.index("organization_id")] = ORG_ID if cells and len(cells[0]) % 2 == 0 else \
        row[HEADER.index("organization_id")]
    return row


@st.composite
def exports(draw: Any) -> bytes:
    rows = draw(st.lists(st.lists(HOSTILE, max_size=len(HEADER) + 2), max_size=6))
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", quoting=csv.QUOTE_NONNUMERIC, lineterminator="\r\n")
    writer.writerow(HEADER)
    for cells in rows:
        if draw(st.booleans()):
            writer.writerow(_row(cells))
        else:  # written by hand: quotes and separators as they come (broken quoting)
            out.write(";".join(cells) + "\r\n")
    data = out.getvalue().encode("utf-8", "surrogatepass")
    cut = draw(st.one_of(st.none(), st.integers(0, len(data))))
    if cut is not None:
        data = data[:cut]
    if draw(st.booleans()):
        data += draw(st.binary(max_size=8))
    return data


def _check(run: Any, args: list[str]) -> None:
    result = run("opendata", *args)
    assert result.code in (0, 1, 2), (args, result.code, result.err)
    assert "Traceback" not in result.err, result.err
    assert not unsafe(result.out), unsafe(result.out)
    assert not unsafe(result.err), unsafe(result.err)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=exports(), fmt=st.sampled_from(["text", "json"]))
def test_hostile_dataset_exports(run: Any, tmp_path: Path, data: bytes, fmt: str) -> None:
    TRIED["examples"] += 1
    orgs = tmp_path / "export-organization.csv"
    orgs.write_text(ORGS, encoding="utf-8")
    datasets = tmp_path / "export-dataset.csv"
    datasets.write_bytes(data)
    _check(run, ["--organisations", str(orgs), "--jeux", str(datasets), "--siren", "215403957",
                 "--format", fmt])


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.binary(max_size=400), header=st.booleans())
def test_random_bytes_as_the_organisations_export(run: Any, tmp_path: Path, data: bytes,
                                                  header: bool) -> None:
    TRIED["examples"] += 1
    orgs = tmp_path / "export-organization.csv"
    orgs.write_bytes((ORGS.splitlines()[0].encode() + b"\n" if header else b"") + data)
    datasets = tmp_path / "export-dataset.csv"
    datasets.write_text(DATASETS, encoding="utf-8")
    _check(run, ["--organisations", str(orgs), "--jeux", str(datasets), "--siren", "215403957"])


RESOURCES = (DIR / "export-resource-20261128-061500.csv").read_text(encoding="utf-8")
ODF = (DIR / "organisations-opendatafrance.csv").read_text(encoding="utf-8")


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.binary(max_size=300), cells=st.lists(HOSTILE, max_size=8),
       which=st.sampled_from(["ressources", "opendatafrance"]))
def test_hostile_resources_and_opendatafrance_lists(run: Any, tmp_path: Path, data: bytes,
                                                    cells: list[str], which: str) -> None:
    TRIED["examples"] += 1
    orgs = tmp_path / "export-organization.csv"
    orgs.write_text(ORGS, encoding="utf-8")
    datasets = tmp_path / "export-dataset.csv"
    datasets.write_text(DATASETS, encoding="utf-8")
    hostile = tmp_path / "hostile.csv"
    base = RESOURCES if which == "ressources" else ODF
    hostile.write_bytes(base.encode() + ";".join(cells).encode("utf-8", "surrogatepass")
                        + b"\n" + data)
    option = "--ressources" if which == "ressources" else "--opendatafrance"
    _check(run, ["--organisations", str(orgs), "--jeux", str(datasets), option, str(hostile),
                 "--siren", "215403957"])


def test_inputs_tried() -> None:
    """Runs after the two above (file order): how many inputs they tried, for the record."""
    print(f"\nhostile exports tried: {TRIED['examples']}")
    assert TRIED["examples"] == 0 or TRIED["examples"] >= 50

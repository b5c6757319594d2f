"""Several processes give exactly what one process gives: same files, same summary, same errors."""

from __future__ import annotations

import csv
import io
import os
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tnl_cli.batch import chunks as batch_chunks
from tnl_cli.batch import parallel as batch_parallel
from tnl_cli.loaders.catalogs import load_edition

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="workers are forked on Linux")

CATALOG = load_edition()
GATES = [c.id for c in CATALOG.gates]
CHOICE = next(c for c in CATALOG.criteria if c.type == "choice")
HEADER = ["nom", "type", "code_insee", "siren", "population", "responsable", *GATES, CHOICE.id]


def _rows() -> list[list[str]]:
    """Every kind of row, several times over: assessed, warned about, rejected, blank, long,
    quoted across lines."""
    kinds = [
        ["Nancy", "commune", "54395", "215403957", "", "", "oui", "oui", "oui", "oui", ""],
        ["Lettret", "commune", "5074", "", "196", "A <a@b.fr>", "x", "non", "", "oui", "libre"],
        ["Ville fausse", "commune", "05074", "", "", "", "oui", "oui", "oui", "oui", ""],
        ["Inconnue", "commune", "54999", "", "", "", "oui", "", "", "", ""],
        ["", "", "", "245400676", "", "", "oui", "oui", "oui", "oui", CHOICE.choices[0].value],
        ["Saint-Dié; \"la\nvosgienne\"", "commune", "", "", "", "", "peut-être", "", "", "", ""],
        ["=1+1", "métropole", "", "", "-5", "x, y, z@", "", "", "", "", ""],
        ["", "", "", "", "", "", "", "", "", "", ""],
        ["Trop", "commune", "", "", "", "", "", "", "", "", "", "en trop"],
    ]
    return [list(kinds[n % len(kinds)]) for n in range(300)]


def _write(path: Path, rows: list[list[str]], newline: str = "\r\n", hint: bool = False) -> Path:
    buffer = io.StringIO()
    out = csv.writer(buffer, delimiter=";", lineterminator=newline)
    out.writerow(HEADER)
    if hint:
        from tnl_cli.batch.columns import hint as hint_text

        out.writerow([hint_text(name, CATALOG, "fr") for name in HEADER])
    out.writerows(rows)
    path.write_bytes(buffer.getvalue().encode("utf-8"))
    return path


@pytest.fixture
def small_chunks(monkeypatch: Any) -> None:
    """Files of a few kilobytes cut into many chunks, checked by two processes."""
    monkeypatch.setattr(batch_parallel, "MIN_SIZE", 0)
    monkeypatch.setattr(batch_chunks, "CHUNK", 1000)
    monkeypatch.setattr(batch_parallel, "worker_count", lambda *args: 2)


def _both(run: Any, monkeypatch: Any, tmp_path: Path, source: Path, suffix: str,
          *options: str) -> tuple[Any, Any, bytes, bytes]:
    """The same run with one process, then with two."""
    monkeypatch.setattr(batch_parallel, "worker_count", lambda *args: 1)
    one = run("batch", str(source), "-o", str(tmp_path / f"one{suffix}"), *options)
    monkeypatch.setattr(batch_parallel, "worker_count", lambda *args: 2)
    two = run("batch", str(source), "-o", str(tmp_path / f"two{suffix}"), *options)
    first, second = (tmp_path / f"one{suffix}", tmp_path / f"two{suffix}")
    return one, two, first.read_bytes() if first.exists() else b"", \
        second.read_bytes() if second.exists() else b""


@pytest.mark.parametrize("suffix", [".csv", ".json", ".ods"])
@pytest.mark.parametrize("newline", ["\r\n", "\n", "\r"])
def test_two_processes_write_what_one_writes(run: Any, tmp_path: Path, monkeypatch: Any,
                                             small_chunks: None, suffix: str,
                                             newline: str) -> None:
    source = _write(tmp_path / "f.csv", _rows(), newline=newline, hint=True)
    one, two, first, second = _both(run, monkeypatch, tmp_path, source, suffix)
    assert one.code == two.code == 1
    assert (one.out.split("\n")[1:], one.err) == (  # the first line gives the time taken
        two.out.replace("two.", "one.").split("\n")[1:], two.err.replace("two.", "one."))
    if suffix == ".ods":  # the zip's dates differ: compare the table
        from tnl_cli.io.sheet_read import open_spreadsheet

        first = repr(list(open_spreadsheet(tmp_path / "one.ods", None).rows)).encode()
        second = repr(list(open_spreadsheet(tmp_path / "two.ods", None).rows)).encode()
    assert first == second
    assert "ligne d'aide du modèle ignorée" in two.out


def test_no_output_file_and_progress(run: Any, tmp_path: Path, monkeypatch: Any,
                                     small_chunks: None) -> None:
    from tnl_cli.commands import batch as command

    monkeypatch.setattr(command, "_stderr_is_terminal", lambda: True)
    source = _write(tmp_path / "f.csv", _rows())
    result = run("batch", str(source))
    assert result.code == 1 and result.err.startswith("\r[")
    assert "267 ligne(s) vérifiée(s)" in result.out  # blank rows are not counted


def test_processes_that_cannot_start_leave_the_work_to_the_main_one(
        run: Any, tmp_path: Path, monkeypatch: Any, small_chunks: None) -> None:
    def refused() -> int:
        raise OSError(11, "Resource temporarily unavailable")

    source = _write(tmp_path / "f.csv", _rows())
    assert run("batch", str(source), "-o", str(tmp_path / "a.csv")).code == 1
    monkeypatch.setattr(os, "fork", refused)
    assert run("batch", str(source), "-o", str(tmp_path / "b.csv")).code == 1
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()


def _dies(job: Any) -> None:
    """A worker killed while it works (the out-of-memory killer does this)."""
    os._exit(9)


def test_a_worker_that_dies_stops_the_run_cleanly(run: Any, tmp_path: Path, monkeypatch: Any,
                                                  small_chunks: None) -> None:
    monkeypatch.setattr(batch_parallel, "_assess", _dies)
    source = _write(tmp_path / "f.csv", _rows())
    result = run("batch", str(source), "-o", str(tmp_path / "out.csv"))
    assert result.code == 2 and "arrêté brutalement" in result.err
    assert [p.name for p in tmp_path.iterdir()] == ["f.csv"]


def test_errors_are_located_as_one_process_locates_them(run: Any, tmp_path: Path,
                                                        monkeypatch: Any,
                                                        small_chunks: None) -> None:
    lines = [";".join(HEADER)] + [f"Ville {n};commune" for n in range(400)]
    lines.insert(301, '"Ouvert;commune' + "x" * 140_000)
    source = tmp_path / "f.csv"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    one, two, *_ = _both(run, monkeypatch, tmp_path, source, ".csv")
    assert one.code == two.code == 2 and one.err == two.err
    assert "f.csv:302: ligne illisible" in two.err
    lines[5] = "Échirolles;commune"  # UTF-8 first, then a Windows-1252 line
    source.write_bytes(("\n".join(lines[:300]) + "\n").encode()
                       + "Échirolles;commune\n".encode("cp1252"))
    one, two, *_ = _both(run, monkeypatch, tmp_path, source, ".csv", "--force")
    assert one.code == two.code == 2 and one.err == two.err and "f.csv:301:" in two.err


def test_who_gets_workers() -> None:
    from tnl_cli.io.table_read import Source

    def source(size: int, encoding: str = "utf-8-sig") -> Source:
        return Source(rows=iter(()), line_state=None, fraction=lambda: 0.0, path=Path("f.csv"),
                      size=size, encoding=encoding)

    big = source(batch_parallel.MIN_SIZE)
    assert batch_parallel.worker_count(big, None, None) == min(
        len(os.sched_getaffinity(0)), batch_parallel._cpu_quota(), batch_parallel.MAX_WORKERS)
    assert batch_parallel.worker_count(big, None, object()) == 1  # dossiers: one process
    assert batch_parallel.worker_count(source(batch_parallel.MIN_SIZE - 1), None, None) == 1
    assert batch_parallel.worker_count(source(batch_parallel.MIN_SIZE, "utf-16"), None,
                                       None) == 1  # a line end is not one byte

    class Xlsx:
        def formatter(self) -> None:
            return None

    assert batch_parallel.worker_count(big, Xlsx(), None) == 1  # type: ignore[arg-type]


@pytest.mark.parametrize(("files", "cpus"), [
    ({"cpu.max": "150000 100000\n"}, 1), ({"cpu.max": "max 100000\n"}, 4),
    ({"cpu/cpu.cfs_quota_us": "200000\n", "cpu/cpu.cfs_period_us": "100000\n"}, 2),
    ({"cpu/cpu.cfs_quota_us": "-1\n", "cpu/cpu.cfs_period_us": "100000\n"}, 4), ({}, 4)])
def test_a_container_quota_limits_the_workers(tmp_path: Path, files: dict[str, str],
                                              cpus: int) -> None:
    for name, content in files.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(content, encoding="ascii")
    assert batch_parallel._cpu_quota(str(tmp_path)) == min(cpus, batch_parallel.MAX_WORKERS)


# -- cutting into whole records --------------------------------------------------------------

_CELLS = st.text(st.sampled_from(list('aé;"\n\r ')), max_size=5)


@settings(max_examples=200, deadline=None)
@given(rows=st.lists(st.lists(_CELLS, min_size=1, max_size=3), max_size=12),
       newline=st.sampled_from(["\n", "\r\n", "\r"]), size=st.integers(1, 40))
def test_chunks_end_where_records_end(rows: list[list[str]], newline: str, size: int) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator=newline).writerows(rows)
    text = buffer.getvalue()
    data = text.encode()
    found = list(batch_chunks.chunks(io.BytesIO(data), 0, len(data), "utf-8", ";", 1, "f.csv",
                                      size))
    assert [chunk.number for chunk in found] == list(range(len(found)))
    assert all(a.offset + a.length == b.offset for a, b in zip(found, found[1:], strict=False))
    assert not found or found[-1].offset + found[-1].length == len(data)
    parts = [(c.first_line, data[c.offset:c.offset + c.length].decode()) for c in found]
    assert text.endswith("".join(part for _, part in parts))  # blank lines first are dropped
    records = []
    for first_line, part in parts:
        reader = csv.reader(io.StringIO(part, newline=""), delimiter=";")
        records += [(first_line - 1 + reader.line_num, row) for row in reader]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";")
    expected = [(reader.line_num, row) for row in reader]

    def filled(found: list[tuple[int, list[str]]]) -> list[tuple[int, list[str]]]:
        return [(line, row) for line, row in found if any(cell.strip() for cell in row)]

    assert filled(records) == filled(expected)

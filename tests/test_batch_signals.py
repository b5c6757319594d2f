"""A batch run stopped by a signal (Ctrl-C, SIGTERM) leaves the user's files as they were: no
temporary file beside the output, the previous output intact, exit 130. Real processes, real
signals."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tnl_cli.loaders.catalogs import load_edition

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

GATES = [c.id for c in load_edition().gates]
OLD = "ancien résultat, à garder\n"


def _table(path: Path, rows: int) -> Path:
    header = ";".join(["nom", "type", "code_insee", *GATES])
    line = ";".join(["Nancy", "commune", "54395", *["oui"] * len(GATES)])
    path.write_text(header + "\n" + (line + "\n") * rows, encoding="utf-8")
    return path


def _stopped(tmp_path: Path, source: Path, sig: int, *options: str,
             wait_for: str | None = None) -> subprocess.CompletedProcess[str]:
    """Start `tnl batch`, wait until it writes its temporary output (and a file matching
    `wait_for`: on a loaded machine a fixed delay may end before the first one), send `sig`."""
    out = tmp_path / "resultats.csv"
    out.write_text(OLD, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LANG", "LC_"))}
    process = subprocess.Popen(
        [sys.executable, "-m", "tnl_cli", "batch", str(source), "-o", str(out), "--force",
         *options], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, env=env)
    deadline = time.monotonic() + 20
    while not list(tmp_path.glob(".resultats.csv.*.tmp")) and process.poll() is None:
        assert time.monotonic() < deadline, "no temporary output appeared"
        time.sleep(0.01)
    while wait_for and not list(tmp_path.glob(wait_for)) and process.poll() is None:
        assert time.monotonic() < deadline, f"no {wait_for} appeared"
        time.sleep(0.01)
    time.sleep(0.2)  # well into the rows (workers started, dossiers being written)
    process.send_signal(sig)
    stdout, stderr = process.communicate(timeout=20)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def _left_as_it_was(tmp_path: Path) -> None:
    assert (tmp_path / "resultats.csv").read_text(encoding="utf-8") == OLD
    assert not [p.name for p in tmp_path.rglob("*.tmp")]


def test_sigterm_stops_several_processes_and_removes_the_temporary_output(tmp_path: Path) -> None:
    source = _table(tmp_path / "grand.csv", 400_000)  # ~20 MiB: checked by worker processes
    done = _stopped(tmp_path, source, signal.SIGTERM)
    assert done.returncode == 130, done.stderr
    assert "Interrompu" in done.stderr
    assert "Traceback" not in done.stderr
    _left_as_it_was(tmp_path)


def test_ctrl_c_while_dossiers_are_written(tmp_path: Path) -> None:
    source = _table(tmp_path / "liste.csv", 5_000)  # one process: one dossier per row
    done = _stopped(tmp_path, source, signal.SIGINT, "--dossiers", str(tmp_path / "dossiers"),
                    wait_for="dossiers/*.md")
    assert done.returncode == 130, done.stderr
    assert "Interrompu" in done.stderr
    _left_as_it_was(tmp_path)
    written = list((tmp_path / "dossiers").glob("*.md"))
    assert written  # the dossiers written before the signal are there, each one complete
    last_lines = {p.read_text(encoding="utf-8").rstrip().splitlines()[-1] for p in written}
    assert len(last_lines) == 1

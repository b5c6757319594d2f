"""Windows desktops: every command path runs with the POSIX-only attributes removed.

Nothing here runs Windows; these tests take away what Windows lacks (os.fork, os.getuid,
os.uname, os.pathconf, O_NOFOLLOW, sched_getaffinity, SIGHUP, SIGKILL) and run each command:
no AttributeError, the same results."""

from __future__ import annotations

import csv
import json
import os
import signal
from pathlib import Path
from typing import Any

import pytest

from tnl_cli.dossier import render as dossier
from tnl_cli.io import files as fsio
from tnl_cli.loaders.catalogs import load_edition

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "commune-exemple.yaml"
GATES = [c.id for c in load_edition().gates]
POSIX_ONLY = {os: ("fork", "getuid", "geteuid", "uname", "pathconf", "O_NOFOLLOW",
                   "sched_getaffinity", "getppid", "setsid", "killpg", "getpgid"),
              signal: ("SIGHUP", "SIGKILL", "SIGQUIT", "SIGALRM", "SIGUSR1", "alarm",
                       "setitimer", "pthread_kill")}


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for module, names in POSIX_ONLY.items():
        for name in names:
            if hasattr(module, name):
                monkeypatch.delattr(module, name)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(fsio, "_cleaned_dirs", set())
    dossier._environment.cache_clear()


def _table(path: Path, rows: int) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(["nom", "type", "code_insee", *GATES])
        out.writerows([[f"Nancy {i}", "commune", "54395", *["oui"] * len(GATES)]
                       for i in range(rows)])
    return path


def test_every_command_without_posix_only_calls(windows: None, run: Any, tmp_path: Path) -> None:
    answers = tmp_path / "rep.yaml"
    answers.write_bytes(EXAMPLE.read_bytes())
    result = run("assess", "--answers", str(answers), "--format", "json")
    assert result.code in (0, 1), result.err
    assert json.loads(result.out)["verdict"]
    assert run("assess", "--answers", str(answers)).code in (0, 1)
    for fmt in ("md", "html", "odt"):
        out = tmp_path / f"dossier.{fmt}"
        result = run("dossier", "--answers", str(answers), "-o", str(out))
        assert result.code in (0, 1), result.err
        assert out.stat().st_size > 0
    result = run("dossier", "--answers", str(answers), "-o", str(tmp_path / "dossier.md"),
                 "--force")  # a second time: the template cache, read back
    assert result.code in (0, 1), result.err
    for args in (["criteria", "list"], ["schema", "answers"], ["lookup", "Nancy"],
                 ["software", "search", "libre"], ["--version"]):
        result = run(*args)
        assert result.code == 0, (args, result.err)
    small = _table(tmp_path / "petit.csv", 5)
    for suffix in (".csv", ".ods", ".xlsx", ".jsonl"):
        result = run("batch", str(small), "-o", str(tmp_path / f"res{suffix}"),
                     "--dossiers", str(tmp_path / f"dossiers{suffix}"))
        assert result.code == 0, result.err
    result = run("batch", "--template", str(tmp_path / "modele.xlsx"))
    assert result.code == 0, result.err


def test_a_large_batch_without_fork_works_alone(windows: None, run: Any, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from tnl_cli.batch import parallel

    monkeypatch.setattr(parallel, "MIN_SIZE", 10_000)
    monkeypatch.setattr(parallel, "_cpu_quota", lambda: 2)
    big = _table(tmp_path / "grand.csv", 3_000)
    assert big.stat().st_size >= parallel.MIN_SIZE  # large enough to ask for workers
    result = run("batch", str(big), "-o", str(tmp_path / "res.csv"))
    assert result.code == 0, result.err
    with (tmp_path / "res.csv").open(encoding="utf-8-sig") as handle:
        assert sum(1 for _ in handle) == 3_001


def test_temporary_files_of_a_windows_run(windows: None, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """No os.kill(pid, 0) on Windows (it would end the process): stale by age instead."""
    import time

    calls: list[int] = []
    monkeypatch.setattr(os, "kill", lambda pid, sig: calls.append(pid))
    monkeypatch.setattr(fsio.os, "name", "nt")  # (only inside remove_stale: pathlib needs posix)
    old = tmp_path / f".r.csv.tnl-{fsio._host_tag()}-999999.abc.tmp"
    new = tmp_path / f".r.csv.tnl-{fsio._host_tag()}-999998.abc.tmp"
    for path in (old, new):
        path.write_text("x", encoding="utf-8")
    os.utime(old, (time.time() - 2 * 86400,) * 2)
    fsio.remove_stale(tmp_path)
    monkeypatch.undo()
    assert not calls
    assert not old.exists() and new.exists()

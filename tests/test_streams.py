"""Issue 15, finding 11: standard streams as scripts and odd terminals leave them.

Every command runs with PYTHONIOENCODING=ascii; standard output closed, full or cut short
(`| head -1`) and standard error closed end with the right exit code and no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "commune-exemple.yaml"


def _env(**more: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LANG", "LC_", "PYTHONIO"))}
    env.update(more)
    return env


def _tnl(*args: str, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **env: str):  # type: ignore[no-untyped-def]
    return subprocess.run([sys.executable, "-m", "tnl_cli", *args], stdout=stdout,
                          stderr=stderr, env=_env(**env), timeout=120)


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    path = tmp_path / "rep.yaml"
    path.write_bytes(EXAMPLE.read_bytes())
    return path


def _commands(answers: Path, tmp_path: Path) -> list[list[str]]:
    return [["--help"], ["assess", "--answers", str(answers)],
            ["assess", "--answers", str(answers), "--format", "json"],
            ["assess", "--answers", str(tmp_path / "absente.yaml")],
            ["criteria", "list"], ["schema", "answers"], ["lookup", "Nancy"],
            ["software", "search", "libre"], ["dossier", "--answers", str(answers)],
            ["batch", "--template", str(tmp_path / "modele.csv"), "--force"]]


def test_an_ascii_only_terminal_gets_every_command(answers: Path, tmp_path: Path) -> None:
    for args in _commands(answers, tmp_path):
        done = _tnl(*args, PYTHONIOENCODING="ascii")
        err = done.stderr.decode("ascii", "replace")
        assert b"Traceback" not in done.stderr and b"UnicodeEncodeError" not in done.stderr, args
        assert done.returncode in (0, 1, 2), (args, err)
        assert done.returncode == 2 or done.stdout, args
        if args != ["--help"]:  # (Click takes an ASCII stream for a misconfigured one: UTF-8)
            done.stdout.decode("ascii")  # nothing it cannot hold
    done = _tnl("assess", "--answers", str(answers), "--format", "json", PYTHONIOENCODING="ascii")
    import json

    assert json.loads(done.stdout)["collectivite"]["nom"] == "Saint-Libre-sur-Loire"


@pytest.mark.parametrize("encoding", ["cp1252", "cp850", "latin-1"])
def test_a_windows_code_page_gets_every_character_somehow(answers: Path, encoding: str) -> None:
    import json

    for fmt in ("table", "json"):
        done = _tnl("assess", "--answers", str(answers), "--format", fmt,
                    PYTHONIOENCODING=encoding)
        assert done.returncode in (0, 1), done.stderr
        assert b"Traceback" not in done.stderr
    assert json.loads(done.stdout.decode(encoding))["verdict"]


def test_standard_output_closed(answers: Path, tmp_path: Path) -> None:
    for args in _commands(answers, tmp_path):
        done = subprocess.run([sys.executable, "-m", "tnl_cli", *args], stdout=None,
                              stderr=subprocess.PIPE, env=_env(), timeout=120,
                              preexec_fn=lambda: os.close(1))
        assert b"Traceback" not in done.stderr, (args, done.stderr)
        expected = 2 if "absente.yaml" in " ".join(args) else 0
        assert done.returncode == expected, (args, done.stderr)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize("fmt", ["table", "json"])
def test_standard_output_full(answers: Path, fmt: str) -> None:
    with open("/dev/full", "w") as full:
        done = _tnl("assess", "--answers", str(answers), "--format", fmt, stdout=full)
    assert done.returncode == 2
    err = done.stderr.decode()
    assert "Traceback" not in err
    assert "impossible d'écrire sur la sortie standard" in err


def test_standard_error_closed_keeps_the_exit_code(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "tnl_cli", "assess", "--answers",
                           str(tmp_path / "absente.yaml")], stdout=subprocess.PIPE,
                          stderr=None, env=_env(), timeout=60, preexec_fn=lambda: os.close(2))
    assert done.returncode == 2


@pytest.mark.parametrize(("fmt", "extra", "expected"), [
    ("table", [], 0), ("json", [], 0),
    ("table", ["--dry-run", "--set", "ouverture_donnees=non"], 0),  # a reservation
    ("table", ["--dry-run", "--set", "collectivite.type=entreprise"], 1),
    ("json", ["--dry-run", "--set", "collectivite.type=entreprise"], 1)])
def test_a_pipe_closed_early_exits_with_the_results_code(answers: Path, fmt: str,
                                                        extra: list[str], expected: int) -> None:
    """`tnl assess … | head -1`: the reader stops after one line; the result still speaks."""
    process = subprocess.Popen(
        [sys.executable, "-m", "tnl_cli", "assess", "--answers", str(answers), "--format", fmt,
         *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(COLUMNS="80"))
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()  # like head -1
    err = process.stderr.read()
    process.wait(timeout=60)
    assert process.returncode == expected, err
    assert b"Traceback" not in err and b"Exception ignored" not in err

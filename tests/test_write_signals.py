"""Issue 23: SIGTERM and SIGKILL while an answers file is written. At any moment the file is the
old content or the new one, never half of each; SIGTERM leaves no temporary file nor lock
(exit 130); what SIGKILL leaves (it runs no code) is removed or taken over by the next run.

The moments are drawn at random from a fixed seed, so that a failure can be replayed."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tnl_cli.io import files as fsio

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "commune-exemple.yaml"
ENV = {k: v for k, v in os.environ.items() if not k.startswith(("LANG", "LC_"))}
pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX signals")

# Writes A and B in turn, each under the file's lock, until killed.
WRITER = """
import sys
from pathlib import Path
from tnl_cli.io.files import locked, write_atomic
target, a, b = Path(sys.argv[1]), Path(sys.argv[2]).read_bytes(), Path(sys.argv[3]).read_bytes()
print("ready", flush=True)
i = 0
while True:
    with locked(target):
        write_atomic(target, a if i % 2 else b)
    i += 1
"""

# The walk's autosave, under the walk's own signal handling, until SIGTERM ends it.
AUTOSAVE = """
import sys
from pathlib import Path
from tnl_cli.core import answers as ans
from tnl_cli.loaders import answer_files
from tnl_cli.loaders.catalogs import load_edition
from tnl_cli.walk.session import Interrupted, Saver, signals_interrupt
from tnl_cli.walk.steps import Walk
path = Path(sys.argv[1])
answers, catalog, _ = answer_files.load(path, load_edition)
walk = Walk(catalog, answers)
saver = Saver(path, "fr", "tnl assess --answers x")
print("ready", flush=True)
try:
    with signals_interrupt():
        while True:
            saver.save(walk)
except Interrupted:
    sys.exit(130)
"""


def _big_answers(path: Path, word: str) -> bytes:
    """A valid answers file of about 3 MB (a long justification): its write takes a while."""
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "      Délibération du conseil municipal du 14 mars 2022 engageant la commune à "
        "privilégier les\n      logiciels libres et les formats ouverts.",
        (f"      {word} " * 12 + "\n") * 20_000)
    path.write_text(text, encoding="utf-8")
    return path.read_bytes()


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".tmp", ".tnl-lock")))


def _started(command: list[str]) -> subprocess.Popen[str]:
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, env=ENV)
    assert process.stdout is not None and process.stdout.readline() == "ready\n"
    return process


def test_sigkill_at_any_moment_of_a_locked_write(tmp_path: Path) -> None:
    folder = tmp_path / "partage"
    folder.mkdir()
    a = _big_answers(tmp_path / "a.yaml", "Alpha")
    b = _big_answers(tmp_path / "b.yaml", "Beta")
    target = folder / "rep.yaml"
    target.write_bytes(EXAMPLE.read_bytes())
    seen = {EXAMPLE.read_bytes(): 0, a: 0, b: 0}
    left = 0
    draw = random.Random(23)
    for _ in range(20):
        process = _started([sys.executable, "-c", WRITER, str(target), str(tmp_path / "a.yaml"),
                            str(tmp_path / "b.yaml")])
        time.sleep(draw.uniform(0, 0.08))
        process.kill()
        process.communicate(timeout=30)
        content = target.read_bytes()
        assert content in seen, f"half-written: {len(content)} bytes"
        seen[content] += 1
        left += bool(_leftovers(folder))
    assert seen[a] + seen[b] > 0, "never killed after a write: the test proves nothing"
    assert left > 0, "never killed during a write: the test proves nothing"
    # the next tnl takes the lock over and removes the temporary files of the dead
    res = subprocess.run([sys.executable, "-m", "tnl_cli", "assess", "--answers", str(target),
                          "--set", "formats_ouverts=non", "--format", "json"],
                         capture_output=True, text=True, env=ENV)
    assert res.returncode in (0, 1), res.stderr
    assert "formats_ouverts: false" in target.read_text(encoding="utf-8")
    assert _leftovers(folder) == []


def test_sigterm_at_any_moment_of_set(tmp_path: Path) -> None:
    target = tmp_path / "rep.yaml"
    _big_answers(target, "Gamma")
    command = [sys.executable, "-m", "tnl_cli", "assess", "--answers", str(target), "--format",
               "json", "--set"]
    draw = random.Random(23)
    # -SIGTERM: it came before the handlers were set (or after they were put back): nothing
    # half-done then. -SIGINT: Python's way of exiting after an interrupt it saw inside a
    # nested evaluation (a C extension's import), after our clean-up; a shell says 130 too.
    outcomes = {0: 0, 130: 0, -signal.SIGTERM: 0, -signal.SIGINT: 0}
    for n in range(10):
        before = target.read_bytes()
        process = subprocess.Popen([*command, f"agents_formes={n}"], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, text=True, env=ENV)
        time.sleep(draw.uniform(0.05, 0.9))
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=60)
        assert process.returncode in outcomes, err
        outcomes[process.returncode] += 1
        assert "Traceback" not in err and "Exception ignored" not in err, err
        after = target.read_bytes()
        if after != before:  # saved whole (the signal came later): the new answer, the rest
            assert f"agents_formes: {n}\n" in after.decode("utf-8")
            assert after.count(b"Gamma") == before.count(b"Gamma")
        assert _leftovers(tmp_path) == []  # SIGTERM: a clean stop, whatever the moment
    assert outcomes[130] > 0, outcomes  # some signals landed while the command ran


def test_sigterm_during_the_walks_autosave(tmp_path: Path) -> None:
    target = tmp_path / "rep.yaml"
    target.write_bytes(EXAMPLE.read_bytes())
    draw = random.Random(23)
    for _ in range(8):
        process = _started([sys.executable, "-c", AUTOSAVE, str(target)])
        time.sleep(draw.uniform(0, 0.05))
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=30)
        assert process.returncode == 130, err
        text = target.read_text(encoding="utf-8")
        assert text.startswith("#") and "Camille Moreau" in text and "reponses:" in text
        assert _leftovers(tmp_path) == []


def test_the_lock_is_not_left_empty_by_an_interrupted_acquisition(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "rep.yaml"
    real = os.fdopen

    def interrupted(fd: int, *args: object, **kwargs: object) -> object:
        real(fd).close()
        raise KeyboardInterrupt

    monkeypatch.setattr(fsio.os, "fdopen", interrupted)
    with pytest.raises(KeyboardInterrupt), fsio.locked(target):
        pass
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []

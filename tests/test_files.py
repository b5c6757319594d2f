"""Issue 15, findings 3, 4, 5 and 10: what the user had on disk is never lost or forked.

An output that is one of the inputs is refused (by path, `./`, `..`, symbolic or hard link);
an output that is a symbolic link is written through to its target, the link kept; a link to
nothing is not replaced without --force; temporary files a killed run left are removed by the
next; a file name too long for the system is a clear message."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tnl_cli.io import files as fsio
from tnl_cli.loaders.catalogs import load_edition

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "commune-exemple.yaml"
GATES = [c.id for c in load_edition().gates]


def answers_file(tmp_path: Path) -> Path:
    path = tmp_path / "rep.yaml"
    path.write_bytes(EXAMPLE.read_bytes())
    return path


def batch_file(path: Path, rows: int = 3) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(["nom", "type", "code_insee", *GATES])
        out.writerows([["Nancy", "commune", "54395", *["oui"] * len(GATES)]] * rows)
    return path


# -- finding 3: an output that is an input --------------------------------------------------

@pytest.mark.parametrize("spelling", ["same", "dot", "dotdot", "symlink", "hardlink"])
def test_dossier_onto_its_answers_file_is_refused(run: Any, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  spelling: str) -> None:
    answers = answers_file(tmp_path)
    before = answers.read_bytes()
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path)
    output = {"same": "rep.yaml", "dot": "./rep.yaml", "dotdot": "sub/../rep.yaml",
              "symlink": "lien.md", "hardlink": "dur.md"}[spelling]
    if spelling == "symlink":
        os.symlink("rep.yaml", "lien.md")
    if spelling == "hardlink":
        os.link("rep.yaml", "dur.md")
    result = run("dossier", "--answers", "rep.yaml", "-o", output, "--format", "md", "--force")
    assert result.code == 2, result.out
    assert "c'est aussi le fichier lu" in result.err
    assert answers.read_bytes() == before
    if spelling == "symlink":
        assert Path("lien.md").is_symlink()


@pytest.mark.parametrize("spelling", ["symlink", "hardlink"])
def test_the_report_onto_its_answers_file_is_refused(run: Any, tmp_path: Path,
                                                     spelling: str) -> None:
    answers = answers_file(tmp_path)
    before = answers.read_bytes()
    output = tmp_path / "rapport.md"
    (os.symlink if spelling == "symlink" else os.link)(answers, output)
    result = run("assess", "--answers", str(answers), "-o", str(output), "--force")
    assert result.code == 2, result.err
    assert "c'est aussi le fichier lu" in result.err
    assert answers.read_bytes() == before


@pytest.mark.parametrize("spelling", ["symlink", "hardlink"])
def test_batch_onto_its_input_is_refused(run: Any, tmp_path: Path, spelling: str) -> None:
    source = batch_file(tmp_path / "in.csv")
    before = source.read_bytes()
    output = tmp_path / "out.csv"
    (os.symlink if spelling == "symlink" else os.link)(source, output)
    result = run("batch", str(source), "-o", str(output), "--force")
    assert result.code == 2
    assert source.read_bytes() == before


# -- finding 4: symbolic links ---------------------------------------------------------------

def test_saving_answers_writes_through_a_link(run: Any, tmp_path: Path) -> None:
    shared = tmp_path / "partage"
    shared.mkdir()
    real = shared / "reel.yaml"
    real.write_bytes(EXAMPLE.read_bytes())
    link = tmp_path / "lien.yaml"
    link.symlink_to(real)
    result = run("assess", "--answers", str(link), "--set", "formats_ouverts=non")
    assert result.code in (0, 1), result.err
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert "formats_ouverts: false" in real.read_text(encoding="utf-8")
    assert not [p.name for p in tmp_path.rglob("*.tmp")]


def test_walk_autosave_writes_through_a_link(tmp_path: Path) -> None:
    from tnl_cli.core.answers import Answers
    from tnl_cli.core.identity import Identity
    from tnl_cli.walk.session import Saver
    from tnl_cli.walk.steps import Walk

    real = tmp_path / "partage" / "reel.yaml"
    real.parent.mkdir()
    real.write_text("edition: 2025\n", encoding="utf-8")
    link = tmp_path / "lien.yaml"
    link.symlink_to(real)
    saver = Saver(link, "fr", "tnl assess --answers lien.yaml")
    saver.check_writable()
    saver.save(Walk(load_edition(), Answers(2025, Identity(), {})))
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8").startswith("#")


def test_batch_output_link_is_kept(run: Any, tmp_path: Path) -> None:
    source = batch_file(tmp_path / "in.csv")
    real = tmp_path / "partage" / "res.csv"
    real.parent.mkdir()
    real.write_text("ancien\n", encoding="utf-8")
    link = tmp_path / "lien.csv"
    link.symlink_to(real)
    result = run("batch", str(source), "-o", str(link), "--force")
    assert result.code == 0, result.err
    assert link.is_symlink()
    assert "Nancy" in real.read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("command", ["dossier", "batch"])
def test_a_dangling_link_is_not_replaced_without_force(run: Any, tmp_path: Path,
                                                       command: str) -> None:
    link = tmp_path / ("lien.md" if command == "dossier" else "lien.csv")
    target = tmp_path / "cible" / link.name
    target.parent.mkdir()
    link.symlink_to(target)
    args = (["dossier", "--answers", str(answers_file(tmp_path)), "-o", str(link)]
            if command == "dossier" else ["batch", str(batch_file(tmp_path / "in.csv")),
                                          "-o", str(link)])
    result = run(*args)
    assert result.code == 2
    assert "existe déjà" in result.err
    assert link.is_symlink() and not target.exists()
    result = run(*args, "--force")
    assert result.code in (0, 1), result.err
    assert link.is_symlink() and target.stat().st_size > 0


# -- finding 5: temporary files left by a killed run ----------------------------------------

def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_stale_temporary_files_are_removed_by_the_next_run(run: Any, tmp_path: Path) -> None:
    source = batch_file(tmp_path / "in.csv")
    out = tmp_path / "res.csv"
    host = fsio._host_tag()
    stale = tmp_path / f".res.csv.tnl-{host}-{_dead_pid()}.k2j3h4.tmp"
    alive = tmp_path / f".res.csv.tnl-{host}-{os.getppid()}.a1b2c3.tmp"  # still writing
    other_host = tmp_path / f".res.csv.tnl-zzzzzz-{_dead_pid()}.a1b2c3.tmp"
    foreign = tmp_path / ".res.csv.abcdef.tmp"  # not ours
    for path in (stale, alive, other_host, foreign):
        path.write_bytes(b"x" * 1000)
    fsio._cleaned_dirs.clear()
    result = run("batch", str(source), "-o", str(out))
    assert result.code == 0, result.err
    assert not stale.exists()
    assert alive.exists() and other_host.exists() and foreign.exists()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX")
def test_kill_9_then_run_again_leaves_nothing(tmp_path: Path) -> None:
    source = tmp_path / "grand.csv"
    line = ";".join(["Nancy", "commune", "54395", *["oui"] * len(GATES)])
    source.write_text(";".join(["nom", "type", "code_insee", *GATES]) + "\n"
                      + (line + "\n") * 200_000, encoding="utf-8")
    out = tmp_path / "res.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LANG", "LC_"))}
    command = [sys.executable, "-m", "tnl_cli", "batch", str(source), "-o", str(out)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env=env)
    deadline = time.monotonic() + 30
    while not list(tmp_path.glob(".res.json.*.tmp")) and process.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.01)
    process.kill()
    process.wait()
    assert list(tmp_path.glob(".res.json.*.tmp"))  # what SIGKILL leaves behind
    small = batch_file(tmp_path / "petit.csv")
    done = subprocess.run([*command[:4], str(small), "-o", str(out)], env=env,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert not list(tmp_path.glob(".res.json.*.tmp"))


# -- finding 10: names the system refuses ---------------------------------------------------

@pytest.mark.parametrize("command", ["dossier", "batch", "template"])
def test_a_file_name_too_long_is_a_clear_message(run: Any, tmp_path: Path, command: str) -> None:
    name = str(tmp_path / ("n" * 300 + (".md" if command == "dossier" else ".csv")))
    if command == "dossier":
        args = ["dossier", "--answers", str(answers_file(tmp_path)), "-o", name]
    elif command == "batch":
        args = ["batch", str(batch_file(tmp_path / "in.csv")), "-o", name]
    else:
        args = ["batch", "--template", name]
    result = run(*args)
    assert result.code == 2, result.err
    assert "nom trop long" in result.err
    assert "Traceback" not in result.err
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["rep.yaml"] if command == "dossier" else ["in.csv"] if command == "batch" else [])


def test_a_long_name_the_system_accepts_is_written(run: Any, tmp_path: Path) -> None:
    name = tmp_path / ("n" * 250 + ".md")  # 253 bytes: its temporary name must still fit
    result = run("dossier", "--answers", str(answers_file(tmp_path)), "-o", str(name))
    assert result.code in (0, 1), result.err
    assert name.stat().st_size > 0


# -- finding 7: formula look-alikes ----------------------------------------------------------

LOOK_ALIKES = ["＝1+1", "﹦1+1", "＋1+1", "﹢1", "－1+1", "﹣1", "−1+1", "＠SUM(A1)", "﹫x", "⁼1",
               "₌1", "⁺1"]


@pytest.mark.parametrize("suffix", [".csv", ".ods", ".xlsx"])
def test_formula_look_alikes_are_neutralised(tmp_path: Path, suffix: str) -> None:
    from tnl_cli.io.sheet_read import open_spreadsheet
    from tnl_cli.io.table_read import is_spreadsheet, open_csv
    from tnl_cli.io.table_write import Column, open_output

    out = tmp_path / f"out{suffix}"
    with open_output(out, [Column("nom"), Column("n", "number")]) as writer:
        for text in LOOK_ALIKES:
            writer.write([text, 1])
    source = open_spreadsheet(out, None) if is_spreadsheet(out) else open_csv(out, None, ";", None)
    try:
        cells = [row[0] for row in source.rows]
    finally:
        source.close()
    assert [c for c in cells if c and c != "nom"] == ["'" + t for t in LOOK_ALIKES]


# -- finding 10: a full disk, a signal, while a spreadsheet is written ----------------------

def _tnl(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LANG", "LC_"))}
    return subprocess.run([sys.executable, "-m", "tnl_cli", *args], capture_output=True,
                          text=True, env=env, timeout=120)


def _big_table(path: Path, rows: int) -> Path:
    lines = [";".join(["nom", "type", "code_insee", *GATES])]
    lines += [";".join([f"Nancy {i}", "commune", "54395", *["oui"] * len(GATES)])
              for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def full_disk(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A 16 KiB file system (root only: a tmpfs)."""
    where = tmp_path / "petit"
    where.mkdir()
    if os.getuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs",
                                           str(where)], capture_output=True).returncode:
        pytest.skip("a small file system needs root and mount")
    yield where
    subprocess.run(["umount", str(where)], check=False)


@pytest.mark.parametrize("suffix", [".xlsx", ".ods", ".csv"])
def test_a_full_disk_is_a_clear_message(tmp_path: Path, full_disk: Path, suffix: str) -> None:
    source = _big_table(tmp_path / "grand.csv", 3_000)
    out = full_disk / f"res{suffix}"
    out.write_text("ancien\n", encoding="utf-8")
    done = _tnl("batch", str(source), "-o", str(out), "--force")
    assert done.returncode == 2, done.stderr
    assert "disque plein" in done.stderr
    assert "Exception ignored" not in done.stderr and "Traceback" not in done.stderr
    assert out.read_text(encoding="utf-8") == "ancien\n"
    assert [p.name for p in full_disk.iterdir()] == [out.name]


@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
def test_a_signal_while_a_spreadsheet_is_written(tmp_path: Path, suffix: str) -> None:
    source = _big_table(tmp_path / "grand.csv", 150_000)
    out = tmp_path / f"res{suffix}"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LANG", "LC_"))}
    process = subprocess.Popen([sys.executable, "-m", "tnl_cli", "batch", str(source), "-o",
                                str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, env=env)
    deadline = time.monotonic() + 30
    while not list(tmp_path.glob(f".res{suffix}.*.tmp")) and process.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.01)
    time.sleep(0.3)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "Exception ignored" not in stderr and "Traceback" not in stderr
    assert not out.exists()
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".*.tmp"))


# -- finding 17: names Windows reserves ------------------------------------------------------

def test_dossier_names_avoid_windows_device_names(run: Any, tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    names = ["Con", "NUL", "com1", "Lpt9", "aux", "prn", "Nancy"]
    with source.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(["nom", "type", "population", *GATES])
        out.writerows([[name, "commune", "1200", *["oui"] * len(GATES)] for name in names])
    result = run("batch", str(source), "--dossiers", str(tmp_path / "dossiers"))
    assert result.code in (0, 1), result.err
    written = sorted(p.name for p in (tmp_path / "dossiers").iterdir())
    assert len(written) == len(names), written
    for name in written:
        stem = name.split(".", 1)[0].lower()
        assert stem not in fsio.WINDOWS_RESERVED, name
        assert not name.rstrip(".md").endswith((".", " "))


@pytest.mark.parametrize(("stem", "expected"), [
    ("con", "con-dossier"), ("COM1", "COM1-dossier"), ("nul.tar", "nul.tar-dossier"),
    ("rapport.", "rapport"), ("a ", "a"), ("...", "sans-nom"), ("concarneau", "concarneau"),
    ("com10", "com10")])
def test_portable_stem(stem: str, expected: str) -> None:
    assert fsio.portable_stem(stem) == expected


def test_a_signal_right_after_the_temporary_file_is_created_leaves_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C may come after mkstemp made the file but before its name is known to the caller."""
    import tempfile

    real = tempfile.mkstemp

    def interrupted(*args: object, **kwargs: object) -> tuple[int, str]:
        fd, name = real(*args, **kwargs)  # type: ignore[call-overload]
        os.close(fd)
        raise KeyboardInterrupt

    monkeypatch.setattr(tempfile, "mkstemp", interrupted)
    target = tmp_path / "out.md"
    with pytest.raises(KeyboardInterrupt):
        fsio.write_atomic(target, "x")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("which", ["assess", "dossier", "compare", "lint", "dossiers",
                                   "template_dir"])
def test_an_input_name_too_long_is_a_clear_message(run: Any, tmp_path: Path, which: str) -> None:
    long = str(tmp_path / ("n" * 300))
    answers = str(answers_file(tmp_path))
    args = {"assess": ["assess", "--answers", long + ".yaml"],
            "dossier": ["dossier", "--answers", long + ".yaml"],
            "compare": ["compare", answers, long + ".yaml"],
            "lint": ["criteria", "lint", long + ".yaml"],
            "dossiers": ["batch", str(batch_file(tmp_path / "in.csv")), "--dossiers", long],
            "template_dir": ["dossier", "--answers", answers, "--template-dir", long]}[which]
    result = run(*args)
    assert result.code == 2, result.err
    assert "nom trop long" in result.err and "Traceback" not in result.err

"""Issue 15, findings 9, 15 and 16: batch encodings, pipes and standard input, and messages that
name the real problem in the user's language."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from tnl_cli.io import table_read

CSV = "nom;type;code_insee;formats_ouverts\nLettret;commune;05074;oui\nÉchirolles;commune;38151;non\n"
ANSWERS = "edition: 2025\ncollectivite:\n  nom: Lettret\n  type: commune\n  code_insee: '05074'\n"


def _csv(tmp_path: Path, encoding: str, name: str = "in.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(CSV.encode(encoding))
    return path


# -- finding 9: the encodings a spreadsheet export can have; others refused by name -----------

@pytest.mark.parametrize("option,codec", [
    ("utf-8", "utf-8"), ("UTF8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("cp1252", "cp1252"),
    ("windows-1252", "cp1252"), ("latin-1", "latin-1"), ("iso-8859-1", "latin-1"),
    ("iso-8859-15", "iso8859-15"), ("utf-16", "utf-16"), ("utf-16le", "utf-16-le"),
    ("mac-roman", "mac-roman"), ("macintosh", "mac-roman"),
])
def test_spreadsheet_encodings_are_read(run: Any, tmp_path: Path, option: str,
                                        codec: str) -> None:
    res = run("batch", str(_csv(tmp_path, codec)), "--encoding", option, "-o",
              str(tmp_path / "out.csv"))
    assert res.code == 0, res.err
    assert "Échirolles" in (tmp_path / "out.csv").read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("option", ["rot13", "rot_13", "hex", "base64", "zlib", "utf-32",
                                    "utf-32-le", "cp037", "idna", "punycode", "undefined",
                                    "unicode_escape", "uu"])
def test_other_codecs_are_refused_by_name(run: Any, tmp_path: Path, option: str) -> None:
    res = run("batch", str(_csv(tmp_path, "utf-8")), "--encoding", option)
    assert res.code == 2, res.out + res.err
    assert f"encodage « {option} » non pris en charge" in res.err
    assert "utf-8, cp1252" in res.err and "Traceback" not in res.err


@pytest.mark.parametrize("option", ["bogus", "utf-9", ""])
def test_unknown_encodings_are_refused_by_name(run: Any, tmp_path: Path, option: str) -> None:
    res = run("batch", str(_csv(tmp_path, "utf-8")), "--encoding", option)
    assert res.code == 2
    assert f"encodage « {option} » inconnu ; encodages acceptés : utf-8" in res.err


# -- finding 16: a UTF-32 file names its encoding ---------------------------------------------

@pytest.mark.parametrize("codec", ["utf-32", "utf-32-be"])
def test_utf32_with_a_bom_is_named(run: Any, tmp_path: Path, codec: str) -> None:
    path = tmp_path / "in.csv"
    data = CSV.encode(codec)
    if codec == "utf-32-be":
        data = b"\x00\x00\xfe\xff" + data
    path.write_bytes(data)
    res = run("batch", str(path))
    assert res.code == 2
    assert "UTF-32" in res.err and "identité" not in res.err


# -- finding 15: pipes, FIFOs, /dev/stdin and `-` ---------------------------------------------

def test_dash_reads_standard_input(run: Any, tmp_path: Path) -> None:
    res = run("batch", "-", "-o", str(tmp_path / "out.csv"), stdin=CSV)
    assert res.code == 0, res.err
    assert "2 ligne(s)" in res.out
    assert (tmp_path / "out.csv").read_text(encoding="utf-8-sig").count("\n") == 3


def test_empty_standard_input(run: Any) -> None:
    res = run("batch", "-", stdin="")
    assert res.code == 2 and "vide" in res.err


def _fifo_run(run: Any, tmp_path: Path, data: bytes, *options: str) -> Any:
    fifo = tmp_path / "in.csv"
    if not fifo.exists():
        os.mkfifo(fifo)

    def feed() -> None:
        with open(fifo, "wb") as handle:
            handle.write(data)

    writer = threading.Thread(target=feed)
    writer.start()
    res = run("batch", str(fifo), "-o", str(tmp_path / "out.csv"), "--force", *options)
    writer.join()
    return res


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFO")
def test_a_fifo_is_streamed(run: Any, tmp_path: Path) -> None:
    # More than the sample first read, an accent far down (cp1252), within what is held back.
    body = "nom;type;code_insee;formats_ouverts\n" + "Lettret;commune;05074;oui\n" * 30_000
    res = _fifo_run(run, tmp_path, (body + "Échirolles;commune;38151;non\n").encode("cp1252"))
    assert res.code == 0, res.err
    out = (tmp_path / "out.csv").read_text(encoding="utf-8-sig")
    assert out.count("\n") == 30_002 and "Échirolles" in out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFO")
def test_a_fifo_with_its_first_accent_beyond_the_sample(run: Any, tmp_path: Path) -> None:
    body = "nom;type;code_insee;formats_ouverts\n" + "Lettret;commune;05074;oui\n" * 60_000
    data = (body + "Échirolles;commune;38151;non\n").encode("cp1252")
    res = _fifo_run(run, tmp_path, data)
    assert res.code == 2 and "--encoding cp1252" in res.err  # said, with the way out
    res = _fifo_run(run, tmp_path, data, "--encoding", "cp1252")
    assert res.code == 0, res.err


def test_replay_gives_back_the_sample_then_the_rest() -> None:
    class Pipe(io.RawIOBase):  # a pipe: short reads, not seekable
        def __init__(self, data: bytes) -> None:
            self.data = data

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            n = min(len(buffer), 7, len(self.data))
            buffer[:n], self.data = self.data[:n], self.data[n:]
            return n

    data = bytes(range(256)) * 1000
    replay = table_read._Replay(Pipe(data))
    assert replay.read(1000) == data[:1000]
    replay.rewind()
    assert io.BufferedReader(replay).read() == data


@pytest.mark.skipif(not Path("/dev/stdin").exists(), reason="no /dev/stdin")
def test_cat_into_dev_stdin(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LANG", "LC_"))}
    done = subprocess.run([sys.executable, "-m", "tnl_cli", "batch", "/dev/stdin"],
                          input=CSV.encode(), capture_output=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr.decode()
    assert "2 ligne(s)" in done.stdout.decode()


# -- finding 16: OS reasons and unreadable files in the user's language -----------------------

def _unreadable(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    """`target` cannot be read, as for another user's file (the tests may run as root)."""
    real_access, real_read, real_fileio = os.access, Path.read_bytes, io.FileIO

    def access(path: Any, mode: int, **kw: Any) -> bool:
        return False if Path(path) == target and mode & os.R_OK else real_access(path, mode, **kw)

    def read_bytes(self: Path) -> bytes:
        if self == target:
            raise PermissionError(13, os.strerror(13), str(self))
        return real_read(self)

    class FileIO(real_fileio):  # type: ignore[misc,valid-type]
        def __init__(self, name: Any, *args: Any, **kw: Any) -> None:
            if isinstance(name, (str, Path)) and Path(name) == target:
                raise PermissionError(13, os.strerror(13), str(name))
            super().__init__(name, *args, **kw)

    monkeypatch.setattr(os, "access", access)
    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.setattr(io, "FileIO", FileIO)


@pytest.mark.parametrize("command", ["assess", "dossier"])
def test_unreadable_answers_file_in_french(run: Any, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch,
                                           command: str) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(ANSWERS, encoding="utf-8")
    _unreadable(monkeypatch, path)
    res = run(command, "--answers", str(path))
    assert res.code == 2
    assert "lecture impossible (permission refusée)" in res.err
    assert "not readable" not in res.err and "Permission denied" not in res.err


def test_unreadable_batch_file_in_french_and_english(run: Any, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path = _csv(tmp_path, "utf-8")
    _unreadable(monkeypatch, path)
    res = run("batch", str(path))
    assert res.code == 2
    assert "permission refusée" in res.err and "Permission denied" not in res.err
    res = run("--lang", "en", "batch", str(path))
    assert "permission denied" in res.err


def test_os_text_without_errno_is_translated() -> None:
    from tnl_cli.errors import Problem

    text = Problem("io.unreadable", {"reason": os.strerror(13)}, "f.csv").render("fr")
    assert "permission refusée" in text and os.strerror(13) not in text
    text = Problem("io.unreadable", {"reason": "Something else"}, "f.csv").render("fr")
    assert "Something else" in text  # an unknown reason is kept as the OS gave it


# -- finding 16: --set collectivite.<person>.<field> and the keys it suggests -----------------

def test_set_a_field_of_a_person(run: Any, tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(ANSWERS, encoding="utf-8")
    res = run("assess", "--answers", str(path), "--format", "json",
              "--set", "collectivite.elu_referent.nom=Camille Moreau",
              "--set", "collectivite.elu_referent.email=camille@exemple.fr")
    assert res.code in (0, 1), res.err
    assert "élu·e référent·e" not in res.out  # the warning about no referent is gone
    res = run("assess", "--answers", str(path), "--set", "collectivite.elu_referent.age=40")
    assert res.code == 2
    assert "clé « age » inconnue ; clés possibles : nom, fonction, email." in res.err


def test_unknown_identity_key_lists_the_real_keys(run: Any, tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(ANSWERS, encoding="utf-8")
    res = run("assess", "--answers", str(path), "--set", "collectivite.elu_refrent=X")
    assert res.code == 2
    assert "vouliez-vous dire : elu_referent" in res.err
    assert "Clés possibles : nom, type, code_insee, siren" in res.err

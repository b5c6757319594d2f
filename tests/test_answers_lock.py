"""Issue 23: concurrent runs on one answers file. Every writer of an answers file (the walk's
autosave, `--set`, `--renew`) holds its lock (io/files.locked) from reading to the last write;
another tnl is refused by name, exit 2, and no answer is ever lost."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tnl_cli.errors import TnlError
from tnl_cli.io import files as fsio
from tnl_cli.loaders import answer_files
from tnl_cli.loaders.catalogs import load_edition

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "commune-exemple.yaml"
ENV = {k: v for k, v in os.environ.items() if not k.startswith(("LANG", "LC_"))}
HOLD = ("import sys\nfrom pathlib import Path\nfrom tnl_cli.io.files import locked\n"
        "with locked(Path(sys.argv[1])):\n    print('held', flush=True)\n    sys.stdin.read()\n")


def _answers(tmp_path: Path) -> Path:
    path = tmp_path / "rep.yaml"
    path.write_bytes(EXAMPLE.read_bytes())
    return path


@pytest.fixture
def held(tmp_path: Path) -> Iterator[tuple[Path, subprocess.Popen[str]]]:
    """An answers file whose lock another process holds until the test ends."""
    path = _answers(tmp_path)
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, env=ENV)
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    yield path, holder
    assert holder.stdin is not None
    holder.stdin.close()
    assert holder.wait(timeout=30) == 0
    assert not fsio.lock_path(path).exists()  # its holder removes it on the way out


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _node() -> str:
    return os.uname().nodename if hasattr(os, "uname") else os.environ.get("COMPUTERNAME", "")


def test_set_is_refused_while_another_tnl_holds_the_file(run: Any, held: Any) -> None:
    path, holder = held
    before = path.read_bytes()
    res = run("assess", "--answers", str(path), "--set", "formats_ouverts=non")
    assert res.code == 2
    assert (f"rep.yaml: le fichier est en cours de modification par un autre tnl (pid "
            f"{holder.pid}, machine ") in res.err
    assert "rien n'a été modifié" in res.err and ".rep.yaml.tnl-lock" in res.err
    assert path.read_bytes() == before
    en = run("assess", "--answers", str(path), "--set", "formats_ouverts=non", "--lang", "en")
    assert en.code == 2 and f"being modified by another tnl (pid {holder.pid}" in en.err
    # reading is not writing: evaluating, --dry-run and the dossier go on
    assert run("assess", "--answers", str(path), "--format", "json").code in (0, 1)
    assert run("assess", "--answers", str(path), "--set", "formats_ouverts=non", "--dry-run",
               "--format", "json").code in (0, 1)


def test_the_walk_is_refused_before_its_first_question(held: Any) -> None:
    from tnl_cli.commands import assess_walk

    path, holder = held
    with pytest.raises(TnlError) as err:
        assess_walk.walk(path, None, False, None)
    assert err.value.problems[0].key == "io.locked"
    assert err.value.problems[0].params["pid"] == str(holder.pid)


def test_renew_is_refused_and_writes_nothing(run: Any, held: Any, tmp_path: Path) -> None:
    path, _ = held
    old = tmp_path / "an-dernier.yaml"
    old.write_bytes(EXAMPLE.read_bytes())
    before = path.read_bytes()
    res = run("assess", "--answers", str(path), "--renew", str(old), "--force")
    assert res.code == 2 and "en cours de modification par un autre tnl" in res.err
    assert path.read_bytes() == before


def test_a_lock_through_a_link_is_the_targets(run: Any, held: Any, tmp_path: Path) -> None:
    path, _ = held
    link = tmp_path / "lien.yaml"
    link.symlink_to(path)
    res = run("assess", "--answers", str(link), "--set", "formats_ouverts=non")
    assert res.code == 2 and "en cours de modification" in res.err


def test_a_lock_left_by_a_dead_process_is_taken_over(run: Any, tmp_path: Path) -> None:
    path = _answers(tmp_path)
    lock = fsio.lock_path(path)
    lock.write_text(f"{_dead_pid()}\n{_node()}\n2026-12-06 23:00\n", encoding="utf-8")
    res = run("assess", "--answers", str(path), "--set", "formats_ouverts=non")
    assert res.code in (0, 1), res.err
    assert "formats_ouverts: false" in path.read_text(encoding="utf-8")
    assert not lock.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["rep.yaml"]


@pytest.mark.parametrize("content,age,refused", [
    (b"", 0, True),  # being written this very moment
    (b"", 3600, False),  # left empty by a crash
    (b"not a pid\n", 3600, False),
    (b"99999999999999999999999\nvm\n", 3600, False),
    (f"{2**31}\n{_node()}\n".encode(), 3600, False),  # no pid: os.kill would overflow
    ("²³\n".encode(), 3600, False),  # isdigit(), but no int
    ("²³\n".encode(), 0, True),
    (b"1\nanother-machine\n2026-12-06 23:00\n", 3600, True),  # its pid cannot be asked
])
def test_locks_in_every_state(tmp_path: Path, content: bytes, age: int, refused: bool) -> None:
    import time

    path = _answers(tmp_path)
    lock = fsio.lock_path(path)
    lock.write_bytes(content)
    os.utime(lock, (time.time() - age,) * 2)
    if refused:
        with pytest.raises(TnlError) as err, fsio.locked(path):
            pass
        assert err.value.problems[0].key == "io.locked"
        assert lock.read_bytes() == content
    else:
        with fsio.locked(path):
            assert lock.read_bytes().startswith(f"{os.getpid()}\n".encode())
        assert not lock.exists()


def test_the_lock_nests_and_is_released_on_error(tmp_path: Path) -> None:
    path = _answers(tmp_path)
    lock = fsio.lock_path(path)
    with pytest.raises(TnlError), fsio.locked(path):
        with fsio.locked(path):  # a renew that walks: taken twice by one process
            assert lock.exists()
        assert lock.exists()
        raise TnlError.of("io.missing", file="x")
    assert not lock.exists()


def test_a_folder_that_takes_no_lock_still_gets_the_writes_own_message(run: Any,
                                                                      tmp_path: Path) -> None:
    res = run("assess", "--answers", str(tmp_path / "absent" / "rep.yaml"), "--set",
              "formats_ouverts=non")
    assert res.code == 2 and "Traceback" not in res.err


def test_a_planted_link_as_lock_is_never_followed(tmp_path: Path) -> None:
    path = _answers(tmp_path)
    victim = tmp_path / "victime.txt"
    victim.write_text("intact", encoding="utf-8")
    fsio.lock_path(path).symlink_to(victim)
    with pytest.raises(TnlError) as err, fsio.locked(path):
        pass
    assert err.value.problems[0].key == "io.locked"
    assert victim.read_text(encoding="utf-8") == "intact"


def test_concurrent_sets_lose_no_answer(tmp_path: Path) -> None:
    """Six `--set` at once on one file: each either saves (and its answer is in the file at
    the end) or is refused with the message; none is silently overwritten by another."""
    path = _answers(tmp_path)
    catalog = load_edition(2025)
    given = answer_files.load(path, load_edition)[0].responses
    ids = [c.id for c in catalog.criteria if c.type == "boolean"
           and (c.id not in given or given[c.id].value is False)][:6]
    assert len(ids) == 6
    command = [sys.executable, "-m", "tnl_cli", "assess", "--answers", str(path), "--format",
               "json"]
    runs = {cid: subprocess.Popen([*command, "--set", f"{cid}=oui"], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, text=True, env=ENV) for cid in ids}
    errors = {cid: p.communicate(timeout=120)[1] for cid, p in runs.items()}
    results = [(cid, p.returncode, errors[cid]) for cid, p in runs.items()]
    final = answer_files.load(path, load_edition)[0].responses
    for cid, code, err in results:
        assert code in (0, 1, 2), err
        if code == 2:
            assert "en cours de modification par un autre tnl" in err, err
        else:
            assert final[cid].value is True, (cid, err)
    assert sum(code != 2 for _, code, _ in results) >= 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rep.yaml"]


def test_without_posix_calls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows: no O_NOFOLLOW, no uname, no os.kill(pid, 0): a lock is stale after a day."""
    import time

    for name in ("O_NOFOLLOW", "uname"):
        monkeypatch.delattr(os, name, raising=False)
    monkeypatch.setattr(os, "kill", lambda *a: pytest.fail("os.kill ends a process on Windows"))
    monkeypatch.setattr(fsio.os, "name", "nt")
    path = _answers(tmp_path)
    lock = fsio.lock_path(path)
    lock.write_text(f"{_dead_pid()}\n{_node()}\n", encoding="utf-8")
    with pytest.raises(TnlError), fsio.locked(path):
        pass
    os.utime(lock, (time.time() - 2 * 86400,) * 2)
    with fsio.locked(path):
        assert lock.exists()
    monkeypatch.undo()
    assert not lock.exists()


def test_a_file_system_without_hard_links(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    def no_link(*_a: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(fsio.os, "link", no_link)
    path = _answers(tmp_path)
    with fsio.locked(path):
        assert fsio.lock_path(path).read_bytes().startswith(f"{os.getpid()}\n".encode())
        with pytest.raises(TnlError):  # as another process would try it: held
            fsio._acquire(fsio.lock_path(path), path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rep.yaml"]


def test_a_real_walk_holds_its_file(tmp_path: Path) -> None:
    """A walk on a terminal: --set on its file is refused by the walk's pid while it asks;
    Ctrl-C ends the walk, its answers saved, the lock gone; --set then goes through."""
    pytest.importorskip("pexpect")
    from pty_helpers import CTRL_C, ENTER, finish, spawn, wait_question

    child = spawn("assess", "--answers", "r.yaml", cwd=tmp_path)
    wait_question(child, "Nom de la collectivité")
    child.send("Lettret" + ENTER)
    wait_question(child, "Type de collectivité")
    command = [sys.executable, "-m", "tnl_cli", "assess", "--answers", str(tmp_path / "r.yaml"),
               "--set", "formats_ouverts=oui", "--format", "json"]
    refused = subprocess.run(command, capture_output=True, text=True, env=ENV)
    assert refused.returncode == 2
    assert f"un autre tnl (pid {child.pid}," in refused.stderr
    child.send(CTRL_C)
    assert finish(child) == 130
    assert not fsio.lock_path(tmp_path / "r.yaml").exists()
    done = subprocess.run(command, capture_output=True, text=True, env=ENV)
    assert done.returncode in (0, 1), done.stderr
    text = (tmp_path / "r.yaml").read_text(encoding="utf-8")
    assert "nom: Lettret" in text and "formats_ouverts: true" in text


@pytest.mark.parametrize("pid", ["99999999999999999999999", "²³", "٣", "0"])
def test_a_planted_temporary_name_is_left_alone(run: Any, tmp_path: Path, pid: str) -> None:
    """remove_stale reads a pid from names it did not make: `²³` passed isdigit() but not
    int(), 23 digits overflowed os.kill; both were a traceback on every write there."""
    path = _answers(tmp_path)
    planted = tmp_path / f".rep.yaml.tnl-{fsio._host_tag()}-{pid}.abc.tmp"
    planted.write_text("x", encoding="utf-8")
    fsio._cleaned_dirs.discard(os.path.abspath(tmp_path))
    res = run("assess", "--answers", str(path), "--set", "formats_ouverts=non")
    assert res.code in (0, 1), res.err
    assert planted.exists()


@settings(max_examples=200, deadline=None)
@given(content=st.one_of(st.binary(max_size=300), st.builds(
    lambda pid, host, rest: f"{pid}\n{host}\n{rest}".encode("utf-8", "replace"),
    st.one_of(st.integers(min_value=-5, max_value=2**70), st.text(max_size=30)),
    st.sampled_from([_node(), "ailleurs", "", "\x1b]0;x\x07" * 40]), st.text(max_size=80))),
    age=st.sampled_from([0, 5, 3600, 3 * 86400]))
def test_any_lock_content(tmp_path_factory: Any, content: bytes, age: int) -> None:
    """Whatever a lock file holds (garbage, 70-bit pids, escapes, another machine's name): the
    lock is refused with its message or taken over, nothing else; ours is removed after."""
    import time

    from tnl_cli.textsafe import UNSAFE_CHARS

    path = _answers(tmp_path_factory.mktemp("lock"))
    lock = fsio.lock_path(path)
    lock.write_bytes(content)
    os.utime(lock, (time.time() - age,) * 2)
    try:
        with fsio.locked(path):
            assert lock.read_bytes().startswith(f"{os.getpid()}\n".encode())
    except TnlError as exc:
        assert exc.problems[0].key == "io.locked"
        assert lock.read_bytes() == content
        shown = exc.render("fr")
        assert len(shown) < 600 and not UNSAFE_CHARS.intersection(shown)
    else:
        assert not lock.exists()
    assert sorted(p.name for p in lock.parent.iterdir() if p != lock) == ["rep.yaml"]


def test_a_lock_left_by_a_killed_run_with_our_own_pid_is_taken_over(tmp_path: Path) -> None:
    # in a container every run may get the same pid: a lock naming it is an earlier run's
    path = _answers(tmp_path)
    lock = fsio.lock_path(path)
    lock.write_text(f"{os.getpid()}\n{fsio._node()}\n2026-01-01T00:00:00\n", encoding="utf-8")
    with fsio.locked(path):
        assert lock.exists()
    assert not lock.exists()


def test_a_directory_under_the_lock_name_is_refused_by_the_file_name(tmp_path: Path) -> None:
    path = _answers(tmp_path)
    fsio.lock_path(path).mkdir()
    with pytest.raises(TnlError) as exc, fsio.locked(path):
        pass
    assert "rep.yaml" in exc.value.render("fr")

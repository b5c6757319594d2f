"""Issue 15 finding 1: the compiled-template cache never runs another user's code."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from tnl_cli.core.engine import evaluate
from tnl_cli.dossier import render as dossier
from tnl_cli.loaders import answer_files
from tnl_cli.loaders.catalogs import load_edition

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "commune-exemple.yaml"


def render(fmt: str = "html") -> bytes:
    answers, catalog, _ = answer_files.load(EXAMPLE, load_edition)
    return dossier.render(catalog, answers, evaluate(catalog, answers), fmt, "fr",
                          tool_version="9.9.9-test", today=dt.date(2025, 9, 1))


def _plant(path: Path, marker: Path) -> None:
    """A compiled-template file whose checksum unpickles to code that writes `marker`."""
    import pickle

    from jinja2.bccache import bc_magic

    class Evil:
        def __reduce__(self):  # type: ignore[no-untyped-def]
            return (Path.write_text, (marker, "ran"))

    path.write_bytes(bc_magic + pickle.dumps(Evil(), protocol=2))


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    dossier._environment.cache_clear()
    yield tmp_path / "cache" / "tnl" / "templates"
    dossier._environment.cache_clear()


@pytest.mark.parametrize("how", ["other_uid", "group_writable", "world_writable"])
def test_a_planted_file_is_not_read(cache: Path, tmp_path: Path, how: str) -> None:
    if how == "other_uid" and os.getuid() != 0:
        pytest.skip("only root can give a file to another uid")
    expected = render()
    files = list(cache.iterdir())
    assert files
    marker = tmp_path / "pwned"
    for path in files:
        _plant(path, marker)
        if how == "other_uid":
            os.chown(path, 12345, 12345)
        else:
            path.chmod(0o664 if how == "group_writable" else 0o646)
    dossier._environment.cache_clear()
    assert render() == expected
    assert not marker.exists()


def test_a_cache_directory_of_another_user_is_not_used(cache: Path, tmp_path: Path) -> None:
    if os.getuid() != 0:
        pytest.skip("only root can give a directory to another uid")
    render()
    marker = tmp_path / "pwned"
    for path in cache.iterdir():
        _plant(path, marker)
        os.chown(path, os.getuid(), -1)
    os.chown(cache, 12345, 12345)
    dossier._environment.cache_clear()
    render()
    assert not marker.exists()


def test_its_own_files_are_still_read(cache: Path, tmp_path: Path) -> None:
    """The check does not turn the cache off: our own file is read (planted as ours, it runs)."""
    render()
    marker = tmp_path / "ran"
    for path in cache.iterdir():
        _plant(path, marker)
    dossier._environment.cache_clear()
    render()
    assert marker.exists()


@pytest.mark.parametrize("how", ["other_uid", "group_writable"])
def test_the_catalog_cache_is_as_strict(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        how: str) -> None:
    import pickle

    from tnl_cli import resources
    from tnl_cli.loaders import catalogs

    if how == "other_uid" and os.getuid() != 0:
        pytest.skip("only root can give a file to another uid")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    source = resources.criteria_dir() / "2025.yaml"
    built = catalogs._cached(source, 2025)
    (written,) = (tmp_path / "cache" / "tnl").glob("catalog-2025-*.pickle")
    assert written.stat().st_mode & 0o077 == 0  # private to the user, whatever the umask
    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self):  # type: ignore[no-untyped-def]
            return (Path.write_text, (marker, "ran"))

    written.write_bytes(pickle.dumps(Evil()))
    if how == "other_uid":
        os.chown(written, 12345, 12345)
    else:
        written.chmod(0o664)
    again = catalogs._cached(source, 2025)
    assert not marker.exists()
    assert [c.id for c in again.criteria] == [c.id for c in built.criteria]


def test_a_cache_temporary_file_left_by_a_killed_run_is_removed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess
    import sys

    from tnl_cli import resources
    from tnl_cli.io import files as fsio
    from tnl_cli.loaders import catalogs

    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(fsio, "_cleaned_dirs", set())
    where = tmp_path / "cache" / "tnl"
    where.mkdir(parents=True)
    stale = where / f".catalog-2025-1-1.pickle.tnl-{fsio._host_tag()}-{child.pid}.cache.tmp"
    stale.write_bytes(b"x" * 100)
    catalogs._cached(resources.criteria_dir() / "2025.yaml", 2025)
    assert not stale.exists()
    assert not list(where.glob("*.tmp")) and not list(where.glob(".*.tmp"))


def test_the_territory_cache_is_as_strict(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The COG index cache (marshal) is read only when this user wrote it and nobody else may
    change it; writing it removes the temporary files killed runs left with the old naming."""
    import marshal

    from tnl_cli.reference import territory_index

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    index = territory_index.load_index()
    folder = tmp_path / "cache" / "tnl"
    (cache_file,) = folder.glob("territoire-*.marshal")
    assert cache_file.stat().st_mode & 0o777 == 0o600
    planted = ({"99999": ("Nulle-Part", None, 1, "99", "99999")}, {})
    cache_file.write_bytes(marshal.dumps(planted))
    cache_file.chmod(0o664)  # others could have written it: not read
    assert "99999" not in territory_index.load_index().communes  # (and the cache is written anew)
    cache_file.write_bytes(marshal.dumps(planted))
    cache_file.chmod(0o600)
    assert "99999" in territory_index.load_index().communes  # ours: read (the check is not a no-op)
    stale = folder / f"{cache_file.name}.4242.tmp"
    stale.write_bytes(b"")
    cache_file.unlink()
    assert territory_index.load_index().communes.keys() == index.communes.keys()
    assert not stale.exists()

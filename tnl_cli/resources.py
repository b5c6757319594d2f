"""Where the bundled data lives: inside the installed package, or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    """`tnl_cli/<name>` in an installed wheel; `<repo>/<name>` in a source checkout.

    The package is always installed unzipped (it ships data files read by path), so its
    directory is `__file__`'s: importlib.resources would only add ~3 ms to every start.
    """
    packaged = _PACKAGE / name
    if packaged.is_dir():
        return packaged
    return _PACKAGE.parent / name


def cache_dir() -> Path:
    """The user's cache for tnl (`$XDG_CACHE_HOME/tnl`, else `~/.cache/tnl`): safe to delete."""
    import os

    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "tnl"


def data_dir() -> Path:
    """The reference data built by `scripts/` (software catalog, territory database)."""
    return _PACKAGE / "data"


def criteria_dir() -> Path:
    return _bundled("criteria")


def templates_dir() -> Path:
    return _bundled("templates")


def examples_dir() -> Path:
    """The bundled examples (`examples/`; in a wheel, only those the tool runs itself)."""
    return _bundled("examples")


def criteria_files() -> list[Path]:
    return sorted(criteria_dir().glob("*.yaml"))

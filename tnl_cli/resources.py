"""Where the bundled data lives: inside the installed package, or in a source checkout."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def _bundled(name: str) -> Path:
    """`tnl_cli/<name>` in a wheel; `<repo>/<name>` when running from a source checkout."""
    packaged = Path(str(files("tnl_cli"))) / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / name


def criteria_dir() -> Path:
    return _bundled("criteria")


def templates_dir() -> Path:
    return _bundled("templates")


def criteria_files() -> list[Path]:
    return sorted(criteria_dir().glob("*.yaml"))

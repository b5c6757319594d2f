"""The criteria catalogs shipped with the tool: found, read, validated by `core.catalog_build`,
kept pickled in the user's cache."""

from __future__ import annotations

import pickle
from functools import cache
from pathlib import Path

from tnl_cli import resources
from tnl_cli.core.catalog import Catalog
from tnl_cli.errors import CatalogError, Problem
from tnl_cli.numbers import plain_int


def load_file(path: Path) -> Catalog:
    """Load and validate any catalog file (used by `tnl criteria lint`)."""
    from tnl_cli.core.catalog_build import build
    from tnl_cli.io import yaml as yamlio

    doc = yamlio.load(path)
    return build(doc, plain_int(path.stem))  # `2025.yaml` must say 2025 (not `٢٠٢٥.yaml`)


def editions() -> list[int]:
    """The editions shipped with the tool, oldest first."""
    return sorted(n for p in resources.criteria_files() if (n := plain_int(p.stem)) is not None)


# Bump when the model classes change shape, so that no older pickle is ever read back.
_CACHE_FORMAT = 8


def _cached(path: Path, edition: int) -> Catalog:
    """Build the catalog once per file version and keep it pickled in the user's cache.

    Parsing and validating the YAML costs tens of milliseconds (PyYAML's import alone is
    ~15 ms); unpickling costs one. The key holds the file's size, mtime and tnl's version, so
    an edited catalog or an upgraded tool is rebuilt; a cache that cannot be read or written
    is simply ignored.
    """
    from tnl_cli import __version__

    stat = path.stat()
    name = (f"catalog-{edition}-{stat.st_size}-{stat.st_mtime_ns}-{__version__}"
            f"-{_CACHE_FORMAT}.pickle")
    cache = resources.cache_dir() / name
    from tnl_cli.io.files import read_private, write_private

    try:
        # Only a cache this user wrote and no one else could change: unpickling runs code.
        data = read_private(cache)
        loaded = pickle.loads(data) if data is not None else None
        if isinstance(loaded, Catalog):
            return loaded
    except Exception:  # noqa: BLE001 - any unreadable cache means: rebuild it
        pass
    # Validating is only needed on a cache miss: its code is not loaded otherwise.
    from tnl_cli.core.catalog_build import build
    from tnl_cli.io import yaml as yamlio

    catalog = build(yamlio.load(path, f"criteria/{edition}.yaml"), edition)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        for old in cache.parent.glob(f"catalog-{edition}-*.pickle"):
            old.unlink()
        write_private(cache, pickle.dumps(catalog, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass
    return catalog


@cache
def load_edition(edition: int | None = None) -> Catalog:
    """The bundled catalog of `edition` (the newest by default)."""
    available = editions()
    if edition is None:
        edition = available[-1]
    if edition not in available:
        raise CatalogError(Problem("catalog.no_edition", {
            "edition": edition, "available": ", ".join(map(str, available))}))
    return _cached(resources.criteria_dir() / f"{edition}.yaml", edition)

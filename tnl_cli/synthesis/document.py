"""The synthesis document, from members to bytes: format by extension, view, rendering."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from tnl_cli.errors import TnlError
from tnl_cli.synthesis.aggregate import synthesize
from tnl_cli.synthesis.read import Input

# Every EPCI of France (1,255 groups) makes about 25 million characters of HTML.
MAX_OUTPUT = 200_000_000
FORMATS = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".odt": "odt"}


def format_of(path: Path) -> str:
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise TnlError.of("synthesis.bad_format", ext=path.suffix or path.name)
    return fmt


def render(view: dict[str, Any], fmt: str) -> bytes:
    if fmt == "odt":
        from tnl_cli.synthesis.odt import write

        return write(view)
    from tnl_cli.dossier.render import render_view

    if fmt == "html":
        from markupsafe import Markup

        for section in view["sections"]:
            for fig in section["figures"]:
                if fig["svg"]:
                    fig["svg"] = Markup(fig["svg"])  # drawn by charts, every text escaped
    return render_view("synthese", fmt, view, max_output=MAX_OUTPUT)


def document(found: Input, fmt: str, lang: str, *, level: str | None, named: bool,
             sources: list[str], before: Input | None = None,
             today: dt.date | None = None) -> bytes:
    """The synthesis of `found` (against `before`, last year's) as the bytes of a file."""
    from tnl_cli import __version__
    from tnl_cli.reference.territory import load_places
    from tnl_cli.synthesis.view import build

    places = load_places()
    names = {"departement": places.departements, "region": places.regions}
    result = synthesize(found.members, found.catalog, level, named=named,
                        before=before.members if before is not None else None,
                        before_catalog=before.catalog if before is not None else None,
                        names=names)
    view = build(result, found.catalog, lang, tool_version=__version__,
                 today=today or dt.date.today(), names=names, sources=sources,
                 problems=len(found.problems))
    return render(view, fmt)

"""The synthesis document, from members to bytes: format by extension, view, rendering."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tnl_cli.errors import TnlError
from tnl_cli.synthesis.aggregate import synthesize
from tnl_cli.synthesis.read import Input

# One part of the document (its head, a section, its foot) at most: a section is a few
# hundred kB, the head's table of contents of every EPCI of France about 200 kB.
MAX_OUTPUT = 20_000_000
FORMATS = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".odt": "odt"}


def format_of(path: Path) -> str:
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise TnlError.of("synthesis.bad_format", ext=path.suffix or path.name)
    return fmt


def render(head: dict[str, Any], sections: Iterator[dict[str, Any]], fmt: str) -> bytes:
    """The document's bytes. HTML and Markdown are rendered a section at a time through the
    same template (`part`: head, section, foot): the whole text is never one string."""
    if fmt == "odt":
        from tnl_cli.synthesis.odt import write

        return write(head, sections)
    from tnl_cli.dossier.render import render_view

    def part(name: str, section: dict[str, Any] | None = None) -> bytes:
        return render_view("synthese", fmt, {**head, "part": name, "section": section},
                           max_output=MAX_OUTPUT)

    pieces = [part("head")]
    for section in sections:
        if fmt == "html":
            from markupsafe import Markup

            for fig in section["figures"]:
                if fig["svg"]:
                    fig["svg"] = Markup(fig["svg"])  # drawn by charts, every text escaped
        pieces.append(part("section", section))
    pieces.append(part("foot"))
    return (b"\n" if fmt == "md" else b"").join(pieces)


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
    head, sections = build(result, found.catalog, lang, tool_version=__version__,
                           today=today or dt.date.today(), names=names, sources=sources,
                           problems=len(found.problems))
    return render(head, sections, fmt)

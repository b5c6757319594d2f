"""The synthesis as an OpenDocument text: the same view as the HTML, charts embedded as SVG
images (with their title and description as the frame's text alternative), each followed by
its table. Built with the dossier's writer, element by element: names are only ever text."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

from tnl_cli.dossier.odt import DocumentWriter, statistics

_PAGE_CM = 17.0
_FIRST_CM = 7.0
_SIZE = re.compile(r'width="(\d+)" height="(\d+)"')
_TITLE = re.compile(r"<title[^>]*>(.*?)</title><desc[^>]*>(.*?)</desc>", re.S)


def _widths(columns: int) -> tuple[float, ...]:
    if columns <= 1:
        return (_PAGE_CM,)
    rest = round((_PAGE_CM - _FIRST_CM) / (columns - 1), 2)
    return (_FIRST_CM, *([rest] * (columns - 1)))


def _image(w: Any, uid: str, svg: str) -> None:
    """The chart as an embedded SVG picture, as wide as the text, in a paragraph of its own."""
    from odfdo import Element

    path = f"Pictures/{uid}.svg"
    w.doc.container.set_part(path, svg.encode("utf-8"))
    w.doc.manifest.add_full_path(path, "image/svg+xml")
    width_px, height_px = (int(v) for v in _SIZE.search(svg).groups())  # type: ignore[union-attr]
    found = _TITLE.search(svg)
    title, desc = found.groups() if found else ("", "")  # already escaped by charts
    height = round(_PAGE_CM * height_px / width_px, 2)
    w.body.append(Element.from_tag(
        f'<text:p text:style-name="Text_20_body"><draw:frame draw:name="{uid}" '
        f'text:anchor-type="as-char" svg:width="{_PAGE_CM}cm" svg:height="{height}cm" '
        f'draw:z-index="0"><draw:image xlink:href="{path}" xlink:type="simple" '
        f'xlink:show="embed" xlink:actuate="onLoad"/><svg:title>{title}</svg:title>'
        f"<svg:desc>{desc}</svg:desc></draw:frame></text:p>"))


def write(view: dict[str, Any], sections: Iterator[dict[str, Any]]) -> bytes:
    """The synthesis's ODT file's bytes."""
    from odfdo import Style

    w = DocumentWriter(view["lang"], "Page")
    styled: set[float] = set()
    w.doc.meta.set_title(f"{view['title']} — {view['subtitle']}")
    w.doc.meta.set_language("fr-FR" if view["lang"] == "fr" else "en-GB")
    w.heading(1, view["title"])
    w.para(view["subtitle"])
    for note in view["notes"]:
        w.para(note, note=True)
    w.para(f"{view['sources_label']} {', '.join(view['sources'])}")
    for section in sections:
        w.heading(2, section["title"])
        w.para(section["lead"])
        for fig in section["figures"]:
            for width in set(_widths(len(fig["headers"]))) - styled:
                styled.add(width)
                w.doc.insert_style(Style("table-column", name=f"TnlCol{width}",
                                         width=f"{width}cm"), automatic=True)
            w.heading(3, fig["title"])
            for sentence in fig["sentences"]:
                w.para(sentence)
            if fig["svg"]:
                _image(w, fig["id"], fig["svg"])
            w.table(fig["id"], fig["headers"], fig["rows"],
                    _widths(len(fig["headers"])), head_column=True)
            if fig["note"]:
                w.para(fig["note"], note=True)
    w.para(view["generated"], note=True)
    statistics(w.doc)
    buffer = io.BytesIO()
    w.doc.save(buffer)
    return buffer.getvalue()

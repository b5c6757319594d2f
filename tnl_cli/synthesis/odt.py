"""The synthesis as an OpenDocument text: the same view as the HTML, charts embedded as SVG
images (with their title and description as the frame's text alternative), each followed by
its table. Built with the dossier's writer, element by element: names are only ever text.

A synthesis by EPCI of all France holds twelve thousand charts: picture entries go straight
into the manifest (odfdo's `add_full_path` searches it for each one first) and the document's
statistics are counted while writing, not read back from the finished tree."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

from tnl_cli.dossier.odt import DocumentWriter

_PAGE_CM = 17.0
_FIRST_CM = 7.0
_SIZE = re.compile(r'width="(\d+)" height="(\d+)"')
_TITLE = re.compile(r"<title[^>]*>(.*?)</title><desc[^>]*>(.*?)</desc>", re.S)


def _widths(columns: int) -> tuple[float, ...]:
    if columns <= 1:
        return (_PAGE_CM,)
    rest = round((_PAGE_CM - _FIRST_CM) / (columns - 1), 2)
    return (_FIRST_CM, *([rest] * (columns - 1)))


class _Counts:
    """What the document holds, for its meta statistics (File > Properties)."""

    def __init__(self) -> None:
        self.paragraphs = self.tables = self.images = self.words = self.chars = 0
        self.visible = 0

    def text(self, *texts: str) -> None:
        for text in texts:
            self.words += len(text.split())
            self.chars += len(text)
            self.visible += sum(not ch.isspace() for ch in text)


def _image(w: Any, uid: str, svg: str) -> None:
    """The chart as an embedded SVG picture, as wide as the text, in a paragraph of its own."""
    from odfdo import Element

    path = f"Pictures/{uid}.svg"
    w.doc.container.set_part(path, svg.encode("utf-8"))
    w.doc.manifest.root.append(w.doc.manifest.make_file_entry(path, "image/svg+xml"))
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
    counts = _Counts()
    styled: set[float] = set()

    def heading(level: int, text: str) -> None:
        w.heading(level, text)
        counts.paragraphs += 1
        counts.text(text)

    def para(text: str, note: bool = False) -> None:
        w.para(text, note=note)
        counts.paragraphs += 1
        counts.text(text)

    w.doc.meta.set_title(f"{view['title']} — {view['subtitle']}")
    w.doc.meta.set_language("fr-FR" if view["lang"] == "fr" else "en-GB")
    heading(1, view["title"])
    para(view["subtitle"])
    for note in view["notes"]:
        para(note, note=True)
    para(f"{view['sources_label']} {', '.join(view['sources'])}")
    for section in sections:
        heading(2, section["title"])
        para(section["lead"])
        for fig in section["figures"]:
            for width in set(_widths(len(fig["headers"]))) - styled:
                styled.add(width)
                w.doc.insert_style(Style("table-column", name=f"TnlCol{width}",
                                         width=f"{width}cm"), automatic=True)
            heading(3, fig["title"])
            for sentence in fig["sentences"]:
                para(sentence)
            if fig["svg"]:
                _image(w, fig["id"], fig["svg"])
                counts.images += 1
                counts.paragraphs += 1
            w.table(fig["id"], fig["headers"], fig["rows"], _widths(len(fig["headers"])),
                    head_column=True)
            counts.tables += 1
            counts.text(*fig["headers"], *(cell for row in fig["rows"] for cell in row))
            if fig["note"]:
                para(fig["note"], note=True)
    para(view["generated"], note=True)
    w.doc.meta.set_statistic({
        "meta:table-count": counts.tables, "meta:image-count": counts.images,
        "meta:object-count": 0, "meta:page-count": 1,
        "meta:paragraph-count": counts.paragraphs, "meta:word-count": counts.words,
        "meta:character-count": counts.chars,
        "meta:non-whitespace-character-count": counts.visible,
    })
    buffer = io.BytesIO()
    w.doc.save(buffer)
    return buffer.getvalue()

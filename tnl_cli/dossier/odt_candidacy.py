"""The candidacy as an OpenDocument text, built with odfdo from its view model.

Same sections and words as the Markdown and HTML (`dossier/candidacy.py`), plus what a word
processor gives: a table of contents field, page numbers in the footer, styles a reader can
change in one place, tables whose header row repeats on each page and whose numbers are
right-aligned.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from tnl_cli.dossier.odt import _WHITESPACE, _Writer, statistics
from tnl_cli.dossier.text import blocks

_INVENTORY_WIDTHS = (6.0, 6.5, 4.5)
_SHARE_WIDTHS = (7.0, 3.5, 3.5, 3.0)


def _add_styles(doc: Any) -> None:
    from odfdo import Style

    justification = Style("paragraph", name="TnlJustification", parent_style="Text_20_body",
                          area="paragraph", margin_left="0.8cm")
    statement = Style("paragraph", name="TnlStatement", parent_style="Text_20_body",
                      area="paragraph", margin_top="0.25cm")
    cover_name = Style("paragraph", name="TnlCoverName", parent_style="Text_20_body",
                       area="text", bold=True, color="#2a5d8a", size="15pt")
    signatory = Style("paragraph", name="TnlSignatory", parent_style="Text_20_body",
                      area="paragraph", margin_left="8.5cm")
    num_text = Style("paragraph", name="TnlNumText", parent_style="Standard", align="end")
    head_num = Style("paragraph", name="TnlHeadNumText", parent_style="Standard", align="end",
                     area="text", bold=True)
    keep = Style("paragraph", name="TnlKeep", parent_style="Text_20_body", area="paragraph",
                 keep_with_next="always")
    lead = Style("paragraph", name="TnlLead", parent_style="Text_20_body", area="text",
                 bold=True)
    cover_title = Style("paragraph", name="TnlCoverTitle", parent_style="Text_20_body",
                        area="text", bold=True, size="16pt", color="#1e1e1e")
    cover_meta = Style("paragraph", name="TnlCoverMeta", parent_style="Text_20_body",
                       area="text", color="#4a4a4a")
    cover_intro = Style("paragraph", name="TnlCoverIntro", parent_style="Text_20_body")
    line = Style("paragraph", name="TnlSignatureLine", parent_style="Text_20_body")
    figures_title = Style("paragraph", name="TnlFiguresTitle", parent_style="Text_20_body",
                          area="text", bold=True, color="#2a5d8a", size="12pt")
    figures = Style("paragraph", name="TnlFigures", parent_style="Text_20_body")
    figures_last = Style("paragraph", name="TnlFiguresLast", parent_style="Text_20_body")
    figure = Style("text", name="TnlFigure", bold=True, color="#2a5d8a", size="13pt")
    figure_note = Style("text", name="TnlFigureNote", color="#4a4a4a", size="9pt")
    for style in (justification, statement, cover_name, signatory, num_text, head_num, keep,
                  lead, cover_title, cover_meta, cover_intro, line, figures_title,
                  figures, figures_last, figure, figure_note):
        doc.insert_style(style, automatic=True)
    # paragraph properties odfdo's Style does not take as arguments
    for name, attributes in (("TnlJustification", {"fo:margin-left": "0.8cm"}),
                             ("TnlStatement", {"fo:margin-top": "0.25cm"}),
                             ("TnlSignatory", {"fo:margin-left": "8.5cm"}),
                             ("TnlKeep", {"fo:keep-with-next": "always"}),
                             ("TnlLead", {"fo:keep-with-next": "always"}),
                             ("TnlCoverTitle", {"fo:border-top": "4.5pt solid #2a5d8a",
                                                "fo:padding-top": "0.4cm",
                                                "fo:margin-top": "0cm"}),
                             ("TnlCoverIntro", {"fo:margin-top": "0.4cm",
                                                "fo:border-top": "0.75pt solid #2a5d8a",
                                                "fo:padding-top": "0.3cm",
                                                "fo:margin-bottom": "0.8cm"}),
                             ("TnlSignatureLine", {"fo:margin-top": "1cm",
                                                   "fo:keep-with-next": "always"}),
                             *((name, {"fo:background-color": "#f1f5f9",
                                       "fo:border-left": "3pt solid #2a5d8a",
                                       "fo:padding-left": "0.3cm", "fo:margin-top": "0cm",
                                       "fo:margin-bottom": bottom,
                                       "fo:padding-top": "0.1cm", "fo:padding-bottom": "0.1cm",
                                       "fo:keep-with-next": keep})
                               for name, bottom, keep in (
                                   ("TnlFiguresTitle", "0cm", "always"),
                                   ("TnlFigures", "0cm", "always"),
                                   ("TnlFiguresLast", "0.6cm", "auto"))),
                             ("TnlNumText", {"fo:text-align": "end"}),
                             ("TnlHeadNumText", {"fo:text-align": "end"})):
        style = doc.get_style("paragraph", name)
        props = style.get_element("style:paragraph-properties")
        if props is None:
            from odfdo import Element

            props = Element.from_tag("<style:paragraph-properties/>")
            style.append(props)
        for key, value in attributes.items():
            props.set_attribute(key, value)
    for width in sorted(set(_INVENTORY_WIDTHS + _SHARE_WIDTHS)):
        doc.insert_style(Style("table-column", name=f"TnlCol{width}", width=f"{width}cm"),
                         automatic=True)


def _key_figures(w: _Writer, view: dict[str, Any]) -> None:
    """The key figures in a tinted box: the figure in bold and colour, its label, its base."""
    from odfdo import LineBreak, Paragraph, Span

    w.body.append(Paragraph(view["t"]["key_figures"], style="TnlFiguresTitle"))
    figures = view["key_figures"]
    for i, f in enumerate(figures):
        paragraph = Paragraph(style="TnlFiguresLast" if i == len(figures) - 1 else "TnlFigures")
        if f["text"]:
            paragraph.append(Span(f"{f['label']}{view['t']['colon']} ", style="TnlStrong"))
            paragraph.append(f["value"])
        else:
            paragraph.append(Span(f["value"], style="TnlFigure"))
            paragraph.append(f" {f['label']}")
        if f["note"]:
            paragraph.append(LineBreak())
            paragraph.append(Span(f"({f['note']})", style="TnlFigureNote"))
        w.body.append(paragraph)


def _logo_frame(doc: Any, logo: dict[str, Any]) -> Any:
    """The logo in the package's Pictures/, in a frame at the right of the cover's title."""
    import hashlib

    from odfdo import Frame

    mime = {".png": "image/png", ".jpg": "image/jpeg"}.get(logo["extension"], "image/svg+xml")
    path = f"Pictures/{hashlib.sha256(logo['data']).hexdigest()[:32]}{logo['extension']}"
    doc.container.set_part(path, logo["data"])
    doc.manifest.add_full_path(path, mime)
    height = 2.0
    width = min(5.0, height * logo["ratio"])
    if width == 5.0:
        height = width / logo["ratio"]
    return Frame.image_frame(path, name="Logo", size=(f"{width:.2f}cm", f"{height:.2f}cm"),
                             anchor_type="as-char")


def _running_header(doc: Any, text: str) -> None:
    """The edition and the collectivity at the top of every page, small and grey, as a
    printed dossier carries them."""
    from odfdo import Element, Paragraph

    # centred, small and grey, a thin rule and some room above the text of the page
    doc.insert_style(Element.from_tag(
        '<style:style style:name="Header" style:display-name="Header" style:family="paragraph"'
        ' style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"'
        ' fo:margin-bottom="0.35cm" fo:padding-bottom="0.1cm"'
        ' fo:border-bottom="0.5pt solid #c5d3e0"/><style:text-properties fo:color="#4a4a4a"'
        ' fo:font-size="8.5pt"/></style:style>'))
    doc.get_style("master-page", "Standard").set_page_header(Paragraph(text, style="Header"))
    for header_style in doc.get_part("styles.xml").get_elements("//style:header-style"):
        header_style.append(Element.from_tag(
            '<style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.4cm"/>'))


def _cell(text: str, *, head: bool = False, number: bool = False, bold: bool = False) -> str:
    content = xml_escape(_WHITESPACE.sub(" ", text).strip(" "))
    style = ("TnlHeadNumText" if head and number else "TnlHeadText" if head
             else "TnlNumText" if number else "Standard")
    if bold and not head:
        content = f'<text:span text:style-name="TnlStrong">{content}</text:span>'
    return (f'<table:table-cell table:style-name="{"TnlHead" if head else "TnlCell"}" '
            f'office:value-type="string"><text:p text:style-name="{style}">{content}</text:p>'
            "</table:table-cell>")


def _table(w: _Writer, name: str, header: list[str], rows: list[list[str]],
           widths: tuple[float, ...], numbers: tuple[int, ...] = (),
           bold_rows: tuple[int, ...] = ()) -> None:
    """A table whose header row repeats on each page; columns in `numbers` right-aligned."""
    from odfdo import Element

    columns = "".join(f'<table:table-column table:style-name="TnlCol{width}"/>'
                      for width in widths)
    head = ("<table:table-header-rows><table:table-row>"
            + "".join(_cell(text, head=True, number=i in numbers)
                      for i, text in enumerate(header))
            + "</table:table-row></table:table-header-rows>")
    body = "".join("<table:table-row>"
                   + "".join(_cell(text, number=i in numbers, bold=r in bold_rows)
                             for i, text in enumerate(values))
                   + "</table:table-row>" for r, values in enumerate(rows))
    w.body.append(Element.from_tag(
        f'<table:table table:name={quoteattr(name)} table:style-name="TnlTable">'
        f"{columns}{head}{body}</table:table>"))


def _paragraphs(w: _Writer, text: str, style: str = "Text_20_body") -> None:
    """The user's paragraphs, line breaks kept, and lists as lists, as plain text."""
    from odfdo import LineBreak, Paragraph

    for kind, lines in blocks(text):
        if kind != "p":
            w.bullets(f"{i}. {line}" if kind == "ol" else line for i, line in enumerate(lines, 1))
            continue
        paragraph = Paragraph(style=style)
        for i, line in enumerate(lines):
            if i:
                paragraph.append(LineBreak())
            paragraph.append(line)
        w.body.append(paragraph)


def _action(w: _Writer, a: dict[str, Any], view: dict[str, Any]) -> None:
    from odfdo import Link, Paragraph

    t = view["t"]
    paragraph = Paragraph(style="TnlStatement")
    for part in a["statement"]:
        paragraph.append(Link(part["text"], text=part["text"]) if part["link"] else part["text"])
    if a["refs"]:
        refs = a["refs"]
        paragraph.append(f" ({refs['word']} ")
        numbers = refs["numbers"]
        for i, (number, anchor) in enumerate(zip(numbers, refs["ids"], strict=True)):
            if i:
                paragraph.append(f" {'et' if view['lang'] == 'fr' else 'and'} "
                                 if i == len(numbers) - 1 else ", ")
            paragraph.append(Link(f"#{anchor}", text=str(number)))
        paragraph.append(")")
    paragraph.append(a["end"])
    if a["inline"]:
        paragraph.append(" " + _WHITESPACE.sub(" ", a["justification"]).strip())
    w.body.append(paragraph)
    if a["text"]:
        _paragraphs(w, a["text"])
    if a["justification"] and not a["inline"]:
        _paragraphs(w, a["justification"])
    if a["inventory"]:
        inventory = a["inventory"]
        _table(w, f"Inventaire_{a['id']}", [t["software"], t["use"], t["licence"]],
               [[s["name"], s["use"], s["licence"] or ""] for s in inventory["software"]],
               _INVENTORY_WIDTHS)
        if inventory["shares"]:
            w.para(t["shares"], note=False).style = "TnlKeep"
            shares = inventory["shares"]
            _table(w, f"Parts_{a['id']}", [t["use"], t["free_count"], t["total"], t["share"]],
                   [[s["label"], s["free"], s["total"], s["percent"]] for s in shares],
                   _SHARE_WIDTHS, numbers=(1, 2, 3),
                   bold_rows=tuple(i for i, s in enumerate(shares) if s["is_total"]))


def _toc(entries: list[dict[str, Any]], title: str) -> Any:
    """A real table-of-contents index: entry templates that LibreOffice's Tools > Update
    regenerates from the headings (link, text, dotted tab, page number), and a body filled
    as delivered whose page numbers are page-reference fields to a bookmark in each heading,
    which a word processor computes when it lays the document out."""
    from odfdo import Element

    def template(level: int, style: str) -> str:
        return (f'<text:table-of-content-entry-template text:outline-level="{level}" '
                f'text:style-name="{style}"><text:index-entry-link-start/>'
                "<text:index-entry-text/><text:index-entry-tab-stop style:type=\"right\" "
                'style:leader-char="."/><text:index-entry-page-number/>'
                "<text:index-entry-link-end/></text:table-of-content-entry-template>")

    def entry(text: str, anchor: str, style: str) -> str:
        return (f'<text:p text:style-name="{style}"><text:a xlink:type="simple" '
                f'xlink:href="#{anchor}">{xml_escape(text)}</text:a><text:tab/>'
                f'<text:bookmark-ref text:reference-format="page" text:ref-name="{anchor}">'
                "</text:bookmark-ref></text:p>")

    # Section headings are level 2 (the cover's title stands above them), domains level 3.
    templates = "".join((template(1, "Contents_20_1"), template(2, "Contents_20_1"),
                         template(3, "Contents_20_2")))
    body = "".join(entry(f"{e['number']}. {e['title']}", e["id"], "Contents_20_1")
                   + "".join(entry(f"{c['number']} {c['title']}", c["id"], "Contents_20_2")
                             for c in e["children"]) for e in entries)
    heading = xml_escape(title)
    return Element.from_tag(
        '<text:table-of-content text:name="Sommaire" text:protected="true" '
        'text:style-name="TnlTocSection">'
        '<text:table-of-content-source text:outline-level="3" text:use-index-marks="false">'
        f'<text:index-title-template text:style-name="Contents_20_Heading">{heading}'
        f"</text:index-title-template>{templates}</text:table-of-content-source>"
        '<text:index-body><text:index-title text:name="Sommaire_Head">'
        f'<text:p text:style-name="Contents_20_Heading">{heading}</text:p></text:index-title>'
        f"{body}</text:index-body></text:table-of-content>")


def _heading(w: _Writer, level: int, text: str, anchor: str, *, new_page: bool = False) -> None:
    """A heading with a bookmark the table of contents links to and takes its page from."""
    from odfdo import Element

    style = "TnlHeadingNewPage" if new_page else f"Heading_20_{level}"
    w.body.append(Element.from_tag(
        f'<text:h text:style-name="{style}" text:outline-level="{level}">'
        f'<text:bookmark text:name="{anchor}"/>{xml_escape(text)}</text:h>'))


def _bullets(w: _Writer, items: list[str]) -> None:
    w.bullets(items)


def write(view: dict[str, Any]) -> bytes:
    """The candidacy's ODT file's bytes."""
    from odfdo import Bookmark, LineBreak, Link, Paragraph, Span

    t, meta, cover = view["t"], view["meta"], view["cover"]
    w = _Writer(view["lang"], t["page"])
    _add_styles(w.doc)
    title = f"{meta['title']} — {cover['name']}"
    w.doc.meta.set_title(title)
    w.doc.meta.set_subject(cover["name"])
    w.doc.meta.set_language("fr-FR" if view["lang"] == "fr" else "en-GB")
    w.doc.meta.set_generator(f"tnl {meta['tool_version']}")
    day = dt.date.fromisoformat(meta["date_iso"])
    w.doc.meta.set_creation_date(day)
    w.doc.meta.set_modification_date(day)

    _running_header(w.doc, meta["running"])
    if view["logo"]:  # at the right, above the title
        logo = Paragraph(style="TnlNumText")
        logo.append(_logo_frame(w.doc, view["logo"]))
        w.body.append(logo)
    w.body.append(Paragraph(meta["title"], style="TnlCoverTitle"))
    w.body.append(Paragraph(cover["name"], style="TnlCoverName"))
    if cover["kind"] or cover["where"]:
        w.para(", ".join(x for x in (cover["kind"], cover["where"]) if x)).style = "TnlCoverMeta"
    w.para(f"{cover['edition']}\u00a0— {cover['date']}").style = "TnlCoverMeta"
    if cover["address"] or cover["website"]:
        paragraph = w.para(_WHITESPACE.sub(" ", (cover["address"] or "").replace("\n", ", ")))
        paragraph.style = "TnlCoverMeta"
        if cover["website"]:
            if cover["address"]:
                paragraph.append("\u00a0— ")
            paragraph.append(Link(cover["website"], text=cover["website"])
                             if cover["website_link"] else cover["website"])
    w.para(cover["intro"]).style = "TnlCoverIntro"
    if view["key_figures"]:
        _key_figures(w, view)

    w.body.append(_toc(view["toc"], t["contents"]))

    p = view["presentation"]
    _heading(w, 2, f"{p['number']}. {p['title']}", p["id"], new_page=True)
    for fact in p["facts"]:
        w.para(fact["value"], fact["label"])
    if p["text"]:
        _paragraphs(w, p["text"])

    if view["approach"]:
        a = view["approach"]
        _heading(w, 2, f"{a['number']}. {a['title']}", a["id"])
        if a["text"]:
            _paragraphs(w, a["text"])
        if a["timeline"]:
            w.para(t["timeline"]).style = "TnlLead"
            _bullets(w, a["timeline"])
        for item in a["items"]:
            _action(w, item, view)

    if view["actions"]:
        a = view["actions"]
        _heading(w, 2, f"{a['number']}. {a['title']}", a["id"])
        if a["achievements"]:
            w.para(t["achievements"]).style = "TnlLead"
            _bullets(w, a["achievements"])
        for d in a["domains"]:
            _heading(w, 3, f"{d['number']} {d['title']}", d["id"])
            for item in d["actions"]:
                _action(w, item, view)

    for key in ("labels", "progress", "plans"):
        section = view[key]
        if not section:
            continue
        _heading(w, 2, f"{section['number']}. {section['title']}", section["id"])
        if key == "progress":  # statements, links kept, as in the actions
            w.para(section["intro"])
            for item in section["items"]:
                _action(w, item, view)
        else:
            _bullets(w, section["items"])

    s = view["signature"]
    if s["line"]:
        w.para(s["line"]).style = "TnlSignatureLine"
    if s["signatory"]:
        person = s["signatory"]
        paragraph = Paragraph(style="TnlSignatory")
        paragraph.append(Span(person["nom"], style="TnlStrong"))
        if person["fonction"]:
            paragraph.append(LineBreak())
            paragraph.append(person["fonction"])
        paragraph.append(LineBreak())
        paragraph.append(person["role"])
        w.body.append(paragraph)
    if s["responsible"]:
        person = s["responsible"]
        details = ", ".join(x for x in (person["nom"], person["fonction_inline"] if
                                        person["fonction"] else None) if x)
        paragraph = w.para(details, person["role"])
        if person["email"]:
            paragraph.append(", ")
            paragraph.append(Link(f"mailto:{person['email']}", text=person["email"]))

    if view["annexes"]:
        a = view["annexes"]
        _heading(w, 2, f"{a['number']}. {a['title']}", a["id"])
        w.para(t["annexes_intro"])
        for item in a["items"]:
            paragraph = Paragraph(style="Text_20_body")
            paragraph.append(Bookmark(item["id"]))
            paragraph.append(f"{item['number']}. ")
            if item["title"]:
                paragraph.append(Span(item["title"], style="TnlStrong"))
                if item["url"]:
                    paragraph.append(LineBreak())
            if item["url"]:
                paragraph.append(Link(item["url"], text=item["url"]) if item["link"]
                                 else item["url"])
            if item["sections"]:
                paragraph.append(f" ({t['cited_in']} "
                                 + ", ".join(x["number"] for x in item["sections"]) + ")")
            w.body.append(paragraph)

    statistics(w.doc)
    buffer = io.BytesIO()
    w.doc.save(buffer)
    return buffer.getvalue()

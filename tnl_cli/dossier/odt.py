"""The dossier as an OpenDocument text, built with odfdo from the shared view model.

Built element by element (headings, paragraphs, lists, styled tables), never from HTML, so
the user's text is only ever text. odfdo's default document numbers headings ("1.", "1.1."):
the outline numbering is switched off, and tables get explicit borders and a header style.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterable
from typing import Any
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

_WHITESPACE = re.compile(r"[ \t\n\r\f\v]+")  # ASCII only: no-break spaces are meant
_BORDER = "0.5pt solid #7f8c99"
_HEAD_BACKGROUND = "#dfe8f1"
# Column widths in cm; each table spans the 17 cm between the page margins.
_IDENTITY_WIDTHS = (5.0, 12.0)
_SCORE_WIDTHS = (6.0, 2.8, 1.7, 3.5, 3.0)
_BAR_CM = 3.2  # the longest bar of a picture, in cm
_LADDER_CM = 17.0
_SOFTWARE_WIDTHS = (8.0, 4.0, 5.0)
_SHARE_WIDTHS = (8.0, 3.0, 3.0, 3.0)
_OBLIGATION_WIDTHS = (6.5, 3.0, 7.5)
_ALL_WIDTHS = _IDENTITY_WIDTHS + _SCORE_WIDTHS + _SOFTWARE_WIDTHS + _SHARE_WIDTHS + _OBLIGATION_WIDTHS


def _no_heading_numbers(doc: Any) -> None:
    for level in doc.get_part("styles.xml").get_elements("//text:outline-level-style"):
        level.set_attribute("style:num-format", "")
        for name in ("style:num-suffix", "loext:num-list-format", "text:display-levels"):
            if level.get_attribute(name) is not None:
                level.del_attribute(name)


_FONT = "Liberation Sans"
_ACCENT = "#2a5d8a"
# (size, colour) of heading levels 1 to 4: each level clearly below the one above it.
_HEADINGS = {1: ("18pt", _ACCENT), 2: ("15pt", _ACCENT), 3: ("12.5pt", "#1e1e1e"),
             4: ("11pt", "#1e1e1e")}
_LANGUAGES = {"fr": ("fr", "FR"), "en": ("en", "GB")}


def restyle(doc: Any, lang: str, footer: str) -> None:
    """One font family for body and headings, a heading hierarchy that reads as one, the
    document's language (spelling, hyphenation) set to the rendering language, and
    "{footer} N / M" page numbers at the foot of every page."""
    from odfdo import Paragraph, Style, VarPageCount, VarPageNumber

    styles = doc.get_part("styles.xml")
    language, country = _LANGUAGES.get(lang, _LANGUAGES["fr"])
    for props in styles.get_elements(
            '//style:default-style[@style:family="paragraph"]/style:text-properties'):
        props.set_attribute("style:font-name", _FONT)
        props.set_attribute("fo:font-size", "11pt")
        props.set_attribute("fo:language", language)
        props.set_attribute("fo:country", country)
    for level, (size, colour) in _HEADINGS.items():
        for props in styles.get_elements(
                f'//style:style[@style:name="Heading_20_{level}"]/style:text-properties'):
            props.set_attribute("fo:font-size", size)
            props.set_attribute("fo:font-weight", "bold")
            props.set_attribute("fo:font-style", "normal")
            props.set_attribute("fo:color", colour)
    for props in styles.get_elements('//style:style[@style:name="Heading"]/style:text-properties'):
        props.set_attribute("style:font-name", _FONT)
        props.set_attribute("fo:font-family", f"'{_FONT}'")
    doc.insert_style(Style("paragraph", name="Footer", display_name="Footer",
                           parent_style="Standard", area="text", size="9pt", align="center",
                           color="#4a4a4a"))
    page = Paragraph(f"{footer} ", style="Footer")
    page.append(VarPageNumber())
    page.append(" / ")
    page.append(VarPageCount())
    doc.get_style("master-page", "Standard").set_page_footer(page)


def statistics(doc: Any) -> None:
    """The meta statistics a reader (and LibreOffice's File > Properties) shows."""
    body = doc.body
    text = " ".join(p.text_recursive for p in body.get_paragraphs() + body.get_headers())
    doc.meta.set_statistic({
        "meta:table-count": len(body.get_tables()),
        "meta:image-count": 0,
        "meta:object-count": 0,
        "meta:page-count": 1,
        "meta:paragraph-count": len(body.get_paragraphs()) + len(body.get_headers()),
        "meta:word-count": len(text.split()),
        "meta:character-count": len(text),
        "meta:non-whitespace-character-count": sum(not ch.isspace() for ch in text),
    })


def _add_styles(doc: Any) -> None:
    from odfdo import Style, create_table_cell_style

    cell = create_table_cell_style(border=_BORDER, padding="0.08cm")
    cell.name = "TnlCell"
    head = create_table_cell_style(border=_BORDER, padding="0.08cm",
                                   background_color=_HEAD_BACKGROUND)
    head.name = "TnlHead"
    table = Style("table", name="TnlTable", width="17cm", align="margins")
    strong = Style("text", name="TnlStrong", bold=True)
    head_text = Style("paragraph", name="TnlHeadText", area="text", bold=True)
    note = Style("paragraph", name="TnlNote", parent_style="Text_20_body", area="text",
                 italic=True)
    columns = [Style("table-column", name=f"TnlCol{width}", width=f"{width}cm")
               for width in sorted(set(_ALL_WIDTHS))]
    for style in (cell, head, table, strong, head_text, note, *columns):
        doc.insert_style(style, automatic=True)
    props = table.get_element("style:table-properties")
    if props is not None:  # room between a table and the text around it
        props.set_attribute("fo:margin-top", "0.15cm")
        props.set_attribute("fo:margin-bottom", "0.3cm")
    from odfdo import Element

    for name, colour in (("TnlBarFill", _ACCENT), ("TnlBarEmpty", "#e3e9ef"),
                         ("TnlBarFree", "#1d7a32"), ("TnlBarOther", "#b9c2cc")):
        doc.insert_style(Element.from_tag(
            f'<style:style style:name="{name}" style:family="graphic"><style:graphic-properties'
            f' draw:stroke="none" draw:fill="solid" draw:fill-color="{colour}"'
            ' style:vertical-pos="middle" style:vertical-rel="text"'
            ' style:wrap="none"/></style:style>'), automatic=True)
    for name, colour, text in (("TnlRungOn", _ACCENT, "#ffffff"),
                               ("TnlRungRange", "#c5d3e0", "#1e1e1e"),
                               ("TnlRungOff", "#eef2f6", "#4a4a4a")):
        doc.insert_style(Element.from_tag(
            f'<style:style style:name="{name}" style:family="table-cell"><style:table-cell-'
            f'properties fo:background-color="{colour}" fo:border="1.5pt solid #ffffff"'
            ' fo:padding="0.12cm"/></style:style>'), automatic=True)
        doc.insert_style(Element.from_tag(
            f'<style:style style:name="{name}Text" style:family="paragraph">'
            '<style:paragraph-properties fo:text-align="center"/>'
            f'<style:text-properties fo:color="{text}" fo:font-weight="bold"/></style:style>'),
            automatic=True)
    for tag in ('<style:style style:name="TnlNum" style:family="paragraph">'
                '<style:paragraph-properties fo:text-align="end"/></style:style>',
                '<style:style style:name="TnlHeadNum" style:family="paragraph">'
                '<style:paragraph-properties fo:text-align="end"/>'
                '<style:text-properties fo:font-weight="bold"/></style:style>',
                '<style:style style:name="TnlLevel" style:family="paragraph" '
                'style:parent-style-name="Text_20_body"><style:paragraph-properties '
                'fo:keep-with-next="always"/><style:text-properties fo:font-weight="bold"/>'
                "</style:style>",
                '<style:style style:name="TnlUses" style:family="paragraph" '
                'style:parent-style-name="Text_20_body"><style:paragraph-properties>'
                '<style:tab-stops><style:tab-stop style:position="6.5cm"/>'
                '<style:tab-stop style:position="10.2cm"/></style:tab-stops>'
                "</style:paragraph-properties></style:style>",
                '<style:style style:name="TnlHeadingNewPage" style:family="paragraph" '
                'style:parent-style-name="Heading_20_2"><style:paragraph-properties '
                'fo:break-before="page"/></style:style>'):
        doc.insert_style(Element.from_tag(tag), automatic=True)


class _Writer:
    """Appends to the body of one document; every text goes in as plain text."""

    def __init__(self, lang: str, footer: str = "Page") -> None:
        from odfdo import Document

        self.lang = lang
        self.doc = Document("text")
        _no_heading_numbers(self.doc)
        _add_styles(self.doc)
        restyle(self.doc, lang, footer)
        self.body = self.doc.body
        for paragraph in self.body.get_paragraphs():
            self.body.delete(paragraph)

    def heading(self, level: int, text: str) -> None:
        from odfdo import Header

        header = Header(level, text)
        header.style = f"Heading_20_{level}"  # odfdo's Header ignores its style argument
        self.body.append(header)

    def para(self, text: str = "", label: str | None = None, *, note: bool = False) -> Any:
        from odfdo import Paragraph, Span

        paragraph = Paragraph(style="TnlNote" if note else "Text_20_body")
        if label:
            paragraph.append(Span(f"{label}\u00a0: " if self.lang == "fr" else f"{label}: ",
                                  style="TnlStrong"))
        if text:
            paragraph.append(text)
        self.body.append(paragraph)
        return paragraph

    def link_para(self, url: str, link: bool) -> Any:
        from odfdo import Link, Paragraph

        paragraph = Paragraph(style="Text_20_body")
        paragraph.append(Link(url, text=url) if link else url)
        return paragraph

    def bullets(self, items: Iterable[Any]) -> None:
        """A bulleted list; items are strings or ready paragraphs (links)."""
        from odfdo import List, ListItem, Paragraph

        bullet_list = List()
        for item in items:
            entry = ListItem()
            entry.append(item if not isinstance(item, str) else Paragraph(item))
            bullet_list.append(entry)
        self.body.append(bullet_list)

    def table(self, name: str, header: list[str], rows: list[list[str]],
              widths: tuple[float, ...], head_column: bool = False) -> None:
        """A bordered table, written as one XML fragment: odfdo parses a fragment for every
        element it creates, which made cell-by-cell tables the bulk of the rendering time."""
        from odfdo import Element

        columns = "".join(f'<table:table-column table:style-name="TnlCol{width}"/>'
                          for width in widths)
        head = ""
        if header:
            head = ("<table:table-header-rows><table:table-row>"
                    + "".join(_cell(text, True) for text in header)
                    + "</table:table-row></table:table-header-rows>")
        body = "".join("<table:table-row>"
                       + "".join(_cell(text, head_column and i == 0) for i, text in enumerate(values))
                       + "</table:table-row>" for values in rows)
        self.body.append(Element.from_tag(
            f'<table:table table:name={quoteattr(name)} table:style-name="TnlTable">'
            f"{columns}{head}{body}</table:table>"))


def _cell(text: str, head: bool) -> str:
    """One string cell; whitespace runs become one space, as in the Markdown table cells."""
    content = xml_escape(_WHITESPACE.sub(" ", text).strip(" "))
    if head:
        return ('<table:table-cell table:style-name="TnlHead" office:value-type="string">'
                f'<text:p text:style-name="TnlHeadText">{content}</text:p></table:table-cell>')
    return ('<table:table-cell table:style-name="TnlCell" office:value-type="string">'
            f"<text:p>{content}</text:p></table:table-cell>")


def _rect(style: str, width: float, height: float = 0.32) -> str:
    """A filled rectangle drawn in the line of text (a bar of a picture)."""
    if width <= 0:
        return ""
    return (f'<draw:rect text:anchor-type="as-char" draw:z-index="0" draw:style-name="{style}"'
            f' svg:width="{width:.2f}cm" svg:height="{height:.2f}cm"><text:p/></draw:rect>')


def _bar(ratio: float) -> str:
    """A bar of `ratio` (0..1): the filled part, then the rest in a light tint."""
    ratio = max(0.0, min(1.0, ratio))
    return _rect("TnlBarFill", _BAR_CM * ratio) + _rect("TnlBarEmpty", _BAR_CM * (1 - ratio))


def _domain_table(w: _Writer, view: dict[str, Any]) -> None:
    """The score per domain with a drawn bar and right-aligned figures, like the HTML."""
    from odfdo import Element

    t = view["t"]

    def cell(content: str, style: str = "Standard", head: bool = False) -> str:
        return (f'<table:table-cell table:style-name="{"TnlHead" if head else "TnlCell"}" '
                f'office:value-type="string"><text:p text:style-name="{style}">{content}'
                "</text:p></table:table-cell>")

    columns = "".join(f'<table:table-column table:style-name="TnlCol{width}"/>'
                      for width in _SCORE_WIDTHS)
    header = "".join(cell(xml_escape(text), "TnlHeadNum" if i in (1, 2, 4) else "TnlHeadText",
                          head=True)
                     for i, text in enumerate((t["domain"], t["points"], t["ratio"], t["bar"],
                                               t["met"])))
    rows = "".join(
        "<table:table-row>" + cell(xml_escape(d["name"])) + cell(xml_escape(d["points"]), "TnlNum")
        + cell(xml_escape(d["percent"]), "TnlNum") + cell(_bar(d["ratio"]))
        + cell(xml_escape(d["met"]), "TnlNum") + "</table:table-row>" for d in view["domains"])
    w.body.append(Element.from_tag(
        '<table:table table:name="Scores" table:style-name="TnlTable">'
        f"{columns}<table:table-header-rows><table:table-row>{header}</table:table-row>"
        f"</table:table-header-rows>{rows}</table:table>"))


def _overview(w: _Writer, view: dict[str, Any]) -> None:
    """The first page: verdict, level with its range, the Badge, the tier ladder drawn, the
    five actions that come first, free and proprietary software per use drawn."""
    from odfdo import Element, Paragraph, Span

    t, o = view["t"], view["overview"]
    w.heading(2, t["overview"])
    paragraph = w.para(label=t["verdict"])
    paragraph.append(Span(o["verdict_text"], style="TnlStrong"))
    if o["verdict_sentence"]:
        paragraph.append(f". {o['verdict_sentence']}")
    if o["level"]:
        w.body.append(Paragraph(o["level"], style="TnlLevel"))
    if o["badge"]:
        w.para(o["badge"])
    if o["ladder"]:
        w.para(t["ladder"]).style = "TnlLevel"
        width = round(_LADDER_CM / len(o["ladder"]), 2)
        cells = "".join(
            f'<table:table-cell table:style-name="{style}" office:value-type="string">'
            f'<text:p text:style-name="{style}Text">{xml_escape(tier["name"])}'
            f'{" ▲ " + xml_escape(t["ladder_here"]) if tier["current"] else ""}</text:p>'
            "</table:table-cell>"
            for tier in o["ladder"]
            for style in ("TnlRungOn" if tier["reached"] else
                          "TnlRungRange" if tier["in_range"] else "TnlRungOff",))
        w.doc.insert_style(Element.from_tag(
            f'<style:style style:name="TnlRung{width}" style:family="table-column">'
            f'<style:table-column-properties style:column-width="{width}cm"/></style:style>'),
            automatic=True)
        w.body.append(Element.from_tag(
            '<table:table table:name="Niveaux" table:style-name="TnlTable">'
            + f'<table:table-column table:style-name="TnlRung{width}"/>' * len(o["ladder"])
            + f"<table:table-row>{cells}</table:table-row></table:table>"))
    if o["top"]:
        w.heading(3, o["top_title"])
        for i, s in enumerate(o["top"], 1):
            paragraph = w.para()
            paragraph.append(Span(f"{i}. {s['question']}", style="TnlStrong"))
            facts = ", ".join(x for x in (s["domain"], s["effort"], s["target"]) if x)
            paragraph.append(f" — {facts}.")
        if o["more"]:
            w.para(t["top_more"], note=True)
    w.heading(3, t["domains"])
    _domain_table(w, view)
    if o["uses"]:
        w.heading(3, t["uses_chart"])
        for u in o["uses"]:
            w.body.append(Element.from_tag(
                '<text:p text:style-name="TnlUses">'
                f'<text:span text:style-name="TnlStrong">{xml_escape(u["label"])}</text:span>'
                "<text:tab/>" + _rect("TnlBarFree", _BAR_CM * u["free_width"])
                + _rect("TnlBarOther", _BAR_CM * u["other_width"])
                + f"<text:tab/>{xml_escape(u['text'])}</text:p>"))


def _identity(w: _Writer, view: dict[str, Any]) -> None:
    t = view["t"]
    w.heading(2, t["identity"])
    w.body.get_headers()[-1].style = "TnlHeadingNewPage"  # after the first page
    w.table("Identite", [], [[r["label"], r["value"]] for r in view["collectivite"]["rows"]],
            _IDENTITY_WIDTHS, head_column=True)
    w.heading(3, t["referents"])
    for p in view["referents"]:
        details = ", ".join(x for x in (p["nom"], p["fonction"], p["email"]) if x)
        w.para(details, p["role"])


def _summary(w: _Writer, view: dict[str, Any]) -> None:
    t, s = view["t"], view["summary"]
    w.heading(2, t["summary"])
    w.para(f"{s['verdict_text']} — {s['verdict_sentence']}", t["verdict"])
    if s["reasons"]:
        w.bullets(s["reasons"])
    if s["level"]:
        w.para(s["level"], t["level"])
        w.para(s["estimate"], note=True)
    w.para(s["score"], t["score"])
    if s["mentions"]:
        w.para(label=t["mentions"])
        w.bullets(f"{m['name']} — {m['why']}" for m in s["mentions"])
    if s["warnings"]:
        w.para(label=t["warnings"])
        w.bullets(s["warnings"])
    w.heading(3, t["obligations"])
    w.para(s["open_data"], t["open_data"])
    if s["legal_checks"]:
        w.para(label=t["legal"])
        w.bullets(check["text"] for check in s["legal_checks"])
    if s["obligations"]:
        w.para(t["obligations_intro"])
        w.table("Obligations", [t["obligation"], t["situation"], t["basis"]],
                [[o["question"], o["status_text"], o["basis"]] for o in s["obligations"]],
                _OBLIGATION_WIDTHS)


def _answers(w: _Writer, view: dict[str, Any]) -> None:
    from odfdo import Link

    t = view["t"]
    w.heading(2, t["answers"])
    for d in view["domains"]:
        w.heading(3, d["name"])
        w.para(d["description"], note=True)
        if not d["criteria"] and not d["unanswered"]:
            w.para(t["no_criteria"])
        for c in d["criteria"]:
            w.heading(4, c["question"])
            facts = [x for x in (c["points"], c["status"], t["gate"] if c["gate"] else None) if x]
            if c["software"]:
                w.para(f"({', '.join(facts)})" if facts else "", t["answer"])
                w.table(f"Logiciels_{c['id']}",
                        [t["software"], t["software_status"], t["licence"]],
                        [[sw["name"], sw["status"], sw["licence"] or ""] for sw in c["software"]],
                        _SOFTWARE_WIDTHS)
                if c["shares"]:
                    w.para(label=t["shares"])
                    w.table(f"Parts_{c['id']}", [t["use"], t["free_count"], t["total"], "%"],
                            [[sh["label"], sh["free"], sh["total"], sh["percent"]]
                             for sh in c["shares"]],
                            _SHARE_WIDTHS)
            elif c["answer_link"]:
                paragraph = w.para(label=t["answer"])
                paragraph.append(Link(c["answer"], text=c["answer"]))
                paragraph.append(f" ({', '.join(facts)})")
            elif c["long_answer"]:
                w.para(f"({', '.join(facts)})" if facts else "", t["answer"])
                w.para(c["answer"])
            else:
                w.para(f"{c['answer']} ({', '.join(facts)})" if facts else c["answer"],
                       t["answer"])
            if c["justification"]:
                w.para(c["justification"], t["justification"])
            elif c["to_justify"]:
                w.para(t["to_justify"], note=True)
            if c["evidence"]:
                w.para(label=t["evidence"])
                w.bullets(w.link_para(e["url"], e["link"]) for e in c["evidence"])
            for source in c["sources"]:
                w.para(source, t["source"], note=True)
        if d["unanswered"]:
            w.para(label=t["unanswered"])
            w.bullets(u["question"] + (f" ({t['gate']})" if u["gate"] else "")
                      for u in d["unanswered"])


def _steps(w: _Writer, steps: list[dict[str, Any]]) -> None:
    for s in steps:
        w.heading(4, s["question"])
        facts = ", ".join(x for x in (s["domain"], s["effort"], s["target"]) if x)
        w.para(facts, note=True)
        w.para(s["recommendation"])


def _path(w: _Writer, view: dict[str, Any]) -> None:
    t, nl = view["t"], view["next_level"]
    w.heading(2, t["next"])
    if nl is not None:
        w.heading(3, nl["title"])
        w.para(nl["intro"])
        _steps(w, nl["steps"])
    if view["next_note"]:
        w.para(view["next_note"])
    if view["other_steps"]:
        w.heading(3, t["other_steps"])
        _steps(w, view["other_steps"])
    if view["replacements"]:
        w.heading(3, t["replacements"])
        w.bullets(view["replacements"])


def _sources(w: _Writer, view: dict[str, Any]) -> None:
    t = view["t"]
    w.heading(2, t["sources"])
    w.para(t["sources_intro"])
    for f in view["sources"]:
        w.para(f"{f['kind']} ({f['file']})", note=False)
        w.bullets(f["answers"])


def _checklist(w: _Writer, view: dict[str, Any]) -> None:
    t = view["t"]
    w.heading(2, t["checklist"])
    w.para(t["checklist_intro"], note=True)
    for item in view["checklist"]:
        mark = "☑" if item["done"] else "☐"
        w.para(f"{mark} {item['text']} ({item['label']})")
        if item["details"]:
            w.bullets(item["details"])


def write_report(view: dict[str, Any]) -> bytes:
    """The self-assessment report's ODT file's bytes."""
    w = _Writer(view["lang"], "Page")
    meta = view["meta"]
    title = f"{meta['title']} — {view['collectivite']['display_name']}"
    w.doc.meta.set_title(title)
    w.doc.meta.set_language("fr-FR" if view["lang"] == "fr" else "en-GB")
    w.doc.meta.set_generator(f"tnl {meta['tool_version']}")
    day = dt.date.fromisoformat(meta["date_iso"])
    w.doc.meta.set_creation_date(day)
    w.doc.meta.set_modification_date(day)
    w.heading(1, title)
    w.para(view["summary"]["intro"])
    _overview(w, view)
    _identity(w, view)
    _summary(w, view)
    _answers(w, view)
    _path(w, view)
    if view["sources"]:
        _sources(w, view)
    _checklist(w, view)
    w.heading(2, view["t"]["about"])
    w.para(meta["generated"])
    statistics(w.doc)
    buffer = io.BytesIO()
    w.doc.save(buffer)
    return buffer.getvalue()



# Other documents (the territory synthesis) are built with the same writer and styles.
DocumentWriter = _Writer

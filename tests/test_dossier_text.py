"""Markdown escaping and HTML paragraphs of user text, checked against a CommonMark reader."""

from __future__ import annotations

import html

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from tnl_cli.dossier.text import clean, html_paragraphs, is_link, md_block, md_escape

READER = MarkdownIt("commonmark").enable("table").enable("strikethrough")


def reads_as(markdown: str) -> str:
    """What a Markdown reader shows for `markdown`, when it is one plain paragraph."""
    rendered = READER.render(markdown)
    assert rendered.startswith("<p>") and rendered.endswith("</p>\n"), rendered
    inner = rendered[3:-5]
    assert "<" not in inner, rendered  # no tag of any kind: no link, emphasis, code, HTML
    return html.unescape(inner)


@pytest.mark.parametrize("text, escaped", [
    ("Saint-Libre-sur-Loire", "Saint-Libre-sur-Loire"),
    ("code_publie et __init__", "code_publie et \\_\\_init\\_\\_"),
    ("# titre", "\\# titre"),
    ("#hashtag", "#hashtag"),
    ("Question #", "Question \\#"),
    ("- item", "\\- item"),
    ("-5 degrés", "-5 degrés"),
    ("+ plus", "\\+ plus"),
    ("> cite", "\\> cite"),
    ("1. un", "1\\. un"),
    ("12.5 %", "12.5 %"),
    ("2) deux", "2\\) deux"),
    ("===", "\\==="),
    ("---", "\\---"),
    ("a | b", "a \\| b"),
    ("[lien](http://x)", "\\[lien\\](http://x)"),
    ("<b>gras</b>", "\\<b\\>gras\\</b\\>"),
    ("**fort** *em*", "\\*\\*fort\\*\\* \\*em\\*"),
    ("`code`", "\\`code\\`"),
    ("~~barré~~", "\\~\\~barré\\~\\~"),
    ("a\\b", "a\\\\b"),
    ("AT&T &amp; &#60;", "AT&T \\&amp; \\&#60;"),
    ("{{ 7*7 }}", "{{ 7\\*7 }}"),
    ("deux\nlignes\n\n  et   plus", "deux lignes et plus"),
    ("Oui\u00a0:", "Oui\u00a0:"),
])
def test_md_escape(text: str, escaped: str) -> None:
    assert md_escape(text) == escaped


def test_md_escape_accepts_any_value() -> None:
    assert md_escape(12.5) == "12.5"
    assert md_escape("a\x00b\x1bc\x7f") == "abc"


def test_md_block_keeps_paragraphs_and_escapes_every_line() -> None:
    text = "Premier paragraphe.\nSuite\n\n\n# faux titre\n    Code\n- liste"
    assert md_block(text) == "Premier paragraphe.\\\nSuite\n\n\\# faux titre\\\nCode\n\n- liste"


ALPHABET = st.sampled_from(list("#>-+*_[]()|<>\\`~!&;:=.1 aZé/\"'{}%") + ["&amp;", "&#60;",
                                                                          "http://x.y", "\n"])


@settings(max_examples=400, deadline=None)
@given(st.lists(ALPHABET, max_size=30).map("".join))
def test_md_escape_always_reads_back_as_the_same_text(text: str) -> None:
    expected = " ".join(text.split())
    if not expected:
        assert md_escape(text) == ""
        return
    assert reads_as(md_escape(text)) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(ALPHABET, max_size=30).map("".join))
def test_md_escape_is_safe_in_a_table_cell(text: str) -> None:
    cell = md_escape(text)
    rendered = READER.render(f"| a | b |\n| --- | --- |\n| {cell} | x |\n")
    assert rendered.count("<td>") == 2  # the cell stays one cell, the row two cells
    assert "<a " not in rendered and "<em>" not in rendered and "<code>" not in rendered


def test_html_paragraphs() -> None:
    out = html_paragraphs("a <b>\nC & d\n\n\n<script>x</script>")
    assert str(out) == "<p>a &lt;b&gt;<br>\nC &amp; d</p>\n<p>&lt;script&gt;x&lt;/script&gt;</p>"


@pytest.mark.parametrize("url, ok", [
    ("https://data.example.org/a_b?x=1&y=2", True),
    ("http://example.org", True),
    ("HTTPS://EXAMPLE.ORG/", True),
    ("javascript:alert(1)", False),
    ("https://x.org/\"><script>", False),
    ("https://x.org/a b", False),
    ("ftp://x.org", False),
    ("https://x.org/\x00", False),
])
def test_is_link(url: str, ok: bool) -> None:
    assert is_link(url) is ok


def test_clean_drops_controls_keeps_text() -> None:
    assert clean("a\r\nb\rc\x00d\x0be\tf\ud800") == "a\nb\ncd" + "e\tf"


def test_a_sentence_wrapped_by_hand_is_one_line_again() -> None:
    text = "La Communauté exerce\nses compétences.\n2025 : messagerie.\n2026 : serveurs"
    assert md_block(text) == ("La Communauté exerce ses compétences.\\\n2025 : messagerie.\\\n"
                              "2026 : serveurs")

"""Making the user's text safe in a dossier: Markdown escaping, HTML paragraphs, link checks.

Names, justifications and URLs come from the answers file: whatever they contain, they must
read as plain text and never turn into headings, tables, links, HTML or template code.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from markupsafe import Markup, escape

from tnl_cli import textsafe

# Characters that can start or end inline Markdown constructs anywhere in a line
# (emphasis, code, links, images, autolinks and raw HTML, GFM tables and strikethrough).
_INLINE = re.compile(r"[\\`*\[\]<>|~]")
# Underscore emphasis needs a non-alphanumeric neighbour: `code_publie` stays as it is.
_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
# `&amp;`, `&#38;`, `&#x26;`: entity references would be decoded by a Markdown reader.
_ENTITY = re.compile(r"&(?=#?\w+;)")
# Block constructs recognised at the start of a line.
_LINE_START = re.compile(r"^(?:(?P<mark>#{1,6}|[-+*]|>|=+|-+)(?=\s|$)|(?P<gt>>)"
                         r"|(?P<num>\d{1,9})(?P<delim>[.)])(?=\s|$))")
_TRAILING_HASHES = re.compile(r"(\s)(#+)(\s*)$")
# ASCII whitespace only: a no-break space (French "Oui :") is meaningful and kept.
_WS = " \t\n\r\f\v"
_SPACES = re.compile(f"[{_WS}]+")
_BLANK_LINES = re.compile(f"\n[{_WS}]*\n")
# Only plain web links become links; no spaces, quotes, angle brackets or controls.
_LINK = re.compile(r"^https?://[^\s<>\"'`\\\x00-\x1f\x7f]+$", re.IGNORECASE)


def clean(text: str) -> str:
    """Drop control characters (but tab and newline), bidi overrides and isolates (U+202E
    would show `exe.txt` as `txt.exe`) and lone surrogates, which ODF, XML and some Markdown
    readers refuse; unify line ends."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.isprintable():
        return text
    return "".join(ch for ch in textsafe.clean(text) if unicodedata.category(ch) != "Cs")


def _escape_line(line: str) -> str:
    line = line.strip(_WS)
    line = _INLINE.sub(lambda m: "\\" + m.group(0), line)
    line = _UNDERSCORE.sub(r"\\_", line)
    line = _ENTITY.sub(r"\\&", line)
    match = _LINE_START.match(line)
    if match:
        if match.group("num"):
            end = match.end("num")
            line = line[:end] + "\\" + line[end:]
        elif not line.startswith("\\"):
            line = "\\" + line
    return _TRAILING_HASHES.sub(r"\1\\\2\3", line)


def md_escape(text: object) -> str:
    """Inline Markdown: one line whatever the input, every special character backslash-escaped
    where it could take effect. Fit for table cells, list items and headings."""
    return _md_escape(str(text))


@lru_cache(maxsize=16384)  # catalog texts and labels recur in every dossier of a batch
def _md_escape(text: str) -> str:
    return _escape_line(_SPACES.sub(" ", clean(text)))


# A line of the user's text that is a list item: "- …", "* …", "• …", "1. …", "2) …".
_ITEM = re.compile(r"^(?:[-*•–]|(?P<num>\d{1,3})[.)])[ \t]+(?P<text>\S.*)$")


# A line that ends inside a sentence (no final punctuation): the next line continues it
# when it starts in lower case, as in a YAML block wrapped by hand.
_WRAPPED = re.compile(r"[^.!?:;…»)\]]$")


def blocks(text: object) -> list[tuple[str, list[str]]]:
    """The user's text as blocks: ("p", lines) paragraphs, ("ul", items) and ("ol", items)
    lists, so that every format keeps a list the user typed as a list; a sentence the user
    wrapped by hand is one line again."""
    out: list[tuple[str, list[str]]] = []
    for paragraph in _BLANK_LINES.split(clean(str(text)).strip(_WS)):
        for line in (line.strip(_WS) for line in paragraph.split("\n")):
            if not line:
                continue
            match = _ITEM.match(line)
            kind = ("ol" if match.group("num") else "ul") if match else "p"
            line = match.group("text") if match else line
            if (kind == "p" and out and out[-1][0] == "p" and out[-1][1][-1] is not None
                    and _WRAPPED.search(out[-1][1][-1]) and line[:1].islower()):
                out[-1][1][-1] += " " + line  # a line wrapped by hand inside a sentence
            elif out and out[-1][0] == kind and (kind != "p" or out[-1][1][-1] is not None):
                out[-1][1].append(line)
            else:
                out.append((kind, [line]))
        if out and out[-1][0] == "p":
            out[-1][1].append(None)  # type: ignore[arg-type]  # the paragraph ends here
    return [(kind, [x for x in lines if x is not None]) for kind, lines in out]


def md_block(text: object) -> str:
    """Markdown paragraphs and lists: the user's paragraph breaks and lists kept, each line
    escaped as inline text, the lines of a paragraph kept apart by hard line breaks."""
    out = []
    for kind, lines in blocks(text):
        escaped = [_escape_line(line) for line in lines]
        if kind == "p":
            out.append("\\\n".join(escaped))
        else:
            out.append("\n".join(f"{i}. {line}" if kind == "ol" else f"- {line}"
                                 for i, line in enumerate(escaped, 1)))
    return "\n\n".join(out)


def html_paragraphs(text: object) -> Markup:
    """HTML paragraphs and lists from plain text: escaped, paragraph breaks kept, line breaks
    as <br>, the user's lists as lists."""
    parts = []
    for kind, lines in blocks(text):
        if kind == "p":
            parts.append(Markup("<p>") + Markup("<br>\n").join(escape(x) for x in lines)
                         + Markup("</p>"))
        else:
            items = Markup("").join(Markup("<li>") + escape(x) + Markup("</li>") for x in lines)
            parts.append(Markup(f"<{kind}>") + items + Markup(f"</{kind}>"))
    return Markup("\n").join(parts)


def is_link(url: str) -> bool:
    """True for an http(s) URL safe to make into a link (no javascript:, no markup)."""
    return bool(_LINK.match(url))

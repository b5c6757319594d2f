"""Text from input made safe to print: no terminal control sequence, no bidi trick.

An answers file, a `--set` value, a spreadsheet cell or header may hold ESC (`\\x1b]0;title\\x07`
changes the window title, OSC 52 writes the clipboard, `\\x1b[2J` clears the screen) or a bidi
override (U+202E shows `exe.txt` as `txt.exe`). Every text that comes from input and reaches a
terminal goes through `clean` (or `escaped` when the user must see what was there, e.g. an error
echoing the bad value). Ground floor: imports nothing from the package.
"""

from __future__ import annotations

import re

# C0 controls but newline and tab, DEL, C1 controls; bidi embeddings/overrides and isolates.
_UNSAFE = (
    [c for c in range(0x00, 0x20) if c not in (0x09, 0x0A)]
    + [0x7F]
    + list(range(0x80, 0xA0))
    + list(range(0x202A, 0x202F))
    + list(range(0x2066, 0x206A))
)
_REMOVE = dict.fromkeys(_UNSAFE)
_ESCAPE = {c: (f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}") for c in _UNSAFE}
_ESCAPE_ALL = {**_ESCAPE, 0x0A: "\\n", 0x09: "\\t"}
UNSAFE_CHARS = frozenset(chr(c) for c in _UNSAFE)
# One C-level scan finds whether there is anything to do: multi-line text (a report, JSON) is
# not `isprintable()`, and translating it whole cost milliseconds on every command's output.
_find = re.compile("[" + "".join(re.escape(chr(c)) for c in _UNSAFE) + "]").search


def clean(text: object) -> str:
    """`text` without control characters (newline and tab kept) nor bidi overrides/isolates."""
    text = text if isinstance(text, str) else str(text)
    if text.isprintable() or not _find(text):  # the usual case: nothing to remove
        return text
    return text.translate(_REMOVE)


def escaped(text: object, *, one_line: bool = False) -> str:
    """`text` with each unsafe character shown as `\\x1b` / `\\u202e`: for echoing a bad value
    so that the user sees what is wrong with it; `one_line` escapes newlines and tabs too."""
    text = text if isinstance(text, str) else str(text)
    if text.isprintable() or not (one_line or _find(text)):
        return text
    return text.translate(_ESCAPE_ALL if one_line else _ESCAPE)


_JSON = {c: f"\\u{c:04x}" for c in _UNSAFE if c >= 0x20}


def escaped_json(text: str) -> str:
    """JSON text (from `json.dumps(..., ensure_ascii=False)`, which escapes C0 only) with DEL,
    C1 and bidi characters escaped too: the same data, nothing a terminal would act on. These
    characters are not JSON syntax, so they can only stand inside strings."""
    return text if text.isprintable() or not _find(text) else text.translate(_JSON)


def is_clean(text: str) -> bool:
    """True when `text` holds nothing `clean` would remove."""
    return text.isprintable() or not _find(text)

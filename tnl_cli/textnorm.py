"""Lenient text comparison: case, accents, punctuation and spacing do not matter."""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """'Communauté d’Agglo.' -> 'communaute d agglo'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_ALNUM.sub(" ", stripped.replace("œ", "oe").replace("æ", "ae")).strip()

"""Lenient text comparison: case, accents, punctuation and spacing do not matter."""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_SPACES = re.compile(r"\s+")


def unaccented(text: str) -> str:
    """'Édition Œuvre' -> 'edition œuvre': case folded, compatibility forms decomposed (NFKD),
    accents dropped; ligatures and punctuation kept."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """'Communauté d’Agglo.' -> 'communaute d agglo'."""
    stripped = unaccented(text)
    return _NON_ALNUM.sub(" ", stripped.replace("œ", "oe").replace("æ", "ae")).strip()


def fold_word(text: str) -> str:
    """' Vrai ' -> 'vrai', 'NON' -> 'non': case, accents and spacing folded, nothing else.

    For answers read as a fixed word (yes/no): punctuation and signs are kept, so that '-1',
    '(non)' or 'oui?' stay what they are instead of becoming '1', 'non', 'oui'. Canonical
    decomposition only (NFD): full-width or other compatibility forms are not folded."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped).strip()

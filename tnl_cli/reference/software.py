"""The software catalog: is a product free, what is it for, what replaces a proprietary one.

Collectivities list the software they use in their own words ("Libre Office 7.6", "MS Office
2019"); the label asks how much of it is free. `match` recognises a name in the catalog built by
`scripts/build_software.py` (SILL 2020 + hand-curated complements), or says it does not know
it, so the user can qualify it instead of the tool guessing.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from tnl_cli.textnorm import unaccented

_DATA = "logiciels.json"
PROPRIETARY = "LicenseRef-proprietary"  # the catalog's licence of a proprietary product
UNVERIFIED = "unknown"  # the catalog's licence of a product whose licence nobody checked
# Words that qualify an edition rather than name a product: "GitLab Community Edition",
# "Office Professional Plus", "Firefox ESR".
_NOISE = frozenset(
    """
    bit bits business ce community desktop edition ee enterprise entreprise esr famille fr
    francais french home lts plus portable pro professional standard version x64 x86
    """.split()  # noqa: SIM905  (a word list reads better as text)
)
_VERSION = re.compile(r"(?:v|r|sp)?\d+(?:[.,](?:\d+|x))*[a-z]?")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# Scores are rapidfuzz-like similarities, 0 to 100.
_EXACT = 100.0
_CONTAINS = 90.0  # the query is a catalog name plus other words ("Adobe Acrobat Reader DC")
_FUZZY_CUTOFF = 85.0
_MIN_FUZZY_LENGTH = 4  # shorter queries must match exactly: "vl" is not VLC
_MIN_COVERAGE = 0.4  # share of the query a contained name must cover


@dataclass(frozen=True)
class Software:
    """One catalog entry. `alternatives` are ids of free software replacing a proprietary one."""

    id: str
    name: str
    free: bool
    licence: str  # SPDX expression, UNVERIFIED or PROPRIETARY
    function: str  # in French, for display
    use_domain: str  # bureautique, messagerie, systeme, sig, ... (see the data's metadata)
    alternatives: tuple[str, ...]
    sill_status: str | None  # SILL 2020: R recommended, O under observation, FR no longer


@dataclass(frozen=True)
class Match:
    """What a name given by the user was recognised as; software None means unknown."""

    query: str
    software: Software | None
    score: float


@dataclass(frozen=True)
class _Key:
    """One way to name a software (name, alias or id), folded for comparison."""

    words: str
    compact: str
    tokens: frozenset[str]
    software_id: str


class _Catalog:
    """The catalog and its lookup tables, built once from the JSON data."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.metadata: dict[str, Any] = data["metadata"]
        self.software = {
            entry["id"]: Software(
                id=entry["id"],
                name=entry["name"],
                free=entry["free"],
                licence=entry["licence"],
                function=entry["function"],
                use_domain=entry["use_domain"],
                alternatives=tuple(entry["alternatives"]),
                sill_status=entry["sill_status"],
            )
            for entry in data["software"]
        }
        self.keys: list[_Key] = []
        for entry in data["software"]:
            for name in {entry["id"], entry["name"], *entry["aliases"]}:
                words = normalise_name(name)
                if words:
                    compact = words.replace(" ", "")
                    self.keys.append(_Key(words, compact, frozenset(words.split()), entry["id"]))
        self.by_compact = {key.compact: key.software_id for key in self.keys}
        # Each key under one of its words (all of them must be in a query that contains it), and
        # the lists rapidfuzz compares with: built once, not for every name matched.
        self.by_token: dict[str, list[_Key]] = {}
        for key in self.keys:
            self.by_token.setdefault(min(key.tokens), []).append(key)
        self.compacts = [key.compact for key in self.keys]
        self.words = [key.words for key in self.keys]
        self._entries = data["software"]
        self._search_text: dict[str, str] | None = None

    @property
    def search_text(self) -> dict[str, str]:
        """Every entry's names, function and domain, folded: what `search` looks through
        (built on first search: matching names does not need it)."""
        if self._search_text is None:
            domains = self.metadata["use_domains"]
            self._search_text = {
                entry["id"]: normalise_name(" ".join([
                    entry["name"], *entry["aliases"], entry["function"], entry["use_domain"],
                    domains[entry["use_domain"]]]))
                for entry in self._entries
            }
        return self._search_text


_catalog: _Catalog | None = None


def _load() -> _Catalog:
    global _catalog
    if _catalog is None:
        from tnl_cli.resources import data_dir

        with (data_dir() / _DATA).open(encoding="utf-8") as handle:
            _catalog = _Catalog(json.load(handle))
    return _catalog


def normalise_name(text: str) -> str:
    """Lowercase ASCII words without edition words: 'LibreOffice Édition Pro' -> 'libreoffice'.

    Used on both sides of every comparison, and by the build script to refuse two entries that
    would be named alike.
    """
    words = _NON_ALNUM.sub(" ", unaccented(text)).split()
    return " ".join(word for word in words if word not in _NOISE)


def _without_versions(words: str) -> str:
    return " ".join(word for word in words.split() if not _VERSION.fullmatch(word))


def catalog() -> dict[str, Software]:
    """Every software by id, loaded on first use."""
    return _load().software


def _candidates(words: str, cat: _Catalog) -> dict[str, float]:
    """Best score per software id for one folded form of the query."""
    compact = words.replace(" ", "")
    if not compact:
        return {}
    if compact in cat.by_compact:
        return {cat.by_compact[compact]: _EXACT}
    scores: dict[str, float] = {}
    tokens = set(words.split())
    contained = [
        key for token in tokens for key in cat.by_token.get(token, ())
        if key.tokens <= tokens and len(key.compact) >= _MIN_COVERAGE * len(compact)
    ]
    if contained:
        longest = max(len(key.compact) for key in contained)
        for key in contained:
            if len(key.compact) == longest:
                scores[key.software_id] = _CONTAINS
    if len(compact) >= _MIN_FUZZY_LENGTH:
        from rapidfuzz import fuzz, process

        for query, choices, scorer in (
            (compact, cat.compacts, fuzz.ratio),
            (words, cat.words, fuzz.token_sort_ratio),
        ):
            for _, score, index in process.extract(
                query, choices, scorer=scorer, limit=5, score_cutoff=_FUZZY_CUTOFF
            ):
                software_id = cat.keys[index].software_id
                scores[software_id] = max(score, scores.get(software_id, 0.0))
    return scores


def match_exact(name: str) -> Software | None:
    """The software this name (or alias) designates exactly, versions and edition words aside."""
    cat = _load()
    words = normalise_name(name)
    for form in (words, _without_versions(words)):
        software_id = cat.by_compact.get(form.replace(" ", ""))
        if software_id is not None:
            return cat.software[software_id]
    return None


def match(name: str) -> Match:
    """Recognise a software name as users write it: case, spacing, hyphens, versions and edition
    words do not matter, small typos are forgiven. Unknown or ambiguous names give None."""
    found = match_exact(name)
    if found is not None:  # exact names first: no rapidfuzz import for the usual case
        return Match(name, found, _EXACT)
    cat = _load()
    words = normalise_name(name)
    bare = _without_versions(words)
    scores = _candidates(words, cat)
    if bare != words:
        for software_id, score in _candidates(bare, cat).items():
            scores[software_id] = max(score, scores.get(software_id, 0.0))
    if not scores:
        return Match(name, None, 0.0)
    best = max(scores.values())
    winners = [software_id for software_id, score in scores.items() if score == best]
    if len(winners) > 1:
        return Match(name, None, best)
    return Match(name, cat.software[winners[0]], best)


def match_many(names: list[str]) -> list[Match]:
    """`match` for each name, in order; repeated names are matched once."""
    seen: dict[str, Match] = {}
    return [seen.setdefault(name, match(name)) for name in names]


def search(text: str, limit: int = 10) -> list[Software]:
    """Software for a name or a need ("pastel", "visio", "bureautique"), best first: names
    starting with the text, then entries whose name, aliases, function or domain has a word
    starting with it; close spellings only when nothing else is found. Free software first
    among equals."""
    cat = _load()
    query = normalise_name(text)
    if not query or limit <= 0:
        return []
    compact = query.replace(" ", "")
    rank: dict[str, tuple[int, float]] = {}  # (tier, -similarity), lowest best
    for key in cat.keys:
        if key.compact.startswith(compact):
            tier = (0 if key.compact == compact else 1, -_EXACT)
            rank[key.software_id] = min(tier, rank.get(key.software_id, tier))
    word_start = re.compile(r"\b" + re.escape(query))
    for software_id, haystack in cat.search_text.items():
        if software_id not in rank and word_start.search(haystack):
            rank[software_id] = (2, -_EXACT)
    if not rank and len(compact) >= _MIN_FUZZY_LENGTH:
        from rapidfuzz import fuzz, process

        ids = list(cat.search_text)
        for _, score, index in process.extract(
            query,
            [cat.search_text[i] for i in ids],
            scorer=fuzz.partial_ratio,
            limit=limit,
            score_cutoff=_FUZZY_CUTOFF,
        ):
            rank.setdefault(ids[index], (3, -score))
    software = cat.software
    order = sorted(rank, key=lambda i: (rank[i], not software[i].free, software[i].name))
    return [software[i] for i in order[:limit]]


def find(text: str, limit: int = 10) -> list[Software]:
    """What the user probably means first (a name as users write it, "MS Office 2019"), then
    what a search by name or need finds: `tnl software search`."""
    recognised = match(text).software
    found = [recognised] if recognised else []
    found += [sw for sw in search(text, limit) if sw != recognised]
    return found[:limit]


def licence_status(free: bool | None, licence: str | None) -> str:
    """The one reading of "is it free" every view shares: 'free', 'not_free' (published under
    a licence that is not free: SSPL, BUSL), 'proprietary', or 'unknown' (nobody said).

    `free` and `licence` come from the catalog, or from the user for software outside it
    (licence None): a product declared not free without a licence is proprietary."""
    if free is None:
        return "unknown"
    if free:
        return "free"
    return "proprietary" if licence in (None, PROPRIETARY) else "not_free"


def licence_name(licence: str | None) -> str | None:
    """The licence as an SPDX expression worth naming; None when the catalog only says
    "proprietary" (LicenseRef-...) or has not verified it."""
    if licence is None or licence == UNVERIFIED or licence.startswith("LicenseRef-"):
        return None
    return licence


def replaced_by(software: Software) -> list[Software]:
    """The proprietary products of the catalog for which `software` is a free alternative."""
    return [other for other in catalog().values() if software.id in other.alternatives]


def alternatives(software: Software) -> list[Software]:
    """The free software the catalog proposes instead of a proprietary one (empty if free)."""
    software_by_id = catalog()
    return [software_by_id[i] for i in software.alternatives]


def use_domains() -> dict[str, str]:
    """The French label of each use domain ("sig" -> "Information géographique"), by id, in the
    catalog's reading order (office suite first), for reports that group software by use."""
    return dict(_load().metadata["use_domains"])


def source_info() -> dict[str, str]:
    """Where the catalog comes from and under which licence, for display and dossiers."""
    return {key: str(value) for key, value in _load().metadata["source"].items()}

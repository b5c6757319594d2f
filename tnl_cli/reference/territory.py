"""Offline identification of French collectivities: communes, EPCI, départements, régions, CTU.

Reads `data/territoire.sqlite`, built by `scripts/build_territory.py` from Etalab's
@etalab/decoupage-administratif (Licence Ouverte / Etalab 2.0). Commands may look a collectivity
up at start-up, so this module imports nothing heavy and opens the database on first use only,
read-only. A name search reads only the names it may return: exact and prefix matches through
an index, close matches among the few names sharing the most trigrams with the text (rapidfuzz,
imported then, ranks them).
"""

from __future__ import annotations

import heapq
import os
import re
import sqlite3
import sys
from array import array
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from tnl_cli.textnorm import fold

_DB_NAME = "territoire.sqlite"
# Patterns stay strings: re compiles (and caches) them on first use, not at import time, which
# keeps a single by_insee within the start-up budget.
_AREA_CODE = r"\d{1,3}|2[AB]"
_SIREN_SEPARATORS = r"[\s.\-]"
# Long forms users type for EPCI, folded to the DGCL's abbreviations ("CC Faucigny - Glières").
_EPCI_FORMS = (
    (r"\bcommunaute de communes\b", "cc"),
    (r"\bcommunaute d agglomeration\b", "ca"),
    (r"\bcommunaute urbaine\b", "cu"),
)
_WORDS = {"saint": "st", "sainte": "ste"}
# "Ville de Nancy", "Mairie de Lettret": the commune is what is meant.
_COMMUNE_PREFIX = r"^(?:ville|mairie|commune) (?:de |d |du |des )?"
_FUZZY_CUTOFF = 80.0
# Close matching scores this many names, those sharing the most trigrams with the text; a text
# shorter than _CLOSE_MIN_LENGTH is part of too many names for closeness to mean anything.
_CLOSE_CANDIDATES = 100
_CLOSE_MIN_LENGTH = 3
# No name comes near this length (the longest has 57 characters), so a longer text matches
# nothing, not even closely; its trigrams could exceed SQLite's parameter limit (999 before 3.32).
_MAX_QUERY_LENGTH = 200
# Names read per query when reading a list of ids (far below SQLite's parameter limits).
_IDS_PER_QUERY = 100
# Names starting with the text read at most (one letter starts a few thousand; all 36,000 names
# never need reading to rank the first ones).
_PREFIX_SCAN = 5000


@dataclass(frozen=True)
class Collectivity:
    """One collectivity as the label's application form identifies it.

    kind is one of commune, communaute_communes, communaute_agglomeration, communaute_urbaine,
    metropole, departement, region, ctu (collectivité territoriale unique: Corse, Martinique,
    Guyane).
    """

    kind: str
    name: str
    insee: str | None  # COG code: commune 5 chars; département 2-3; région 2; None for EPCI
    siren: str | None
    population: int | None  # population municipale (summed over communes for dép./régions)
    departement: str | None
    departement_name: str | None
    region: str | None
    region_name: str | None
    epci_siren: str | None  # communes only
    epci_name: str | None


# Column order of every SELECT below is the field order of Collectivity.
_COMMUNE_SQL = """
SELECT 'commune', c.name, c.insee, c.siren, c.population, c.departement, d.name, c.region,
       r.name, c.epci_siren, e.name
FROM commune c JOIN departement d ON d.code = c.departement JOIN region r ON r.code = c.region
LEFT JOIN epci e ON e.siren = c.epci_siren
"""
_EPCI_SQL = """
SELECT e.kind, e.name, NULL, e.siren, e.population, e.departement, d.name, e.region, r.name,
       NULL, NULL
FROM epci e LEFT JOIN departement d ON d.code = e.departement
LEFT JOIN region r ON r.code = e.region
"""
_DEPARTEMENT_SQL = """
SELECT d.kind, d.name, d.code, NULL, d.population, d.code, d.name, d.region, r.name, NULL, NULL
FROM departement d JOIN region r ON r.code = d.region WHERE d.code = ?
"""
_REGION_SQL = """
SELECT r.kind, r.name, r.code, NULL, r.population, NULL, NULL, r.code, r.name, NULL, NULL
FROM region r WHERE r.code = ?
"""
_conn: sqlite3.Connection | None = None


def _db_path() -> str:
    """The database as a real file: next to this module normally, extracted from a zip else."""
    path = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data", _DB_NAME)
    if os.path.isfile(path):
        return path
    # Zipped or otherwise virtual package: importlib.resources (slow to import) gives a file.
    import atexit
    import contextlib
    from importlib.resources import as_file, files

    stack = contextlib.ExitStack()
    atexit.register(stack.close)
    return str(stack.enter_context(as_file(files("tnl_cli") / "data" / _DB_NAME)))


def _db() -> sqlite3.Connection:
    global _conn
    if _conn is None:
        path = _db_path().replace(os.sep, "/")
        uri_path = path.replace("%", "%25").replace("?", "%3f").replace("#", "%23")
        if not uri_path.startswith("/"):
            uri_path = "/" + uri_path  # Windows drive letter: file:/C:/...
        _conn = sqlite3.connect(f"file:{uri_path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
    return _conn


def normalise_name(text: str) -> str:
    """Fold a name so that spelling variants compare equal.

    Lowercase ASCII words separated by single spaces: accents, case, hyphens, apostrophes and
    punctuation are dropped ("L'Haÿ-les-Roses" -> "l hay les roses"), Saint/Sainte become
    st/ste and "communauté de communes" and the like become cc/ca/cu. Compare the results with
    spaces removed to also ignore word breaks ("lhay" = "l hay"), as search does.
    """
    folded = fold(text)
    for pattern, short in _EPCI_FORMS:
        folded = re.sub(pattern, short, folded)
    return " ".join(_WORDS.get(word, word) for word in folded.split())


def _clean_insee(code: str) -> str:
    """Uppercase and restore the leading zero a spreadsheet drops (1001 -> 01001)."""
    code = code.strip().upper()
    return code.zfill(5) if code.isdigit() and len(code) == 4 else code


def _clean_siren(siren: str) -> str:
    return re.sub(_SIREN_SEPARATORS, "", siren)


def _is_commune_code(code: str) -> bool:
    if len(code) != 5 or not code.isascii():
        return False
    return code.isdigit() or (code[:2] in ("2A", "2B") and code[2:].isdigit())


def _is_siren(siren: str) -> bool:
    return len(siren) == 9 and siren.isascii() and siren.isdigit()


def _one(sql: str, params: tuple[str, ...]) -> Collectivity | None:
    row = _db().execute(sql, params).fetchone()
    return Collectivity(*row) if row else None


def by_insee(code: str) -> Collectivity | None:
    """A commune by its COG code; former and delegated commune codes give today's commune."""
    code = _clean_insee(code)
    if not _is_commune_code(code):
        return None
    found = _one(_COMMUNE_SQL + " WHERE c.insee = ?", (code,))
    if found is None:
        found = _one(
            _COMMUNE_SQL + " WHERE c.insee = (SELECT insee FROM code_alias WHERE code = ?)",
            (code,),
        )
    return found


def by_siren(siren: str) -> Collectivity | None:
    """A commune or an EPCI by SIREN (the source has none for départements and régions)."""
    siren = _clean_siren(siren)
    if not _is_siren(siren):
        return None
    return _one(_COMMUNE_SQL + " WHERE c.siren = ?", (siren,)) or _one(
        _EPCI_SQL + " WHERE e.siren = ?", (siren,)
    )


def epci_members(siren: str) -> tuple[int, int | None] | None:
    """(number of member communes, their population municipale) of an EPCI, or None."""
    row = _db().execute("SELECT members, population FROM epci WHERE siren = ?",
                        (_clean_siren(siren),)).fetchone()
    return (int(row[0]), row[1]) if row else None


def by_code(code: str, *, region: bool = False) -> Collectivity | None:
    """A département (or, with `region`, a région) by its own COG code ("33", "75")."""
    code = code.strip().upper()
    return _region(code) if region else _departement(code)


def _departement(code: str) -> Collectivity | None:
    row = _db().execute("SELECT kind, same_as FROM departement WHERE code = ?", (code,)).fetchone()
    if row is None or row[0] == "com":
        return None
    return _region(row[1]) if row[1] else _one(_DEPARTEMENT_SQL, (code,))


def _region(code: str) -> Collectivity | None:
    row = _db().execute("SELECT kind, same_as FROM region WHERE code = ?", (code,)).fetchone()
    if row is None or row[0] == "com":
        return None
    return _departement(row[1]) if row[1] else _one(_REGION_SQL, (code,))


def _get(table: str, key: str) -> Collectivity | None:
    if table in ("commune", "arrondissement"):  # an arrondissement's code gives its commune
        return by_insee(key)
    if table == "epci":
        return _one(_EPCI_SQL + " WHERE e.siren = ?", (key,))
    if table == "departement":
        return _departement(key)
    return _region(key)


def _trigrams(key: str) -> set[str]:
    """Trigrams of a spaceless name between boundary spaces ('nancy' -> ' na', 'nan', 'anc',
    'ncy', 'cy '): the boundaries favour names that start and end as the text does."""
    padded = f" {key} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def _postings(trigrams: set[str]) -> dict[str, array[int]]:
    """For each trigram some name has, the ids of those names (ascending)."""
    marks = ", ".join("?" * len(trigrams))
    found = {}
    sql = f"SELECT trigram, ids FROM trigram WHERE trigram IN ({marks})"
    for trigram, blob in _db().execute(sql, sorted(trigrams)):
        ids = array("H", blob)
        if sys.byteorder == "big":
            ids.byteswap()  # stored little-endian
        found[trigram] = ids
    return found


def _rows(ids: list[int]) -> Iterator[tuple[int, str, str, str]]:
    """(id, norm, source, ref) of the names with these ascending ids, read as needed."""
    for start in range(0, len(ids), _IDS_PER_QUERY):
        chunk = ids[start : start + _IDS_PER_QUERY]
        marks = ", ".join("?" * len(chunk))
        yield from _db().execute(
            f"SELECT id, norm, source, ref FROM name WHERE id IN ({marks}) ORDER BY id", chunk
        )


def _word_matches(key: str, postings: dict[str, array[int]]) -> Iterator[tuple[int, str]]:
    """(id, norm) of the names with a word after the first starting with the text: 'grand
    nancy' finds 'metropole du grand nancy', 'nancy' finds 'vandoeuvre les nancy'. Only the
    names having every trigram of the text are read."""
    inner = {key[i : i + 3] for i in range(len(key) - 2)}
    if not inner <= postings.keys():
        return
    lists = sorted((postings[trigram] for trigram in inner), key=len)
    for id_, norm, _, _ in _rows(sorted(set(lists[0]).intersection(*lists[1:]))):
        words = norm.split()
        if any("".join(words[i:]).startswith(key) for i in range(1, len(words))):
            yield id_, norm


def _whole_words(query: str, norm: str) -> bool:
    """Whether the name holds the text as whole words ('grand paris' has 'paris', 'parisot'
    has not)."""
    return f" {query} " in f" {norm} "


def _close(query: str, postings: dict[str, array[int]]) -> list[tuple[str, str]]:
    """Typos and missing words: best rapidfuzz scores, then the closest whole names
    ("strasbourgg": Strasbourg before Eurométropole de Strasbourg), then the most populated.

    Only the names sharing the most trigrams with the query are scored. Names shorter than the
    query are compared whole (typos); longer ones may also contain the query's words ("grand
    nancy" in "metropole du grand nancy") or text ("ales agglo" in "ca ales agglomeration").
    WRatio is not used: its partial token matching scores 90 for any shared word such as "et"
    or "st".
    """
    from rapidfuzz import fuzz

    shared: Counter[int] = Counter()
    for ids in postings.values():
        shared.update(ids)
    candidates = heapq.nsmallest(_CLOSE_CANDIDATES, shared, key=lambda id_: (-shared[id_], id_))
    scored = []
    for id_, norm, source, ref in _rows(sorted(candidates)):
        whole = fuzz.ratio(query, norm)
        score = whole
        if len(norm) >= len(query):
            score = max(fuzz.token_set_ratio(query, norm), fuzz.partial_ratio(query, norm))
        if score >= _FUZZY_CUTOFF:
            scored.append((-round(score), -round(whole), id_, source, ref))
    return [(source, ref) for *_, source, ref in sorted(scored)]


def _by_code(text: str) -> list[Collectivity] | None:
    """Results when `text` is a code (SIREN, commune, département or région); None otherwise."""
    siren = _clean_siren(text)
    if _is_siren(siren):
        found = by_siren(siren)
        return [found] if found else []
    code = _clean_insee(text)
    if _is_commune_code(code):
        found = by_insee(code)
        return [found] if found else []
    if re.fullmatch(_AREA_CODE, code):
        code = code.zfill(2)
        return [c for c in (_departement(code), _region(code)) if c]
    return None


def search(text: str, limit: int = 10) -> list[Collectivity]:
    """Collectivities matching a code or a name, best first.

    Codes: SIREN, commune code, département or région code. Names: exact normalised matches,
    then names starting with the text, then names with a later word starting with it, then,
    unless some name is the text itself, close matches; the most populated first within each.
    """
    return [found.collectivity for found in find(text, limit)]


def _candidates(query: str) -> Iterator[tuple[str, str, bool]]:
    """(table, id, close) of the names matching `query`, best first: names equal to the query;
    then names holding it as whole words, at their start or further ('Paris' in 'Métropole du
    Grand Paris'); then names with a word starting with it ('Parisot'); each group from the
    most populated (ids ascend with decreasing population). Then, unless some name is the
    query itself, close names (`close` true: look-alikes, not matches)."""
    key = query.replace(" ", "")
    db = _db()
    exact = db.execute("SELECT source, ref FROM name WHERE key = ? ORDER BY id", (key,)).fetchall()
    yield from ((source, ref, False) for source, ref in exact)
    upper = key[:-1] + chr(ord(key[-1]) + 1)
    started = db.execute("SELECT id, norm FROM name WHERE key > ? AND key < ? ORDER BY id "
                         "LIMIT ?", (key, upper, _PREFIX_SCAN)).fetchall()
    postings: dict[str, array[int]] = {}
    if len(key) >= _CLOSE_MIN_LENGTH:
        postings = _postings(_trigrams(key))
        started += _word_matches(key, postings)
    whole = sorted({id_ for id_, norm in started if _whole_words(query, norm)})
    partial = sorted({id_ for id_, _ in started} - set(whole))
    for _, _, source, ref in _rows(whole):
        yield source, ref, False
    for _, _, source, ref in _rows(partial):
        yield source, ref, False
    if postings and not exact:
        yield from ((source, ref, True) for source, ref in _close(query, postings))


class Found(NamedTuple):
    """A search result and, when the text does not simply name or code it, why it came up:
    `reason` a message key of `locale/lookup.py` (`lookup.why_*`), `params` its fields."""

    collectivity: Collectivity
    reason: str | None = None
    params: tuple[tuple[str, str], ...] = ()


# Communes of the Seine and Seine-et-Oise renumbered when the Paris region was reorganised
# (loi n° 64-707 du 10 juillet 1964, in force on 1 January 1968); Corsica's 20xxx codes became
# 2Axxx/2Bxxx when it was split in two départements (loi n° 75-356 du 15 mai 1975, 1976).
_RENUMBERED = (("75", ("91", "92", "93", "94", "95"), "1968"),
               ("78", ("91", "92", "93", "94", "95"), "1968"),
               ("20", ("2A", "2B"), "1976"))


def _why_code(code: str, found: Collectivity) -> Found:
    """A commune reached by a code that is not its own: an old code, or that of a commune
    déléguée, associée or a municipal arrondissement."""
    row = _db().execute("SELECT kind, place FROM code_alias WHERE code = ?", (code,)).fetchone()
    if row is None:
        return Found(found)
    kind, place = row
    params = {"code": code, "name": found.name, "insee": found.insee or "", "place": place or ""}
    if kind == "ancien":
        year = next((year for old, now, year in _RENUMBERED
                     if code.startswith(old) and (found.departement or "") in now), None)
        if year:
            return Found(found, "lookup.why_renumbered", tuple({**params, "year": year}.items()))
    return Found(found, f"lookup.why_{kind}", tuple(params.items()))


def _by_postal_code(code: str) -> list[Found]:
    """The communes La Poste gives this postal code, the most populated first."""
    if not (len(code) == 5 and code.isascii() and code.isdigit()):
        return []
    found = []
    for insee, place in _db().execute("SELECT insee, place FROM postal WHERE code = ?",
                                      (int(code),)):
        commune = by_insee(insee)
        if commune is not None:
            key = "lookup.why_postal_place" if place else "lookup.why_postal"
            found.append(Found(commune, key, (("code", code), ("place", place or ""),
                                              ("name", commune.name), ("insee", insee))))
    return sorted(found, key=lambda f: -(f.collectivity.population or 0))


def find(text: str, limit: int = 10) -> list[Found]:
    """`search`, each result with the reason it came up when the text does not simply name or
    code it: a postal code, an old or delegated commune's code, a municipal arrondissement, or
    a look-alike name (`lookup.why_close`)."""
    if limit <= 0:
        return []
    text = text.strip()
    results: list[Found] = []
    code = _clean_insee(text)
    if _is_commune_code(code):
        commune = by_insee(code)
        if commune is not None:  # its own code first; an old or delegated code says so
            results.append(Found(commune) if commune.insee == code else _why_code(code, commune))
        for postal in _by_postal_code(code):  # 75001: Paris 1er, not only Alfortville's old code
            if postal.collectivity not in [r.collectivity for r in results]:
                results.append(postal)
        return results[:limit]
    by_code = _by_code(text)
    if by_code is not None:
        return [Found(c) for c in by_code[:limit]]
    query = re.sub(_COMMUNE_PREFIX, "", normalise_name(text))
    if not query or len(query) > _MAX_QUERY_LENGTH:
        return results
    seen: list[Collectivity] = []
    for table, ref, close in _candidates(query):
        found = _get(table, ref)
        if found is None or found in seen:
            continue
        seen.append(found)
        if close:
            results.append(Found(found, "lookup.why_close"))
        elif table == "arrondissement":
            place = _db().execute("SELECT place FROM code_alias WHERE code = ?",
                                  (ref,)).fetchone()
            results.append(Found(found, "lookup.why_arrondissement_name",
                                 (("place", place[0] if place else ""), ("name", found.name),
                                  ("insee", found.insee or ""))))
        else:
            results.append(Found(found))
        if len(results) == limit:
            break
    return results


def source_info() -> dict[str, str]:
    """Provenance of the data (package, version, licence, attribution), for display and dossiers."""
    return dict(_db().execute("SELECT key, value FROM meta"))

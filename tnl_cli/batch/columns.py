"""Which column of a batch table holds what: header matching, the template and its hint line."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import NamedTuple

from tnl_cli.core.catalog import Catalog, Criterion
from tnl_cli.errors import TnlError
from tnl_cli.i18n import pick, tr
from tnl_cli.io.sheet_read import column_letter
from tnl_cli.io.table_write import Column
from tnl_cli.textnorm import fold

IDENTITY_FIELDS = ("nom", "type", "code_insee", "siren", "population", "agents",
                   "elu_referent", "responsable", "labels_anterieurs")
# Headers people write for the identity columns (compared folded: case and accents aside).
_ALIASES = {
    "nom": ("nom", "collectivite", "nom de la collectivite", "nom collectivite", "name"),
    "type": ("type", "type de collectivite", "categorie", "nature juridique"),
    "code_insee": ("code insee", "insee", "code commune", "cog", "code officiel geographique"),
    "siren": ("siren", "numero siren", "n siren", "no siren"),
    "population": ("population", "habitants", "nombre d habitants", "nb habitants"),
    "agents": ("agents", "etp", "nombre d agents", "nb agents", "agents etp"),
    "elu_referent": ("elu referent", "elu e referent e", "elue referente", "elu"),
    "responsable": ("responsable", "responsable de candidature", "referent technique",
                    "referent e technique"),
    "labels_anterieurs": ("labels anterieurs", "labels precedents", "historique labels"),
}
_HEADER_FIELD = {fold(alias): name for name, aliases in _ALIASES.items() for alias in aliases}


class Layout(NamedTuple):
    """What the header row says: where each identity field and criterion is."""

    headers: tuple[str, ...]
    identity: Mapping[str, int]
    criteria: tuple[tuple[int, Criterion], ...]
    unknown: tuple[tuple[int, str], ...]
    first_column: int = 0

    def column(self, index: int) -> str:
        return column_letter(self.first_column + index)

    def header(self, index: int) -> str:
        return self.headers[index].strip()


def read_layout(cells: Sequence[str], catalog: Catalog, file: str, line: int,
                first_column: int = 0) -> Layout:
    """Match header cells to identity fields and criteria; refuse an ambiguous header."""
    by_criterion = {fold(c.id): c for c in catalog.criteria}
    identity: dict[str, int] = {}
    criteria: list[tuple[int, Criterion]] = []
    unknown: list[tuple[int, str]] = []
    seen: dict[str, int] = {}
    for j, raw in enumerate(cells):
        key = fold(raw)
        if not key:
            continue
        name = _HEADER_FIELD.get(key)
        target = name or (by_criterion[key].id if key in by_criterion else None)
        if target is None:
            unknown.append((j, raw.strip()))
            continue
        if target in seen:
            first = seen[target]
            raise TnlError.of("batch.duplicate_column", file=file, line=line, field=target,
                              first=cells[first].strip(), second=raw.strip(),
                              first_col=column_letter(first_column + first),
                              second_col=column_letter(first_column + j))
        seen[target] = j
        if name:
            identity[name] = j
        else:
            criteria.append((j, by_criterion[key]))
    if not identity:
        raise TnlError.of("batch.no_identity", file=file, line=line,
                          expected=", ".join(IDENTITY_FIELDS[:6]))
    return Layout(tuple(cells), identity, tuple(criteria), tuple(unknown), first_column)


def header_score(catalog: Catalog) -> Callable[[Sequence[str]], int]:
    """How many cells of a would-be header are known columns (to choose the CSV separator)."""
    known = set(_HEADER_FIELD) | {fold(c.id) for c in catalog.criteria}
    return lambda cells: sum(1 for cell in cells if fold(cell) in known)


def suggestions(unknown: Sequence[tuple[int, str]], catalog: Catalog) -> list[str]:
    """Unknown headers, each with the closest known names when some are really close."""
    import difflib

    known = list(IDENTITY_FIELDS) + [c.id for c in catalog.criteria]
    out = []
    for _, raw in unknown:
        close = difflib.get_close_matches(fold(raw).replace(" ", "_"), known, n=3, cutoff=0.75)
        out.append(f"« {raw} » (→ {', '.join(close)})" if close else f"« {raw} »")
    return out


# -- the template ---------------------------------------------------------------------------

def template_columns(catalog: Catalog) -> list[Column]:
    columns = [Column(name, "code" if name in ("code_insee", "siren") else "text")
               for name in IDENTITY_FIELDS]
    return columns + [Column(c.id) for c in catalog.criteria]


def hint(name: str, catalog: Catalog, lang: str) -> str:
    """The second line of the template: what to write in the column."""
    c = catalog.criterion(name)
    if c is None:
        return tr(lang, f"batch.hint_{name}")
    if c.type in ("choice", "multi"):
        accepts = tr(lang, f"batch.hint_{c.type}", values=" | ".join(ch.value for ch in c.choices))
    elif c.type == "number":
        low = "" if c.minimum is None else f"{c.minimum:g}"
        high = "" if c.maximum is None else f"{c.maximum:g}"
        unit = f" {pick(c.unit, lang)}" if c.unit else ""
        accepts = tr(lang, "batch.hint_number", low=low, high=high, unit=unit) \
            if low or high else tr(lang, "batch.hint_number_any", unit=unit)
    else:
        accepts = tr(lang, f"batch.hint_{c.type}")
    return f"{pick(c.question, lang)} ({accepts})"


def template_rows(catalog: Catalog, lang: str) -> Iterator[list[str]]:
    yield [hint(c.name, catalog, lang) for c in template_columns(catalog)]


def is_hint_row(row: Sequence[str], layout: Layout, catalog: Catalog) -> bool:
    """The template's hint line, left in place by the person who filled it in: every filled
    cell reads as its column's hint, in either language."""
    columns = [(j, name) for name, j in layout.identity.items()]
    columns += [(j, c.id) for j, c in layout.criteria]
    filled = [(j, name) for j, name in columns if j < len(row) and row[j].strip()]
    return bool(filled) and all(
        fold(row[j]) in {fold(hint(name, catalog, lang)) for lang in ("fr", "en")}
        for j, name in filled)

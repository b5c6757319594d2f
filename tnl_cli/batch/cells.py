"""Criterion cells of a batch table: normalised as the answers file is, packed, cached.

Each cell goes through `normalise.normalise_value`, so a value is refused with the same words
everywhere; what it gives is packed into the compiled evaluator's entry (`batch.compiled`) and
remembered per (column, applicability, cell text), since spreadsheets repeat 'oui', 'non' and
'x'. Texts whose normalised value is obvious skip the normaliser (tests/test_batch_rows.py
checks the two agree).
"""

from __future__ import annotations

import re
from typing import Any

from tnl_cli.batch.compiled import Compiled
from tnl_cli.core import normalise
from tnl_cli.core.catalog import Criterion
from tnl_cli.textnorm import fold

# Cell texts remembered per column (memory stays flat): booleans and choices have a few
# spellings, numbers a few thousand values, free texts and URLs are unique (caching them is
# pointless).
_CACHE_LIMIT = {"number": 4096, "multi": 8192, "inventory": 4096, "text": 16, "url": 16}
_DEFAULT_LIMIT = 256
PLAIN_NUMBER = re.compile(r"[0-9]{1,15}(?:[.,][0-9]{1,15})?")  # what float() reads as typed
_PLAIN_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?:[/?#]\S*)?")
# "Mon logiciel (libre)": what `{nom: Mon logiciel, libre: oui}` says in an answers file.
_QUALIFIED = re.compile(r"^(?P<name>.*\S)\s*\((?P<word>[^()]*)\)\s*$")
_FREE_WORDS = {"libre": True, "free": True, "proprietaire": False, "proprietary": False,
               "non libre": False, "not free": False}


def inventory_item(text: str) -> str | dict[str, Any]:
    """One software of an inventory cell: a name, or {nom, libre} when the name ends with
    '(libre)' or '(propriétaire)' ('(free)', '(proprietary)'); other brackets are the name's."""
    found = _QUALIFIED.match(text)
    if found is not None:
        free = _FREE_WORDS.get(fold(found["word"]))
        if free is not None:
            return {"nom": found["name"].strip(), "libre": free}
    return text


def inventory_items(raw: str) -> list[str | dict[str, Any]]:
    return [inventory_item(part.strip()) for part in raw.split(normalise.MULTI_SEPARATOR)
            if part.strip()]


def cell_value(c: Criterion, raw: str) -> Any:
    """`normalise.normalise_value` of a cell (ValueRefused when refused), the spreadsheet's 'x'
    meaning yes and an inventory's '(libre)' qualifying a software."""
    if c.type == "inventory" and isinstance(raw, str):
        return normalise.normalise_value(c, inventory_items(raw)) if raw.strip() else None
    return normalise.normalise_value(c, raw, allow_x=True)


class Items(dict):  # type: ignore[type-arg]
    """Item text -> its normalised (key, value) pairs, for a multi-choice or inventory column:
    cells combine a few items in many orders, so items are what repeats."""

    __slots__ = ("criterion", "order")

    def __init__(self, criterion: Criterion) -> None:
        super().__init__()
        self.criterion = criterion
        self.order = tuple(ch.value for ch in criterion.choices)

    def __missing__(self, item: str) -> tuple[tuple[str, Any], ...]:
        if self.criterion.type == "multi":
            value = normalise.normalise_value(self.criterion, item, allow_x=True) or ()
            pairs: tuple[tuple[str, Any], ...] = tuple((v, v) for v in value)
        else:  # a software counts once, known by its catalog id or its folded name
            value = cell_value(self.criterion, item) or ()
            pairs = tuple((i.software_id or fold(i.name), i) for i in value)
        if len(self) < _DEFAULT_LIMIT:
            self[item] = pairs
        return pairs

    def parts(self, raw: str) -> list[str]:
        """The items of a cell; an inventory longer than the answers file allows is refused
        as it is there (each unknown software costs a fuzzy search)."""
        parts = raw.split(normalise.MULTI_SEPARATOR)
        if self.criterion.type == "inventory" and len(parts) > normalise.MAX_INVENTORY:
            count = sum(1 for part in parts if part.strip())
            if count > normalise.MAX_INVENTORY:
                raise normalise.ValueRefused("answers.inventory_too_long", value=f"{count}",
                                       limit=normalise.MAX_INVENTORY)
        return parts

    def combine(self, raw: str) -> Any:
        """What `cell_value` gives for the whole cell, from its items' values: options in
        catalog order without repeats; software in listed order, each once."""
        parts = self.parts(raw)
        if self.criterion.type == "multi":
            chosen = {key for part in parts for key, _ in self[part]}
            return [v for v in self.order if v in chosen] or None
        listed, seen = [], set()
        for part in parts:
            for key, item in self[part]:
                if key not in seen:
                    seen.add(key)
                    listed.append(item)
        return tuple(listed) or None


class Cells(dict):  # type: ignore[type-arg]
    """Cell text -> packed entry for one criterion column, for the collectivity types it
    applies to (`applies`) or the others (where it scores nothing but is still checked).

    A miss normalises the text (ValueRefused propagates) and remembers the entry, up to a
    limit by type of criterion."""

    __slots__ = ("criterion", "compiled", "applies", "items", "limit")

    def __init__(self, criterion: Criterion, compiled: Compiled, applies: bool,
                 items: Items | None) -> None:
        super().__init__({"": 0})
        self.criterion, self.compiled, self.applies, self.items = (criterion, compiled, applies,
                                                                   items)
        self.limit = _CACHE_LIMIT.get(criterion.type, _DEFAULT_LIMIT)

    def __missing__(self, raw: str) -> int:
        entry = self.compiled.entry(self.criterion, self.value(raw), self.applies)
        if len(self) < self.limit:
            self[raw] = entry
        return entry

    def value(self, raw: str) -> Any:
        """`cell_value(criterion, raw)`, sped up for plain texts."""
        c = self.criterion
        if self.items is not None:
            return self.items.combine(raw)
        if c.type == "text":
            return raw.strip() or None
        if c.type == "number" and PLAIN_NUMBER.fullmatch(raw):
            number = float(raw.replace(",", "."))
            if (c.minimum is None or c.minimum <= number) and (
                    c.maximum is None or number <= c.maximum):
                return int(number) if number.is_integer() else number
        elif c.type == "url":
            if _PLAIN_URL.fullmatch(raw):
                return raw
            try:
                return cell_value(c, raw)
            except normalise.ValueRefused:
                raise
            except ValueError as exc:  # urllib refuses some hosts with its own ValueError
                raise normalise.ValueRefused("answers.bad_url", value=raw) from exc
        return cell_value(c, raw)


class FilledCells(Cells):
    """A text or URL column whose entry only depends on whether the cell is filled (no rule
    tests its value): free texts and URLs are unique per row, so they skip the caches."""

    __slots__ = ("filled",)

    def __init__(self, criterion: Criterion, compiled: Compiled, applies: bool) -> None:
        super().__init__(criterion, compiled, applies, None)
        self.filled = compiled.entry(criterion, "x", applies)

    def __missing__(self, raw: str) -> int:
        if self.criterion.type == "text":
            return self.filled if raw.strip() else 0
        if _PLAIN_URL.fullmatch(raw):
            return self.filled
        return super().__missing__(raw)


class CountedCells(Cells):
    """An inventory column whose entry only depends on how many free software a cell lists (no
    rule tests its value): lists vary from row to row, counts do not."""

    __slots__ = ("by_count",)

    def __init__(self, criterion: Criterion, compiled: Compiled, applies: bool,
                 items: Items) -> None:
        super().__init__(criterion, compiled, applies, items)
        self.by_count: dict[int, int] = {}

    def __missing__(self, raw: str) -> int:
        items = self.items
        assert items is not None
        free: dict[str, bool | None] = {}
        for part in items.parts(raw):
            for key, item in items[part]:
                free.setdefault(key, item.free)  # a software counts once, as first listed
        count = sum(1 for f in free.values() if f)
        entry = self.by_count.get(count)
        if entry is None:
            entry = self.by_count[count] = super().__missing__(raw)
        elif len(self) < self.limit:
            self[raw] = entry
        return entry


def cells(c: Criterion, compiled: Compiled, applies: bool, items: Items | None) -> Cells:
    """The cache of one column, for the types `c` applies to or the others."""
    if c.type in ("text", "url") and compiled.value_blind(c):
        return FilledCells(c, compiled, applies)
    if c.type == "inventory" and items is not None and compiled.value_blind(c):
        return CountedCells(c, compiled, applies, items)
    return Cells(c, compiled, applies, items)

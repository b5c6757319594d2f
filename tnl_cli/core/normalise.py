"""Values: one normaliser for an answer to one criterion, whatever its source.

An answers file, a `--set ID=VALUE`, a prompt and a spreadsheet cell all go through
`normalise_value`: yes/no words, numbers with their units and bounds, choices by value or
label, URLs, software lists matched against the catalog; `ValueRefused` says why not.
"""

from __future__ import annotations

from typing import Any, NamedTuple
from urllib.parse import urlparse

from tnl_cli.core import identity as ident
from tnl_cli.core.catalog import Criterion
from tnl_cli.textnorm import fold, fold_word

TRUE_WORDS = {"oui", "o", "vrai", "yes", "y", "true", "1", "on"}
FALSE_WORDS = {"non", "n", "faux", "no", "false", "0", "off"}
MULTI_SEPARATOR = "|"
_UNITS = ("%", "€", "eur", "euros")  # ignored after a number
MAX_INVENTORY = 2_000  # software in one inventory answer (a cell or a list)
# The stored answer of a criterion whose subject does not exist for the body (no school…):
# only criteria marked `not_concerned: true` in the catalog accept it.
NOT_CONCERNED = "non_concerne"
# Its spellings, as textnorm.fold_word leaves them (case, accents, spacing folded, punctuation
# kept as for yes/no): non_concerne, non concerné, nc, n/a, not concerned.
NOT_CONCERNED_WORDS = frozenset({"non_concerne", "non concerne", "nc", "n/a", "not concerned"})


class InventoryItem(NamedTuple):
    """One software the collectivity says it uses, recognised in the catalog or not."""

    name: str
    software_id: str | None  # None: unknown to the catalog, for the user to qualify
    free: bool | None  # None: unknown and not qualified
    qualified: bool = False  # the user said whether it is free (`{nom: ..., libre: oui}`)


class ValueRefused(ValueError):
    """A value that does not fit its criterion: `key` and `params` make the message."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        if "value" in params:
            params["value"] = ident.shown(params["value"])
        self.key, self.params = key, params


def parse_bool(raw: Any, *, allow_x: bool = False) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, (int, float)) and raw in (0, 1):
        return bool(raw)
    if isinstance(raw, str):
        word = fold_word(raw)  # not fold(): '-1', '(non)' or 'oui?' are not yes or no
        if word in TRUE_WORDS or (allow_x and word == "x"):
            return True
        if word in FALSE_WORDS:
            return False
    raise ValueRefused("answers.bad_bool", value=raw)


def _parse_number(raw: Any, c: Criterion) -> float | int:
    try:
        number = ident.read_number(raw, _UNITS)
    except ident.NumberRefused as exc:
        key = "answers.too_large" if exc.args[0] == "too_large" else "answers.bad_number"
        if isinstance(raw, bool) or fold_word(str(raw)) in TRUE_WORDS | FALSE_WORDS:
            # A yes/no where a figure is asked: often a file written when the question was a
            # yes/no one (reemploi_equipements became a share in this version).
            raise ValueRefused("answers.number_not_yes_no", value=raw, id=c.id) from exc
        raise ValueRefused(key, value=raw) from exc
    low = c.minimum if c.minimum is not None else float("-inf")
    high = c.maximum if c.maximum is not None else float("inf")
    if not low <= number <= high:
        raise ValueRefused("answers.out_of_bounds", value=raw, low=_fmt(c.minimum),
                           high=_fmt(c.maximum))
    return int(number) if number.is_integer() else number


def _fmt(bound: float | None) -> str:
    if bound is None:
        return "∞"
    return str(int(bound)) if float(bound).is_integer() else str(bound)


# Keyed by the criterion object's id; the entry keeps the criterion alive, so the id cannot be
# reused by another criterion while the entry exists.
_CHOICE_INDEX: dict[int, tuple[Criterion, dict[str, str]]] = {}


def _choice_index(c: Criterion) -> dict[str, str]:
    """Folded value and labels -> option value, built once per criterion."""
    entry = _CHOICE_INDEX.get(id(c))
    if entry is None:
        index: dict[str, str] = {}
        for ch in reversed(c.choices):  # the first option wins a shared label
            for text in (ch.label["en"], ch.label["fr"], ch.value):
                index[fold(text)] = ch.value
        entry = _CHOICE_INDEX[id(c)] = (c, index)
    return entry[1]


def _parse_choice(raw: Any, c: Criterion) -> str:
    if isinstance(raw, str):
        found = _choice_index(c).get(fold(raw))
        if found is not None:
            return found
    raise ValueRefused("answers.bad_choice", value=raw,
                       allowed=", ".join(ch.value for ch in c.choices))


def _parse_multi(raw: Any, c: Criterion) -> list[str]:
    if isinstance(raw, str):
        items: list[Any] = [p for p in raw.split(MULTI_SEPARATOR) if p.strip()]
    elif isinstance(raw, list):
        items = raw
    else:
        raise ValueRefused("answers.bad_multi", value=raw,
                           allowed=", ".join(ch.value for ch in c.choices))
    chosen = [_parse_choice(item, c) for item in items]
    return [ch.value for ch in c.choices if ch.value in chosen]  # catalog order, no repeats


def parse_url(raw: Any) -> str:
    text = str(raw).strip() if isinstance(raw, str) else ""
    try:
        parsed = urlparse(text)
        parsed.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError as exc:  # e.g. "https://[x": an unbalanced IPv6 bracket
        raise ValueRefused("answers.bad_url", value=raw) from exc
    if parsed.scheme not in ("http", "https") or not parsed.netloc or " " in text:
        raise ValueRefused("answers.bad_url", value=raw)
    return text


def _parse_inventory(raw: Any) -> tuple[InventoryItem, ...]:
    """Software names (a list, or a string separated by `|`), matched against the catalog.

    An entry may be qualified by the user as `{nom: ..., libre: oui|non}`, which wins over the
    catalog (for software the catalog does not know, or knows wrongly)."""
    from tnl_cli.reference import software

    entries: list[Any]
    if isinstance(raw, str):
        entries = [p.strip() for p in raw.split(MULTI_SEPARATOR) if p.strip()]
    elif isinstance(raw, list):
        entries = raw
    else:
        raise ValueRefused("answers.bad_inventory", value=raw)
    if len(entries) > MAX_INVENTORY:
        raise ValueRefused("answers.inventory_too_long", value=f"{len(entries)}",
                           limit=MAX_INVENTORY)
    items: list[InventoryItem] = []
    seen: set[str] = set()
    for entry in entries:
        qualified: bool | None = None
        if isinstance(entry, dict):
            name = entry.get("nom")
            if "libre" in entry:
                qualified = parse_bool(entry["libre"])
            if set(entry) - {"nom", "libre"}:
                raise ValueRefused("answers.bad_inventory", value=entry)
        else:
            name = entry
        if not isinstance(name, (str, int, float)) or not str(name).strip():
            raise ValueRefused("answers.bad_inventory", value=entry)
        name = str(name).strip()
        # A name the user qualified is theirs: only an exact catalog name may replace it.
        found = software.match_exact(name) if qualified is not None else software.match(name).software
        key = found.id if found else fold(name)
        if key in seen:
            continue
        seen.add(key)
        free = qualified if qualified is not None else (found.free if found else None)
        items.append(InventoryItem(name, found.id if found else None, free,
                                   qualified is not None))
    return tuple(items)


def normalise_value(c: Criterion, raw: Any, *, allow_x: bool = False) -> Any:
    """The canonical value of `raw` for criterion `c`, or ValueRefused. None stays unanswered."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, str) and fold_word(raw) in NOT_CONCERNED_WORDS:
        if c.not_concerned:
            return NOT_CONCERNED
        raise ValueRefused("answers.not_concerned_refused", value=raw)
    if c.type == "boolean":
        return parse_bool(raw, allow_x=allow_x)
    if c.type == "number":
        return _parse_number(raw, c)
    if c.type == "choice":
        return _parse_choice(raw, c)
    if c.type == "multi":
        return _parse_multi(raw, c) or None
    if c.type == "url":
        return parse_url(raw)
    if c.type == "inventory":
        return _parse_inventory(raw) or None
    if isinstance(raw, (dict, list)):
        raise ValueRefused("answers.bad_text", value=raw)
    return str(raw).strip()

"""Numbers read from input, bounded: the one parser of every integer and count that a file, a
spreadsheet cell, `--set`, a prompt or an option gives.

Python's int() takes `١٢` (other scripts' digits), `1_000`, and up to 4,300 digits before it
fails (none at all with PYTHONINTMAXSTRDIGITS=0, seconds of work for a million): here a text is
ASCII digits, at most `MAX_DIGITS` of them, checked before anything is converted.
"""

from __future__ import annotations

import re
from typing import Any

# No count, year, option or amount of a collectivity comes near 10^18: more digits than this
# are refused before int() sees them (leading zeros aside).
MAX_DIGITS = 18
# Beyond 10^15 a number is no longer kept to the unit (floats are exact up to 2^53 ≈ 9.007e15)
# and no count or amount of a collectivity comes near it: refused as too large.
NUMBER_LIMIT = 10**15

_INT = re.compile(r"[+-]?[0-9]+")
# What `read_number` reads once spaces and a unit are removed: ASCII digits, one decimal point or
# comma, an exponent; not `1_0` nor other scripts' digits, which Python's float() would take.
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)(?:[eE][+-]?[0-9]{1,4})?")
_GROUPING = str.maketrans("", "", " \u202f\xa0")


class NumberRefused(ValueError):
    """A refusal: `args[0]` is 'bad' (not a number), 'too_large', 'not_integer' (2.5 where a
    whole number is expected) or 'out_of_bounds' (outside the bounds the caller gave)."""

    @property
    def reason(self) -> str:
        return str(self.args[0])


def plain_int(text: str) -> int | None:
    """`text` as an int when it is only ASCII digits (at most MAX_DIGITS), else None: the fast
    path of spreadsheet cells and the check every other reading ends with."""
    if not text.isascii() or not text.isdigit():
        return None
    if len(text) > MAX_DIGITS:  # leading zeros count too in int()'s limit of 4,300 digits
        text = text.lstrip("0") or "0"
        if len(text) > MAX_DIGITS:
            return None
    return int(text)


def read_int(value: Any, *, low: int | None = None, high: int | None = None) -> int:
    """A whole number from input: an int (never a bool), a float with no fraction (a
    spreadsheet's 2024.0, JSON Schema's integer), or a text of ASCII digits with an optional sign
    (spaces around ignored). NumberRefused otherwise, and outside `low`..`high`."""
    if isinstance(value, bool):
        raise NumberRefused("bad")
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise NumberRefused("bad")
        if not value.is_integer():
            raise NumberRefused("not_integer")
        if abs(value) >= 10.0**MAX_DIGITS:
            raise NumberRefused("too_large")
        number = int(value)
    elif isinstance(value, str):
        text = value.strip()
        if not _INT.fullmatch(text):
            raise NumberRefused("not_integer" if _NUMBER.fullmatch(text) else "bad")
        sign = -1 if text[0] == "-" else 1
        digits = plain_int(text.lstrip("+-"))
        if digits is None:
            raise NumberRefused("too_large")
        number = sign * digits
    else:
        raise NumberRefused("bad")
    if abs(number) >= 10**MAX_DIGITS:  # an int YAML built from many digits (or `1:2:3…`)
        raise NumberRefused("too_large")
    if (low is not None and number < low) or (high is not None and number > high):
        raise NumberRefused("out_of_bounds")
    return number


def read_number(value: Any, units: tuple[str, ...] = ()) -> float:
    """A number as typed by a person or read from YAML: French decimal comma and thousands
    spaces accepted, a trailing unit among `units` ignored; NumberRefused otherwise."""
    if isinstance(value, bool):
        raise NumberRefused("bad")
    if isinstance(value, int):
        if abs(value) > NUMBER_LIMIT:
            raise NumberRefused("too_large")
        return float(value)
    if isinstance(value, float):
        if value in (float("inf"), float("-inf")):  # YAML's .inf is no count
            raise NumberRefused("bad")
        number = value
    elif isinstance(value, str):
        text = value.strip().translate(_GROUPING)
        for unit in units:
            if text.lower().endswith(unit):
                text = text[: -len(unit)]
        if not _NUMBER.fullmatch(text):
            raise NumberRefused("bad")
        number = float(text.replace(",", "."))
    else:
        raise NumberRefused("bad")
    if number != number:
        raise NumberRefused("bad")
    if abs(number) > NUMBER_LIMIT:  # "1e400" typed (float() gives infinity) included
        raise NumberRefused("too_large")
    return number


def shown(value: Any) -> Any:
    """`value` as a message may quote it: a long text or number is cut to its first characters
    (an int of over 4,300 digits cannot even be turned into text by Python)."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**40:
        digits = int(value.bit_length() * 0.30103)  # at most one less than the real count
        head = abs(value) // 10 ** max(digits - 20, 0)
        return f"{'-' if value < 0 else ''}{str(head)[:20]}…"
    if isinstance(value, str) and len(value) > 60:
        return value[:40] + "…"
    return value

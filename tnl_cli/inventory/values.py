"""A value read from an inventory, whatever its format: a text checked and cut, a date parsed;
and the `Report` of what a run read. Shared by `agent_files`, `exports` and `readers`."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from tnl_cli import textsafe
from tnl_cli.errors import TnlError

MAX_TEXT = 1_000  # characters kept of a name


@dataclass
class Report:
    """What was read: the format, how many files, the newest file date (for exports)."""

    formats: dict[str, int]
    files: int = 0
    others: int = 0  # inventories of other devices (printers, network equipment) left out
    modified: dt.date | None = None  # the newest modification date of an export file

    def format(self) -> str:
        return max(self.formats, key=lambda k: self.formats[k]) if self.formats else "?"


def checked_text(raw: Any, where: str, field: str) -> str | None:
    if raw is None or isinstance(raw, (dict, list, bool)):
        return None
    text = str(raw).strip()
    if not text:
        return None
    if not textsafe.is_clean(text):  # control or bidi characters: textsafe's own set
        raise TnlError.of("inventory.control_chars", file=where, field=field, value=text[:80])
    return text[:MAX_TEXT]


_DATE_PATTERNS = (
    # ASCII digits only (re.ASCII): \d would take Arabic-Indic or full-width digits for ours.
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})", re.ASCII), "ymd"),
    (re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})", re.ASCII), "ymd"),
    (re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", re.ASCII), "xy"),
)


def parse_date(raw: Any, *, day_first: bool) -> dt.date | None:
    """A date as inventories write it: ISO, or dd/mm/yyyy (exports, French) or mm/dd/yyyy
    (dmidecode's BIOS dates) as `day_first` says; a day over 12 settles the order."""
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if not isinstance(raw, str):
        return None
    text = raw.strip()
    for pattern, order in _DATE_PATTERNS:
        found = pattern.match(text)
        if not found:
            continue
        a, b, c = (int(x) for x in found.groups())
        if order == "ymd":
            year, month, day = a, b, c
        else:
            year = c
            day, month = (a, b) if day_first else (b, a)
            if month > 12 >= day:
                day, month = month, day
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    return None

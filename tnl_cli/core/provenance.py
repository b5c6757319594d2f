"""Where an answer came from: the `sources:` entry of an answer drawn from a file.

`tnl inventaire` and `tnl opendata` read files the collectivity already has (a GLPI or OCS
Inventory export, data.gouv.fr's catalogue exports) and propose answers; each answer so drawn
keeps the facts behind it: which file, read how and when, and the count and base of a share
("298 postes sur 412"). The dossier states figures with their base from these facts and the
self-assessment report lists which answers came from which file. Pure data: no file is read here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

# What a source may count, as written in the answers file (`unite:`); the documents word them.
UNITS = ("postes", "logiciels", "jeux_de_donnees", "ressources")
# Readers known to the tool (`format:`); a file written by a later version may name another,
# which is kept as it is and shown as written.
FORMATS = ("glpi-agent-json", "fusioninventory-xml", "glpi-export", "ocs-export",
           "datagouv-export", "opendatafrance")
# A count read from a file: bounded so that a hand-edited file cannot ask for absurd numbers.
MAX_COUNT = 10**9
MAX_TEXT = 500  # characters in a path or a format name
# YYYY-MM-DD first, in ASCII digits (fromisoformat also takes 20261128 or 2026-W48-1)
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}(?:$|[T ])")
KEYS = ("fichier", "format", "date", "lu_le", "compte", "base", "unite")


@dataclass(frozen=True)
class Source:
    """One file an answer was drawn from, and the count behind the answer."""

    fichier: str  # the path as the user gave it (or a folder of inventories)
    format: str  # the reader, one of FORMATS
    lu_le: dt.date | None = None  # when tnl read it
    date: dt.date | None = None  # the date of the data itself (newest inventory, export date)
    compte: int | None = None  # how many have the property (298 workstations with LibreOffice)
    base: int | None = None  # out of how many (412 workstations)
    unite: str | None = None  # what is counted, one of UNITS

    def share(self) -> float | None:
        """compte / base as a percentage, when both are known and the base is not zero."""
        if self.compte is None or not self.base:
            return None
        return 100.0 * self.compte / self.base


@dataclass(frozen=True)
class Proposal:
    """An answer a reader proposes from a file: the value, the facts behind it, and why.

    `reason_key` and `reason_params` make the sentence shown to the user, in their language
    (`tr(lang, reason_key, **reason_params)`): « 298 postes sur 412 ont LibreOffice — 72 % ».
    """

    criterion: str  # the criterion id the value answers
    value: Any  # normalised as core.normalise.normalise_value would
    sources: tuple[Source, ...]
    reason_key: str
    reason_params: dict[str, Any] = field(default_factory=dict)


class SourceRefused(ValueError):
    """A `sources:` entry that cannot be read: `key` and `params` make the message."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key, self.params = key, params


def _date(raw: Any, field: str) -> dt.date | None:
    if raw in (None, ""):
        return None
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, str) and len(raw) <= 32 and _ISO_DAY.match(raw.strip()):
        text = raw.strip()
        try:  # a date, or a date and time as an export writes it (2026-11-28T09:12:00)
            return dt.date.fromisoformat(text) if len(text) == 10 else (
                dt.datetime.fromisoformat(text).date())
        except ValueError:
            pass
    raise SourceRefused("answers.bad_source_date", field=field)


def _count(raw: Any, field: str) -> int | None:
    if raw is None:
        return None
    if isinstance(raw, bool) or not isinstance(raw, int) or not 0 <= raw <= MAX_COUNT:
        raise SourceRefused("answers.bad_source_count", field=field, max=MAX_COUNT)
    return raw


def _text(raw: Any, field: str, *, required: bool) -> str | None:
    if raw in (None, ""):
        if required:
            raise SourceRefused("answers.source_missing", field=field)
        return None
    if isinstance(raw, (dict, list)) or len(str(raw)) > MAX_TEXT:
        raise SourceRefused("answers.bad_source_text", field=field, max=MAX_TEXT)
    return str(raw).strip()


def parse_source(raw: Any) -> Source:
    """One entry of an answer's `sources:` list, as the answers file holds it."""
    if not isinstance(raw, dict):
        raise SourceRefused("answers.bad_source")
    unknown = [str(k) for k in raw if k not in KEYS]
    if unknown:
        raise SourceRefused("answers.bad_source_key", name=unknown[0], allowed=", ".join(KEYS))
    unite = _text(raw.get("unite"), "unite", required=False)
    if unite is not None and unite not in UNITS:
        raise SourceRefused("answers.bad_source_unit", value=unite, allowed=", ".join(UNITS))
    compte, base = _count(raw.get("compte"), "compte"), _count(raw.get("base"), "base")
    if compte is not None and base is not None and compte > base:
        raise SourceRefused("answers.source_over_base", compte=compte, base=base)
    return Source(
        fichier=_text(raw.get("fichier"), "fichier", required=True) or "",
        format=_text(raw.get("format"), "format", required=True) or "",
        lu_le=_date(raw.get("lu_le"), "lu_le"),
        date=_date(raw.get("date"), "date"),
        compte=compte,
        base=base,
        unite=unite,
    )


def source_to_dict(source: Source) -> dict[str, Any]:
    """A source as the answers file writes it (dates as ISO strings, empty fields left out)."""
    out: dict[str, Any] = {"fichier": source.fichier, "format": source.format}
    for key in ("date", "lu_le"):
        value = getattr(source, key)
        if value is not None:
            out[key] = value.isoformat()
    for key in ("compte", "base", "unite"):
        value = getattr(source, key)
        if value is not None:
            out[key] = value
    return out

"""Table exports of an inventory (`glpi-export`, `ocs-export`): a GLPI search export of
computers or of software (CSV with any delimiter, ODS, XLSX) or an OCS Inventory console export,
headers told in French or English, or named with `--map COL=FIELD`."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from tnl_cli import numbers
from tnl_cli.errors import TnlError
from tnl_cli.inventory.figures import Machine, SoftwareRow
from tnl_cli.inventory.values import Report, checked_text, parse_date
from tnl_cli.textnorm import fold

# Fields of a table export, and the headers (folded) that name them, French and English.
FIELDS: dict[str, tuple[str, ...]] = {
    "name": ("nom", "name", "machine", "computer", "ordinateur", "nom de la machine",
             "nom de l ordinateur", "computer name", "hostname", "nom d hote", "device name"),
    "serial": ("numero de serie", "serial number", "serial", "numero serie", "n de serie",
               "ssn", "bios serial", "numero de serie bios", "bios numero de serie"),
    "uuid": ("uuid", "uuid systeme", "system uuid"),
    "os": ("systeme d exploitation nom", "operating system name", "systeme d exploitation",
           "operating system", "os", "systeme", "system", "os name", "nom du systeme",
           "systeme d exploitation version", "os version"),
    "type": ("type", "type d ordinateur", "computer type", "type de machine", "chassis",
             "type de chassis", "chassis type"),
    "model": ("modele", "model", "modele d ordinateur", "computer model", "smodel"),
    "manufacturer": ("fabricant", "manufacturer", "constructeur", "smanufacturer"),
    "bios_date": ("date du bios", "bios date", "date bios", "bios release date",
                  "micrologiciel date", "firmware date", "bdate"),
    "purchase_date": ("date d achat", "purchase date", "date of purchase",
                      "gestion financiere et administrative date d achat",
                      "financial and administrative information date of purchase"),
    "inventory_date": ("derniere date d inventaire", "last inventory date", "dernier inventaire",
                       "last inventory", "date du dernier inventaire", "derniere modification",
                       "last update", "derniere mise a jour de "
                       "l inventaire", "last inventory update", "derniere remontee"),
    "software": ("logiciel", "software", "nom du logiciel", "software name", "logiciels nom",
                 "logiciels", "softwares", "softwares name", "logiciels installes",
                 "installed software"),
    "publisher": ("editeur", "publisher", "fabricant du logiciel"),
    "installs": ("nombre d installations", "number of installations", "installations",
                 "installs", "nb installations", "nombre de postes", "computers",
                 "nombre de machines", "nb machines", "machines", "count", "nombre"),
    "version": ("versions nom", "versions name", "version", "versions"),
}
_ALIASES = {alias: name for name, aliases in FIELDS.items() for alias in aliases}
_FRENCH_FIELDS = {"nom": "name", "serie": "serial", "systeme": "os", "modele": "model",
                  "fabricant": "manufacturer", "date_bios": "bios_date",
                  "date_achat": "purchase_date", "date_inventaire": "inventory_date",
                  "logiciel": "software", "editeur": "publisher"}
_OCS_HEADERS = {"tag", "account info tag", "dernier inventaire", "last inventory",
                "derniere remontee", "ram mb", "cpu mhz", "ip address", "adresse ip"}



def parse_map(specs: list[str]) -> dict[str, str]:
    """`--map COL=FIELD` options -> {folded column: field}."""
    out: dict[str, str] = {}
    for spec in specs:
        column, sep, name = spec.rpartition("=")
        name = _FRENCH_FIELDS.get(name.strip().casefold(), name.strip().casefold())
        if not sep or not column.strip() or name not in FIELDS:
            raise TnlError.of("inventory.bad_map", spec=spec, fields=", ".join(FIELDS))
        out[fold(column)] = name
    return out


def match_header(cells: list[str], mapping: dict[str, str]) -> dict[str, int]:
    """Field -> column index, from the user's --map first, then the known headers."""
    out: dict[str, int] = {}
    for i, cell in enumerate(cells):
        key = fold(cell)
        name = mapping.get(key) or _ALIASES.get(key)
        if name is None and " - " in cell:  # "Gestion financière - Date d'achat"…
            name = _ALIASES.get(fold(cell.split(" - ", 1)[1]))
            if name in ("name", "software", "version", "type"):  # "Lieu - Nom" is no name
                name = None
        if name is not None and name not in out:
            out[name] = i
    return out


def header_score(mapping: dict[str, str]) -> Callable[[Sequence[str]], int]:
    return lambda cells: len(match_header(list(cells), mapping))


def table_kind(columns: dict[str, int]) -> str | None:
    """computers | software | None (cannot tell)."""
    if {"os", "serial", "uuid", "type", "model", "bios_date", "purchase_date"} & set(columns):
        return "computers"
    if {"installs", "publisher", "software", "version"} & set(columns) and (
            "name" in columns or "software" in columns):
        return "software"
    return None


def _cell(row: list[str], columns: dict[str, int], name: str) -> str | None:
    i = columns.get(name)
    return row[i] if i is not None and i < len(row) else None


# How a GLPI export joins the values of a multi-valued column (the software of a computer).
_MULTI = re.compile(r"\$\$##\$\$|<br\s*/?>|\r?\n")


def _software_cell(raw: str | None, where: str) -> tuple[str, ...] | None:
    if raw is None:
        return None
    names = (checked_text(part, where, "software") for part in _MULTI.split(raw))
    return tuple(dict.fromkeys(n for n in names if n))


def _installs(raw: str | None, where: str) -> int | None:
    if raw is None or not raw.strip():
        return None
    digits = raw.replace(" ", "").replace("\u202f", "").replace("\xa0", "")
    count = numbers.plain_int(digits) if len(digits) <= 9 else None  # « 4² », « ٤١ »: refused
    if count is None:
        raise TnlError.of("inventory.bad_installs", file=where, value=raw[:40])
    return count


def _checked(source: Any, display: str) -> Iterator[list[str]]:
    """The rows of a table; a CSV error (a quote left open runs into the field size limit) or
    bytes the encoding cannot decode become a message naming the line."""
    import csv

    try:
        yield from source.rows
    except csv.Error as exc:
        raise TnlError.of("batch.csv_error", file=display, line=source.line_num,
                          reason=str(exc)) from exc
    except UnicodeDecodeError as exc:  # a file that mixes encodings, or is cut short
        raise TnlError.of("batch.decode_error", file=display,
                          line=source.bad_line() or source.line_num or None,
                          encoding=(source.encoding or "utf-8").upper()) from exc


def table_rows(path: Path, display: str, mapping: dict[str, str], delimiter: str | None,
               spreadsheet: bool, report: Report) -> Iterator[Machine | SoftwareRow]:
    from tnl_cli.io import sheet_read
    from tnl_cli.io import table_read as tabular

    if spreadsheet:
        source = sheet_read.open_spreadsheet(path, None)
    else:
        source = tabular.open_csv(path, None, delimiter, header_score(mapping))
    rows_of = _checked(source, display)
    try:
        header: list[str] = []
        for row in rows_of:
            if any(cell.strip() for cell in row):
                header = row
                break
        if not header:
            raise TnlError.of("inventory.empty", file=display)
        columns = match_header(header, mapping)
        kind = table_kind(columns)
        if kind is None:
            seen = ", ".join(f"« {c.strip()} »" for c in header if c.strip())[:600]
            raise TnlError.of("inventory.columns_unknown", file=display, columns=seen or "—",
                              fields=", ".join(FIELDS))
        folded = {fold(c) for c in header if c.strip()}
        trailing = len(header) > 1 and not header[-1].strip()
        # OCS Inventory's console ends every line with its separator; GLPI's export does not.
        fmt = "ocs-export" if folded & _OCS_HEADERS or trailing else "glpi-export"
        report.formats[fmt] = report.formats.get(fmt, 0) + 1
        rows = 0
        for row in rows_of:
            if not any(cell.strip() for cell in row):
                continue
            rows += 1
            where = f"{display}:{source.line_num}"
            if kind == "software":
                name = checked_text(_cell(row, columns, "software") or _cell(row, columns, "name"),
                             where, "software")
                if name:
                    yield SoftwareRow(where, name, checked_text(_cell(row, columns, "publisher"),
                                                         where, "publisher"),
                                      _installs(_cell(row, columns, "installs"), where))
                continue
            yield Machine(
                where=where,
                name=checked_text(_cell(row, columns, "name"), where, "name"),
                serial=checked_text(_cell(row, columns, "serial"), where, "serial"),
                uuid=checked_text(_cell(row, columns, "uuid"), where, "uuid"),
                os=checked_text(_cell(row, columns, "os"), where, "os"),
                chassis=checked_text(_cell(row, columns, "type"), where, "type"),
                model=checked_text(_cell(row, columns, "model"), where, "model"),
                manufacturer=checked_text(_cell(row, columns, "manufacturer"), where, "manufacturer"),
                bios_date=parse_date(_cell(row, columns, "bios_date"), day_first=True),
                purchase_date=parse_date(_cell(row, columns, "purchase_date"), day_first=True),
                seen=parse_date(_cell(row, columns, "inventory_date"), day_first=True),
                software=_software_cell(_cell(row, columns, "software"), where)
                if "software" in columns else None,
            )
        if not rows:
            raise TnlError.of("inventory.empty", file=display)
    finally:
        source.close()

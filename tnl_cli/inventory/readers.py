"""Inventory readers: the format told by content, each inventory handed to a `figures.Tally`.

Formats (`core.provenance.FORMATS`):
- `glpi-agent-json`: the GLPI Agent / FusionInventory JSON of the public `inventory_format`
  schema (`{"content": {"hardware", "bios", "operatingsystem", "softwares"...}, "itemtype"}`),
  one file per machine, or a folder of them (`glpi-agent --local DIR`);
- `fusioninventory-xml`: the older XML (`<REQUEST><CONTENT><HARDWARE>…`), parsed with defusedxml
  and no DTD allowed (entities, "billion laughs" and external references are refused);
- `glpi-export`: a GLPI search export (CSV with any delimiter, ODS, XLSX) of computers or of
  software, headers in French or English ("Système d'exploitation - Nom", "Operating System -
  Name", "Nombre d'installations"…), or columns named with `--map COL=FIELD`;
- `ocs-export`: an OCS Inventory console export (`;`-separated, a trailing separator).

Virtual machines a computer hosts (`content.virtualmachines`) are not machines of the fleet:
those that run an agent have their own inventory, marked virtual by `hardware.vmsystem`.

Adding a format: a function here that yields `figures.Machine` or `figures.SoftwareRow` from a
path, a test on the first bytes in `sniff`, and its name in `core.provenance.FORMATS`.
A folder is walked lazily (symbolic links followed, a loop refused); a file too large for an
inventory, a name with control characters, an unknown format stop the run with a message naming
the file and the fix (`TnlError`, exit 2).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tnl_cli.errors import TnlError
from tnl_cli.inventory.figures import Machine, SoftwareRow, identifier
from tnl_cli.textnorm import fold

MAX_INVENTORY_BYTES = 64 << 20  # one machine's JSON or XML (a real one is under 2 MB)
MAX_TEXT = 1_000  # characters kept of a name
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"  # .xls

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


@dataclass
class Report:
    """What was read: the format, how many files, the newest file date (for exports)."""

    formats: dict[str, int]
    files: int = 0
    others: int = 0  # inventories of other devices (printers, network equipment) left out
    modified: dt.date | None = None  # the newest modification date of an export file

    def format(self) -> str:
        return max(self.formats, key=lambda k: self.formats[k]) if self.formats else "?"


def _text(raw: Any, where: str, field: str) -> str | None:
    if raw is None or isinstance(raw, (dict, list, bool)):
        return None
    text = str(raw).strip()
    if not text:
        return None
    if _CONTROL.search(text):
        raise TnlError.of("inventory.control_chars", file=where, field=field, value=text[:80])
    return text[:MAX_TEXT]


_DATE_PATTERNS = (
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})"), "ymd"),
    (re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})"), "ymd"),
    (re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})"), "xy"),
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


# ----------------------------------------------------------------------------- JSON and XML

def _get(mapping: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(mapping, dict):
            return None
        mapping = mapping.get(key)
    return mapping


def _serial(system: str | None, board: str | None) -> str | None:
    """The system's serial number; the motherboard's when the system's is a placeholder
    ("To Be Filled By O.E.M." on assembled machines)."""
    return system if identifier(system) is not None or identifier(board) is None else board


def machine_from_json(data: Any, where: str) -> Machine | None:
    """A GLPI Agent JSON inventory as a Machine; None for another device (printer…)."""
    if not isinstance(data, dict) or not isinstance(data.get("content"), dict):
        raise TnlError.of("inventory.json_not_inventory", file=where)
    itemtype = data.get("itemtype")
    if isinstance(itemtype, str) and itemtype.casefold() not in ("computer", ""):
        return None
    content = data["content"]
    hardware = content.get("hardware") if isinstance(content.get("hardware"), dict) else {}
    bios = content.get("bios") if isinstance(content.get("bios"), dict) else {}
    system = content.get("operatingsystem")
    system = system if isinstance(system, dict) else {}
    softwares = content.get("softwares")
    names: tuple[str, ...] | None = None
    if isinstance(softwares, list):
        found = (_text(s.get("name"), where, "softwares.name") for s in softwares
                 if isinstance(s, dict))
        names = tuple(n for n in found if n)
    vmsystem = _text(hardware.get("vmsystem"), where, "hardware.vmsystem")
    return Machine(
        where=where,
        name=_text(hardware.get("name"), where, "hardware.name"),
        serial=_serial(_text(bios.get("ssn"), where, "bios.ssn"),
                       _text(bios.get("msn"), where, "bios.msn")),
        uuid=_text(hardware.get("uuid"), where, "hardware.uuid"),
        os=_text(system.get("full_name") or system.get("name") or hardware.get("osname"),
                 where, "operatingsystem.full_name"),
        kernel=_text(system.get("kernel_name"), where, "operatingsystem.kernel_name"),
        chassis=_text(hardware.get("chassis_type"), where, "hardware.chassis_type"),
        model=_text(bios.get("smodel"), where, "bios.smodel"),
        manufacturer=_text(bios.get("smanufacturer"), where, "bios.smanufacturer"),
        virtual=None if vmsystem is None else vmsystem.casefold() != "physical",
        bios_date=parse_date(bios.get("bdate"), day_first=False),
        seen=parse_date(_get(content, "accesslog", "logdate"), day_first=False),
        software=names,
    )


def _read_bytes(path: Path, where: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_INVENTORY_BYTES + 1)
    except OSError as exc:
        raise TnlError.of("io.unreadable", file=where, reason=exc.strerror or str(exc),
                          errno=exc.errno) from exc
    if len(data) > MAX_INVENTORY_BYTES:
        raise TnlError.of("inventory.too_big", file=where, limit=MAX_INVENTORY_BYTES >> 20)
    return data


def read_json(data: bytes, where: str) -> Machine | None:
    import json

    try:
        parsed = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise TnlError.of("io.not_utf8", file=where,
                          line=data[: exc.start].count(b"\n") + 1) from exc
    except json.JSONDecodeError as exc:
        raise TnlError.of("inventory.bad_json", file=where, line=exc.lineno, column=exc.colno,
                          reason=exc.msg) from exc
    except ValueError as exc:  # an integer of over 4,300 digits: no inventory holds one
        raise TnlError.of("inventory.json_not_inventory", file=where) from exc
    except RecursionError as exc:
        raise TnlError.of("inventory.too_deep", file=where) from exc
    return machine_from_json(parsed, where)


def _xml_text(node: Any, path: str, where: str) -> str | None:
    found = node.find(path)
    return _text(found.text, where, path) if found is not None else None


def read_xml(data: bytes, where: str) -> Machine | None:
    """A FusionInventory / GLPI Agent XML inventory (REQUEST/CONTENT/…)."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException  # type: ignore[import-untyped]
    from defusedxml import ElementTree as DET  # type: ignore[import-untyped]

    try:
        root = DET.fromstring(data, forbid_dtd=True, forbid_entities=True,
                              forbid_external=True)
    except DefusedXmlException as exc:
        raise TnlError.of("inventory.xml_hostile", file=where,
                          reason=type(exc).__name__) from exc
    except ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else None
        raise TnlError.of("inventory.bad_xml", file=where, line=line,
                          reason=str(exc).split(":")[0][:120]) from exc
    query = root.findtext("QUERY") or ""
    if root.tag != "REQUEST" or root.find("CONTENT") is None:
        raise TnlError.of("inventory.xml_not_inventory", file=where)
    if query and query.strip().upper() not in ("INVENTORY", "SNMPQUERY", ""):
        raise TnlError.of("inventory.xml_not_inventory", file=where)
    content = root.find("CONTENT")
    if content.find("DEVICE") is not None and content.find("HARDWARE") is None:
        return None  # a network device (SNMP inventory): not a workstation
    names = tuple(n for n in (_text(s.findtext("NAME"), where, "SOFTWARES/NAME")
                              for s in content.iter("SOFTWARES")) if n)
    vmsystem = _xml_text(content, "HARDWARE/VMSYSTEM", where)
    return Machine(
        where=where,
        name=_xml_text(content, "HARDWARE/NAME", where),
        serial=_serial(_xml_text(content, "BIOS/SSN", where),
                       _xml_text(content, "BIOS/MSN", where)),
        uuid=_xml_text(content, "HARDWARE/UUID", where),
        os=_xml_text(content, "OPERATINGSYSTEM/FULL_NAME", where)
        or _xml_text(content, "OPERATINGSYSTEM/NAME", where)
        or _xml_text(content, "HARDWARE/OSNAME", where),
        kernel=_xml_text(content, "OPERATINGSYSTEM/KERNEL_NAME", where),
        chassis=_xml_text(content, "HARDWARE/CHASSIS_TYPE", where),
        model=_xml_text(content, "BIOS/SMODEL", where),
        manufacturer=_xml_text(content, "BIOS/SMANUFACTURER", where),
        virtual=None if vmsystem is None else vmsystem.casefold() != "physical",
        bios_date=parse_date(content.findtext("BIOS/BDATE"), day_first=False),
        seen=parse_date(content.findtext("ACCESSLOG/LOGDATE"), day_first=False),
        software=names if content.find("SOFTWARES") is not None else None,
    )


# ----------------------------------------------------------------------------- tables

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
    names = (_text(part, where, "software") for part in _MULTI.split(raw))
    return tuple(dict.fromkeys(n for n in names if n))


def _installs(raw: str | None, where: str) -> int | None:
    if raw is None or not raw.strip():
        return None
    digits = raw.replace(" ", "").replace("\u202f", "").replace("\xa0", "")
    if not digits.isdigit() or len(digits) > 9:
        raise TnlError.of("inventory.bad_installs", file=where, value=raw[:40])
    return int(digits)


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
    from tnl_cli.io import table_read as tabular

    if spreadsheet:
        source = tabular.open_spreadsheet(path, None)
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
                name = _text(_cell(row, columns, "software") or _cell(row, columns, "name"),
                             where, "software")
                if name:
                    yield SoftwareRow(where, name, _text(_cell(row, columns, "publisher"),
                                                         where, "publisher"),
                                      _installs(_cell(row, columns, "installs"), where))
                continue
            yield Machine(
                where=where,
                name=_text(_cell(row, columns, "name"), where, "name"),
                serial=_text(_cell(row, columns, "serial"), where, "serial"),
                uuid=_text(_cell(row, columns, "uuid"), where, "uuid"),
                os=_text(_cell(row, columns, "os"), where, "os"),
                chassis=_text(_cell(row, columns, "type"), where, "type"),
                model=_text(_cell(row, columns, "model"), where, "model"),
                manufacturer=_text(_cell(row, columns, "manufacturer"), where, "manufacturer"),
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


# ----------------------------------------------------------------------------- files, folders

def sniff(head: bytes) -> str:
    """json | xml | zip | ole | text | empty, from a file's first bytes."""
    body = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if not body:
        return "empty"
    if head.startswith(_ZIP):
        return "zip"
    if head.startswith(_OLE):
        return "ole"
    if body[:1] in (b"{", b"["):
        return "json"
    if body[:1] == b"<":
        return "xml"
    return "text"


def _spreadsheet_kind(path: Path) -> str | None:
    """The workbook a zip file holds, by its members: .ods or .xlsx (None: another zip)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist()[:200])
    except (OSError, zipfile.BadZipFile):
        return None
    if "content.xml" in names and "mimetype" in names:
        return ".ods"
    if "xl/workbook.xml" in names:
        return ".xlsx"
    return None


def walk(root: Path) -> Iterator[Path]:
    """The files under `root`, sorted, hidden ones left out; symbolic links followed, a link
    back to a folder being walked refused (it would never end). Only the names of one folder
    at a time are held (a 50,000-file folder: its names, not 50,000 objects)."""
    try:
        st = root.stat()
    except OSError as exc:
        raise TnlError.of("io.unreadable", file=str(root), reason=exc.strerror or str(exc),
                          errno=exc.errno) from exc
    stack: list[tuple[str, tuple[tuple[int, int], ...]]] = [(str(root),
                                                             ((st.st_dev, st.st_ino),))]
    while stack:
        folder, ancestors = stack.pop()
        try:
            with os.scandir(folder) as entries:
                names = sorted(e.name for e in entries if not e.name.startswith("."))
        except OSError as exc:
            raise TnlError.of("io.unreadable", file=folder, reason=exc.strerror or str(exc),
                              errno=exc.errno) from exc
        folders: list[tuple[str, tuple[tuple[int, int], ...]]] = []
        for name in names:
            path = os.path.join(folder, name)
            try:
                st = os.stat(path)
            except OSError as exc:  # a dangling link, a link loop at the entry itself
                raise TnlError.of("inventory.bad_link", file=path,
                                  reason=exc.strerror or str(exc), errno=exc.errno) from exc
            if stat.S_ISDIR(st.st_mode):
                key = (st.st_dev, st.st_ino)
                if key in ancestors:
                    raise TnlError.of("inventory.link_loop", file=path)
                folders.append((path, (*ancestors, key)))
            else:
                yield Path(path)
        stack.extend(reversed(folders))


def read_path(path: Path, display: str, mapping: dict[str, str], delimiter: str | None,
              report: Report) -> Iterator[Machine | SoftwareRow | None]:
    """Everything one file gives (None: a device that is not a computer)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except OSError as exc:
        raise TnlError.of("io.unreadable", file=display, reason=exc.strerror or str(exc),
                          errno=exc.errno) from exc
    kind = sniff(head)
    report.files += 1
    if kind == "empty":
        raise TnlError.of("inventory.empty", file=display)
    if kind == "json":
        report.formats["glpi-agent-json"] = report.formats.get("glpi-agent-json", 0) + 1
        yield read_json(_read_bytes(path, display), display)
        return
    if kind == "xml":
        report.formats["fusioninventory-xml"] = report.formats.get("fusioninventory-xml", 0) + 1
        yield read_xml(_read_bytes(path, display), display)
        return
    _note_modified(path, report)
    if kind in ("zip", "ole"):
        if kind == "zip" and _spreadsheet_kind(path) is None:  # a zip, but no workbook
            raise TnlError.of("inventory.unknown_format", file=display)
        # calamine tells .xlsx, .ods and .xls by content too: the name does not matter.
        yield from table_rows(path, display, mapping, None, True, report)
        return
    yield from table_rows(path, display, mapping, delimiter, False, report)


def _note_modified(path: Path, report: Report) -> None:
    try:
        modified = dt.date.fromtimestamp(path.stat().st_mtime)
    except (OSError, ValueError, OverflowError):
        return
    if report.modified is None or modified > report.modified:
        report.modified = modified


def inputs(paths: list[Path]) -> Iterator[tuple[Path, str]]:
    """(path, name shown) of every file to read: files as given, folders walked."""
    for path in paths:
        if not path.exists() and not path.is_symlink():
            raise TnlError.of("io.missing", file=str(path))
        if path.is_dir():
            for found in walk(path):
                yield found, str(found)
        elif not path.exists():
            raise TnlError.of("inventory.bad_link", file=str(path), reason="", errno=None)
        else:
            yield path, str(path)

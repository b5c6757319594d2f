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

Here: the format told by a file's first bytes (`sniff`, `read_path`), folders walked. The
readers themselves: `agent_files` (JSON, XML: one machine per file), `exports` (tables).
Adding a format: a function in one of them (or a module of its own) that yields
`figures.Machine` or `figures.SoftwareRow` from a path, a test on the first bytes in `sniff`,
and its name in `core.provenance.FORMATS`.
A folder is walked lazily (symbolic links followed, a loop refused); a file too large for an
inventory, a name with control characters, an unknown format stop the run with a message naming
the file and the fix (`TnlError`, exit 2).
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from tnl_cli.errors import TnlError
from tnl_cli.inventory.agent_files import read_bytes, read_json, read_xml
from tnl_cli.inventory.exports import table_rows
from tnl_cli.inventory.figures import Machine, SoftwareRow
from tnl_cli.inventory.values import Report

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"  # .xls


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


# No inventory format is YAML: an answers file kept in the inventory folder (and the copy
# `--apply` leaves beside it) is not read as an export on the next run.
ANSWERS_SUFFIXES = (".yaml", ".yml")


def walk(root: Path) -> Iterator[Path]:
    """The files under `root`, sorted, hidden ones and YAML files left out; symbolic links followed, a link
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
            elif not name.lower().endswith(ANSWERS_SUFFIXES):
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
        yield read_json(read_bytes(path, display), display)
        return
    if kind == "xml":
        report.formats["fusioninventory-xml"] = report.formats.get("fusioninventory-xml", 0) + 1
        yield read_xml(read_bytes(path, display), display)
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

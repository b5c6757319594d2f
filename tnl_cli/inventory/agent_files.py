"""Inventories of one machine per file: the GLPI Agent / FusionInventory JSON (`glpi-agent-json`)
and the older FusionInventory XML (`fusioninventory-xml`, through defusedxml, no DTD allowed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tnl_cli.errors import TnlError
from tnl_cli.inventory.figures import Machine, identifier
from tnl_cli.inventory.values import checked_text, parse_date

MAX_INVENTORY_BYTES = 64 << 20  # one machine's JSON or XML (a real one is under 2 MB)


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
        found = (checked_text(s.get("name"), where, "softwares.name") for s in softwares
                 if isinstance(s, dict))
        names = tuple(n for n in found if n)
    vmsystem = checked_text(hardware.get("vmsystem"), where, "hardware.vmsystem")
    return Machine(
        where=where,
        name=checked_text(hardware.get("name"), where, "hardware.name"),
        serial=_serial(checked_text(bios.get("ssn"), where, "bios.ssn"),
                       checked_text(bios.get("msn"), where, "bios.msn")),
        uuid=checked_text(hardware.get("uuid"), where, "hardware.uuid"),
        os=checked_text(system.get("full_name") or system.get("name") or hardware.get("osname"),
                 where, "operatingsystem.full_name"),
        kernel=checked_text(system.get("kernel_name"), where, "operatingsystem.kernel_name"),
        chassis=checked_text(hardware.get("chassis_type"), where, "hardware.chassis_type"),
        model=checked_text(bios.get("smodel"), where, "bios.smodel"),
        manufacturer=checked_text(bios.get("smanufacturer"), where, "bios.smanufacturer"),
        virtual=None if vmsystem is None else vmsystem.casefold() != "physical",
        bios_date=parse_date(bios.get("bdate"), day_first=False),
        seen=parse_date(_get(content, "accesslog", "logdate"), day_first=False),
        software=names,
    )


def read_bytes(path: Path, where: str) -> bytes:
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


def _xmlchecked_text(node: Any, path: str, where: str) -> str | None:
    found = node.find(path)
    return checked_text(found.text, where, path) if found is not None else None


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
    names = tuple(n for n in (checked_text(s.findtext("NAME"), where, "SOFTWARES/NAME")
                              for s in content.iter("SOFTWARES")) if n)
    vmsystem = _xmlchecked_text(content, "HARDWARE/VMSYSTEM", where)
    return Machine(
        where=where,
        name=_xmlchecked_text(content, "HARDWARE/NAME", where),
        serial=_serial(_xmlchecked_text(content, "BIOS/SSN", where),
                       _xmlchecked_text(content, "BIOS/MSN", where)),
        uuid=_xmlchecked_text(content, "HARDWARE/UUID", where),
        os=_xmlchecked_text(content, "OPERATINGSYSTEM/FULL_NAME", where)
        or _xmlchecked_text(content, "OPERATINGSYSTEM/NAME", where)
        or _xmlchecked_text(content, "HARDWARE/OSNAME", where),
        kernel=_xmlchecked_text(content, "OPERATINGSYSTEM/KERNEL_NAME", where),
        chassis=_xmlchecked_text(content, "HARDWARE/CHASSIS_TYPE", where),
        model=_xmlchecked_text(content, "BIOS/SMODEL", where),
        manufacturer=_xmlchecked_text(content, "BIOS/SMANUFACTURER", where),
        virtual=None if vmsystem is None else vmsystem.casefold() != "physical",
        bios_date=parse_date(content.findtext("BIOS/BDATE"), day_first=False),
        seen=parse_date(content.findtext("ACCESSLOG/LOGDATE"), day_first=False),
        software=names if content.find("SOFTWARES") is not None else None,
    )

"""The figures an inventory gives, with the count and base behind each: pure, no file read here.

The readers (`readers.py`, `agent_files.py`, `exports.py`) turn each inventory (a GLPI Agent
JSON file, a FusionInventory XML file, a row of a GLPI or OCS export) into a `Machine`, or a row
of a software export into a `SoftwareRow`; a `Tally` takes them one at a time (a 50,000-machine
folder is never held in memory: only the serial numbers and UUIDs seen, and a count per software
name) and gives the `Figures`; `proposals` turns them into answers of the catalog
(`core.provenance.Proposal`).

Choices made here, said to the user with the figures:
- servers and virtual machines are left out of the workstations (chassis type, computer type,
  "Server" in the system's name, a hypervisor's model or manufacturer);
- a machine whose serial number or UUID was already seen is counted once (placeholders such as
  "To Be Filled By O.E.M." or an all-zero UUID identify nothing and are ignored);
- a workstation whose system is not named counts as not free (the share is never inflated);
- shares are rounded down to one decimal (72.39 % -> 72.3 %), so that rounding never crosses a
  scoring threshold upwards;
- the average age of workstations (from the purchase date, else the BIOS date) is shown for
  information: the catalog asks how long workstations are used before being replaced, which the
  age of the machines in service does not measure, so it is never proposed as that answer.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from tnl_cli.core.provenance import Proposal, Source

# Criteria the inventory answers (ids of the 2024 and 2025 catalogs).
OS_SHARE = "part_postes_os_libre"
OFFICE_SHARE = "part_postes_libreoffice"
OFFICE_SUITE = "suite_bureautique"
AT_LEAST_ONE = "utilise_logiciel_libre"
FREE_USES = "logiciels_libres_utilises"
SOFTWARE_LIST = "inventaire_logiciels"
EQUIPMENT_LIFE = "duree_vie_postes"  # shown for information only (see above)
# The software catalog's use domains -> the choices of FREE_USES they answer.
USES = {"navigateur": "navigateur", "messagerie": "messagerie", "collaboratif": "collaboratif",
        "visio": "visioconference", "sig": "sig", "graphisme": "graphisme", "web": "site_web"}
SUITE_FUNCTION = "suite bureautique"  # how the catalog's `function` names an office suite
MAX_LISTED = 2_000  # software proposed for the inventory answer (core.answers.MAX_INVENTORY)

_FREE_OS = re.compile(
    r"linux|ubuntu|debian|fedora|\bmint\b|centos|rocky|alma ?linux|red ?hat|rhel|suse|"
    r"\barch\b|manjaro|elementary|zorin|primtux|emmabuntu|gnu|freebsd|openbsd|netbsd|"
    r"\bpop!?_?os\b|kali|mageia|gentoo|slackware|nixos|trisquel|endless")
_PROPRIETARY_OS = re.compile(r"windows|mac ?os|os ?x|darwin|chrome ?os|android|ios\b")
_SERVER_CHASSIS = re.compile(
    r"rack|server|serveur|blade|lame|multi-system|main server|expansion chassis|"
    r"io expansion|storage|stockage|bus expansion|compactpci|advancedtca")
_SERVER_OS = re.compile(r"\bserver\b|\bserveur\b|windows \d{4}\b|\bsbs\b")
_VIRTUAL = re.compile(
    r"virtual|virtuel|vmware|virtualbox|innotek|\bkvm\b|qemu|hyper-v|\bxen\b|bochs|parallels|"
    r"bhyve|proxmox|openstack|amazon ec2|google compute")
_PLACEHOLDERS = re.compile(
    r"^(?:|0+|x+|none|null|n/?a|unknown|inconnu|default string|not specified|not available|"
    r"to be filled by o\.?e\.?m\.?|system serial number|chassis serial number|"
    r"serial number|0123456789|1234567890|123456789|[-0f]+|03000200-0400-0500-0006-000700080009)$")
_OLDEST = dt.date(1990, 1, 1)  # before this, a date is a placeholder, not a purchase
STALE_DAYS = 365  # a workstation not inventoried for a year may have left the fleet


def identifier(raw: str | None) -> str | None:
    """A serial number or UUID as compared for duplicates; None for a placeholder."""
    if raw is None:
        return None
    text = " ".join(str(raw).split()).casefold()
    return None if _PLACEHOLDERS.match(text) else text


@dataclass(frozen=True)
class Machine:
    """One inventoried machine, as much as its inventory says (None: not said)."""

    where: str  # the file (and row) it was read from, for messages
    name: str | None = None
    serial: str | None = None
    uuid: str | None = None
    os: str | None = None  # the system's name or full name, as written
    kernel: str | None = None  # GLPI Agent's kernel_name (linux, mswin32, darwin…)
    chassis: str | None = None  # chassis type, or the computer type of an export
    model: str | None = None
    manufacturer: str | None = None
    virtual: bool | None = None  # the inventory says it is a virtual machine
    bios_date: dt.date | None = None
    purchase_date: dt.date | None = None
    seen: dt.date | None = None  # when it was inventoried
    software: tuple[str, ...] | None = None  # None: the source lists no software

    def kind(self) -> str:
        """workstation | server | virtual."""
        text = " ".join(x for x in (self.model, self.manufacturer, self.chassis) if x).casefold()
        if self.virtual or _VIRTUAL.search(text):
            return "virtual"
        if (self.chassis and _SERVER_CHASSIS.search(self.chassis.casefold())) or (
                self.os and _SERVER_OS.search(self.os.casefold())):
            return "server"
        return "workstation"

    def free_os(self) -> bool | None:
        """True under a free system, False under another, None when the system is not said."""
        text = " ".join(x for x in (self.os, self.kernel) if x).casefold()
        if not text.strip():
            return None
        if _PROPRIETARY_OS.search(text) or self.kernel and self.kernel.casefold().startswith(
                "mswin"):
            return False
        return bool(_FREE_OS.search(text))


@dataclass(frozen=True)
class SoftwareRow:
    """One line of a software export: a name and how many installations (None: not said)."""

    where: str
    name: str
    publisher: str | None = None
    installs: int | None = None


@dataclass(frozen=True)
class Found:
    """A catalog software found in the inventory, and on how many machines (or installations)."""

    id: str
    name: str
    free: bool
    use_domain: str
    suite: bool  # an office suite
    count: int


@dataclass
class Figures:
    machines: int = 0  # inventories read
    duplicates: int = 0  # machines already seen (same serial or UUID), counted once
    servers: int = 0
    virtual: int = 0
    workstations: int = 0
    free_os: int = 0
    os_unknown: int = 0  # workstations whose system is not said (counted as not free)
    listed: int = 0  # workstations whose inventory lists software
    free_suite: int = 0  # ... with a free office suite
    proprietary_suite: int = 0  # ... with a proprietary one
    software_rows: int = 0  # lines of a software export
    names: int = 0  # distinct software names seen
    found: list[Found] = field(default_factory=list)  # catalog software, most used first
    stale: int = 0  # workstations last inventoried over STALE_DAYS before the reading
    aged: int = 0  # workstations with a usable purchase or BIOS date
    age_years: float | None = None
    newest: dt.date | None = None  # the newest inventory date


def floor_share(count: int, base: int) -> float | None:
    """count / base as a percentage rounded down to one decimal (72.39 -> 72.3); 100 stays."""
    if base <= 0:
        return None
    value = math.floor(1000 * count / base) / 10
    return int(value) if float(value).is_integer() else value


class Tally:
    """Takes machines and software rows one at a time; `figures()` at any point."""

    def __init__(self, today: dt.date, matcher: Any) -> None:
        """`matcher(name)` -> the catalog's Software or None (reference.software.match, cached
        here per distinct name)."""
        self.today, self._match = today, matcher
        self.fig = Figures()
        self._seen: set[str] = set()
        self._known: dict[str, Any] = {}  # name as written -> Software or None
        self._counts: Counter[str] = Counter()  # catalog id -> machines or installations
        self._ages: float = 0.0
        self.duplicate_names: list[str] = []  # the first few, for the message

    def _software(self, name: str) -> Any:
        if name not in self._known:
            if len(self._known) >= 200_000:  # a hostile file with endless distinct names
                return None
            self._known[name] = self._match(name)
        return self._known[name]

    def _duplicate(self, m: Machine) -> bool:
        keys = [f"s:{k}" for k in (identifier(m.serial),) if k] + \
               [f"u:{k}" for k in (identifier(m.uuid),) if k]
        if any(k in self._seen for k in keys):
            return True
        self._seen.update(keys)
        return False

    def add(self, m: Machine) -> None:
        fig = self.fig
        fig.machines += 1
        if self._duplicate(m):
            fig.duplicates += 1
            if len(self.duplicate_names) < 5:
                where = m.where.replace("\\", "/").rsplit("/", 1)[-1]
                self.duplicate_names.append(f"{m.name} ({where})" if m.name else where)
            return
        if m.seen is not None and m.seen <= self.today and (
                fig.newest is None or m.seen > fig.newest):
            fig.newest = m.seen
        suites: set[bool] = set()
        for name in dict.fromkeys(m.software or ()):
            s = self._software(name)
            if s is None:
                continue
            self._counts[s.id] += 1
            if s.function.casefold().startswith(SUITE_FUNCTION):
                suites.add(s.free)
        kind = m.kind()
        if kind == "server":
            fig.servers += 1
            return
        if kind == "virtual":
            fig.virtual += 1
            return
        fig.workstations += 1
        if m.seen is not None and (self.today - m.seen).days > STALE_DAYS:
            fig.stale += 1
        free = m.free_os()
        fig.free_os += free is True
        fig.os_unknown += free is None
        if m.software is not None:
            fig.listed += 1
            fig.free_suite += True in suites
            fig.proprietary_suite += False in suites
        bought = m.purchase_date or m.bios_date
        reference = m.seen if m.seen is not None and m.seen <= self.today else self.today
        if bought is not None and _OLDEST <= bought <= reference:
            fig.aged += 1
            self._ages += (reference - bought).days / 365.25

    def add_software(self, row: SoftwareRow) -> None:
        self.fig.software_rows += 1
        s = self._software(row.name)
        if s is not None and row.installs != 0:
            self._counts[s.id] += row.installs if row.installs is not None else 1

    def figures(self, catalog: dict[str, Any]) -> Figures:
        """The figures so far; `catalog`: the software catalog by id (reference.software)."""
        fig = self.fig
        fig.names = len(self._known)
        fig.found = [Found(sid, catalog[sid].name, catalog[sid].free, catalog[sid].use_domain,
                           catalog[sid].function.casefold().startswith(SUITE_FUNCTION), count)
                     for sid, count in sorted(self._counts.items(),
                                              key=lambda kv: (-kv[1], catalog[kv[0]].name))]
        fig.age_years = round(self._ages / fig.aged, 1) if fig.aged else None
        return fig


def suite_answer(fig: Figures) -> tuple[str, int, int, int] | None:
    """libre | mixte | proprietaire, with how many have a free suite, a proprietary one, and
    the base (workstations whose software is listed; else the suites of a software export)."""
    if fig.listed:
        if not (fig.free_suite or fig.proprietary_suite):
            return None
        free, proprietary, base = fig.free_suite, fig.proprietary_suite, fig.listed
    else:
        suites = [f for f in fig.found if f.suite]
        free = sum(1 for f in suites if f.free)
        proprietary, base = len(suites) - free, len(suites)
        if not suites:
            return None
    value = "mixte" if free and proprietary else "libre" if free else "proprietaire"
    return value, free, proprietary, base


def proposals(fig: Figures, criteria: dict[str, Any], source: Source) -> list[Proposal]:
    """The answers the figures give for the criteria of a catalog (`criteria`: by id, each
    with `choice(value)` for choice questions). `source`: the file, format and dates; the
    count, base and unit are filled in per answer."""
    out: list[Proposal] = []

    def add(cid: str, value: Any, key: str, compte: int | None, base: int | None, unite: str,
            **params: Any) -> None:
        if cid not in criteria:
            return
        src = Source(source.fichier, source.format, source.lu_le, source.date, compte, base,
                     unite)
        out.append(Proposal(cid, value, (src,), key, {"compte": compte, "base": base, **params}))

    ws = fig.workstations
    if ws and fig.os_unknown < ws:  # no system known at all (no such column): no share to give
        add(OS_SHARE, floor_share(fig.free_os, ws), "inventory.reason_os", fig.free_os, ws,
            "postes", share=floor_share(fig.free_os, ws))
    suite = suite_answer(fig)
    if fig.listed and suite is not None and suite[0] != "proprietaire":
        share = floor_share(fig.free_suite, fig.listed)
        add(OFFICE_SHARE, share, "inventory.reason_office", fig.free_suite, fig.listed,
            "postes", share=share)
    if suite is not None and criteria.get(OFFICE_SUITE) is not None and \
            criteria[OFFICE_SUITE].choice(suite[0]) is not None:
        value, with_free, with_proprietary, base = suite
        counted = {"libre": with_free, "proprietaire": with_proprietary}.get(value,
                                                                             with_proprietary)
        unit = "postes" if fig.listed else "logiciels"
        add(OFFICE_SUITE, value, f"inventory.reason_suite_{value}_{unit}", counted, base, unit,
            free=with_free, proprietary=with_proprietary,
            names=", ".join(f.name for f in fig.found if f.suite))
    free = [f for f in fig.found if f.free]
    if free:
        add(AT_LEAST_ONE, True, "inventory.reason_free", len(free), len(fig.found), "logiciels",
            names=", ".join(f.name for f in free[:5]))
    if fig.found:
        listed = [f.name for f in fig.found[:MAX_LISTED]]
        add(SOFTWARE_LIST, listed, "inventory.reason_list", len(listed), fig.names,
            "logiciels")
    criterion = criteria.get(FREE_USES)
    if criterion is not None:
        uses: dict[str, list[str]] = {}
        for f in free:
            choice = USES.get(f.use_domain)
            if choice is not None and criterion.choice(choice) is not None:
                uses.setdefault(choice, []).append(f.name)
        if uses:
            ordered = [ch.value for ch in criterion.choices if ch.value in uses]
            names = list(dict.fromkeys(n for c in ordered for n in uses[c]))
            add(FREE_USES, ordered, "inventory.reason_uses", len(names), None, "logiciels",
                names=", ".join(names))
    return out

"""Read inventories (files and folders) into figures and proposed answers, for the commands."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tnl_cli.core.provenance import MAX_TEXT, Proposal, Source
from tnl_cli.errors import TnlError
from tnl_cli.inventory import figures as fig_mod
from tnl_cli.inventory import readers
from tnl_cli.inventory.figures import Figures, Machine
from tnl_cli.inventory.values import Report


@dataclass
class Collected:
    figures: Figures
    report: Report
    duplicate_names: list[str]
    source: Source  # the file(s), format and dates; count and base are per answer

    def proposals(self, catalog: Any) -> list[Proposal]:
        return fig_mod.proposals(self.figures, catalog.by_id, self.source)


_NOISE = re.compile(r"\s*(?:'[^']*'|\"[^\"]*\"|\([^)]*\)|\[[^\]]*\])")


def recognise(name: str) -> Any:
    """The catalog software an installed program's name designates, or None. Registry names
    carry more than the product ("QGIS 3.28.15 'Firenze'", "7-Zip 23.01 (x64)", "… - fr-fr"):
    the name is tried as it is, then without quoted or bracketed words and a dashed tail."""
    from tnl_cli.reference import software

    found = software.match(name).software
    if found is None:
        bare = _NOISE.sub(" ", name).split(" - ", 1)[0].strip()
        if bare and bare != name:
            found = software.match(bare).software
    return found


def count_files(paths: list[Path]) -> int:
    return sum(1 for _ in readers.inputs(paths))


def collect(paths: list[Path], *, mapping: dict[str, str] | None = None,
            delimiter: str | None = None, today: dt.date | None = None,
            progress: Callable[[int], None] | None = None) -> Collected:
    """Read every inventory under `paths` (streamed: one machine at a time). `progress(n)` is
    called after each file. TnlError (exit 2) when nothing usable was read."""
    from tnl_cli.reference import software

    today = today or dt.date.today()
    tally = fig_mod.Tally(today, recognise)
    report = Report(formats={})
    for done, (path, display) in enumerate(readers.inputs(paths), start=1):
        for item in readers.read_path(path, display, mapping or {}, delimiter, report):
            if item is None:
                report.others += 1
            elif isinstance(item, Machine):
                tally.add(item)
            else:
                tally.add_software(item)
        if progress is not None:
            progress(done)
    if report.files == 0:
        raise TnlError.of("inventory.no_files", file=", ".join(str(p) for p in paths))
    figures = tally.figures(software.catalog())
    if figures.machines == 0 and figures.software_rows == 0:
        raise TnlError.of("inventory.no_machine", file=", ".join(str(p) for p in paths))
    shown = paths[0].as_posix() if len(paths) == 1 else ", ".join(p.as_posix() for p in paths)
    source = Source(shown[:MAX_TEXT], report.format(), today, figures.newest or report.modified)
    return Collected(figures, report, tally.duplicate_names, source)

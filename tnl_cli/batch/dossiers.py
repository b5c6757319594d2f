"""The Markdown dossier of each eligible batch row, under safe, unique file names."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tnl_cli.core.catalog import Catalog
from tnl_cli.errors import TnlError
from tnl_cli.textnorm import fold

if TYPE_CHECKING:
    from tnl_cli.batch.rows import Checker


class DossierWriter:
    """Writes the Markdown dossier of eligible rows into one directory: names built from the
    name and the code, slugified (no path can leave the directory), never overwriting."""

    def __init__(self, directory: Path, catalog: Catalog, lang: str) -> None:
        from tnl_cli.dossier import render as dossier  # noqa: F401 - fail early if the dossier module is missing

        display = str(directory)
        if directory.exists() and not directory.is_dir():
            raise TnlError.of("batch.dossiers_not_dir", dir=display)
        parent = directory.parent if str(directory.parent) else Path(".")
        if not parent.is_dir():
            raise TnlError.of("io.no_dir", file=display, dir=str(parent))
        self.directory, self.catalog, self.lang = directory, catalog, lang
        self._used: set[str] = set()

    def __call__(self, checker: Checker, row: list[str], line: int, code: str | None) -> None:
        from tnl_cli.core.engine import evaluate
        from tnl_cli.dossier import render as dossier
        from tnl_cli.io.files import write_atomic

        answers = checker.answers(row)
        data = dossier.render(self.catalog, answers, evaluate(self.catalog, answers), "md",
                              self.lang)
        try:
            self.directory.mkdir(exist_ok=True)
        except OSError as exc:
            raise TnlError.of("io.unwritable", file=str(self.directory),
                              reason=exc.strerror or str(exc)) from exc
        stem = dossier_stem(answers.identity.nom, code, line)
        for n in range(1, 10_000):
            name = f"{stem}.md" if n == 1 else f"{stem}-{n}.md"
            if name in self._used or (self.directory / name).exists():
                continue
            try:
                write_atomic(self.directory / name, data, overwrite=False)
            except TnlError as exc:
                if exc.problems[0].key == "io.exists":  # appeared meanwhile: next name
                    continue
                raise
            self._used.add(name)
            return


def dossier_stem(name: str | None, code: str | None, line: int) -> str:
    """'Saint-Étienne', '42218' -> 'saint-etienne-42218': lowercase ASCII, digits and dashes."""
    slug = fold(name or "").replace(" ", "-")[:60].strip("-")
    parts = [p for p in (slug, (code or "").lower()) if p]
    from tnl_cli.io.files import portable_stem

    return portable_stem("-".join(parts)) if parts else f"ligne-{line}"

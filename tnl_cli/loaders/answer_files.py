"""Answers files read and checked against their catalog: the file's size bounded, its YAML
parsed with lines (`io.yaml`), its data validated by `core.answers.from_document`."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tnl_cli.core.answers import Answers, file_edition, from_document
from tnl_cli.core.catalog import Catalog
from tnl_cli.errors import AnswersError, CatalogError, Problem

if TYPE_CHECKING:
    from tnl_cli.core.compare import Comparison

# The size of one answers file (README, "Limites"; a real one is a few KB): the other limits
# are on its content, in core.answers.
MAX_FILE_BYTES = 5 << 20


def load(path: Path, catalog_for: Any, edition: int | None = None) -> tuple[Answers, Any, list[str]]:
    """Read an answers file; `catalog_for(edition)` gives the catalog to check it against.

    With an explicit `edition` different from the file's, answers are migrated: criteria that
    no longer exist are dropped and returned in the third element.
    """
    from tnl_cli.io import yaml as yamlio

    try:
        size = path.stat().st_size if path.is_file() else 0
    except OSError:
        size = 0  # yamlio.load says why it cannot be read
    if size > MAX_FILE_BYTES:
        raise AnswersError(Problem("answers.file_too_big", {
            "size": size >> 20, "limit": MAX_FILE_BYTES >> 20}, str(path)))
    doc = yamlio.load(path)
    declared = file_edition(doc)
    try:
        catalog = catalog_for(edition if edition is not None else declared)
    except CatalogError as exc:
        if edition is not None or exc.problems[0].key != "catalog.no_edition":
            raise
        # The file names an edition the tool has no catalog for: say where, and the way out.
        raise AnswersError(Problem("answers.no_edition", {**exc.problems[0].params},
                                   doc.file, doc.line("edition"))) from exc
    migrate = declared is not None and declared != catalog.edition
    answers, gone = from_document(doc, catalog, migrate=migrate)
    return replace(answers, edition=catalog.edition), catalog, gone


def load_file(path: Any, edition: int | None = None) -> tuple[Answers, Catalog]:
    """One answers file in its own edition, or read (in memory) in `edition`.

    A file of an edition this version does not ship cannot be assessed as it was: the error
    says so, with the editions there are and the way to carry the answers over."""
    import shlex

    from tnl_cli.errors import TnlError
    from tnl_cli.loaders.catalogs import editions, load_edition

    try:
        answers, catalog, _ = load(path, load_edition, edition)
    except AnswersError as exc:
        problem = exc.problems[0]
        if problem.key != "answers.no_edition":
            raise
        available = editions()
        raise TnlError.of("compare.edition_gone", file=str(path), line=problem.line,
                          edition=problem.params["edition"],
                          available=", ".join(map(str, available)), newest=available[-1],
                          path=shlex.quote(str(path))) from exc
    return answers, catalog


def against(old_path: Any, new_catalog: Catalog, new_answers: Answers) -> Comparison:
    """The file at `old_path` compared with answers already loaded in `new_catalog`."""
    from tnl_cli.core.compare import compare

    old_answers, old_catalog = load_file(old_path)
    migrated, _ = load_file(old_path, new_catalog.edition)
    return compare(old_catalog, old_answers, migrated, new_catalog, new_answers)

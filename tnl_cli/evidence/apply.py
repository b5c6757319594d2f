"""Apply proposed answers (`core.provenance.Proposal`) to an answers file, with their sources.

The API, for `tnl inventaire` and `tnl opendata`:

    result = apply(path, proposals, force=False, header="# …\\n", origin="inventaire")
    for line in describe(result, lang): print(line)

`apply` reads the answers file (`loaders.answer_files.load`: the same checks as `tnl assess`),
then for each proposal:

- the criterion is not in the file's edition: skipped, listed in `result.not_asked`;
- no answer, or an answer left empty: the value and its sources are set (`result.applied`);
- the same value: the sources are added, a source of the same file and format refreshed
  (`result.refreshed`);
- another value the user gave: kept, and the difference listed in `result.conflicts` — unless
  `force`, which replaces it (`result.replaced`; the old value's sources are dropped, the
  user's justification and proofs kept). A software list (`inventory` criterion) is completed,
  never cut: the proposal is the user's list plus the software found that it does not name.

Then the whole file is written once, atomically (`io.files.write_atomic`): the user's file is
the old one or the complete new one. From the reading to the write the file is locked
(`io.files.locked`): another tnl writing it meanwhile is refused, or refuses this one. Nothing
is written when a proposal is refused (a value its criterion does not accept: `TnlError`,
exit 2), when the file cannot be read, or when there is nothing to change (`result.written`
False). A missing file is created when `create`.

Comments: tnl writes answers files from their data (`core.answers.to_document`) and has no
way to keep comments in place. When the file holds comments of the user's (anything but the
header tnl writes), the file as it was is first copied beside it, under a name that does not
exist yet (`reponses.avant-inventaire.yaml`), given in `result.backup`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from tnl_cli.core import answers as ans
from tnl_cli.core import normalise
from tnl_cli.core.identity import Identity
from tnl_cli.core.provenance import Proposal, Source
from tnl_cli.errors import Problem, TnlError
from tnl_cli.i18n import LANGS, template, tr
from tnl_cli.loaders import answer_files


@dataclass(frozen=True)
class Change:
    """One criterion's answer: what the file held (None: nothing) and what is proposed, both
    as the answers file writes them."""

    criterion: str
    old: Any
    new: Any


@dataclass(frozen=True)
class Result:
    path: Path
    applied: tuple[Change, ...] = ()  # set where there was no answer
    replaced: tuple[Change, ...] = ()  # the user's answer replaced (force)
    refreshed: tuple[str, ...] = ()  # same value: sources added or refreshed
    conflicts: tuple[Change, ...] = ()  # the user's different answer kept (no force)
    not_asked: tuple[str, ...] = ()  # criteria the file's edition does not have
    written: bool = False
    created: bool = False
    backup: Path | None = None  # the file as it was, when it held the user's comments
    edition: int | None = None
    dry_run: bool = False  # planned only: nothing written


def _merge_sources(old: tuple[Source, ...], new: tuple[Source, ...]) -> tuple[Source, ...]:
    """The old sources, a source of the same file and format replaced in place by its new
    reading, then the sources of other files."""
    fresh = {(s.fichier, s.format): s for s in new}
    merged = [fresh.pop((s.fichier, s.format), s) for s in old]
    return tuple(merged + list(fresh.values()))[-ans.MAX_SOURCES:]


def _normalised(catalog: Any, proposal: Proposal, file: str) -> Any:
    criterion = catalog.by_id[proposal.criterion]
    try:
        value = normalise.normalise_value(criterion, ans.document_value(proposal.value))
    except normalise.ValueRefused as exc:
        raise TnlError(ans.refused(criterion, exc, file, None)) from exc
    if value is None:
        raise TnlError.of("evidence.empty_value", file=file, id=proposal.criterion)
    return value


def _completed(criterion: Any, listed: Any, found: Any) -> Any:
    """A software list is completed, never cut: the user's entries (with what they said of
    them), then the software found that the list does not name yet."""
    from tnl_cli.textnorm import fold

    ids = {item.software_id for item in listed if item.software_id}
    names = {fold(item.name) for item in listed}
    added = [item.name for item in found
             if item.software_id not in ids and fold(item.name) not in names]
    if not added:
        return listed
    return normalise.normalise_value(criterion, ans.document_value(listed) + added)


def plan(answers: ans.Answers, catalog: Any, proposals: Sequence[Proposal], *, force: bool,
         file: str) -> tuple[ans.Answers, Result]:
    """The answers with the proposals applied, and what changed (nothing is read or written)."""
    applied: list[Change] = []
    replaced: list[Change] = []
    refreshed: list[str] = []
    conflicts: list[Change] = []
    not_asked: list[str] = []
    for proposal in proposals:
        if proposal.criterion not in catalog.by_id:
            not_asked.append(proposal.criterion)
            continue
        value = _normalised(catalog, proposal, file)
        sources = tuple(proposal.sources)
        previous = answers.responses.get(proposal.criterion) or ans.Answer(None)
        if catalog.by_id[proposal.criterion].type == "inventory" and previous.value:
            value = _completed(catalog.by_id[proposal.criterion], previous.value, value)
        change = Change(proposal.criterion, ans.document_value(previous.value),
                        ans.document_value(value))
        if previous.value is None:
            applied.append(change)
            answer = replace(previous, value=value, sources=sources)
        elif previous.value == value:
            merged = _merge_sources(previous.sources, sources)
            if merged == previous.sources:  # the same reading again: nothing to write
                continue
            refreshed.append(proposal.criterion)
            answer = replace(previous, sources=merged)
        elif force:
            replaced.append(change)
            answer = replace(previous, value=value, sources=sources)
        else:
            conflicts.append(change)
            continue
        answers = answers.with_answer(proposal.criterion, answer)
    result = Result(Path(file), tuple(applied), tuple(replaced), tuple(refreshed),
                    tuple(conflicts), tuple(not_asked), edition=catalog.edition)
    return answers, result


def _header_starts() -> tuple[str, ...]:
    """The first words of the header tnl writes at the top of answers files, in each language."""
    starts = []
    for lang in LANGS:
        for line in template(lang, "wizard.file_header").splitlines():
            starts.append("# " + line.split("{", 1)[0].strip())
    return tuple(starts)


def user_comments(text: str) -> bool:
    """True when the YAML text holds comments other than the header tnl writes."""
    from tnl_cli.io import yaml as yamlio

    starts = _header_starts()
    lines = text.splitlines()
    header = 0
    while header < len(lines) and lines[header].startswith(starts):
        header += 1
    return any(line > header for line in yamlio.comment_lines(text))


def apply(path: Path, proposals: Sequence[Proposal], *, force: bool = False, header: str = "",
          origin: str = "preuves", create: bool = True, dry_run: bool = False,
          catalog_for: Callable[[int | None], Any] | None = None,
          tool_version: str | None = None) -> Result:
    """Apply `proposals` to the answers file `path` and write it (see the module's docstring).

    `header`: comment lines put at the top of the file written; `origin`: names the backup
    of a file with comments (`F.avant-<origin>.yaml`); `dry_run`: plan only, write nothing;
    `catalog_for(edition)`: the catalog of an edition (default `loaders.catalogs.load_edition`).
    """
    from tnl_cli import __version__
    from tnl_cli.io import files as fsio
    from tnl_cli.io import yaml as yamlio

    if catalog_for is None:
        from tnl_cli.loaders.catalogs import load_edition

        catalog_for = load_edition
    # Locked from the reading to the write: another tnl (a walk, --set) saving meanwhile
    # would have its answers overwritten (io.files.locked; a refusal names it, exit 2).
    with contextlib.nullcontext() if dry_run else fsio.locked(path):
        file = str(path)
        created = not path.exists() and not path.is_symlink()
        if created:
            if not create:
                raise TnlError.of("io.missing", file=file)
            raw = None
            catalog = catalog_for(None)
            answers = ans.Answers(catalog.edition, Identity())
        else:
            answers, catalog, _gone = answer_files.load(path, catalog_for)
            raw = yamlio.read_text(path)
        updated, result = plan(answers, catalog, proposals, force=force, file=file)
        changed = bool(result.applied or result.replaced or result.refreshed)
        if dry_run or not changed:
            return replace(result, dry_run=dry_run)
        document = ans.to_document(updated, catalog, tool_version or __version__)
        text = header + yamlio.dump(document)
        # What is written must read back as the same answers: a bug here must not reach the file.
        check = ans.from_document(yamlio.parse(text, file), catalog)[0]
        if check.responses != updated.responses:
            raise TnlError(Problem("evidence.round_trip", {}, file))
        backup = (fsio.keep_copy(path, raw, f"avant-{origin}")
                  if raw is not None and user_comments(raw) else None)
        fsio.write_atomic(path, text)
        return replace(result, written=True, created=created, backup=backup)


def _shown(value: Any, lang: str) -> str:
    if value is None:
        return tr(lang, "evidence.nothing")
    if isinstance(value, list):
        names = [v["nom"] if isinstance(v, dict) else str(v) for v in value]
        text = ", ".join(names[:8])
        return text + (tr(lang, "evidence.more", count=len(names) - 8) if len(names) > 8 else "")
    if isinstance(value, bool):
        return tr(lang, "report.yes" if value else "report.no")
    if isinstance(value, float) and lang == "fr":
        return str(value).replace(".", ",")
    return str(value)


def describe(result: Result, lang: str) -> list[str]:
    """What `apply` did, line by line, in the user's language (for the commands to print)."""
    out: list[str] = []
    path = str(result.path)
    for change in result.applied:
        out.append(tr(lang, "evidence.applied", id=change.criterion,
                      new=_shown(change.new, lang)))
    for change in result.replaced:
        out.append(tr(lang, "evidence.replaced", id=change.criterion,
                      old=_shown(change.old, lang), new=_shown(change.new, lang)))
    for cid in result.refreshed:
        out.append(tr(lang, "evidence.refreshed", id=cid))
    for change in result.conflicts:
        out.append(tr(lang, "evidence.conflict", id=change.criterion,
                      old=_shown(change.old, lang), new=_shown(change.new, lang)))
    if result.not_asked:
        out.append(tr(lang, "evidence.not_asked", edition=result.edition,
                      ids=", ".join(result.not_asked)))
    if result.backup is not None:
        out.append(tr(lang, "evidence.backup", file=path, backup=str(result.backup)))
    if result.written:
        out.append(tr(lang, "evidence.created" if result.created else "evidence.written",
                      file=path, count=len(result.applied) + len(result.replaced)
                      + len(result.refreshed)))
    elif result.dry_run:
        out.append(tr(lang, "evidence.dry_run", file=path))
    else:
        out.append(tr(lang, "evidence.unchanged", file=path))
    if result.conflicts:
        out.append(tr(lang, "evidence.force_hint"))
    return out

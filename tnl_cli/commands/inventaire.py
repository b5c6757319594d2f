"""`tnl inventaire`: the workstation inventory read into answers with their count and source."""


from pathlib import Path
from typing import Annotated, Any

import typer

from tnl_cli.commands import common
from tnl_cli.commands.common import SETTINGS, t
from tnl_cli.errors import EXIT_NEGATIVE, EXIT_OK, TnlError
from tnl_cli.i18n import tr

FORMATS = ("text", "json")
SHOWN_SOFTWARE = 40  # the most used; --format json lists them all
_DELIMITERS = {";": ";", ",": ",", "tab": "\t", "\\t": "\t", "\t": "\t", "|": "|"}


def example_dir() -> Path:
    """The bundled example fleet (examples/inventaire in a checkout, inside the wheel else)."""
    from tnl_cli.resources import examples_dir

    return examples_dir() / "inventaire" / "glpi-agent"


def read_inventory(paths: list[Path], maps: list[str], delimiter: str | None) -> Any:
    """Collect the inventories under `paths`, with a progress bar on a terminal's stderr."""
    from tnl_cli.inventory import collect, exports

    mapping = exports.parse_map(maps)
    if delimiter is not None:
        if delimiter not in _DELIMITERS:
            raise TnlError.of("batch.bad_delimiter", value=delimiter)
        delimiter = _DELIMITERS[delimiter]
    bar = progress = None
    if common.stderr_is_terminal():
        total = collect.count_files(paths)
        if total > 20:
            bar = common.ProgressBar(common.raw_stream(SETTINGS.stderr), "inventory.progress")

            def progress(done: int) -> None:
                bar(done / total, done)
    try:
        return collect.collect(paths, mapping=mapping, delimiter=delimiter, progress=progress)
    finally:
        if bar is not None:
            bar.clear()


def shown_value(criterion: Any, value: Any, lang: str) -> str:
    from tnl_cli.i18n import pick
    from tnl_cli.report.wording import number_text

    if isinstance(value, bool):
        return tr(lang, "report.yes" if value else "report.no")
    if isinstance(value, (int, float)):
        unit = pick(criterion.unit, lang) if criterion.unit else ""
        sep = "\u00a0" if lang == "fr" or unit not in ("%",) else ""
        return f"{number_text(value, lang)}{sep}{unit}" if unit else number_text(value, lang)
    if isinstance(value, str) and criterion.choice(value) is not None:
        return pick(criterion.choice(value).label, lang)
    if isinstance(value, list):
        labels = [pick(criterion.choice(v).label, lang) if criterion.type == "multi"
                  and criterion.choice(v) is not None else str(v) for v in value]
        more = len(labels) - 12
        return ", ".join(labels[:12]) + (tr(lang, "evidence.more", count=more) if more > 0
                                         else "")
    return str(value)


def reason_text(proposal: Any, collected: Any, lang: str) -> str:
    """« 298 postes sur 412 ont … — 72,3 %, d'après 412 inventaires GLPI Agent du 2026-11-28 »."""
    from tnl_cli.report.wording import number_text

    params = {k: number_text(v, lang) if isinstance(v, (int, float)) and not isinstance(v, bool)
              else v for k, v in proposal.reason_params.items()}
    return f"{tr(lang, proposal.reason_key, **params)}, {provenance_text(collected, lang)}"


def provenance_text(collected: Any, lang: str) -> str:
    report, source = collected.report, collected.source
    fmt = report.format()
    files = report.formats.get(fmt, report.files)
    label = tr(lang, f"inventory.format_{fmt}")
    if source.date is None:
        return tr(lang, "inventory.provenance_undated", files=files, format=label)
    return tr(lang, "inventory.provenance", files=files, format=label,
              date=source.date.isoformat())


def _summary_lines(collected: Any, lang: str) -> list[str]:
    fig, report = collected.figures, collected.report
    formats = ", ".join(f"{tr(lang, f'inventory.format_{k}')} : {v}" if lang == "fr"
                        else f"{tr(lang, f'inventory.format_{k}')}: {v}"
                        for k, v in report.formats.items())
    out = [t("inventory.read", files=report.files, formats=formats, machines=fig.machines)]
    if fig.machines:
        out.append(t("inventory.workstations", count=fig.workstations))
    for count, key in ((fig.servers, "servers"), (fig.virtual, "virtual"),
                       (report.others, "others")):
        if count:
            out.append(t(f"inventory.left_out_{key}", count=count))
    if fig.duplicates:
        out.append(t("inventory.left_out_duplicates", count=fig.duplicates,
                     names=", ".join(collected.duplicate_names)))
    if fig.os_unknown:
        out.append(t("inventory.os_unknown", count=fig.os_unknown))
    if fig.stale:
        out.append(t("inventory.stale", count=fig.stale))
    if fig.workstations and not fig.listed:
        out.append(t("inventory.no_software_list"))
    if fig.names:
        out.append(t("inventory.unknown_names", count=fig.names, known=len(fig.found)))
    return out


def software_lines(collected: Any, lang: str) -> list[str]:
    """The catalog software found, most used first: free or not, licence, how many machines
    (or installations, for a software export), and a proprietary one's free alternatives."""
    from tnl_cli.commands.software import status_text
    from tnl_cli.reference import software

    fig = collected.figures
    if not fig.found:
        return []
    known = software.catalog()
    unit = "inventory.on_machines" if fig.listed or fig.machines else "inventory.installs"
    out = [t("inventory.software_found", count=len(fig.found))]
    for f in fig.found[:SHOWN_SOFTWARE]:
        sw = known[f.id]
        line = t("inventory.software_item", name=sw.name, status=status_text(sw, lang),
                 count=t(unit, count=f.count))
        alternatives = [a.name for a in software.alternatives(sw)]
        if alternatives:
            line += t("inventory.alternatives", names=", ".join(alternatives))
        out.append(line)
    if len(fig.found) > SHOWN_SOFTWARE:
        out.append(t("inventory.software_more", count=len(fig.found) - SHOWN_SOFTWARE))
    return out


def _as_json(collected: Any, proposals: list, catalog: Any, result: Any, lang: str) -> dict:
    from dataclasses import asdict

    from tnl_cli.core.answers import document_value
    from tnl_cli.core.provenance import source_to_dict

    fig = collected.figures
    figures = {k: v for k, v in asdict(fig).items() if k != "found"}
    figures["newest"] = fig.newest.isoformat() if fig.newest else None
    from tnl_cli.reference import software

    known = software.catalog()
    figures["software"] = [{"id": f.id, "name": f.name, "free": f.free,
                            "licence": known[f.id].licence, "count": f.count,
                            "alternatives": [a.id for a in software.alternatives(known[f.id])]}
                           for f in fig.found]
    figures["others"] = collected.report.others
    data: dict[str, Any] = {
        "source": source_to_dict(collected.source),
        "edition": catalog.edition,
        "files": collected.report.files,
        "formats": collected.report.formats,
        "figures": figures,
        "proposals": [{"criterion": p.criterion, "value": document_value(p.value),
                       "reason": reason_text(p, collected, lang),
                       "sources": [source_to_dict(s) for s in p.sources]} for p in proposals],
    }
    if result is not None:
        data["answers"] = {
            "file": str(result.path), "written": result.written, "created": result.created,
            "applied": [c.criterion for c in result.applied],
            "replaced": [{"criterion": c.criterion, "old": c.old, "new": c.new}
                         for c in result.replaced],
            "refreshed": list(result.refreshed),
            "conflicts": [{"criterion": c.criterion, "old": c.old, "new": c.new}
                          for c in result.conflicts],
            "not_asked": list(result.not_asked),
            "backup": str(result.backup) if result.backup else None,
        }
    return data


def _catalog_for(answers: Path | None, edition: int | None) -> Any:
    """The catalog of the answers file's edition (--edition, else the file's, else the latest)."""
    from tnl_cli.loaders.catalogs import load_edition

    if edition is None and answers is not None and answers.is_file():
        from tnl_cli.core.answers import file_edition
        from tnl_cli.io import yaml as yamlio

        edition = file_edition(yamlio.load(answers))
    return load_edition(edition)


def run(paths: list[Path], answers: Path | None, apply: bool, force: bool, fmt: str,
        maps: list[str], delimiter: str | None, edition: int | None) -> int:
    import shlex

    from tnl_cli.evidence.apply import apply as apply_to
    from tnl_cli.evidence.apply import describe
    from tnl_cli.i18n import pick

    lang = SETTINGS.lang
    if apply and answers is None:
        raise TnlError.of("inventory.apply_needs_answers")
    catalog = _catalog_for(answers, edition)
    collected = read_inventory(paths, maps, delimiter)
    proposals = collected.proposals(catalog)
    result = None
    if answers is not None:
        from tnl_cli.io.files import refuse_input
        from tnl_cli.walk.session import file_header

        for path in paths:
            refuse_input(answers, path)
        command = shlex.join([*common.program(), "assess", "--answers", str(answers)])
        result = apply_to(answers, proposals, force=force, dry_run=not apply,
                          header=file_header(lang, command), origin="inventaire")
    code = EXIT_OK if proposals else EXIT_NEGATIVE
    SETTINGS.result_code = code
    if fmt == "json":
        common.print_json(_as_json(collected, proposals, catalog, result, lang))
        return code
    out = SETTINGS.stdout
    for line in _summary_lines(collected, lang):
        out.write(line + "\n")
    found = software_lines(collected, lang)
    if found:
        out.write("\n" + "\n".join(found) + "\n")
    if proposals:
        out.write("\n" + t("inventory.proposed") + "\n")
        for p in proposals:
            c = catalog.by_id[p.criterion]
            question = pick(c.question, lang) + (f" ({c.id})" if SETTINGS.verbose else "")
            out.write(t("inventory.item", question=" ".join(question.split()),
                        value=shown_value(c, p.value, lang),
                        reason=reason_text(p, collected, lang)) + "\n")
    else:
        out.write("\n" + t("inventory.nothing") + "\n")
    fig = collected.figures
    if fig.age_years is not None and "duree_vie_postes" in catalog.by_id:
        from tnl_cli.report.wording import number_text

        out.write("\n" + t("inventory.age", years=number_text(fig.age_years, lang),
                           count=fig.aged, base=fig.workstations) + "\n")
    if result is not None:
        out.write("\n")
        for line in describe(result, lang):
            out.write(line + "\n")
    return code


def register(app: typer.Typer, lang: str) -> None:
    file_meta = "FICHIER" if lang == "fr" else "FILE"

    @app.command("inventaire", help=tr(lang, "inventory.help"))
    def inventaire(
        paths: Annotated[list[Path] | None, typer.Argument(
            help=tr(lang, "inventory.arg_paths"),
            metavar="FICHIER|DOSSIER..." if lang == "fr" else "FILE|DIR...",
            show_default=False)] = None,
        answers: Annotated[Path | None, typer.Option(
            "--answers", "-a", help=tr(lang, "inventory.opt_answers"),
            metavar=file_meta)] = None,
        apply: Annotated[bool, typer.Option("--apply",
                                            help=tr(lang, "inventory.opt_apply"))] = False,
        force: Annotated[bool, typer.Option("--force",
                                            help=tr(lang, "inventory.opt_force"))] = False,
        fmt: common.format_option(lang, "text|json") = "text",
        maps: Annotated[list[str] | None, typer.Option(
            "--map", help=tr(lang, "inventory.opt_map"),
            metavar="COLONNE=CHAMP" if lang == "fr" else "COLUMN=FIELD")] = None,
        delimiter: Annotated[str | None, typer.Option(
            "--delimiter", help=tr(lang, "inventory.opt_delimiter"),
            metavar="';'|','|tab")] = None,
        example: Annotated[bool, typer.Option("--example",
                                              help=tr(lang, "inventory.opt_example"))] = False,
        edition: common.edition_option(lang) = None,
        lang_: common.lang_option(lang) = lang,
        no_color: common.no_color_option(lang) = False,
        verbose: common.verbose_option(lang) = False,
    ) -> None:
        common.check_choice(fmt, FORMATS, "--format")
        chosen = list(paths or [])
        if example:
            chosen.append(example_dir())
        if not chosen:
            raise TnlError.of("inventory.need_paths")
        raise typer.Exit(run(chosen, answers, apply, force, fmt, list(maps or []), delimiter,
                             edition))

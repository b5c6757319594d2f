"""`tnl batch`: pre-check every collectivity of a CSV/ODS/XLSX file, or write a template."""


import time
from pathlib import Path
from typing import Annotated, Any

import typer

from tnl_cli.commands import common
from tnl_cli.commands.common import SETTINGS, t
from tnl_cli.errors import EXIT_NEGATIVE, EXIT_OK, TnlError
from tnl_cli.i18n import tr

_SHOWN_REJECTIONS = 10
_SHOWN_WARNINGS = 5
_DELIMITERS = {";": ";", ",": ",", "tab": "\t", "\\t": "\t", "\t": "\t"}


def _stderr_is_terminal() -> bool:
    return common.stderr_is_terminal()


def write_template(path: Path, edition: int | None, force: bool) -> None:
    from tnl_cli.batch import columns as batch_columns
    from tnl_cli.io.table_write import open_output
    from tnl_cli.loaders.catalogs import load_edition

    if path.suffix.lower() not in (".csv", ".ods", ".xlsx"):
        raise TnlError.of("batch.bad_template_format", file=str(path))
    catalog = load_edition(edition)
    columns = batch_columns.template_columns(catalog)
    with open_output(path, columns, overwrite=force, sheet="collectivites") as out:
        for row in batch_columns.template_rows(catalog, SETTINGS.lang):
            out.write(row)
    SETTINGS.stdout.write(t("batch.template_written", file=str(path), columns=len(columns),
                            edition=catalog.edition) + "\n")


def _open_source(path: Path, encoding: str | None, delimiter: str | None, sheet: str | None,
                 catalog: Any) -> Any:
    from tnl_cli.batch.columns import header_score
    from tnl_cli.io import sheet_read
    from tnl_cli.io import table_read as tabular

    if tabular.is_spreadsheet(path):
        if encoding or delimiter:
            SETTINGS.stderr.write(t("batch.options_csv_only") + "\n")
        return sheet_read.open_spreadsheet(path, sheet)
    if sheet:
        SETTINGS.stderr.write(t("batch.sheet_csv") + "\n")
    if delimiter is not None:
        if delimiter not in _DELIMITERS:
            raise TnlError.of("batch.bad_delimiter", value=delimiter)
        delimiter = _DELIMITERS[delimiter]
    return tabular.open_csv(path, encoding, delimiter, header_score(catalog),
                            stream=_stdin_bytes() if str(path) == STDIN else None)


STDIN = "-"  # the conventional name of standard input


def _stdin_bytes() -> Any:
    """Standard input as bytes (the encoding is detected like a file's)."""
    stdin = SETTINGS.stdin
    binary = getattr(stdin, "buffer", None)
    if binary is not None:
        return binary
    import io

    return io.BytesIO(stdin.read().encode("utf-8"))  # a text stream already decoded


def _print_summary(summary: Any, catalog: Any, file: str, output: Path | None,
                   dossiers: Path | None) -> None:
    from tnl_cli.i18n import pick
    from tnl_cli.report.wording import number_text

    lang = SETTINGS.lang
    out = SETTINGS.stdout

    def num(value: int) -> str:
        return number_text(value, lang)

    seconds = f"{summary.seconds:.2f}".replace(".", "," if lang == "fr" else ".")
    out.write(t("batch.summary_title", file=file, rows=num(summary.rows), seconds=seconds,
                edition=catalog.edition) + "\n")
    reserved = summary.verdicts["eligible_with_reservations"]
    eligible = summary.verdicts["eligible"] + reserved
    lines: list[tuple[int, str, int | None]] = [(1, t("batch.count_eligible"), eligible)]
    if reserved:
        lines.append((2, t("batch.count_reservations"), reserved))
    if eligible:
        ranked = sum(summary.levels[tier.id] for tier in catalog.tiers)
        lines += [(2, pick(tier.name, lang), summary.levels[tier.id])
                  for tier in reversed(catalog.tiers)]
        if eligible - ranked:
            lines.append((2, t("batch.count_no_level"), eligible - ranked))
        found = [(3, pick(m.name, lang), summary.mentions[m.id]) for m in catalog.mentions
                 if summary.mentions[m.id]]
        if found:
            lines += [(2, t("batch.count_mentions"), None), *found]
    lines += [(1, t(f"batch.count_{verdict}"), summary.verdicts[verdict])
              for verdict in ("not_eligible", "incomplete", "rejected")]
    width = max(2 * indent + len(label) for indent, label, _ in lines) + 2
    for indent, label, count in lines:
        text = f"{'  ' * indent}{label}"
        out.write(f"{text:<{width}}{num(count):>9}\n" if count is not None else f"{text}\n")
    if summary.hint_row_skipped:
        out.write(f"  {t('batch.hint_row_skipped')}\n")
    if eligible:
        out.write(t("batch.estimate") + "\n")
    if output is not None:
        out.write(t("batch.written", file=str(output)) + "\n")
    if dossiers is not None:
        out.write(t("batch.dossiers_written", count=num(summary.dossiers), dir=str(dossiers))
                  + "\n")
    err = SETTINGS.stderr
    if summary.warnings:
        err.write(t("batch.warnings", rows=num(summary.warned)) + "\n")
        for message in summary.warnings[:_SHOWN_WARNINGS]:
            err.write(f"  {message}\n")
        if len(summary.warnings) > _SHOWN_WARNINGS:
            key = "batch.more_warnings_file" if output is not None else "batch.more_warnings"
            err.write("  " + t(key, file=str(output)) + "\n")
    if summary.errors:
        err.write(t("batch.rejections") + "\n")
        for message in summary.errors[:_SHOWN_REJECTIONS]:
            err.write(f"  {message}\n")
        if summary.rejected > _SHOWN_REJECTIONS or len(summary.errors) > _SHOWN_REJECTIONS:
            key = "batch.more_rejections_file" if output is not None else "batch.more_rejections"
            err.write("  " + t(key, file=str(output)) + "\n")


def write_datapackage(output: Path, catalog: Any, columns: list[str], force: bool) -> None:
    """schema.json and datapackage.json beside the result CSV (open data publication)."""
    import json

    from tnl_cli import __version__
    from tnl_cli.batch.datapackage import PACKAGE_FILE, SCHEMA_FILE, package, schema
    from tnl_cli.io.files import write_atomic

    folder = output.parent
    documents = {
        folder / SCHEMA_FILE: schema(catalog, columns, SETTINGS.lang, __version__, output.name),
        folder / PACKAGE_FILE: package(output.name, SETTINGS.lang),
    }
    for path, content in documents.items():
        write_atomic(path, json.dumps(content, ensure_ascii=False, indent=2) + "\n",
                     overwrite=force)
    SETTINGS.stdout.write(t("synthesis.datapackage_written", schema=str(folder / SCHEMA_FILE),
                            package=str(folder / PACKAGE_FILE)) + "\n")


def _published(directory: Path) -> Any:
    """data.gouv.fr's exports in `directory` read once, with a progress bar on a terminal."""
    import datetime as dt

    from tnl_cli.batch import opendata
    from tnl_cli.commands.opendata import ExportsBar

    bar = ExportsBar(common.raw_stream(SETTINGS.stderr)) if _stderr_is_terminal() else None
    try:
        return opendata.load(directory, dt.date.today(), progress=bar)
    finally:
        if bar is not None:
            bar.clear()


def _print_opendata(tally: Any, published: Any) -> None:
    from tnl_cli.report.wording import number_text

    lang = SETTINGS.lang
    key = ("opendata.batch_summary_odf" if published.portals is not None
           else "opendata.batch_summary")
    SETTINGS.stdout.write(t(key, day=published.day,
                            without=number_text(tally.without, lang),
                            obliged=number_text(tally.without_obliged, lang),
                            published=number_text(tally.with_datasets, lang)) + "\n")
    if tally.unidentified:
        SETTINGS.stdout.write(t("opendata.batch_unidentified",
                                count=number_text(tally.unidentified, lang)) + "\n")


def register(app: typer.Typer, lang: str) -> None:
    file_meta = "FICHIER" if lang == "fr" else "FILE"

    @app.command("batch", help=tr(lang, "batch.help"))
    def batch_command(
        file: Annotated[Path | None, typer.Argument(
            help=tr(lang, "batch.arg_file"), metavar=file_meta, show_default=False)] = None,
        output: Annotated[Path | None, typer.Option(
            "--output", "-o", help=tr(lang, "batch.opt_output"), metavar=file_meta)] = None,
        template: Annotated[Path | None, typer.Option(
            "--template", help=tr(lang, "batch.opt_template"), metavar=file_meta)] = None,
        encoding: Annotated[str | None, typer.Option(
            "--encoding", help=tr(lang, "batch.opt_encoding"), metavar="utf-8|cp1252")] = None,
        delimiter: Annotated[str | None, typer.Option(
            "--delimiter", help=tr(lang, "batch.opt_delimiter"), metavar="';'|','|tab")] = None,
        sheet: Annotated[str | None, typer.Option(
            "--sheet", help=tr(lang, "batch.opt_sheet"),
            metavar="NOM" if lang == "fr" else "NAME")] = None,
        dossiers: Annotated[Path | None, typer.Option(
            "--dossiers", help=tr(lang, "batch.opt_dossiers"),
            metavar="DOSSIER" if lang == "fr" else "DIR")] = None,
        synthese: Annotated[Path | None, typer.Option(
            "--synthese", help=tr(lang, "synthesis.opt_batch"), metavar=file_meta)] = None,
        by: Annotated[str | None, typer.Option(
            "--par", help=tr(lang, "synthesis.opt_by"), metavar="epci|departement|region")] = None,
        datapackage: Annotated[bool, typer.Option(
            "--datapackage", help=tr(lang, "synthesis.opt_datapackage"))] = False,
        force: Annotated[bool, typer.Option("--force", help=tr(lang, "batch.opt_force"))] = False,
        opendata_dir: Annotated[Path | None, typer.Option(
            "--opendata-dir", help=tr(lang, "opendata.opt_batch_dir"),
            metavar="DOSSIER" if lang == "fr" else "DIR")] = None,
        edition: common.edition_option(lang) = None,
        lang_: common.lang_option(lang) = lang,
        no_color: common.no_color_option(lang) = False,
    ) -> None:
        started = time.perf_counter()
        if template is not None:
            if file is not None:
                raise TnlError.of("batch.template_and_file")
            write_template(template, edition, force)
            raise typer.Exit(EXIT_OK)
        if file is None:
            raise TnlError.of("batch.need_file")
        from tnl_cli.batch import runner as batch
        from tnl_cli.batch.rows import output_columns
        from tnl_cli.io import table_write as tabular_write
        from tnl_cli.loaders.catalogs import load_edition

        catalog = load_edition(edition)
        if opendata_dir is not None and output is None:
            raise TnlError.of("opendata.batch_needs_output")
        if output is not None:
            from tnl_cli.io.files import same_file

            if same_file(output, file):
                raise TnlError.of("batch.same_file", file=str(output))
            tabular_write.check_target(output, force)
        if datapackage:
            if output is None or output.suffix.lower() != ".csv":
                raise TnlError.of("synthesis.datapackage_csv")
            from tnl_cli.batch.datapackage import PACKAGE_FILE, SCHEMA_FILE

            for name in (SCHEMA_FILE, PACKAGE_FILE):
                tabular_write.check_target(output.parent / name, force)
        if by is not None and synthese is None:
            raise TnlError.of("synthesis.by_without_synthese")
        if synthese is not None:
            from tnl_cli.commands.synthese import check_level
            from tnl_cli.io.files import check_target, refuse_input
            from tnl_cli.synthesis.document import format_of

            check_level(by)
            format_of(synthese)
            check_target(synthese, force)
            refuse_input(synthese, file, output)
        sink = None
        if dossiers is not None:
            from tnl_cli.batch.dossiers import DossierWriter

            sink = DossierWriter(dossiers, catalog, SETTINGS.lang)
        source = _open_source(file, encoding, delimiter, sheet, catalog)
        bar = (common.ProgressBar(common.raw_stream(SETTINGS.stderr), "batch.progress")
               if _stderr_is_terminal() else None)
        columns, published, tally = output_columns(catalog), None, None

        def warn(message: str) -> None:
            SETTINGS.stderr.write(message + "\n")

        members = None
        if synthese is not None:
            from tnl_cli.synthesis.read import MemberSink

            members = MemberSink(catalog, str(file), [c.name for c in output_columns(catalog)],
                                 SETTINGS.lang)
        try:
            if opendata_dir is not None:
                from tnl_cli.batch import opendata

                published = _published(opendata_dir)
                columns = [*columns, *opendata.COLUMNS]
            if output is None:
                summary = batch.run(source, catalog, SETTINGS.lang, str(file), progress=bar,
                                    dossiers=sink, started=started, warn=warn, writer=members)
            else:
                with tabular_write.open_output(output, columns,
                                         overwrite=force, sheet="resultats") as writer:
                    if published is not None:
                        writer = opendata.WithOpendata(writer, columns, published)
                        tally = writer.tally
                    if members is not None:
                        members.inner, writer = writer, members
                    summary = batch.run(source, catalog, SETTINGS.lang, str(file),
                                        writer=writer, progress=bar, dossiers=sink,
                                        started=started, warn=warn)
        finally:
            source.close()
            if bar is not None:
                bar.clear()
        summary.seconds = time.perf_counter() - started
        SETTINGS.result_code = EXIT_NEGATIVE if summary.rejected else EXIT_OK  # `| head -1`
        _print_summary(summary, catalog, str(file), output, dossiers)
        if tally is not None:
            _print_opendata(tally, published)
        if datapackage and output is not None:
            write_datapackage(output, catalog, [c.name for c in columns], force)
        if members is not None and synthese is not None and members.members:
            from tnl_cli.commands.synthese import write_synthesis
            from tnl_cli.synthesis.read import Input

            found = Input(catalog, members.members, [], members.unplaced, members.rejected)
            write_synthesis(found, synthese, by, False, force, [str(file)])
        raise typer.Exit(SETTINGS.result_code)

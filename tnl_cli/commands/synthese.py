"""`tnl synthese INPUT... -o FILE`: a territory's synthesis from many collectivities."""

from pathlib import Path
from typing import Annotated, Any

import typer

from tnl_cli.commands import common
from tnl_cli.commands.common import SETTINGS, t
from tnl_cli.errors import EXIT_NEGATIVE, EXIT_OK, TnlError
from tnl_cli.i18n import tr

LEVELS = ("epci", "departement", "region")
_SHOWN = 10


def report_input(found: Any) -> bool:
    """What was rejected, left out or cannot be placed, on stderr; True when anything was."""
    from tnl_cli.report.wording import number_text

    err, lang = SETTINGS.stderr, SETTINGS.lang
    if found.rejected:
        err.write(t("synthesis.rejected_rows", count=number_text(found.rejected, lang)) + "\n")
        for message in found.rejections[:_SHOWN]:
            err.write(f"  {message}\n")
    if found.problems:
        err.write(t("synthesis.left_out", count=number_text(len(found.problems), lang)) + "\n")
        for message in found.problems[:_SHOWN]:
            err.write(f"  {message}\n")
    if found.unplaced:
        shown = "; ".join(found.unplaced[:_SHOWN]) + ("; …" if len(found.unplaced) > _SHOWN
                                                       else "")
        err.write(t("synthesis.unplaced", count=number_text(len(found.unplaced), lang),
                    where=shown) + "\n")
    return bool(found.rejected or found.problems or found.unplaced)


def write_synthesis(found: Any, output: Path, level: str | None, named: bool, force: bool,
                    sources: list[str], before: Any = None) -> None:
    from tnl_cli.io.files import write_atomic
    from tnl_cli.report.wording import number_text
    from tnl_cli.synthesis.document import document, format_of

    data = document(found, format_of(output), SETTINGS.lang, level=level, named=named,
                    sources=sources, before=before)
    write_atomic(output, data, overwrite=force)
    SETTINGS.stdout.write(t("synthesis.written", file=str(output),
                            count=number_text(len(found.members), SETTINGS.lang)) + "\n")


def check_level(level: str | None) -> str | None:
    if level is not None and level not in LEVELS:
        raise TnlError.of("synthesis.bad_by", value=level)
    return level


def register(app: typer.Typer, lang: str) -> None:
    file_meta = "FICHIER" if lang == "fr" else "FILE"

    @app.command("synthese", help=tr(lang, "synthesis.help"))
    def synthese(
        inputs: Annotated[list[Path], typer.Argument(
            help=tr(lang, "synthesis.arg_inputs"), metavar="ENTREE..." if lang == "fr"
            else "INPUT...", show_default=False)],
        output: Annotated[Path | None, typer.Option(
            "--output", "-o", help=tr(lang, "synthesis.opt_output"), metavar=file_meta)] = None,
        by: Annotated[str | None, typer.Option(
            "--par", help=tr(lang, "synthesis.opt_by"), metavar="epci|departement|region")] = None,
        previous: Annotated[Path | None, typer.Option(
            "--precedent", help=tr(lang, "synthesis.opt_previous"),
            metavar="ANCIEN" if lang == "fr" else "OLD")] = None,
        ranking: Annotated[bool, typer.Option(
            "--classement", help=tr(lang, "synthesis.opt_ranking"))] = False,
        force: Annotated[bool, typer.Option(
            "--force", help=tr(lang, "synthesis.opt_force"))] = False,
        edition: common.edition_option(lang) = None,
        lang_: common.lang_option(lang) = lang,
        no_color: common.no_color_option(lang) = False,
    ) -> None:
        from tnl_cli.io.files import check_target, refuse_input
        from tnl_cli.synthesis.document import format_of
        from tnl_cli.synthesis.read import read

        level = check_level(by)
        if output is None:
            raise TnlError.of("synthesis.need_output")
        format_of(output)
        check_target(output, force)
        refuse_input(output, *inputs, previous)

        def warn(message: str) -> None:
            SETTINGS.stderr.write(message + "\n")

        found = read(inputs, SETTINGS.lang, edition, warn)
        incomplete = report_input(found)
        before = None
        if previous is not None:
            before = read([previous], SETTINGS.lang, None, warn)
            incomplete = report_input(before) or incomplete
        write_synthesis(found, output, level, ranking, force, [str(p) for p in inputs], before)
        SETTINGS.result_code = EXIT_NEGATIVE if incomplete else EXIT_OK
        raise typer.Exit(SETTINGS.result_code)

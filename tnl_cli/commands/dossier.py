"""`tnl dossier`: write the candidacy dossier (Markdown, HTML or ODT) from an answers file."""


from pathlib import Path
from typing import Annotated

import typer

from tnl_cli.commands import common
from tnl_cli.commands.common import SETTINGS, t
from tnl_cli.errors import EXIT_OK, TnlError
from tnl_cli.i18n import tr


def _since(previous: Path, path: Path, catalog, answers):
    """Last year's file compared with this one, for "Nos progrès depuis {année}"; what was
    lost, or that nothing moved, is said here on standard error, never in the dossier."""
    from tnl_cli.core.compare import progress
    from tnl_cli.loaders.answer_files import against
    from tnl_cli.textsafe import clean

    cmp = against(previous, catalog, answers)
    year = cmp.old.catalog.edition
    common.warn_other_collectivity(cmp, previous, path)
    lost = [ch.id for ch in cmp.of("lost")]
    if lost:
        SETTINGS.stderr.write(t("progress.lost", year=year, ids=", ".join(lost)) + "\n")
    if progress(cmp).empty:
        SETTINGS.stderr.write(clean(t("progress.none", year=year, file=previous)) + "\n")
    return cmp


def register(app: typer.Typer, lang: str) -> None:
    file_meta = "FICHIER" if lang == "fr" else "FILE"

    @app.command("dossier", help=tr(lang, "dossier.help"))
    def dossier(
        answers: Annotated[Path | None, typer.Option(
            "--answers", "-a", help=tr(lang, "dossier.opt_answers"), metavar=file_meta)] = None,
        output: Annotated[Path | None, typer.Option(
            "--output", "-o", help=tr(lang, "dossier.opt_output"), metavar=file_meta)] = None,
        fmt: Annotated[str | None, typer.Option(
            "--format", help=tr(lang, "dossier.opt_format"), metavar="md|html|odt")] = None,
        template_dir: Annotated[Path | None, typer.Option(
            "--template-dir", help=tr(lang, "dossier.opt_template_dir"),
            metavar="RÉPERTOIRE" if lang == "fr" else "DIR")] = None,
        force: Annotated[bool, typer.Option("--force", help=tr(lang, "dossier.opt_force"))] = False,
        previous: Annotated[Path | None, typer.Option(
            "--previous", help=tr(lang, "progress.opt_previous"), metavar=file_meta)] = None,
        edition: common.edition_option(lang) = None,
        lang_: common.lang_option(lang) = lang,
        no_color: common.no_color_option(lang) = False,
    ) -> None:
        from tnl_cli.core.engine import evaluate
        from tnl_cli.dossier import render as dos
        from tnl_cli.io.files import write_atomic
        from tnl_cli.loaders import answer_files
        from tnl_cli.loaders.catalogs import load_edition
        from tnl_cli.report.wording import verdict_text

        if answers is None:
            raise TnlError.of("dossier.need_answers")
        to_stdout = output is None or str(output) == "-"
        chosen = dos.format_for(None if to_stdout else output, fmt)
        if chosen == "odt" and to_stdout:
            raise TnlError.of("dossier.odt_needs_file")
        if not to_stdout and output is not None:
            from tnl_cli.io.files import check_target, refuse_input

            refuse_input(output, answers)  # before anything: --force would destroy the answers
            check_target(output, force)
        if chosen == "odt" and template_dir is not None:
            SETTINGS.stderr.write(t("dossier.odt_template_dir") + "\n")
        loaded, catalog, gone = answer_files.load(answers, load_edition, edition)
        common.tell_gone("dossier.migrated_gone", gone, catalog.edition)
        assessment = evaluate(catalog, loaded)
        since = _since(previous, answers, catalog, loaded) if previous is not None else None
        logo = None
        if loaded.dossier.logo and chosen != "md":  # Markdown has no place for a picture
            from tnl_cli.dossier.logo import read

            logo = read(loaded.dossier.logo, answers)
        today = common.today()
        data = dos.render(catalog, loaded, assessment, chosen, SETTINGS.lang, template_dir,
                          today=today, since=since, logo=logo)
        from tnl_cli.dossier.candidacy import gaps
        from tnl_cli.textsafe import clean

        missing = gaps(catalog, loaded, assessment, SETTINGS.lang)
        verdict = verdict_text(assessment.verdict, SETTINGS.lang)
        if to_stdout or output is None:
            SETTINGS.stdout.write(data.decode("utf-8"))
            SETTINGS.stderr.write(t("dossier.printed", verdict=verdict) + "\n")
        else:
            write_atomic(output, data, overwrite=force)
            SETTINGS.stderr.write(t("dossier.written", file=str(output), format=chosen,
                                    verdict=verdict) + "\n")
        if missing:  # for the team, never inside the jury's document
            SETTINGS.stderr.write(t("candidacy.gaps") + "\n" + "".join(
                f"  - {clean(line)}\n" for line in missing))
        from tnl_cli.report.assessment import application_lines

        # how and until when to apply: on standard error, never in the document
        SETTINGS.stderr.write("".join(
            line + "\n" for line in application_lines(catalog, SETTINGS.lang, today)))
        raise typer.Exit(EXIT_OK)

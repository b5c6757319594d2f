"""`tnl assess`: evaluate an answers file, or walk the questionnaire on a terminal."""

import contextlib
import shlex
from pathlib import Path
from typing import Annotated

import typer

from tnl_cli.commands import common
from tnl_cli.commands.common import SETTINGS, t
from tnl_cli.errors import TnlError
from tnl_cli.i18n import tr

DEFAULT_ANSWERS = Path("tnl-reponses.yaml")


def evaluate_file(path: Path, edition: int | None, overrides: list[str]):
    """Load, migrate if asked, apply --set, evaluate. Returns (catalog, answers, assessment, gone)."""
    from tnl_cli.core import answers as ans
    from tnl_cli.core.engine import evaluate
    from tnl_cli.loaders import answer_files
    from tnl_cli.loaders.catalogs import load_edition

    answers, catalog, gone = answer_files.load(path, load_edition, edition)
    for spec in overrides:
        answers = ans.apply_override(answers, catalog, spec)
    return catalog, answers, evaluate(catalog, answers), gone


def record(path: Path, catalog, answers, overrides: list[str]) -> None:
    """Write the answers given with --set into the file, so that answering goes on without
    the walk. A file of another edition is left alone (the walk migrates it, with a backup)."""
    from tnl_cli import __version__
    from tnl_cli.core import answers as ans
    from tnl_cli.io import files as fsio
    from tnl_cli.io import yaml as yamlio
    from tnl_cli.walk.session import file_header

    declared = ans.file_edition(yamlio.load(path))
    if declared is not None and declared != catalog.edition:
        SETTINGS.stderr.write(t("assess.set_not_saved", file=str(path), edition=declared) + "\n")
        return
    command = shlex.join([*common.program(), "assess", "--answers", str(path)])
    text = file_header(SETTINGS.lang, command) + yamlio.dump(
        ans.to_document(answers, catalog, __version__))
    fsio.write_atomic(path, text)
    SETTINGS.stderr.write(t("assess.set_saved", file=str(path),
                            ids=", ".join(spec.partition("=")[0].strip() for spec in overrides))
                          + "\n")


def register(app: typer.Typer, lang: str) -> None:
    @app.command("assess", help=tr(lang, "assess.help"))
    def assess(
        answers: Annotated[Path | None, typer.Option(
            "--answers", "-a", help=tr(lang, "assess.opt_answers"), metavar="FICHIER"
            if lang == "fr" else "FILE")] = None,
        set_: Annotated[list[str] | None, typer.Option(
            "--set", help=tr(lang, "assess.opt_set"), metavar="ID=VALEUR"
            if lang == "fr" else "ID=VALUE")] = None,
        fmt: common.format_option(lang) = "table",
        edition: common.edition_option(lang, "assess.opt_edition") = None,
        dry_run: Annotated[bool, typer.Option("--dry-run",
                                              help=tr(lang, "assess.opt_dry_run"))] = False,
        review: Annotated[bool, typer.Option("--review",
                                             help=tr(lang, "assess.opt_review"))] = False,
        form: Annotated[str | None, typer.Option(
            "--form", help=tr(lang, "wizard.opt_form"), metavar="NOM" if lang == "fr"
            else "NAME")] = None,
        renew: Annotated[Path | None, typer.Option(
            "--renew", help=tr(lang, "renew.opt_renew"), metavar="FICHIER" if lang == "fr"
            else "FILE")] = None,
        last_label: Annotated[str | None, typer.Option(
            "--last-label", help=tr(lang, "renew.opt_last_label"), metavar="NIVEAU"
            if lang == "fr" else "TIER")] = None,
        output: Annotated[Path | None, typer.Option(
            "--output", "-o", help=tr(lang, "assess.opt_output"), metavar="FICHIER"
            if lang == "fr" else "FILE")] = None,
        template_dir: Annotated[Path | None, typer.Option(
            "--template-dir", help=tr(lang, "assess.opt_template_dir"),
            metavar="RÉPERTOIRE" if lang == "fr" else "DIR")] = None,
        force: Annotated[bool, typer.Option("--force", help=tr(lang, "assess.opt_force"))] = False,
        inventaire: Annotated[list[Path] | None, typer.Option(
            "--inventaire", help=tr(lang, "inventory.opt_assess"), metavar="FICHIER|DOSSIER"
            if lang == "fr" else "FILE|DIR")] = None,
        verbose: common.verbose_option(lang) = False,
        lang_: common.lang_option(lang) = lang,
        no_color: common.no_color_option(lang) = False,
    ) -> None:
        common.check_choice(fmt, ("table", "json"), "--format")
        overrides = list(set_ or [])
        if renew is not None:  # this year's file from last year's (commands/assess_renew.py)
            from tnl_cli.commands import assess_renew

            if answers is None:
                raise TnlError.of("renew.need_answers")
            raise typer.Exit(assess_renew.renew(answers, renew, edition, force, last_label,
                                                overrides, fmt, form))
        for option, given in (("--force", force and output is None),
                              ("--last-label", last_label is not None)):
            if given:
                SETTINGS.stderr.write(t("renew.only_with_renew", option=option) + "\n")
        report_format = None
        if output is not None:  # the self-assessment report as a document
            from tnl_cli.dossier.render import format_for

            report_format = format_for(output, None)
            if answers is not None:  # before anything: --force would destroy the answers
                from tnl_cli.io.files import refuse_input

                refuse_input(output, answers)
        # Prompts only on a terminal, for the terminal view, and when nothing is overridden.
        if SETTINGS.interactive and fmt == "table" and not overrides and output is None:
            from tnl_cli.commands import assess_walk as wizard_flow

            raise typer.Exit(wizard_flow.walk(answers or DEFAULT_ANSWERS, edition, review, form,
                                              list(inventaire or [])))
        if answers is None:
            raise TnlError.of("assess.need_answers_terminal" if SETTINGS.interactive
                              else "assess.need_answers")
        for option, given in (("--review", review), ("--form", form), ("--inventaire", inventaire)):
            if given:  # walk options: nothing to walk without a terminal
                SETTINGS.stderr.write(t("assess.walk_only", option=option) + "\n")
                break
        saving = bool(overrides) and not dry_run
        from tnl_cli.io.files import locked

        with locked(answers) if saving else contextlib.nullcontext():  # read, change, write
            catalog, loaded, assessment, gone = evaluate_file(answers, edition, overrides)
            if saving:
                record(answers, catalog, loaded, overrides)
        common.tell_gone("assess.migrated_gone", gone, catalog.edition)
        if output is not None and report_format is not None:
            raise typer.Exit(write_report(catalog, loaded, assessment, output, report_format,
                                          template_dir, force))
        raise typer.Exit(common.show_assessment(catalog, loaded, assessment, fmt))


def write_report(catalog, answers, assessment, output: Path, fmt: str,
                 template_dir: Path | None, force: bool) -> int:
    """`tnl assess -o F`: the self-assessment report (scores, tiers, path, legal checklist),
    for the team, in the format of F's extension; the exit code of the verdict."""
    from tnl_cli.dossier import render as dos
    from tnl_cli.io.files import write_atomic
    from tnl_cli.report.wording import verdict_text

    data = dos.render(catalog, answers, assessment, fmt, SETTINGS.lang, template_dir,
                      kind="rapport")
    write_atomic(output, data, overwrite=force)
    SETTINGS.stderr.write(t("assess.report_written", file=str(output), format=fmt,
                            verdict=verdict_text(assessment.verdict, SETTINGS.lang)) + "\n")
    return common.verdict_code(assessment.verdict)

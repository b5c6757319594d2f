"""`tnl assess --answers NEW --renew OLD`: this year's file, started from last year's.

Last year's file is read into this year's edition in memory (never written: no backup, no
migration in place), the label obtained last year is recorded in `labels_anterieurs`, and the
new file is written. On a terminal the walk then reviews every question, last year's answers
proposed and the criteria new in this edition asked as new; otherwise the new file is
evaluated as `tnl assess --answers NEW` would.
"""

import shlex
from pathlib import Path

from tnl_cli.commands import common
from tnl_cli.commands.common import SETTINGS, t
from tnl_cli.errors import TnlError


def _start(new: Path, old: Path, edition: int | None, force: bool):
    """(catalog, answers, changes, old_catalog, old_year): last year's answers in this year's
    edition, after the checks that protect the user's files."""
    from tnl_cli.core import answers as ans
    from tnl_cli.io import files as fsio
    from tnl_cli.io import yaml as yamlio
    from tnl_cli.loaders import answer_files
    from tnl_cli.loaders.catalogs import editions, load_edition
    from tnl_cli.walk import steps as wizard

    if fsio.same_file(new, old):
        raise TnlError.of("renew.same_file", path=str(old))
    if new.exists() and not force:
        raise TnlError.of("renew.exists", path=str(new))
    fsio.check_target(new, overwrite=True)  # a directory, a missing folder: said before asking
    catalog = load_edition(edition)
    declared = ans.file_edition(yamlio.load(old))
    answers, catalog, gone = answer_files.load(old, lambda _e: catalog, catalog.edition)
    old_catalog = load_edition(declared) if declared in editions() else None
    changes = wizard.changes(catalog, answers, declared or catalog.edition, gone, old_catalog)
    # The year whose label is asked: the old file's edition (an undated file: the year before).
    year = declared if declared is not None else catalog.edition - 1
    return catalog, answers, changes, old_catalog, year


def _label_from_option(raw: str, old_catalog, year: int):
    from tnl_cli.core.normalise import ValueRefused
    from tnl_cli.core.renewal import parse_label

    try:
        return parse_label(raw, old_catalog)
    except ValueRefused as exc:
        raise TnlError.of("renew.bad_label_option", year=year, **exc.params) from exc


def _ask_label(prompter, old_catalog, year: int):
    """The label obtained at last year's edition: one of its tiers, or « aucun »."""
    from tnl_cli.core.normalise import ValueRefused
    from tnl_cli.core.renewal import NO_LABEL, awards, parse_label
    from tnl_cli.i18n import pick
    from tnl_cli.walk.prompter import Ask, Option

    question = t("renew.ask_label", year=year)
    if old_catalog is not None:
        options = tuple(Option(award_id, pick(name, SETTINGS.lang))
                        for award_id, name in awards(old_catalog)) + (
            Option(NO_LABEL, t("renew.no_label")),)
        chosen = prompter.ask(Ask("select", question, options, None, t("wizard.select_hint")))
        return None if chosen == NO_LABEL else chosen

    def problem(text: str) -> str | None:
        try:
            parse_label(text, None)
        except ValueRefused:
            return t("renew.ask_label_text")
        return None

    text = prompter.ask(Ask("text", question, instruction=t("renew.ask_label_text"),
                            validate=problem))
    return parse_label(str(text), None)


def _tell(say, new: Path, old: Path, changes, catalog, label_line: str) -> None:
    from tnl_cli.i18n import pick

    lang = SETTINGS.lang
    same = changes.from_edition == catalog.edition
    say(t("renew.created_same" if same else "renew.created", new=str(new), old=str(old),
          from_edition=changes.from_edition, edition=catalog.edition))
    say(label_line)
    if changes.new:
        say(t("renew.new_criteria", edition=catalog.edition, count=len(changes.new)))
        for cid in changes.new:
            say(f"  • {pick(catalog.by_id[cid].question, lang)} ({cid})")
    if changes.gone:
        say(t("wizard.migrated_gone", new=changes.to_edition, count=len(changes.gone),
              ids=", ".join(changes.gone)))


def _write(new: Path, catalog, answers) -> None:
    from tnl_cli import __version__
    from tnl_cli.core import answers as ans
    from tnl_cli.io import files as fsio
    from tnl_cli.io import yaml as yamlio
    from tnl_cli.walk.session import Saver

    command = shlex.join(["tnl", "assess", "--answers", str(new)])
    header = Saver(new, SETTINGS.lang, command).header
    fsio.write_atomic(new, header + yamlio.dump(ans.to_document(answers, catalog, __version__)))


def renew(new: Path, old: Path, edition: int | None, force: bool, label: str | None,
          overrides: list[str], fmt: str, form: str | None) -> int:
    """Create `new` from `old`; walk it on a terminal, evaluate it otherwise. The exit code.
    `new` is locked throughout (from the check that it does not exist to the walk's end)."""
    from tnl_cli.io.files import locked

    with locked(new):
        return _renew(new, old, edition, force, label, overrides, fmt, form)


def _renew(new: Path, old: Path, edition: int | None, force: bool, label: str | None,
           overrides: list[str], fmt: str, form: str | None) -> int:
    from tnl_cli.core import answers as ans
    from tnl_cli.core.engine import evaluate
    from tnl_cli.core.renewal import with_label

    interactive = SETTINGS.interactive and fmt == "table" and not overrides
    catalog, answers, changes, old_catalog, year = _start(new, old, edition, force)
    prompter = None
    if label is not None:
        level = _label_from_option(label, old_catalog, year)
    elif interactive:
        from tnl_cli.walk import session as wizard_session

        prompter = wizard_session.terminal_prompter(SETTINGS)
        prompter.prepare()
        level = _ask_label(prompter, old_catalog, year)
    else:
        level = None
    if label is not None or interactive:
        answers = with_label(answers, year, level)
        from tnl_cli.report.wording import tier_name

        named = tier_name(old_catalog, level, SETTINGS.lang, badge=True)
        label_line = (t("renew.label_recorded", year=year, level=level if named is None else named)
                      if level is not None else t("renew.label_none", year=year))
    else:
        label_line = t("renew.label_not_asked", year=year)
    for spec in overrides:
        answers = ans.apply_override(answers, catalog, spec)
    _write(new, catalog, answers)
    if prompter is not None:
        _tell(prompter.say, new, old, changes, catalog, label_line)
        from tnl_cli.commands import assess_walk

        return assess_walk.walk(new, edition, True, form)
    _tell(lambda text: SETTINGS.stderr.write(text + "\n"), new, old, changes, catalog,
          label_line)
    return common.show_assessment(catalog, answers, evaluate(catalog, answers), fmt)

"""`tnl assess` on a terminal: open or migrate the file, walk, verdict, dossier.

Used when both ends are a terminal. It lives with the commands because it speaks through
their shared settings and views (`commands.common`); the question logic itself is the pure
`walk.steps.Walk`, the prompts and autosave are in `walk.session`.
"""

import os
import shlex
from pathlib import Path

from tnl_cli.commands import common
from tnl_cli.commands.common import SETTINGS, t
from tnl_cli.errors import EXIT_INTERRUPTED, TnlError
from tnl_cli.i18n import tr

DEFAULT_DOSSIER = "dossier-candidature.md"


def resume_command(path: Path, edition: int | None, form: str | None) -> str:
    """The exact command that comes back to this walk."""
    words = [*common.program(), "assess", "--answers", str(path)]
    if edition is not None:
        words += ["--edition", str(edition)]
    if form is not None:
        words += ["--form", form]
    if SETTINGS.lang != "fr":
        words += ["--lang", SETTINGS.lang]
    return shlex.join(words)


def _open(path: Path, edition: int | None):
    """The catalog to walk and the answers to start from: (catalog, answers, changes, raw).

    An existing file of another edition is migrated to `edition` (the newest by default);
    `raw` is the file's text (None for a new walk), kept as a backup when migrating.
    """
    from tnl_cli.core import answers as ans
    from tnl_cli.core.identity import Identity
    from tnl_cli.io import yaml as yamlio
    from tnl_cli.loaders.catalogs import editions, load_edition
    from tnl_cli.walk import steps as wizard

    catalog = load_edition(edition)
    raw = yamlio.read_text(path) if path.exists() else ""
    if not raw.strip():  # a new walk, also in a file created empty beforehand
        return catalog, ans.Answers(catalog.edition, Identity(), {}), None, None
    doc = yamlio.parse(raw, str(path))
    declared = ans.file_edition(doc)
    migrate = declared is not None and declared != catalog.edition
    loaded, gone = ans.from_document(doc, catalog, migrate=migrate)
    if not migrate:
        return catalog, loaded, None, raw
    assert declared is not None
    previous = load_edition(declared) if declared in editions() else None
    return catalog, loaded, wizard.changes(catalog, loaded, declared, gone, previous), raw


def _backup(path: Path, raw: str, new_edition: int) -> Path:
    """Keep last edition's file as it was, under a name that says what it is and does not
    exist yet: `lettret.avant-2025.yaml`."""
    from tnl_cli.io.files import keep_copy

    return keep_copy(path, raw, f"avant-{new_edition}")


def _tell_changes(prompter, changes, path: Path, backup: Path, catalog) -> None:
    """What moving to the new edition changed, by the questions' words (identifiers only with
    --verbose): new questions, and removed ones with the new questions of their domain."""
    from tnl_cli.i18n import pick
    from tnl_cli.loaders.catalogs import editions, load_edition

    lang = SETTINGS.lang

    def named(c) -> str:
        text = pick(c.question, lang)
        return f"{text} ({c.id})" if SETTINGS.verbose else text

    prompter.say(t("wizard.migrated", file=str(path), old=changes.from_edition,
                   new=changes.to_edition, backup=str(backup)))
    if changes.new:
        prompter.say(t("wizard.migrated_new", count=len(changes.new)))
        for cid in changes.new:
            prompter.say(f"• {named(catalog.by_id[cid])}", indent=2)
    else:
        prompter.say(t("wizard.migrated_none"))
    if not changes.gone:
        return
    previous = (load_edition(changes.from_edition)
                if changes.from_edition in editions() else None)
    prompter.say(t("wizard.migrated_gone_list", new=changes.to_edition,
                   count=len(changes.gone)))
    for cid in changes.gone:
        old = previous.by_id.get(cid) if previous is not None else None
        prompter.say(f"• {named(old) if old is not None else cid}", indent=2)
        instead = [c for c in catalog.criteria if old is not None and c.domain == old.domain
                   and c.id in changes.new]
        if instead:
            prompter.say(t("wizard.migrated_instead", questions=" ; ".join(
                named(c) for c in instead)), indent=4)


def free_name(name: str) -> str:
    """`name`, or the first `stem-2.ext`, `stem-3.ext`… that does not exist: the name offered
    at the end of the walk is one Enter can accept."""
    path = Path(name)
    n = 1
    while path.exists() and n < 1000:
        n += 1
        path = Path(name).with_name(f"{Path(name).stem}-{n}{Path(name).suffix}")
    return str(path)


def _dossier_problem(text: str) -> str | None:
    """Why the dossier cannot be written at `text`, in the user's language, or None: checked as
    the name is typed, so a wrong place is refused on the spot rather than after the walk."""
    from tnl_cli.dossier import render as dossier

    if not text.strip():
        return t("wizard.dossier_path")
    target = Path(text.strip()).expanduser()
    folder = target.parent
    if os.path.lexists(target):  # a link to nothing too: it is not replaced without a word
        return t("wizard.dossier_exists", file=text.strip())
    if not folder.is_dir():
        key = "wizard.dossier_not_dir" if folder.exists() else "wizard.dossier_no_dir"
        return t(key, dir=str(folder))
    if not os.access(folder, os.W_OK):
        return t("wizard.dossier_unwritable", dir=str(folder))
    try:
        dossier.format_for(target, None)
    except TnlError as exc:
        return exc.render(SETTINGS.lang)
    return None


def _offer_dossier(prompter, path: Path, catalog, answers, assessment, saver=None,
                   the_walk=None) -> None:
    """After the verdict: write the dossier now, or say the command that does; or first
    write the candidacy's own texts (presentation, approach, plans…), each skippable."""
    from tnl_cli.dossier import render as dossier
    from tnl_cli.io.files import write_atomic
    from tnl_cli.walk import dossier_texts
    from tnl_cli.walk.prompter import Ask, Option

    command = shlex.join([*common.program(), "dossier", "--answers", str(path), "-o",
                          DEFAULT_DOSSIER])
    yes_no = (Option("yes", tr(SETTINGS.lang, "report.yes").capitalize()),
              Option("no", tr(SETTINGS.lang, "report.no").capitalize()))
    texts = Option("texts", t("candidacy.walk_offer"))
    if saver is not None and dossier_texts.missing(answers.dossier):
        prompter.say(t("candidacy.walk_missing"))
    while True:
        options = yes_no + ((texts,) if saver is not None else ())
        choice = prompter.ask(Ask("select", t("wizard.dossier_offer"), options, "yes",
                                  t("wizard.select_hint")))
        if choice != "texts":
            break

        def save(new, the_walk=the_walk) -> None:
            the_walk.answers = new
            saver.save(the_walk)

        answers = dossier_texts.ask(prompter, answers, SETTINGS.lang, save)
        texts = Option("texts", t("candidacy.walk_offer_again"))
    if choice != "yes":
        prompter.say(t("wizard.dossier_command", command=command))
        return
    offered = free_name(DEFAULT_DOSSIER)
    text = str(prompter.ask(Ask("text", t("wizard.dossier_path"), default=offered,
                                instruction=t("wizard.dossier_path_hint"),
                                validate=_dossier_problem)))
    out = Path(text.strip()).expanduser()
    data = dossier.render(catalog, answers, assessment, dossier.format_for(out, None),
                          SETTINGS.lang)
    write_atomic(out, data, overwrite=False)
    prompter.say(t("wizard.dossier_written", file=str(out)))


def _review(prompter, the_walk, saver) -> bool:
    """`--review`: where to go first (everything, a domain, a question by number or words),
    that part walked, then where next until the user finishes. False when interrupted."""
    from tnl_cli.walk import review as goto
    from tnl_cli.walk import session as wizard_session

    first = True
    while True:
        try:
            prompter.prepare()
            keys = goto.choose(prompter, the_walk, SETTINGS.lang, first)
        except (KeyboardInterrupt, EOFError):
            return False
        if keys == goto.FINISH:
            the_walk.focus(())
            return True
        the_walk.focus(None if keys == goto.ALL else keys)
        if not wizard_session.run(the_walk, prompter, saver, SETTINGS.lang, SETTINGS.verbose):
            return False
        if keys == goto.ALL:
            return True
        first = False


def proposed_from_files(paths: list[Path], catalog) -> dict:
    """`--inventaire`: the answers the inventories prove, for the walk to propose (each with
    its reason and sources; the user confirms or picks another, question by question)."""
    from tnl_cli.commands.inventaire import read_inventory, reason_text
    from tnl_cli.core.answers import document_value
    from tnl_cli.core.normalise import normalise_value
    from tnl_cli.walk.proposals import Proposal

    collected = read_inventory(paths, [], None)
    out = {}
    for p in collected.proposals(catalog):
        c = catalog.by_id[p.criterion]
        reason = t("inventory.walk_reason", reason=reason_text(p, collected, SETTINGS.lang))
        out[p.criterion] = Proposal(normalise_value(c, document_value(p.value)), reason,
                                    p.sources)
    return out


def walk(path: Path, edition: int | None, review: bool, form: str | None,
         inventory: list[Path] | None = None) -> int:
    """The guided walk on a terminal; returns the exit code. The file is locked from its
    reading to the last save: another tnl writing it meanwhile would lose answers."""
    from tnl_cli.io.files import locked

    with locked(path):
        return _walk(path, edition, review, form, inventory)


def _walk(path: Path, edition: int | None, review: bool, form: str | None,
          inventory: list[Path] | None) -> int:
    from tnl_cli.core.engine import evaluate
    from tnl_cli.i18n import pick
    from tnl_cli.walk import session as wizard_session
    from tnl_cli.walk import steps as wizard

    catalog, answers, changes, raw = _open(path, edition)
    only = None
    if form is not None:
        chosen = next((f for f in catalog.forms if f.id == form), None)
        if chosen is None:
            raise TnlError.of("wizard.no_form", form=form, edition=catalog.edition,
                              forms=", ".join(f.id for f in catalog.forms)
                              or t("wizard.no_forms"))
        only = chosen.criteria
    the_walk = wizard.Walk(catalog, answers, review=review, only=only)
    if inventory:
        the_walk.proposed = proposed_from_files(inventory, catalog)
    command = resume_command(path, edition, form)
    prompter = wizard_session.terminal_prompter(SETTINGS)
    new = raw is None
    if not new and changes is None and the_walk.finished:
        code = common.show_assessment(catalog, the_walk.answers, evaluate(catalog, the_walk.answers), "table")
        prompter.say(t("wizard.complete", file=str(path), command=command))
        return code

    saver = wizard_session.Saver(path, SETTINGS.lang, command)
    saver.check_writable()
    prompter.say(t("wizard.intro", edition=catalog.edition, file=str(path)))
    if only is not None:
        prompter.say(t("wizard.form", name=pick(chosen.name, SETTINGS.lang), count=len(only)))
    if changes is not None:
        backup = _backup(path, raw, changes.to_edition)
        _tell_changes(prompter, changes, path, backup, catalog)
        saver.save(the_walk)
    elif new:
        prompter.say(t("wizard.new_file", file=str(path)))
        saver.save(the_walk)
    elif review:
        prompter.say(t("wizard.review", file=str(path)))
    else:
        prompter.say(t("wizard.resume", file=str(path),
                       count=wizard_session.answered(the_walk)))

    done = (_review(prompter, the_walk, saver) if review and changes is None
            else wizard_session.run(the_walk, prompter, saver, SETTINGS.lang, SETTINGS.verbose))
    if not done:
        wizard_session.tell_interrupted(SETTINGS.stderr, SETTINGS.lang, the_walk, path, command)
        return EXIT_INTERRUPTED
    prompter.say("")
    prompter.say(t("wizard.finished", count=wizard_session.answered(the_walk), file=str(path)))
    prompter.say("")
    assessment = evaluate(catalog, the_walk.answers)
    code = common.show_assessment(catalog, the_walk.answers, assessment, "table")
    prompter.say("")
    _offer_dossier(prompter, path, catalog, the_walk.answers, assessment, saver, the_walk)
    return code

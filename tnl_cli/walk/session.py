"""The interactive loop: ask, play the reply on the walk, save at once, survive interruptions.

Every answer is written to the answers file before the next question (write to a temporary
file, then rename), so Ctrl-C, a closed terminal (SIGHUP) or SIGTERM loses nothing already
answered. A signal that arrives during a save waits until the file is complete.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from tnl_cli import __version__
from tnl_cli.errors import TnlError
from tnl_cli.i18n import tr
from tnl_cli.io import files as fsio
from tnl_cli.io import yaml as yamlio
from tnl_cli.walk.prompter import Prompter
from tnl_cli.walk.questions import Questions, apply
from tnl_cli.walk.steps import Walk

_SIGNALS = tuple(getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name))


class Interrupted(KeyboardInterrupt):
    """A signal that ends the walk the way Ctrl-C does."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def signals_interrupt() -> Iterator[list[int]]:
    """SIGHUP and SIGTERM raise Interrupted, so they take the same save-and-explain path.

    Yields the list of signals received (a closed terminal can make the prompt's clean-up
    fail with an OSError that hides the Interrupted)."""
    received: list[int] = []

    def interrupt(signum: int, _frame: Any) -> None:
        received.append(signum)
        raise Interrupted(signum)

    previous = {sig: signal.signal(sig, interrupt) for sig in _SIGNALS}
    try:
        yield received
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@contextlib.contextmanager
def signals_deferred() -> Iterator[None]:
    """Hold Ctrl-C, SIGHUP and SIGTERM while a save runs, then deliver the first one."""
    pending: list[int] = []
    caught = (signal.SIGINT,) + _SIGNALS
    previous = {sig: signal.signal(sig, lambda signum, _frame: pending.append(signum))
                for sig in caught}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if pending:
        raise Interrupted(pending[0])


def file_header(lang: str, resume: str) -> str:
    """The comment at the top of an answers file tnl writes: what it is, how to come back."""
    return "".join(f"# {line}\n" for line in
                   tr(lang, "wizard.file_header", command=resume).splitlines())


class Saver:
    """Writes the walk's answers to `path`, with a header saying how to come back to it."""

    def __init__(self, path: Path, lang: str, resume: str) -> None:
        self.path = path
        self.header = file_header(lang, resume)

    def check_writable(self) -> None:
        """Fail before the first question rather than after the first answer."""
        target = fsio.real_target(self.path)  # a link: its target is what is rewritten
        folder = target.parent if str(target.parent) else Path(".")
        if not folder.is_dir():
            raise TnlError.of("io.no_dir", file=str(self.path), dir=str(folder))
        if not os.access(folder, os.W_OK) or (target.exists()
                                               and not os.access(target, os.W_OK)):
            raise TnlError.of("io.unwritable", file=str(self.path),
                              reason=os.strerror(13))

    def save(self, walk: Walk) -> None:
        text = self.header + yamlio.dump(walk.document(__version__))
        with signals_deferred():
            fsio.write_atomic(self.path, text)


def answered(walk: Walk) -> int:
    """How many answers the file holds, identity included (skipped questions excluded)."""
    identity = sum(1 for step in walk.steps
                   if step.field is not None and step.field.filled(walk.answers.identity))
    return identity + sum(1 for a in walk.answers.responses.values() if a.value is not None)


def run(walk: Walk, prompter: Prompter, saver: Saver, lang: str, verbose: bool = False) -> bool:
    """Ask until the walk is finished. False when the user (or a signal) interrupted it.
    `verbose`: the headers also show the criteria's identifiers."""
    questions = Questions(prompter, lang, verbose)
    received: list[int] = []
    try:
        with signals_interrupt() as received:
            prompter.prepare()
            # The modules, catalog and prompt_toolkit loaded so far live until the end: kept
            # out of the collector's sight, a full collection no longer stalls a prompt ~80 ms.
            gc.freeze()
            while not walk.finished:
                reply = questions.ask(walk)
                if not apply(walk, reply):
                    prompter.say(tr(lang, "wizard.first_question"))
                if reply.action != "back":
                    saver.save(walk)
    except (KeyboardInterrupt, EOFError):
        return False
    except OSError:
        if received:
            return False
        raise
    finally:
        gc.unfreeze()
    return True


def terminal_prompter(settings: Any) -> Prompter:
    """The real prompter on the run's terminal; NO_COLOR and --no-color turn colour off."""
    from tnl_cli.walk.prompter import QuestionaryPrompter

    color = settings.color and "NO_COLOR" not in os.environ
    # its own bold codes must pass: it writes to the stream under the cleaning one, and cleans
    stdout = getattr(settings.stdout, "raw", settings.stdout)
    from tnl_cli.i18n import template

    words = {key: template(settings.lang, f"wizard.prompt_{key}")
             for key in ("reply", "ticked_none", "ticked_many")}
    return QuestionaryPrompter(stdout, color, words)


def tell_interrupted(stderr: TextIO, lang: str, walk: Walk, path: Path, command: str) -> None:
    """Say, in the user's language, that nothing is lost and how to resume."""
    text = tr(lang, "wizard.interrupted", count=answered(walk), file=str(path), command=command)
    with contextlib.suppress(OSError, ValueError):  # the terminal may be gone (SIGHUP)
        stderr.write("\n" + text + "\n")
        stderr.flush()

"""Running the real `tnl` in a pseudo-terminal (pexpect), for the end-to-end walk tests and the
bench: keys to send, and a spawn with a clean, reproducible environment."""

from __future__ import annotations

import io
import os
import re
import sys
from pathlib import Path

import pexpect

ENTER = "\r"
CTRL_C = "\x03"
CTRL_U = "\x15"  # erase the typed line (a prompt's default included)
TIMEOUT = 10  # seconds; a prompt normally shows in well under one


def env(lang: str = "fr_FR.UTF-8", **extra: str) -> dict[str, str]:
    """A terminal environment: no cursor-position requests (pexpect does not answer them)."""
    base = {k: v for k, v in os.environ.items()
            if k not in ("LANG", "LC_ALL", "LC_MESSAGES", "NO_COLOR")}
    base.update(TERM="xterm-256color", PROMPT_TOOLKIT_NO_CPR="1", COLUMNS="250", LINES="60",
                LANG=lang, PYTHONWARNINGS="ignore",
                # `tnl` on the PATH, as after activating the virtual environment: the resume
                # command printed is `tnl …` (the other cases: test_cli_assess)
                PATH=os.pathsep.join([os.path.dirname(sys.executable), os.environ.get("PATH", "")]))
    base.update(extra)
    return base


def spawn(*args: str, cwd: Path, lang: str = "fr_FR.UTF-8", **extra: str) -> pexpect.spawn:
    """`tnl ARGS` on a fresh terminal; keys are sent at once (no pexpect pause before each)."""
    child = pexpect.spawn(sys.executable, ["-m", "tnl_cli", *args], cwd=str(cwd),
                          env=env(lang, **extra), encoding="utf-8", timeout=TIMEOUT,
                          dimensions=(60, 250))
    child.delaybeforesend = None
    child.logfile_read = io.StringIO()  # the whole screen output, for assertions
    return child


def screen(child: pexpect.spawn) -> str:
    return child.logfile_read.getvalue()


def finish(child: pexpect.spawn) -> int:
    """Wait for the end and return the exit code."""
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus is not None, f"killed by signal {child.signalstatus}"
    return child.exitstatus


# A prompt drawn by prompt_toolkit: the question mark, its styling, then the message. Only a
# live or answered prompt has styling right after "?", so help texts never match.
PROMPT = r"\?(?:\x1b\[[\d;]*m)+ "
# The header the walk prints before each question: it comes after the previous prompt is done.
HEADER = r"question \d+/\d+"


def wait_question(child: pexpect.spawn, message: str) -> None:
    """Wait until the walk's next question, `message`, is on screen and takes keys."""
    child.expect(HEADER)
    child.expect(PROMPT + re.escape(message))


def wait_prompt(child: pexpect.spawn, message: str) -> None:
    """Wait for a prompt that has no header (justification, dossier offer)."""
    child.expect(PROMPT + re.escape(message))

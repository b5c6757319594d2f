"""Running the real `tnl` in a pseudo-terminal (pexpect), for the end-to-end walk tests and the
bench: keys to send, and a spawn with a clean, reproducible environment."""

from __future__ import annotations

import os
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
                LANG=lang, PYTHONWARNINGS="ignore")
    base.update(extra)
    return base


def spawn(*args: str, cwd: Path, lang: str = "fr_FR.UTF-8", **extra: str) -> pexpect.spawn:
    return pexpect.spawn(sys.executable, ["-m", "tnl_cli", *args], cwd=str(cwd),
                         env=env(lang, **extra), encoding="utf-8", timeout=TIMEOUT,
                         dimensions=(60, 250))


def finish(child: pexpect.spawn) -> int:
    """Wait for the end and return the exit code."""
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus is not None, f"killed by signal {child.signalstatus}"
    return child.exitstatus

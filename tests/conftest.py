"""Shared test helpers: run the CLI in process, like a shell session."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pytest

from tnl_cli import cli
from tnl_cli.commands import common

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@dataclass
class Result:
    code: int
    out: str
    err: str


class _Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """`run("assess", "--answers", f)` -> Result(code, out, err); never a terminal."""
    monkeypatch.delenv("LANG", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("COLUMNS", "200")

    def _run(*args: str, stdin: str = "") -> Result:
        capsys.readouterr()
        out, err, inp = _Stream(False), _Stream(False), _Stream(False)
        inp.write(stdin)
        inp.seek(0)
        settings = common.SETTINGS  # one shared object: swap its streams, not the object
        for name, value in (("stdin", inp), ("stdout", out), ("stderr", err),
                            ("lang", "fr"), ("color", True)):
            monkeypatch.setattr(settings, name, value)
        with pytest.raises(SystemExit) as exit_info:
            cli.main(list(args))
        # Typer writes help and its own messages straight to sys.stdout/sys.stderr.
        captured = capsys.readouterr()
        return Result(int(exit_info.value.code or 0), out.getvalue() + captured.out,
                      err.getvalue() + captured.err)

    return _run


def cli_in_process(*args: str) -> Result:
    """The CLI in process, standard input empty, for hypothesis tests (which cannot use
    function-scoped fixtures such as `run`); the caller's environment as it is."""
    out, err = _Stream(False), _Stream(False)
    settings = common.SETTINGS
    saved = (settings.stdin, settings.stdout, settings.stderr, settings.lang)
    settings.stdin, settings.stdout, settings.stderr = _Stream(False), out, err
    try:
        with pytest.raises(SystemExit) as exit_info:
            cli.main(list(args))
    finally:
        settings.stdin, settings.stdout, settings.stderr, settings.lang = saved
    return Result(int(exit_info.value.code or 0), out.getvalue(), err.getvalue())

"""One error hierarchy: every expected failure carries translatable problems and an exit code.

The CLI catches `TnlError` in one place; anything else that escapes is a bug.
"""

import errno
import os
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

from tnl_cli.i18n import tr
from tnl_cli.textsafe import escaped

EXIT_OK = 0
EXIT_NEGATIVE = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
SHOWN_PROBLEMS = 100  # a file with thousands of mistakes: the first hundred, then a count


_OS_REASONS = {
    errno.EACCES: "io.reason_permission",
    errno.EPERM: "io.reason_permission",
    errno.EROFS: "io.reason_read_only",
    errno.ENOSPC: "io.reason_no_space",
    errno.EDQUOT: "io.reason_no_space",
    errno.ENOTDIR: "io.reason_not_dir",
    errno.EISDIR: "io.reason_is_dir",
    errno.ENAMETOOLONG: "io.reason_name_too_long",
    errno.ENOENT: "io.reason_missing",
    errno.EIO: "io.reason_io",
    errno.ELOOP: "io.reason_loop",
}
# A reason given as the OS's English text (`exc.strerror`) without its errno: found back by text.
_OS_TEXTS = {os.strerror(code): code for code in _OS_REASONS}


class Problem(NamedTuple):
    """A single thing wrong with the input, located as precisely as we know.

    (A NamedTuple rather than a dataclass: this module is on every command's start-up path.)
    """

    key: str
    params: Mapping[str, Any] = MappingProxyType({})
    file: str | None = None
    line: int | None = None

    def render(self, lang: str) -> str:
        # A value echoed from input shows its control characters escaped (`\x1b[31moui`):
        # the user sees what is wrong, the terminal acts on nothing.
        from tnl_cli.numbers import shown as clipped  # not on the start-up path

        # A value quoted from input is cut to its first characters (5,000 digits, a whole line).
        shown = {k: escaped(clipped(v) if k == "value" else v)
                 if isinstance(v, str) and not k.endswith("_key") else clipped(v)
                 for k, v in self.params.items()}
        params: dict[str, Any] = {
            k: tr(lang, v, **shown) if k.endswith("_key") else v for k, v in shown.items()
        }
        code = params.get("errno")
        if code is None and isinstance(params.get("reason"), str):
            code = _OS_TEXTS.get(params["reason"])
        reason = _OS_REASONS.get(code if code is not None else -1)  # the OS speaks English
        if reason is not None:
            params["reason"] = tr(lang, reason)
        text = tr(lang, self.key, **params)
        if self.file and self.line:
            return f"{escaped(self.file)}:{self.line}: {text}"
        if self.file:
            return f"{escaped(self.file)}: {text}"
        return text


class TnlError(Exception):
    """Unusable input or a failed operation: exit 2 unless a subclass says otherwise."""

    exit_code = EXIT_USAGE

    def __init__(self, *problems: Problem) -> None:
        super().__init__(", ".join(p.key for p in problems))
        self.problems: tuple[Problem, ...] = problems

    @classmethod
    def of(cls, key: str, /, file: str | None = None, line: int | None = None, **params: Any):
        return cls(Problem(key, params, file, line))

    def render(self, lang: str) -> str:
        """Every problem, in file and line order (as the user will fix them); past
        `SHOWN_PROBLEMS`, how many more."""
        ordered = sorted(self.problems, key=lambda p: (p.file or "", p.line or 0))
        lines = [p.render(lang) for p in ordered[:SHOWN_PROBLEMS]]
        if len(ordered) > SHOWN_PROBLEMS:
            lines.append(tr(lang, "io.more_problems", count=len(ordered) - SHOWN_PROBLEMS))
        return "\n".join(lines)


class CatalogError(TnlError):
    """The criteria catalog is malformed or inconsistent."""


class AnswersError(TnlError):
    """The answers (file, --set, prompt or spreadsheet row) are malformed."""


class Interrupted(TnlError):
    """Ctrl-C during a command (the guided walk handles its own, to save first)."""

    exit_code = EXIT_INTERRUPTED

    def __init__(self) -> None:
        super().__init__(Problem("cli.interrupted"))


class OutputFailed(TnlError, OSError):
    """A standard stream refused what was written (`> /dev/full`, a terminal gone): a clear
    message and exit 2; still an OSError for the code that expects one from a write."""


class PipeClosed(Exception):
    """The reader of our output went away (`tnl lookup … | head -1`): stop quietly."""

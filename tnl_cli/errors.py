"""One error hierarchy: every expected failure carries translatable problems and an exit code.

The CLI catches `TnlError` in one place; anything else that escapes is a bug.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tnl_cli.i18n import tr

EXIT_OK = 0
EXIT_NEGATIVE = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


@dataclass(frozen=True)
class Problem:
    """A single thing wrong with the input, located as precisely as we know."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)
    file: str | None = None
    line: int | None = None

    def render(self, lang: str) -> str:
        params = {
            k: tr(lang, v, **self.params) if k.endswith("_key") else v
            for k, v in self.params.items()
        }
        text = tr(lang, self.key, **params)
        if self.file and self.line:
            return f"{self.file}:{self.line}: {text}"
        if self.file:
            return f"{self.file}: {text}"
        return text


def problem(key: str, /, file: str | None = None, line: int | None = None, **params: Any) -> Problem:
    return Problem(key, params, file, line)


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
        return "\n".join(p.render(lang) for p in self.problems)


class CatalogError(TnlError):
    """The criteria catalog is malformed or inconsistent."""


class AnswersError(TnlError):
    """The answers (file, --set, prompt or spreadsheet row) are malformed."""

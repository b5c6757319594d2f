"""The end of the walk: the texts only the collectivity can write for its candidacy.

The `dossier:` section of the answers file (presentation, approach, achievements, plans,
place of signature, annexes), asked one by one, each skippable, in a multi-line entry for the
long ones. Every entry goes through the one normaliser (`core.answers.parse_dossier`), so the
walk accepts and refuses what the answers file does, with the same words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from tnl_cli.core.answers import Answers, DossierText, dossier_to_dict, parse_dossier
from tnl_cli.errors import Problem
from tnl_cli.i18n import tr
from tnl_cli.walk.prompter import Ask, Prompter

# (field, kind): text fields are one block of paragraphs, lists one item per line.
FIELDS = (("presentation", "text"), ("demarche", "text"), ("realisations", "list"),
          ("projets", "list"), ("lieu", "line"), ("annexes", "annexes"))
_URL_AT_END = re.compile(r"^(?P<title>.*?)[\s—–-]*(?P<url>https?://\S+)\s*$")


def missing(text: DossierText) -> list[str]:
    """The fields of the candidacy's own texts still empty (the place of signature aside)."""
    return [name for name, _ in FIELDS if name not in ("lieu", "annexes")
            and not getattr(text, name)]


def _shown(text: DossierText, name: str) -> str:
    """The current value as the entry shows it, to keep with Enter or edit."""
    value = dossier_to_dict(text).get(name)
    if value is None:
        return ""
    if name == "annexes":
        return "\n".join(" — ".join(x for x in (a.get("titre"), a.get("url")) if x)
                         for a in value)
    return "\n".join(value) if isinstance(value, list) else str(value)


def _raw(name: str, kind: str, typed: str) -> Any:
    """What the user typed, as the answers file would hold it."""
    typed = typed.strip()
    if not typed:
        return None
    if kind == "list":
        return [line.strip(" -•\t") for line in typed.splitlines() if line.strip(" -•\t")]
    if kind == "annexes":
        items = []
        for line in typed.splitlines():
            line = line.strip(" -•\t")
            if not line:
                continue
            found = _URL_AT_END.match(line)
            if found and found.group("title").strip():
                items.append({"titre": found.group("title").strip(), "url": found.group("url")})
            else:
                items.append(line)
        return items
    return typed


def _parse(name: str, raw: Any) -> tuple[DossierText, list[Problem]]:
    problems: list[Problem] = []

    def at(key: str, path: tuple[Any, ...], **params: Any) -> Problem:
        return Problem(key, params)

    return parse_dossier({name: raw} if raw is not None else {}, at, problems), problems


def ask(prompter: Prompter, answers: Answers, lang: str,
        save: Callable[[Answers], None]) -> Answers:
    """Ask every text; Enter alone keeps what is there, an emptied entry removes it. Each
    text is saved as soon as it is entered."""
    prompter.say(tr(lang, "candidacy.walk_intro"))
    for name, kind in FIELDS:
        current = _shown(answers.dossier, name)

        def check(typed: str, name: str = name, kind: str = kind) -> str | None:
            _, problems = _parse(name, _raw(name, kind, typed))
            return problems[0].render(lang) if problems else None

        typed = str(prompter.ask(Ask(
            "text" if kind == "line" else "multiline", tr(lang, f"candidacy.walk_{name}"),
            default=current, instruction=tr(lang, f"candidacy.walk_hint_{kind}"),
            validate=check)) or "")
        parsed, _ = _parse(name, _raw(name, kind, typed))
        answers = replace(answers, dossier=replace(answers.dossier,
                                                   **{name: getattr(parsed, name)}))
        save(answers)
    return answers

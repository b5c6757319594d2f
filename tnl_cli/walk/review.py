"""Where a review goes: the whole questionnaire, one domain, or one question found by its number
or its words, chosen at a prompt with completion, so that changing answer 32 does not take 32
presses of Enter.

`resolve` is pure (tested without a terminal); `choose` asks through the prompter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tnl_cli.i18n import pick, tr
from tnl_cli.numbers import NumberRefused, read_int
from tnl_cli.textnorm import fold
from tnl_cli.walk.prompter import Ask, Option, Prompter
from tnl_cli.walk.steps import Walk

ALL = "<all>"
FINISH = "<finish>"
_LABEL_WIDTH = 72  # a completion shows the start of the question; its number identifies it


@dataclass(frozen=True)
class Destination:
    """A place to review: `keys` are the steps to walk, ALL or FINISH."""

    label: str
    keys: tuple[str, ...] | str


def destinations(walk: Walk, lang: str) -> list[Destination]:
    """Everything the prompt completes: the two moves, the domains, the numbered questions."""
    found = [Destination(tr(lang, "wizard.goto_all"), ALL),
             Destination(tr(lang, "wizard.goto_finish"), FINISH),
             Destination(tr(lang, "wizard.goto_identity"),
                         tuple(walk.steps[i].key for i in walk.numbered(False)))]
    numbered = walk.numbered()
    for domain in walk.catalog.domains:
        keys = tuple(walk.steps[i].key for i in numbered
                     if walk.steps[i].criterion.domain == domain.id  # type: ignore[union-attr]
                     and walk.visible(i))
        if keys:
            found.append(Destination(tr(lang, "wizard.goto_domain",
                                        name=pick(domain.name, lang)), keys))
    for number, i in enumerate(numbered, 1):
        if walk.visible(i):
            criterion = walk.steps[i].criterion
            assert criterion is not None
            found.append(Destination(_short(f"{number}. {pick(criterion.question, lang)}"),
                                     (criterion.id,)))
    return found


def resolve(walk: Walk, lang: str, text: str) -> list[Destination]:
    """The destinations the typed text designates: a completed label, a question number, words
    of a domain's name or of a question (accents and case ignored). Empty: none found."""
    places = destinations(walk, lang)
    wanted = fold(text)
    exact = [d for d in places if fold(d.label) == wanted]
    if exact:
        return exact[:1]
    number = re.fullmatch(r"\s*(\d+)\s*[.)]?\s*", text)
    if number:
        try:  # 5,000 digits or `١٢`: no question has that number
            prefix = f"{read_int(number.group(1))}. "
        except NumberRefused:
            return []
        return [d for d in places if d.label.startswith(prefix)][:1]
    words = wanted.split()
    if not words:
        return []
    domains = [d for d in places[2:] if not d.label[:1].isdigit()]
    hits = [d for d in domains if all(w in fold(d.label) for w in words)]
    if hits:
        return hits
    questions = {walk.steps[i].key: pick(walk.steps[i].criterion.question, lang)  # type: ignore[union-attr]
                 for i in walk.numbered()}
    return [d for d in places if d.label[:1].isdigit() and isinstance(d.keys, tuple)
            and all(w in fold(questions[d.keys[0]]) for w in words)]


def choose(prompter: Prompter, walk: Walk, lang: str, first: bool) -> tuple[str, ...] | str:
    """Ask where to go; returns step keys, ALL or FINISH. Enter alone: ALL the first time
    (the review in order), FINISH afterwards."""
    places = destinations(walk, lang)
    total = len(walk.numbered())

    def problem(text: str) -> str | None:
        if not text.strip() or resolve(walk, lang, text):
            return None
        return tr(lang, "wizard.goto_unknown", text=text.strip(), total=total)

    prompter.say("")
    prompter.say(tr(lang, "wizard.goto_hint_first" if first else "wizard.goto_hint_next",
                    total=total), indent=2)
    text = str(prompter.ask(Ask("complete", tr(lang, "wizard.goto"),
                                tuple(Option(d.label, d.label) for d in places),
                                validate=problem))).strip()
    if not text:
        return ALL if first else FINISH
    hits = resolve(walk, lang, text)
    if len(hits) == 1:
        return hits[0].keys
    options = tuple(Option(str(n), d.label) for n, d in enumerate(hits))
    back = Option("<back>", tr(lang, "wizard.goto_back"))
    chosen = prompter.ask(Ask("select", tr(lang, "wizard.goto_which", count=len(hits)),
                              options + (back,), "<back>", tr(lang, "wizard.select_hint")))
    if chosen == "<back>":
        return choose(prompter, walk, lang, first)
    return hits[int(chosen)].keys


def _short(label: str) -> str:
    if len(label) <= _LABEL_WIDTH:
        return label
    cut = label[:_LABEL_WIDTH - 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"

"""Turning the walk's current step into prompts in the user's language, and the reply into a move.

Going back and skipping are offered where questionary can show them: extra choices in lists,
`<` and an empty answer in typed answers. A typed value is checked as it is typed, with the
same normaliser and the same words as an answers file.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, replace
from typing import Any

from tnl_cli.core import identity as ident
from tnl_cli.core.catalog import Criterion
from tnl_cli.core.normalise import NOT_CONCERNED, ValueRefused, normalise_value, parse_url
from tnl_cli.i18n import pick, tr
from tnl_cli.report.wording import number_text
from tnl_cli.walk.identity_fields import IdentityField, shown
from tnl_cli.walk.prompter import Ask, Option, Prompter
from tnl_cli.walk.steps import Step, Walk

BACK = "<back>"
SKIP = "<skip>"
YES, YES_MORE, NO = "yes", "yes+", "no"
BACK_TYPED = "<"


@dataclass(frozen=True)
class Reply:
    """What the user did with a question: answer (a normalised value), skip or back."""

    action: str  # answer | skip | back
    value: Any = None
    justification: str | None = None
    preuves: tuple[str, ...] = ()
    details: bool = False  # justification and preuves were asked (replace the saved ones)


def apply(walk: Walk, reply: Reply) -> bool:
    """Play a reply on the walk; False when "back" had nowhere to go."""
    if reply.action == "back":
        return walk.back()
    if reply.action == "skip":
        walk.skip()
    else:
        walk.answer(reply.value, justification=reply.justification, preuves=reply.preuves,
                    details=reply.details)
    return True


class Questions:
    """Asks the walk's current question through a prompter, in one language."""

    def __init__(self, prompter: Prompter, lang: str, verbose: bool = False) -> None:
        self.prompter = prompter
        self.lang = lang
        self.verbose = verbose  # identifiers in headers: noise for most, useful for --set
        self.hints: dict[str, Any] = {}  # defaults learnt from the territory lookup
        self._proposal: Any = None  # what the inventory proposes for the current question

    def t(self, key: str, **params: Any) -> str:
        return tr(self.lang, key, **params)

    def ask(self, walk: Walk) -> Reply:
        step = walk.current
        assert step is not None
        self._header(walk, step)
        if step.field is not None:
            reply = self._identity(walk, step.field)
            if reply.action == "answer" and step.key in ("code_insee", "siren"):
                self._lookup(step.key, reply.value)
                self._warnings(walk, step.field, reply.value)
            return reply
        assert step.criterion is not None
        return self._criterion(walk, step.criterion)

    # -- layout ----------------------------------------------------------------------------
    def _header(self, walk: Walk, step: Step) -> None:
        p = walk.progress()
        say = self.prompter.say
        say("")
        if step.criterion is None:
            say(self.t("wizard.header_identity", number=p.number, total=p.total), strong=True)
            say(self.t(f"wizard.help_{step.key}"), indent=2)
            return
        c = step.criterion
        domain = walk.catalog.domain(c.domain)
        if p.new_section:
            say(self.t("wizard.domain_intro", name=pick(domain.name, self.lang),
                       description=pick(domain.description, self.lang)))
            say("")
        header = self.t("wizard.header_domain", dnum=p.domain_number, dtotal=p.domain_total,
                        domain=pick(domain.name, self.lang), number=p.number, total=p.total)
        say(f"{header} ({c.id})" if self.verbose else header, strong=True)
        say(pick(c.help, self.lang), indent=2)
        if c.legal:
            say(self.t("wizard.legal", text=pick(c.legal, self.lang)), indent=2)
        unbound = self._not_bound(walk, c)
        if unbound:
            say(unbound, indent=2)
        self._proposal = self.proposals(walk).get(c.id)
        if self._proposal is not None and walk.answer_of(step) is None:
            say(self._proposal.reason, indent=2)

    def _not_bound(self, walk: Walk, c: Criterion) -> str | None:
        """What the identity already says of a legal obligation: a 196-inhabitant commune is
        not bound by the open-data one (the question stays: it still earns points)."""
        from tnl_cli.core.legal import scope_status

        law = c.law
        if law is None or law.force != "obligation":
            return None
        status, key, params = scope_status(law, walk.answers.identity, None)
        if status != "not_applicable" or key is None:
            return None
        shown = {k: (self.t(v) if k.endswith("_key") else
                     number_text(v, self.lang) if isinstance(v, (int, float)) else v)
                 for k, v in params.items()}
        return self.t("wizard.not_bound", why=self.t(key, **shown))

    def proposals(self, walk: Walk) -> dict[str, Any]:
        """Answers the files read (`--inventaire`) and the software list already give
        (walk/proposals.py), by criterion."""
        from tnl_cli.walk.proposals import for_walk

        return for_walk(walk.catalog, walk.answers, self.lang, walk.proposed)

    def _nav(self) -> tuple[Option, ...]:
        return (Option(SKIP, self.t("wizard.skip")), Option(BACK, self.t("wizard.back")))

    def _select(self, message: str, options: tuple[Option, ...], default: str | None) -> str:
        """A list whose cursor starts on the saved answer, else on « Passer »: Enter alone
        never records an answer the user did not choose."""
        options = options + self._nav()
        if default not in {o.value for o in options}:
            default = SKIP
        return str(self.prompter.ask(Ask("select", message, options, default,
                                         self.t("wizard.select_hint"))))

    def _text(self, message: str, default: str, check: Any, hint: str = "") -> str:
        """A typed answer; `<` (alone, or right after the answer offered) comes back as `<`,
        empty as empty: both pass the check and the caller reads them."""

        def back(text: str) -> bool:
            return text.endswith(BACK_TYPED) and text[:-1].strip() in ("", default.strip())

        def validate(text: str) -> str | None:
            text = text.strip()
            if not text or back(text):
                return None
            try:
                check(text)
            except (ValueRefused, ident.IdentityValueError) as exc:
                return self._refusal(exc)
            return None

        self.prompter.say(hint or self.t("wizard.text_hint_default" if default
                                         else "wizard.text_hint"), indent=2)
        raw = str(self.prompter.ask(Ask("text", message, default=default,
                                        validate=validate))).strip()
        return BACK_TYPED if back(raw) else raw

    def _refusal(self, exc: ValueRefused | ident.IdentityValueError) -> str:
        params = {k: (self.t(v, **exc.params) if k.endswith("_key") else v)
                  for k, v in exc.params.items()}
        return self.t(exc.key, **params)

    @staticmethod
    def _typed(raw: str) -> Reply | None:
        if raw == BACK_TYPED:
            return Reply("back")
        if raw == "":
            return Reply("skip")
        return None

    # -- identity --------------------------------------------------------------------------
    def _identity(self, walk: Walk, f: IdentityField) -> Reply:
        message = self.t(f"wizard.id_{f.key}")
        saved = f.get(walk.answers.identity)
        if f.kind == "select":
            options = tuple(Option(kind, self.t(f"wizard.type_{kind}")) for kind in ident.ALL_TYPES)
            chosen = self._select(message, options, saved)
            if chosen in (BACK, SKIP):
                return Reply("back" if chosen == BACK else "skip")
            return Reply("answer", f.parse(chosen, walk.answers.identity))
        default = shown(f, saved if saved not in (None, ()) else self.hints.get(f.key))
        raw = self._text(message, default, lambda text: f.parse(text, walk.answers.identity))
        return self._typed(raw) or Reply("answer", f.parse(raw, walk.answers.identity))

    def _lookup(self, key: str, value: str) -> None:
        """Offer what the offline directory knows of the code just typed, as defaults."""
        from tnl_cli.reference import territory

        try:
            found = territory.by_insee(value) if key == "code_insee" else territory.by_siren(value)
        except (sqlite3.Error, OSError):
            return
        if found is None or self.hints.get("found") == (found.name, found.kind):
            return
        self.hints.update(nom=found.name, siren=found.siren, population=found.population,
                          found=(found.name, found.kind))
        where = found.departement_name or found.region_name or ""
        self.prompter.say(self.t("wizard.found", name=found.name,
                                 kind=self.t(f"identity.type_{found.kind}"), where=where,
                                 population=number_text(found.population, self.lang)),
                          indent=2)

    def _warnings(self, walk: Walk, f: IdentityField, value: str) -> None:
        """What the loader would warn about this code (a name or type that contradicts it)."""
        from tnl_cli.core.answers import check_identity
        from tnl_cli.errors import Problem

        # Without its département, so that the directory says the new code's one.
        identity = replace(f.set(walk.answers.identity, value), departement=None)
        problems: list[Problem] = []
        checked = check_identity(identity, lambda key, _path, **params: Problem(key, params),
                                 problems)
        for note in checked.notes[len(identity.notes):]:
            self.prompter.say(f"{self.t('report.warning')} {note.render(self.lang)}", indent=2)
        walk.fill(departement=checked.departement)

    # -- criteria --------------------------------------------------------------------------
    def _criterion(self, walk: Walk, c: Criterion) -> Reply:
        message = pick(c.question, self.lang)
        saved = walk.value(Step(c.id, criterion=c))
        proposal = self._proposal  # found by the header just shown
        if proposal is not None and walk.answer_of(Step(c.id, criterion=c)) is None:
            saved = proposal.value  # never answered: the inventory's answer, to confirm
        if c.type == "boolean":
            return self._boolean(walk, c, message, saved)
        if c.type == "choice":
            options = tuple(Option(ch.value, pick(ch.label, self.lang)) for ch in c.choices)
            chosen = self._select(message, options + self._not_concerned(c), saved)
            if chosen in (BACK, SKIP):
                return Reply("back" if chosen == BACK else "skip")
            return Reply("answer", normalise_value(c, chosen))
        if c.type == "multi":
            return self._multi(c, message, saved)
        if c.type == "inventory":
            return self._inventory(c, message, saved)
        if c.type == "number":
            message = f"{message} {self._bounds(c)}".rstrip()
            default = number_text(saved, self.lang) if saved is not None else ""
        else:
            default = "" if saved is None else str(saved)
        raw = self._text(message, default, lambda text: normalise_value(c, text))
        return self._typed(raw) or Reply("answer", normalise_value(c, raw))

    def _bounds(self, c: Criterion) -> str:
        parts = []
        if c.unit:
            parts.append(self.t("wizard.unit", unit=pick(c.unit, self.lang)))
        low, high = c.minimum, c.maximum
        if low is not None and high is not None:
            parts.append(self.t("wizard.bounds", low=number_text(_num(low), self.lang),
                                high=number_text(_num(high), self.lang)))
        elif low is not None:
            parts.append(self.t("wizard.at_least", low=number_text(_num(low), self.lang)))
        elif high is not None:
            parts.append(self.t("wizard.at_most", high=number_text(_num(high), self.lang)))
        return f"({', '.join(parts)})" if parts else ""

    def _not_concerned(self, c: Criterion) -> tuple[Option, ...]:
        """« Non concerné » where the catalog allows it (no school, no media library…)."""
        return (Option(NOT_CONCERNED, self.t("wizard.not_concerned")),) if c.not_concerned else ()

    def _boolean(self, walk: Walk, c: Criterion, message: str, saved: Any) -> Reply:
        previous = walk.answer_of(Step(c.id, criterion=c))
        has_details = previous is not None and bool(previous.justification or previous.preuves)
        options = (Option(YES, self.t("report.yes").capitalize()),
                   Option(YES_MORE, self.t("wizard.yes_edit" if has_details else "wizard.yes_more")),
                   Option(NO, self.t("report.no").capitalize())) + self._not_concerned(c)
        default = ({True: YES, False: NO}.get(saved, saved) if isinstance(saved, bool)
                   else saved)
        while True:
            chosen = self._select(message, options, default)
            if chosen in (BACK, SKIP):
                return Reply("back" if chosen == BACK else "skip")
            if chosen == NOT_CONCERNED:
                return Reply("answer", NOT_CONCERNED)
            if chosen != YES_MORE:
                return Reply("answer", chosen == YES)
            details = self._details(previous.justification if previous else None,
                                    previous.preuves if previous else ())
            if details is not None:
                justification, preuves = details
                return Reply("answer", True, justification, preuves, details=True)
            default = YES_MORE

    def _details(self, justification: str | None,
                 preuves: tuple[str, ...]) -> tuple[str | None, tuple[str, ...]] | None:
        """Justification then evidence URLs; None when the user goes back to the question."""
        hint = self.t("wizard.details_hint")
        while True:
            text = self._text(self.t("wizard.justification"), justification or "",
                              lambda _text: None, hint)
            if text == BACK_TYPED:
                return None
            justification = text or None
            raw = self._text(self.t("wizard.preuves"), " ".join(preuves), _check_urls, hint)
            if raw != BACK_TYPED:
                return justification, tuple(parse_url(u) for u in raw.split())

    def _inventory(self, c: Criterion, message: str, saved: Any) -> Reply:
        """A software list; unknown software is asked about, so the file says if it is free."""
        before = {item.name: item for item in saved or ()}
        raw = self._text(message, ", ".join(before), lambda text: normalise_value(c, _names(text)),
                         self.t("wizard.inventory_hint"))
        typed = self._typed(raw)
        if typed is not None:
            return typed
        entries: list[Any] = []
        for item in normalise_value(c, _names(raw)):
            if item.software_id is not None:
                entries.append(item.name)
                continue
            old = before.get(item.name)
            default = {True: YES, False: NO}.get(old.free, SKIP) if old and old.qualified else SKIP
            chosen = self.prompter.ask(Ask("select", self.t("wizard.inventory_free", name=item.name),
                                           (Option(YES, self.t("wizard.free_yes")),
                                            Option(NO, self.t("wizard.free_no")),
                                            Option(SKIP, self.t("wizard.free_unknown"))),
                                           default, self.t("wizard.select_hint")))
            entries.append(item.name if chosen == SKIP else {"nom": item.name,
                                                             "libre": chosen == YES})
        value = normalise_value(c, entries)
        free = [i.name for i in value if i.free]
        other = [i.name for i in value if i.free is False]
        unknown = [i.name for i in value if i.free is None]
        self.prompter.say(self.t("wizard.inventory_summary", free=", ".join(free) or "—",
                                 other=", ".join(other) or "—",
                                 unknown=", ".join(unknown) or "—"), indent=2)
        return Reply("answer", value)

    def _multi(self, c: Criterion, message: str, saved: Any) -> Reply:
        options = tuple(Option(ch.value, pick(ch.label, self.lang)) for ch in c.choices)
        options += (Option(BACK, self.t("wizard.back_check")),)
        chosen = list(self.prompter.ask(Ask("checkbox", message, options, list(saved or ()),
                                            self.t("wizard.checkbox_hint"))))
        if BACK in chosen:
            return Reply("back")
        value = normalise_value(c, chosen)
        return Reply("answer", value) if value is not None else Reply("skip")


def _names(text: str) -> list[str]:
    """Software names typed on one line: commas, semicolons and `|` all separate."""
    return [n.strip() for n in re.split(r"[,;|]", text) if n.strip()]


def _check_urls(text: str) -> None:
    for url in text.split():
        try:
            parse_url(url)
        except ValueRefused as exc:
            raise ValueRefused("wizard.bad_proof", value=url) from exc


def _num(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value

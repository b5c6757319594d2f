"""The guided walk through the questionnaire, as a pure object: no terminal, no file.

`Walk` knows which question comes next, how to go back, what skipping records, where an
unfinished file resumes and what the answers file should now contain. The prompting layer
(`walk.session`) only asks what `Walk.current` says and reports the reply, so the whole
logic is tested without a terminal.

Resume rule: a criterion is done when its id is in `reponses` (a skipped one is saved as null);
an identity field is done when it is filled or when a later question has been saved (the user
went past it). The collectivity type is the exception: without it there is no verdict, so it
is asked again until it is given.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from tnl_cli.core import engine, scoring
from tnl_cli.core import identity as ident
from tnl_cli.core.answers import Answer, Answers, to_document
from tnl_cli.core.catalog import Catalog, Criterion
from tnl_cli.walk.identity_fields import FIELDS, IdentityField


@dataclass(frozen=True)
class Step:
    """One question: an identity field or a criterion."""

    key: str
    field: IdentityField | None = None
    criterion: Criterion | None = None


@dataclass(frozen=True)
class Progress:
    """Where the user is, for the header: section (None: identity) and question numbers."""

    domain: str | None
    domain_number: int
    domain_total: int
    number: int
    total: int
    new_section: bool  # first question of its section since the previous visible one


@dataclass(frozen=True)
class Changes:
    """What moving an answers file to another edition changed."""

    from_edition: int
    to_edition: int
    new: tuple[str, ...]
    gone: tuple[str, ...]


class Walk:
    """The state of one guided walk over `catalog` starting from `answers`.

    `review`: every visible question is asked again, saved answers as defaults.
    `only`: restrict criteria to these ids (a short form such as the 2025 Badge form).
    """

    def __init__(self, catalog: Catalog, answers: Answers, *, review: bool = False,
                 only: Iterable[str] | None = None) -> None:
        self.catalog = catalog
        self.answers = replace(answers, edition=catalog.edition)
        self.review = review
        order = {d.id: i for i, d in enumerate(catalog.domains)}
        wanted = set(only) if only is not None else None
        criteria = sorted((c for c in catalog.criteria if wanted is None or c.id in wanted),
                          key=lambda c: order[c.domain])
        self.steps: tuple[Step, ...] = tuple(
            [Step(f.key, field=f) for f in FIELDS] + [Step(c.id, criterion=c) for c in criteria])
        self.visited: set[int] = set()
        self.scope: frozenset[int] | None = None  # review: the steps the user chose to see
        self._seen_at_focus: frozenset[int] = frozenset()
        # Answers drawn from files (`tnl assess --inventaire`), by criterion: each has `value`
        # (normalised), `reason` and `sources`; the user still confirms them one by one.
        self.proposed: dict[str, Any] = {}
        self._refresh()
        self.position: int | None = self._after(-1)
        self._visit()

    # -- state -----------------------------------------------------------------------------
    def _refresh(self) -> None:
        """Recompute what the answers make visible and how far the saved answers go."""
        assessment = engine.evaluate(self.catalog, self.answers, with_path=False)
        self._visible_criteria = {r.criterion.id for r in assessment.results if r.visible}
        recorded = [i for i, step in enumerate(self.steps) if self.recorded(step)]
        self._last_recorded = recorded[-1] if recorded else -1

    def recorded(self, step: Step) -> bool:
        """The answers hold something for this step (a skipped criterion counts)."""
        if step.criterion is not None:
            return step.key in self.answers.responses
        assert step.field is not None
        return step.field.filled(self.answers.identity)

    def visible(self, i: int) -> bool:
        step = self.steps[i]
        if step.criterion is not None:
            return step.key in self._visible_criteria
        assert step.field is not None
        return step.field.visible(self.answers.identity)

    def done(self, i: int) -> bool:
        step = self.steps[i]
        if self.recorded(step):
            return True
        return step.field is not None and step.key != "type" and i < self._last_recorded

    @property
    def current(self) -> Step | None:
        return None if self.position is None else self.steps[self.position]

    @property
    def finished(self) -> bool:
        return self.position is None

    def value(self, step: Step) -> Any:
        """The saved answer of a step (prompt default), None when there is none."""
        if step.field is not None:
            return step.field.get(self.answers.identity)
        return self.answers.value(step.key)

    def answer_of(self, step: Step) -> Answer | None:
        return self.answers.responses.get(step.key) if step.criterion is not None else None

    # -- moves -----------------------------------------------------------------------------
    def _target(self, i: int) -> bool:
        if self.scope is not None and i not in self.scope:
            return False
        return self.visible(i) and (self.review or i in self.visited or not self.done(i))

    def focus(self, keys: Iterable[str] | None) -> bool:
        """Walk (again) over these steps only, in order; None: every step. False when none of
        them is visible (nothing to ask)."""
        wanted = None if keys is None else set(keys)
        self.scope = None if wanted is None else frozenset(
            i for i, step in enumerate(self.steps) if step.key in wanted)
        self._refresh()
        self._seen_at_focus = frozenset(i for i in range(len(self.steps)) if self.visible(i))
        self.position = next((i for i in range(len(self.steps)) if self._target(i)), None)
        self._visit()
        return self.position is not None

    def _after(self, start: int) -> int | None:
        for i in range(start + 1, len(self.steps)):
            if self._target(i):
                return i
        # A question made visible behind the cursor and never seen (a `when` on a later answer);
        # in a review of chosen steps, only one that the answers just revealed.
        return next((i for i in range(len(self.steps))
                     if self.visible(i) and not self.done(i) and i not in self.visited
                     and (self.scope is None or i not in self._seen_at_focus)), None)

    def _visit(self) -> None:
        if self.position is not None:
            self.visited.add(self.position)

    def _move_on(self) -> None:
        self._refresh()
        assert self.position is not None
        self.position = self._after(self.position)
        self._visit()

    def answer(self, value: Any, *, justification: str | None = None,
               preuves: tuple[str, ...] | None = None, details: bool = False) -> None:
        """Record `value` (already normalised) for the current step and move on.

        Justification and evidence are replaced only when `details` is true, so re-answering
        "yes" keeps what was written last time.
        """
        step = self.current
        assert step is not None
        if step.field is not None:
            identity = step.field.set(self.answers.identity, value)
            self.answers = replace(self.answers, identity=identity)
        else:
            previous = self.answers.responses.get(step.key) or Answer(None)
            if details:
                previous = Answer(previous.value, justification, tuple(preuves or ()),
                                  previous.sources)
            # The files behind a value stay with it: confirmed from a file, its sources are
            # recorded; another value chosen no longer comes from the files.
            proposal = self.proposed.get(step.key)
            sources = previous.sources if value == previous.value else ()
            # (the proposal is shown only for a question left unanswered: a value retyped by
            # hand over an earlier answer is the user's, not the file's)
            if (proposal is not None and proposal.sources and value == proposal.value
                    and previous.value is None):
                sources = tuple(proposal.sources)
            self.answers = self.answers.with_answer(step.key, replace(previous, value=value,
                                                                      sources=sources))
        self._move_on()

    def fill(self, **values: Any) -> None:
        """Set identity fields nobody is asked about from the code just typed (the département
        of the commune found in the directory); the current question does not change.

        The code decides: a value found replaces the current one, so a corrected code does
        not keep the previous code's département; when the code says nothing, a value an
        earlier code filled in is cleared and one the file declared is kept."""
        identity = self.answers.identity
        changed = {k: v for k, v in values.items() if v is not None or k in identity.filled}
        filled = ({k for k in identity.filled if k not in changed}
                  | {k for k, v in changed.items() if v is not None})
        self.answers = replace(self.answers, identity=replace(identity, **changed,
                                                              filled=frozenset(filled)))

    def skip(self) -> None:
        """Leave the current question unanswered (saved as null, so resume goes past it)."""
        self.answer(None)

    def back(self) -> bool:
        """Go to the previous visible question; False when there is none."""
        if self.position is None:
            return False
        for i in range(self.position - 1, -1, -1):
            if self.visible(i):
                self.position = i
                self._visit()
                return True
        return False

    # -- views -----------------------------------------------------------------------------
    def numbered(self, criteria: bool = True) -> list[int]:
        """The steps the header counts, so that a question keeps its number and the total does
        not move as answers come in: the criteria that apply to the collectivity type (a
        follow-up hidden by its condition keeps its number), the identity fields asked of a
        collectivity whose referents are named."""
        if criteria:
            kind = self.answers.identity.type
            return [i for i, s in enumerate(self.steps)
                    if s.criterion is not None and s.criterion.applies(kind)]
        named = ident.Person(nom="?")
        identity = replace(self.answers.identity, elu_referent=named, responsable=named)
        return [i for i, s in enumerate(self.steps)
                if s.field is not None and s.field.visible(identity)]

    def progress(self) -> Progress:
        step = self.current
        assert step is not None and self.position is not None
        shown = self.numbered(step.criterion is not None)
        previous = next((i for i in range(self.position - 1, -1, -1) if self.visible(i)), None)
        prev_domain = self._domain(previous) if previous is not None else "?"
        domain = self._domain(self.position)
        if domain is None:
            return Progress(None, 0, 0, shown.index(self.position) + 1, len(shown),
                            previous is None)
        domains = list(dict.fromkeys(self._domain(i) for i in shown))
        return Progress(domain, domains.index(domain) + 1, len(domains),
                        shown.index(self.position) + 1, len(shown), prev_domain != domain)

    def _domain(self, i: int) -> str | None:
        criterion = self.steps[i].criterion
        return criterion.domain if criterion is not None else None

    def document(self, tool_version: str) -> dict[str, Any]:
        return to_document(self.answers, self.catalog, tool_version)


def changes(catalog: Catalog, answers: Answers, from_edition: int, gone: Iterable[str],
            previous: Catalog | None) -> Changes:
    """New criteria (for this collectivity type) and gone ones when a file changes edition.

    With the previous catalog at hand, "new" means absent from it; otherwise (an edition this
    version no longer ships) it means absent from the file.
    """
    known = set(previous.by_id) if previous is not None else set(answers.responses)
    kind = answers.identity.type
    new = tuple(c.id for c in scoring.applicable(catalog, kind) if c.id not in known)
    return Changes(from_edition, catalog.edition, new, tuple(gone))

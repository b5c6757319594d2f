"""The guided walk without a terminal: the pure Walk, the questions through a scripted prompter,
and the save-after-every-answer session."""

from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import Any

import pytest

from tnl_cli.core.answers import Answer, Answers
from tnl_cli.core.identity import Identity
from tnl_cli.io import yaml as yamlio
from tnl_cli.loaders.catalogs import load_edition
from tnl_cli.walk.prompter import Ask
from tnl_cli.walk.questions import BACK, SKIP, YES, YES_MORE, Questions, apply
from tnl_cli.walk.session import Interrupted, Saver, run, signals_deferred, signals_interrupt
from tnl_cli.walk.steps import Walk, changes

CATALOG = load_edition(2025)
ALIASES = {"oui": YES, "yes": YES, "non": "no", "no": "no", "+": YES_MORE, "<": BACK,
           "passer": SKIP}
COMMUNE = Identity(nom="Lettret", type="commune", code_insee="05072", siren="210500724",
                   population=180, agents=3)


class FakePrompter:
    """Answers prompts from a script, like a user at the keyboard.

    A reply is what the user would pick or type: "oui", "non", "+" (yes with details), "<",
    "passer", a choice value, a list (checkbox) or text; None takes the default;
    KeyboardInterrupt raises it. A typed reply the prompt refuses is recorded in `refused`
    and the next reply is tried, as the user would retype. When the script runs out and
    `auto` is set, answers on its own (the default or first option, else the first sample
    that validates).
    """

    SAMPLES = ("12", "https://exemple.fr/preuve", "Un texte", "")

    def __init__(self, replies: list[Any] | None = None, auto: bool = False,
                 by_message: dict[str, Any] | None = None) -> None:
        self.replies = list(replies or [])
        self.auto = auto
        self.by_message = by_message or {}  # message start -> reply, before the script
        self.asked: list[Ask] = []
        self.said: list[str] = []
        self.refused: list[tuple[str, str, str]] = []

    def prepare(self) -> None:
        """Nothing to load."""

    def say(self, text: str, *, strong: bool = False, indent: int = 0) -> None:
        self.said.append(text)

    def ask(self, ask: Ask) -> Any:
        self.asked.append(ask)
        replies = [r for start, r in self.by_message.items() if ask.message.startswith(start)]
        if replies:
            self.replies.insert(0, replies[0])
        while self.replies:
            reply = self.replies.pop(0)
            if reply is KeyboardInterrupt:
                raise KeyboardInterrupt
            if reply is None:
                return ask.default if ask.default is not None else (
                    ask.options[0].value if ask.kind == "select" else "")
            if ask.kind == "select":
                reply = ALIASES.get(reply, reply)
                assert reply in {o.value for o in ask.options}, (reply, ask.message)
                return reply
            if ask.kind == "checkbox":
                return [ALIASES.get(r, r) for r in reply]
            error = ask.validate(reply) if ask.validate else None
            if error is None:
                return reply
            self.refused.append((ask.message, reply, error))
        if not self.auto:
            raise AssertionError(f"no reply scripted for {ask.message!r}")
        if ask.kind == "select":
            return ask.default or ask.options[0].value
        if ask.kind == "checkbox":
            return [ask.options[0].value]
        if ask.kind == "complete":  # where to go in a review: in order, then finish
            return ""
        samples = ((ask.default,) if ask.default else ()) + self.SAMPLES
        return next(s for s in samples if ask.validate is None or ask.validate(s) is None)

    @property
    def messages(self) -> list[str]:
        return [a.message for a in self.asked]


def empty(edition: int = 2025) -> Answers:
    return Answers(edition, Identity(), {})


def with_identity(identity: Identity = COMMUNE, **responses: Any) -> Answers:
    return Answers(2025, identity, {k: Answer(v) for k, v in responses.items()})


def criteria_ids(walk: Walk) -> list[str]:
    return [s.key for s in walk.steps if s.criterion is not None]


def when_pair() -> tuple[str, str]:
    """A criterion shown only when an earlier one is met: (condition, dependent)."""
    c = next(c for c in CATALOG.criteria if isinstance(c.when_source, dict)
             and set(c.when_source) == {"met"})
    return c.when_source["met"], c.id


def skip_until(walk: Walk, key: str) -> None:
    while walk.current is not None and walk.current.key != key:
        walk.skip()


# -- the walk --------------------------------------------------------------------------------
def test_fresh_walk_starts_with_identity_then_criteria_in_domain_order() -> None:
    walk = Walk(CATALOG, empty())
    assert walk.current.key == "nom"
    walk.answer("Lettret")
    walk.answer("commune")
    assert walk.current.key == "code_insee"
    skip_until(walk, criteria_ids(walk)[0])
    domains = [CATALOG.by_id[k].domain for k in criteria_ids(walk)]
    assert domains == sorted(domains, key=[d.id for d in CATALOG.domains].index)


def test_insee_code_is_not_asked_of_an_intercommunality() -> None:
    walk = Walk(CATALOG, empty())
    walk.answer("CC du Pays de Falaise")
    walk.answer("communaute_communes")
    assert walk.current.key == "siren"


def test_referent_details_are_asked_only_once_a_name_is_given() -> None:
    walk = Walk(CATALOG, empty())
    skip_until(walk, "elu_referent.nom")
    walk.skip()
    assert walk.current.key == "responsable.nom"
    assert walk.answers.identity.elu_referent is None  # no empty person in the file
    walk.answer("Karim Benali")
    assert walk.current.key == "responsable.fonction"


def test_criteria_of_another_type_are_skipped() -> None:
    walk = Walk(CATALOG, with_identity())
    seen = []
    while walk.current is not None:
        seen.append(walk.current.key)
        walk.skip()
    for c in CATALOG.criteria:
        assert (c.id in seen) == c.applies("commune") or c.when is not None
    assert not any(c.id in seen for c in CATALOG.criteria if not c.applies("commune"))


def test_skip_saves_null_and_resume_goes_past_it() -> None:
    walk = Walk(CATALOG, with_identity())
    first, second, third = criteria_ids(walk)[:3]
    skip_until(walk, first)
    walk.answer(True)
    walk.skip()
    assert walk.answers.responses[second] == Answer(None)
    resumed = Walk(CATALOG, walk.answers)
    assert resumed.current.key == third


def test_back_then_forward_steps_through_the_same_questions() -> None:
    walk = Walk(CATALOG, with_identity())
    first, second = criteria_ids(walk)[:2]
    skip_until(walk, first)
    walk.answer(True)
    walk.answer(False)
    assert walk.back() and walk.current.key == second
    assert walk.back() and walk.current.key == first
    walk.answer(False)
    assert walk.current.key == second
    assert walk.value(walk.current) is False


def test_back_from_the_first_question_says_so() -> None:
    walk = Walk(CATALOG, empty())
    assert walk.back() is False
    assert walk.current.key == "nom"


def test_back_on_resume_shows_the_saved_answer() -> None:
    walk = Walk(CATALOG, with_identity())
    first = criteria_ids(walk)[0]
    skip_until(walk, first)
    walk.answer(True)
    resumed = Walk(CATALOG, walk.answers)
    assert resumed.back() and resumed.current.key == first
    assert resumed.value(resumed.current) is True
    resumed.answer(True)
    assert resumed.current.key == criteria_ids(walk)[1]


def test_when_question_appears_and_disappears() -> None:
    condition, dependent = when_pair()
    walk = Walk(CATALOG, with_identity())
    skip_until(walk, condition)
    walk.answer(True)
    skip_until(walk, dependent)
    assert walk.current is not None and walk.current.key == dependent
    while walk.current.key != condition:
        assert walk.back()
    walk.answer(False)
    seen = []
    while walk.current is not None:
        seen.append(walk.current.key)
        walk.skip()
    assert dependent not in seen


def test_unfinished_identity_resumes_after_the_last_saved_field() -> None:
    walk = Walk(CATALOG, Answers(2025, Identity(type="commune"), {}))
    assert walk.current.key == "code_insee"  # nom was skipped: the user went past it


def test_missing_type_is_asked_again_on_resume() -> None:
    first = CATALOG.criteria[0].id
    walk = Walk(CATALOG, Answers(2025, Identity(nom="X"), {first: Answer(True)}))
    assert walk.current.key == "type"
    walk.answer("commune")
    assert walk.current.key == CATALOG.criteria[1].id


def test_complete_answers_finish_at_once_and_review_walks_them_all() -> None:
    walk = Walk(CATALOG, with_identity())
    while walk.current is not None:
        walk.answer(True) if walk.current.criterion and walk.current.criterion.type == "boolean" \
            else walk.skip()
    assert Walk(CATALOG, walk.answers).finished
    review = Walk(CATALOG, walk.answers, review=True)
    assert review.current.key == "nom"
    assert review.value(review.current) == "Lettret"


def test_form_walk_asks_only_the_form_criteria() -> None:
    form = CATALOG.forms[0]
    walk = Walk(CATALOG, with_identity(), only=form.criteria)
    assert set(criteria_ids(walk)) == set(form.criteria)


def test_progress_counts_domains_and_questions_with_a_stable_total() -> None:
    walk = Walk(CATALOG, empty())
    walk.answer("Lettret")
    totals = {walk.progress().total}
    walk.answer("commune")
    while walk.current.key != "elu_referent.nom":
        totals.add(walk.progress().total)
        walk.skip()
    walk.answer("Camille Moreau")  # naming a referent adds questions, not to the total
    totals.add(walk.progress().total)
    assert len(totals) == 1
    walk = Walk(CATALOG, with_identity())
    skip_until(walk, criteria_ids(walk)[0])
    p = walk.progress()
    assert (p.domain_number, p.domain_total, p.number, p.new_section) == (1, 5, 1, True)
    # every question of a commune counts, a follow-up hidden by its condition included
    assert p.total == sum(1 for c in CATALOG.criteria if c.applies("commune"))
    walk.skip()
    assert walk.progress().number == 2 and not walk.progress().new_section
    condition, dependent = when_pair()
    skip_until(walk, condition)
    number = walk.progress().number
    walk.skip()  # the follow-up is hidden: the next question keeps its own number
    assert walk.progress().number == number + 2 and walk.progress().total == p.total


def test_changes_between_editions() -> None:
    old = load_edition(2024)
    answers = with_identity(**{old.criteria[0].id: True})
    found = changes(CATALOG, answers, 2024, ["ancien"], old)
    assert found.gone == ("ancien",)
    assert set(found.new) == {c.id for c in CATALOG.criteria
                              if c.id not in old.by_id and c.applies("commune")}


# -- questions -------------------------------------------------------------------------------
def ask_one(walk: Walk, replies: list[Any], lang: str = "fr") -> FakePrompter:
    prompter = FakePrompter(replies)
    apply(walk, Questions(prompter, lang).ask(walk))
    return prompter


def test_invalid_siren_is_refused_with_the_reason() -> None:
    walk = Walk(CATALOG, Answers(2025, Identity(nom="Nancy", type="commune",
                                                code_insee="54395"), {}))
    assert walk.current.key == "siren"
    prompter = ask_one(walk, ["215403958", "21540395", "215 403 957"])
    assert [r[1] for r in prompter.refused] == ["215403958", "21540395"]
    assert "clé de contrôle" in prompter.refused[0][2]
    assert "9 chiffres" in prompter.refused[1][2]
    assert walk.answers.identity.siren == "215403957"


def test_insee_code_fills_defaults_from_the_directory() -> None:
    walk = Walk(CATALOG, Answers(2025, Identity(nom="Nancy", type="commune"), {}))
    prompter = FakePrompter(["54395", None])
    questions = Questions(prompter, "fr")
    apply(walk, questions.ask(walk))
    apply(walk, questions.ask(walk))
    assert sum("Trouvé" in line for line in prompter.said) == 1  # told once, not per code
    assert prompter.asked[1].default == "215403957"
    assert walk.answers.identity.siren == "215403957"
    assert walk.answers.identity.departement == "54"  # derived, not asked


def test_a_corrected_code_brings_its_own_departement() -> None:
    walk = Walk(CATALOG, Answers(2025, Identity(nom="Lettret", type="commune"), {}))
    assert walk.current.key == "code_insee"
    prompter = ask_one(walk, ["54395"], "en")
    assert walk.answers.identity.departement == "54"
    assert any("(commune (municipality), Meurthe-et-Moselle," in line for line in prompter.said)
    ask_one(walk, ["<"])
    assert walk.current.key == "code_insee"
    ask_one(walk, ["05072"])
    assert walk.answers.identity.departement == "05"


def test_fill_follows_the_code_but_keeps_a_declared_value() -> None:
    declared = Walk(CATALOG, Answers(2025, Identity(type="syndicat", departement="2A"), {}))
    declared.fill(departement=None)  # a SIREN the directory does not know
    assert declared.answers.identity.departement == "2A"
    declared.fill(departement="2B")  # a code that says otherwise
    assert declared.answers.identity.departement == "2B"
    declared.fill(departement=None)  # what a code filled in goes with it
    assert declared.answers.identity.departement is None


def test_typed_back_and_empty_skip() -> None:
    walk = Walk(CATALOG, empty())
    ask_one(walk, ["Lettret"])
    ask_one(walk, ["commune"])
    ask_one(walk, ["<"])
    assert walk.current.key == "type"
    ask_one(walk, [None])
    ask_one(walk, [""])
    assert walk.current.key == "siren"
    assert walk.answers.identity.code_insee is None


def test_number_out_of_bounds_is_refused() -> None:
    c = next(c for c in CATALOG.criteria if c.type == "number" and c.maximum is not None
             and c.when is None)
    walk = Walk(CATALOG, with_identity())
    skip_until(walk, c.id)
    prompter = ask_one(walk, [str(int(c.maximum) + 1), "abc", str(int(c.maximum))])
    assert len(prompter.refused) == 2
    assert walk.answers.value(c.id) == int(c.maximum)


def test_yes_with_justification_and_evidence() -> None:
    walk = Walk(CATALOG, with_identity())
    first = criteria_ids(walk)[0]
    skip_until(walk, first)
    prompter = ask_one(walk, ["+", "Délibération du 14 mars 2022.", "pas-une-url",
                              "https://exemple.fr/a.pdf https://exemple.fr/b"])
    assert prompter.refused and "https://" in prompter.refused[0][2]
    assert walk.answers.responses[first] == Answer(
        True, "Délibération du 14 mars 2022.", ("https://exemple.fr/a.pdf", "https://exemple.fr/b"))
    walk.back()
    ask_one(walk, ["oui"])  # a plain yes keeps what was written
    assert walk.answers.responses[first].justification == "Délibération du 14 mars 2022."


def test_back_from_justification_returns_to_the_question() -> None:
    walk = Walk(CATALOG, with_identity())
    first = criteria_ids(walk)[0]
    skip_until(walk, first)
    prompter = ask_one(walk, ["+", "<", "non"])
    assert walk.answers.value(first) is False
    assert prompter.asked[2].default == YES_MORE


def test_multi_choice_back_and_empty() -> None:
    c = next(c for c in CATALOG.criteria if c.type == "multi" and c.when is None)
    walk = Walk(CATALOG, with_identity())
    skip_until(walk, c.id)
    ask_one(walk, [[c.choices[1].value, c.choices[0].value]])
    assert walk.answers.value(c.id) == [c.choices[0].value, c.choices[1].value]
    walk.back()
    ask_one(walk, [["<"]])
    assert walk.current.key != c.id
    skip_until(walk, c.id)
    ask_one(walk, [[]])
    assert c.id in walk.answers.responses and walk.answers.value(c.id) is None


def test_prompts_in_english() -> None:
    walk = Walk(CATALOG, empty())
    prompter = ask_one(walk, ["Lettret"], lang="en")
    assert prompter.asked[0].message == "Name of the collectivity"
    assert any("previous question" in line for line in prompter.said)


# -- session ---------------------------------------------------------------------------------
def test_every_answer_is_on_disk_when_interrupted(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    walk = Walk(CATALOG, empty())
    prompter = FakePrompter(["Lettret", "commune", "05072", KeyboardInterrupt])
    assert run(walk, prompter, Saver(path, "fr", "tnl assess --answers r.yaml"), "fr") is False
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# ")
    data = yamlio.parse(text, "r.yaml").data
    assert data["collectivite"]["nom"] == "Lettret"
    assert data["collectivite"]["code_insee"] == "05072"
    assert data["edition"] == 2025


def test_signal_during_save_waits_for_the_file() -> None:
    with pytest.raises(Interrupted) as info, signals_deferred():
        os.kill(os.getpid(), signal.SIGTERM)
        reached = True
    assert reached and info.value.signum == signal.SIGTERM


def test_sighup_interrupts_like_ctrl_c() -> None:
    before = signal.getsignal(signal.SIGHUP)
    with pytest.raises(KeyboardInterrupt), signals_interrupt() as received:
        os.kill(os.getpid(), signal.SIGHUP)
    assert received == [signal.SIGHUP]
    assert signal.getsignal(signal.SIGHUP) is before


def test_software_inventory_asks_about_unknown_software() -> None:
    c = next((c for c in CATALOG.criteria if c.type == "inventory"), None)
    if c is None:
        pytest.skip("no inventory criterion in this catalog")
    walk = Walk(CATALOG, with_identity())
    skip_until(walk, c.id)
    prompter = ask_one(walk, ["LibreOffice, Logiciel Maison Zorglub | Firefox", "oui"])
    assert prompter.asked[1].message.startswith("« Logiciel Maison Zorglub »")
    items = {item.name: item for item in walk.answers.value(c.id)}
    assert items["Logiciel Maison Zorglub"].free is True and items["Logiciel Maison Zorglub"].qualified
    assert items["LibreOffice"].free is True and items["LibreOffice"].software_id is not None
    walk.back()
    again = ask_one(walk, [None, None])  # review: the list and the answer given are offered
    assert again.asked[0].default == "LibreOffice, Logiciel Maison Zorglub, Firefox"
    assert again.asked[1].default == YES


def test_focus_walks_only_the_chosen_steps_and_what_they_reveal() -> None:
    condition, dependent = when_pair()
    walk = Walk(CATALOG, with_identity(**{condition: False}), review=True)
    assert walk.focus([condition]) and walk.current.key == condition
    walk.answer(False)
    assert walk.finished  # nothing else in scope, nothing revealed
    assert walk.focus([condition])
    walk.answer(True)  # reveals the follow-up: asked although not chosen
    assert walk.current is not None and walk.current.key == dependent
    walk.skip()
    while walk.current is not None and CATALOG.by_id[walk.current.key].when_source:
        walk.skip()  # other follow-ups of the same answer, if any
    assert walk.finished
    assert not walk.focus([])


def test_the_inventory_proposes_answers_with_its_reason() -> None:
    from tnl_cli.core.normalise import normalise_value

    inventory = normalise_value(CATALOG.by_id["inventaire_logiciels"],
                                ["Microsoft Office", "Firefox", "Thunderbird"])
    walk = Walk(CATALOG, with_identity(inventaire_logiciels=inventory))
    expected = {"utilise_logiciel_libre": True, "suite_bureautique": "proprietaire",
                "logiciels_libres_utilises": ["navigateur", "messagerie"]}
    for cid, value in expected.items():
        skip_until(walk, cid)
        prompter = ask_one(walk, [None])  # Enter alone: the proposal, confirmed
        ask = prompter.asked[0]
        assert ask.default == (YES if value is True else value), (cid, ask.default)
        said = "\n".join(prompter.said)
        assert "Réponse proposée d'après votre liste de logiciels" in said
        assert ("Microsoft Office" if cid == "suite_bureautique" else "Firefox") in said
        assert walk.answers.value(cid) == value
    # a question answered before keeps its answer: no proposal over it
    walk = Walk(CATALOG, with_identity(inventaire_logiciels=inventory, suite_bureautique="libre"),
                review=True)
    skip_until(walk, "suite_bureautique")
    prompter = ask_one(walk, [None])
    assert prompter.asked[0].default == "libre"
    assert not any("proposée" in line for line in prompter.said)


def test_a_small_commune_is_told_the_open_data_obligation_does_not_bind_it() -> None:
    walk = Walk(CATALOG, with_identity(Identity(nom="Lettret", type="commune", population=196,
                                                agents=2)))
    skip_until(walk, "obligation_open_data_defaut")
    prompter = ask_one(walk, ["passer"])
    said = "\n".join(prompter.said)
    assert "Pour vous, ce n'est pas une obligation (196 habitants" in said
    walk = Walk(CATALOG, with_identity(Identity(type="commune", population=40_000, agents=600)))
    skip_until(walk, "obligation_open_data_defaut")
    assert "ce n'est pas une obligation" not in "\n".join(ask_one(walk, ["passer"]).said)


def test_a_wrong_email_is_refused_without_internal_names() -> None:
    walk = Walk(CATALOG, empty())
    skip_until(walk, "elu_referent.nom")
    walk.answer("Camille Moreau")
    skip_until(walk, "elu_referent.email")
    prompter = ask_one(walk, ["camille@", "camille@lettret.example"])
    assert [error for _m, _r, error in prompter.refused] == [
        "« camille@ » n'est pas une adresse électronique valide (prenom.nom@exemple.fr)."]
    assert walk.answers.identity.elu_referent.email == "camille@lettret.example"

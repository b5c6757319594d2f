"""The walk's last step: the candidacy's own texts (`dossier:` section), asked after the
criteria, each skippable, saved as they are entered, revisited by `--review`."""

from __future__ import annotations

from typing import Any

import test_wizard_command
from test_wizard import FakePrompter
from test_wizard_command import complete_example, saved, terminal  # noqa: F401 - fixture

from tnl_cli.core.answers import Answers, DossierText
from tnl_cli.core.identity import Identity
from tnl_cli.walk import dossier_texts


class OfferScript(FakePrompter):
    """Answers the dossier offer in turn from `offers` ("texts", then "no"…)."""

    def __init__(self, offers: list[str], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.offers = list(offers)

    def ask(self, ask: Any) -> Any:
        if ask.message.startswith("Écrire maintenant"):
            self.asked.append(ask)
            return self.offers.pop(0)
        return super().ask(ask)


def test_texts_are_asked_after_the_criteria_saved_and_revisited(terminal, tmp_path,  # noqa: F811
                                                                monkeypatch) -> None:
    complete_example(tmp_path / "r.yaml")
    typed = {
        "Présentation de la collectivité": "Commune des bords de Loire.\n\nSecond paragraphe.",
        "Votre démarche": "",  # skipped
        "Réalisations marquantes": "- Bureautique libre\n- Messagerie libre",
        "Projets pour l'année": "Serveurs sous Debian",
        "Lieu de signature": "Saint-Libre",
        "Autres documents": "Rapport d'activité — https://saint-libre.example/r.pdf",
    }
    made: list[OfferScript] = []

    def scripted(offers: list[str]) -> Any:
        def make(replies: Any, auto: bool, by_message: Any) -> OfferScript:
            made.append(OfferScript(list(offers), replies=replies, auto=auto,
                                    by_message=by_message))
            return made[-1]
        return make

    monkeypatch.setattr(test_wizard_command, "FakePrompter", scripted(["texts", "no"]))
    s = terminal("assess", "--answers", "r.yaml", "--review", auto=True, by_message=typed)
    prompter = made[-1]
    assert s.code == 0, s.err
    texts = [a for a in prompter.asked if a.kind == "multiline"]
    assert [a.message.split(" (")[0] for a in texts] == [
        "Présentation de la collectivité", "Votre démarche : pourquoi le libre, depuis quand, "
        "comment elle est organisée", "Réalisations marquantes", "Projets pour l'année à venir",
        "Autres documents à joindre"]
    # a bad address is refused on the spot with the answers file's words
    check = texts[-1].validate
    assert "« http:// » n'est pas une adresse web complète" in check("Rapport\nhttp://")
    assert check("Délibération jointe (papier)") is None
    dossier = saved(tmp_path / "r.yaml")["dossier"]
    assert dossier == {
        "presentation": "Commune des bords de Loire.\n\nSecond paragraphe.",
        "realisations": ["Bureautique libre", "Messagerie libre"],
        "projets": ["Serveurs sous Debian"],
        "lieu": "Saint-Libre",
        "annexes": [{"titre": "Rapport d'activité", "url": "https://saint-libre.example/r.pdf"}],
    }
    # --review again: the saved texts are offered as they are, Enter keeps them
    keep = dict.fromkeys(typed)  # Enter alone: what is saved is offered and kept
    s = terminal("assess", "--answers", "r.yaml", "--review", auto=True, by_message=keep)
    again = made[-1]
    defaults = {a.message.split(" (")[0]: a.default for a in again.asked
                if a.kind in ("multiline", "text") and a.message[:4] in ("Prés", "Proj", "Lieu")}
    assert defaults["Présentation de la collectivité"].startswith("Commune des bords")
    assert defaults["Projets pour l'année à venir"] == "Serveurs sous Debian"
    assert saved(tmp_path / "r.yaml")["dossier"] == dossier


def test_the_offer_says_what_is_missing_and_skipping_keeps_nothing() -> None:
    prompter = FakePrompter(["", "", "", "", "", ""])
    prompter.asked.clear()
    got: list[Answers] = []
    answers = Answers(2025, Identity(nom="X", type="commune"), {})
    result = dossier_texts.ask(prompter, answers, "fr", got.append)
    assert result.dossier == DossierText() and len(got) == 6
    assert dossier_texts.missing(result.dossier) == ["presentation", "demarche",
                                                     "realisations", "projets"]


def test_the_multiline_entry_reaches_questionary() -> None:
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from tnl_cli.walk.prompter import Ask, QuestionaryPrompter

    with create_pipe_input() as pipe:
        prompter = QuestionaryPrompter(open("/dev/null", "w"), False, input=pipe,  # noqa: SIM115
                                       output=DummyOutput())
        pipe.send_text("ligne 1\rligne 2\x1b\r")  # Enter adds a line, Esc Enter confirms
        assert prompter.ask(Ask("multiline", "Texte", default="")) == "ligne 1\nligne 2"

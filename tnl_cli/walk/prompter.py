"""How a question reaches the user: the `Prompter` interface and its questionary implementation.

The walk asks neutral `Ask` objects; tests answer them with a scripted prompter, the terminal
with questionary. questionary's `.unsafe_ask()` is used because `.ask()` swallows Ctrl-C: an
interruption must reach the session, which explains how to resume.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any, Protocol, TextIO

from tnl_cli.report.wording import terminal_width, wrap_line


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class Ask:
    """One prompt. select returns an option value, checkbox a list of them, text a string."""

    kind: str  # select | checkbox | text | multiline (text on several lines) | complete
    # (text with the option labels completed)
    message: str
    options: tuple[Option, ...] = ()
    default: Any = None  # option value (select), values (checkbox), text (text)
    instruction: str = ""
    validate: Callable[[str], str | None] | None = None  # text: error message or None


class Prompter(Protocol):
    def prepare(self) -> None:
        """Load what prompting needs; called once, after the introduction is on screen."""

    def say(self, text: str, *, strong: bool = False, indent: int = 0) -> None:
        """Show a line (a header, a help text, a notice)."""

    def ask(self, ask: Ask) -> Any:
        """Ask and return the reply; Ctrl-C raises KeyboardInterrupt, Ctrl-D EOFError."""


def share_default_key_bindings() -> None:
    """Build prompt_toolkit's default key bindings once per process instead of per prompt.

    prompt_toolkit rebuilds its ~1,000 default bindings (emacs, vi, mouse) for every
    Application, and a questionary list makes three: about 20 ms of the 30 a list takes to
    appear. The bindings hold no per-application state (their filters and handlers look up the
    running application), so one set can serve every prompt. Should a prompt_toolkit release
    rename the hook, prompts only get slower.
    """
    import functools

    from prompt_toolkit.application import application

    build = getattr(application, "load_key_bindings", None)
    if build is not None and not hasattr(build, "cache_info"):
        application.load_key_bindings = functools.cache(build)  # type: ignore[attr-defined]


def folded_completer(labels: list[str]) -> Any:
    """Completes every label that holds all the typed words, accents and case ignored
    ("accessib" and "Accessibilité" both find the accessibility questions)."""
    from prompt_toolkit.completion import Completer, Completion

    from tnl_cli.textnorm import fold

    folded = [(label, fold(label)) for label in labels]

    class Folded(Completer):
        def get_completions(self, document: Any, complete_event: Any) -> Any:
            typed = document.text_before_cursor
            words = fold(typed).split()
            for label, key in folded:
                if all(w in key for w in words):
                    yield Completion(label, start_position=-len(typed))

    return Folded()


class QuestionaryPrompter:
    """Prompts on the terminal. Colour is decoration only: every mark also has a word or sign."""

    def __init__(self, stdout: TextIO, color: bool, words: dict[str, str] | None = None,
                 **app_options: Any) -> None:
        self.stdout = stdout
        self.color = color
        # The prompt library's own words, in the user's language: "reply" (the short prompt
        # under a question too long for one line), "ticked_none", "ticked_many" ({count}).
        self.words = words or {}
        self.app_options = app_options  # input/output for prompt_toolkit (tests)
        if not color:
            from prompt_toolkit.output import ColorDepth

            self.app_options.setdefault("color_depth", ColorDepth.DEPTH_1_BIT)

    def prepare(self) -> None:
        import questionary  # noqa: F401  (prompt_toolkit: the bulk of the start-up time)

        share_default_key_bindings()

    def say(self, text: str, *, strong: bool = False, indent: int = 0) -> None:
        from tnl_cli.textsafe import clean

        text = clean(text)
        width = self.width()
        lines = []
        for paragraph in text.split("\n"):
            if paragraph.startswith(("tnl ", "/")) or " -m tnl_cli " in paragraph:
                # a command to copy: never wrapped
                lines.append(" " * indent + paragraph)
                continue
            lines.append(wrap_line(paragraph, width, " " * indent, " " * indent))
        out = "\n".join(lines)
        if strong and self.color:
            out = f"\x1b[1m{out}\x1b[0m"
        self.stdout.write(out + "\n")
        self.stdout.flush()

    @staticmethod
    def width() -> int:
        """Where lines are cut, between words: the terminal's width (at most 100)."""
        return terminal_width(at_most=100)

    def ask(self, ask: Ask) -> Any:

        from tnl_cli.textsafe import clean

        ask = _cleaned(ask, clean)
        # prompt_toolkit cuts a long prompt line anywhere, inside a word: a question that does
        # not fit on one line with its hint is printed above, wrapped, over a short prompt.
        default = (str(ask.default or "") if ask.kind in ("text", "multiline", "complete")
                   else "")
        columns = shutil.get_terminal_size().columns  # where prompt_toolkit cuts
        if (len(ask.message) + len(ask.instruction) + len(default) + 4 > columns
                and self.words.get("reply")):
            self.say(ask.message, strong=True)
            ask = replace(ask, message=self.words["reply"])
            if len(ask.message) + len(ask.instruction) + len(default) + 4 > columns:
                self.say(ask.instruction, indent=2)  # the hint too, wrapped
                ask = replace(ask, instruction="")
        question = self._question(ask, clean)
        _fit(question.application, self.width(), self.words)
        return question.unsafe_ask()

    def _question(self, ask: Ask, clean: Callable[[str], str]) -> Any:
        import questionary

        options = self.app_options
        if ask.kind == "select":
            choices = [questionary.Choice(o.label, value=o.value) for o in ask.options]
            question = questionary.select(ask.message, choices, default=ask.default,
                                          instruction=ask.instruction, use_shortcuts=True,
                                          use_jk_keys=False, **options)
        elif ask.kind == "checkbox":
            checked = set(ask.default or ())
            choices = [questionary.Choice(o.label, value=o.value, checked=o.value in checked)
                       for o in ask.options]
            with _answer_words(self.words):
                question = questionary.checkbox(ask.message, choices,
                                                instruction=ask.instruction, use_jk_keys=False,
                                                **options)
        else:
            validate = ask.validate

            def check(text: str) -> bool | str:
                error = validate(text) if validate else None
                if error is None:
                    return True
                # wrapped between words: the error line grows instead of being cut
                return "\n".join(textwrap.wrap(clean(error), self.width() - 1,
                                                break_on_hyphens=False))

            if ask.kind == "complete":
                labels = [o.label for o in ask.options]
                return questionary.autocomplete(ask.message, labels, validate=check,
                                                completer=folded_completer(labels), **options)
            question = questionary.text(ask.message, default=ask.default or "", validate=check,
                                        instruction=ask.instruction or None,
                                        multiline=ask.kind == "multiline", **options)
        return question


def _fit(application: Any, width: int, words: dict[str, str]) -> None:
    """prompt_toolkit's validation error line is one row high, with no setting: a long message
    was cut at the right edge. The row is let grow (the message is wrapped between words)."""
    from prompt_toolkit.layout.containers import Window
    from prompt_toolkit.layout.controls import FormattedTextControl

    for window in application.layout.find_all_windows():
        if (isinstance(window, Window) and isinstance(window.content, FormattedTextControl)
                and getattr(window.content.text, "__qualname__", "").startswith(
                    "ValidationToolbar.")):
            window.height = None


@contextlib.contextmanager
def _answer_words(words: dict[str, str]) -> Iterator[None]:
    """A ticked checkbox says "done (2 selections)" in English, with no setting: while the
    checkbox is built, its prompt line is handed to questionary's layout in `words`."""
    from questionary.prompts import common

    build = common.create_inquirer_layout
    if not words.get("ticked_many"):
        yield
        return

    def layout(control: Any, tokens: Callable[[], Any], **kwargs: Any) -> Any:
        return build(control, _ticked(tokens, words), **kwargs)

    common.create_inquirer_layout = layout
    try:
        yield
    finally:
        common.create_inquirer_layout = build


def _ticked(tokens: Callable[[], Any], words: dict[str, str]) -> Callable[[], Any]:
    def translated() -> Any:
        out = []
        for style, value, *rest in tokens():
            if style == "class:answer" and value.startswith("done"):
                count = re.search(r"\d+", value)
                value = (words["ticked_many"].format(count=count.group()) if count
                         else words["ticked_none"])
            out.append((style, value, *rest))
        return out

    return translated


def _cleaned(ask: Ask, clean: Callable[[str], str]) -> Ask:
    """The prompt with no control character in what it shows (a saved answer, a name read from
    the answers file, a label): prompt_toolkit would print some of them as they are."""
    import dataclasses

    default = ask.default
    if isinstance(default, str) and ask.kind in ("text", "multiline"):
        default = clean(default)
    return dataclasses.replace(
        ask, message=clean(ask.message), instruction=clean(ask.instruction), default=default,
        options=tuple(Option(o.value, clean(o.label)) for o in ask.options))

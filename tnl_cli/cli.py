"""The `tnl` command line: parse arguments, pick the language, call the core, map errors.

Commands live one per module in `tnl_cli/commands/`; each imports its heavy dependencies
(rich, questionary, jinja2…) only when it runs, so that `tnl --help` stays instant.
"""


import contextlib
import importlib
import os
import sys
from collections.abc import Sequence
from typing import Annotated

import typer
import typer.core

from tnl_cli import __version__
from tnl_cli.commands import common
from tnl_cli.errors import EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, Interrupted, PipeClosed, TnlError
from tnl_cli.i18n import LANGS, detect_lang, requested_lang, template, tr

# Command modules, in the order `tnl --help` lists them.
COMMANDS = ("assess", "compare", "criteria", "schema", "dossier", "lookup", "software", "opendata",
            "batch", "synthese", "inventaire")


def _translate_help_words(lang: str) -> None:
    """Typer writes its section titles through gettext: give them our words."""
    words = {"Arguments": "cli.section_arguments", "Options": "cli.section_options",
             "Commands": "cli.section_commands", "default: {default}": "cli.default",
             "required": "cli.required", "Missing command.": "cli.missing_command",
             "No such command {name!r}.": "cli.no_such_command"}
    # Typer formats these itself (`{default}`): hand over the raw text.
    typer.core._ = lambda text: template(lang, words[text]) if text in words else text  # type: ignore


# Click's usage errors are English: the usual ones, in the user's language.
_USAGE_MESSAGES = (
    (r"No such option: (?P<option>\S+)(?: \(Possible options: (?P<close>.+)\))?",
     "cli.u_no_option"),
    (r"Missing argument '(?P<name>.+)'\.", "cli.u_missing_argument"),
    (r"Missing option '(?P<name>.+)'\.", "cli.u_missing_option"),
    (r"Option '(?P<option>.+)' requires an argument\.", "cli.u_needs_value"),
    (r"Option '(?P<option>.+)' does not take a value\.", "cli.u_no_value"),
    (r"Invalid value for '(?P<option>.+)': '(?P<value>.*)' is not a valid (?:integer|int)\.",
     "cli.u_not_integer"),
    (r"Invalid value for '(?P<option>.+)': (?P<detail>.+)", "cli.u_invalid"),
    (r"Got unexpected extra argument(?:s|\(s\))? \((?P<extra>.+)\)", "cli.u_extra"),
)


def translate_usage(message: str, lang: str) -> str:
    import re

    if lang == "en":
        return message
    message = re.sub(r"\s*Did you mean '([^']+)'\?", lambda m: " " + tr(
        lang, "cli.u_did_you_mean", name=m.group(1)), message)
    for pattern, key in _USAGE_MESSAGES:
        found = re.fullmatch(pattern, message.strip())
        if found:
            params = {k: v or "" for k, v in found.groupdict().items()}
            if params.get("close"):
                params["close"] = tr(lang, "cli.u_close", names=params["close"])
            return tr(lang, key, **params)
    return message


def suggestion(args: Sequence[str], message: str, lang: str) -> str | None:
    """The command the user probably meant, for the usual slips: an answers file given
    without --answers (`tnl assess reponses.yaml`), a software name without `search`
    (`tnl software Zoom`)."""
    import re
    import shlex

    command = requested_command(args)
    words = [a for a in args if not a.startswith("-")]
    extra = re.match(r"Got unexpected extra argument(?:s|\(s\))? \((.+)\)", message.strip())
    if (command in ("assess", "dossier") and extra and len(extra.group(1).split()) == 1
            and "--answers" not in args and "-a" not in args):
        file = extra.group(1)
        fixed = [("--answers" if a == file else a) for a in args]
        fixed.insert(fixed.index("--answers") + 1, file)
        return tr(lang, "cli.u_suggest", command=shlex.join(["tnl", *fixed]))
    if command == "software" and words[:1] == ["software"] and len(words) > 1 and words[1] not in (
            "search", "show") and words[1] in message:
        rest = args[args.index(words[1]):]
        return tr(lang, "cli.u_suggest", command=shlex.join(["tnl", "software", "search", *rest]))
    return None


def requested_command(args: Sequence[str]) -> str | None:
    """The command named on the command line, if it is one of ours (options skipped)."""
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg == "--lang":
            skip = True
        elif not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None


def completion(ctx: typer.Context, param: typer.CallbackParam, value: bool) -> None:
    """--install-completion / --show-completion: Typer's shell completion, set up only when
    used (here, and in main when the shell asks for completions) rather than on every start
    as Typer's own options would; their help is in the user's language."""
    if not value or ctx.resilient_parsing:
        return
    from typer import _completion_shared as shells
    from typer.completion import completion_init

    completion_init()
    shell = shells._get_shell_name() or "bash"
    if param.name == "_show":
        common.SETTINGS.stdout.write(shells.get_completion_script(
            prog_name="tnl", complete_var=COMPLETE_VAR, shell=shell) + "\n")
    else:
        _, path = shells.install(shell=shell, prog_name="tnl", complete_var=COMPLETE_VAR)
        common.SETTINGS.stdout.write(tr(common.SETTINGS.lang, "cli.completion_installed",
                                        shell=shell, path=str(path)) + "\n")
    raise typer.Exit()


COMPLETE_VAR = "_TNL_COMPLETE"  # set by the shell's completion script


def build_app(lang: str, only: str | None = None) -> typer.Typer:
    """A fresh Typer app whose help texts are in `lang`; with `only`, just that command is
    registered ("" for none), since building every command's options costs a few ms on each
    start."""
    _translate_help_words(lang)
    app = common.sub_app(tr(lang, "cli.app_help"), name="tnl", pretty_exceptions_enable=False,
                         context_settings={"help_option_names": ["--help", "-h"]})

    def version(value: bool) -> None:
        if value:
            common.SETTINGS.stdout.write(f"tnl {__version__}\n")
            raise typer.Exit()

    @app.callback()
    def root(
        _version: Annotated[bool, typer.Option(
            "--version", "-V", callback=version, is_eager=True,
            help=tr(lang, "cli.opt_version"))] = False,
        lang_: common.lang_option(lang) = lang,
        no_color: common.no_color_option(lang) = False,
        _install: Annotated[bool, typer.Option(
            "--install-completion", callback=completion, is_eager=True,
            help=tr(lang, "cli.opt_install_completion"))] = False,
        _show: Annotated[bool, typer.Option(
            "--show-completion", callback=completion, is_eager=True,
            help=tr(lang, "cli.opt_show_completion"))] = False,
    ) -> None:
        """Options apply to every command."""

    for name in (only,) if only else () if only == "" else COMMANDS:
        importlib.import_module(f"tnl_cli.commands.{name}").register(app, lang)
    return app


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the `tnl` console script."""
    # Typer 0.28 vendors click; pyproject pins the minor version for these two names.
    from typer._click.exceptions import NoArgsIsHelpError, UsageError

    args = list(sys.argv[1:] if argv is None else argv)
    lang = detect_lang(args, os.environ)
    settings = common.SETTINGS
    _tolerant_streams(settings)
    # Nothing from input reaches the terminal as a control sequence, whoever prints it; a
    # closed stream drops what is written; a stream that refuses it is a clear message.
    settings.stdout = common.SafeStream.wrap(settings.stdout, "stdout")
    settings.stderr = common.SafeStream.wrap(settings.stderr, "stderr")
    settings.result_code = EXIT_OK
    settings.lang = lang
    settings.color = "--no-color" not in args
    settings.verbose = "--verbose" in args
    asked = requested_lang(args)
    if asked is not None and asked.strip().lower() not in LANGS:
        settings.stderr.write(tr(lang, "cli.usage_error", message=tr(
            lang, "cli.bad_lang", value=asked, allowed=", ".join(LANGS))) + "\n")
        sys.exit(EXIT_USAGE)
    if COMPLETE_VAR in os.environ:  # the shell asks for completions: Typer's classes answer
        from typer.completion import completion_init

        completion_init()
    only = requested_command(args)
    if only is None and ("--version" in args or "-V" in args):
        only = ""  # the version needs no command at all
    app = build_app(lang, only)
    command = typer.main.get_command(app)
    try:
        code = command.main(args=args, prog_name="tnl", standalone_mode=False)
    except NoArgsIsHelpError as exc:
        settings.stdout.write(exc.format_message() + "\n")
        code = EXIT_USAGE
    except UsageError as exc:
        where = exc.ctx.command_path if exc.ctx else "tnl"
        if where == "tnl" and requested_command(args):
            where = f"tnl {requested_command(args)}"
        message = translate_usage(exc.format_message(), lang)
        settings.stderr.write(tr(lang, "cli.usage_error", message=message) + "\n")
        hint = suggestion(args, exc.format_message(), lang)
        settings.stderr.write((hint or tr(lang, "cli.try_help", command=where)) + "\n")
        code = EXIT_USAGE
    except Interrupted:
        with contextlib.suppress(OSError):  # SIGHUP: the terminal is gone, nobody reads it
            settings.stderr.write("\n" + tr(lang, "cli.interrupted") + "\n")
        code = EXIT_INTERRUPTED
    except TnlError as exc:
        _report(settings, exc, lang)
        code = exc.exit_code
    except typer.Abort:  # end of input (Ctrl-D) at a Typer prompt
        settings.stderr.write("\n" + tr(lang, "cli.interrupted") + "\n")
        code = EXIT_INTERRUPTED
    except PipeClosed:
        # Nothing more can be written (`| head -1`): not an error of the result, whose code
        # is kept, quietly; silence the final flush too.
        _silence_stdout()
        sys.exit(settings.result_code)
    try:
        settings.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    except TnlError as exc:  # `> /dev/full`: the buffered output could not be written
        _report(settings, exc, lang)
        _silence_stdout()
        code = exc.exit_code
    sys.exit(code if isinstance(code, int) else 0)


def _tolerant_streams(settings: common.Settings) -> None:
    """A terminal or file that cannot hold every character (PYTHONIOENCODING=ascii, output
    redirected to a file on Windows: cp1252) shows `\\u2588` for it rather than failing with
    UnicodeEncodeError."""
    for stream in (settings.stdout, settings.stderr):
        if stream is not None and stream in (sys.stdout, sys.stderr, sys.__stdout__,
                                             sys.__stderr__):
            with contextlib.suppress(AttributeError, ValueError, OSError):
                if not common.unicode_stream(stream):  # ascii, cp1252 (no █ → •), cp850…
                    stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]


def _report(settings: common.Settings, exc: TnlError, lang: str) -> None:
    with contextlib.suppress(OSError, TnlError):  # standard error itself may be the one failing
        settings.stderr.write(f"{tr(lang, 'cli.error')} : " if lang == "fr" else "Error: ")
        settings.stderr.write(exc.render(lang) + "\n")


def _silence_stdout() -> None:
    """Point the standard output at /dev/null so that the interpreter's last flush of what is
    left in its buffer does not complain."""
    with contextlib.suppress(AttributeError, ValueError, OSError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())

"""What every command shares: the run settings, common options and output helpers.

Like httpie's Environment, `Settings` holds the language and the streams' capabilities, so
tests can swap it instead of patching globals.
"""


import os
import sys
from typing import Annotated, Any, TextIO

import typer
import typer.core

from tnl_cli.i18n import tr
from tnl_cli.textsafe import clean


class SafeStream:
    """A text stream that writes only clean text (`textsafe.clean`): whatever a command prints
    through `SETTINGS.stdout`/`stderr`, no control sequence from input reaches the terminal.
    The few writers whose own control codes are wanted (Rich's colours, the progress bar's
    carriage return, the walk's bold) write to `.raw` and clean their input themselves.

    A stream that refuses what is written (`> /dev/full`, an I/O error) raises TnlError: a
    clear message and exit 2 rather than a traceback; a closed pipe stays BrokenPipeError
    (`tnl … | head -1` stops quietly)."""

    def __init__(self, raw: TextIO, name: str = "stdout", cleaning: bool = True) -> None:
        self.raw = raw
        self.name = name
        self.cleaning = cleaning

    @classmethod
    def wrap(cls, stream: Any, name: str = "stdout") -> Any:
        if isinstance(stream, cls):
            return stream
        return cls(_Discard() if stream is None else stream, name)

    def write(self, text: str) -> int:
        try:
            return self.raw.write(clean(text) if self.cleaning else text)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise output_failed(self.name, exc) from exc

    def flush(self) -> None:
        try:
            self.raw.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise output_failed(self.name, exc) from exc

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)


class _Discard:
    """Standard output or error closed (`>&-`): what would be written there is dropped, as
    Python's own print does, and the command's exit code is kept."""

    encoding = "utf-8"

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        import io

        raise io.UnsupportedOperation("closed")


def output_failed(name: str, exc: OSError) -> Any:
    from tnl_cli.errors import OutputFailed

    return OutputFailed.of("cli.output_failed", stream_key=f"cli.stream_{name}",
                       reason=exc.strerror or str(exc),
                       errno=exc.errno)


def raw_stream(stream: Any) -> Any:
    """The stream under a `SafeStream`, still turning write errors into clear messages but not
    cleaning (its writer's own control codes pass)."""
    if isinstance(stream, SafeStream):
        return SafeStream(stream.raw, stream.name, cleaning=False) if stream.cleaning else stream
    return stream


class ProgressBar:
    """A one-line progress bar on a terminal's stderr, redrawn at most ten times a second;
    `key` words the count (`batch.progress`: "{percent} %  {rows} lignes")."""

    def __init__(self, stream: Any, key: str) -> None:
        self.stream, self.key, self.next, self.drawn = stream, key, 0.0, False

    def __call__(self, fraction: float, rows: int) -> None:
        import time

        from tnl_cli.report.wording import number_text

        now = time.monotonic()
        if now < self.next:
            return
        self.next = now + 0.1
        filled = int(max(0.0, min(1.0, fraction)) * 30)
        text = t(self.key, percent=int(fraction * 100), rows=number_text(rows, SETTINGS.lang))
        self.stream.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {text}")
        self.stream.flush()
        self.drawn = True

    def clear(self) -> None:
        if self.drawn:
            self.stream.write("\r" + " " * 60 + "\r")
            self.stream.flush()


def stderr_is_terminal() -> bool:
    return _isatty(SETTINGS.stderr)


class Settings:
    """The run's language, colour choice and streams (a plain class: start-up path)."""

    def __init__(self, lang: str = "fr", color: bool = True, stdin: TextIO | None = None,
                 stdout: TextIO | None = None, stderr: TextIO | None = None) -> None:
        self.lang = lang
        self.color = color
        self.verbose = False  # internal identifiers shown (criteria ids, field keys)
        self.stdin = stdin or sys.stdin
        self.stdout = stdout or sys.stdout
        self.stderr = stderr or sys.stderr
        self.result_code = 0  # the command's result once known: a closed pipe exits with it

    @property
    def interactive(self) -> bool:
        """Both ends are a terminal: only then may we prompt."""
        try:
            return self.stdin.isatty() and self.stdout.isatty()
        except (AttributeError, ValueError):
            return False

    def console(self, stderr: bool = False) -> Any:
        no_color = not self.color or "NO_COLOR" in os.environ
        stream = raw_stream(self.stderr if stderr else self.stdout)
        # On a terminal, the last column stays free: a line that fills it makes some
        # terminals wrap early or leave the cursor hanging.
        width = None
        if _isatty(stream):
            from tnl_cli.report.wording import terminal_width

            width = terminal_width()
        return _safe_console_class()(file=stream, no_color=no_color, highlight=False,
                                     emoji=False, soft_wrap=False, width=width,
                                     _environ=_sizes_checked(os.environ))


def _sizes_checked(environ: Any) -> dict[str, str]:
    """The environment Rich reads, COLUMNS and LINES through the one bounded parser: Rich
    gives int() any text that isdigit() (5,000 digits crash it, `١٠٠` passes); one refused or
    out of 1..100,000 is left out (Rich's default size then)."""
    from tnl_cli.numbers import NumberRefused, read_int

    env = dict(environ)
    for name in ("COLUMNS", "LINES"):
        if name in env:
            try:
                env[name] = str(read_int(env[name], low=1, high=100_000))
            except NumberRefused:
                del env[name]
    return env


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


_CONSOLE_CLASS: list[Any] = []


def _safe_console_class() -> Any:
    """A Rich console that removes control characters from every text it is given (Rich only
    strips a few: BEL, BS, CR, VT, FF; ESC and C1 would pass) before laying it out, and from
    every segment it writes, its own style codes excepted."""
    if _CONSOLE_CLASS:
        return _CONSOLE_CLASS[0]
    from rich.console import Console
    from rich.segment import Segment

    class SafeConsole(Console):
        def on_broken_pipe(self) -> None:
            """Rich would exit 1 at once: a closed pipe is not the result's fault (cli.main
            ends quietly with the result's own code)."""
            self.quiet = True
            raise BrokenPipeError()

        def render_str(self, text: str, *args: Any, **kwargs: Any) -> Any:
            return super().render_str(clean(text), *args, **kwargs)

        def _render_buffer(self, buffer: Any) -> str:
            return super()._render_buffer(
                segment if segment.control else Segment(clean(segment.text), segment.style)
                for segment in buffer)

    _CONSOLE_CLASS.append(SafeConsole)
    return SafeConsole


SETTINGS = Settings()


class _TranslatedHelp:
    """Gives the `--help` option's own line and the usage line in the user's language (the
    click vendored by Typer writes "Usage:", "[OPTIONS]" and "COMMAND [ARGS]..." as is)."""

    def format_usage(self, ctx, formatter):  # type: ignore[no-untyped-def]
        lang = SETTINGS.lang
        words = {"[OPTIONS]": tr(lang, "cli.usage_options"),
                 "COMMAND [ARGS]...": tr(lang, "cli.usage_command")}
        pieces = [words.get(piece, piece)
                  for piece in self.collect_usage_pieces(ctx)]  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces),
                              prefix=tr(lang, "cli.usage_prefix") + " ")

    def get_help_option(self, ctx):  # type: ignore[no-untyped-def]
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = tr(SETTINGS.lang, "cli.opt_help")
        return option


class HelpGroup(_TranslatedHelp, typer.core.TyperGroup):
    """A command group that speaks the user's language."""


class HelpCommand(_TranslatedHelp, typer.core.TyperCommand):
    """A command that speaks the user's language.

    Click checks that a path option is readable before the command runs and says so in English
    ("Path '…' is not readable."): the commands read their files themselves and say it in the
    user's language, naming the file and the OS's reason."""

    def parse_args(self, ctx, args):  # type: ignore[no-untyped-def]
        for param in self.params:
            if getattr(param.type, "readable", False):
                param.type.readable = False
        return super().parse_args(ctx, args)


def _stop(signum: int, _frame: Any) -> None:
    raise KeyboardInterrupt(signum)


def _guarded(fn: Any) -> Any:
    """Typer turns Ctrl-C into a silent exit 130 and a closed pipe into exit 1: keep them ours,
    so that `cli.main` says "Interrompu." and stops quietly on a closed pipe.

    SIGTERM and SIGHUP (a closed terminal) stop a command as Ctrl-C does, instead of killing
    it on the spot: the temporary file of an output being written is removed, the target is
    left as it was. (The guided walk puts its own handlers over these while it asks.)"""
    import functools
    import signal

    from tnl_cli.errors import Interrupted, PipeClosed, TnlError

    stopping = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]

    @functools.wraps(fn)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        previous = {}
        try:
            for sig in stopping:
                previous[sig] = signal.signal(sig, _stop)
        except ValueError:  # not the main thread: signals cannot be handled there
            pass
        try:
            return fn(*args, **kwargs)
        except KeyboardInterrupt as exc:
            raise Interrupted() from exc
        except BrokenPipeError as exc:
            raise PipeClosed() from exc
        except TnlError:
            raise
        except OSError as exc:  # a path the system refuses (name too long…) wherever it is met
            raise TnlError.of("io.os_error", file=None if exc.filename is None
                              else str(exc.filename), reason=exc.strerror or str(exc),
                              errno=exc.errno) from exc
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    return guarded


def sub_app(help_text: str, **kwargs: Any) -> typer.Typer:
    """A Typer app (the root or a command group) whose commands all speak the user's language."""
    kwargs.setdefault("add_completion", False)
    app = typer.Typer(help=help_text, cls=HelpGroup, no_args_is_help=True, rich_markup_mode=None,
                      **kwargs)
    lang = SETTINGS.lang

    @app.callback()
    def options(  # `tnl criteria --lang en` works like `tnl criteria list --lang en`
        lang_: lang_option(lang) = lang,
        no_color: no_color_option(lang) = False,
    ) -> None:
        """Options read before the command runs (see cli.main)."""

    original = app.command

    def command(*args: Any, **options: Any) -> Any:
        options.setdefault("cls", HelpCommand)
        register = original(*args, **options)

        def decorator(fn: Any) -> Any:
            register(_guarded(fn))
            return fn

        return decorator

    app.command = command  # type: ignore[method-assign]
    return app


def program() -> list[str]:
    """How to start tnl again, for a command printed to the user: `tnl` when the shell finds
    it, else the way this run was started (the README's install does not put `tnl` on the
    PATH: `.venv/bin/tnl`, or `python -m tnl_cli`)."""
    import shutil
    from pathlib import Path

    started = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    found = shutil.which("tnl")
    if found or started is None:
        return ["tnl"]
    if started.name == "__main__.py" and started.parent.name == "tnl_cli":
        return [sys.executable, "-m", "tnl_cli"]
    if started.name == "tnl" and started.exists():
        return [str(started.resolve())]
    return ["tnl"]  # embedded (tests): nothing better to say


def today() -> Any:
    """Today's date (a datetime.date); the one place commands read the clock, so that tests
    can set it (a dossier written after the edition's deadline is told so)."""
    import datetime

    return datetime.date.today()


def t(key: str, **params: Any) -> str:
    return tr(SETTINGS.lang, key, **params)


def wrapped(text: str, indent: str = "") -> str:
    """Each line of `text` cut between words at the terminal's width (less one column);
    `indent` starts the wrapped lines of an indented note (`tnl lookup`, `tnl opendata`)."""
    from tnl_cli.report.wording import terminal_width, wrap_line

    width = terminal_width()
    return "\n".join(wrap_line(line, width, rest=indent) for line in text.split("\n"))


def lang_option(lang: str) -> Any:
    return Annotated[str, typer.Option("--lang", help=tr(lang, "cli.opt_lang"),
                                       metavar="fr|en", show_default=False)]


def no_color_option(lang: str) -> Any:
    return Annotated[bool, typer.Option("--no-color", help=tr(lang, "cli.opt_no_color"))]


def verbose_option(lang: str) -> Any:
    return Annotated[bool, typer.Option("--verbose", help=tr(lang, "cli.opt_verbose"))]


def whole(key: str, low: int | None = None, high: int | None = None) -> Any:
    """The parser of an integer option: the one bounded parser (`numbers.read_int`), so that
    `١٢`, `1_0` or 5,000 digits are refused like a value out of `low`..`high`, by `key`."""
    def parse(value: Any) -> int:
        from tnl_cli.errors import TnlError
        from tnl_cli.numbers import NumberRefused, read_int

        try:
            return read_int(value, low=low, high=high)
        except NumberRefused as exc:
            raise TnlError.of(key, value=str(value), max=high) from exc

    return parse


def edition_option(lang: str, help_key: str = "cli.opt_edition") -> Any:
    return Annotated[int | None, typer.Option("--edition", help=tr(lang, help_key),
                                              parser=whole("cli.bad_edition"),
                                              metavar="ANNÉE" if lang == "fr" else "YEAR")]


def format_option(lang: str, choices: str = "table|json") -> Any:
    return Annotated[str, typer.Option("--format", help=tr(lang, "cli.opt_format"),
                                       metavar=choices)]


def check_choice(value: str, allowed: tuple[str, ...], option: str) -> str:
    if value not in allowed:
        from tnl_cli.errors import TnlError

        raise TnlError.of("cli.bad_choice", option=option, value=value,
                          allowed=", ".join(allowed))
    return value


def verdict_code(verdict: str) -> int:
    """The exit code of a verdict: 0 when eligible, with reservations too (the jury decides:
    not a negative result), 1 otherwise."""
    from tnl_cli.core.engine import ADMITTED
    from tnl_cli.errors import EXIT_NEGATIVE, EXIT_OK

    return EXIT_OK if verdict in ADMITTED else EXIT_NEGATIVE


def show_assessment(catalog: Any, answers: Any, assessment: Any, fmt: str) -> int:
    """Print an assessment (terminal view or JSON); the exit code its verdict calls for."""
    from tnl_cli.report import assessment as report

    code = verdict_code(assessment.verdict)
    SETTINGS.result_code = code  # what a closed pipe (`| head -1`) exits with
    if fmt == "json":
        print_json(report.to_dict(assessment, catalog, answers, SETTINGS.lang))
    else:
        report.render(assessment, catalog, answers, SETTINGS.lang, SETTINGS.console())
    return code


def print_json(data: Any) -> None:
    import json

    # A stream that cannot hold "é" (PYTHONIOENCODING=ascii) gets \\u escapes: valid JSON still.
    ascii_only = not unicode_stream(SETTINGS.stdout)
    text = json.dumps(data, ensure_ascii=ascii_only, indent=2, default=str, allow_nan=False)
    SETTINGS.stdout.write(json_escaped(text) + "\n")


def json_escaped(text: str) -> str:
    """JSON text with DEL, C1 controls and bidi overrides written as `\\uXXXX` escapes (json
    escapes only C0 when it keeps non-ASCII): the same data, nothing a terminal would act on."""
    from tnl_cli.textsafe import escaped_json

    return escaped_json(text)


def collectivity_text(answers: Any, lang: str) -> str:
    """"Boé (INSEE 47031, SIREN 214700312)": how a file names its collectivity."""
    identity = answers.identity
    codes = [f"{label} {code}" for label, code in (("INSEE", identity.code_insee),
                                                    ("SIREN", identity.siren)) if code]
    name = identity.nom or tr(lang, "compare.unnamed")
    return f"{name} ({', '.join(codes)})" if codes else name


def tell_gone(key: str, gone: Any, edition: int) -> None:
    """On standard error, the answers a file read in a later `edition` lost (criteria gone):
    `key` is the command's sentence (`assess.migrated_gone`, `dossier.migrated_gone`)."""
    if gone:
        SETTINGS.stderr.write(t(key, ids=", ".join(gone), edition=edition) + "\n")


def warn_other_collectivity(cmp: Any, old_file: Any, new_file: Any) -> None:
    """On standard error, when the two files of a comparison (`tnl compare`, `tnl dossier
    --depuis`) name two collectivities: which, and in which file."""
    if not cmp.identity_mismatch:
        return
    lang = SETTINGS.lang
    SETTINGS.stderr.write(clean(tr(
        lang, "compare.other_collectivity", old=collectivity_text(cmp.old.answers, lang),
        new=collectivity_text(cmp.new.answers, lang), old_file=old_file,
        new_file=new_file)) + "\n")


def unicode_stream(stream: Any) -> bool:
    """Whether `stream` takes any character: a UTF encoding (or none: a test's StringIO)."""
    import codecs

    encoding = getattr(stream, "encoding", None)
    if not encoding:
        return True
    try:
        return codecs.lookup(encoding).name.startswith("utf")
    except LookupError:
        return False

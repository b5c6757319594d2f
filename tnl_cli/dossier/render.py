"""The candidacy dossier: Markdown and HTML from Jinja templates, ODT from odfdo.

Templates run in Jinja's immutable sandbox with undefined variables as errors, and only ever
receive the view model (`dossier_view.build`): user text is data, never template source.
The environments and compiled templates are built once per process and reused, since a batch
run may render thousands of dossiers.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import traceback
from functools import lru_cache
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from tnl_cli import resources
from tnl_cli.core.answers import Answers
from tnl_cli.core.catalog import Catalog
from tnl_cli.core.engine import Assessment
from tnl_cli.dossier.text import html_paragraphs, is_link, md_block, md_escape
from tnl_cli.errors import TnlError
from tnl_cli.i18n import tr

FORMATS = ("md", "html", "odt")
# The two documents: the candidacy for the jury, the self-assessment report for the team.
KINDS = ("dossier", "rapport")
TEMPLATES = {(kind, fmt): f"{kind}.{fmt}.j2" for kind in (*KINDS, "synthese")
             for fmt in ("md", "html")}
EXTENSIONS = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".odt": "odt"}

_BLANK_RUNS = re.compile(r"\n{3,}")
_TRAILING_SPACES = re.compile(r"[ \t]+\n")


def _md_finalize(value: Any) -> Any:
    """Every `{{ ... }}` of a Markdown template is escaped unless a filter made it Markup."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    return md_escape(value)


def _html_finalize(value: Any) -> Any:
    return "" if value is None else value


def _md_autolink(url: Any) -> Any:
    text = str(url)
    return Markup(f"<{text}>") if is_link(text) else Markup(md_escape(text))


def _html_autolink(url: Any) -> Any:
    text = str(url)
    if not is_link(text):
        return escape(text)
    return Markup('<a href="{0}" rel="noopener noreferrer">{0}</a>').format(text)


def _bytecode_cache() -> Any:
    """Compiled templates kept in the user's cache: compiling the dossier template costs more
    than rendering it. Keyed by the template's source, so an edited template is recompiled;
    a cache that cannot be read or written is simply not used, nor a file another user could
    have written (refused, then replaced by our own)."""
    from io import BytesIO

    from jinja2 import FileSystemBytecodeCache

    from tnl_cli.io.files import private, read_private, write_private

    class OwnCache(FileSystemBytecodeCache):
        def load_bytecode(self, bucket: Any) -> None:
            data = read_private(Path(self._get_cache_filename(bucket)))
            if data is not None:
                bucket.load_bytecode(BytesIO(data))

        def dump_bytecode(self, bucket: Any) -> None:
            data = BytesIO()
            bucket.write_bytecode(data)
            with contextlib.suppress(OSError):  # private, atomic, stale temporaries removed
                write_private(Path(self._get_cache_filename(bucket)), data.getvalue())

    from tnl_cli.resources import cache_dir

    directory = cache_dir() / "templates"
    try:
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        if directory.is_symlink() or not private(directory.lstat()):
            return None
    except OSError:
        return None
    return OwnCache(str(directory))


# Bounds of the template sandbox: a template (from --template-dir) may be anyone's; a real
# dossier is a few hundred kB made in well under a second.
MAX_RANGE = 100_000  # items of one range() (Jinja's own bound)
MAX_REPEAT = 1_000_000  # characters or items of `text * n`, `list * n`
MAX_EXPONENT = 1_000
MAX_OUTPUT = 20_000_000  # characters of the rendered document
MAX_SECONDS = 10  # per document


class TemplateBound(Exception):
    """A template went past a bound of the sandbox (`key` names which, `limit` its value)."""

    def __init__(self, key: str, limit: Any) -> None:
        super().__init__(key)
        self.key, self.limit = key, limit


def _bounded_environment_class() -> Any:
    """Jinja's immutable sandbox, with bounds on work: range sizes, repetition, powers, and a
    time limit checked on every call, operator, range step and piece of output (the watchdog
    catches the rest). `start()` arms the clock for one document."""
    import time

    from jinja2.sandbox import ImmutableSandboxedEnvironment

    monotonic = time.monotonic

    class BoundedSandbox(ImmutableSandboxedEnvironment):
        intercepted_binops = frozenset(["*", "**"])
        deadline = float("inf")

        def start(self) -> None:
            self.deadline = monotonic() + MAX_SECONDS

        def check(self) -> None:
            if monotonic() > self.deadline:
                raise TemplateBound("dossier.limit_time", MAX_SECONDS)

        def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
            __self.check()
            return super().call(__context, __obj, *args, **kwargs)

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            self.check()
            if operator == "*":
                for seq, times in ((left, right), (right, left)):
                    if isinstance(seq, (str, list, tuple)) and isinstance(times, int) \
                            and len(seq) * times > MAX_REPEAT:
                        raise TemplateBound("dossier.limit_repeat", MAX_REPEAT)
            elif isinstance(right, (int, float)) and abs(right) > MAX_EXPONENT:
                raise TemplateBound("dossier.limit_power", MAX_EXPONENT)
            return super().call_binop(context, operator, left, right)

        def bounded_range(self, *args: int) -> Any:
            steps = range(*args)
            if len(steps) > MAX_RANGE:
                raise TemplateBound("dossier.limit_range", MAX_RANGE)
            for i, value in enumerate(steps):
                if not i & 1023:
                    self.check()
                yield value

    return BoundedSandbox


def css_string(text: object) -> Markup:
    """A CSS string literal that nothing can break out of (a running header in <style>):
    every character but ASCII letters and digits as a six-digit CSS escape (spaces too: a
    space after an escape would be read as its end and lost)."""
    out = "".join(ch if ch.isascii() and ch.isalnum() else f"\\{ord(ch):06x}"
                  for ch in str(text))
    return Markup(f'"{out}"')


@lru_cache(maxsize=16)
def _environment(fmt: str, template_dir: str | None) -> Any:
    """One sandboxed environment per (format, template directory), kept for the process."""
    from jinja2 import FileSystemLoader, StrictUndefined

    class Loader(FileSystemLoader):
        """Names the template that is not UTF-8, with its directory (Jinja's error does not)."""

        def get_source(self, environment: Any, template: str) -> Any:
            try:
                return super().get_source(environment, template)
            except UnicodeDecodeError as exc:
                paths = [Path(root).joinpath(*template.split("/")) for root in self.searchpath]
                path = next((p for p in paths if p.is_file()), Path(template))
                raise TnlError.of("dossier.template_unreadable", file=str(path),
                                  reason=str(exc)) from exc

    search = ([template_dir] if template_dir else []) + [str(resources.templates_dir())]
    markdown = fmt == "md"
    env = _bounded_environment_class()(
        loader=Loader(search), undefined=StrictUndefined, autoescape=not markdown,
        trim_blocks=True, lstrip_blocks=True, auto_reload=False,
        finalize=_md_finalize if markdown else _html_finalize,
        bytecode_cache=_bytecode_cache(),
    )
    env.globals["range"] = env.bounded_range
    if markdown:
        env.filters["md"] = lambda text: Markup(md_escape(text))
        env.filters["paragraphs"] = lambda text: Markup(md_block(text))
        env.filters["autolink"] = _md_autolink
    else:
        env.filters["paragraphs"] = html_paragraphs
        env.filters["autolink"] = _html_autolink
        env.filters["css_string"] = css_string
    return env


def _location(exc: BaseException, search: list[str]) -> tuple[str | None, int | None]:
    """The template file and line where a render error happened (Jinja rewrites tracebacks
    so that template frames carry the template's file name and line)."""
    found: tuple[str | None, int | None] = (None, None)
    for frame in traceback.extract_tb(exc.__traceback__):
        if any(frame.filename.startswith(root) for root in search):
            found = (frame.filename, frame.lineno)
    return found


def _LANG_OF_VIEW(view: dict[str, Any]) -> str:  # noqa: N802
    return str(view.get("lang") or "fr")


class _Watchdog:
    """Stops a render that outlives its deadline even where the template calls nothing (an
    empty loop over a long list): one daemon thread, looking every quarter of a second, that
    interrupts the main thread; used only where Ctrl-C would raise KeyboardInterrupt (main
    thread, Python's own handler). Arming and disarming are plain assignments: no lock, no
    wake-up, nothing on the path of the thousands of dossiers of a batch."""

    def __init__(self) -> None:
        self.deadline: float | None = None
        self.fired = False
        self.thread: Any = None

    def usable(self) -> bool:
        import signal
        import threading

        return (threading.current_thread() is threading.main_thread()
                and signal.getsignal(signal.SIGINT) is signal.default_int_handler)

    def arm(self, seconds: float) -> None:
        import time

        if self.thread is None:
            import threading

            self.thread = threading.Thread(target=self._run, name="tnl-template-watchdog",
                                           daemon=True)
            self.thread.start()
        self.fired = False
        self.deadline = time.monotonic() + seconds

    def disarm(self) -> None:
        self.deadline = None

    def _run(self) -> None:
        import _thread
        import time

        while True:
            time.sleep(0.25)
            deadline = self.deadline
            if deadline is not None and time.monotonic() > deadline and self.deadline is not None:
                self.deadline, self.fired = None, True
                _thread.interrupt_main()


_WATCHDOG = _Watchdog()


def _bounded_render(env: Any, template: Any, view: dict[str, Any],
                    max_output: int = MAX_OUTPUT) -> str:
    """`template.render(view)` within the sandbox's time and output bounds: the document is
    gathered piece by piece, so that an endless or enormous output stops where it goes past."""
    env.start()
    watched = _WATCHDOG.usable()
    if watched:
        _WATCHDOG.arm(MAX_SECONDS + 0.5)  # the cooperative checks usually stop it first
    parts: list[str] = []
    size = 0
    stream = template.root_render_func(template.new_context(view))
    try:
        try:
            for part in stream:
                parts.append(part)
                size += len(part)
                if size > max_output:
                    raise TemplateBound("dossier.limit_output", max_output)
                env.check()
        finally:
            if watched:
                _WATCHDOG.disarm()
    except KeyboardInterrupt as exc:
        if not (watched and _WATCHDOG.fired):
            raise
        bound = TemplateBound("dossier.limit_time", MAX_SECONDS)
        try:
            env.handle_exception()  # the traceback rewritten to the template's lines
        except KeyboardInterrupt as rewritten:
            bound.where = _location(rewritten, env.loader.searchpath)  # type: ignore[attr-defined]
        raise bound from exc
    except TemplateBound as exc:
        frame = getattr(stream, "gi_frame", None)
        if frame is not None:  # stopped here, between two pieces: where the template was
            exc.where = (template.filename,  # type: ignore[attr-defined]
                         template.get_corresponding_lineno(frame.f_lineno))
        env.handle_exception()
    except Exception:  # noqa: BLE001 - Jinja rewrites the traceback to the template's lines
        env.handle_exception()
    finally:
        env.deadline = float("inf")
    return "".join(parts)


def _sentence(message: str) -> str:
    return message.strip().rstrip(".")


def _render_template(fmt: str, template_dir: Path | None, view: dict[str, Any],
                     kind: str = "dossier", max_output: int = MAX_OUTPUT) -> str:
    from jinja2 import TemplateNotFound, TemplateSyntaxError

    directory = None
    if template_dir is not None:
        if not template_dir.is_dir():
            raise TnlError.of("dossier.no_template_dir", dir=str(template_dir))
        directory = str(template_dir.resolve())
    env = _environment(fmt, directory)
    name = TEMPLATES[kind, fmt]
    try:
        template = env.get_template(name)
        return _bounded_render(env, template, view, max_output)
    except TemplateBound as exc:
        file, line = _location(exc, env.loader.searchpath)
        if file is None:
            file, line = getattr(exc, "where", (None, None))
        lang = _LANG_OF_VIEW(view)
        limit = f"{exc.limit:,}".replace(",", "\u202f" if lang == "fr" else ",")
        what = tr(lang, exc.key, max=limit)
        raise TnlError.of("dossier.template_limit", file=file or name, line=line,
                          what=what) from exc
    except TemplateSyntaxError as exc:
        raise TnlError.of("dossier.template_error", file=exc.filename or exc.name,
                          line=exc.lineno, message=_sentence(exc.message or str(exc))) from exc
    except TemplateNotFound as exc:  # included, imported or extended by a template
        file, line = _location(exc, env.loader.searchpath)
        key = "dossier.template_missing" if file is None else "dossier.template_missing_from"
        raise TnlError.of(key, file=file, line=line, name=exc.name) from exc
    except TnlError:
        raise
    except Exception as exc:  # a template's own runtime error: undefined, sandbox, type...
        file, line = _location(exc, env.loader.searchpath)
        raise TnlError.of("dossier.template_error", file=file or name, line=line,
                          message=_sentence(f"{type(exc).__name__}: {exc}")) from exc


def render_view(kind: str, fmt: str, view: dict[str, Any], template_dir: Path | None = None,
                max_output: int = MAX_OUTPUT) -> bytes:
    """A ready view model through the template `kind`.`fmt` (the territory synthesis builds
    its own view, and may be larger: a thousand groups), in the bounded sandbox."""
    text = _render_template(fmt, template_dir, view, kind, max_output)
    if fmt == "md":
        text = _BLANK_RUNS.sub("\n\n", _TRAILING_SPACES.sub("\n", text))
    return (text.strip() + "\n").encode("utf-8")


def render(catalog: Catalog, answers: Answers, assessment: Assessment, fmt: str, lang: str,
           template_dir: Path | None = None, *, tool_version: str | None = None,
           today: dt.date | None = None, kind: str = "dossier", since: Any = None,
           logo: Any = None) -> bytes:
    """The candidacy (`kind` "dossier") or the self-assessment report ("rapport") of one
    collectivity in `fmt` (one of FORMATS: user input goes through `format_for` first), as
    bytes ready to write. `since`: a `core.compare.Comparison` with last year's file, for the
    candidacy's section "Nos progrès depuis {année}"; `logo`: a `dossier.logo.Logo` for the
    candidacy's cover."""
    from tnl_cli import __version__

    if kind == "dossier":
        from tnl_cli.dossier.candidacy import build
    else:
        from tnl_cli.dossier.view import build

    if assessment.next_level is None and assessment.level_rank < len(catalog.tiers):
        # evaluated without the path (batch's fast path): the dossier needs the next steps
        from tnl_cli.core.engine import evaluate

        assessment = evaluate(catalog, answers)
    extra: dict[str, Any] = {}
    if kind == "dossier" and since is not None:
        from tnl_cli.dossier.progress import section

        extra["progress"] = section(since, lang)
    if kind == "dossier" and logo is not None:
        extra["logo"] = logo
    view = build(catalog, answers, assessment, lang, tool_version=tool_version or __version__,
                 today=today or dt.date.today(), **extra)
    if fmt == "odt":
        if kind == "dossier":
            from tnl_cli.dossier.odt_candidacy import write
        else:
            from tnl_cli.dossier.odt import write_report as write
        return write(view)
    return render_view(kind, fmt, view, template_dir)


def format_for(path: Path | None, fmt: str | None) -> str:
    """The format asked, checked, or the one `path`'s extension implies (Markdown by default).

    A format that contradicts a known extension (`--format md -o dossier.odt`) is refused:
    the file would not open as its name says; an unknown extension takes the format asked."""
    implied = EXTENSIONS.get(path.suffix.lower()) if path is not None else None
    if fmt is not None:
        if fmt not in FORMATS:
            raise TnlError.of("cli.bad_choice", option="--format", value=fmt,
                              allowed=", ".join(FORMATS))
        if implied is not None and implied != fmt:
            assert path is not None
            raise TnlError.of("dossier.format_mismatch", format=fmt, output=str(path),
                              ext=path.suffix, implied=implied)
        return fmt
    if path is None:
        return "md"
    if implied is None:
        raise TnlError.of("dossier.unknown_extension", ext=path.suffix or path.name)
    return implied

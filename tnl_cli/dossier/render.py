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

FORMATS = ("md", "html", "odt")
# The two documents: the candidacy for the jury, the self-assessment report for the team.
KINDS = ("dossier", "rapport")
TEMPLATES = {(kind, fmt): f"{kind}.{fmt}.j2" for kind in KINDS for fmt in ("md", "html")}
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

    from tnl_cli.io.files import private, read_private

    class OwnCache(FileSystemBytecodeCache):
        def load_bytecode(self, bucket: Any) -> None:
            data = read_private(Path(self._get_cache_filename(bucket)))
            if data is not None:
                bucket.load_bytecode(BytesIO(data))

        def dump_bytecode(self, bucket: Any) -> None:
            with contextlib.suppress(OSError):
                super().dump_bytecode(bucket)

    from tnl_cli.resources import cache_dir

    directory = cache_dir() / "templates"
    try:
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        if directory.is_symlink() or not private(directory.lstat()):
            return None
    except OSError:
        return None
    return OwnCache(str(directory))


@lru_cache(maxsize=16)
def _environment(fmt: str, template_dir: str | None) -> Any:
    """One sandboxed environment per (format, template directory), kept for the process."""
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

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
    env = ImmutableSandboxedEnvironment(
        loader=Loader(search), undefined=StrictUndefined, autoescape=not markdown,
        trim_blocks=True, lstrip_blocks=True, auto_reload=False,
        finalize=_md_finalize if markdown else _html_finalize,
        bytecode_cache=_bytecode_cache(),
    )
    if markdown:
        env.filters["md"] = lambda text: Markup(md_escape(text))
        env.filters["paragraphs"] = lambda text: Markup(md_block(text))
        env.filters["autolink"] = _md_autolink
    else:
        env.filters["paragraphs"] = html_paragraphs
        env.filters["autolink"] = _html_autolink
    return env


def _location(exc: BaseException, search: list[str]) -> tuple[str | None, int | None]:
    """The template file and line where a render error happened (Jinja rewrites tracebacks
    so that template frames carry the template's file name and line)."""
    found: tuple[str | None, int | None] = (None, None)
    for frame in traceback.extract_tb(exc.__traceback__):
        if any(frame.filename.startswith(root) for root in search):
            found = (frame.filename, frame.lineno)
    return found


def _sentence(message: str) -> str:
    return message.strip().rstrip(".")


def _render_template(fmt: str, template_dir: Path | None, view: dict[str, Any],
                     kind: str = "dossier") -> str:
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
        return template.render(view)
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


def render(catalog: Catalog, answers: Answers, assessment: Assessment, fmt: str, lang: str,
           template_dir: Path | None = None, *, tool_version: str | None = None,
           today: dt.date | None = None, kind: str = "dossier", since: Any = None) -> bytes:
    """The candidacy (`kind` "dossier") or the self-assessment report ("rapport") of one
    collectivity in `fmt` (one of FORMATS: user input goes through `format_for` first), as
    bytes ready to write. `since`: a `core.compare.Comparison` with last year's file, for the
    candidacy's section "Nos progrès depuis {année}"."""
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
    view = build(catalog, answers, assessment, lang, tool_version=tool_version or __version__,
                 today=today or dt.date.today(), **extra)
    if fmt == "odt":
        if kind == "dossier":
            from tnl_cli.dossier.odt_candidacy import write
        else:
            from tnl_cli.dossier.odt import write_report as write
        return write(view)
    text = _render_template(fmt, template_dir, view, kind)
    if fmt == "md":
        text = _BLANK_RUNS.sub("\n\n", _TRAILING_SPACES.sub("\n", text))
    return (text.strip() + "\n").encode("utf-8")


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

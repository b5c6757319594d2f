"""`tnl software search|show`: what the software catalog knows about a product.

Plain text, one labelled block per software: nothing rests on colour or layout, so a screen
reader reads it as well as an eye does.
"""


import shlex
from typing import Annotated, Any, NoReturn

import typer

from tnl_cli.commands import common
from tnl_cli.commands.common import SETTINGS, t
from tnl_cli.errors import EXIT_NEGATIVE, EXIT_OK, TnlError
from tnl_cli.i18n import tr

DEFAULT_LIMIT = 10
MAX_LIMIT = 1000  # more is no longer a list to read, and rapidfuzz wants a C long
def status_text(sw: Any, lang: str) -> str:
    """'logiciel libre, licence MPL-2.0', 'logiciel propriétaire', 'logiciel non libre, licence
    SSPL-1.0': free or not in words, never by colour."""
    from tnl_cli.reference import software

    status = software.licence_status(sw.free, sw.licence)
    if status == "proprietary":
        return tr(lang, "software.proprietary")
    words = tr(lang, f"software.{status}")
    licence = software.licence_name(sw.licence)
    if licence is None:
        return f"{words} ({tr(lang, 'software.licence_unknown')})"
    return f"{words}, {tr(lang, 'software.licence', licence=licence)}"


def sill_text(status: str | None, lang: str) -> str:
    return tr(lang, f"software.sill_{status or 'none'}")


def software_dict(sw: Any, lang: str) -> dict[str, Any]:
    """One entry for `--format json`; words in `lang`, codes as the catalog has them."""
    from tnl_cli.reference import software
    from tnl_cli.report.wording import use_domain_label

    return {
        "id": sw.id,
        "name": sw.name,
        "free": sw.free,
        "licence": sw.licence,
        "status": status_text(sw, lang),
        "function": sw.function,
        "use_domain": sw.use_domain,
        "use_domain_label": use_domain_label(sw.use_domain, lang),
        "sill_status": sw.sill_status,
        "sill_status_label": sill_text(sw.sill_status, lang),
        "alternatives": [{"id": a.id, "name": a.name, "licence": a.licence}
                         for a in software.alternatives(sw)],
    }


def _label(key: str, lang: str) -> str:
    return f"{tr(lang, key)} : " if lang == "fr" else f"{tr(lang, key)}: "


def block_text(sw: Any, lang: str, replaces: list[Any] | None = None) -> str:
    """One software as a heading line and labelled lines; `replaces` adds what it replaces."""
    from tnl_cli.reference import software
    from tnl_cli.report.wording import use_domain_label

    lines = [
        ("software.field_function", sw.function),
        ("software.field_domain", use_domain_label(sw.use_domain, lang)),
        ("software.field_sill", sill_text(sw.sill_status, lang)),
    ]
    if not sw.free:
        names = ", ".join(a.name for a in software.alternatives(sw))
        lines.append(("software.field_alternatives", names or tr(lang, "software.no_alternative")))
    if replaces:
        lines.append(("software.field_replaces", ", ".join(r.name for r in replaces)))
    head = f"{sw.name} ({sw.id}){' : ' if lang == 'fr' else ': '}{status_text(sw, lang)}"
    return "\n".join([head] + [f"  {_label(key, lang)}{value}" for key, value in lines])


def source_line(info: dict[str, str], lang: str) -> str:
    """The attribution the Licence Ouverte asks for."""
    return tr(lang, "software.source", sill=info.get("sill", "SILL"),
              licence=info.get("licence", "?"), attribution=info.get("attribution", "?"))


def _text(words: list[str] | None) -> str:
    text = " ".join(words or []).strip()
    if not text:
        raise TnlError.of("software.empty")
    return text


def _not_found(text: str, hint_key: str) -> NoReturn:
    SETTINGS.stderr.write(t("software.not_found", text=text) + "\n")
    SETTINGS.stderr.write(t(hint_key, text=shlex.quote(text)) + "\n")
    raise typer.Exit(EXIT_NEGATIVE)


def register(app: typer.Typer, lang: str) -> None:
    group = common.sub_app(tr(lang, "software.help"))
    app.add_typer(group, name="software")
    text_meta = tr(lang, "software.metavar_text")

    @group.command("search", help=tr(lang, "software.search_help"))
    def search(
        words: Annotated[list[str] | None, typer.Argument(
            help=tr(lang, "software.arg_text"), metavar=text_meta, show_default=False)] = None,
        limit: Annotated[int, typer.Option("--limit", "-n", help=tr(lang, "software.opt_limit"),
                                           parser=common.whole("software.bad_limit", 1, MAX_LIMIT),
                                           metavar="N")] = DEFAULT_LIMIT,
        fmt: common.format_option(lang) = "table",
        lang_: common.lang_option(lang) = lang,
        no_color: common.no_color_option(lang) = False,
    ) -> None:
        from tnl_cli.reference import software

        common.check_choice(fmt, ("table", "json"), "--format")
        text = _text(words)
        results = software.find(text, limit)
        out, lang_now = SETTINGS.stdout, SETTINGS.lang
        if fmt == "json":
            common.print_json({"query": text, "count": len(results),
                               "results": [software_dict(sw, lang_now) for sw in results],
                               "source": software.source_info()})
        elif results:
            if len(results) > 1:
                out.write(t("software.found", count=len(results), text=text) + "\n\n")
            out.write("\n\n".join(block_text(sw, lang_now) for sw in results) + "\n")
            if len(results) == limit < MAX_LIMIT:
                out.write("\n" + t("software.more", more=min(limit * 2, MAX_LIMIT)) + "\n")
            out.write("\n" + source_line(software.source_info(), lang_now) + "\n")
        if not results:
            _not_found(text, "software.hint")
        raise typer.Exit(EXIT_OK)

    @group.command("show", help=tr(lang, "software.show_help"))
    def show(
        words: Annotated[list[str] | None, typer.Argument(
            help=tr(lang, "software.arg_id"), metavar="ID", show_default=False)] = None,
        fmt: common.format_option(lang) = "table",
        lang_: common.lang_option(lang) = lang,
        no_color: common.no_color_option(lang) = False,
    ) -> None:
        from tnl_cli.reference import software

        common.check_choice(fmt, ("table", "json"), "--format")
        text = _text(words)
        sw = software.catalog().get(text) or software.match(text).software
        if sw is None:
            _not_found(text, "software.try_search")
        replaces = software.replaced_by(sw)
        if fmt == "json":
            data = software_dict(sw, SETTINGS.lang)
            data["replaces"] = [{"id": r.id, "name": r.name} for r in replaces]
            data["source"] = software.source_info()
            common.print_json(data)
        else:
            SETTINGS.stdout.write(block_text(sw, SETTINGS.lang, replaces) + "\n\n"
                                  + source_line(software.source_info(), SETTINGS.lang) + "\n")
        raise typer.Exit(EXIT_OK)

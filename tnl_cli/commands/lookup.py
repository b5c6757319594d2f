"""`tnl lookup TEXT`: find a collectivity by INSEE code, SIREN or name in the offline data.

The terminal view is plain aligned text (no table library, no colour): it starts fast and a
screen reader reads it line by line; `--format json` gives the same fields to scripts. Those
the answers file also has (nom, type, code_insee, siren, population, departement) carry the
names of its `collectivite` section; the others (type_label, departement_nom, region,
region_nom, epci_siren, epci_nom) exist only here.
"""


import re
from typing import Annotated, Any

import typer

from tnl_cli.commands import common
from tnl_cli.commands.common import SETTINGS, t
from tnl_cli.errors import EXIT_NEGATIVE, EXIT_OK, TnlError
from tnl_cli.i18n import tr

DEFAULT_LIMIT = 10
MAX_LIMIT = 1000  # more is no longer a list to read, and rapidfuzz wants a C long
_SOURCE_KEYS = ("source_package", "source_version", "source_url", "licence", "licence_url",
                "attribution", "upstream", "build_date")
# The data has no field for the COG's year: its `upstream` text names it ("INSEE Code officiel
# géographique 2026, ..."); without it, the source line simply leaves the year out.
_COG_YEAR = r"Code officiel géographique (\d{4})"
_SIREN_SEPARATORS = r"[\s.\-]"
_EMPTY = "—"


def kind_text(kind: str, lang: str) -> str:
    """The collectivity type in words, as everywhere in prose (identity.type_*)."""
    return tr(lang, f"identity.type_{kind}")


def population_text(value: int | None, lang: str) -> str:
    from tnl_cli.report.wording import number_text

    return tr(lang, "lookup.unknown") if value is None else number_text(value, lang)


def collectivity_dict(c: Any, lang: str) -> dict[str, Any]:
    """One result for `--format json`; the answers file's fields keep its names."""
    return {
        "nom": c.name,
        "type": c.kind,
        "type_label": kind_text(c.kind, lang),
        "code_insee": c.insee,
        "siren": c.siren,
        "population": c.population,
        "departement": c.departement,
        "departement_nom": c.departement_name,
        "region": c.region,
        "region_nom": c.region_name,
        "epci_siren": c.epci_siren,
        "epci_nom": c.epci_name,
    }


def source_line(info: dict[str, str], lang: str) -> str:
    """The attribution the Licence Ouverte asks for, with the data's exact version."""
    year = re.search(_COG_YEAR, info.get("upstream", ""))
    cog = tr(lang, "lookup.cog", year=year.group(1)) if year else ""
    return tr(lang, "lookup.source", package=info.get("source_package", "?"),
              version=info.get("source_version", "?"), cog=cog, licence=info.get("licence", "?"))


def _label(key: str, lang: str) -> str:
    return f"{tr(lang, key)} : " if lang == "fr" else f"{tr(lang, key)}: "


def _place(code: str | None, name: str | None) -> str | None:
    return " ".join(part for part in (code, name) if part) or None


def detail_text(c: Any, lang: str) -> str:
    """One collectivity, one labelled line per known fact."""
    epci = f"{c.epci_name} (SIREN {c.epci_siren})" if c.epci_siren else None
    population = population_text(c.population, lang)
    if c.population is not None:
        population += f" ({tr(lang, 'lookup.population_note')})"
    lines = [
        ("lookup.col_type", kind_text(c.kind, lang)),
        ("lookup.col_code", c.insee),
        ("lookup.col_siren", c.siren),
        ("lookup.col_departement",
         None if c.kind == "departement" else _place(c.departement, c.departement_name)),
        ("lookup.col_region", None if c.kind == "region" else _place(c.region, c.region_name)),
        ("lookup.col_epci", epci),
        ("lookup.col_population", population),
    ]
    return "\n".join([c.name] + [f"  {_label(key, lang)}{value}" for key, value in lines if value])


def table_text(results: list[Any], lang: str, width: int | None = None) -> str:
    """Several collectivities as aligned columns, one line each, under a header line; when
    that is wider than the terminal (`width`, default: its width less one column), two lines
    each: the name and population, then type, codes and département, wrapped between words."""
    from tnl_cli.report.wording import terminal_width, wrap_line

    if width is None:
        width = terminal_width()
    table = _columns_text(results, lang)
    if max(len(line) for line in table.splitlines()) <= width:
        return table
    blocks = []
    for c in results:
        population = tr(lang, "lookup.inhabitants", population=population_text(c.population,
                                                                              lang))
        name = c.name if len(c.name) + len(population) + 2 <= width else (
            c.name[:max(1, width - len(population) - 3)] + "…")
        first = name + " " * max(2, width - len(name) - len(population)) + population
        facts = [kind_text(c.kind, lang)]
        if c.insee:
            facts.append(f"{tr(lang, 'lookup.col_code')} {c.insee}")
        if c.siren:
            facts.append(f"{tr(lang, 'lookup.col_siren')} {c.siren}")
        place = _place(c.departement, c.departement_name)
        if place:
            facts.append(place)
        # a fact is never cut in two (no-break spaces inside): lines break between facts
        second = wrap_line(" · ".join(f.replace(" ", "\u00a0") for f in facts), width, "  ", "  ")
        blocks.append(f"{first.rstrip()}\n{second}")
    return "\n".join(blocks)


def _columns_text(results: list[Any], lang: str) -> str:
    """One line per collectivity, in aligned columns under a header line."""
    keys = ("lookup.col_name", "lookup.col_type", "lookup.col_code", "lookup.col_siren",
            "lookup.col_departement", "lookup.col_population")
    rows = [[tr(lang, key) for key in keys]]
    for c in results:
        rows.append([c.name, kind_text(c.kind, lang), c.insee or _EMPTY, c.siren or _EMPTY,
                     _place(c.departement, c.departement_name) or _EMPTY,
                     population_text(c.population, lang)])
    widths = [max(len(row[i]) for row in rows) for i in range(len(keys))]
    lines = []
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row[:-1], widths, strict=False)]
        cells.append(row[-1].rjust(widths[-1]))
        lines.append("  ".join(cells))
    return "\n".join(lines)


def not_found_hint(text: str) -> str:
    """What to try next, told from what the text looks like."""
    compact = re.sub(_SIREN_SEPARATORS, "", text)
    if compact.isascii() and compact.isdigit():
        if len(compact) == 9:
            from tnl_cli.core.identity import IdentityValueError, parse_siren

            try:
                parse_siren(compact)
            except IdentityValueError:
                return t("lookup.hint_bad_siren", text=text)
            return t("lookup.hint_unknown_siren", text=text)
        return t("lookup.hint_digits")
    return t("lookup.hint")


def register(app: typer.Typer, lang: str) -> None:
    @app.command("lookup", help=tr(lang, "lookup.help"))
    def lookup(
        words: Annotated[list[str] | None, typer.Argument(
            help=tr(lang, "lookup.arg_text"), metavar=tr(lang, "lookup.metavar"),
            show_default=False)] = None,
        limit: Annotated[int, typer.Option("--limit", "-n", help=tr(lang, "lookup.opt_limit"),
                                           parser=common.whole("lookup.bad_limit", 1, MAX_LIMIT),
                                           metavar="N")] = DEFAULT_LIMIT,
        fmt: common.format_option(lang) = "table",
        lang_: common.lang_option(lang) = lang,
        no_color: common.no_color_option(lang) = False,
    ) -> None:
        common.check_choice(fmt, ("table", "json"), "--format")
        text = " ".join(words or []).strip()
        if not text:
            raise TnlError.of("lookup.empty")
        if not any(ch.isalnum() for ch in text):
            raise TnlError.of("lookup.no_letters", text=text)

        from tnl_cli.reference import territory

        found = territory.find(text, limit)
        # Look-alike names are suggestions, not results: shown as such, with exit 1.
        matches = [f for f in found if f.reason != "lookup.why_close"]
        suggestions = [f.collectivity for f in found if f.reason == "lookup.why_close"]
        results = [f.collectivity for f in matches]
        out, lang_now = SETTINGS.stdout, SETTINGS.lang
        reasons = [tr(lang_now, f.reason, **dict(f.params)) if f.reason else None
                   for f in matches]
        info = territory.source_info()
        if fmt == "json":
            common.print_json({
                "query": text,
                "count": len(results),
                "results": [{**collectivity_dict(c, lang_now), "raison": why}
                            for c, why in zip(results, reasons, strict=True)],
                "suggestions": [] if results else [collectivity_dict(c, lang_now)
                                                   for c in suggestions],
                "source": {key: info[key] for key in _SOURCE_KEYS if key in info},
            })
        elif results:
            if len(results) == 1:
                out.write(detail_text(results[0], lang_now) + "\n")
                if reasons[0]:
                    out.write(common.wrapped(f"  {reasons[0]}", "    ") + "\n")
            else:
                out.write(common.wrapped(t("lookup.found", count=len(results), text=text)) + "\n\n")
                out.write(table_text(results, lang_now) + "\n")
                notes = [f"  {c.name} : {why}" if lang_now == "fr" else f"  {c.name}: {why}"
                         for c, why in zip(results, reasons, strict=True) if why]
                if notes:
                    out.write("\n" + "\n".join(common.wrapped(n, "    ") for n in notes) + "\n")
                if len(found) == limit < MAX_LIMIT:
                    out.write("\n" + common.wrapped(t("lookup.more", more=min(limit * 2, MAX_LIMIT)))
                              + "\n")
            out.write("\n" + common.wrapped(source_line(info, lang_now)) + "\n")
        elif suggestions:
            SETTINGS.stderr.write(t("lookup.no_such", text=text) + "\n")
            out.write(table_text(suggestions, lang_now) + "\n")
        if not results:
            if not suggestions:
                SETTINGS.stderr.write(t("lookup.not_found", text=text) + "\n")
                SETTINGS.stderr.write(not_found_hint(text) + "\n")
            raise typer.Exit(EXIT_NEGATIVE)
        raise typer.Exit(EXIT_OK)

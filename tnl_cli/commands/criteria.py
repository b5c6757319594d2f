"""`tnl criteria list|show|lint`: browse and check the catalogs."""


from pathlib import Path
from typing import Annotated, Any

import typer

from tnl_cli.commands import common
from tnl_cli.commands.common import SETTINGS, t
from tnl_cli.errors import TnlError
from tnl_cli.i18n import pick, tr


def criterion_dict(c: Any, lang: str) -> dict[str, Any]:
    return {
        "id": c.id,
        "domain": c.domain,
        "type": c.type,
        "eligibility": c.eligibility,
        "points": c.points,
        "effort": c.effort,
        "question": pick(c.question, lang),
        "help": pick(c.help, lang),
        "recommendation": pick(c.recommendation, lang),
        "choices": [{"value": ch.value, "label": pick(ch.label, lang), "points": ch.points}
                    for ch in c.choices],
        "applies_to": sorted(c.applies_to) if c.applies_to else None,
        "when": c.when_source,
        "unit": pick(c.unit, lang) if c.unit else None,
        "min": c.minimum,
        "max": c.maximum,
        "legal": pick(c.legal, lang) if c.legal else None,
    }


def criteria_text(catalog: Any, lang: str, criteria: Any = None) -> str:
    """The catalog (or some of its criteria) as plain text grouped by domain: no table library,
    so it starts fast and reads well in a screen reader."""
    import textwrap

    criteria = catalog.criteria if criteria is None else criteria
    lines = [pick(catalog.title, lang), ""]
    for domain in catalog.domains:
        members = [c for c in criteria if c.domain == domain.id]
        if not members:
            continue
        lines.append(f"== {pick(domain.name, lang)} ==")
        for c in members:
            gate = f" {tr(lang, 'cli.gate_mark')}" if c.eligibility else ""
            lines.append(f"{c.id}  ({c.type}, {c.points} pts){gate}")
            lines.extend(textwrap.wrap(pick(c.question, lang), width=96, initial_indent="    ",
                                       subsequent_indent="    "))
        lines.append("")
    return "\n".join(lines)


def _rule_text(rule: Any) -> str:
    """A catalog rule as YAML-like text (`met: declaration_accessibilite`), not a Python repr."""
    if isinstance(rule, dict):
        inner = ", ".join(f"{k}: {_rule_text(v)}" for k, v in rule.items())
        return inner if len(rule) == 1 else "{" + inner + "}"
    if isinstance(rule, list):
        return "[" + ", ".join(_rule_text(v) for v in rule) + "]"
    return str(rule)


def criterion_text(catalog: Any, c: Any, lang: str) -> str:
    """One criterion in full, as plain wrapped text."""
    import textwrap

    from tnl_cli.report.wording import number_text

    data = criterion_dict(c, lang)
    gate = f" {tr(lang, 'cli.gate_mark')}" if c.eligibility else ""
    head = f"{c.id}{gate} — {pick(catalog.domain(c.domain).name, lang)} — {c.type}, {c.points} pts"
    fields = [("cli.show_help_text", data["help"])]
    if c.choices:
        fields.append(("cli.show_choices", "; ".join(
            f"{ch['value']} ({ch['label']}, {ch['points']} pts)" for ch in data["choices"])))
    if c.type == "number":
        bounds = " – ".join(number_text(v, lang) for v in (c.minimum, c.maximum) if v is not None)
        fields.append(("cli.show_unit", f"{data['unit'] or ''} {bounds}".strip()))
    types = [tr(lang, f"identity.type_{k}") for k in data["applies_to"] or []]
    fields.append(("cli.show_applies", ", ".join(types) or tr(lang, "cli.show_all_types")))
    if c.when_source is not None:
        fields.append(("cli.show_when", _rule_text(c.when_source)))
    fields.append(("cli.show_reco", data["recommendation"]))
    if data["legal"]:
        fields.append(("cli.show_legal", data["legal"]))
    colon = " : " if lang == "fr" else ": "
    effort = tr(lang, f"report.effort_{c.effort}")
    lines = [head, *textwrap.wrap(data["question"], width=96), "",
             effort[:1].upper() + effort[1:] + "."]
    for key, text in fields:
        lines.extend(textwrap.wrap(tr(lang, key) + colon + text, width=96,
                                   subsequent_indent="    "))
    return "\n".join(lines) + "\n"


def register(app: typer.Typer, lang: str) -> None:
    group = common.sub_app(tr(lang, "cli.criteria_help"))
    app.add_typer(group, name="criteria")

    @group.command("list", help=tr(lang, "cli.criteria_list_help"))
    def list_(
        fmt: common.format_option(lang) = "table",
        edition: common.edition_option(lang) = None,
        form: Annotated[str | None, typer.Option(
            "--form", help=tr(lang, "cli.criteria_form_help"),
            metavar="NOM" if lang == "fr" else "NAME")] = None,
        lang_: common.lang_option(lang) = lang,
        no_color: common.no_color_option(lang) = False,
    ) -> None:
        from tnl_cli.loaders.catalogs import load_edition

        common.check_choice(fmt, ("table", "json"), "--format")
        catalog = load_edition(edition)
        criteria = catalog.criteria
        if form is not None:
            chosen = next((f for f in catalog.forms if f.id == form), None)
            if chosen is None:
                raise TnlError.of("cli.unknown_form", form=form, edition=catalog.edition,
                                  forms=", ".join(f.id for f in catalog.forms)
                                  or tr(SETTINGS.lang, "report.no_level"))
            criteria = tuple(catalog.by_id[cid] for cid in chosen.criteria)
        # the Badge's ten questions are not public: its form is tnl's guess, said as such
        guess = form is not None and catalog.badge is not None and catalog.badge.form == form
        if fmt == "json":
            items = [criterion_dict(c, SETTINGS.lang) for c in criteria]
            if guess:
                items = [{**item, "form": form, "estimation": True} for item in items]
            common.print_json(items)
            return
        if guess:
            SETTINGS.stdout.write(t("cli.form_estimation", form=form) + "\n")
        SETTINGS.stdout.write(criteria_text(catalog, SETTINGS.lang, criteria))

    @group.command("show", help=tr(lang, "cli.criteria_show_help"))
    def show(
        criterion_id: Annotated[str, typer.Argument(metavar="ID")],
        fmt: common.format_option(lang) = "table",
        edition: common.edition_option(lang) = None,
        lang_: common.lang_option(lang) = lang,
        no_color: common.no_color_option(lang) = False,
    ) -> None:
        import difflib

        from tnl_cli.loaders.catalogs import load_edition

        common.check_choice(fmt, ("table", "json"), "--format")
        catalog = load_edition(edition)
        c = catalog.criterion(criterion_id)
        if c is None:
            close = difflib.get_close_matches(criterion_id, list(catalog.by_id), n=3)
            hint = t("cli.did_you_mean", ids=", ".join(close)) if close else ""
            raise TnlError.of("cli.criterion_unknown", id=criterion_id,
                              edition=catalog.edition, hint=hint)
        data = criterion_dict(c, SETTINGS.lang)
        if fmt == "json":
            common.print_json(data)
            return
        SETTINGS.stdout.write(criterion_text(catalog, c, SETTINGS.lang))

    @group.command("lint", help=tr(lang, "cli.criteria_lint_help"))
    def lint(
        file: Annotated[Path, typer.Argument(metavar="FICHIER" if lang == "fr" else "FILE")],
        lang_: common.lang_option(lang) = lang,
        no_color: common.no_color_option(lang) = False,
    ) -> None:
        from tnl_cli.loaders.catalogs import load_file

        catalog = load_file(file)
        SETTINGS.stdout.write(t("cli.lint_ok", file=str(file), count=len(catalog.criteria),
                                edition=catalog.edition) + "\n")
        silent = [c.id for c in catalog.criteria if c.statement is None]
        if silent:  # valid, but the candidacy will say nothing of these criteria when met
            SETTINGS.stderr.write(t("cli.lint_no_statement", ids=", ".join(silent)) + "\n")

"""Turning an Assessment into words: a JSON-ready dict and the terminal view."""

from __future__ import annotations

from typing import Any

from tnl_cli.answers import Answers
from tnl_cli.catalog import Catalog, Criterion
from tnl_cli.engine import Assessment, Note
from tnl_cli.i18n import pick, tr

SCHEMA_VERSION = "1"


def note_text(note: Note, catalog: Catalog, lang: str) -> str:
    params = dict(note.params)
    if "id" in params and "question" not in params:
        c = catalog.criterion(params["id"])
        params["question"] = pick(c.question, lang) if c else params["id"]
    return tr(lang, note.key, **params)


def value_text(c: Criterion, value: Any, lang: str) -> str:
    """An answer as a person would read it."""
    if value is None:
        return tr(lang, "report.unanswered")
    if c.type == "boolean":
        return tr(lang, "report.yes" if value else "report.no")
    if c.type == "choice":
        choice = c.choice(value)
        return pick(choice.label, lang) if choice else str(value)
    if c.type == "multi":
        labels = [pick(ch.label, lang) for ch in c.choices if ch.value in value]
        return ", ".join(labels)
    if c.type == "number":
        text = number_text(value, lang)
        unit = pick(c.unit, lang) if c.unit else ""
        return f"{text} {unit}".strip()
    return str(value)


def number_text(value: float | int | None, lang: str) -> str:
    """12500 -> '12 500' in French, '12,500' in English; decimals kept."""
    if value is None:
        return "?"
    text = f"{value:,.2f}".rstrip("0").rstrip(".") if isinstance(value, float) else f"{value:,}"
    if lang == "fr":
        text = text.replace(",", "\u202f").replace(".", ",")
    return text


def verdict_text(verdict: str, lang: str) -> str:
    return tr(lang, f"report.verdict_{verdict}")


def to_dict(a: Assessment, catalog: Catalog, answers: Answers, lang: str) -> dict[str, Any]:
    """The machine-readable assessment (`--format json`)."""
    identity = answers.identity
    status, key = a.open_data
    nl = a.next_level
    return {
        "schema_version": SCHEMA_VERSION,
        "edition": a.edition,
        "collectivite": {"nom": identity.nom, "type": identity.type,
                         "code_insee": identity.code_insee, "siren": identity.siren},
        "verdict": a.verdict,
        "verdict_text": verdict_text(a.verdict, lang),
        "level": a.level,
        "level_rank": a.level_rank,
        "level_name": pick(a.tier.name, lang) if a.tier else None,
        "levels": [t.id for t in catalog.tiers],
        "estimate": tr(lang, "engine.estimate"),
        "score": round(a.total_ratio, 4),
        "reasons": [note_text(n, catalog, lang) for n in a.reasons],
        "warnings": [note_text(n, catalog, lang) for n in a.warnings],
        "unmet_gates": list(a.unmet_gates),
        "unanswered_gates": list(a.unanswered_gates),
        "mentions": [{"id": m.id, "name": pick(m.name, lang), "why": pick(m.description, lang)}
                     for m in a.mentions],
        "domains": [
            {"id": d.id, "name": pick(catalog.domain(d.id).name, lang), "points": d.points,
             "possible": d.possible, "ratio": round(d.ratio, 4), "met": d.met,
             "applicable": d.applicable}
            for d in a.domains
        ],
        "next_level": None if nl is None else {
            "level": nl.tier.id,
            "name": pick(nl.tier.name, lang),
            "reachable": nl.reachable,
            "steps": [
                {"id": s.criterion.id, "domain": s.criterion.domain,
                 "question": pick(s.criterion.question, lang), "effort": s.criterion.effort,
                 "target": value_text(s.criterion, s.target, lang),
                 "recommendation": pick(s.criterion.recommendation, lang)}
                for s in nl.steps
            ],
        },
        "legal": {
            "open_data": {"status": status, "population": identity.population,
                          "agents": identity.agents,
                          "text": tr(lang, key,
                                     population=number_text(identity.population, lang),
                                     agents=number_text(identity.agents, lang))},
        },
    }


def _bar(ratio: float, width: int = 10) -> str:
    filled = round(ratio * width)
    return "█" * filled + "░" * (width - filled)


def render(a: Assessment, catalog: Catalog, answers: Answers, lang: str, console: Any) -> None:
    """The terminal view. Meaning never rests on colour alone: every mark has a word."""
    from rich.table import Table

    data = to_dict(a, catalog, answers, lang)
    identity = answers.identity
    name = identity.nom or tr(lang, "report.unnamed")
    console.print(f"[bold]{tr(lang, 'report.title', name=name, edition=a.edition)}[/bold]")
    style = {"eligible": "green", "not_eligible": "red", "incomplete": "yellow"}[a.verdict]
    console.print(f"{tr(lang, 'report.verdict')} : [bold {style}]"
                  f"{data['verdict_text']}[/bold {style}]" if lang == "fr" else
                  f"{tr(lang, 'report.verdict')}: [bold {style}]{data['verdict_text']}"
                  f"[/bold {style}]")
    for reason in data["reasons"]:
        console.print(f"  • {reason}")
    if a.verdict == "eligible":
        level = data["level_name"] or tr(lang, "report.no_level")
        console.print(tr(lang, "report.level", level=level, rank=a.level_rank,
                         total=len(catalog.tiers)))
        console.print(f"  [italic]{data['estimate']}[/italic]")
    for mention in data["mentions"]:
        console.print(tr(lang, "report.mention", name=mention["name"], why=mention["why"]))

    table = Table(title=tr(lang, "report.domains"), title_justify="left")
    table.add_column(tr(lang, "report.domain"))
    table.add_column(tr(lang, "report.points"), justify="right")
    table.add_column("%", justify="right")
    table.add_column("", no_wrap=True)
    table.add_column(tr(lang, "report.met"), justify="right")
    for d in data["domains"]:
        table.add_row(d["name"], f"{d['points']:g} / {d['possible']:g}",
                      f"{round(d['ratio'] * 100)} %", _bar(d["ratio"]),
                      f"{d['met']} / {d['applicable']}")
    console.print(table)

    nl = data["next_level"]
    if nl is not None:
        console.print(f"[bold]{tr(lang, 'report.next', name=nl['name'])}[/bold]")
        if not nl["reachable"]:
            console.print("  " + tr(lang, "report.unreachable"))
        for i, step in enumerate(nl["steps"], start=1):
            effort = tr(lang, f"report.effort_{step['effort']}")
            console.print(f"  {i}. {step['question']} [{effort}] → {step['target']}",
                          markup=False)
            console.print(f"     {step['recommendation']}", markup=False)
    elif a.verdict == "eligible":
        console.print(tr(lang, "report.top"))
    console.print(data["legal"]["open_data"]["text"], markup=False)
    for warning in data["warnings"]:
        console.print(f"{tr(lang, 'report.warning')} {warning}", markup=False)

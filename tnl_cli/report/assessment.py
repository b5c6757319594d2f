"""Turning an Assessment into words: a JSON-ready dict and the terminal view."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tnl_cli.i18n import pick, tr
from tnl_cli.report.wording import (
    bar,
    date_text,
    inventory,
    number_text,
    tier_label,
    value_text,
    verdict_text,
)

if TYPE_CHECKING:
    from tnl_cli.core.answers import Answers
    from tnl_cli.core.catalog import Catalog
    from tnl_cli.core.engine import Assessment, Note

SCHEMA_VERSION = "1"


def note_text(note: Note, catalog: Catalog, lang: str) -> str:
    params = {k: tr(lang, v) if k.endswith("_key") else v for k, v in note.params.items()}
    if "id" in params and "question" not in params:
        c = catalog.criterion(params["id"])
        params["question"] = pick(c.question, lang) if c else params["id"]
    text = tr(lang, note.key, **params)
    return text[:1].upper() + text[1:]


def legal(a: Assessment, catalog: Catalog, answers: Answers, lang: str) -> dict[str, Any]:
    """What the law expects: open data by default, allowed licences, legal obligations."""
    identity = answers.identity
    status, key = a.open_data
    results = {r.criterion.id: r for r in a.results}
    checks = []
    for check in catalog.legal_checks:
        row = results.get(check.criterion)
        if row is None or not row.visible:
            verdict, answer = "not_applicable", None
        elif row.value is None:
            verdict, answer = "unknown", None
        else:
            verdict = ("ok" if row.value in check.allowed else
                       "not_required" if row.value in check.no_duty else "not_allowed")
            answer = value_text(row.criterion, row.value, lang)
        checks.append({"id": check.id, "criterion": check.criterion, "status": verdict,
                       "answer": answer, "rule": pick(check.text, lang)})
    from tnl_cli.core import legal as law

    obligations: list[dict[str, Any]] = []
    recommendations: list[dict[str, Any]] = []
    for item in law.items(catalog, a.results, identity):
        c, scope = item.criterion, item.law
        params = {k: _legal_param(k, v, lang) for k, v in item.params}
        entry = {
            "id": c.id, "question": pick(c.question, lang), "force": scope.force,
            "status": item.status,
            "reason": tr(lang, item.reason_key, **params) if item.reason_key else None,
            "source": pick(c.legal, lang), "basis": pick(c.legal, lang),
            "scope": {"types": sorted(scope.types) if scope.types else None,
                      "population_over": scope.population_over,
                      "population_min": scope.population_min,
                      "agents_min": scope.agents_min, "since": scope.since,
                      "population_types": (sorted(scope.population_types)
                                           if scope.population_types else None),
                      "met_min": scope.met_min},
        }
        (obligations if item.obligation else recommendations).append(entry)
    return {
        "open_data": {"status": status, "population": identity.population,
                      "agents": identity.agents,
                      "text": tr(lang, key, population=number_text(identity.population, lang),
                                 agents=number_text(identity.agents, lang))},
        "checks": checks,
        "obligations": obligations,
        "recommendations": recommendations,
    }


def _legal_param(key: str, value: Any, lang: str) -> Any:
    if key in ("since", "deadline"):
        return date_text(value, lang)
    if key in ("population", "threshold", "agents", "value"):
        return number_text(value, lang)
    if key.endswith("_key"):
        return tr(lang, value)
    if isinstance(value, dict):  # a catalog text {fr, en}
        return pick(value, lang)
    return value


def to_dict(a: Assessment, catalog: Catalog, answers: Answers, lang: str) -> dict[str, Any]:
    """The machine-readable assessment (`--format json`)."""
    identity = answers.identity
    nl = a.next_level
    stock = inventory(a, lang)
    return {
        "schema_version": SCHEMA_VERSION,
        "edition": a.edition,
        "collectivite": {"nom": identity.nom, "type": identity.type,
                         "code_insee": identity.code_insee, "siren": identity.siren,
                         "departement": identity.departement,
                         "population": identity.population, "agents": identity.agents},
        "verdict": a.verdict,
        "verdict_text": verdict_text(a.verdict, lang),
        "reservations": list(a.reservations),
        "level": a.level,
        "level_rank": a.level_rank,
        "level_name": pick(a.tier.name, lang) if a.tier else None,
        "level_range": {"low": a.level_range[0], "high": a.level_range[1]},
        "badge": a.badge,
        "badge_missing": [{"id": cid, "question": pick(catalog.by_id[cid].question, lang)}
                          for cid in a.badge_missing],
        "unanswered": a.unanswered,
        "levels": [t.id for t in catalog.tiers],
        "estimate": estimate_text(catalog, lang),
        # what is a guess: the level (thresholds not public), the Badge (its ten questions not
        # public) and, in 2025, the tiers (read through the classic levels' wording)
        "estimation": {"level": True, "badge": True if a.badge is not None else None},
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
             "applicable": d.applicable, "not_concerned": d.not_concerned}
            for d in a.domains
        ],
        "not_concerned": [{"id": r.criterion.id, "question": pick(r.criterion.question, lang)}
                          for r in a.not_concerned],
        "next_level": None if nl is None else {
            "level": nl.tier.id,
            "name": pick(nl.tier.name, lang),
            "reachable": nl.reachable,
            "steps": [
                {"id": s.criterion.id, "domain": s.criterion.domain,
                 "question": pick(s.criterion.question, lang), "effort": s.criterion.effort,
                 "target": value_text(s.criterion, s.target, lang),
                 "current": None if s.current is None else value_text(s.criterion, s.current,
                                                                      lang),
                 "recommendation": pick(s.criterion.recommendation, lang)}
                for s in nl.steps
            ],
            "replacements": stock["replacements"] if stock else [],
        },
        "legal": legal(a, catalog, answers, lang),
        "inventory": stock,
        "application": application(catalog, lang),
    }


def estimate_text(catalog: Catalog, lang: str) -> str:
    """What is a guess in the level shown; with named tiers (2025), the catalog's own account
    of how they are read (Bronze as the classic levels 2-3…: tnl's mapping, not the
    organisers')."""
    text = tr(lang, "engine.estimate")
    if any(not t.id.isdigit() for t in catalog.tiers):
        text = f"{text} {pick(catalog.scheme, lang)}"
    return text


def application(catalog: Catalog, lang: str) -> dict[str, Any]:
    """How the real application is made for this edition (`tnl` only prepares texts): the
    catalog's facts, with what the sources leave uncertain. No date of today: the same answers
    give the same JSON."""
    app = catalog.application
    return {
        "edition": catalog.edition,
        "opens": app.opens if app else None,
        "deadline": catalog.deadline_iso,
        "where": pick(app.where, lang) if app else None,
        "url": app.url if app else None,
        "documents": pick(app.documents, lang) if app else None,
        "source": pick(app.source, lang) if app else None,
        "to_check": pick(app.to_check, lang) if app and app.to_check else None,
        "note": tr(lang, "report.apply_not_tnl"),
    }


def application_lines(catalog: Catalog, lang: str, today: Any = None) -> list[str]:
    """The application facts as lines for the terminal; with `today`, where it stands in the
    application period (a dossier written after the deadline is told so)."""
    data = application(catalog, lang)
    lines = [tr(lang, "report.apply_title", edition=catalog.edition)]
    if data["where"]:
        lines.append("  " + tr(lang, "report.apply_where", where=data["where"]) +
                     (f" ({data['url']})" if data["url"] else ""))
    if data["deadline"]:
        key = "report.apply_dates" if data["opens"] else "report.apply_deadline"
        lines.append("  " + tr(lang, key, deadline=date_text(data["deadline"], lang),
                               opens=date_text(data["opens"], lang) if data["opens"] else ""))
    else:
        lines.append("  " + tr(lang, "report.apply_no_deadline"))
    if data["documents"]:
        lines.append("  " + tr(lang, "report.apply_documents", documents=data["documents"]))
    if data["source"]:
        lines.append("  " + tr(lang, "report.apply_source", source=data["source"]))
    if data["to_check"]:
        lines.append("  " + tr(lang, "report.apply_to_check", what=data["to_check"]))
    if today is not None:
        state, days = catalog.timing(today)
        if state != "unknown":
            if state == "open" and days in (0, 1):
                state = "last_day" if days == 0 else "open_one"
            elif state == "closed" and days == -1:
                state = "closed_one"
            lines.append("  " + tr(lang, f"report.apply_{state}", days=abs(days or 0),
                                   deadline=date_text(data["deadline"], lang),
                                   edition=catalog.edition))
    lines.append("  " + data["note"])
    return lines


def badge_line(a: Assessment, lang: str) -> str:
    """'Badge : obtenu' or what it still needs (the Badge is a track apart from the Label)."""
    if a.badge:
        return tr(lang, "report.badge_yes")
    if not a.badge_missing:
        return tr(lang, "report.badge_gates")
    return tr(lang, "report.badge_missing", count=len(a.badge_missing))


def level_line(a: Assessment, catalog: Catalog, lang: str) -> str:
    """'Niveau estimé : 2 (entre 1 et 5 selon les 31 questions sans réponse)'."""
    level = tier_label(catalog, a.level, lang)
    low, high = (tier_label(catalog, t, lang) for t in a.level_range)
    if not a.unanswered:
        return tr(lang, "report.level", level=level)
    if a.range_ranks[0] == a.range_ranks[1]:
        return tr(lang, "report.level_settled", level=level)
    key = "report.level_range_one" if a.unanswered == 1 else "report.level_range"
    return tr(lang, key, level=level, low=low, high=high, count=a.unanswered)


def _hanging(console: Any, first: str, rest: str, text: Any, **options: Any) -> None:
    """`text` (a Rich Text) wrapped at the console's width after the prefix `first`, its
    wrapped lines under `rest`: lines end where their words do (no padding to the width, which
    Rich's Padding and grids would write into a file or a pipe)."""
    from rich.cells import cell_len
    from rich.text import Text

    lines = text.wrap(console, max(10, console.width - cell_len(first)))
    for n, line in enumerate(lines):
        line.rstrip()
        console.print(Text(first if n == 0 else rest) + line, soft_wrap=True, **options)


def _item(console: Any, mark: str, text: str, indent: int = 2) -> None:
    """A numbered item whose wrapped lines stay under its text, not under its number."""
    from rich.cells import cell_len
    from rich.text import Text

    first = " " * indent + mark + " "
    _hanging(console, first, " " * cell_len(first), Text(text))


class _Indenting:
    """A console whose lines printed with leading spaces keep them on every wrapped line
    (Rich wraps "  text" back to the left margin)."""

    def __init__(self, console: Any) -> None:
        self._console = console

    def print(self, *objects: Any, markup: bool | None = None, **options: Any) -> None:
        if len(objects) == 1 and isinstance(objects[0], str):
            text = objects[0]
            body = text.lstrip(" ")
            indent = len(text) - len(body)
            if indent and "\n" not in body:
                from rich.text import Text

                shown = Text(body) if markup is False else Text.from_markup(body)
                _hanging(self._console, " " * indent, " " * indent, shown, **options)
                return
        self._console.print(*objects, markup=markup, **options)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._console, name)


def render(a: Assessment, catalog: Catalog, answers: Answers, lang: str, console: Any) -> None:
    """The terminal view. Meaning never rests on colour alone: every mark has a word."""
    console = _Indenting(console)
    from rich.table import Table

    data = to_dict(a, catalog, answers, lang)
    identity = answers.identity
    name = identity.nom or tr(lang, "report.unnamed")
    from rich.markup import escape

    title = escape(tr(lang, "report.title", name=name, edition=a.edition))
    console.print(f"[bold]{title}[/bold]")
    style = {"eligible": "green", "eligible_with_reservations": "green",
             "not_eligible": "red"}.get(a.verdict, "yellow")
    console.print(f"{tr(lang, 'report.verdict')} : [bold {style}]"
                  f"{data['verdict_text']}[/bold {style}]" if lang == "fr" else
                  f"{tr(lang, 'report.verdict')}: [bold {style}]{data['verdict_text']}"
                  f"[/bold {style}]")
    for reason in data["reasons"]:
        console.print(f"  • {reason}", markup=False)
    if a.badge is not None:
        console.print(badge_line(a, lang), markup=False)
    if a.level_rank or a.range_ranks[1]:
        console.print(level_line(a, catalog, lang), markup=False)
        console.print(f"  [italic]{data['estimate']}[/italic]")
    for mention in data["mentions"]:
        console.print(tr(lang, "report.mention", name=mention["name"], why=mention["why"]),
                      markup=False)
    for line in application_lines(catalog, lang):
        console.print(line, markup=False)

    # Fits 80 columns: a domain's name on one line, the bar and its percentage in one column.
    table = Table(title=tr(lang, "report.domains"), title_justify="left")
    table.add_column(tr(lang, "report.domain"), no_wrap=True, overflow="ellipsis")
    table.add_column(tr(lang, "report.points"), justify="right", no_wrap=True)
    table.add_column(tr(lang, "report.progress"), no_wrap=True)
    table.add_column(tr(lang, "report.met_short"), justify="right", no_wrap=True)
    for d in data["domains"]:
        table.add_row(d["name"], f"{d['points']:g} / {d['possible']:g}",
                      f"{bar(d['ratio'], 8)} {round(d['ratio'] * 100):>3} %",
                      f"{d['met']} / {d['applicable']}")
    console.print(table)
    if data["not_concerned"]:
        console.print(tr(lang, "report.not_concerned", questions=" ; ".join(
            item["question"] for item in data["not_concerned"])), markup=False)

    nl = data["next_level"]
    if nl is not None:
        console.print(f"[bold]{tr(lang, 'report.next', name=nl['name'])}[/bold]")
        if not nl["reachable"]:
            console.print("  " + tr(lang, "report.unreachable"))
        for i, step in enumerate(nl["steps"], start=1):
            effort = tr(lang, f"report.effort_{step['effort']}")
            change = f"{step['current']} → {step['target']}" if step["current"] else \
                f"→ {step['target']}"
            _item(console, f"{i}.", f"{step['question']} [{effort}] {change}\n"
                  f"{step['recommendation']}")
        for item in nl["replacements"]:
            console.print("  " + tr(lang, "report.replace", name=item["name"],
                                    alternatives=", ".join(item["alternatives"][:5])),
                          markup=False)
    elif a.level_rank == len(catalog.tiers):
        console.print(tr(lang, "report.top"))
    stock = data["inventory"]
    if stock:
        console.print(f"[bold]{tr(lang, 'report.inventory')}[/bold]")
        for share in stock["share_free"].values():
            console.print("  " + tr(lang, "report.share", domain=share["label"],
                                    free=share["free"], total=share["total"]), markup=False)
        if stock["unknown"]:
            console.print("  " + tr(lang, "report.unknown_software",
                                    names=", ".join(stock["unknown"])), markup=False)
    console.print(f"[bold]{tr(lang, 'report.legal')}[/bold]")
    console.print("  " + data["legal"]["open_data"]["text"], markup=False)
    obligations = data["legal"]["obligations"]
    met = sum(1 for item in obligations if item["status"] == "met")
    if met:
        console.print("  " + tr(lang, "report.obligations_met", count=met), markup=False)
    for item in obligations:  # what is left to do, with the text that requires it
        if item["status"] in ("unmet", "unanswered"):
            status = tr(lang, f"report.obligation_{item['status']}")
            if item["reason"]:  # a share below the text's figure: say both
                status = tr(lang, "report.obligation_because", status=status,
                            reason=item["reason"])
            console.print("  " + tr(lang, "report.obligation", question=item["question"],
                                    status=status, basis=item["source"]), markup=False)
        elif item["status"] in ("unknown", "not_applicable"):
            console.print("  " + tr(lang, f"report.obligation_line_{item['status']}",
                                    question=item["question"], reason=item["reason"]),
                          markup=False)
    for check in data["legal"]["checks"]:
        if check["status"] == "not_applicable":
            continue
        console.print("  " + tr(lang, f"report.check_{check['status']}",
                                answer=check["answer"] or "", rule=check["rule"]), markup=False)
    recommendations = data["legal"]["recommendations"]
    if recommendations:
        console.print(f"[bold]{tr(lang, 'report.recommendations')}[/bold]")
        for item in recommendations:
            key = f"report.recommendation_{item['status']}"
            console.print("  " + tr(lang, key, question=item["question"],
                                    reason=item["reason"] or "", basis=item["source"]),
                          markup=False)
    for warning in data["warnings"]:
        console.print(f"{tr(lang, 'report.warning')} {warning}", markup=False)

"""Words and figures shared by the terminal report, the comparison, the dossier's documents and
the commands: a number, a date, a verdict, a tier, an answer, a use of software and the software
inventory, each written one way in the user's language."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tnl_cli.i18n import pick, tr

if TYPE_CHECKING:  # lookup and software use number_text and use_domain_label: keep them light
    from tnl_cli.core.catalog import Catalog, Criterion
    from tnl_cli.core.engine import Assessment


def value_text(c: Criterion, value: Any, lang: str) -> str:
    """An answer as a person would read it."""
    if value is None:
        return tr(lang, "report.unanswered")
    if c.not_concerned and value == "non_concerne":  # normalise.NOT_CONCERNED
        return tr(lang, "report.not_concerned_value")
    if c.type == "boolean":
        return tr(lang, "report.yes" if value else "report.no")
    if c.type == "choice":
        choice = c.choice(value)
        return pick(choice.label, lang) if choice else str(value)
    if c.type == "multi":
        labels = [pick(ch.label, lang) for ch in c.choices if ch.value in value]
        return ", ".join(labels)
    if c.type == "inventory":
        return ", ".join(item.name for item in value)
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


def figure_text(value: float | int, lang: str) -> str:
    """number_text of a figure read from a file, where 12.0 is 12: '12', never '12,0'."""
    return number_text(int(value) if float(value).is_integer() else value, lang)


_VERDICTS = ("eligible", "eligible_with_reservations", "not_eligible", "incomplete")


def percent_text(percent: int, lang: str, space: str = "\u202f") -> str:
    """73 -> '73\u202f%' in French ('73 %' with `space=" "`, the self-assessment report's),
    '73%' in English. The caller rounds: the candidacy and the report round `part / whole *
    100`, the synthesis `100 * part / whole`, which differ on a few halves."""
    return f"{percent}{space}%" if lang == "fr" else f"{percent}%"


def verdict_text(verdict: str, lang: str) -> str:
    """The verdict in words; a value this version does not know is shown as it is."""
    if verdict not in _VERDICTS:
        return tr(lang, "report.verdict_unknown", verdict=verdict)
    return tr(lang, f"report.verdict_{verdict}")


def use_domain_label(domain: str, lang: str) -> str:
    """'sig' -> 'Information géographique' (or its English name)."""
    from tnl_cli.locale.report import USE_DOMAINS_EN
    from tnl_cli.reference import software

    if domain == "inconnu":  # software outside the catalog, qualified by the user
        return tr(lang, "report.use_other")
    french = software.use_domains().get(domain, domain)
    return USE_DOMAINS_EN.get(domain, french) if lang == "en" else french


def _use_order(domain: str) -> tuple[int, str]:
    """The catalog's reading order of uses (office suite first), software outside it last."""
    from tnl_cli.reference import software

    order = list(software.use_domains())
    return (order.index(domain) if domain in order else len(order), domain)


def inventory(a: Assessment, lang: str) -> dict[str, Any] | None:
    """The software inventory: each item as the catalog knows it, the share of free software
    per domain of use, unknown names to qualify, and free alternatives to proprietary ones."""
    lists = [r.value for r in a.results if r.criterion.type == "inventory" and r.value]
    if not lists:
        return None
    from tnl_cli.reference import software

    known = software.catalog()
    items: list[dict[str, Any]] = []
    shares: dict[str, dict[str, int]] = {}
    replacements: list[dict[str, Any]] = []
    for item in (i for value in lists for i in value):
        sw = known.get(item.software_id) if item.software_id else None
        domain = sw.use_domain if sw else "inconnu"
        entry = {"name": item.name, "id": item.software_id, "free": item.free,
                 "licence": sw.licence if sw else None, "use_domain": domain}
        items.append(entry)
        if item.free is not None:
            share = shares.setdefault(domain, {"free": 0, "total": 0})
            share["total"] += 1
            share["free"] += 1 if item.free else 0
        if sw is not None and item.free is False:
            alternatives = [alt.name for alt in software.alternatives(sw)]
            entry["alternatives"] = alternatives
            if alternatives:
                replacements.append({"name": item.name, "alternatives": alternatives})
    return {
        "items": items,
        "share_free": {d: {**v, "ratio": round(v["free"] / v["total"], 4),
                           "label": use_domain_label(d, lang)}
                       for d, v in sorted(shares.items(), key=lambda kv: _use_order(kv[0]))},
        "unknown": [i["name"] for i in items if i["free"] is None],
        "replacements": replacements,
    }


def date_text(iso: str, lang: str) -> str:
    """'2025-01-01' -> '1er janvier 2025' / '1 January 2025'."""
    from tnl_cli.locale.report import MONTHS

    year, month, day = (int(x) for x in iso.split("-"))
    name = MONTHS[lang][month - 1]
    first = "1er" if lang == "fr" and day == 1 else str(day)
    return f"{first} {name} {year}"


def tier_label(catalog: Catalog, tier_id: str | None, lang: str) -> str:
    """'2' for a numbered level, 'Label Argent' for a named one, 'aucun' for none."""
    if tier_id is None:
        return tr(lang, "report.no_level")
    if tier_id.isdigit():
        return tier_id
    name = tier_name(catalog, tier_id, lang)
    return tier_id if name is None else name


def tier_name(catalog: Catalog | None, tier_id: str | None, lang: str,
              badge: bool = False) -> str | None:
    """The name of the tier `tier_id` of `catalog` ('Label Argent'), None when it has none
    there. With `badge`, the Badge counts too (what an edition awards, `core.renewal.awards`):
    the label recorded by `tnl assess --renew` may be either."""
    if catalog is None:
        return None
    if badge:
        from tnl_cli.core.renewal import awards

        names = dict(awards(catalog))
    else:
        names = {t.id: t.name for t in catalog.tiers}
    return pick(names[tier_id], lang) if tier_id in names else None


def terminal_width(at_most: int | None = None) -> int:
    """Where terminal lines are cut: the terminal's width (or `at_most`, the walk's 100) less
    the last column, which some terminals wrap early on; at least 39."""
    import shutil

    columns = shutil.get_terminal_size().columns
    return max(40, (columns if at_most is None else min(columns, at_most)) - 1)


def wrap_line(line: str, width: int, first: str = "", rest: str = "") -> str:
    """One line cut between words at `width` (a word longer than the width or a hyphenated one
    is never cut), its first line after `first`, the next ones after `rest`; '' stays ''."""
    import textwrap

    return textwrap.fill(line, width, initial_indent=first, subsequent_indent=rest,
                         break_long_words=False, break_on_hyphens=False)


def bar(ratio: float, width: int = 10) -> str:
    """'███████░░░' for 0.7: a score as a bar of `width` cells, for the terminal report and the
    self-assessment report's Markdown (a ratio outside 0..1 fills none or all)."""
    filled = max(0, min(width, round(ratio * width)))
    return "█" * filled + "░" * (width - filled)

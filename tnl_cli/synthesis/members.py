"""One member of a synthesis: a collectivity's place, verdict, tier, scores and gaps.

A member comes either from a row of a batch output (what `tnl batch -o` writes) or from an
answers file assessed by the engine. The batch output says less (the eligibility gates only,
the level range rather than the path to the next tier, no legal answers); `detail` says
which.
Pure: no file is read here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from tnl_cli import numbers
from tnl_cli.core.catalog import Catalog, Criterion
from tnl_cli.core.engine import ADMITTED, VERDICTS
from tnl_cli.core.identity import Identity
from tnl_cli.core.legal import items as legal_items
from tnl_cli.core.legal import scope_status

# The obligations a synthesis follows, by theme (the catalog's criteria with a legal force of
# obligation fall into them by domain or id).
THEMES = ("open_data", "reen", "accessibility")
# Statuses of a theme for one body, worst first.
OBLIGATION_STATUSES = ("unmet", "unknown", "met", "not_obliged")
KNOWN_VERDICTS = (*VERDICTS, "rejected")  # the engine's, and the batch's invalid rows


def theme_of(c: Criterion) -> str | None:
    """The theme of an obligation criterion, None for the others."""
    if c.law is None or c.law.force != "obligation":
        return None
    if c.domain == "donnees" or "donnees" in c.id or "open_data" in c.id:
        return "open_data"
    if "accessibilite" in c.id:
        return "accessibility"
    if c.id in ("strategie_numerique_responsable", "demarche_sobriete_numerique"):
        return "reen"
    return None


@dataclass(frozen=True, slots=True)
class Member:
    name: str
    code: str  # COG code of a commune, else SIREN; "" when the row has neither
    type: str
    population: int | None
    departement: str
    region: str
    epci: str  # SIREN of the EPCI it belongs to (its own for an EPCI)
    epci_name: str
    band: str  # population band key (territory_index.size_band)
    verdict: str
    tier: str  # tier id, "" when none
    score: int | None
    scores: tuple[int | None, ...]  # per domain, catalog order
    missing: tuple[str, ...]  # criteria not met: the gates (batch) or every applicable one
    next_tier: str  # answers: the next tier; batch: the tier the level range reaches; or ""
    gap: int | None  # answers: the steps of the path to `next_tier`; None from a batch row
    obligations: tuple[tuple[str, str], ...]  # (theme, status)
    where: str  # file and line, or file, for messages
    detail: str  # "answers" | "batch"
    badge: bool | None = None  # the 2025 Badge, a track apart (None: not known, as in a batch)


def _int(text: Any) -> int | None:
    """A population or a score from a batch output: a whole number (a spreadsheet's 8420.0
    too), else unknown; never a traceback on 1e400, Infinity or 5,000 digits."""
    try:
        return numbers.read_int(text.strip() if isinstance(text, str) else text, low=0)
    except numbers.NumberRefused:
        pass
    try:  # a decimal score (42,5) rounds down as before
        value = numbers.read_number(text)
    except numbers.NumberRefused:
        return None
    return int(value) if 0 <= value < numbers.NUMBER_LIMIT else None


def _split(text: Any) -> tuple[str, ...]:
    if isinstance(text, list | tuple):
        return tuple(str(x) for x in text if str(x).strip())
    return tuple(part.strip() for part in str(text or "").split("|") if part.strip())


_LAWS: dict[int, tuple[Catalog, dict[str, list[Criterion]]]] = {}
_SCOPES: dict[tuple[int, str, Any], tuple[tuple[str, str], ...]] = {}


def _theme_laws(catalog: Catalog) -> dict[str, list[Criterion]]:
    """Theme -> its obligation criteria (kept per catalog: a synthesis asks once per row)."""
    kept = _LAWS.get(id(catalog))
    if kept is not None and kept[0] is catalog:
        return kept[1]
    found: dict[str, list[Criterion]] = {}
    for c in catalog.criteria:
        theme = theme_of(c)
        if theme is not None:
            found.setdefault(theme, []).append(c)
    _LAWS[id(catalog)] = (catalog, found)
    return found


def scope_only(catalog: Catalog, kind: str, population: int | None) -> tuple[tuple[str, str], ...]:
    """Per theme, what the type and population alone say (a batch output has no legal
    answers): "not_obliged" when no text binds the body, else "unknown". Remembered per type
    and side of each population threshold."""
    laws = _theme_laws(catalog)
    bucket: Any = None
    if population is not None:
        bucket = tuple(population > c.law.population_over if c.law.population_over is not None
                       else population >= (c.law.population_min or 0)
                       for criteria in laws.values() for c in criteria if c.law is not None)
    key = (id(catalog), kind, bucket)
    found = _SCOPES.get(key)
    if found is not None:
        return found
    identity = Identity(type=kind or None, population=population)
    out = []
    for theme, criteria in laws.items():
        statuses = [scope_status(c.law, identity, catalog.deadline_iso)[0] for c in criteria
                    if c.law is not None and (c.applies_to is None or not kind
                                              or kind in c.applies_to)]
        binding = any(s != "not_applicable" for s in statuses)
        out.append((theme, "unknown" if binding else "not_obliged"))
    found = _SCOPES[key] = tuple(out)
    return found


def within_reach(catalog: Catalog, verdict: str, tier: str, high: str) -> str:
    """From a batch row: the tier its range reaches above its own (`niveau_max`: every
    unanswered question given its best answer), "" when none."""
    if verdict not in ADMITTED:
        return ""
    ranks = {t.id: k for k, t in enumerate(catalog.tiers, 1)}
    return high if ranks.get(high, 0) > ranks.get(tier, 0) else ""


def from_row(row: Mapping[str, Any], catalog: Catalog, where: str,
             places: Any = None) -> Member:
    """A member from a batch output row (columns by name; lists as ` | ` text or lists)."""
    insee = str(row.get("code_insee") or "").strip()
    siren = str(row.get("siren") or "").strip()
    kind = str(row.get("type") or "").strip()
    population = _int(row.get("population"))
    departement = str(row.get("departement") or "").strip()
    region = str(row.get("region") or "").strip()
    epci = str(row.get("epci_siren") or "").strip()
    epci_name = str(row.get("epci_nom") or "").strip()
    band = str(row.get("tranche_population") or "").strip()
    if places is not None and (insee or siren) and not (region and (epci or kind != "commune")):
        # a batch output of an earlier version: the grouping columns from the COG
        epci, epci_name, departement, region = places.of(insee, siren, departement, kind)
    if not band and population is not None:
        from tnl_cli.reference.territory_index import size_band

        band = size_band(population)
    verdict = str(row.get("verdict") or "").strip()
    tier = str(row.get("niveau") or "").strip()
    score = _int(row.get("score"))
    scores = tuple(_int(row.get(f"score_{d.id}")) for d in catalog.domains)
    missing = _split(row.get("manques")) + _split(row.get("sans_reponse"))
    return Member(str(row.get("nom") or "").strip(), insee or siren, kind, population,
                  departement, region, epci, epci_name, band, verdict, tier, score, scores,
                  missing, within_reach(catalog, verdict, tier, str(row.get("niveau_max") or "")
                                        .strip()), None, scope_only(catalog, kind, population),
                  where, "batch")


def from_assessment(catalog: Catalog, identity: Identity, assessment: Any, where: str,
                    places: Any = None) -> Member:
    """A member from an answers file and its assessment (`engine.evaluate` with the path)."""
    from tnl_cli.reference.territory_index import size_band

    insee, siren = identity.code_insee or "", identity.siren or ""
    epci = epci_name = region = ""
    departement = identity.departement or ""
    if places is not None:
        epci, epci_name, departement, region = places.of(insee, siren, departement,
                                                         identity.type or "")
    missing = tuple(r.criterion.id for r in assessment.results
                    if r.visible and not r.met and not r.not_concerned)
    nxt = assessment.next_level
    next_id, gap = ("", None)
    if assessment.verdict in ADMITTED and nxt is not None and nxt.reachable:
        next_id, gap = nxt.tier.id, len(nxt.steps)
    by_theme: dict[str, list[str]] = {}
    for item in legal_items(catalog, assessment.results, identity):
        theme = theme_of(item.criterion)
        if theme is not None and item.obligation:
            by_theme.setdefault(theme, []).append(item.status)
    obligations = tuple((theme, _theme_status(by_theme.get(theme, ()))) for theme in
                        _theme_laws(catalog))
    return Member(identity.nom or "", insee or siren, identity.type or "", identity.population,
                  departement, region, epci, epci_name, size_band(identity.population),
                  assessment.verdict, assessment.level or "",
                  int(assessment.total_ratio * 100 + 0.5),
                  tuple(int(d.ratio * 100 + 0.5) for d in assessment.domains), missing,
                  next_id, gap, obligations, where, "answers", assessment.badge)


def _theme_status(statuses: Sequence[str]) -> str:
    """One status for a theme from its legal items' (legal.STATUSES)."""
    if "unmet" in statuses:
        return "unmet"
    if "unanswered" in statuses or "unknown" in statuses:
        return "unknown"
    if "met" in statuses:
        return "met"
    return "not_obliged"

"""What the law asks of each criterion with a legal basis, for one collectivity.

Each legal item of the catalog carries its force (obligation or recommendation) and its scope
(types of body, population and staff thresholds, date of entry into force, see `catalog.Law`).
An obligation is `met`, `unmet` or `unanswered` when it binds the collectivity,
`not_applicable` when the scope excludes it or the answer is one the text asks nothing of (no
licence stated), with the reason, `unknown` when the population, staff or type needed to decide
is missing. A share is compared with the text's figure (`met_min`). Recommendations get the
same statuses but are reported apart: never as breaches. Pure: reasons are message keys with
parameters (`engine.Note`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tnl_cli.core.catalog import Catalog, Criterion, Law
from tnl_cli.core.identity import Identity
from tnl_cli.core.normalise import NOT_CONCERNED

STATUSES = ("met", "unmet", "unanswered", "not_applicable", "unknown")


@dataclass(frozen=True)
class LegalItem:
    criterion: Criterion
    law: Law
    status: str  # one of STATUSES
    reason_key: str | None = None  # message key (locale/legal.py) saying why, with `params`
    params: tuple[tuple[str, Any], ...] = ()

    @property
    def obligation(self) -> bool:
        return self.law.force == "obligation"


def scope_status(law: Law, identity: Identity, on: str | None) -> tuple[str | None, str | None,
                                                                          dict[str, Any]]:
    """Whether `law` binds this body on date `on` (ISO): (None: it does | "not_applicable" |
    "unknown", reason key, parameters). Exclusions that are known win over missing figures."""
    kind, pop, agents = identity.type, identity.population, identity.agents
    if law.types is not None and kind is not None and kind not in law.types:
        return "not_applicable", "legal.not_type", {"type_key": f"identity.type_{kind}"}
    if law.since is not None and on is not None and on < law.since:
        return "not_applicable", "legal.not_yet", {"since": law.since, "deadline": on}
    missing: tuple[str | None, str | None, dict[str, Any]] = (None, None, {})
    # "collectivités territoriales de moins de 3 500 habitants": the population bounds of such
    # a text leave an EPCI or a syndicat out of the exemption (`population_types`)
    counted = law.population_types is None or kind in law.population_types
    if law.population_types is not None and kind is None:
        if pop is None:  # a collectivité of too few inhabitants may be exempt: say what to give
            missing = ("unknown", "legal.unknown_population_min",
                       {"threshold": law.population_min or law.population_over})
        elif (
                (law.population_over is not None and pop <= law.population_over)
                or (law.population_min is not None and pop < law.population_min)):
            missing = ("unknown", "legal.unknown_type_population", {
                "population": pop, "threshold": law.population_min or law.population_over})
    if law.population_over is not None and counted:
        if pop is None:
            missing = ("unknown", "legal.unknown_population_over",
                       {"threshold": law.population_over})
        elif pop <= law.population_over:
            return "not_applicable", "legal.population_over", {
                "population": pop, "threshold": law.population_over}
    if law.population_min is not None and counted:
        if pop is None:
            missing = missing if missing[0] else ("unknown", "legal.unknown_population_min",
                                                  {"threshold": law.population_min})
        elif pop < law.population_min:
            return "not_applicable", "legal.population_min", {
                "population": pop, "threshold": law.population_min}
    if law.agents_min is not None:
        if agents is None:
            missing = missing if missing[0] else ("unknown", "legal.unknown_agents",
                                                  {"threshold": law.agents_min})
        elif agents < law.agents_min:
            return "not_applicable", "legal.agents_min", {
                "agents": agents, "threshold": law.agents_min}
    if law.types is not None and kind is None:
        missing = missing if missing[0] else ("unknown", "legal.unknown_type", {})
    return missing


def satisfied(c: Criterion, law: Law, value: Any, met: bool) -> bool:
    """Whether an answer follows the text: its listed answers for a choice, the text's figure
    for a number (`met_min`), else 'met'."""
    if law.met_values:
        return value in law.met_values
    if law.met_min is not None and isinstance(value, (int, float)):
        return value >= law.met_min
    return met


def answered(c: Criterion, law: Law, value: Any, met: bool) -> tuple[str, str | None,
                                                                     dict[str, Any]]:
    """The status of an answer to a text that binds the body, with the reason when the answer
    alone decides it: an answer the text asks nothing of, a share against the text's figure."""
    if value in law.no_duty:
        choice = c.choice(value)
        return "not_applicable", "legal.no_duty", {
            "answer": choice.label if choice else value, "why": law.no_duty_reason or {}}
    status = "met" if satisfied(c, law, value, met) else "unmet"
    if law.met_min is not None and isinstance(value, (int, float)):
        key = "legal.share_at_least" if status == "met" else "legal.share_below"
        return status, key, {"value": value, "threshold": law.met_min}
    return status, None, {}


def items(catalog: Catalog, results: Any, identity: Identity) -> list[LegalItem]:
    """The legal items of the criteria shown to this collectivity (`engine` results whose
    `when` holds), in catalog order."""
    on = catalog.deadline_iso
    found: list[LegalItem] = []
    for r in results:
        c = r.criterion
        law = c.law
        if law is None or not r.visible:
            continue
        status, key, params = scope_status(law, identity, on)
        if status is None:
            if r.value == NOT_CONCERNED and c.not_concerned:
                status, key, params = "not_applicable", "legal.not_concerned", {}
            elif r.value is None:
                status = "unanswered"
            else:
                status, key, params = answered(c, law, r.value, r.met)
        found.append(LegalItem(c, law, status, key, tuple(params.items())))
    return found

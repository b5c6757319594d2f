"""Answers the software inventory already gives, proposed (never recorded) by the walk.

After "Microsoft Office, Firefox, Thunderbird", asking "do you use at least one free
software?" from a blank is asking twice. The walk proposes such an answer as the list's
starting point, with the reason shown, and the user confirms it with Enter or picks another:
at least one free software (any free entry), the office suite (free, proprietary or both
among the office suites listed), the uses covered by free software (the catalog's use
domains that match a choice of the question).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tnl_cli.core.answers import Answers
from tnl_cli.core.catalog import Catalog
from tnl_cli.i18n import pick, tr
from tnl_cli.inventory.figures import AT_LEAST_ONE, FREE_USES, OFFICE_SUITE
from tnl_cli.inventory.figures import SUITE_FUNCTION as _SUITE
from tnl_cli.inventory.figures import USES as _USES


@dataclass(frozen=True)
class Proposal:
    value: Any  # as the answers file holds it
    reason: str  # in the user's language
    sources: tuple[Any, ...] = ()  # core.provenance.Source: the files it is drawn from


def for_walk(catalog: Catalog, answers: Answers, lang: str,
             proposed: dict[str, Proposal]) -> dict[str, Proposal]:
    """What the walk proposes: the answers drawn from files (`tnl assess --inventaire`,
    `proposed`) first, then what the software list gives."""
    return {**from_inventory(catalog, answers, lang), **proposed}


def from_inventory(catalog: Catalog, answers: Answers, lang: str) -> dict[str, Proposal]:
    """Proposals by criterion id, for the criteria of `catalog` the inventory answers."""
    inventory = next((c for c in catalog.criteria if c.type == "inventory"), None)
    items = answers.value(inventory.id) if inventory is not None else None
    if not items:
        return {}
    from tnl_cli.reference import software

    known = software.catalog()
    found = [(item, known.get(item.software_id or "")) for item in items]
    free = [item.name for item in items if item.free]
    out: dict[str, Proposal] = {}
    if AT_LEAST_ONE in catalog.by_id and free:
        out[AT_LEAST_ONE] = Proposal(True, _reason(lang, "wizard.proposed_free", free))
    suites = [(item, s) for item, s in found if s is not None
              and s.function.casefold().startswith(_SUITE)]
    if OFFICE_SUITE in catalog.by_id and suites:
        kinds = {s.free for _item, s in suites}
        value = "mixte" if len(kinds) == 2 else "libre" if True in kinds else "proprietaire"
        if catalog.by_id[OFFICE_SUITE].choice(value) is not None:
            out[OFFICE_SUITE] = Proposal(value, _reason(lang, "wizard.proposed_suites",
                                                        [item.name for item, _s in suites]))
    criterion = catalog.by_id.get(FREE_USES)
    if criterion is not None:
        uses: dict[str, list[str]] = {}
        for item, s in found:
            choice = _USES.get(s.use_domain) if s is not None and s.free else None
            if choice is not None and criterion.choice(choice) is not None:
                uses.setdefault(choice, []).append(item.name)
        if uses:
            ordered = [ch for ch in criterion.choices if ch.value in uses]
            labels = [f"{pick(ch.label, lang)} ({', '.join(uses[ch.value])})" for ch in ordered]
            out[FREE_USES] = Proposal([ch.value for ch in ordered],
                                      _reason(lang, "wizard.proposed_uses", labels, "; "))
    return out


def _reason(lang: str, key: str, names: list[str], sep: str = ", ") -> str:
    return tr(lang, "wizard.proposed", why=tr(lang, key, names=sep.join(names)))

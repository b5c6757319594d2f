"""Starting this year's answers from last year's: the label obtained last year.

Pure: the caller has read last year's file into this year's edition
(`loaders.answer_files.load` with an explicit edition migrates in memory, the file itself is
never written).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from tnl_cli.core import identity as ident
from tnl_cli.core.answers import Answers
from tnl_cli.core.catalog import Catalog
from tnl_cli.core.normalise import ValueRefused
from tnl_cli.textnorm import fold

# "No label last year" (a candidacy without a label, or none at all).
NO_LABEL = "aucun"
_NO_LABEL_WORDS = {"aucun", "aucune", "none", "no", "non", "-"}


def parse_label(raw: str, catalog: Catalog | None) -> str | None:
    """The tier id named by `raw` (its id or its name, accents and case folded) in last year's
    `catalog`, or None for « aucun ». Without that catalog (an edition this version does not
    ship), any non-empty text is taken as the level's name."""
    word = fold(raw.strip()) if isinstance(raw, str) else ""
    if not word:
        raise ValueRefused("renew.bad_label", value=raw, allowed=_allowed(catalog))
    if word in _NO_LABEL_WORDS:
        return None
    if catalog is None:
        return raw.strip()
    for tier in awards(catalog):
        if word in {fold(tier[0]), fold(tier[1]["fr"]), fold(tier[1]["en"])}:
            return tier[0]
    raise ValueRefused("renew.bad_label", value=raw, allowed=_allowed(catalog))


def awards(catalog: Catalog) -> list[tuple[str, Any]]:
    """What an edition awards, as (id, name): the Badge (a track apart from the tiers, 2025)
    first, then the tiers."""
    badge = [(catalog.badge.form, catalog.badge.name)] if catalog.badge is not None else []
    return badge + [(t.id, t.name) for t in catalog.tiers]


def _allowed(catalog: Catalog | None) -> str:
    tiers = [a[0] for a in awards(catalog)] if catalog is not None else []
    return ", ".join([*tiers, NO_LABEL])


def with_label(answers: Answers, year: int, level: str | None) -> Answers:
    """`answers` whose `labels_anterieurs` say what `year` brought: `level`, or nothing (the
    entry of that year, if any, is replaced or removed)."""
    labels = [x for x in answers.identity.labels if x.annee != year]
    if level is not None:
        labels.append(ident.PreviousLabel(year, level))
    labels.sort(key=lambda x: x.annee)
    return replace(answers, identity=replace(answers.identity, labels=tuple(labels)))

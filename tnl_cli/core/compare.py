"""Two answers files of one collectivity, a year apart: what moved.

Pure: the caller loads the files (the old one twice: in its own edition, and migrated in memory
to the new file's edition) and this module evaluates and compares. The tier is compared edition
by edition (each file in its own scheme); everything else is compared like with like, the old
answers read in the new edition.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from tnl_cli.core.answers import Answers
from tnl_cli.core.catalog import Catalog, Criterion
from tnl_cli.core.engine import Assessment, CriterionResult, DomainScore, evaluate
from tnl_cli.core.normalise import InventoryItem
from tnl_cli.textnorm import fold

# What happened to a criterion between the two files, in the order they are shown.
EFFECTS = ("gained", "lost", "changed", "answered", "new_criterion", "removed_criterion")


@dataclass(frozen=True)
class Side:
    """One file as assessed: its catalog, its answers and the verdict."""

    catalog: Catalog
    answers: Answers
    assessment: Assessment


@dataclass(frozen=True)
class Change:
    criterion: Criterion  # the new edition's, or the old one's for a removed criterion
    before: Any  # the normalised value, None when unanswered (or absent from that edition)
    after: Any
    effect: str  # one of EFFECTS
    met_after: bool  # for a new criterion: is it met this year

    @property
    def id(self) -> str:
        return self.criterion.id


@dataclass(frozen=True)
class DomainChange:
    id: str
    before: DomainScore | None  # None: the collectivity type changed and nothing applied
    after: DomainScore


@dataclass(frozen=True)
class Share:
    """Free software among the software listed for one use (office suite, GIS…)."""

    use: str  # a use domain of the software catalog, "inconnu" for software outside it
    before: tuple[int, int] | None  # (free, total), None when none was listed for this use
    after: tuple[int, int] | None


@dataclass(frozen=True)
class InventoryChange:
    added: tuple[InventoryItem, ...]
    removed: tuple[InventoryItem, ...]
    shares: tuple[Share, ...]  # every use listed in either file

    @property
    def moved(self) -> bool:
        return bool(self.added or self.removed) or any(s.before != s.after for s in self.shares)


@dataclass(frozen=True)
class LegalChange:
    criterion: Criterion
    before: str  # met | unmet | unanswered | not_applicable
    after: str


@dataclass(frozen=True)
class Comparison:
    old: Side  # the old file in its own edition
    migrated: Side  # the old file read in the new file's edition
    new: Side
    changes: tuple[Change, ...]
    domains: tuple[DomainChange, ...]
    inventory: InventoryChange
    legal: tuple[LegalChange, ...]
    identity_mismatch: tuple[str, ...]  # fields that tell two collectivities apart: nom, code…

    @property
    def same_edition(self) -> bool:
        return self.old.catalog.edition == self.new.catalog.edition

    @property
    def unchanged(self) -> bool:
        """Nothing at all moved: no criterion, score, software, obligation nor tier."""
        old, new = self.old.assessment, self.new.assessment
        return (self.same_edition and not self.changes and not self.inventory.moved
                and not self.legal and old.verdict == new.verdict and old.level == new.level
                and all(d.before == d.after for d in self.domains))

    def of(self, effect: str) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.effect == effect)


def _item_key(item: InventoryItem) -> str:
    return item.software_id or "?" + fold(item.name)


def same_value(c: Criterion, before: Any, after: Any) -> bool:
    """Equal answers; an inventory is the same software with the same free status, whatever
    the spelling or the order."""
    if c.type == "inventory" and before is not None and after is not None:
        return ({(_item_key(i), i.free) for i in before}
                == {(_item_key(i), i.free) for i in after})
    if isinstance(before, bool) or isinstance(after, bool):
        return before is after
    return bool(before == after)


def _shown(result: CriterionResult | None) -> Any:
    return result.value if result is not None and result.visible else None


def _effect(c: Criterion, before: CriterionResult | None, after: CriterionResult) -> str | None:
    old, new = _shown(before), _shown(after)
    # "Not concerned" on either side is neither a gain nor a loss: the subject came or went.
    concerned = not (after.not_concerned or (before is not None and before.not_concerned))
    met_before = before is not None and before.visible and before.met
    met_after = after.visible and after.met
    if concerned and met_after and not met_before:
        return "gained"
    if concerned and met_before and not met_after:
        return "lost"
    if same_value(c, old, new):
        return None
    return "answered" if old is None else "changed"


def criterion_changes(old: Side, migrated: Side, new: Side) -> tuple[Change, ...]:
    """Every criterion that moved, once: the new edition's order, then the removed ones."""
    before = {r.criterion.id: r for r in migrated.assessment.results}
    own_old = {r.criterion.id: r for r in old.assessment.results}
    previous = old.catalog.by_id
    out: list[Change] = []
    for after in new.assessment.results:
        c = after.criterion
        if c.id not in previous:  # appeared with the new edition
            if after.visible:
                out.append(Change(c, None, after.value, "new_criterion", after.met))
            continue
        effect = _effect(c, before.get(c.id), after)
        if effect is not None:
            out.append(Change(c, _shown(before.get(c.id)), _shown(after), effect, after.met))
    for cid, result in own_old.items():  # gone with the new edition
        if cid not in new.catalog.by_id and result.visible:
            out.append(Change(result.criterion, result.value, None, "removed_criterion", False))
    return tuple(out)


def _items(a: Assessment) -> list[InventoryItem]:
    return [i for r in a.results if r.criterion.type == "inventory" and r.visible and r.value
            for i in r.value]


def _shares(items: Iterable[InventoryItem], uses: Mapping[str, str]) -> dict[str, tuple[int, int]]:
    shares: dict[str, list[int]] = {}
    for item in items:
        if item.free is None:  # unknown to the catalog and not qualified: not counted
            continue
        use = uses.get(item.software_id or "", "inconnu")
        share = shares.setdefault(use, [0, 0])
        share[0] += 1 if item.free else 0
        share[1] += 1
    return {use: (free, total) for use, (free, total) in shares.items()}


def inventory_change(migrated: Side, new: Side) -> InventoryChange:
    from tnl_cli.reference import software

    old_items, new_items = _items(migrated.assessment), _items(new.assessment)
    old_keys = {_item_key(i) for i in old_items}
    new_keys = {_item_key(i) for i in new_items}
    uses = {sw.id: sw.use_domain for sw in software.catalog().values()}
    order = list(software.use_domains())
    before, after = _shares(old_items, uses), _shares(new_items, uses)
    domains = sorted(set(before) | set(after),
                     key=lambda d: (order.index(d) if d in order else len(order), d))
    return InventoryChange(
        added=tuple(i for i in new_items if _item_key(i) not in old_keys),
        removed=tuple(i for i in old_items if _item_key(i) not in new_keys),
        shares=tuple(Share(d, before.get(d), after.get(d)) for d in domains),
    )


def obligation_statuses(side: Side) -> dict[str, str]:
    """Status of each legal obligation (`core.legal`; recommendations left out) for this
    collectivity: met, unmet, unanswered, not_applicable or unknown."""
    from tnl_cli.core import legal

    return {item.criterion.id: item.status
            for item in legal.items(side.catalog, side.assessment.results, side.answers.identity)
            if item.obligation}


def legal_changes(migrated: Side, new: Side) -> tuple[LegalChange, ...]:
    """Obligations whose status moved (a criterion hidden by a condition: not_applicable)."""
    before = obligation_statuses(migrated)
    after = obligation_statuses(new)
    out = []
    for c in new.catalog.criteria:
        if c.id not in before and c.id not in after:
            continue
        old, now = before.get(c.id, "not_applicable"), after.get(c.id, "not_applicable")
        if old != now:
            out.append(LegalChange(c, old, now))
    return tuple(out)


def identity_mismatch(old: Answers, new: Answers) -> tuple[str, ...]:
    """The identity fields, given in both files, that differ: two collectivities, or a typo."""
    a, b = old.identity, new.identity
    out = []
    for name in ("code_insee", "siren"):
        x, y = getattr(a, name), getattr(b, name)
        if x is not None and y is not None and x != y:
            out.append(name)
    if a.nom and b.nom and fold(a.nom) != fold(b.nom):
        out.append("nom")
    return tuple(out)


def compare(old_catalog: Catalog, old_answers: Answers, migrated_answers: Answers,
            new_catalog: Catalog, new_answers: Answers) -> Comparison:
    """`old_answers` in `old_catalog` (its own edition), `migrated_answers` the same file read
    in `new_catalog`, `new_answers` in `new_catalog`."""
    old = Side(old_catalog, old_answers, evaluate(old_catalog, old_answers, with_path=False))
    migrated = Side(new_catalog, migrated_answers,
                    evaluate(new_catalog, migrated_answers, with_path=False))
    new = Side(new_catalog, new_answers, evaluate(new_catalog, new_answers, with_path=False))
    before = {d.id: d for d in migrated.assessment.domains}
    return Comparison(
        old=old, migrated=migrated, new=new,
        changes=criterion_changes(old, migrated, new),
        domains=tuple(DomainChange(d.id, before.get(d.id), d) for d in new.assessment.domains),
        inventory=inventory_change(migrated, new),
        legal=legal_changes(migrated, new),
        identity_mismatch=identity_mismatch(old_answers, new_answers),
    )


@dataclass(frozen=True)
class Progress:
    """Only what went forward since `year`: for the candidacy, which never tells a loss."""

    year: int  # the old file's edition
    achieved: tuple[Change, ...]  # met now, not then (new criteria of the edition met too)
    improved: tuple[Change, ...]  # met both years, a better value now
    software_added: tuple[InventoryItem, ...]  # free software listed now, not then
    shares: tuple[Share, ...]  # uses whose share of free software rose

    @property
    def empty(self) -> bool:
        return not (self.achieved or self.improved or self.software_added or self.shares)


def added_choices(change: Change) -> list[str]:
    """The options of a multiple choice picked now and not then."""
    before = set(change.before or ())
    return [v for v in change.after or () if v not in before]


def _better(change: Change) -> bool:
    from tnl_cli.core.scoring import points_for

    c, before, after = change.criterion, change.before, change.after
    if change.effect != "changed" or not change.met_after or before is None or after is None:
        return False
    if c.type == "number":
        return bool(after > before)
    if c.type == "multi":
        return bool(added_choices(change))
    if c.type == "choice":
        return points_for(c, after) > points_for(c, before)
    return False  # yes/no, texts, links, inventories (told by the software added)


def _rose(share: Share) -> bool:
    free, total = share.after or (0, 0)
    if not free:
        return False
    if share.before is None:
        return True
    old_free, old_total = share.before
    return free * old_total > old_free * total or (free > old_free and free == total)


def progress(cmp: Comparison) -> Progress:
    """What the collectivity achieved or improved since the old file, nothing it lost."""
    return Progress(
        year=cmp.old.catalog.edition,
        achieved=tuple(ch for ch in cmp.changes if ch.effect == "gained" or (
            ch.effect == "new_criterion" and ch.met_after)),
        improved=tuple(ch for ch in cmp.changes if _better(ch)),
        software_added=tuple(i for i in cmp.inventory.added if i.free),
        shares=tuple(s for s in cmp.inventory.shares if _rose(s)),
    )

"""The synthesis of many members: counts, distributions, pooling opportunities, change.

Pure aggregation over `members.Member` records: every figure a rendering shows is computed
here, once, and every block is built the same way for the whole territory and for each group
(EPCI, département or région). Names of bodies appear only where the caller asks
(`named=True`): by default nothing ranks named bodies.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from tnl_cli import numbers
from tnl_cli.core.catalog import Catalog
from tnl_cli.synthesis.members import ADMITTED, KNOWN_VERDICTS, OBLIGATION_STATUSES, THEMES, VERDICTS, Member
from tnl_cli.textnorm import fold

SCORE_BANDS = ((0, 24), (25, 49), (50, 74), (75, 100))
TOP_MISSING = 10
TOP_CLOSEST = 10
NO_GROUP = ""  # the group of members the input does not place (no code, no EPCI)


@dataclass(frozen=True)
class Closest:
    name: str | None  # None unless names were asked for
    tier: str
    next_tier: str
    gap: int | None  # steps of the path (answers files); None: the level range (batch)


@dataclass(frozen=True)
class Change:
    """This year against the previous input, members matched by code."""

    before_verdicts: tuple[tuple[str, int], ...]
    before_tiers: tuple[tuple[str, int], ...]
    comparable_tiers: bool  # same edition: tiers can be compared member by member
    up: int
    down: int
    same: int
    new: int
    gone: int
    before_count: int


@dataclass(frozen=True)
class Block:
    count: int
    verdicts: tuple[tuple[str, int], ...]
    tiers: tuple[tuple[str, int], ...]  # catalog order, then "" (eligible without a tier)
    types: tuple[tuple[str, int], ...]
    bands: tuple[tuple[str, int, int], ...]  # band, members, eligible
    domains: tuple[tuple[str, tuple[int, ...], int], ...]  # domain, count per score band, scored
    missing: tuple[tuple[str, int, int], ...]  # criterion, members missing it, members assessed
    gaps: tuple[tuple[int, int], ...]  # steps to the next tier, members that many steps away
    reach: tuple[tuple[str, str, int], ...]  # batch: tier, tier within reach by answering, n
    closest: tuple[Closest, ...]
    obligations: tuple[tuple[str, tuple[tuple[str, int], ...], tuple[str, ...]], ...]
    change: Change | None = None
    badge: tuple[int, int] = (0, 0)  # members granted the Badge, members whose Badge is known


@dataclass(frozen=True)
class Group:
    key: str
    name: str
    block: Block


@dataclass
class Synthesis:
    edition: int
    level: str | None  # the grouping level, None for the whole territory only
    overall: Block
    groups: list[Group] = field(default_factory=list)
    detail: str = "answers"  # "batch" when any member came from a batch output
    named: bool = False


def _verdicts(members: Sequence[Member]) -> tuple[tuple[str, int], ...]:
    counts = Counter(m.verdict for m in members)
    known = [(v, counts[v]) for v in KNOWN_VERDICTS if counts[v]]
    others = sorted((v, n) for v, n in counts.items() if v not in KNOWN_VERDICTS)
    return tuple(known + others)


def _tiers(members: Sequence[Member], catalog: Catalog) -> tuple[tuple[str, int], ...]:
    ranked = [m for m in members if m.verdict in ADMITTED]
    counts = Counter(m.tier for m in ranked)
    out = [(t.id, counts[t.id]) for t in catalog.tiers]
    if counts[""]:
        out.append(("", counts[""]))
    return tuple(out)


def _band_key(band: str) -> tuple[int, str]:
    """Bands in order of their lower bound; a band not shaped N-M or N+ (a hand-edited or
    shifted batch output) after them, as written."""
    low = numbers.plain_int(band.split("-")[0].rstrip("+")) if band else None
    return (low, band) if low is not None else (1 << 40, band)


def block(members: Sequence[Member], catalog: Catalog, *, named: bool = False) -> Block:
    """Every figure of one group of members."""
    types = Counter(m.type or "" for m in members)
    bands = Counter(m.band for m in members)
    bands_ok = Counter(m.band for m in members if m.verdict in ADMITTED)
    domains = []
    for k, d in enumerate(catalog.domains):
        values = [v for m in members if k < len(m.scores) and (v := m.scores[k]) is not None]
        counts = tuple(sum(1 for v in values if low <= v <= high) for low, high in SCORE_BANDS)
        domains.append((d.id, counts, len(values)))
    assessed = [m for m in members if m.verdict in VERDICTS]  # not rejected rows
    missing_counts = Counter(c for m in assessed for c in set(m.missing))
    order = {c.id: i for i, c in enumerate(catalog.criteria)}
    missing = sorted(missing_counts.items(), key=lambda kv: (-kv[1], order.get(kv[0], 1 << 30)))
    climbing = [m for m in members if m.next_tier]
    gaps = Counter(m.gap for m in climbing if m.gap is not None)
    ranks = {t.id: k for k, t in enumerate(catalog.tiers, 1)}
    reach = Counter((m.tier, m.next_tier) for m in climbing if m.gap is None)
    closest = sorted(climbing, key=lambda m: (m.gap if m.gap is not None else 0,
                                              fold(m.name), m.code))[:TOP_CLOSEST]
    statuses: dict[str, Counter[str]] = {}
    unmet: dict[str, set[str]] = {}
    for m in members:  # one pass: a synthesis of all France has 37,000 members
        for theme, status in m.obligations:
            statuses.setdefault(theme, Counter())[status] += 1
            if named and status in ("unmet", "unknown"):
                unmet.setdefault(theme, set()).add(m.name or m.code)
    obligations = [(theme, tuple((s, statuses[theme][s]) for s in OBLIGATION_STATUSES),
                    tuple(sorted(unmet.get(theme, ()), key=fold)))
                   for theme in THEMES if theme in statuses]
    return Block(
        count=len(members), verdicts=_verdicts(members), tiers=_tiers(members, catalog),
        types=tuple(sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))),
        bands=tuple((b, bands[b], bands_ok[b]) for b in sorted(bands, key=_band_key)),
        domains=tuple(domains),
        missing=tuple((c, n, len(assessed)) for c, n in missing[:TOP_MISSING]),
        gaps=tuple(sorted(gaps.items())),
        reach=tuple((a, b, n) for (a, b), n in sorted(
            reach.items(), key=lambda kv: (ranks.get(kv[0][0], 0), ranks.get(kv[0][1], 0)))),
        closest=tuple(Closest(m.name or m.code if named else None, m.tier, m.next_tier, m.gap)
                      for m in closest),
        obligations=tuple(obligations),
        badge=(sum(1 for m in members if m.badge), sum(1 for m in members
                                                        if m.badge is not None)),
    )


def change(members: Sequence[Member], before: Sequence[Member], catalog: Catalog,
           before_catalog: Catalog | None = None) -> Change:
    """Counts then and now; members matched by code moved up, down or stayed."""
    old_catalog = before_catalog or catalog
    comparable = old_catalog.edition == catalog.edition
    ranks = {t.id: i + 1 for i, t in enumerate(catalog.tiers)}
    old = {m.code: m for m in before if m.code}
    now = {m.code: m for m in members if m.code}
    up = down = same = 0
    if comparable:
        for code, m in now.items():
            if code in old:
                # a tier counts where the tables count it: for an admitted verdict only
                a, b = (ranks.get(x.tier, 0) if x.verdict in ADMITTED else 0
                        for x in (old[code], m))
                up, down, same = up + (b > a), down + (b < a), same + (b == a)
    return Change(_verdicts(before), _tiers(before, old_catalog), comparable, up, down, same,
                  len(now.keys() - old.keys()), len(old.keys() - now.keys()), len(before))


def group_key(m: Member, level: str) -> tuple[str, str]:
    """(key, name) of the member's group at `level`; NO_GROUP when the input does not say."""
    if level == "epci":
        return (m.epci, m.epci_name) if m.epci else (NO_GROUP, "")
    if level == "departement":
        return m.departement or NO_GROUP, ""
    return m.region or NO_GROUP, ""


def synthesize(members: Sequence[Member], catalog: Catalog, level: str | None = None, *,
               named: bool = False, before: Sequence[Member] | None = None,
               before_catalog: Catalog | None = None,
               names: dict[str, dict[str, str]] | None = None) -> Synthesis:
    """The whole territory's block, then one per group at `level` (in code order, the
    members the input does not place last). `names`: level -> code -> name (COG)."""
    overall = block(members, catalog, named=named)
    if before is not None:
        overall = _with_change(overall, members, before, catalog, before_catalog)
    result = Synthesis(catalog.edition, level, overall, named=named,
                       detail="batch" if any(m.detail == "batch" for m in members) else "answers")
    if level is None:
        return result
    grouped: dict[str, list[Member]] = {}
    labels: dict[str, str] = {}
    for m in members:
        key, name = group_key(m, level)
        grouped.setdefault(key, []).append(m)
        if name:
            labels[key] = name
    old_grouped: dict[str, list[Member]] = {}
    for m in before or ():
        old_grouped.setdefault(group_key(m, level)[0], []).append(m)
    known = (names or {}).get(level, {})
    for key in sorted(grouped, key=lambda k: (k == NO_GROUP, k)):
        b = block(grouped[key], catalog, named=named)
        if before is not None:
            b = _with_change(b, grouped[key], old_grouped.get(key, []), catalog, before_catalog)
        result.groups.append(Group(key, labels.get(key) or known.get(key, ""), b))
    return result


def _with_change(b: Block, members: Sequence[Member], before: Sequence[Member],
                 catalog: Catalog, before_catalog: Catalog | None) -> Block:
    from dataclasses import replace

    return replace(b, change=change(members, before, catalog, before_catalog))


"""A comparison of two answers files (`core.compare.Comparison`) in words: the JSON data of
`tnl compare --format json` and the lines of its terminal view (plain text: the meaning is in
the words, never in a colour)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tnl_cli.i18n import pick, tr
from tnl_cli.report.wording import tier_name


def json_value(c: Any, value: Any) -> Any:
    if value is None:
        return None
    if c.type == "inventory":
        return [item.name for item in value]
    return value


def side_dict(side: Any, path: Path, lang: str) -> dict[str, Any]:
    a, catalog = side.assessment, side.catalog
    low, high = a.level_range
    return {
        "file": str(path),
        "edition": a.edition,
        "scheme": pick(catalog.scheme, lang),
        "verdict": a.verdict,
        "level": a.level,
        "level_name": tier_name(catalog, a.level, lang),
        "level_range": {"low": low, "high": high},
        "score": round(a.total_ratio, 4),
        "domains": [{"id": d.id, "name": pick(catalog.domain(d.id).name, lang),
                     "points": d.points, "possible": d.possible, "ratio": round(d.ratio, 4)}
                    for d in a.domains],
    }


def _score(d: Any) -> dict[str, Any] | None:
    if d is None:
        return None
    return {"points": d.points, "possible": d.possible, "ratio": round(d.ratio, 4)}


def _share(pair: tuple[int, int] | None) -> dict[str, Any] | None:
    if pair is None:
        return None
    free, total = pair
    return {"free": free, "total": total, "ratio": round(free / total, 4) if total else 0.0}


def to_dict(cmp: Any, old_path: Path, new_path: Path, lang: str) -> dict[str, Any]:
    """The machine-readable comparison (`--format json`)."""
    from tnl_cli.report.wording import use_domain_label

    catalog = cmp.new.catalog
    old = side_dict(cmp.old, old_path, lang)
    migrated = cmp.migrated.assessment
    low, high = migrated.level_range
    old["in_new_edition"] = None if cmp.same_edition else {
        "edition": migrated.edition, "verdict": migrated.verdict, "level": migrated.level,
        "level_range": {"low": low, "high": high}}
    return {
        "schema_version": "1",
        "old": old,
        "new": side_dict(cmp.new, new_path, lang),
        "same_collectivity": not cmp.identity_mismatch,
        "unchanged": cmp.unchanged,
        "changes": [{"id": ch.id, "question": pick(ch.criterion.question, lang),
                     "before": json_value(ch.criterion, ch.before),
                     "after": json_value(ch.criterion, ch.after), "effect": ch.effect}
                    for ch in cmp.changes],
        "domains": [{"id": d.id, "name": pick(catalog.domain(d.id).name, lang),
                     "before": _score(d.before), "after": _score(d.after)}
                    for d in cmp.domains],
        "inventory": {
            "added": [item.name for item in cmp.inventory.added],
            "removed": [item.name for item in cmp.inventory.removed],
            "share_free": [{"use": s.use, "label": use_domain_label(s.use, lang),
                            "before": _share(s.before), "after": _share(s.after)}
                           for s in cmp.inventory.shares],
        },
        "legal": [{"id": x.criterion.id, "question": pick(x.criterion.question, lang),
                   "basis": pick(x.criterion.legal, lang), "before": x.before,
                   "after": x.after} for x in cmp.legal],
    }


def _level(a: Any, catalog: Any, lang: str) -> str:
    """"Label Bronze (fourchette : Label Bronze à Label Or)": the tier, and its range while
    questions are left unanswered."""
    none = tr(lang, "compare.no_level")
    level = tier_name(catalog, a.level, lang) or none
    low, high = a.level_range
    if (low, high) != (a.level, a.level) and (low, high) != (None, None):
        level = tr(lang, "compare.range", level=level, low=tier_name(catalog, low, lang) or none,
                   high=tier_name(catalog, high, lang) or none)
    return level


def _level_text(a: Any, catalog: Any, lang: str) -> str:
    from tnl_cli.report.wording import verdict_text

    return tr(lang, "compare.level_line", edition=a.edition,
              verdict=verdict_text(a.verdict, lang).lower(), level=_level(a, catalog, lang))


def _points(d: Any, lang: str) -> str:
    from tnl_cli.report.wording import number_text

    if d is None:
        return tr(lang, "compare.absent")
    return tr(lang, "compare.points", percent=round(d.ratio * 100),
              points=number_text(d.points, lang), possible=number_text(d.possible, lang))


def text_lines(cmp: Any, old_path: Path, new_path: Path, lang: str) -> list[str]:
    """The terminal view, line by line (plain text: the meaning is in the words)."""
    from tnl_cli.report.wording import number_text, use_domain_label, value_text

    old_a, new_a = cmp.old.assessment, cmp.new.assessment
    name = cmp.new.answers.identity.nom or cmp.old.answers.identity.nom or tr(
        lang, "compare.unnamed")
    lines = [tr(lang, "compare.title", name=name, old=old_a.edition, new=new_a.edition),
             tr(lang, "compare.files", old_file=old_path, old=old_a.edition,
                new_file=new_path, new=new_a.edition)]
    if cmp.unchanged:
        return [*lines, "", tr(lang, "compare.unchanged")]

    lines += ["", tr(lang, "compare.level_title")]
    if not cmp.same_edition:
        for side in (cmp.old, cmp.new):
            lines.append("  " + tr(lang, "compare.scheme", edition=side.catalog.edition,
                                   scheme=pick(side.catalog.scheme, lang)))
    lines.append("  " + _level_text(old_a, cmp.old.catalog, lang))
    lines.append("  " + _level_text(new_a, cmp.new.catalog, lang))
    if not cmp.same_edition:
        from tnl_cli.report.wording import verdict_text

        m = cmp.migrated.assessment
        lines.append("  " + tr(lang, "compare.level_migrated", old=old_a.edition,
                               new=new_a.edition, verdict=verdict_text(m.verdict, lang).lower(),
                               level=_level(m, cmp.new.catalog, lang)))

    lines += ["", tr(lang, "compare.domains_title", edition=new_a.edition)]
    for d in cmp.domains:
        before = d.before.points if d.before else 0.0
        delta = d.after.points - before
        sign = "+" if delta > 0 else ("−" if delta < 0 else "±")
        lines.append("  " + tr(lang, "compare.domain_line",
                               name=pick(cmp.new.catalog.domain(d.id).name, lang),
                               before=_points(d.before, lang), after=_points(d.after, lang),
                               delta=tr(lang, "compare.delta_points_one" if abs(delta) == 1
                                        else "compare.delta_points", sign=sign,
                                        delta=number_text(abs(delta), lang))))

    for effect in ("gained", "lost", "changed", "answered", "new_criterion",
                   "removed_criterion"):
        changes = cmp.of(effect)
        if not changes:
            continue
        lines += ["", tr(lang, f"compare.effect_{effect}", count=len(changes),
                         new=new_a.edition)]
        for ch in changes:
            c = ch.criterion
            question = pick(c.question, lang)
            if effect == "new_criterion":
                line = tr(lang, "compare.new_line", question=question, id=c.id,
                          after=value_text(c, ch.after, lang),
                          met=tr(lang, "compare.new_met") if ch.met_after else "")
            elif effect == "removed_criterion":
                line = tr(lang, "compare.removed_line", question=question, id=c.id,
                          before=value_text(c, ch.before, lang))
            else:
                line = tr(lang, "compare.change_line", question=question, id=c.id,
                          before=value_text(c, ch.before, lang),
                          after=value_text(c, ch.after, lang))
            lines.append("  " + line)

    stock = cmp.inventory
    if stock.moved:
        lines += ["", tr(lang, "compare.inventory_title")]
        if stock.added:
            lines.append("  " + tr(lang, "compare.added",
                                   names=", ".join(i.name for i in stock.added)))
        if stock.removed:
            lines.append("  " + tr(lang, "compare.removed",
                                   names=", ".join(i.name for i in stock.removed)))
        for s in stock.shares:
            if s.before == s.after:
                continue
            share = [tr(lang, "compare.share", free=p[0], total=p[1]) if p else
                     tr(lang, "compare.share_none") for p in (s.before, s.after)]
            lines.append("  " + tr(lang, "compare.share_line", use=use_domain_label(s.use, lang),
                                   before=share[0], after=share[1]))

    if cmp.legal:
        lines += ["", tr(lang, "compare.legal_title")]
        for x in cmp.legal:
            lines.append("  " + tr(lang, "compare.legal_line",
                                   question=pick(x.criterion.question, lang),
                                   before=tr(lang, f"compare.status_{x.before}"),
                                   after=tr(lang, f"compare.status_{x.after}"),
                                   basis=pick(x.criterion.legal, lang)))
    return lines

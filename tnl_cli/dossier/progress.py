"""The candidacy's section "Nos progrès depuis {année}": what was newly achieved, as the
catalog's statements, and the figures that moved up. Never what was lost (`tnl compare` and
standard error tell that to the team)."""

from __future__ import annotations

from typing import Any

from tnl_cli.core.compare import Change, Comparison, Progress, Share, added_choices, progress
from tnl_cli.core.identity import Identity
from tnl_cli.dossier import candidacy
from tnl_cli.i18n import tr


def _item(key: str, parts: list[dict[str, Any]], end: str) -> dict[str, Any]:
    """A progress line, with the keys of a candidacy action so that every format shows it
    the way it shows the other statements."""
    return {"id": key, "statement": parts, "end": end, "text": None, "justification": None,
            "inline": False, "refs": None, "inventory": None}


def _statement(ch: Change, identity: Identity, lang: str, own: dict[str, list[str]],
               year: int) -> dict[str, Any] | None:
    c = ch.criterion
    if c.statement is None or c.type == "inventory":  # software: told below, by use
        return None
    parts, end = candidacy.statement(c, ch.after, identity, lang, own)
    note = None
    if ch.effect == "changed" and c.type == "number":
        note = tr(lang, "progress.was", value=candidacy.value_text(c, ch.before, lang, own),
                  year=year)
    elif ch.effect == "changed" and c.type == "choice":
        note = tr(lang, "progress.was_choice",
                  value=candidacy.value_text(c, ch.before, lang, own))
    elif ch.effect == "changed" and c.type == "multi":
        added = candidacy.value_text(c, added_choices(ch), lang, own)
        note = tr(lang, "progress.added", year=year, added=added)
    if note:
        parts = [*parts, {"text": note, "link": False}]
    return _item(c.id, parts, end)


def _share(s: Share, lang: str, year: int) -> dict[str, Any]:
    from tnl_cli.report.wording import percent_text, use_domain_label

    assert s.after is not None
    free, total = s.after

    def percent(pair: tuple[int, int]) -> str:
        return percent_text(round(pair[0] / pair[1] * 100), lang)

    common = {"use": use_domain_label(s.use, lang), "percent": percent(s.after), "free": free,
              "total": total, "year": year}
    text = (tr(lang, "progress.share", before=percent(s.before), **common) if s.before
            else tr(lang, "progress.share_new", **common))
    return _item(f"part-{s.use}", [{"text": text[:-1], "link": False}], text[-1])


# Uses of software whose share among the listed programs would contradict a figure the
# answers give on workstations ("100 % contre 50 %" beside a mixed suite on 60 % of posts).
_USES_WITH_FIGURES = {"bureautique": ("suite_bureautique", "part_postes_libreoffice"),
                      "systeme": ("part_postes_os_libre",)}


def items(p: Progress, identity: Identity, lang: str, own: dict[str, list[str]],
          answered: frozenset[str] = frozenset()) -> list[dict[str, Any]]:
    """The lines: steps taken (a criterion answered last year and not met then, met now;
    never one only unanswered last year or new in the edition), figures that rose, free
    software adopted, and shares of free software for uses no workstation figure covers."""
    steps = [ch for ch in p.achieved if ch.effect == "gained" and ch.before is not None]
    out = [x for ch in steps + list(p.improved)
           if (x := _statement(ch, identity, lang, own, p.year)) is not None]
    if p.software_added:
        names = candidacy.join([i.name for i in p.software_added], lang)
        text = tr(lang, "progress.software", year=p.year, names=names)
        out.append(_item("logiciels-adoptes", [{"text": text[:-1], "link": False}], text[-1]))
    out.extend(_share(s, lang, p.year) for s in p.shares
               if not answered.intersection(_USES_WITH_FIGURES.get(s.use, ())))
    return out


def section(cmp: Comparison, lang: str) -> dict[str, Any] | None:
    """The section's title, introduction and lines (for `candidacy.build`); None when nothing
    went forward."""
    from tnl_cli.report.wording import inventory

    p = progress(cmp)
    own = candidacy.own_software({"inventory": inventory(cmp.new.assessment, lang)})
    answered = frozenset(cid for cid, a in cmp.new.answers.responses.items()
                         if a.value is not None)
    lines = items(p, cmp.new.answers.identity, lang, own, answered)
    if not lines:
        return None
    return {"title": tr(lang, "progress.title", year=p.year),
            "intro": tr(lang, "progress.intro", year=p.year), "items": lines}

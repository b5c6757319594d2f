"""The synthesis as a view model: every text in the user's language, every figure as a table
and (where a picture helps) an SVG chart. The HTML, Markdown and ODT renderings all read
this one view, so they show the same content."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from tnl_cli import numbers
from tnl_cli.core.catalog import Catalog
from tnl_cli.dossier.text import clean
from tnl_cli.i18n import pick, tr
from tnl_cli.report.wording import number_text, percent_text
from tnl_cli.synthesis import charts
from tnl_cli.synthesis.aggregate import NO_GROUP, SCORE_BANDS, Block, Synthesis


class _Words:
    def __init__(self, catalog: Catalog, lang: str) -> None:
        self.catalog, self.lang = catalog, lang
        self.tiers = {t.id: pick(t.name, lang) for t in catalog.tiers}
        self.domains = {d.id: pick(d.name, lang) for d in catalog.domains}
        self.criteria = {c.id: pick(c.question, lang) for c in catalog.criteria}

    def t(self, key: str, **params: Any) -> str:
        return tr(self.lang, f"synthesis.{key}", **params)

    def n(self, value: int) -> str:
        return number_text(value, self.lang)

    def diff(self, value: int) -> str:
        """+3, −1 (a minus sign, not a hyphen), 0."""
        sign = "+" if value > 0 else "\u2212" if value < 0 else ""
        return sign + self.n(abs(value))

    def share(self, part: int, whole: int) -> str:
        return percent_text(round(100 * part / whole) if whole else 0, self.lang)

    def verdict(self, value: str) -> str:
        try:
            return tr(self.lang, f"synthesis.verdict_{value}")
        except KeyError:
            return value or self.t("unknown")

    def tier(self, value: str) -> str:
        return self.tiers.get(value, value) if value else self.t("no_tier")

    def kind(self, value: str) -> str:
        try:
            return tr(self.lang, f"identity.type_{value}") if value else self.t("unknown")
        except KeyError:
            return value

    def band(self, value: str) -> str:
        if not value:
            return self.t("unknown")
        low_text, _, high_text = value.partition("-")
        if value.endswith("+"):
            over = numbers.plain_int(value[:-1])
            return value if over is None else self.t("band_over", low=self.n(over))
        low, high = numbers.plain_int(low_text), numbers.plain_int(high_text)
        if low is None or high is None:  # a hand-edited or shifted batch output: as written
            return value
        if low == 0:
            return self.t("band_under", high=self.n(high + 1))
        return self.t("band_between", low=self.n(low), high=self.n(high))


_FIGURE = re.compile(r"^[+\u2212]?\d[\d\s\u202f,./%]*$")


def _figure(uid: str, title: str, headers: list[str], rows: list[list[str]],
            svg: str | None = None, sentences: list[str] | None = None,
            note: str | None = None) -> dict[str, Any]:
    """A figure: its table (`numeric`: the columns of figures, aligned right) and chart."""
    numeric = [k > 0 and all(_FIGURE.match(row[k]) for row in rows if k < len(row) and row[k])
               for k in range(len(headers))]
    return {"id": uid, "title": title, "headers": headers, "rows": rows, "svg": svg,
            "sentences": sentences or [], "note": note, "numeric": numeric}


def _counts(w: _Words, uid: str, title: str, items: list[tuple[str, int]], total: int,
            first: str) -> dict[str, Any]:
    rows = [[label, w.n(count), w.share(count, total)] for label, count in items]
    svg = charts.bars(uid, title, w.t("chart_desc", what=title.lower(), items="; ".join(
        f"{label} : {w.n(c)}" if w.lang == "fr" else f"{label}: {w.n(c)}" for label, c in items)),
        [(label, count, f"{w.n(count)} ({w.share(count, total)})") for label, count in items])
    return _figure(uid, title, [first, w.t("col_count"), w.t("col_share")], rows, svg)


def block_figures(w: _Words, b: Block, uid: str, detail: str) -> list[dict[str, Any]]:
    """The figures of one block, in reading order."""
    figures = [
        _counts(w, f"{uid}-verdicts", w.t("fig_verdicts"),
                [(w.verdict(v), n) for v, n in b.verdicts], b.count, w.t("col_verdict")),
    ]
    ranked = sum(n for _, n in b.tiers)
    if ranked:
        figures.append(_counts(w, f"{uid}-tiers", w.t("fig_tiers"),
                               [(w.tier(t), n) for t, n in b.tiers], ranked, w.t("col_tier")))
        granted, known = b.badge
        if known and w.catalog.badge is not None:
            figures[-1]["sentences"].append(w.t(
                "badge_sentence", badge=pick(w.catalog.badge.name, w.lang), n=w.n(granted),
                known=w.n(known)))
    figures.append(_counts(w, f"{uid}-types", w.t("fig_types"),
                           [(w.kind(k), n) for k, n in b.types], b.count, w.t("col_type")))
    band_rows = [[w.band(band), w.n(n), w.n(ok), w.share(ok, n)] for band, n, ok in b.bands]
    figures.append(_figure(
        f"{uid}-bands", w.t("fig_bands"),
        [w.t("col_band"), w.t("col_count"), w.t("col_eligible"), w.t("col_eligible_share")],
        band_rows, charts.bars(f"{uid}-bands", w.t("fig_bands"), w.t("desc_bands"), [
            (w.band(band), n, f"{w.n(n)} ({w.t('eligible_short', n=w.n(ok))})")
            for band, n, ok in b.bands])))
    parts = [f"{low}–{high}\u202f%" if w.lang == "fr" else f"{low}–{high}%"
             for low, high in SCORE_BANDS]
    scored = [(w.domains[d], counts) for d, counts, total in b.domains if total]
    if scored:
        figures.append(_figure(
            f"{uid}-domains", w.t("fig_domains"), [w.t("col_domain"), *parts],
            [[name, *(w.n(c) for c in counts)] for name, counts in scored],
            charts.stacked(f"{uid}-domains", w.t("fig_domains"), w.t("desc_domains"),
                           scored, parts)))
    if b.missing:
        sentences = [w.t("pooling_sentence", n=w.n(n), total=w.n(of),
                         what=w.criteria.get(c, c)) for c, n, of in b.missing[:3]]
        figures.append(_figure(
            f"{uid}-missing", w.t("fig_missing"),
            [w.t("col_criterion"), w.t("col_missing"), w.t("col_share")],
            [[w.criteria.get(c, c), f"{w.n(n)} / {w.n(of)}", w.share(n, of)]
             for c, n, of in b.missing],
            charts.bars(f"{uid}-missing", w.t("fig_missing"), w.t("desc_missing"),
                        [(w.criteria.get(c, c), n, f"{w.n(n)} / {w.n(of)}")
                         for c, n, of in b.missing]),
            sentences, w.t("note_missing_batch") if detail == "batch" else None))
    if b.gaps:
        figures.append(_figure(
            f"{uid}-gaps", w.t("fig_gaps"), [w.t("col_gap_steps"), w.t("col_count")],
            [[w.n(gap), w.n(n)] for gap, n in b.gaps],
            charts.bars(f"{uid}-gaps", w.t("fig_gaps"), w.t("desc_gaps"),
                        [(w.t("gap_label", n=w.n(gap)), n, w.n(n)) for gap, n in b.gaps]),
            [w.t("explain_gap_steps")]))
    if b.reach:
        figures.append(_figure(
            f"{uid}-reach", w.t("fig_reach"),
            [w.t("col_tier"), w.t("col_within_reach"), w.t("col_count")],
            [[w.tier(a), w.tier(b_), w.n(n)] for a, b_, n in b.reach], None,
            [w.t("explain_reach")]))
    if any(c.name is not None for c in b.closest):
        with_steps = any(c.gap is not None for c in b.closest)
        figures.append(_figure(
            f"{uid}-closest", w.t("fig_closest"),
            [w.t("col_name"), w.t("col_tier"),
             w.t("col_next_tier" if with_steps else "col_within_reach"),
             *([w.t("col_gap_steps")] if with_steps else [])],
            [[c.name or "", w.tier(c.tier), w.tier(c.next_tier),
              *([w.n(c.gap) if c.gap is not None else ""] if with_steps else [])]
             for c in b.closest]))
    if b.obligations:
        statuses = ("unmet", "unknown", "met", "not_obliged")
        rows = [[w.t(f"theme_{theme}"), *(w.n(dict(counts).get(s, 0)) for s in statuses)]
                for theme, counts, _ in b.obligations]
        names = [w.t("obliged_names", theme=w.t(f"theme_{theme}"), names=", ".join(found))
                 for theme, _, found in b.obligations if found]
        figures.append(_figure(
            f"{uid}-obligations", w.t("fig_obligations"),
            [w.t("col_theme"), *(w.t(f"status_{s}") for s in statuses)], rows, None, names,
            w.t("note_obligations_batch") if detail == "batch" else None))
    if b.change is not None:
        c = b.change
        before = dict(c.before_verdicts)
        now = dict(b.verdicts)
        keys = list(dict.fromkeys([*before, *now]))
        rows = [[w.verdict(v), w.n(before.get(v, 0)), w.n(now.get(v, 0)),
                 w.diff(now.get(v, 0) - before.get(v, 0))] for v in keys]
        if c.comparable_tiers:
            old_tiers, new_tiers = dict(c.before_tiers), dict(b.tiers)
            rows += [[w.tier(t), w.n(old_tiers.get(t, 0)), w.n(new_tiers.get(t, 0)),
                      w.diff(new_tiers.get(t, 0) - old_tiers.get(t, 0))]
                     for t in dict.fromkeys([*old_tiers, *new_tiers])]
        sentences = [w.t("change_sentence", up=w.n(c.up), down=w.n(c.down), same=w.n(c.same),
                         new=w.n(c.new), gone=w.n(c.gone))] if c.comparable_tiers else \
            [w.t("change_other_edition", new=w.n(c.new), gone=w.n(c.gone))]
        figures.append(_figure(f"{uid}-change", w.t("fig_change"),
                               ["", w.t("col_before"), w.t("col_now"), w.t("col_diff")],
                               rows, None, sentences))
    return figures


def build(s: Synthesis, catalog: Catalog, lang: str, *, tool_version: str,
          today: dt.date, names: dict[str, dict[str, str]], sources: list[str],
          problems: int = 0) -> tuple[dict[str, Any], Iterator[dict[str, Any]]]:
    """The view every rendering reads: its head (title, notes, table of contents) and its
    sections, made one at a time as the rendering asks (a thousand groups' charts are never
    all in memory at once)."""
    w = _Words(catalog, lang)
    level_names = names.get(s.level or "", {})
    blocks = [("s0", w.t("overall"), s.overall)]
    for k, g in enumerate(s.groups, 1):
        if g.key == NO_GROUP:
            title = w.t("group_none")
        else:
            name = g.name or level_names.get(g.key, "")
            title = w.t(f"group_{s.level}", code=g.key, name=name) if name else g.key
        blocks.append((f"s{k}", title, g.block))
    notes = [w.t("note_estimate")]
    if not s.named:
        notes.append(w.t("note_no_ranking"))
    if problems:
        notes.append(w.t("note_left_out", n=w.n(problems)))
    head = _cleaned({
        "lang": lang,
        "title": w.t("title"),
        "subtitle": w.t(f"subtitle_{s.level}" if s.level else "subtitle", edition=s.edition),
        "sources": sources,
        "sources_label": w.t("sources"),
        "notes": notes,
        "contents": w.t("contents"),
        "toc": [{"id": uid, "title": title} for uid, title, _ in blocks],
        "table_caption": w.t("table_caption"),
        "generated": w.t("generated", version=tool_version, date=today.isoformat()),
    })

    def sections() -> Iterator[dict[str, Any]]:
        for uid, title, b in blocks:
            yield _cleaned({"id": uid, "title": title, "lead": w.t("lead", count=w.n(b.count)),
                            "figures": block_figures(w, b, uid, s.detail)})

    return head, sections()


def _cleaned(value: Any, key: str = "") -> Any:
    """Every text of the view without control characters or bidi overrides (names come from
    input; XML refuses controls); the charts were cleaned as they were drawn."""
    if isinstance(value, str):
        return value if key == "svg" else clean(value)
    if isinstance(value, dict):
        return {k: _cleaned(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_cleaned(v) for v in value]
    return value

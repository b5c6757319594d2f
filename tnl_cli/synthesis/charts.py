"""Charts as SVG text, drawn by hand: no script, no colour that carries meaning alone.

Every bar is labelled with its category and its value; stacked bars fill each part with a
pattern of its own (repeated in the legend), so the chart reads in black and white and on a
printer. `<title>` and `<desc>` give the text alternative; the caller puts the same figures in
a table beside the chart. Every text is cleaned (controls, bidi overrides) and escaped.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import escape

from tnl_cli.dossier.text import clean

WIDTH = 640
_BAR = 22
_GAP = 8
_LABEL = 262  # width kept for the category labels (_SHORT characters of 13 px text)
_SHORT = 36
_FONT = "font-family=\"Liberation Sans, Arial, sans-serif\" font-size=\"13\""
_INK = "#1e1e1e"
_FILL = "#2a5d8a"
# Patterns of stacked parts: solid, diagonal hatching, dots, cross-hatching, horizontal lines.
_PATTERNS = (
    '<pattern id="{p}0" width="6" height="6" patternUnits="userSpaceOnUse">'
    '<rect width="6" height="6" fill="#2a5d8a"/></pattern>',
    '<pattern id="{p}1" width="6" height="6" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>'
    '<line x1="0" y1="0" x2="0" y2="6" stroke="#2a5d8a" stroke-width="3"/></pattern>',
    '<pattern id="{p}2" width="6" height="6" patternUnits="userSpaceOnUse">'
    '<rect width="6" height="6" fill="#ffffff"/><circle cx="3" cy="3" r="1.6" '
    'fill="#1e1e1e"/></pattern>',
    '<pattern id="{p}3" width="8" height="8" patternUnits="userSpaceOnUse">'
    '<rect width="8" height="8" fill="#dfe8f1"/><path d="M0 0L8 8M8 0L0 8" '
    'stroke="#1e1e1e" stroke-width="1"/></pattern>',
    '<pattern id="{p}4" width="6" height="6" patternUnits="userSpaceOnUse">'
    '<rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="3" x2="6" y2="3" '
    'stroke="#1e1e1e" stroke-width="1.5"/></pattern>',
)


def _text(value: object) -> str:
    return str(escape(clean(str(value))))


def _short(label: str, limit: int = _SHORT) -> str:
    label = " ".join(clean(label).split())
    return label if len(label) <= limit else label[:limit - 1] + "…"


def _frame(uid: str, height: int, title: str, desc: str, body: str, defs: str = "") -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{WIDTH}" '
            f'height="{height}" viewBox="0 0 {WIDTH} {height}" '
            f'aria-labelledby="{uid}-t {uid}-d">'
            f'<title id="{uid}-t">{_text(title)}</title><desc id="{uid}-d">{_text(desc)}</desc>'
            f"{f'<defs>{defs}</defs>' if defs else ''}"
            f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>{body}</svg>')


def bars(uid: str, title: str, desc: str, items: Sequence[tuple[str, int, str]]) -> str:
    """Horizontal bars: (label, value, value text) each, lengths relative to the largest."""
    top = max((value for _, value, _ in items), default=0) or 1
    room = WIDTH - _LABEL - 12 - 7 * max((len(shown) for _, _, shown in items), default=0)
    parts = []
    for k, (label, value, shown) in enumerate(items):
        y = _GAP + k * (_BAR + _GAP)
        length = round(room * value / top)
        parts.append(
            f'<text x="{_LABEL - 8}" y="{y + _BAR * 0.7:.0f}" text-anchor="end" fill="{_INK}" '
            f'{_FONT}>{_text(_short(label))}</text>'
            f'<rect x="{_LABEL}" y="{y}" width="{max(length, 1)}" height="{_BAR}" '
            f'fill="{_FILL}" stroke="{_INK}" stroke-width="0.5"/>'
            f'<text x="{_LABEL + max(length, 1) + 6}" y="{y + _BAR * 0.7:.0f}" fill="{_INK}" '
            f'{_FONT}>{_text(shown)}</text>')
    height = _GAP + len(items) * (_BAR + _GAP) + _GAP
    return _frame(uid, height, title, desc, "".join(parts))


def stacked(uid: str, title: str, desc: str, rows: Sequence[tuple[str, Sequence[int]]],
            parts: Sequence[str]) -> str:
    """One bar per row split into `parts` (each with its pattern, named in the legend); a
    part wide enough shows its count inside a white label, so no count depends on the
    pattern."""
    room = WIDTH - _LABEL - 20
    legend_h = 26
    defs = "".join(p.format(p=f"{uid}-p") for p in _PATTERNS[:len(parts)])
    out = []
    x = 10
    for k, name in enumerate(parts):  # the legend first: which pattern is which part
        out.append(f'<rect x="{x}" y="6" width="16" height="14" fill="url(#{uid}-p{k})" '
                   f'stroke="{_INK}" stroke-width="0.5"/><text x="{x + 21}" y="18" '
                   f'fill="{_INK}" {_FONT}>{_text(name)}</text>')
        x += 26 + 8 * len(name) + 12
    for k, (label, counts) in enumerate(rows):
        y = legend_h + _GAP + k * (_BAR + _GAP)
        total = sum(counts) or 1
        out.append(f'<text x="{_LABEL - 8}" y="{y + _BAR * 0.7:.0f}" text-anchor="end" '
                   f'fill="{_INK}" {_FONT}>{_text(_short(label))}</text>')
        start = float(_LABEL)
        for j, count in enumerate(counts):
            width = room * count / total
            if width <= 0:
                continue
            out.append(f'<rect x="{start:.1f}" y="{y}" width="{width:.1f}" height="{_BAR}" '
                       f'fill="url(#{uid}-p{j})" stroke="{_INK}" stroke-width="0.5"/>')
            if width >= 26:
                cx = start + width / 2
                out.append(f'<rect x="{cx - 12:.1f}" y="{y + 4}" width="24" height="{_BAR - 8}" '
                           f'fill="#ffffff" stroke="{_INK}" stroke-width="0.3"/>'
                           f'<text x="{cx:.1f}" y="{y + _BAR * 0.7:.0f}" text-anchor="middle" '
                           f'fill="{_INK}" font-family="Liberation Sans, Arial, sans-serif" '
                           f'font-size="11">{count}</text>')
            start += width
    height = legend_h + _GAP + len(rows) * (_BAR + _GAP) + _GAP
    return _frame(uid, height, title, desc, "".join(out), defs)

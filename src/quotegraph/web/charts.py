"""Small server-side SVG charts, so pages draw without any chart library or script.

Every label is escaped; the SVG uses presentation attributes and CSS classes only (no inline
``style``), which keeps it within the UI's strict Content-Security-Policy.
"""

from __future__ import annotations

from datetime import date

from markupsafe import Markup, escape

__all__ = ["fill_months", "timeline_svg"]


def _month_index(period: str) -> int | None:
    try:
        y, m = period[:7].split("-")
        return int(y) * 12 + int(m) - 1
    except ValueError:
        return None


def fill_months(points: list[dict]) -> list[dict]:
    """Return ``[{"period": "YYYY-MM", "count": n}]`` with the empty months in between filled.

    Points whose period is not a month (``YYYY-MM``) are kept as they are, in order.
    """
    counts: dict[int, int] = {}
    for p in points:
        idx = _month_index(str(p.get("period", "")))
        if idx is None or len(str(p.get("period"))) != 7:
            return [dict(p) for p in points]
        counts[idx] = counts.get(idx, 0) + int(p.get("count") or 0)
    if not counts:
        return []
    lo, hi = min(counts), max(counts)
    if hi - lo > 600:  # fifty years of empty bars help nobody; keep what was given
        return [{"period": f"{i // 12:04d}-{i % 12 + 1:02d}", "count": counts[i]} for i in sorted(counts)]
    return [
        {"period": f"{i // 12:04d}-{i % 12 + 1:02d}", "count": counts.get(i, 0)}
        for i in range(lo, hi + 1)
    ]


MIN_MONTHS = 6


def _pad(points: list[dict], n: int) -> list[dict]:
    """Widen a short monthly series to ``n`` months with zeros around it: one lone bar
    the width of the chart reads as "a lot", not as "one month"."""
    idx = [_month_index(str(p.get("period", ""))) for p in points]
    if not points or len(points) >= n or any(i is None for i in idx):
        return points
    lo = idx[0] - (n - len(points)) // 2
    counts = dict(zip(idx, (p.get("count", 0) for p in points)))
    return [{"period": f"{i // 12:04d}-{i % 12 + 1:02d}", "count": counts.get(i, 0)}
            for i in range(lo, lo + n)]


def _label(period: str) -> str:
    if len(period) == 7:
        try:
            return date(int(period[:4]), int(period[5:7]), 1).strftime("%b %Y")
        except ValueError:
            return period
    return period


def timeline_svg(
    points: list[dict], *, width: int = 640, height: int = 180, title: str = "Statements per month"
) -> Markup:
    """A bar chart of ``[{"period", "count"}]`` as inline SVG; each bar has a tooltip.

    Returns an empty-state paragraph when there is nothing to draw.
    """
    points = _pad(fill_months(points), MIN_MONTHS)
    if not points:
        return Markup('<p class="empty">No dated statements.</p>')
    pad_l, pad_r, pad_t, pad_b = 34, 8, 10, 26
    plot_w, plot_h = width - pad_l - pad_r, height - pad_t - pad_b
    top = max(int(p.get("count") or 0) for p in points) or 1
    n = len(points)
    slot = plot_w / n
    bar_w = max(min(slot * 0.8, 48), 1)
    out = [
        f'<svg class="chart timeline" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
        f'<line class="axis" x1="{pad_l}" y1="{pad_t + plot_h}" x2="{width - pad_r}" '
        f'y2="{pad_t + plot_h}"/>',
        f'<text class="tick" x="{pad_l - 6}" y="{pad_t + 4}" text-anchor="end">{top}</text>',
        f'<text class="tick" x="{pad_l - 6}" y="{pad_t + plot_h}" text-anchor="end">0</text>',
    ]
    label_every = max(1, -(-n // 8))
    for i, p in enumerate(points):
        count = int(p.get("count") or 0)
        h = plot_h * count / top
        x = pad_l + i * slot + (slot - bar_w) / 2
        y = pad_t + plot_h - h
        period = str(p.get("period", ""))
        tip = f"{_label(period)}: {count} statement{'s' if count != 1 else ''}"
        out.append(
            f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
            f'data-period="{escape(period)}" data-count="{count}"><title>{escape(tip)}</title></rect>'
        )
        if i % label_every == 0:
            out.append(
                f'<text class="tick" x="{x + bar_w / 2:.1f}" y="{height - 8}" '
                f'text-anchor="middle">{escape(_label(period))}</text>'
            )
    out.append("</svg>")
    return Markup("".join(out))


def bar_svg(value: float, top: float) -> Markup:
    """A one-row horizontal bar (``value`` out of ``top``) for count columns in tables."""
    pct = 0.0 if not top else max(0.0, min(100.0, 100.0 * float(value) / float(top)))
    return Markup(
        '<svg class="hbar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">'
        f'<rect class="track" width="100" height="8"/><rect class="fill" width="{pct:.1f}" height="8"/></svg>'
    )

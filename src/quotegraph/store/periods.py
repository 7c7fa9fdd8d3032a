"""Calendar periods for timelines, computed in Python so both backends agree exactly.

Days are grouped in SQL (``published`` is an ISO date string everywhere); weeks and months
are folded here: ``2023-08-19`` -> ``2023-W33`` (ISO week) or ``2023-08``.
"""

from __future__ import annotations

from datetime import date, timedelta

INTERVALS = ("day", "week", "month")


def period_of(day: str, interval: str) -> str:
    """The period label of ISO date ``day`` for ``interval``."""
    if interval == "month":
        return day[:7]
    if interval == "day":
        return day[:10]
    try:
        y, w, _ = date.fromisoformat(day[:10]).isocalendar()
    except ValueError:
        return day[:10]
    return f"{y}-W{w:02d}"


def _start(period: str, interval: str) -> date:
    if interval == "month":
        return date(int(period[:4]), int(period[5:7]), 1)
    if interval == "week":
        return date.fromisocalendar(int(period[:4]), int(period[6:8]), 1)
    return date.fromisoformat(period)


def _next(d: date, interval: str) -> date:
    if interval == "month":
        return date(d.year + d.month // 12, d.month % 12 + 1, 1)
    return d + timedelta(days=7 if interval == "week" else 1)


def fill_series(counts: dict[str, int], interval: str, *,
                bounds: tuple[str, str] | None = None) -> list[dict[str, object]]:
    """``[{"period", "count"}]`` in order from the first to the last period, gaps as 0.

    ``bounds`` (first, last period) lets several series share one x axis. Labels that are
    not valid periods (a malformed stored date) are kept, unfilled, at the end.
    """
    if not counts and bounds is None:
        return []
    valid: dict[str, int] = {}
    odd: dict[str, int] = {}
    for k, v in counts.items():
        try:
            _start(k, interval)
            valid[k] = v
        except ValueError:
            odd[k] = v
    lo, hi = bounds if bounds else (min(valid, default=None), max(valid, default=None))
    points: list[dict[str, object]] = []
    if lo is not None and hi is not None:
        try:
            d, end = _start(lo, interval), _start(hi, interval)
        except ValueError:
            d, end = None, None
        while d is not None and end is not None and d <= end:
            label = period_of(d.isoformat(), interval)
            points.append({"period": label, "count": valid.get(label, 0)})
            d = _next(d, interval)
    seen = {p["period"] for p in points}
    points.extend({"period": k, "count": v} for k, v in sorted(valid.items()) if k not in seen)
    points.extend({"period": k, "count": v} for k, v in sorted(odd.items()))
    return points

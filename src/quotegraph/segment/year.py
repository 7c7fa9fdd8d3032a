"""The year of a dateline that gives only day and month, from the text's own evidence.

Wire datelines ("MOSCOW, December 10. /TASS/.") carry no year. Two kinds of evidence in the
text fix it: the weekday the lede names ("said on Saturday") must fall on that day and month,
and the year must lie near the years the text names ("in January-October 2022"). The year is
inferred only when that evidence agrees on exactly one year; two different weekdays in the
lede, no year named at all, or no candidate left all give no year rather than a guess.

A text that names no year may still be fixed by who speaks in it: the year must be one in
which every speaker the knowledge base knows held an office (``infer_year_from_offices``), and
the lede's weekday must again leave exactly one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from quotegraph.segment.dates import WEEKDAYS

__all__ = ["YearEvidence", "infer_year", "infer_year_from_offices", "lede_weekdays", "text_years"]

# Years the text names: four digits from 1900 to 2099, not part of a longer number or an id
# ("2022-12", "1,2022", "#2022" stay out only when digits or word characters touch them).
_YEAR = re.compile(r"(?<![\w.,/-])(?:19|20)\d\d(?![\w/]|[.,]\d)")
_WEEKDAY = re.compile(r"\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
# "near the text's own years": a story in December cites this year's figures, and in
# January last year's; a year further off is history, not the story's year.
_NEAR = 1
_LEDE_MAX = 600  # the lede is the first paragraph, at most this many characters


@dataclass(frozen=True)
class YearEvidence:
    """What fixed the year: the date, the weekday word and the years the text names."""

    date: date
    weekday: str
    years: tuple[int, ...]
    how: str = "dateline+weekday+text-years"  # the ``published_source`` value


def lede_weekdays(text: str, body_start: int) -> set[str]:
    """The weekday names (``"saturday"``) in the first paragraph of the body."""
    end = text.find("\n", body_start)
    end = min(len(text) if end < 0 else end, body_start + _LEDE_MAX)
    return {m.group().lower() for m in _WEEKDAY.finditer(text, body_start, end)}


def text_years(text: str) -> tuple[int, ...]:
    """The distinct years named anywhere in ``text``, ascending."""
    return tuple(sorted({int(m.group()) for m in _YEAR.finditer(text)}))


def infer_year(text: str, *, body_start: int, month: int, day: int) -> YearEvidence | None:
    """The dateline's full date when the lede's weekday and the text's years agree on one year.

    Candidates are the years named in the text, each widened by one on either side; of those,
    the ones where ``day``/``month`` falls on the lede's weekday survive. Exactly one must.
    ``None`` when the lede names no weekday or more than one, the text names no year, or zero
    or several candidate years fit.
    """
    weekday = _one_weekday(text, body_start)
    years = text_years(text)
    if weekday is None or not years:
        return None
    candidates = {y + k for y in years for k in range(-_NEAR, _NEAR + 1)}
    d = _only_fit(candidates, month, day, weekday)
    return YearEvidence(date=d, weekday=weekday, years=years) if d else None


def infer_year_from_offices(text: str, *, body_start: int, month: int, day: int,
                            holds_office: Callable[[date], bool], years: range) -> YearEvidence | None:
    """Like :func:`infer_year` for a text that names no year: the candidates are the years in
    ``years`` in which every speaker the knowledge base knows held an office on that day
    (``holds_office``), and of those exactly one must put the day on the lede's weekday.
    """
    weekday = _one_weekday(text, body_start)
    if weekday is None:
        return None
    held = set()
    for y in years:
        try:
            if holds_office(date(y, month, day)):
                held.add(y)
        except ValueError:
            continue
    d = _only_fit(held, month, day, weekday)
    if d is None:
        return None
    return YearEvidence(date=d, weekday=weekday, years=(), how="dateline+weekday+speaker-offices")


def _one_weekday(text: str, body_start: int) -> str | None:
    weekdays = lede_weekdays(text, body_start)
    return next(iter(weekdays)) if len(weekdays) == 1 else None


def _only_fit(years: set[int], month: int, day: int, weekday: str) -> date | None:
    target = WEEKDAYS[weekday]
    fits = []
    for y in sorted(years):
        try:
            d = date(y, month, day)
        except ValueError:
            continue  # 29 February outside a leap year
        if d.weekday() == target:
            fits.append(d)
    return fits[0] if len(fits) == 1 else None

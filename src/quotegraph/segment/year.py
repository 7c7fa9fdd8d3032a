"""The year of a dateline that gives only day and month, from the text's own evidence.

Wire datelines ("MOSCOW, December 10. /TASS/.") carry no year. Two kinds of evidence in the
text fix it: the weekday the lede names ("said on Saturday") must fall on that day and month,
and the year must lie near the years the text names ("in January-October 2022"). The year is
inferred only when that evidence agrees on exactly one year; two different weekdays in the
lede, no year named at all, or no candidate left all give no year rather than a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from quotegraph.segment.dates import WEEKDAYS

__all__ = ["YearEvidence", "infer_year", "lede_weekdays", "text_years"]

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

    @property
    def how(self) -> str:
        """The ``published_source`` value: ``dateline+weekday+text-years``."""
        return "dateline+weekday+text-years"


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
    weekdays = lede_weekdays(text, body_start)
    if len(weekdays) != 1:
        return None
    years = text_years(text)
    if not years:
        return None
    (weekday,) = weekdays
    target = WEEKDAYS[weekday]
    candidates = {y + k for y in years for k in range(-_NEAR, _NEAR + 1)}
    fits = []
    for y in sorted(candidates):
        try:
            d = date(y, month, day)
        except ValueError:
            continue  # 29 February outside a leap year
        if d.weekday() == target:
            fits.append(d)
    if len(fits) != 1:
        return None
    return YearEvidence(date=fits[0], weekday=weekday, years=years)

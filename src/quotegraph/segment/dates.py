"""Dates as news copy writes them: full dates in fields and date lines, and day references.

``parse_date`` turns the full dates that containers and page furniture carry (``2023-08-19``,
``2023-08-19T10:00:00Z``, ``19 August 2023``, ``Aug 19, 2023``, ``Sat, 19 Aug 2023 10:00 +0000``)
into ISO ``YYYY-MM-DD``. ``resolve_relative_day`` and ``find_day_reference`` handle the day
phrases of attribution clauses ("told a briefing on Wednesday") against the publication date.

All dates are calendar dates as written: a time zone offset never shifts the day, because the
text's own day is what a reader of the article saw.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

__all__ = [
    "MONTHS",
    "WEEKDAYS",
    "closest_date",
    "day_number",
    "find_day_reference",
    "month_number",
    "parse_date",
    "resolve_relative_day",
]

MONTHS: dict[str, int] = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10,
    "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
}  # fmt: skip

# Regex pieces shared with segment.metadata (datelines). A month may carry a trailing dot
# ("Aug. 19"); a day may carry an ordinal suffix ("March 3rd").
MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?"
)
DAY_RE = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?\b"
YEAR_RE = r"(?:19|20)\d\d\b"

_WEEKDAY_RE = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_PART_OF_DAY_RE = r"(?:\s+(?:morning|afternoon|evening|night))?"

_DIGITS = re.compile(r"\d+")

# Full dates. Only the leading date of the string counts; a time and zone may follow.
_ISO = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])")
_SLASHED = re.compile(r"\s*(\d{4})/(\d{1,2})/(\d{1,2})(?![\d])")
_DOTTED = re.compile(r"\s*(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d])")  # day-first, as in Europe
_WEEKDAY_PREFIX = r"\s*(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
_DAY_MONTH_YEAR = re.compile(
    _WEEKDAY_PREFIX + rf"({DAY_RE})\s+({MONTH_RE}),?\s+({YEAR_RE})", re.IGNORECASE
)
_MONTH_DAY_YEAR = re.compile(
    _WEEKDAY_PREFIX + rf"({MONTH_RE})\s+({DAY_RE}),?\s+({YEAR_RE})", re.IGNORECASE
)

_DAY_REFERENCE = re.compile(
    r"\b(?:"
    rf"(?:(?:on|last|this|early|late|earlier|later)\s+(?:on\s+)?)?{_WEEKDAY_RE}{_PART_OF_DAY_RE}"
    r"|(?:on\s+)?(?:the\s+day\s+before\s+)?yesterday" + _PART_OF_DAY_RE +
    r"|(?:earlier\s+|later\s+)?today(?![’']s)"
    r"|this\s+(?:morning|afternoon|evening)"
    rf"|(?:on\s+)?{MONTH_RE}\s+{DAY_RE}(?:,?\s+{YEAR_RE})?"
    rf"|(?:on\s+)?{DAY_RE}\s+{MONTH_RE}(?:\s+{YEAR_RE})?"
    r")",
    re.IGNORECASE,
)
_PHRASE_WEEKDAY = re.compile(rf"\b(last\s+)?({_WEEKDAY_RE})\b", re.IGNORECASE)
_PHRASE_MONTH_DAY = re.compile(
    rf"\b(?:({MONTH_RE})\s+({DAY_RE})|({DAY_RE})\s+({MONTH_RE}))(?:,?\s+({YEAR_RE}))?",
    re.IGNORECASE,
)
_PHRASE_YESTERDAY = re.compile(r"\b(the\s+day\s+before\s+)?yesterday\b", re.IGNORECASE)
_PHRASE_TODAY = re.compile(r"\b(?:today|this\s+(?:morning|afternoon|evening))\b", re.IGNORECASE)

# A day-month phrase may name a date a little after the publication date only because the
# publication date came from a clock in another time zone; beyond that, it is last year's.
_FUTURE_SLACK = timedelta(days=2)


def month_number(name: str) -> int | None:
    """``"Aug."`` / ``"august"`` -> 8; ``None`` for anything else."""
    return MONTHS.get(name.rstrip(".").lower())


def day_number(text: str) -> int:
    """``"3rd"`` -> 3 (the leading digits of a day as matched by ``DAY_RE``)."""
    return int(_DIGITS.match(text).group())  # type: ignore[union-attr]


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_date(value: str) -> str | None:
    """The ISO ``YYYY-MM-DD`` of a full date written at the start of ``value``, else ``None``.

    Accepts ISO dates and timestamps (``2023-08-19T10:00:00Z``), ``2023/08/19``, day-first
    ``19.08.2023``, ``19 August 2023``, ``Aug 19, 2023`` and RFC 2822 (``Sat, 19 Aug 2023``),
    with anything after the date (a time, a zone) ignored. Impossible dates give ``None``.
    """
    if not value:
        return None
    for pattern, order in ((_ISO, "ymd"), (_SLASHED, "ymd"), (_DOTTED, "dmy")):
        m = pattern.match(value)
        if m:
            a, b, c = (int(g) for g in m.groups())
            d = _make(a, b, c) if order == "ymd" else _make(c, b, a)
            return d.isoformat() if d else None
    m = _DAY_MONTH_YEAR.match(value)
    if m:
        d = _make(int(m.group(3)), month_number(m.group(2)) or 0, day_number(m.group(1)))
        return d.isoformat() if d else None
    m = _MONTH_DAY_YEAR.match(value)
    if m:
        d = _make(int(m.group(3)), month_number(m.group(1)) or 0, day_number(m.group(2)))
        return d.isoformat() if d else None
    return None


def closest_date(month: int, day: int, near: date) -> date | None:
    """The date with this month and day that lies closest to ``near`` (its year, or next to it).

    Datelines give day and month only; the year comes from other evidence. Picking the
    closest candidate keeps ``January 1`` next to a ``2022-12-31`` date line in 2023.
    """
    candidates = [d for y in (near.year - 1, near.year, near.year + 1) if (d := _make(y, month, day))]
    if not candidates:
        return None
    return min(candidates, key=lambda d: abs((d - near).days))


def resolve_relative_day(phrase: str, published: str) -> str | None:
    """The ISO date a day phrase ("on Saturday", "yesterday", "on 3 March") means.

    ``published`` is the article's ISO date. Weekday names mean the most recent such day on or
    before it (the same weekday is that day itself); ``last Friday`` is strictly before it.
    A day and month without a year mean the latest such date not after publication (allowing
    two days' slack for time zones). ``None`` when the phrase is not a day reference or
    ``published`` is not an ISO date.
    """
    try:
        pub = date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None
    if pub is None or not phrase:
        return None
    m = _PHRASE_MONTH_DAY.search(phrase)
    if m:
        month = month_number(m.group(1) or m.group(4))
        day = day_number(m.group(2) or m.group(3))
        if m.group(5):
            d = _make(int(m.group(5)), month or 0, day)
        else:
            d = _latest_not_after(month or 0, day, pub + _FUTURE_SLACK)
        return d.isoformat() if d else None
    m = _PHRASE_WEEKDAY.search(phrase)
    if m:
        target = WEEKDAYS[m.group(2).lower()]
        back = (pub.weekday() - target) % 7
        if m.group(1) and back == 0:
            back = 7
        return (pub - timedelta(days=back)).isoformat()
    m = _PHRASE_YESTERDAY.search(phrase)
    if m:
        return (pub - timedelta(days=2 if m.group(1) else 1)).isoformat()
    if _PHRASE_TODAY.search(phrase):
        return pub.isoformat()
    return None


def _latest_not_after(month: int, day: int, limit: date) -> date | None:
    for year in (limit.year, limit.year - 1, limit.year - 2, limit.year - 3, limit.year - 4):
        d = _make(year, month, day)
        if d and d <= limit:
            return d
    return None  # 29 February with no leap year in reach, or an impossible date


def find_day_reference(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """The first day phrase inside ``text[start:end]``: ``(start, end, phrase)`` or ``None``.

    Finds what ``resolve_relative_day`` understands ("on Wednesday", "Wednesday", "last
    Friday", "yesterday", "today", "on March 3", "on 3 March"); the offsets are into ``text``.
    "today's" is not a day reference ("in today's world").
    """
    m = _DAY_REFERENCE.search(text, max(start, 0), min(end, len(text)))
    if not m:
        return None
    return m.start(), m.end(), m.group()

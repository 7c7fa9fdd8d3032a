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
    "date_line",
    "day_number",
    "find_date",
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
_FOUR_DIGITS = re.compile(r"\d{4}")

# Full dates, in the forms feeds and pages print them. Numeric day-month-year ("19.08.2023",
# "24/05/2023") is read day-first, as the outlets of this field write it; month-first only
# when day-first is impossible.
_FULL_DATE = re.compile(
    r"(?<![\d.])(?:"
    r"(?P<iy>\d{4})[-/](?P<im>\d{1,2})[-/](?P<id>\d{1,2})"
    r"|(?P<nd>\d{1,2})[./](?P<nm>\d{1,2})[./](?P<ny>\d{4})"
    rf"|(?P<wd>{DAY_RE})\s+(?P<wm>{MONTH_RE}),?\s+(?P<wy>{YEAR_RE})"
    rf"|(?P<vm>{MONTH_RE})\s+(?P<vd>{DAY_RE}),?\s+(?P<vy>{YEAR_RE})"
    r")(?!\d)",
    re.IGNORECASE,
)
_WEEKDAY_PREFIX = re.compile(r"\s*(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?", re.IGNORECASE)

# What else a page's date line may hold: times, zones, separators and a few label words
# ("Politics Materials", "Updated 3 hours ago", "Editor: huaxia").
_TIME_OR_ZONE = re.compile(
    r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?|\b(?:GMT|UTC)(?:\s*[+\-\u2212]\s*\d{1,2}(?::?\d{2})?)?"
)
_WORD = re.compile(r"[^\W\d_]+")
_DATE_LINE_MAX = 120
_DATE_LINE_MAX_WORDS = 4
# Words that make a short line with a date a sentence or headline ("Summit on 5 March 2024").
_SENTENCE_WORDS = frozenset(
    "a an the on in at for to of with from after before until by and or will would is are was "
    "were be been has have had says said set held meet meets".split()
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


def _iso(m: re.Match[str]) -> str | None:
    g = m.groupdict()
    if g["iy"]:
        d = _make(int(g["iy"]), int(g["im"]), int(g["id"]))
    elif g["ny"]:
        a, b, y = int(g["nd"]), int(g["nm"]), int(g["ny"])
        d = _make(y, b, a) or _make(y, a, b)
    elif g["wy"]:
        d = _make(int(g["wy"]), month_number(g["wm"]) or 0, day_number(g["wd"]))
    else:
        d = _make(int(g["vy"]), month_number(g["vm"]) or 0, day_number(g["vd"]))
    return d.isoformat() if d else None


def parse_date(value: str) -> str | None:
    """The ISO ``YYYY-MM-DD`` of a full date written at the start of ``value``, else ``None``.

    Accepts ISO dates and timestamps (``2023-08-19T10:00:00Z``), ``2023/08/19``, day-first
    ``19.08.2023`` and ``24/05/2023``, ``19 August 2023``, ``Aug 19, 2023`` and RFC 2822
    (``Sat, 19 Aug 2023``), with anything after the date (a time, a zone) ignored. Impossible
    dates give ``None``.
    """
    if not value:
        return None
    m = _FULL_DATE.match(value, _WEEKDAY_PREFIX.match(value).end())  # type: ignore[union-attr]
    return _iso(m) if m else None


def find_date(value: str) -> tuple[int, int, str] | None:
    """The first full date anywhere in ``value``: ``(start, end, iso)``, or ``None``.

    For page furniture where the date is not first: ``Updated 6:12 PM GMT+4, May 4, 2023``.
    """
    if not _FOUR_DIGITS.search(value):
        return None  # every full date has a year; most lines have no four digits at all
    for m in _FULL_DATE.finditer(value):
        iso = _iso(m)
        if iso:
            return m.start(), m.end(), iso
    return None


def date_line(line: str) -> str | None:
    """The ISO date when ``line`` is a page's date line, else ``None``.

    A date line is short and holds a full date with nothing else but times, zones,
    separators and at most four label words: ``4 July 2024 | 15:20``, ``24/05/2023 16:05``,
    ``Politics Materials 15 April 2024 13:42 (UTC +04:00)``. A headline that mentions a date
    ("Summit on 5 March 2024") is not one.
    """
    if len(line) > _DATE_LINE_MAX:
        return None
    found = find_date(line)
    if found is None:
        return None
    rest = _TIME_OR_ZONE.sub(" ", line[: found[0]] + " " + line[found[1] :])
    words = _WORD.findall(rest)
    if len(words) > _DATE_LINE_MAX_WORDS or any(w.lower() in _SENTENCE_WORDS for w in words):
        return None
    return found[2]


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

"""Article metadata from the text itself: title, date, outlet, dateline, where the body starts.

Wire copy and scraped pages arrive with furniture around the story: a scraper's
``date 2023-08-18`` token, ``All news`` / ``Updated at:`` lines, a headline and sub-headline,
a dateline (``MOSCOW, August 19. /TASS/.``), a ``Source : Belta`` footer. ``read_metadata``
finds each of these as offsets into the text, without copying or normalising it, so the rest
of the pipeline can skip what is not content and every field stays auditable.

Only the head of the text (a few thousand characters) is examined line by line; boilerplate
lines are found in one regex pass over the whole text, so cost stays linear and small on long
inputs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from quotegraph.model import Span
from quotegraph.segment.dates import (
    DAY_RE,
    MONTH_RE,
    YEAR_RE,
    closest_date,
    day_number,
    month_number,
    parse_date,
)

__all__ = ["KNOWN_OUTLETS", "Metadata", "normalise_outlet", "read_metadata"]

# Lower-case spellings seen in datelines, footers and corpus fields -> the outlet's own name.
KNOWN_OUTLETS: dict[str, str] = {
    "tass": "TASS", "itar-tass": "TASS", "tass news agency": "TASS",
    "belta": "BelTA", "belarusian telegraph agency": "BelTA",
    "reuters": "Reuters", "thomson reuters": "Reuters",
    "ap": "AP", "associated press": "AP", "the associated press": "AP",
    "afp": "AFP", "agence france-presse": "AFP", "agence france presse": "AFP",
    "xinhua": "Xinhua", "xinhua news agency": "Xinhua",
    "ria novosti": "RIA Novosti", "ria": "RIA Novosti", "ria-novosti": "RIA Novosti",
    "interfax": "Interfax", "kazinform": "Kazinform", "kaztag": "KazTAG",
    "trend": "Trend", "trend news agency": "Trend", "azertac": "AzerTAc",
    "sputnik": "Sputnik", "akipress": "AKIpress", "kabar": "Kabar", "uza": "UzA",
    "anadolu": "Anadolu Agency", "anadolu agency": "Anadolu Agency", "aa": "Anadolu Agency",
    "dpa": "dpa", "efe": "EFE", "ansa": "ANSA", "kyodo": "Kyodo", "yonhap": "Yonhap",
    "irna": "IRNA", "ukrinform": "Ukrinform", "armenpress": "Armenpress",
    "bloomberg": "Bloomberg", "bbc": "BBC", "cnn": "CNN",
}  # fmt: skip

# Capitalised words that open a line like a dateline place but are story labels.
_NOT_PLACES = frozenset(
    {"BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "WATCH", "VIDEO", "PHOTO", "PHOTOS",
     "ANALYSIS", "OPINION", "FACTBOX", "EXPLAINER", "LIVE", "URGENT", "FLASH", "NOTE", "EDITORIAL"}
)  # fmt: skip

_HEAD_LINES = 8  # content lines a dateline may follow (headline, sub-headline, lead-ins)
_HEAD_CHARS = 6000  # the dateline and headline block live in the first few thousand characters
_MAX_HEADLINE = 300  # a headline or sub-headline longer than this is a paragraph

_LEADING_DATE = re.compile(
    r"\A\s*[Dd]ate:?[ \t]+(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"(?=\s|\Z)"
)

_SP = r"[ \t\u00a0]"  # blanks within one line; ``\s`` would run on into the next line
_UPDATED_TAIL = rf"(?:{_SP}+(?:at|AT)\b{_SP}*:?|{_SP}*:|(?={_SP}+(?:\d|{MONTH_RE})))[^\n]{{0,60}}"
_COOKIE_TAIL = r"\b[^\n]{0,200}?\bcookies?\b[^\n]{0,400}"
_NAV_TAIL = r"\W{0,3}"  # "All news ›"
# Page furniture: (the words a line starts with, the pattern for the rest of the line). The
# tails are strict (a colon, a short line) so that body sentences that merely begin with such
# a word ("Related to this, ...", "Updated figures show ...") are not furniture.
_FURNITURE: tuple[tuple[str, str], ...] = (
    ("Updated", _UPDATED_TAIL),
    ("Last updated", _UPDATED_TAIL),
    ("Published", rf"(?:{_SP}+(?:at|on))?{_SP}*:[^\n]{{0,60}}"),
    ("Posted", rf"(?:{_SP}+(?:at|on))?{_SP}*:[^\n]{{0,60}}"),
    ("Source", rf"{_SP}*:{_SP}*[^\n]{{1,60}}"),
    *((w, _NAV_TAIL) for w in (
        "All news", "Back to news", "Back to all news", "News feed", "Top stories",
        "More on this topic", "Tweet", "Print", "E-mail", "Email", "Copy link", "Comments",
        "Comment", "Advertisement", "Listen to this article", "Listen to article",
        "All rights reserved",
    )),
    *((w, r"\b[^\n]{0,200}") for w in ("Read more", "Read also", "See also", "Also read")),
    ("Related", rf"(?:{_SP}+(?:news|articles|stories){_SP}*:?|{_SP}*:)[^\n]{{0,200}}"),
    ("Share", rf"(?:{_SP}+(?:this|on)\b[^\n]{{0,40}})?"),
    ("Subscribe", r"\b[^\n]{0,150}"),
    ("Follow us", r"\b[^\n]{0,150}"),
    ("Tags", rf"{_SP}*:[^\n]{{0,200}}"),
    ("Copyright", rf"{_SP}*(?:©|\([cC]\)|\d{{4}})[^\n]{{0,150}}"),
    *((w, _COOKIE_TAIL) for w in (
        "We use", "This website uses", "This site uses", "Accept", "Manage", "By continuing",
        "By using",
    )),
    ("Cookie", rf"s?{_SP}+(?:policy|settings|notice|preferences)\b[^\n]{{0,400}}"),
)


def _spellings(words: str) -> set[str]:
    return {words, words.lower(), words.upper(), words.title(), words[0].lower() + words[1:]}


# Every branch starts with a literal, so the regex engine rejects a body line after one
# character per branch: ``re.IGNORECASE`` or ``[Rr]ead`` classes made this scan, which runs
# over every line of every article, four to seven times slower.
_FURNITURE_RE = "|".join(
    f"{_SP.join(re.escape(w) for w in spelling.split(' '))}{tail}"
    for words, tail in _FURNITURE
    for spelling in sorted(_spellings(words))
) + r"|©[^\n]{0,150}|\([cC]\)[^\n]{0,150}|\d+ min(?:ute)?s? read"
_LINE_END = r"[ \t\r\u00a0]*$"
# The literal newline prefix lets the engine jump from line to line; the text's first line
# is tried on its own.
_BOILERPLATE_FIRST = re.compile(rf"{_SP}*(?:{_FURNITURE_RE}){_LINE_END}", re.MULTILINE)
_BOILERPLATE = re.compile(rf"\n{_SP}*(?:{_FURNITURE_RE}){_LINE_END}", re.MULTILINE)
# What a furniture line carries: the date of an Updated/Published line, a Source footer's name.
_FURNITURE_VALUE = re.compile(
    r"(?i)(?P<key>last\s+updated|updated|published|posted|source)(?:\s+(?:at|on)\b)?\s*:?\s*(?P<value>.*)"
)

# Datelines. A place in capitals (or capitalised, when an agency marker follows), an optional
# region ("KYIV, Ukraine"), an optional day and month (year), then an agency marker and/or a
# closing separator. The span ends after the separator; the body follows.
_AGENCY_NAMES = "|".join(
    sorted((re.escape(k) for k in KNOWN_OUTLETS if len(k) > 3), key=len, reverse=True)
)
_PLACE_CAPS = r"[A-Z][A-Z'’.\-]*[A-Z.](?:[ \-][A-Z][A-Z'’.\-]*[A-Z.]){0,3}"
_PLACE_ANY = r"[A-Z][A-Za-z'’.\-]*[A-Za-z.](?:[ \-][A-Z][A-Za-z'’.\-]*[A-Za-z.]){0,3}"
_REGION = rf"(?:,\s+(?!{MONTH_RE}\s)[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)?"
_DATE = (
    rf"(?:(?P<m1>{MONTH_RE})\s+(?P<d1>{DAY_RE})|(?P<d2>{DAY_RE})\s+(?P<m2>{MONTH_RE}))"
    rf"(?:,?\s+(?P<y>{YEAR_RE}))?"
)
_DASH = r"(?:--|[-–—])"
_MARKER = (
    r"(?:/(?P<a1>[A-Z][A-Za-z .\-]{0,28}[A-Za-z])/"
    r"|\((?P<a2>[A-Z][A-Za-z .&\-]{0,28}[A-Za-z])\)"
    rf"|(?:{_DASH}\s*)?(?P<a3>(?i:{_AGENCY_NAMES}))(?=\s*(?:[.:]|{_DASH})))"
)
_DATELINES = (
    # with an agency marker: any capitalised place
    re.compile(
        rf"(?P<place>{_PLACE_ANY}){_REGION}(?:,\s+{_DATE})?[.,]?\s*{_MARKER}"
        rf"\s*(?P<sep>[.:]|{_DASH})?"
    ),
    # without one: a place in capitals, then a date and a separator ...
    re.compile(rf"(?P<place>{_PLACE_CAPS}){_REGION},\s+{_DATE}\s*(?:[.:]|{_DASH})"),
    # ... or a dash at once ("MOSCOW — ")
    re.compile(rf"(?P<place>{_PLACE_CAPS})[ \t]+(?P<dash>--|[–—])(?=[ \t])"),
)
_HEADLINE_END_OK = re.compile(r"(?:[^.:;,]|\.\.\.|…)\Z")


@dataclass(frozen=True)
class Metadata:
    """What the text says about itself; every span is an offset pair into the text.

    ``published`` is ISO ``YYYY-MM-DD`` or ``None``; ``published_source`` says where it came
    from: ``field`` (given by the caller), ``date-line`` (a leading ``date 2023-08-18`` token),
    ``published-line``, ``updated-at``, ``dateline`` (a dateline with its own year), or
    ``dateline+<evidence>`` when the dateline gave day and month and the evidence the year.
    ``body_start`` is the first character of the story after headline block and dateline.
    ``skip`` lists boilerplate (page furniture, date tokens) that is never title or content.
    """

    title: str | None
    published: str | None
    outlet: str | None
    dateline: Span | None
    dateline_place: str | None
    body_start: int
    headlines: tuple[tuple[int, int], ...]
    skip: tuple[tuple[int, int], ...]
    published_source: str | None


@dataclass(frozen=True)
class _Dateline:
    span: Span
    place: str
    agency: str | None
    month: int | None
    day: int | None
    year: int | None


def normalise_outlet(name: str | None) -> str | None:
    """The outlet's own spelling for a known outlet (``"Belta"`` -> ``"BelTA"``), else ``name``
    stripped; ``None`` for nothing."""
    if name is None:
        return None
    name = name.strip().strip("/()").strip()
    if not name:
        return None
    return KNOWN_OUTLETS.get(name.lower(), name)


def _lines(text: str, pos: int, limit: int):
    """``(start, end)`` of each non-blank line from ``pos`` on, stripped of outer whitespace,
    until ``limit``; a line that runs past ``limit`` is still given whole."""
    n = len(text)
    while pos < n and pos < limit:
        nl = text.find("\n", pos)
        line_end = n if nl < 0 else nl
        s, e = pos, line_end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            yield s, e
        pos = line_end + 1


def _match_dateline(text: str, start: int, end: int) -> _Dateline | None:
    for pattern in _DATELINES:
        m = pattern.match(text, start, end)
        if m:
            break
    else:
        return None
    groups = m.groupdict()
    place = m.group("place")
    if place.endswith(".") and len(place.rsplit(None, 1)[-1]) > 4:
        place = place[:-1]  # "ASTANA. KAZINFORM": the dot ends the place; "ST." keeps its own
    if place.upper() in _NOT_PLACES:
        return None
    if groups.get("a2") and not groups.get("sep") and groups["a2"].lower() not in KNOWN_OUTLETS:
        return None  # "Lavrov (Russia) says": a parenthesis, not an agency marker
    if groups.get("dash") and _is_headline_like(text, start, end):
        return None  # "US — China talks stall": a headline, not "MOSCOW — The minister said ..."
    agency = groups.get("a1") or groups.get("a2") or groups.get("a3")
    month_name = groups.get("m1") or groups.get("m2")
    day_text = groups.get("d1") or groups.get("d2")
    stop = m.end()
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    return _Dateline(
        span=Span(start, stop, text[start:stop]),
        place=place,
        agency=normalise_outlet(agency),
        month=month_number(month_name) if month_name else None,
        day=day_number(day_text) if day_text else None,
        year=int(groups["y"]) if groups.get("y") else None,
    )


def _is_headline_like(text: str, s: int, e: int) -> bool:
    return e - s <= _MAX_HEADLINE and bool(_HEADLINE_END_OK.search(text, s, e))


def _date_evidence(field: str | None, leading: str | None, pub_line: str | None,
                   updated: str | None) -> tuple[str, str] | None:
    for value, source in ((field, "field"), (leading, "date-line"),
                          (pub_line, "published-line"), (updated, "updated-at")):
        if value:
            return value, source
    return None


def _published(dl: _Dateline | None, evidence: tuple[str, str] | None) -> tuple[str | None, str | None]:
    if dl is not None and dl.month and dl.day:
        if dl.year:
            try:
                return date(dl.year, dl.month, dl.day).isoformat(), "dateline"
            except ValueError:
                pass
        elif evidence is not None:
            # The dateline's day is the reporter's local day; a scraper's date may be a day off
            # (time zones), so the dateline wins and the evidence only supplies the year.
            d = closest_date(dl.month, dl.day, date.fromisoformat(evidence[0]))
            if d is not None:
                return d.isoformat(), f"dateline+{evidence[1]}"
    if evidence is not None:
        return evidence
    return None, None


def read_metadata(text: str, *, title: str | None = None, published: str | None = None,
                  outlet: str | None = None) -> Metadata:
    """Find title, publication date, outlet, dateline, headline lines and boilerplate in ``text``.

    ``title``, ``published`` and ``outlet`` are what the container gave (a corpus field); they
    win over the text, except that a dateline's day and month beat a given date's (the given
    date then only supplies the year). With no year evidence at all ``published`` stays
    ``None``: a dateline's "August 19" alone is not guessed into a year. A text that opens
    straight with its dateline or body has no title: one is never made up from the body.
    """
    skip: list[tuple[int, int]] = []
    leading_date = None
    pos = 0
    m = _LEADING_DATE.match(text)
    if m:
        leading_date = parse_date(m.group(1))
        skip.append((m.end() - len(m.group().lstrip()), m.end()))
        pos = m.end()

    boiler_starts: set[int] = set()
    updated = pub_line = footer_outlet = None
    first = _BOILERPLATE_FIRST.match(text)
    for b in ([first] if first else []) + list(_BOILERPLATE.finditer(text)):
        s, e = b.start(), b.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s == e:
            continue
        skip.append((s, e))
        boiler_starts.add(s)
        kv = _FURNITURE_VALUE.match(text, s, e)
        if kv is None:
            continue
        key, value = kv.group("key").lower(), kv.group("value").strip()
        if key == "source":
            value = value.rstrip(".")
            if value.lower() in KNOWN_OUTLETS or len(value.split()) <= 3:
                footer_outlet = normalise_outlet(value)  # the last footer wins
        elif key.startswith("p"):
            pub_line = pub_line or parse_date(value)
        else:
            updated = updated or parse_date(value)

    # The head: up to _HEAD_LINES content lines, looking for the dateline.
    content: list[tuple[int, int]] = []
    dateline: _Dateline | None = None
    for s, e in _lines(text, pos, pos + _HEAD_CHARS):
        if s in boiler_starts:
            continue
        dateline = _match_dateline(text, s, e)
        if dateline is not None:
            break
        content.append((s, e))
        if len(content) >= _HEAD_LINES:
            break

    headlines: list[tuple[int, int]]
    if dateline is not None:
        headlines = content
        body_start = dateline.span.end
        while body_start < len(text) and text[body_start].isspace():
            body_start += 1
    else:
        # No dateline: a run of short unpunctuated lines followed by a paragraph is a headline
        # block; without a following paragraph the short lines are the content itself.
        run = 0
        while run < len(content) and _is_headline_like(text, *content[run]):
            run += 1
        if run == len(content):
            run = 0
        headlines = content[:run]
        if run < len(content):
            body_start = content[run][0]
        else:
            body_start = _first_content_start(text, pos, boiler_starts)

    if title is None and headlines:
        s, e = headlines[0]
        title = text[s:e]
    elif title is not None:
        title = title.strip() or None

    field_date = parse_date(published) if published else None
    evidence = _date_evidence(field_date, leading_date, pub_line, updated)
    iso, how = _published(dateline, evidence)

    given_outlet = normalise_outlet(outlet)
    return Metadata(
        title=title,
        published=iso,
        outlet=given_outlet or (dateline.agency if dateline else None) or footer_outlet,
        dateline=dateline.span if dateline else None,
        dateline_place=dateline.place if dateline else None,
        body_start=body_start,
        headlines=tuple(headlines),
        skip=tuple(sorted(skip)),
        published_source=how,
    )


def _first_content_start(text: str, pos: int, boiler_starts: set[int]) -> int:
    for s, _ in _lines(text, pos, len(text)):
        if s not in boiler_starts:
            return s
    return len(text)

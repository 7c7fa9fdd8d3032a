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
from quotegraph.read.from_url import date_from_url, outlet_from_url
from quotegraph.read.outlets import KNOWN_HOSTS, KNOWN_OUTLETS, normalise_outlet
from quotegraph.segment.credit import credit_outlet
from quotegraph.segment.dates import (
    DAY_RE,
    MONTH_RE,
    YEAR_RE,
    closest_date,
    date_line,
    day_number,
    find_date,
    month_number,
    parse_date,
)
from quotegraph.segment.year import infer_year
from quotegraph.spans import strip_span

__all__ = ["KNOWN_OUTLETS", "Metadata", "normalise_outlet", "read_metadata"]

_HOST_NAMES = frozenset(KNOWN_HOSTS.values())

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
# "Updated at:", "Published: 2023-05-04", "Updated 6:12 PM GMT+4, May 4, 2023"
_STAMP_TAIL = (
    rf"(?:{_SP}+(?:at|on|AT|ON)\b{_SP}*:?|{_SP}*:|(?={_SP}+(?:\d|{MONTH_RE})))[^\n]{{0,60}}"
)
_COOKIE_TAIL = r"\b[^\n]{0,200}?\bcookies?\b[^\n]{0,400}"
_NAV_TAIL = r"\W{0,3}"  # "All news ›"
# Page furniture: (the words a line starts with, the pattern for the rest of the line). The
# tails are strict (a colon, a short line) so that body sentences that merely begin with such
# a word ("Related to this, ...", "Updated figures show ...") are not furniture.
_FURNITURE: tuple[tuple[str, str], ...] = (
    *((w, _STAMP_TAIL) for w in ("Updated", "Last updated", "Published", "Posted")),
    ("Source", rf"{_SP}*:{_SP}*[^\n]{{1,80}}"),
    # a byline: "By Reuters", "By RFE/RL's Kyrgyz Service"; no sentence punctuation
    ("By", rf"{_SP}+[A-Z][^\n.,;:!?]{{1,60}}"),
    *((w, r"\b[^\n]{0,200}") for w in (
        "Reporting by", "(Reporting by", "Additional reporting by", "Editing by", "Written by",
        "Compiled by", "Stay up-to-date", "Stay tuned",
    )),
    *((w, _NAV_TAIL) for w in (
        "All news", "Back to news", "Back to all news", "News feed", "Top stories",
        "More on this topic", "Tweet", "Print", "E-mail", "Email", "Copy link", "Comments",
        "Comment", "Advertisement", "Listen to this article", "Listen to article",
        "All rights reserved", "Enditem",
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
# What a furniture line carries: the date of an Updated/Published line, a Source footer's or
# a byline's outlet (and the date some Source lines hold: "Source: Xinhua| 2022-06-08 ...").
_FURNITURE_VALUE = re.compile(
    r"(?i)(?P<key>last\s+updated|updated|published|posted|source|by)(?:\s+(?:at|on)\b)?\s*:?\s*(?P<value>.*)"
)
_FIELD_SEPARATOR = re.compile(r"\s*[|·•]\s*|\s+[-–—]\s+|['’]s\b")

# Datelines. A place in capitals (or capitalised, when an agency marker follows), an optional
# region ("KYIV, Ukraine"), an optional day and month (year), then an agency marker and/or a
# closing separator. The span ends after the separator; the body follows.
# Agency names after a place ("ASTANA. KAZINFORM -"), spelled out rather than matched with
# IGNORECASE so that each branch starts with a literal the engine can reject at once.
_AGENCY_NAMES = "|".join(
    re.escape(spelling)
    for spelling in sorted(
        {v for k, name in KNOWN_OUTLETS.items() if len(k) > 3 for v in (k, k.upper(), k.title(), name)},
        key=len,
        reverse=True,
    )
)
# Place words are matched possessively (``*+``), so a title-case word that is no place
# ("According to ...") fails once instead of once per prefix; only a final dot ("ST.",
# "ASTANA. KAZINFORM") is left to backtracking.
_PLACE_CAPS = r"[A-Z][A-Z'’\-]*+(?<=[A-Z]{2})\.?(?:[ \-][A-Z][A-Z'’\-]*+(?<=[A-Z]{2})\.?){0,3}"
_PLACE_ANY = (
    r"[A-Z][A-Za-z'’\-]*+(?<=[A-Za-z]{2})\.?(?:[ \-][A-Z][A-Za-z'’\-]*+(?<=[A-Za-z]{2})\.?){0,3}"
)
_REGION = rf"(?:,\s+(?!{MONTH_RE}\s)(?:[A-Z][a-z]+(?:\s[A-Z][a-z]+)?|(?:[A-Z]\.){{2,}}))?"
_DATE = (
    rf"(?:(?P<m1>{MONTH_RE})\s+(?P<d1>{DAY_RE})|(?P<d2>{DAY_RE})\s+(?P<m2>{MONTH_RE}))"
    rf"(?:,?\s+(?P<y>{YEAR_RE}))?"
)
_DASH = r"(?:--|[-–—])"
_MARKER = (
    r"(?:/(?P<a1>[A-Z][A-Za-z .\-]{0,28}[A-Za-z])/"
    r"|\((?P<a2>[A-Z][A-Za-z .&\-]{0,28}[A-Za-z])\)"
    rf"|(?:{_DASH}\s*)?(?P<a3>{_AGENCY_NAMES})(?=\s*(?:[.:]|{_DASH})))"
)
_DATELINES = (
    # with an agency marker: any capitalised place
    re.compile(
        rf"(?P<place>{_PLACE_ANY}){_REGION}(?:[.,]\s+{_DATE})?[.,]?\s*{_MARKER}"
        rf"\s*(?P<sep>[.:]|{_DASH})?"
    ),
    # without one: a place in capitals, then a date and a separator ...
    re.compile(rf"(?P<place>{_PLACE_CAPS}){_REGION}[.,]\s+{_DATE}\s*(?:[.:]|{_DASH})"),
    # ... or a dash at once ("MOSCOW — ")
    re.compile(rf"(?P<place>{_PLACE_CAPS})[ \t]+(?P<dash>--|[–—])(?=[ \t])"),
)
# How a paragraph line ends and a headline does not: a full stop (also inside closing quotes,
# 'He said: "We will respond."'), or a colon, semicolon or comma that runs on.
_SENTENCE_END = re.compile(r"[.:;,][\"”’»')\]]*\Z")


@dataclass(frozen=True)
class Metadata:
    """What the text says about itself; every span is an offset pair into the text.

    ``published`` is ISO ``YYYY-MM-DD`` or ``None``; ``published_source`` says where it came
    from: ``field`` (given by the caller), ``date-line`` (a leading ``date 2023-08-18`` token,
    or a page's date line such as ``4 July 2024 | 15:20``), ``published-line``,
    ``updated-at``, ``url`` (the page address's path), ``dateline`` (a dateline with its own year), or ``dateline+<evidence>``
    when the dateline gave day and month and the evidence the year; with no other date,
    ``dateline+weekday+text-years`` when the lede's weekday and the years the text names agree
    on exactly one year (see :mod:`quotegraph.segment.year`). ``date_conflict`` says when a
    date line, field or page date disagrees with the dateline's date (the dateline wins; the
    other date is kept in the message, never dropped silently).
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
    date_conflict: str | None = None
    dateline_day: tuple[int, int] | None = None  # (month, day) a dateline gives without a year


@dataclass(frozen=True)
class _Dateline:
    span: Span
    place: str
    agency: str | None
    month: int | None
    day: int | None
    year: int | None


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


_ROLE_WORDS = frozenset("""spokesperson spokesman spokeswoman minister president secretary
ambassador director chairman chairwoman representative envoy moderator question answer
official""".split())


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
    if groups.get("a2") and any(w.lower() in _ROLE_WORDS for w in place.split()):
        return None  # "Official Spokesperson (Shri Syed Akbaruddin):": a transcript's speaker label
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
    return e - s <= _MAX_HEADLINE and not _SENTENCE_END.search(text, s, e)


def _date_evidence(field: str | None, leading: str | None, pub_line: str | None,
                   updated: str | None, in_url: str | None) -> tuple[str, str] | None:
    for value, source in ((field, "field"), (leading, "date-line"),
                          (pub_line, "published-line"), (updated, "updated-at"), (in_url, "url")):
        if value:
            return value, source
    return None


def _published(dl: _Dateline | None, evidence: tuple[str, str] | None, text: str,
               body_start: int) -> tuple[str | None, str | None, str | None]:
    """``(published, how, conflict)``: the date, where it came from, and what disagreed."""
    if dl is not None and dl.month and dl.day:
        chosen: tuple[str, str] | None = None
        if dl.year:
            try:
                chosen = date(dl.year, dl.month, dl.day).isoformat(), "dateline"
            except ValueError:
                pass
        elif evidence is not None:
            # The dateline's day is the reporter's local day; a scraper's date may be a day off
            # (time zones), so the dateline wins and the evidence only supplies the year.
            d = closest_date(dl.month, dl.day, date.fromisoformat(evidence[0]))
            if d is not None:
                chosen = d.isoformat(), f"dateline+{evidence[1]}"
        else:
            found = infer_year(text, body_start=body_start, month=dl.month, day=dl.day)
            if found is not None:
                chosen = found.date.isoformat(), found.how
        if chosen is not None:
            conflict = None
            if evidence is not None and evidence[0] != chosen[0]:
                # Kept, not overridden silently: the record shows both dates.
                conflict = f"{evidence[1]} {evidence[0]} disagrees with dateline {chosen[0]}"
            return chosen[0], chosen[1], conflict
    if evidence is not None:
        return evidence[0], evidence[1], None
    return None, None, None


def read_metadata(text: str, *, title: str | None = None, published: str | None = None,
                  outlet: str | None = None, url: str | None = None) -> Metadata:
    """Find title, publication date, outlet, dateline, headline lines and boilerplate in ``text``.

    ``title``, ``published`` and ``outlet`` are what the container gave (a corpus field); they
    win over the text, except that a dateline's day and month beat a given date's (the given
    date then only supplies the year). ``url`` is the weakest evidence: its path's date
    (``url``) and its host's outlet are used only when nothing else gives one. With no year evidence at all ``published`` stays
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
    updated = pub_line = page_date = footer_outlet = byline_outlet = None
    first = _BOILERPLATE_FIRST.match(text)
    for b in ([first] if first else []) + list(_BOILERPLATE.finditer(text)):
        s, e = strip_span(text, b.start(), b.end())
        if s == e:
            continue
        skip.append((s, e))
        boiler_starts.add(s)
        kv = _FURNITURE_VALUE.match(text, s, e)
        if kv is None:
            continue
        key, value = kv.group("key").lower(), kv.group("value").strip()
        if key in ("source", "by"):
            name = _FIELD_SEPARATOR.split(value, 1)[0].strip().rstrip(".")
            known = name.lower() in KNOWN_OUTLETS
            if key == "by" and known:
                byline_outlet = byline_outlet or normalise_outlet(name)
            # "Source: Kun.uz" names an outlet; "Source: press service" does not.
            elif key == "source" and (known or (name[:1].isupper() and len(name.split()) <= 3)):
                footer_outlet = normalise_outlet(name)  # the last footer wins
            if key == "source" and page_date is None and (found := find_date(value)):
                page_date = found[2]
        elif key.startswith("p"):
            pub_line = pub_line or _date_in(value)
        elif key != "by":
            updated = updated or _date_in(value)

    # The head: up to _HEAD_LINES content lines, looking for the dateline. Date lines and
    # mastheads ("Interfax-Kazakhstan" alone on a line) there are furniture too.
    content: list[tuple[int, int]] = []
    dateline: _Dateline | None = None
    masthead = None
    for s, e in _lines(text, pos, pos + _HEAD_CHARS):
        if s in boiler_starts:
            continue
        line = text[s:e] if e - s <= _MAX_HEADLINE else ""
        if line and (iso := date_line(line)):
            page_date = page_date or iso
            skip.append((s, e))
            continue
        if line.lower() in KNOWN_OUTLETS:
            masthead = masthead or normalise_outlet(line)
            skip.append((s, e))
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

    title = title.strip() or None if title else None
    if title is None and headlines:
        s, e = headlines[0]
        title = text[s:e]

    field_date = parse_date(published) if published else None
    evidence = _date_evidence(field_date, leading_date or page_date, pub_line, updated,
                              date_from_url(url))
    iso, how, conflict = _published(dateline, evidence, text, body_start)

    found_outlet = (normalise_outlet(outlet) or (dateline.agency if dateline else None)
                    or byline_outlet or masthead or footer_outlet)
    if found_outlet is None:
        # A known host beats the lede's credit (a reprint's page names its own site); an
        # unknown host is only an address, so the credit of the agency it reprints wins.
        host_outlet = outlet_from_url(url)
        known_host = host_outlet is not None and host_outlet in _HOST_NAMES
        found_outlet = ((host_outlet if known_host else None) or credit_outlet(text, body_start)
                        or host_outlet)
    return Metadata(
        title=title,
        published=iso,
        outlet=found_outlet,
        dateline=dateline.span if dateline else None,
        dateline_place=dateline.place if dateline else None,
        body_start=body_start,
        headlines=tuple(headlines),
        skip=tuple(sorted(skip)),
        published_source=how,
        date_conflict=conflict,
        dateline_day=(dateline.month, dateline.day)
        if dateline is not None and dateline.month and dateline.day and not dateline.year else None,
    )


def _date_in(value: str) -> str | None:
    found = find_date(value)
    return found[2] if found else None


def _first_content_start(text: str, pos: int, boiler_starts: set[int]) -> int:
    for s, _ in _lines(text, pos, len(text)):
        if s not in boiler_starts:
            return s
    return len(text)

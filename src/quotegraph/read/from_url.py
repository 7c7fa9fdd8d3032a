"""What an article's address says about it: the outlet (its host) and often the day it ran.

A JSONL row, a feed item or a WARC record usually carries the page's URL even when it carries
no outlet or date. News sites put the publication day in the path (``/2023/05/17/``,
``/2023-05-17-``, ``/t20230428_``, ``/2023/0208/``), or in words in a slug
(``briefing-may-22-2023``, ``10_september_2025``, ``/2019/oct/05/``); only whole, valid dates between 1990 and
next year count, with no digit running on either side, so ids that merely hold eight digits
(``AEN20200924007551325``) are not read as dates.
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import unquote, urlsplit

from quotegraph.read.outlets import KNOWN_HOSTS

__all__ = ["date_from_url", "outlet_from_url"]

_Y = r"(?P<y>(?:19|20)\d\d)"
_M = r"(?P<m>0?[1-9]|1[0-2])"
_D = r"(?P<d>0?[1-9]|[12]\d|3[01])"
_DATE_IN_PATH = (
    re.compile(rf"/{_Y}/{_M}/{_D}(?=[/_.-]|$)"),  # /2023/05/17/
    re.compile(rf"(?<![0-9]){_Y}-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![0-9])"),
    re.compile(rf"/{_Y}/(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?=/)"),  # /2023/0208/
    re.compile(rf"(?<![0-9]){_Y}(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?![0-9])"),
)
_MONTHS = {name: i for i, names in enumerate((
    "jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july",
    "aug august", "sep sept september", "oct october", "nov november", "dec december"), 1)
    for name in names.split()}
_MON = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")"
_SEP = r"[-_+ ]"
# Month words are read in the query too (some sites keep the slug there); digits only in the
# path, where ids are rarer. A month word must stand alone: "summary-22-2023" holds none.
_WORDS_IN_URL = (
    re.compile(rf"(?<![a-z]){_MON}{_SEP}{_D}(?:st|nd|rd|th)?,?{_SEP}+{_Y}(?![0-9])"),  # may-22-2023
    re.compile(rf"(?<![0-9a-z]){_D}{_SEP}{_MON}{_SEP}{_Y}(?![0-9])"),  # 10_september_2025
    re.compile(rf"/{_Y}/{_MON}/{_D}(?=[/_.-]|$)"),  # /2019/oct/05/
)


def _host(url: str) -> str:
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:  # an unbalanced "[" in a would-be IPv6 host
        return ""
    return host.rstrip(".").removeprefix("www.")


def outlet_from_url(url: str | None) -> str | None:
    """The outlet a URL belongs to: the known outlet's own name for its host or a parent domain
    (``en.trend.az`` -> ``Trend``), else the host without ``www.``; ``None`` without a host."""
    if not url:
        return None
    host = _host(url)
    if not host:
        return None
    parts = host.split(".")
    for i in range(len(parts) - 1):
        name = KNOWN_HOSTS.get(".".join(parts[i:]))
        if name is not None:
            return name
    return host


def date_from_url(url: str | None, *, today: date | None = None) -> str | None:
    """The ISO date a news URL's path gives (the first of the forms above that holds a valid
    date from 1990 to next year), else ``None``."""
    if not url:
        return None
    try:
        path = unquote(urlsplit(url.strip()).path)
    except ValueError:
        return None
    try:
        query = unquote(urlsplit(url.strip()).query)
    except ValueError:
        query = ""
    last_year = (today or date.today()).year + 1
    for pattern in _DATE_IN_PATH:
        found = _first_date(pattern.finditer(path), last_year)
        if found:
            return found
    words = f"{path}?{query}".lower()
    for pattern in _WORDS_IN_URL:
        found = _first_date(pattern.finditer(words), last_year)
        if found:
            return found
    return None


def _first_date(matches, last_year: int) -> str | None:
    for m in matches:
        month = _MONTHS[m.group("mon")] if "mon" in m.re.groupindex else int(m.group("m"))
        year, day = int(m.group("y")), int(m.group("d"))
        if not 1990 <= year <= last_year:
            continue
        try:
            return date(year, month, day).isoformat()
        except ValueError:  # 2023/02/30
            continue
    return None

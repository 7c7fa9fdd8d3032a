"""RSS and Atom feeds with feedparser: one Document per item, from its content or its page.

An item that carries the article (``content:encoded``, Atom ``content``) is read from there;
one that carries only a teaser is read from the page it links to when the feed came from the
web (``follow`` is given), else from its summary. Either way the item's own title, date and
author fill what the HTML leaves out. An item's ``source`` is ``FEED#N`` (1-based item number).
"""

from __future__ import annotations

import calendar
import logging
import time
from collections.abc import Callable, Iterator
from typing import Any

from quotegraph.errors import MissingExtraError
from quotegraph.model import Document
from quotegraph.read.extras import require
from quotegraph.read.failure import ReadFailure
from quotegraph.read.html import PageHints, read_html

log = logging.getLogger(__name__)

__all__ = ["FEED_SUFFIXES", "FULL_CONTENT_CHARS", "iter_feed", "looks_like_feed"]

FEED_SUFFIXES = (".rss", ".atom", ".xml")
# Item content shorter than this is a teaser: the linked page holds the article.
FULL_CONTENT_CHARS = 500

Follow = Callable[[str, PageHints], Document | ReadFailure]


def looks_like_feed(head: bytes) -> bool:
    """True when the first bytes look like an RSS, RDF or Atom document."""
    start = head[:2048].lower()
    return b"<rss" in start or b"<feed" in start or b"<rdf:rdf" in start


def iter_feed(data: bytes, *, source: str, follow: Follow | None = None) -> Iterator[Document | ReadFailure]:
    """Every item of the feed in ``data``; a feed that is not XML is one ReadFailure."""
    try:
        feedparser = require("feedparser", purpose="reading RSS/Atom feeds")
    except MissingExtraError as e:
        yield ReadFailure(source, str(e))
        return
    parsed = feedparser.parse(data)
    if not parsed.get("version") and not parsed.entries:
        why = parsed.get("bozo_exception")
        detail = f" ({_short(why)})" if why else ""
        yield ReadFailure(source, f"not an RSS or Atom feed{detail}")
        return
    if parsed.get("bozo") and parsed.entries:
        log.warning("%s: feed is not well-formed (%s); reading what parses",
                    source, _short(parsed.get("bozo_exception")))
    outlet = (parsed.feed.get("title") or "").strip() or None
    if not parsed.entries:
        log.warning("%s: feed has no items", source)
    for n, entry in enumerate(parsed.entries, 1):
        try:
            yield _item(entry, source=f"{source}#{n}", outlet=outlet, follow=follow)
        except Exception as e:  # noqa: BLE001 - a bug on one item must cost that item, not the feed
            log.debug("%s#%d: cannot read", source, n, exc_info=True)
            yield ReadFailure(f"{source}#{n}", f"cannot read the item ({type(e).__name__}: {e})")


def _item(entry: Any, *, source: str, outlet: str | None, follow: Follow | None) -> Document | ReadFailure:
    hints = PageHints(title=(entry.get("title") or "").strip() or None,
                      published=_date(entry), author=(entry.get("author") or "").strip() or None,
                      outlet=outlet)
    link = (entry.get("link") or "").strip() or None
    content = max((c.get("value") or "" for c in entry.get("content") or ()), key=len, default="")
    body = content or entry.get("summary") or ""
    if len(content) < FULL_CONTENT_CHARS and follow is not None and link:
        page = follow(link, hints)
        if not isinstance(page, ReadFailure) or not content.strip():
            return page  # a teaser summary is not the article: the failure stands
        # the linked page cannot be had: the item's own text is the article, and the log says why
        log.warning("%s: %s; reading the feed item's own text instead", page.source, page.message)
    if not body.strip():
        return ReadFailure(source, "item has no content" + ("" if link else " and no link"))
    return read_html(body, source=source, url=link, hints=hints, fragment=True)


def _date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return time.strftime("%Y-%m-%d", time.gmtime(calendar.timegm(value)))
    return None


def _short(e: Any) -> str:
    text = " ".join(str(e).split())
    return text if len(text) <= 160 else text[:157] + "..."

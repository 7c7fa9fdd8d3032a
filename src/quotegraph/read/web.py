"""URLs to Documents: fetch, then read the answer as a page, a feed or plain text.

What an answer is comes from its Content-Type, and from its first bytes when the type is
missing or generic (``application/xml`` may be a feed or not). A feed fetched from the web
has the pages of its teaser-only items fetched too, through the same polite Fetcher.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from typing import BinaryIO

from quotegraph.errors import FetchError, ReadError
from quotegraph.model import Document
from quotegraph.read.decode import DecodeError, decode_bytes
from quotegraph.read.feed import FEED_SUFFIXES, iter_feed, looks_like_feed
from quotegraph.read.fetch import Fetcher, Response, is_url
from quotegraph.read.failure import ReadFailure
from quotegraph.read.html import HTML_SUFFIXES, PageHints, looks_like_html, read_html
from quotegraph.read.language import detect_language
from quotegraph.read.warc import is_warc_path, iter_warc

log = logging.getLogger(__name__)

__all__ = ["iter_url_list", "read_url", "read_web_file", "web_file_kind"]

_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def web_file_kind(path: str) -> str | None:
    """``"warc"``, ``"html"`` or ``"feed"`` by the file name; ``None`` for any other file."""
    if is_warc_path(path):
        return "warc"
    suffix = os.path.splitext(path)[1].lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in FEED_SUFFIXES:
        return "feed"
    return None


def read_web_file(raw: BinaryIO, *, path: str, kind: str,
                  plain: Callable[[bytes, str], Document | ReadFailure]) -> Iterator[Document | ReadFailure]:
    """The documents of a saved page, feed or WARC archive open in ``raw``.

    Archives are streamed. A ``.html`` or ``.xml`` file whose first bytes are not markup is
    read as plain text with ``plain(data, path)``, as any other extension would be (a
    ``.rss``/``.atom`` file must be a feed).
    """
    if kind == "warc":
        yield from iter_warc(raw, path=path)
        return
    data = raw.read()
    if kind == "html":
        yield read_html(data, source=path) if looks_like_html(data) else plain(data, path)
    elif path.lower().endswith(".xml") and not looks_like_feed(data):
        yield plain(data, path)
    else:
        yield from iter_feed(data, source=path)


def read_url(url: str, fetcher: Fetcher) -> Iterator[Document | ReadFailure]:
    """The Document(s) at ``url``: one for a page, one per item for a feed; a ReadFailure
    naming the URL when it cannot be fetched or read."""
    try:
        response = fetcher.fetch(url)
    except FetchError as e:
        yield ReadFailure(url, e.reason)
        return
    except Exception as e:  # noqa: BLE001 - a fetch bug must cost this URL, not the batch
        log.debug("%s: fetch failed", url, exc_info=True)
        yield ReadFailure(url, f"cannot fetch ({type(e).__name__}: {e})")
        return
    kind = _kind(response)
    if kind == "feed":
        def follow(link: str, hints: PageHints) -> Document | ReadFailure:
            return _page(link, fetcher, hints)
        yield from iter_feed(response.body, source=url, follow=follow)
    elif kind == "html":
        yield read_html(response.body, source=url, url=response.final_url)
    else:
        yield _plain(response)


def _page(link: str, fetcher: Fetcher, hints: PageHints) -> Document | ReadFailure:
    try:
        response = fetcher.fetch(link)
    except FetchError as e:
        return ReadFailure(link, e.reason)
    except Exception as e:  # noqa: BLE001 - as in read_url
        log.debug("%s: fetch failed", link, exc_info=True)
        return ReadFailure(link, f"cannot fetch ({type(e).__name__}: {e})")
    if _kind(response) != "html":
        return ReadFailure(link, f"feed item links to something that is not a page "
                                 f"(Content-Type: {response.content_type or 'none'})")
    return read_html(response.body, source=link, url=response.final_url, hints=hints)


def _kind(response: Response) -> str:
    head = response.body[:4096]
    if response.content_type in _FEED_TYPES:
        return "feed"
    if response.content_type in _HTML_TYPES:
        return "html"
    if looks_like_feed(head):
        return "feed"
    if looks_like_html(head):
        return "html"
    return "text"


def _plain(response: Response) -> Document | ReadFailure:
    try:
        text = decode_bytes(response.body, source=response.url)
    except DecodeError as e:
        return ReadFailure(response.url, e.reason)
    return Document(text=text, source=response.url, url=response.final_url,
                    language=detect_language(text))


def iter_url_list(path: str) -> Iterator[str | ReadFailure]:
    """The URLs of a list file, one a line; blank lines and ``#`` comments are skipped and a
    line that is not an http(s) URL is a ReadFailure naming ``path:LINE``."""
    try:
        with open(path, "rb") as raw:
            data = raw.read()
    except OSError as e:
        yield ReadFailure(path, e.strerror or str(e))
        return
    try:
        text = decode_bytes(data, source=path)
    except ReadError as e:
        yield ReadFailure(path, getattr(e, "reason", str(e)))
        return
    for line_no, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if is_url(line):
            yield line
        else:
            yield ReadFailure(f"{path}:{line_no}", f"not an http(s) URL: {line[:80]!r}")

"""A web page to a Document: its main text and metadata, with trafilatura and htmldate.

trafilatura finds the article body and drops navigation, comments, related links and share
blocks; its metadata pass reads title, author, site name and (through htmldate, with
``original_date`` so an "updated" stamp does not win) the publication date. The main text it
returns is the Document's text: every stored offset points into exactly that string, and the
page's own markup is not kept.

The ``html`` extra must be installed (``pip install 'quotegraph[html]'``); without it each
page is a ReadFailure that says so.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

from quotegraph.errors import MissingExtraError
from quotegraph.model import Document
from quotegraph.read.extras import require
from quotegraph.read.failure import ReadFailure
from quotegraph.read.language import detect_language
from quotegraph.read.from_url import outlet_from_url
from quotegraph.read.outlets import normalise_outlet

log = logging.getLogger(__name__)

__all__ = ["HTML_SUFFIXES", "PageHints", "looks_like_html", "read_html"]

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")

# What trafilatura is told: no reader comments (they are not the outlet's reporting and
# would give the extractor speakers the article never quoted), tables kept (briefings put
# figures there), no images or markup.
_OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "include_links": False,
    "with_metadata": True,
    "date_extraction_params": {"original_date": True, "extensive_search": True,
                               "outputformat": "%Y-%m-%d"},
}


@dataclass(frozen=True)
class PageHints:
    """What the container already says about a page (a feed item, a WARC record), used
    where the page itself is silent."""

    title: str | None = None
    published: str | None = None
    author: str | None = None
    outlet: str | None = None


_MARKUP = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|title|article|main|section|div|p|"
                     rb"span|h[1-6]|a|br|table|ul|script)[\s>/]", re.IGNORECASE)


def looks_like_html(head: bytes) -> bool:
    """True when the first bytes of a response or file hold HTML tags (a whole page or a
    fragment, well-formed or not); plain text that merely names a tag in prose is rare."""
    return _MARKUP.search(head[:4096]) is not None


def read_html(data: bytes | str, *, source: str, url: str | None = None,
              hints: PageHints | None = None, fragment: bool = False) -> Document | ReadFailure:
    """The main text and metadata of one page, or why it has none.

    ``source`` names the input in messages and records (a path, ``archive.warc.gz@OFFSET``,
    a URL); ``url`` is the address the page was read from, kept as the record's ``url``.
    ``fragment`` marks a piece of HTML (a feed item's content) rather than a whole page.
    Never raises for a bad page.
    """
    try:
        trafilatura = require("trafilatura", purpose="reading HTML")
        require("htmldate", purpose="reading dates from HTML")
    except MissingExtraError as e:
        return ReadFailure(source, str(e))
    # trafilatura logs its own errors about a page without saying which input it was; the
    # ReadFailure below names the input and says the same, so its log is kept quiet.
    for name in ("trafilatura", "htmldate"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    hints = hints or PageHints()
    if isinstance(data, bytes) and not data.strip() or isinstance(data, str) and not data.strip():
        return ReadFailure(source, "empty page")
    if fragment:
        raw = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
        data = f"<html><body><article><div>{raw}</div></article></body></html>"
    try:
        tree = trafilatura.load_html(data)
    except (ValueError, TypeError) as e:
        return ReadFailure(source, f"cannot parse the HTML ({e})")
    if tree is None:
        return ReadFailure(source, "not an HTML page (nothing parseable)")
    canonical = _canonical(tree)
    declared = _declared_language(tree)
    try:
        page = trafilatura.bare_extraction(tree, url=url or canonical, **_OPTIONS)
    except Exception as e:  # noqa: BLE001 - a third-party parser: any failure costs one page
        return ReadFailure(source, f"cannot extract the main text ({type(e).__name__}: {e})")
    text = (getattr(page, "text", None) or "").strip() if page is not None else ""
    text = _drop_boilerplate(text)
    if not text:
        return ReadFailure(source, "no text: no main text found in the page")
    title = _clean(getattr(page, "title", None)) or hints.title
    if not _has_prose(text, [title, hints.title, *_headings(tree)]):
        return ReadFailure(source, "no text: the page's main text is only its title, "
                                   "headings or a few words of navigation")
    outlet = normalise_outlet(_clean(getattr(page, "sitename", None)) or hints.outlet) \
        or outlet_from_url(url or canonical)
    return Document(
        text=text,
        source=source,
        title=title,
        published=hints.published or _clean(getattr(page, "date", None)),
        outlet=outlet,
        url=url or canonical,
        author=_clean(getattr(page, "author", None)) or hints.author,
        canonical_url=canonical,
        language=detect_language(text) or declared,
    )


# Lines trafilatura keeps inside an article body that are the site's, not the reporting:
# inline cross-links ("Read also: ...") and a paywall's call to subscribe. Measured on
# benchmarks/html_gold (benchmarks/html_text.py); a line only goes when it starts this way.
_BOILERPLATE = re.compile(r"^\s*(?:(?:read|see) (?:also|more)|also read|related)\s*[:\u2013\u2014-]\s"
                          r"|^\s*subscribe (?:to|for) (?:keep|continue|read)\w* reading\b", re.IGNORECASE)


def _drop_boilerplate(text: str) -> str:
    """``text`` without the cross-link and paywall lines matched by ``_BOILERPLATE``."""
    lines = [line for line in text.splitlines() if not _BOILERPLATE.search(line)]
    return "\n".join(lines).strip()


# A line of reporting ends a sentence somewhere, or is long; "Home", "Copyright 2026 Coast
# Herald" or a headline repeated as the text is not an article.
_SENTENCE = re.compile(r"[.!?\u2026\u3002\uff01\uff1f](?:[\"'\u00bb\u201d\u2019)\]]*)(?:\s|$)")
_LONG_LINE_WORDS = 12


def _has_prose(text: str, titles: list[str | None]) -> bool:
    """True when ``text`` holds at least one line that is neither a title or heading of the
    page nor a short label. trafilatura falls back to whatever text a page has, so a page
    with no article (a gallery, a login wall, a bare headline) would otherwise be stored
    with its title or its navigation as the article text."""
    skip = {_fold(t) for t in titles if t}
    for line in text.splitlines():
        folded = _fold(line)
        if not folded or folded in skip:
            continue
        if _SENTENCE.search(line) or len(folded.split()) >= _LONG_LINE_WORDS:
            return True
    return False


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold().strip(" .:-\u2013\u2014|")


def _headings(tree: Any) -> list[str]:
    try:
        nodes = tree.xpath("//title | //h1 | //h2 | //h3 | //h4 | //h5 | //h6")
    except Exception:  # noqa: BLE001 - a malformed tree has no headings worth skipping
        return []
    return [" ".join(n.text_content().split()) for n in nodes]


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _canonical(tree: Any) -> str | None:
    for xpath in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
        found = [h.strip() for h in tree.xpath(xpath) if h.strip().startswith(("http://", "https://"))]
        if found:
            return found[0]
    return None


def _declared_language(tree: Any) -> str | None:
    """The page's ``<html lang>`` (or Content-Language meta), as a bare ISO 639-1 code."""
    values = tree.xpath("/html/@lang | /html/@xml:lang | //meta[@http-equiv='content-language']/@content",
                        namespaces={"xml": "http://www.w3.org/XML/1998/namespace"})
    for value in values:
        code = value.strip().lower().replace("_", "-").split("-")[0]
        if 2 <= len(code) <= 3 and code.isalpha():
            return code
    return None


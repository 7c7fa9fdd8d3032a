"""The same story read twice in one run (two URLs, a feed item and its page, a crawl that
holds a page twice) is passed on once.

Two web documents are the same article when they share a canonical URL, or when most of
their paragraphs are the same: a feed item's content and the page it links to differ in the
headline line and the boilerplate trafilatura keeps, not in the body. Paragraphs are compared
by a hash of their letters and digits only, so whitespace, quotes and case do not matter.
Exactly equal texts are also caught later by the store (an article's id is its text's hash),
across runs as well.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterable, Iterator

from quotegraph.model import Document
from quotegraph.read.failure import ReadFailure

log = logging.getLogger(__name__)

__all__ = ["Deduplicator"]

# Paragraphs shorter than this (headlines, "Advertisement", bylines) say nothing of identity.
MIN_PARAGRAPH_CHARS = 60
# Share of the shorter document's paragraphs the two must have in common.
SAME_STORY_SHARE = 0.8
_NOT_WORD = re.compile(r"[\W_]+")


def _paragraph_keys(text: str) -> frozenset[bytes]:
    keys = set()
    for line in text.splitlines():
        norm = _NOT_WORD.sub("", line.casefold())
        if len(norm) >= MIN_PARAGRAPH_CHARS:
            keys.add(hashlib.blake2b(norm.encode("utf-8", "surrogatepass"), digest_size=8).digest())
    return frozenset(keys)


class Deduplicator:
    """Remembers the documents of one run (8 bytes per paragraph) and drops repeats."""

    def __init__(self) -> None:
        self._by_url: dict[str, str] = {}
        self._by_paragraph: dict[bytes, str] = {}
        self._paragraphs: dict[str, int] = {}
        self.dropped = 0

    def duplicate_of(self, doc: Document) -> str | None:
        """The source of an earlier document that is the same story, else ``None`` (and
        ``doc`` is remembered)."""
        urls = {u for u in (doc.canonical_url, doc.url) if u}
        for url in urls:
            if url in self._by_url:
                return self._by_url[url]
        keys = _paragraph_keys(doc.text)
        if keys:
            counts: dict[str, int] = {}
            for key in keys:
                earlier = self._by_paragraph.get(key)
                if earlier is not None:
                    counts[earlier] = counts.get(earlier, 0) + 1
            for earlier, shared in counts.items():
                if shared >= SAME_STORY_SHARE * min(len(keys), self._paragraphs[earlier]):
                    return earlier
        for url in urls:
            self._by_url[url] = doc.source
        for key in keys:
            self._by_paragraph.setdefault(key, doc.source)
        self._paragraphs[doc.source] = len(keys)
        return None

    def filter(self, items: Iterable[Document | ReadFailure]) -> Iterator[Document | ReadFailure]:
        """``items`` without the repeats; each one dropped is logged with what it repeats."""
        for item in items:
            if isinstance(item, Document):
                earlier = self.duplicate_of(item)
                if earlier is not None:
                    self.dropped += 1
                    log.warning("%s: same article as %s; stored once", item.source, earlier)
                    continue
            yield item

"""The newest matches of a text query, read once for a search page and its facets.

Why: a search with a text query (and dates) asked the full-text index three times for the
same matches: to count them, for the page, and for the newest ``sample + 1`` keys its facets
count. Those keys come first, in the order the page uses (newest first, repeats left out);
when there are no more than ``sample`` of them they are all the matches, so their number is
the total and the page is a slice: the count and the page query are not needed (most rare
words and most date ranges). With more matches the page is still a slice when it lies
within them; only the count is asked then.

A :class:`NewestMatches` lives for one request: the caller makes one and passes it to
:func:`quotegraph.query.search_statements` and :func:`quotegraph.query.facets` with the same
filter. It reads the keys on first use and again only if asked for another query or range.
"""

from __future__ import annotations

from typing import Any

from quotegraph.store.base import Store


class NewestMatches:
    """The keys of the newest ``sample + 1`` statements matching a text query (SQLite)."""

    def __init__(self, sample: int) -> None:
        self.sample = sample
        self._for: tuple[Any, ...] | None = None
        self._keys: list[int] = []

    def keys(self, store: Store, where: Any) -> list[int]:
        """Newest first, repeats left out: one more than ``sample`` when there are more."""
        asked = (where.q, where.lo, where.hi)
        if asked != self._for:
            sub, params = store.fts_newest(where.q, lo=where.lo, hi=where.hi,
                                           limit=self.sample + 1)
            self._keys = [k for (k,) in store.tuples(sub, params)]
            self._for = asked
        return self._keys

    def page(self, store: Store, where: Any, limit: int,
             offset: int) -> tuple[int, list[int]] | None:
        """(total, page keys) as ``store.fts_page`` gives them, from the kept keys when they
        suffice (see the module doc); None when the page lies beyond them."""
        keys = self.keys(store, where)
        if len(keys) <= self.sample:  # every match
            return len(keys), keys[offset:offset + limit]
        if offset + limit > len(keys):
            return None
        total = store.fts_page(where.q, lo=where.lo, hi=where.hi, limit=0, offset=0)[0]
        return total, keys[offset:offset + limit]


def usable(store: Store, where: Any, newest: NewestMatches | None) -> bool:
    """Whether ``newest`` applies: a text query (dates aside) alone, on SQLite."""
    return newest is not None and where.only == "fts" and store.backend == "sqlite"

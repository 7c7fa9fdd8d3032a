"""Small helpers for offsets and fast word-list patterns shared by the extraction stages."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable


class SpanSet:
    """(start, end) spans with O(log n) "is this offset inside one?" (overlaps allowed)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._spans = sorted(spans)
        self._dirty = True
        self._starts: list[int] = []
        self._max_end: list[int] = []

    def add(self, start: int, end: int) -> None:
        self._spans.append((start, end))
        self._dirty = True

    def _index(self) -> None:
        self._spans.sort()
        self._starts = [s for s, _ in self._spans]
        self._max_end = []
        running = -1
        for _, e in self._spans:
            running = e if e > running else running
            self._max_end.append(running)
        self._dirty = False

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span overlaps ``[start, end)``: of those opening before ``end``, the
        furthest end passes ``start``."""
        if self._dirty:
            self._index()
        n = bisect.bisect_left(self._starts, end)
        return n > 0 and self._max_end[n - 1] > start

    def covers(self, start: int, end: int) -> bool:
        """Whether one span holds all of ``[start, end)``."""
        if self._dirty:
            self._index()
        n = bisect.bisect_right(self._starts, start)
        return n > 0 and self._max_end[n - 1] >= end

    def __contains__(self, pos: int) -> bool:
        if self._dirty:
            self._index()
        i = bisect.bisect_right(self._starts, pos) - 1
        while i >= 0 and self._max_end[i] > pos:
            s, e = self._spans[i]
            if s <= pos < e:
                return True
            i -= 1
        return False


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` narrowed past leading and trailing whitespace (empty when all blank)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def trie_alternation(phrases: Iterable[str], *, after_first: str = "") -> str:
    """A regex alternation shaped as a trie: matching branches on each character instead of trying
    every phrase at every position, and a longer phrase wins over its prefix. Spaces in a phrase
    match any run of whitespace.

    ``after_first`` goes after each phrase's first character: ``(?<!\\w.)`` there is the
    ``(?<!\\w)`` before the phrase, but leaves the pattern opening with its first characters,
    which the regex engine uses to skip straight to the positions where a phrase can start."""
    trie: dict = {}
    for phrase in set(phrases):
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie, after_first)


def _trie_regex(node: dict, after_first: str = "") -> str:
    end = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        atom = r"\s+" if ch == " " else re.escape(ch)
        branches.append(atom + after_first + _trie_regex(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if end else body


def matches_between(matches: list[re.Match], starts: list[int], s: int, e: int) -> list[re.Match]:
    """The matches (sorted by start, ``starts`` their start offsets) that start in [s, e)."""
    return matches[bisect.bisect_left(starts, s):bisect.bisect_left(starts, e)]

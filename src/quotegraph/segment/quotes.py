"""Quotation spans: straight and curly double quotes, guillemets, and single quotes as outer marks.

A paragraph is scanned once. Curly marks and guillemets nest with a stack, so a quote inside a
quote stays inside its parent; straight double quotes toggle. A quote that is still open at the
end of its paragraph "runs on" (wire convention for a quotation continued in the next paragraph,
which then opens with a fresh mark); it ends at the paragraph's end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = {"“": "”", "«": "»", "„": "“", '"': '"'}
SINGLE_OPENERS = {"‘": "’", "'": "'"}
CLOSERS = {"”", "»"}

_SINGLE = re.compile(r"[‘’']")
_MARKS = re.compile(r"''|``|[\"“”«»„‘’']")
# The marks the double-quote scan acts on: a lone ' ‘ ’ (apostrophes, mostly) changes nothing
# there, so it is not matched at all ('' still matches first, as in _MARKS).
_DOUBLE_MARKS = re.compile(r"''|``|[\"“”«»„]")


@dataclass(frozen=True)
class Quote:
    """One top-level quotation: marks at ``open``/``close`` (``close`` None when it runs on)."""

    open: int
    close: int | None
    start: int  # content start (after the mark and leading space)
    end: int  # content end (before the mark, without a trailing comma or space)
    paragraph: int
    single: bool = False  # delimited by single marks (headline style)

    @property
    def outer_end(self) -> int:
        """Offset just past the closing mark (or the content end for a run-on quote)."""
        return self.close + 1 if self.close is not None else self.end

    @property
    def runs_on(self) -> bool:
        return self.close is None


def _is_apostrophe(text: str, i: int) -> bool:
    """A single mark between letters (Russia’s, don't) or after s/letter before a space is an apostrophe."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return prev.isalnum() and nxt.isalnum()


def _reads_as_closer(text: str, i: int, end: int) -> bool:
    """A mark after a word or punctuation and before a space, punctuation or the paragraph end."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < end else " "
    return not prev.isspace() and (nxt.isspace() or nxt in ",.;:!?)]")


def _typed_as_opener(text: str, i: int, end: int) -> bool:
    """An opening curly mark right after a comma, period, ? or ! and before a space or the
    paragraph end: it can only close the quotation (an opener follows a space)."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < end else " "
    return prev in ",.?!" and nxt.isspace()


def _reads_as_opener(text: str, i: int, end: int) -> bool:
    """A mark after a space and before a capital letter: `... this. "We are ...`."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < end else " "
    return prev.isspace() and nxt.isupper()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def find_quotes(text: str, start: int, end: int, paragraph: int) -> list[Quote]:
    """Top-level double quotations (and single ones where no double marks are used) in ``text[start:end]``."""
    quotes = _scan_double(text, start, end, paragraph)
    if quotes:
        return quotes
    return _scan_single(text, start, end, paragraph)


def _scan_double(text: str, start: int, end: int, paragraph: int) -> list[Quote]:
    quotes: list[Quote] = []
    depth = 0
    opened = -1
    width = 1
    straight_open = False
    inner = False  # a quote of the other style open inside the current one
    for m in _DOUBLE_MARKS.finditer(text, start, end):
        ch = m.group()
        i = m.start()
        if ch in ('"', "''", "``"):
            if depth == 0:
                if not straight_open:
                    straight_open, opened, width, inner = True, i, len(ch), False
                elif ch == '"' and _reads_as_opener(text, i, end) and text[i - 2:i - 1] in ".?!":
                    # `"We will not object. "We are down to earth," he added.`: a new quotation
                    # opens after a sentence whose quotation was never closed; the first one
                    # ends where the second begins.
                    s_, e_ = _trim(text, opened + width, i)
                    if e_ > s_:
                        quotes.append(Quote(open=opened, close=None, start=s_, end=e_, paragraph=paragraph))
                    opened, width = i, 1
                else:
                    straight_open = False
                    quotes.append(_make(text, opened, i, paragraph, width=width, close_width=len(ch)))
            elif depth == 1 and ch == '"' and text[opened] == "“":
                # Copy that mixes styles: “ASEAN should not be anyone's proxy," Retno said. A
                # straight mark that reads as a closer ends the curly quote, unless a straight
                # quote was opened inside it ("it was “a "final" offer”").
                if inner:
                    inner = False
                elif _reads_as_closer(text, i, end):
                    depth = 0
                    quotes.append(_make(text, opened, i, paragraph))
                else:
                    inner = True
            continue
        if ch in ("'", "‘", "’"):
            continue
        if straight_open:
            if ch == "“":
                inner = True
            elif ch == "”":
                if inner:
                    inner = False
                elif _reads_as_closer(text, i, end):
                    # "The letter has been written,” he said: the same mix the other way round.
                    straight_open = False
                    quotes.append(_make(text, opened, i, paragraph, width=width))
            continue
        if ch in ("“", "«", "„"):
            # “ closes a „-opened quote (German style) when we are inside one.
            if ch == "“" and depth > 0 and text[opened] == "„":
                depth -= 1
                if depth == 0:
                    quotes.append(_make(text, opened, i, paragraph))
                continue
            if ch == "“" and depth == 1 and text[opened] == "“" and _typed_as_opener(text, i, end):
                # “It is unusual,“ said Lee: an opening mark typed where the closing one belongs
                depth = 0
                quotes.append(_make(text, opened, i, paragraph))
                continue
            if depth == 0:
                opened, inner = i, False
            depth += 1
        elif ch in CLOSERS:
            if depth == 0:
                continue  # stray closer: ignore
            depth -= 1
            if depth == 0:
                quotes.append(_make(text, opened, i, paragraph))
    if straight_open or depth > 0:
        s, e = _trim(text, opened + (width if straight_open else 1), end)
        if e - s > 0:
            quotes.append(Quote(open=opened, close=None, start=s, end=e, paragraph=paragraph))
    return quotes


def _scan_single(text: str, start: int, end: int, paragraph: int) -> list[Quote]:
    if text.find("‘", start, end) < 0 and text.find("'", start, end) < 0:
        return []
    quotes: list[Quote] = []
    opened = -1
    for m in _SINGLE.finditer(text, start, end):
        i = m.start()
        ch = m.group()
        if _is_apostrophe(text, i):
            continue
        prev = text[i - 1] if i > start else " "
        nxt = text[i + 1] if i + 1 < end else " "
        if opened < 0:
            if ch in "‘'" and not prev.isalnum() and not nxt.isspace():
                opened = i
        elif ch in "’'" and not prev.isspace() and not nxt.isalnum():
            quotes.append(_make(text, opened, i, paragraph, single=True))
            opened = -1
    return quotes


def _make(text: str, open_: int, close: int, paragraph: int, *, single: bool = False,
          width: int = 1, close_width: int = 1) -> Quote:
    s, e = _trim(text, open_ + width, close)
    return Quote(open=open_, close=close + close_width - 1, start=s, end=max(s, e),
                 paragraph=paragraph, single=single)


def word_count(text: str, start: int, end: int) -> int:
    return len(text[start:end].split())

"""When a statement was made: the day phrase of its attribution, resolved against the article's date.

Wire copy dates a statement in the words around the cue, not in the content: "On Tuesday, the
deputy minister said ...", "... told a briefing Wednesday", "'...,' she told reporters on
Monday", "said yesterday". The words of the statement itself are never read for a date ("the
talks will resume on Friday" says when the talks are, not when it was said).

The rule, as :func:`quotegraph.segment.dates.resolve_relative_day` applies it: a weekday is the
most recent such day on or before the publication date (the publication day itself when the
weekdays match, as in "MOSCOW, May 17 ... told a briefing Wednesday" on a Wednesday); "last
Friday" is strictly before; "yesterday" the day before; "today" the publication day. No
publication date, no ``said_on``.
"""

from __future__ import annotations

import re

from quotegraph.attribute.found import Found
from quotegraph.segment.dates import find_day_reference, resolve_relative_day

__all__ = ["said_on"]

# The end of a sentence: a stop (perhaps inside closing quotes) and a blank, or a line break.
_SENTENCE_END = re.compile(r"[.!?][\"”’»')]*\s|\n")


def _sentence_start(text: str, pos: int) -> int:
    start = max(text.rfind("\n", 0, pos) + 1, 0)
    for m in _SENTENCE_END.finditer(text, start, pos):
        start = m.end()
    return start


def _sentence_end(text: str, pos: int) -> int:
    m = _SENTENCE_END.search(text, pos)
    return m.start() + 1 if m else len(text)


def _windows(text: str, f: Found) -> list[tuple[int, int]]:
    """Where the statement's date may be written, nearest the cue first; never its content."""
    out: list[tuple[int, int]] = []
    if f.clause is not None:
        out.append(f.clause)
    cue_start, cue_end = f.cue if f.cue is not None else (f.start, f.end)
    if cue_start < f.start:
        # Speaker and cue before the content: "On Tuesday, X said that ...".
        out.append((_sentence_start(text, cue_start), f.start))
    if cue_end >= f.end:
        # Content first: '"...," she told reporters on Monday.'
        out.append((f.end, _sentence_end(text, cue_end)))
    return out


def said_on(text: str, f: Found, published: str | None) -> str | None:
    """The ISO date ``f`` was made on, from a day phrase around its cue; ``None`` without one
    or when ``published`` (the article's date) is unknown."""
    if not published:
        return None
    for start, end in _windows(text, f):
        lo, hi = (start, end) if end <= f.start or start >= f.end else _outside(start, end, f)
        if lo >= hi:
            continue
        ref = find_day_reference(text, lo, hi)
        if ref is not None:
            return resolve_relative_day(ref[2], published)
    return None


def _outside(start: int, end: int, f: Found) -> tuple[int, int]:
    # A clause that overlaps the content (a content-first clause running into it) is cut at
    # the content, on the side where the clause lies.
    if start < f.start:
        return start, f.start
    return max(start, f.end), end

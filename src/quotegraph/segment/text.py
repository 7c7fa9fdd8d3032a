"""Paragraphs and sentences as offsets, without copying the text.

Sentences never split inside a quotation: ``"A. B," he said.`` is one sentence, which is what
attribution needs (the cue and its quote stay together).
"""

from __future__ import annotations

import bisect
import re

from quotegraph.segment.quotes import Quote
from quotegraph.spans import strip_span

MAX_SENTENCE = 2000

_LINE = re.compile(r"[^\n]+")
# What may stand between an opening quotation mark and the capital of a new sentence: an
# editor's bracket ('“[Holt] has no ...'), a stray space ('“ You know ...') or an ellipsis
# ('". . . I just want ...'), as US copy prints them.
_QUOTE_LEAD = r"(?:\[|\s|(?:\.\s?){3}|…\s?)?"
# A sentence ends at . ! ? (optionally followed by closing marks) before space + an opening
# capital, digit or quotation mark.
# Written to open with one plain character class, so the regex engine skips straight to the
# next . ! ? … instead of trying both branches at every character (7x faster, same matches):
# ``[.!?…]+X`` is ``[.!?…][.!?…]*X``, and ``(?<=[a-z]{2})\.`` is ``.`` then ``(?<=[a-z]{2}\.)``.
_BOUNDARY = re.compile(r"[.!?…](?:[.!?…]*[\"”’»')\]]*(?=\s+(?:(?:''|``|[\"“‘«])" + _QUOTE_LEAD + r"|[(\[])?[A-Z0-9А-Я])"
                       # copy that lost its spaces: "the minister said.She said", "said.“Today"
                       r"|(?<=[a-z]{2}\.)(?=[\"“][A-Z]|[A-Z][A-Za-z]))")
# After a quotation that ends in ? or !, its attribution may follow with a capital: `"Why
# not?" Ortega said.` is one sentence.
_QUOTE_ATTRIBUTION = re.compile(
    r"\s+(?:(?:the|The|a|A)\s+)?(?:[A-Z][\w.’'\-]*\s+){1,4}(?:said|says|asked|asks|added|adds|told|"
    r"wrote|writes|replied|recalled|continued|explained|exclaimed|shouted|wondered|noted|insisted)\b"
)
# The same after a quotation that ends in a full stop, only when the attribution ends its own
# sentence (not '“We won.” Holt said the count ...', a new sentence that reports more).
_CLOSING_ATTRIBUTION = re.compile(_QUOTE_ATTRIBUTION.pattern + r"\s*\.(?:\s|$)")
_ABBREV = frozenset("""
mr mrs ms dr prof st gen col lt sgt capt cmdr adm gov sen rep pres jr sr inc ltd co corp no nos
vs etc al jan feb mar apr jun jul aug sep sept oct nov dec u.s u.n u.k e.u e.g i.e approx dept
est fig vol op ed rev hon amb h.e engr pst revd
""".split())


def paragraphs(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Non-blank lines of ``text[start:end]``, trimmed, as (start, end) pairs.

    Wire copy puts one paragraph on a line; a line that ends mid-sentence and is followed by a
    line starting in lower case is joined to it (hard-wrapped text).
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for m in _LINE.finditer(text, start, end):
        s, e = strip_span(text, m.start(), m.end())
        if s == e:
            continue
        if spans and _continues(text, spans[-1], s):
            spans[-1] = (spans[-1][0], e)
        else:
            spans.append((s, e))
    return spans


def _continues(text: str, prev: tuple[int, int], start: int) -> bool:
    last = text[prev[1] - 1]
    gap = text[prev[1]:start]
    return gap.count("\n") == 1 and last.isalpha() and text[start].islower()


def sentences(text: str, start: int, end: int, quotes: list[Quote]) -> list[tuple[int, int]]:
    """Sentence spans of the paragraph ``text[start:end]``; never split inside ``quotes``."""
    opens = [q.open for q in quotes]
    spans: list[tuple[int, int]] = []
    s = start
    for m in _BOUNDARY.finditer(text, start, end):
        cut = m.end()
        k = bisect.bisect_left(opens, m.start()) - 1
        if k >= 0 and m.end() < quotes[k].outer_end:
            continue  # inside a quotation (top-level quotes never overlap)
        if _is_abbreviation(text, m.start()):
            continue
        tail = m.group()
        if tail[-1] in "\"”’»'" and ("?" in tail or "!" in tail) and _QUOTE_ATTRIBUTION.match(text, cut, end):
            continue
        if tail[-1] in "\"”’»" and "." in tail and _CLOSING_ATTRIBUTION.match(text, cut, end):
            continue  # '“... that are missing.” Holt said.': the attribution, after a full stop
        _append(text, spans, s, cut)
        s = cut
        while s < end and text[s].isspace():
            s += 1
    if s < end:
        _append(text, spans, s, end)
    return spans


def _append(text: str, spans: list[tuple[int, int]], s: int, e: int) -> None:
    """Add a sentence, cutting a run-on monster (a page with no full stops) into bounded pieces
    at semicolons or commas, so no later stage ever works on megabytes at a time."""
    while e - s > MAX_SENTENCE:
        cut = max(text.rfind("; ", s, s + MAX_SENTENCE), text.rfind(", ", s, s + MAX_SENTENCE))
        cut = cut + 2 if cut > s else s + MAX_SENTENCE
        spans.append((s, cut))
        s = cut
    spans.append((s, e))


def _is_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    j = dot
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:dot].lower()
    if not word:
        return False
    if len(word) == 1 and word.isalpha():
        # an initial: "J. Smith", "U.S."; not the plural of a number ("in the mid-1990s.")
        return not (j > 0 and text[j - 1].isdigit())
    return word in _ABBREV

"""A speech cue inside a relative clause about its object: ``a wall, which he said the county
should pay for``, ``what analysts said was a sign of better relations``.

The relative word ("which", "what", "that", "than") stands for the thing reported on; the
source is the short phrase between it and the cue, and the statement the rest of the clause
after the cue (the relative word itself is one word of it, left out). After a noun, a pronoun
alone may be the source ("a decision they say drove riders away"). Only plain speech verbs.
"""

from __future__ import annotations

import re

from quotegraph.attribute import lexicon as lx
from quotegraph.attribute.found import Found
from quotegraph.attribute.mentions import SpeakerNP, speaker_after
from quotegraph.segment.quotes import Quote, word_count

CUES = frozenset({"said", "say", "says", "argued", "argues", "argue", "claimed", "claims", "claim",
                  "insisted", "insists", "insist", "contended", "contends", "wrote", "writes",
                  "warned", "warns", "noted", "notes"})
_NP = r"(?:(?:the|a|an|many|some|most|several|other|two|three|top)\s+)?(?:[\w’'.\-]+\s+){0,3}?"
# "which he said", "what many analysts said", "than aides say", "that officials say"
_RELATIVE = re.compile(r"(?<![\w’'])(?:which|what|that|than)\s+(?P<np>" + _NP + r"[\w’'.\-]+)\s+"
                       r"(?:(?:also|have|has|had|once|now|often)\s+)?$")
# "a decision they say ...", "the same drive she argues ..."
_NOUN_PRONOUN = re.compile(r"(?<![\w’'])[a-z]{3,}\s+(?P<np>he|she|they|we)\s+(?:(?:also|have|has|had)\s+)?$")
_NOT_NP = frozenset("""is are was were be been has have had will would can could should must may might
do does did not no it this there here as if when because so and or but of in on at to for with by
from he she they we i you""".split())
_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})
# The rest of the relative clause opens with a verb or a clause of its own.
_REST = re.compile(rf"\s+(?:(?:{lx.AUX}|"
                   r"remains?|allowed|drove|needed|affirmed|posed)\b|(?:the|a|an|he|she|they|it|we|"
                   r"his|her|their|its|[A-Z][\w’'\-]*)\s+[\w’'\-]+)")
_STOP = re.compile(r",\s|;\s|:\s|\s[—–]\s|\s--\s|\s-\s|[.!?](?:\s|$)|\(")
_WINDOW = 50


def relative_said(text: str, s: int, e: int, m: re.Match, quotes: list[Quote], paragraph: int) -> Found | None:
    """The statement of "which X said Y" for the cue ``m``, or None."""
    if " ".join(m.group().lower().split()) not in CUES:
        return None
    lo = max(s, m.start() - _WINDOW)
    r = _RELATIVE.search(text, lo, m.start()) or _NOUN_PRONOUN.search(text, lo, m.start())
    if r is None or any(q.open <= r.start() < q.outer_end for q in quotes):
        return None
    a, b = r.span("np")
    words = text[a:b].lower().split()
    if any(w in _NOT_NP for w in words) and not (len(words) == 1 and words[0] in _PRONOUNS):
        return None
    if not _REST.match(text, m.end(), e):
        return None
    pos = m.end()
    while pos < e and text[pos].isspace():
        pos += 1
    stop = next((x for x in _STOP.finditer(text, pos, e)
                 if not any(q.open <= x.start() < q.outer_end for q in quotes)), None)
    ce = stop.start() if stop else e
    while ce > pos and text[ce - 1] in " .!?\"”’":
        ce -= 1
    if word_count(text, pos, ce) < 3:
        return None  # (not "the port that she said she loved": a bare verb, no statement)
    np = speaker_after(text, a, b)
    if np is None or np.start != a:
        np = SpeakerNP("unnamed", a, b, text[a:b], head=words[-1])
    kind = "mixed" if any(pos <= q.open < ce for q in quotes) else "indirect"
    return Found(kind, pos, ce, (m.start(), m.end()), np, "indirect:relative-object", paragraph,
                 clause=(r.start(), m.end()))

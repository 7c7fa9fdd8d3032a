"""A poll's share before a bare "saying": ``left 62 percent of voters saying X``.

"The proportion of voters saying X", "62 percent of them saying X" (no comma, no "with"): the
share is the source and X what it says. The statement runs to the end of its clause; a
quotation right after "saying" is the statement itself. ", with 50 percent saying" is the
older ``with-saying`` rule's and left to it.
"""

from __future__ import annotations

import re

from quotegraph.attribute.found import Found
from quotegraph.attribute.mentions import SpeakerNP
from quotegraph.segment.quotes import Quote, word_count

_SHARE = (r"(?:the\s+(?:share|proportion|percentage)\s+of|(?:a\s+)?(?:majority|plurality)\s+of|"
          r"\d[\d.,]*\s*(?:percent|per\s+cent|%)(?:\s+of)?)")
SHARE_SAYING = re.compile(r"(?<![\w’'])(?P<who>" + _SHARE + r"(?:\s+[\w’'\-]+){0,4}?)\s+"
                          r"(?P<cue>saying)\b(?:\s+that\b)?\s+", re.IGNORECASE)
_STOP = re.compile(r",\s|;\s|:\s|\s[—–]\s|\s--\s|[.!?](?:\s|$)")
# The share as the subject of its own sentence, and the singular verbs that end the statement.
_SUBJECT = re.compile(r"the\s+(?:share|proportion|percentage)\b", re.IGNORECASE)
_MAIN_VERB = re.compile(r"\s(?:is|was|has|rose|fell|increased|decreased|grew|dropped|jumped|doubled|stands|stood)\s")
_WITH = re.compile(r"\bwith\s+$")


def share_saying(text: str, s: int, e: int, quotes: list[Quote], paragraph: int) -> list[Found]:
    out: list[Found] = []
    for m in SHARE_SAYING.finditer(text, s, e):
        a, b = m.span("who")
        if _WITH.search(text, max(s, a - 6), a) or any(q.open <= a < q.outer_end for q in quotes):
            continue
        np = SpeakerNP("unnamed", a, b, text[a:b], head=text[a:b].split()[-1].lower())
        pos = m.end()
        q = next((q for q in quotes if q.open == pos), None)
        if q is not None and q.end > q.start:
            out.append(Found("direct", q.start, q.end, m.span("cue"), np, "direct:share-saying",
                             paragraph, clause=(a, pos)))
            continue
        stop = next((x for x in _STOP.finditer(text, pos, e)
                     if not any(q.open <= x.start() < q.outer_end for q in quotes)), None)
        ce = stop.start() if stop else e
        if _SUBJECT.match(text, a):
            # "The share of growers saying X rose by a third": X ends before the share's verb
            verb = next((v for v in _MAIN_VERB.finditer(text, pos, ce) if word_count(text, pos, v.start()) >= 3), None)
            ce = verb.start() if verb else ce
        while ce > pos and text[ce - 1] in " .!?\"”’":
            ce -= 1
        if word_count(text, pos, ce) < 3:
            continue
        kind = "mixed" if any(pos <= q.open < ce for q in quotes) else "indirect"
        out.append(Found(kind, pos, ce, m.span("cue"), np, "indirect:share-saying", paragraph,
                         clause=(a, pos)))
    return out

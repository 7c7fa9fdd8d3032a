"""'In his words, X': a reported sentence whose source is a possessive pronoun up front.

The pronoun is resolved like "he" ("In her words" like "she"); "In the words of X" is an
"according to" cue and is read there.
"""

from __future__ import annotations

import re

from quotegraph.attribute.found import Found
from quotegraph.attribute.mentions import SpeakerNP
from quotegraph.segment.quotes import Quote, word_count

_IN_WORDS = re.compile(r"[Ii]n\s+(?P<who>his|her|their)\s+(?:own\s+)?words,\s+")


def in_words(text: str, s: int, e: int, quotes: list[Quote], paragraph: int,
             kind_for, trim) -> Found | None:
    """The statement of a sentence ``text[s:e]`` opening "In his/her/their words, X"."""
    m = _IN_WORDS.match(text, s, e)
    if m is None or any(q.open <= m.end() < q.outer_end for q in quotes):
        return None
    cs, ce = trim(text, m.end(), e)
    if word_count(text, cs, ce) < 3:
        return None
    np = SpeakerNP("pronoun", m.start("who"), m.end("who"), m.group("who"))
    return Found(kind_for(text, cs, ce, quotes), cs, ce, (m.start(), m.end() - 2), np,
                 "indirect:in-words", paragraph, clause=(m.start(), m.end()))

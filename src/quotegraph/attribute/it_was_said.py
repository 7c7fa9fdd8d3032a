"""'It was noted that X': an agentless passive that goes on with the speaker just reported.

Agency and ministry copy (Trend, Kazinform, BelTA) continues a spokesperson's statement this
way: '"...," he said. It was noted that Armenia has not yet handed over ...'. The statement
inherits the previous statement's speaker, with the checks that a quoted paragraph with no
attribution gets (no other person named in between); with no statement before, no speaker.
"""

from __future__ import annotations

import re

from quotegraph.attribute.found import Found
from quotegraph.segment.quotes import Quote, word_count

_IT_WAS = re.compile(r"It\s+was\s+(?:also\s+|further\s+)?(?P<cue>noted|stressed|emphasi[sz]ed|underlined|"
                     r"underscored|pointed\s+out|mentioned|added|stated|said|reported)\s+that\s+")


def it_was_said(text: str, s: int, e: int, quotes: list[Quote], paragraph: int,
                kind_for, trim) -> Found | None:
    """The statement of a sentence ``text[s:e]`` opening "It was noted that X"."""
    m = _IT_WAS.match(text, s, e)
    if m is None or any(q.open <= m.start() < q.outer_end for q in quotes):
        return None
    cs, ce = trim(text, m.end(), e)
    if word_count(text, cs, ce) < 3:
        return None
    return Found(kind_for(text, cs, ce, quotes), cs, ce, (m.start(), m.end("cue")), None,
                 "indirect:it-was-said", paragraph, inherit="previous", clause=(m.start(), m.end()))

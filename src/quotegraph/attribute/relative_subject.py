"""A named or titled subject, a "who" clause with no comma before it, then a comma and the cue.

``The Minister who yesterday walked away from reporters to avoid questions on the attack, today
says X``: the relative clause is closed by a comma but never opened by one, so the aside rules
(which split at the first comma) and the modifier rule (which allows no punctuation) both miss
the subject. The phrase before "who" is read as a speaker phrase; only a name, a role noun or an
institution is taken, never one capitalised word without a title ("Farmers who live near the border, say").
"""

from __future__ import annotations

import re

from quotegraph.attribute.mentions import SpeakerNP, speaker_before

MAX_CLAUSE_WORDS = 40
MAX_HEAD_WORDS = 8

_WORD = re.compile(r"[\w’'\-.]+|[^\w\s]")
# Words allowed between the closing comma and the cue: when, or "also".
_TAIL = frozenset("today yesterday also now then later earlier on monday tuesday wednesday "
                  "thursday friday saturday sunday".split())


def relative_clause_subject(text: str, lo: int, cue_start: int) -> SpeakerNP | None:
    """The speaker before "who ..., [today] <cue>" in ``text[lo:cue_start]``, or None."""
    toks = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, lo, cue_start)]
    while toks and toks[-1][2].lower() in _TAIL:
        toks = toks[:-1]
    if len(toks) < 5 or toks[-1][2] != ",":
        return None
    who = next((k for k, t in enumerate(toks) if t[2].lower() == "who"), None)
    if who is None or not 1 <= who <= MAX_HEAD_WORDS:
        return None
    head, clause = toks[:who], toks[who + 1:-1]
    if not clause or len(clause) > MAX_CLAUSE_WORDS or any(t[2] in ".;:!?“”\"" for t in clause) \
            or any(t[2] in ",()" for t in head):
        return None
    start = head[0][0]
    np = speaker_before(text, start, head[-1][1] + 1)
    if np is None or np.start != start or np.kind not in ("name", "role", "institution"):
        return None
    if np.kind == "name" and not np.title and " " not in (np.name or ""):
        return None  # "Farmers who live near the border, say": one capitalised word, no title
    return np

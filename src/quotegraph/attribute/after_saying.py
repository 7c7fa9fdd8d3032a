"""'after saying he would not run, X entered the race': speech inside a time clause.

"After saying he was nervous, the man asked ...", "The mayor made gaffes after telling his
aides he planned to ...", "While saying that he respects her, he ...": the subject of the
sentence said what follows the gerund. Read only when a clause plainly follows (a "that", or a
subject pronoun), never an object ("after announcing her decision", "while saying goodbye",
"after arguing with the host"). The statement ends at the clause's comma.
"""

from __future__ import annotations

import re

from quotegraph.attribute.found import Found
from quotegraph.attribute.mentions import SpeakerNP, speaker_after
from quotegraph.segment.quotes import Quote, word_count

_OPENER = re.compile(
    r"(?<![\w’'])(?:[Aa]fter|[Uu]pon|[Ww]hile|[Bb]efore|[Ss]ince)\s+"
    r"(?:(?:initially|first|later|repeatedly|publicly|privately|previously)\s+)?"
    r"(?P<cue>saying|arguing|claiming|insisting|announcing|declaring|telling)\b")  # (the hint words
# of statements._PARTICIPLE_HINT, which lets a sentence holding one be read)
# What may stand between the gerund and its clause: the person told ("telling his aides"), or
# a short circumstance before "that" ("saying in a recent debate that").
_TOLD = re.compile(r"\s+(?:him|her|them|me|us|reporters|(?:his|her|their|the)\s+[a-z]+)(?=\s)")
_CIRCUMSTANCE = re.compile(r"\s+(?:in|at|on|during)\s[^,;:\"“”]{2,40}?(?=\s+that\s)")
_CLAUSE = re.compile(r"\s+(?:that\s+(?=\w)|(?=(?:he|she|they|we|I)\s+[a-z]))")
_STOP = re.compile(r",\s|;\s|\s[—–]\s|\s--\s")
_SPEAKER_KINDS = frozenset({"name", "role", "institution", "pronoun", "unnamed"})
_LEAD = re.compile(r"(?:But|And|Yet|So|Still)\s+")


def after_saying(text: str, s: int, e: int, quotes: list[Quote], paragraph: int,
                 kind_for, trim) -> Found | None:
    """The statement of a time clause ``after saying X`` in the sentence ``text[s:e]``."""
    m = _OPENER.search(text, s, e)
    if m is None or any(q.open <= m.start() < q.outer_end for q in quotes):
        return None
    pos = m.end()
    if m.group("cue") == "telling":
        told = _TOLD.match(text, pos, e)
        if told is None:
            return None
        pos = told.end()
    elif (lead := _CIRCUMSTANCE.match(text, pos, e)) is not None:
        pos = lead.end()
    clause = _CLAUSE.match(text, pos, e)
    if clause is None:
        return None
    stop = next((x for x in _STOP.finditer(text, clause.end(), e)
                 if not any(q.open <= x.start() < q.outer_end for q in quotes)), None)
    cs, ce = trim(text, clause.end(), stop.start() if stop else e)
    if word_count(text, cs, ce) < 3:
        return None
    lead = _LEAD.match(text, s, m.start())
    if m.start() == (lead.end() if lead else s):
        # "After saying X, the man ...": the subject of the main clause after the comma
        if stop is None or text[stop.start()] != ",":
            return None
        np = speaker_after(text, stop.end(), e)
    else:
        # "The candidate made gaffes after telling ...": the subject the sentence opens with
        start = lead.end() if lead else s
        np = speaker_after(text, start, m.start())
        if np is not None and np.start != start:
            np = None
    if np is None or np.kind not in _SPEAKER_KINDS:
        return None
    return Found(kind_for(text, cs, ce, quotes), cs, ce, m.span("cue"), np,
                 "indirect:after-saying", paragraph, clause=(m.start(), clause.end()))

"""Speech reported inside a relative clause: ``voters who said they would stay home``.

The relative pronoun stands for the speaker; the statement is the clause after the cue, up to
the end of the relative clause (its comma), never the main clause's verb after it ("Quist, who
said the pier would close, left early": the pier would close). The antecedent's last words are
kept as the words of an unnamed source: a restrictive relative names a group or a share
("the 30 percent of voters", "critics"), not a person to resolve.
"""

from __future__ import annotations

import re

from quotegraph.attribute import cues
from quotegraph.attribute.mentions import SpeakerNP, speaker_before
from quotegraph.segment.quotes import Quote, word_count

_ADVERBS = r"(?:(?:also|has|have|had|once|later|previously|repeatedly|publicly|recently|often|then)\s+)*"
_WHO = re.compile(r"(?:(?P<comma>,\s+)|(?<![\w’']))who\s+" + _ADVERBS + r"$")
# A relative clause set off with commas right before the cue: ", who (also) said".
SET_OFF_WHO = re.compile(r",\s+who\s+" + _ADVERBS + r"$")
# After the cue, a clause must open: "that", a pronoun, a determiner or a capitalised subject.
_OPENS = re.compile(r"\s+(?:that\s+)?(?:it|they|he|she|we|I|you|there|this|these|those|the|a|an|his|her|"
                    r"its|their|our|no|[A-Z][\w’'\-]*)\b")
_STOP = re.compile(r",\s|;\s|:\s|\s[—–]\s|\s--\s|[.!?](?:\s|$)")
_WORD = re.compile(r"[\w’'%\-]+|[^\w\s]")
_NOT_ANTECEDENT = frozenset("""among from for with to by than between of in on at about and or but the
a an those these is are was were""".split())


def who_said(text: str, s: int, e: int, m: re.Match, quotes: list[Quote], *, set_off: bool = True):
    """``(content start, content end, source phrase, clause start)`` for "who said X", or None.

    ``set_off=False`` leaves ", who added that X" to the rules that carry the speaker of the
    sentence's first attribution over to it."""
    w = _WHO.search(text, max(s, m.start() - 60), m.start())
    if w is None or not _OPENS.match(text, m.end(), e) or any(q.open <= w.start() < q.outer_end for q in quotes):
        return None
    if w.group("comma") is not None and not set_off:
        return None
    pos = m.end()
    if (t := cues.THAT.match(text, pos + 1)) is not None:
        pos = t.end()
    stop = next((x for x in _STOP.finditer(text, pos, e)
                 if not any(q.open <= x.start() < q.outer_end for q in quotes)), None)
    end = stop.start() if stop else e
    cs = pos
    while cs < end and text[cs].isspace():
        cs += 1
    ce = end
    while ce > cs and text[ce - 1] in " .!?\"”’":
        ce -= 1
    if word_count(text, cs, ce) < 3:
        return None
    np = _antecedent(text, s, w.start(), m.start(), w.group("comma") is not None)
    if np is None:
        return None
    return cs, ce, np, np.start


def _antecedent(text: str, s: int, who_at: int, cue_start: int, set_off: bool) -> SpeakerNP | None:
    if set_off:
        # ", who said": the phrase before the comma, as the speaker rules read it
        np = speaker_before(text, s, cue_start)
        if np is not None and np.kind in ("name", "role", "institution"):
            return np
    toks = [(x.start(), x.end(), x.group()) for x in _WORD.finditer(text, max(s, who_at - 40), who_at)]
    while toks and toks[-1][2] == ",":
        toks = toks[:-1]
    if not toks:
        return None
    # Only the noun before "who" ("voters", "critics", "18%"): the words before it may be the
    # main clause's verb ("Obama rebuked critics who say ...").
    start, end, word = toks[-1]
    if not word[:1].isalnum() or word.lower() in _NOT_ANTECEDENT:
        return None
    return SpeakerNP("unnamed", start, end, word, head=word.lower())

"""Borderline statements: reporting cues the rules left without a statement, with features.

The rules in ``reported`` drop a cue when its subject or its content is uncertain ("X urged
supporters to ...", "He questioned the integrity of ..."). Rather than guess once more by hand,
each such cue becomes a candidate whose features (cue word, speaker kind and position, what
follows the cue, content length ...) a small learned scorer (``quotegraph.attribute.scorer``)
weighs; only candidates it accepts become statements. The features are cheap on purpose: a
few string tests per unused cue, nothing per sentence without one.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from dataclasses import dataclass

from quotegraph.attribute.found import Found
from quotegraph.attribute.mentions import SpeakerNP, speaker_before
from quotegraph.attribute.reported import FINITE, GUEST, QUARREL_CUES, QUARREL_OBJECT, TOPIC_CUES
from quotegraph.segment.quotes import word_count

_WORD = re.compile(r"[a-z]+")
_SKIP = frozenset("has have had having also later then just repeatedly previously would will to "
                  "been was is were be once again further earlier recently publicly openly".split())
_PRONOUNS = frozenset("it they he she we i you there this these those".split())
_DETERMINERS = frozenset("the a an his her their its our some all no any".split())
_PREPOSITIONS = frozenset("in at on during after before while with for from by via under amid "
                          "about of over against into".split())
_SPEAKER_KINDS = ("name", "role", "institution", "pronoun")
_NEXT_TOKEN = re.compile(r"\s*(\S)(\S*)")


@dataclass(frozen=True)
class Candidate:
    """A statement the rules would not commit to, and the features the scorer reads."""

    found: Found
    features: dict[str, float]


def cue_lemma(cue: str) -> str:
    """The head word of a cue ("has also said" -> "said"), lowercased."""
    for w in _WORD.findall(cue.lower()):
        if w not in _SKIP:
            return w
    return ""


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"


def _next_class(text: str, pos: int, e: int) -> str:
    m = _NEXT_TOKEN.match(text, pos, e)
    if m is None:
        return "end"
    first, rest = m.group(1), m.group(2)
    word = (first + rest).lower().strip(",.;:")
    if first in "\"“«‘'":
        return "quote"
    if first in ",.;:!?—–-()":
        return "punct"
    if word == "that":
        return "that"
    if word == "to":
        return "to"
    if word in _PRONOUNS:
        return "pronoun"
    if word in _DETERMINERS:
        return "determiner"
    if word in _PREPOSITIONS:
        return "preposition"
    if word in ("why", "whether", "if", "how", "what", "when", "where", "who"):
        return "wh"
    return "capital" if first.isupper() else "word"


def features(text: str, s: int, e: int, cue: tuple[int, int], np: SpeakerNP, content: tuple[int, int],
             quotes, first_in_paragraph: bool, last_np: SpeakerNP | None) -> dict[str, float]:
    """The sparse feature dict of one candidate (names are stable: they key the weights)."""
    cue_text = text[cue[0]:cue[1]]
    lemma = cue_lemma(cue_text)
    words = word_count(text, *content)
    gap = text[np.end:cue[0]]
    f = {
        "bias": 1.0,
        "cue=" + lemma: 1.0,
        "np=" + np.kind: 1.0,
        "next=" + _next_class(text, cue[1], e): 1.0,
        "len" + _bucket(words, (3, 6, 12, 25)): 1.0,
        "gap" + _bucket(len(gap.strip()), (0, 12, 30)): 1.0,
        "np_opens_sentence": 1.0 if not text[s:np.start].strip() else 0.0,
        "first_in_paragraph": 1.0 if first_in_paragraph else 0.0,
        "quote_in_content": 1.0 if any(content[0] <= q.open < content[1] for q in quotes) else 0.0,
        "comma_in_gap": 1.0 if "," in gap else 0.0,
        "content_ends_sentence": 1.0 if e - content[1] <= 2 else 0.0,
        "multiword_cue": 1.0 if " " in cue_text.strip() else 0.0,
        "same_as_last_speaker": 1.0 if last_np is not None and last_np.text == np.text else 0.0,
        "pronoun_after_speaker": 1.0 if np.kind == "pronoun" and last_np is not None else 0.0,
    }
    f["cue=" + lemma + "&next=" + _next_class(text, cue[1], e)] = 1.0
    return {k: v for k, v in f.items() if v}


def borderline(text: str, s: int, e: int, quotes, cue_matches, taken: list[tuple[int, int]],
               used: set[int], paragraph: int, first_in_paragraph: bool,
               last_np: SpeakerNP | None) -> list[Candidate]:
    """Candidates for the cues of sentence ``text[s:e]`` that no statement used.

    A cue qualifies when it is outside quotation marks and outside every span the rules took,
    and a speaker phrase (name, role, institution or pronoun) stands before it; the content is
    the rest of the sentence after the cue (and its "that").
    """
    out: list[Candidate] = []
    for m in cue_matches:
        a = m.start()
        if a in used or any(q.open <= a < q.outer_end for q in quotes) \
                or any(x <= a < y for x, y in taken):
            continue
        np = speaker_before(text, s, a)
        if np is None or np.kind not in _SPEAKER_KINDS:
            continue
        cs = m.end()
        t = re.match(r"\s*(?:that(?:,(?!\s+(?:and|or|not|but)\b))?\s+)?", text[cs:e])
        cs += t.end() if t else 0
        ce = e
        while ce > cs and text[ce - 1] in " \t\n\r.!?":
            ce -= 1
        if word_count(text, cs, ce) < 2:
            continue
        cue_text = " ".join(m.group().lower().split())
        if cue_text in TOPIC_CUES and not FINITE.search(text, cs, ce) \
                or cue_text in ("welcomed", "welcomes") and GUEST.match(text, m.end(), e) \
                or cue_text in QUARREL_CUES and QUARREL_OBJECT.match(text, cs):
            # the rules' own vetoes hold here too: "spoke of a new era" (a topic), "welcomed
            # the Emir in Belgrade" (a guest), "argued over the fishing grounds" (a dispute)
            continue
        feats = features(text, s, e, (a, m.end()), np, (cs, ce), quotes, first_in_paragraph, last_np)
        found = Found("indirect", cs, ce, (a, m.end()), np, "indirect:scored-cue", paragraph,
                      clause=(np.start, m.end()))
        out.append(Candidate(found, feats))
    return out


_collected: list[list[Candidate]] = []


@contextmanager
def collecting():
    """Within this block every candidate is recorded (for training) and none is accepted."""
    bag: list[Candidate] = []
    _collected.append(bag)
    try:
        yield bag
    finally:
        _collected.pop()


def collector() -> list[Candidate] | None:
    return _collected[-1] if _collected else None

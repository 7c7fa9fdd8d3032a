"""A statement named by a back-reference in the sentence after it.

"Mirziyoyev talked with Kyrgyz prime ministers only four times in 14 years. He stated this
today at a meeting with ...": the sentence before is what he stated. Likewise "made the
statement", "confirmed this information to Kabar", "said so". Only when that sentence reports
nothing of its own (else "made the statement" points at a statement already found).
"""

from __future__ import annotations

import re

from quotegraph.attribute.found import Found
from quotegraph.attribute.mentions import speaker_before
from quotegraph.segment.quotes import Quote, word_count
from quotegraph.segment.text import sentences
from quotegraph.spans import trie_alternation

_VERBS = ("stated", "said", "confirmed", "announced", "reported", "noted", "stressed", "made",
          "voiced", "expressed")
# "(has|had) (also) stated this": every spelling of the verb group as one trie, "(?<!\w)"
# written after its first letter (see trie_alternation), so that the scan of the whole text
# skips to where one can start instead of trying the pattern at every position (a third of
# its time, same matches).
# What follows the verb: "this", "so", "the statement", "these remarks", ...
_OBJECT = (r"\s+(?:this(?:\s+information)?|so|the\s+statement|this\s+statement|"
           r"the\s+remarks?|these\s+remarks|the\s+comments?|these\s+comments)(?=[\s.,])")
_OBJECT_AFTER = re.compile(_OBJECT)
BACK_REFERENCE = re.compile(
    r"(?:" + trie_alternation([aux + also + verb for aux in ("", "has ", "had ")
                               for also in ("", "also ") for verb in _VERBS],
                              after_first=r"(?<!\w.)")
    + r")" + _OBJECT
)
# After the back-reference only when, where and to whom it was said may follow.
_REST = re.compile(r"(?:\s+(?:today|yesterday|on\s+\w+|in|at|during|to|while|after|before|when|"
                   r"speaking|in\s+response)\b[^.;:“”\"«»]*)?\.?\s*$")
_SUBJECT_START = re.compile(r"[A-Z]")


def _may_hold_one(text: str) -> bool:
    """Whether some verb of _VERBS (anywhere, even inside a word) is followed by the object
    of a back-reference: every match of BACK_REFERENCE holds one, and most articles none, so
    the scan of the whole text is left out for them (a few substring searches instead)."""
    for verb in _VERBS:
        at = text.find(verb)
        while at >= 0:
            if _OBJECT_AFTER.match(text, at + len(verb)):
                return True
            at = text.find(verb, at + 1)
    return False


def back_references(text: str, paragraphs, found: list[Found], quotes_of) -> list[Found]:
    """Statements for back-references; ``paragraphs`` are (start, end, headline) triples,
    ``found`` the statements so far and ``quotes_of(paragraph index)`` a paragraph's quotes.
    Returns the new statements; a statement found inside the back-reference's sentence after
    its cue ("He stated [this today at ...]") is dropped from ``found``."""
    out: list[Found] = []
    hits = list(BACK_REFERENCE.finditer(text)) if _may_hold_one(text) else []
    if not hits:
        return out
    spans = []  # (start, end, paragraph) of the sentences of the paragraphs holding a hit
    for pi, (ps, pe, headline) in enumerate(paragraphs):
        if headline or not any(ps <= m.start() < pe for m in hits) and not (
                pi + 1 < len(paragraphs) and any(paragraphs[pi + 1][0] <= m.start() < paragraphs[pi + 1][1]
                                                 for m in hits)):
            continue
        quotes: list[Quote] = quotes_of(pi)
        if quotes:
            continue  # quotations around: the back-reference points at them
        spans.extend((s, e, pi) for s, e in sentences(text, ps, pe, quotes))
    for k, (s, e, pi) in enumerate(spans):
        m = next((m for m in hits if s <= m.start() < e), None)
        if m is None or k == 0 or not _REST.match(text, m.end(), e):
            continue
        ps_, pe_, pp = spans[k - 1]
        if pp not in (pi, pi - 1) or word_count(text, ps_, pe_) < 4:
            continue
        if any(f.start < pe_ and ps_ < f.end for f in found + out):
            continue  # the sentence before reports something already: nothing new named
        np = speaker_before(text, s, m.start())
        if np is None or np.start != s or not _SUBJECT_START.match(text, s):
            continue  # "He stated this": the subject opens the sentence
        ce = pe_
        while ce > ps_ and text[ce - 1] in " \n.":
            ce -= 1
        found[:] = [f for f in found if not (s <= f.start and f.end <= e and f.cue and f.cue[0] >= m.start())]
        out.append(Found("indirect", ps_, ce, m.span(), np, "indirect:back-reference", pp,
                         clause=(s, m.end())))
    return out

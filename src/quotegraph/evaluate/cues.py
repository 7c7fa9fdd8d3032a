"""Cue classes for reporting PolNeAR figures by the kind of attribution.

PolNeAR annotates speech ("said", "told", "according to") and also thoughts, intentions,
evidence and polls ("believes", "wants", "shows", "found"), which quotegraph must not report as
statements. Recall on the whole corpus mixes the two; recall on speech cues is the figure that
says how many statements the engine misses. A cue's class is decided by its head word, the
first word that is not an auxiliary or adverb ("has also said" -> "said").
"""

from __future__ import annotations

import re

# Verbs (all forms as written) and prepositions whose attribution is something said or written.
SPEECH_CUES = frozenset("""
say says said saying tell tells told telling according note notes noted noting add adds added
adding write writes wrote writing written call calls called calling warn warns warned warning
claim claims claimed claiming state states stated stating announce announces announced
announcing explain explains explained explaining argue argues argued arguing insist insists
insisted insisting stress stresses stressed stressing emphasize emphasizes emphasized emphasise
emphasises emphasised recall recalls recalled acknowledge acknowledges acknowledged admit admits
admitted deny denies denied denying confirm confirms confirmed declare declares declared reply
replies replied respond responds responded comment comments commented tweet tweets tweeted
tweeting post posts posted testify testifies testified assert asserts asserted mention
mentions mentioned report reports reported reporting
""".split())

_SKIP = frozenset("""
has have had having also later then just repeatedly previously would will to been was is were
be once again further earlier recently publicly openly flatly bluntly privately often
""".split())
_WORD = re.compile(r"[a-z]+")

CLASSES = ("speech", "other")


def cue_head(cue: str) -> str:
    """The head word of a cue, lowercased; empty when the cue has no word."""
    for w in _WORD.findall(cue.lower()):
        if w not in _SKIP:
            return w
    return ""


def cue_class(cue: str | None) -> str:
    """``speech`` for a cue of saying or writing, ``other`` for everything else (no cue too)."""
    return "speech" if cue and cue_head(cue) in SPEECH_CUES else "other"

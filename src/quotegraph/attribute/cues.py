"""Compiled cue patterns built once from the word lists in ``lexicon``."""

from __future__ import annotations

import re
from bisect import bisect_left

from quotegraph.attribute import lexicon as lx
from quotegraph.spans import trie_alternation


_alternation = trie_alternation


def _capitalisable(phrases) -> list[str]:
    return list(phrases) + [p[:1].upper() + p[1:] for p in phrases]


# A reporting cue (verb or phrase). Word boundaries on both sides; headline capitals allowed.
CUE = re.compile(
    r"(?<![\w\-’'])(?:"
    + _alternation(_capitalisable(lx.PHRASAL_CUES + lx.REPORTING_VERBS + lx.OBJECT_VERBS))
    + r")(?![\w\-])"
)
PHRASAL = frozenset(lx.PHRASAL_CUES)
OBJECT_VERBS = frozenset(lx.OBJECT_VERBS)

# "(?<!\w)" before the phrase, written after its first letter (see trie_alternation): half the
# time of the scan, same matches.
ACCORDING = re.compile(r"(?:" + _alternation(_capitalisable(lx.ACCORDING_TO), after_first=r"(?<!\w.)")
                       + r")(?!\w)")

PASSIVE = re.compile(
    r"\s(?:" + _alternation(lx.PASSIVE_AUX) + r")(?:\s+(?:also|particularly|repeatedly|specifically|"
    r"especially|once again|again|further|strongly))?\s+(?:" + _alternation(lx.PASSIVE_PARTICIPLES)
    + r")(?:\s+as\s+[^,.]{1,60}?)?\s+by\s+"
)

# ", adding that ..." after an attribution: a second statement by the same speaker.
PARTICIPLE_CUE = re.compile(
    r",?\s+(?:and\s+)?(?:adding|noting|stressing|saying|warning|pointing\s+out|emphasizing|"
    r"emphasising|underscoring|underlining|recalling|explaining|arguing|insisting|stating|"
    r"observing|highlighting|making\s+it\s+clear|calling\s+on|urging|reiterating|"
    r"asserting|claiming|suggesting|acknowledging|admitting|announcing|calling|describing)"
    r"(?:\s+that)?(?:\s*:)?\s+"
)

# What may stand between a cue and its "that": objects and circumstances of the telling.
THAT = re.compile(r"(?<!\w)that\s+")

# Sentence openers that make the part before the first comma an introduction, not content.
# "This week, ..." is one; "This request is a precedent, he said" is content.
INTRO = re.compile(
    r"^(?:In|On|At|During|Speaking|Asked|Commenting|Addressing|After|Before|Earlier|Later|"
    r"Meanwhile|However|Moreover|Separately|Also|Still|For|Following|Answering|Responding|"
    r"Referring|Turning|Touching|Writing|Talking|Recently|Previously|(?:Last|This)\s+(?:week|month|year|"
    r"morning|afternoon|evening|time|spring|summer|autumn|fall|winter|weekend|decade|century)|Today|"
    r"Yesterday|Now|Then|Besides|Furthermore|In\s+addition|At\s+the\s+same\s+time|According|"
    r"Under|Amid|With|Regarding|As\s+for|As\s+to|When|While|Since|Meeting|Visiting|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)

# Objects of "told" and circumstances after a cue, skipped to reach the content.
TOLD_OBJECT = re.compile(
    r"\s*(?:(?:the\s+)?(?:newspaper|daily|magazine|channel|TV\s+channel|agency|news\s+agency|outlet|"
    r"broadcaster|radio|website)\s+[“\"«]?[A-Z][\w\-\.]*(?:\s+[A-Z][\w\-\.]*){0,4}[”\"»]?"
    r"(?=[\s,.:])|(?:the\s+)?(?:reporters|journalists|the\s+press|the\s+media|a\s+briefing|a\s+news\s+"
    r"conference|a\s+press\s+conference|parliament|lawmakers|the\s+audience|participants|"
    r"students|the\s+forum|the\s+conference|the\s+summit|the\s+meeting|the\s+session|"
    r"(?:the\s+)?[“\"«]?(?:(?:Mr|Mrs|Ms|Dr)\.\s+)?[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,4}[”\"»]?(?:\s+(?:newspaper|news\s+agency|information\s+agency|agency|"
    r"TV\s+channel|channel|TV|television|radio(?:\s+station)?|magazine|daily|outlet|news\s+portal|portal|website))?|him|her|them|us|me))(?=[\s,.:])"
)


# A capitalised cue right after a capitalised word, with running lower-case text or a comma
# after it: part of a name ("the United States has", "Consumer Reports found", "the United
# States District Court, was"), not a headline's verb
# ("Lavrov Says West Is Wrong" goes on in capitals).
_CAPITAL_BEFORE = re.compile(r"[A-Z][\w.’'-]*[ \t]+$")
_LOWER_AFTER = re.compile(r"[ \t]+[a-z]|[,)]")


_UNITED_BEFORE = re.compile(r"United[ \t]+$")  # "United States District Court": always a name


def _inside_name(text: str, m: re.Match) -> bool:
    if not m.group()[0].isupper():
        return False
    if _UNITED_BEFORE.search(text, max(0, m.start() - 8), m.start()):
        return True
    return _LOWER_AFTER.match(text, m.end()) is not None \
        and _CAPITAL_BEFORE.search(text, max(0, m.start() - 40), m.start()) is not None


class CueIndex:
    """Every cue match in one text, found in one scan and looked up by offset with bisect.

    Looking up the cue after a quotation or before a colon this way costs a bisect instead of
    another regex scan; the matches are those of a whole-text scan, so a cue is never found at a
    window edge that cuts a word in two.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.matches = [m for m in CUE.finditer(text) if not _inside_name(text, m)]
        self.starts = [m.start() for m in self.matches]

    def between(self, lo: int, hi: int) -> list[re.Match]:
        """Cues that start in ``[lo, hi)`` and end by ``hi``."""
        i, j = bisect_left(self.starts, lo), bisect_left(self.starts, hi)
        return [m for m in self.matches[i:j] if m.end() <= hi]

    def first(self, lo: int, hi: int) -> re.Match | None:
        i = bisect_left(self.starts, lo)
        if i < len(self.matches) and self.matches[i].end() <= hi:
            return self.matches[i]
        return None

    def at(self, pos: int) -> re.Match | None:
        i = bisect_left(self.starts, pos)
        if i < len(self.starts) and self.starts[i] == pos:
            return self.matches[i]
        return None


_last: list[CueIndex] = []


def cue_index(text: str) -> CueIndex:
    """The CueIndex of ``text``, reused while the same text object is being processed."""
    if _last and _last[0].text is text:
        return _last[0]
    index = CueIndex(text)
    _last[:] = [index]
    return index

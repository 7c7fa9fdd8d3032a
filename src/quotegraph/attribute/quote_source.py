"""The source of a quotation next to a plain speech verb when no known speaker form matches.

``"...," said a 2008 campaign veteran.`` / ``"...," one senior Democrat said.``: a quotation,
then "said" and a short phrase (or a short phrase and "said") is an attribution whatever the
phrase is. The phrase is kept as the words of an unnamed source: no speaker is named from it
(a wrong speaker is worse than none), but the quotation is reported.

Only for the plainest verbs, and only for a short phrase of words with no clause of its own
(no "is", "that", "who" ...), that ends the sentence or meets a comma after the verb-first form.
"""

from __future__ import annotations

import re

from quotegraph.attribute.mentions import SpeakerNP

# Verbs that always report what was said when a quotation stands right beside them.
PLAIN_QUOTE_CUES = frozenset("said says told tells wrote writes added adds declared tweeted".split())
MAX_WORDS = 7

_WORD = re.compile(r"[A-Za-z0-9][\w’'\-.]*")
# Words that make the phrase a clause or a continuation rather than a source.
_NOT_IN_SOURCE = frozenset("""
is was are were be been being has have had do does did will would can could should may might must
that which who whom whose what when where while if because although though not no never also
it this these those there here he she they we i you me him her them us and but or so as than
then to in on at by for from with about after before during since until into over
""".split())
# A source phrase may open with one of these even though they are in the list above.
_OPENERS = frozenset("her his their its this one another a an the".split())
_INNER_PREPOSITIONS = frozenset("at of for in from with".split())
_STOP = re.compile(r"\s*(?:[,.;:!?)]|$)")
# The end of the source phrase: a comma, a stop that is not an abbreviation's, a dash.
_PHRASE_END = re.compile(r"[,;:!?()]|\.(?=\s+[a-z]|\s*$|\s*[\"”’'])|(?<!\b[A-Z][a-z])(?<!\b[A-Z])\.(?=\s)|\s[—–]\s")
# "... this source told the Post.": whom it was told, then the sentence end or a comma.
_ADDRESSEE = re.compile(r"\s+(?:the\s+|a\s+)?(?:[A-Z][\w’'\-.]*\s+){0,2}(?:reporters|[A-Z][\w’'\-]*)(?=\s*[,.;:!?)]|$)")


def _phrase(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``text[start:end]`` as a run of source words (offsets trimmed), or None."""
    words = list(_WORD.finditer(text, start, end))
    if not words or len(words) > MAX_WORDS:
        return None
    gaps = [text[a.end():b.start()] for a, b in zip(words, words[1:])]
    if any(g.strip() for g in gaps) or text[start:words[0].start()].strip() \
            or text[words[-1].end():end].strip(" .\t\n"):
        return None  # punctuation inside: an aside or a list, not one phrase
    described = words[0].group().lower() in _OPENERS
    for k, w in enumerate(words):
        lw = w.group().lower().rstrip(".")
        if lw in _INNER_PREPOSITIONS and described and 1 < k < len(words) - 1:
            continue  # "his best friend at Lehigh", "the head of the union"
        if lw in _NOT_IN_SOURCE and not (k == 0 and lw in _OPENERS):
            return None
    last = words[-1].group().rstrip(".")
    if last.lower() in _OPENERS or not last[:1].isalpha():
        return None
    return words[0].start(), words[-1].start() + len(last)


def source_after(text: str, cue_end: int, hi: int) -> SpeakerNP | None:
    """``said a 2008 campaign veteran.``: the phrase from ``cue_end`` up to a comma or the
    sentence end in ``text[:hi]``."""
    stop = _PHRASE_END.search(text, cue_end, hi)
    end = stop.start() if stop else hi
    while stop is not None and text[stop.start()] == "." and _abbreviated(text, stop.start()):
        stop = _PHRASE_END.search(text, stop.end(), hi)  # "said the younger Mr. Lind."
        end = stop.start() if stop else hi
    span = _phrase(text, cue_end, end)
    return _unnamed(text, span) if span else None


def source_before(text: str, lo: int, cue_start: int, hi: int, cue_end: int) -> SpeakerNP | None:
    """``one senior Democrat said.``: the phrase in ``text[lo:cue_start]``; after the cue only
    the sentence end or a comma may follow (not a clause: "..." the senator said it was ...)."""
    if not _STOP.match(text, cue_end, hi) and not (
            text[cue_end - 4:cue_end].lower() == "told" and _ADDRESSEE.match(text, cue_end, hi)):
        return None
    span = _phrase(text, lo, cue_start)
    return _unnamed(text, span) if span else None


_ABBREVIATIONS = frozenset("mr mrs ms dr st gen col lt sgt capt adm gov sen rep prof jr sr".split())


def _abbreviated(text: str, dot: int) -> bool:
    j = dot
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    return text[j:dot].lower() in _ABBREVIATIONS or dot - j == 1  # a title or an initial


def _unnamed(text: str, span: tuple[int, int]) -> SpeakerNP:
    start, end = span
    words = text[start:end].split()
    return SpeakerNP("unnamed", start, end, text[start:end], head=words[-1].lower())

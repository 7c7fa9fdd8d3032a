"""A document as the subject of a cue: "a statement issued on Monday said X", "the statement of
the Ministry reads", "A communiqué released by the ministry said", and after it: '“...,” reads
the statement of the Ministry'.

A document does not speak; the body that issued it does. When the phrase names the issuer ("by
the ministry", "of the Ministry") that body is the speaker phrase; when it names none, the phrase
is kept as a document ("unnamed", head ``statement``) and resolution looks for the issuer in the
sentences before (``resolve.speakers._issuer``), as it does for "the statement said".
"""

from __future__ import annotations

import re

_HINT = re.compile(r"statement|communiqu|release|declaration|readout")
# The whole clause before the cue: an optional opener, a determiner, at most two modifiers
# ("joint", "press"), the document noun, then what is said of it ("issued on Monday January 15,
# 2018", "of the Ministry", "released by the ministry on Friday"); no clause boundary inside.
_DOCUMENT = re.compile(
    r"[\s,»”\"’'—–-]*(?:(?:But|And|However|Meanwhile|Later|Earlier|Also)\s*,?\s+)?"
    r"(?P<np>(?P<det>[Aa]n?|[Tt]he|[Tt]his|[Ii]ts)\s+(?:[\w\-]+\s+){0,2}?"
    r"(?P<doc>statement|communiqu[eé]|press\s+release|declaration|readout))"
    r"(?P<rest>(?:\s+(?:issued|released|published|posted|circulated|put\s+out))?"
    r"(?:\s+(?:on|late|early|last|this|in)\b[^,;:“”\"«»()]*?(?:,\s*\d{4})?)?"
    r"(?:\s+(?:by|of|from)\s+(?P<who>[^,;:“”\"«»()]+?))?"
    r"(?:\s+(?:on|late|early|last|this|in)\b[^,;:“”\"«»()]*?)?)\s*,?\s*$")
_CLAUSE_WORDS = re.compile(r"\b(?:that|which|who|said|says|is|was|were|are|has|have|had|and)\b")


def document_subject(text: str, lo: int, cue_start: int) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
    """``(document span, issuer span or None)`` when ``text[lo:cue_start]`` is a document phrase
    and nothing else; None otherwise."""
    window = text[lo:cue_start]
    if len(window) > 160 or not _HINT.search(window):
        return None
    m = _DOCUMENT.fullmatch(window)
    if m is None or _CLAUSE_WORDS.search(m.group("rest")):
        return None  # "the statement that was read out", "a statement and a letter"
    if any(w[:1].isupper() for w in m.group("np").split()[1:]):
        return None  # "The SCO statement said": the issuer is named inside (mentions reads it)
    doc = (lo + m.start("np"), lo + m.end("np"))
    who = (lo + m.start("who"), lo + m.end("who")) if m.group("who") else None
    return doc, who


# After an inverted cue ('“...,” reads the statement of the Ministry of Foreign Affairs.'): the
# document phrase up to the end of the clause, nothing else after it.
_DOCUMENT_AFTER = re.compile(
    r"\s+(?P<np>(?:[Aa]n?|[Tt]he|[Ii]ts)\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:statement|communiqu[eé]|press\s+release|declaration|readout))"
    r"(?:\s+(?:issued|released|published|posted))?"
    r"(?:\s+(?:by|of|from)\s+(?P<who>[^,;:.“”\"«»()]+?))?\s*(?=[.;!?]|$)")


def document_after(text: str, cue_end: int, hi: int) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
    """``(document span, issuer span or None)`` when ``text[cue_end:hi]`` is a document phrase
    that ends the clause; None otherwise."""
    m = _DOCUMENT_AFTER.match(text, cue_end, hi)
    if m is None or any(w[:1].isupper() for w in m.group("np").split()[1:]):
        return None
    who = m.span("who") if m.group("who") else None
    return m.span("np"), who

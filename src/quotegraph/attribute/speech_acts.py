"""Rarer speech acts whose content is an object or an infinitive, not a clause.

The real-news gold counts evaluative, directive and commissive acts as statements ("lauded the
delegation for its work", "encouraged investors to open plants", "pledged to double exports")
but not acts with only an object that reports nothing ("addressed the students"). The words
are listed in ``lexicon``; this module holds the checks that keep them from over-firing.
"""

from __future__ import annotations

import re

# Directives are speech only when they pass on a request: "encouraged the investors to open
# plants", "advises to take a balanced approach"; not "the results encouraged the investors".
DIRECTIVES = frozenset({"encouraged", "encourages", "implored", "implores", "advised", "advises",
                        "appealed to", "instructed", "instructs"})
_INFINITIVE = re.compile(r"(?:\s+(?!(?:that|which|who)\b)[\w’'\-.,]+){0,12}?\s+(?:not\s+)?to\s+[a-z]")
# "It encouraged people to drive less": a thing as the subject (a tax, a result), not a speaker.
_THING_SUBJECT = re.compile(r"(?:^|\s)(?:[Ii]t|[Tt]his|[Tt]hat)\s+(?:(?:also|has|had|have)\s+)*$")
# Pledges report a commitment: "pledged to X", "pledged that X", "pledged support for X",
# "promised more money"; not "her lead in pledged delegates" (an adjective before a noun).
COMMISSIVES = frozenset({"pledged", "pledges", "promised", "vowed"})
_COMMITMENT = re.compile(r"\s+(?:(?:not\s+)?to\s+[a-z]|that\b|(?:a|an|the|his|her|its|their|our|more|new|full|"
                         r"support|no|further|additional)\b|[A-Z“\"«])")
# "pledged Saturday to rid ...", "promised on Tuesday to refrain ...": when, then the infinitive.
_WHEN_THEN_TO = re.compile(r"\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                           r"today|yesterday|again|also|once\s+again)(?=\s+(?:not\s+)?to\s+[a-z])")

# "called in the British ambassador", "called off the talks": a summons or a cancellation.
_CALL_PARTICLE = re.compile(r"\s+(?:in|off|up|back)\b")
_CALLS = frozenset({"called", "calls"})

# Praise and blame of a party are statements with their reason: "lauded the officers for their
# work", "rebuked the governors for the delays"; "rebuked the ferry company, saying X" reports X.
PRAISE_BLAME = frozenset({"lauded", "lauds", "faulted", "faults", "rebuked", "rebukes"})
_FOR_REASON = re.compile(r"[^,;:.!?“”\"]{1,80}?\sfor\s")


def object_is_content(text: str, cue_start: int, pos: int, end: int, cue: str) -> bool:
    """Whether the object after the cue ``cue`` (lowercased, spaces normalised) is reported content.

    ``cue_start``/``pos`` are the cue's offsets and ``end`` the end of the sentence.
    """
    if cue in DIRECTIVES:
        return _INFINITIVE.match(text, pos, end) is not None \
            and _THING_SUBJECT.search(text, max(0, cue_start - 20), cue_start) is None
    if cue in PRAISE_BLAME:
        return _FOR_REASON.match(text, pos, end) is not None
    if cue in _CALLS:
        return _CALL_PARTICLE.match(text, pos, end) is None
    if cue in COMMISSIVES:
        return _COMMITMENT.match(text, skip_when(text, pos, end, cue), end) is not None
    return True


def skip_when(text: str, pos: int, end: int, cue: str) -> int:
    """Where the content of a pledge starts: past a day word before its infinitive."""
    if cue in COMMISSIVES and (m := _WHEN_THEN_TO.match(text, pos, end)) is not None:
        return m.end()
    return pos


_ANONYMITY = re.compile(r"\s+(?:not\s+to\s+be\s+(?:named|identified|quoted)|to\s+remain\s+anonymous|for\s+anonymity)")
# "Kyrgyzstan has asked Russia to explain ..., the minister said": the request is the content
# of the attribution at the end, not a statement of its own.
_LATER_ATTRIBUTION = re.compile(r",\s+(?:[A-Z][\w\-’']*\s+){0,6}(?:said|says|told|added|noted|stressed)\b|"
                                r",\s+(?:the|a|an)\s+[\w\-’' ]{1,50}?\s(?:said|says|told|added|noted)\b")
_REQUEST = re.compile(r"\s+(?!(?:why|whether|if|how|what|when|where|who|which|about|for)\b)"
                      r"[\w\-’' ]{1,60}?\s(?:not\s+)?to\s+[a-z]+")


def is_request(text: str, pos: int, end: int) -> bool:
    """Whether "asked" ending at ``pos`` passes on a request ("asked the partners to act"),
    not a question ("asked why ..."), anonymity ("asked not to be named") or a request that is
    the content of an attribution closing the sentence."""
    return _REQUEST.match(text, pos, end) is not None and _ANONYMITY.match(text, pos, end) is None \
        and _LATER_ATTRIBUTION.search(text, pos, end) is None

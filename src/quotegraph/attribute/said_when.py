"""A reported clause with no "that" after a time phrase or a set-off aside.

"said late Friday Moscow was ready to host the talks", "said on Monday, commenting on reports
of a new pipeline, that the project had not been discussed": the words between the cue and the
clause say when and on what occasion, not what was said.
"""

from __future__ import annotations

import re

_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December)")
_WHEN = re.compile(
    r"\s+(?:(?:late|early)\s+(?:on\s+)?" + _DAY + r"|(?:on\s+)?" + _DAY + r"|today|yesterday|"
    r"on\s+" + _MONTH + r"\s+\d{1,2}|(?:late|early)\s+(?:on\s+)?" + _MONTH + r"\s+\d{1,2})"
    r"(?:\s+(?:night|morning|afternoon|evening))?"
)
# ", commenting on reports of a new pipeline, that": an occasion set off by commas, then "that".
_ASIDE_THAT = re.compile(r",\s+(?:commenting|speaking|referring|responding|answering|reacting|"
                         r"replying|asked|when\s+asked)\b[^;:“”\"«»()]{2,120}?,\s+that\s+")
# A clause opening right after the time phrase: a pronoun or determiner, or a capitalised
# subject followed soon by a finite verb ("Moscow was ready", "Foreign Minister Ivo Brant will").
_CLAUSE = re.compile(
    r"\s+(?:(?:it|they|he|she|we|I|there|this|these|the|his|her|its|their|our)\s|"
    r"[A-Z][\w’'\-.]*(?:\s+[A-Z][\w’'\-.]*){0,4}\s+(?:(?:also|still|not|now|already)\s+)?"
    r"(?:is|are|was|were|will|would|has|have|had|can|could|should|must|may|might|did|does|do|"
    r"remains?|needs?|plans?|wants?|intends?|cannot|won[’']t|wasn[’']t|isn[’']t)\b)")


def clause_after_when(text: str, pos: int, end: int) -> int | None:
    """Where the reported clause starts after a cue ending at ``pos`` when a time phrase (and
    perhaps a set-off occasion) comes first; None when the words there are not that."""
    when = _WHEN.match(text, pos, end)
    if when is None:
        return None
    aside = _ASIDE_THAT.match(text, when.end(), end)
    if aside is not None:
        return aside.end()
    if _CLAUSE.match(text, when.end(), end):
        return when.end()
    return None

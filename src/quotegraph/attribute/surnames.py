"""A surname that reads as another word: "Cuban said", "From said", "Will wrote".

The speaker phrase rules skip a nationality adjective, a preposition or a modal before a cue,
so a person whose surname is such a word is lost after the article has named them in full
("Mark Cuban ... Cuban said"). The word is taken as a name only when the article gave a full
name ending in it before this point.
"""

from __future__ import annotations

import re

from quotegraph.attribute.mentions import SpeakerNP

_LAST_WORD = re.compile(r"(?:^|(?<=[\s,(“\"]))([A-Z][a-z]+)\s+(?:(?:has|had|have|also|later|then|once)\s+)*$")


def surname_before(text: str, lo: int, cue_start: int) -> SpeakerNP | None:
    """The capitalised word right before the cue, as a name, when "Given Word" came earlier."""
    m = _LAST_WORD.search(text, max(lo, cue_start - 40), cue_start)
    if m is None:
        return None
    word = m.group(1)
    before = text[:m.start(1)]
    if re.search(r"\b[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+" + word + r"\b", before) is None:
        return None
    return SpeakerNP("name", m.start(1), m.end(1), word, name=word)

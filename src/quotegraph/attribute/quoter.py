"""Who speaks in "X quoted Y as saying Z" when X is a person.

A news outlet that quotes someone only carries the words ("RIA Novosti quoted Rudenko as saying
X": Rudenko's). An official who quotes someone speaks himself, relaying ("the minister quoted
the president as saying X", "the spokeswoman cited the president as saying X"): the gold sets
annotate such statements to the one who quotes, as they do "the spokesperson said China urged X".
"""

from __future__ import annotations

from quotegraph.attribute.mentions import SpeakerNP, speaker_before
from quotegraph.read.outlets import KNOWN_OUTLETS

_PERSON_KINDS = ("name", "role", "pronoun")


def person_quoting(text: str, lo: int, cue_start: int) -> SpeakerNP | None:
    """The person before the cue "quoted" at ``cue_start`` who relays another's words, or None
    when the quoter is an outlet, an institution, unnamed or not found."""
    np = speaker_before(text, lo, cue_start)
    if np is None or np.kind not in _PERSON_KINDS or np.end != len(text[:cue_start].rstrip()):
        return None
    if (np.name or np.text).lower() in KNOWN_OUTLETS or np.text.lower() in KNOWN_OUTLETS:
        return None  # "Interfax quoted ...": an outlet, not a person
    if np.kind == "pronoun" and np.text.lower() in ("it", "they"):
        return None  # "it quoted the minister as saying": the paper
    return np

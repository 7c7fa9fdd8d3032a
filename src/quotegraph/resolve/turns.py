"""How far a speaker's turn runs: whether a pronoun or role noun a few paragraphs after the last
statement still stands for that statement's speaker.

News copy often puts a paragraph between two remarks of one speaker ("Asked about the inquiry,
the minister declined to give details." or an "- Advertisement -" line); the "he" after it is
still the speaker, not a man the speaker's own words named. Past the next paragraph the turn is
taken to run on only when the text gives no reason to doubt it.
"""

from __future__ import annotations

from quotegraph.attribute import lexicon as lx
from quotegraph.attribute.found import Found
from quotegraph.resolve.people import Person, Registry

# Paragraphs after the last statement within which its speaker may still be "he" (PolNeAR
# train: wider windows moved speakers to people named in passing).
TURN_PARAGRAPHS = 3


def turn_runs_on(gap: int, *, lo: int, hi: int, mine: Person, reg: Registry) -> bool:
    """Whether the current speaker ``mine`` still holds the turn ``gap`` paragraphs on.

    The next paragraph always may; two or three paragraphs on only when nobody else is named
    at all between the last statement (``lo``) and the pronoun or role noun (``hi``): the words
    between are narrative about the speaker or page furniture. Anyone named there, even in
    passing ("asked Sanders whether ..."), may be the one the pronoun means."""
    if gap <= 1:
        return True
    if gap > TURN_PARAGRAPHS:
        return False
    return not any(p is not mine and not p.institution for _, p in reg.between(lo, hi))


def headline_role(f: Found, body_start: int) -> bool:
    """Whether a headline's speaker is an indefinite role noun ("A Nigerian minister warns of
    X") that the body will name: the story is about that one person, unlike "a minister said"
    in the body, which keeps its source unnamed."""
    return f.start < body_start and f.np is not None and f.np.kind == "unnamed" \
        and f.np.text.split()[0].lower() in ("a", "an") and (f.np.head or "") in lx.ROLE_HEADS

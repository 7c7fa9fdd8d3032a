"""Caches that make extraction faster must never carry one article's answers into the next.

Speaker resolution remembers the full names found for surnames while it works on one text, and
the knowledge base remembers name keys for the life of the process; these tests process
different articles in sequence and check each comes out as it does on its own.
"""

from __future__ import annotations

import pytest

from quotegraph import extract
from quotegraph.attribute.names import fuller_name
from quotegraph.kb.names import name_key

FIRST = ("ALMATY, 2 June - Talks on the water-sharing accord will continue in autumn, "
         "Energy Minister Daniyar Omarbekov said on Monday.\n\n"
         "“We have agreed on the schedule,” Omarbekov told reporters.\n")
# The same surname, another given name: a remembered answer from FIRST would be wrong here.
SECOND = ("BISHKEK, 3 June - The new customs posts will open in July, "
          "Deputy Minister Aibek Omarbekov said on Tuesday.\n\n"
          "“The posts are ready,” Omarbekov said.\n")
# The surname alone: no full name to find.
THIRD = ("TASHKENT, 4 June - “Nothing has been signed yet,” Omarbekov said on Wednesday.\n")


def test_fuller_name_answers_for_the_text_it_is_given():
    assert fuller_name(FIRST, "Omarbekov") == "Daniyar Omarbekov"
    assert fuller_name(SECOND, "Omarbekov") == "Aibek Omarbekov"
    assert fuller_name(THIRD, "Omarbekov") == "Omarbekov"
    assert fuller_name(FIRST, "Omarbekov") == "Daniyar Omarbekov"


def test_fuller_name_starts_afresh_for_an_equal_but_new_text():
    copy = "".join(list(FIRST))  # equal content, another object
    assert copy is not FIRST
    assert fuller_name(FIRST, "Omarbekov") == fuller_name(copy, "Omarbekov") == "Daniyar Omarbekov"


def _speakers(text: str) -> list[str | None]:
    return [s.speaker.name if s.speaker else None
            for s in extract(text, use_kb=False).statements]


@pytest.mark.parametrize("order", [(FIRST, SECOND, THIRD), (THIRD, SECOND, FIRST),
                                   (SECOND, FIRST, SECOND)])
def test_articles_in_sequence_come_out_as_they_do_alone(order):
    alone = {text: _speakers(text) for text in (FIRST, SECOND, THIRD)}
    assert "Daniyar Omarbekov" in alone[FIRST] and "Aibek Omarbekov" in alone[SECOND]
    assert [_speakers(text) for text in order] == [alone[text] for text in order]


def test_name_key_is_the_same_cached_or_not():
    for name in ("Sergei Lavrov", "Sergey Lavrov", "Kassym-Jomart Tokayev", "Élysée"):
        assert name_key(name) == name_key.__wrapped__(name)

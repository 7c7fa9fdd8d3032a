"""Words that open a personal name's phrase and are read as something else.

US copy writes a person's age before the name ("81-year-old Parker Eaton said", "The
38-year-old Ana Ruiz, a nurse, said"), and some first names are months ("April Holm, a
spokeswoman, said"). The speaker rules in ``mentions`` read the first as a word that is no
name and the second as a date; these helpers tell them apart.
"""

from __future__ import annotations

import re

_AGE = re.compile(r"\d{1,3}-year-old")

# Months that are also given names; "March", "July" ... are not in use as names in news copy.
GIVEN_MONTHS = frozenset({"April", "May", "June", "August"})


def is_age(word: str) -> bool:
    """Whether a word is an age written before a noun ("81-year-old")."""
    return _AGE.fullmatch(word) is not None


def age_prefix(words: list[str]) -> int:
    """How many leading words are an age before a capitalised name: 1 for "81-year-old Parker
    Eaton", 2 for "The 81-year-old Parker Eaton", else 0 (not "the 81-year-old farmer": no
    name follows; that phrase is read as it is)."""
    k = 1 if words[:1] and words[0].lower() == "the" else 0
    if len(words) <= k or not _AGE.fullmatch(words[k]):
        return 0
    k += 1
    rest = words[k:]
    if len(rest) >= 2 and rest[0][:1].isupper() and rest[1][:1].isupper():
        return k
    return 0


def month_is_given_name(name_words: list[str]) -> bool:
    """Whether a name opening a phrase with a month is a person: "April Holm" (one or two
    capitalised words after the month, none of them a month or a number) but not "May Day"."""
    if not 2 <= len(name_words) <= 3 or name_words[0] not in GIVEN_MONTHS:
        return False
    return all(w[:1].isupper() and w.isalpha() and w not in GIVEN_MONTHS and w != "Day"
               for w in name_words[1:])

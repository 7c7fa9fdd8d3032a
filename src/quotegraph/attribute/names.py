"""A surname's full form in the article: "Al-Ansari" is the "Majed Al-Ansari" named earlier."""

from __future__ import annotations

import re
from functools import lru_cache

from quotegraph.attribute import lexicon as lx

_GIVEN = r"((?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?[ \t]+)(?:[A-Z]\.[ \t]+|[A-Z][a-z]+[ \t]+)?)"


_ARABIC_FAMILY = re.compile(r"[ \t]+((?:Al|al|El|el)-[A-Z]\w+)\b")
_GIVEN_AT_END = re.compile(r"(?<![\w’'\-])" + _GIVEN + r"$")


def _given_before(text: str, surname: str):
    """Matches of given names right before each whole-word occurrence of ``surname``."""
    n, at = len(text), text.find(surname)
    while at >= 0:
        end = at + len(surname)
        if (end >= n or not text[end].isalnum()) and (at == 0 or not text[at - 1].isalnum()):
            m = _GIVEN_AT_END.search(text, max(0, at - 40), at)
            if m is not None:
                yield m
        at = text.find(surname, end)


@lru_cache(maxsize=1024)
def _family_first(surname: str) -> re.Pattern:
    return re.compile(r"\b" + re.escape(surname) + r"[ \t]+([A-Z][a-z]+)\b(?![ \t]+[A-Z])")


_VERBS = frozenset(v for v in lx.REPORTING_VERBS if " " not in v)


# The article being resolved and the answers given for it: speaker resolution asks for the
# same surname once per statement, and each answer is a scan of the whole text. Holding the
# text itself (not its id) means a new article, even one equal in content, starts afresh.
_memo: tuple[str | None, dict[str, str]] = (None, {})


def fuller_name(text: str, surname: str) -> str:
    """The first "Given [Middle] Surname" in ``text`` for a one-word ``surname``, else the
    surname. Title and nationality words ("President Vucic", "Serbian Vucic") are not given
    names."""
    global _memo
    memo_text, answers = _memo
    if memo_text is not text:
        answers = {}
        _memo = (text, answers)
    found = answers.get(surname)
    if found is None:
        found = answers[surname] = _fuller_name(text, surname)
    return found


def _fuller_name(text: str, surname: str) -> str:
    if " " in surname:
        # "Faisal bin Farhan" is the "Faisal bin Farhan Al-Saud" of the caption
        if "l-" not in text:
            return surname
        at = text.find(surname)
        while at >= 0:
            m = _ARABIC_FAMILY.match(text, at + len(surname))
            if m is not None:
                return f"{surname} {m.group(1)}"
            at = text.find(surname, at + 1)
        return surname
    if len(surname) < 2:
        return surname
    for m in () if len(surname) < 3 else _given_before(text, surname):
        words = m.group(1).split()
        if any(w in lx.NON_NAME_WORDS or w.lower() in lx.TITLE_WORDS or w in lx.NATIONALITY_ADJECTIVES
               for w in words):
            words = words[1:] if len(words) == 2 and words[0].lower() in lx.TITLE_WORDS \
                and words[1] not in lx.NON_NAME_WORDS and words[1].lower() not in lx.TITLE_WORDS \
                and words[1] not in lx.NATIONALITY_ADJECTIVES else []
        if words:
            return " ".join(words) + " " + surname
    if " bin " in text or " ibn " in text or " bint " in text:
        # "Prince Faisal" is the given name of "Faisal bin Farhan Al-Saud"
        m = re.search(r"\b" + re.escape(surname) + r"[ \t]+(?:bin|ibn|bint)[ \t]+[A-Z][\w\-]+"
                      r"(?:[ \t]+(?:Al|al|Al-|al-)[\w\-]*)?", text)
        if m is not None:
            full = m.group().rstrip()
            return full if " Al" in full or " al" in full else fuller_name(text, full)
    if len(surname) <= 4:
        # Family name first ("Xu" for "Xu Xueyuan", "Li" for "Li Qiang"): the given name follows.
        for m in _family_first(surname).finditer(text):
            given = m.group(1)
            if given not in lx.NON_NAME_WORDS and given.lower() not in lx.TITLE_WORDS \
                    and given.lower() not in _VERBS and given not in lx.NATIONALITY_ADJECTIVES:
                return surname + " " + given
    return surname

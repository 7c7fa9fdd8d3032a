"""A surname's full form in the article: "Al-Ansari" is the "Majed Al-Ansari" named earlier."""

from __future__ import annotations

import re
import threading
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


# "Xu Xueyuan" after the family name "Xu": the given name that follows a surname. Once this
# was a pattern compiled per surname (r"\bXu" + this), 1.7 ms for each new name, 0.7% of the
# extraction; the surname is now found with str.find and this matched right after it.
_GIVEN_AFTER = re.compile(r"[ \t]+([A-Z][a-z]+)\b(?![ \t]+[A-Z])")
_WORD_CHAR = re.compile(r"\w")


def _starts_word(text: str, at: int) -> bool:
    """``\b`` at ``at`` (as the regex engine reads it: one side a word character, one not)."""
    before = at > 0 and _WORD_CHAR.match(text, at - 1) is not None
    return before != (at < len(text) and _WORD_CHAR.match(text, at) is not None)


def _family_first(text: str, surname: str, *, every: bool = False):
    """``(start, given-name match)`` for each place ``surname`` stands as a word with a given
    name after it: the matches of ``\bSURNAME[ \t]+([A-Z][a-z]+)\b(?![ \t]+[A-Z])``, left to
    right and not overlapping like ``finditer`` (``every``: at every place, like ``match``
    tried at each occurrence)."""
    at = text.find(surname)
    while at >= 0:
        g = _GIVEN_AFTER.match(text, at + len(surname)) if _starts_word(text, at) else None
        if g is not None:
            yield at, g
        at = text.find(surname, g.end() if g is not None and not every else at + 1)


@lru_cache(maxsize=1024)
def _patronymic(surname: str) -> re.Pattern:
    return re.compile(r"\b" + re.escape(surname) + r"[ \t]+(?:bin|ibn|bint)[ \t]+[A-Z][\w\-]+"
                      r"(?:[ \t]+(?:Al|al|Al-|al-)[\w\-]*)?")


def _first_match(pattern: re.Pattern, text: str, literal: str) -> re.Match | None:
    """``pattern.search(text)`` for a pattern that begins (after ``\\b``) with ``literal``:
    tried only where ``literal`` occurs, which ``str.find`` finds far faster than the regex
    engine scanning every position of a long text."""
    at = text.find(literal)
    while at >= 0:
        m = pattern.match(text, at)
        if m is not None:
            return m
        at = text.find(literal, at + 1)
    return None


_VERBS = frozenset(v for v in lx.REPORTING_VERBS if " " not in v)


# fuller_name scans the whole text; an article asks it for the same names again and again
# (each statement of one speaker), which made a long text quadratic. The answers for the
# last text asked about are kept, per thread (by identity: one text is one object while
# it is read, and the reference kept here stops its id being reused).
_last = threading.local()


def fuller_name(text: str, surname: str) -> str:
    """The first "Given [Middle] Surname" in ``text`` for a one-word ``surname``, else the
    surname (see :func:`_fuller_name`)."""
    if getattr(_last, "text", None) is not text:
        _last.text, _last.names = text, {}
    known = _last.names.get(surname)
    if known is None:
        known = _last.names[surname] = _fuller_name(text, surname)
    return known


_LINE_WORD = re.compile(r"[^\W\d_][\w’'\-]*")
_SMALL_WORDS = frozenset("a an the of and or to in on at for by with from as vs".split())


def _title_case_line(text: str, at: int) -> bool:
    """The line holding ``at`` is a title-case headline: four or more words, and every one
    that is not a small word ("of", "the") capitalised."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    words = _LINE_WORD.findall(text, start, end if end >= 0 else len(text))
    big = [w for w in words if w.lower() not in _SMALL_WORDS]
    return len(words) >= 4 and len(big) >= 3 and all(w[0].isupper() for w in big)


_ING_NAMES = frozenset("Irving Sterling Channing Manning Fleming Harding Golding Browning Darling "
                       "Fielding Redding Downing Cushing Keating Whiting Dowling".split())


def _sentence_start(text: str, at: int) -> bool:
    before = text[max(0, at - 3):at].rstrip(" \t\"“‘'")
    return not before or before[-1] in ".!?\n…"


# Lower-case particles that open a surname ("van Holt", "de Klerk", "von Essen").
_SURNAME_PARTICLES = frozenset("van von de der den du da di del la le".split())


def opens_with_particle(name: str) -> bool:
    """Whether ``name`` is a two-word surname opened by a particle ("van Holt"), whose given
    name :func:`fuller_name` may find in the article."""
    parts = name.split()
    return len(parts) == 2 and parts[0] in _SURNAME_PARTICLES


def _fuller_name(text: str, surname: str) -> str:
    """The first "Given [Middle] Surname" in ``text`` for a one-word ``surname``, else the
    surname. Title and nationality words ("President Vucic", "Serbian Vucic") are not given
    names."""
    if opens_with_particle(surname):
        # "Mr. van Holt" is the "Mark van Holt" named before
        for m in _given_before(text, surname):
            words = m.group(1).split()
            if not _title_case_line(text, m.start()) and not any(
                    w in lx.NON_NAME_WORDS or w.lower() in lx.TITLE_WORDS
                    or w in lx.NATIONALITY_ADJECTIVES for w in words):
                return " ".join(words) + " " + surname
        return surname
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
        if _title_case_line(text, m.start()) and not text.startswith(",", m.end() + len(surname)):
            # "Offensive Things Donald Trump Has Said": a headline's capitals are no names
            # (but a byline "Daniel Ortega-Smith, Deputy Spokesperson" is a name and a title)
            continue
        words = m.group(1).split()
        if words[0].endswith("ing") and len(words[0]) >= 6 and words[0] not in _ING_NAMES \
                and _sentence_start(text, m.start()):
            words = words[1:]  # "Debating Clinton, he said": a participle opens the sentence
        if any(w in lx.NON_NAME_WORDS or w.lower() in lx.TITLE_WORDS or w in lx.NATIONALITY_ADJECTIVES
               for w in words):
            words = words[1:] if len(words) == 2 and words[0].lower() in lx.TITLE_WORDS \
                and words[1] not in lx.NON_NAME_WORDS and words[1].lower() not in lx.TITLE_WORDS \
                and words[1] not in lx.NATIONALITY_ADJECTIVES else []
        if words:
            return " ".join(words) + " " + surname
    if " bin " in text or " ibn " in text or " bint " in text:
        # "Prince Faisal" is the given name of "Faisal bin Farhan Al-Saud"
        m = _first_match(_patronymic(surname), text, surname)
        if m is not None:
            full = m.group().rstrip()
            return full if " Al" in full or " al" in full else fuller_name(text, full)
    if len(surname) <= 4:
        # Family name first ("Xu" for "Xu Xueyuan", "Li" for "Li Qiang"): the given name follows.
        for _, m in _family_first(text, surname):
            given = m.group(1)
            if given not in lx.NON_NAME_WORDS and given.lower() not in lx.TITLE_WORDS \
                    and given.lower() not in _VERBS and given not in lx.NATIONALITY_ADJECTIVES:
                return surname + " " + given
    return surname


def nearest_fuller_name(text: str, surname: str, before: int) -> str | None:
    """The last full form of a short family-first ``surname`` named before ``before``, when the
    article names two people by it ("Kim Eun-hye" ... "Kim Young-ho" ... "Kim said"); else None."""
    if " " in surname or not 2 <= len(surname) <= 4:
        return None
    if getattr(_last_forms, "text", None) is not text:
        _last_forms.text, _last_forms.forms = text, {}
    forms = _last_forms.forms.get(surname)
    if forms is None:
        forms = _last_forms.forms[surname] = _family_first_forms(text, surname)
    if len({f for _, f in forms}) < 2:
        return None  # (one person by this name: nothing to choose)
    before_it = [f for pos, f in forms if pos < before]
    return before_it[-1] if before_it else None


_last_forms = threading.local()  # the forms of the last text asked about, per surname


def _family_first_forms(text: str, surname: str) -> list[tuple[int, str]]:
    forms: list[tuple[int, str]] = []
    if text.count(surname) < 2:
        return forms
    for at, m in _family_first(text, surname, every=True):
        if at > 0 and text[at - 1].isalnum():
            continue
        given = m.group(1)
        if given not in lx.NON_NAME_WORDS and given.lower() not in lx.TITLE_WORDS \
                and given.lower() not in _VERBS and given not in lx.NATIONALITY_ADJECTIVES:
            end = m.end(1)
            while end < len(text) and (text[end].isalnum() or text[end] == "-"):
                end += 1  # the hyphenated rest of the given name ("Young-ho")
            forms.append((at, text[at:end]))
    return forms

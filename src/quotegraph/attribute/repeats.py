"""Statements that repeat another statement of the same article.

A wire headline or sub-headline restates a quote the body gives in full ("West looks for any
clue to drive a wedge ..., says Lavrov" above "The West is trying to find any clues to drive
a wedge ..., Lavrov said"); a body sometimes gives the same words twice. Counting both would
make one statement two. The repeat keeps its own row (an export holds every statement) and
points at the statement it repeats, which aggregates count alone.

The test is word overlap on content words, cut to a short stem so that "clue" meets "clues":
a headline line repeats a body statement when most of its words are in it; two body
statements only when they are near-identical both ways. Speakers must agree, except that a
headline may credit the institution ("... — MFA", "Foreign Ministry says") whose official the
body quotes.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence

from quotegraph.model import Statement

__all__ = ["find_repeats", "link_repeats"]

_WORD = re.compile(r"[^\W\d_]+|\d+")
# Function words carry no content; "US" (upper case) is a country, not "us".
_STOP = frozenset(
    "a an the and or but of in on at to for from with by as is are was were be been being "
    "it its this that these those there their they them we our us you your he she his her "
    "i me my not no will would can could should may might must has have had do does did "
    "very also than then so such which who whom what when where how all any some more most "
    "says said say told tells according".split()
)
_STEM = 5
HEADLINE_SHARE = 0.6  # of the headline's words found in the body statement
BODY_SHARE = 0.85  # of the longer statement's words found in the other
MIN_WORDS = 3
FEW_TO_INDEX = 12  # a speaker with at most this many body statements is compared with each


def _stems(text: str) -> frozenset[str]:
    """The first letters of the words of ``text`` that are not stopwords (an all-capitals
    word such as "IT" or "US" is no stopword); each word lower-cased once."""
    out = set()
    for w in _WORD.findall(text):
        low = w.lower()
        if low in _STOP and (len(w) == 1 or not w.isupper()):
            continue
        out.add(low[:_STEM])
    return frozenset(out)


def _same_speaker(a: Statement, b: Statement, *, headline: bool) -> bool:
    if a.speaker is None or b.speaker is None:
        # An unnamed source repeats only an unnamed source, except in a headline, which
        # often drops the attribution.
        return headline or (a.speaker is None and b.speaker is None)
    if (a.speaker.id or a.speaker.name) == (b.speaker.id or b.speaker.name):
        return True
    if not headline:
        return False
    # "... — MFA" over "Foreign Ministry spokeswoman Maria Zakharova said ...".
    credited = a.speaker.name.casefold()
    return any(credited in (t or "").casefold() for t in (b.speaker.title, b.speaker.role))


def _candidates(postings: dict[tuple[object, str], list[int]], key: object,
                a: frozenset[str]) -> list[int]:
    """Body statements of speaker ``key`` that may share BODY_SHARE of ``a``'s stems,
    in order. One sharing that many misses at most ``len(a) - need`` of them, so it holds one
    of any ``len(a) - need + 1`` stems of ``a``: the rarest are looked up. ``need`` is the
    fewest shared stems with ``need / len(a) >= BODY_SHARE``, computed as the exact test
    divides (it divides by ``max(len(a), len(b)) >= len(a)``, so a pair it passes shares at
    least ``need``); the result is in index order, the order the exact test meets them in."""
    need = len(a)
    while need > 0 and (need - 1) / len(a) >= BODY_SHARE:
        need -= 1
    lists = sorted((postings.get((key, w), ()) for w in a), key=len)
    out: set[int] = set()
    for js in lists[:len(a) - need + 1]:
        out.update(js)
    return sorted(out)


def find_repeats(statements: Sequence[Statement], *, body_start: int) -> dict[int, int]:
    """``{index of a repeat: index of the statement it repeats}`` for ``statements``.

    A statement before ``body_start`` (headline block) may repeat any body statement; a body
    statement only an earlier one. The statement repeated is never itself a repeat; of several
    candidates the one sharing most words wins, then the earliest.
    """
    stems: list[frozenset[str] | None] = [None] * len(statements)

    def stem(k: int) -> frozenset[str]:
        if stems[k] is None:
            stems[k] = _stems(statements[k].text)
        return stems[k]

    # Body statements meet only earlier ones by the same speaker: most articles have none.
    keys = [(s.speaker.id or s.speaker.name) if s.speaker is not None else None for s in statements]
    shared_keys = {k for k, n in Counter(keys).items() if n > 1}
    first: dict[object, int] = {}
    for i, k in enumerate(keys):
        first.setdefault(k, i)
    # (speaker key, stem) -> body statements holding it. A body pair needs most of the words
    # of both, so a statement is compared only with those sharing one of a few of its stems
    # (see _candidates): comparing all pairs made a long text quadratic.
    postings: dict[tuple[object, str], list[int]] = {}
    # (speaker key, stems) -> body statements with exactly those stems: the best a statement
    # can share (all), so the first of them that may be repeated wins outright; a long text
    # saying one thing many times ("Question: Will ...?") would otherwise compare them all.
    same: dict[tuple[object, frozenset[str]], list[int]] = {}
    # Speaker key -> its body statements in order. A speaker with a few is compared with all of
    # them, a superset of _candidates (those outside it cannot pass the exact test, and the
    # test keeps the first best in index order): no postings are built for that speaker.
    by_key: dict[object, list[int]] = {}
    for j, other in enumerate(statements):
        if other.start >= body_start and keys[j] in shared_keys:
            by_key.setdefault(keys[j], []).append(j)
            same.setdefault((keys[j], stem(j)), []).append(j)
    for key, js in by_key.items():
        if len(js) > FEW_TO_INDEX:
            for j in js:
                for w in stem(j):
                    postings.setdefault((key, w), []).append(j)
    found: dict[int, int] = {}
    for i, st in enumerate(statements):
        headline = st.start < body_start
        if not headline and first[keys[i]] == i:  # no earlier statement by this speaker
            continue
        a = stem(i)
        if len(a) < MIN_WORDS:
            continue
        if not headline:
            twin = next((j for j in same.get((keys[i], a), ()) if j != i and j not in found
                         and body_start <= statements[j].start < st.start), None)
            if twin is not None:  # shares every word: no other candidate scores higher
                found[i] = twin
                continue
        best: tuple[float, int] | None = None
        if headline:
            others = range(len(statements))
        elif len(by_key.get(keys[i], ())) <= FEW_TO_INDEX:
            others = by_key.get(keys[i], ())
        else:
            others = _candidates(postings, keys[i], a)
        for j in others:
            other = statements[j]
            if j == i or j in found or other.start < body_start:
                continue
            if not headline and (other.start >= st.start or keys[j] != keys[i]):
                continue
            b = stem(j)
            # Sizes alone rule most pairs out; the cheap test first.
            if headline and len(b) < HEADLINE_SHARE * len(a):
                continue
            if not headline and min(len(a), len(b)) < BODY_SHARE * max(len(a), len(b)):
                continue
            if not _same_speaker(st, other, headline=headline):
                continue
            shared = len(a & b)
            if headline:
                score = shared / len(a)
                ok = score >= HEADLINE_SHARE
            else:
                score = shared / max(len(a), len(b))
                ok = score >= BODY_SHARE
            if ok and (best is None or score > best[0]):
                best = (score, j)
        if best is not None:
            found[i] = best[1]
    # A headline that repeats a body statement which itself repeats an earlier one points at
    # the first telling.
    for i, j in found.items():
        while j in found:
            j = found[j]
        found[i] = j
    return found


def link_repeats(statements: Sequence[Statement], *, body_start: int) -> list[Statement]:
    """``statements`` with ``repeats`` set to the ``(start, end)`` of the statement repeated."""
    links = find_repeats(statements, body_start=body_start)
    out = list(statements)
    for i, j in links.items():
        out[i] = dataclasses.replace(out[i], repeats=(statements[j].start, statements[j].end))
    return out

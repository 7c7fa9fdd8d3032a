"""Another form of a name the article already gave: a variant spelling or the name's tail.

Copy about Gulf, Arab and Caucasus officials often spells one name two ways ("Jeyhun" and
"Jaykhun Bayramov", "Abu Zeid" and "Abu Zaid") and shortens a three-word name to its last two
words ("Ahmed Abu Zeid" ... "Abu Zeid said"). The surname index of the registry misses both;
this finds the one person such a form fits. The bound is tight on purpose: at most one word
may differ, and only by one inner vowel (``names.one_vowel_apart``); anything fitting two
people fits none.
"""

from __future__ import annotations

from quotegraph.kb.names import name_key, one_vowel_apart


def variant_person(name: str, people):
    """The one person of ``people`` (objects with ``name`` and ``institution``) whose name
    ends in ``name`` word by word, allowing one word a vowel apart; None when none or several.
    A one-word ``name`` must differ by its vowel (a plain surname is the registry's own job),
    and so must a form as long as the person's name."""
    words = [name_key(w) for w in name.split()]
    if not words:
        return None
    hits = []
    for p in people:
        if p.institution:
            continue
        theirs = [name_key(w) for w in p.name.split()]
        if len(theirs) < len(words) or len(theirs) < 2:
            continue
        tail = theirs[len(theirs) - len(words):]
        swaps = 0
        for mine, their in zip(words, tail):
            if mine == their:
                continue
            if not one_vowel_apart(mine, their):
                break
            swaps += 1
        else:
            if swaps <= 1 and (swaps == 1 or (len(words) >= 2 and len(words) < len(theirs))):
                hits.append(p)
    return hits[0] if len(hits) == 1 else None

"""Role phrases -> the person holding the role on a date.

A phrase is split into the actor it names (a country, organisation or institution, by any
surface form: "Russian", "Russia's", "US", "of the Russian Federation", "Kremlin") and the role
noun that is left ("foreign minister", "top diplomat", "spokesman"). The role vocabulary in
meta.yaml maps nouns to roles (generic nouns, nouns local to one actor, nouns attached to an
institution kind). The answer is a person only when exactly one person holds one of the
candidate roles on the date: no speaker beats a wrong speaker.
"""

from __future__ import annotations

import logging
import re
from datetime import date
from typing import TYPE_CHECKING

from quotegraph.kb.types import Actor, Country, Institution, Organization, Person

if TYPE_CHECKING:
    from quotegraph.kb.base import KnowledgeBase

logger = logging.getLogger(__name__)

_TOKEN = re.compile(r"[\w][\w.’'-]*\w\.?|[\w]\.?|\+")
_POSSESSIVE = re.compile(r"(?:'s|’s)$|(?<=s)['’]$")
# Words that carry no meaning for the role ("the newly appointed Russian foreign minister")
_FILLER = frozenset({"the", "a", "an", "newly", "appointed", "current", "then", "incumbent",
                     "new"})
_LEADER = "leader"


def resolve_role(kb: KnowledgeBase, phrase: str, on: date) -> Person | None:
    """The one person ``phrase`` names on ``on`` (see the module docstring), else ``None``."""
    by_title = _by_title(kb, phrase, on)
    if by_title is not None:
        return by_title
    tokens = _TOKEN.findall(phrase)
    if not tokens:
        return None
    actor, rest = _split_actor(kb, tokens, on)
    noun = _noun(rest)
    if not noun:
        return None
    candidates = _candidate_roles(kb, actor, noun)
    if not candidates:
        logger.debug("role phrase %r: no role for noun %r of %s", phrase, noun,
                     actor.id if actor else None)
        return None
    return _single_holder(kb, candidates, on)


def candidate_roles(kb: KnowledgeBase, phrase: str, on: date) -> list[tuple[str, str]]:
    """The ``(role, of)`` pairs a phrase may name, for explanations (``quotegraph kb show``)."""
    tokens = _TOKEN.findall(phrase)
    actor, rest = _split_actor(kb, tokens, on)
    noun = _noun(rest)
    return _candidate_roles(kb, actor, noun) if noun else []


def _by_title(kb: KnowledgeBase, phrase: str, on: date) -> Person | None:
    """An exact official title held on the date ("Minister of Foreign Affairs of the Russian
    Federation")."""
    wanted = " ".join(phrase.split()).casefold().removeprefix("the ")
    found = {p.id: p for p, r in kb.titles.get(wanted, ()) if r.covers(on, horizon=kb.horizon)}
    return next(iter(found.values())) if len(found) == 1 else None


def _split_actor(kb: KnowledgeBase, tokens: list[str], on: date
                 ) -> tuple[Actor | None, list[str]]:
    """The longest run of tokens that names a country, organisation or institution, and the
    tokens left over. Two different actors in one phrase make it unusable."""
    best: tuple[int, int, Actor] | None = None
    n = len(tokens)
    for i in range(n):
        for j in range(n, i, -1):
            if best and j - i <= best[1] - best[0]:
                break
            surface = _POSSESSIVE.sub("", " ".join(tokens[i:j]))
            actor = _state_like(kb, surface, on) or _state_like(kb, "the " + surface, on)
            if actor is not None:
                best = (i, j, actor)
                break
    if best is None:
        return None, tokens
    i, j, actor = best
    rest = tokens[:i] + tokens[j:]
    # a second, different actor ("Russian ambassador to Kazakhstan") -> no single reading
    for k in range(len(rest)):
        other = _state_like(kb, _POSSESSIVE.sub("", rest[k]), on)
        if other is not None and other.id != actor.id:
            return None, []
    return actor, rest


def _state_like(kb: KnowledgeBase, surface: str, on: date) -> Actor | None:
    for actor in kb.lookup(surface, on=on):
        if isinstance(actor, (Country, Organization, Institution)):
            return actor
    return None


def _noun(tokens: list[str]) -> str:
    """The role noun, lower case, without filler words and without a dangling "of"."""
    words = [t.lower().strip(",.") for t in tokens]
    words = [w for w in words if w and w not in _FILLER]
    while words and words[0] == "of":
        words.pop(0)
    while words and words[-1] == "of":
        words.pop()
    return " ".join(words)


def _has(nouns: tuple[str, ...], noun: str) -> bool:
    return any(_noun(n.split()) == noun for n in nouns)


def _candidate_roles(kb: KnowledgeBase, actor: Actor | None, noun: str) -> list[tuple[str, str]]:
    if noun == _LEADER and isinstance(actor, Country):
        if actor.id in kb.leader.get("unclear", ()):
            return []
        hog = actor.id in kb.leader.get("head-of-government", ())
        return [("head-of-government" if hog else "head-of-state", actor.id)]
    if isinstance(actor, Institution):
        found = [(r.id, actor.of) for r in kb.roles.values() if _has(r.via.get(actor.kind, ()), noun)]
        if found:
            return found
        # "Kremlin" is also Russia: fall through to the state's own nouns
        actor = kb.get(actor.of)
    if actor is None:
        # a bare noun only names a role that exists for one actor and that no other role shares
        # ("the High Representative" yes; "the top diplomat" no: every country has one)
        named = [r for r in kb.roles.values() if _has(r.nouns, noun)]
        if len(named) == 1 and len(named[0].only) == 1:
            return [(named[0].id, named[0].only[0])]
        return []
    local = [(r.id, actor.id) for r in kb.roles.values() if _has(r.local.get(actor.id, ()), noun)]
    if local:
        return local
    return [(r.id, actor.id) for r in kb.roles.values()
            if _has(r.nouns, noun) and r.of == actor.type and (not r.only or actor.id in r.only)]


def _single_holder(kb: KnowledgeBase, candidates: list[tuple[str, str]], on: date
                   ) -> Person | None:
    holdings = []
    for role, of in candidates:
        if kb.roles[role].multi:
            return None  # a bare phrase never picks one of several deputies or spokespeople
        holdings += kb.holdings(role, of, on)
    people = {p.id for p, _ in holdings}
    if len(people) > 1:
        # a hand-over day (one leaves, the other starts) or an acting holder beside the holder
        starting = {p.id for p, r in holdings if r.from_ == on}
        if len(starting) == 1:
            people = starting
        else:
            substantive = {p.id for p, r in holdings if not r.acting}
            if len(substantive) == 1:
                people = substantive
    if len(people) != 1:
        return None
    found = kb.get(people.pop())
    return found if isinstance(found, Person) else None

"""Speakers against the knowledge base: canonical names, stable ids and the office held that day.

Called by ``speakers.resolve`` for what the article alone settles only partly: a name the article
gives ("Sergei Lavrov") becomes the knowledge base's person ("Sergey Lavrov", ``sergey-lavrov``,
foreign minister on the article's date); a role with no name in the article ("According to the
Russian Foreign Minister") becomes whoever held that office on that date. Anything ambiguous stays
as the article gives it: no speaker beats a wrong speaker.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from quotegraph.attribute import lexicon as lx
from quotegraph.attribute.mentions import SpeakerNP
from quotegraph.kb.base import KnowledgeBase, as_date
from quotegraph.kb.types import Person

_DEMONYM_COUNTRY = {
    "russian": "RUS", "kazakh": "KAZ", "kazakhstani": "KAZ", "kyrgyz": "KGZ", "uzbek": "UZB",
    "tajik": "TJK", "turkmen": "TKM", "belarusian": "BLR", "armenian": "ARM", "azerbaijani": "AZE",
    "georgian": "GEO", "ukrainian": "UKR", "chinese": "CHN", "american": "USA", "us": "USA",
    "u.s.": "USA", "british": "GBR", "uk": "GBR", "french": "FRA", "german": "DEU", "turkish": "TUR",
    "indian": "IND", "iranian": "IRN", "japanese": "JPN",
}


class KBSpeakers:
    """A resolver bound to one knowledge base and one article date."""

    def __init__(self, kb: KnowledgeBase, published: str | None) -> None:
        self.kb = kb
        self.day: date | None = as_date(published) if published else None
        self._people = _person_cache(kb)

    def __call__(self, np: SpeakerNP) -> tuple[str, str | None, str | None] | None:
        if np.kind == "role":
            return self._role(np)
        if np.kind == "name" and np.name:
            # A person first; else a state, organisation or institution speaking ("China says").
            return self._name(np.name, np.title) or (
                None if np.title else self._institution(np.name))
        if np.kind == "institution":
            return self._institution(np.name or np.text)
        return None

    def _name(self, name: str, title: str | None) -> tuple[str, str | None, str | None] | None:
        if name in self._people:
            person = self._people[name]
        else:
            person = self._people[name] = self.kb.person_by_name(name)
        if person is None or not isinstance(person, Person):
            return None
        roles = self.kb.roles_of(person, self.day) if self.day else ()
        if len(name.split()) == 1 and self.day is not None and not roles:
            return None  # a bare surname names the KB person only while they hold an office
        if title and not _title_fits(title, person):
            return None
        return person.name, person.id, _office(roles)

    def _role(self, np: SpeakerNP) -> tuple[str, str | None, str | None] | None:
        if self.day is None:
            return None
        person = self.kb.resolve_role(np.text, self.day)
        if person is None:
            return None
        return person.name, person.id, _office(self.kb.roles_of(person, self.day))

    def _institution(self, name: str) -> tuple[str, str | None, str | None] | None:
        for form in _forms_of(name):
            for actor in self.kb.lookup(form, on=self.day):
                if actor.type in ("institution", "organization", "country"):
                    return actor.name, actor.id, None
        return None


_GOVERNMENT = re.compile(
    r"^(?:the\s+)?(?:(?:government|authorities|leadership|administration|cabinet)\s+(?:of\s+)?(?:the\s+)?"
    r"(?P<of>.+)|(?P<owner>.+?)(?:[’']s)?\s+(?:government|authorities|leadership|cabinet))$", re.I)
_POSSESSED = re.compile(r"^(?:the\s+)?(?P<owner>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?)[’']s\s+(?P<what>.+)$")


def institution_forms(name: str) -> list[str]:
    """The ways the knowledge base may spell an institution the article names: the name as
    given, without "the", "China's foreign ministry" as "Foreign Ministry of China", and a
    government ("the government of Kyrgyzstan", "Kyrgyzstan's government", "the Kyrgyz
    authorities") as its state."""
    return list(_forms_of(name))


@lru_cache(maxsize=16384)  # every speaker is looked up as an institution too: the same names recur
def _forms_of(name: str) -> tuple[str, ...]:
    name = " ".join(name.split())
    forms = [name]
    bare = re.sub(r"^the\s+", "", name, flags=re.I)
    if bare != name:
        forms.append(bare)
    m = _POSSESSED.match(name)
    if m:
        forms.append(f"{m.group('what').title()} of {m.group('owner')}")
    g = _GOVERNMENT.match(name)
    if g:
        forms.append((g.group("of") or g.group("owner")).strip())
    return tuple(forms)


_caches: dict[int, tuple[KnowledgeBase, dict[str, Person | None]]] = {}


def _person_cache(kb: KnowledgeBase) -> dict[str, Person | None]:
    """Name -> KB person, remembered per knowledge base for the life of the process."""
    entry = _caches.get(id(kb))
    if entry is None or entry[0] is not kb:
        if len(_caches) > 8:
            _caches.clear()
        entry = _caches[id(kb)] = (kb, {})
    if len(entry[1]) > 200_000:
        entry[1].clear()
    return entry[1]


def _office(roles) -> str | None:
    for r in roles:
        if r.title:
            return r.title
    return roles[0].role if roles else None


def _title_fits(title: str, person: Person) -> bool:
    """A nationality in the article's title must agree with the person's country."""
    for word in title.replace("’s", "").replace("'s", "").split():
        code = _DEMONYM_COUNTRY.get(word.lower())
        if code and word in lx.NATIONALITY_ADJECTIVES | {"US", "U.S.", "UK"} and person.country and code != person.country:
            return any(r.of == code for r in person.roles)
    return True

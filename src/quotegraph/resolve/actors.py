"""Actor mentions: every country, organisation, grouping, institution and known person named in
a text, with offsets, resolved against the knowledge base.

One compiled matcher per knowledge base (a regular expression over a character trie of every
surface form, so the longest form at a position wins) finds candidates; small rules resolve
them:

- Longest match wins: "Russian Foreign Ministry" is one institution, "Eurasian Economic Union"
  one organisation; an adjective alone ("Russian") is its country.
- A form naming several actors resolves to the best kind of name (name/alias over adjective over
  metonym; person over institution over organisation over grouping over country), and to nothing
  when that still leaves two actors ("Congo", "Dominican").
- Metonyms: a dated metonym ("Nur-Sultan" 2019-03-23..2022-09-16) is preferred inside its dates;
  outside them, or when the article has no date, the name is still its country (the city is in
  it) unless another actor claims the name. So "Nur-Sultan" is KAZ in 2024 too, and "Brussels"
  is the EU. Institutions beat metonyms ("Kremlin" is the institution, not Russia).
- Generic institutions ("the Foreign Ministry", "Ministry of Foreign Affairs") take their country
  from an adjacent country ("Kazakhstan's Foreign Ministry", "Foreign Ministry of Uzbekistan"),
  else from the last institution of that kind in the article, else from the dateline city
  ("MOSCOW, August 19."); otherwise they are left out.
- A surname alone is a person when exactly one person with that surname is named in full in the
  article, or when it is unique in the knowledge base, at least 4 letters, not a common word
  such as "May", and the person held office on the article's date or in the 3 years before
  (a dated article about Jake Sullivan is not about a John Sullivan who left in 2019). A
  preceding given name in another romanisation joins the mention
  ("Sergei Lavrov").
- Names the knowledge base lists as no actor (``not_actors``: "Taiwan Strait", "South China
  Sea") are matched whole and name nothing; a bare name (``bare_names``: "West" for the West)
  counts only where it stands alone ("West pressures ...", not "West Africa" or "Kanye West").
- All-caps text is not case-folded, so datelines ("MOSCOW,") are places, not mentions; Title-case
  acronyms ("Nato") are folded to the acronym.
"""

from __future__ import annotations

import logging
import re
import weakref
from dataclasses import dataclass
from datetime import date, timedelta

from quotegraph.kb import KnowledgeBase, as_date
from quotegraph.kb.base import HOW_RANK, TYPE_RANK, Surface
from functools import lru_cache

from quotegraph.kb.names import name_key as _name_key
from quotegraph.kb.names import words
from quotegraph.kb.types import Actor, Country, Institution, Person
from quotegraph.model import Mention

logger = logging.getLogger(__name__)

# References to an institution that name no country; the country comes from context.
GENERIC_INSTITUTIONS: dict[str, str] = {
    "Foreign Ministry": "foreign-ministry",
    "foreign ministry": "foreign-ministry",
    "Ministry of Foreign Affairs": "foreign-ministry",
    "MFA": "foreign-ministry",
    "Defence Ministry": "defence-ministry",
    "Defense Ministry": "defence-ministry",
    "Ministry of Defence": "defence-ministry",
    "Ministry of Defense": "defence-ministry",
    "Presidential Administration": "presidential-office",
    "presidential administration": "presidential-office",
    "Presidential Office": "presidential-office",
    "presidential office": "presidential-office",
}
# Surnames that are also ordinary capitalised words: never a person on KB uniqueness alone.
COMMON_WORDS = frozenset({
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "Brown", "Rice", "Major", "Price", "Cook", "Straw", "Bush", "Baker",
    "Miller", "Young", "King", "Green", "Black", "White", "Long", "Little", "Rich", "Hunt",
    "Gates", "Rose", "Stone", "Wood", "Hill", "Hall", "Church", "Lord", "Pope", "Bishop", "Duke",
    "Grant", "Hope", "Strong", "Steel", "Booth", "Marshall", "Chase", "Chancellor", "Mayor",
})
MIN_UNIQUE_SURNAME = 4
# A surname unique in the KB but not named in full in the article is taken to be that person only
# when the article falls in, or shortly after, one of the person's terms.
RECENT_OFFICE = timedelta(days=3 * 365)
_DATELINE = re.compile(
    r"(?:^|\n|\s)([A-Z][A-Z'’.-]+(?:[ -][A-Z][A-Z'’.-]+)*)\s*,\s*(?:\d{1,2}\s+)?"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\b")
_DATELINE_WINDOW = 400
name_key = lru_cache(maxsize=65536)(_name_key)  # the same few names recur in every article
_PREVIOUS_WORD = re.compile(r"([A-Z][\w'’-]*)\s+$")
_NAME_GOES_ON = re.compile(r" [A-Z]")
_LANGUAGE_AFTER = re.compile(r"\s*(?:[,.;:)]|as\b|$)")
_ADJACENT = re.compile(r"(?:['’]s)?\s")


def find_mentions(text: str, *, published: str | None, kb: KnowledgeBase,
                  start: int = 0) -> tuple[Mention, ...]:
    """Every actor mention in ``text[start:]``, resolved, in text order.

    Offsets are into ``text``. ``published`` (ISO date) selects dated metonyms and is otherwise
    unused; ``None`` is fine. Never raises on any text.
    """
    matcher = _matcher(kb)
    day = _day(published)
    hits = [(*m.span(), m.group()) for m in matcher.regex.finditer(text, start)]
    found: list[_Found | None] = [None] * len(hits)
    named_in_full: dict[str, list[int]] = {}  # person id -> offsets of full-name mentions
    static = matcher.static
    for i, (s, e, form) in enumerate(hits):
        actor = static.get(form, _DATED)
        if actor is _DATED:
            actor = _choose(matcher.forms.get(form, ()), day)
        if actor is not None and form in matcher.adjectives and _is_language(text, s, e):
            actor = None
        if actor is not None and form[:4] in ("the ", "The ") and _NAME_GOES_ON.match(text, e):
            actor = None  # "the West Coast": part of a longer name the KB does not know
        if actor is not None and form in matcher.bare and not _bare_stands_alone(text, s, e):
            actor = None  # "West Africa", "Kanye West": not the bare name of an actor
        if actor is not None:
            found[i] = (s, e, actor)
            if isinstance(actor, Person):
                named_in_full.setdefault(actor.id, []).append(s)
    _resolve_generic(text, hits, found, matcher)
    for i, (s, e, form) in enumerate(hits):
        if found[i] is None and form in matcher.surnames:
            person = _surname_person(form, s, matcher.surnames[form], named_in_full, day)
            if person is not None:
                found[i] = (_given_name_start(text, s, person), e, person)
    return tuple(Mention(start=s, end=e, text=text[s:e], id=a.id, name=a.name, type=a.type)
                 for s, e, a in filter(None, found))


_Found = tuple[int, int, Actor]
_DATED = object()  # marks a form whose reading needs the article date


@dataclass(frozen=True)
class _Matcher:
    regex: re.Pattern[str]
    forms: dict[str, tuple[Surface, ...]]
    surnames: dict[str, tuple[Person, ...]]
    institutions: dict[tuple[str, str], Institution]  # (of, kind) -> the one institution
    places: dict[str, Country]  # Title-case capital/metonym -> country, for datelines
    static: dict[str, Actor | None]  # forms whose reading does not depend on the date
    adjectives: frozenset[str]  # forms that can be an adjective ("Russian")
    bare: frozenset[str]  # names used without their "the" ("West"), checked in context


_MATCHERS: weakref.WeakKeyDictionary[KnowledgeBase, _Matcher] = weakref.WeakKeyDictionary()


def _matcher(kb: KnowledgeBase) -> _Matcher:
    m = _MATCHERS.get(kb)
    if m is None:
        m = _MATCHERS[kb] = _build(kb)
    return m


def _build(kb: KnowledgeBase) -> _Matcher:
    forms: dict[str, tuple[Surface, ...]] = dict(kb.surfaces)
    for folded, acronym in kb.acronyms.items():
        forms.setdefault(folded, kb.surfaces[acronym])
    bare = frozenset(b for b in kb.bare_names if b not in forms)
    for b in bare:
        forms[b] = (Surface(kb.get(kb.bare_names[b]), "alias"),)  # type: ignore[arg-type]
    for name in kb.not_actors:
        # A whole form naming nothing: the longest match takes "Taiwan Strait" from "Taiwan".
        # An actor's own name always wins over such an entry.
        forms.setdefault(name, ())
    surnames = {k: v for k, v in kb.surnames.items() if k not in forms}
    by_kind: dict[tuple[str, str], list[Institution]] = {}
    for a in kb.actors("institution"):
        assert isinstance(a, Institution)
        by_kind.setdefault((a.of, a.kind or ""), []).append(a)
    institutions = {k: v[0] for k, v in by_kind.items() if len(v) == 1}
    places = {}
    for c in kb.actors("country"):
        assert isinstance(c, Country)
        for name in [c.capital or "", *(m.name for m in c.metonyms)]:
            if name:
                places.setdefault(name, c)
    generic = [g for g in GENERIC_INSTITUTIONS if g not in forms]
    static = {form: _choose(entries, None) for form, entries in forms.items()
              if all(s.period is None for s in entries)}
    adjectives = frozenset(f for f, entries in forms.items()
                           if any(s.how == "adjective" for s in entries))
    # "(?<!\w)" checked after each form's first character, as "(?<!\w.)", instead of before
    # it: the pattern then opens with a plain alternation of first characters (nearly all
    # capitals), which the regex engine uses to skip every other position. Same matches, a
    # quarter less time for the scan that every article makes.
    pattern = _trie_pattern([*forms, *surnames, *generic], after_first=r"(?<!\w.)")
    regex = re.compile(pattern + r"(?!\w)")
    logger.debug("actor matcher: %d forms, %d surnames, pattern of %d chars",
                 len(forms), len(surnames), len(pattern))
    return _Matcher(regex, forms, surnames, institutions, places, static, adjectives, bare)


_OPENS_CLAUSE = frozenset(".!?:;,(\"“‘'—–-")


def _bare_stands_alone(text: str, s: int, e: int) -> bool:
    """A bare name ("West") is the actor only when it is not part of a longer name: no
    capitalised word follows ("West Africa") and none comes right before ("Kanye West"),
    unless a line or clause starts with it ("West pressures ...", "Lavrov: West ...")."""
    if _NAME_GOES_ON.match(text, e):
        return False
    before = text[max(0, s - 40):s]
    line = before.rsplit("\n", 1)[-1].rstrip()
    if not line or line[-1] in _OPENS_CLAUSE:
        return True
    word = line.rsplit(None, 1)[-1]
    return not word[:1].isupper()


def _trie_pattern(strings: list[str], after_first: str = "") -> str:
    """One regex alternation over a character trie: shared prefixes are matched once and a
    longer form is always tried before its prefix (greedy optional tails). ``after_first`` is
    put after the first character of every form (see ``_build``)."""
    trie: dict = {}
    for s in strings:
        node = trie
        for ch in s:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict, top: bool = False) -> str:
        branches = [re.escape(ch) + (after_first if top else "") + emit(child)
                    for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            body = "(?:" + body + ")?"
        return body

    return emit(trie, top=True) or "(?!)"


def _choose(entries: tuple[Surface, ...], day: date | None) -> Actor | None:
    """The one actor a surface form names on ``day`` (rules in the module docstring)."""
    if not entries:
        return None
    valid = [s for s in entries if s.valid_on(day)]
    if not valid:  # a metonym outside its dates still stands for its state
        valid = list(entries)
    best = min((HOW_RANK[s.how], TYPE_RANK[s.actor.type]) for s in valid)
    actors = {s.actor.id: s.actor for s in valid
              if (HOW_RANK[s.how], TYPE_RANK[s.actor.type]) == best}
    return next(iter(actors.values())) if len(actors) == 1 else None


def _resolve_generic(text: str, hits: list[tuple[int, int, str]],
                     found: list[_Found | None], matcher: _Matcher) -> None:
    """Give "the Foreign Ministry" its country (rules in the module docstring), in place."""
    last: dict[str, Institution] = {}
    seen: dict[str, set[str]] = {}
    dateline: Country | None = None
    dateline_done = False
    for i, (s, e, form) in enumerate(hits):
        current = found[i]
        if current is not None:
            if isinstance(current[2], Institution) and current[2].kind:
                last[current[2].kind] = current[2]
                seen.setdefault(current[2].kind, set()).add(current[2].id)
            continue
        kind = GENERIC_INSTITUTIONS.get(form)
        if kind is None:
            continue
        # "Kazakhstan's Foreign Ministry", "Kazakh Foreign Ministry"
        prev = found[i - 1] if i > 0 else None
        if prev is not None and isinstance(prev[2], Country) and \
                _ADJACENT.fullmatch(text, prev[1], s):
            inst = matcher.institutions.get((prev[2].id, kind))
            if inst is not None:
                found[i - 1] = (prev[0], e, inst)
                last[kind] = inst
                seen.setdefault(kind, set()).add(inst.id)
            continue
        # "Foreign Ministry of Uzbekistan"
        nxt = found[i + 1] if i + 1 < len(found) else None
        if nxt is not None and isinstance(nxt[2], Country) and \
                text[e:nxt[0]] in (" of ", " of the "):
            inst = matcher.institutions.get((nxt[2].id, kind))
            if inst is not None:
                found[i] = (s, nxt[1], inst)
                found[i + 1] = None
                last[kind] = inst
                seen.setdefault(kind, set()).add(inst.id)
            continue
        # An unqualified "the Foreign Ministry" is the dateline country's own when the article
        # has named that one (a Kyiv report quoting the Russian ministry still means Ukraine's),
        # else the last one named, else the dateline country's.
        if not dateline_done:
            dateline, dateline_done = _dateline_country(text, matcher), True
        home = matcher.institutions.get((dateline.id, kind)) if dateline else None
        named = seen.get(kind, set())
        if home is not None and (home.id in named or not named):
            inst = home
        else:
            inst = last.get(kind)
        if inst is not None:
            found[i] = (s, e, inst)
            last[kind] = inst
            seen.setdefault(kind, set()).add(inst.id)


def _is_language(text: str, start: int, end: int) -> bool:
    """ "in Russian," / "known in Russian as": the adjective names a language, not a state."""
    return text[max(0, start - 3):start] == "in " and _LANGUAGE_AFTER.match(text, end) is not None


def _dateline_country(text: str, matcher: _Matcher) -> Country | None:
    m = _DATELINE.search(text[:_DATELINE_WINDOW])
    if m is None:
        return None
    place = "-".join(" ".join(w.capitalize() for w in part.split(" "))
                     for part in m.group(1).split("-"))
    return matcher.places.get(place)


def _surname_person(form: str, at: int, people: tuple[Person, ...],
                    named_in_full: dict[str, list[int]], day: date | None) -> Person | None:
    in_article = [p for p in people if p.id in named_in_full]
    if len(in_article) == 1:
        return in_article[0]
    if in_article:
        # several bearers named in full ("Sadyr Japarov" and "Akylbek Japarov"): the one named
        # last before this point, else (a headline) the first one named after it
        before = [(max(o for o in named_in_full[p.id] if o < at), p) for p in in_article
                  if any(o < at for o in named_in_full[p.id])]
        if before:
            return max(before, key=lambda op: op[0])[1]
        return min((min(named_in_full[p.id]), p) for p in in_article)[1] if in_article \
            else None
    if len(people) != 1:
        return None
    if len(form) < MIN_UNIQUE_SURNAME or form in COMMON_WORDS:
        return None
    if day is not None and not _in_office_around(people[0], day):
        return None  # "Sullivan" in 2023 is rarely a deputy secretary who left in 2019
    return people[0]


def _in_office_around(person: Person, day: date) -> bool:
    """Whether ``person`` held a role on ``day`` or left one in the years just before it."""
    since = day - RECENT_OFFICE
    return any((r.from_ is None or r.from_ <= day) and (r.until is None or r.until >= since)
               for r in person.roles)


def _given_name_start(text: str, start: int, person: Person) -> int:
    """Where the mention of a surname starts: earlier when a given name of the person, in any
    romanisation, comes right before it ("Sergei Lavrov" for a KB that spells "Sergey")."""
    m = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
    if m is None:
        return start
    given = name_key(m.group(1))
    for full in (person.name, *person.aliases):
        parts = words(full)
        if len(parts) > 1 and given in (name_key(parts[0]), name_key(parts[-1])):
            return m.start(1)
    return start


def _day(published: str | None) -> date | None:
    try:
        return as_date(published)
    except (ValueError, TypeError):
        logger.debug("ignoring unparseable published date %r", published)
        return None

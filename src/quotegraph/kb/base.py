"""The loaded knowledge base and its query API (get, lookup, people, roles, members).

Build one with ``quotegraph.kb.load_kb()``; it is immutable and safe to share between threads.
Indexes are built on first use.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property

from quotegraph.errors import KnowledgeBaseError
from quotegraph.kb import names
from quotegraph.kb.schema import RoleDef
from quotegraph.kb.types import (
    Actor,
    Country,
    Dated,
    Grouping,
    Institution,
    Organization,
    Person,
    Role,
)

logger = logging.getLogger(__name__)

# How a surface form names its actor, best first: a name beats an adjective beats a metonym.
HOW_RANK = {"name": 0, "alias": 0, "adjective": 1, "demonym": 1, "metonym": 2, "surname": 3}
TYPE_RANK = {"person": 0, "institution": 1, "organization": 2, "grouping": 3, "country": 4}


@dataclass(frozen=True)
class Surface:
    """One way a surface form names an actor; ``period`` limits dated metonyms."""

    actor: Actor
    how: str
    period: Dated | None = None

    def valid_on(self, on: date | None) -> bool:
        return on is None or self.period is None or self.period.covers(on)


class KnowledgeBase:
    """Countries, organisations, groupings, institutions and people, queryable by date.

    ``as_of`` is when the data was last checked: a role or membership with no end date is
    asserted up to ``horizon`` (``as_of`` + 365 days) and never after.
    """

    def __init__(self, actors: Iterable[Actor], *, as_of: date,
                 roles: Mapping[str, RoleDef], leader: Mapping[str, tuple[str, ...]] | None = None,
                 not_actors: Iterable[str] = (), bare_names: Mapping[str, str] | None = None):
        self._actors: dict[str, Actor] = {a.id: a for a in actors}
        self.as_of = as_of
        self.horizon = as_of + timedelta(days=365)
        self.roles: Mapping[str, RoleDef] = dict(roles)
        # who "the X leader" is: {"head-of-government": (ids...), "unclear": (ids...)}
        self.leader: Mapping[str, tuple[str, ...]] = dict(leader or {})
        # Names that contain an actor's name but are none ("Taiwan Strait", a strait), and
        # names used without their "the" ("West pressures ..." in a headline) -> actor id.
        self.not_actors: frozenset[str] = frozenset(not_actors)
        # A user-only knowledge base keeps the shipped meta: a bare name of an actor it does
        # not hold is left out, not an error.
        self.bare_names: Mapping[str, str] = {
            k: v for k, v in (bare_names or {}).items() if v in self._actors}
        self._check_references()

    # -- records -------------------------------------------------------------------------------

    def get(self, actor_id: str) -> Actor | None:
        """The record with this id, or ``None``."""
        return self._actors.get(actor_id)

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._actors

    def __len__(self) -> int:
        return len(self._actors)

    def actors(self, type: str | None = None) -> tuple[Actor, ...]:
        """All records, or those of one type (``person``, ``country``, ...), in load order."""
        return tuple(a for a in self._actors.values() if type is None or a.type == type)

    # -- surface forms -------------------------------------------------------------------------

    @cached_property
    def surfaces(self) -> Mapping[str, tuple[Surface, ...]]:
        """Every case-sensitive surface form (names, aliases, adjectives, demonyms, metonyms)."""
        index: dict[str, list[Surface]] = defaultdict(list)
        for a in self._actors.values():
            index[a.name].append(Surface(a, "name"))
            for alias in a.aliases:
                index[alias].append(Surface(a, "alias"))
            for adj in getattr(a, "adjectives", ()):
                index[adj].append(Surface(a, "adjective"))
            for dem in getattr(a, "demonyms", ()):
                index[dem].append(Surface(a, "demonym"))
            for m in getattr(a, "metonyms", ()):
                dated = m if (m.from_ or m.until) else None
                index[m.name].append(Surface(a, "metonym", dated))
        # "the West" also opens a sentence
        for form in [f for f in index if f.startswith("the ")]:
            upper = "The " + form[4:]
            if upper not in index:
                index[upper] = list(index[form])
        out = {}
        for form, entries in index.items():
            unique = list({(s.actor.id, s.how, s.period): s for s in entries}.values())
            unique.sort(key=lambda s: (HOW_RANK[s.how], TYPE_RANK[s.actor.type]))
            out[form] = tuple(unique)
        return out

    @cached_property
    def acronyms(self) -> Mapping[str, str]:
        """Title-case spellings of all-caps acronyms ("Nato" -> "NATO"), for case folding.

        Two-letter acronyms are left out: "Us", "Un" and "Eu" are words or noise.
        """
        out = {}
        for form in self.surfaces:
            if len(form) >= 3 and form.isalpha() and form.isupper():
                folded = form[0] + form[1:].lower()
                if folded not in self.surfaces:
                    out[folded] = form
        return out

    @cached_property
    def surnames(self) -> Mapping[str, tuple[Person, ...]]:
        """Surname as written (from names and aliases) -> the people who bear it."""
        index: dict[str, dict[str, Person]] = defaultdict(dict)
        for p in self.people:
            for form in self.surname_forms(p):
                index[form][p.id] = p
                if form[0].islower():  # "von der Leyen" opens a sentence as "Von der Leyen"
                    index[form[0].upper() + form[1:]][p.id] = p
        return {k: tuple(v.values()) for k, v in index.items()}

    def surname_forms(self, person: Person) -> tuple[str, ...]:
        """The surnames a person goes by, from the name and every alias."""
        if person.surname:
            return (person.surname,)
        family_first = person.country in names.FAMILY_FIRST
        forms = []
        for full in (person.name, *person.aliases):
            if len(names.words(full)) < 2:
                continue
            surname = names.split_name(full, family_first=family_first)[1]
            if surname and surname not in forms:
                forms.append(surname)
        return tuple(forms)

    def matches(self, surface: str, *, on: date | str | None = None) -> tuple[Surface, ...]:
        """How a surface form resolves on a date: every matching actor with how it matched.

        Case-sensitive, except that a Title-case acronym ("Nato") finds the acronym. A dated
        metonym only matches inside its dates. A bare surname matches when it is unique in the
        knowledge base.
        """
        day = as_date(on)
        entries = self.surfaces.get(surface)
        if entries is None and surface in self.acronyms:
            entries = self.surfaces[self.acronyms[surface]]
        found = [s for s in entries or () if s.valid_on(day)]
        if not found:
            people = self.surnames.get(surface, ())
            if len(people) == 1:
                found.append(Surface(people[0], "surname"))
        return tuple(found)

    def lookup(self, surface: str, *, on: date | str | None = None) -> list[Actor]:
        """The actors a surface form names on ``on``, best first (see ``matches``)."""
        seen: dict[str, Actor] = {}
        for s in self.matches(surface, on=on):
            seen.setdefault(s.actor.id, s.actor)
        return list(seen.values())

    # -- people and roles ----------------------------------------------------------------------

    @cached_property
    def people(self) -> tuple[Person, ...]:
        return tuple(a for a in self._actors.values() if isinstance(a, Person))

    @cached_property
    def _name_index(self) -> tuple[dict[str, set[str]], dict[str, set[str]], dict[str, set[str]]]:
        exact: dict[str, set[str]] = defaultdict(set)
        keyed: dict[str, set[str]] = defaultdict(set)
        surname: dict[str, set[str]] = defaultdict(set)
        for p in self.people:
            for full in (p.name, *p.aliases):
                exact[full.casefold()].add(p.id)
                keyed[names.name_key(full)].add(p.id)
            for form in self.surname_forms(p):
                surname[names.name_key(form)].add(p.id)
        return exact, keyed, surname

    def person_by_name(self, name: str) -> Person | None:
        """The one person a name means: full name or alias in any usual romanisation, or a
        surname alone when only one person in the KB bears it. ``None`` when unknown or
        ambiguous."""
        name = " ".join(name.split())
        if not name:
            return None
        exact, keyed, surname = self._name_index
        for index, key in ((exact, name.casefold()), (keyed, names.name_key(name))):
            ids = index.get(key)
            if ids:
                return self._actors[next(iter(ids))] if len(ids) == 1 else None  # type: ignore[return-value]
        parts = names.words(name)
        if len(parts) == 1:
            ids = surname.get(names.name_key(name), set())
            return self._actors[next(iter(ids))] if len(ids) == 1 else None  # type: ignore[return-value]
        # "Sergei V. Lavrov", "Wang Yi" written the other way round: surname + a given name
        found = set()
        for last, given in ((parts[-1], parts[0]), (parts[0], parts[-1])):
            for pid in surname.get(names.name_key(last), ()):
                p = self._actors[pid]
                givens = {names.name_key(names.words(full)[0]) for full in (p.name, *p.aliases)
                          if len(names.words(full)) > 1}
                givens |= {names.name_key(names.words(full)[-1]) for full in (p.name, *p.aliases)
                           if len(names.words(full)) > 1}
                if names.name_key(given) in givens:
                    found.add(pid)
        if not found:
            found = self._variant_ids(parts, surname)
        return self._actors[found.pop()] if len(found) == 1 else None  # type: ignore[return-value]

    def _variant_ids(self, parts: list[str], surname: Mapping[str, set[str]]) -> set[str]:
        """People whose "Given Surname" a two-or-more-word name matches with one of the two
        words a vowel apart ("Jaykhun Bayramov", "Maria Zakharava"): the article's misspelling
        or second transliteration of a known person (``names.one_vowel_apart``)."""
        given, last = names.name_key(parts[0]), names.name_key(parts[-1])
        found: set[str] = set()
        for key, exact_surname in ((last, True), *((k, False) for k in names.vowel_swaps(last))):
            for pid in surname.get(key, ()):
                p = self._actors[pid]
                givens = {names.name_key(names.words(full)[0]) for full in (p.name, *p.aliases)
                          if len(names.words(full)) > 1}
                if given in givens and not exact_surname or exact_surname and any(
                        names.one_vowel_apart(given, g) for g in givens):
                    found.add(pid)
        return found

    @cached_property
    def _holdings(self) -> Mapping[tuple[str, str], tuple[tuple[Person, Role], ...]]:
        index: dict[tuple[str, str], list[tuple[Person, Role]]] = defaultdict(list)
        for p in self.people:
            for r in p.roles:
                index[(r.role, r.of)].append((p, r))
        return {k: tuple(v) for k, v in index.items()}

    @cached_property
    def titles(self) -> Mapping[str, tuple[tuple[Person, Role], ...]]:
        """Case-folded official title -> the ``(person, role)`` pairs that carry it."""
        index: dict[str, list[tuple[Person, Role]]] = defaultdict(list)
        for p in self.people:
            for r in p.roles:
                if r.title:
                    index[" ".join(r.title.split()).casefold()].append((p, r))
        return {k: tuple(v) for k, v in index.items()}

    def holdings(self, role: str, of: str, on: date | str | None = None
                 ) -> list[tuple[Person, Role]]:
        """``(person, role)`` pairs for ``role`` of ``of`` (an id or a name) held on ``on``
        (default: ``as_of``), latest start first."""
        day = as_date(on) or self.as_of
        of_id = self._resolve_id(of)
        found = [(p, r) for p, r in self._holdings.get((role, of_id), ())
                 if r.covers(day, horizon=self.horizon)]
        found.sort(key=lambda pr: pr[1].from_ or date.min, reverse=True)
        return found

    def holders(self, role: str, of: str, on: date | str | None = None) -> list[Person]:
        """The people holding ``role`` of ``of`` on ``on``. An open-ended role counts only up
        to ``as_of`` + 365 days."""
        out: dict[str, Person] = {}
        for p, _ in self.holdings(role, of, on):
            out.setdefault(p.id, p)
        return list(out.values())

    def roles_of(self, person: Person, on: date | str | None = None) -> tuple[Role, ...]:
        """The roles ``person`` holds on ``on`` (all roles when ``on`` is ``None``)."""
        day = as_date(on)
        if day is None:
            return person.roles
        return person.roles_on(day, horizon=self.horizon)

    def resolve_role(self, phrase: str, on: date | str | None = None) -> Person | None:
        """The one person a role phrase names on a date ("the top Russian diplomat", "US
        Secretary of State", "the Kazakh president"); ``None`` when unknown or ambiguous."""
        from quotegraph.kb.roles import resolve_role

        return resolve_role(self, phrase, as_date(on) or self.as_of)

    # -- memberships ---------------------------------------------------------------------------

    def members(self, actor_id: str, on: date | str | None = None) -> list[Actor]:
        """Members of an organisation (on a date; current members by default) or a grouping."""
        actor = self.get(actor_id)
        if actor is None:
            raise KnowledgeBaseError(f"unknown knowledge-base id {actor_id!r}")
        day = as_date(on)
        if isinstance(actor, Grouping):
            return [self._actors[m] for m in actor.members]
        if not isinstance(actor, Organization):
            return []
        if day and ((actor.founded and day < actor.founded)
                    or (actor.dissolved and day >= actor.dissolved)):
            return []
        if actor.derive_members == "un":
            return [c for c in self.actors("country") if isinstance(c, Country)
                    and c.un == "member" and (day is None or c.un_joined is None
                                              or c.un_joined <= day)]
        out = []
        for m in actor.members:
            current = m.until is None if day is None else m.covers(day)
            if current and m.country not in {a.id for a in out}:
                out.append(self._actors[m.country])
        return out

    # -- internals -----------------------------------------------------------------------------

    def _resolve_id(self, ref: str) -> str:
        if ref in self._actors:
            return ref
        found = self.lookup(ref)
        return found[0].id if found else ref

    def _check_references(self) -> None:
        def need(ref: str | None, what: str, actor: Actor, kinds: tuple[type, ...]) -> None:
            if ref is None:
                return
            target = self._actors.get(ref)
            if target is None or not isinstance(target, kinds):
                names_ = "/".join(k.__name__.lower() for k in kinds)
                raise KnowledgeBaseError(f"{actor.origin} (id {actor.id!r}): field {what!r}: "
                                         f"unknown {names_} id {ref!r}")

        states = (Country, Organization)
        unknown_roles: set[str] = set()
        for a in self._actors.values():
            if isinstance(a, Organization):
                for field in ("members", "observers", "partners", "associates"):
                    for i, m in enumerate(getattr(a, field)):
                        need(m.country, f"{field}[{i}].country", a, states)
            elif isinstance(a, Grouping):
                for i, m in enumerate(a.members):
                    need(m, f"members[{i}]", a, states)
            elif isinstance(a, Institution):
                need(a.of, "of", a, states)
            elif isinstance(a, Person):
                need(a.country, "country", a, (Country,))
                for i, r in enumerate(a.roles):
                    need(r.of, f"roles[{i}].of", a, states + (Institution,))
                    if r.role not in self.roles:
                        unknown_roles.add(r.role)
        for role in sorted(unknown_roles):
            logger.warning("role %r is not in the role vocabulary (meta.yaml roles:); role "
                           "phrases will not resolve to it", role)


def as_date(value: date | str | None) -> date | None:
    """A date from a ``date``, an ISO ``YYYY-MM-DD`` string (longer ISO strings are cut to the
    day) or ``None``."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError as e:
        raise ValueError(f"not an ISO date (YYYY-MM-DD): {value!r}") from e

"""The knowledge base's records: countries, organisations, groupings, institutions and people.

Every record is a frozen dataclass built from one YAML record (see ``quotegraph.kb.schema``).
Dated facts (roles, memberships, metonyms) share one rule: ``from_``/``until`` are inclusive,
``None`` for ``from_`` means "since always / since founding", and ``None`` for ``until`` means
"still true as of the knowledge base's ``as_of`` date" -- which ``covers`` only asserts up to a
horizon the caller passes (``as_of`` + 365 days).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar

ACTOR_TYPES = ("person", "country", "organization", "grouping", "institution")


@dataclass(frozen=True, kw_only=True)
class Dated:
    """A fact that holds from ``from_`` to ``until`` (both inclusive)."""

    from_: date | None = None
    until: date | None = None
    approx: bool = False

    def covers(self, on: date, *, horizon: date | None = None) -> bool:
        """Whether the fact holds on ``on``; an open end is only trusted up to ``horizon``."""
        if self.from_ is not None and on < self.from_:
            return False
        if self.until is not None:
            return on <= self.until
        return horizon is None or on <= horizon

    def dates_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"from": _iso(self.from_), "until": _iso(self.until)}
        if self.approx:
            d["approx"] = True
        return d


@dataclass(frozen=True, kw_only=True)
class Metonym(Dated):
    """A name that stands for a state or organisation in copy ("Moscow", "Brussels")."""

    name: str

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, **self.dates_dict()}


@dataclass(frozen=True, kw_only=True)
class Membership(Dated):
    """A country's (or organisation's) membership, observer status or partnership."""

    country: str
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = {"country": self.country, **self.dates_dict()}
        if self.note:
            d["note"] = self.note
        return d


@dataclass(frozen=True, kw_only=True)
class Role(Dated):
    """A dated role held by a person: ``role`` from the vocabulary in meta.yaml, ``of`` an id."""

    role: str
    of: str
    title: str | None = None
    acting: bool = False

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"role": self.role, "of": self.of, "title": self.title}
        d.update(self.dates_dict())
        if self.acting:
            d["acting"] = True
        return d


@dataclass(frozen=True, kw_only=True)
class Actor:
    """Anything a mention can resolve to. ``type`` is one of ``ACTOR_TYPES``.

    ``origin`` says where the record came from (``file#index``) for error messages; it takes
    no part in equality.
    """

    type: ClassVar[str] = ""
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    note: str | None = None
    origin: str = field(default="", compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"id": self.id, "type": self.type, "name": self.name}
        if self.aliases:
            d["aliases"] = list(self.aliases)
        d.update(self._extra_dict())
        if self.note:
            d["note"] = self.note
        return d

    def _extra_dict(self) -> dict[str, Any]:
        return {}


@dataclass(frozen=True, kw_only=True)
class Country(Actor):
    type: ClassVar[str] = "country"
    iso2: str
    official: str | None = None
    adjectives: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capital: str | None = None
    metonyms: tuple[Metonym, ...] = ()
    un: str = "member"
    un_joined: date | None = None

    def _extra_dict(self) -> dict[str, Any]:
        return {
            "iso2": self.iso2,
            "official": self.official,
            "adjectives": list(self.adjectives),
            "demonyms": list(self.demonyms),
            "capital": self.capital,
            "metonyms": [m.to_dict() for m in self.metonyms],
            "un": self.un,
        }


@dataclass(frozen=True, kw_only=True)
class Organization(Actor):
    type: ClassVar[str] = "organization"
    kind: str | None = None
    founded: date | None = None
    dissolved: date | None = None
    approx: bool = False
    members: tuple[Membership, ...] = ()
    observers: tuple[Membership, ...] = ()
    partners: tuple[Membership, ...] = ()
    associates: tuple[Membership, ...] = ()
    derive_members: str | None = None
    seat: str | None = None
    metonyms: tuple[Metonym, ...] = ()

    def _extra_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "kind": self.kind,
            "founded": _iso(self.founded),
            "dissolved": _iso(self.dissolved),
            "seat": self.seat,
        }
        for name in ("members", "observers", "partners", "associates"):
            if getattr(self, name):
                d[name] = [m.to_dict() for m in getattr(self, name)]
        if self.metonyms:
            d["metonyms"] = [m.to_dict() for m in self.metonyms]
        return d


@dataclass(frozen=True, kw_only=True)
class Grouping(Actor):
    type: ClassVar[str] = "grouping"
    members: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    source: str | None = None

    def _extra_dict(self) -> dict[str, Any]:
        return {"members": list(self.members), "adjectives": list(self.adjectives),
                "source": self.source}


@dataclass(frozen=True, kw_only=True)
class Institution(Actor):
    type: ClassVar[str] = "institution"
    of: str
    kind: str | None = None

    def _extra_dict(self) -> dict[str, Any]:
        return {"of": self.of, "kind": self.kind}


@dataclass(frozen=True, kw_only=True)
class Person(Actor):
    """A person with dated roles. ``surname`` is only set when the name's last word is not it."""

    type: ClassVar[str] = "person"
    gender: str | None = None
    country: str | None = None
    roles: tuple[Role, ...] = ()
    surname: str | None = None

    def _extra_dict(self) -> dict[str, Any]:
        return {"gender": self.gender, "country": self.country,
                "roles": [r.to_dict() for r in self.roles]}

    def roles_on(self, on: date, *, horizon: date | None = None) -> tuple[Role, ...]:
        """The roles this person holds on ``on``."""
        return tuple(r for r in self.roles if r.covers(on, horizon=horizon))


ACTOR_CLASSES: dict[str, type[Actor]] = {
    cls.type: cls for cls in (Person, Country, Organization, Grouping, Institution)
}


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None

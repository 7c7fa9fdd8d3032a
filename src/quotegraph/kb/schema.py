"""Turn raw YAML records into knowledge-base records, or say exactly what is wrong.

Every error is a ``KnowledgeBaseError`` naming the file, the record (1-based index and id) and
the field, e.g. ``people.yaml: record #3 (id 'sergey-lavrov'): field 'roles[0].from': bare year
2004 is not a date; write 2004-01-01 and add approx: true``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from quotegraph.errors import KnowledgeBaseError
from quotegraph.kb.types import (
    ACTOR_CLASSES,
    Actor,
    Country,
    Grouping,
    Institution,
    Membership,
    Metonym,
    Organization,
    Person,
    Role,
)

logger = logging.getLogger(__name__)

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.+-]*$")
_COMMENT_KEYS = {"note", "notes", "source", "sources", "wikidata", "type"}

_FIELDS: dict[str, set[str]] = {
    "country": {"id", "iso2", "name", "official", "aliases", "adjectives", "demonyms", "capital",
                "metonyms", "un", "un_joined"},
    "organization": {"id", "name", "aliases", "kind", "founded", "dissolved", "approx", "members",
                     "observers", "partners", "associates", "derive_members", "seat", "metonyms"},
    "grouping": {"id", "name", "aliases", "adjectives", "members"},
    "institution": {"id", "name", "aliases", "of", "kind"},
    "person": {"id", "name", "aliases", "gender", "country", "roles", "surname"},
}
# Fields a record of that type cannot be recognised without (used to guess the type of a record
# in a user file with no ``type:`` key and an unhelpful file name).
_TELLTALE = (("person", "roles"), ("person", "gender"), ("country", "iso2"),
             ("institution", "of"), ("organization", "founded"),
             ("organization", "derive_members"), ("grouping", "members"))


@dataclass(frozen=True)
class Where:
    """Where a record sits, for messages: ``file``, 1-based ``index`` and the record's id."""

    file: str
    index: int
    id: str | None = None

    def __str__(self) -> str:
        ident = f" (id {self.id!r})" if self.id else ""
        return f"{self.file}: record #{self.index}{ident}"


def fail(where: Where | str, field: str | None, problem: str) -> KnowledgeBaseError:
    """The error for a bad field; ``raise fail(...)``."""
    at = f": field {field!r}" if field else ""
    return KnowledgeBaseError(f"{where}{at}: {problem}")


def guess_type(raw: Mapping[str, Any], *, hint: str | None, where: Where) -> str:
    """The record type: its ``type:`` key, else the file's hint, else its telltale fields."""
    explicit = raw.get("type")
    if explicit is not None:
        if explicit not in ACTOR_CLASSES:
            raise fail(where, "type", f"unknown type {explicit!r}; use one of "
                                      f"{', '.join(ACTOR_CLASSES)}")
        return str(explicit)
    if hint:
        return hint
    for kind, key in _TELLTALE:
        if key in raw:
            return kind
    raise fail(where, None, "cannot tell what kind of record this is; add "
                            "`type: person|country|organization|grouping|institution`")


def parse_record(raw: Any, *, kind: str, where: Where) -> Actor:
    """Validate one raw record of type ``kind`` and build its dataclass."""
    if not isinstance(raw, Mapping):
        raise fail(where, None, f"expected a mapping of fields, got {type(raw).__name__}")
    rid = raw.get("id")
    where = Where(where.file, where.index, rid if isinstance(rid, str) else None)
    if not isinstance(rid, str) or not _ID.match(rid):
        raise fail(where, "id", f"missing or not a plain identifier: {rid!r}")
    unknown = set(raw) - _FIELDS[kind] - _COMMENT_KEYS
    if unknown:
        logger.warning("%s: unknown field(s) %s ignored", where, ", ".join(sorted(unknown)))
    r = _Reader(raw, where)
    common = {"id": rid, "name": r.text("name", required=True), "aliases": r.texts("aliases"),
              "note": r.note(), "origin": f"{where.file}#{where.index}"}
    if kind == "country":
        iso2 = r.text("iso2", required=True)
        if not re.fullmatch(r"[A-Z]{2}", iso2):
            raise fail(where, "iso2", f"not a two-letter code: {iso2!r}")
        if not re.fullmatch(r"[A-Z]{3}", rid):
            raise fail(where, "id", f"a country id is its ISO 3166-1 alpha-3 code, got {rid!r}")
        un = r.text("un") or "member"
        if un not in ("member", "observer", "none"):
            raise fail(where, "un", f"must be member, observer or none, got {un!r}")
        return Country(**common, iso2=iso2, official=r.text("official"),
                       adjectives=r.texts("adjectives"), demonyms=r.texts("demonyms"),
                       capital=r.text("capital"), metonyms=r.metonyms("metonyms"), un=un,
                       un_joined=r.date("un_joined"))
    if kind == "organization":
        founded, dissolved = r.date("founded"), r.date("dissolved")
        if founded and dissolved and dissolved < founded:
            raise fail(where, "dissolved", f"{dissolved} is before founded {founded}")
        derive = r.text("derive_members")
        if derive not in (None, "un"):
            raise fail(where, "derive_members", f"only 'un' is supported, got {derive!r}")
        return Organization(**common, kind=r.text("kind"), founded=founded, dissolved=dissolved,
                            approx=r.flag("approx"), members=r.memberships("members"),
                            observers=r.memberships("observers"),
                            partners=r.memberships("partners"),
                            associates=r.memberships("associates"), derive_members=derive,
                            seat=r.text("seat"), metonyms=r.metonyms("metonyms"))
    if kind == "grouping":
        return Grouping(**common, members=r.texts("members"), adjectives=r.texts("adjectives"),
                        source=r.text("source"))
    if kind == "institution":
        return Institution(**common, of=r.text("of", required=True), kind=r.text("kind"))
    gender = r.text("gender")
    if gender not in (None, "m", "f"):
        raise fail(where, "gender", f"must be m or f, got {gender!r}")
    return Person(**common, gender=gender, country=r.text("country"), roles=r.roles("roles"),
                  surname=r.text("surname"))


@dataclass(frozen=True)
class RoleDef:
    """One entry of the role vocabulary in meta.yaml (see the comments there)."""

    id: str
    meaning: str
    of: str
    nouns: tuple[str, ...] = ()
    local: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    via: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    only: tuple[str, ...] = ()
    multi: bool = False


def parse_roles(raw: Any, *, file: str) -> dict[str, RoleDef]:
    """The ``roles:`` mapping of meta.yaml."""
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        raise KnowledgeBaseError(f"{file}: field 'roles': expected a mapping of role ids")
    out = {}
    for i, (rid, spec) in enumerate(raw.items(), 1):
        where = Where(file, i, str(rid))
        if not isinstance(spec, Mapping):
            raise fail(where, "roles", "expected a mapping with meaning/of/nouns")
        r = _Reader(spec, where)
        of = r.text("of") or "country"
        if of not in ("country", "organization"):
            raise fail(where, "of", f"must be country or organization, got {of!r}")
        out[str(rid)] = RoleDef(
            id=str(rid), meaning=r.text("meaning") or "", of=of,
            nouns=tuple(n.lower() for n in r.texts("nouns")),
            local={k: tuple(n.lower() for n in v) for k, v in r.text_map("local").items()},
            via={k: tuple(n.lower() for n in v) for k, v in r.text_map("via").items()},
            only=r.texts("only"), multi=r.flag("multi"))
    return out


def parse_date(value: Any, *, where: Where | str, field: str) -> date | None:
    """A ``YYYY-MM-DD`` date (YAML date or string); ``None`` stays ``None``."""
    if value is None:
        return None
    if isinstance(value, datetime):
        raise fail(where, field, f"{value} has a time of day; write just YYYY-MM-DD")
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise fail(where, field, f"{value!r} is not a date (YYYY-MM-DD)")
    if isinstance(value, int):
        raise fail(where, field, f"bare year {value} is not a date; write {value}-01-01 and add "
                                 "approx: true")
    if isinstance(value, str) and _ISO_DATE.match(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError as e:
            raise fail(where, field, f"{value!r} is not a real date ({e})") from e
    raise fail(where, field, f"{value!r} is not a date (YYYY-MM-DD)")


class _Reader:
    """Typed access to one raw record's fields, raising errors that name the field."""

    def __init__(self, raw: Mapping[str, Any], where: Where):
        self.raw = raw
        self.where = where

    def text(self, key: str, *, required: bool = False, raw: Mapping | None = None,
             label: str | None = None) -> str | None:
        src = self.raw if raw is None else raw
        value = src.get(key)
        if value is None:
            if required:
                raise fail(self.where, label or key, "missing")
            return None
        if isinstance(value, bool):
            raise fail(self.where, label or key, f"expected text, got {value!r} (YAML reads "
                                                 "bare yes/no/on/off as booleans: quote it)")
        if not isinstance(value, (str, int, float)):
            raise fail(self.where, label or key, f"expected text, got {value!r}")
        value = str(value).strip()
        if not value and required:
            raise fail(self.where, label or key, "empty")
        return value or None

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.raw.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise fail(self.where, key, f"expected a list, got {type(value).__name__}")
        out = []
        for i, item in enumerate(value):
            if isinstance(item, bool) or not isinstance(item, (str, int)) or not str(item).strip():
                raise fail(self.where, f"{key}[{i}]", f"expected non-empty text, got {item!r}")
            out.append(str(item).strip())
        return tuple(out)

    def text_map(self, key: str) -> dict[str, tuple[str, ...]]:
        value = self.raw.get(key) or {}
        if not isinstance(value, Mapping):
            raise fail(self.where, key, "expected a mapping")
        out = {}
        for k, v in value.items():
            items = [v] if isinstance(v, str) else v
            if not isinstance(items, list):
                raise fail(self.where, f"{key}.{k}", "expected a list of nouns")
            out[str(k)] = tuple(str(i) for i in items)
        return out

    def flag(self, key: str, raw: Mapping | None = None, label: str | None = None) -> bool:
        value = (self.raw if raw is None else raw).get(key, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            raise fail(self.where, label or key, f"expected true or false, got {value!r}")
        return value

    def note(self) -> str | None:
        note = self.raw.get("note", self.raw.get("notes"))
        return str(note).strip() if note is not None else None

    def date(self, key: str, raw: Mapping | None = None, label: str | None = None) -> date | None:
        return parse_date((self.raw if raw is None else raw).get(key), where=self.where,
                          field=label or key)

    def _items(self, key: str) -> list[tuple[str, Mapping[str, Any]]]:
        value = self.raw.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise fail(self.where, key, f"expected a list, got {type(value).__name__}")
        out = []
        for i, item in enumerate(value):
            if not isinstance(item, Mapping):
                raise fail(self.where, f"{key}[{i}]", f"expected a mapping, got {item!r}")
            out.append((f"{key}[{i}]", item))
        return out

    def _dated(self, label: str, item: Mapping[str, Any]) -> dict[str, Any]:
        start = self.date("from", raw=item, label=f"{label}.from")
        end = self.date("until", raw=item, label=f"{label}.until")
        if start and end and end < start:
            raise fail(self.where, f"{label}.until", f"{end} is before from {start}")
        return {"from_": start, "until": end,
                "approx": self.flag("approx", raw=item, label=f"{label}.approx")}

    def metonyms(self, key: str) -> tuple[Metonym, ...]:
        return tuple(Metonym(name=self.text("name", required=True, raw=item, label=f"{lab}.name"),
                             **self._dated(lab, item))
                     for lab, item in self._items(key))

    def memberships(self, key: str) -> tuple[Membership, ...]:
        return tuple(Membership(country=self.text("country", required=True, raw=item,
                                                  label=f"{lab}.country"),
                                note=self.text("note", raw=item), **self._dated(lab, item))
                     for lab, item in self._items(key))

    def roles(self, key: str) -> tuple[Role, ...]:
        out = []
        for lab, item in self._items(key):
            role = self.text("role", required=True, raw=item, label=f"{lab}.role")
            of = self.text("of", required=True, raw=item, label=f"{lab}.of")
            if item.get("from") is None:
                raise fail(self.where, f"{lab}.from", "missing (a role needs a start date)")
            out.append(Role(role=role, of=of, title=self.text("title", raw=item),
                            acting=self.flag("acting", raw=item, label=f"{lab}.acting"),
                            **self._dated(lab, item)))
        return tuple(out)

"""The values that flow through quotegraph: documents in, articles with statements out.

Every span is a ``(start, end)`` pair of Python string offsets into the document text as
decoded from its file; ``text`` fields always equal ``document[start:end]``. Values are frozen
and serialise with symmetric ``to_dict``/``from_dict``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

KINDS = ("direct", "indirect", "mixed")


@dataclass(frozen=True)
class Document:
    """One input document, as read from a file, a corpus row or stdin.

    ``title``, ``published`` (ISO ``YYYY-MM-DD``), ``outlet`` and ``url`` are what the
    container gave (a JSONL/CSV field, HTML metadata, a feed item); extraction fills the gaps
    from the text itself. For web inputs ``text`` is the extracted main text (what offsets
    point into), ``url`` the address it was read from, ``canonical_url`` the page's own
    ``rel=canonical``. ``language`` is an ISO 639-1 code, ``None`` when unknown; documents in
    another language than English are stored without statements.
    """

    text: str
    source: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    canonical_url: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Span:
        return cls(start=d["start"], end=d["end"], text=d["text"])


@dataclass(frozen=True)
class Claim:
    """A numeric claim inside a statement: "more than $15.6 billion in January-July".

    ``start``/``end``/``text`` cover the quantity itself (approximation word, number, unit);
    ``value`` is the number with its scale applied (``15.6e9``), ``value_max`` the top of a
    range ("$24-24.5 billion"). ``unit`` is ``percent``, ``percentage points``, ``currency``
    (then ``currency`` holds the ISO 4217 code), ``times`` or the counted noun (``companies``,
    ``jobs``, ``tonnes`` ...). ``approx`` is the normalised hedge (``about``, ``more than``,
    ``nearly``, ``less than``, ``at least``, ``up to``), ``change`` is ``increase`` or
    ``decrease`` when the figure is a change ("rose by 10%"). ``measure`` and ``period`` are
    the words of the sentence that say what is measured and when, where it says so.
    """

    start: int
    end: int
    text: str
    value: float
    unit: str
    currency: str | None = None
    value_max: float | None = None
    approx: str | None = None
    change: str | None = None
    measure: Span | None = None
    period: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start, "end": self.end, "text": self.text,
            "value": self.value, "value_max": self.value_max, "unit": self.unit,
            "currency": self.currency, "approx": self.approx, "change": self.change,
            "measure": self.measure.to_dict() if self.measure else None,
            "period": self.period.to_dict() if self.period else None,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Claim:
        return cls(
            start=d["start"], end=d["end"], text=d["text"], value=d["value"], unit=d["unit"],
            currency=d.get("currency"), value_max=d.get("value_max"), approx=d.get("approx"),
            change=d.get("change"),
            measure=Span.from_dict(d["measure"]) if d.get("measure") else None,
            period=Span.from_dict(d["period"]) if d.get("period") else None,
        )


@dataclass(frozen=True)
class Relation:
    """Whom a statement accuses, criticises, makes demands of, threatens, supports or praises.

    ``type`` is one of ``accuse criticise demand threaten support praise`` and ``plover`` the
    PLOVER event type it maps to (see :mod:`quotegraph.relate.relations`); ``trigger`` is the
    words that show it, ``target`` the actor it is aimed at (``target_id`` its knowledge-base id
    when known; ``collective`` for "the West", "unfriendly states" ...), ``affected`` the party
    pressed in "X is seeking to force Y". The source of the relation is the statement's speaker.
    """

    type: str
    plover: str
    trigger: Span
    target: Span
    target_id: str | None = None
    collective: bool = False
    affected: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "plover": self.plover, "trigger": self.trigger.to_dict(),
                "target": self.target.to_dict(), "target_id": self.target_id,
                "collective": self.collective,
                "affected": self.affected.to_dict() if self.affected else None}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Relation:
        return cls(type=d["type"], plover=d["plover"], trigger=Span.from_dict(d["trigger"]),
                   target=Span.from_dict(d["target"]), target_id=d.get("target_id"),
                   collective=bool(d.get("collective")),
                   affected=Span.from_dict(d["affected"]) if d.get("affected") else None)


@dataclass(frozen=True)
class GroupMember:
    """One actor of an :class:`ActorGroup`: its words, and its knowledge-base id and name when
    it is a known actor (``None`` for "its allies", "other countries")."""

    start: int
    end: int
    text: str
    id: str | None = None
    name: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "id": self.id,
                "name": self.name}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> GroupMember:
        return cls(start=d["start"], end=d["end"], text=d["text"], id=d.get("id"),
                   name=d.get("name"))


@dataclass(frozen=True)
class ActorGroup:
    """Actors named together as one list: "Russia, China and India", "the SCO, the EAEU, the
    CSTO and ASEAN", "the United States and its allies". ``start``/``end``/``text`` cover the
    whole list; ``ids`` are the known actors' ids in list order (see
    :mod:`quotegraph.relate.groups`)."""

    start: int
    end: int
    text: str
    members: tuple[GroupMember, ...]

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(m.id for m in self.members if m.id)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "ids": list(self.ids),
                "members": [m.to_dict() for m in self.members]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ActorGroup:
        return cls(start=d["start"], end=d["end"], text=d["text"],
                   members=tuple(GroupMember.from_dict(m) for m in d.get("members", ())))


OCCASION_KINDS = ("interview", "briefing", "meeting", "press conference", "statement",
                  "social media post", "speech")


@dataclass(frozen=True)
class Occasion:
    """Where or how a statement was made, as the text says: "in an interview with Khabar-24",
    "at the SCO summit", "told reporters in Astana". ``kind`` is one of
    :data:`OCCASION_KINDS` (``meeting`` covers summits, forums, sessions and talks; remarks to
    reporters count as a ``press conference``); ``venue`` the outlet, platform, event or place
    named, where one is (see :mod:`quotegraph.relate.occasions`)."""

    start: int
    end: int
    text: str
    kind: str
    venue: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "kind": self.kind,
                "venue": self.venue.to_dict() if self.venue else None}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Occasion:
        return cls(start=d["start"], end=d["end"], text=d["text"], kind=d["kind"],
                   venue=Span.from_dict(d["venue"]) if d.get("venue") else None)


@dataclass(frozen=True)
class Speaker:
    """Who made a statement: the canonical name and the mention in the text that points at them.

    ``role`` is the office held on the article's date (from the knowledge base when it knows the
    person, else the title the article gives); ``title`` is the title as the article gives it.

    ``how`` lists the resolution steps, e.g. ``("pronoun 'he' -> 'Sergey Lavrov' (last speaker)",)``.
    """

    name: str
    mention: str
    start: int
    end: int
    id: str | None = None
    role: str | None = None
    title: str | None = None
    how: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "id": self.id,
            "mention": self.mention,
            "start": self.start,
            "end": self.end,
            "role": self.role,
            "title": self.title,
            "how": list(self.how),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Speaker:
        return cls(
            name=d["name"],
            mention=d["mention"],
            start=d["start"],
            end=d["end"],
            id=d.get("id"),
            role=d.get("role"),
            title=d.get("title"),
            how=tuple(d.get("how", ())),
        )


@dataclass(frozen=True)
class Statement:
    """One attributed statement.

    ``kind`` is ``direct`` (the quoted words, without the marks), ``indirect`` (the reported
    clause, without the attribution words) or ``mixed`` (reported speech with a quoted fragment).
    ``speaker`` is ``None`` when the text names nobody; ``source_mention`` then keeps the words
    that stood for the source ("a diplomatic source"). ``rule`` names the pattern that found it.
    ``said_on`` is the statement's own date where the text gives one ("on Saturday").
    ``repeats`` is the ``(start, end)`` of the statement of the same article this one restates
    (a headline over the body quote); aggregates count the two as one statement.
    ``claims`` are the numeric claims inside the statement span (see :class:`Claim`);
    ``relations`` whom it accuses, supports ... (see :class:`Relation`); ``groups`` the
    lists of actors it names together (see :class:`ActorGroup`); ``occasion`` where or how it
    was made, when the attribution says (see :class:`Occasion`).
    """

    kind: str
    start: int
    end: int
    text: str
    speaker: Speaker | None
    cue: Span | None
    rule: str
    source_mention: Span | None = None
    said_on: str | None = None
    repeats: tuple[int, int] | None = None
    claims: tuple[Claim, ...] = ()
    relations: tuple[Relation, ...] = ()
    groups: tuple[ActorGroup, ...] = ()
    occasion: Occasion | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "rule": self.rule,
        }
        if self.source_mention is not None:
            d["source_mention"] = self.source_mention.to_dict()
        if self.said_on is not None:
            d["said_on"] = self.said_on
        if self.repeats is not None:
            d["repeats"] = {"start": self.repeats[0], "end": self.repeats[1]}
        if self.claims:
            d["claims"] = [c.to_dict() for c in self.claims]
        if self.relations:
            d["relations"] = [r.to_dict() for r in self.relations]
        if self.groups:
            d["groups"] = [g.to_dict() for g in self.groups]
        if self.occasion is not None:
            d["occasion"] = self.occasion.to_dict()
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Statement:
        return cls(
            kind=d["kind"],
            start=d["start"],
            end=d["end"],
            text=d["text"],
            speaker=Speaker.from_dict(d["speaker"]) if d.get("speaker") else None,
            cue=Span.from_dict(d["cue"]) if d.get("cue") else None,
            rule=d.get("rule", ""),
            source_mention=Span.from_dict(d["source_mention"]) if d.get("source_mention") else None,
            said_on=d.get("said_on"),
            repeats=(d["repeats"]["start"], d["repeats"]["end"]) if d.get("repeats") else None,
            claims=tuple(Claim.from_dict(c) for c in d.get("claims", ())),
            relations=tuple(Relation.from_dict(r) for r in d.get("relations", ())),
            groups=tuple(ActorGroup.from_dict(g) for g in d.get("groups", ())),
            occasion=Occasion.from_dict(d["occasion"]) if d.get("occasion") else None,
        )


@dataclass(frozen=True)
class Mention:
    """An actor mentioned in the text, resolved against the knowledge base."""

    start: int
    end: int
    text: str
    id: str
    name: str
    type: str  # person | country | organization | grouping | institution

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "id": self.id,
            "name": self.name,
            "type": self.type,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Mention:
        return cls(**{k: d[k] for k in ("start", "end", "text", "id", "name", "type")})


@dataclass(frozen=True)
class Article:
    """A document with everything extracted from it.

    ``text`` is the document text exactly as decoded; ``body_start`` is where the article body
    begins after headline, date lines and dateline. ``dateline`` is the dateline span
    (``MOSCOW, August 19. /TASS/.``) when there is one. ``published_how`` says where
    ``published`` came from (``field``, ``date-line``, ``dateline``, ``dateline+date-line``,
    ``dateline+weekday+text-years``, ...); ``date_conflict`` is set when two of the text's
    dates disagree ("date-line 2023-08-18 disagrees with dateline 2023-08-19"). ``author``, ``canonical_url`` and
    ``language`` come from the document (see ``Document``).
    """

    text: str
    source: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    dateline: Span | None = None
    body_start: int = 0
    statements: tuple[Statement, ...] = ()
    mentions: tuple[Mention, ...] = field(default=())
    published_how: str | None = None
    date_conflict: str | None = None
    author: str | None = None
    canonical_url: str | None = None
    language: str | None = None

    def to_dict(self, *, include_text: bool = False) -> dict[str, Any]:
        """The output record of DESIGN.md; ``include_text`` adds the document text."""
        d: dict[str, Any] = {
            "source": self.source,
            "title": self.title,
            "published": self.published,
            "published_how": self.published_how,
            "outlet": self.outlet,
        }
        if self.date_conflict is not None:
            d["date_conflict"] = self.date_conflict
        for key in ("url", "author", "canonical_url", "language"):
            value = getattr(self, key)
            if value is not None:
                d[key] = value
        d["dateline"] = self.dateline.to_dict() if self.dateline else None
        d["statements"] = [s.to_dict() for s in self.statements]
        d["mentions"] = [m.to_dict() for m in self.mentions]
        if include_text:
            d["text"] = self.text
            d["body_start"] = self.body_start
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any], *, text: str | None = None) -> Article:
        return cls(
            text=d.get("text", text or ""),
            source=d.get("source"),
            title=d.get("title"),
            published=d.get("published"),
            published_how=d.get("published_how"),
            date_conflict=d.get("date_conflict"),
            outlet=d.get("outlet"),
            url=d.get("url"),
            dateline=Span.from_dict(d["dateline"]) if d.get("dateline") else None,
            body_start=d.get("body_start", 0),
            statements=tuple(Statement.from_dict(s) for s in d.get("statements", ())),
            mentions=tuple(Mention.from_dict(m) for m in d.get("mentions", ())),
            author=d.get("author"),
            canonical_url=d.get("canonical_url"),
            language=d.get("language"),
        )


def unextracted(doc: Document) -> Article:
    """The Article of a document left unread (another language than English): its text and
    metadata, no statements."""
    return Article(text=doc.text, source=doc.source, title=doc.title, published=doc.published,
                   outlet=doc.outlet, url=doc.url, author=doc.author,
                   canonical_url=doc.canonical_url, language=doc.language)


def with_document_metadata(art: Article, doc: Document) -> Article:
    """``art`` with the author, canonical URL and language its document came with, where the
    extraction left them empty (text-only extractors know nothing of them)."""
    if (art.author, art.canonical_url, art.language) == (doc.author, doc.canonical_url, doc.language):
        return art
    return replace(art, author=art.author or doc.author,
                   canonical_url=art.canonical_url or doc.canonical_url,
                   language=art.language or doc.language)

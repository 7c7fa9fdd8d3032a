"""Pydantic models for the REST edge: request bodies, and the shape of every response.

They mirror the JSON-ready dicts of :mod:`quotegraph.query`. Response models allow extra
fields, so a field the store adds later reaches clients instead of being silently dropped.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field, field_validator

from quotegraph.store.analysis import FACET_SAMPLE


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


# ---- errors -------------------------------------------------------------------------------


class ErrorBody(BaseModel):
    code: str = Field(description="machine-readable reason, e.g. `bad_query`, `not_found`")
    message: str = Field(description="what was wrong and what to do")


class ErrorResponse(BaseModel):
    error: ErrorBody


# ---- statements ---------------------------------------------------------------------------


class SpeakerRef(_Open):
    id: str | None = None
    name: str
    role: str | None = None
    mention: str | None = None


class ActorRef(_Open):
    id: str
    name: str
    type: str | None = None


class ArticleRef(_Open):
    id: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None


class FirstSeen(_Open):
    statement_id: str
    outlet: str | None = None
    published: str | None = None


class AlsoReported(_Open):
    cluster: int = Field(description="cluster id: list its statements at /clusters/{cluster}")
    outlets: list[str] = Field(description="the cluster's other outlets, earliest first")
    first_seen: FirstSeen = Field(description="the earliest article of the cluster")
    statements: int = Field(description="statements in the cluster, this one included")


class SpanOut(_Open):
    start: int
    end: int
    text: str


class GroupMemberOut(_Open):
    text: str
    start: int
    end: int
    id: str | None = Field(None, description="actor id when the member is a known actor")
    name: str | None = None


class GroupOut(_Open):
    text: str = Field(description="the whole list as written: 'Russia, China and India'")
    start: int = Field(description="offset into the article text")
    end: int
    ids: list[str] = Field(description="the known actors' ids, in list order")
    members: list[GroupMemberOut] = []


class OccasionOut(_Open):
    text: str = Field(description="the words that give it: 'at a press conference in Astana'")
    start: int = Field(description="offset into the article text")
    end: int
    kind: str = Field(description="interview, briefing, meeting, press conference, statement, "
                      "social media post or speech")
    venue: SpanOut | None = Field(None, description="the outlet, platform, event or place named")


class StatementHit(_Open):
    id: str
    article_id: str
    kind: str
    text: str
    snippet: str | None = Field(None, description="HTML: escaped text, `<mark>` around matches")
    start: int
    end: int
    speaker: SpeakerRef | None = None
    cue: str | None = None
    about: list[ActorRef] = []
    said_on: str | None = None
    repeats: str | None = Field(None, description="id of the statement of the same article "
                                "this one restates (a headline over the body quote)")
    article: ArticleRef | None = None
    groups: list[GroupOut] = Field([], description="lists of actors the statement names together")
    occasion: OccasionOut | None = Field(None, description="where or how it was made, when the "
                                         "text says")
    also_reported_by: AlsoReported | None = Field(
        None, description="the same statement of the same speaker in other articles")


class ClusterPage(_Open):
    cluster: int
    items: list[StatementHit] = Field(description="the cluster's statements, earliest first")


class FacetValue(_Open):
    value: str | None = None
    label: str | None = None
    count: int


class Facets(_Open):
    speaker: list[FacetValue] = []
    outlet: list[FacetValue] = []
    about: list[FacetValue] = []
    kind: list[FacetValue] = []
    sampled: int | None = Field(
        None, description="set only when the counts are of a sample: how many matching "
        f"statements were counted (the newest ones). A full-text query matching more than "
        f"{FACET_SAMPLE:,} statements is faceted over its newest {FACET_SAMPLE:,}; other "
        "filters are counted exactly")
    of: int | None = Field(None, description="with `sampled`: how many statements match")


class StatementPage(_Open):
    total: int
    limit: int
    offset: int
    items: list[StatementHit]
    facets: Facets | None = None


class StatementDetail(StatementHit):
    """A statement with its cue and speaker-mention spans, as listed in the article view."""

    rule: str | None = Field(None, description="the extraction pattern that found it")
    cue_span: SpanOut | None = None
    speaker_span: SpanOut | None = Field(None, description="where the speaker is mentioned")
    source_span: SpanOut | None = Field(None, description="the unnamed source's words, if any")


# ---- speakers and actors ------------------------------------------------------------------


class SpeakerRow(_Open):
    id: str
    name: str
    role: str | None = None
    statements: int = 0
    first: str | None = None
    last: str | None = None


class SpeakerPage(_Open):
    total: int | None = None
    limit: int | None = None
    offset: int | None = None
    items: list[SpeakerRow]


class RoleSpan(_Open):
    role: str | None = None
    first: str | None = None
    last: str | None = None


class PeriodCount(_Open):
    period: str
    count: int


class AboutCount(_Open):
    id: str
    name: str
    type: str | None = None
    count: int


class SpeakerCount(_Open):
    id: str | None = None
    name: str
    count: int


class SpeakerDetail(_Open):
    id: str
    name: str
    roles: list[RoleSpan] = []
    statements: int = 0
    timeline: list[PeriodCount] = []
    undated: int = 0
    undated_statements: list[StatementHit] = []
    top_about: list[AboutCount] = []
    latest: list[StatementHit] = []


class ActorRow(_Open):
    id: str
    name: str
    type: str | None = None
    mentions: int = 0
    statements_about: int = 0


class ActorPage(_Open):
    total: int | None = None
    limit: int | None = None
    offset: int | None = None
    items: list[ActorRow]


class ActorDetail(_Open):
    id: str
    name: str
    type: str | None = None
    statements_about: int = 0
    top_speakers: list[SpeakerCount] = []
    timeline: list[PeriodCount] = []
    undated: int = 0
    undated_statements: list[StatementHit] = []
    latest: list[StatementHit] = []


# ---- articles, timeline, network, stats ---------------------------------------------------


class MentionOut(_Open):
    start: int
    end: int
    text: str
    id: str | None = None
    name: str | None = None
    type: str | None = None


class ArticleDetail(_Open):
    id: str
    source: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    published_how: str | None = Field(None, description="where the date came from: dateline, "
                                      "date-line, dateline+weekday+text-years, ...")
    date_conflict: str | None = Field(None, description="two of the text's dates disagree")
    url: str | None = None
    text: str
    statements: list[StatementDetail] = []
    mentions: list[MentionOut] = []


class Series(_Open):
    key: str | None = None
    label: str | None = None
    points: list[PeriodCount] = []
    undated: int = 0


class Timeline(_Open):
    interval: str
    by: str | None = None
    series: list[Series]
    undated: int = 0
    undated_statements: list[str] = []


class Node(_Open):
    id: str
    label: str | None = None
    type: str | None = Field(None, description="`speaker`, or the actor's type")
    weight: float = 0
    speaker: bool | None = Field(None, description="has made statements")
    actor: bool | None = Field(None, description="is spoken about")


class Edge(_Open):
    source: str
    target: str
    weight: float = 1


class Network(_Open):
    nodes: list[Node]
    edges: list[Edge]


class Stats(_Open):
    articles: int = 0
    statements: int = Field(0, description="each statement counted once")
    repeats: int = Field(0, description="further rows restating a statement of their article")
    speakers: int = 0
    actors: int = 0
    mentions: int = 0
    outlets: int = 0
    first: str | None = Field(None, description="earliest publication date")
    last: str | None = Field(None, description="latest publication date")
    db_size: int | None = Field(None, description="database size in bytes")
    backend: str | None = None


# ---- ingest -------------------------------------------------------------------------------


class IngestItem(BaseModel):
    """One article to extract and store. Only ``text`` is required."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="the article text, as published")
    title: str | None = None
    published: date | None = Field(None, description="ISO date, YYYY-MM-DD")
    outlet: str | None = None
    url: str | None = None
    source: str | None = Field(None, description="where it came from; defaults to `api`")

    @field_validator("text")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("text is blank")
        return v


class IngestResult(BaseModel):
    added: int
    updated: int
    unchanged: int
    failed: int
    ids: list[str] = Field(description="the article id of each item, in order")
    errors: list[dict[str, str]] = Field(
        default=[], description="`{source, message}` for each item that could not be extracted")

"""Response models of the relate stage's routes: numeric claims and relations."""

from __future__ import annotations

from pydantic import Field

from quotegraph.api.models import SpanOut, _Open


class ClaimSpeaker(_Open):
    id: str | None = None
    name: str


class ClaimOut(_Open):
    text: str
    start: int = Field(description="offset into the article text")
    end: int
    value: float = Field(description="the number with its scale applied (22e9 for $22 billion)")
    value_max: float | None = Field(None, description="top of a range ($24-24.5 billion)")
    unit: str = Field(description="percent, percentage points, currency, times, or the counted noun")
    currency: str | None = Field(None, description="ISO 4217 code when unit is currency")
    approx: str | None = Field(None, description="about, nearly, more than, less than, at least, up to")
    change: str | None = Field(None, description="increase or decrease when the figure is a change")
    measure: SpanOut | None = Field(None, description="what the figure measures, where the sentence says")
    period: SpanOut | None = Field(None, description="the period it covers, where the sentence says")
    statement_id: str
    article_id: str
    kind: str | None = None
    speaker: ClaimSpeaker | None = None
    published: str | None = None
    outlet: str | None = None
    statement: str | None = None


class ClaimPage(_Open):
    total: int
    limit: int
    offset: int
    items: list[ClaimOut]


class RelationOut(_Open):
    type: str = Field(description="accuse, criticise, demand, threaten, support, praise")
    plover: str = Field(description="PLOVER event type: ACCUSE, REQUEST, THREATEN, SUPPORT")
    trigger: SpanOut
    target: SpanOut
    target_id: str | None = Field(None, description="actor id of the target when known")
    collective: bool = Field(description='a collective actor such as "the West"')
    affected: SpanOut | None = None
    statement_id: str
    article_id: str
    source: ClaimSpeaker | None = Field(None, description="the statement's speaker")
    published: str | None = None
    outlet: str | None = None
    statement: str | None = None


class RelationPage(_Open):
    total: int
    limit: int
    offset: int
    items: list[RelationOut]

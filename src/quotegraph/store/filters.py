"""Validating a :class:`~quotegraph.query.StatementFilter` and turning it into SQL.

Kept apart from ``query.py`` so the one place that builds WHERE clauses is small enough to
audit: every user value becomes a bound parameter; only fixed fragments are concatenated.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from quotegraph.errors import QueryError
from quotegraph.model import KINDS
from quotegraph.store.base import Store, placeholders
from quotegraph.store.rows import DAY_SPAN, day_number, fold

MAX_LIMIT = 200


@dataclass(frozen=True)
class StatementFilter:
    """Which statements to look at; every field is optional and they combine with AND.

    ``speaker`` and ``about`` take an id or a name (case-insensitive); ``since``/``until``
    bound the article's publication date (inclusive) and accept ``date`` or ``"YYYY-MM-DD"``.
    """

    q: str | None = None
    speaker: str | None = None
    about: str | None = None
    outlet: str | None = None
    kind: str | None = None
    since: date | None = None
    until: date | None = None
    article: str | None = None


@dataclass(frozen=True)
class Where:
    """``sql`` (``"1=1"`` when unfiltered) and its parameters for a query on ``statements s``;
    ``empty`` when a filter value matched nothing, so the caller can skip the query.

    ``only`` is ``"fts"``, ``"about"`` or ``"speaker"`` when that is the one filter besides a
    date range (``lo``/``hi`` statement keys); search then counts and pages straight from the
    full-text or about index, or reads a kept count, instead of joining statements. ``q``,
    ``actors`` and ``speakers`` keep the values.
    """

    sql: str
    params: tuple[Any, ...]
    empty: bool = False
    only: str | None = None
    q: str | None = None
    actors: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    lo: int | None = None
    hi: int | None = None


def as_date(value: date | str | None, field: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError as e:
            raise QueryError(f"{field} must be a date as YYYY-MM-DD, not {value!r}") from e
    raise QueryError(f"{field} must be a date, not {type(value).__name__}")


def check_page(limit: int, offset: int, *, max_limit: int = MAX_LIMIT) -> None:
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 0:
        raise QueryError(f"limit must be a whole number from 0 to {max_limit}, not {limit!r}")
    if limit > max_limit:
        raise QueryError(f"limit may be at most {max_limit} (got {limit}); page with offset")
    if not isinstance(offset, int) or isinstance(offset, bool) or offset < 0:
        raise QueryError(f"offset must be a whole number 0 or more, not {offset!r}")


def _text(value: Any, field: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise QueryError(f"{field} must be text, not {type(value).__name__}")
    value = value.strip()
    return value or None


def resolve_speakers(store: Store, value: str) -> list[str]:
    """Speaker ids matching an id or a name (case-insensitive)."""
    return [r["id"] for r in store.rows(
        "SELECT id FROM speakers WHERE id = ? OR lower(name) = lower(?) ORDER BY id",
        (value, value))]


def resolve_actors(store: Store, value: str) -> list[str]:
    """Actor ids matching an id or a name (case-insensitive)."""
    return [r["id"] for r in store.rows(
        "SELECT id FROM actors WHERE id = ? OR lower(name) = lower(?) ORDER BY id",
        (value, value))]


def build_where(store: Store, flt: StatementFilter) -> Where:
    """Validate ``flt`` (raising :class:`QueryError`) and build its WHERE clause."""
    kind = _text(flt.kind, "kind")
    if kind is not None and kind not in KINDS:
        raise QueryError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    since = as_date(flt.since, "since")
    until = as_date(flt.until, "until")
    if since and until and since > until:
        raise QueryError(f"since ({since}) is after until ({until})")
    q = _text(flt.q, "q")
    speaker = _text(flt.speaker, "speaker")
    about = _text(flt.about, "about")
    outlet = _text(flt.outlet, "outlet")
    article = _text(flt.article, "article")

    # Statement keys start with the publication day, so a date range is a key range.
    lo = max(day_number(since), 1) * DAY_SPAN if since is not None else None
    hi = (day_number(until) + 1) * DAY_SPAN if until is not None else None
    if hi is not None and lo is None:
        lo = DAY_SPAN  # day 0 holds the undated, which no date range includes
    clauses: list[str] = []
    params: list[Any] = []
    sources: list[str] = []
    actor_ids: list[str] = []
    speaker_ids: list[str] = []
    if q is not None:
        cond = store.fts_condition(q, lo=lo, hi=hi)
        if cond is None:
            return Where("1=0", (), empty=True)
        clauses.append(cond[0])
        params.extend(cond[1])
        sources.append("fts")
    if speaker is not None:
        ids = speaker_ids = resolve_speakers(store, speaker)
        if not ids:
            return Where("1=0", (), empty=True)
        clauses.append(f"s.speaker_id IN ({placeholders(len(ids))})")
        params.extend(ids)
        sources.append("speaker")
    if about is not None:
        actor_ids = resolve_actors(store, about)
        if not actor_ids:
            return Where("1=0", (), empty=True)
        clauses.append(
            "s.pk IN (SELECT sa.statement_pk FROM statement_about sa "
            f"WHERE sa.actor_id IN ({placeholders(len(actor_ids))}))")
        params.extend(actor_ids)
        sources.append("about")
    if outlet is not None:
        clauses.append("s.outlet_key = ?")
        params.append(fold(outlet))
        sources.append("outlet")
    if kind is not None:
        clauses.append("s.kind = ?")
        params.append(kind)
        sources.append("kind")
    if lo is not None:
        clauses.append("s.pk >= ?")
        params.append(lo)
    if hi is not None:
        clauses.append("s.pk < ?")
        params.append(hi)
    if article is not None:
        clauses.append("s.article_id = ?")
        params.append(article)
        sources.append("article")
    only = (sources[0] if len(sources) == 1 and sources[0] in ("fts", "about", "speaker")
            else None)
    return Where(" AND ".join(clauses) or "1=1", tuple(params), only=only, q=q,
                 actors=tuple(actor_ids), speakers=tuple(speaker_ids), lo=lo, hi=hi)

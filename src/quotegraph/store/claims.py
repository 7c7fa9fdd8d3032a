"""Querying stored numeric claims: search, per-article lookup and the rows an export writes.

A claim row joins its statement on ``(article_id, start, end)``, so every statement filter
(speaker, actor, outlet, dates, full text) applies to claims as it does to statements.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from quotegraph.errors import QueryError
from quotegraph.store.base import Store
from quotegraph.store.filters import StatementFilter
from quotegraph.store.relate_rows import RelateTable, iter_flat, nested, page_of

CLAIM_UNITS_HINT = "percent, currency, jobs, companies, people, tonnes ..."
_JOIN = ('claims c JOIN statements s ON s.article_id = c.article_id '
         'AND s.start = c.stmt_start AND s."end" = c.stmt_end')
_SELECT = (
    'c.start, c."end", c.text, c.value, c.value_max, c.unit, c.currency, c.approx, c.change, '
    "c.measure, c.measure_start, c.measure_end, c.period, c.period_start, c.period_end, "
    "s.id AS statement_id, s.article_id, s.speaker_id, s.speaker_name, s.kind, "
    "s.published, s.outlet, s.text AS statement_text, c.stmt_start, c.stmt_end"
)
EXPORT_COLUMNS = (
    "statement_id", "article_id", "start", "end", "text", "value", "value_max", "unit",
    "currency", "approx", "change", "measure", "period", "speaker_id", "speaker_name",
    "published", "outlet",
)


@dataclass(frozen=True)
class ClaimFilter:
    """Which claims: ``unit`` (``percent``, ``currency``, ``jobs`` ...), ``currency`` (ISO
    code), value bounds (inclusive) and words of what it measures (``measure``, substring)."""

    unit: str | None = None
    currency: str | None = None
    min_value: float | None = None
    max_value: float | None = None
    measure: str | None = None


def _claim_where(cf: ClaimFilter) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if cf.unit:
        clauses.append("c.unit = ?")
        params.append(cf.unit.strip().lower())
    if cf.currency:
        clauses.append("c.currency = ?")
        params.append(cf.currency.strip().upper())
    for bound, op in ((cf.min_value, ">="), (cf.max_value, "<=")):
        if bound is None:
            continue
        if isinstance(bound, bool) or not isinstance(bound, (int, float)):
            raise QueryError(f"value bounds must be numbers, not {bound!r}")
        clauses.append(f"c.value {op} ?")
        params.append(float(bound))
    if cf.min_value is not None and cf.max_value is not None and cf.min_value > cf.max_value:
        raise QueryError(f"min value ({cf.min_value:g}) is above max value ({cf.max_value:g})")
    if cf.measure:
        clauses.append("lower(c.measure) LIKE ?")
        params.append("%" + cf.measure.strip().lower().replace("%", "") + "%")
    return clauses, params


def claim_dict(r: dict[str, Any]) -> dict[str, Any]:
    """A claim row as the API and the CLI show it (with its statement and speaker)."""
    def span(key: str) -> dict[str, Any] | None:
        if r.get(key) is None:
            return None
        return {"text": r[key], "start": r[f"{key}_start"], "end": r[f"{key}_end"]}

    return {
        "text": r["text"], "start": r["start"], "end": r["end"], "value": r["value"],
        "value_max": r["value_max"], "unit": r["unit"], "currency": r["currency"],
        "approx": r["approx"], "change": r["change"], "measure": span("measure"),
        "period": span("period"), "statement_id": r["statement_id"],
        "article_id": r["article_id"], "kind": r["kind"],
        "speaker": ({"id": r["speaker_id"], "name": r["speaker_name"]}
                    if r["speaker_id"] else None),
        "published": r["published"], "outlet": r["outlet"],
        "statement": r["statement_text"],
    }


# Nested under their statement, claims need not repeat what the statement says.
CLAIMS = RelateTable(alias="c", join=_JOIN, select=_SELECT, to_dict=claim_dict,
                     own_keys=("article_id", "kind", "speaker", "published", "outlet",
                               "statement"))


def search_claims(store: Store, flt: StatementFilter = StatementFilter(),
                  cf: ClaimFilter = ClaimFilter(), *, limit: int = 20,
                  offset: int = 0) -> dict[str, Any]:
    """One page of claims whose statement matches ``flt`` and which match ``cf``, newest
    first (then in text order), with the total count."""
    return page_of(store, CLAIMS, flt, *_claim_where(cf), limit=limit, offset=offset)


def statement_claims(store: Store, statements: Sequence[dict[str, Any]],
                     ) -> dict[tuple[str, int, int], list[dict[str, Any]]]:
    """``{(article id, start, end): [claim, ...]}`` for statement rows, for the views."""
    return nested(store, CLAIMS, statements)


def iter_claim_rows(store: Store, flt: StatementFilter = StatementFilter(), *,
                    page: int = 5000) -> Iterator[dict[str, Any]]:
    """Every claim of the statements matching ``flt`` as a flat export row
    (:data:`EXPORT_COLUMNS`), paged so memory stays flat."""
    return iter_flat(store, CLAIMS, flt, EXPORT_COLUMNS, page=page)

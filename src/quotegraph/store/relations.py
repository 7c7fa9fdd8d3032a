"""Querying stored relations: whom statements accuse, criticise, demand of, threaten, support.

A relation row joins its statement on ``(article_id, start, end)`` like a claim, so every
statement filter (speaker, actor, outlet, dates, full text) applies to relations too.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from quotegraph.errors import QueryError
from quotegraph.relate.relations import PLOVER
from quotegraph.store.base import Store
from quotegraph.store.filters import StatementFilter
from quotegraph.store.relate_rows import RelateTable, iter_flat, nested, page_of

_JOIN = ('relations r JOIN statements s ON s.article_id = r.article_id '
         'AND s.start = r.stmt_start AND s."end" = r.stmt_end')
_SELECT = (
    'r.type, r.plover, r."trigger", r.trigger_start, r.trigger_end, r.target, r.target_start, '
    "r.target_end, r.target_id, r.collective, r.affected, r.affected_start, r.affected_end, "
    "r.stmt_start, r.stmt_end, s.id AS statement_id, s.article_id, s.speaker_id, "
    "s.speaker_name, s.published, s.outlet, s.text AS statement_text"
)
EXPORT_COLUMNS = (
    "statement_id", "article_id", "type", "plover", "trigger", "target", "target_start",
    "target_end", "target_id", "collective", "affected", "speaker_id", "speaker_name",
    "published", "outlet",
)


@dataclass(frozen=True)
class RelationFilter:
    """Which relations: ``type`` (accuse, criticise, demand, threaten, support, praise),
    ``plover`` (ACCUSE, REQUEST, THREATEN, SUPPORT), ``target`` (an actor id, or the words of a
    collective target such as "the West"), ``collective`` only."""

    type: str | None = None
    plover: str | None = None
    target: str | None = None
    collective: bool = False


def _where(rf: RelationFilter) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if rf.type:
        clauses.append("r.type = ?")
        params.append(rf.type.strip().lower())
    if rf.plover:
        clauses.append("r.plover = ?")
        params.append(rf.plover.strip().upper())
    if rf.target:
        clauses.append("(r.target_id = ? OR lower(r.target) LIKE ?)")
        params += [rf.target.strip(), "%" + rf.target.strip().lower().replace("%", "") + "%"]
    if rf.collective:
        clauses.append("r.collective = 1")
    return clauses, params


def _span(r: dict[str, Any], key: str, col: str | None = None) -> dict[str, Any] | None:
    text = r[col or key]
    if text is None:
        return None
    return {"text": text, "start": r[f"{key}_start"], "end": r[f"{key}_end"]}


def relation_dict(r: dict[str, Any]) -> dict[str, Any]:
    """A relation row as the API shows it, with its statement and source (the speaker)."""
    return {
        "type": r["type"], "plover": r["plover"], "trigger": _span(r, "trigger"),
        "target": _span(r, "target"), "target_id": r["target_id"],
        "collective": bool(r["collective"]), "affected": _span(r, "affected"),
        "statement_id": r["statement_id"], "article_id": r["article_id"],
        "source": ({"id": r["speaker_id"], "name": r["speaker_name"]}
                   if r["speaker_id"] else None),
        "published": r["published"], "outlet": r["outlet"], "statement": r["statement_text"],
    }


RELATIONS = RelateTable(alias="r", join=_JOIN, select=_SELECT, to_dict=relation_dict,
                        own_keys=("statement_id", "article_id", "source", "published",
                                  "outlet", "statement"))


def search_relations(store: Store, flt: StatementFilter = StatementFilter(),
                     rf: RelationFilter = RelationFilter(), *, limit: int = 20,
                     offset: int = 0) -> dict[str, Any]:
    """One page of relations of the statements matching ``flt`` and matching ``rf``, newest
    first, with the total count."""
    return page_of(store, RELATIONS, flt, *_where(rf), limit=limit, offset=offset)


def statement_relations(store: Store, statements: Sequence[dict[str, Any]],
                        ) -> dict[tuple[str, int, int], list[dict[str, Any]]]:
    """``{(article id, start, end): [relation, ...]}`` for statement rows, for the views."""
    return nested(store, RELATIONS, statements)


def iter_relation_rows(store: Store, flt: StatementFilter = StatementFilter(), *,
                       page: int = 5000) -> Iterator[dict[str, Any]]:
    """Every relation of the statements matching ``flt`` as a flat export row
    (:data:`EXPORT_COLUMNS`), paged so memory stays flat."""
    for row in iter_flat(store, RELATIONS, flt, EXPORT_COLUMNS, page=page):
        row["collective"] = bool(row["collective"])
        yield row


COLLECTIVE_PREFIX = "collective:"  # node id of a collective target that has no actor id
# What ``relation`` may name: a relation type, or a PLOVER event type.
RELATION_CHOICES = (*PLOVER, *sorted(set(PLOVER.values())))


def check_relation(relation: str | None) -> None:
    """A clear error for a relation the network cannot filter by (case matters: the lower-case
    words are relation types, the upper-case ones PLOVER types)."""
    if relation and relation.strip() not in RELATION_CHOICES:
        raise QueryError(f"unknown relation {relation!r}; use one of "
                         + ", ".join(RELATION_CHOICES))


def relation_edges(store: Store, where: Any, relation: str, *, min_weight: int, limit: int,
                   ) -> tuple[list[dict[str, Any]], dict[str, tuple[str, str]]]:
    """Speaker -> target edges of the relations of type or PLOVER type ``relation`` among the
    statements of ``where`` (a built statement filter), heaviest first, and the labels of
    collective targets (``collective:the west`` -> ``("the West", "collective")``)."""
    check_relation(relation)
    key = f"coalesce(r.target_id, '{COLLECTIVE_PREFIX}' || lower(r.target))"
    rows = store.rows(
        f"SELECT s.speaker_id AS source, {key} AS target, count(*) AS weight, "
        f"min(r.target) AS label FROM {_JOIN} WHERE {where.sql} AND s.speaker_id IS NOT NULL "
        "AND (r.type = ? OR r.plover = ?) "
        f"GROUP BY s.speaker_id, {key} HAVING count(*) >= ? "
        "ORDER BY weight DESC, source, target LIMIT ?",
        (*where.params, relation.strip(), relation.strip(), min_weight, limit))
    extra = {r["target"]: (r["label"], "collective") for r in rows
             if r["target"].startswith(COLLECTIVE_PREFIX)}
    return [{k: r[k] for k in ("source", "target", "weight")} for r in rows], extra

"""Reading the relate stage's tables (claims, relations) the same way: a filtered page, newest
statement first, and the rows of a set of statements for nesting under them.

Each table points at its statement by ``(article_id, stmt_start, stmt_end)``; a
:class:`RelateTable` says how to join and select it and how a row becomes the API's dict.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from quotegraph.store.base import Store, chunks, placeholders
from quotegraph.store.filters import StatementFilter, build_where, check_page


@dataclass(frozen=True)
class RelateTable:
    """``alias`` of the table in ``join`` (which joins ``statements s``), the ``select`` list
    (with ``stmt_start``/``stmt_end``), the row-to-dict function, and the keys a nested item
    drops because its statement already says them."""

    alias: str
    join: str
    select: str
    to_dict: Callable[[dict[str, Any]], dict[str, Any]]
    own_keys: tuple[str, ...]


def page_of(store: Store, t: RelateTable, flt: StatementFilter, clauses: Sequence[str],
            params: Sequence[Any], *, limit: int, offset: int) -> dict[str, Any]:
    """One page of ``t``'s rows whose statement matches ``flt`` and which meet ``clauses``."""
    check_page(limit, offset)
    page: dict[str, Any] = {"total": 0, "limit": limit, "offset": offset, "items": []}
    where = build_where(store, flt)
    if where.empty:
        return page
    sql_where = " AND ".join([where.sql, *clauses])
    all_params = (*where.params, *params)
    page["total"] = store.rows(f"SELECT count(*) AS n FROM {t.join} WHERE {sql_where}",
                               all_params)[0]["n"]
    rows = store.rows(f"SELECT {t.select} FROM {t.join} WHERE {sql_where} "
                      f"ORDER BY s.pk DESC, {t.alias}.seq LIMIT ? OFFSET ?",
                      (*all_params, limit, offset))
    page["items"] = [t.to_dict(r) for r in rows]
    return page


def nested(store: Store, t: RelateTable, statements: Sequence[dict[str, Any]],
           ) -> dict[tuple[str, int, int], list[dict[str, Any]]]:
    """``{(article id, start, end): [item, ...]}`` for statement rows (with ``article_id``,
    ``start``, ``end``), for the statement and article views."""
    wanted = {(r["article_id"], r["start"], r["end"]) for r in statements}
    out: dict[tuple[str, int, int], list[dict[str, Any]]] = {}
    a = t.alias
    for part in chunks(sorted({aid for aid, _, _ in wanted})):
        for r in store.rows(
            f"SELECT {t.select} FROM {t.join} WHERE {a}.article_id IN "
            f"({placeholders(len(part))}) ORDER BY {a}.article_id, {a}.stmt_start, {a}.seq", part,
        ):
            key = (r["article_id"], r["stmt_start"], r["stmt_end"])
            if key in wanted:
                item = t.to_dict(r)
                for k in t.own_keys:
                    del item[k]
                out.setdefault(key, []).append(item)
    return out


def iter_flat(store: Store, t: RelateTable, flt: StatementFilter, columns: Sequence[str], *,
              page: int = 5000) -> Iterator[dict[str, Any]]:
    """Every row of ``t`` whose statement matches ``flt``, as ``{column: value}`` for the
    export, paged by (statement, seq) so memory stays flat however many there are."""
    where = build_where(store, flt)
    if where.empty:
        return
    a = t.alias
    last = (-1, -1)
    while True:
        rows = store.rows(
            f"SELECT {t.select}, s.pk AS spk, {a}.seq AS seq_ FROM {t.join} WHERE {where.sql} "
            f"AND (s.pk > ? OR (s.pk = ? AND {a}.seq > ?)) ORDER BY s.pk, {a}.seq LIMIT ?",
            (*where.params, last[0], last[0], last[1], page))
        if not rows:
            return
        for r in rows:
            last = (r["spk"], r["seq_"])
            yield {c: r[c] for c in columns}

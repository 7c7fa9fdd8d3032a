"""Reading stored actor groups and occasions back for the statements they belong to.

Both tables point at their statement by ``(article_id, stmt_start, stmt_end)`` like claims
and relations (store/relate_rows.py), so they nest under statements the same way.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from quotegraph.store.base import Store, chunks, placeholders
from quotegraph.store.relate_rows import RelateTable, nested

_GROUP_JOIN = ('actor_groups g JOIN statements s ON s.article_id = g.article_id '
               'AND s.start = g.stmt_start AND s."end" = g.stmt_end')
_GROUP_SELECT = ('g.start, g."end", g.text, g.ids, g.members, g.stmt_start, g.stmt_end, '
                 'g.article_id')
_OCC_JOIN = ('occasions o JOIN statements s ON s.article_id = o.article_id '
             'AND s.start = o.stmt_start AND s."end" = o.stmt_end')
_OCC_SELECT = ('o.start, o."end", o.text, o.kind, o.venue, o.venue_start, o.venue_end, '
               'o.stmt_start, o.stmt_end, o.article_id')


def group_dict(r: dict[str, Any]) -> dict[str, Any]:
    """A group row as the API shows it: the list's span, its known ids and its members."""
    return {"text": r["text"], "start": r["start"], "end": r["end"],
            "ids": json.loads(r["ids"]), "members": json.loads(r["members"]),
            "article_id": r["article_id"]}


def occasion_dict(r: dict[str, Any]) -> dict[str, Any]:
    """An occasion row as the API shows it."""
    venue = None
    if r["venue"] is not None:
        venue = {"text": r["venue"], "start": r["venue_start"], "end": r["venue_end"]}
    return {"text": r["text"], "start": r["start"], "end": r["end"], "kind": r["kind"],
            "venue": venue, "article_id": r["article_id"]}


GROUPS = RelateTable(alias="g", join=_GROUP_JOIN, select=_GROUP_SELECT, to_dict=group_dict,
                     own_keys=("article_id",))


def statement_groups(store: Store, statements: Sequence[dict[str, Any]],
                     ) -> dict[tuple[str, int, int], list[dict[str, Any]]]:
    """``{(article id, start, end): [group, ...]}`` for statement rows, for the views."""
    return nested(store, GROUPS, statements)


def statement_occasions(store: Store, statements: Sequence[dict[str, Any]],
                        ) -> dict[tuple[str, int, int], dict[str, Any]]:
    """``{(article id, start, end): occasion}`` for statement rows that have one (a statement
    has one occasion at most, so this is no :class:`RelateTable`, which orders by ``seq``)."""
    wanted = {(r["article_id"], r["start"], r["end"]) for r in statements}
    out: dict[tuple[str, int, int], dict[str, Any]] = {}
    for part in chunks(sorted({aid for aid, _, _ in wanted})):
        for r in store.rows(f"SELECT {_OCC_SELECT} FROM {_OCC_JOIN} WHERE o.article_id IN "
                            f"({placeholders(len(part))})", part):
            key = (r["article_id"], r["stmt_start"], r["stmt_end"])
            if key in wanted:
                item = occasion_dict(r)
                del item["article_id"]
                out[key] = item
    return out

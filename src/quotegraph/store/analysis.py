"""Facets, timelines and the speaker -> actor network over the statements matching a filter.

Unfiltered views read the counts kept by :mod:`quotegraph.store.aggregates`; filtered ones
group the matching statements (cost grows with the number of matches).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from quotegraph.errors import QueryError
from quotegraph.store.base import Store, chunks, placeholders
from quotegraph.store.filters import (
    StatementFilter,
    build_where,
    check_page,
    resolve_actors,
    resolve_speakers,
)
from quotegraph.store.newest import NewestMatches
from quotegraph.store.periods import fill_series, period_of
from quotegraph.store.rows import DAY_SHIFT, DAY_SPAN, day_date, fold

TIMELINE_SERIES = 10
# Aggregates count a statement that repeats another of its article (a headline over the body
# quote) once: as the statement it repeats. The kept counts already leave repeats out; these
# conditions do the same where statements are grouped on the fly.
ONCE = "s.repeats IS NULL"
ABOUT_ONCE = "statement_pk NOT IN (SELECT pk FROM statements WHERE repeats IS NOT NULL)"
MAX_NETWORK_EDGES = 2000


def _unfiltered(where: Any) -> bool:
    return not where.empty and where.sql == "1=1"


def _one_actor(where: Any) -> str | None:
    """The actor id when "about" one actor is the whole filter: its kept counts answer."""
    if (where.only == "about" and len(where.actors) == 1 and where.lo is None
            and where.hi is None):
        return where.actors[0]
    return None


def _outlet_labels(store: Store, keys: Sequence[str]) -> dict[str, str]:
    """A stored spelling for each outlet key (outlets match case-insensitively)."""
    out = {}
    for k in keys:
        row = store.one("SELECT outlet FROM statements WHERE outlet_key = ? LIMIT 1", (k,))
        out[k] = row["outlet"] if row else k
    return out


def _outlet_facet(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    labels = _outlet_labels(store, [r["value"] for r in rows])
    return [{"value": labels[r["value"]], "label": labels[r["value"]], "count": r["count"]}
            for r in rows]


# Facets of a text query (with or without dates) are counted over at most this many matching
# statements, the newest: a very common word matches a tenth of the store, and counting every
# match took 75 ms for the median common word of 100,000 articles and 600 ms for the worst
# (no kept count knows words). Then the facets say so: ``sampled`` (how many were counted) and
# ``of`` (how many match). Every other filter is counted exactly, from kept counts (none, one
# actor) or over all its matches (a speaker's are bounded by what one person says).
FACET_SAMPLE = 1000
# SQLite: the narrow index (pk, repeats, speaker_id, outlet_key, kind) a sample is counted from.
FACET_INDEX = "statements_facets"


def facets(store: Store, flt: StatementFilter, *, limit: int = 10,
           sample: int = FACET_SAMPLE, total: int | None = None,
           newest: NewestMatches | None = None) -> dict[str, Any]:
    """Counts of the statements matching ``flt`` by speaker, outlet, actor spoken about, kind.

    Each list holds at most ``limit`` ``{"value", "label", "count"}`` entries, largest first;
    ``value`` is what to pass back as the filter. When ``flt`` is a text query (dates aside)
    matching more than ``sample`` statements, the counts are of the newest ``sample`` matches
    only, and the result also holds ``"sampled": sample`` and ``"of"``: the number of matches
    (``total`` when the caller already counted them, as search does). Otherwise the counts are
    exact and those two keys are absent. ``newest`` (made with the same ``sample``) holds the
    matches a search of the same filter read (:mod:`quotegraph.store.newest`).
    """
    check_page(limit, 0)
    if not isinstance(sample, int) or isinstance(sample, bool) or sample < 1:
        raise QueryError(f"sample must be a whole number 1 or more, not {sample!r}")
    where = build_where(store, flt)
    out: dict[str, Any] = {"speaker": [], "outlet": [], "about": [], "kind": []}
    if where.empty:
        return out
    w, p = where.sql, where.params
    if _unfiltered(where):
        out["outlet"] = _outlet_facet(store, store.rows(
            "SELECT value, statements AS count FROM facet_counts WHERE facet = 'outlet' "
            "ORDER BY statements DESC, value LIMIT ?", (limit,)))
        out["kind"] = store.rows(
            "SELECT value, value AS label, statements AS count FROM facet_counts "
            "WHERE facet = 'kind' ORDER BY statements DESC, value LIMIT ?", (limit,))
        out["speaker"] = store.rows(
            "SELECT id AS value, name AS label, statements AS count FROM speakers "
            "WHERE statements > 0 ORDER BY statements DESC, id LIMIT ?", (limit,))
        out["about"] = store.rows(
            "SELECT id AS value, name AS label, statements_about AS count FROM actors "
            "WHERE statements_about > 0 ORDER BY statements_about DESC, id LIMIT ?", (limit,))
        return out
    aid = _one_actor(where)
    if aid is not None:
        # Kept counts (store.aggregates): statements about the actor by speaker (speaker_about),
        # kind, outlet and co-actor (about_facets); not a pass over its statements.
        kept = {f: [{"value": v, "label": v, "count": n} for v, n in store.tuples(
            "SELECT value, statements FROM about_facets WHERE actor_id = ? AND facet = ? "
            "ORDER BY statements DESC, value LIMIT ?", (aid, f, limit))]
            for f in ("kind", "outlet", "about")}
        out["kind"] = kept["kind"]
        out["outlet"] = _outlet_facet(store, kept["outlet"])
        top = kept["about"]
        labels = _labels(store, "actor", [e["value"] for e in top])
        out["about"] = [{**e, "label": labels.get(e["value"], e["value"])} for e in top]
        top = [{"value": v, "count": n} for v, n in store.tuples(
            "SELECT speaker_id, statements FROM speaker_about WHERE actor_id = ? "
            "ORDER BY statements DESC, speaker_id LIMIT ?", (aid, limit))]
        labels = _labels(store, "speaker", [e["value"] for e in top])
        out["speaker"] = [{**e, "label": labels.get(e["value"], e["value"])} for e in top]
        return out
    if where.only == "fts" and store.backend == "sqlite":
        # The newest ``sample + 1`` matches, straight from the full-text index in key order
        # (LIMIT stops the index scan early): one more than the sample tells "more" apart.
        # Read once, then passed as one JSON array to both passes below.
        if newest is not None and newest.sample == sample:
            keys = list(newest.keys(store, where))
        else:
            sub, sp = store.fts_newest(where.q, lo=where.lo, hi=where.hi, limit=sample + 1)
            keys = [k for (k,) in store.tuples(sub, sp)]
        if len(keys) > sample:
            if total is None:
                total = store.fts_page(where.q, lo=where.lo, hi=where.hi, limit=0,
                                       offset=0)[0]
            out["sampled"], out["of"] = sample, total
            del keys[sample:]
        # Joined from the key list, not "s.pk IN (list)": the IN form first copies the
        # list into an index of its own (a tenth of the count, a third of the about count).
        w, p = "1=1", (json.dumps(keys),)
        table = f"json_each(?) j JOIN statements s INDEXED BY {FACET_INDEX} ON s.pk = j.value"
    else:
        table = "statements s"
    # One pass over the matching statements counts three facets at once, grouped by SQLite
    # (from the (speaker, kind, outlet) index when the filter is a speaker): a few rows per
    # speaker come back, not one per statement (30 ms for the most quoted speaker).
    speakers: Counter[str] = Counter()
    outlets: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    for sid, outlet, kind, n in store.tuples(
            f"SELECT s.speaker_id, s.outlet_key, s.kind, count(*) FROM {table} "
            f"WHERE {w} AND {ONCE} GROUP BY 1, 2, 3", p):
        if sid is not None:
            speakers[sid] += n
        if outlet is not None:
            outlets[outlet] += n
        kinds[kind] += n
    if where.only == "fts" and store.backend == "sqlite":
        # Text (and dates) alone: the about index, keyed by statement, answers without
        # reading the statement rows a second time (the condition is on s.pk only). The keys
        # are fts_newest's, repeats already left out, so no ABOUT_ONCE list (a third of this
        # query's time) is needed. The keys are distinct, so the join counts each once.
        about = Counter(dict(store.tuples(
            "SELECT sa.actor_id, count(*) FROM json_each(?) j JOIN statement_about sa "
            "ON sa.statement_pk = j.value GROUP BY sa.actor_id", p)))
    else:
        about = Counter(dict(store.tuples(
            "SELECT sa.actor_id, count(*) FROM statements s "
            f"JOIN statement_about sa ON sa.statement_pk = s.pk WHERE {w} AND {ONCE} "
            "GROUP BY sa.actor_id", p)))
    for name, counts in (("speaker", speakers), ("about", about), ("outlet", outlets),
                         ("kind", kinds)):
        top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
        by = {"about": "actor"}.get(name, name)
        labels = ({k: k for k, _ in top} if name == "kind"
                  else _labels(store, by, [k for k, _ in top]))
        if name == "outlet":  # the value to filter by is a stored spelling, as the label
            out[name] = [{"value": labels[k], "label": labels[k], "count": n} for k, n in top]
        else:
            out[name] = [{"value": k, "label": labels.get(k, k), "count": n} for k, n in top]
    return out


@lru_cache(maxsize=65536)
def _period(day: int, interval: str) -> str:
    """The period of a day number: a timeline meets the same few thousand days again and
    again (computing each anew was most of an unfiltered timeline's time)."""
    return period_of(day_date(day) or "", interval)


def months(store: Store, sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
    """Monthly counts from rows of (``d``: day number, ``n``: count)."""
    counts: dict[str, int] = {}
    for r in store.rows(sql, params):
        month = _period(r["d"], "month")
        counts[month] = counts.get(month, 0) + r["n"]
    return fill_series(counts, "month")


# by -> (key expression, join, condition). Outlets are keyed lower-cased, as they filter.
_BY = {
    "speaker": ("s.speaker_id", "", "s.speaker_id IS NOT NULL"),
    "actor": ("sa.actor_id", " JOIN statement_about sa ON sa.statement_pk = s.pk", "1=1"),
    "outlet": ("s.outlet_key", "", "s.outlet_key IS NOT NULL"),
}


def _labels(store: Store, by: str, keys: Sequence[str]) -> dict[str, str]:
    if not keys:
        return {}
    if by == "outlet":
        return _outlet_labels(store, keys)
    table = "speakers" if by == "speaker" else "actors"
    out = {}
    for part in chunks(list(keys)):
        for r in store.rows(f"SELECT id, name FROM {table} WHERE id IN "
                            f"({placeholders(len(part))})", part):
            out[r["id"]] = r["name"]
    return out


# by -> the kept per-day counts (store.aggregates) a timeline filtered by dates alone reads.
_DAYS = {"speaker": ("speaker_days", "speaker_id"), "actor": ("actor_days", "actor_id")}


def _dates_only(flt: StatementFilter) -> bool:
    return not any((flt.q, flt.speaker, flt.about, flt.outlet, flt.kind, flt.article))


def _day_bounds(where: Any) -> tuple[int, int | None]:
    """Day numbers [lo, hi) of the filter's key range; day 0 (undated) is never in a series."""
    lo = max(1, (where.lo or 0) >> DAY_SHIFT)
    return lo, (where.hi >> DAY_SHIFT) if where.hi is not None else None


def _top_keys(store: Store, by: str, key: str | None, where: Any,
              days: bool = False) -> list[str]:
    if key is not None:
        if by == "speaker":
            return resolve_speakers(store, key)
        if by == "actor":
            return resolve_actors(store, key)
        found = store.one("SELECT outlet_key FROM statements WHERE outlet_key = ? LIMIT 1",
                          (fold(key),))
        return [found["outlet_key"]] if found else []
    if _unfiltered(where):
        table, key_col, count, cond = {
            "speaker": ("speakers", "id", "statements", "statements > 0"),
            "actor": ("actors", "id", "statements_about", "statements_about > 0"),
            "outlet": ("facet_counts", "value", "statements", "facet = 'outlet'"),
        }[by]
        return [r["k"] for r in store.rows(
            f"SELECT {key_col} AS k FROM {table} WHERE {cond} "
            f"ORDER BY {count} DESC, {key_col} LIMIT ?", (TIMELINE_SERIES,))]
    if days:
        table, col = _DAYS[by]
        lo, hi = _day_bounds(where)
        return [r["k"] for r in store.rows(
            f"SELECT {col} AS k, sum(statements) AS n FROM {table} WHERE day >= ?"
            + (" AND day < ?" if hi is not None else "")
            + " GROUP BY k ORDER BY n DESC, k LIMIT ?",
            (lo, *(() if hi is None else (hi,)), TIMELINE_SERIES))]
    col, join, cond = _BY[by]
    return [r["k"] for r in store.rows(
        f"SELECT {col} AS k, count(*) AS n FROM statements s{join} WHERE {where.sql} "
        f"AND {cond} AND {ONCE} GROUP BY {col} ORDER BY n DESC, k LIMIT ?",
        (*where.params, TIMELINE_SERIES))]


UNDATED_LISTED = 200  # ids of undated statements a timeline lists; its count is always whole


def timeline(store: Store, *, by: str = "speaker", key: str | None = None,
             interval: str = "month", flt: StatementFilter = StatementFilter()) -> dict[str, Any]:
    """Statements per period for one ``key`` or the top speakers/actors/outlets under ``flt``.

    Periods are ``YYYY-MM-DD``, ``YYYY-Www`` (ISO week) or ``YYYY-MM``; gaps are filled with 0
    and all series share one range. A statement that repeats another is counted once, as the
    one it repeats. Statements of undated articles fit no period: each series
    counts them in ``undated`` (its points plus ``undated`` are all its statements), and
    ``undated_statements`` lists their ids (up to :data:`UNDATED_LISTED`; ``undated`` is the
    total), so nothing is dropped without a word.
    """
    if by not in _BY:
        raise QueryError(f"by must be one of {', '.join(_BY)}, not {by!r}")
    if interval not in ("day", "week", "month"):
        raise QueryError(f"interval must be day, week or month, not {interval!r}")
    where = build_where(store, flt)
    out: dict[str, Any] = {"interval": interval, "by": by, "series": [], "undated": 0,
                           "undated_statements": []}
    if where.empty:
        return out
    days = by in _DAYS and _dates_only(flt)
    keys = _top_keys(store, by, key, where, days)
    if not keys:
        return out
    col, join, cond = _BY[by]
    ph = placeholders(len(keys))
    if by == "actor" and _unfiltered(where):
        # The about index alone has actor, key and so day: no statement rows needed.
        sql = (f"SELECT actor_id AS k, statement_pk >> {DAY_SHIFT} AS d, count(*) AS n "
               f"FROM statement_about WHERE actor_id IN ({ph}) AND statement_pk >= ? "
               f"AND {ABOUT_ONCE} GROUP BY 1, 2")
        params: tuple[Any, ...] = (*keys, DAY_SPAN)
        undated_sql = (f"SELECT sa.actor_id AS k, s.id AS id FROM statement_about sa "
                       f"JOIN statements s ON s.pk = sa.statement_pk WHERE sa.actor_id IN ({ph}) "
                       f"AND sa.statement_pk < ? AND {ONCE} ORDER BY sa.statement_pk")
        undated_params: tuple[Any, ...] = (*keys, DAY_SPAN)
    else:
        sql = (f"SELECT {col} AS k, s.pk >> {DAY_SHIFT} AS d, count(*) AS n "
               f"FROM statements s{join} WHERE {where.sql} AND {cond} AND s.pk >= ? "
               f"AND {col} IN ({ph}) AND {ONCE} GROUP BY 1, 2")
        params = (*where.params, DAY_SPAN, *keys)
        undated_sql = (f"SELECT {col} AS k, s.id AS id FROM statements s{join} WHERE {where.sql} "
                       f"AND {cond} AND s.pk < ? AND {col} IN ({ph}) AND {ONCE} ORDER BY s.pk")
        undated_params = (*where.params, DAY_SPAN, *keys)
    undated_kept: dict[str, int] | None = None
    if days:
        # Kept per-day counts: a few rows per key and day instead of every statement.
        table, kcol = _DAYS[by]
        lo, hi = _day_bounds(where)
        sql = (f"SELECT {kcol} AS k, day AS d, statements AS n FROM {table} "
               f"WHERE {kcol} IN ({ph}) AND day >= ?" + (" AND day < ?" if hi is not None else ""))
        params = (*keys, lo, *(() if hi is None else (hi,)))
        undated_kept = {} if where.lo is not None else {r["k"]: r["n"] for r in store.rows(
            f"SELECT {kcol} AS k, statements AS n FROM {table} WHERE {kcol} IN ({ph}) "
            "AND day = 0", keys)}
    counts: dict[str, dict[str, int]] = {k: {} for k in keys}
    undated: dict[str, int] = {k: 0 for k in keys}
    listed: list[str] = []
    # Undated statements are listed only when there are some (the kept counts say so).
    for r in (() if undated_kept is not None and not undated_kept
              else store.rows(undated_sql, undated_params)):
        undated[r["k"]] += 1
        if len(listed) < UNDATED_LISTED and r["id"] not in listed:
            listed.append(r["id"])
    for k, d, n in store.tuples(sql, params):
        per = _period(d, interval)
        counts[k][per] = counts[k].get(per, 0) + n
    labels = _labels(store, by, keys)
    span = [per for c in counts.values() for per in c]
    bounds = (min(span), max(span)) if span else None
    out["series"] = [{"key": labels.get(k, k) if by == "outlet" else k,
                      "label": labels.get(k, k),
                      "points": fill_series(counts[k], interval, bounds=bounds),
                      "undated": undated[k]} for k in keys]
    out["undated"] = sum(undated.values())
    out["undated_statements"] = listed
    return out


def network(store: Store, *, flt: StatementFilter = StatementFilter(), min_weight: int = 1,
            limit: int = 200, relation: str | None = None) -> dict[str, Any]:
    """Who talks about whom: edges speaker -> actor weighted by statements, heaviest first.

    A node that is both a speaker and an actor is one node (``speaker`` and ``actor`` flags);
    a node's ``weight`` is the total weight of its edges in the returned graph. With
    ``relation`` (a relation type such as ``accuse`` or a PLOVER type such as ``SUPPORT``) the
    edges are speaker -> target of those relations instead, collective targets included.
    """
    if not isinstance(min_weight, int) or isinstance(min_weight, bool) or min_weight < 1:
        raise QueryError(f"min_weight must be 1 or more, not {min_weight!r}")
    if (not isinstance(limit, int) or isinstance(limit, bool)
            or not 1 <= limit <= MAX_NETWORK_EDGES):
        raise QueryError(f"limit must be from 1 to {MAX_NETWORK_EDGES}, not {limit!r}")
    where = build_where(store, flt)
    if where.empty:
        return {"nodes": [], "edges": []}
    if relation:
        from quotegraph.store.relations import relation_edges  # noqa: PLC0415 - import cycle

        edges, extra = relation_edges(store, where, relation, min_weight=min_weight,
                                      limit=limit)
        return graph_of(store, edges, extra)
    if _unfiltered(where):
        edges = store.rows(
            "SELECT speaker_id AS source, actor_id AS target, statements AS weight "
            "FROM speaker_about WHERE statements >= ? "
            "ORDER BY statements DESC, speaker_id, actor_id LIMIT ?", (min_weight, limit))
    elif _one_actor(where) is not None:
        # The kept speaker -> actor edges of the statements about that actor.
        edges = store.rows(
            "SELECT speaker_id AS source, target_id AS target, statements AS weight "
            "FROM about_edges WHERE actor_id = ? AND statements >= ? "
            "ORDER BY statements DESC, speaker_id, target_id LIMIT ?",
            (_one_actor(where), min_weight, limit))
    elif _dates_only(flt):
        # The kept per-day edge counts of the days in the range (the range is whole days).
        lo, hi = _day_bounds(where)
        edges = store.rows(
            "SELECT speaker_id AS source, actor_id AS target, sum(statements) AS weight "
            "FROM pair_days WHERE day >= ?" + (" AND day < ?" if hi is not None else "")
            + " GROUP BY speaker_id, actor_id HAVING sum(statements) >= ? "
            "ORDER BY weight DESC, source, target LIMIT ?",
            (lo, *(() if hi is None else (hi,)), min_weight, limit))
    else:
        edges = store.rows(
            "SELECT s.speaker_id AS source, sa.actor_id AS target, count(*) AS weight "
            "FROM statements s JOIN statement_about sa ON sa.statement_pk = s.pk "
            f"WHERE {where.sql} AND s.speaker_id IS NOT NULL AND {ONCE} "
            "GROUP BY s.speaker_id, sa.actor_id "
            "HAVING count(*) >= ? ORDER BY weight DESC, source, target LIMIT ?",
            (*where.params, min_weight, limit))
    return graph_of(store, edges)


def graph_of(store: Store, edges: list[dict[str, Any]],
             extra: dict[str, tuple[str, str]] | None = None) -> dict[str, Any]:
    """Nodes for speaker -> target ``edges`` (labels and types from the speakers and actors
    tables; ``extra`` gives ``id -> (label, type)`` for targets that are in neither)."""
    extra = extra or {}
    nodes: dict[str, dict[str, Any]] = {}
    speakers = _labels(store, "speaker", sorted({e["source"] for e in edges}))
    actors: dict[str, dict[str, Any]] = {}
    for part in chunks(sorted({e["target"] for e in edges})):
        for r in store.rows(f"SELECT id, name, type FROM actors WHERE id IN "
                            f"({placeholders(len(part))})", part):
            actors[r["id"]] = r
    for e in edges:
        for nid, is_speaker in ((e["source"], True), (e["target"], False)):
            node = nodes.get(nid)
            if node is None:
                a = actors.get(nid)
                node = nodes[nid] = {
                    "id": nid, "label": speakers.get(nid) or (a["name"] if a else
                                                              extra.get(nid, (nid,))[0]),
                    "type": "speaker" if is_speaker else (a["type"] if a else
                                                          extra.get(nid, ("", "actor"))[1]),
                    "weight": 0, "speaker": False, "actor": False}
            node["weight"] += e["weight"]
            node["speaker" if is_speaker else "actor"] = True
    return {"nodes": list(nodes.values()), "edges": edges}

"""The query API over a store: search, facets, speakers, actors, articles, timelines, network.

Every function takes the :class:`~quotegraph.store.Store` first and returns JSON-ready dicts and
lists, so the CLI, the REST API and the web UI all render the same values. Bad filters or pages
raise :class:`quotegraph.errors.QueryError` with a message meant for the user.

Search results are ordered newest first (article publication date), then in article order.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from quotegraph.errors import QueryError
from quotegraph.store.base import MARK_CLOSE, MARK_OPEN, Store, chunks, placeholders
from quotegraph.store.filters import (
    MAX_LIMIT,
    build_where,
    check_page,
    resolve_actors,
    resolve_speakers,
)
from quotegraph.store.periods import fill_series, period_of

__all__ = [
    "StatementFilter",
    "facets",
    "get_actor",
    "get_article",
    "get_speaker",
    "get_statement",
    "list_actors",
    "list_speakers",
    "network",
    "search_statements",
    "stats",
    "timeline",
]

SNIPPET_CHARS = 320
TIMELINE_SERIES = 10
MAX_NETWORK_EDGES = 2000


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


_HIT_COLUMNS = (
    's.pk, s.id, s.article_id, s.kind, s.text, s.start, s."end", s.speaker_id, '
    "s.speaker_name, s.speaker_role, s.speaker_mention, s.cue, s.said_on"
)
_SPAN_COLUMNS = (
    ", s.speaker_start, s.speaker_end, s.speaker_how, s.cue_start, s.cue_end, s.rule, "
    "s.source_mention, s.source_start, s.source_end"
)


def _balance(cut: str) -> str:
    """Drop a close sentinel with no open before it and close one left open by a cut."""
    out, open_ = [], False
    for ch in cut:
        if ch == MARK_OPEN:
            open_ = True
        elif ch == MARK_CLOSE:
            if not open_:
                continue
            open_ = False
        out.append(ch)
    return "".join(out) + (MARK_CLOSE if open_ else "")


def _snippet(marked: str) -> str:
    """HTML: ``marked`` escaped, sentinels turned into <mark>, long text cut around a match."""
    if len(marked) > SNIPPET_CHARS:
        first = marked.find(MARK_OPEN)
        start = 0 if first < SNIPPET_CHARS // 2 else first - SNIPPET_CHARS // 3
        if start:
            space = marked.find(" ", start)
            start = space + 1 if 0 <= space < first else start
        end = start + SNIPPET_CHARS
        if end < len(marked):
            space = marked.rfind(" ", start, end)
            end = space if space > start + SNIPPET_CHARS // 2 else end
        cut = _balance(marked[start:end])
        marked = ("\u2026" if start else "") + cut + ("\u2026" if end < len(marked) else "")
    return (html.escape(marked, quote=False)
            .replace(MARK_OPEN, "<mark>").replace(MARK_CLOSE, "</mark>"))


def _hits(store: Store, rows: Sequence[dict[str, Any]], q: str | None = None, *,
          spans: bool = False) -> list[dict[str, Any]]:
    """Turn statement rows into StatementHits (article, about actors, highlighted snippet)."""
    if not rows:
        return []
    art_ids = sorted({r["article_id"] for r in rows})
    arts: dict[str, dict[str, Any]] = {}
    for part in chunks(art_ids):
        for a in store.rows("SELECT id, title, outlet, published, source, url FROM articles "
                            f"WHERE id IN ({placeholders(len(part))})", part):
            arts[a["id"]] = a
    about: dict[str, list[dict[str, Any]]] = {}
    ids = [r["id"] for r in rows]
    for part in chunks(ids):
        for a in store.rows(
            "SELECT sa.statement_id, a.id, a.name, a.type FROM statement_about sa "
            "JOIN actors a ON a.id = sa.actor_id "
            f"WHERE sa.statement_id IN ({placeholders(len(part))}) ORDER BY a.name", part,
        ):
            about.setdefault(a.pop("statement_id"), []).append(a)
    marked = store.highlight([r["pk"] for r in rows], q) if q and q.strip() else {}
    out = []
    for r in rows:
        speaker = None
        if r["speaker_name"] is not None:
            speaker = {"id": r["speaker_id"], "name": r["speaker_name"],
                       "role": r["speaker_role"], "mention": r["speaker_mention"]}
        hit: dict[str, Any] = {
            "id": r["id"], "article_id": r["article_id"], "kind": r["kind"], "text": r["text"],
            "snippet": _snippet(marked.get(r["pk"], r["text"])),
            "start": r["start"], "end": r["end"], "speaker": speaker, "cue": r["cue"],
            "about": about.get(r["id"], []), "said_on": r["said_on"],
            "article": arts.get(r["article_id"]),
        }
        if spans:
            hit["rule"] = r["rule"]
            hit["cue_span"] = (None if r["cue_start"] is None else
                               {"start": r["cue_start"], "end": r["cue_end"], "text": r["cue"]})
            hit["speaker_span"] = (
                None if r["speaker_start"] is None else
                {"start": r["speaker_start"], "end": r["speaker_end"],
                 "text": r["speaker_mention"]})
            hit["source_span"] = (
                None if r["source_start"] is None else
                {"start": r["source_start"], "end": r["source_end"],
                 "text": r["source_mention"]})
            if speaker is not None:
                speaker["how"] = json.loads(r["speaker_how"]) if r["speaker_how"] else []
        out.append(hit)
    return out


def search_statements(store: Store, flt: StatementFilter, *, limit: int = 20,
                      offset: int = 0) -> dict[str, Any]:
    """One page of statements matching ``flt``, newest first, with the total count.

    ``snippet`` is HTML: the escaped statement text with ``<mark>`` around full-text matches.
    """
    check_page(limit, offset)
    where = build_where(store, flt)
    page: dict[str, Any] = {"total": 0, "limit": limit, "offset": offset, "items": []}
    if where.empty:
        return page
    page["total"] = store.one(
        f"SELECT count(*) AS n FROM statements s WHERE {where.sql}", where.params)["n"]
    if limit == 0 or offset >= page["total"]:
        return page
    rows = store.rows(
        f"SELECT {_HIT_COLUMNS} FROM statements s WHERE {where.sql} "
        f"ORDER BY {store.order_newest} LIMIT ? OFFSET ?", (*where.params, limit, offset))
    page["items"] = _hits(store, rows, flt.q)
    return page


def get_statement(store: Store, statement_id: str) -> dict[str, Any] | None:
    """One statement as a StatementHit with its spans (as in :func:`get_article`), or None."""
    rows = store.rows(f"SELECT {_HIT_COLUMNS}{_SPAN_COLUMNS} FROM statements s WHERE s.id = ?",
                      (statement_id,))
    hits = _hits(store, rows, spans=True)
    return hits[0] if hits else None


def facets(store: Store, flt: StatementFilter, *, limit: int = 10) -> dict[str, list[dict]]:
    """Counts of the statements matching ``flt`` by speaker, outlet, actor spoken about, kind."""
    check_page(limit, 0)
    where = build_where(store, flt)
    out: dict[str, list[dict[str, Any]]] = {"speaker": [], "outlet": [], "about": [], "kind": []}
    if where.empty:
        return out
    w, p = where.sql, where.params
    out["speaker"] = store.rows(
        "SELECT s.speaker_id AS value, sp.name AS label, count(*) AS count FROM statements s "
        f"JOIN speakers sp ON sp.id = s.speaker_id WHERE {w} "
        "GROUP BY s.speaker_id, sp.name ORDER BY count DESC, label LIMIT ?", (*p, limit))
    out["outlet"] = store.rows(
        "SELECT s.outlet AS value, s.outlet AS label, count(*) AS count FROM statements s "
        f"WHERE {w} AND s.outlet IS NOT NULL GROUP BY s.outlet "
        "ORDER BY count DESC, value LIMIT ?", (*p, limit))
    out["about"] = store.rows(
        "SELECT sa.actor_id AS value, a.name AS label, count(*) AS count FROM statements s "
        "JOIN statement_about sa ON sa.statement_id = s.id JOIN actors a ON a.id = sa.actor_id "
        f"WHERE {w} GROUP BY sa.actor_id, a.name ORDER BY count DESC, label LIMIT ?",
        (*p, limit))
    out["kind"] = store.rows(
        "SELECT s.kind AS value, s.kind AS label, count(*) AS count FROM statements s "
        f"WHERE {w} GROUP BY s.kind ORDER BY count DESC, value LIMIT ?", (*p, limit))
    return out


def _like(q: str) -> str:
    return "%" + q.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def list_speakers(store: Store, *, q: str | None = None, limit: int = 50,
                  offset: int = 0) -> dict[str, Any]:
    """Speakers by number of statements; ``q`` matches part of the name or id."""
    check_page(limit, offset)
    where, params = "statements > 0", []
    if q and q.strip():
        where += " AND (lower(name) LIKE ? ESCAPE '\\' OR id LIKE ? ESCAPE '\\')"
        params = [_like(q.strip())] * 2
    total = store.one(f"SELECT count(*) AS n FROM speakers WHERE {where}", params)["n"]
    items = store.rows(
        f"SELECT id, name, role, statements, first, last FROM speakers WHERE {where} "
        "ORDER BY statements DESC, name, id LIMIT ? OFFSET ?", (*params, limit, offset))
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def list_actors(store: Store, *, q: str | None = None, type: str | None = None,  # noqa: A002
                limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """Actors by how often statements are about them; filter by part of the name or by type."""
    check_page(limit, offset)
    where, params = "1=1", []
    if q and q.strip():
        where += " AND (lower(name) LIKE ? ESCAPE '\\' OR id LIKE ? ESCAPE '\\')"
        params += [_like(q.strip())] * 2
    if type:
        where += " AND type = ?"
        params.append(type)
    total = store.one(f"SELECT count(*) AS n FROM actors WHERE {where}", params)["n"]
    items = store.rows(
        f"SELECT id, name, type, mentions, statements_about FROM actors WHERE {where} "
        "ORDER BY statements_about DESC, mentions DESC, name, id LIMIT ? OFFSET ?",
        (*params, limit, offset))
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def _months(store: Store, sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
    counts: dict[str, int] = {}
    for r in store.rows(sql, params):
        counts[period_of(r["day"], "month")] = counts.get(period_of(r["day"], "month"), 0) + r["n"]
    return fill_series(counts, "month")


def get_speaker(store: Store, speaker_id: str) -> dict[str, Any] | None:
    """A speaker's profile (roles over time, monthly timeline, top actors, latest), or None."""
    row = store.one("SELECT id, name, role, statements, first, last FROM speakers "
                    "WHERE id = ? AND statements > 0", (speaker_id,))
    if row is None:
        ids = resolve_speakers(store, speaker_id)
        if not ids:
            return None
        row = store.one("SELECT id, name, role, statements, first, last FROM speakers "
                        "WHERE id = ? AND statements > 0", (ids[0],))
        if row is None:
            return None
    sid = row["id"]
    row["roles"] = store.rows(
        "SELECT speaker_role AS role, min(published) AS first, max(published) AS last, "
        "count(*) AS statements FROM statements WHERE speaker_id = ? AND speaker_role IS NOT NULL "
        "GROUP BY speaker_role ORDER BY first, role", (sid,))
    row["timeline"] = _months(
        store, "SELECT published AS day, count(*) AS n FROM statements "
        "WHERE speaker_id = ? AND published IS NOT NULL GROUP BY published", (sid,))
    row["top_about"] = store.rows(
        "SELECT a.id, a.name, a.type, count(*) AS count FROM statements s "
        "JOIN statement_about sa ON sa.statement_id = s.id JOIN actors a ON a.id = sa.actor_id "
        "WHERE s.speaker_id = ? GROUP BY a.id, a.name, a.type "
        "ORDER BY count DESC, a.name LIMIT 10", (sid,))
    row["latest"] = search_statements(store, StatementFilter(speaker=sid), limit=10)["items"]
    return row


def get_actor(store: Store, actor_id: str) -> dict[str, Any] | None:
    """Who talks about an actor (top speakers), monthly timeline and latest statements, or None."""
    row = store.one("SELECT id, name, type, mentions, statements_about FROM actors "
                    "WHERE id = ?", (actor_id,))
    if row is None:
        ids = resolve_actors(store, actor_id)
        if not ids:
            return None
        row = store.one("SELECT id, name, type, mentions, statements_about FROM actors "
                        "WHERE id = ?", (ids[0],))
    aid = row["id"]
    row["top_speakers"] = store.rows(
        "SELECT sp.id, sp.name, count(*) AS count FROM statement_about sa "
        "JOIN statements s ON s.id = sa.statement_id JOIN speakers sp ON sp.id = s.speaker_id "
        "WHERE sa.actor_id = ? GROUP BY sp.id, sp.name ORDER BY count DESC, sp.name LIMIT 10",
        (aid,))
    row["timeline"] = _months(
        store, "SELECT published AS day, count(*) AS n FROM statement_about "
        "WHERE actor_id = ? AND published IS NOT NULL GROUP BY published", (aid,))
    row["latest"] = search_statements(store, StatementFilter(about=aid), limit=10)["items"]
    return row


def get_article(store: Store, article_id: str) -> dict[str, Any] | None:
    """An article with its text, every statement (with cue and speaker spans) and mentions."""
    art = store.one("SELECT id, source, title, outlet, published, url, text, body_start, "
                    "dateline_start, dateline_end, extractor_version, ingested_at "
                    "FROM articles WHERE id = ?", (article_id,))
    if art is None:
        return None
    rows = store.rows(f"SELECT {_HIT_COLUMNS}{_SPAN_COLUMNS} FROM statements s "
                      "WHERE s.article_id = ? ORDER BY s.start, s.\"end\"", (article_id,))
    art["statements"] = _hits(store, rows, spans=True)
    art["mentions"] = store.rows(
        'SELECT m.start, m."end", m.text, a.id, a.name, a.type FROM mentions m '
        'JOIN actors a ON a.id = m.actor_id WHERE m.article_id = ? ORDER BY m.start, m."end"',
        (article_id,))
    return art


_BY = {
    "speaker": ("s.speaker_id", "", "s.speaker_id IS NOT NULL"),
    "actor": ("sa.actor_id", " JOIN statement_about sa ON sa.statement_id = s.id", "1=1"),
    "outlet": ("s.outlet", "", "s.outlet IS NOT NULL"),
}


def _labels(store: Store, by: str, keys: Sequence[str]) -> dict[str, str]:
    if by == "outlet" or not keys:
        return {k: k for k in keys}
    table = "speakers" if by == "speaker" else "actors"
    out = {}
    for part in chunks(list(keys)):
        for r in store.rows(f"SELECT id, name FROM {table} WHERE id IN "
                            f"({placeholders(len(part))})", part):
            out[r["id"]] = r["name"]
    return out


def timeline(store: Store, *, by: str = "speaker", key: str | None = None,
             interval: str = "month", flt: StatementFilter = StatementFilter()) -> dict[str, Any]:
    """Statements per period for one ``key`` or the top speakers/actors/outlets under ``flt``.

    Periods are ``YYYY-MM-DD``, ``YYYY-Www`` (ISO week) or ``YYYY-MM``; gaps are filled with 0.
    """
    if by not in _BY:
        raise QueryError(f"by must be one of {', '.join(_BY)}, not {by!r}")
    if interval not in ("day", "week", "month"):
        raise QueryError(f"interval must be day, week or month, not {interval!r}")
    col, join, notnull = _BY[by]
    where = build_where(store, flt)
    out: dict[str, Any] = {"interval": interval, "by": by, "series": []}
    if where.empty:
        return out
    w, p = f"{where.sql} AND {notnull} AND s.published IS NOT NULL", list(where.params)
    if key is not None:
        if by == "speaker":
            keys = resolve_speakers(store, key)
        elif by == "actor":
            keys = resolve_actors(store, key)
        else:
            keys = [r["v"] for r in store.rows(
                "SELECT DISTINCT outlet AS v FROM articles WHERE lower(outlet) = lower(?)", (key,))]
    else:
        keys = [r["k"] for r in store.rows(
            f"SELECT {col} AS k, count(*) AS n FROM statements s{join} WHERE {w} "
            f"GROUP BY {col} ORDER BY n DESC, k LIMIT ?", (*p, TIMELINE_SERIES))]
    if not keys:
        return out
    counts: dict[str, dict[str, int]] = {k: {} for k in keys}
    for r in store.rows(
        f"SELECT {col} AS k, s.published AS day, count(*) AS n FROM statements s{join} "
        f"WHERE {w} AND {col} IN ({placeholders(len(keys))}) GROUP BY {col}, s.published",
        (*p, *keys),
    ):
        per = period_of(r["day"], interval)
        counts[r["k"]][per] = counts[r["k"]].get(per, 0) + r["n"]
    labels = _labels(store, by, keys)
    span = [per for c in counts.values() for per in c]
    bounds = (min(span), max(span)) if span else None
    out["series"] = [{"key": k, "label": labels.get(k, k),
                      "points": fill_series(counts[k], interval, bounds=bounds)} for k in keys]
    return out


def network(store: Store, *, flt: StatementFilter = StatementFilter(), min_weight: int = 1,
            limit: int = 200) -> dict[str, Any]:
    """Who talks about whom: edges speaker -> actor weighted by statements, heaviest first.

    A node that is both a speaker and an actor is one node (``speaker`` and ``actor`` flags).
    """
    if not isinstance(min_weight, int) or min_weight < 1:
        raise QueryError(f"min_weight must be 1 or more, not {min_weight!r}")
    if not isinstance(limit, int) or not 1 <= limit <= MAX_NETWORK_EDGES:
        raise QueryError(f"limit must be from 1 to {MAX_NETWORK_EDGES}, not {limit!r}")
    where = build_where(store, flt)
    if where.empty:
        return {"nodes": [], "edges": []}
    edges = store.rows(
        "SELECT s.speaker_id AS source, sa.actor_id AS target, count(*) AS weight "
        "FROM statements s JOIN statement_about sa ON sa.statement_id = s.id "
        f"WHERE {where.sql} AND s.speaker_id IS NOT NULL GROUP BY s.speaker_id, sa.actor_id "
        "HAVING count(*) >= ? ORDER BY weight DESC, source, target LIMIT ?",
        (*where.params, min_weight, limit))
    nodes: dict[str, dict[str, Any]] = {}
    speakers = _labels(store, "speaker", sorted({e["source"] for e in edges}))
    actor_ids = sorted({e["target"] for e in edges})
    actors: dict[str, dict[str, Any]] = {}
    for part in chunks(actor_ids):
        for r in store.rows(f"SELECT id, name, type FROM actors WHERE id IN "
                            f"({placeholders(len(part))})", part):
            actors[r["id"]] = r
    for e in edges:
        for nid, is_speaker in ((e["source"], True), (e["target"], False)):
            node = nodes.get(nid)
            if node is None:
                a = actors.get(nid)
                node = nodes[nid] = {
                    "id": nid, "label": speakers.get(nid) or (a["name"] if a else nid),
                    "type": "speaker" if is_speaker else (a["type"] if a else "actor"),
                    "weight": 0, "speaker": False, "actor": False}
            node["weight"] += e["weight"]
            node["speaker" if is_speaker else "actor"] = True
    return {"nodes": list(nodes.values()), "edges": edges}


def stats(store: Store) -> dict[str, Any]:
    """Counts of everything, the date range covered and the database size in bytes."""
    one = store.one
    span = one("SELECT min(published) AS first, max(published) AS last FROM articles")
    return {
        "articles": one("SELECT count(*) AS n FROM articles")["n"],
        "statements": one("SELECT count(*) AS n FROM statements")["n"],
        "speakers": one("SELECT count(*) AS n FROM speakers WHERE statements > 0")["n"],
        "actors": one("SELECT count(*) AS n FROM actors")["n"],
        "mentions": one("SELECT count(*) AS n FROM mentions")["n"],
        "outlets": one("SELECT count(DISTINCT outlet) AS n FROM articles")["n"],
        "first": span["first"],
        "last": span["last"],
        "db_size": store.db_size(),
        "backend": store.backend,
    }

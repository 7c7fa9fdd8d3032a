"""The query API over a store: search, facets, speakers, actors, articles, timelines, network.

Every function takes the :class:`~quotegraph.store.Store` first and returns JSON-ready dicts and
lists, so the CLI, the REST API and the web UI all render the same values. Bad filters or pages
raise :class:`quotegraph.errors.QueryError` with a message meant for the user.

Search results are ordered newest first: by the article's publication day, then the article
ingested last, then in text order; undated articles come last. The heavy lifting lives in
``quotegraph.store`` (``filters``, ``hits``, ``analysis``); this module is the public surface.
"""

from __future__ import annotations

from typing import Any

from quotegraph.store.analysis import ABOUT_ONCE, ONCE, facets, months, network, timeline
from quotegraph.store.base import Store, chunks, placeholders
from quotegraph.store.filters import (
    StatementFilter,
    build_where,
    check_page,
    resolve_actors,
    resolve_speakers,
)
from quotegraph.store.hits import HIT_COLUMNS, SPAN_COLUMNS, to_hits
from quotegraph.store.newest import NewestMatches, usable
from quotegraph.store.rows import DAY_SHIFT, DAY_SPAN, day_date

__all__ = [
    "StatementFilter",
    "facets",
    "get_actor",
    "get_article",
    "get_cluster",
    "get_speaker",
    "get_statement",
    "list_actors",
    "list_speakers",
    "network",
    "search_statements",
    "stats",
    "timeline",
]

def search_statements(store: Store, flt: StatementFilter, *, limit: int = 20,
                      offset: int = 0, newest: NewestMatches | None = None) -> dict[str, Any]:
    """One page of statements matching ``flt``, newest first, with the total count.

    ``snippet`` is HTML: the escaped statement text with ``<mark>`` around full-text matches.
    Each statement is counted and listed once: one that repeats another of its article (a
    headline over the body quote) is left out here, as from every count; the article page
    (:func:`get_article`), :func:`get_statement` and exports still give it, with ``repeats``.
    ``newest``, passed to :func:`facets` too, reads a text query's matches once for both
    (:mod:`quotegraph.store.newest`); the answer is the same without it.
    """
    check_page(limit, offset)
    where = build_where(store, flt)
    page: dict[str, Any] = {"total": 0, "limit": limit, "offset": offset, "items": []}
    if where.empty:
        return page
    found = None
    if usable(store, where, newest):
        assert newest is not None
        found = newest.page(store, where, limit, offset)
    if found is None:
        found = _count_and_page(store, where, limit, offset)
    if found is not None:
        page["total"], keys = found
        rows = []
        for part in chunks(keys):
            rows += store.rows(f"SELECT {HIT_COLUMNS} FROM statements s "
                               f"WHERE s.pk IN ({placeholders(len(part))})", part)
        rows.sort(key=lambda r: r["pk"], reverse=True)
    else:
        page["total"] = _kept_total(store, where)
        if page["total"] is None:
            page["total"] = store.one(
                f"SELECT count(*) AS n FROM statements s WHERE {where.sql} AND {ONCE}",
                where.params)["n"]
        if limit == 0 or offset >= page["total"]:
            return page
        rows = store.rows(
            f"SELECT {HIT_COLUMNS} FROM statements s WHERE {where.sql} AND {ONCE} "
            f"ORDER BY {store.order_newest} LIMIT ? OFFSET ?", (*where.params, limit, offset))
    page["items"] = to_hits(store, rows, flt.q)
    return page


def _kept_total(store: Store, where: Any) -> int | None:
    """The kept count (store.aggregates) when the filter is one speaker or one actor and
    nothing else, no dates: what a count over its statements gives, without the count (22 ms
    for the most quoted speaker or actor of 100,000 articles). None otherwise."""
    if where.lo is not None or where.hi is not None:
        return None
    if where.only == "speaker" and len(where.speakers) == 1:
        row = store.one("SELECT statements FROM speakers WHERE id = ?", where.speakers)
    elif where.only == "about" and len(where.actors) == 1:
        row = store.one("SELECT statements_about AS statements FROM actors WHERE id = ?",
                        where.actors)
    else:
        return None
    return row["statements"] if row else 0


def _count_and_page(store: Store, where: Any, limit: int,
                    offset: int) -> tuple[int, list[int]] | None:
    """Count and page from one index when text or "about" is the only filter (plus dates):
    the general join would visit every matching statement row just to count it."""
    if where.only == "fts":
        return store.fts_page(where.q, lo=where.lo, hi=where.hi, limit=limit, offset=offset)
    if where.sql == "1=1":  # everything: the kept total, and the newest keys
        total = _total(store)
        keys = [r["pk"] for r in store.rows(
            "SELECT pk FROM statements WHERE repeats IS NULL ORDER BY pk DESC LIMIT ? OFFSET ?",
            (limit, offset))]
        return total, keys
    if where.only != "about":
        return None
    sql = (f"FROM statement_about WHERE actor_id IN ({placeholders(len(where.actors))}) "
           f"AND {ABOUT_ONCE}")
    params: list[Any] = list(where.actors)
    if where.lo is not None:
        sql += " AND statement_pk >= ?"
        params.append(where.lo)
    if where.hi is not None:
        sql += " AND statement_pk < ?"
        params.append(where.hi)
    # A statement about two actors that share a name would otherwise count twice.
    distinct = "DISTINCT " if len(where.actors) > 1 else ""
    total = _kept_total(store, where)
    if total is None:
        total = store.one(f"SELECT count({distinct}statement_pk) AS n {sql}", params)["n"]
    if limit == 0 or offset >= total:
        return total, []
    keys = [r["statement_pk"] for r in store.rows(
        f"SELECT {distinct}statement_pk {sql} ORDER BY statement_pk DESC LIMIT ? OFFSET ?",
        (*params, limit, offset))]
    return total, keys


def get_statement(store: Store, statement_id: str) -> dict[str, Any] | None:
    """One statement as a StatementHit with its spans (as in :func:`get_article`), or None."""
    art, _, span = statement_id.rpartition(":")
    start, _, end = span.partition("-")
    if not (art and start.isdigit() and end.isdigit()):
        return None
    rows = store.rows(f"SELECT {HIT_COLUMNS}{SPAN_COLUMNS} FROM statements s "
                      'WHERE s.article_id = ? AND s.start = ? AND s."end" = ?',
                      (art, int(start), int(end)))
    hits = to_hits(store, rows, spans=True)
    return hits[0] if hits else None


def get_cluster(store: Store, cluster: int) -> list[dict[str, Any]]:
    """The statements of one cross-outlet cluster as StatementHits, earliest article first
    (empty for an unknown cluster)."""
    from quotegraph.store.clusters import cluster_statements  # noqa: PLC0415

    keys = cluster_statements(store, cluster)
    rows: list[dict[str, Any]] = []
    for part in chunks(keys):
        rows += store.rows(f"SELECT {HIT_COLUMNS} FROM statements s "
                           f"WHERE s.pk IN ({placeholders(len(part))})", part)
    order = {k: i for i, k in enumerate(keys)}
    rows.sort(key=lambda r: order[r["pk"]])
    return to_hits(store, rows)


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
    # Dates from the statement keys, so the (speaker, role) index answers on its own.
    roles = store.rows(
        "SELECT speaker_role AS role, min(pk) AS lo, max(pk) AS hi, count(*) AS statements "
        "FROM statements WHERE speaker_id = ? AND speaker_role IS NOT NULL "
        "AND repeats IS NULL GROUP BY speaker_role", (sid,))
    row["roles"] = sorted(
        ({"role": r["role"], "first": day_date(r["lo"] >> DAY_SHIFT),
          "last": day_date(r["hi"] >> DAY_SHIFT), "statements": r["statements"]} for r in roles),
        key=lambda r: (r["first"] or "", r["role"]))
    # The kept per-day counts (store.aggregates), not every statement of the speaker.
    row["timeline"] = months(
        store, "SELECT day AS d, statements AS n FROM speaker_days "
        "WHERE speaker_id = ? AND day >= 1", (sid,))
    _undated(store, row, "s.speaker_id = ?", (sid,))
    row["top_about"] = store.rows(
        "SELECT a.id, a.name, a.type, p.statements AS count FROM speaker_about p "
        "JOIN actors a ON a.id = p.actor_id WHERE p.speaker_id = ? "
        "ORDER BY p.statements DESC, a.name LIMIT 10", (sid,))
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
        "SELECT sp.id, sp.name, p.statements AS count FROM speaker_about p "
        "JOIN speakers sp ON sp.id = p.speaker_id WHERE p.actor_id = ? "
        "ORDER BY p.statements DESC, sp.name LIMIT 10", (aid,))
    row["timeline"] = months(
        store, "SELECT day AS d, statements AS n FROM actor_days "
        "WHERE actor_id = ? AND day >= 1", (aid,))
    _undated(store, row, "s.pk IN (SELECT statement_pk FROM statement_about WHERE actor_id = ? "
             "AND statement_pk < ?)", (aid, DAY_SPAN))
    row["latest"] = search_statements(store, StatementFilter(about=aid), limit=10)["items"]
    return row


UNDATED_SHOWN = 20


def _undated(store: Store, row: dict[str, Any], cond: str, params: tuple[Any, ...]) -> None:
    """A profile's statements from undated articles, which no month of its timeline holds:
    ``undated`` (how many, repeats counted once like everywhere) and ``undated_statements``
    (the first few, as search hits)."""
    cond = f"{cond} AND {ONCE}"
    row["undated"] = store.one(
        f"SELECT count(*) AS n FROM statements s WHERE {cond} AND s.pk < ?",
        (*params, DAY_SPAN))["n"]
    rows = store.rows(f"SELECT {HIT_COLUMNS} FROM statements s WHERE {cond} AND s.pk < ? "
                      "ORDER BY s.pk LIMIT ?", (*params, DAY_SPAN, UNDATED_SHOWN)) if row["undated"] else []
    row["undated_statements"] = to_hits(store, rows)


def get_article(store: Store, article_id: str) -> dict[str, Any] | None:
    """An article with its text, every statement (with cue and speaker spans) and mentions."""
    art = store.one("SELECT id, source, title, outlet, published, published_how, date_conflict, "
                    "url, text, body_start, dateline_start, dateline_end, extractor_version, "
                    "ingested_at, author, canonical_url, language "
                    "FROM articles WHERE id = ?", (article_id,))
    if art is None:
        return None
    rows = store.rows(f"SELECT {HIT_COLUMNS}{SPAN_COLUMNS} FROM statements s "
                      "WHERE s.article_id = ? ORDER BY s.start, s.\"end\"", (article_id,))
    art["statements"] = to_hits(store, rows, spans=True)
    art["mentions"] = store.rows(
        'SELECT m.start, m."end", m.text, a.id, a.name, a.type FROM mentions m '
        'JOIN actors a ON a.id = m.actor_id WHERE m.article_id = ? ORDER BY m.start, m."end"',
        (article_id,))
    return art


def _total(store: Store) -> int:
    row = store.one("SELECT statements FROM facet_counts WHERE facet = 'all' AND value = ''")
    return row["statements"] if row else 0


def stats(store: Store) -> dict[str, Any]:
    """Counts of everything, the date range covered and the database size in bytes.

    ``statements`` counts each statement once; ``repeats`` the further rows that restate one
    (an export writes ``statements + repeats`` rows)."""
    one = store.one
    span = one("SELECT min(published) AS first, max(published) AS last FROM articles")
    return {
        "articles": one("SELECT count(*) AS n FROM articles")["n"],
        "statements": _total(store),
        # rows that repeat another statement of their article: stored and exported, not counted
        "repeats": one("SELECT count(*) AS n FROM statements WHERE repeats IS NOT NULL")["n"],
        "speakers": one("SELECT count(*) AS n FROM speakers WHERE statements > 0")["n"],
        "actors": one("SELECT count(*) AS n FROM actors")["n"],
        "mentions": one("SELECT count(*) AS n FROM mentions")["n"],
        "outlets": one("SELECT count(*) AS n FROM facet_counts WHERE facet = 'outlet'")["n"],
        "first": span["first"],
        "last": span["last"],
        "db_size": store.db_size(),
        "backend": store.backend,
    }

"""The backend-neutral half of the store: ingest logic, aggregates and the query plumbing.

Backends (``sqlite.py``, ``postgres.py``) supply connections, transactions, migrations and the
few SQL fragments that differ (full-text search, highlighting, NULL ordering). All shared SQL is
written with ``?`` placeholders; the PostgreSQL backend rewrites them to ``%s``. Every value
travels as a bound parameter, never inside the SQL text.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from itertools import islice
from typing import Any, Protocol

from quotegraph.model import Article
from quotegraph.store.rows import (
    ABOUT_COLUMNS,
    ARTICLE_COLUMNS,
    MENTION_COLUMNS,
    STATEMENT_COLUMNS,
    ArticleRows,
    article_rows,
)

log = logging.getLogger(__name__)

# Sentinels the backends wrap full-text matches in; query.py escapes the text, then turns
# them into <mark> tags, so highlighting never lets article text through unescaped.
MARK_OPEN = "\ue000"
MARK_CLOSE = "\ue001"

# Lists bound into ``IN (...)`` are split so no statement nears SQLite's variable limit.
IN_CHUNK = 500


@dataclass(frozen=True)
class IngestReport:
    """What an ingest did: ``failed`` counts inputs that could not be read or extracted."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0

    @property
    def total(self) -> int:
        return self.added + self.updated + self.unchanged + self.failed

    def __add__(self, other: IngestReport) -> IngestReport:
        return IngestReport(
            added=self.added + other.added,
            updated=self.updated + other.updated,
            unchanged=self.unchanged + other.unchanged,
            failed=self.failed + other.failed,
        )

    def to_dict(self) -> dict[str, int]:
        return {"added": self.added, "updated": self.updated, "unchanged": self.unchanged,
                "failed": self.failed}


def current_extractor_version() -> str:
    """The version stamped on stored articles: ``extract.EXTRACTOR_VERSION``, else the package
    version, else ``"0"``. A change makes the next ingest re-extract and replace articles."""
    try:
        from quotegraph import extract as _extract  # noqa: PLC0415 - optional, may not exist yet

        version = getattr(_extract, "EXTRACTOR_VERSION", None)
        if version:
            return str(version)
    except ImportError:
        pass
    try:
        import quotegraph  # noqa: PLC0415

        version = getattr(quotegraph, "__version__", None)
        if version:
            return str(version)
    except ImportError:
        pass
    return "0"


class Executor(Protocol):
    """The minimal cursor API the shared code needs, with ``?`` placeholders."""

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None: ...
    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None: ...
    def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]: ...


def placeholders(n: int) -> str:
    return ",".join("?" * n)


def chunks(seq: Sequence[Any], size: int = IN_CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(seq), size):
        yield seq[i:i + size]


def _quote_cols(cols: Sequence[str]) -> str:
    return ", ".join(f'"{c}"' for c in cols)


def _insert_sql(table: str, cols: Sequence[str], *, ignore: bool = False) -> str:
    conflict = " ON CONFLICT DO NOTHING" if ignore else ""
    return (f"INSERT INTO {table} ({_quote_cols(cols)}) VALUES ({placeholders(len(cols))})"
            f"{conflict}")


class Store:
    """A quotegraph database. Use as a context manager or call :meth:`close`.

    Safe to share between threads: each thread reads through its own connection; writes are
    serialised (one writer) by the backend's write lock.
    """

    backend = "abstract"
    # How "newest first" is spelled; PostgreSQL needs NULLS LAST to match SQLite.
    order_newest = "s.published DESC, s.pk"

    def __init__(self) -> None:
        self._local = threading.local()
        self._conns: list[Any] = []
        self._conns_lock = threading.Lock()
        self._closed = False

    # -- connections -------------------------------------------------------------------

    def _connect(self) -> Any:  # pragma: no cover - backends implement
        raise NotImplementedError

    def _conn(self) -> Any:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            if self._closed:
                from quotegraph.errors import StoreError  # noqa: PLC0415

                raise StoreError("the store is closed")
            conn = self._connect()
            self._local.conn = conn
            with self._conns_lock:
                self._conns.append(conn)
        return conn

    def close(self) -> None:
        self._closed = True
        with self._conns_lock:
            conns, self._conns = self._conns, []
        for conn in conns:
            try:
                conn.close()
            except Exception:  # noqa: BLE001 - closing is best effort
                log.debug("error closing a connection", exc_info=True)
        self._local = threading.local()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[Executor]:  # pragma: no cover - backends implement
        raise NotImplementedError
        yield

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Run a read query (``?`` placeholders) and return rows as dicts."""
        raise NotImplementedError  # pragma: no cover

    def one(self, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
        found = self.rows(sql, params)
        return found[0] if found else None

    # -- backend SQL fragments used by quotegraph.query ---------------------------------

    def fts_condition(self, q: str) -> tuple[str, list[Any]] | None:
        """A condition on alias ``s`` (statements) for full-text query ``q``; ``None`` when
        ``q`` holds nothing searchable (the search then matches nothing)."""
        raise NotImplementedError  # pragma: no cover

    def highlight(self, pks: Sequence[int], q: str) -> dict[int, str]:
        """Statement text for ``pks`` with matches of ``q`` between MARK_OPEN/MARK_CLOSE."""
        raise NotImplementedError  # pragma: no cover

    def db_size(self) -> int:
        raise NotImplementedError  # pragma: no cover

    # -- ingest --------------------------------------------------------------------------

    def known_versions(self, ids: Sequence[str]) -> dict[str, str]:
        """``{article id: extractor version}`` for the ids already stored (for skipping work)."""
        found: dict[str, str] = {}
        for part in chunks(list(ids)):
            for row in self.rows(
                f"SELECT id, extractor_version FROM articles WHERE id IN ({placeholders(len(part))})",
                part,
            ):
                found[row["id"]] = row["extractor_version"]
        return found

    def ingest(self, articles: Iterable[Article], *, batch_size: int = 200,
               on_progress: Callable[[int], None] | None = None,
               extractor_version: str | None = None) -> IngestReport:
        """Store extracted articles, committing every ``batch_size`` articles.

        An article already stored with the same ``extractor_version`` (default:
        :func:`current_extractor_version`) is left alone; with another version its row is
        updated and its statements and mentions replaced. ``on_progress`` is called after each
        commit with the number of articles handled so far. An interrupted ingest keeps every
        batch committed before the interruption.
        """
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        version = extractor_version or current_extractor_version()
        report = IngestReport()
        it = iter(articles)
        while batch := list(islice(it, batch_size)):
            report = report + self.write_batch(batch, extractor_version=version)
            if on_progress is not None:
                on_progress(report.total)
        return report

    def write_batch(self, batch: Sequence[Article], *, extractor_version: str) -> IngestReport:
        """Write one batch of articles in one transaction (see :meth:`ingest`)."""
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        by_id: dict[str, ArticleRows] = {}
        for art in batch:
            r = article_rows(art, extractor_version=extractor_version, ingested_at=now)
            by_id.setdefault(r.id, r)
        dupes = len(batch) - len(by_id)
        with self._write() as cur:
            existing: dict[str, str] = {}
            ids = list(by_id)
            for part in chunks(ids):
                for aid, ver in cur.fetchall(
                    f"SELECT id, extractor_version FROM articles WHERE id IN "
                    f"({placeholders(len(part))})", part,
                ):
                    existing[aid] = ver
            new = [r for aid, r in by_id.items() if aid not in existing]
            changed = [r for aid, r in by_id.items()
                       if aid in existing and existing[aid] != extractor_version]
            unchanged = len(by_id) - len(new) - len(changed) + dupes
            touched_speakers, touched_actors = self._delete_children(
                cur, [r.id for r in changed])
            if new:
                cur.executemany(_insert_sql("articles", ARTICLE_COLUMNS),
                                [r.article for r in new])
            if changed:
                sets = ", ".join(f'"{c}" = ?' for c in ARTICLE_COLUMNS[1:])
                cur.executemany(f"UPDATE articles SET {sets} WHERE id = ?",
                                [(*r.article[1:], r.id) for r in changed])
            written = new + changed
            self._upsert_speakers(cur, written)
            self._upsert_actors(cur, written)
            cur.executemany(_insert_sql("statements", STATEMENT_COLUMNS),
                            [s for r in written for s in r.statements])
            cur.executemany(_insert_sql("mentions", MENTION_COLUMNS, ignore=True),
                            [m for r in written for m in r.mentions])
            cur.executemany(_insert_sql("statement_about", ABOUT_COLUMNS, ignore=True),
                            [a for r in written for a in r.about])
            if changed:
                self._recount(cur, touched_speakers | {s[0] for r in changed for s in r.speakers},
                              touched_actors | {a[0] for r in changed for a in r.actors})
        return IngestReport(added=len(new), updated=len(changed), unchanged=unchanged)

    def _delete_children(self, cur: Executor, ids: list[str]) -> tuple[set[str], set[str]]:
        """Remove statements, mentions and about-links of articles being replaced; return the
        speakers and actors whose aggregates must then be recounted."""
        speakers: set[str] = set()
        actors: set[str] = set()
        for part in chunks(ids):
            ph = placeholders(len(part))
            speakers.update(r[0] for r in cur.fetchall(
                f"SELECT DISTINCT speaker_id FROM statements WHERE article_id IN ({ph}) "
                f"AND speaker_id IS NOT NULL", part))
            actors.update(r[0] for r in cur.fetchall(
                f"SELECT DISTINCT actor_id FROM mentions WHERE article_id IN ({ph})", part))
            cur.execute(
                f"DELETE FROM statement_about WHERE statement_id IN "
                f"(SELECT id FROM statements WHERE article_id IN ({ph}))", part)
            cur.execute(f"DELETE FROM statements WHERE article_id IN ({ph})", part)
            cur.execute(f"DELETE FROM mentions WHERE article_id IN ({ph})", part)
        return speakers, actors

    def _upsert_speakers(self, cur: Executor, written: list[ArticleRows]) -> None:
        # Aggregates are kept incrementally so listing speakers never scans all statements.
        delta: dict[str, list[Any]] = {}  # id -> [name, role, role_date, count, first, last]
        for r in written:
            for sid, name, role, pub in r.speakers:
                d = delta.get(sid)
                if d is None:
                    d = delta[sid] = [name, None, None, 0, None, None]
                d[3] += 1
                if pub is not None:
                    d[4] = pub if d[4] is None else min(d[4], pub)
                    d[5] = pub if d[5] is None else max(d[5], pub)
                if role and (d[1] is None or (pub or "") >= (d[2] or "")):
                    d[1], d[2] = role, pub
        if not delta:
            return
        ids = sorted(delta)
        old: dict[str, tuple[Any, ...]] = {}
        for part in chunks(ids):
            for row in cur.fetchall(
                f"SELECT id, name, role, statements, first, last FROM speakers WHERE id IN "
                f"({placeholders(len(part))})", part,
            ):
                old[row[0]] = row
        out = []
        for sid in ids:
            name, role, role_date, count, first, last = delta[sid]
            if sid in old:
                _, o_name, o_role, o_count, o_first, o_last = old[sid]
                name = o_name
                if not role or (o_role and (role_date or "") < (o_last or "")):
                    role = o_role or role
                count += o_count
                first = min(x for x in (first, o_first) if x is not None) if (first or o_first) else None
                last = max(x for x in (last, o_last) if x is not None) if (last or o_last) else None
            out.append((sid, name, role, count, first, last))
        cur.executemany(
            "INSERT INTO speakers (id, name, role, statements, first, last) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
            "role = excluded.role, statements = excluded.statements, first = excluded.first, "
            "last = excluded.last", out)

    def _upsert_actors(self, cur: Executor, written: list[ArticleRows]) -> None:
        delta: dict[str, list[Any]] = {}  # id -> [name, type, mentions, statements_about]
        for r in written:
            for aid, name, typ in r.actors:
                delta.setdefault(aid, [name, typ, 0, 0])
            for m in r.mentions:
                delta[m[4]][2] += 1
            for a in r.about:
                delta[a[1]][3] += 1
        if not delta:
            return
        ids = sorted(delta)
        old: dict[str, tuple[Any, ...]] = {}
        for part in chunks(ids):
            for row in cur.fetchall(
                f"SELECT id, name, type, mentions, statements_about FROM actors WHERE id IN "
                f"({placeholders(len(part))})", part,
            ):
                old[row[0]] = row
        out = []
        for aid in ids:
            name, typ, mentions, about = delta[aid]
            if aid in old:
                mentions += old[aid][3]
                about += old[aid][4]
            out.append((aid, name, typ, mentions, about))
        cur.executemany(
            "INSERT INTO actors (id, name, type, mentions, statements_about) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
            "type = excluded.type, mentions = excluded.mentions, "
            "statements_about = excluded.statements_about", out)

    def _recount(self, cur: Executor, speakers: set[str], actors: set[str]) -> None:
        """Recompute aggregates from scratch for ids touched by replaced articles."""
        for part in chunks(sorted(speakers)):
            ph = placeholders(len(part))
            cur.execute(
                "UPDATE speakers SET "
                "statements = (SELECT count(*) FROM statements s WHERE s.speaker_id = speakers.id), "
                "first = (SELECT min(published) FROM statements s WHERE s.speaker_id = speakers.id), "
                "last = (SELECT max(published) FROM statements s WHERE s.speaker_id = speakers.id) "
                f"WHERE id IN ({ph})", part)
            cur.execute(f"DELETE FROM speakers WHERE id IN ({ph}) AND statements = 0", part)
        for part in chunks(sorted(actors)):
            ph = placeholders(len(part))
            cur.execute(
                "UPDATE actors SET "
                "mentions = (SELECT count(*) FROM mentions m WHERE m.actor_id = actors.id), "
                "statements_about = (SELECT count(*) FROM statement_about a "
                "WHERE a.actor_id = actors.id) "
                f"WHERE id IN ({ph})", part)
            cur.execute(
                f"DELETE FROM actors WHERE id IN ({ph}) AND mentions = 0 AND statements_about = 0",
                part)

"""The backend-neutral half of the store: ingest logic, aggregates and the query plumbing.

Backends (``sqlite.py``, ``postgres.py``) supply connections, transactions, migrations and the
few SQL fragments that differ (full-text search and highlighting). All shared SQL is
written with ``?`` placeholders; the PostgreSQL backend rewrites them to ``%s``. Every value
travels as a bound parameter, never inside the SQL text.
"""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from itertools import islice
from typing import Any

from quotegraph.errors import StoreError
from quotegraph.model import Article
from quotegraph.store import aggregates
from quotegraph.store.relate_schema import (CLAIM_COLUMNS, GROUP_COLUMNS, OCCASION_COLUMNS,
                                             RELATION_COLUMNS)
from quotegraph.store.base_sql import IN_CHUNK, Executor, chunks, insert_sql, placeholders
from quotegraph.store.rows import (
    ABOUT_COLUMNS,
    ARTICLE_COLUMNS,
    DAY_SPAN,
    MENTION_COLUMNS,
    STATEMENT_COLUMNS,
    ArticleRows,
    article_rows,
)

__all__ = ["IN_CHUNK", "MARK_CLOSE", "MARK_OPEN", "Executor", "IngestReport", "Store", "chunks",
           "current_extractor_version", "placeholders"]

log = logging.getLogger(__name__)

# Sentinels the backends wrap full-text matches in; query.py escapes the text, then turns
# them into <mark> tags, so highlighting never lets article text through unescaped.
MARK_OPEN = "\ue000"
MARK_CLOSE = "\ue001"


@dataclass(frozen=True)
class IngestReport:
    """What an ingest did: ``failed`` counts inputs that could not be read or extracted;
    ``not_english`` counts the articles among the others stored without statements because
    they are in another language (they are also in ``added``/``updated``/``unchanged``)."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    not_english: int = 0

    @property
    def total(self) -> int:
        return self.added + self.updated + self.unchanged + self.failed

    def __add__(self, other: IngestReport) -> IngestReport:
        return IngestReport(
            added=self.added + other.added,
            updated=self.updated + other.updated,
            unchanged=self.unchanged + other.unchanged,
            failed=self.failed + other.failed,
            not_english=self.not_english + other.not_english,
        )

    def to_dict(self) -> dict[str, int]:
        return {"added": self.added, "updated": self.updated, "unchanged": self.unchanged,
                "failed": self.failed, "not_english": self.not_english}


def current_extractor_version() -> str:
    """The version stamped on stored articles: ``extract.EXTRACTOR_VERSION``, else the package
    version, else ``"0"``. A change makes the next ingest re-extract and replace articles."""
    try:
        # import_module: the package may also export a function named ``extract``.
        version = getattr(importlib.import_module("quotegraph.extract"), "EXTRACTOR_VERSION",
                          None)
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


class Store:
    """A quotegraph database. Use as a context manager or call :meth:`close`.

    Safe to share between threads: each thread reads through its own connection; writes are
    serialised (one writer) by the backend's write lock.
    """

    backend = "abstract"
    # Statement keys sort by publication day (see rows.DAY_SHIFT), so this is "newest first".
    order_newest = "s.pk DESC"

    def __init__(self) -> None:
        self._local = threading.local()
        self._conns: list[Any] = []
        self._conns_lock = threading.Lock()
        self._closed = False
        # Articles written since the last refresh_clusters (see store/clusters.py).
        self.touched: set[str] = set()

    def data_token(self) -> Any:
        """A value that changes whenever the database may have changed, or ``None`` when the
        backend has no cheap one (then nothing derived from the data is kept in memory)."""
        return None

    # -- connections -------------------------------------------------------------------

    def _connect(self) -> Any:  # pragma: no cover - backends implement
        raise NotImplementedError

    def _conn(self) -> Any:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            if self._closed:
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

    def tuples(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Like :meth:`rows` but plain tuples: for scans of many rows."""
        raise NotImplementedError  # pragma: no cover

    def one(self, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
        found = self.rows(sql, params)
        return found[0] if found else None

    # -- backend SQL fragments used by quotegraph.query ---------------------------------

    def fts_condition(self, q: str, *, lo: int | None = None,
                      hi: int | None = None) -> tuple[str, list[Any]] | None:
        """A condition on alias ``s`` (statements) for full-text query ``q``; ``None`` when
        ``q`` holds nothing searchable (the search then matches nothing). ``lo``/``hi`` bound
        the statement keys, for backends that can narrow the text search with them."""
        raise NotImplementedError  # pragma: no cover

    def fts_page(self, q: str, *, lo: int | None, hi: int | None, limit: int,
                 offset: int) -> tuple[int, list[int]] | None:
        """``(total, keys newest first)`` for a search by text alone, straight from the
        full-text index (repeats left out, as in every count); ``None`` when the backend has
        no such shortcut."""
        return None

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
        self.refresh_clusters()
        self.after_ingest(report)
        return report

    def refresh_clusters(self) -> None:
        """Recompute the cross-outlet clusters of the speakers of the articles written since
        the last call (once per ingest, not per batch: see store/clusters.py)."""
        from quotegraph.store import clusters  # noqa: PLC0415 - numpy only when writing

        ids, self.touched = self.touched, set()
        if ids:
            clusters.refresh(self, ids)

    def after_ingest(self, report: IngestReport) -> None:
        """Refresh planner statistics when the data changed enough to matter (backends)."""

    def _index_statements(self, cur: Executor, statements: Sequence[tuple[Any, ...]]) -> None:
        """Add new statements to a full-text index the database does not maintain itself."""

    def write_batch(self, batch: Sequence[Article], *, extractor_version: str) -> IngestReport:
        """Write one batch of articles in one transaction (see :meth:`ingest`)."""
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        return self.write_rows(
            [article_rows(a, extractor_version=extractor_version, ingested_at=now) for a in batch],
            extractor_version=extractor_version)

    def write_rows(self, batch: Sequence[ArticleRows], *, extractor_version: str) -> IngestReport:
        """Write articles already split into rows (see :func:`rows.article_rows`; worker
        processes do that part) in one transaction."""
        by_id: dict[str, ArticleRows] = {}
        for r in batch:
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
            delta = self._delete_children(cur, [r.id for r in changed])
            if new:
                cur.executemany(insert_sql("articles", ARTICLE_COLUMNS),
                                [r.article for r in new])
            if changed:
                sets = ", ".join(f'"{c}" = ?' for c in ARTICLE_COLUMNS[1:])
                cur.executemany(f"UPDATE articles SET {sets} WHERE id = ?",
                                [(*r.article[1:], r.id) for r in changed])
            written = new + changed
            statements, about = self._assign_keys(cur, written)
            aggregates.added(delta, written, statements, about)
            # Speakers and actors first: statements and mentions refer to them.
            self._ensure_parents(cur, delta)
            cur.executemany(insert_sql("statements", ("pk", *STATEMENT_COLUMNS)), statements)
            self._index_statements(cur, statements)
            cur.executemany(insert_sql("mentions", MENTION_COLUMNS),
                            [m for r in written for m in r.mentions])
            cur.executemany(insert_sql("statement_about", ABOUT_COLUMNS), about)
            cur.executemany(insert_sql("claims", CLAIM_COLUMNS),
                            [c for r in written for c in r.claims])
            cur.executemany(insert_sql("relations", RELATION_COLUMNS),
                            [x for r in written for x in r.relations])
            cur.executemany(insert_sql("actor_groups", GROUP_COLUMNS),
                            [g for r in written for g in r.groups])
            cur.executemany(insert_sql("occasions", OCCASION_COLUMNS),
                            [o for r in written for o in r.occasions])
            aggregates.apply(cur, delta)
        # Their speakers' clusters are recomputed once the ingest ends (refresh_clusters).
        self.touched.update(r.id for r in written)
        return IngestReport(added=len(new), updated=len(changed), unchanged=unchanged)

    def _assign_keys(self, cur: Executor, written: list[ArticleRows],
                     ) -> tuple[list[tuple[Any, ...]], list[tuple[int, str]]]:
        """Give each statement its key: day block + a sequence above the day's existing keys.

        Within an article the first statement gets the highest key, so descending key order
        reads: newest day, latest ingested article, then the article's statements in order.
        """
        next_key: dict[int, int] = {}
        statements: list[tuple[Any, ...]] = []
        about: list[tuple[int, str]] = []
        for r in written:
            if not r.statements:
                continue
            day = r.day
            if day not in next_key:
                lo = day * DAY_SPAN
                top = cur.fetchall("SELECT max(pk) FROM statements WHERE pk >= ? AND pk < ?",
                                   (lo, lo + DAY_SPAN))[0][0]
                next_key[day] = lo if top is None else top + 1
            base = next_key[day]
            n = len(r.statements)
            keys = [base + n - 1 - k for k in range(n)]
            next_key[day] = base + n
            statements.extend((key, *row) for key, row in zip(keys, r.statements))
            about.extend((keys[i], actor) for i, actor in r.about)
        return statements, about

    def _delete_children(self, cur: Executor, ids: list[str]) -> aggregates.Delta:
        """Remove statements, mentions and about-links of articles being replaced; return
        the counts they took away."""
        delta = aggregates.removed(cur, ids)
        shrunk: set[int] = set()  # clusters losing members: their kept summaries change
        for part in chunks(ids):
            ph = placeholders(len(part))
            members = f"(SELECT pk FROM statements WHERE article_id IN ({ph}))"
            shrunk.update(c for (c,) in cur.fetchall(
                f"SELECT DISTINCT cluster FROM statement_cluster WHERE statement_pk IN {members}",
                part))
            cur.execute(f"DELETE FROM statement_cluster WHERE statement_pk IN {members}", part)
            cur.execute(
                f"DELETE FROM statement_about WHERE statement_pk IN "
                f"(SELECT pk FROM statements WHERE article_id IN ({ph}))", part)
            cur.execute(f"DELETE FROM statements WHERE article_id IN ({ph})", part)
            cur.execute(f"DELETE FROM mentions WHERE article_id IN ({ph})", part)
            cur.execute(f"DELETE FROM claims WHERE article_id IN ({ph})", part)
            cur.execute(f"DELETE FROM relations WHERE article_id IN ({ph})", part)
            cur.execute(f"DELETE FROM actor_groups WHERE article_id IN ({ph})", part)
            cur.execute(f"DELETE FROM occasions WHERE article_id IN ({ph})", part)
        if shrunk:
            from quotegraph.store.clusters import resummarise  # noqa: PLC0415 - as above

            resummarise(cur, sorted(shrunk))
        return delta

    @staticmethod
    def _ensure_parents(cur: Executor, delta: aggregates.Delta) -> None:
        """Create missing speaker and actor rows (zero counts) so references hold."""
        if delta.speaker_names:
            cur.executemany("INSERT INTO speakers (id, name, statements) VALUES (?, ?, 0) "
                            "ON CONFLICT (id) DO NOTHING", sorted(delta.speaker_names.items()))
        if delta.actor_info:
            cur.executemany(
                "INSERT INTO actors (id, name, type, mentions, statements_about) "
                "VALUES (?, ?, ?, 0, 0) ON CONFLICT (id) DO NOTHING",
                [(a, n, t) for a, (n, t) in sorted(delta.actor_info.items())])

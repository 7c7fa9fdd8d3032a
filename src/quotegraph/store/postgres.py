"""The PostgreSQL backend (psycopg 3): the same tables as SQLite, full text through stored
``tsvector`` columns with GIN indexes.

Shared SQL arrives with ``?`` placeholders and is rewritten to psycopg's ``%s``. Writers take a
transaction-scoped advisory lock, so concurrent ingests (CLI and REST) still write one at a
time, as on SQLite. Tables live in the connection's current schema, so one database can hold
several stores (``options=-csearch_path=...`` in the URL).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from quotegraph.errors import StoreError
from quotegraph.store import fts
from quotegraph.store.base import MARK_CLOSE, MARK_OPEN, Store
from quotegraph.store.relate_schema import (claims_schema, groups_occasions_schema,
                                             relations_schema)
from quotegraph.store.clusters import SCHEMA as CLUSTER_SCHEMA
from quotegraph.store.clusters import SUMMARY_SCHEMA
from quotegraph.store.migrate import DATES_AND_REPEATS, MIGRATIONS_TABLE, PROFILE_INDEXES, day_counts, pair_days, Migration, migration, now, pending

try:
    import psycopg
    from psycopg.rows import dict_row, tuple_row
except ImportError as _e:  # pragma: no cover - depends on the installed extras
    raise StoreError(
        "PostgreSQL support needs psycopg 3: pip install 'quotegraph[pg]'") from _e

log = logging.getLogger(__name__)

# Arbitrary constants naming our advisory locks (one writer; one migrator).
WRITE_LOCK = 0x71670001
MIGRATE_LOCK = 0x71670002
# to_tsvector refuses documents whose vector passes 1 MB; index a generous prefix instead.
FTS_CHARS = 200_000

SCHEMA_V1 = [
    f"""CREATE TABLE articles (
        pk BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        source TEXT, title TEXT, outlet TEXT, published TEXT, url TEXT,
        text TEXT NOT NULL,
        body_start INTEGER NOT NULL DEFAULT 0,
        dateline_start INTEGER, dateline_end INTEGER,
        extractor_version TEXT NOT NULL,
        ingested_at TEXT NOT NULL,
        tsv tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') ||
            setweight(to_tsvector('english'::regconfig, left(text, {FTS_CHARS})), 'B')) STORED)""",
    "CREATE INDEX articles_published ON articles (published)",
    "CREATE INDEX articles_tsv ON articles USING GIN (tsv)",
    """CREATE TABLE speakers (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT,
        statements INTEGER NOT NULL DEFAULT 0, first TEXT, last TEXT)""",
    "CREATE INDEX speakers_name ON speakers (lower(name))",
    "CREATE INDEX speakers_count ON speakers (statements DESC)",
    """CREATE TABLE actors (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT,
        mentions INTEGER NOT NULL DEFAULT 0, statements_about INTEGER NOT NULL DEFAULT 0)""",
    "CREATE INDEX actors_name ON actors (lower(name))",
    "CREATE INDEX actors_count ON actors (statements_about DESC, mentions DESC)",
    # pk is assigned by the writer: publication day << 40 | sequence (see store/rows.py).
    """CREATE TABLE statements (
        pk BIGINT PRIMARY KEY,
        id TEXT NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles (id),
        kind TEXT NOT NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        speaker_id TEXT REFERENCES speakers (id), speaker_name TEXT, speaker_role TEXT,
        speaker_mention TEXT, speaker_start INTEGER, speaker_end INTEGER, speaker_how TEXT,
        cue TEXT, cue_start INTEGER, cue_end INTEGER,
        rule TEXT, said_on TEXT,
        source_mention TEXT, source_start INTEGER, source_end INTEGER,
        published TEXT, outlet TEXT, outlet_key TEXT,
        tsv tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('english'::regconfig, text), 'A') ||
            setweight(to_tsvector('english'::regconfig, coalesce(speaker_name, '')), 'B')) STORED)""",
    'CREATE UNIQUE INDEX statements_span ON statements (article_id, start, "end")',
    "CREATE INDEX statements_speaker ON statements (speaker_id, pk)",
    "CREATE INDEX statements_speaker_kind ON statements (speaker_id, kind)",
    "CREATE INDEX statements_speaker_role ON statements (speaker_id, speaker_role)",
    "CREATE INDEX statements_outlet ON statements (outlet_key, pk)",
    "CREATE INDEX statements_kind ON statements (kind, pk)",
    "CREATE INDEX statements_tsv ON statements USING GIN (tsv)",
    """CREATE TABLE mentions (
        article_id TEXT NOT NULL REFERENCES articles (id),
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
        actor_id TEXT NOT NULL REFERENCES actors (id),
        PRIMARY KEY (article_id, start, "end", actor_id))""",
    "CREATE INDEX mentions_actor ON mentions (actor_id)",
    """CREATE TABLE statement_about (
        actor_id TEXT NOT NULL REFERENCES actors (id),
        statement_pk BIGINT NOT NULL REFERENCES statements (pk),
        PRIMARY KEY (actor_id, statement_pk))""",
    "CREATE INDEX statement_about_statement ON statement_about (statement_pk)",
    # Statements per (speaker, actor) pair, kept by every write: the network and the
    # "talks about" / "talked about by" lists read it instead of joining all statements.
    """CREATE TABLE speaker_about (
        speaker_id TEXT NOT NULL REFERENCES speakers (id),
        actor_id TEXT NOT NULL REFERENCES actors (id),
        statements INTEGER NOT NULL,
        PRIMARY KEY (speaker_id, actor_id))""",
    "CREATE INDEX speaker_about_actor ON speaker_about (actor_id, statements)",
    "CREATE INDEX speaker_about_weight ON speaker_about (statements)",
    # Statements per kind, per outlet (lower-cased) and in all ("all", ""): the unfiltered
    # facets and totals, kept by every write.
    """CREATE TABLE facet_counts (
        facet TEXT NOT NULL, value TEXT NOT NULL, statements INTEGER NOT NULL,
        PRIMARY KEY (facet, value))""",
]

# Web inputs: who wrote the article, the page's own address and the language it is in.
WEB_SOURCES = [
    "ALTER TABLE articles ADD COLUMN author TEXT",
    "ALTER TABLE articles ADD COLUMN canonical_url TEXT",
    "ALTER TABLE articles ADD COLUMN language TEXT",
    "CREATE INDEX articles_language ON articles (language)",
]

MIGRATIONS: tuple[Migration, ...] = (
    migration("0001_initial_schema", *SCHEMA_V1),
    DATES_AND_REPEATS,
    migration("0003_relate", *claims_schema("DOUBLE PRECISION"), *relations_schema()),
    migration("0004_web_sources", *WEB_SOURCES),
    migration("0005_statement_cluster", *CLUSTER_SCHEMA),
    migration("0006_groups_occasions", *groups_occasions_schema()),
    day_counts(),
    PROFILE_INDEXES,
    pair_days(),
    migration("0011_cluster_summary", *SUMMARY_SCHEMA),
)


@functools.lru_cache(maxsize=512)
def to_psycopg(sql: str) -> str:
    """``?`` placeholders -> ``%s`` (our SQL never has ``?`` or ``%`` inside literals)."""
    return sql.replace("%", "%%").replace("?", "%s")


def _clean(v: Any) -> Any:
    # PostgreSQL text cannot hold NUL; U+FFFD keeps every offset where it was.
    return v.replace("\x00", "\ufffd") if isinstance(v, str) and "\x00" in v else v


def _params(params: Sequence[Any]) -> list[Any]:
    return [_clean(v) for v in params]


class _Exec:
    def __init__(self, conn: psycopg.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.conn.execute(to_psycopg(sql), _params(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = [_params(r) for r in rows]
        if rows:
            with self.conn.cursor() as cur:
                cur.executemany(to_psycopg(sql), rows)

    def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self.conn.cursor(row_factory=tuple_row) as cur:
            cur.execute(to_psycopg(sql), _params(params))
            return cur.fetchall()


class PostgresStore(Store):
    """A store in a PostgreSQL database (see the module docstring)."""

    backend = "postgresql"

    def __init__(self, dsn: str) -> None:
        super().__init__()
        self.dsn = dsn
        try:
            self._migrate(self._conn())
        except psycopg.Error as e:
            self.close()
            raise StoreError(f"cannot set up the PostgreSQL store: {e}") from e

    def __repr__(self) -> str:
        return "PostgresStore(<dsn>)"  # the DSN may hold a password

    def _connect(self) -> psycopg.Connection:
        try:
            return psycopg.connect(self.dsn, autocommit=True, row_factory=dict_row)
        except psycopg.Error as e:
            raise StoreError(f"cannot connect to PostgreSQL: {e}") from e

    def _migrate(self, conn: psycopg.Connection) -> None:
        conn.execute(MIGRATIONS_TABLE)
        applied = {r["name"] for r in conn.execute("SELECT name FROM migrations")}
        for m in pending(applied, MIGRATIONS):
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATE_LOCK,))
                if conn.execute("SELECT 1 FROM migrations WHERE name = %s", (m.name,)).fetchone():
                    continue
                log.info("applying migration %s", m.name)
                for step in m.steps:
                    if callable(step):
                        step(_Exec(conn))
                    else:
                        conn.execute(step)
                conn.execute("INSERT INTO migrations (name, applied_at) VALUES (%s, %s)",
                             (m.name, now()))

    @contextmanager
    def _write(self) -> Iterator[_Exec]:
        conn = self._conn()
        try:
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
                yield _Exec(conn)
        except psycopg.Error as e:
            raise StoreError(f"cannot write to PostgreSQL: {e}") from e

    def after_ingest(self, report: Any) -> None:
        # Autovacuum analyses eventually; after a bulk load, queries need the statistics now.
        if report.added + report.updated >= 1000:
            self._conn().execute("ANALYZE articles, statements, statement_about, mentions, "
                                 "speakers, actors")

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        try:
            return self._conn().execute(to_psycopg(sql), _params(params)).fetchall()
        except psycopg.Error as e:
            raise StoreError(f"query failed on PostgreSQL: {e}") from e

    def tuples(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            return _Exec(self._conn()).fetchall(sql, params)
        except psycopg.Error as e:
            raise StoreError(f"query failed on PostgreSQL: {e}") from e

    def fts_condition(self, q: str, *, lo: int | None = None,
                      hi: int | None = None) -> tuple[str, list[Any]] | None:
        expr = fts.to_tsquery_expr(q)
        if expr is None:
            return None
        return "s.tsv @@ to_tsquery('english', ?)", [expr]

    def highlight(self, pks: Sequence[int], q: str) -> dict[int, str]:
        expr = fts.to_tsquery_expr(q)
        if expr is None or not pks:
            return {}
        opts = f'HighlightAll=true, StartSel="{MARK_OPEN}", StopSel="{MARK_CLOSE}"'
        found = self.rows(
            "SELECT pk, ts_headline('english', text, to_tsquery('english', ?), ?) AS marked "
            "FROM statements WHERE pk = ANY(?)", (expr, opts, list(pks)))
        return {r["pk"]: r["marked"] for r in found}

    def db_size(self) -> int:
        row = self.one(
            "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) AS n FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND c.relkind = 'r'")
        return int(row["n"]) if row else 0

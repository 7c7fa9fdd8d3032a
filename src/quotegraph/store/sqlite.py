"""The SQLite backend: one file, WAL mode, FTS5 full-text search, one writer.

The schema is plain enough to browse in Datasette or the ``sqlite3`` shell: foreign keys are
declared (for Datasette's labels), text lives once in ``articles`` and everything else is
offsets into it. ``statements`` repeats the article's ``published`` and ``outlet`` so the common
"newest first, filtered" searches walk one index instead of joining.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from quotegraph.errors import StoreError
from quotegraph.store import fts
from quotegraph.store.base import MARK_CLOSE, MARK_OPEN, Store, chunks, placeholders
from quotegraph.store.relate_schema import (claims_schema, groups_occasions_schema,
                                             relations_schema)
from quotegraph.store.clusters import SCHEMA as CLUSTER_SCHEMA
from quotegraph.store.clusters import SUMMARY_SCHEMA
from quotegraph.store.rows import STATEMENT_COLUMNS
from quotegraph.store.migrate import DATES_AND_REPEATS, MIGRATIONS_TABLE, PROFILE_INDEXES, day_counts, pair_days, Migration, migration, now, pending

log = logging.getLogger(__name__)

_TOKENIZE = "porter unicode61 remove_diacritics 2"
_REPEATS = 1 + STATEMENT_COLUMNS.index("repeats")  # in the keyed rows (pk, *STATEMENT_COLUMNS)

SCHEMA_V1 = [
    """CREATE TABLE articles (
        pk INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        source TEXT, title TEXT, outlet TEXT, published TEXT, url TEXT,
        text TEXT NOT NULL,
        body_start INTEGER NOT NULL DEFAULT 0,
        dateline_start INTEGER, dateline_end INTEGER,
        extractor_version TEXT NOT NULL,
        ingested_at TEXT NOT NULL)""",
    "CREATE INDEX articles_published ON articles (published)",
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
    # pk is assigned by the writer: publication day << 40 | sequence (see store/rows.py), so
    # "ORDER BY pk DESC" is newest first and each index below, ending in the rowid, is too.
    """CREATE TABLE statements (
        pk INTEGER PRIMARY KEY,
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
        published TEXT, outlet TEXT, outlet_key TEXT)""",
    # The id is article_id:start-end, so this index is also the lookup by id.
    'CREATE UNIQUE INDEX statements_span ON statements (article_id, start, "end")',
    "CREATE INDEX statements_speaker ON statements (speaker_id)",
    # Counts "speaker + kind" from the index alone (the commonest combined filter).
    "CREATE INDEX statements_speaker_kind ON statements (speaker_id, kind)",
    "CREATE INDEX statements_speaker_role ON statements (speaker_id, speaker_role)",
    "CREATE INDEX statements_outlet ON statements (outlet_key)",
    "CREATE INDEX statements_kind ON statements (kind)",
    """CREATE TABLE mentions (
        article_id TEXT NOT NULL REFERENCES articles (id),
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
        actor_id TEXT NOT NULL REFERENCES actors (id),
        PRIMARY KEY (article_id, start, "end", actor_id))""",
    "CREATE INDEX mentions_actor ON mentions (actor_id)",
    """CREATE TABLE statement_about (
        actor_id TEXT NOT NULL REFERENCES actors (id),
        statement_pk INTEGER NOT NULL REFERENCES statements (pk),
        PRIMARY KEY (actor_id, statement_pk)) WITHOUT ROWID""",
    "CREATE INDEX statement_about_statement ON statement_about (statement_pk)",
    # Statements per (speaker, actor) pair, kept by every write: the network and the
    # "talks about" / "talked about by" lists read it instead of joining all statements.
    """CREATE TABLE speaker_about (
        speaker_id TEXT NOT NULL REFERENCES speakers (id),
        actor_id TEXT NOT NULL REFERENCES actors (id),
        statements INTEGER NOT NULL,
        PRIMARY KEY (speaker_id, actor_id)) WITHOUT ROWID""",
    "CREATE INDEX speaker_about_actor ON speaker_about (actor_id, statements)",
    "CREATE INDEX speaker_about_weight ON speaker_about (statements)",
    # Statements per kind, per outlet (lower-cased) and in all ("all", ""): the unfiltered
    # facets and totals, kept by every write.
    """CREATE TABLE facet_counts (
        facet TEXT NOT NULL, value TEXT NOT NULL, statements INTEGER NOT NULL,
        PRIMARY KEY (facet, value)) WITHOUT ROWID""",
    # External-content FTS: the text is stored once, in statements/articles. columnsize=0
    # skips a per-row size table we never rank with. New statements are indexed by the
    # writer in one executemany per batch (a third faster than an insert trigger); deletes
    # and updates keep their triggers, so the index follows any edit.
    f"""CREATE VIRTUAL TABLE statements_fts USING fts5 (
        text, speaker_name, content='statements', content_rowid='pk', columnsize=0,
        tokenize='{_TOKENIZE}')""",
    """CREATE TRIGGER statements_ad AFTER DELETE ON statements BEGIN
        INSERT INTO statements_fts (statements_fts, rowid, text, speaker_name)
        VALUES ('delete', old.pk, old.text, old.speaker_name); END""",
    """CREATE TRIGGER statements_au AFTER UPDATE ON statements BEGIN
        INSERT INTO statements_fts (statements_fts, rowid, text, speaker_name)
        VALUES ('delete', old.pk, old.text, old.speaker_name);
        INSERT INTO statements_fts (rowid, text, speaker_name)
        VALUES (new.pk, new.text, new.speaker_name); END""",
    f"""CREATE VIRTUAL TABLE articles_fts USING fts5 (
        title, text, content='articles', content_rowid='pk', columnsize=0,
        tokenize='{_TOKENIZE}')""",
    """CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, text) VALUES (new.pk, new.title, new.text); END""",
    """CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text)
        VALUES ('delete', old.pk, old.title, old.text); END""",
    """CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text)
        VALUES ('delete', old.pk, old.title, old.text);
        INSERT INTO articles_fts (rowid, title, text) VALUES (new.pk, new.title, new.text); END""",
]

# Web inputs: who wrote the article, the page's own address and the language it is in.
WEB_SOURCES = [
    "ALTER TABLE articles ADD COLUMN author TEXT",
    "ALTER TABLE articles ADD COLUMN canonical_url TEXT",
    "ALTER TABLE articles ADD COLUMN language TEXT",
    "CREATE INDEX articles_language ON articles (language)",
]

# 0009: the statements that repeat another (a headline over the body quote) in a full-text
# index of their own. Search counts each statement once, so a text query's total was
# "matches NOT IN repeats": a set probe per match, 3 to 5 times the cost of FTS5 counting the
# matches alone (30 ms for a word in 137,000 statements of 100,000 articles). Now it is
# count(matches) - count(matching repeats), both counted by FTS5. Repeats are about one row in
# 700; the writer adds new ones (_index_statements), triggers follow deletes and updates.
REPEATS_FTS = migration(
    "0009_repeats_fts",
    f"""CREATE VIRTUAL TABLE repeats_fts USING fts5 (
        text, speaker_name, content='statements', content_rowid='pk', columnsize=0,
        tokenize='{_TOKENIZE}')""",
    "INSERT INTO repeats_fts (rowid, text, speaker_name) "
    "SELECT pk, text, speaker_name FROM statements WHERE repeats IS NOT NULL",
    """CREATE TRIGGER statements_repeats_ad AFTER DELETE ON statements
        WHEN old.repeats IS NOT NULL BEGIN
        INSERT INTO repeats_fts (repeats_fts, rowid, text, speaker_name)
        VALUES ('delete', old.pk, old.text, old.speaker_name); END""",
    # One trigger, so the old row leaves the index before the new one enters it.
    """CREATE TRIGGER statements_repeats_au AFTER UPDATE ON statements BEGIN
        INSERT INTO repeats_fts (repeats_fts, rowid, text, speaker_name)
        SELECT 'delete', old.pk, old.text, old.speaker_name WHERE old.repeats IS NOT NULL;
        INSERT INTO repeats_fts (rowid, text, speaker_name)
        SELECT new.pk, new.text, new.speaker_name WHERE new.repeats IS NOT NULL; END""",
)

# 0012: the columns a text query's facets count, in key order, so the sampled matches (the
# newest 1,000) are read from a narrow index instead of 1,000 statement rows on as many
# pages (3-4 ms of a common word's facets on 100,000 articles; the index, 25-30% less). The
# planner prefers the rowid, so the facet query names this index (analysis.FACET_INDEX).
FACET_INDEX = migration(
    "0012_facet_index",
    "CREATE INDEX statements_facets ON statements (pk, repeats, speaker_id, outlet_key, kind)",
)

MIGRATIONS: tuple[Migration, ...] = (
    migration("0001_initial_schema", *SCHEMA_V1),
    DATES_AND_REPEATS,
    migration("0003_relate", *claims_schema("REAL"), *relations_schema()),
    migration("0004_web_sources", *WEB_SOURCES),
    migration("0005_statement_cluster", *CLUSTER_SCHEMA),
    migration("0006_groups_occasions", *groups_occasions_schema()),
    day_counts(" WITHOUT ROWID"),
    PROFILE_INDEXES,
    REPEATS_FTS,
    pair_days(" WITHOUT ROWID"),
    migration("0011_cluster_summary", *SUMMARY_SCHEMA),
    FACET_INDEX,
)


class _Exec:
    """Executor over one sqlite3 connection (already ``?``-style)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.conn.execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self.conn.executemany(sql, rows)

    def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        cur = self.conn.cursor()
        cur.row_factory = None  # plain tuples, whatever the connection's factory
        return cur.execute(sql, params).fetchall()


def _dict_row(cursor: sqlite3.Cursor, row: tuple[Any, ...]) -> dict[str, Any]:
    return {d[0]: v for d, v in zip(cursor.description, row)}


class SQLiteStore(Store):
    """A store in one SQLite file (see the module docstring)."""

    backend = "sqlite"
    # highlight() scans the key range of a page for at most 4 matches a key plus this many
    highlight_slack = 50

    def __init__(self, path: str | os.PathLike[str], *, create: bool = True) -> None:
        super().__init__()
        self.path = Path(path)
        self._uri: str | None = None
        self._token_lock = threading.Lock()
        self._token_conn: sqlite3.Connection | None = None
        if str(path) == ":memory:":
            # One private in-memory database shared by this store's connections (tests,
            # throw-away analyses); it lives as long as the store is open.
            self._uri = f"file:quotegraph-{uuid.uuid4().hex}?mode=memory&cache=shared"
        elif not self.path.exists():
            if not create:
                raise StoreError(f"no database at {self.path} (run 'quotegraph ingest' first)")
            if not self.path.parent.is_dir():
                raise StoreError(f"cannot create {self.path}: folder "
                                 f"{self.path.parent} does not exist")
        try:
            conn = self._conn()
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()
            log.debug("opened %s (journal_mode=%s)", self.path, mode)
            self._migrate(conn)
        except sqlite3.DatabaseError as e:
            self.close()
            raise StoreError(f"cannot open {self.path} as a quotegraph database: {e}") from e

    def __repr__(self) -> str:
        return f"SQLiteStore({str(self.path)!r})"

    def _connect(self) -> sqlite3.Connection:
        try:
            if self._uri:
                conn = sqlite3.connect(self._uri, uri=True, isolation_level=None,
                                       check_same_thread=False, timeout=60)
            else:
                conn = sqlite3.connect(self.path, isolation_level=None,
                                       check_same_thread=False, timeout=60)
        except sqlite3.Error as e:
            raise StoreError(f"cannot open {self.path}: {e}") from e
        conn.row_factory = _dict_row
        # NORMAL is durable across application crashes in WAL mode (only an OS crash can
        # lose the last commits), and makes each batch commit cheap.
        conn.execute("PRAGMA synchronous = NORMAL")
        # Index and FTS pages stay hot as a store grows past a million statements: with 128 MB
        # the writer slowed to a third of its speed around 80,000 articles.
        conn.execute("PRAGMA cache_size = -524288")  # 512 MB, allocated only as used
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA mmap_size = 2147483648")
        conn.execute("PRAGMA wal_autocheckpoint = 20000")
        return conn

    def _migrate(self, conn: sqlite3.Connection) -> None:
        conn.execute(MIGRATIONS_TABLE)
        applied = {r["name"] for r in conn.execute("SELECT name FROM migrations")}
        for m in pending(applied, MIGRATIONS):
            log.info("applying migration %s to %s", m.name, self.path)
            conn.execute("BEGIN IMMEDIATE")
            try:
                # Another process may have applied it while we waited for the lock.
                if conn.execute("SELECT 1 FROM migrations WHERE name = ?", (m.name,)).fetchone():
                    conn.execute("COMMIT")
                    continue
                for step in m.steps:
                    if callable(step):
                        step(_Exec(conn))
                    else:
                        conn.execute(step)
                conn.execute("INSERT INTO migrations (name, applied_at) VALUES (?, ?)",
                             (m.name, now()))
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise

    def data_token(self) -> int | None:
        """``PRAGMA data_version`` of a connection used for nothing else, so it changes when
        any other connection commits: this store's writer, another thread's, another
        process's. Read before the data it guards, so nothing kept under a token is older
        than the token."""
        if self._uri:  # in-memory: not worth a connection of its own
            return None
        with self._token_lock:
            try:
                if self._token_conn is None:
                    uri = "file:" + quote(str(self.path.resolve())) + "?mode=ro"
                    self._token_conn = sqlite3.connect(uri, uri=True, check_same_thread=False,
                                                       timeout=5)
                return self._token_conn.execute("PRAGMA data_version").fetchone()[0]
            except sqlite3.Error:
                return None

    def close(self) -> None:
        with self._token_lock:
            if self._token_conn is not None:
                self._token_conn.close()
                self._token_conn = None
        super().close()

    @contextmanager
    def _write(self) -> Iterator[_Exec]:
        conn = self._conn()
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:
            raise StoreError(f"cannot write to {self.path}: {e}") from e
        try:
            yield _Exec(conn)
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        try:
            conn.execute("COMMIT")
        except sqlite3.Error as e:
            raise StoreError(f"cannot commit to {self.path}: {e}") from e

    def _index_statements(self, cur: Any, statements: Sequence[tuple[Any, ...]]) -> None:
        # Keyed rows: (pk, id, article_id, kind, start, end, text, speaker_id, speaker_name...)
        cur.executemany("INSERT INTO statements_fts (rowid, text, speaker_name) VALUES (?, ?, ?)",
                        [(r[0], r[6], r[8]) for r in statements])
        repeats = [(r[0], r[6], r[8]) for r in statements if r[_REPEATS] is not None]
        if repeats:
            cur.executemany("INSERT INTO repeats_fts (rowid, text, speaker_name) "
                            "VALUES (?, ?, ?)", repeats)

    def after_ingest(self, report: Any) -> None:
        # Without statistics SQLite may walk the 3-valued kind index instead of the speaker
        # index. ANALYZE takes about a second per million statements, so it runs only when
        # the store grew or shrank by a quarter since the last one.
        if not (report.added or report.updated):
            return
        conn = self._conn()
        found = conn.execute("SELECT statements FROM facet_counts "
                             "WHERE facet = 'all' AND value = ''").fetchone()
        now_rows = found["statements"] if found else 0
        stat = None
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone():
            stat = conn.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = 'statements' "
                                "AND idx = 'statements_speaker'").fetchone()
        before = int(stat["stat"].split()[0]) if stat else -1
        if before < 0 or not 0.8 * before <= now_rows <= 1.25 * before:
            log.debug("analyzing %s (%d statements, %d at the last analysis)", self.path,
                      now_rows, before)
            conn.execute("PRAGMA analysis_limit = 0")  # sampled stats misjudge the kind index
            conn.execute("ANALYZE")

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        try:
            return self._conn().execute(sql, params).fetchall()
        except sqlite3.Error as e:
            raise StoreError(f"query failed on {self.path}: {e}") from e

    def tuples(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            return _Exec(self._conn()).fetchall(sql, params)
        except sqlite3.Error as e:
            raise StoreError(f"query failed on {self.path}: {e}") from e

    def fts_condition(self, q: str, *, lo: int | None = None,
                      hi: int | None = None) -> tuple[str, list[Any]] | None:
        expr = fts.to_fts5(q)
        if expr is None:
            return None
        sub, params = self._fts_where(expr, lo, hi)
        return f"s.pk IN (SELECT rowid FROM statements_fts WHERE {sub})", params

    @staticmethod
    def _fts_where(expr: str, lo: int | None, hi: int | None,
                   table: str = "statements_fts") -> tuple[str, list[Any]]:
        # FTS5 applies rowid bounds inside its index scan, and rowids are statement keys.
        sql, params = f"{table} MATCH ?", [expr]
        if lo is not None:
            sql += " AND rowid >= ?"
            params.append(lo)
        if hi is not None:
            sql += " AND rowid < ?"
            params.append(hi)
        return sql, params

    def _fts_once(self, q: str, lo: int | None, hi: int | None) -> tuple[str, list[Any]]:
        # A query with no positive term matches nothing: the empty phrase says so to FTS5
        # (callers skip such queries before; build_where marks them empty).
        sub, params = self._fts_where(fts.to_fts5(q) or '""', lo, hi)
        # Statements that repeat another are counted once, as the one they repeat (see
        # quotegraph.query.search_statements); the partial index lists them.
        return sub + " AND rowid NOT IN (SELECT pk FROM statements WHERE repeats IS NOT NULL)", params

    def fts_newest(self, q: str, *, lo: int | None, hi: int | None,
                   limit: int) -> tuple[str, list[Any]]:
        """SQL (and its parameters) selecting the keys of the newest ``limit`` statements
        matching ``q``, repeats left out: FTS5 walks its index in rowid (= key) order, so
        the scan stops after ``limit`` matches however common the words are."""
        sub, params = self._fts_once(q, lo, hi)
        return (f"SELECT rowid FROM statements_fts WHERE {sub} ORDER BY rowid DESC LIMIT ?",
                [*params, limit])

    def fts_page(self, q: str, *, lo: int | None, hi: int | None, limit: int,
                 offset: int) -> tuple[int, list[int]] | None:
        expr = fts.to_fts5(q)
        if expr is None:
            return 0, []
        # Each statement once: all matches less the matching repeats (see REPEATS_FTS).
        every, params = self._fts_where(expr, lo, hi)
        again, again_params = self._fts_where(expr, lo, hi, "repeats_fts")
        total = self.one(f"SELECT (SELECT count(*) FROM statements_fts WHERE {every}) - "
                         f"(SELECT count(*) FROM repeats_fts WHERE {again}) AS n",
                         (*params, *again_params))["n"]
        sub, params = self._fts_once(q, lo, hi)
        keys = [r["rowid"] for r in self.rows(
            f"SELECT rowid FROM statements_fts WHERE {sub} ORDER BY rowid DESC LIMIT ? OFFSET ?",
            (*params, limit, offset))] if limit and offset < total else []
        return total, keys

    def highlight(self, pks: Sequence[int], q: str) -> dict[int, str]:
        expr = fts.to_fts5(q)
        if expr is None or not pks:
            return {}
        out: dict[int, str] = {}
        sql = ("SELECT rowid AS pk, highlight(statements_fts, 0, ?, ?) AS marked "
               "FROM statements_fts WHERE statements_fts MATCH ? ")
        for part in chunks(sorted(set(pks))):
            # A page of search hits is a run of neighbouring matches: one scan of the key
            # range between its ends (at most `bound` matches) answers it. "rowid IN (...)"
            # ran the match once per key, ten times slower for a common word.
            bound = 4 * len(part) + self.highlight_slack
            want = set(part)
            rows = self.rows(sql + "AND rowid >= ? AND rowid <= ? LIMIT ?",
                             [MARK_OPEN, MARK_CLOSE, expr, part[0], part[-1], bound])
            for r in rows:
                if r["pk"] in want:
                    out[r["pk"]] = r["marked"]
            missing = [pk for pk in part if pk not in out]
            if missing and len(rows) == bound:  # keys spread far apart: look each one up
                for r in self.rows(sql + f"AND rowid IN ({placeholders(len(missing))})",
                                   [MARK_OPEN, MARK_CLOSE, expr, *missing]):
                    out[r["pk"]] = r["marked"]
        return out

    def db_size(self) -> int:
        if self._uri:
            row = self.one("SELECT page_count * page_size AS n FROM pragma_page_count(), "
                           "pragma_page_size()")
            return int(row["n"]) if row else 0
        size = 0
        for suffix in ("", "-wal"):
            p = Path(str(self.path) + suffix)
            if p.exists():
                size += p.stat().st_size
        return size

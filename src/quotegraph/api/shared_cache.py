"""The response cache's entries in one SQLite file shared by all workers of ``serve``.

Why: ``serve --workers N`` runs N processes, each with the in-memory cache of
:mod:`quotegraph.api.cache`; a repeat then hits only when it reaches the worker that answered
it first (about half the time with two workers). With the entries in one small file, a repeat
hits whichever worker gets it.

Exactness: entries are tagged with a *generation*, one counter in the file. Every worker reads
the store's ``PRAGMA data_version`` on each cacheable request, as the in-memory cache does;
when it sees a change (any commit to the store, by any process), or when it starts, it adds
one to the generation before it reads or stores anything. So an entry computed before a commit
carries an older generation than any worker uses once that worker has seen the commit, and
every worker sees it at its next request. The generation is read afresh per request (with the
entry, in one query), so workers share entries however the generation moved.

The file lives in a private temporary folder made by ``serve`` for one run; losing it loses
nothing but speed (``synchronous=OFF``). Any error reading or writing it counts as a miss.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from typing import Any

log = logging.getLogger(__name__)

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS generation (n INTEGER NOT NULL)",
    "INSERT INTO generation (n) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM generation)",
    "CREATE TABLE IF NOT EXISTS entries (key BLOB PRIMARY KEY, generation INTEGER NOT NULL, "
    "status INTEGER NOT NULL, headers TEXT NOT NULL, body BLOB NOT NULL)",
)
TRIM_EVERY = 64  # stores between two trims of old generations and the oldest entries


class SharedEntries:
    """Cache entries in the SQLite file ``path`` (created if missing), at most ``max_entries``
    (the oldest stored go first), for one worker whose store version is ``version``.

    Opening starts a new generation: a worker starting has no earlier version to compare
    with, and whatever the file holds may predate a commit.
    """

    def __init__(self, path: str, version: Any, *, max_entries: int) -> None:
        self.path = path
        self.max_entries = max_entries
        self._lock = threading.Lock()
        self._stores = 0
        self._version = version
        self._seen = version.current()  # the store version the generation last moved for
        self._conn = sqlite3.connect(path, timeout=2, check_same_thread=False,
                                     isolation_level=None)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=OFF")
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                for sql in SCHEMA:
                    self._conn.execute(sql)
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
        self.bump()

    def bump(self) -> None:
        """A new generation: nothing stored so far is served again."""
        with self._lock:
            self._conn.execute("UPDATE generation SET n = n + 1")

    def lookup(self, key: bytes, version: Any) -> tuple[int, tuple[int, list, bytes] | None]:
        """(the current generation, the entry for ``key`` of that generation or None), given
        the store's ``version`` read for this request: a new generation first if the store
        changed since this worker last looked."""
        with self._lock:
            if version != self._seen:
                self._conn.execute("UPDATE generation SET n = n + 1")
                self._seen = version
            row = self._conn.execute(
                "SELECT g.n, e.status, e.headers, e.body FROM generation g "
                "LEFT JOIN entries e ON e.key = ? AND e.generation = g.n", (key,)).fetchone()
        if row[1] is None:
            return row[0], None
        headers = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in json.loads(row[2])]
        return row[0], (row[1], headers, row[3])

    def store(self, key: bytes, generation: int, status: int, headers: list,
              body: bytes) -> None:
        """Keep an answer computed under ``generation`` (skipped if that has passed)."""
        names = json.dumps([(k.decode("latin-1"), v.decode("latin-1")) for k, v in headers])
        with self._lock:
            self._conn.execute(
                "INSERT OR REPLACE INTO entries (key, generation, status, headers, body) "
                "SELECT ?, ?, ?, ?, ? FROM generation WHERE n = ?",
                (key, generation, status, names, body, generation))
            self._stores += 1
            if self._stores % TRIM_EVERY == 0:
                self._conn.execute("DELETE FROM entries WHERE generation < "
                                   "(SELECT n FROM generation)")
                self._conn.execute("DELETE FROM entries WHERE rowid <= "
                                   "(SELECT max(rowid) FROM entries) - ?", (self.max_entries,))

    def close(self) -> None:
        with self._lock:
            self._conn.close()

"""A response cache for ``GET /api/...``, dropped whenever the database changes.

Why: a news store is read far more often than written, and the same searches, profiles,
timelines and networks are asked again and again (the UI's links, many clients polling one
dashboard). Answering a repeat from memory costs microseconds instead of a query plan.

Exactness: an entry is kept with the database's *data version* read before the response was
computed, and only served while that version is unchanged. For SQLite the version is
``PRAGMA data_version`` on a connection of the cache's own, which changes whenever any other
connection, in this process or another (``quotegraph ingest`` running beside the server),
commits; an ``ingest`` through this server also bumps a local counter. Backends without such a
cheap version (PostgreSQL) are not cached. Only 200 responses to GETs without a body are kept,
small ones (under ``max_body`` bytes), at most ``max_entries``, least recently used out first.
Answers to cacheable requests carry ``X-Cache: hit`` or ``X-Cache: miss``. Under
``serve --workers N`` the entries live in one file for all workers instead of in each
worker's memory (:mod:`quotegraph.api.shared_cache`).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any
from urllib.parse import quote

from quotegraph.api.shared_cache import SharedEntries

log = logging.getLogger(__name__)

DEFAULT_ENTRIES = 4096
# Every cacheable answer says whether it came from the cache, so a load test counts real hits.
HIT = (b"x-cache", b"hit")
MISS = (b"x-cache", b"miss")
DEFAULT_MAX_BODY = 512 * 1024


class DataVersion:
    """A cheap token that changes whenever the database's content may have changed."""

    def __init__(self, db: Any) -> None:
        self._lock = threading.Lock()
        self._local = 0
        self._conn: sqlite3.Connection | None = None
        path = str(db)
        if path != ":memory:" and "://" not in path:
            try:
                # quoted: a '?', '#' or '%' in the file name would otherwise end the path
                uri = "file:" + quote(str(Path(path).resolve())) + "?mode=ro"
                self._conn = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=5)
            except sqlite3.Error:
                self._conn = None

    @property
    def enabled(self) -> bool:
        return self._conn is not None

    def bump(self) -> None:
        """Invalidate everything cached so far (a write through this process)."""
        with self._lock:
            self._local += 1

    def current(self) -> tuple[int, int] | None:
        """The token, or None when it cannot be read (then nothing is cached or served)."""
        if self._conn is None:
            return None
        with self._lock:
            try:
                row = self._conn.execute("PRAGMA data_version").fetchone()
            except sqlite3.Error:
                return None
            return (row[0], self._local)

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None


class ResponseCache:
    """ASGI middleware serving repeated ``GET /api/*`` requests from memory (see module doc)."""

    def __init__(self, app: Any, *, version: DataVersion, max_entries: int = DEFAULT_ENTRIES,
                 max_body: int = DEFAULT_MAX_BODY, shared: SharedEntries | None = None) -> None:
        self.app = app
        self.version = version
        self.max_entries = max_entries
        self.max_body = max_body
        # With ``shared`` the entries live in one file for all workers of a server.
        self.shared = shared
        self._entries: OrderedDict[bytes, tuple[Any, int, list, bytes]] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def _cacheable(self, scope: Any) -> bool:
        if scope["type"] != "http" or scope.get("method") != "GET":
            return False
        path = scope.get("path", "")
        if not path.startswith("/api/"):
            return False
        # Anything that varies by credentials or origin is computed afresh.
        return not any(k in (b"authorization", b"cookie", b"origin")
                       for k, _ in scope.get("headers", ()))

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if not self.version.enabled or not self._cacheable(scope):
            await self.app(scope, receive, send)
            return
        token = self.version.current()
        if token is None:
            await self.app(scope, receive, send)
            return
        key = scope.get("raw_path") or scope["path"].encode()
        key = key + b"?" + scope.get("query_string", b"")
        if self.shared is not None:
            try:
                token, entry = self._shared_lookup(token, key)
            except sqlite3.Error as e:
                log.debug("shared response cache: %s", e)
                await self.app(scope, receive, send)
                return
            if entry is not None:
                await self._answer(send, *entry)
                return
            await self._compute(scope, receive, send, key, token)
            return
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and entry[0] == token:
                self._entries.move_to_end(key)
                self.hits += 1
            else:
                entry = None
                self.misses += 1
        if entry is not None:
            await self._answer(send, *entry[1:])
            return
        await self._compute(scope, receive, send, key, token)

    def _shared_lookup(self, version: Any, key: bytes) -> tuple[int, Any]:
        assert self.shared is not None
        generation, entry = self.shared.lookup(key, version)
        with self._lock:
            if entry is None:
                self.misses += 1
            else:
                self.hits += 1
        return generation, entry

    @staticmethod
    async def _answer(send: Any, status: int, headers: list, body: bytes) -> None:
        await send({"type": "http.response.start", "status": status,
                    "headers": [*headers, HIT]})
        await send({"type": "http.response.body", "body": body})

    async def _compute(self, scope: Any, receive: Any, send: Any, key: bytes,
                       token: Any) -> None:
        """Answer through the app, keeping a 200 answer under ``token``."""
        start: dict[str, Any] = {}
        parts: list[bytes] = []
        keep = [True]

        async def capture(message: Any) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
                keep[0] = message.get("status") == 200
                message = {**message, "headers": [*message.get("headers", ()), MISS]}
            elif message["type"] == "http.response.body" and keep[0]:
                parts.append(message.get("body", b""))
                if sum(map(len, parts)) > self.max_body:
                    keep[0] = False
                    parts.clear()
                elif not message.get("more_body", False):
                    self._store(key, token, start, b"".join(parts))
            await send(message)

        await self.app(scope, receive, capture)

    def _store(self, key: bytes, token: Any, start: dict[str, Any], body: bytes) -> None:
        if self.shared is not None:
            try:
                self.shared.store(key, token, start["status"], list(start.get("headers", ())),
                                  body)
            except sqlite3.Error as e:  # busy or full: this answer is simply not kept
                log.debug("shared response cache: %s", e)
            return
        with self._lock:
            self._entries[key] = (token, start["status"], list(start.get("headers", ())), body)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

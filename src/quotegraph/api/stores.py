"""The app's handle on its database.

:class:`~quotegraph.store.Store` is safe to share between threads (each thread reads through
its own connection and writes are serialised), so the app opens one store, lazily, and closes
it when the app shuts down.
"""

from __future__ import annotations

import logging
import os
import threading
from typing import Any

from quotegraph.errors import QuotegraphError, StoreError

log = logging.getLogger(__name__)


class StoreHandles:
    """Opens the database on first use (``create=False``: never a new file) and closes it."""

    def __init__(self, db: str | os.PathLike[str]) -> None:
        self.db = db
        self._store: Any = None
        self._lock = threading.Lock()

    def get(self) -> Any:
        """The shared open store."""
        if self._store is None:
            with self._lock:
                if self._store is None:
                    from quotegraph.store import open_store

                    try:
                        self._store = open_store(self.db, create=False)
                    except QuotegraphError:
                        raise
                    except Exception as e:  # a backend error not wrapped yet: name the database
                        raise StoreError(f"cannot open database {self.db!s}: {e}") from e
        return self._store

    def close(self) -> None:
        with self._lock:
            store, self._store = self._store, None
        if store is not None:
            store.close()

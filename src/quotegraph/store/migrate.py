"""Named, transactional, recorded migrations.

A migration is a name and a list of SQL statements (or a function taking an executor). Each
runs once, inside one transaction together with the row that records it in ``migrations``, so a
crash halfway leaves the database as it was and the next open retries the migration.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Migration:
    name: str
    steps: tuple[str | Callable[[Any], None], ...]


def migration(name: str, *steps: str | Callable[[Any], None]) -> Migration:
    return Migration(name=name, steps=steps)


MIGRATIONS_TABLE = (
    "CREATE TABLE IF NOT EXISTS migrations ("
    "name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
)


def pending(applied: set[str], migrations: Sequence[Migration]) -> list[Migration]:
    names = [m.name for m in migrations]
    if len(set(names)) != len(names):  # a programming error, caught by the tests
        raise ValueError(f"duplicate migration names in {names}")
    return [m for m in migrations if m.name not in applied]


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")

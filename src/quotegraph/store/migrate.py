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


# 0002: how an article's date was found and what disagreed with it (segment.metadata), and the
# statement another statement of the same article repeats (attribute.repeats). The same SQL
# runs on SQLite and PostgreSQL. Repeats are few, so a partial index finds them all at once
# for the aggregates that count each statement once.
DATES_AND_REPEATS = migration(
    "0002_dates_and_repeats",
    "ALTER TABLE articles ADD COLUMN published_how TEXT",
    "ALTER TABLE articles ADD COLUMN date_conflict TEXT",
    "ALTER TABLE statements ADD COLUMN repeats TEXT",
    "CREATE INDEX statements_repeats ON statements (pk) WHERE repeats IS NOT NULL",
)


def pending(applied: set[str], migrations: Sequence[Migration]) -> list[Migration]:
    names = [m.name for m in migrations]
    if len(set(names)) != len(names):  # a programming error, caught by the tests
        raise ValueError(f"duplicate migration names in {names}")
    return [m for m in migrations if m.name not in applied]


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")

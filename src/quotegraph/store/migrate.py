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


# 0006: statements per speaker per day and per actor per day (day = key >> 40, 0 = undated),
# kept by every write like the other counts (store.aggregates), filled here from the rows
# already stored. Timelines and profiles read a few hundred of these instead of grouping every
# statement of their top speakers (the unfiltered timeline took 435 ms on 100,000 articles).
# The partial index counts and facets "speaker (+ kind)" from the index alone: every count
# leaves repeats out, which otherwise meant reading each statement row.
def day_counts(without_rowid: str = "") -> Migration:
    return migration(
        "0007_day_counts",
        "CREATE TABLE speaker_days (speaker_id TEXT NOT NULL, day INTEGER NOT NULL, "
        f"statements INTEGER NOT NULL, PRIMARY KEY (speaker_id, day)){without_rowid}",
        "CREATE INDEX speaker_days_day ON speaker_days (day, speaker_id, statements)",
        "CREATE TABLE actor_days (actor_id TEXT NOT NULL, day INTEGER NOT NULL, "
        f"statements INTEGER NOT NULL, PRIMARY KEY (actor_id, day)){without_rowid}",
        "CREATE INDEX actor_days_day ON actor_days (day, actor_id, statements)",
        "INSERT INTO speaker_days (speaker_id, day, statements) "
        "SELECT speaker_id, pk >> 40, count(*) FROM statements "
        "WHERE speaker_id IS NOT NULL AND repeats IS NULL GROUP BY speaker_id, pk >> 40",
        "INSERT INTO actor_days (actor_id, day, statements) "
        "SELECT sa.actor_id, sa.statement_pk >> 40, count(*) FROM statement_about sa "
        "JOIN statements s ON s.pk = sa.statement_pk WHERE s.repeats IS NULL "
        "GROUP BY sa.actor_id, sa.statement_pk >> 40",
        "CREATE INDEX statements_once_speaker ON statements (speaker_id, kind, outlet_key) "
        "WHERE repeats IS NULL",
        # Statements about one actor, by kind, outlet and co-actor, and their speaker -> actor
        # edges: the facets and network of "about=X" (the network took 275 ms for a common X).
        "CREATE TABLE about_facets (actor_id TEXT NOT NULL, facet TEXT NOT NULL, "
        "value TEXT NOT NULL, statements INTEGER NOT NULL, "
        f"PRIMARY KEY (actor_id, facet, value)){without_rowid}",
        "CREATE TABLE about_edges (actor_id TEXT NOT NULL, speaker_id TEXT NOT NULL, "
        "target_id TEXT NOT NULL, statements INTEGER NOT NULL, "
        f"PRIMARY KEY (actor_id, speaker_id, target_id)){without_rowid}",
        "CREATE INDEX about_edges_weight ON about_edges (actor_id, statements)",
        "INSERT INTO about_facets (actor_id, facet, value, statements) "
        "SELECT sa.actor_id, 'kind', s.kind, count(*) FROM statement_about sa "
        "JOIN statements s ON s.pk = sa.statement_pk WHERE s.repeats IS NULL "
        "GROUP BY sa.actor_id, s.kind",
        "INSERT INTO about_facets (actor_id, facet, value, statements) "
        "SELECT sa.actor_id, 'outlet', s.outlet_key, count(*) FROM statement_about sa "
        "JOIN statements s ON s.pk = sa.statement_pk WHERE s.repeats IS NULL "
        "AND s.outlet_key IS NOT NULL GROUP BY sa.actor_id, s.outlet_key",
        "INSERT INTO about_facets (actor_id, facet, value, statements) "
        "SELECT sa.actor_id, 'about', sb.actor_id, count(*) FROM statement_about sa "
        "JOIN statements s ON s.pk = sa.statement_pk "
        "JOIN statement_about sb ON sb.statement_pk = s.pk WHERE s.repeats IS NULL "
        "GROUP BY sa.actor_id, sb.actor_id",
        "INSERT INTO about_edges (actor_id, speaker_id, target_id, statements) "
        "SELECT sa.actor_id, s.speaker_id, sb.actor_id, count(*) FROM statement_about sa "
        "JOIN statements s ON s.pk = sa.statement_pk "
        "JOIN statement_about sb ON sb.statement_pk = s.pk WHERE s.repeats IS NULL "
        "AND s.speaker_id IS NOT NULL GROUP BY sa.actor_id, s.speaker_id, sb.actor_id",
    )


# 0007: a speaker's statements that count (not repeats), newest first, and their roles,
# from the index alone: a profile's role list and "latest" read every statement row of the
# speaker otherwise (235 ms for the most quoted speaker of 100,000 articles).
PROFILE_INDEXES = migration(
    "0008_profile_indexes",
    "CREATE INDEX statements_once_by_speaker ON statements (speaker_id) WHERE repeats IS NULL",
    "CREATE INDEX statements_once_role ON statements (speaker_id, speaker_role) "
    "WHERE repeats IS NULL",
    # The full (speaker, kind) and (speaker, role) indexes looked as good to the planner and
    # won, reading every row to test repeats; the partial ones above and in 0006 replace them.
    "DROP INDEX statements_speaker_kind",
    "DROP INDEX statements_speaker_role",
    # Fresh statistics, or the planner judges the new indexes by guesswork.
    "ANALYZE statements",
)


# 0010: statements per speaker -> actor edge per day (day = key >> 40, 0 = undated), kept by
# every write like speaker_days. A network over a date range sums these for the days in the
# range instead of joining every statement of the range to its actors (60-84 ms for 90 days of
# 100,000 articles). Keyed by day first: a range is one stretch of the table.
def pair_days(without_rowid: str = "") -> Migration:
    return migration(
        "0010_pair_days",
        "CREATE TABLE pair_days (day INTEGER NOT NULL, speaker_id TEXT NOT NULL, "
        "actor_id TEXT NOT NULL, statements INTEGER NOT NULL, "
        f"PRIMARY KEY (day, speaker_id, actor_id)){without_rowid}",
        "INSERT INTO pair_days (day, speaker_id, actor_id, statements) "
        "SELECT sa.statement_pk >> 40, s.speaker_id, sa.actor_id, count(*) "
        "FROM statement_about sa JOIN statements s ON s.pk = sa.statement_pk "
        "WHERE s.repeats IS NULL AND s.speaker_id IS NOT NULL GROUP BY 1, 2, 3",
    )


def pending(applied: set[str], migrations: Sequence[Migration]) -> list[Migration]:
    names = [m.name for m in migrations]
    if len(set(names)) != len(names):  # a programming error, caught by the tests
        raise ValueError(f"duplicate migration names in {names}")
    return [m for m in migrations if m.name not in applied]


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")

"""Migration 0003: the tables of the relate stage, numeric claims and relations.

Rows point at their statement by ``(article_id, stmt_start, stmt_end)``, which the unique
``statements_span`` index already serves, so the writer needs no statement keys for them and
re-ingesting an article replaces them with its statements. The same SQL serves SQLite and
PostgreSQL; only the float type differs.
"""

from __future__ import annotations

CLAIM_COLUMNS = (
    "article_id", "stmt_start", "stmt_end", "seq", "start", "end", "text", "value",
    "value_max", "unit", "currency", "approx", "change", "measure", "measure_start",
    "measure_end", "period", "period_start", "period_end",
)


def claims_schema(real: str) -> list[str]:
    """``CREATE`` statements for the claims table; ``real`` is the backend's float type."""
    return [
        f"""CREATE TABLE claims (
            article_id TEXT NOT NULL REFERENCES articles (id),
            stmt_start INTEGER NOT NULL, stmt_end INTEGER NOT NULL, seq INTEGER NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
            value {real} NOT NULL, value_max {real}, unit TEXT NOT NULL, currency TEXT,
            approx TEXT, change TEXT,
            measure TEXT, measure_start INTEGER, measure_end INTEGER,
            period TEXT, period_start INTEGER, period_end INTEGER,
            PRIMARY KEY (article_id, stmt_start, stmt_end, seq))""",
        "CREATE INDEX claims_unit ON claims (unit, currency, value)",
    ]


RELATION_COLUMNS = (
    "article_id", "stmt_start", "stmt_end", "seq", "type", "plover", "trigger", "trigger_start",
    "trigger_end", "target", "target_start", "target_end", "target_id", "collective",
    "affected", "affected_start", "affected_end",
)


def relations_schema() -> list[str]:
    """``CREATE`` statements for the relations table (the same on both backends)."""
    return [
        """CREATE TABLE relations (
            article_id TEXT NOT NULL REFERENCES articles (id),
            stmt_start INTEGER NOT NULL, stmt_end INTEGER NOT NULL, seq INTEGER NOT NULL,
            type TEXT NOT NULL, plover TEXT NOT NULL,
            "trigger" TEXT NOT NULL, trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL,
            target TEXT NOT NULL, target_start INTEGER NOT NULL, target_end INTEGER NOT NULL,
            target_id TEXT, collective INTEGER NOT NULL,
            affected TEXT, affected_start INTEGER, affected_end INTEGER,
            PRIMARY KEY (article_id, stmt_start, stmt_end, seq))""",
        "CREATE INDEX relations_type ON relations (type, plover)",
        "CREATE INDEX relations_target ON relations (target_id)",
    ]


# Migration 0006: the lists of actors a statement names together, and its occasion. A group's
# members are kept as JSON (their words, offsets, ids and names) and its known ids as a JSON
# list, so a group reads back whole; one occasion at most per statement.
GROUP_COLUMNS = ("article_id", "stmt_start", "stmt_end", "seq", "start", "end", "text", "ids",
                 "members")
OCCASION_COLUMNS = ("article_id", "stmt_start", "stmt_end", "start", "end", "text", "kind",
                    "venue", "venue_start", "venue_end")


def groups_occasions_schema() -> list[str]:
    """``CREATE`` statements for the actor_groups and occasions tables (both backends)."""
    return [
        """CREATE TABLE actor_groups (
            article_id TEXT NOT NULL REFERENCES articles (id),
            stmt_start INTEGER NOT NULL, stmt_end INTEGER NOT NULL, seq INTEGER NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
            ids TEXT NOT NULL, members TEXT NOT NULL,
            PRIMARY KEY (article_id, stmt_start, stmt_end, seq))""",
        """CREATE TABLE occasions (
            article_id TEXT NOT NULL REFERENCES articles (id),
            stmt_start INTEGER NOT NULL, stmt_end INTEGER NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
            kind TEXT NOT NULL, venue TEXT, venue_start INTEGER, venue_end INTEGER,
            PRIMARY KEY (article_id, stmt_start, stmt_end))""",
        "CREATE INDEX occasions_kind ON occasions (kind)",
    ]

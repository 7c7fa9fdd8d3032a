"""Opening stores, migrations, SQLite settings and the Datasette metadata."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from test_store_support import any_store, story  # noqa: F401 - fixture

import quotegraph.store.sqlite as sqlite_backend
from quotegraph import query as Q
from quotegraph.errors import StoreError
from quotegraph.store import open_store
from quotegraph.store.migrate import migration

METADATA = (Path(__file__).resolve().parents[1] / "src" / "quotegraph" / "data" / "datasette"
            / "metadata.json")


def test_migrations_are_recorded_once(any_store):  # noqa: F811
    names = [r["name"] for r in any_store.rows("SELECT name FROM migrations ORDER BY name")]
    assert names == ["0001_initial_schema", "0002_dates_and_repeats", "0003_relate", "0004_web_sources",
                     "0005_statement_cluster", "0006_groups_occasions", "0007_day_counts",
                     "0008_profile_indexes"] + (
        # SQLite only: the full-text index of repeats that text-search totals subtract
        ["0009_repeats_fts"] if any_store.backend == "sqlite" else []) + ["0010_pair_days", "0011_cluster_summary"] + (
        ["0012_facet_index"] if any_store.backend == "sqlite" else [])


def test_reopening_keeps_data_and_does_not_reapply(tmp_path):
    db = tmp_path / "q.db"
    with open_store(db) as s:
        s.ingest([story(1)])
        applied = s.one("SELECT applied_at FROM migrations")["applied_at"]
    with open_store(db, create=False) as s:
        assert Q.stats(s)["articles"] == 1
        assert s.one("SELECT applied_at FROM migrations")["applied_at"] == applied


def test_a_failing_migration_rolls_back_and_is_retried(tmp_path, monkeypatch):
    db = tmp_path / "q.db"
    open_store(db).close()
    shipped = sqlite_backend.MIGRATIONS
    broken = migration("0099_broken", "CREATE TABLE extra (x INTEGER)", "THIS IS NOT SQL")
    monkeypatch.setattr(sqlite_backend, "MIGRATIONS", shipped + (broken,))
    with pytest.raises(StoreError):
        open_store(db)
    con = sqlite3.connect(db)
    assert con.execute("SELECT name FROM sqlite_master WHERE name = 'extra'").fetchone() is None
    assert con.execute("SELECT count(*) FROM migrations").fetchone()[0] == len(shipped)
    con.close()
    fixed = migration("0099_broken", "CREATE TABLE extra (x INTEGER)")
    monkeypatch.setattr(sqlite_backend, "MIGRATIONS", shipped + (fixed,))
    with open_store(db) as s:
        assert [r["name"] for r in s.rows("SELECT name FROM migrations ORDER BY name")] == \
            [*(m.name for m in shipped), "0099_broken"]
        assert s.rows("SELECT * FROM extra") == []


def test_sqlite_is_in_wal_mode(tmp_path):
    db = tmp_path / "q.db"
    with open_store(db) as s:
        assert s.one("PRAGMA journal_mode")["journal_mode"] == "wal"


def test_open_errors(tmp_path):
    with pytest.raises(StoreError, match="no database"):
        open_store(tmp_path / "missing.db", create=False)
    assert not (tmp_path / "missing.db").exists()
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "no" / "such" / "dir.db")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError, match="junk.db"):
        open_store(junk)
    with pytest.raises(StoreError):
        open_store("postgresql://nobody@127.0.0.1:1/none")


def test_closed_store_refuses_work(tmp_path):
    s = open_store(tmp_path / "q.db")
    s.close()
    with pytest.raises(StoreError, match="closed"):
        Q.stats(s)


def test_full_text_index_stays_in_sync(tmp_path):
    with open_store(tmp_path / "q.db") as s:
        s.ingest([story(i) for i in range(5)], extractor_version="1")
        s.ingest([story(i) for i in range(5)], extractor_version="2")  # delete + reinsert
        s.rows("INSERT INTO statements_fts (statements_fts) VALUES ('integrity-check')")
        s.rows("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
        assert Q.search_statements(s, Q.StatementFilter(q="talks"))["total"] == 5


def test_datasette_metadata_matches_the_schema(tmp_path):
    meta = json.loads(METADATA.read_text(encoding="utf-8"))
    assert meta["title"] == "quotegraph"
    con = sqlite3.connect(tmp_path / "quotegraph.db")
    open_store(tmp_path / "quotegraph.db").close()
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}

    def columns(table):
        return {r[1] for r in con.execute(f"PRAGMA table_info({table})")}

    assert "quotegraph" in meta["databases"]
    for db in meta["databases"].values():
        assert db["tables"]["statements"]["facets"] == ["speaker_name", "outlet", "kind"]
        for table, conf in db["tables"].items():
            assert table in tables, table
            cols = columns(table)
            for facet in conf.get("facets", []):
                assert facet in cols, (table, facet)
            for key in ("sort_desc", "sort", "label_column", "fts_pk"):
                if key in conf:
                    assert conf[key] in cols, (table, key)
            if "fts_table" in conf:
                sql = con.execute("SELECT sql FROM sqlite_master WHERE name = ?",
                                  (conf["fts_table"],)).fetchone()[0]
                assert "fts5" in sql and f"content='{table}'" in sql
    con.close()


def test_in_memory_store_is_shared_by_threads():
    import threading

    with open_store(":memory:") as s:
        s.ingest([story(i) for i in range(4)])
        seen = []
        t = threading.Thread(target=lambda: seen.append(Q.stats(s)["articles"]))
        t.start()
        t.join()
        assert seen == [4]
        assert Q.search_statements(s, Q.StatementFilter(q="talks"))["total"] == 4
        assert Q.stats(s)["db_size"] > 0
    with open_store(":memory:") as other:  # each store is its own database
        assert Q.stats(other)["articles"] == 0

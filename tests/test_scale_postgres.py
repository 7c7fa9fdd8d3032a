"""run --dask --out postgresql://... and ingest --from-parquet --db postgresql://... fill a
PostgreSQL store with what plain ingest stores, and reruns add nothing (CI starts the server:
.ci/postgres.sh; without QUOTEGRAPH_PG_DSN these tests skip)."""

import json

import pytest

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

from test_scale_tables import cli, write_corpus  # noqa: E402
from test_store_support import PG_DSN, pg_schema  # noqa: E402

from quotegraph.store import open_store  # noqa: E402
from quotegraph.store.relate_schema import CLAIM_COLUMNS, RELATION_COLUMNS  # noqa: E402
from quotegraph.store.rows import MENTION_COLUMNS, STATEMENT_COLUMNS  # noqa: E402

pytestmark = pytest.mark.postgres


def cols(names):
    return ", ".join(f'"{c}"' for c in names)


def snapshot(db):
    """What ingest writes, without store-assigned keys (statement ``pk``) and times
    (``ingested_at``), the same SQL on either backend."""
    queries = {
        "articles": "SELECT id, source, title, outlet, published, text, extractor_version "
                    "FROM articles",
        "statements": f"SELECT {cols(STATEMENT_COLUMNS)} FROM statements",
        "mentions": f"SELECT {cols(MENTION_COLUMNS)} FROM mentions",
        "claims": f"SELECT {cols(CLAIM_COLUMNS)} FROM claims",
        "relations": f"SELECT {cols(RELATION_COLUMNS)} FROM relations",
        "about": "SELECT s.id, a.actor_id FROM statement_about a "
                 "JOIN statements s ON s.pk = a.statement_pk",
        "speakers": "SELECT id, name, statements FROM speakers",
        "clustered": "SELECT s.id FROM statement_cluster c JOIN statements s "
                     "ON s.pk = c.statement_pk",
    }
    with open_store(db) as store:
        return {k: sorted(json.dumps(list(r), default=str) for r in store.tuples(q))
                for k, q in queries.items()}


@pytest.fixture(scope="module")
def plain(tmp_path_factory):
    if not PG_DSN:  # before the corpus is ingested, not after
        pytest.skip("QUOTEGRAPH_PG_DSN is not set (see .ci/postgres.sh)")
    d = tmp_path_factory.mktemp("pg")
    corpus = d / "ships.jsonl"
    write_corpus(corpus, 150)
    cli("ingest", str(corpus), "--db", str(d / "plain.db"), "--workers", "1")
    return d


def test_run_into_postgres_equals_plain_ingest_and_rerun_adds_nothing(plain):
    with pg_schema() as dsn:
        args = ("run", "--dask", "local", str(plain / "ships.jsonl"), "--out", dsn,
                "--partition-size", "40", "--batch-size", "15")
        first = cli(*args)
        assert first.returncode == 1 and "1 failure(s)" in first.stderr, first.stderr
        assert "stored 151 added, 0 updated, 0 unchanged" in first.stderr, first.stderr
        got, want = snapshot(dsn), snapshot(plain / "plain.db")
        assert len(got["articles"]) == 151 and got["clustered"]
        for name in want:
            assert got[name] == want[name], name
        again = cli(*args)
        assert "stored 0 added, 0 updated, 151 unchanged" in again.stderr, again.stderr
        assert snapshot(dsn) == got


def test_from_parquet_into_postgres(plain, tmp_path):
    out = tmp_path / "out"
    cli("run", "--dask", "local", str(plain / "ships.jsonl"), "--out", str(out),
        "--partition-size", "60")
    with pg_schema() as dsn:
        first = cli("ingest", "--from-parquet", str(out), "--db", dsn)
        assert "151 added, 0 updated, 0 unchanged, 1 failed" in first.stderr, first.stderr
        got = snapshot(dsn)
        assert got == snapshot(plain / "plain.db")
        again = cli("ingest", "--from-parquet", str(out), "--db", dsn)
        assert "0 added, 0 updated, 151 unchanged" in again.stderr, again.stderr
        assert snapshot(dsn) == got

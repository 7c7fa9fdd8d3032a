"""quotegraph ingest --from-parquet DIR loads what run --dask wrote into the same store that
quotegraph ingest makes of the same input, and a rerun adds nothing."""

import json
import shutil
import sqlite3

import pytest

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

from test_scale_tables import cli, write_corpus  # noqa: E402

from quotegraph.store.relate_schema import CLAIM_COLUMNS, RELATION_COLUMNS  # noqa: E402
from quotegraph.store.rows import (ARTICLE_COLUMNS, MENTION_COLUMNS,  # noqa: E402
                                   STATEMENT_COLUMNS)


def table(db, sql):
    con = sqlite3.connect(db)
    try:
        return sorted(json.dumps(r) for r in con.execute(sql).fetchall())
    finally:
        con.close()


def cols(names):
    return ", ".join(f'"{c}"' for c in names)


def clusters(db):
    """The clusters as sets of statement ids (cluster numbers are statement keys)."""
    con = sqlite3.connect(db)
    groups = {}
    for sid, c in con.execute("SELECT s.id, c.cluster FROM statement_cluster c "
                              "JOIN statements s ON s.pk = c.statement_pk"):
        groups.setdefault(c, []).append(sid)
    con.close()
    return sorted(sorted(g) for g in groups.values())


def snapshot(db):
    """Everything ingest writes, without the statement keys (``pk``: a sequence the store
    assigns per day) and ``ingested_at`` (the time of writing); about-links and clusters are
    keyed by statement id instead of key."""
    return {
        "articles": table(db, "SELECT id, source, title, outlet, published, url, text, "
                              "extractor_version, language FROM articles"),
        "statements": table(db, f"SELECT {cols(STATEMENT_COLUMNS)} FROM statements"),
        "mentions": table(db, f"SELECT {cols(MENTION_COLUMNS)} FROM mentions"),
        "claims": table(db, f"SELECT {cols(CLAIM_COLUMNS)} FROM claims"),
        "relations": table(db, f"SELECT {cols(RELATION_COLUMNS)} FROM relations"),
        "about": table(db, "SELECT s.id, a.actor_id FROM statement_about a "
                           "JOIN statements s ON s.pk = a.statement_pk"),
        "speakers": table(db, "SELECT id, name, statements FROM speakers"),
        "actors": table(db, "SELECT id, name, type, mentions, statements_about FROM actors"),
        "clusters": clusters(db),
    }


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("scale")
    corpus = d / "ships.jsonl"
    write_corpus(corpus, 180)
    run = cli("run", "--dask", "local", str(corpus), "--out", str(d / "out"),
              "--partition-size", "50")
    assert "4 partition(s)" in run.stderr, run.stderr
    plain = d / "plain.db"
    cli("ingest", str(corpus), "--db", str(plain), "--workers", "1")
    return d


def test_from_parquet_equals_plain_ingest_and_rerun_adds_nothing(run_dir, tmp_path):
    db = tmp_path / "loaded.db"
    first = cli("ingest", "--from-parquet", str(run_dir / "out"), "--db", str(db))
    assert first.returncode == 1  # the corpus' bad line is a failed input, as in ingest
    assert "181 added, 0 updated, 0 unchanged, 1 failed" in first.stderr, first.stderr
    assert "cannot ingest" in first.stderr and "ships.jsonl:182" in first.stderr

    want, got = snapshot(run_dir / "plain.db"), snapshot(db)
    assert len(got["articles"]) == 181 and len(got["statements"]) >= 360
    assert len(got["clusters"]) >= 2
    for name in want:
        assert got[name] == want[name], name

    again = cli("ingest", "--from-parquet", str(run_dir / "out"), "--db", str(db))
    assert "0 added, 0 updated, 181 unchanged" in again.stderr, again.stderr
    assert snapshot(db) == got

    # Loading into the store plain ingest made also finds everything there already.
    into_plain = tmp_path / "plain-copy.db"
    shutil.copy(run_dir / "plain.db", into_plain)
    mixed = cli("ingest", "--from-parquet", str(run_dir / "out"), "--db", str(into_plain))
    assert "0 added, 0 updated, 181 unchanged" in mixed.stderr, mixed.stderr


def test_missing_or_wrong_directory_is_one_clear_error(tmp_path):
    db = tmp_path / "x.db"
    gone = cli("ingest", "--from-parquet", str(tmp_path / "nowhere"), "--db", str(db))
    assert gone.returncode == 1
    assert gone.stderr.strip().splitlines() == [
        f"quotegraph: error: {tmp_path / 'nowhere'}: no such directory (give the --out DIR of "
        "`quotegraph run`)"]
    (tmp_path / "plain").mkdir()
    wrong = cli("ingest", "--from-parquet", str(tmp_path / "plain"), "--db", str(db))
    assert wrong.returncode == 1
    assert wrong.stderr.count("\n") == 1
    assert f"{tmp_path / 'plain'} is not the output of `quotegraph run`" in wrong.stderr
    assert not db.exists()  # nothing was opened or created
    both = cli("ingest", "some.jsonl", "--from-parquet", str(tmp_path), "--db", str(db))
    assert both.returncode == 2 and "give no PATH" in both.stderr


def test_a_corrupt_part_file_costs_only_its_own_articles(run_dir, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(run_dir / "out", out)
    (out / "rows" / "part-1.parquet").write_bytes(b"not parquet at all")
    db = tmp_path / "partial.db"
    r = cli("ingest", "--from-parquet", str(out), "--db", str(db))
    assert r.returncode == 1
    assert f"cannot ingest {out / 'rows' / 'part-1.parquet'}: cannot read Parquet" in r.stderr
    assert "131 added" in r.stderr, r.stderr  # 4 partitions of 50 (+2): one lost


def _rows_with_version(src, dst, version):
    """A copy of a run's output whose rows claim another extractor version."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    shutil.copytree(src, dst)
    for part in (dst / "rows").glob("part-*.parquet"):
        t = pq.read_table(part).to_pylist()
        for r in t:
            d = json.loads(r["rows"])
            d["article"][ARTICLE_COLUMNS.index("extractor_version")] = version
            r["rows"] = json.dumps(d)
        pq.write_table(pa.Table.from_pylist(t), part)


def test_rows_of_an_older_version_never_replace_current_ones(run_dir, tmp_path):
    old = tmp_path / "old-out"
    _rows_with_version(run_dir / "out", old, "old-0")
    current = tmp_path / "current.db"
    shutil.copy(run_dir / "plain.db", current)
    before = snapshot(current)
    r = cli("ingest", "--from-parquet", str(old), "--db", str(current))
    assert "0 added, 0 updated, 181 unchanged" in r.stderr, r.stderr
    assert f"kept 181 stored article(s) of the current extractor version; {old} has them " \
           "from version old-0" in r.stderr
    assert snapshot(current) == before
    # Into a store that holds the old version, the current run's rows do replace them.
    stale = tmp_path / "stale.db"
    assert "181 added" in cli("ingest", "--from-parquet", str(old), "--db", str(stale)).stderr
    assert set(json.loads(a)[7] for a in snapshot(stale)["articles"]) == {"old-0"}
    r = cli("ingest", "--from-parquet", str(run_dir / "out"), "--db", str(stale))
    assert "0 added, 181 updated, 0 unchanged" in r.stderr, r.stderr
    assert snapshot(stale) == snapshot(run_dir / "plain.db")

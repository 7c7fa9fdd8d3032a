"""quotegraph run --dask local writes the export tables exactly as quotegraph export writes them
from a store that quotegraph ingest filled from the same input."""

import json
import subprocess
import sys

import pytest

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

from quotegraph.scale import read_table  # noqa: E402
from quotegraph.scale_parts import EXPORT_TABLES  # noqa: E402

CAPITALS = ["Moscow", "Washington", "Beijing", "Paris"]
MINISTERS = ["Russian Foreign Minister Sergey Lavrov", "the harbour master Ann Kowal",
             "Mayor Tom Reed", "a council spokesperson"]
VERBS = ["accused", "criticised", "praised", "urged"]


def story(i: int) -> dict:
    """A short news text with a quote, a reported claim, a relation and actor mentions;
    some with dates and outlets, one in German (stored without statements)."""
    a, b = CAPITALS[i % 4], CAPITALS[(i + 1) % 4]
    who = MINISTERS[i % len(MINISTERS)]
    text = (f"{a} {VERBS[i % 4]} {b} of delaying shipment number {i} on Tuesday. "
            f"\"Exports fell by {i % 40 + 2} percent in March,\" said {who}. "
            f"{who.split()[-1]} added that NATO would meet again in week {i % 52 + 1}.")
    row = {"id": f"ship-{i}", "text": text, "title": f"Shipment {i}"}
    if i % 3:
        row["published"] = f"2026-0{i % 9 + 1}-1{i % 10}"
    if i % 2:
        row["outlet"] = ["Harbour Times", "Coast Wire"][i % 4 // 2]
    return row


def write_corpus(path, n: int) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps(story(i)) + "\n")
        f.write(json.dumps({"id": "de-1", "language": "de", "text": "Der Minister sagte am "
                            "Montag, der Hafen bleibe bis Freitag geschlossen."}) + "\n")
        f.write("{this line is not json\n")


def cli(*args, timeout=180):
    return subprocess.run([sys.executable, "-m", "quotegraph", *args], capture_output=True,
                          text=True, timeout=timeout)


def exported(db, table):
    r = cli("export", "--table", table, "--format", "jsonl", "--db", str(db))
    assert r.returncode == 0, r.stderr
    return [json.loads(line) for line in r.stdout.splitlines()]


# ``ingested_at`` is the only value the store assigns (the time of writing): it differs
# between any two runs, so it is left out of the comparison. Statement ids are derived from
# the article text and span, not assigned, and are compared like every other value.
ASSIGNED = {"ingested_at"}


def canon(rows):
    return sorted(json.dumps({k: v for k, v in r.items() if k not in ASSIGNED}, sort_keys=True)
                  for r in rows)


def test_dask_tables_equal_export_of_an_ingested_store(tmp_path):
    corpus = tmp_path / "ships.jsonl"
    write_corpus(corpus, 240)
    with open(corpus, "a", encoding="utf-8") as f:  # two texts again, in later partitions
        for i in (3, 150):
            f.write(json.dumps(dict(story(i), id=f"again-{i}", title="Wire copy")) + "\n")
    out = tmp_path / "out"
    run = cli("run", "--dask", "local", str(corpus), "--out", str(out), "--partition-size", "70")
    assert run.returncode == 1, run.stderr  # the bad line is a failure, reported
    assert "ships.jsonl:242: not valid JSON" in run.stderr
    # stderr is a pipe and there is no --progress: no progress line, and no Dask INFO chatter.
    assert "partitions done" not in run.stderr and "INFO" not in run.stderr, run.stderr
    assert run.stdout.count("dashboard") == 1
    assert "2 document(s) repeat the text of an earlier one" in run.stderr, run.stderr
    # extract prints a record per input document; the repeats are stored and tabled once.
    assert len(read_table(str(out), "records")) == 243
    db = tmp_path / "plain.db"
    ing = cli("ingest", str(corpus), "--db", str(db), "--workers", "1")
    assert "241 added" in ing.stderr, ing.stderr

    counts = {}
    for table in EXPORT_TABLES:
        got, want = read_table(str(out), table), exported(db, table)
        assert got and set(got[0]) == set(want[0]), table  # the same columns
        assert canon(got) == canon(want), table
        counts[table] = len(got)
    # The comparison is not vacuous: every table holds what the corpus put in it.
    assert counts["articles"] == 241
    assert counts["statements"] >= 480
    assert counts["claims"] >= 240 and counts["relations"] >= 120
    assert counts["mentions"] >= 480
    assert len(read_table(str(out), "failures")) == 1


def test_export_articles_and_mentions_tables(tmp_path):
    corpus = tmp_path / "few.jsonl"
    write_corpus(corpus, 4)
    db = tmp_path / "few.db"
    cli("ingest", str(corpus), "--db", str(db), "--workers", "1")
    arts = exported(db, "articles")
    assert sorted(a["title"] for a in arts if a["title"]) == [f"Shipment {i}" for i in range(4)]
    assert [a["language"] for a in arts if a["title"] is None] == ["de"]
    mentions = exported(db, "mentions")
    assert {"article_id", "start", "end", "text", "actor_id", "actor_name",
            "actor_type"} == set(mentions[0])
    nato = [m for m in mentions if m["text"] == "NATO"]
    assert len(nato) == 4
    text = {a["id"]: a["text"] for a in arts}
    assert all(text[m["article_id"]][m["start"]:m["end"]] == m["text"] for m in mentions)
    # A filter keeps the articles (and their mentions) with a matching statement.
    one = cli("export", "--table", "articles", "--format", "jsonl", "--db", str(db),
              "--outlet", "Coast Wire")
    assert [json.loads(x)["outlet"] for x in one.stdout.splitlines()] == ["Coast Wire"]
    csv = cli("export", "--table", "mentions", "--format", "csv", "--db", str(db))
    assert csv.stdout.splitlines()[0] == "article_id,start,end,text,actor_id,actor_name,actor_type"


def test_export_pages_lose_and_repeat_nothing(tmp_path):
    """Articles and mentions read two articles a page give the same rows as one page."""
    from quotegraph.export import iter_article_rows, iter_mention_rows
    from quotegraph.store import open_store
    from quotegraph.store.filters import StatementFilter

    corpus = tmp_path / "seven.jsonl"
    write_corpus(corpus, 7)
    db = tmp_path / "seven.db"
    cli("ingest", str(corpus), "--db", str(db), "--workers", "1")
    with open_store(str(db)) as store:
        for rows in (iter_article_rows, iter_mention_rows):
            whole = list(rows(store, page=1000))
            assert list(rows(store, page=2)) == whole and len(whole) >= 8, rows.__name__
        only = StatementFilter(outlet="Coast Wire")
        assert list(iter_article_rows(store, only, page=1)) == list(iter_article_rows(store, only))

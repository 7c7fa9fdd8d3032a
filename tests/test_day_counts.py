"""The kept per-day counts (speaker_days, actor_days) equal the statements they count.

Timelines and profiles read these counts instead of grouping statements, so a count that
drifted would silently drop or invent points. Each test builds a real store through the
ingest path from texts written here, then compares the kept counts and the timelines built
from them with plain GROUP BY counts over the statements themselves.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from quotegraph import query as Q
from quotegraph.model import Document
from quotegraph.query import StatementFilter as F
from quotegraph.store import open_store
from quotegraph.store.pipeline import ingest_documents

SPEAKERS = [("Anna Berg", "Foreign Minister"), ("Tomas Lind", "President"),
            ("Maria Holm", "Trade Minister")]
TOPICS = ["Russia", "China", "Germany", "the European Union"]


def article(i: int, *, dated: bool = True, variant: str = "") -> Document:
    name, role = SPEAKERS[i % 3]
    other, orole = SPEAKERS[(i + 1) % 3]
    topic, topic2 = TOPICS[i % 4], TOPICS[(i + 2) % 4]
    text = (f"{role} {name} said on Monday that talks with {topic} on grain exports would "
            f"resume next month, in round {i} of the talks{variant}.\n\n"
            f"\"We expect an agreement with {topic} and {topic2} before the winter,\" {name} "
            f"told reporters in the capital.\n\n"
            f"{orole} {other} said that {topic2} had not answered the proposal on tariffs.\n")
    day = date(2021, 1 + i % 12, 1 + (i * 7) % 27).isoformat() if dated else None
    return Document(text=text, source=f"test:{i}", published=day,
                    outlet=["Alpha News", "Beta Wire"][i % 2])


def straight_speaker_days(store) -> Counter:
    return Counter({(s, d): n for s, d, n in store.tuples(
        "SELECT speaker_id, pk >> 40, count(*) FROM statements "
        "WHERE speaker_id IS NOT NULL AND repeats IS NULL GROUP BY 1, 2")})


def straight_actor_days(store) -> Counter:
    return Counter({(a, d): n for a, d, n in store.tuples(
        "SELECT sa.actor_id, sa.statement_pk >> 40, count(*) FROM statement_about sa "
        "JOIN statements s ON s.pk = sa.statement_pk WHERE s.repeats IS NULL GROUP BY 1, 2")})


def kept(store, table: str) -> Counter:
    return Counter({(k, d): n for k, d, n in store.tuples(f"SELECT * FROM {table}")})


@pytest.fixture()
def store(tmp_path):
    s = open_store(str(tmp_path / "days.db"))
    ingest_documents(s, [article(i) for i in range(30)] + [article(99, dated=False)],
                     workers=1, batch_size=7)
    yield s
    s.close()


def test_kept_counts_equal_group_by_counts(store):
    assert kept(store, "speaker_days") == straight_speaker_days(store)
    assert kept(store, "actor_days") == straight_actor_days(store)
    assert sum(kept(store, "speaker_days").values()) > 30
    assert any(d == 0 for _, d in kept(store, "speaker_days"))  # the undated article


def test_counts_follow_reextraction_and_new_articles(store):
    # A new extractor version rewrites stored articles: their counts are taken away first.
    report = ingest_documents(store, [article(i) for i in range(0, 30, 4)],
                     workers=1, batch_size=3, extractor_version="test-v2")
    assert report.updated == 8
    ingest_documents(store, [article(i) for i in range(30, 40)], workers=1)
    assert kept(store, "speaker_days") == straight_speaker_days(store)
    assert kept(store, "actor_days") == straight_actor_days(store)


def test_migration_fills_the_counts_of_an_existing_store(store, tmp_path):
    # An older store gets the tables from its rows: drop them and re-run the migration.
    store.close()
    import sqlite3

    path = tmp_path / "days.db"
    con = sqlite3.connect(path)
    con.executescript("DROP TABLE speaker_days; DROP TABLE actor_days; "
                      "DROP INDEX statements_once_speaker; DROP TABLE about_facets; "
                      "DROP TABLE about_edges; "
                      "DELETE FROM migrations WHERE name = '0007_day_counts';")
    con.close()
    again = open_store(str(path))
    try:
        assert kept(again, "speaker_days") == straight_speaker_days(again)
        assert kept(again, "actor_days") == straight_actor_days(again)
    finally:
        again.close()


def months_of(store, sql: str, params=()) -> Counter:
    """Month -> statements, from (published, n) rows of a plain query on the statements."""
    out: Counter = Counter()
    for published, n in store.tuples(sql, params):
        out[published[:7]] += n
    return out


@pytest.mark.parametrize("flt", [F(), F(since=date(2021, 3, 1), until=date(2021, 8, 31)),
                                 F(until=date(2021, 5, 31))])
@pytest.mark.parametrize("by", ["speaker", "actor"])
def test_timeline_equals_plain_counts(store, by, flt):
    line = Q.timeline(store, by=by, flt=flt)
    assert line["series"]
    lo = flt.since.isoformat() if flt.since else "0000"
    hi = flt.until.isoformat() if flt.until else "9999"
    join = ("JOIN statement_about sa ON sa.statement_pk = s.pk" if by == "actor" else "")
    col = "sa.actor_id" if by == "actor" else "s.speaker_id"
    # the top keys are the ones with most statements in range (ties by key)
    # (unfiltered, undated statements count too)
    dates = "" if flt == F() else "AND s.published >= ? AND s.published <= ? "
    top = store.tuples(
        f"SELECT {col}, count(*) AS n FROM statements s {join} WHERE s.repeats IS NULL "
        f"AND {col} IS NOT NULL {dates}"
        "GROUP BY 1 ORDER BY n DESC, 1 LIMIT 10", () if flt == F() else (lo, hi))
    assert [x["key"] for x in line["series"]] == [k for k, _ in top]
    for series in line["series"]:
        plain = months_of(store, f"SELECT s.published, count(*) FROM statements s {join} "
                          f"WHERE {col} = ? AND s.repeats IS NULL AND s.published >= ? "
                          "AND s.published <= ? GROUP BY 1", (series["key"], lo, hi))
        points = {p["period"]: p["count"] for p in series["points"] if p["count"]}
        assert points == dict(plain)
        undated = store.one(f"SELECT count(*) AS n FROM statements s {join} WHERE {col} = ? "
                            "AND s.repeats IS NULL AND s.published IS NULL",
                            (series["key"],))["n"] if flt == F() else 0
        assert series["undated"] == undated
    if flt == F():
        assert line["undated"] > 0 and line["undated_statements"]


def test_profile_timelines_equal_plain_counts(store):
    sid = Q.list_speakers(store)["items"][0]["id"]
    prof = Q.get_speaker(store, sid)
    plain = months_of(store, "SELECT published, count(*) FROM statements WHERE speaker_id = ? "
                      "AND repeats IS NULL AND published IS NOT NULL GROUP BY 1", (sid,))
    assert {p["period"]: p["count"] for p in prof["timeline"] if p["count"]} == dict(plain)
    aid = Q.list_actors(store)["items"][0]["id"]
    prof = Q.get_actor(store, aid)
    plain = months_of(store, "SELECT s.published, count(*) FROM statements s JOIN statement_about "
                      "sa ON sa.statement_pk = s.pk WHERE sa.actor_id = ? AND s.repeats IS NULL "
                      "AND s.published IS NOT NULL GROUP BY 1", (aid,))
    assert {p["period"]: p["count"] for p in prof["timeline"] if p["count"]} == dict(plain)


def test_about_one_actor_facets_and_network_equal_plain_counts(store):
    for actor in Q.list_actors(store, limit=4)["items"]:
        aid = actor["id"]
        about = ("s.pk IN (SELECT statement_pk FROM statement_about WHERE actor_id = ?) "
                 "AND s.repeats IS NULL")

        def plain(col: str, join: str = "") -> list[tuple[str, int]]:
            return [tuple(r) for r in store.tuples(
                f"SELECT {col}, count(*) AS n FROM statements s {join} WHERE {about} "
                f"AND {col} IS NOT NULL GROUP BY 1 ORDER BY n DESC, 1 LIMIT 10", (aid,))]

        facets = Q.facets(store, F(about=aid))
        got = {name: [(e["value"].lower() if name == "outlet" else e["value"], e["count"])
                      for e in facets[name]] for name in facets}
        assert got["speaker"] == plain("s.speaker_id")
        assert got["kind"] == plain("s.kind")
        assert got["outlet"] == plain("s.outlet_key")
        assert got["about"] == plain("sa.actor_id", "JOIN statement_about sa ON "
                                     "sa.statement_pk = s.pk")
        assert (aid, actor["statements_about"]) in got["about"]
        edges = [(e["source"], e["target"], e["weight"])
                 for e in Q.network(store, flt=F(about=aid))["edges"]]
        assert edges == [tuple(r) for r in store.tuples(
            "SELECT s.speaker_id, sa.actor_id, count(*) AS n FROM statements s JOIN "
            f"statement_about sa ON sa.statement_pk = s.pk WHERE {about} "
            "AND s.speaker_id IS NOT NULL GROUP BY 1, 2 ORDER BY n DESC, 1, 2", (aid,))]
        assert edges


def test_about_counts_follow_reextraction(store):
    report = ingest_documents(store, [article(i) for i in range(1, 30, 3)], workers=1,
                              extractor_version="test-v3")
    assert report.updated == 10
    for table, cols in (("about_facets", "sa.actor_id, 'about', sb.actor_id"),
                        ("about_edges", "sa.actor_id, s.speaker_id, sb.actor_id")):
        plain = Counter({tuple(r[:3]): r[3] for r in store.tuples(
            f"SELECT {cols}, count(*) FROM statement_about sa JOIN statements s ON "
            "s.pk = sa.statement_pk JOIN statement_about sb ON sb.statement_pk = s.pk "
            "WHERE s.repeats IS NULL AND (s.speaker_id IS NOT NULL OR ? = 'about_facets') "
            "GROUP BY 1, 2, 3", (table,))})
        kept_rows = Counter({tuple(r[:3]): r[3] for r in store.tuples(
            f"SELECT * FROM {table}" + (" WHERE facet = 'about'" if table == "about_facets"
                                        else ""))})
        assert kept_rows == plain and plain
    kinds = Counter({(a, k): n for a, k, n in store.tuples(
        "SELECT sa.actor_id, s.kind, count(*) FROM statement_about sa JOIN statements s ON "
        "s.pk = sa.statement_pk WHERE s.repeats IS NULL GROUP BY 1, 2")})
    assert kinds == Counter({(a, v): n for a, v, n in store.tuples(
        "SELECT actor_id, value, statements FROM about_facets WHERE facet = 'kind'")})

"""Facets of a common word: exact up to the sample size, then counted over the newest matches
and flagged as such, in the query API, over HTTP and in the web page.

The store is real (built through the ingest path from texts written here). Every expected
value is a plain count over the statements table: which statements match the word (FTS5 with
no tricks), which of them are the newest N, and their speakers, outlets, kinds and actors.
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

PEOPLE = [("Ilse Varga", "Energy Minister"), ("Piet Aalto", "Prime Minister"),
          ("Runa Steen", "Finance Minister"), ("Oskar Brandt", "Defence Minister")]
PLACES = ["Norway", "Poland", "Japan", "Canada", "Brazil"]
OUTLETS = ["North Desk", "Harbour Post", "Valley Times"]


def article(i: int) -> Document:
    name, role = PEOPLE[i % 4]
    other, orole = PEOPLE[(i + 1) % 4]
    place, place2 = PLACES[i % 5], PLACES[(i + 3) % 5]
    text = (f"{role} {name} said on Tuesday that the pipeline deal with {place} would be "
            f"signed in spring, in week {i} of the negotiations.\n\n"
            f"\"The pipeline will carry gas to {place2} as well,\" {name} told the parliament.\n\n"
            + (f"{orole} {other} said the harbour levy on {place} would rise.\n" if i % 3 else
               f"{orole} {other} said prices for {place2} had doubled since the autumn.\n"))
    day = date(2022, 1 + i % 12, 1 + (i * 5) % 27).isoformat()
    return Document(text=text, source=f"facet:{i}", published=day, outlet=OUTLETS[i % 3])


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("facets") / "facets.db"
    store = open_store(str(path))
    report = ingest_documents(store, [article(i) for i in range(36)])
    assert report.failed == 0
    store.close()
    return path


@pytest.fixture()
def store(db):
    s = open_store(str(db), create=False)
    yield s
    s.close()


def matching(store, word: str, lo: str | None = None, hi: str | None = None) -> list[int]:
    """Keys of the statements matching ``word`` (repeats left out), newest first."""
    pks = [pk for (pk,) in store.tuples(
        "SELECT s.pk FROM statements s WHERE s.repeats IS NULL AND s.pk IN "
        "(SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?)", (f'"{word}"',))]
    if lo or hi:
        days = {pk: p for pk, p in store.tuples("SELECT pk, published FROM statements")}
        pks = [k for k in pks if (lo is None or days[k] >= lo) and (hi is None or days[k] <= hi)]
    return sorted(pks, reverse=True)


def straight_counts(store, pks: list[int]) -> dict[str, Counter]:
    """Facet counts of exactly these statements, by plain lookups."""
    out = {f: Counter() for f in ("speaker", "outlet", "kind", "about")}
    for pk in pks:
        sid, outlet, kind = store.tuples(
            "SELECT speaker_id, outlet, kind FROM statements WHERE pk = ?", (pk,))[0]
        if sid is not None:
            out["speaker"][sid] += 1
        if outlet is not None:
            out["outlet"][outlet] += 1
        out["kind"][kind] += 1
        for (aid,) in store.tuples("SELECT actor_id FROM statement_about WHERE statement_pk = ?",
                                   (pk,)):
            out["about"][aid] += 1
    return out


def as_counts(fac: dict) -> dict[str, Counter]:
    return {f: Counter({e["value"]: e["count"] for e in fac[f]})
            for f in ("speaker", "outlet", "kind", "about")}


def test_the_fixture_has_enough_matches(store):
    # "pipeline" is in two statements of every article; "harbour" in some only.
    assert len(matching(store, "pipeline")) >= 40
    assert 5 <= len(matching(store, "harbour")) < len(matching(store, "pipeline"))


@pytest.mark.parametrize("word", ["pipeline", "harbour", "gas"])
def test_below_the_sample_facets_are_exact_and_unflagged(store, word):
    pks = matching(store, word)
    assert pks
    fac = Q.facets(store, F(q=word), limit=100, sample=len(pks))  # exactly at the bound
    assert "sampled" not in fac and "of" not in fac
    assert as_counts(fac) == straight_counts(store, pks)
    assert fac == Q.facets(store, F(q=word), limit=100, sample=10_000)


@pytest.mark.parametrize("sample", [1, 7, 25])
def test_above_the_sample_facets_count_the_newest_matches_and_say_so(store, sample):
    pks = matching(store, "pipeline")
    assert len(pks) > sample
    fac = Q.facets(store, F(q="pipeline"), limit=100, sample=sample)
    assert fac["sampled"] == sample
    assert fac["of"] == len(pks) == Q.search_statements(store, F(q="pipeline"))["total"]
    assert as_counts(fac) == straight_counts(store, pks[:sample])
    assert sum(e["count"] for e in fac["kind"]) == sample


def test_sampling_with_a_date_range_takes_the_newest_in_the_range(store):
    lo, hi = "2022-03-01", "2022-08-31"
    flt = F(q="pipeline", since=date.fromisoformat(lo), until=date.fromisoformat(hi))
    pks = matching(store, "pipeline", lo, hi)
    assert len(pks) > 4
    fac = Q.facets(store, flt, limit=100, sample=4)
    assert (fac["sampled"], fac["of"]) == (4, len(pks))
    assert as_counts(fac) == straight_counts(store, pks[:4])
    exact = Q.facets(store, flt, limit=100, sample=len(pks))
    assert "sampled" not in exact and as_counts(exact) == straight_counts(store, pks)


def test_a_caller_given_total_is_reported_as_is(store):
    # search passes the total it already counted, so facets need not count again
    fac = Q.facets(store, F(q="pipeline"), sample=3, total=12345)
    assert fac["of"] == 12345


def test_filters_with_kept_counts_are_never_sampled(store):
    aid = store.tuples("SELECT id FROM actors ORDER BY statements_about DESC LIMIT 1")[0][0]
    for flt in (F(), F(about=aid), F(kind="direct"), F(q="pipeline", kind="direct")):
        fac = Q.facets(store, flt, sample=1)
        assert "sampled" not in fac, flt


@pytest.mark.parametrize("bad", [0, -1, True, "5"])
def test_a_bad_sample_size_is_a_query_error(store, bad):
    from quotegraph.errors import QueryError

    with pytest.raises(QueryError, match="sample"):
        Q.facets(store, F(q="pipeline"), sample=bad)


def test_the_api_and_the_page_flag_sampled_facets(db):
    from fastapi.testclient import TestClient

    from quotegraph.api import create_app

    store = open_store(str(db), create=False)
    pks = matching(store, "pipeline")
    store.close()
    with TestClient(create_app(db, facet_sample=15)) as c:
        body = c.get("/api/statements", params={"q": "pipeline"}).json()
        assert body["facets"]["sampled"] == 15
        assert body["facets"]["of"] == body["total"] == len(pks)
        assert sum(e["count"] for e in body["facets"]["kind"]) == 15
        rare = c.get("/api/statements", params={"q": "doubled"}).json()
        assert 0 < rare["total"] <= 15
        assert rare["facets"]["sampled"] is None and rare["facets"]["of"] is None
        page = c.get("/", params={"q": "pipeline"}).text
        assert f"newest 15 of {len(pks)} matching statements" in page
        assert "facet-note" not in c.get("/", params={"q": "doubled"}).text


def test_speaker_and_kind_facets_equal_a_straight_count(store):
    # grouped by SQLite from the (speaker, kind, outlet) index: the same counts as row by row
    for sid, kind in store.tuples("SELECT DISTINCT speaker_id, kind FROM statements "
                                  "WHERE speaker_id IS NOT NULL"):
        pks = [pk for (pk,) in store.tuples(
            "SELECT pk FROM statements WHERE speaker_id = ? AND kind = ? AND repeats IS NULL",
            (sid, kind))]
        fac = Q.facets(store, F(speaker=sid, kind=kind), limit=100, sample=1)
        assert "sampled" not in fac
        assert as_counts(fac) == straight_counts(store, pks)


def test_sampled_facets_read_the_narrow_index_and_equal_the_table(store):
    # The speed shortcut (statements_facets, named by the query) must be the plan, and must
    # count what the statement rows themselves say.
    from quotegraph.store.analysis import FACET_INDEX

    keys = matching(store, "pipeline")
    assert keys
    import json

    arr = (json.dumps(keys),)
    sql = ("SELECT s.speaker_id, s.outlet_key, s.kind, count(*) FROM json_each(?) j "
           "JOIN statements s{} ON s.pk = j.value WHERE s.repeats IS NULL GROUP BY 1, 2, 3")
    fast = sql.format(f" INDEXED BY {FACET_INDEX}")
    plan = " ".join(r[3] for r in store.tuples("EXPLAIN QUERY PLAN " + fast, arr))
    assert f"COVERING INDEX {FACET_INDEX}" in plan
    assert sorted(store.tuples(fast, arr), key=repr) == sorted(store.tuples(sql.format(""), arr),
                                                               key=repr)
    got = Q.facets(store, F(q="pipeline"), limit=20)
    speakers = Counter(sid for (sid,) in store.tuples(
        f"SELECT speaker_id FROM statements WHERE pk IN ({','.join('?' * len(keys))}) "
        "AND speaker_id IS NOT NULL", keys))
    assert {e["value"]: e["count"] for e in got["speaker"]} == dict(speakers)

"""Store.ingest semantics on both backends: ids, idempotence, updates, aggregates, batches."""

from __future__ import annotations

import dataclasses

import pytest
from test_store_support import any_store, story  # noqa: F401 - fixture

from quotegraph import query as Q
from quotegraph.model import Article, Mention, Span, Speaker, Statement
from quotegraph.query import StatementFilter as F
from quotegraph.store import IngestReport, article_id, slugify


def counts(store):
    s = Q.stats(store)
    return {k: s[k] for k in ("articles", "statements", "speakers", "actors", "mentions")}


def table_counts(store):
    return {t: store.one(f"SELECT count(*) AS n FROM {t}")["n"]
            for t in ("articles", "statements", "mentions", "statement_about", "speakers",
                      "actors")}


def aggregates_match(store):
    """The incrementally kept speaker/actor counts equal a recount from scratch."""
    for sp in store.rows("SELECT id, statements, first, last FROM speakers"):
        real = store.one("SELECT count(*) AS n, min(published) AS f, max(published) AS l "
                         "FROM statements WHERE speaker_id = ?", (sp["id"],))
        assert (sp["statements"], sp["first"], sp["last"]) == (real["n"], real["f"], real["l"])
    for a in store.rows("SELECT id, mentions, statements_about FROM actors"):
        m = store.one("SELECT count(*) AS n FROM mentions WHERE actor_id = ?", (a["id"],))["n"]
        s = store.one("SELECT count(*) AS n FROM statement_about WHERE actor_id = ?",
                      (a["id"],))["n"]
        assert (a["mentions"], a["statements_about"]) == (m, s)
        assert m or s  # actors nobody mentions any more are removed
    pairs = {(r["speaker_id"], r["actor_id"]): r["statements"]
             for r in store.rows("SELECT speaker_id, actor_id, statements FROM speaker_about")}
    real = {(r["sid"], r["aid"]): r["n"] for r in store.rows(
        "SELECT s.speaker_id AS sid, sa.actor_id AS aid, count(*) AS n FROM statement_about sa "
        "JOIN statements s ON s.pk = sa.statement_pk WHERE s.speaker_id IS NOT NULL "
        "GROUP BY s.speaker_id, sa.actor_id")}
    assert pairs == real
    assert store.one("SELECT count(*) AS n FROM speakers WHERE statements <= 0")["n"] == 0
    kept = {(r["facet"], r["value"]): r["statements"]
            for r in store.rows("SELECT facet, value, statements FROM facet_counts")}
    real = {("kind", r["k"]): r["n"] for r in store.rows(
        "SELECT kind AS k, count(*) AS n FROM statements GROUP BY kind")}
    real.update({("outlet", r["k"]): r["n"] for r in store.rows(
        "SELECT outlet_key AS k, count(*) AS n FROM statements WHERE outlet_key IS NOT NULL "
        "GROUP BY outlet_key")})
    total = store.one("SELECT count(*) AS n FROM statements")["n"]
    if total:
        real[("all", "")] = total
    assert kept == real


def test_ids():
    a = story(1)
    assert article_id(a.text) == article_id(a.text) and len(article_id(a.text)) == 16
    assert article_id(a.text) != article_id(a.text + " ")
    assert slugify("Sergey V. Lavrov") == "sergey-v-lavrov"
    assert slugify("Zoë  Ångström") == "zoe-angstrom"
    assert slugify("Мария").startswith("name-") and slugify("Мария") != slugify("Иван")


def test_ingest_twice_changes_nothing(any_store):  # noqa: F811
    arts = [story(i) for i in range(25)]
    first = any_store.ingest(arts, batch_size=7, extractor_version="1")
    assert first == IngestReport(added=25)
    before = table_counts(any_store)
    again = any_store.ingest(arts, batch_size=4, extractor_version="1")
    assert again == IngestReport(unchanged=25)
    assert table_counts(any_store) == before
    aggregates_match(any_store)


def test_same_text_from_another_source_is_the_same_article(any_store):  # noqa: F811
    a = story(3)
    b = dataclasses.replace(a, source="elsewhere.jsonl:7", title="Another headline")
    r = any_store.ingest([a, b], extractor_version="1")
    assert r == IngestReport(added=1, unchanged=1)
    assert Q.stats(any_store)["articles"] == 1


def test_new_extractor_version_replaces_statements(any_store):  # noqa: F811
    any_store.ingest([story(i) for i in range(6)], extractor_version="1")
    a = story(2)
    aid = article_id(a.text)
    old_ids = {s["id"] for s in Q.get_article(any_store, aid)["statements"]}
    # version 2 finds only the quote, with another speaker and no "about" links
    q = a.statements[0]
    better = dataclasses.replace(
        a, title="Corrected title", mentions=(),
        statements=(dataclasses.replace(
            q, speaker=Speaker(name="Lena Vik", mention="x", start=0, end=1)),))
    r = any_store.ingest([better, story(3)], extractor_version="2")
    assert r == IngestReport(updated=2)
    art = Q.get_article(any_store, aid)
    assert art["title"] == "Corrected title" and art["extractor_version"] == "2"
    assert [s["speaker"]["id"] for s in art["statements"]] == ["lena-vik"]
    assert {s["id"] for s in art["statements"]} < old_ids
    assert art["mentions"] == []
    assert Q.stats(any_store)["statements"] == 2 * 6 - 1
    assert Q.get_speaker(any_store, "lena-vik")["statements"] == 1
    aggregates_match(any_store)
    # the same version again is a no-op
    assert any_store.ingest([better], extractor_version="2") == IngestReport(unchanged=1)


def test_a_speaker_whose_last_statement_goes_away_is_removed(any_store):  # noqa: F811
    a = story(0)
    any_store.ingest([a], extractor_version="1")
    assert {s["id"] for s in Q.list_speakers(any_store)["items"]} == {"anna-berg",
                                                                      "pavel-orlin"}
    any_store.ingest([dataclasses.replace(a, statements=a.statements[:1])],
                     extractor_version="2")
    assert [s["id"] for s in Q.list_speakers(any_store)["items"]] == ["anna-berg"]
    assert Q.get_speaker(any_store, "pavel-orlin") is None
    aggregates_match(any_store)


def test_speaker_aggregates_and_latest_role(any_store):  # noqa: F811
    def said(date, role):
        text = f"On {date} Kari Lund said that things would change ({role})."
        s0 = text.index("things")
        s1 = text.index(" (")
        st = Statement(kind="indirect", start=s0, end=s1, text=text[s0:s1],
                       speaker=Speaker(name="Kari Lund", mention="Kari Lund",
                                       start=text.index("Kari"), end=text.index(" said"),
                                       role=role),
                       cue=Span(text.index("said"), text.index("said") + 4, "said"), rule="t")
        return Article(text=text, published=date, statements=(st,))

    any_store.ingest([said("2022-05-01", "deputy minister")], extractor_version="1")
    any_store.ingest([said("2023-02-01", "minister"), said("2021-01-01", "adviser")],
                     extractor_version="1")
    sp = Q.list_speakers(any_store)["items"][0]
    assert (sp["id"], sp["statements"], sp["first"], sp["last"]) == \
        ("kari-lund", 3, "2021-01-01", "2023-02-01")
    assert sp["role"] == "minister"  # the role of the latest statement
    roles = Q.get_speaker(any_store, "kari-lund")["roles"]
    assert [r["role"] for r in roles] == ["adviser", "deputy minister", "minister"]
    aggregates_match(any_store)


def test_duplicate_spans_and_mentions_are_stored_once(any_store):  # noqa: F811
    a = story(5)
    dup = dataclasses.replace(a, statements=a.statements + a.statements[:1],
                              mentions=a.mentions + a.mentions)
    any_store.ingest([dup])
    assert Q.stats(any_store)["statements"] == 2
    assert Q.stats(any_store)["mentions"] == len(a.mentions)
    aggregates_match(any_store)


def test_article_without_statements_or_metadata(any_store):  # noqa: F811
    r = any_store.ingest([Article(text="Nothing was said here.")])
    assert r.added == 1
    art = Q.get_article(any_store, article_id("Nothing was said here."))
    assert art["statements"] == [] and art["published"] is None and art["outlet"] is None
    assert Q.stats(any_store)["statements"] == 0


def test_unicode_and_nul_text(any_store):  # noqa: F811
    text = "Ministr řekl: \u201eMír je možný\u201c \U0001F30D.\x00 Konec."
    s0 = text.index("Mír")
    s1 = text.index("\u201c")
    st = Statement(kind="direct", start=s0, end=s1, text=text[s0:s1], speaker=None,
                   cue=Span(7, 12, "řekl"), rule="t")
    any_store.ingest([Article(text=text, statements=(st,))])
    hit = Q.search_statements(any_store, F(q="Mír"))["items"][0]
    if any_store.backend == "sqlite":  # FTS5 folds diacritics; PostgreSQL's english does not
        assert Q.search_statements(any_store, F(q="mir"))["total"] == 1
    art = Q.get_article(any_store, hit["article_id"])
    assert art["text"][hit["start"]:hit["end"]] == hit["text"] == "Mír je možný"
    assert len(art["text"]) == len(text)  # offsets survive (NUL is U+FFFD on PostgreSQL)


def test_progress_callback_and_batches(any_store):  # noqa: F811
    seen = []
    r = any_store.ingest((story(i) for i in range(23)), batch_size=10, on_progress=seen.append)
    assert r.added == 23 and seen == [10, 20, 23]
    with pytest.raises(ValueError):
        any_store.ingest([story(1)], batch_size=0)


def test_failed_batch_rolls_back_and_keeps_earlier_batches(any_store):  # noqa: F811
    class Boom(Exception):
        pass

    def articles():
        yield from (story(i) for i in range(10))
        raise Boom

    with pytest.raises(Boom):
        any_store.ingest(articles(), batch_size=5)
    assert Q.stats(any_store)["articles"] == 10  # both complete batches were committed

    bad = dataclasses.replace(story(50), mentions=(Mention(0, 5, "Talks", None, "x", "y"),))
    with pytest.raises(Exception):
        any_store.ingest([story(40), bad], batch_size=5)
    # the failing batch left nothing half-written
    assert Q.stats(any_store)["articles"] == 10
    assert table_counts(any_store)["statements"] == 20
    aggregates_match(any_store)


def test_store_usable_from_threads(any_store):  # noqa: F811
    import threading

    any_store.ingest([story(i) for i in range(10)])
    results, errors = [], []

    def work():
        try:
            for _ in range(5):
                results.append(Q.search_statements(any_store, F(q="talks"))["total"])
        except Exception as e:  # noqa: BLE001
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(set(results)) == 1 and len(results) == 20


def test_outlets_match_case_insensitively_in_any_script(any_store):  # noqa: F811
    a = dataclasses.replace(story(1), outlet="Белта Новости")
    b = dataclasses.replace(story(2), outlet="БЕЛТА  новости")
    c = dataclasses.replace(story(3), outlet="Harbour Post")
    any_store.ingest([a, b, c])
    aggregates_match(any_store)
    assert Q.search_statements(any_store, F(outlet="белта новости"))["total"] == 4
    fac = Q.facets(any_store, F())["outlet"]
    assert [f["count"] for f in fac] == [4, 2]
    assert Q.search_statements(any_store, F(outlet=fac[0]["value"]))["total"] == 4
    assert Q.facets(any_store, F(kind="direct"))["outlet"][0]["count"] == 2
    assert Q.stats(any_store)["outlets"] == 2

"""The query API on a populated store, on SQLite and (with QUOTEGRAPH_PG_DSN) PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from test_store_support import BACKENDS, any_store, backend_store, story  # noqa: F401

from quotegraph import query as Q
from quotegraph.errors import QueryError
from quotegraph.model import Article, Span, Statement
from quotegraph.query import StatementFilter as F
from quotegraph.store import article_id

N = 36  # stories: 3 speakers x 12 months, 2 statements each


@pytest.fixture(scope="module", params=BACKENDS)
def store(request, tmp_path_factory):
    """One populated store per backend, shared by the read-only tests of this module."""
    for s in backend_store(request.param, tmp_path_factory.mktemp("q")):
        s.ingest([story(i) for i in range(N)], batch_size=10)
        yield s


def ids(page):
    return [h["id"] for h in page["items"]]


def test_total_and_order_newest_first(store):
    page = Q.search_statements(store, F(), limit=200)
    assert page["total"] == 2 * N
    dates = [h["article"]["published"] for h in page["items"]]
    assert dates == sorted(dates, reverse=True)
    # within an article, statements come in text order
    first = [h for h in page["items"] if h["article_id"] == page["items"][0]["article_id"]]
    assert [h["start"] for h in first] == sorted(h["start"] for h in first)


def test_hit_shape(store):
    hit = Q.search_statements(store, F(q="grain", kind="direct"), limit=1)["items"][0]
    assert set(hit) >= {"id", "article_id", "kind", "text", "snippet", "start", "end", "speaker",
                        "cue", "about", "said_on", "article"}
    assert hit["id"] == f"{hit['article_id']}:{hit['start']}-{hit['end']}"
    assert set(hit["speaker"]) == {"id", "name", "role", "mention"}
    assert set(hit["article"]) == {"id", "title", "outlet", "published", "source", "url"}
    assert hit["cue"] == "said"
    assert all(set(a) == {"id", "name", "type"} for a in hit["about"])


def test_full_text_word_phrase_prefix_or_not(store):
    grain = Q.search_statements(store, F(q="grain"), limit=200)
    assert grain["total"] > 0
    assert all("grain" in h["text"].lower() for h in grain["items"])
    assert all("<mark>grain</mark>" in h["snippet"].lower() for h in grain["items"])
    phrase = Q.search_statements(store, F(q='"river treaty"'), limit=200)
    assert phrase["total"] > 0 and all("river treaty" in h["text"] for h in phrase["items"])
    assert Q.search_statements(store, F(q='"treaty river"'))["total"] == 0
    prefix = Q.search_statements(store, F(q="quot*"))  # "quotas"
    assert prefix["total"] == Q.search_statements(store, F(q="fishing"))["total"] > 0
    either = Q.search_statements(store, F(q="grain OR fishing"))["total"]
    assert either == grain["total"] + Q.search_statements(store, F(q="fishing"))["total"]
    without = Q.search_statements(store, F(q="talks -grain"), limit=200)
    assert without["total"] > 0 and not any("grain" in h["text"] for h in without["items"])
    # stemming: the singular finds the plural
    assert Q.search_statements(store, F(q="price"))["total"] > 0
    # the speaker's name is searchable too
    assert Q.search_statements(store, F(q="Santos"))["total"] > 0


def test_full_text_with_nothing_searchable_matches_nothing(store):
    for q in ["%", "-grain", '""', "***"]:
        assert Q.search_statements(store, F(q=q))["total"] == 0
    assert Q.search_statements(store, F(q="   "))["total"] == 2 * N  # blank = no text filter


@pytest.mark.parametrize("q", [
    "'; DROP TABLE statements; --", '"unbalanced', "100% grain", "grain%", "_",
    "NEAR(grain treaty)", "text:grain", "grain)", "(grain", "a'b\"c", "\\", "?", "%s",
])
def test_hostile_queries_are_data_not_sql(store, q):
    for flt in (F(q=q), F(speaker=q), F(about=q), F(outlet=q), F(article=q)):
        Q.search_statements(store, flt)
        Q.facets(store, flt)
    Q.list_speakers(store, q=q)
    Q.list_actors(store, q=q)
    assert Q.get_speaker(store, q) is None
    assert Q.get_article(store, q) is None
    assert Q.stats(store)["statements"] == 2 * N


def test_like_wildcards_are_literal(store):
    assert Q.list_speakers(store, q="%")["total"] == 0
    assert Q.list_speakers(store, q="_")["total"] == 0
    assert Q.list_speakers(store, q="ANTOS")["total"] == 1


def test_filters(store):
    every = Q.search_statements(store, F(), limit=200)["items"]
    by_id = Q.search_statements(store, F(speaker="anna-berg"), limit=200)
    by_name = Q.search_statements(store, F(speaker="anna berg"), limit=200)
    assert ids(by_id) == ids(by_name)
    assert by_id["total"] == sum(1 for h in every if h["speaker"]["id"] == "anna-berg") > 0
    slugged = Q.search_statements(store, F(speaker="pavel-orlin"))
    assert slugged["total"] == sum(1 for h in every if h["speaker"]["name"] == "Pavel Orlin")

    about = Q.search_statements(store, F(about="Freeland"), limit=200)
    assert about["total"] == sum(1 for h in every if "freeland" in {a["id"] for a in h["about"]})
    assert about["total"] > 0
    assert ids(about) == ids(Q.search_statements(store, F(about="freeland"), limit=200))

    outlet = Q.search_statements(store, F(outlet="harbour post"), limit=200)
    assert outlet["total"] == sum(1 for h in every if h["article"]["outlet"] == "Harbour Post")

    kind = Q.search_statements(store, F(kind="indirect"), limit=200)
    assert kind["total"] == N and all(h["kind"] == "indirect" for h in kind["items"])

    rng = Q.search_statements(store, F(since=date(2023, 3, 1), until="2023-04-30"), limit=200)
    assert rng["total"] == sum(1 for h in every
                               if "2023-03-01" <= h["article"]["published"] <= "2023-04-30")
    assert rng["total"] > 0

    aid = every[0]["article_id"]
    assert {h["article_id"] for h in Q.search_statements(store, F(article=aid))["items"]} == {aid}

    combo = Q.search_statements(store, F(q="talks", speaker="Pavel Orlin", kind="indirect"))
    assert combo["total"] > 0
    assert all(h["speaker"]["name"] == "Pavel Orlin" for h in combo["items"])

    for flt in (F(speaker="nobody"), F(about="atlantis"), F(outlet="nowhere")):
        assert Q.search_statements(store, flt)["total"] == 0


def test_about_excludes_the_speaker_themself(store):
    # story 2: Mira Santos quotes, Anna Berg reports; Anna Berg is also an actor
    for hit in Q.search_statements(store, F(speaker="anna-berg"), limit=200)["items"]:
        assert "anna-berg" not in {a["id"] for a in hit["about"]}


def test_pagination(store):
    seen = []
    for offset in range(0, 2 * N, 7):
        page = Q.search_statements(store, F(), limit=7, offset=offset)
        assert page["limit"] == 7 and page["offset"] == offset and page["total"] == 2 * N
        seen.extend(ids(page))
    assert len(seen) == len(set(seen)) == 2 * N
    assert seen == ids(Q.search_statements(store, F(), limit=200))
    assert Q.search_statements(store, F(), offset=10_000)["items"] == []
    assert Q.search_statements(store, F(), limit=0)["items"] == []


@pytest.mark.parametrize("call", [
    lambda s: Q.search_statements(s, F(kind="quote")),
    lambda s: Q.search_statements(s, F(since="2023-05-01", until="2023-04-01")),
    lambda s: Q.search_statements(s, F(since="yesterday")),
    lambda s: Q.search_statements(s, F(), limit=201),
    lambda s: Q.search_statements(s, F(), limit=-1),
    lambda s: Q.search_statements(s, F(), offset=-1),
    lambda s: Q.facets(s, F(kind="nope")),
    lambda s: Q.list_speakers(s, limit=500),
    lambda s: Q.list_actors(s, offset=-5),
    lambda s: Q.timeline(s, by="planet"),
    lambda s: Q.timeline(s, interval="year"),
    lambda s: Q.network(s, min_weight=0),
    lambda s: Q.network(s, limit=0),
])
def test_bad_filters_raise_query_error(store, call):
    with pytest.raises(QueryError):
        call(store)


def test_facets_agree_with_search(store):
    flt = F(since="2023-02-01")
    fac = Q.facets(store, flt)
    total = Q.search_statements(store, flt)["total"]
    assert sum(f["count"] for f in fac["kind"]) == total
    assert sum(f["count"] for f in fac["outlet"]) == total
    for f in fac["speaker"]:
        assert f["count"] == Q.search_statements(store, F(since="2023-02-01",
                                                          speaker=f["value"]))["total"]
    for f in fac["about"]:
        assert f["count"] == Q.search_statements(store, F(since="2023-02-01",
                                                          about=f["value"]))["total"]
    assert {f["label"] for f in fac["speaker"]} == {"Anna Berg", "Pavel Orlin", "Mira Santos"}
    assert [f["count"] for f in fac["about"]] == sorted((f["count"] for f in fac["about"]),
                                                       reverse=True)
    assert len(Q.facets(store, F(), limit=1)["about"]) == 1


def test_speakers_and_actors(store):
    sp = Q.list_speakers(store)
    assert sp["total"] == 3
    assert sum(i["statements"] for i in sp["items"]) == 2 * N
    berg = next(i for i in sp["items"] if i["id"] == "anna-berg")
    assert berg["name"] == "Anna Berg" and berg["first"] <= berg["last"]
    assert Q.list_speakers(store, q="orl")["items"][0]["id"] == "pavel-orlin"

    prof = Q.get_speaker(store, "anna-berg")
    assert prof["statements"] == berg["statements"]
    assert {r["role"] for r in prof["roles"]} == {"foreign minister"}
    assert sum(p["count"] for p in prof["timeline"]) == prof["statements"]
    assert prof["timeline"][0]["period"] == prof["first"][:7]
    assert len(prof["latest"]) == 10
    assert all(h["speaker"]["id"] == "anna-berg" for h in prof["latest"])
    assert prof["top_about"] and prof["top_about"][0]["count"] >= prof["top_about"][-1]["count"]
    assert Q.get_speaker(store, "Anna Berg")["id"] == "anna-berg"
    assert Q.get_speaker(store, "nobody") is None

    actors = Q.list_actors(store)
    assert {a["id"] for a in actors["items"]} >= {"norland", "freeland", "coastal-union"}
    assert Q.list_actors(store, type="organization")["items"][0]["id"] == "coastal-union"
    act = Q.get_actor(store, "freeland")
    assert act["statements_about"] == Q.search_statements(store, F(about="freeland"))["total"]
    assert sum(s["count"] for s in act["top_speakers"]) == act["statements_about"]
    assert sum(p["count"] for p in act["timeline"]) == act["statements_about"]
    assert Q.get_actor(store, "Coastal Union")["id"] == "coastal-union"
    assert Q.get_actor(store, "atlantis") is None


def test_get_article_and_statement(store):
    a = story(4)
    art = Q.get_article(store, article_id(a.text))
    assert art["text"] == a.text and art["title"] == a.title and art["outlet"] == a.outlet
    assert len(art["statements"]) == 2
    for st in art["statements"]:
        assert a.text[st["start"]:st["end"]] == st["text"]
        c = st["cue_span"]
        assert a.text[c["start"]:c["end"]] == c["text"] == st["cue"]
        s = st["speaker_span"]
        assert a.text[s["start"]:s["end"]] == s["text"] == st["speaker"]["mention"]
    assert art["statements"][0]["speaker"]["how"] == ["named after the quote"]
    assert all(a.text[m["start"]:m["end"]] == m["text"] for m in art["mentions"])
    assert {m["id"] for m in art["mentions"]} == {m.id for m in a.mentions} == {"norland"}
    one = Q.get_statement(store, art["statements"][1]["id"])
    assert one == art["statements"][1]
    assert Q.get_statement(store, "nope:1-2") is None


def test_snippet_is_escaped_html(any_store):  # noqa: F811
    text = 'Officials said "<script>alert(1)</script> & grain <b>now</b>" yesterday.'
    s0 = text.index("<script>")
    s1 = text.index('" yesterday')
    st = Statement(kind="direct", start=s0, end=s1, text=text[s0:s1], speaker=None,
                   cue=Span(10, 14, "said"), rule="t", source_mention=Span(0, 9, "Officials"))
    any_store.ingest([Article(text=text, published="2023-01-01", statements=(st,))])
    hit = Q.search_statements(any_store, F(q="grain"))["items"][0]
    assert "<script>" not in hit["snippet"] and "&lt;script&gt;" in hit["snippet"]
    assert "<mark>grain</mark>" in hit["snippet"] and "&amp;" in hit["snippet"]
    assert hit["speaker"] is None
    plain = Q.search_statements(any_store, F())["items"][0]
    assert plain["snippet"].startswith("&lt;script&gt;")
    art = Q.get_article(any_store, hit["article_id"])
    assert art["statements"][0]["source_span"] == {"start": 0, "end": 9, "text": "Officials"}


def test_long_snippet_is_cut_around_the_match(any_store):  # noqa: F811
    body = " ".join(f"word{i}" for i in range(300)) + " sanctions " + " ".join(
        f"more{i}" for i in range(300))
    text = f'She said "{body}".'
    st = Statement(kind="direct", start=10, end=10 + len(body), text=body, speaker=None,
                   cue=Span(4, 8, "said"), rule="t")
    any_store.ingest([Article(text=text, published="2023-01-01", statements=(st,))])
    snip = Q.search_statements(any_store, F(q="sanctions"))["items"][0]["snippet"]
    assert "<mark>sanctions</mark>" in snip and len(snip) < 400
    assert snip.startswith("\u2026") and snip.endswith("\u2026")


def test_timeline(store):
    t = Q.timeline(store, by="speaker")
    assert t["interval"] == "month" and len(t["series"]) == 3
    assert sum(p["count"] for s in t["series"] for p in s["points"]) == 2 * N
    periods = [p["period"] for p in t["series"][0]["points"]]
    assert periods == [f"2023-{m:02d}" for m in range(1, 13)]  # gaps filled, shared axis
    one = Q.timeline(store, by="speaker", key="Anna Berg", interval="week")
    assert [s["key"] for s in one["series"]] == ["anna-berg"]
    assert one["series"][0]["label"] == "Anna Berg"
    assert all(p["period"][4:6] == "-W" for p in one["series"][0]["points"])
    assert sum(p["count"] for p in one["series"][0]["points"]) == \
        Q.get_speaker(store, "anna-berg")["statements"]
    day = Q.timeline(store, by="outlet", key="northern wire", interval="day",
                     flt=F(kind="direct"))
    assert day["series"][0]["key"] == "Northern Wire"
    assert sum(p["count"] for p in day["series"][0]["points"]) == \
        Q.search_statements(store, F(outlet="Northern Wire", kind="direct"))["total"]
    actors = Q.timeline(store, by="actor", flt=F(speaker="mira-santos"))
    assert {s["key"] for s in actors["series"]} <= {"norland", "freeland", "coastal-union",
                                                    "the-west", "anna-berg"}
    assert Q.timeline(store, by="speaker", key="nobody")["series"] == []


def test_network(store):
    net = Q.network(store)
    nodes = {n["id"]: n for n in net["nodes"]}
    assert {e["source"] for e in net["edges"]} <= {"anna-berg", "pavel-orlin", "mira-santos"}
    assert all(e["target"] in nodes and e["source"] in nodes for e in net["edges"])
    assert nodes["anna-berg"]["type"] == "speaker" and nodes["freeland"]["type"] == "country"
    total_about = sum(a["statements_about"] for a in Q.list_actors(store)["items"])
    assert sum(e["weight"] for e in net["edges"]) == total_about
    heavy = Q.network(store, min_weight=5, limit=3)
    assert len(heavy["edges"]) <= 3 and all(e["weight"] >= 5 for e in heavy["edges"])
    weights = [e["weight"] for e in net["edges"]]
    assert weights == sorted(weights, reverse=True)
    only = Q.network(store, flt=F(speaker="mira-santos"))
    assert {e["source"] for e in only["edges"]} == {"mira-santos"}


def test_stats(store):
    s = Q.stats(store)
    assert s["articles"] == N and s["statements"] == 2 * N and s["speakers"] == 3
    assert s["outlets"] == 3 and s["actors"] == 5
    assert s["first"] == "2023-01-01" and s["last"] <= "2023-12-31"
    assert s["db_size"] > 0
    assert s["mentions"] == sum(len(story(i).mentions) for i in range(N))


def test_index_shortcuts_agree_with_the_general_query(store):
    """Text-only and about-only searches page from their own index; unfiltered facets,
    timelines and the network read kept counts. Each must equal the general path."""
    every = Q.search_statements(store, F(), limit=200)["items"]
    grain = Q.search_statements(store, F(q="grain"), limit=200)
    assert ids(grain) == [h["id"] for h in every if "grain" in h["text"]]
    page = Q.search_statements(store, F(q="grain"), limit=3, offset=2)
    assert ids(page) == ids(grain)[2:5] and page["total"] == grain["total"]
    about = Q.search_statements(store, F(about="norland", since="2023-03-01"), limit=200)
    assert ids(about) == [h["id"] for h in every if "norland" in {a["id"] for a in h["about"]}
                          and h["article"]["published"] >= "2023-03-01"]

    everything = F(since="1900-01-01")  # same statements, but takes the general path
    assert Q.facets(store, F()) == Q.facets(store, everything)
    for by in ("speaker", "actor", "outlet"):
        assert Q.timeline(store, by=by) == Q.timeline(store, by=by, flt=everything)
    assert Q.network(store) == Q.network(store, flt=everything)
    assert Q.network(store, min_weight=3, limit=4) == \
        Q.network(store, flt=everything, min_weight=3, limit=4)


def test_order_newest_day_then_latest_ingested_then_text_order(any_store):  # noqa: F811
    import dataclasses

    old = story(1, published="2022-05-01")
    undated = dataclasses.replace(story(2), published=None)
    first = story(3, published="2023-06-01")
    second = story(4, published="2023-06-01")
    any_store.ingest([old, undated, first])
    any_store.ingest([second])
    got = [(h["article"]["source"], h["kind"])
           for h in Q.search_statements(any_store, F(), limit=20)["items"]]
    assert got == [("story-4.txt", "direct"), ("story-4.txt", "indirect"),
                   ("story-3.txt", "direct"), ("story-3.txt", "indirect"),
                   ("story-1.txt", "direct"), ("story-1.txt", "indirect"),
                   ("story-2.txt", "direct"), ("story-2.txt", "indirect")]
    # an undated article is left out of date ranges and timelines, not lost
    assert Q.search_statements(any_store, F(until="2030-01-01"))["total"] == 6
    assert sum(p["count"] for s in Q.timeline(any_store)["series"] for p in s["points"]) == 6
    assert Q.stats(any_store)["statements"] == 8

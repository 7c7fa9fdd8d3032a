"""Every REST route over a real SQLite file: results, filters, paging and 4xx JSON errors."""

from __future__ import annotations

import warnings

import pytest

from test_web_fixtures import A1_ID, XSS_ID, build_db

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette: "use httpx2"; irrelevant to these tests
    from fastapi.testclient import TestClient

from quotegraph.api import create_app


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_db(tmp_path_factory.mktemp("api") / "t.db")


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db)) as c:
        yield c


def error_of(r, status):
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert set(body) == {"error"}
    assert body["error"]["code"] and body["error"]["message"]
    return body["error"]


# ---- statements ---------------------------------------------------------------------------


def test_statements_full_text_search_with_snippet_and_facets(client):
    r = client.get("/api/statements", params={"q": "lectures"})
    assert r.status_code == 200
    page = r.json()
    assert page["total"] == 1
    hit = page["items"][0]
    assert hit["speaker"]["name"] == "Irina Valko"
    assert hit["article_id"] == A1_ID
    assert "<mark>lectures</mark>" in hit["snippet"]
    assert hit["article"]["outlet"] == "Northwire"
    assert {a["id"] for a in hit["about"]} == {"CENTRAL_ASIA", "WEST"}
    assert page["facets"]["speaker"] == [{"value": "irina-valko", "label": "Irina Valko", "count": 1}]


def test_statements_without_facets(client):
    page = client.get("/api/statements", params={"facets": "false", "limit": 1}).json()
    assert page.get("facets") is None
    assert page["total"] == 38


@pytest.mark.parametrize(
    ("params", "total"),
    [
        ({"speaker": "tomas-berg"}, 3),
        ({"speaker": "Tomas Berg"}, 3),
        ({"about": "UZ"}, 2),
        ({"about": "Uzbekistan"}, 2),
        ({"outlet": "Northwire"}, 6),
        ({"kind": "direct"}, 5),
        ({"since": "2023-04-01", "until": "2023-05-31"}, 10),
        ({"article": A1_ID}, 3),
        ({"speaker": "irina-valko", "about": "KZ", "kind": "indirect"}, 27),
        ({"speaker": "nobody-at-all"}, 0),
    ],
)
def test_statement_filters(client, params, total):
    page = client.get("/api/statements", params={**params, "limit": 200}).json()
    assert page["total"] == total
    assert len(page["items"]) == total


def test_statement_filter_results_really_match(client):
    items = client.get("/api/statements", params={"about": "UZ", "kind": "indirect"}).json()["items"]
    assert items and all(i["kind"] == "indirect" for i in items)
    assert all("UZ" in {a["id"] for a in i["about"]} for i in items)


def test_pagination_walks_every_statement_once(client):
    seen = []
    for offset in range(0, 40, 7):
        page = client.get("/api/statements", params={"limit": 7, "offset": offset, "facets": "false"}).json()
        assert page["limit"] == 7 and page["offset"] == offset
        seen += [i["id"] for i in page["items"]]
    assert len(seen) == 38 == len(set(seen))
    beyond = client.get("/api/statements", params={"offset": 500}).json()
    assert beyond["items"] == [] and beyond["total"] == 38


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"limit": 201}, 422),
        ({"limit": 0}, 422),
        ({"offset": -1}, 422),
        ({"limit": "ten"}, 422),
        ({"kind": "rumour"}, 422),
        ({"since": "2023-13-45"}, 422),
        ({"since": "2023-06-01", "until": "2023-01-01"}, 400),
    ],
)
def test_bad_statement_params_are_json_errors(client, params, status):
    err = error_of(client.get("/api/statements", params=params), status)
    if status == 400:
        assert err["code"] == "bad_query"
        assert "since" in err["message"]
    else:
        assert err["code"] == "invalid_request"
        assert next(iter(params)) in err["message"]


def test_one_statement_with_spans(client):
    sid = client.get("/api/statements", params={"q": "lectures"}).json()["items"][0]["id"]
    st = client.get(f"/api/statements/{sid}").json()
    art = client.get(f"/api/articles/{A1_ID}").json()
    assert art["text"][st["start"]:st["end"]] == st["text"]
    assert art["text"][st["cue_span"]["start"]:st["cue_span"]["end"]] == "told"
    assert art["text"][st["speaker_span"]["start"]:st["speaker_span"]["end"]] == "Valko"


def test_missing_statement_is_404(client):
    err = error_of(client.get(f"/api/statements/{A1_ID}:1-2"), 404)
    assert err["code"] == "not_found"
    error_of(client.get("/api/statements/garbage"), 404)


# ---- speakers, actors, articles -----------------------------------------------------------


def test_speakers_list_and_search(client):
    page = client.get("/api/speakers").json()
    assert [s["id"] for s in page["items"]][:3] == ["irina-valko", "tomas-berg", "aslan-nurov"]
    assert page["items"][0]["statements"] == 30
    found = client.get("/api/speakers", params={"q": "berg"}).json()
    assert [s["name"] for s in found["items"]] == ["Tomas Berg"]
    paged = client.get("/api/speakers", params={"limit": 1, "offset": 1}).json()
    assert [s["id"] for s in paged["items"]] == ["tomas-berg"]
    error_of(client.get("/api/speakers", params={"limit": 500}), 422)


def test_speaker_detail(client):
    sp = client.get("/api/speakers/irina-valko").json()
    assert sp["name"] == "Irina Valko"
    assert sp["statements"] == 30
    assert [r["role"] for r in sp["roles"]] == ["foreign ministry spokeswoman"]
    assert sum(p["count"] for p in sp["timeline"]) == 30
    assert sp["top_about"][0]["id"] == "KZ"
    assert len(sp["latest"]) == 10
    error_of(client.get("/api/speakers/nobody"), 404)


def test_actors_list_filter_and_detail(client):
    page = client.get("/api/actors").json()
    assert page["items"][0]["id"] == "KZ"
    groupings = client.get("/api/actors", params={"type": "grouping"}).json()["items"]
    assert {a["id"] for a in groupings} >= {"WEST", "CENTRAL_ASIA"}
    assert all(a["type"] == "grouping" for a in groupings)
    act = client.get("/api/actors/WEST").json()
    assert act["name"] == "the West"
    assert act["statements_about"] == 2
    assert {s["id"] for s in act["top_speakers"]} == {"irina-valko", "aslan-nurov"}
    assert len(act["latest"]) == 2
    error_of(client.get("/api/actors/NOWHERE"), 404)


def test_actor_ids_with_odd_characters_round_trip(client):
    act = client.get("/api/actors/SVG%3Cx%3E").json()
    assert act["id"] == "SVG<x>"


def test_article_detail(client):
    art = client.get(f"/api/articles/{A1_ID}").json()
    assert art["title"].startswith("Valko:")
    assert len(art["statements"]) == 3
    for st in art["statements"]:
        assert art["text"][st["start"]:st["end"]] == st["text"]
    for m in art["mentions"]:
        assert art["text"][m["start"]:m["end"]] == m["text"]
    error_of(client.get("/api/articles/0000000000000000"), 404)


# ---- timeline, network, stats -------------------------------------------------------------


def test_timeline_by_speaker_and_key(client):
    tl = client.get("/api/timeline", params={"by": "speaker", "key": "tomas-berg"}).json()
    assert tl["interval"] == "month"
    assert [s["key"] for s in tl["series"]] == ["tomas-berg"]
    assert {p["period"]: p["count"] for p in tl["series"][0]["points"]} == {"2023-04": 3}
    by_outlet = client.get("/api/timeline", params={"by": "outlet", "outlet": "Northwire"}).json()
    assert [s["key"] for s in by_outlet["series"]] == ["Northwire"]
    days = client.get("/api/timeline", params={"interval": "day", "key": "aslan-nurov"}).json()
    assert days["series"][0]["points"] == [{"period": "2023-05-20", "count": 2}]
    error_of(client.get("/api/timeline", params={"by": "planet"}), 422)
    error_of(client.get("/api/timeline", params={"interval": "year"}), 422)


def test_network(client):
    net = client.get("/api/network").json()
    ids = {n["id"] for n in net["nodes"]}
    assert {"irina-valko", "KZ", "WEST"} <= ids
    edge = next(e for e in net["edges"] if e["source"] == "irina-valko" and e["target"] == "KZ")
    assert edge["weight"] == 28
    heavy = client.get("/api/network", params={"min_weight": 5}).json()
    assert [(e["source"], e["target"]) for e in heavy["edges"]] == [("irina-valko", "KZ")]
    filtered = client.get("/api/network", params={"speaker": "tomas-berg"}).json()
    assert {e["source"] for e in filtered["edges"]} == {"tomas-berg"}
    error_of(client.get("/api/network", params={"min_weight": 0}), 422)


def test_stats(client):
    st = client.get("/api/stats").json()
    assert st["articles"] == 31
    assert st["statements"] == 38
    assert st["speakers"] == 4
    assert st["first"] == "2023-01-10"
    assert st["db_size"] > 0


def test_unknown_api_path_and_method(client):
    assert error_of(client.get("/api/nothing"), 404)["code"] == "not_found"
    assert error_of(client.delete("/api/stats"), 405)["code"] == "method_not_allowed"


def test_xss_article_comes_back_verbatim_as_json(client):
    art = client.get(f"/api/articles/{XSS_ID}").json()
    assert "<script>window.__pwned = 1;" in art["text"]
    assert art["title"].startswith("<script>")


def test_openapi_describes_the_routes(client):
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for p in ("/api/statements", "/api/statements/{statement_id}", "/api/speakers",
              "/api/speakers/{speaker_id}", "/api/actors", "/api/actors/{actor_id}",
              "/api/articles/{article_id}", "/api/timeline", "/api/network", "/api/stats",
              "/api/ingest"):
        assert p in paths, p
    assert "StatementHit" in spec["components"]["schemas"]
    assert not any(p.startswith(("/articles", "/speakers", "/network")) for p in paths)


def test_docs_page_uses_vendored_swagger_only(client):
    html = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in html
    assert "/static/vendor/swagger-ui/swagger-ui.css" in html
    assert "cdn" not in html.lower() and "https://" not in html
    js = client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js")
    assert js.status_code == 200 and len(js.content) > 100_000
    assert client.get("/static/vendor/swagger-ui/swagger-ui.css").status_code == 200


def test_create_app_refuses_a_missing_database(tmp_path):
    from quotegraph.errors import StoreError

    with pytest.raises(StoreError):
        create_app(tmp_path / "absent.db")
    assert not (tmp_path / "absent.db").exists()


@pytest.mark.parametrize(
    "q",
    ['"', "AND", "*", "'; DROP TABLE statements; --", "%", "NEAR(", "a OR", "-", "()", "\x00",
     "speaker_name:x", "^", "ferr*", '"ferry route"'],
)
def test_odd_full_text_queries_never_fail(client, q):
    r = client.get("/api/statements", params={"q": q})
    assert r.status_code == 200, r.text
    assert client.get("/", params={"q": q}).status_code == 200
    assert client.get("/api/stats").json()["statements"] == 38


def test_empty_database_page_says_how_to_fill_it(tmp_path):
    from quotegraph.store import open_store

    open_store(tmp_path / "empty.db").close()
    with TestClient(create_app(tmp_path / "empty.db")) as c:
        html = c.get("/").text
        assert "The database is empty" in html and "quotegraph demo" in html
        assert c.get("/api/stats").json()["articles"] == 0
        assert c.get("/api/network").json() == {"nodes": [], "edges": []}

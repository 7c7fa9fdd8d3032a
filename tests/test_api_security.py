"""Write access, body limits, CORS and security headers of the app."""

from __future__ import annotations

import json
import warnings

import pytest

from test_web_fixtures import build_db

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette: "use httpx2"; irrelevant to these tests
    from fastapi.testclient import TestClient

from quotegraph.api import create_app
from quotegraph.store import article_id

TOKEN = "s3cret-token-for-tests-0123456789"
POST_TEXT = (
    "Envoy says rail freight to Norland will double\n\n"
    "ARDEN, September 4. /Test Wire/. Trade envoy Lin Ma said on Monday that rail freight to "
    "Norland would double next year.\n\n"
    "\"We will run two trains where we ran one,\" Lin Ma told reporters.\n"
)


@pytest.fixture()
def db(tmp_path):
    return build_db(tmp_path / "t.db", with_xss=False)


def client_for(db, **kw):
    return TestClient(create_app(db, **kw))


def test_read_only_by_default(db):
    with client_for(db) as c:
        r = c.post("/api/ingest", json=[{"text": POST_TEXT}], headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 403
        assert "read-only" in r.json()["error"]["message"]
        assert c.get("/api/stats").json()["articles"] == 30


def test_missing_or_malformed_token_is_401(db):
    with client_for(db, write_token=TOKEN) as c:
        r = c.post("/api/ingest", json=[{"text": POST_TEXT}])
        assert r.status_code == 401
        assert r.headers["www-authenticate"] == "Bearer"
        assert r.json()["error"]["code"] == "unauthorized"
        r = c.post("/api/ingest", json=[{"text": POST_TEXT}], headers={"Authorization": f"Basic {TOKEN}"})
        assert r.status_code == 401


def test_wrong_token_is_403(db):
    with client_for(db, write_token=TOKEN) as c:
        r = c.post("/api/ingest", json=[{"text": POST_TEXT}], headers={"Authorization": f"Bearer {TOKEN}x"})
        assert r.status_code == 403
        assert r.json()["error"]["code"] == "forbidden"
        assert c.get("/api/stats").json()["articles"] == 30


def test_ingest_with_token_stores_and_is_idempotent(db):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    body = [{"text": POST_TEXT, "title": "Envoy on rail freight", "published": "2023-09-04",
             "outlet": "Test Wire", "url": "https://example.org/rail"}]
    with client_for(db, write_token=TOKEN) as c:
        r = c.post("/api/ingest", json=body, headers=auth)
        assert r.status_code == 200, r.text
        out = r.json()
        assert out["added"] == 1 and out["failed"] == 0
        assert out["ids"] == [article_id(POST_TEXT)]
        art = c.get(f"/api/articles/{out['ids'][0]}").json()
        assert art["text"] == POST_TEXT
        assert art["outlet"] == "Test Wire"
        assert art["published"] == "2023-09-04"
        again = c.post("/api/ingest", json=body, headers=auth).json()
        assert (again["added"], again["unchanged"]) == (0, 1)
        assert c.get("/api/stats").json()["articles"] == 31


@pytest.mark.parametrize(
    "body",
    [
        {"text": "not a list"},
        [{"title": "no text"}],
        [{"text": "   "}],
        [{"text": "ok", "published": "yesterday"}],
        [{"text": "ok", "unknown_field": 1}],
    ],
)
def test_malformed_ingest_bodies_are_422(db, body):
    with client_for(db, write_token=TOKEN) as c:
        r = c.post("/api/ingest", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 422, r.text
        assert r.json()["error"]["code"] == "invalid_request"


def test_invalid_json_is_422(db):
    with client_for(db, write_token=TOKEN) as c:
        r = c.post("/api/ingest", content=b"[{not json", headers={
            "Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
        assert r.status_code == 422
        assert r.json()["error"]["code"] == "invalid_request"


def test_body_over_the_limit_is_413(db):
    with client_for(db, write_token=TOKEN, max_body=10_000) as c:
        big = json.dumps([{"text": "word " * 4000}]).encode()
        r = c.post("/api/ingest", content=big, headers={
            "Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
        assert r.status_code == 413
        assert r.json()["error"]["code"] == "too_large"
        assert c.get("/api/stats").json()["articles"] == 30


def test_chunked_body_over_the_limit_is_413(db):
    def chunks():
        yield b'[{"text": "'
        for _ in range(50):
            yield b"x" * 1000
        yield b'"}]'

    with client_for(db, write_token=TOKEN, max_body=10_000) as c:
        r = c.post("/api/ingest", content=chunks(), headers={
            "Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
        assert r.status_code == 413


def test_default_limit_is_five_megabytes(db):
    with client_for(db) as c:
        r = c.post("/api/ingest", content=b"x" * (5 * 1024 * 1024 + 1),
                   headers={"Content-Type": "application/json"})
        assert r.status_code == 413


def test_cors_is_off_by_default(db):
    with client_for(db) as c:
        r = c.get("/api/stats", headers={"Origin": "https://elsewhere.example"})
        assert r.status_code == 200
        assert "access-control-allow-origin" not in r.headers
        pre = c.options("/api/stats", headers={
            "Origin": "https://elsewhere.example", "Access-Control-Request-Method": "GET"})
        assert "access-control-allow-origin" not in pre.headers


def test_cors_allows_only_configured_origins(db):
    with client_for(db, cors_origins=["https://ok.example"]) as c:
        ok = c.get("/api/stats", headers={"Origin": "https://ok.example"})
        assert ok.headers["access-control-allow-origin"] == "https://ok.example"
        other = c.get("/api/stats", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers


def test_security_headers(db):
    with client_for(db) as c:
        page = c.get("/")
        csp = page.headers["content-security-policy"]
        assert "script-src 'self';" in csp and "unsafe-inline" not in csp
        assert page.headers["x-content-type-options"] == "nosniff"
        assert page.headers["x-frame-options"] == "DENY"
        assert "content-security-policy" in c.get("/api/stats").headers
        # Swagger UI's page needs one inline script; nothing else gets that allowance.
        assert "'unsafe-inline'" in c.get("/docs").headers["content-security-policy"]


def test_no_cdn_or_external_asset_in_any_page(db):
    with client_for(db) as c:
        for path in ("/", "/speakers", "/actors", "/network", "/speakers/irina-valko", "/actors/KZ"):
            html = c.get(path).text
            for bad in ("cdn.", "googleapis", "unpkg", "jsdelivr", "<script src=\"http", "href=\"//"):
                assert bad not in html, (path, bad)

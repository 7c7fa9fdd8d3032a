"""Whatever is typed into ``q`` is never a server error, on any endpoint that takes it.

FTS5 (and PostgreSQL's tsquery) have their own syntax; a stray quote, operator or column
prefix reaching the engine raises there. Each endpoint must answer 200, or a 4xx naming the
problem (e.g. a query over the length limit), never 5xx.
"""

from __future__ import annotations

from urllib.parse import quote, quote_from_bytes, urlencode

import pytest
from fastapi.testclient import TestClient

from test_web_fixtures import build_db

from quotegraph.api import create_app

ODD = ['"', '""', "AND", "OR", "NOT", "a AND", "AND b", "NEAR(", "NEAR(a b", "NEAR(a, 2)", "*",
       "**", "*a", "-", "--", "-a", "a -", "a OR", "OR OR", "col:x", "speaker_name:x", "text:",
       ":", "(((", ")))", "(a", "a)", "^", "^a", "+", "{a b}", "a:b:c", "'", "\\", "%", "_",
       "\x00", "\x01a", "\u00e9t\u00e9", "\u041c\u043e\u0441\u043a\u0432\u0430", "\u5317\u4eac",
       "\u0645\u0631\u062d\u0628\u0627", "\U0001f600", "\u200b", "a\u0301", "\ufeff", b"\xed\xa0\x80", b"\xff\xfe", b"a\xc3",
       '"unterminated phrase', 'a "b" OR -"c d" e*', "ferr*", "x" * 2000, "a " * 1000,
       '"' * 2000, "(" * 2000, "OR " * 600, "NEAR(" * 400]

# (path, extra parameters): every route whose query string takes q.
ENDPOINTS = [
    ("/api/statements", {}),
    ("/api/statements", {"facets": "false", "kind": "direct"}),
    ("/api/timeline", {}),
    ("/api/timeline", {"by": "actor"}),
    ("/api/network", {}),
    ("/api/claims", {}),
    ("/api/relations", {}),
    ("/api/speakers", {}),
    ("/api/actors", {}),
    ("/", {}),
    ("/speakers", {}),
    ("/actors", {}),
    ("/network", {}),
]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = build_db(tmp_path_factory.mktemp("syntax") / "q.db")
    # raise_server_exceptions=False: a crash shows up as the 500 a user would get.
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        yield c


def url(path: str, extra: dict[str, str], q: str | bytes) -> str:
    """The request as a browser would send it; bytes are sent raw (invalid UTF-8 included)."""
    raw = quote_from_bytes(q, safe="") if isinstance(q, bytes) else quote(q, safe="")
    return f"{path}?{urlencode(extra)}&q={raw}" if extra else f"{path}?q={raw}"


@pytest.mark.parametrize("path,extra", ENDPOINTS, ids=[p + str(sorted(e)) for p, e in ENDPOINTS])
def test_no_query_text_is_a_server_error(client, path, extra):
    bad = []
    for q in ODD:
        r = client.get(url(path, extra, q))
        if r.status_code >= 500:
            bad.append((q[:40], r.status_code, r.text[:200]))
        elif r.status_code != 200:
            # A refusal must say why, as JSON on the API.
            assert r.status_code in (400, 422), (q[:40], r.status_code)
            if path.startswith("/api/"):
                assert r.json()["error"]["message"], q[:40]
    assert not bad, bad


def test_odd_queries_still_find_what_they_contain(client):
    """The tolerant parser keeps the searchable words: a stray operator does not empty a hit."""
    plain = client.get("/api/statements", params={"q": "ferry"}).json()["total"]
    assert plain > 0
    for q in ["(((ferry", "ferry)", "ferry -", "ferry OR", '"ferry']:
        assert client.get("/api/statements", params={"q": q}).json()["total"] >= 1, q

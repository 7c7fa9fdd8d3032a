"""The direct answers of quotegraph.api.direct are the framework's, byte for byte.

Each request is sent to the app with the direct routes and to the same app without them; the
status, every header and the body must be equal. The requests cover every route the module
answers, the parameter forms it accepts and the ones it must leave to the framework (other
spellings, values out of range, unknown records, bad filters).
"""

from __future__ import annotations

import asyncio
from urllib.parse import unquote, urlsplit

import pytest

from test_web_fixtures import A1_ID, build_db

from quotegraph.api import create_app
from quotegraph.api import direct

ANSWERED = [
    "/api/statements",
    "/api/statements?q=lectures",
    "/api/statements?q=sanctions&limit=1&offset=1&facets=false",
    "/api/statements?speaker=irina-valko&kind=direct&facet_limit=2",
    "/api/statements?speaker=Irina+Valko&kind=indirect",
    "/api/statements?about=KZ&facets=1",
    "/api/statements?about=the+West&since=2024-01-01&until=2024-12-31",
    f"/api/statements?article={A1_ID}&outlet=Northwire",
    "/api/statements?q=&speaker=&about=&outlet=&article=&unknown=1",
    "/api/statements?q=%C3%A9t%C3%A9",
    "/api/statements?q=%22unclosed",
    "/api/timeline",
    "/api/timeline?by=actor&interval=week",
    "/api/timeline?by=outlet&interval=day&since=2024-01-01",
    "/api/timeline?key=irina-valko",
    "/api/network",
    "/api/network?about=KZ&min_weight=1&limit=5",
    "/api/network?relation=accuse",
    "/api/speakers/irina-valko",
    "/api/speakers/Irina%20Valko",
    "/api/actors/KZ",
    "/api/actors/the%20West",
]
LEFT_TO_THE_FRAMEWORK = [
    "/api/statements?limit=020",
    "/api/statements?limit=0",
    "/api/statements?limit=201",
    "/api/statements?facets=yes",
    "/api/statements?kind=",
    "/api/statements?kind=quoted",
    "/api/statements?since=2024-02-30",
    "/api/statements?since=2024-5-1",
    "/api/statements?since=2024-12-31&until=2024-01-01",
    "/api/statements?q=a&q=lectures",
    "/api/statements?q=" + "x" * 501,
    "/api/timeline?by=word",
    "/api/network?min_weight=0",
    "/api/network?relation=" + "r" * 21,
    "/api/speakers/",
    "/api/speakers/nobody-at-all",
    "/api/actors/NOWHERE",
]


async def _call(app, path: str, method: str = "GET", headers: tuple = ()) -> list[dict]:
    parts = urlsplit(path)
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": method, "scheme": "http", "path": unquote(parts.path),
             "raw_path": parts.path.encode(), "query_string": parts.query.encode(),
             "headers": [(b"host", b"testserver"), *headers], "client": ("127.0.0.1", 1),
             "server": ("testserver", 80), "root_path": ""}
    sent: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        sent.append(message)

    await app(scope, receive, send)
    return sent


@pytest.fixture(scope="module")
def apps(tmp_path_factory):
    db = build_db(tmp_path_factory.mktemp("direct") / "t.db")
    return create_app(db, cache=False), create_app(db, cache=False, direct=False)


@pytest.mark.parametrize("path", ANSWERED + LEFT_TO_THE_FRAMEWORK)
def test_direct_answer_equals_the_framework_answer(apps, path):
    fast, plain = apps
    assert asyncio.run(_call(fast, path)) == asyncio.run(_call(plain, path))


ORIGIN = "http://dashboard.example"


@pytest.fixture(scope="module")
def served_apps(tmp_path_factory):
    """The apps as ``serve`` builds them: response cache and security headers on; one pair
    with CORS, whose headers (``vary``, ``access-control-allow-origin``) must reach a direct
    answer too."""
    db = build_db(tmp_path_factory.mktemp("direct-served") / "t.db")
    return {"cache": (create_app(db), create_app(db, direct=False)),
            "cors": (create_app(db, cors_origins=[ORIGIN]),
                     create_app(db, cors_origins=[ORIGIN], direct=False))}


@pytest.mark.parametrize("setup", ["cache", "cors"])
@pytest.mark.parametrize("path", ANSWERED + LEFT_TO_THE_FRAMEWORK)
def test_served_answers_are_the_framework_answers_headers_included(served_apps, setup, path):
    """A miss, then a hit (``x-cache``), then a cross-origin request: status, every header
    (security headers, content type and length, cache and CORS headers) and body equal."""
    fast, plain = served_apps[setup]
    for headers in ((), (), ((b"origin", ORIGIN.encode()),)):
        got = asyncio.run(_call(fast, path, headers=headers))
        assert got == asyncio.run(_call(plain, path, headers=headers))
    if setup == "cors":
        assert (b"access-control-allow-origin", ORIGIN.encode()) in got[0]["headers"], path


def test_the_plain_forms_are_answered_directly(apps, monkeypatch):
    """The direct path really answers them: with the framework's routes unreachable (an app
    that raises), every plain request still gets its 200."""
    fast, _ = apps
    middleware = direct.DirectRoutes(None, fastapi_app=fast)

    async def unreachable(scope, receive, send):
        raise AssertionError(f"the framework was asked {scope['path']}")

    middleware.app = unreachable
    for path in ANSWERED:
        sent = asyncio.run(_call(middleware, path))
        assert sent[0]["status"] == 200, path
        assert sent[0]["headers"][1] == (b"content-type", b"application/json")


@pytest.mark.parametrize("path", LEFT_TO_THE_FRAMEWORK)
def test_odd_forms_and_misses_go_to_the_framework(apps, path):
    fast, _ = apps
    middleware = direct.DirectRoutes(None, fastapi_app=fast)
    asked = []

    async def framework(scope, receive, send):
        asked.append(scope["path"])

    middleware.app = framework
    asyncio.run(_call(middleware, path))
    assert asked, path


def test_head_and_other_routes_go_to_the_framework(apps):
    fast, plain = apps
    for path, method in (("/api/statements", "HEAD"), ("/api/stats", "GET"),
                         ("/api/speakers", "GET"), (f"/api/articles/{A1_ID}", "GET")):
        assert asyncio.run(_call(fast, path, method)) == asyncio.run(_call(plain, path, method))

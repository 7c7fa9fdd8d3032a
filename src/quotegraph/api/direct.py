"""Direct answers for the busiest read-only routes, below the framework.

Why: under load most of a cheap request's CPU went to FastAPI and Starlette, not to the
query: routing over every route, dependency solving, pydantic validation of each query
parameter, two thread-pool hops (the endpoint and the response validation) and the layers of
middleware. This ASGI middleware answers ``GET`` on ``/api/statements``, ``/api/speakers/{id}``,
``/api/actors/{id}``, ``/api/timeline`` and ``/api/network`` itself, calling the same query
functions the routes call and serialising through the *route's own* response field, so the
bytes and headers are the framework's.

Exactness first: a request is answered here only when every parameter has the plain form a
client sends (``limit=20``, ``since=2024-05-01``, ``facets=true``) and means the same to the
framework; anything else (another spelling of a number or a boolean, a value out of range, a
name it does not know the meaning of, an error, a record not found) goes on to the framework,
which answers it as before, errors included. Unknown parameter names are ignored, as the
framework ignores them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any
from urllib.parse import parse_qsl

from quotegraph import query

_INT = re.compile(r"0|[1-9][0-9]{0,8}")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_BOOLS = {"true": True, "false": False, "1": True, "0": False}
KINDS = ("direct", "indirect", "mixed")


class Decline(Exception):
    """The framework must answer this request (a form this module does not vouch for)."""


def text(max_length: int | None = None) -> Callable[[str], str]:
    def parse(v: str) -> str:
        if max_length is not None and len(v) > max_length:
            raise Decline
        return v
    return parse


def whole(lo: int, hi: int | None = None) -> Callable[[str], int]:
    def parse(v: str) -> int:
        if not _INT.fullmatch(v):
            raise Decline
        n = int(v)
        if n < lo or (hi is not None and n > hi):
            raise Decline
        return n
    return parse


def one_of(*values: str) -> Callable[[str], str]:
    def parse(v: str) -> str:
        if v not in values:
            raise Decline
        return v
    return parse


def day(v: str) -> date:
    if not _DATE.fullmatch(v):
        raise Decline
    try:
        return date.fromisoformat(v)
    except ValueError:
        raise Decline from None


def flag(v: str) -> bool:
    try:
        return _BOOLS[v]
    except KeyError:
        raise Decline from None


# The filter parameters of routes.statement_filter, with the same limits.
FILTER = {"q": text(500), "speaker": text(), "about": text(), "outlet": text(),
          "kind": one_of(*KINDS), "since": day, "until": day, "article": text()}


def statement_filter(p: dict[str, Any]) -> query.StatementFilter:
    """As routes.statement_filter: empty strings count as absent."""
    return query.StatementFilter(
        q=p.get("q") or None, speaker=p.get("speaker") or None, about=p.get("about") or None,
        outlet=p.get("outlet") or None, kind=p.get("kind") or None, since=p.get("since"),
        until=p.get("until"), article=p.get("article") or None)


def parse_params(query_string: bytes, spec: dict[str, Callable[[str], Any]]) -> dict[str, Any]:
    """The parameters of ``spec`` found in the query, parsed (raises Decline)."""
    pairs = parse_qsl(query_string.decode("latin-1"), keep_blank_values=True)
    out: dict[str, Any] = {}
    seen: set[str] = set()
    for k, v in pairs:
        if k in seen:  # the framework takes the last; rare enough to leave to it
            raise Decline
        seen.add(k)
        parse = spec.get(k)
        if parse is not None:
            out[k] = parse(v)
    return out


def _statements(db: Any, p: dict[str, Any], state: Any) -> Any:
    from quotegraph.api.routes import statement_page

    return statement_page(db, statement_filter(p), limit=p.get("limit", 20),
                          offset=p.get("offset", 0), with_facets=p.get("facets", True),
                          facet_limit=p.get("facet_limit", 10), sample=state.facet_sample)


def _timeline(db: Any, p: dict[str, Any], state: Any) -> Any:
    return query.timeline(db, by=p.get("by", "speaker"), key=p.get("key") or None,
                          interval=p.get("interval", "month"), flt=statement_filter(p))


def _network(db: Any, p: dict[str, Any], state: Any) -> Any:
    return query.network(db, flt=statement_filter(p), min_weight=p.get("min_weight", 1),
                         limit=p.get("limit", 200), relation=p.get("relation") or None)


# route path -> (parameters, answer); the parameters and defaults are the route's own.
QUERY_ROUTES: dict[str, tuple[dict[str, Callable[[str], Any]], Callable[..., Any]]] = {
    "/api/statements": ({**FILTER, "limit": whole(1, 200), "offset": whole(0),
                         "facets": flag, "facet_limit": whole(1, 100)}, _statements),
    "/api/timeline": ({**FILTER, "by": one_of("speaker", "actor", "outlet"), "key": text(),
                       "interval": one_of("day", "week", "month")}, _timeline),
    "/api/network": ({**FILTER, "min_weight": whole(1), "limit": whole(1, 1000),
                      "relation": text(20)}, _network),
}
# prefix -> (the route's path template, the profile function)
PROFILE_ROUTES = {
    "/api/speakers/": ("/api/speakers/{speaker_id:path}", query.get_speaker),
    "/api/actors/": ("/api/actors/{actor_id:path}", query.get_actor),
}


class DirectRoutes:
    """ASGI middleware answering the routes above (see the module doc) from the store of
    ``fastapi_app``, serialised by the response fields of the ``/api`` router's routes."""

    def __init__(self, app: Any, *, fastapi_app: Any) -> None:
        self.app = app
        self.fastapi_app = fastapi_app
        self._routes: dict[str, Any] | None = None

    def _route(self, path: str) -> Any:
        if self._routes is None:
            from quotegraph.api.routes import router

            self._routes = {r.path: r for r in router.routes
                            if "GET" in getattr(r, "methods", ()) and hasattr(r, "response_field")}
        return self._routes.get(path)

    def _answer(self, scope: Any) -> bytes | None:
        """The JSON body for this request, or None to leave it to the framework."""
        path = scope["path"]
        state = self.fastapi_app.state
        try:
            if path in QUERY_ROUTES:
                spec, answer = QUERY_ROUTES[path]
                route = self._route(path)
                params = parse_params(scope.get("query_string", b""), spec)
                content = answer(state.stores.get(), params, state)
            else:
                prefix = path[:path.find("/", 5) + 1]
                if prefix not in PROFILE_ROUTES or len(path) == len(prefix):
                    return None
                template, profile = PROFILE_ROUTES[prefix]
                route = self._route(template)
                content = profile(state.stores.get(), path[len(prefix):])
        except Decline:
            return None
        except Exception:  # noqa: BLE001  the framework runs it again and answers its error
            return None
        if content is None or route is None or route.response_field is None:
            return None
        value, errors = route.response_field.validate(content, {}, loc=("response",))
        if errors:
            return None
        return route.response_field.serialize_json(
            value, include=route.response_model_include, exclude=route.response_model_exclude,
            by_alias=route.response_model_by_alias,
            exclude_unset=route.response_model_exclude_unset,
            exclude_defaults=route.response_model_exclude_defaults,
            exclude_none=route.response_model_exclude_none)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if (scope["type"] != "http" or scope.get("method") != "GET" or scope.get("root_path")
                or not scope.get("path", "").startswith("/api/")):
            await self.app(scope, receive, send)
            return
        body = self._answer(scope)
        if body is None:
            await self.app(scope, receive, send)
            return
        # The headers of FastAPI's own Response(content, media_type="application/json").
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-length", str(len(body)).encode("latin-1")),
                                (b"content-type", b"application/json")]})
        await send({"type": "http.response.body", "body": body})

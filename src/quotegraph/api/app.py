"""The FastAPI application: REST routes under ``/api``, the web UI at ``/``, docs at ``/docs``.

Everything is served from this one process with no CDN: Swagger UI and the UI's script and
styles are vendored under ``quotegraph/web/static``.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from quotegraph.api.direct import DirectRoutes
from quotegraph.api.cache import DEFAULT_ENTRIES, DataVersion, ResponseCache
from quotegraph.api.shared_cache import SharedEntries
from quotegraph.store.analysis import FACET_SAMPLE
from quotegraph.api.limits import DEFAULT_MAX_BODY, BodySizeLimit, SecurityHeaders
from quotegraph.api.routes import router
from quotegraph.api.stores import StoreHandles
from quotegraph.errors import QueryError, QuotegraphError, StoreError

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent.parent / "web" / "static"

_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    422: "invalid_request",
    500: "internal_error",
    503: "unavailable",
}


def create_app(
    db: str | os.PathLike[str],
    *,
    write_token: str | None = None,
    cors_origins: Sequence[str] = (),
    max_body: int = DEFAULT_MAX_BODY,
    check_db: bool = True,
    cache: bool = True,
    facet_sample: int | None = None,
    shared_cache: str | None = None,
    direct: bool = True,
) -> FastAPI:
    """Build the app over the database ``db`` (a SQLite path or a ``postgresql://`` DSN).

    The app is read-only unless ``write_token`` is given; then ``POST /api/ingest`` accepts
    requests carrying ``Authorization: Bearer <write_token>``. CORS is off unless
    ``cors_origins`` lists the origins to allow. Request bodies over ``max_body`` bytes get a
    413. With ``check_db`` (the default) the database is opened once here, so a wrong path
    fails now with a :class:`~quotegraph.errors.StoreError` rather than on the first request.
    ``facet_sample`` overrides how many matches a full-text query's facets count at most
    (default :data:`quotegraph.store.analysis.FACET_SAMPLE`). ``shared_cache`` is a file for
    the response cache shared by the workers of one server (see
    :mod:`quotegraph.api.shared_cache`); without it each process caches in memory.
    ``direct`` (the default) answers the busiest read-only routes below the framework, with
    the same bytes (:mod:`quotegraph.api.direct`); off, every request goes through FastAPI.
    """
    if check_db:
        from quotegraph.store import open_store

        open_store(db, create=False).close()
    stores = StoreHandles(db)
    version = DataVersion(db) if cache else None
    shared = None
    if version is not None and version.enabled and shared_cache:
        try:
            shared = SharedEntries(shared_cache, version, max_entries=DEFAULT_ENTRIES)
        except sqlite3.Error as e:
            log.warning("shared response cache %s unusable (%s); caching per worker",
                        shared_cache, e)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        stores.close()
        if version is not None:
            version.close()
        if shared is not None:
            shared.close()

    app = FastAPI(
        title="quotegraph",
        summary="Who said what, about whom, when and where it was reported.",
        version=_version(),
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.stores = stores
    app.state.write_token = write_token or None
    app.state.db = db
    app.state.data_version = version
    app.state.facet_sample = facet_sample or FACET_SAMPLE

    app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title="quotegraph API",
            swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/static/vendor/swagger-ui/favicon-32x32.png",
            # validatorUrl None: the default badge would call validator.swagger.io
            swagger_ui_parameters={"validatorUrl": None},
        )

    from quotegraph.web import views

    app.include_router(views.router)
    _install_error_handlers(app)

    # Outermost last: the size limit sees the raw request before anything reads the body.
    # Innermost: a cache hit never reaches it, a miss skips the framework, and CORS (outside
    # it) still adds its headers to a direct answer as it does to the framework's.
    if direct:
        app.add_middleware(DirectRoutes, fastapi_app=app)
    if cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )
    if version is not None and version.enabled:
        app.add_middleware(ResponseCache, version=version, shared=shared)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodySizeLimit, max_body=max_body)
    return app


ENV_DB = "QUOTEGRAPH_SERVE_DB"
ENV_TOKEN_VAR = "QUOTEGRAPH_SERVE_TOKEN_VAR"
ENV_CORS = "QUOTEGRAPH_SERVE_CORS"
ENV_CACHE = "QUOTEGRAPH_SERVE_CACHE"


def app_from_env() -> FastAPI:
    """The app for each worker process of ``serve --workers N``: uvicorn starts workers by
    import string, so the settings travel in the environment (the token by variable name)."""
    token_var = os.environ.get(ENV_TOKEN_VAR)
    origins = tuple(o for o in os.environ.get(ENV_CORS, "").split("\n") if o)
    return create_app(os.environ[ENV_DB], write_token=os.environ.get(token_var) if token_var
                      else None, cors_origins=origins, check_db=False,
                      shared_cache=os.environ.get(ENV_CACHE) or None)


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("quotegraph")
    except Exception:  # not installed (a source checkout): the version is only cosmetic here
        return "0"


def error_response(status: int, message: str, *, headers: dict[str, str] | None = None,
                   code: str | None = None, details: Any = None) -> JSONResponse:
    """The one JSON error shape: ``{"error": {"code", "message"[, "details"]}}``."""
    body: dict[str, Any] = {"code": code or _CODES.get(status, "error"), "message": message}
    if details is not None:
        body["details"] = details
    return JSONResponse({"error": body}, status_code=status, headers=headers)


def _wants_html(request: Request) -> bool:
    path = request.url.path
    if path.startswith(("/api/", "/static/")) or path in ("/api", "/openapi.json", "/docs"):
        return False
    return True


def _install_error_handlers(app: FastAPI) -> None:
    def respond(request: Request, status: int, message: str, **kw: Any) -> Response:
        if _wants_html(request):
            from quotegraph.web.views import error_page

            return error_page(request, status, message)
        return error_response(status, message, **kw)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        return respond(request, exc.status_code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        details = [
            {"loc": [str(p) for p in e.get("loc", ())], "msg": e.get("msg", ""), "type": e.get("type", "")}
            for e in exc.errors()
        ]
        message = "; ".join(
            f"{'.'.join(d['loc'][1:] or d['loc'])}: {d['msg']}" for d in details
        ) or "invalid request"
        return respond(request, 422, message, details=details)

    @app.exception_handler(QueryError)
    async def query_error(request: Request, exc: QueryError) -> Response:
        return respond(request, 400, str(exc), code="bad_query")

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        log.error("database error: %s", exc)
        return respond(request, 503, f"database unavailable: {exc}")

    @app.exception_handler(QuotegraphError)
    async def other_error(request: Request, exc: QuotegraphError) -> Response:
        log.error("request failed: %s", exc)
        return respond(request, 500, str(exc))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return respond(request, 500, "internal error; the server log has the details")

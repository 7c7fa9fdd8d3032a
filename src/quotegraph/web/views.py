"""The HTML pages: server-rendered with Jinja2 (autoescaping on), each view one query call.

Pages read the same :mod:`quotegraph.query` functions as the REST routes. Form input is
parsed here rather than by FastAPI, so a bad date shows as a message on the page instead of
a bare 422.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from quotegraph import query
from quotegraph.errors import QueryError
from quotegraph.store.relations import RELATION_CHOICES, check_relation
from quotegraph.store.newest import NewestMatches
from quotegraph.web.article import article_body
from quotegraph.web.charts import bar_svg, timeline_svg
from quotegraph.web.highlight import safe_snippet

log = logging.getLogger(__name__)

WEB_DIR = Path(__file__).resolve().parent
PAGE_SIZE = 20
FILTER_KEYS = ("q", "speaker", "about", "outlet", "kind", "since", "until")

templates = Jinja2Templates(directory=str(WEB_DIR / "templates"))
templates.env.autoescape = True  # every template, whatever its file name
templates.env.globals.update(snippet=safe_snippet, bar_svg=bar_svg)
templates.env.filters["pathseg"] = lambda v: quote(str(v), safe="")

router = APIRouter(include_in_schema=False)


def _store(request: Request) -> Any:
    return request.app.state.stores.get()


def _params(request: Request, keys: tuple[str, ...]) -> dict[str, str]:
    """The non-empty query parameters among ``keys``, stripped."""
    out = {}
    for k in keys:
        v = request.query_params.get(k, "").strip()
        if v:
            out[k] = v
    return out


def _date(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as e:
        raise QueryError(f"{name} must be a date like 2023-08-19, not {value!r}") from e


def _filter(params: dict[str, str]) -> query.StatementFilter:
    return query.StatementFilter(
        q=params.get("q"),
        speaker=params.get("speaker"),
        about=params.get("about"),
        outlet=params.get("outlet"),
        kind=params.get("kind"),
        since=_date(params.get("since"), "since"),
        until=_date(params.get("until"), "until"),
    )


def _page(request: Request) -> int:
    try:
        return max(1, min(int(request.query_params.get("page", "1")), 10_000))
    except ValueError:
        return 1


def url_with(path: str, params: dict[str, str], **changes: Any) -> str:
    """``path`` with ``params`` updated by ``changes`` (``None`` drops a key); page resets."""
    merged = {k: v for k, v in params.items() if k != "page"}
    for k, v in changes.items():
        if v is None or v == "":
            merged.pop(k, None)
        else:
            merged[k] = str(v)
    return path + ("?" + urlencode(merged) if merged else "")


def pagination(total: int, page: int, size: int) -> dict[str, Any]:
    """Page numbers to show: first, last, and a window around the current page."""
    pages = max(1, -(-total // size))
    shown = sorted({1, pages, *range(max(1, page - 2), min(pages, page + 2) + 1)})
    return {"page": page, "pages": pages, "shown": shown, "size": size, "total": total}


def render(request: Request, name: str, ctx: dict[str, Any], status: int = 200) -> HTMLResponse:
    return templates.TemplateResponse(request, name, ctx, status_code=status)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return render(request, "error.html", {"status": status, "message": message}, status)


@router.get("/", response_class=HTMLResponse)
def search_page(request: Request) -> HTMLResponse:
    """Search statements with facets; with no filter, the latest statements."""
    params = _params(request, FILTER_KEYS)
    page = _page(request)
    ctx: dict[str, Any] = {"params": params, "url_with": url_with, "error": None}
    db = _store(request)
    try:
        flt = _filter(params)
        sample = request.app.state.facet_sample
        newest = NewestMatches(sample)  # one read of a text query's matches for both
        result = query.search_statements(db, flt, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE,
                                         newest=newest)
        fac = query.facets(db, flt, limit=8, total=result["total"], sample=sample,
                           newest=newest)
    except QueryError as e:
        ctx.update(error=str(e), result={"total": 0, "items": []}, facets={}, pages=None)
        return render(request, "search.html", ctx, 400)
    ctx.update(
        result=result,
        facets=fac,
        pages=pagination(result.get("total", 0), page, PAGE_SIZE),
        labels=_active_labels(params, fac),
        stats=query.stats(db) if not params else None,
    )
    return render(request, "search.html", ctx)


def _active_labels(params: dict[str, str], fac: dict[str, Any]) -> dict[str, str]:
    """Human labels for active speaker/about filters, taken from the facet values."""
    labels = {}
    for key in ("speaker", "about", "outlet", "kind"):
        want = params.get(key)
        for row in fac.get(key, ()) if want else ():
            if row.get("value") == want:
                labels[key] = row.get("label") or want
    return labels


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> HTMLResponse:
    """Full text with statements, cues, speaker and actor mentions marked; ``?s=`` selects."""
    art = query.get_article(_store(request), article_id)
    if art is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    selected = request.query_params.get("s")
    ids = {s.get("id") for s in art.get("statements", ())}
    if selected not in ids:
        selected = None
    ctx = {"art": art, "selected": selected, "body": article_body(art, selected=selected)}
    return render(request, "article.html", ctx)


_LIST_SIZE = 50


def _listing(request: Request, template: str, keys: tuple[str, ...], fetch) -> HTMLResponse:
    """A paged list page: ``fetch(store, params, limit, offset)`` gives the query result."""
    params = _params(request, keys)
    page = _page(request)
    result = fetch(_store(request), params, _LIST_SIZE, (page - 1) * _LIST_SIZE)
    total = result.get("total", len(result.get("items", ())))
    ctx = {"params": params, "result": result, "url_with": url_with,
           "pages": pagination(total, page, _LIST_SIZE)}
    return render(request, template, ctx)


@router.get("/speakers", response_class=HTMLResponse)
def speakers_page(request: Request) -> HTMLResponse:
    return _listing(request, "speakers.html", ("q",), lambda store, p, limit, offset:
                    query.list_speakers(store, q=p.get("q"), limit=limit, offset=offset))


@router.get("/speakers/{speaker_id:path}", response_class=HTMLResponse)
def speaker_page(request: Request, speaker_id: str) -> HTMLResponse:
    sp = query.get_speaker(_store(request), speaker_id)
    if sp is None:
        raise HTTPException(404, f"no speaker with id {speaker_id!r}")
    chart = timeline_svg(sp.get("timeline", []), title=f"Statements by {sp.get('name')} per month")
    return render(request, "speaker.html", {"sp": sp, "chart": chart})


@router.get("/clusters/{cluster}", response_class=HTMLResponse)
def cluster_page(request: Request, cluster: int) -> HTMLResponse:
    items = query.get_cluster(_store(request), cluster)
    if not items:
        raise HTTPException(404, f"no cluster {cluster}")
    return render(request, "cluster.html", {"items": items})


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request) -> HTMLResponse:
    return _listing(request, "actors.html", ("q", "type"), lambda store, p, limit, offset:
                    query.list_actors(store, q=p.get("q"), type=p.get("type"), limit=limit,
                                      offset=offset))


@router.get("/actors/{actor_id:path}", response_class=HTMLResponse)
def actor_page(request: Request, actor_id: str) -> HTMLResponse:
    act = query.get_actor(_store(request), actor_id)
    if act is None:
        raise HTTPException(404, f"no actor with id {actor_id!r}")
    chart = timeline_svg(act.get("timeline", []), title=f"Statements about {act.get('name')} per month")
    return render(request, "actor.html", {"act": act, "chart": chart})


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request) -> HTMLResponse:
    """The page shell; ``network.js`` fetches ``/api/network`` with the same parameters."""
    params = _params(request, (*FILTER_KEYS, "min_weight", "relation"))
    error = None
    try:
        _filter(params)
        check_relation(params.get("relation"))
    except QueryError as e:
        error = str(e)
    api = "/api/network" + ("?" + urlencode(params) if params else "")
    return render(request, "network.html", {"params": params, "api_url": api, "error": error,
                                            "relations": RELATION_CHOICES},
                  400 if error else 200)

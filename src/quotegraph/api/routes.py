"""The ``/api`` routes: each one validates its parameters and calls one query function."""

from __future__ import annotations

import hmac
import logging
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, HTTPException, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from quotegraph import query
from quotegraph.api import models as m
from quotegraph.api.relate_models import ClaimPage, RelationPage
from quotegraph.api.stores import StoreHandles
from quotegraph.store.claims import ClaimFilter, search_claims
from quotegraph.store.newest import NewestMatches
from quotegraph.store.relations import RelationFilter, search_relations

log = logging.getLogger(__name__)

MAX_PAGE = 200

router = APIRouter(prefix="/api", tags=["api"])

_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": m.ErrorResponse, "description": "bad filter (e.g. `since` after `until`)"},
    422: {"model": m.ErrorResponse, "description": "a parameter has the wrong type or range"},
}
_NOT_FOUND: dict[int | str, dict[str, Any]] = {
    **_ERRORS,
    404: {"model": m.ErrorResponse, "description": "no such record"},
}

Kind = Literal["direct", "indirect", "mixed"]


def handles(request: Request) -> StoreHandles:
    return request.app.state.stores


async def store(request: Request) -> Any:
    """The app's open store (each thread then reads through a connection of its own).

    ``async`` because it does no I/O worth a thread: FastAPI runs a plain ``def`` dependency
    in its thread pool, one more hop per request, which under load waits for a free thread."""
    return request.app.state.stores.get()


Store = Annotated[Any, Depends(store)]


async def statement_filter(
    q: Annotated[str | None, Query(description="full-text query", max_length=500)] = None,
    speaker: Annotated[str | None, Query(description="speaker id or name")] = None,
    about: Annotated[str | None, Query(description="actor id or name the statement is about")] = None,
    outlet: Annotated[str | None, Query(description="outlet name, e.g. `TASS`")] = None,
    kind: Annotated[Kind | None, Query(description="direct, indirect or mixed")] = None,
    since: Annotated[date | None, Query(description="published on or after (YYYY-MM-DD)")] = None,
    until: Annotated[date | None, Query(description="published on or before (YYYY-MM-DD)")] = None,
    article: Annotated[str | None, Query(description="article id")] = None,
) -> query.StatementFilter:
    """The shared filter parameters; empty strings count as absent (HTML forms send them).
    ``async`` as :func:`store`: building a dataclass needs no thread of its own."""
    return query.StatementFilter(
        q=q or None,
        speaker=speaker or None,
        about=about or None,
        outlet=outlet or None,
        kind=kind or None,
        since=since,
        until=until,
        article=article or None,
    )


Filter = Annotated[query.StatementFilter, Depends(statement_filter)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"page size, at most {MAX_PAGE}")]
Offset = Annotated[int, Query(ge=0, description="how many results to skip")]


def not_found(what: str, key: str) -> HTTPException:
    return HTTPException(status_code=404, detail=f"no {what} with id {key!r}")


@router.get("/statements", response_model=m.StatementPage, responses=_ERRORS)
def statements(
    request: Request,
    db: Store,
    flt: Filter,
    limit: Limit = 20,
    offset: Offset = 0,
    with_facets: Annotated[bool, Query(alias="facets", description="include facet counts")] = True,
    facet_limit: Annotated[int, Query(ge=1, le=100)] = 10,
) -> dict[str, Any]:
    """Search statements; the page of hits plus facet counts for the same filter.

    Facets are exact, except for a full-text query (with or without dates) matching more than
    1,000 statements: then they count the newest 1,000 matches, and ``facets.sampled`` (1000)
    and ``facets.of`` (all matches, the same as ``total``) say so. ``total`` is always exact."""
    return statement_page(db, flt, limit=limit, offset=offset, with_facets=with_facets,
                          facet_limit=facet_limit, sample=request.app.state.facet_sample)


def statement_page(db: Any, flt: query.StatementFilter, *, limit: int, offset: int,
                   with_facets: bool, facet_limit: int, sample: int) -> dict[str, Any]:
    """The answer of ``GET /api/statements`` (also given by :mod:`quotegraph.api.direct`).
    The page and its facets share one read of a text query's newest matches."""
    newest = NewestMatches(sample) if with_facets else None
    page = query.search_statements(db, flt, limit=limit, offset=offset, newest=newest)
    if with_facets:
        page = {**page, "facets": query.facets(db, flt, limit=facet_limit, total=page["total"],
                                               sample=sample, newest=newest)}
    return page


@router.get("/statements/{statement_id}", response_model=m.StatementDetail, responses=_NOT_FOUND)
def statement(db: Store, statement_id: str) -> dict[str, Any]:
    """One statement by id (``<article_id>:<start>-<end>``), with its cue and speaker spans."""
    found = query.get_statement(db, statement_id)
    if found is None:
        raise not_found("statement", statement_id)
    return found


@router.get("/clusters/{cluster}", response_model=m.ClusterPage, responses=_NOT_FOUND)
def cluster(db: Store, cluster: int) -> dict[str, Any]:
    """The statements of one cross-outlet cluster (``also_reported_by.cluster``)."""
    items = query.get_cluster(db, cluster)
    if not items:
        raise not_found("cluster", str(cluster))
    return {"cluster": cluster, "items": items}


@router.get("/speakers", response_model=m.SpeakerPage, responses=_ERRORS)
def speakers(
    db: Store,
    q: Annotated[str | None, Query(description="name contains", max_length=200)] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Speakers with their statement counts and first/last dates."""
    return query.list_speakers(db, q=q or None, limit=limit, offset=offset)


@router.get("/speakers/{speaker_id:path}", response_model=m.SpeakerDetail, responses=_NOT_FOUND)
def speaker(db: Store, speaker_id: str) -> dict[str, Any]:
    """A speaker's roles, monthly timeline, most-discussed actors and latest statements."""
    found = query.get_speaker(db, speaker_id)
    if found is None:
        raise not_found("speaker", speaker_id)
    return found


@router.get("/actors", response_model=m.ActorPage, responses=_ERRORS)
def actors(
    db: Store,
    q: Annotated[str | None, Query(description="name contains", max_length=200)] = None,
    type: Annotated[str | None, Query(description="person, country, organization, ...")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Actors (people, countries, organisations, groupings) with mention counts."""
    return query.list_actors(db, q=q or None, type=type or None, limit=limit, offset=offset)


@router.get("/actors/{actor_id:path}", response_model=m.ActorDetail, responses=_NOT_FOUND)
def actor(db: Store, actor_id: str) -> dict[str, Any]:
    """Who talks about an actor, when, and the latest statements about it."""
    found = query.get_actor(db, actor_id)
    if found is None:
        raise not_found("actor", actor_id)
    return found


@router.get("/articles/{article_id}", response_model=m.ArticleDetail, responses=_NOT_FOUND)
def article(db: Store, article_id: str) -> dict[str, Any]:
    """An article's full text with its statements and actor mentions (offsets into the text)."""
    found = query.get_article(db, article_id)
    if found is None:
        raise not_found("article", article_id)
    return found


@router.get("/timeline", response_model=m.Timeline, responses=_ERRORS)
def timeline(
    db: Store,
    flt: Filter,
    by: Annotated[Literal["speaker", "actor", "outlet"], Query()] = "speaker",
    key: Annotated[str | None, Query(description="one speaker/actor/outlet; default: the top ones")] = None,
    interval: Annotated[Literal["day", "week", "month"], Query()] = "month",
) -> dict[str, Any]:
    """Statement counts per period, one series per speaker, actor or outlet."""
    return query.timeline(db, by=by, key=key or None, interval=interval, flt=flt)


@router.get("/network", response_model=m.Network, responses=_ERRORS)
def network(
    db: Store,
    flt: Filter,
    min_weight: Annotated[int, Query(ge=1, description="drop edges with fewer statements")] = 1,
    limit: Annotated[int, Query(ge=1, le=1000, description="at most this many edges")] = 200,
    relation: Annotated[str | None, Query(
        description="only edges of this relation: accuse, criticise, demand, threaten, support, "
                    "praise, or a PLOVER type (ACCUSE, REQUEST, THREATEN, SUPPORT)",
        max_length=20)] = None,
) -> dict[str, Any]:
    """Who talks about whom: speaker -> actor edges weighted by statement count; with
    ``relation``, speaker -> target edges of that relation (collective targets included)."""
    return query.network(db, flt=flt, min_weight=min_weight, limit=limit,
                         relation=relation or None)


@router.get("/claims", response_model=ClaimPage, responses=_ERRORS)
def claims(
    db: Store,
    flt: Filter,
    unit: Annotated[str | None, Query(description="percent, currency, jobs, companies, ...")] = None,
    currency: Annotated[str | None, Query(description="ISO 4217 code, e.g. USD", max_length=3)] = None,
    min_value: Annotated[float | None, Query(description="value at least")] = None,
    max_value: Annotated[float | None, Query(description="value at most")] = None,
    measure: Annotated[str | None, Query(description="words of what is measured, e.g. trade",
                                         max_length=200)] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Numeric claims of the statements matching the filter, newest first, with their speaker."""
    cf = ClaimFilter(unit=unit or None, currency=currency or None, min_value=min_value,
                     max_value=max_value, measure=measure or None)
    return search_claims(db, flt, cf, limit=limit, offset=offset)


@router.get("/relations", response_model=RelationPage, responses=_ERRORS)
def relations(
    db: Store,
    flt: Filter,
    type: Annotated[str | None, Query(description="accuse, criticise, demand, threaten, "  # noqa: A002
                                      "support, praise", max_length=20)] = None,
    plover: Annotated[str | None, Query(description="ACCUSE, REQUEST, THREATEN, SUPPORT",
                                        max_length=20)] = None,
    target: Annotated[str | None, Query(description='actor id or words, e.g. "the West"',
                                        max_length=200)] = None,
    collective: Annotated[bool, Query(description="collective targets only")] = False,
    limit: Limit = 20,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Relations of the statements matching the filter (who accuses, supports ... whom)."""
    rf = RelationFilter(type=type or None, plover=plover or None, target=target or None,
                        collective=collective)
    return search_relations(db, flt, rf, limit=limit, offset=offset)


@router.get("/stats", response_model=m.Stats)
def stats(db: Store) -> dict[str, Any]:
    """Counts of articles, statements, speakers, actors, mentions, outlets; date range; size."""
    return query.stats(db)


# ---- writing ------------------------------------------------------------------------------


_bearer = HTTPBearer(auto_error=False, description="the server's write token")


def require_writer(
    request: Request,
    creds: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)] = None,
) -> None:
    """Allow the request only when a write token is configured and the bearer token matches."""
    token: str | None = request.app.state.write_token
    if not token:
        raise HTTPException(
            status_code=403,
            detail="this server is read-only; start it with a write token to allow ingest",
        )
    if creds is None or not creds.credentials.strip():
        raise HTTPException(
            status_code=401,
            detail="send the write token as 'Authorization: Bearer <token>'",
            headers={"WWW-Authenticate": "Bearer"},
        )
    # Constant-time comparison: response timing must not reveal how much of a guess was right.
    if not hmac.compare_digest(creds.credentials.strip().encode(), token.encode()):
        raise HTTPException(status_code=403, detail="the write token is wrong")


@router.post(
    "/ingest",
    response_model=m.IngestResult,
    dependencies=[Depends(require_writer)],
    responses={
        401: {"model": m.ErrorResponse, "description": "no bearer token sent"},
        403: {"model": m.ErrorResponse, "description": "read-only server, or wrong token"},
        413: {"model": m.ErrorResponse, "description": "request body too large"},
        422: {"model": m.ErrorResponse, "description": "malformed body"},
    },
)
def ingest(
    request: Request,
    items: Annotated[list[m.IngestItem], Body(description="articles to ingest")],
    stores: Annotated[StoreHandles, Depends(handles)],
) -> dict[str, Any]:
    """Extract statements from the posted articles and store them (needs the write token)."""
    from quotegraph.api.ingest import ingest_items

    if len(items) > MAX_PAGE * 5:
        raise HTTPException(status_code=413, detail=f"at most {MAX_PAGE * 5} articles per request")
    try:
        return ingest_items(stores.get(), items)
    finally:
        if request.app.state.data_version is not None:  # cached answers are stale now
            request.app.state.data_version.bump()

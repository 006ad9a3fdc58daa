"""The read-only JSON API: events (filtered, paged), one event, one article, actors, the actor
graph, event places and store statistics. Filters are those of `lagebild events`."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request

from lagebild.store import EventFilter, select_actors, store_stats
from lagebild.store.api_queries import (
    Page,
    select_actor_graph,
    select_article,
    select_event,
    select_event_page,
    select_places,
)
from lagebild.web.access import StoreAccess
from lagebild.web.models import (
    ActorGraph,
    ActorRow,
    ArticleView,
    ErrorBody,
    EventPage,
    EventRecord,
    EventType,
    Modality,
    PlacePoint,
    StoreStatistics,
)

MAX_PAGE = 1000
MAX_OFFSET = 10**9
MAX_TEXT_PARAMETER = 200
MAX_EVENT_ID = 2**63 - 1  # events.id is a BIGINT
NOT_FOUND = {404: {"model": ErrorBody, "description": "no such record"}}
INVALID = {422: {"model": ErrorBody, "description": "invalid parameters"}}

router = APIRouter(prefix="/api", tags=["events"])

TextParameter = Annotated[str | None, Query(max_length=MAX_TEXT_PARAMETER, pattern=r"^[^\x00]*$")]


def store_access(request: Request) -> StoreAccess:
    return request.app.state.store


Store = Annotated[StoreAccess, Depends(store_access)]


def event_filter(
    actor: Annotated[TextParameter, Query(description="ISO3 country (source or target) or part of a name")] = None,
    type: Annotated[EventType | None, Query(description="PLOVER event type")] = None,
    modality: Annotated[Modality | None, Query()] = None,
    since: Annotated[date | None, Query(description="events whose day interval ends on or after this day")] = None,
    until: Annotated[date | None, Query(description="events whose day interval starts on or before this day")] = None,
    place: Annotated[TextParameter, Query(description="part of a place name, or its ISO3 country")] = None,
) -> EventFilter:
    if since and until and since > until:
        raise HTTPException(422, f"since ({since}) is after until ({until})")
    return EventFilter(
        actor=actor or None,
        type=type.value if type else None,
        since=since,
        until=until,
        place=place or None,
        modality=modality.value if modality else None,
    )


Filters = Annotated[EventFilter, Depends(event_filter)]


@router.get("/events", response_model=EventPage, responses=INVALID)
def list_events(
    store: Store,
    filters: Filters,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="events per page")] = 100,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="events to skip")] = 0,
) -> dict[str, Any]:
    """Events matching every given filter, ordered by day, with their evidence spans."""
    with store.reading() as connection:
        page = select_event_page(connection, filters, Page(limit=limit, offset=offset))
    return {"total": page.total, "limit": limit, "offset": offset, "events": page.events}


@router.get("/events/{event_id}", response_model=EventRecord, responses={**NOT_FOUND, **INVALID})
def get_event(store: Store, event_id: Annotated[int, Path(ge=0, le=MAX_EVENT_ID)]) -> dict[str, Any]:
    """One event with its evidence spans (offsets into its article's text)."""
    with store.reading() as connection:
        event = select_event(connection, event_id)
    if event is None:
        raise HTTPException(404, f"no event {event_id}")
    return event


@router.get("/articles/{article_id}", response_model=ArticleView, responses={**NOT_FOUND, **INVALID})
def get_article(
    store: Store, article_id: Annotated[str, Path(max_length=MAX_TEXT_PARAMETER, pattern=r"^[^\x00]*$")]
) -> dict[str, Any]:
    """An article: its text, structure (blocks, dateline, notices) and events with evidence spans."""
    with store.reading() as connection:
        article = select_article(connection, article_id)
    if article is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return article


@router.get("/actors", response_model=list[ActorRow])
def list_actors(store: Store) -> list[dict[str, Any]]:
    """Every coded actor (country, sector, name) with how often it acts and is acted upon."""
    with store.reading() as connection:
        return select_actors(connection)


@router.get("/graph", response_model=ActorGraph, responses=INVALID)
def actor_graph(store: Store, filters: Filters) -> dict[str, Any]:
    """Who acts on whom among the matching events: edges weighted by events, split by class."""
    with store.reading() as connection:
        return select_actor_graph(connection, filters)


@router.get("/places", response_model=list[PlacePoint], responses=INVALID)
def list_places(store: Store, filters: Filters) -> list[dict[str, Any]]:
    """Where the matching events happen, with counts and coordinates where a city is known."""
    with store.reading() as connection:
        return select_places(connection, filters)


@router.get("/stats", response_model=StoreStatistics)
def stats(store: Store) -> dict[str, Any]:
    """Articles, events by type and modality, clusters, first and last day."""
    with store.reading() as connection:
        return asdict(store_stats(connection))

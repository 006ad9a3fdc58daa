"""The read-only JSON API: events and clusters (filtered, sorted, paged, exported), one event,
one cluster, one article, actors, the filter choices with their counts, the timeline, the actor
graph, event places, the PLOVER table and store statistics. Filters are those of `EventFilter`:
repeat a parameter for several values (`?country=PRK&country=RUS`)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict
from datetime import date
from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import StreamingResponse

from lagebild.plover import PLOVER_TYPES, plover_types
from lagebild.store import EventFilter, select_actors, store_stats
from lagebild.store.api_queries import (
    TIMELINE_BUCKETS,
    Page,
    select_actor_graph,
    select_article,
    select_cluster,
    select_cluster_page,
    select_event,
    select_event_page,
    select_filter_options,
    select_places,
    select_timeline,
    select_totals,
)
from lagebild.store.export import csv_lines, jsonl_lines, streamed_rows
from lagebild.store.gdelt import gdelt_lines, gdelt_query
from lagebild.store.query import CLUSTER_SORTS, EVENT_SORTS, clusters_query, events_query
from lagebild.web.access import StoreAccess
from lagebild.web.models import (
    ActorGraph,
    ActorRow,
    ArticleView,
    ClusterDetail,
    ClusterPage,
    ErrorBody,
    EventPage,
    EventRecord,
    FilterOptions,
    Modality,
    Places,
    PloverRow,
    StoreStatistics,
    Timeline,
    Totals,
)

MAX_PAGE = 1000
MAX_OFFSET = 10**9
MAX_TEXT_PARAMETER = 200
MAX_VALUES = 50  # values per filter
MAX_EDGES = 500
DEFAULT_EDGES = 40  # more edges than this make the graph a tangle; the page says how many are left out
MAX_ID = 2**63 - 1  # ids are BIGINTs
NOT_FOUND = {404: {"model": ErrorBody, "description": "no such record"}}
INVALID = {422: {"model": ErrorBody, "description": "invalid parameters"}}

router = APIRouter(prefix="/api", tags=["events"])

TextParameter = Annotated[str | None, Query(max_length=MAX_TEXT_PARAMETER, pattern=r"^[^\x00]*$")]
TextValues = Annotated[list[str] | None, Query(max_length=MAX_VALUES)]
Language = StrEnum("Language", {"de": "de", "en": "en"})  # type: ignore[misc]
LangParameter = Annotated[Language, Query(description="language of labels: de or en")]


def store_access(request: Request) -> StoreAccess:
    return request.app.state.store


Store = Annotated[StoreAccess, Depends(store_access)]


def checked_texts(values: list[str] | None, name: str) -> tuple[str, ...]:
    for value in values or []:
        if len(value) > MAX_TEXT_PARAMETER or "\x00" in value:
            raise HTTPException(422, f"{name}: values are at most {MAX_TEXT_PARAMETER} characters, without NUL")
    return tuple(value for value in values or [] if value.strip())


def checked_choices(values: list[str] | None, choices: tuple[str, ...], name: str) -> tuple[str, ...]:
    """Values of a closed list in any case (type=consult); an unknown one is a 422 naming it."""
    given = checked_texts(values, name)
    unknown = [value for value in given if value.upper() not in choices]
    if unknown:
        raise HTTPException(422, f"unknown {name} {', '.join(unknown)} (one of: {', '.join(choices)})")
    return tuple(value.upper() for value in given)


def event_filter(
    country: Annotated[TextValues, Query(description="ISO3 code of the source's or target's country")] = None,
    actor: Annotated[TextValues, Query(description="part of an actor's name or surface form")] = None,
    source: Annotated[TextValues, Query(description="dyad: source party (ISO3 country, else actor name)")] = None,
    target: Annotated[TextValues, Query(description="dyad: target party (ISO3 country, else actor name)")] = None,
    either_direction: Annotated[bool, Query(description="the dyad matches target → source too")] = False,
    type: Annotated[TextValues, Query(description="PLOVER event type, any case")] = None,
    modality: Annotated[list[Modality] | None, Query(max_length=4)] = None,
    since: Annotated[date | None, Query(description="events whose day interval ends on or after this day")] = None,
    until: Annotated[date | None, Query(description="events whose day interval starts on or before this day")] = None,
    place: Annotated[TextValues, Query(description="part of a place name or surface form")] = None,
    place_country: Annotated[TextValues, Query(description="ISO3 code of the place's country")] = None,
) -> EventFilter:
    if since and until and since > until:
        raise HTTPException(422, f"since ({since}) is after until ({until})")
    return EventFilter(
        country=checked_texts(country, "country"),
        actor=checked_texts(actor, "actor"),
        source=checked_texts(source, "source"),
        target=checked_texts(target, "target"),
        either_direction=either_direction,
        type=checked_choices(type, PLOVER_TYPES, "type"),
        since=since,
        until=until,
        place=checked_texts(place, "place"),
        place_country=checked_texts(place_country, "place_country"),
        modality=tuple(value.value for value in modality or []),
    )


Filters = Annotated[EventFilter, Depends(event_filter)]
EventSort = StrEnum("EventSort", {name: name for name in EVENT_SORTS})  # type: ignore[misc]
ClusterSort = StrEnum("ClusterSort", {name: name for name in CLUSTER_SORTS})  # type: ignore[misc]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="rows per page")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="rows to skip")]
Descending = Annotated[bool, Query(description="sort descending")]


@router.get("/events", response_model=EventPage, responses=INVALID)
def list_events(
    store: Store,
    filters: Filters,
    limit: Limit = 100,
    offset: Offset = 0,
    sort: Annotated[EventSort, Query(description="sort key")] = EventSort.day,
    desc: Descending = False,
) -> dict[str, Any]:
    """Events (one per article's event) matching every given filter, sorted and paged."""
    with store.reading() as connection:
        page = select_event_page(connection, filters, Page(limit=limit, offset=offset), (sort.value, desc))
    return {"total": page.total, "limit": limit, "offset": offset, "events": page.events}


@router.get("/events/{event_id}", response_model=EventRecord, responses={**NOT_FOUND, **INVALID})
def get_event(store: Store, event_id: Annotated[int, Path(ge=0, le=MAX_ID)]) -> dict[str, Any]:
    """One event with its evidence spans (offsets into its article's text)."""
    with store.reading() as connection:
        event = select_event(connection, event_id)
    if event is None:
        raise HTTPException(404, f"no event {event_id}")
    return event


@router.get("/clusters", response_model=ClusterPage, responses=INVALID)
def list_clusters(
    store: Store,
    filters: Filters,
    limit: Limit = 100,
    offset: Offset = 0,
    sort: Annotated[ClusterSort, Query(description="sort key")] = ClusterSort.day,
    desc: Descending = False,
) -> dict[str, Any]:
    """Real-world events: clusters with a member event matching the filters (modality: the
    cluster's summary), with their numbers of articles and outlets and first and last report."""
    with store.reading() as connection:
        page = select_cluster_page(connection, filters, Page(limit=limit, offset=offset), (sort.value, desc))
    return {"total": page.total, "limit": limit, "offset": offset, "clusters": page.clusters}


@router.get("/clusters/{cluster_id}", response_model=ClusterDetail, responses={**NOT_FOUND, **INVALID})
def get_cluster(store: Store, cluster_id: Annotated[int, Path(ge=0, le=MAX_ID)]) -> dict[str, Any]:
    """One cluster with its reports (member events with their evidence spans)."""
    with store.reading() as connection:
        cluster = select_cluster(connection, cluster_id)
    if cluster is None:
        raise HTTPException(404, f"no cluster {cluster_id}")
    return cluster


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


@router.get("/options", response_model=FilterOptions, responses=INVALID)
def filter_options(store: Store, filters: Filters, lang: LangParameter = Language.de) -> dict[str, Any]:
    """The choices of the country, type and modality filters, each with the number of events
    choosing it gives under the other filters; countries labelled 'Nordkorea (PRK)'."""
    with store.reading() as connection:
        return select_filter_options(connection, filters, lang.value)


Bucket = StrEnum("Bucket", {name: name for name in TIMELINE_BUCKETS})  # type: ignore[misc]


@router.get("/timeline", response_model=Timeline, responses=INVALID)
def timeline(
    store: Store,
    filters: Filters,
    bucket: Annotated[Bucket | None, Query(description="day, week or month; by the range when absent")] = None,
) -> dict[str, Any]:
    """Matching events counted per period and type, over since..until (else the data's range)."""
    with store.reading() as connection:
        return select_timeline(connection, filters, bucket.value if bucket else None)


@router.get("/graph", response_model=ActorGraph, responses=INVALID)
def actor_graph(
    store: Store,
    filters: Filters,
    max_edges: Annotated[int, Query(ge=1, le=MAX_EDGES, description="the strongest edges kept")] = DEFAULT_EDGES,
    lang: LangParameter = Language.de,
) -> dict[str, Any]:
    """Who acts on whom among the matching events: the strongest edges, split by class."""
    with store.reading() as connection:
        return select_actor_graph(connection, filters, max_edges, lang.value)


@router.get("/places", response_model=Places, responses=INVALID)
def list_places(store: Store, filters: Filters, lang: LangParameter = Language.de) -> dict[str, Any]:
    """Where the matching events happen, with counts and coordinates where a city is known, and
    how many have no place."""
    with store.reading() as connection:
        return select_places(connection, filters, lang.value)


@router.get("/plover", response_model=list[PloverRow])
def plover_table() -> list[dict[str, Any]]:
    """The PLOVER types (data/plover.tsv): labels, class, symmetry, CAMEO code and modes."""
    return [
        {
            "name": kind.name,
            "label_de": kind.label_de,
            "label_en": kind.label_en,
            "quad_class": kind.quad_class,
            "event_class": kind.event_class,
            "symmetric": kind.symmetric,
            "cameo_code": kind.cameo.code,
            "modes": [
                {"name": mode.name, "label_de": mode.label_de, "label_en": mode.label_en}
                for mode in kind.modes.values()
            ],
        }
        for kind in plover_types().values()
    ]


@router.get("/totals", response_model=Totals, responses=INVALID)
def totals(store: Store, filters: Filters) -> dict[str, int]:
    """How many events match the filters, and in how many clusters (real-world events)."""
    with store.reading() as connection:
        return select_totals(connection, filters)


@router.get("/stats", response_model=StoreStatistics)
def stats(store: Store) -> dict[str, Any]:
    """Articles, events by type and modality, clusters, first and last day."""
    with store.reading() as connection:
        return asdict(store_stats(connection))


class ExportFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    gdelt = "gdelt"


class ExportRows(StrEnum):
    events = "events"
    clusters = "clusters"


MEDIA_TYPES = {"csv": "text/csv", "jsonl": "application/x-ndjson", "gdelt": "text/tab-separated-values"}
SUFFIXES = {"csv": "csv", "jsonl": "jsonl", "gdelt": "gdelt.tsv"}


@router.get(
    "/export/{rows}",
    responses={200: {"content": {kind: {} for kind in MEDIA_TYPES.values()}, "description": "the rows"}, **INVALID},
)
def export(store: Store, rows: ExportRows, filters: Filters, format: ExportFormat = ExportFormat.csv) -> Any:
    """Every matching event or cluster, streamed without a cap: CSV (header, lists as JSON),
    JSONL, or the GDELT 2.0 layout (asserted only: GDELT has no modality column)."""
    chunks = export_chunks(store, rows, filters, format)
    name = f"lagebild-{rows.value}.{SUFFIXES[format.value]}"
    return StreamingResponse(
        chunks,
        media_type=f"{MEDIA_TYPES[format.value]}; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def export_chunks(store: StoreAccess, rows: ExportRows, filters: EventFilter, format: ExportFormat) -> Iterator[str]:
    """The export's text, produced while the store is open (a generator: it opens the store on
    the first chunk and closes it after the last)."""
    with store.reading() as connection:
        if format is ExportFormat.gdelt:
            conditions, params = filters.conditions(include_modality=False)
            yield from gdelt_lines(connection, gdelt_query(rows is ExportRows.clusters, conditions), params)
            return
        sql, params = clusters_query(filters) if rows is ExportRows.clusters else events_query(filters)
        if format is ExportFormat.jsonl:
            yield from jsonl_lines(streamed_rows(connection, sql, params))
            return
        columns = [column[0] for column in connection.execute(f"{sql} LIMIT 0", params).description]
        yield from csv_lines(streamed_rows(connection, sql, params), columns)

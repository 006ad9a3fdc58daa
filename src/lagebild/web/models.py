"""The JSON shapes of the HTTP API: they document the OpenAPI schema (`/openapi.json`) and are
checked against every response. Field meanings follow docs/schema.md and the spec."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field

from lagebild.store.query import MODALITIES, PLOVER_TYPES, StoreStats

EventType = StrEnum("EventType", {name: name for name in PLOVER_TYPES})  # type: ignore[misc]
Modality = StrEnum("Modality", {name: name for name in MODALITIES})  # type: ignore[misc]


class Span(BaseModel):
    start: int = Field(description="character offset into the article text (inclusive)")
    end: int = Field(description="character offset (exclusive)")
    text: str


class Claimant(BaseModel):
    text: str
    country: str | None = None


class EventRecord(BaseModel):
    """One event of one article, with its coded actors, place, time and evidence."""

    event_id: int
    article_id: str
    published: date | None
    outlet: str | None
    url: str | None
    type: str = Field(description="PLOVER event type")
    event_class: str = Field(description="cooperation or conflict (GDELT quad class of the type)")
    mode: str | None
    context: list[str] | None
    modality: str
    source_text: str | None
    source_name: str | None
    source_country: str | None
    source_sector: str | None
    target_text: str | None
    target_name: str | None
    target_country: str | None
    target_sector: str | None
    location_text: str | None
    location_name: str | None
    location_country: str | None
    time_text: str | None
    time_start: date | None
    time_end: date | None
    attribution: list[Claimant] = Field(description="who claims it, outermost first")
    evidence: list[str] | None
    evidence_spans: list[Span] = Field(description="evidence as offsets into the article text, most explicit first")
    in_lead: bool
    cluster_id: int | None


class EventPage(BaseModel):
    total: int = Field(description="events matching the filters")
    limit: int
    offset: int
    events: list[EventRecord]


class ArticleView(BaseModel):
    id: str
    published: date | None
    outlet: str | None
    url: str | None
    title: str | None
    lang: str | None
    pipeline_version: str
    ingested_at: datetime
    text: str
    structure: dict[str, Any] | None = Field(description="blocks, dateline and notices as character spans")
    events: list[EventRecord]


class ActorRow(BaseModel):
    country: str | None
    sector: str | None
    name: str | None
    as_source: int
    as_target: int
    articles: int
    surface_forms: str | None


# The statistics dataclass of the store serves as its own response schema.
StoreStatistics = StoreStats


class GraphNode(BaseModel):
    id: str = Field(description="a party: ISO3 country, else the actor's name")
    label: str
    events: int


class GraphEdge(BaseModel):
    source: str
    target: str
    events: int
    cooperation: int
    conflict: int


class ActorGraph(BaseModel):
    nodes: list[GraphNode]
    edges: list[GraphEdge]


class PlacePoint(BaseModel):
    name: str | None
    country: str
    country_numeric: str | None = Field(description="ISO 3166-1 numeric code (the map geometry's id)")
    latitude: float | None = Field(description="GeoNames city coordinates; null: draw at the country")
    longitude: float | None
    events: int


class IngestResult(BaseModel):
    article_id: str
    status: str = Field(description="stored, or already stored (same id or text)")
    lang: str | None
    events: list[EventRecord]


class ErrorDetail(BaseModel):
    status: int
    message: str
    details: list[Any] = []


class ErrorBody(BaseModel):
    error: ErrorDetail

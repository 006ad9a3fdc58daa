"""The JSON shapes of the HTTP API: they document the OpenAPI schema (`/openapi.json`) and are
checked against every response. Field meanings follow docs/schema.md and the spec."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field

from lagebild.store.query import MODALITIES, StoreStats

Modality = StrEnum("Modality", {name: name for name in MODALITIES})  # type: ignore[misc]


class Claimant(BaseModel):
    text: str
    country: str | None = None


class EvidenceSpan(BaseModel):
    start: int = Field(description="character offset into the article text (inclusive)")
    end: int = Field(description="character offset (exclusive)")
    text: str
    attribution: list[Claimant] | None = Field(
        description="who says it in this passage, outermost first; empty: the article's own voice; "
        "null: not known (stored before schema version 3)"
    )


class CodedParties(BaseModel):
    """Who acted on whom and where, as an event or a cluster codes them."""

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


class EventRecord(CodedParties):
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
    time_text: str | None
    time_start: date | None
    time_end: date | None
    attribution: list[Claimant] = Field(description="who claims it, outermost first")
    evidence: list[str] | None
    evidence_spans: list[EvidenceSpan] = Field(
        description="evidence as offsets into the article text, most explicit first, each with its attribution"
    )
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
    edges: list[GraphEdge] = Field(description="the strongest edges, at most max_edges")
    edges_total: int = Field(description="edges among the matching events before the limit")


class PlacePoint(BaseModel):
    name: str | None
    label: str = Field(description="the place in the requested language, with its country")
    country: str
    country_numeric: str | None = Field(description="ISO 3166-1 numeric code (the map geometry's id)")
    latitude: float | None = Field(description="GeoNames city coordinates; null: draw at the country")
    longitude: float | None
    events: int


class Places(BaseModel):
    places: list[PlacePoint]
    without_place: int = Field(description="matching events with no place country")


class ClusterRecord(CodedParties):
    """One real-world event: the reports of several articles merged (docs/schema.md)."""

    cluster_id: int
    type: str
    event_class: str
    mode: str | None
    modality: str = Field(description="the members' weighted vote")
    first_day: date | None
    last_day: date | None
    events: int
    articles: int
    outlets: int
    mentions: int
    first_published: date | None = Field(description="first report")
    last_published: date | None = Field(description="last report")
    outlet_names: list[str] | None
    representative_article: str
    representative_url: str | None


class ClusterPage(BaseModel):
    total: int = Field(description="clusters with a member matching the filters")
    limit: int
    offset: int
    clusters: list[ClusterRecord]


class ClusterDetail(ClusterRecord):
    reports: list[EventRecord] = Field(description="the member events, earliest publication first")


class TimelineCount(BaseModel):
    period: date = Field(description="first day of the day, week (Monday) or month")
    type: str
    events: int
    undated: int = Field(description="of them, events without a time of their own (counted at publication)")


class Timeline(BaseModel):
    bucket: str = Field(description="day, week or month")
    first: date | None = Field(description="the axis: since, else the first matching day")
    last: date | None = Field(description="until, else the last matching day")
    counts: list[TimelineCount]
    undated: int


class Totals(BaseModel):
    events: int = Field(description="events matching the filters")
    clusters: int = Field(description="clusters with a matching member (modality: the cluster's)")


class FilterOption(BaseModel):
    value: str
    events: int = Field(description="events this choice gives under the other filters")
    label: str | None = None


class FilterOptions(BaseModel):
    country: list[FilterOption]
    type: list[FilterOption]
    modality: list[FilterOption]


class ModeRow(BaseModel):
    name: str
    label_de: str
    label_en: str


class PloverRow(BaseModel):
    name: str
    label_de: str
    label_en: str
    quad_class: int
    event_class: str
    symmetric: bool
    cameo_code: str
    modes: list[ModeRow]


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

"""Reading the store: events (one row per article's event) or clusters (one row per
real-world event), actors and summary statistics, each as a list of plain dicts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb

from lagebild.plover import PLOVER_TYPES as PLOVER_TYPES  # re-exported for the CLI

MODALITIES = ("asserted", "planned", "possible", "negated")


@dataclass(frozen=True)
class EventFilter:
    """Which events to read; every given criterion must hold.

    actor: an ISO3 code matches source or target country; any text also matches actor names
    and surface forms (case-insensitive substring). since/until: the event's day interval
    (its time, else its article's publication day) overlaps [since, until]. place: location
    name or surface (substring) or location country code.
    """

    actor: str | None = None
    type: str | None = None
    since: date | None = None
    until: date | None = None
    place: str | None = None
    modality: str | None = None

    def conditions(self, include_modality: bool = True) -> tuple[list[str], list[Any]]:
        """SQL conditions over `events_full` and their parameters."""
        where: list[str] = []
        params: list[Any] = []
        if self.actor:
            like = f"%{self.actor}%"
            where.append(
                "(source_country = upper(?) OR target_country = upper(?) OR source_name ILIKE ? "
                "OR target_name ILIKE ? OR source_text ILIKE ? OR target_text ILIKE ?)"
            )
            params += [self.actor, self.actor, like, like, like, like]
        if self.type:
            where.append("type = upper(?)")
            params.append(self.type)
        if self.since:
            where.append("day_last >= ?")
            params.append(self.since)
        if self.until:
            where.append("day_first <= ?")
            params.append(self.until)
        if self.place:
            where.append("(location_name ILIKE ? OR location_text ILIKE ? OR location_country = upper(?))")
            params += [f"%{self.place}%", f"%{self.place}%", self.place]
        if self.modality and include_modality:
            where.append("modality = lower(?)")
            params.append(self.modality)
        return where, params


EVENT_COLUMNS = """
    id AS event_id, article_id, published, outlet, url, type, mode, context, modality,
    source_text, source_name, source_country, source_sector,
    target_text, target_name, target_country, target_sector,
    location_text, location_name, location_country,
    time_text, time_start, time_end, attribution,
    (SELECT list(m.text ORDER BY m.position) FROM mentions m WHERE m.event_id = events_full.id) AS evidence,
    in_lead, cluster_id
"""


def rows_as_dicts(relation: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [column[0] for column in relation.description]
    return [dict(zip(names, row, strict=True)) for row in relation.fetchall()]


def where_clause(conditions: list[str]) -> str:
    return f"WHERE {' AND '.join(conditions)}" if conditions else ""


def events_query(event_filter: EventFilter = EventFilter()) -> tuple[str, list[Any]]:
    conditions, params = event_filter.conditions()
    sql = f"SELECT {EVENT_COLUMNS} FROM events_full {where_clause(conditions)} ORDER BY day_first, id"
    return sql, params


def select_events(connection: duckdb.DuckDBPyConnection, event_filter: EventFilter = EventFilter()) -> list[dict]:
    sql, params = events_query(event_filter)
    return rows_as_dicts(connection.execute(sql, params))


CLUSTER_COLUMNS = """
    c.id AS cluster_id, c.type, c.modality, c.first_day, c.last_day,
    r.source_text, r.source_name, r.source_country, r.source_sector,
    r.target_text, r.target_name, r.target_country, r.target_sector,
    r.location_name, coalesce(r.location_country, c.place_country) AS location_country,
    c.events, c.articles, c.outlets, c.mentions, c.first_published,
    (SELECT list(DISTINCT e.outlet ORDER BY e.outlet) FROM events_full e WHERE e.cluster_id = c.id) AS outlet_names,
    r.article_id AS representative_article, r.url AS representative_url
"""


def clusters_query(event_filter: EventFilter = EventFilter()) -> tuple[str, list[Any]]:
    """Clusters with a member event matching the filter; modality applies to the cluster's summary."""
    conditions, params = event_filter.conditions(include_modality=False)
    outer = ["c.id IN (SELECT cluster_id FROM events_full " + where_clause(conditions) + ")"]
    if event_filter.modality:
        outer.append("c.modality = lower(?)")
        params.append(event_filter.modality)
    sql = (
        f"SELECT {CLUSTER_COLUMNS} FROM clusters c JOIN events_full r ON r.id = c.representative_event "
        f"{where_clause(outer)} ORDER BY c.first_day, c.id"
    )
    return sql, params


def select_clusters(connection: duckdb.DuckDBPyConnection, event_filter: EventFilter = EventFilter()) -> list[dict]:
    sql, params = clusters_query(event_filter)
    return rows_as_dicts(connection.execute(sql, params))


ACTORS_QUERY = """
SELECT country, sector, name,
       count(*) FILTER (WHERE role = 'source') AS as_source,
       count(*) FILTER (WHERE role = 'target') AS as_target,
       count(DISTINCT e.article_id) AS articles,
       string_agg(DISTINCT text, ' | ' ORDER BY text) AS surface_forms
FROM actors JOIN events e ON e.id = actors.event_id
GROUP BY ALL
ORDER BY as_source + as_target DESC, country NULLS LAST, name NULLS FIRST
"""


def select_actors(connection: duckdb.DuckDBPyConnection) -> list[dict]:
    """One row per coded actor (country, sector, name) with its event counts and surface forms."""
    return rows_as_dicts(connection.execute(ACTORS_QUERY))


@dataclass(frozen=True)
class StoreStats:
    schema_version: int
    articles: int
    articles_by_lang: dict[str, int]
    pipeline_versions: dict[str, int]
    events: int
    events_by_type: dict[str, int]
    events_by_modality: dict[str, int]
    clusters: int
    clusters_reported_by_several: int
    first_day: date | None
    last_day: date | None


def count_by(connection: duckdb.DuckDBPyConnection, table: str, column: str) -> dict[str, int]:
    rows = connection.execute(
        f"SELECT coalesce({column}::VARCHAR, '(none)'), count(*) FROM {table} GROUP BY 1 ORDER BY 2 DESC, 1"
    ).fetchall()
    return dict(rows)


def scalar(connection: duckdb.DuckDBPyConnection, sql: str) -> Any:
    row = connection.execute(sql).fetchone()
    return None if row is None else row[0]


def store_stats(connection: duckdb.DuckDBPyConnection) -> StoreStats:
    return StoreStats(
        schema_version=scalar(connection, "SELECT max(version) FROM schema_version"),
        articles=scalar(connection, "SELECT count(*) FROM articles"),
        articles_by_lang=count_by(connection, "articles", "lang"),
        pipeline_versions=count_by(connection, "articles", "pipeline_version"),
        events=scalar(connection, "SELECT count(*) FROM events"),
        events_by_type=count_by(connection, "events", "type"),
        events_by_modality=count_by(connection, "events", "modality"),
        clusters=scalar(connection, "SELECT count(*) FROM clusters"),
        clusters_reported_by_several=scalar(connection, "SELECT count(*) FROM clusters WHERE articles > 1"),
        first_day=scalar(connection, "SELECT min(day_first) FROM events_full"),
        last_day=scalar(connection, "SELECT max(day_last) FROM events_full"),
    )

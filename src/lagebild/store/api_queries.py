"""Reading the store for the web API: a page of events with their evidence spans, one event,
one article with its events, the actor graph and event places. Filters are `EventFilter`s
(query.py), so the API filters exactly as `lagebild events` does."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import duckdb

from lagebild.entities.lexicon import countries_by_iso3, country_labels
from lagebild.plover import event_class
from lagebild.store.gdelt import city
from lagebild.store.query import (
    CLUSTER_COLUMNS,
    DEFAULT_SORT,
    RECORD_COLUMNS,
    EventFilter,
    Sort,
    cluster_count_query,
    cluster_page_query,
    event_page_query,
    rows_as_dicts,
    where_clause,
    with_reports,
)


@dataclass(frozen=True)
class Page:
    limit: int
    offset: int


@dataclass(frozen=True)
class EventPage:
    total: int
    events: list[dict[str, Any]]


def select_event_page(
    connection: duckdb.DuckDBPyConnection, event_filter: EventFilter, page: Page, sort: Sort = DEFAULT_SORT
) -> EventPage:
    """Events matching the filter in `sort` order, `page.limit` of them from `page.offset`."""
    sql, params = event_page_query(event_filter, sort, page.limit, page.offset)
    rows = rows_as_dicts(connection.execute(sql, params))
    conditions, count_params = event_filter.conditions()
    total = connection.execute(f"SELECT count(*) FROM events_full {where_clause(conditions)}", count_params)
    return EventPage(total=total.fetchone()[0], events=with_spans(connection, rows))


def select_event(connection: duckdb.DuckDBPyConnection, event_id: int) -> dict[str, Any] | None:
    rows = rows_as_dicts(connection.execute(f"SELECT {RECORD_COLUMNS} FROM events_full WHERE id = ?", [event_id]))
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
            f"SELECT {RECORD_COLUMNS} FROM events_full WHERE article_id = ? ORDER BY position", [article_id]
        )
    )
    article["events"] = with_spans(connection, events)
    return article


def with_spans(connection: duckdb.DuckDBPyConnection, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each event with `evidence_spans` (offsets into its article's text, most explicit first) and
    their texts as `evidence`, its attribution chain as a list and its class (cooperation or conflict)."""
    spans = spans_by_event(connection, [event["event_id"] for event in events])
    for event in events:
        event["evidence_spans"] = spans.get(event["event_id"], [])
        event["evidence"] = [span["text"] for span in event["evidence_spans"]]
        event["attribution"] = json.loads(event["attribution"]) if event["attribution"] else []
        event["event_class"] = event_class(event["type"])
    return events


def spans_by_event(connection: duckdb.DuckDBPyConnection, event_ids: list[int]) -> dict[int, list[dict]]:
    """Each event's evidence spans with the attribution chain of each passage (None: not known)."""
    if not event_ids:
        return {}
    # Every column by name: a store of schema version 1 or 2, read as it is, has no attribution column.
    rows = rows_as_dicts(
        connection.execute(
            "SELECT * FROM mentions WHERE event_id IN (SELECT unnest(?::BIGINT[])) ORDER BY event_id, position",
            [event_ids],
        )
    )
    spans: dict[int, list[dict]] = defaultdict(list)
    for row in rows:
        chain = row.get("attribution")
        spans[row["event_id"]].append(
            {
                "start": row["start_char"],
                "end": row["end_char"],
                "text": row["text"],
                "attribution": None if chain is None else json.loads(chain),
            }
        )
    return spans


GRAPH_QUERY = """
SELECT coalesce(source_country, source_name) AS source, coalesce(target_country, target_name) AS target,
       type, count(*) AS events
FROM events_full {where}
GROUP BY ALL ORDER BY source, target, type
"""


def select_actor_graph(
    connection: duckdb.DuckDBPyConnection, event_filter: EventFilter, max_edges: int, lang: str = "de"
) -> dict[str, Any]:
    """Who acts on whom: the `max_edges` strongest edges (source party, target party) with their
    events counted by class, and how many edges there are in all; a party is the actor's ISO3
    country, else its name (as in the clusters' dyads)."""
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
    strongest = sorted(edges.values(), key=lambda edge: (-edge["events"], edge["source"], edge["target"]))[:max_edges]
    degree: dict[str, int] = defaultdict(int)
    for edge in strongest:
        degree[edge["source"]] += edge["events"]
        degree[edge["target"]] += edge["events"]
    nodes = [{"id": party, "label": party_label(party, lang), "events": count} for party, count in degree.items()]
    return {
        "nodes": sorted(nodes, key=lambda node: (-node["events"], node["id"])),
        "edges": strongest,
        "edges_total": len(edges),
    }


def party_label(party: str, lang: str = "de") -> str:
    return country_labels(lang).get(party, party)


def country_label(code: str, lang: str) -> str:
    """'Nordkorea (PRK)'."""
    name = country_labels(lang).get(code)
    return f"{name} ({code})" if name else code


PLACES_QUERY = """
SELECT location_name, location_country, mode(location_text) AS surface, count(*) AS events
FROM events_full {where}
GROUP BY location_name, location_country ORDER BY events DESC, location_country, location_name
"""


def select_places(connection: duckdb.DuckDBPyConnection, event_filter: EventFilter, lang: str = "de") -> dict[str, Any]:
    """Event places with their event counts and where to draw them (a GeoNames city's coordinates
    when the place is a city of its country, else the country at its centroid), and how many
    matching events have no place country."""
    conditions, params = event_filter.conditions()
    rows = connection.execute(PLACES_QUERY.format(where=where_clause(conditions)), params).fetchall()
    places = [place_point(name, country, count) | {"label": place_label(name, surface, country, lang)}
              for name, country, surface, count in rows if country]  # fmt: skip
    return {"places": places, "without_place": sum(count for _, country, _, count in rows if not country)}


def prepare_place_lookups() -> None:
    """Load GeoNames and the country names now (a second or more) rather than in a request."""
    country_labels("de")
    country_labels("en")
    city("Berlin", "DE")


def place_label(name: str | None, surface: str | None, country: str, lang: str) -> str:
    """The place as the page's language names it: a country by its name, a city in German by the
    article's own word for it ("Wladiwostok"), in English by its GeoNames name."""
    country_name = country_labels(lang).get(country, country)
    if not name or name == countries_by_iso3().get(country, {}).get("name"):
        return country_name
    local = surface if lang == "de" and surface else name
    return f"{local} ({country_name})"


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


TIMELINE_BUCKETS = ("day", "week", "month")
DAYS_PER_BUCKET = {"day": 92, "week": 3 * 366}  # longest range drawn per day / per week; longer: months


def timeline_bucket(first: date, last: date) -> str:
    days = (last - first).days
    return next((bucket for bucket, limit in DAYS_PER_BUCKET.items() if days <= limit), "month")


def select_timeline(connection: duckdb.DuckDBPyConnection, event_filter: EventFilter, bucket: str | None) -> dict:
    """Matching events counted per period (day, week or month; chosen by the range when not given)
    and type, each at its first day (clamped into the range). The range is since..until where
    given, else the matching events' first..last day."""
    conditions, params = event_filter.conditions()
    where = where_clause(conditions)
    low, high = connection.execute(f"SELECT min(day_first), max(day_first) FROM events_full {where}", params).fetchone()
    first, last = event_filter.since or low, event_filter.until or high
    if first is None or last is None:
        return {"bucket": bucket or "day", "first": first, "last": last, "counts": [], "undated": 0}
    bucket = bucket or timeline_bucket(first, last)
    day = "least(greatest(day_first, ?::DATE), ?::DATE)"
    rows = connection.execute(
        f"SELECT date_trunc('{bucket}', {day})::DATE AS period, type, count(*) AS events, "
        f"count(*) FILTER (WHERE time_start IS NULL) AS undated "
        f"FROM events_full {where} GROUP BY ALL ORDER BY period, type",
        [first, last, *params],
    ).fetchall()
    counts = [{"period": period, "type": kind, "events": events, "undated": undated}
              for period, kind, events, undated in rows]  # fmt: skip
    return {"bucket": bucket, "first": first, "last": last, "counts": counts,
            "undated": sum(row["undated"] for row in counts)}  # fmt: skip


@dataclass(frozen=True)
class ClusterPage:
    total: int
    clusters: list[dict[str, Any]]


def select_cluster_page(
    connection: duckdb.DuckDBPyConnection, event_filter: EventFilter, page: Page, sort: Sort = DEFAULT_SORT
) -> ClusterPage:
    """Clusters (real-world events) with a member matching the filter, a page of them in `sort` order."""
    sql, params = cluster_page_query(event_filter, sort, page.limit, page.offset)
    rows = rows_as_dicts(connection.execute(sql, params))
    count_sql, count_params = cluster_count_query(event_filter)
    total = connection.execute(count_sql, count_params).fetchone()[0]
    for row in rows:
        row["event_class"] = event_class(row["type"])
    return ClusterPage(total=total, clusters=rows)


def select_cluster(connection: duckdb.DuckDBPyConnection, cluster_id: int) -> dict[str, Any] | None:
    """One cluster with its member events (the reports), earliest publication first."""
    sql = f"SELECT {CLUSTER_COLUMNS} FROM {with_reports('SELECT ?')} WHERE c.id = ?"
    rows = rows_as_dicts(connection.execute(sql, [cluster_id, cluster_id]))
    if not rows:
        return None
    cluster = rows[0] | {"event_class": event_class(rows[0]["type"])}
    events = rows_as_dicts(
        connection.execute(
            f"SELECT {RECORD_COLUMNS} FROM events_full WHERE cluster_id = ? ORDER BY published, id", [cluster_id]
        )
    )
    cluster["reports"] = with_spans(connection, events)
    return cluster


FACET_QUERIES = {
    "country": "SELECT code, count(*) FROM (SELECT source_country AS code FROM events_full {where} UNION ALL "
    "SELECT target_country FROM events_full {where} {also} target_country IS DISTINCT FROM source_country) "
    "WHERE code IS NOT NULL GROUP BY code",
    "type": "SELECT type, count(*) FROM events_full {where} GROUP BY type",
    "modality": "SELECT modality, count(*) FROM events_full {where} GROUP BY modality",
}


def select_filter_options(connection: duckdb.DuckDBPyConnection, event_filter: EventFilter, lang: str) -> dict:
    """For each choice list (countries, types, modalities) the values with the number of events
    that choosing each would give, under every other filter given (so a count equals the result)."""
    options: dict[str, list[dict[str, Any]]] = {}
    for facet, query in FACET_QUERIES.items():
        conditions, params = replace(event_filter, **{facet: ()}).conditions()
        where = where_clause(conditions)
        sql = query.format(where=where, also="AND" if where else "WHERE")
        repeated = params * query.count("{where}")  # the country query reads the events twice
        counts = dict(connection.execute(sql, repeated).fetchall())
        options[facet] = [{"value": value, "events": count} for value, count in counts.items()]
    for country in options["country"]:
        country["label"] = country_label(country["value"], lang)
    options["country"].sort(key=lambda country: country["label"].casefold())
    return options


def select_totals(connection: duckdb.DuckDBPyConnection, event_filter: EventFilter) -> dict[str, int]:
    """How many events match, and how many clusters (real-world events) hold them."""
    conditions, params = event_filter.conditions()
    events = connection.execute(f"SELECT count(*) FROM events_full {where_clause(conditions)}", params).fetchone()[0]
    sql, cluster_params = cluster_count_query(event_filter)
    return {"events": events, "clusters": connection.execute(sql, cluster_params).fetchone()[0]}

"""Reading the store: events (one row per article's event) or clusters (one row per
real-world event), actors and summary statistics, each as a list of plain dicts."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb

from lagebild.plover import PLOVER_TYPES as PLOVER_TYPES  # re-exported for the CLI

MODALITIES = ("asserted", "planned", "possible", "negated")


Values = tuple[str, ...]
LIKE_ESCAPE = "\\"


def as_values(value: str | Iterable[str] | None) -> Values:
    """One value or several as a tuple without blanks (the CLI passes one, the API several)."""
    if value is None:
        return ()
    items = [value] if isinstance(value, str) else list(value)
    return tuple(item.strip() for item in items if item and item.strip())


def like_pattern(text: str) -> str:
    """`%text%` for ILIKE ... ESCAPE '\\': the user's % and _ match themselves."""
    escaped = text.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2).replace("%", LIKE_ESCAPE + "%").replace("_", LIKE_ESCAPE + "_")
    return f"%{escaped}%"


def any_like(columns: Sequence[str], texts: Values) -> tuple[str, list[Any]]:
    """(column ILIKE %t% OR ...) over every column and text."""
    tests = [f"{column} ILIKE ? ESCAPE '{LIKE_ESCAPE}'" for _ in texts for column in columns]
    params = [like_pattern(text) for text in texts for _ in columns]
    return f"({' OR '.join(tests)})", params


PARTY = {"source": "coalesce(source_country, source_name)", "target": "coalesce(target_country, target_name)"}


@dataclass(frozen=True)
class EventFilter:
    """Which events to read: every given criterion must hold; several values of one criterion
    are alternatives. Strings are accepted for one value.

    country: ISO3 codes; the source's or the target's country is one of them (codes only).
    actor: names; part of a source or target name or surface form (case-insensitive).
    source, target: a dyad of parties (a party is the ISO3 country, else the actor's name,
    as in the clusters); with `either_direction` target → source matches too.
    type, modality: PLOVER types (any case), modalities.
    since/until: the event's day interval (its time, else its article's publication day)
    overlaps [since, until].
    place: part of the place's name or surface form; place_country: its ISO3 codes.
    """

    country: Values = ()
    actor: Values = ()
    source: Values = ()
    target: Values = ()
    either_direction: bool = False
    type: Values = ()
    since: date | None = None
    until: date | None = None
    place: Values = ()
    place_country: Values = ()
    modality: Values = ()

    def __post_init__(self) -> None:
        for name in ("country", "actor", "source", "target", "type", "place", "place_country", "modality"):
            object.__setattr__(self, name, as_values(getattr(self, name)))

    def conditions(self, include_modality: bool = True) -> tuple[list[str], list[Any]]:
        """SQL conditions over `events_full` and their parameters."""
        where: list[str] = []
        params: list[Any] = []

        def add(sql: str, *values: Any) -> None:
            where.append(sql)
            params.extend(values)

        if self.country:
            codes = [code.upper() for code in self.country]
            add("(list_contains(?, source_country) OR list_contains(?, target_country))", codes, codes)
        if self.actor:
            add(*flat(any_like(("source_name", "target_name", "source_text", "target_text"), self.actor)))
        if self.source or self.target:
            add(*flat(self.dyad_condition()))
        if self.type:
            add("list_contains(?, type)", [kind.upper() for kind in self.type])
        if self.since:
            add("day_last >= ?", self.since)
        if self.until:
            add("day_first <= ?", self.until)
        if self.place:
            add(*flat(any_like(("location_name", "location_text"), self.place)))
        if self.place_country:
            add("list_contains(?, location_country)", [code.upper() for code in self.place_country])
        if self.modality and include_modality:
            add("list_contains(?, modality)", [modality.lower() for modality in self.modality])
        return where, params

    def dyad_condition(self) -> tuple[str, list[Any]]:
        def directed(sources: Values, targets: Values) -> tuple[list[str], list[Any]]:
            tests = [(PARTY["source"], sources), (PARTY["target"], targets)]
            given = [(party, list(values)) for party, values in tests if values]
            return [f"list_contains(?, {party})" for party, _ in given], [values for _, values in given]

        forward, params = directed(self.source, self.target)
        sql = " AND ".join(forward)
        if self.either_direction:
            backward, more = directed(self.target, self.source)
            sql = f"(({sql}) OR ({' AND '.join(backward)}))"
            params += more
        return f"({sql})", params


def flat(condition: tuple[str, list[Any]]) -> tuple[Any, ...]:
    return (condition[0], *condition[1])


KNOWN_COUNTRY_CODE = re.compile(r"^[A-Za-z]{3}$")


def actor_criteria(value: str | None) -> dict[str, Values]:
    """The CLI's --actor: an ISO3 code of a known country filters by country (codes only),
    anything else by name, so 'POL' is Poland and never 'Polizei'."""
    if value and KNOWN_COUNTRY_CODE.match(value.strip()) and is_country_code(value.strip()):
        return {"country": (value.strip().upper(),)}
    return {"actor": as_values(value)}


def place_criteria(value: str | None) -> dict[str, Values]:
    """The CLI's --place: a known ISO3 code filters by the place's country, anything else by name."""
    if value and KNOWN_COUNTRY_CODE.match(value.strip()) and is_country_code(value.strip()):
        return {"place_country": (value.strip().upper(),)}
    return {"place": as_values(value)}


def is_country_code(code: str) -> bool:
    """An ISO3 code GeoNames knows (the ISO 3166-1 codes and Kosovo's XKX)."""
    from lagebild.entities.lexicon import countries_by_iso3

    return code.upper() in countries_by_iso3()


# The columns of an event row; EVENT_COLUMNS adds its evidence texts. Readers of a few events
# (the web API) take RECORD_COLUMNS and the evidence from their mentions instead: the evidence
# subquery reads every mention, however few events are asked for.
RECORD_COLUMNS = """
    id AS event_id, article_id, published, outlet, url, type, mode, context, modality,
    source_text, source_name, source_country, source_sector,
    target_text, target_name, target_country, target_sector,
    location_text, location_name, location_country,
    time_text, time_start, time_end, attribution, in_lead, cluster_id
"""
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


# Types sort in PLOVER's order (cooperation to conflict), not by their names.
TYPE_ORDER = f"list_position([{', '.join(repr(name) for name in PLOVER_TYPES)}], {{}})"
EVENT_SORTS = {
    "day": "day_first",
    "type": TYPE_ORDER.format("type"),
    "modality": "modality",
    "source": "coalesce(source_country, source_name, source_text)",
    "target": "coalesce(target_country, target_name, target_text)",
    "place": "coalesce(location_name, location_country)",
    "article": "article_id",
}
Sort = tuple[str, bool]  # (a key of EVENT_SORTS or CLUSTER_SORTS, descending)
DEFAULT_SORT: Sort = ("day", False)


def order_by(sorts: dict[str, str], sort: Sort, tie_breaks: str) -> str:
    """ORDER BY the named column (descending when `sort[1]`), then stable tie-breaks."""
    column = sorts[sort[0]]
    return f"ORDER BY {column} {'DESC' if sort[1] else 'ASC'} NULLS LAST, {tie_breaks}"


def events_query(event_filter: EventFilter = EventFilter(), sort: Sort = DEFAULT_SORT) -> tuple[str, list[Any]]:
    """Events matching the filter; `sort` = (a key of EVENT_SORTS, descending)."""
    conditions, params = event_filter.conditions()
    order = order_by(EVENT_SORTS, sort, "day_first, id")
    return f"SELECT {EVENT_COLUMNS} FROM events_full {where_clause(conditions)} {order}", params


def event_page_query(event_filter: EventFilter, sort: Sort, limit: int, offset: int) -> tuple[str, list[Any]]:
    """A page of `events_query` in RECORD_COLUMNS (no evidence): the page's ids are chosen first."""
    conditions, params = event_filter.conditions()
    order = order_by(EVENT_SORTS, sort, "day_first, id")
    page = f"SELECT id FROM events_full {where_clause(conditions)} {order} LIMIT ? OFFSET ?"
    return f"SELECT {RECORD_COLUMNS} FROM events_full WHERE id IN ({page}) {order}", [*params, limit, offset]


def select_events(connection: duckdb.DuckDBPyConnection, event_filter: EventFilter = EventFilter()) -> list[dict]:
    sql, params = events_query(event_filter)
    return rows_as_dicts(connection.execute(sql, params))


CLUSTER_COLUMNS = """
    c.id AS cluster_id, c.type, c.modality, c.first_day, c.last_day,
    r.source_text, r.source_name, r.source_country, r.source_sector,
    r.target_text, r.target_name, r.target_country, r.target_sector,
    r.mode, r.location_text, r.location_name, coalesce(r.location_country, c.place_country) AS location_country,
    c.events, c.articles, c.outlets, c.mentions, c.first_published, p.last_published, p.outlet_names,
    r.article_id AS representative_article, r.url AS representative_url
"""
CLUSTERED = "clusters c JOIN events_full r ON r.id = c.representative_event"
# Needed only to sort by the last report (an aggregate over every event).
LAST_REPORTS = (
    "LEFT JOIN (SELECT cluster_id, max(published) AS last_published FROM events_full GROUP BY cluster_id) lp "
    "ON lp.cluster_id = c.id"
)


def with_reports(members: str = "") -> str:
    """The clusters with their representative event and what their reports add (last report,
    outlets), aggregated once over the member events (those of the clusters `members` selects)."""
    restrict = f"WHERE cluster_id IN ({members})" if members else ""
    return (
        f"{CLUSTERED} LEFT JOIN (SELECT cluster_id, max(published) AS last_published, "
        f"list(DISTINCT outlet ORDER BY outlet) AS outlet_names FROM events_full {restrict} "
        "GROUP BY cluster_id) p ON p.cluster_id = c.id"
    )


CLUSTER_SORTS = {
    "day": "c.first_day",
    "type": TYPE_ORDER.format("c.type"),
    "modality": "c.modality",
    "source": "coalesce(r.source_country, r.source_name)",
    "target": "coalesce(r.target_country, r.target_name)",
    "place": "coalesce(r.location_name, c.place_country)",
    "articles": "c.articles",
    "outlets": "c.outlets",
    "last_report": "lp.last_published",
}


def clusters_query(event_filter: EventFilter = EventFilter(), sort: Sort = DEFAULT_SORT) -> tuple[str, list[Any]]:
    """Clusters with a member event matching the filter; modality applies to the cluster's summary."""
    where, params = cluster_conditions(event_filter)
    order = order_by(CLUSTER_SORTS, sort, "c.first_day, c.id")
    return f"SELECT {CLUSTER_COLUMNS} FROM {with_reports()} {LAST_REPORTS} {where} {order}", params


def cluster_conditions(event_filter: EventFilter) -> tuple[str, list[Any]]:
    conditions, params = event_filter.conditions(include_modality=False)
    outer = [f"c.id IN (SELECT cluster_id FROM events_full {where_clause(conditions)})"] if conditions else []
    if event_filter.modality:
        outer.append("list_contains(?, c.modality)")
        params.append([modality.lower() for modality in event_filter.modality])
    return where_clause(outer), params


def cluster_page_query(event_filter: EventFilter, sort: Sort, limit: int, offset: int) -> tuple[str, list[Any]]:
    """A page of `clusters_query`: the page's clusters are chosen first, so their reports are
    read for them only."""
    where, params = cluster_conditions(event_filter)
    order = order_by(CLUSTER_SORTS, sort, "c.first_day, c.id")
    source = f"{CLUSTERED} {LAST_REPORTS}" if sort[0] == "last_report" else CLUSTERED
    page = f"SELECT c.id FROM {source} {where} {order} LIMIT ? OFFSET ?"
    sql = (
        f"WITH page AS MATERIALIZED ({page}) SELECT {CLUSTER_COLUMNS} FROM {with_reports('SELECT id FROM page')} "
        f"{LAST_REPORTS} WHERE c.id IN (SELECT id FROM page) {order}"
    )
    return sql, [*params, limit, offset]


def cluster_count_query(event_filter: EventFilter) -> tuple[str, list[Any]]:
    """How many clusters `clusters_query` gives (without reading them)."""
    where, params = cluster_conditions(event_filter)
    return f"SELECT count(*) FROM clusters c {where}", params


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

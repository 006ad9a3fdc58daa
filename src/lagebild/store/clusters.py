"""Cross-article merging: events that several articles report become one cluster.

The rule (also in docs/schema.md). Two events from *different* articles are compatible when
1. they have the same PLOVER type;
2. they have the same dyad: (source party, target party), where a party is the ISO3
   country, or for an international body (sector IGO, no country) its name; for the
   symmetric types CONSULT, COOPERATE and AGREE the pair is unordered. At least one party
   must be known: events with neither party coded are never merged;
3. their times fit: two dated events overlap as day intervals; a dated and an undated event
   fit when the dated interval overlaps [published - N, published + N] of the undated one;
   two undated events fit when their articles were published at most N days apart
   (N = `ClusterRule.undated_window_days`);
4. their places fit: same place country, or at least one of them has no place country.

A cluster is built greedily in chronological order (by event day, then event id): an event
joins the first cluster every member of which it is compatible with and which holds no
event of its own article (complete linkage, so chains A~B~C do not merge A with C).
A cluster's id is its smallest event id, so ids stay stable while membership does.

Modality of a cluster: each member votes with weight asserted 3, negated 2, planned 1,
possible 1; the highest total wins, ties go to the earlier in that order. One asserted
report thus outweighs two speculative ones, and a denial needs two reports to outweigh one
assertion. Clusters are recomputed as a whole after each ingest (deterministic, cheap for
tens of thousands of events), in one transaction: until it commits the old clusters stay.
Until then each newly stored event is a cluster of its own (`cluster_alone`, in the
transaction that stores it), so a store stopped at any moment has every event in a cluster.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import duckdb
import pyarrow as pa

from lagebild.plover import SYMMETRIC_TYPES

MODALITY_WEIGHTS = {"asserted": 3, "negated": 2, "planned": 1, "possible": 1}  # dict order breaks ties
UNDATED_WINDOW_DAYS = 3  # news reports an undated event within a few days of it


@dataclass(frozen=True)
class ClusterRule:
    undated_window_days: int = UNDATED_WINDOW_DAYS


@dataclass(frozen=True)
class EventFacts:
    """What merging looks at for one stored event."""

    id: int
    article_id: str
    type: str
    source_party: str | None
    target_party: str | None
    place_country: str | None
    time_start: date | None
    time_end: date | None
    published: date | None
    modality: str
    outlet: str | None = None
    mentions: int = 0
    ingested_at: datetime | None = None

    @property
    def dyad(self) -> tuple[str, str] | None:
        return dyad_of(self.type, self.source_party, self.target_party)

    @property
    def sort_day(self) -> date:
        return self.time_start or self.published or date.min


def dyad_of(event_type: str, source_party: str | None, target_party: str | None) -> tuple[str, str] | None:
    """The ordered pair of parties (unordered for symmetric types); None when neither is known."""
    if source_party is None and target_party is None:
        return None
    pair = (source_party or "", target_party or "")
    return tuple(sorted(pair)) if event_type in SYMMETRIC_TYPES else pair  # type: ignore[return-value]


@dataclass
class Cluster:
    members: list[EventFacts] = field(default_factory=list)

    @property
    def id(self) -> int:
        return min(member.id for member in self.members)

    @property
    def article_ids(self) -> set[str]:
        return {member.article_id for member in self.members}


def party(country: str | None, sector: str | None, name: str | None) -> str | None:
    if country:
        return country
    if sector == "IGO" and name:
        return name.upper()
    return None


def intervals_overlap(a: tuple[date, date], b: tuple[date, date]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def undated_window(published: date | None, days: int) -> tuple[date, date] | None:
    if published is None:
        return None
    return published - timedelta(days=days), published + timedelta(days=days)


def times_fit(a: EventFacts, b: EventFacts, rule: ClusterRule) -> bool:
    a_dated, b_dated = a.time_start is not None, b.time_start is not None
    if a_dated and b_dated:
        return intervals_overlap((a.time_start, a.time_end or a.time_start), (b.time_start, b.time_end or b.time_start))
    if not a_dated and not b_dated:
        if a.published is None or b.published is None:
            return False
        return abs((a.published - b.published).days) <= rule.undated_window_days
    dated, undated = (a, b) if a_dated else (b, a)
    window = undated_window(undated.published, rule.undated_window_days)
    return window is not None and intervals_overlap((dated.time_start, dated.time_end or dated.time_start), window)


def places_fit(a: EventFacts, b: EventFacts) -> bool:
    return a.place_country is None or b.place_country is None or a.place_country == b.place_country


def compatible(a: EventFacts, b: EventFacts, rule: ClusterRule) -> bool:
    """Whether two events from different articles may be one real-world event (module docstring)."""
    return (
        a.article_id != b.article_id
        and a.type == b.type
        and a.dyad is not None
        and a.dyad == b.dyad
        and times_fit(a, b, rule)
        and places_fit(a, b)
    )


def latest_reach(event: EventFacts, rule: ClusterRule) -> date:
    """The last day an event can still overlap: its end, or for an undated one the end of its window."""
    if event.time_start is not None:
        return event.time_end or event.time_start
    if event.published is not None:
        return event.published + timedelta(days=rule.undated_window_days)
    return date.min


def build_clusters(events: list[EventFacts], rule: ClusterRule = ClusterRule()) -> list[Cluster]:
    """Greedy complete-linkage clustering in chronological order; every event ends in one cluster.

    A cluster closes once events start after the day its earliest-ending member can still reach:
    complete linkage means no later event could join it, so it is no longer compared (this keeps
    the cost linear in the number of events for a long archive)."""
    clusters: list[Cluster] = []
    open_by_key: dict[tuple, list[Cluster]] = defaultdict(list)
    horizon: dict[int, date] = {}  # id(cluster) -> the last day any new member could start
    window = timedelta(days=rule.undated_window_days)
    for event in sorted(events, key=lambda e: (e.sort_day, e.id)):
        key = (event.type, event.dyad)
        if event.dyad is not None and event.sort_day != date.min:
            reach_from = event.sort_day - window  # an undated event reaches back by its window
            open_by_key[key] = [c for c in open_by_key[key] if horizon[id(c)] >= reach_from]
        candidates = open_by_key[key] if event.dyad is not None else []
        home = next(
            (
                cluster
                for cluster in candidates
                if event.article_id not in cluster.article_ids
                and all(compatible(event, member, rule) for member in cluster.members)
            ),
            None,
        )
        if home is None:
            home = Cluster()
            clusters.append(home)
            horizon[id(home)] = date.max
            if event.dyad is not None:
                candidates.append(home)
        home.members.append(event)
        horizon[id(home)] = min(horizon[id(home)], latest_reach(event, rule))
    return clusters


def summarise_modality(modalities: list[str]) -> str:
    """Weighted vote: asserted reports outweigh speculation (see module docstring)."""
    totals = {modality: 0 for modality in MODALITY_WEIGHTS}
    for modality in modalities:
        totals[modality] = totals.get(modality, 0) + MODALITY_WEIGHTS.get(modality, 1)
    return max(totals, key=lambda modality: totals[modality])  # max keeps the first of equals


def cluster_row(cluster: Cluster) -> dict[str, object]:
    members = cluster.members
    modality = summarise_modality([member.modality for member in members])
    representative = min((m for m in members if m.modality == modality), key=lambda m: (m.sort_day, m.id))
    days = [m.time_start or m.published for m in members] + [m.time_end or m.published for m in members]
    known_days = [day for day in days if day is not None]
    published = [m.published for m in members if m.published is not None]
    ingested = [m.ingested_at for m in members if m.ingested_at is not None]
    dyad = representative.dyad or ("", "")
    return {
        "id": cluster.id,
        "type": representative.type,
        "party_a": dyad[0] or None,
        "party_b": dyad[1] or None,
        "place_country": next((m.place_country for m in members if m.place_country), None),
        "first_day": min(known_days, default=None),
        "last_day": max(known_days, default=None),
        "modality": modality,
        "representative_event": representative.id,
        "events": len(members),
        "articles": len(cluster.article_ids),
        "outlets": len({m.outlet or f"article:{m.article_id}" for m in members}),
        "mentions": sum(m.mentions for m in members),
        "first_published": min(published, default=None),
        "first_ingested_at": min(ingested, default=datetime.now()),
    }


FACTS_QUERY = """
SELECT e.id, e.article_id, e.type, e.source_country, e.source_sector, e.source_name,
       e.target_country, e.target_sector, e.target_name, e.location_country,
       e.time_start, e.time_end, a.published, e.modality, a.outlet,
       (SELECT count(*) FROM mentions m WHERE m.event_id = e.id) AS mentions, a.ingested_at
FROM events e JOIN articles a ON a.id = e.article_id
"""


def load_facts(connection: duckdb.DuckDBPyConnection) -> list[EventFacts]:
    facts = []
    for row in connection.execute(FACTS_QUERY).fetchall():
        (
            event_id,
            article_id,
            type_,
            s_country,
            s_sector,
            s_name,
            t_country,
            t_sector,
            t_name,
            place_country,
            start,
            end,
            published,
            modality,
            outlet,
            mentions,
            ingested_at,
        ) = row
        facts.append(
            EventFacts(
                id=event_id,
                article_id=article_id,
                type=type_,
                source_party=party(s_country, s_sector, s_name),
                target_party=party(t_country, t_sector, t_name),
                place_country=place_country,
                time_start=start,
                time_end=end,
                published=published,
                modality=modality,
                outlet=outlet,
                mentions=mentions,
                ingested_at=ingested_at,
            )
        )
    return facts


def recompute_clusters(connection: duckdb.DuckDBPyConnection, rule: ClusterRule = ClusterRule()) -> int:
    """Rebuild every cluster from the stored events in one transaction; returns the cluster count."""
    clusters = build_clusters(load_facts(connection), rule)
    rows = [cluster_row(cluster) for cluster in clusters]
    assignments = pa.table(
        {
            "event_id": pa.array([m.id for c in clusters for m in c.members], pa.int64()),
            "cluster_id": pa.array([c.id for c in clusters for _ in c.members], pa.int64()),
        }
    )
    connection.execute("BEGIN TRANSACTION")
    try:
        connection.execute("DELETE FROM clusters")
        if rows:
            connection.register("new_clusters", pa.Table.from_pylist(rows))
            connection.execute("INSERT INTO clusters BY NAME SELECT * FROM new_clusters")
        connection.register("assignments", assignments)
        connection.execute(
            "UPDATE events SET cluster_id = assignments.cluster_id "
            "FROM assignments WHERE events.id = assignments.event_id"
        )
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    finally:
        for name in ("new_clusters", "assignments"):
            connection.unregister(name)
    return len(clusters)


LONE_CLUSTERS = """
INSERT INTO clusters BY NAME
WITH parties AS (
    SELECT e.*, a.published, a.outlet, a.ingested_at,
           coalesce(nullif(e.source_country, ''),
                    CASE WHEN e.source_sector = 'IGO' AND e.source_name <> '' THEN upper(e.source_name) END) AS s,
           coalesce(nullif(e.target_country, ''),
                    CASE WHEN e.target_sector = 'IGO' AND e.target_name <> '' THEN upper(e.target_name) END) AS t
    FROM events e JOIN articles a ON a.id = e.article_id
    WHERE e.id BETWEEN $first AND $last
)
SELECT id, type,
       nullif(CASE WHEN list_contains($symmetric, type) THEN least(coalesce(s, ''), coalesce(t, ''))
                   ELSE coalesce(s, '') END, '') AS party_a,
       nullif(CASE WHEN list_contains($symmetric, type) THEN greatest(coalesce(s, ''), coalesce(t, ''))
                   ELSE coalesce(t, '') END, '') AS party_b,
       nullif(location_country, '') AS place_country,
       least(coalesce(time_start, published), coalesce(time_end, published)) AS first_day,
       greatest(coalesce(time_start, published), coalesce(time_end, published)) AS last_day,
       modality, id AS representative_event, 1 AS events, 1 AS articles, 1 AS outlets,
       (SELECT count(*) FROM mentions m WHERE m.event_id = parties.id AND m.event_id BETWEEN $first AND $last)
           AS mentions,
       published AS first_published, ingested_at AS first_ingested_at
FROM parties
"""


def cluster_alone(connection: duckdb.DuckDBPyConnection, first_id: int, last_id: int) -> None:
    """Clusters of one event each for the events with ids in [first_id, last_id] (stored with
    their own id as cluster id), in the caller's transaction; the next recompute merges them.

    In SQL, as `cluster_row` of a one-event cluster (tests/test_store_clusters.py checks that
    they agree): a batch's events cost milliseconds here, a tenth of a second in Python."""
    parameters = {"first": first_id, "last": last_id, "symmetric": sorted(SYMMETRIC_TYPES)}
    connection.execute(LONE_CLUSTERS, parameters)

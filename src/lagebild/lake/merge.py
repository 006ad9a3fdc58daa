"""Cross-article merging over the lake, with the store's own rule and code (store/clusters.py).

The store's clustering only ever joins events of the same type and dyad (`build_clusters` keeps
candidates per (type, dyad); events without a dyad stay alone), so the events are split into
buckets by a hash of (type, dyad) and each bucket is clustered on its own, on a Dask worker or
here: the union of the buckets' clusters is exactly what `recompute_clusters` builds from all
events at once. Dyads are computed by the store's `party` and `dyad_of`, not re-written
in SQL. A bucket reads its events with `load_facts`, unchanged, through a view named `events`.

Each merge is written under staging/, renamed to merges/<token>/ and made current by rewriting
CURRENT_MERGE (one atomic rename); readers see the old merge or the new one, never a mix.
"""

from __future__ import annotations

import os
import uuid
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from lagebild.lake.layout import Lake, existing_lake, remove_stale_merges
from lagebild.lake.views import open_lake, table_statement
from lagebild.output import write_atomically
from lagebild.settings import DEFAULT_SETTINGS, Settings
from lagebild.store.clusters import ClusterRule, build_clusters, cluster_row, dyad_of, load_facts, party
from lagebild.store.database import offline_connection

ACTOR_COLUMNS = (
    "type",
    "source_country",
    "source_sector",
    "source_name",
    "target_country",
    "target_sector",
    "target_name",
)


def combo_key(alias: str) -> str:
    """SQL: the event's type and actor columns as one string (chr(30) for NULL, chr(31) between)."""
    return "concat_ws(chr(31), " + ", ".join(f"coalesce({alias}.{c}, chr(30))" for c in ACTOR_COLUMNS) + ")"


@dataclass(frozen=True)
class MergeResult:
    token: str
    clusters: int
    events: int
    buckets: int


def dyad_bucket(row: tuple[Any, ...], buckets: int) -> int:
    """The bucket of an event's (type, dyad), from its type and actor columns."""
    type_, s_country, s_sector, s_name, t_country, t_sector, t_name = row
    dyad = dyad_of(type_, party(s_country, s_sector, s_name), party(t_country, t_sector, t_name))
    return zlib.crc32(repr((type_, dyad)).encode("utf-8")) % buckets


def bucket_table(connection: duckdb.DuckDBPyConnection, buckets: int) -> pa.Table:
    """One row per distinct (type, actor columns) of the lake's events: its combo key and bucket."""
    rows = connection.execute(
        f"SELECT DISTINCT {combo_key('e')} AS combo, {', '.join(ACTOR_COLUMNS)} FROM lake_events e"
    ).fetchall()
    return pa.table(
        {
            "combo": pa.array([row[0] for row in rows], pa.string()),
            "bucket": pa.array([dyad_bucket(row[1:], buckets) for row in rows], pa.int32()),
        }
    )


def cluster_bucket(lake_root: str, staged: str, bucket: int, rule: ClusterRule) -> tuple[int, int]:
    """Cluster one bucket's events with the store's code; write its clusters and assignments."""
    import pyarrow.parquet as pq

    combos = pq.read_table(Path(staged) / "buckets.parquet", filters=[("bucket", "=", bucket)])
    if combos.num_rows == 0:
        write_bucket(
            Path(staged),
            bucket,
            [],
            pa.table({"event_id": pa.array([], pa.int64()), "cluster_id": pa.array([], pa.int64())}),
        )
        return 0, 0
    with open_lake(lake_root) as connection:
        connection.register("bucket_combos", combos)
        connection.execute(
            "CREATE OR REPLACE VIEW events AS SELECT e.*, NULL::BIGINT AS cluster_id FROM lake_events e "
            f"SEMI JOIN bucket_combos b ON b.combo = {combo_key('e')}"
        )
        clusters = build_clusters(load_facts(connection), rule)
    rows = [cluster_row(cluster) for cluster in clusters]
    assignments = pa.table(
        {
            "event_id": pa.array([m.id for c in clusters for m in c.members], pa.int64()),
            "cluster_id": pa.array([c.id for c in clusters for _ in c.members], pa.int64()),
        }
    )
    write_bucket(Path(staged), bucket, rows, assignments)
    return len(clusters), assignments.num_rows


def write_bucket(staged: Path, bucket: int, rows: list[dict[str, object]], assignments: pa.Table) -> None:
    """Clusters typed as the store's `clusters` table (also when there are none), and assignments."""
    name = f"bucket-{bucket:05d}.parquet"
    with offline_connection() as connection:
        connection.execute(table_statement("clusters"))
        if rows:
            connection.register("new_clusters", pa.Table.from_pylist(rows))
            connection.execute("INSERT INTO clusters BY NAME SELECT * FROM new_clusters")
        connection.register("new_assignments", assignments)
        for table, query in (
            ("clusters", "SELECT * FROM clusters ORDER BY id"),
            ("assignments", "SELECT * FROM new_assignments ORDER BY event_id"),
        ):
            target = staged / table / name
            target.parent.mkdir(parents=True, exist_ok=True)
            escaped = str(target).replace("'", "''")
            connection.execute(f"COPY ({query}) TO '{escaped}' (FORMAT parquet)")


def merge_lake(
    lake_root: Path | str,
    client: Any = None,
    buckets: int | None = None,
    rule: ClusterRule | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> MergeResult:
    """Recompute every cluster of the lake (as the store does after each ingest) and make it current.

    With a dask.distributed `client` the buckets run on its workers (which must see the lake).
    `buckets` defaults to one per `Settings.events_per_bucket` events (each bucket scans the lake once).
    """
    lake = existing_lake(Path(lake_root))
    rule = rule or ClusterRule()
    token = uuid.uuid4().hex[:16]
    staged = lake.staging / f"merge-{token}"
    staged.mkdir(parents=True)
    combos = None
    with open_lake(lake.root) as connection:
        [(events,)] = connection.execute("SELECT count(*) FROM events").fetchall()
        buckets = buckets or bucket_count(events, settings)
        if lake.committed_keys():
            combos = bucket_table(connection, buckets)
    import pyarrow.parquet as pq

    pq.write_table(combos if combos is not None else empty_buckets(), staged / "buckets.parquet")
    arguments = [(str(lake.root), str(staged), bucket, rule) for bucket in range(buckets)]
    if client is None:
        counts = [cluster_bucket(*args) for args in arguments]
    else:
        futures = client.map(
            cluster_bucket,
            *zip(*arguments, strict=True),
            key=[f"lagebild-merge-{token}-{bucket}" for bucket in range(buckets)],
        )
        counts = client.gather(futures)
    publish_merge(lake, staged, token)
    return MergeResult(token, sum(c for c, _ in counts), sum(e for _, e in counts), buckets)


def empty_buckets() -> pa.Table:
    return pa.table({"combo": pa.array([], pa.string()), "bucket": pa.array([], pa.int32())})


def publish_merge(lake: Lake, staged: Path, token: str) -> None:
    """Move the staged merge into merges/, point CURRENT_MERGE at it, drop older merges."""
    lake.merges.mkdir(parents=True, exist_ok=True)
    os.rename(staged, lake.merges / token)
    write_atomically(lake.current_merge_file, token)
    remove_stale_merges(lake)


def bucket_count(events: int, settings: Settings) -> int:
    return min(settings.max_buckets, max(1, -(-events // settings.events_per_bucket)))

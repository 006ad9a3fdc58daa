"""The event store: an embedded DuckDB database of articles, their events and clusters of
events that several articles report. See docs/schema.md for every table and column.

    open_store(path, create=...)      schema.py, database.py   open or create, coded errors
    plan_article / store_record        writer.py                one transaction per article
    recompute_clusters                 clusters.py              cross-article merging rule
    select_events / select_clusters    query.py                 filters, actors, statistics
    export_store                       export.py, gdelt.py      CSV, JSONL, Parquet, GDELT
"""

from lagebild.store.clusters import ClusterRule, recompute_clusters
from lagebild.store.database import DEFAULT_PATH, StoreError, StoreErrorCode, open_store
from lagebild.store.export import ExportFormat, export_store
from lagebild.store.query import EventFilter, select_actors, select_clusters, select_events, store_stats
from lagebild.store.schema import SCHEMA_VERSION
from lagebild.store.writer import Action, plan_article, store_record, text_hash

__all__ = [
    "DEFAULT_PATH",
    "SCHEMA_VERSION",
    "Action",
    "ClusterRule",
    "EventFilter",
    "ExportFormat",
    "StoreError",
    "StoreErrorCode",
    "export_store",
    "open_store",
    "plan_article",
    "recompute_clusters",
    "select_actors",
    "select_clusters",
    "select_events",
    "store_record",
    "store_stats",
    "text_hash",
]

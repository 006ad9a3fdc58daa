"""The event lake: the pipeline on a Dask cluster, its output as partitioned Parquet, read
through DuckDB views named like the store's tables.

    run_dask_ingest(paths, lake_dir, scheduler=..., workers=...)   engine.py   map, then merge
    plan_partitions / read_partition                                partitions.py
    process_partition, worker_pipeline                              worker.py   one partition
    merge_lake                                                      merge.py    clusters
    open_lake(dir) -> DuckDB connection for store.query/export      views.py
    bench_dask(corpus_paths, workers) -> dict                       bench.py
    layout: staging, atomic commit, lake.json                       layout.py

Importing this package does not import dask; `run_dask_ingest` and `bench_dask` do.
"""

from lagebild.lake.layout import EVENT_ID_STRIDE, LakeError
from lagebild.lake.merge import merge_lake
from lagebild.lake.partitions import PartitionSpec, plan_partitions, read_partition
from lagebild.lake.views import open_lake

__all__ = [
    "EVENT_ID_STRIDE",
    "LakeError",
    "PartitionSpec",
    "merge_lake",
    "open_lake",
    "plan_partitions",
    "read_partition",
    "run_dask_ingest",
]


def run_dask_ingest(*args, **kwargs):  # type: ignore[no-untyped-def]
    """See lagebild.lake.engine.run_dask_ingest (imported on first use: it needs dask)."""
    from lagebild.lake.engine import run_dask_ingest as run

    return run(*args, **kwargs)

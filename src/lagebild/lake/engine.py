"""`run_dask_ingest`: the input as partitions through the pipeline on Dask workers into the lake,
then cross-article merging over the lake.

    1. plan partitions on the client (partitions.py) and number new ones in lake.json;
    2. map: one task per partition not yet committed (worker.py), retried by Dask when a
       worker dies; a committed partition is never redone (layout.py: staging, then rename);
    3. merge: clusters recomputed over the whole lake, bucketed by type and dyad (merge.py).

A partition that fails (an exception, not a bad article) is reported and left out; the next
run with the same input retries it.
"""

from __future__ import annotations

import logging
import os
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
from distributed import Client, LocalCluster, WorkerPlugin, as_completed

from lagebild.ingest import IngestOptions
from lagebild.lake.layout import create_lake, number_partitions, remove_stale
from lagebild.lake.merge import merge_lake
from lagebild.lake.partitions import PartitionSpec, plan_partitions
from lagebild.lake.views import open_lake
from lagebild.lake.worker import BeforeCommit, process_partition, warm_up
from lagebild.settings import DEFAULT_SETTINGS, Settings

PartitionCallback = Callable[[dict[str, Any]], None]


class PipelinePlugin(WorkerPlugin):
    """Builds (and warms) the pipeline when a worker starts or restarts, not in its first task."""

    name = "lagebild-pipeline"

    def setup(self, worker: Any) -> None:
        warm_up()


@dataclass
class LakeReport:
    partitions: int = 0
    processed: int = 0
    skipped: int = 0  # already committed by an earlier run
    failed_partitions: int = 0
    articles: int = 0  # stored by this run's partitions and kept by the lake (see count_kept)
    duplicates: int = 0  # same id or text as an article stored before (in its partition or an earlier one)
    failed: int = 0
    not_german: int = 0
    left_out: int = 0  # web pages not German or not news
    events: int = 0  # in the lake after the merge (duplicates of earlier partitions left out)
    clusters: int = 0
    failures: list[str] = field(default_factory=list)
    partition_stats: list[dict[str, Any]] = field(default_factory=list)
    map_seconds: float = 0.0
    merge_seconds: float = 0.0

    @property
    def exit_code(self) -> int:
        return 1 if self.failed or self.not_german or self.failed_partitions else 0

    def summary(self) -> str:
        text = (
            f"{self.processed} partitions processed, {self.skipped} already in the lake, "
            f"{self.failed_partitions} failed; {self.articles} articles stored, {self.failed} failed; "
            f"{self.events} events, {self.clusters} clusters in the lake"
        )
        if self.not_german:
            text += f" ({self.not_german} of the stored are not German)"
        if self.left_out:
            text += f"; {self.left_out} web pages left out (not German or not news)"
        return text

    def add(self, stats: dict[str, Any]) -> None:
        self.partition_stats.append(stats)
        if stats.get("skipped"):
            self.skipped += 1
            return
        self.processed += 1
        for name in ("articles", "duplicates", "failed", "not_german", "left_out"):
            setattr(self, name, getattr(self, name) + int(stats.get(name, 0)))
        self.failures.extend(stats["failures"])

    def count_kept(self, connection: duckdb.DuckDBPyConnection) -> None:
        """Count what the lake keeps of this run's partitions: an article one of them stored that
        an earlier partition holds too is a duplicate, not stored (the partitions cannot know)."""
        numbers = [int(stats["number"]) for stats in self.partition_stats if not stats.get("skipped")]
        [(kept, not_german)] = connection.execute(
            "SELECT count(*), count(*) FILTER (WHERE lang IS NOT NULL AND lang <> 'de') FROM lake_articles_kept "
            "WHERE lake_partition IN (SELECT unnest(?::BIGINT[]))",
            [numbers],
        ).fetchall()
        self.duplicates += self.articles - kept
        self.articles, self.not_german = kept, not_german


@contextmanager
def dask_client(scheduler: str | None, workers: int | None) -> Iterator[Client]:
    """A client of the cluster at `scheduler`, else of a LocalCluster with `workers` processes
    (default: one per core), one thread each."""
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    cluster = LocalCluster(
        n_workers=workers or os.cpu_count() or 1,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    with cluster, Client(cluster) as client:
        yield client


def run_dask_ingest(
    paths: Iterable[str | Path],
    lake_dir: Path | str,
    scheduler: str | None = None,
    workers: int | None = None,
    partition_size: int | None = None,
    options: IngestOptions | None = None,
    client: Client | None = None,
    merge_buckets: int | None = None,
    on_partition: PartitionCallback | None = None,
    before_commit: BeforeCommit | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> LakeReport:
    """Ingest `paths` into the lake at `lake_dir` on Dask; partitions already there are skipped.

    `settings` gives the partition size (unless `partition_size`), the per-article time limit
    and the merge's buckets.

    `client` reuses a connected dask.distributed Client (then `scheduler` and `workers` are
    ignored). `merge_buckets` defaults to one per `settings.events_per_bucket` events.
    `on_partition` is called on the client with each partition's stats (progress);
    `before_commit` runs on the worker before a partition is renamed into place (fault tests).
    """
    lake = create_lake(Path(lake_dir))
    options = options or IngestOptions()
    remove_stale(lake)
    specs = plan_partitions(paths, partition_size or settings.partition_size)
    numbers = number_partitions(lake, [spec.key for spec in specs])
    report = LakeReport(partitions=len(specs))
    with ensure_client(client, scheduler, workers) as connected:
        started = time.perf_counter()
        tasks = PartitionTasks(str(lake.root), options, before_commit, settings)
        map_partitions(connected, specs, numbers, tasks, report, on_partition)
        report.map_seconds = round(time.perf_counter() - started, 3)
        started = time.perf_counter()
        merge_lake(lake.root, connected, merge_buckets, settings=settings)
        report.merge_seconds = round(time.perf_counter() - started, 3)
    with open_lake(lake.root) as connection:
        [(report.events, report.clusters)] = connection.execute(
            "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM clusters)"
        ).fetchall()
        if report.processed:
            report.count_kept(connection)
    return report


@contextmanager
def ensure_client(client: Client | None, scheduler: str | None, workers: int | None) -> Iterator[Client]:
    if client is not None:
        yield client
        return
    with dask_client(scheduler, workers) as started:
        yield started


@dataclass(frozen=True)
class PartitionTasks:
    """What every partition task is given besides its partition."""

    lake_root: str
    options: IngestOptions
    before_commit: BeforeCommit | None
    settings: Settings


def map_partitions(
    client: Client,
    specs: list[PartitionSpec],
    numbers: dict[str, int],
    tasks: PartitionTasks,
    report: LakeReport,
    on_partition: PartitionCallback | None,
) -> None:
    """One task per partition; committed partitions are counted as skipped without a task."""
    from lagebild.lake.layout import Lake, read_stats

    lake = Lake(Path(tasks.lake_root))
    pending = []
    for spec in specs:
        if lake.is_committed(spec.key):
            report.add({**read_stats(lake, spec.key), "skipped": True})
        else:
            pending.append(spec)
    if not pending:
        return
    client.register_plugin(PipelinePlugin())
    run = uuid.uuid4().hex[:8]
    futures = {
        client.submit(
            process_partition,
            spec,
            numbers[spec.key],
            tasks.lake_root,
            tasks.options,
            tasks.before_commit,
            tasks.settings,
            key=f"lagebild-partition-{spec.key}-{run}",
            pure=False,
        ): spec
        for spec in pending
    }
    for future in as_completed(futures):
        try:
            stats = future.result()
        except Exception as error:  # a failed partition must not lose the others' work
            report.failed_partitions += 1
            report.failures.append(f"partition {futures[future].key}: {type(error).__name__}: {error}")
            continue
        report.add(stats)
        if on_partition is not None:
            on_partition(stats)

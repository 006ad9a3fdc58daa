"""The map step on a worker: one partition through the unchanged pipeline into Parquet.

Each partition is stored exactly as `lagebild ingest` stores articles (lagebild.service, into
an in-memory store with the store's own schema: one extraction process forked from this
worker, each article under `Settings.article_seconds`), then each table is copied to Parquet
in a staging directory that is renamed into the lake when complete. The pipeline is built once
per worker process (`worker_pipeline`, warmed by `engine.PipelinePlugin` when the worker starts).
"""

from __future__ import annotations

import shutil
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from functools import cache
from pathlib import Path

import duckdb
import pyarrow as pa

from lagebild.errors import LagebildError
from lagebild.ingest import IngestOptions
from lagebild.lake.layout import (
    EVENT_ID_STRIDE,
    STATS_FILE,
    TABLE_FILES,
    Lake,
    commit_partition,
    read_stats,
    staging_dir,
)
from lagebild.lake.partitions import PartitionSpec, read_partition
from lagebild.output import write_atomically
from lagebild.pipeline import Pipeline, default_pipeline
from lagebild.service import IngestResult, IngestService, Status
from lagebild.settings import DEFAULT_SETTINGS, Settings
from lagebild.sources.pages import without_left_out
from lagebild.store.database import offline_connection, package_version
from lagebild.store.schema import create_schema

BeforeCommit = Callable[[str, Path], None]  # (partition key, staged directory): a test's fault hook


@dataclass
class PartitionStats:
    key: str
    number: int
    articles: int = 0
    duplicates: int = 0  # same id or text as an earlier article of the partition
    failed: int = 0
    not_german: int = 0
    left_out: int = 0  # web pages not German or not news (lagebild.sources.warc)
    events: int = 0
    seconds: float = 0.0
    worker: str = ""
    skipped: bool = False  # already in the lake: nothing done
    failures: list[str] = field(default_factory=list)


@cache
def worker_pipeline() -> Pipeline:
    """The pipeline of this process, built on first use (lexicons and models loaded once)."""
    return default_pipeline()


WARM_UP_TEXT = "Berlin, 3. Mai (dpa) - Die Bundesregierung hat am Montag Gespräche mit Frankreich geführt."


def warm_up() -> None:
    """Build the pipeline and run it once over a sentence, so lazily loaded data is loaded too."""
    from datetime import date

    from lagebild.document import Article

    worker_pipeline()(Article(id="warm-up", text=WARM_UP_TEXT, published=date(2024, 5, 3)))


@cache
def pipeline_lock() -> threading.Lock:
    """Worker threads share one pipeline; it runs one article at a time (pure Python, GIL-bound)."""
    return threading.Lock()


def process_partition(
    spec: PartitionSpec,
    number: int,
    lake_root: str,
    options: IngestOptions | None = None,
    before_commit: BeforeCommit | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> dict[str, object]:
    """Run the pipeline over one partition and commit it to the lake; its stats as a dict.

    A partition already committed (by an earlier run or an earlier attempt) is not redone.
    """
    lake = Lake(Path(lake_root))
    if lake.is_committed(spec.key):
        return {**read_stats(lake, spec.key), "skipped": True}
    started = time.perf_counter()
    stats = PartitionStats(key=spec.key, number=number, worker=worker_name())
    staged = staging_dir(lake, spec.key)
    try:
        with offline_connection() as connection, pipeline_lock():
            create_schema(connection, created_by=package_version())
            connection.execute("SELECT setval('event_ids', ?)", [number * EVENT_ID_STRIDE]).fetchall()
            order = store_partition(connection, spec, options or IngestOptions(), worker_pipeline(), stats, settings)
            check_id_range(connection, number)
            write_tables(connection, staged, number, order)
        stats.seconds = round(time.perf_counter() - started, 3)
        write_atomically(staged / STATS_FILE, json_text(asdict(stats)))
        if before_commit is not None:
            before_commit(spec.key, staged)
        commit_partition(lake, spec.key, staged)
    except Exception:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    return asdict(stats)


def store_partition(
    connection: duckdb.DuckDBPyConnection,
    spec: PartitionSpec,
    options: IngestOptions,
    pipeline: Pipeline,
    stats: PartitionStats,
    settings: Settings = DEFAULT_SETTINGS,
) -> list[str]:
    """Store every article of the partition as `lagebild ingest` would; the stored ids in order.

    One extraction process per task (Dask runs tasks in threads of its worker; the partition is
    the unit that is spread), so articles are stored in input order."""
    order: list[str] = []
    one_worker = replace(settings, workers=1)
    left_out: Counter[str] = Counter()
    items = without_left_out(read_partition(spec, options), left_out)
    with IngestService(connection, settings=one_worker, pipeline=pipeline, clusters=False) as service:
        for result in service.ingest(items):
            count_result(result, stats, settings, order)
    stats.left_out = left_out.total()
    return order


def count_result(result: IngestResult, stats: PartitionStats, settings: Settings, order: list[str]) -> None:
    if result.status is Status.STORED:
        order.append(result.article_id)
        stats.articles += 1
        stats.events += result.events
        stats.not_german += result.not_german
    elif result.status is Status.SKIPPED:
        stats.duplicates += 1
    elif result.error is not None:
        note_failure(stats, result.error, settings)


def note_failure(stats: PartitionStats, error: LagebildError, settings: Settings) -> None:
    stats.failed += 1
    if len(stats.failures) < settings.max_failures_kept:
        stats.failures.append(str(error))


def check_id_range(connection: duckdb.DuckDBPyConnection, number: int) -> None:
    [(highest,)] = connection.execute("SELECT max(id) FROM events").fetchall()
    if highest is not None and highest >= (number + 1) * EVENT_ID_STRIDE:
        raise ValueError(f"partition {number} has more than {EVENT_ID_STRIDE - 1} events: use smaller partitions")


def write_tables(connection: duckdb.DuckDBPyConnection, directory: Path, number: int, order: list[str]) -> None:
    """Each store table as Parquet; articles carry their partition and position (for de-duplication)."""
    positions = pa.table({"id": pa.array(order, pa.string()), "lake_position": pa.array(range(len(order)), pa.int32())})
    connection.register("article_positions", positions)
    queries = {
        "articles": f"SELECT a.*, {int(number)}::BIGINT AS lake_partition, p.lake_position FROM articles a "
        "JOIN article_positions p USING (id) ORDER BY p.lake_position",
        "events": "SELECT * FROM events ORDER BY id",
        "mentions": "SELECT * FROM mentions ORDER BY event_id, position",
        "actors": "SELECT * FROM actors ORDER BY event_id, role",
        "sources": "SELECT * FROM sources ORDER BY event_id, position",
    }
    for table in TABLE_FILES:
        target = directory / f"{table}.parquet"
        connection.execute(f"COPY ({queries[table]}) TO '{sql_path(target)}' (FORMAT parquet)")
    connection.unregister("article_positions")


def sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def json_text(data: dict[str, object]) -> str:
    import json

    return json.dumps(data, ensure_ascii=False, indent=1)


def worker_name() -> str:
    try:
        from distributed import get_worker

        return str(get_worker().address)
    except (ImportError, ValueError):
        return "local"

"""The map step on a worker: one partition through the unchanged pipeline into Parquet.

Each partition is stored exactly as `lagebild ingest` stores articles (`store_record` into an
in-memory store with the store's own schema), then each table is copied to Parquet in a
staging directory that is renamed into the lake when complete. The pipeline is built once
per worker process (`worker_pipeline`, warmed by `engine.PipelinePlugin` when the worker starts).
"""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path

import duckdb
import pyarrow as pa

from lagebild.errors import ErrorCode, LagebildError
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
from lagebild.output import article_record, write_atomically
from lagebild.parallel import BATCH_MAX_ARTICLES
from lagebild.pipeline import Pipeline, default_pipeline
from lagebild.store.database import offline_connection, package_version
from lagebild.store.schema import create_schema
from lagebild.store.writer import (
    Action,
    StoreEntry,
    find_stored,
    pipeline_version,
    plan_article,
    store_records,
    text_hash,
)

MAX_FAILURES_KEPT = 100  # failure messages kept per partition (the count is always exact)

BeforeCommit = Callable[[str, Path], None]  # (partition key, staged directory): a test's fault hook


@dataclass
class PartitionStats:
    key: str
    number: int
    articles: int = 0
    duplicates: int = 0  # same id or text as an earlier article of the partition
    failed: int = 0
    not_german: int = 0
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
            order = store_partition(connection, spec, options or IngestOptions(), worker_pipeline(), stats)
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
) -> list[str]:
    """Store every article of the partition as `lagebild ingest` would; the stored ids in order.

    Records are written in batches (one transaction costs as much as storing dozens of articles);
    an article repeating one still waiting in the batch is a duplicate like one already stored."""
    version = pipeline_version(pipeline)
    order: list[str] = []
    batch: list[dict] = []
    waiting: set[str] = set()  # ids and text hashes of the batch
    for item in read_partition(spec, options):
        if isinstance(item, LagebildError):
            note_failure(stats, item)
            continue
        hash_ = text_hash(item.text)
        plan = plan_article(find_stored(connection, item.id, hash_), version, reprocess=False)
        if plan.action is Action.SKIP or item.id in waiting or hash_ in waiting:
            stats.duplicates += 1
            continue
        try:
            record = article_record(pipeline(item))
        except Exception as error:  # one broken article must not stop the partition
            note_failure(stats, LagebildError(ErrorCode.E013, item.id, detail=f"{type(error).__name__}: {error}"))
            continue
        batch.append(record)
        waiting.update((item.id, hash_))
        if len(batch) >= BATCH_MAX_ARTICLES:
            order += store_batch(connection, batch, version, stats)
            batch, waiting = [], set()
    return order + store_batch(connection, batch, version, stats)


def store_batch(
    connection: duckdb.DuckDBPyConnection, batch: list[dict], version: str, stats: PartitionStats
) -> list[str]:
    stats.events += sum(store_records(connection, [StoreEntry(record) for record in batch], version))
    stats.articles += len(batch)
    stats.not_german += sum(record.get("lang") not in (None, "de") for record in batch)
    return [record["id"] for record in batch]


def note_failure(stats: PartitionStats, error: LagebildError) -> None:
    stats.failed += 1
    if len(stats.failures) < MAX_FAILURES_KEPT:
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

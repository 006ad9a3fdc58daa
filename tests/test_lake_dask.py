"""The dev corpus through a LocalCluster of two worker processes: the same events as the
single-machine path, and a worker killed mid-run leaves no duplicate or partial partition.

The corpus is read from ../shared at run time (gold events removed before ingest); nothing
of it is stored in the repository.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sys
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import cloudpickle
import distributed
import pytest

from lagebild.ingest import read_inputs
from lagebild.lake import open_lake, run_dask_ingest
from lagebild.lake.layout import STATS_FILE, TABLE_FILES, Lake
from lagebild.output import article_record
from lagebild.pipeline import Pipeline
from lagebild.service import IngestService
from lagebild.settings import Settings
from lagebild.store import open_store
from lagebild.store.query import select_events
from tests.conftest import shared_path

cloudpickle.register_pickle_by_value(sys.modules[__name__])  # workers need not import the tests
SHARDS = 3
PARTITION_SIZE = 2
MERGE_BUCKETS = 4


@pytest.fixture(scope="module")
def dev_input(tmp_path_factory) -> Path:
    """The dev articles without their gold events, as JSONL shards."""
    corpus = shared_path("corpus", "dev")
    records = []
    for path in sorted(corpus.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        data.pop("events", None)
        records.append(data)
    directory = tmp_path_factory.mktemp("dev-input")
    for shard in range(SHARDS):
        with (directory / f"shard-{shard}.jsonl").open("w", encoding="utf-8") as handle:
            for data in records[shard::SHARDS]:
                handle.write(json.dumps(data, ensure_ascii=False) + "\n")
    return directory


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=50
    )
    with cluster, distributed.Client(cluster) as connected:
        yield connected


def event_keys(rows: list[dict[str, Any]]) -> set[tuple]:
    return {
        (
            row["article_id"],
            row["type"],
            row["source_country"],
            row["target_country"],
            row["modality"],
            tuple(row["evidence"]),
        )
        for row in rows
    }


def extracted_keys(records: list[dict[str, Any]]) -> set[tuple]:
    """The same key from `lagebild extract`-style records."""
    return {
        (
            record["id"],
            event["type"],
            (event["source"] or {}).get("country"),
            (event["target"] or {}).get("country"),
            event["modality"],
            tuple(event["evidence"]),
        )
        for record in records
        for event in record["events"]
    }


def lake_rows(lake_dir: Path) -> list[dict[str, Any]]:
    with open_lake(lake_dir) as connection:
        return select_events(connection)


def test_dask_lake_has_the_events_of_the_single_machine_path(
    dev_input: Path, client: Any, pipeline: Pipeline, tmp_path: Path
) -> None:
    report = run_dask_ingest(
        [dev_input], tmp_path / "lake", client=client, partition_size=PARTITION_SIZE, merge_buckets=MERGE_BUCKETS
    )
    assert report.failed_partitions == 0 and report.failed == 0, report.failures
    assert len({stats["worker"] for stats in report.partition_stats}) == 2  # both workers took partitions
    with IngestService(tmp_path / "store.duckdb", pipeline=pipeline) as service:
        list(service.ingest(read_inputs([dev_input])))
    with open_store(tmp_path / "store.duckdb") as connection:
        stored = select_events(connection)
    extracted = [article_record(pipeline(item)) for item in read_inputs([dev_input])]
    in_lake = lake_rows(tmp_path / "lake")
    assert len(in_lake) == len(stored) == report.events > 0
    assert event_keys(in_lake) == event_keys(stored) == extracted_keys(extracted)
    assert [row["cluster_id"] is not None for row in in_lake] == [True] * len(in_lake)


def kill_worker_once(marker: Path, key: str, staged: Path) -> None:
    """Before the first partition is committed, kill the worker process holding it (once)."""
    try:
        marker.open("x").close()
    except FileExistsError:
        return
    marker.write_text(f"{key}\n{staged}\n", encoding="utf-8")
    os.kill(os.getpid(), signal.SIGKILL)


def check_lake_is_whole(lake_dir: Path, expected_events: int) -> None:
    lake = Lake(lake_dir)
    for key in lake.committed_keys():
        assert sorted(p.name for p in lake.partition_dir(key).iterdir()) == sorted(
            [f"{table}.parquet" for table in TABLE_FILES] + [STATS_FILE]
        )
    with open_lake(lake_dir) as connection:
        [(events, distinct, articles, distinct_articles)] = connection.execute(
            "SELECT (SELECT count(*) FROM events), (SELECT count(DISTINCT (article_id, position)) FROM events), "
            "(SELECT count(*) FROM lake_articles_all), (SELECT count(DISTINCT id) FROM lake_articles_all)"
        ).fetchall()
    assert events == distinct == expected_events
    assert articles == distinct_articles  # no article written twice, not even a hidden copy


def test_a_worker_killed_mid_run_leaves_no_duplicates_and_the_rerun_completes(
    dev_input: Path, client: Any, tmp_path: Path
) -> None:
    marker = tmp_path / "killed"
    lake_dir = tmp_path / "lake"
    report = run_dask_ingest(
        [dev_input],
        lake_dir,
        client=client,
        partition_size=PARTITION_SIZE,
        merge_buckets=MERGE_BUCKETS,
        before_commit=partial(kill_worker_once, marker),
    )
    killed_key, staged = marker.read_text(encoding="utf-8").split()
    assert Path(staged).is_dir()  # the killed attempt's files were left in staging, never committed
    assert report.failed_partitions == 0, report.failures  # Dask retried the partition on a live worker
    assert Lake(lake_dir).is_committed(killed_key)
    expected = sum(stats["events"] for stats in report.partition_stats)  # each partition's own count
    check_lake_is_whole(lake_dir, expected)

    rerun = run_dask_ingest(
        [dev_input], lake_dir, client=client, partition_size=PARTITION_SIZE, merge_buckets=MERGE_BUCKETS
    )
    assert rerun.skipped == rerun.partitions == report.partitions and rerun.processed == 0
    assert not Path(staged).exists()  # debris of the killed attempt removed
    check_lake_is_whole(lake_dir, expected)
    assert rerun.events == report.events == expected


def test_the_summary_counts_what_the_lake_keeps(dev_input: Path, client: Any, tmp_path: Path) -> None:
    """The same articles in a second folder: its partitions store them, the lake keeps the first."""
    again = tmp_path / "again"
    shutil.copytree(dev_input, again)
    articles = sum(1 for _ in read_inputs([dev_input]))
    report = run_dask_ingest(
        [dev_input, again], tmp_path / "lake", client=client, partition_size=PARTITION_SIZE, merge_buckets=MERGE_BUCKETS
    )
    with open_lake(tmp_path / "lake") as connection:
        [(in_lake,)] = connection.execute("SELECT count(*) FROM articles").fetchall()
    assert report.articles == in_lake == articles
    assert report.duplicates == articles
    assert f"{articles} articles stored" in report.summary()


def test_an_article_over_the_time_limit_fails_alone_on_a_dask_worker(
    dev_input: Path, client: Any, tmp_path: Path
) -> None:
    articles = sum(1 for _ in read_inputs([dev_input]))
    report = run_dask_ingest(
        [dev_input],
        tmp_path / "lake",
        client=client,
        partition_size=PARTITION_SIZE,
        merge_buckets=MERGE_BUCKETS,
        settings=Settings(article_seconds=0.01),  # no article of the corpus is extracted that fast
    )
    assert report.failed_partitions == 0 and report.failed == articles and report.articles == 0
    assert all("E015" in failure for failure in report.failures)

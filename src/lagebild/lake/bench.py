"""Throughput of the Dask path beside the local path on the same corpus, and a projection to a
bigger cluster from the per-partition timings. Called by bench/throughput.py (`--engine dask`):

    bench_dask(corpus_paths, workers) -> dict

The local path is one process running the pipeline over every article (what `lagebild ingest`
does besides writing DuckDB). The Dask path is `run_dask_ingest` into a temporary lake on a
LocalCluster of `workers` processes, timed without cluster start-up (reported apart). The
projection assumes what a real cluster gives and this machine may not: a core per worker and
input and lake on shared storage fast enough not to matter.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from lagebild.ingest import read_inputs
from lagebild.settings import DEFAULT_SETTINGS

PROJECTED_WORKERS = 20


def copied_corpus(corpus_paths: Sequence[str | Path], copies: int, directory: Path) -> list[str]:
    """The corpus `copies` times as one JSONL shard, ids and texts made unique (a last line
    'Kopie N.'), so that no copy is skipped as a duplicate."""
    if copies <= 1:
        return [str(path) for path in corpus_paths]
    from lagebild.output import article_record

    shard = directory / "corpus.jsonl"
    with shard.open("w", encoding="utf-8") as handle:
        for copy in range(copies):
            for item in read_inputs(corpus_paths):
                if isinstance(item, Exception):
                    continue
                record = {k: v for k, v in article_record(item).items() if k not in ("events", "structure", "lang")}
                record["id"] = f"{item.id}#{copy}"
                record["text"] = f"{record['text']}\n\nKopie {copy}."
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return [str(shard)]


def local_throughput(paths: Sequence[str]) -> dict[str, float]:
    """The pipeline in this process over every article: load time and articles/s."""
    from lagebild.document import Article
    from lagebild.lake.worker import WARM_UP_TEXT
    from lagebild.pipeline import default_pipeline

    started = time.perf_counter()
    pipeline = default_pipeline()
    pipeline(Article(id="warm-up", text=WARM_UP_TEXT, published=date(2024, 5, 3)))  # as a worker's warm-up
    loaded = time.perf_counter()
    articles = 0
    for item in read_inputs(paths):
        if not isinstance(item, Exception):
            pipeline(item)
            articles += 1
    seconds = time.perf_counter() - loaded
    return {
        "articles": articles,
        "load_seconds": round(loaded - started, 3),
        "seconds": round(seconds, 3),
        "articles_per_s": round(articles / seconds, 3) if seconds else 0.0,
    }


def longest_processing_time(durations: Sequence[float], workers: int) -> float:
    """Makespan of the partitions on `workers` workers, longest first to the least loaded."""
    loads = [0.0] * workers
    for duration in sorted(durations, reverse=True):
        loads[loads.index(min(loads))] += duration
    return max(loads, default=0.0)


def projection(partitions: list[dict[str, Any]], workers: int, merge_seconds: float) -> dict[str, Any]:
    """What `workers` workers would do: steady-state articles/s from the work per article, and the
    time this corpus's partitions would take (longest-processing-time schedule) plus the merge."""
    work = sum(p["seconds"] for p in partitions)
    articles = sum(p["articles"] for p in partitions)
    makespan = longest_processing_time([p["seconds"] for p in partitions], workers)
    return {
        "workers": workers,
        "worker_seconds_per_article": round(work / articles, 4) if articles else None,
        "steady_articles_per_s": round(workers * articles / work, 2) if work else None,
        "this_corpus_seconds": round(makespan + merge_seconds, 3),
        "articles_per_hour": round(3600 * workers * articles / work) if work else None,
    }


def bench_dask(
    corpus_paths: Sequence[str | Path],
    workers: int,
    partition_size: int = DEFAULT_SETTINGS.partition_size,
    copies: int = 1,
    local: bool = True,
) -> dict[str, Any]:
    """Articles/s of the Dask path (and of the local path, unless `local=False`) on the same corpus."""
    from distributed import Client, LocalCluster

    from lagebild.lake.engine import PipelinePlugin, run_dask_ingest

    with tempfile.TemporaryDirectory(prefix="lagebild-bench-") as temporary:
        paths = copied_corpus(corpus_paths, copies, Path(temporary))
        result: dict[str, Any] = {"engine": "dask", "workers": workers, "partition_size": partition_size}
        if local:
            result["local"] = local_throughput(paths)
        started = time.perf_counter()
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        with cluster, Client(cluster) as client:
            client.register_plugin(PipelinePlugin())
            result["startup_seconds"] = round(time.perf_counter() - started, 3)
            report = run_dask_ingest(paths, Path(temporary) / "lake", client=client, partition_size=partition_size)
        partitions = [
            {"key": p["key"], "articles": p["articles"], "seconds": p["seconds"], "worker": p["worker"]}
            for p in report.partition_stats
        ]
        total = report.map_seconds + report.merge_seconds
        result.update(
            {
                "articles": report.articles,
                "events": report.events,
                "map_seconds": report.map_seconds,
                "merge_seconds": report.merge_seconds,
                "articles_per_s": round(report.articles / total, 3) if total else 0.0,
                "map_articles_per_s": round(report.articles / report.map_seconds, 3) if report.map_seconds else 0.0,
                "partitions": partitions,
                "projection": projection(partitions, PROJECTED_WORKERS, report.merge_seconds),
            }
        )
    return result

"""`lagebild ingest`: articles in, the event store (DuckDB) filled.

Planning (skip what is stored), extraction and storage are separate steps: extraction runs in
`--workers` processes (lagebild.parallel), this process plans and stores their records in
batches, one transaction per batch (an article is either fully stored or absent).
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import duckdb
import typer

from lagebild.cli.common import parse_date_option, progress_over, report_failure, report_notice, stderr
from lagebild.document import Article
from lagebild.errors import ErrorCode, LagebildError, LagebildSkip
from lagebild.ingest import IngestOptions, count_files, read_inputs
from lagebild.output import article_record
from lagebild.parallel import Extracted, ParallelSettings, default_workers, extract_batches
from lagebild.pipeline import Pipeline, default_pipeline
from lagebild.store import (
    DEFAULT_PATH,
    Action,
    StoreError,
    open_store,
    pipeline_version,
    plan_article,
    recompute_clusters,
    store_record,
    text_hash,
)
from lagebild.store.database import translate_error
from lagebild.store.writer import StoreEntry, find_stored_many, store_records

STORE_FAILURE_EXIT = 2  # the store itself could not be used: nothing was done
PLAN_CHUNK = 32  # articles looked up in the store per query
T = TypeVar("T")


@dataclass
class IngestReport:
    stored: int = 0
    replaced: int = 0
    skipped: int = 0
    failed: int = 0
    not_german: int = 0
    events: int = 0
    clusters: int = 0
    left_out: Counter[str] = field(default_factory=Counter)  # web pages not German or not news, by code

    @property
    def exit_code(self) -> int:
        return 1 if self.failed or self.not_german else 0

    def summary(self) -> str:
        text = (
            f"{self.stored} stored, {self.replaced} re-processed, {self.skipped} already stored, "
            f"{self.failed} failed; {self.events} events, {self.clusters} clusters in the store"
        )
        if self.not_german:
            text += f" ({self.not_german} of the stored are not German)"
        if self.left_out:
            codes = ", ".join(f"{code}: {count}" for code, count in sorted(self.left_out.items()))
            text += f"; {self.left_out.total()} web pages left out ({codes}, see lagebild/errors.py)"
        return text


def extract_record(article: Article, pipeline: Pipeline) -> dict[str, Any]:
    """Run the pipeline over one article; its spec record, or a coded error."""
    try:
        return article_record(pipeline(article))
    except Exception as error:  # one broken article must not stop the batch
        raise LagebildError(ErrorCode.E013, article.id, detail=f"{type(error).__name__}: {error}") from error


@dataclass
class InFlight:
    """Ids and text hashes of articles sent to extraction and not yet stored: a second copy
    of one of them is skipped, as it would be had the first been stored already."""

    ids: set[str] = field(default_factory=set)
    hashes: set[str] = field(default_factory=set)

    def holds(self, article_id: str, hash_: str) -> bool:
        return article_id in self.ids or hash_ in self.hashes

    def add(self, article_id: str, hash_: str) -> None:
        self.ids.add(article_id)
        self.hashes.add(hash_)

    def remove(self, article_id: str, hash_: str) -> None:
        self.ids.discard(article_id)
        self.hashes.discard(hash_)


@dataclass(frozen=True)
class Job:
    """What the writer needs to know about an article sent to extraction."""

    action: Action
    replaces: tuple[str, ...]
    text_hash: str


def planned_jobs(
    items: Iterable[Article | LagebildError],
    connection: duckdb.DuckDBPyConnection,
    version: str,
    reprocess: bool,
    report: IngestReport,
    in_flight: InFlight,
) -> Iterator[tuple[Article, Job]]:
    """The articles to extract, with their plan; failures and skips are counted here.

    Articles are looked up in the store `PLAN_CHUNK` at a time (one query per chunk)."""
    for chunk in chunked(items, PLAN_CHUNK):
        articles = [item for item in chunk if isinstance(item, Article)]
        for item in chunk:
            if isinstance(item, LagebildSkip):
                report.left_out[item.code.name] += 1
            elif isinstance(item, LagebildError):
                report.failed += 1
                report_failure(str(item))
        keys = [(article.id, text_hash(article.text)) for article in articles]
        for article, (_, hash_), stored in zip(articles, keys, find_stored_many(connection, keys), strict=True):
            plan = plan_article(stored, version, reprocess)
            if plan.action is Action.SKIP or in_flight.holds(article.id, hash_):
                report.skipped += 1
                continue
            in_flight.add(article.id, hash_)
            yield article, Job(plan.action, plan.replaces, hash_)


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """`items` in lists of `size` (the last may be shorter), read lazily."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def store_batch(
    connection: duckdb.DuckDBPyConnection, batch: list[Extracted[Job]], version: str, report: IngestReport
) -> None:
    """One transaction for the batch; if it fails, each article alone, so only the culprit fails."""
    done = [item for item in batch if item.extraction.record is not None]
    for item in batch:
        if item.extraction.failure is not None:
            report.failed += 1
            report_failure(item.extraction.failure)
    try:
        store_records(connection, [StoreEntry(item.extraction.record, item.tag.replaces) for item in done], version)
    except duckdb.Error:
        for item in done:
            store_one(connection, item, version, report)
    else:
        for item in done:
            count_stored(item, report)


def store_one(connection: duckdb.DuckDBPyConnection, item: Extracted[Job], version: str, report: IngestReport) -> None:
    try:
        store_record(connection, item.extraction.record, version, item.tag.replaces)
    except duckdb.Error as error:
        report.failed += 1
        detail = str(error).splitlines()[0]
        report_failure(str(LagebildError(ErrorCode.E012, item.extraction.article_id, detail=detail)))
        return
    count_stored(item, report)


def count_stored(item: Extracted[Job], report: IngestReport) -> None:
    record = item.extraction.record
    if item.tag.action is Action.REPLACE:
        report.replaced += 1
    else:
        report.stored += 1
    if record.get("lang") not in (None, "de"):
        report.not_german += 1
        report_notice(str(LagebildError(ErrorCode.E014, item.extraction.article_id, lang=record["lang"])))


def run_ingest(
    items: Iterable[Article | LagebildError],
    db: Path,
    make_pipeline: Callable[[], Pipeline] = default_pipeline,
    reprocess: bool = False,
    workers: int = 1,
) -> IngestReport:
    """Store every item not stored yet, then recompute clusters.

    The store is opened before the pipeline is built, so a locked or corrupt store fails
    at once with a StoreError. With `workers` > 1 extraction runs in that many processes
    (lagebild.parallel); this process plans, and stores the results in batches.
    """
    report = IngestReport()
    with open_store(db, create=True) as connection:
        pipeline = make_pipeline()
        version = pipeline_version(pipeline)
        in_flight = InFlight()
        jobs = planned_jobs(items, connection, version, reprocess, report, in_flight)
        for batch in extract_batches(jobs, pipeline, ParallelSettings(workers=workers)):
            store_batch(connection, batch, version, report)
            for item in batch:
                in_flight.remove(item.extraction.article_id, item.tag.text_hash)
        report.clusters = recompute_clusters(connection)
        row = connection.execute("SELECT count(*) FROM events").fetchone()
        report.events = row[0] if row else 0
    return report


class Engine(StrEnum):
    LOCAL = "local"
    DASK = "dask"


def ingest_into_lake(
    paths: list[Path],
    lake: Path | None,
    scheduler: str | None,
    workers: int | None,
    partition_size: int,
    options: IngestOptions,
    quiet: bool,
) -> int:
    """`--engine dask`: the event lake filled on a Dask cluster; returns the exit code."""
    from lagebild.lake import run_dask_ingest

    if lake is None:
        report_failure("--engine dask needs --lake DIR")
        return STORE_FAILURE_EXIT
    try:
        report = run_dask_ingest(
            paths, lake, scheduler=scheduler, workers=workers, partition_size=partition_size, options=options
        )
    except StoreError as error:  # a LakeError is a StoreError
        report_failure(str(error))
        return STORE_FAILURE_EXIT
    for failure in report.failures:
        report_failure(failure)
    if not quiet:
        stderr.print(report.summary())
    return report.exit_code


def ingest_command(
    paths: Annotated[list[Path], typer.Argument(help="Files (.txt .html .json .jsonl) or directories.")],
    db: Annotated[Path, typer.Option("--db", help="The store (DuckDB file); created if missing.")] = DEFAULT_PATH,
    reprocess: Annotated[
        bool, typer.Option("--reprocess", help="Re-process articles stored by another pipeline version.")
    ] = False,
    published: Annotated[
        str | None, typer.Option("--published", help="Article date YYYY-MM-DD (overrides detection).")
    ] = None,
    outlet: Annotated[str | None, typer.Option("--outlet", help="Outlet name (overrides the input's).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
    workers: Annotated[
        int | None, typer.Option("--workers", "-w", min=1, help="Extraction processes (default: the number of cores).")
    ] = None,
    engine: Annotated[
        Engine, typer.Option("--engine", help="local: the DuckDB store; dask: an event lake (--lake).")
    ] = Engine.LOCAL,
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Dask scheduler tcp://HOST:PORT [default: a local cluster].")
    ] = None,
    lake: Annotated[Path | None, typer.Option("--lake", help="Event lake directory (--engine dask).")] = None,
    partition_size: Annotated[
        int, typer.Option("--partition-size", min=1, help="Articles per Dask partition (--engine dask).")
    ] = 1000,
) -> None:
    """Extract events from articles and store them; articles already stored are skipped."""
    options = IngestOptions(published=parse_date_option(published), outlet=outlet)
    if engine is Engine.DASK:
        raise typer.Exit(ingest_into_lake(paths, lake, scheduler, workers, partition_size, options, quiet))
    try:
        with progress_over(read_inputs(paths, options), count_files(paths), "ingesting", quiet) as tracked:
            report = run_ingest(tracked, db, default_pipeline, reprocess, workers or default_workers())
    except (StoreError, duckdb.Error) as error:
        store_error = error if isinstance(error, StoreError) else translate_error(error, db)
        report_failure(str(store_error))
        raise typer.Exit(STORE_FAILURE_EXIT) from error
    if not quiet:
        stderr.print(report.summary())
    raise typer.Exit(report.exit_code)

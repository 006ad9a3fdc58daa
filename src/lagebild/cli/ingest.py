"""`lagebild ingest`: articles in, the event store (DuckDB) filled.

A thin caller of `lagebild.service.IngestService` (plan, extract in `--workers` processes
under a per-article time limit, store in batches); this module prints what it reports.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import duckdb
import typer

from lagebild.cli.common import parse_date_option, progress_over, report_failure, report_notice, stderr
from lagebild.document import Article
from lagebild.errors import LagebildError
from lagebild.ingest import IngestOptions, count_files, read_inputs
from lagebild.pipeline import default_pipeline
from lagebild.service import IngestResult, IngestService, IngestSummary
from lagebild.settings import DEFAULT_SETTINGS, Settings, available_cores
from lagebild.sources.pages import without_left_out
from lagebild.store import DEFAULT_PATH, StoreError
from lagebild.store.database import translate_error

STORE_FAILURE_EXIT = 2  # the store itself could not be used: nothing was done


def report_result(result: IngestResult) -> None:
    """One line on stderr for a failed article or a stored one that is not German."""
    if result.error is not None:
        report_failure(str(result.error))
    elif notice := result.notice():
        report_notice(str(notice))


def ingest_into_store(
    items: Iterable[Article | LagebildError], db: Path, settings: Settings, reprocess: bool
) -> IngestSummary:
    with IngestService(db, settings=settings, make_pipeline=default_pipeline, reprocess=reprocess) as service:
        for result in service.ingest(items):
            report_result(result)
        return service.summary


def left_out_text(left_out: Counter[str]) -> str:
    codes = ", ".join(f"{code}: {count}" for code, count in sorted(left_out.items()))
    return f"; {left_out.total()} web pages left out ({codes}, see lagebild/errors.py)" if left_out else ""


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
    time_limit: Annotated[
        float, typer.Option("--time-limit", min=0, help="Seconds one article may take (0: no limit); then it fails.")
    ] = DEFAULT_SETTINGS.article_seconds or 0,
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
    settings = Settings(workers=workers or available_cores(), article_seconds=time_limit or None)
    left_out: Counter[str] = Counter()
    try:
        with progress_over(read_inputs(paths, options), count_files(paths), "ingesting", quiet) as tracked:
            summary = ingest_into_store(without_left_out(tracked, left_out), db, settings, reprocess)
    except (StoreError, duckdb.Error) as error:
        store_error = error if isinstance(error, StoreError) else translate_error(error, db)
        report_failure(str(store_error))
        raise typer.Exit(STORE_FAILURE_EXIT) from error
    if not quiet:
        stderr.print(summary.text() + left_out_text(left_out))
    raise typer.Exit(summary.exit_code)

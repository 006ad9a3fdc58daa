"""`lagebild ingest`: articles in, the event store (DuckDB) filled, one transaction per article.

Extraction (`extract_record`) and storage (`store_record`) are separate steps, so a parallel
ingest can run extraction in worker processes and store their records from this one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import duckdb
import typer

from lagebild.cli.common import parse_date_option, progress_over, report_failure, report_notice, stderr
from lagebild.document import Article
from lagebild.errors import ErrorCode, LagebildError
from lagebild.ingest import IngestOptions, count_files, read_inputs
from lagebild.output import article_record
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
from lagebild.store.writer import find_stored

STORE_FAILURE_EXIT = 2  # the store itself could not be used: nothing was done


@dataclass
class IngestReport:
    stored: int = 0
    replaced: int = 0
    skipped: int = 0
    failed: int = 0
    not_german: int = 0
    events: int = 0
    clusters: int = 0

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
        return text


def extract_record(article: Article, pipeline: Pipeline) -> dict[str, Any]:
    """Run the pipeline over one article; its spec record, or a coded error."""
    try:
        return article_record(pipeline(article))
    except Exception as error:  # one broken article must not stop the batch
        raise LagebildError(ErrorCode.E013, article.id, detail=f"{type(error).__name__}: {error}") from error


def ingest_item(
    item: Article | LagebildError,
    connection: duckdb.DuckDBPyConnection,
    pipeline: Pipeline,
    version: str,
    reprocess: bool,
    report: IngestReport,
) -> None:
    if isinstance(item, LagebildError):
        report.failed += 1
        report_failure(str(item))
        return
    plan = plan_article(find_stored(connection, item.id, text_hash(item.text)), version, reprocess)
    if plan.action is Action.SKIP:
        report.skipped += 1
        return
    try:
        record = extract_record(item, pipeline)
    except LagebildError as error:
        report.failed += 1
        report_failure(str(error))
        return
    try:
        report.events += store_record(connection, record, version, plan.replaces)
    except duckdb.Error as error:
        report.failed += 1
        report_failure(str(LagebildError(ErrorCode.E012, item.id, detail=str(error).splitlines()[0])))
        return
    if plan.action is Action.REPLACE:
        report.replaced += 1
    else:
        report.stored += 1
    if record.get("lang") not in (None, "de"):
        report.not_german += 1
        report_notice(str(LagebildError(ErrorCode.E014, item.id, lang=record["lang"])))


def run_ingest(
    items: Iterable[Article | LagebildError],
    db: Path,
    make_pipeline: Callable[[], Pipeline] = default_pipeline,
    reprocess: bool = False,
) -> IngestReport:
    """Store every item not stored yet, then recompute clusters.

    The store is opened before the pipeline is built, so a locked or corrupt store fails
    at once with a StoreError.
    """
    report = IngestReport()
    with open_store(db, create=True) as connection:
        pipeline = make_pipeline()
        version = pipeline_version(pipeline)
        for item in items:
            ingest_item(item, connection, pipeline, version, reprocess, report)
        report.clusters = recompute_clusters(connection)
        row = connection.execute("SELECT count(*) FROM events").fetchone()
        report.events = row[0] if row else 0
    return report


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
) -> None:
    """Extract events from articles and store them; articles already stored are skipped."""
    options = IngestOptions(published=parse_date_option(published), outlet=outlet)
    try:
        with progress_over(read_inputs(paths, options), count_files(paths), "ingesting", quiet) as tracked:
            report = run_ingest(tracked, db, default_pipeline, reprocess)
    except (StoreError, duckdb.Error) as error:
        store_error = error if isinstance(error, StoreError) else translate_error(error, db)
        report_failure(str(store_error))
        raise typer.Exit(STORE_FAILURE_EXIT) from error
    if not quiet:
        stderr.print(report.summary())
    raise typer.Exit(report.exit_code)

"""`lagebild extract`: articles in, one JSON record per article out.

Extraction runs in a forked worker process (lagebild.parallel) under the per-article time
limit, so an article that would take too long fails alone (E015) and the batch goes on.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer

from lagebild.cli.common import parse_date_option, progress_over, report_failure, report_notice, stderr
from lagebild.document import Article
from lagebild.errors import ErrorCode, LagebildError
from lagebild.ingest import IngestOptions, count_files, read_inputs
from lagebild.output import record_json, safe_file_name, write_atomically
from lagebild.parallel import Extraction, Extractor
from lagebild.pipeline import default_pipeline
from lagebild.settings import DEFAULT_SETTINGS


@dataclass
class BatchReport:
    written: int = 0
    failed: int = 0
    not_german: int = 0

    @property
    def exit_code(self) -> int:
        return 1 if self.failed or self.not_german else 0


def extract_command(
    paths: Annotated[list[Path], typer.Argument(help="Files (.txt .html .json .jsonl) or directories.")],
    output: Annotated[str, typer.Option("-o", "--output", help="Output directory, or '-' for JSONL on stdout.")],
    published: Annotated[
        str | None, typer.Option("--published", help="Article date YYYY-MM-DD (overrides detection).")
    ] = None,
    outlet: Annotated[str | None, typer.Option("--outlet", help="Outlet name (overrides the input's).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
    time_limit: Annotated[
        float, typer.Option("--time-limit", min=0, help="Seconds one article may take (0: no limit); then it fails.")
    ] = DEFAULT_SETTINGS.article_seconds or 0,
) -> None:
    """Extract events from articles: one OUTDIR/<id>.json per article (spec format)."""
    options = IngestOptions(published=parse_date_option(published), outlet=outlet)
    report = BatchReport()
    items = read_inputs(paths, options)
    pipeline = default_pipeline()
    with (
        progress_over(items, count_files(paths), "extracting", quiet) as tracked,
        Extractor(pipeline, workers=1, article_seconds=time_limit or None) as extractor,
    ):
        for finished in extractor.extract_stream(articles_of(tracked, report)):
            handle_extraction(finished.extraction, output, report, pipeline.language)
    if not quiet:
        summary = f"{report.written} written, {report.failed} failed"
        if report.not_german:
            summary += f" ({report.not_german} of the written are not German)"
        stderr.print(summary)
    raise typer.Exit(report.exit_code)


def articles_of(items: Iterable[Article | LagebildError], report: BatchReport) -> Iterator[tuple[Article, None]]:
    """The articles among `items`, as extraction jobs; each input failure is reported."""
    for item in items:
        if isinstance(item, LagebildError):
            report.failed += 1
            report_failure(str(item))
        else:
            yield item, None


def handle_extraction(extraction: Extraction, output: str, report: BatchReport, language: str) -> None:
    if extraction.record is None:
        report.failed += 1
        report_failure(str(extraction.error))
        return
    if not write_record(extraction.record, output, report):
        return
    report.written += 1
    if extraction.record["lang"] != language:
        report.not_german += 1
        report_notice(str(LagebildError(ErrorCode.E014, extraction.article_id, lang=extraction.record["lang"])))


def write_record(record: dict[str, Any], output: str, report: BatchReport) -> bool:
    if output == "-":
        sys.stdout.write(record_json(record, indent=None) + "\n")
        return True
    try:
        write_atomically(Path(output) / f"{safe_file_name(record['id'])}.json", record_json(record))
    except OSError as error:
        report.failed += 1
        report_failure(str(LagebildError(ErrorCode.E012, record["id"], detail=error.strerror or str(error))))
        return False
    return True

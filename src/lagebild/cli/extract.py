"""`lagebild extract`: articles in, one JSON record per article out."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer

from lagebild.cli.common import parse_date_option, progress_over, report_failure, report_notice, stderr
from lagebild.document import Article
from lagebild.errors import ErrorCode, LagebildError
from lagebild.ingest import IngestOptions, count_files, read_inputs
from lagebild.output import safe_file_name, to_json, write_atomically
from lagebild.pipeline import Pipeline, default_pipeline


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
) -> None:
    """Extract events from articles: one OUTDIR/<id>.json per article (spec format)."""
    options = IngestOptions(published=parse_date_option(published), outlet=outlet)
    pipeline = default_pipeline()
    report = BatchReport()
    items = read_inputs(paths, options)
    with progress_over(items, count_files(paths), "extracting", quiet) as tracked:
        for item in tracked:
            handle_item(item, pipeline, output, report)
    if not quiet:
        summary = f"{report.written} written, {report.failed} failed"
        if report.not_german:
            summary += f" ({report.not_german} of the written are not German)"
        stderr.print(summary)
    raise typer.Exit(report.exit_code)


def handle_item(item: Article | LagebildError, pipeline: Pipeline, output: str, report: BatchReport) -> None:
    if isinstance(item, LagebildError):
        report.failed += 1
        report_failure(str(item))
        return
    try:
        article = pipeline(item)
    except Exception as error:  # one broken article must not stop the batch
        report.failed += 1
        report_failure(str(LagebildError(ErrorCode.E013, item.id, detail=f"{type(error).__name__}: {error}")))
        return
    if not write_article(article, output, report):
        return
    report.written += 1
    if article.lang != "de":
        report.not_german += 1
        report_notice(str(LagebildError(ErrorCode.E014, article.id, lang=article.lang)))


def write_article(article: Article, output: str, report: BatchReport) -> bool:
    if output == "-":
        sys.stdout.write(to_json(article, indent=None) + "\n")
        return True
    try:
        write_atomically(Path(output) / f"{safe_file_name(article.id)}.json", to_json(article))
    except OSError as error:
        report.failed += 1
        report_failure(str(LagebildError(ErrorCode.E012, article.id, detail=error.strerror or str(error))))
        return False
    return True

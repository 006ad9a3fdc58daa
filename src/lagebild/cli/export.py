"""`lagebild export`: the event store as CSV, JSONL, Parquet or GDELT 2.0 event rows."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lagebild.cli.common import report_failure, stderr
from lagebild.cli.query import LakeOption, reading_store
from lagebild.store import DEFAULT_PATH, ExportFormat, export_store


def export_command(
    export_format: Annotated[ExportFormat, typer.Option("--format", help="csv, jsonl, parquet or gdelt.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write (replaced atomically).")],
    db: Annotated[Path, typer.Option("--db", help="The store (DuckDB file).")] = DEFAULT_PATH,
    lake: LakeOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary line.")] = False,
) -> None:
    """Export every event (csv, jsonl, parquet) or every asserted cluster in GDELT's layout (gdelt)."""
    with reading_store(db, lake) as connection:
        try:
            rows = export_store(connection, export_format, output)
        except OSError as error:
            report_failure(f"cannot write {output}: {error.strerror or error}")
            raise typer.Exit(1) from error
    if not quiet:
        unit = "clusters" if export_format is ExportFormat.GDELT else "events"
        stderr.print(f"{rows} {unit} written to {output}")

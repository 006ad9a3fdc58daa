"""Exporting the store: every event (one row per article's event, with its cluster id) as
CSV, JSONL or Parquet, or the asserted clusters in the GDELT 2.0 event layout (gdelt.py).

Files are written beside the target and renamed into place, so a reader never sees half
an export and a failed export leaves an older file untouched.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

import duckdb

from lagebild.store.gdelt import write_gdelt
from lagebild.store.query import EventFilter, events_query, select_events


class ExportFormat(StrEnum):
    CSV = "csv"
    JSONL = "jsonl"
    PARQUET = "parquet"
    GDELT = "gdelt"


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary path beside `path`, renamed to `path` when the block succeeds."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        yield temporary
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def plain_value(value: Any) -> Any:
    """A value as JSON knows it: dates as ISO strings, stored JSON text parsed."""
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def json_ready(row: dict[str, Any]) -> dict[str, Any]:
    record = {key: plain_value(value) for key, value in row.items()}
    record["attribution"] = json.loads(row["attribution"]) if row.get("attribution") else []
    return record


def csv_cell(value: Any) -> Any:
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    if value is None:
        return ""
    return plain_value(value)


def write_csv(rows: list[dict[str, Any]], path: Path, columns: list[str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([csv_cell(row[column]) for column in columns])


def write_jsonl(rows: list[dict[str, Any]], path: Path) -> None:
    with path.open("w", encoding="utf-8") as file:
        for row in rows:
            file.write(json.dumps(json_ready(row), ensure_ascii=False) + "\n")


def write_parquet(connection: duckdb.DuckDBPyConnection, path: Path, event_filter: EventFilter) -> None:
    sql, params = events_query(event_filter)
    import pyarrow.parquet as pq

    with connection.cursor() as cursor:  # a fresh cursor: no earlier result left open on it
        pq.write_table(cursor.sql(sql, params=params).to_arrow_table(), path)


def event_column_names(connection: duckdb.DuckDBPyConnection) -> list[str]:
    sql, params = events_query()
    return [column[0] for column in connection.execute(f"{sql} LIMIT 0", params).description]


def export_store(
    connection: duckdb.DuckDBPyConnection,
    export_format: ExportFormat,
    path: Path,
    event_filter: EventFilter | None = None,
) -> int:
    """Write the export to `path`; returns the number of rows written."""
    event_filter = event_filter or EventFilter()
    with replacing(path) as temporary:
        if export_format is ExportFormat.GDELT:
            with temporary.open("w", encoding="utf-8", newline="") as file:
                return write_gdelt(connection, file)
        if export_format is ExportFormat.PARQUET:
            write_parquet(connection, temporary, event_filter)
            return pq_rows(temporary)
        rows = select_events(connection, event_filter)
        if export_format is ExportFormat.CSV:
            write_csv(rows, temporary, event_column_names(connection))
        else:
            write_jsonl(rows, temporary)
        return len(rows)


def pq_rows(path: Path) -> int:
    import pyarrow.parquet as pq

    return pq.ParquetFile(path).metadata.num_rows


# --- streamed exports (the web API): rows leave as they are read, so there is no cap ----------

STREAM_BATCH_ROWS = 2000


def streamed_rows(connection: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> Iterator[dict[str, Any]]:
    cursor = connection.execute(sql, params)
    names = [column[0] for column in cursor.description]
    while batch := cursor.fetchmany(STREAM_BATCH_ROWS):
        for values in batch:
            yield dict(zip(names, values, strict=True))


def csv_lines(rows: Iterator[dict[str, Any]], columns: list[str]) -> Iterator[str]:
    """CSV text, header first, one chunk per row (lists as JSON text, as `write_csv`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for cells in ([columns], ([csv_cell(row[column]) for column in columns] for row in rows)):
        for line in cells:
            writer.writerow(line)
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()


def jsonl_lines(rows: Iterator[dict[str, Any]]) -> Iterator[str]:
    """One JSON object per line; an event's stored attribution JSON becomes a list."""
    for row in rows:
        record = json_ready(row) if "attribution" in row else {key: plain_value(value) for key, value in row.items()}
        yield json.dumps(record, ensure_ascii=False) + "\n"

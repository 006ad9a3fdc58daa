"""`lagebild events`, `lagebild actors`, `lagebild stats`: reading the event store."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import duckdb
import typer
from rich.console import Console
from rich.table import Table

from lagebild.cli.common import parse_date_option, report_failure
from lagebild.lake import open_lake
from lagebild.store import DEFAULT_PATH, EventFilter, StoreError, open_store
from lagebild.store.export import csv_cell, json_ready
from lagebild.store.query import (
    MODALITIES,
    PLOVER_TYPES,
    actor_criteria,
    place_criteria,
    select_actors,
    select_clusters,
    select_events,
    store_stats,
)

STORE_FAILURE_EXIT = 2
PIPED_WIDTH = 200  # columns of a table written to a file or pipe

DbOption = Annotated[Path, typer.Option("--db", help="The store (DuckDB file).")]
LakeOption = Annotated[Path | None, typer.Option("--lake", help="Read an event lake (directory) instead of --db.")]


class RowFormat(StrEnum):
    TABLE = "table"
    CSV = "csv"
    JSONL = "jsonl"


def actor_label(row: dict[str, Any], role: str) -> str:
    country, name = row.get(f"{role}_country"), row.get(f"{role}_name")
    text = row.get(f"{role}_text")
    label = " ".join(part for part in (country, name) if part)
    return label or (f"({text})" if text else "")


def day_label(first: Any, last: Any) -> str:
    if first is None:
        return ""
    return str(first) if last in (None, first) else f"{first}..{last}"


EVENT_TABLE: dict[str, Callable[[dict[str, Any]], Any]] = {
    "event": lambda r: r["event_id"],
    "day": lambda r: day_label(r["time_start"] or r["published"], r["time_end"] or r["published"]),
    "type": lambda r: r["type"],
    "modality": lambda r: r["modality"],
    "source": lambda r: actor_label(r, "source"),
    "target": lambda r: actor_label(r, "target"),
    "place": lambda r: r["location_name"] or "",
    "cluster": lambda r: r["cluster_id"],
    "article": lambda r: r["article_id"],
}
CLUSTER_TABLE: dict[str, Callable[[dict[str, Any]], Any]] = {
    "cluster": lambda r: r["cluster_id"],
    "days": lambda r: day_label(r["first_day"], r["last_day"]),
    "type": lambda r: r["type"],
    "modality": lambda r: r["modality"],
    "source": lambda r: actor_label(r, "source"),
    "target": lambda r: actor_label(r, "target"),
    "place": lambda r: r["location_name"] or "",
    "articles": lambda r: r["articles"],
    "outlets": lambda r: r["outlets"],
    "mentions": lambda r: r["mentions"],
}
ACTOR_TABLE: dict[str, Callable[[dict[str, Any]], Any]] = {
    "country": lambda r: r["country"] or "",
    "sector": lambda r: r["sector"] or "",
    "name": lambda r: r["name"] or "",
    "as source": lambda r: r["as_source"],
    "as target": lambda r: r["as_target"],
    "articles": lambda r: r["articles"],
    "surface forms": lambda r: r["surface_forms"],
}


def print_table(rows: Sequence[dict[str, Any]], columns: dict[str, Callable[[dict[str, Any]], Any]]) -> None:
    table = Table(show_lines=False, header_style="bold")
    for name in columns:
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(*(str(cell(row)) for cell in columns.values()))
    stdout_console().print(table)


def stdout_console() -> Console:
    """Plain text (no markup: names may contain brackets); wide when piped, so nothing is cut."""
    return Console(highlight=False, markup=False, width=None if sys.stdout.isatty() else PIPED_WIDTH)


def print_rows(rows: Sequence[dict[str, Any]], row_format: RowFormat, table_columns: dict) -> None:
    if row_format is RowFormat.TABLE:
        print_table(rows, table_columns)
    elif row_format is RowFormat.CSV:
        if rows:
            writer = csv.writer(sys.stdout, lineterminator="\n")
            writer.writerow(rows[0].keys())
            writer.writerows([csv_cell(value) for value in row.values()] for row in rows)
    else:
        for row in rows:
            record = json_ready(row) if "attribution" in row else {k: csv_cell(v) for k, v in row.items()}
            sys.stdout.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")


def check_choice(value: str | None, choices: Sequence[str], what: str) -> str | None:
    if value is not None and value.upper() not in {choice.upper() for choice in choices}:
        raise typer.BadParameter(f"unknown {what} {value!r} (one of: {', '.join(choices)})")
    return value


def events_command(
    db: DbOption = DEFAULT_PATH,
    lake: LakeOption = None,
    actor: Annotated[str | None, typer.Option("--actor", help="ISO3 country or (part of) an actor name.")] = None,
    event_type: Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. CONSULT.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Events on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Events on or before YYYY-MM-DD.")] = None,
    place: Annotated[str | None, typer.Option("--place", help="(Part of) a place name or ISO3 code.")] = None,
    modality: Annotated[str | None, typer.Option("--modality", help="asserted, planned, possible or negated.")] = None,
    row_format: Annotated[RowFormat, typer.Option("--format", help="Output format.")] = RowFormat.TABLE,
    clusters: Annotated[
        bool, typer.Option("--clusters", help="One row per cluster (real-world event) instead of per article.")
    ] = False,
) -> None:
    """List stored events matching every given filter."""
    event_filter = EventFilter(
        **actor_criteria(actor),
        type=check_choice(event_type, PLOVER_TYPES, "event type"),
        since=parse_date_option(since),
        until=parse_date_option(until),
        **place_criteria(place),
        modality=check_choice(modality, MODALITIES, "modality"),
    )
    with reading_store(db, lake) as connection:
        if clusters:
            print_rows(select_clusters(connection, event_filter), row_format, CLUSTER_TABLE)
        else:
            print_rows(select_events(connection, event_filter), row_format, EVENT_TABLE)


def actors_command(
    db: DbOption = DEFAULT_PATH,
    lake: LakeOption = None,
    row_format: Annotated[RowFormat, typer.Option("--format", help="Output format.")] = RowFormat.TABLE,
) -> None:
    """List coded actors with how often they act and are acted upon."""
    with reading_store(db, lake) as connection:
        print_rows(select_actors(connection), row_format, ACTOR_TABLE)


def stats_command(db: DbOption = DEFAULT_PATH, lake: LakeOption = None) -> None:
    """Summarise the store: articles, events by type and modality, clusters, dates."""
    with reading_store(db, lake) as connection:
        stats = store_stats(connection)
    console = stdout_console()
    console.print(f"{'lake' if lake else 'store'} {lake or db} (schema version {stats.schema_version})")
    console.print(f"articles: {stats.articles}  by language: {format_counts(stats.articles_by_lang)}")
    console.print(f"pipeline versions: {format_counts(stats.pipeline_versions)}")
    console.print(f"events: {stats.events}  from {stats.first_day or '-'} to {stats.last_day or '-'}")
    console.print(f"  by type: {format_counts(stats.events_by_type)}")
    console.print(f"  by modality: {format_counts(stats.events_by_modality)}")
    console.print(
        f"clusters: {stats.clusters}  reported by more than one article: {stats.clusters_reported_by_several}"
    )


def format_counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{key} {value}" for key, value in counts.items()) or "-"


@contextmanager
def reading_store(db: Path, lake: Path | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """The store opened read-only (or the event lake, when given); a store failure (a LakeError is
    one) becomes one line on stderr and exit code 2."""
    try:
        with open_lake(lake) if lake is not None else open_store(db, create=False) as connection:
            yield connection
    except StoreError as error:
        report_failure(str(error))
        raise typer.Exit(STORE_FAILURE_EXIT) from error

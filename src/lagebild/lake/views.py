"""Reading the lake as a store: an in-memory DuckDB connection whose views carry the store's
table names and columns (docs/schema.md) over the lake's Parquet files, so `store.query`,
`store.export`, `store.gdelt` and `store.api_queries` run on it unchanged.

An article whose id or text already came earlier in the lake (by partition number, then
position) is left out with its events, as `lagebild ingest` skips it: the kept article is the
first of its id and the first of its text. (The store decides one article at a time, so it
differs only for a chain like A, B with A's text, C with B's id: the store keeps A and C,
the lake only A.)
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import duckdb

from lagebild.lake.layout import EVENT_ID_STRIDE, Lake, existing_lake
from lagebild.store.database import offline_connection, package_version
from lagebild.store.schema import SCHEMA_VERSION, TABLES, create_schema


@cache
def store_columns(table: str) -> tuple[str, ...]:
    """The store's columns of `table`, in its order, read from the store's own schema."""
    with offline_connection() as connection:
        create_schema(connection, created_by="lake")
        return tuple(row[0] for row in connection.execute(f"DESCRIBE {table}").fetchall())


def table_statement(name: str) -> str:
    """The store's own CREATE statement for a table or view (schema.TABLES)."""
    for statement in TABLES:
        words = statement.split()
        if words[:2] in (["CREATE", "TABLE"], ["CREATE", "VIEW"]) and words[2] == name:
            return statement
    raise KeyError(name)


def column_list(table: str, alias: str, without: tuple[str, ...] = ()) -> str:
    return ", ".join(f"{alias}.{column}" for column in store_columns(table) if column not in without)


def parquet(path: str) -> str:
    escaped = path.replace("'", "''")
    return f"read_parquet('{escaped}', union_by_name = true)"


def lake_view_statements(lake: Lake) -> list[str]:
    """Views over committed partitions: de-duplicated articles and everything hanging off them."""
    return [
        f"CREATE VIEW lake_articles_all AS SELECT * FROM {parquet(lake.table_glob('articles'))}",
        """CREATE VIEW lake_articles_kept AS SELECT * FROM (
             SELECT *,
                    row_number() OVER (PARTITION BY id ORDER BY lake_partition, lake_position) AS first_of_id,
                    row_number() OVER (PARTITION BY text_hash ORDER BY lake_partition, lake_position) AS first_of_text
             FROM lake_articles_all)
           WHERE first_of_id = 1 AND first_of_text = 1""",
        f"CREATE VIEW articles AS SELECT {column_list('articles', 'a')} FROM lake_articles_kept a",
        f"""CREATE VIEW lake_events AS SELECT e.* FROM {parquet(lake.table_glob("events"))} e
            SEMI JOIN lake_articles_kept k ON k.id = e.article_id AND k.lake_partition = e.id // {EVENT_ID_STRIDE}""",
        f"""CREATE VIEW events AS SELECT {column_list("events", "e", without=("cluster_id",))}, c.cluster_id
            FROM lake_events e LEFT JOIN lake_assignments c ON c.event_id = e.id""",
        *(
            f"""CREATE VIEW {table} AS SELECT t.* FROM {parquet(lake.table_glob(table))} t
                SEMI JOIN lake_events e ON e.id = t.event_id"""
            for table in ("mentions", "actors", "sources")
        ),
        table_statement("events_full"),
    ]


def merge_statements(lake: Lake) -> list[str]:
    """The current merge's clusters and event assignments, or empty tables before the first merge."""
    merge = lake.current_merge()
    if merge is None:
        return [
            table_statement("clusters"),
            "CREATE TABLE lake_assignments (event_id BIGINT, cluster_id BIGINT)",
        ]
    return [
        f"CREATE VIEW clusters AS SELECT {column_list('clusters', 'c')} "
        f"FROM {parquet(str(merge / 'clusters' / '*.parquet'))} c",
        f"CREATE VIEW lake_assignments AS SELECT * FROM {parquet(str(merge / 'assignments' / '*.parquet'))}",
    ]


def create_lake_views(connection: duckdb.DuckDBPyConnection, lake: Lake) -> None:
    """The store's tables as views over `lake` (an empty store when nothing is committed yet)."""
    if not lake.committed_keys():
        create_schema(connection, created_by=package_version())
        return
    connection.execute(table_statement("schema_version"))
    connection.execute(
        "INSERT INTO schema_version VALUES (?, now()::TIMESTAMP, ?)", [SCHEMA_VERSION, package_version()]
    )
    for statement in [*merge_statements(lake), *lake_view_statements(lake)]:
        connection.execute(statement)


@contextmanager
def open_lake(root: Path | str) -> Iterator[duckdb.DuckDBPyConnection]:
    """The lake at `root` as a read-only store: `with open_lake(dir) as connection: select_events(...)`.

    Raises LakeError (L003, L004) when `root` holds no lake of this format.
    """
    lake = existing_lake(Path(root))
    connection = offline_connection()
    try:
        create_lake_views(connection, lake)
        yield connection
    finally:
        connection.close()

"""The store's tables, created in one place; `docs/schema.md` describes every column.

Relations (not declared as foreign keys: DuckDB forbids deleting a referenced row even
inside the transaction that also deletes the references, which re-processing needs):

    articles.id  1 ── n  events.article_id
    events.id    1 ── n  mentions.event_id, actors.event_id, sources.event_id
    clusters.id  1 ── n  events.cluster_id      (cluster id = smallest member event id)

Bump `SCHEMA_VERSION` whenever a statement below changes, and add a migration.
"""

from __future__ import annotations

from datetime import UTC, datetime

import duckdb

SCHEMA_VERSION = 1

TABLES = (
    """
    CREATE TABLE schema_version (
        version INTEGER NOT NULL,
        created_at TIMESTAMP NOT NULL,
        created_by VARCHAR NOT NULL
    )""",
    """
    CREATE TABLE articles (
        id VARCHAR PRIMARY KEY,
        text_hash VARCHAR NOT NULL UNIQUE,
        published DATE,
        outlet VARCHAR,
        url VARCHAR,
        title VARCHAR,
        lang VARCHAR,
        pipeline_version VARCHAR NOT NULL,
        ingested_at TIMESTAMP NOT NULL,
        text VARCHAR NOT NULL,
        structure JSON,
        extra JSON
    )""",
    "CREATE SEQUENCE event_ids START 1",
    """
    CREATE TABLE events (
        id BIGINT PRIMARY KEY,
        article_id VARCHAR NOT NULL,
        position INTEGER NOT NULL,
        type VARCHAR NOT NULL,
        mode VARCHAR,
        context VARCHAR[],
        modality VARCHAR NOT NULL,
        source_text VARCHAR,
        source_name VARCHAR,
        source_country VARCHAR,
        source_sector VARCHAR,
        target_text VARCHAR,
        target_name VARCHAR,
        target_country VARCHAR,
        target_sector VARCHAR,
        location_text VARCHAR,
        location_name VARCHAR,
        location_country VARCHAR,
        time_text VARCHAR,
        time_start DATE,
        time_end DATE,
        attribution JSON NOT NULL,
        in_lead BOOLEAN NOT NULL,
        cluster_id BIGINT
    )""",
    """
    CREATE TABLE mentions (
        event_id BIGINT NOT NULL,
        position INTEGER NOT NULL,
        start_char INTEGER NOT NULL,
        end_char INTEGER NOT NULL,
        text VARCHAR NOT NULL
    )""",
    """
    CREATE TABLE actors (
        event_id BIGINT NOT NULL,
        role VARCHAR NOT NULL,
        text VARCHAR NOT NULL,
        name VARCHAR,
        country VARCHAR,
        sector VARCHAR
    )""",
    """
    CREATE TABLE sources (
        event_id BIGINT NOT NULL,
        position INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        country VARCHAR
    )""",
    """
    CREATE TABLE clusters (
        id BIGINT PRIMARY KEY,
        type VARCHAR NOT NULL,
        party_a VARCHAR,
        party_b VARCHAR,
        place_country VARCHAR,
        first_day DATE,
        last_day DATE,
        modality VARCHAR NOT NULL,
        representative_event BIGINT NOT NULL,
        events INTEGER NOT NULL,
        articles INTEGER NOT NULL,
        outlets INTEGER NOT NULL,
        mentions INTEGER NOT NULL,
        first_published DATE,
        first_ingested_at TIMESTAMP NOT NULL
    )""",
    """
    CREATE VIEW events_full AS
    SELECT e.*, a.published, a.outlet, a.url, a.title,
           coalesce(e.time_start, a.published) AS day_first,
           coalesce(e.time_end, a.published) AS day_last
    FROM events e JOIN articles a ON a.id = e.article_id""",
)

TABLE_NAMES = ("schema_version", "articles", "events", "mentions", "actors", "sources", "clusters")


def create_schema(connection: duckdb.DuckDBPyConnection, created_by: str) -> None:
    """All tables and the version row, in one transaction."""
    connection.execute("BEGIN TRANSACTION")
    try:
        for statement in TABLES:
            connection.execute(statement)
        connection.execute(
            "INSERT INTO schema_version VALUES (?, ?, ?)",
            [SCHEMA_VERSION, datetime.now(UTC).replace(tzinfo=None), created_by],
        )
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise


def existing_tables(connection: duckdb.DuckDBPyConnection) -> set[str]:
    rows = connection.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'").fetchall()
    return {name for (name,) in rows}


def stored_schema_version(connection: duckdb.DuckDBPyConnection) -> int | None:
    if "schema_version" not in existing_tables(connection):
        return None
    row = connection.execute("SELECT max(version) FROM schema_version").fetchone()
    return None if row is None else row[0]

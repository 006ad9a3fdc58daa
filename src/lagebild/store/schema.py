"""The store's tables, created in one place; `docs/schema.md` describes every column.

Relations (not declared as foreign keys: DuckDB forbids deleting a referenced row even
inside the transaction that also deletes the references, which re-processing needs):

    articles.id  1 ── n  events.article_id
    events.id    1 ── n  mentions.event_id, actors.event_id, sources.event_id
    clusters.id  1 ── n  events.cluster_id      (cluster id = smallest member event id)

The watcher's state (`lagebild watch`, lagebild.sources.state) lives in the `watch_*` tables:

    watch_feeds.url                  ETag, Last-Modified and last poll of each feed
    watch_pages.url  n ── 1  articles.id     every canonical URL seen, and what became of it
    watch_revisions.article_id  n ── 1  articles.id   earlier texts of an article updated in place

Bump `SCHEMA_VERSION` whenever a statement below changes, and add a migration to `MIGRATIONS`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

import duckdb

SCHEMA_VERSION = 3
# Oldest version a reader accepts without migrating: later versions only added tables and a column
# that readers take by name when it is there (mentions.attribution, read as unknown when absent).
READABLE_SINCE = 1

WATCH_TABLES = (
    """
    CREATE TABLE watch_feeds (
        url VARCHAR PRIMARY KEY,
        etag VARCHAR,
        last_modified VARCHAR,
        last_poll TIMESTAMP,
        last_status VARCHAR
    )""",
    """
    CREATE TABLE watch_pages (
        url VARCHAR PRIMARY KEY,
        article_id VARCHAR,
        status VARCHAR NOT NULL,
        reason VARCHAR,
        entry_updated VARCHAR,
        etag VARCHAR,
        last_modified VARCHAR,
        text_hash VARCHAR,
        first_seen TIMESTAMP NOT NULL,
        last_fetched TIMESTAMP NOT NULL
    )""",
    """
    CREATE TABLE watch_revisions (
        article_id VARCHAR NOT NULL,
        revision INTEGER NOT NULL,
        text_hash VARCHAR NOT NULL,
        url VARCHAR,
        title VARCHAR,
        text VARCHAR NOT NULL,
        replaced_at TIMESTAMP NOT NULL,
        PRIMARY KEY (article_id, text_hash)
    )""",
)

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
        text VARCHAR NOT NULL,
        attribution JSON
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
    *WATCH_TABLES,
)

# Version N: the statements that make a store of version N one of N + 1. A column is added last,
# where a new store has it too (rows are inserted by position). Mentions stored before version 3
# keep a NULL chain: who says them is not known.
MIGRATIONS = {
    1: WATCH_TABLES,
    2: ("ALTER TABLE mentions ADD COLUMN attribution JSON",),
}

TABLE_NAMES = (
    "schema_version",
    "articles",
    "events",
    "mentions",
    "actors",
    "sources",
    "clusters",
    "watch_feeds",
    "watch_pages",
    "watch_revisions",
)


def create_schema(connection: duckdb.DuckDBPyConnection, created_by: str) -> None:
    """All tables and the version row, in one transaction."""
    apply_versioned(connection, TABLES, created_by)


def migrate(connection: duckdb.DuckDBPyConnection, version: int, created_by: str) -> None:
    """Bring a store of an older `version` to `SCHEMA_VERSION`, in one transaction."""
    apply_versioned(connection, [s for step in range(version, SCHEMA_VERSION) for s in MIGRATIONS[step]], created_by)


def apply_versioned(connection: duckdb.DuckDBPyConnection, statements: Sequence[str], created_by: str) -> None:
    """Run `statements` and record `SCHEMA_VERSION`, all or nothing."""
    connection.execute("BEGIN TRANSACTION")
    try:
        for statement in statements:
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

"""Writing one article record (the spec's JSON dict from `lagebild.output.article_record`)
into the store, in one transaction: after a crash an article is either fully stored or absent.

Deciding whether to process an article (`plan_article`) comes before extraction, storing
(`store_record`) after it; a parallel ingest can run extraction in workers and call
`store_record` from the one process that holds the database.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

import duckdb

from lagebild.pipeline import Pipeline
from lagebild.store.database import package_version

LEAD_BLOCK_KINDS = ("headline",)  # plus the first paragraph: GDELT's "lead" for IsRootEvent

ARTICLE_COLUMNS = (
    "id, text_hash, published, outlet, url, title, lang, pipeline_version, ingested_at, text, structure, extra"
)
KNOWN_RECORD_KEYS = frozenset({"id", "lang", "published", "outlet", "url", "title", "text", "events", "structure"})


class Action(StrEnum):
    STORE = "store"  # new article
    REPLACE = "replace"  # stored by another pipeline version and --reprocess given
    SKIP = "skip"  # already stored


@dataclass(frozen=True)
class StoredArticle:
    id: str
    text_hash: str
    pipeline_version: str


@dataclass(frozen=True)
class Plan:
    action: Action
    replaces: tuple[str, ...] = ()  # ids of stored articles the new record replaces


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def pipeline_version(pipeline: Pipeline) -> str:
    """The package version and the stages (with their `version` where a stage declares one)."""
    stages = [
        f"{stage.name}@{stage.version}" if getattr(stage, "version", None) else stage.name
        for stage in pipeline.stages
    ]
    return f"lagebild {package_version()} [{' '.join(stages)}]"


def find_stored(connection: duckdb.DuckDBPyConnection, article_id: str, hash_: str) -> list[StoredArticle]:
    rows = connection.execute(
        "SELECT id, text_hash, pipeline_version FROM articles WHERE id = ? OR text_hash = ?",
        [article_id, hash_],
    ).fetchall()
    return [StoredArticle(*row) for row in rows]


def plan_article(stored: Sequence[StoredArticle], version: str, reprocess: bool) -> Plan:
    """Skip an article stored under the same id or text; replace it only when asked and outdated."""
    if not stored:
        return Plan(Action.STORE)
    if reprocess and any(previous.pipeline_version != version for previous in stored):
        return Plan(Action.REPLACE, tuple(previous.id for previous in stored))
    return Plan(Action.SKIP)


def store_record(
    connection: duckdb.DuckDBPyConnection, record: dict[str, Any], version: str, replaces: Iterable[str] = ()
) -> int:
    """Store one article with its events in one transaction; returns the number of events.

    `replaces` names stored articles (from `plan_article`) whose rows go in the same transaction.
    """
    replaced = set(replaces)
    connection.execute("BEGIN TRANSACTION")
    try:
        if replaced:
            delete_articles(connection, replaced)
        insert_article(connection, record, version)
        events = record.get("events") or []
        if events:
            insert_events(connection, record, events)
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    return len(events)


def delete_articles(connection: duckdb.DuckDBPyConnection, article_ids: set[str]) -> None:
    ids = sorted(article_ids)
    events_of = "SELECT id FROM events WHERE article_id IN (SELECT unnest(?::VARCHAR[]))"
    for table in ("mentions", "actors", "sources"):
        connection.execute(f"DELETE FROM {table} WHERE event_id IN ({events_of})", [ids])
    connection.execute("DELETE FROM events WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
    connection.execute("DELETE FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids])


def insert_article(connection: duckdb.DuckDBPyConnection, record: dict[str, Any], version: str) -> None:
    extra = {key: value for key, value in record.items() if key not in KNOWN_RECORD_KEYS}
    connection.execute(
        f"INSERT INTO articles ({ARTICLE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            record["id"],
            text_hash(record["text"]),
            parse_day(record.get("published")),
            record.get("outlet"),
            record.get("url"),
            record.get("title"),
            record.get("lang"),
            version,
            utc_now(),
            record["text"],
            json.dumps(record.get("structure"), ensure_ascii=False),
            json.dumps(extra, ensure_ascii=False, default=str),
        ],
    )


def insert_events(connection: duckdb.DuckDBPyConnection, record: dict[str, Any], events: list[dict]) -> None:
    first_id = connection.execute("SELECT nextval('event_ids')").fetchone()[0]
    ids = range(first_id, first_id + len(events))
    if len(events) > 1:  # reserve the rest of the block (a sequence value is never handed out twice)
        connection.execute("SELECT setval('event_ids', ?)", [ids[-1]])
    lead = lead_spans(record.get("structure") or {})
    rows = [
        event_row(event_id, record["id"], position, event, lead)
        for position, (event_id, event) in enumerate(zip(ids, events, strict=True))
    ]
    insert_rows(connection, "events", rows)
    mentions, actors, sources = [], [], []
    for event_id, event in zip(ids, events, strict=True):
        mentions.extend(mention_rows(event_id, event, record["text"]))
        actors.extend(actor_rows(event_id, event))
        sources.extend(
            [event_id, position, claimant["text"], claimant.get("country")]
            for position, claimant in enumerate(event.get("attribution") or [])
        )
    insert_rows(connection, "mentions", mentions)
    insert_rows(connection, "actors", actors)
    insert_rows(connection, "sources", sources)


def insert_rows(connection: duckdb.DuckDBPyConnection, table: str, rows: list[list]) -> None:
    """All rows in one statement (DuckDB runs `executemany` as one statement per row)."""
    if not rows:
        return
    placeholders = "(" + ", ".join(["?"] * len(rows[0])) + ")"
    connection.execute(
        f"INSERT INTO {table} VALUES {', '.join([placeholders] * len(rows))}", [value for row in rows for value in row]
    )


def event_row(event_id: int, article_id: str, position: int, event: dict, lead: list[tuple[int, int]]) -> list:
    source, target = event.get("source") or {}, event.get("target") or {}
    location, time = event.get("location") or {}, event.get("time") or {}
    spans = event.get("evidence_spans") or []
    return [
        event_id,
        article_id,
        position,
        event["type"],
        event.get("mode"),
        list(event.get("context") or []),
        event["modality"],
        *(source.get(key) for key in ("text", "name", "country", "sector")),
        *(target.get(key) for key in ("text", "name", "country", "sector")),
        *(location.get(key) for key in ("text", "name", "country")),
        time.get("text"),
        parse_day(time.get("start")),
        parse_day(time.get("end")),
        json.dumps(event.get("attribution") or [], ensure_ascii=False),
        any(start < end_ and end > start_ for start, end in spans for start_, end_ in lead),
        None,
    ]


def mention_rows(event_id: int, event: dict, text: str) -> list[list]:
    spans = event.get("evidence_spans") or []
    return [[event_id, position, start, end, text[start:end]] for position, (start, end) in enumerate(spans)]


def actor_rows(event_id: int, event: dict) -> list[list]:
    rows = []
    for role in ("source", "target"):
        actor = event.get(role)
        if actor:
            rows.append([event_id, role, actor.get("text") or "", actor.get("name"), actor.get("country"),
                         actor.get("sector")])
    return rows


def lead_spans(structure: dict) -> list[tuple[int, int]]:
    """The headline(s) and the first paragraph: where GDELT's root events are reported."""
    blocks = structure.get("blocks") or []
    spans = [(block["start"], block["end"]) for block in blocks if block.get("kind") in LEAD_BLOCK_KINDS]
    first_paragraph = next((block for block in blocks if block.get("kind") == "paragraph"), None)
    if first_paragraph:
        spans.append((first_paragraph["start"], first_paragraph["end"]))
    return spans


def parse_day(value: object) -> date | None:
    if value in (None, ""):
        return None
    return date.fromisoformat(str(value)[:10])


def utc_now() -> datetime:
    """Now in UTC, without a time zone (the store's TIMESTAMP columns are UTC)."""
    return datetime.now(UTC).replace(tzinfo=None)

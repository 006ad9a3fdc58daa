"""Writing article records (the spec's JSON dict from `lagebild.output.article_record`) into
the store: one record (`store_record`) or a batch (`store_records`) per transaction, so after
a crash an article is either fully stored or absent.

Deciding whether to process an article (`plan_article`) comes before extraction, storing
after it (lagebild.service runs the steps); `version` is the pipeline's version string
(`Pipeline.version`), recorded per article. A batch costs a handful of statements in all
(one multi-row INSERT per table), not a handful per article.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

import duckdb
import pyarrow

from lagebild.store.clusters import cluster_alone

LEAD_BLOCK_KINDS = ("headline",)  # plus the first paragraph: GDELT's "lead" for IsRootEvent

ARTICLE_COLUMNS = (
    "id, text_hash, published, outlet, url, title, lang, pipeline_version, ingested_at, text, structure, extra"
)
KNOWN_RECORD_KEYS = frozenset(
    {"id", "lang", "published", "outlet", "url", "title", "text", "events", "timexes", "structure"}
)  # not stored in `extra`; the store keeps no TIMEX3s


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


def find_stored(connection: duckdb.DuckDBPyConnection, article_id: str, hash_: str) -> list[StoredArticle]:
    rows = connection.execute(
        "SELECT id, text_hash, pipeline_version FROM articles WHERE id = ? OR text_hash = ?",
        [article_id, hash_],
    ).fetchall()
    return [StoredArticle(*row) for row in rows]


def find_stored_many(
    connection: duckdb.DuckDBPyConnection, keys: Sequence[tuple[str, str]]
) -> list[list[StoredArticle]]:
    """`find_stored` for several (id, text hash) pairs in one query: a lookup scans the
    table, so a batch of articles pays for one scan instead of one each."""
    if not keys:
        return []
    rows = connection.execute(
        "SELECT id, text_hash, pipeline_version FROM articles "
        "WHERE id IN (SELECT unnest(?::VARCHAR[])) OR text_hash IN (SELECT unnest(?::VARCHAR[]))",
        [[article_id for article_id, _ in keys], [hash_ for _, hash_ in keys]],
    ).fetchall()
    stored = [StoredArticle(*row) for row in rows]
    return [[row for row in stored if row.id == article_id or row.text_hash == hash_] for article_id, hash_ in keys]


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
    return store_records(connection, [StoreEntry(record, tuple(replaces))], version)[0]


@dataclass(frozen=True)
class StoreEntry:
    """One record to store and the stored articles it replaces (from `plan_article`)."""

    record: dict[str, Any]
    replaces: tuple[str, ...] = ()


def store_records(connection: duckdb.DuckDBPyConnection, entries: Sequence[StoreEntry], version: str) -> list[int]:
    """Store several articles with their events in one transaction; the events of each.

    Event ids are handed out in the order of `entries`, as storing them one by one would.
    """
    if not entries:
        return []
    replaced = {article_id for entry in entries for article_id in entry.replaces}
    connection.execute("BEGIN TRANSACTION")
    try:
        if replaced:
            delete_articles(connection, replaced)
        records = [entry.record for entry in entries]
        insert_rows(connection, "articles (" + ARTICLE_COLUMNS + ")", [article_row(r, version) for r in records])
        insert_events(connection, records)
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    return [len(record.get("events") or []) for record in records]


def delete_articles(connection: duckdb.DuckDBPyConnection, article_ids: set[str]) -> None:
    ids = sorted(article_ids)
    events_of = "SELECT id FROM events WHERE article_id IN (SELECT unnest(?::VARCHAR[]))"
    for table in ("mentions", "actors", "sources"):
        connection.execute(f"DELETE FROM {table} WHERE event_id IN ({events_of})", [ids])
    connection.execute("DELETE FROM events WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
    connection.execute("DELETE FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids])


def article_row(record: dict[str, Any], version: str) -> list:
    extra = {key: value for key, value in record.items() if key not in KNOWN_RECORD_KEYS}
    return [
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
    ]


def insert_events(connection: duckdb.DuckDBPyConnection, records: Sequence[dict[str, Any]]) -> None:
    """The events of `records` with their mentions, actors and sources; ids from one reserved
    block. Each is a cluster of its own until clusters are recomputed."""
    total = sum(len(record.get("events") or []) for record in records)
    if not total:
        return
    first_id = insert_event_rows(connection, records, total)
    cluster_alone(connection, first_id, first_id + total - 1)


def insert_event_rows(connection: duckdb.DuckDBPyConnection, records: Sequence[dict[str, Any]], total: int) -> int:
    """Rows for the `total` events of `records`; the first event's id."""
    next_id = connection.execute("SELECT nextval('event_ids')").fetchall()[0][0]
    if total > 1:  # reserve the rest of the block (a sequence value is never handed out twice)
        connection.execute("SELECT setval('event_ids', ?)", [next_id + total - 1]).fetchall()
    events, mentions, actors, sources = [], [], [], []
    for record in records:
        lead = lead_spans(record.get("structure") or {})
        for position, event in enumerate(record.get("events") or []):
            events.append(event_row(next_id, record["id"], position, event, lead))
            mentions.extend(mention_rows(next_id, event, record["text"]))
            actors.extend(actor_rows(next_id, event))
            sources.extend(
                [next_id, order, claimant["text"], claimant.get("country")]
                for order, claimant in enumerate(event.get("attribution") or [])
            )
            next_id += 1
    for table, rows in (("events", events), ("mentions", mentions), ("actors", actors), ("sources", sources)):
        insert_rows(connection, table, rows)
    return next_id - total


def insert_rows(connection: duckdb.DuckDBPyConnection, table: str, rows: list[list]) -> None:
    """All rows in one statement, handed to DuckDB as an Arrow table: binding thousands of
    `?` parameters costs more than the insert itself (and `executemany` runs a statement per row)."""
    if not rows:
        return
    columns = {f"c{index}": pyarrow.array(values) for index, values in enumerate(zip(*rows, strict=True))}
    connection.register("lagebild_rows", pyarrow.table(columns))
    try:
        connection.execute(f"INSERT INTO {table} SELECT * FROM lagebild_rows").fetchall()
    finally:
        with contextlib.suppress(duckdb.Error):  # in an aborted transaction; the insert's error matters
            connection.unregister("lagebild_rows")


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
        event_id,  # its own cluster until clusters are recomputed
    ]


def mention_rows(event_id: int, event: dict, text: str) -> list[list]:
    """One row per evidence span, with the attribution chain of that passage as JSON (NULL when
    the record has no `evidence_attribution`: written before lagebild kept one per passage)."""
    spans = event.get("evidence_spans") or []
    chains = event.get("evidence_attribution")
    stored = [None] * len(spans) if chains is None else [json.dumps(chain, ensure_ascii=False) for chain in chains]
    return [
        [event_id, position, start, end, text[start:end], chain]
        for position, ((start, end), chain) in enumerate(zip(spans, stored, strict=True))
    ]


def actor_rows(event_id: int, event: dict) -> list[list]:
    rows = []
    for role in ("source", "target"):
        actor = event.get(role)
        if actor:
            rows.append(
                [event_id, role, actor.get("text") or "", actor.get("name"), actor.get("country"), actor.get("sector")]
            )
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

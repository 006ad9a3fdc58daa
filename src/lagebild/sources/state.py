"""The watcher's memory, kept in the store (tables `watch_feeds`, `watch_pages`,
`watch_revisions`; see lagebild.store.schema), so a killed watcher resumes where it was.

A page is written to `watch_pages` only after its article is stored (or left out), and a
feed's ETag and Last-Modified only after all its entries are done: whatever a crash
interrupts is fetched again, and the store's text hash turns a second copy into a duplicate.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import duckdb


@dataclass(frozen=True)
class FeedState:
    etag: str | None = None
    last_modified: str | None = None
    last_poll: datetime | None = None


@dataclass(frozen=True)
class PageState:
    article_id: str | None
    status: str  # stored, updated, duplicate, unchanged, left out, gone
    entry_updated: str | None
    etag: str | None
    last_modified: str | None


@dataclass(frozen=True)
class PageResult:
    """What one page came to, as `watch_pages` records it."""

    url: str
    status: str
    article_id: str | None = None
    reason: str | None = None
    entry_updated: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    text_hash: str | None = None


class WatchState:
    def __init__(self, connection: duckdb.DuckDBPyConnection) -> None:
        self.connection = connection

    def feed(self, url: str) -> FeedState:
        row = self.connection.execute(
            "SELECT etag, last_modified, last_poll FROM watch_feeds WHERE url = ?", [url]
        ).fetchone()
        return FeedState(*row) if row else FeedState()

    def save_feed(self, url: str, status: str, etag: str | None, last_modified: str | None) -> None:
        self.connection.execute(
            "INSERT INTO watch_feeds VALUES (?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET "
            "etag = excluded.etag, last_modified = excluded.last_modified, "
            "last_poll = excluded.last_poll, last_status = excluded.last_status",
            [url, etag, last_modified, utc_now(), status],
        )

    def page(self, url: str) -> PageState | None:
        row = self.connection.execute(
            "SELECT article_id, status, entry_updated, etag, last_modified FROM watch_pages WHERE url = ?", [url]
        ).fetchone()
        return PageState(*row) if row else None

    def save_page(self, result: PageResult) -> None:
        now = utc_now()
        self.connection.execute(
            "INSERT INTO watch_pages VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET "
            "article_id = coalesce(excluded.article_id, watch_pages.article_id), status = excluded.status, "
            "reason = excluded.reason, entry_updated = excluded.entry_updated, etag = excluded.etag, "
            "last_modified = excluded.last_modified, "
            "text_hash = coalesce(excluded.text_hash, watch_pages.text_hash), last_fetched = excluded.last_fetched",
            [
                result.url,
                result.article_id,
                result.status,
                result.reason,
                result.entry_updated,
                result.etag,
                result.last_modified,
                result.text_hash,
                now,
                now,
            ],
        )

    def keep_revision(self, article_id: str) -> None:
        """Copy the stored text of `article_id` into `watch_revisions` (once per text)."""
        self.connection.execute(
            "INSERT INTO watch_revisions "
            "SELECT a.id, 1 + (SELECT count(*) FROM watch_revisions r WHERE r.article_id = a.id), "
            "a.text_hash, a.url, a.title, a.text, ? FROM articles a WHERE a.id = ? "
            "ON CONFLICT DO NOTHING",
            [utc_now(), article_id],
        )

    def revision(self, article_id: str) -> int:
        """The number of the stored text: 1 for an article never updated."""
        row = self.connection.execute("SELECT count(*) FROM watch_revisions WHERE article_id = ?", [article_id])
        return 1 + row.fetchone()[0]


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)

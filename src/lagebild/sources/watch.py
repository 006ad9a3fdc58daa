"""Watching feeds: each poll reads every feed, fetches the pages of new or updated entries and
stores their articles (`lagebild watch`).

    1. the feed, conditionally (ETag, Last-Modified): 304 means nothing new;
    2. its entries, canonical URLs: a URL seen before whose entry is unchanged is 'seen';
    3. the other pages, fetched by a few threads (per-host limits in the Fetcher), stored in
       feed order by this thread, which alone holds the store;
    4. the feed's ETag saved only when no page failed for a reason that may pass (timeouts,
       5xx), so the next poll reads the feed again and retries those pages.

The store is opened for each poll and closed between polls, so queries can read it then.
Progress goes to `logging` (logger "lagebild.watch") and to the `on_feed` callback.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from lagebild.errors import LagebildError, LagebildSkip
from lagebild.parallel import Extractor
from lagebild.pipeline import Pipeline
from lagebild.settings import DEFAULT_SETTINGS, Settings
from lagebild.sources.feeds import FeedEntry, parse_feed
from lagebild.sources.fetch import FetchCancelled, Fetcher, Response
from lagebild.sources.pages import article_from_page
from lagebild.sources.settings import CrawlSettings
from lagebild.sources.state import PageResult, PageState, WatchState
from lagebild.sources.storing import Outcome, store_article
from lagebild.store import open_store, recompute_clusters

log = logging.getLogger("lagebild.watch")
GONE_STATUSES = ("E101 HTTP status 404", "E101 HTTP status 410")  # never retried; other failures are


@dataclass
class FeedTally:
    """What one poll of one feed came to."""

    url: str
    new: int = 0  # articles stored for the first time
    updated: int = 0  # stored articles whose text changed
    seen: int = 0  # entries seen before, unchanged pages and duplicate texts
    left_out: int = 0  # not German, not a news page, forbidden by robots.txt
    failed: int = 0
    status: str = ""  # of the feed itself: 'ok', 'not modified' or its error
    retry: bool = False  # a page failed for a reason that may pass: keep the feed's old ETag

    def line(self) -> str:
        return (
            f"{self.url}: {self.status}; {self.new} new, {self.updated} updated, {self.seen} seen, "
            f"{self.left_out} left out, {self.failed} failed"
        )


@dataclass
class PollReport:
    feeds: list[FeedTally] = field(default_factory=list)

    def total(self, name: str) -> int:
        return sum(getattr(tally, name) for tally in self.feeds)


FeedCallback = Callable[[FeedTally], None]


class Watcher:
    """Polls feeds into the store at `db`; `stop` (set by a signal) ends a poll between pages.

    Articles are extracted by the ingest service's Extractor under its per-article time limit
    (`ingest_settings.article_seconds`: a page that hangs the pipeline fails, the watcher goes
    on); its worker is forked here, before any fetching thread exists."""

    def __init__(
        self,
        db: Path,
        pipeline: Pipeline,
        settings: CrawlSettings | None = None,
        stop: threading.Event | None = None,
        ingest_settings: Settings = DEFAULT_SETTINGS,
    ) -> None:
        self.db = db
        self.version = pipeline.version
        self.extractor = Extractor(pipeline, 1, ingest_settings.article_seconds)
        self.extractor.start_workers()
        self.settings = settings or CrawlSettings()
        self.stop = stop or threading.Event()
        self.fetcher = Fetcher(self.settings, self.stop)

    def close(self) -> None:
        self.fetcher.close()
        self.extractor.close()

    def poll(self, feeds: list[str], on_feed: FeedCallback | None = None) -> PollReport:
        """One poll of every feed; clusters recomputed when anything was stored."""
        report = PollReport()
        with (
            open_store(self.db, create=True) as connection,
            ThreadPoolExecutor(self.settings.total_concurrency) as pool,
        ):
            state = WatchState(connection)
            for url in feeds:
                if self.stop.is_set():
                    break
                tally = FeedTally(url)
                report.feeds.append(tally)
                self.poll_feed(url, connection, state, pool, tally, on_feed or (lambda _: None))
                log.info(tally.line())
            if report.total("new") or report.total("updated"):
                recompute_clusters(connection)
        return report

    def poll_feed(
        self,
        url: str,
        connection: duckdb.DuckDBPyConnection,
        state: WatchState,
        pool: ThreadPoolExecutor,
        tally: FeedTally,
        on_feed: FeedCallback,
    ) -> None:
        known = state.feed(url)
        try:
            response = self.fetcher.get(url, known.etag, known.last_modified, self.settings.max_feed_bytes)
            entries = (
                [] if response.status == 304 else parse_feed(response.body, url, self.settings.max_entries_per_feed)
            )
        except FetchCancelled:
            return
        except LagebildError as error:  # the feed itself counts as one failure
            tally.status = f"{error.code.name} {error.reason}"
            tally.failed += 1
            log.warning("feed %s", error)
            state.save_feed(url, tally.status, known.etag, known.last_modified)
            on_feed(tally)
            return
        tally.status = "not modified" if response.status == 304 else "ok"
        on_feed(tally)
        self.process_entries(entries, connection, state, pool, tally, on_feed)
        if self.stop.is_set():
            return  # an interrupted feed is read in full next time
        etag, modified = response.etag, response.last_modified
        if tally.retry:  # keep the old validators: the next poll reads the feed again
            etag, modified = known.etag, known.last_modified
        elif response.status == 304:  # a 304 need not repeat the validators
            etag, modified = etag or known.etag, modified or known.last_modified
        state.save_feed(url, tally.status, etag, modified)

    def process_entries(
        self,
        entries: list[FeedEntry],
        connection: duckdb.DuckDBPyConnection,
        state: WatchState,
        pool: ThreadPoolExecutor,
        tally: FeedTally,
        on_feed: FeedCallback,
    ) -> None:
        todo: list[tuple[FeedEntry, PageState | None]] = []
        listed: set[str] = set()
        for entry in entries:
            if entry.url in listed:  # a feed may list an article twice
                tally.seen += 1
                continue
            listed.add(entry.url)
            page = state.page(entry.url)
            if page is not None and not worth_fetching(page, entry):
                tally.seen += 1
            else:
                todo.append((entry, page))
        on_feed(tally)
        for entry, page, fetched in self.fetch_all(todo, pool):
            if self.stop.is_set():
                return
            self.process_page(entry, page, fetched, connection, state, tally)
            on_feed(tally)

    def fetch_all(
        self, todo: list[tuple[FeedEntry, PageState | None]], pool: ThreadPoolExecutor
    ) -> Iterator[tuple[FeedEntry, PageState | None, Response | LagebildError]]:
        """The pages of `todo`, fetched concurrently, in feed order; unfinished fetches are
        cancelled when the consumer stops early."""
        futures = [(entry, page, pool.submit(self.fetch_page, entry, page)) for entry, page in todo]
        try:
            for entry, page, future in futures:
                result = wait_for(future)
                if result is None:
                    return
                yield entry, page, result
        finally:
            for _, _, future in futures:
                future.cancel()

    def fetch_page(self, entry: FeedEntry, page: PageState | None) -> Response | LagebildError:
        try:
            return self.fetcher.get(entry.url, page and page.etag, page and page.last_modified)
        except LagebildError as error:
            return error

    def process_page(
        self,
        entry: FeedEntry,
        page: PageState | None,
        fetched: Response | LagebildError,
        connection: duckdb.DuckDBPyConnection,
        state: WatchState,
        tally: FeedTally,
    ) -> None:
        result = self.page_result(entry, page, fetched, connection, tally)
        if result is not None:
            state.save_page(result)

    def page_result(
        self,
        entry: FeedEntry,
        page: PageState | None,
        fetched: Response | LagebildError,
        connection: duckdb.DuckDBPyConnection,
        tally: FeedTally,
    ) -> PageResult | None:
        """Store the page's article; what `watch_pages` should record (None: try again next poll)."""
        try:
            if isinstance(fetched, LagebildError):
                raise fetched
            if fetched.status == 304:
                tally.seen += 1
                etag, modified = (page.etag, page.last_modified) if page else (None, None)
                return PageResult(entry.url, "unchanged", None, None, entry.updated, fetched.etag or etag, modified)
            article = article_from_page(fetched.body, entry.url, entry.published)
            article.title = article.title or entry.title
            stored = store_article(connection, article, self.extractor, self.version)
        except LagebildSkip as skip:
            tally.left_out += 1
            log.info("left out %s", skip)
            return PageResult(
                entry.url, "left out", reason=f"{skip.code.name} {skip.reason}", entry_updated=entry.updated
            )
        except LagebildError as error:
            tally.failed += 1
            log.warning("failed %s", error)
            reason = f"{error.code.name} {error.reason}"
            if reason in GONE_STATUSES:
                return PageResult(entry.url, "gone", reason=reason, entry_updated=entry.updated)
            tally.retry = True
            return None
        count_outcome(stored.outcome, tally)
        log.info("%s %s as %s (%d events)", stored.outcome.value, entry.url, stored.article_id, stored.events)
        return PageResult(
            entry.url,
            stored.outcome.value,
            stored.article_id,
            None,
            entry.updated,
            fetched.etag,
            fetched.last_modified,
            stored.text_hash,
        )


def count_outcome(outcome: Outcome, tally: FeedTally) -> None:
    if outcome is Outcome.STORED:
        tally.new += 1
    elif outcome is Outcome.UPDATED:
        tally.updated += 1
    else:
        tally.seen += 1


def worth_fetching(page: PageState, entry: FeedEntry) -> bool:
    """A page seen before is fetched again only when its feed entry says it was updated."""
    return page.status != "gone" and entry.updated is not None and entry.updated != page.entry_updated


def wait_for(future: Future) -> Response | LagebildError | None:
    """The fetch's result; None when the watcher was stopped during it."""
    try:
        return future.result()
    except FetchCancelled:
        return None

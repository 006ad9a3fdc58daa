"""The ingest service: articles in, the event store filled. One way through for every caller
(`lagebild ingest`, the web app's POST, the lake's workers, live feeds).

    from lagebild.service import IngestService
    from lagebild.settings import Settings

    with IngestService("events.duckdb", settings=Settings(workers=2)) as service:
        for result in service.ingest(read_inputs(paths)):  # Article | LagebildError items
            ...  # IngestResult(article_id, status, error, lang, events), as each is decided
        service.summary  # IngestSummary: counts of this service's calls, events and clusters stored

`store` is a path (opened, created if missing, and closed by the service) or an open DuckDB
connection (used, not closed). The pipeline is built after the store is opened (a locked or
damaged store fails at once with a StoreError), from `make_pipeline` or given as `pipeline`.
Each `ingest` call may be given any iterable, read lazily: a list of files or a live stream. An
open batch is stored when it fills, when a result arrives after it grew old, or when the input
ends; so a live source should make one call per poll, and the clusters follow each call.

Per article, in three steps:
1. plan: skipped when an article of the same id or text is stored, or is being extracted in
   this call (status `skipped`); with `reprocess`, one stored by another pipeline version is
   replaced (status `replaced`). A LagebildError item from the reader is a `failed` result.
2. extract (lagebild.parallel): in `settings.workers` processes, each article under the
   wall-clock limit `settings.article_seconds`. The pipeline owns the error policy: a stage's
   exception is E013 for that article, a timeout E015, a dead worker E016; the batch goes on.
3. store: results in the order they finish, in batches of one transaction each
   (`settings.batch_max_articles`, `batch_max_seconds`); if a batch fails, each article alone,
   so only the culprit fails (E012). Status `stored`; a stored article that is not German has
   its `lang` and no events (`IngestResult.not_german`).
After each call the clusters are recomputed (when `clusters` is true and anything was stored,
or on the service's first call: a run killed before recomputing left its events unmerged).

`plan_one` and `store_extraction` are the steps for a caller that holds its own locks (the web
app extracts outside its write lock).
"""

from __future__ import annotations

import itertools
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import Generic, TypeVar

import duckdb

from lagebild.document import Article
from lagebild.errors import ErrorCode, LagebildError
from lagebild.lang import DEFAULT_LANGUAGE
from lagebild.parallel import Extraction, Extractor, Finished
from lagebild.pipeline import Pipeline, default_pipeline
from lagebild.settings import DEFAULT_SETTINGS, Settings
from lagebild.store.clusters import recompute_clusters
from lagebild.store.database import open_store
from lagebild.store.writer import (
    Action,
    Plan,
    StoreEntry,
    find_stored,
    find_stored_many,
    plan_article,
    store_record,
    store_records,
    text_hash,
)

T = TypeVar("T")


class Status(StrEnum):
    STORED = "stored"
    REPLACED = "replaced"  # stored again by this pipeline version (reprocess)
    SKIPPED = "skipped"  # already stored (same id or text)
    FAILED = "failed"


@dataclass(frozen=True)
class IngestResult:
    article_id: str  # the reader's item name for an input that is no article
    status: Status
    error: LagebildError | None = None  # why it failed
    lang: str | None = None
    events: int = 0

    @property
    def not_german(self) -> bool:
        return self.status in (Status.STORED, Status.REPLACED) and self.lang not in (None, DEFAULT_LANGUAGE)

    def notice(self) -> LagebildError | None:
        """E014 for a stored article that is not German."""
        return LagebildError(ErrorCode.E014, self.article_id, lang=self.lang) if self.not_german else None


@dataclass
class IngestSummary:
    stored: int = 0
    replaced: int = 0
    skipped: int = 0
    failed: int = 0
    not_german: int = 0
    events: int = 0  # in the store after the last call
    clusters: int = 0  # in the store after the last call

    def add(self, result: IngestResult) -> None:
        match result.status:
            case Status.STORED:
                self.stored += 1
            case Status.REPLACED:
                self.replaced += 1
            case Status.SKIPPED:
                self.skipped += 1
            case Status.FAILED:
                self.failed += 1
        self.not_german += result.not_german

    @property
    def exit_code(self) -> int:
        return 1 if self.failed or self.not_german else 0

    def text(self) -> str:
        text = (
            f"{self.stored} stored, {self.replaced} re-processed, {self.skipped} already stored, "
            f"{self.failed} failed; {self.events} events, {self.clusters} clusters in the store"
        )
        if self.not_german:
            text += f" ({self.not_german} of the stored are not German)"
        return text


@dataclass(frozen=True)
class Job:
    """What storing needs to know about an article sent to extraction."""

    action: Action
    replaces: tuple[str, ...]
    text_hash: str


@dataclass
class InFlight:
    """Ids and text hashes of articles sent to extraction and not yet stored: a second copy
    of one of them is skipped, as it would be had the first been stored already."""

    ids: set[str] = field(default_factory=set)
    hashes: set[str] = field(default_factory=set)

    def holds(self, article_id: str, hash_: str) -> bool:
        return article_id in self.ids or hash_ in self.hashes

    def add(self, article_id: str, hash_: str) -> None:
        self.ids.add(article_id)
        self.hashes.add(hash_)

    def remove(self, article_id: str, hash_: str) -> None:
        self.ids.discard(article_id)
        self.hashes.discard(hash_)


class IngestService:
    """Plan, extract and store articles; see the module's docstring."""

    def __init__(
        self,
        store: Path | str | duckdb.DuckDBPyConnection,
        settings: Settings = DEFAULT_SETTINGS,
        pipeline: Pipeline | None = None,
        make_pipeline: Callable[[], Pipeline] = default_pipeline,
        reprocess: bool = False,
        clusters: bool = True,
    ) -> None:
        self.store = store
        self.settings = settings
        self.pipeline = pipeline
        self.make_pipeline = make_pipeline
        self.reprocess = reprocess
        self.clusters = clusters
        self.summary = IngestSummary()
        self.clustered = False  # recomputed once by this service (a run killed before it did not)
        self.exit_stack = ExitStack()
        self.connection: duckdb.DuckDBPyConnection | None = None
        self.extractor: Extractor | None = None

    def __enter__(self) -> IngestService:
        self.open()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def open(self) -> None:
        """Open the store, then build the pipeline and its extractor (workers start on first use)."""
        if self.connection is not None:
            return
        if isinstance(self.store, duckdb.DuckDBPyConnection):
            self.connection = self.store
        else:
            self.connection = self.exit_stack.enter_context(open_store(Path(self.store), create=True))
        if self.pipeline is None:
            self.pipeline = self.make_pipeline()
        settings = self.settings
        self.extractor = self.exit_stack.enter_context(
            Extractor(self.pipeline, settings.workers, settings.article_seconds)
        )

    def close(self) -> None:
        self.exit_stack.close()
        self.connection = self.extractor = None

    @cached_property
    def version(self) -> str:
        """The pipeline's version string, recorded with every stored article."""
        if self.pipeline is None:
            raise RuntimeError("the service is not open")
        return self.pipeline.version

    def ingest(self, items: Iterable[Article | LagebildError]) -> Iterator[IngestResult]:
        """Every item's result, as each is decided; then the clusters are recomputed."""
        self.open()
        assert self.connection is not None and self.extractor is not None
        decided: deque[IngestResult] = deque()  # planning's results, handed out between extractions
        in_flight = InFlight()
        batch = Batch[Job](self.settings)
        changed = False
        jobs = self.planned(items, in_flight, decided)
        for finished in self.extractor.extract_stream(jobs):
            if ready := batch.add(finished):
                yield from self.store_batch(ready, in_flight)
                changed = True
            while decided:
                yield self.counted(decided.popleft())
        if rest := batch.flush():
            yield from self.store_batch(rest, in_flight)
            changed = True
        while decided:
            yield self.counted(decided.popleft())
        self.update_totals(recompute=self.clusters and (changed or not self.clustered))
        self.clustered = True

    def counted(self, result: IngestResult) -> IngestResult:
        self.summary.add(result)
        return result

    def planned(
        self, items: Iterable[Article | LagebildError], in_flight: InFlight, decided: deque[IngestResult]
    ) -> Iterator[tuple[Article, Job]]:
        """The articles to extract, with their plan; failed and skipped items go to `decided`.

        Articles are looked up in the store `settings.plan_chunk` at a time (one query per chunk)."""
        assert self.connection is not None
        for chunk in chunked(items, self.settings.plan_chunk):
            articles = [item for item in chunk if isinstance(item, Article)]
            decided.extend(failed_input(item) for item in chunk if isinstance(item, LagebildError))
            keys = [(article.id, text_hash(article.text)) for article in articles]
            for article, (_, hash_), stored in zip(
                articles, keys, find_stored_many(self.connection, keys), strict=True
            ):
                plan = plan_article(stored, self.version, self.reprocess)
                if plan.action is Action.SKIP or in_flight.holds(article.id, hash_):
                    decided.append(IngestResult(article.id, Status.SKIPPED))
                    continue
                in_flight.add(article.id, hash_)
                yield article, Job(plan.action, plan.replaces, hash_)

    def store_batch(self, batch: list[Finished[Job]], in_flight: InFlight) -> Iterator[IngestResult]:
        """One transaction for the batch; if it fails, each article alone, so only the culprit fails."""
        assert self.connection is not None
        done = [item for item in batch if item.extraction.record is not None]
        results = [failed_extraction(item.extraction) for item in batch if item.extraction.record is None]
        entries = [StoreEntry(item.extraction.record or {}, item.tag.replaces) for item in done]
        try:
            counts = store_records(self.connection, entries, self.version)
        except duckdb.Error:
            for item in done:
                results.append(self.store_one(item))
        else:
            results += [stored_result(i.extraction, i.tag.action, n) for i, n in zip(done, counts, strict=True)]
        for item in batch:
            in_flight.remove(item.extraction.article_id, item.tag.text_hash)
        for result in results:
            yield self.counted(result)

    def store_one(self, item: Finished[Job]) -> IngestResult:
        assert self.connection is not None
        return store_extraction(self.connection, item.extraction, item.tag.action, item.tag.replaces, self.version)

    def update_totals(self, recompute: bool) -> None:
        assert self.connection is not None
        if recompute:
            self.summary.clusters = recompute_clusters(self.connection)
        else:
            [(self.summary.clusters,)] = self.connection.execute("SELECT count(*) FROM clusters").fetchall()
        [(self.summary.events,)] = self.connection.execute("SELECT count(*) FROM events").fetchall()


def failed_input(error: LagebildError) -> IngestResult:
    return IngestResult(error.item, Status.FAILED, error)


def failed_extraction(extraction: Extraction) -> IngestResult:
    return IngestResult(extraction.article_id, Status.FAILED, extraction.error)


def stored_result(extraction: Extraction, action: Action, events: int) -> IngestResult:
    status = Status.REPLACED if action is Action.REPLACE else Status.STORED
    return IngestResult(extraction.article_id, status, lang=(extraction.record or {}).get("lang"), events=events)


def plan_one(connection: duckdb.DuckDBPyConnection, article: Article, version: str, reprocess: bool = False) -> Plan:
    """Step 1 for one article: store, replace or skip it."""
    return plan_article(find_stored(connection, article.id, text_hash(article.text)), version, reprocess)


def store_extraction(
    connection: duckdb.DuckDBPyConnection,
    extraction: Extraction,
    action: Action,
    replaces: tuple[str, ...],
    version: str,
) -> IngestResult:
    """Step 3 for one article, in one transaction; a failed extraction or write is a failed result."""
    if extraction.record is None:
        return failed_extraction(extraction)
    try:
        events = store_record(connection, extraction.record, version, replaces)
    except duckdb.Error as error:
        failure = LagebildError(ErrorCode.E012, extraction.article_id, detail=str(error).splitlines()[0])
        return IngestResult(extraction.article_id, Status.FAILED, failure)
    return stored_result(extraction, action, events)


class Batch(Generic[T]):
    """Results grouped for one transaction: closed when full or when its first result is old.

    Closing batches by age rather than as soon as the writer is idle matters: a transaction
    costs ~20 ms however small, so one-article batches made writing dearer than extraction."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.items: list[Finished[T]] = []
        self.opened = 0.0

    def add(self, result: Finished[T]) -> list[Finished[T]] | None:
        """The closed batch, if adding `result` closed one."""
        if not self.items:
            self.opened = time.monotonic()
        self.items.append(result)
        full = len(self.items) >= self.settings.batch_max_articles
        if full or time.monotonic() - self.opened >= self.settings.batch_max_seconds:
            return self.flush()
        return None

    def flush(self) -> list[Finished[T]]:
        batch, self.items = self.items, []
        return batch


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """`items` in lists of `size` (the last may be shorter), read lazily."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk

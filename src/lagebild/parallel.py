"""Parallel extraction: articles streamed through a pool of worker processes, results in batches.

    jobs (article, tag) ──> at most `in_flight` articles in the pool ──> batches of results, in input order

Steps, in order:
1. the pipeline is built once, by the caller, before the pool starts; the workers are forked
   from that process, so lexicons, gazetteers and models are loaded once and shared
   (copy-on-write) instead of once per worker or per article;
2. input is pulled lazily and never more than `in_flight` articles are waiting or running, so
   memory does not grow with the corpus;
3. results come back in input order (event ids in the store do not depend on the number of
   workers) and are grouped into batches for the one process that writes: a batch is handed
   over when it is full or when its first result has waited `batch_max_seconds`.

With one worker no pool is started: extraction runs in this process, batched the same way.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from lagebild.document import Article
from lagebild.errors import ErrorCode, LagebildError
from lagebild.output import article_record
from lagebild.pipeline import Pipeline

Tag = TypeVar("Tag")  # whatever the caller attaches to an article (e.g. its store plan)

IN_FLIGHT_PER_WORKER = 4  # articles queued or running per worker: enough to keep each one busy
BATCH_MAX_ARTICLES = 64  # articles per write transaction at most
BATCH_MAX_SECONDS = 1.0  # how long a result may wait for its batch to fill


@dataclass(frozen=True)
class ParallelSettings:
    workers: int = 1
    in_flight_per_worker: int = IN_FLIGHT_PER_WORKER
    batch_max_articles: int = BATCH_MAX_ARTICLES
    batch_max_seconds: float = BATCH_MAX_SECONDS

    @property
    def in_flight(self) -> int:
        return max(1, self.workers * self.in_flight_per_worker)


@dataclass(frozen=True)
class Extraction:
    """The spec record of one article, or the coded message of why the pipeline failed on it."""

    article_id: str
    record: dict[str, Any] | None
    failure: str | None = None


@dataclass(frozen=True)
class Extracted(Generic[Tag]):
    tag: Tag
    extraction: Extraction


def default_workers() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def extract(article: Article, pipeline: Pipeline) -> Extraction:
    """Run the pipeline over one article; a failure is returned, not raised, so the batch goes on."""
    try:
        return Extraction(article.id, article_record(pipeline(article)))
    except Exception as error:  # one broken article must not stop the batch
        failure = LagebildError(ErrorCode.E013, article.id, detail=f"{type(error).__name__}: {error}")
        return Extraction(article.id, None, str(failure))


def extract_batches(
    jobs: Iterable[tuple[Article, Tag]], pipeline: Pipeline, settings: ParallelSettings
) -> Iterator[list[Extracted[Tag]]]:
    """Every job's extraction, in input order, grouped into non-empty batches."""
    if settings.workers <= 1:
        yield from extract_batches_here(jobs, pipeline, settings)
        return
    with WorkerPool(pipeline, settings.workers) as pool:
        yield from extract_batches_in_pool(jobs, pool, settings)


def extract_batches_here(
    jobs: Iterable[tuple[Article, Tag]], pipeline: Pipeline, settings: ParallelSettings
) -> Iterator[list[Extracted[Tag]]]:
    batches = BatchCollector[Tag](settings)
    for article, tag in jobs:
        if ready := batches.add(Extracted(tag, extract(article, pipeline))):
            yield ready
    if rest := batches.flush():
        yield rest


def extract_batches_in_pool(
    jobs: Iterable[tuple[Article, Tag]], pool: WorkerPool, settings: ParallelSettings
) -> Iterator[list[Extracted[Tag]]]:
    pending: deque[tuple[Tag, str, Future[Extraction]]] = deque()
    batches = BatchCollector[Tag](settings)
    for article, tag in jobs:
        pending.append((tag, article.id, pool.submit(article)))
        while pending and (len(pending) >= settings.in_flight or pending[0][2].done()):
            if ready := batches.add(take_oldest(pending)):
                yield ready
    while pending:
        if ready := batches.add(take_oldest(pending)):
            yield ready
    if rest := batches.flush():
        yield rest


class BatchCollector(Generic[Tag]):
    """Results grouped for the writer: a batch closes when it is full or its first result is old.

    Closing batches by age rather than as soon as the writer is idle matters: a transaction
    costs ~20 ms however small, so one-article batches made writing dearer than extraction."""

    def __init__(self, settings: ParallelSettings) -> None:
        self.settings = settings
        self.batch: list[Extracted[Tag]] = []
        self.opened = time.monotonic()

    def add(self, result: Extracted[Tag]) -> list[Extracted[Tag]] | None:
        """The closed batch, if adding `result` closed one."""
        if not self.batch:
            self.opened = time.monotonic()
        self.batch.append(result)
        full = len(self.batch) >= self.settings.batch_max_articles
        if full or time.monotonic() - self.opened >= self.settings.batch_max_seconds:
            return self.flush()
        return None

    def flush(self) -> list[Extracted[Tag]]:
        batch, self.batch = self.batch, []
        return batch


def take_oldest(pending: deque[tuple[Tag, str, Future[Extraction]]]) -> Extracted[Tag]:
    tag, article_id, future = pending.popleft()
    try:
        return Extracted(tag, future.result())
    except BrokenProcessPool as error:  # a worker died (killed, out of memory): its articles fail, coded
        failure = LagebildError(ErrorCode.E013, article_id, detail=f"worker process died ({error})")
        return Extracted(tag, Extraction(article_id, None, str(failure)))


class WorkerPool:
    """Forked worker processes that each hold the pipeline they inherited from this process."""

    def __init__(self, pipeline: Pipeline, workers: int) -> None:
        self.executor = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("fork"),  # inherit the built pipeline: no pickling, no reload
            initializer=install_worker_pipeline,
            initargs=(pipeline,),
        )

    def submit(self, article: Article) -> Future[Extraction]:
        try:
            return self.executor.submit(extract_in_worker, article)
        except BrokenProcessPool as error:  # after a worker died: the article fails like those in flight
            failed: Future[Extraction] = Future()
            failed.set_exception(error)
            return failed

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


@dataclass
class WorkerState:
    """The one per-process slot a pool initializer needs: the pipeline of this worker."""

    pipeline: Pipeline | None = None


WORKER = WorkerState()


def install_worker_pipeline(pipeline: Pipeline) -> None:
    WORKER.pipeline = pipeline


def extract_in_worker(article: Article) -> Extraction:
    if WORKER.pipeline is None:
        raise RuntimeError("extract_in_worker runs only in a WorkerPool process")
    return extract(article, WORKER.pipeline)

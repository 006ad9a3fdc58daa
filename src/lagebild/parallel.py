"""Extraction in worker processes: each article under a wall-clock limit, results as they finish.

    jobs (article, tag) ──> an idle worker ──> Finished(tag, Extraction), in the order they finish

1. The pipeline is built once, by the caller, before the workers start; they are forked from
   that process, so lexicons, gazetteers and models are loaded once and shared (copy-on-write).
2. A worker runs one article at a time; the next job is pulled from the input only when a
   worker is idle, so memory does not grow with the corpus.
3. Results come back as they finish: a slow article holds back only its own worker.
4. A worker past `article_seconds` on one article is killed and replaced; the article fails
   with E015. A worker that dies (killed, out of memory) is replaced; its article fails with
   E016. Nothing else is lost.
5. Workers die with the process that started them (Linux: PR_SET_PDEATHSIG; everywhere: a
   thread watching the parent), so a `kill -9` of an ingest leaves no orphans behind.

`extract_one` serves callers in several threads (the web app): each call holds one worker.
With one worker and no time limit nothing is forked: extraction runs in this process.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, Pipe, wait
from typing import Any, Generic, TypeVar

from lagebild.document import Article
from lagebild.errors import ErrorCode, LagebildError
from lagebild.output import article_record
from lagebild.pipeline import Pipeline

Tag = TypeVar("Tag")  # whatever the caller attaches to an article (e.g. its store plan)

PR_SET_PDEATHSIG = 1  # linux/prctl.h
FORK_LOCK = threading.Lock()
PARENT_CHECK_SECONDS = 0.5  # how often a worker's watch thread looks whether its parent is alive


@dataclass(frozen=True)
class Extraction:
    """The spec record of one article, or the coded error of why it has none."""

    article_id: str
    record: dict[str, Any] | None
    error: LagebildError | None = None


@dataclass(frozen=True)
class Finished(Generic[Tag]):
    tag: Tag
    extraction: Extraction


def extract(article: Article, pipeline: Pipeline) -> Extraction:
    """Run the pipeline over one article; a failure is returned (E013, by the pipeline), not raised."""
    processed = pipeline.process(article)
    if isinstance(processed, LagebildError):
        return Extraction(article.id, None, processed)
    try:
        return Extraction(article.id, article_record(processed))
    except Exception as error:  # one broken article must not stop the batch
        failure = LagebildError(ErrorCode.E013, article.id, detail=f"output: {type(error).__name__}: {error}")
        return Extraction(article.id, None, failure)


class Extractor:
    """Extraction for a batch (`extract_stream`) or one article at a time (`extract_one`).

    Use as a context manager: the workers are stopped on exit."""

    def __init__(self, pipeline: Pipeline, workers: int = 1, article_seconds: float | None = None) -> None:
        self.pipeline = pipeline
        self.article_seconds = article_seconds
        self.size = max(1, workers)
        self.in_process = self.size == 1 and article_seconds is None
        self.workers: list[Worker] = []
        self.idle: list[Worker] = []
        self.available = threading.Condition()

    def __enter__(self) -> Extractor:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        with self.available:
            workers, self.workers, self.idle = self.workers, [], []
        for worker in workers:
            worker.stop()

    def extract_stream(self, jobs: Iterable[tuple[Article, Tag]]) -> Iterator[Finished[Tag]]:
        """Every job's extraction, in the order they finish (one caller thread only)."""
        if self.in_process:
            for article, tag in jobs:
                yield Finished(tag, extract(article, self.pipeline))
            return
        self.start_workers()
        idle, busy = list(self.workers), []
        pending = iter(jobs)
        try:
            while True:
                for worker, (article, tag) in zip(list(idle), pending_jobs(pending, len(idle)), strict=False):
                    idle.remove(worker)
                    busy.append(worker)
                    worker.start(article, tag, self.article_seconds)
                if not busy:
                    return
                for worker, extraction in self.collect(busy):
                    busy.remove(worker)
                    idle.append(self.healthy(worker))
                    yield Finished(worker.take_tag(), extraction)
        finally:  # left early: a worker still busy would answer the next stream with this one's result
            for worker in busy:
                worker.kill()
                self.healthy(worker)

    def extract_one(self, article: Article) -> Extraction:
        """One article's extraction on a free worker (safe to call from several threads)."""
        if self.in_process:
            return extract(article, self.pipeline)
        worker = self.check_out()
        try:
            worker.start(article, None, self.article_seconds)
            while not (finished := self.collect([worker])):
                pass
            return finished[0][1]
        finally:
            self.check_in(self.healthy(worker))

    def start_workers(self) -> None:
        with self.available:
            while len(self.workers) < self.size:
                worker = Worker(self.pipeline)
                self.workers.append(worker)
                self.idle.append(worker)

    def check_out(self) -> Worker:
        self.start_workers()
        with self.available:
            while not self.idle:
                self.available.wait()
            return self.idle.pop()

    def check_in(self, worker: Worker) -> None:
        with self.available:
            if worker in self.workers:
                self.idle.append(worker)
            self.available.notify()

    def healthy(self, worker: Worker) -> Worker:
        """`worker`, or a fresh one in its place when it was killed or died."""
        if worker.is_alive():
            return worker
        worker.stop()
        fresh = Worker(self.pipeline)
        with self.available:
            self.workers = [fresh if w is worker else w for w in self.workers]
        return fresh

    def collect(self, busy: list[Worker]) -> list[tuple[Worker, Extraction]]:
        """The extractions that finished (or failed) by the earliest deadline among `busy`."""
        deadlines = [worker.deadline for worker in busy if worker.deadline is not None]
        timeout = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
        ready = set(wait([worker.connection for worker in busy], timeout))
        finished = []
        for worker in busy:
            if worker.connection in ready:
                finished.append((worker, worker.receive()))
            elif worker.deadline is not None and time.monotonic() >= worker.deadline:
                finished.append((worker, worker.time_out()))
        return finished


def pending_jobs(jobs: Iterator[tuple[Article, Tag]], count: int) -> Iterator[tuple[Article, Tag]]:
    """At most `count` more jobs, pulled only as they are used."""
    for _ in range(count):
        job = next(jobs, None)
        if job is None:
            return
        yield job


class Worker:
    """One forked process that runs the pipeline it inherited over the articles it is sent.

    Forked with os.fork, not multiprocessing: a Dask worker is a daemonic process, which
    multiprocessing forbids to have children. Its death shows as the end of its pipe."""

    def __init__(self, pipeline: Pipeline) -> None:
        with FORK_LOCK:  # no other worker may inherit this one's end of the pipe
            self.connection, child_end = Pipe()
            from_main_thread = is_main_thread()
            parent = os.getpid()
            flush_std_streams()
            self.pid = os.fork()
            if self.pid == 0:  # the worker
                self.connection.close()
                status = 1
                try:
                    serve(child_end, pipeline, parent, from_main_thread)
                    status = 0
                finally:
                    os._exit(status)
            child_end.close()
        self.status: int | None = None  # wait status once ended and collected
        self.article_id = ""
        self.tag: Any = None
        self.deadline: float | None = None
        self.limit: float | None = None

    def start(self, article: Article, tag: Any, limit: float | None) -> None:
        self.article_id, self.tag, self.limit = article.id, tag, limit
        self.deadline = time.monotonic() + limit if limit is not None else None
        with contextlib.suppress(OSError):  # died while idle: receive() reports it
            self.connection.send(article)

    def receive(self) -> Extraction:
        try:
            return self.connection.recv()
        except (EOFError, OSError):  # the pipe ended: the worker died
            self.collect(block=True)
            detail = exit_description(self.status)
            return Extraction(self.article_id, None, LagebildError(ErrorCode.E016, self.article_id, detail=detail))

    def time_out(self) -> Extraction:
        self.kill()
        error = LagebildError(ErrorCode.E015, self.article_id, seconds=self.limit or 0)
        return Extraction(self.article_id, None, error)

    def take_tag(self) -> Any:
        tag, self.tag = self.tag, None
        return tag

    def is_alive(self) -> bool:
        return not self.collect(block=False)

    def collect(self, block: bool) -> bool:
        """Whether the worker has ended (its exit status is then collected)."""
        if self.status is None:
            pid, status = os.waitpid(self.pid, 0 if block else os.WNOHANG)
            if pid == 0:
                return False
            self.status = status
        return True

    def kill(self) -> None:
        if self.status is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            self.collect(block=True)

    def stop(self) -> None:
        """End the worker. It holds nothing to save, and closing its input would not reach it:
        workers forked later hold copies of that pipe's end."""
        self.connection.close()
        self.kill()


def flush_std_streams() -> None:
    """Flush before forking, so that buffered output is not written twice."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError):
            stream.flush()


def exit_description(status: int | None) -> str:
    if status is not None and os.WIFSIGNALED(status):
        return f"killed by signal {signal.Signals(os.WTERMSIG(status)).name}"
    return f"exit code {os.waitstatus_to_exitcode(status) if status is not None else 'unknown'}"


def is_main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def serve(connection: Connection, pipeline: Pipeline, parent: int, from_main_thread: bool) -> None:
    """A worker's life: articles in, extractions out, until its input closes or its parent dies."""
    die_with_parent(parent, from_main_thread)
    while True:
        try:
            article = connection.recv()
        except (EOFError, OSError):
            return
        connection.send(extract(article, pipeline))


def die_with_parent(parent: int, from_main_thread: bool) -> None:
    """End this process when `parent` ends, even by `kill -9`.

    PR_SET_PDEATHSIG fires when the parent *thread* ends, so it is used only for workers the
    main thread started; a watch thread covers the rest (and other systems)."""
    if from_main_thread and sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)
    threading.Thread(target=watch_parent, args=(parent,), daemon=True, name="lagebild-parent-watch").start()


def watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)

"""The tunables of the ingest engines in one object, with their defaults and why.

    from lagebild.settings import Settings
    settings = Settings(workers=4, article_seconds=30)

One frozen `Settings` is built by the caller (the CLI from its flags, the web app, a test) and
passed down; no module reads a global. Language data (word lists, patterns) is data in
`data/de/`, not settings; the thresholds of the event and entity stages stay beside their code
(see "How it is built" in the README).
"""

from __future__ import annotations

import os
from dataclasses import dataclass


def available_cores() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@dataclass(frozen=True)
class Settings:
    # Extraction (lagebild.parallel) -----------------------------------------------------------
    workers: int = 1  # extraction processes; `available_cores()` is what `ingest` uses by default
    # Wall-clock limit per article: past it the worker running the article is killed and replaced
    # and the article fails with E015. Articles of the dev corpus take < 5 s on a shared core;
    # a pathological input (one 10,000-letter word before the bounded-cost work) took minutes.
    # None: no limit, and with one worker extraction runs in this process (no fork).
    article_seconds: float | None = 60.0
    # Storing (lagebild.service) ---------------------------------------------------------------
    batch_max_articles: int = 64  # articles per write transaction at most
    batch_max_seconds: float = 1.0  # how long a result may wait for its batch to fill (a transaction costs ~20 ms)
    plan_chunk: int = 32  # articles looked up in the store per query (a lookup scans the table)
    # Event lake (lagebild.lake) ---------------------------------------------------------------
    partition_size: int = 1000  # articles per partition: minutes of work for one worker, small enough to retry
    max_failures_kept: int = 100  # failure messages kept per partition (the count is always exact)
    events_per_bucket: int = 250_000  # merge: a bucket's EventFacts (~1 KB each in Python) fit a worker's memory
    max_buckets: int = 4096  # merge: buckets at most, however many events
    # Web (lagebild.web) -----------------------------------------------------------------------
    web_workers: int = 2  # extraction processes behind POST /api/articles (a slow article holds only one)

    def __post_init__(self) -> None:
        if self.workers < 1 or self.web_workers < 1:
            raise ValueError("workers must be at least 1")
        if self.article_seconds is not None and self.article_seconds <= 0:
            raise ValueError(f"article_seconds must be positive or None, not {self.article_seconds}")


DEFAULT_SETTINGS = Settings()

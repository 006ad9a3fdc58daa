"""`lagebild watch FEEDS... --db FILE`: poll news feeds until stopped, storing new articles.

A live line on stderr shows the feed being read; each feed's tally is printed when it is done,
and `--log FILE` keeps every page's fate. SIGINT and SIGTERM end the watcher between two pages
(a page being stored is finished); `--once` polls once and exits (cron, tests).
"""

from __future__ import annotations

import logging
import re
import signal
import threading
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Annotated

import typer
from rich.live import Live
from rich.text import Text

from lagebild.cli.common import report_failure, report_notice, stderr
from lagebild.errors import LagebildError
from lagebild.pipeline import default_pipeline
from lagebild.settings import DEFAULT_SETTINGS, Settings
from lagebild.sources.feeds import feed_urls
from lagebild.sources.settings import CrawlSettings
from lagebild.sources.watch import FeedTally, PollReport, Watcher
from lagebild.store import DEFAULT_PATH, StoreError, StoreErrorCode

STORE_FAILURE_EXIT = 2
INTERVAL = re.compile(r"^(\d+(?:\.\d+)?)\s*([smh]?)$")
UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600}


def parse_interval(value: str) -> float:
    """'90', '90s', '5m', '1h' as seconds."""
    found = INTERVAL.match(value.strip().lower())
    if not found or float(found.group(1)) <= 0:
        raise typer.BadParameter(f"invalid interval {value!r} (expected e.g. 30s, 5m, 1h)")
    return float(found.group(1)) * UNIT_SECONDS[found.group(2)]


def crawl_settings(every: float, delay: float | None, timeout: float | None, contact: str | None) -> CrawlSettings:
    settings = replace(CrawlSettings(), poll_interval=every)
    if delay is not None:
        settings = replace(settings, host_delay=delay, backoff=min(settings.backoff, max(delay, 0.01)))
    if timeout is not None:
        settings = replace(settings, connect_timeout=timeout, read_timeout=timeout, total_timeout=timeout * 3)
    if contact:
        settings = replace(settings, contact=contact)
    return settings


def log_to(path: Path | None) -> None:
    if path is None:
        return
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger = logging.getLogger("lagebild.watch")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)


def stop_on_signals() -> threading.Event:
    """An event set by SIGINT or SIGTERM: the watcher finishes the page at hand and stops."""
    stop = threading.Event()
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: stop.set())
    return stop


def poll_with_live_line(watcher: Watcher, feeds: list[str], number: int, quiet: bool) -> PollReport:
    if quiet:
        return watcher.poll(feeds)
    with Live(Text(""), console=stderr, transient=True, refresh_per_second=4) as live:

        def show(tally: FeedTally) -> None:
            position = feeds.index(tally.url) + 1
            live.update(Text(f"poll {number}, feed {position}/{len(feeds)}: {tally.line()}", overflow="ellipsis"))

        report = watcher.poll(feeds, on_feed=show)
    for tally in report.feeds:
        stderr.print(tally.line())
    return report


def summary(report: PollReport, number: int) -> str:
    names = ("new", "updated", "seen", "left_out", "failed")
    counts = ", ".join(f"{report.total(name)} {name.replace('_', ' ')}" for name in names)
    return f"poll {number}: {len(report.feeds)} feeds; {counts}"


def watch_command(
    feeds: Annotated[list[str], typer.Argument(help="Feed URLs (RSS or Atom) or OPML files listing feeds.")],
    db: Annotated[Path, typer.Option("--db", help="The store (DuckDB file); created if missing.")] = DEFAULT_PATH,
    every: Annotated[str, typer.Option("--every", help="Time between polls: 30s, 5m, 1h.")] = "5m",
    once: Annotated[bool, typer.Option("--once", help="Poll once and exit.")] = False,
    log: Annotated[Path | None, typer.Option("--log", help="Append a line per feed and page to FILE.")] = None,
    delay: Annotated[
        float | None, typer.Option("--delay", min=0, help="Seconds between two requests to one host (default 2).")
    ] = None,
    timeout: Annotated[
        float | None, typer.Option("--timeout", min=0.01, help="Seconds to wait for a server (default 20).")
    ] = None,
    time_limit: Annotated[
        float, typer.Option("--time-limit", min=0, help="Seconds one article may take (0: no limit); then it fails.")
    ] = DEFAULT_SETTINGS.article_seconds or 0,
    contact: Annotated[
        str | None, typer.Option("--contact", help="Your URL or e-mail, sent in the User-Agent (please set it).")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No live line or per-feed lines.")] = False,
) -> None:
    """Poll news feeds and store the events of new and updated articles; runs until stopped."""
    settings = crawl_settings(parse_interval(every), delay, timeout, contact)
    try:
        urls = feed_urls(feeds)
    except LagebildError as error:
        report_failure(str(error))
        raise typer.Exit(STORE_FAILURE_EXIT) from error
    log_to(log)
    if not contact:
        report_notice("no --contact given: site owners cannot reach you about your watcher's requests")
    stop = stop_on_signals()
    ingest_settings = Settings(workers=1, article_seconds=time_limit or None)
    watcher = Watcher(db, default_pipeline(), settings, stop, ingest_settings)
    try:
        raise typer.Exit(watch_loop(watcher, urls, settings, once, quiet))
    finally:
        watcher.close()


def watch_loop(watcher: Watcher, urls: list[str], settings: CrawlSettings, once: bool, quiet: bool) -> int:
    """Poll until stopped (or once); the exit code."""
    number = 0
    while not watcher.stop.is_set():
        number += 1
        try:
            report = poll_with_live_line(watcher, urls, number, quiet)
        except StoreError as error:
            report_failure(str(error))
            if once or error.code is not StoreErrorCode.S001:
                return STORE_FAILURE_EXIT
        else:
            if not quiet:
                stderr.print(summary(report, number))
            if once:
                return 1 if report.total("failed") else 0
        if not quiet:
            next_poll = datetime.now() + timedelta(seconds=settings.poll_interval)
            stderr.print(f"next poll at {next_poll:%H:%M:%S} (Ctrl-C stops)")
        watcher.stop.wait(settings.poll_interval)
    return 0

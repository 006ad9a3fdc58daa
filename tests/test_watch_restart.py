"""`lagebild watch` as a process: killed with SIGKILL in the middle of a poll, the restarted
watcher stores every article exactly once; SIGTERM ends it cleanly between polls."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from tests.watch_support import ARTICLES, Reply, Site, article_page, rss, serve

REPO = Path(__file__).resolve().parents[1]
WAIT_SECONDS = 120  # the pipeline loads in a few seconds; this only bounds a hung test
FAST = ["--delay", "0.02", "--timeout", "10", "--quiet"]


@contextmanager
def watcher(*arguments: str) -> Iterator[subprocess.Popen]:
    """`lagebild watch ARGUMENTS` with this checkout's code; killed if the test leaves it running."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "src"), str(REPO)])}
    command = [sys.executable, "-c", "from lagebild.cli import main; main()", "watch", *arguments]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=WAIT_SECONDS)


def wait_until(condition: Callable[[], bool], process: subprocess.Popen) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        assert process.poll() is None, process.communicate()[1].decode()
        assert time.monotonic() < deadline, "the watcher did not get there in time"
        time.sleep(0.05)


def log_lines(log: Path, start: str) -> int:
    if not log.exists():
        return 0
    return sum(line.split(" ", 3)[-1].startswith(start) for line in log.read_text(encoding="utf-8").splitlines())


def test_a_watcher_killed_mid_poll_resumes_without_gaps_or_duplicates(tmp_path: Path) -> None:
    names = list(ARTICLES)
    last = names[-1]
    site = Site(routes={f"/{name}": Reply(article_page(name)) for name in names[:-1]})
    site.routes[f"/{last}"] = Reply(article_page(last), delay=30)  # the poll hangs here until killed
    site.routes["/kopie"] = Reply(article_page(names[0]))
    db, log = tmp_path / "watch.duckdb", tmp_path / "watch.log"
    with serve(site):
        feed = site.base + "/feed.xml"
        site.routes["/feed.xml"] = Reply(rss(site.base, [f"/{name}" for name in names] + ["/kopie"]), etag='"v1"')
        with watcher(feed, "--db", str(db), "--log", str(log), "--once", *FAST) as process:
            wait_until(lambda: log_lines(log, "stored") >= 2 and site.hits[f"/{last}"] >= 1, process)
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=WAIT_SECONDS)
        with duckdb.connect(str(db), read_only=True) as connection:
            before = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
            assert connection.execute("SELECT count(*) FROM watch_feeds WHERE etag IS NOT NULL").fetchone() == (0,)
        assert 2 <= before < len(names)
        site.routes[f"/{last}"] = Reply(article_page(last))
        with watcher(feed, "--db", str(db), "--log", str(log), "--once", *FAST) as process:
            assert process.wait(timeout=WAIT_SECONDS) == 0, process.communicate()[1].decode()
    with duckdb.connect(str(db), read_only=True) as connection:
        stored = connection.execute("SELECT count(*), count(DISTINCT text_hash), count(DISTINCT url) FROM articles")
        assert stored.fetchone() == (len(names), len(names), len(names))
        orphans = connection.execute("SELECT count(*) FROM events WHERE article_id NOT IN (SELECT id FROM articles)")
        assert orphans.fetchone() == (0,)
        pages = connection.execute("SELECT count(*) FROM watch_pages").fetchone()[0]
        assert pages == len(names) + 1  # the copy under a second URL is remembered as a duplicate
        assert connection.execute("SELECT etag FROM watch_feeds").fetchall() == [('"v1"',)]


def test_sigterm_stops_a_watcher_between_polls(tmp_path: Path) -> None:
    site = Site(routes={"/gipfel": Reply(article_page("gipfel"))})
    db, log = tmp_path / "watch.duckdb", tmp_path / "watch.log"
    with serve(site):
        site.routes["/feed.xml"] = Reply(rss(site.base, ["/gipfel"]))
        with watcher(site.base + "/feed.xml", "--db", str(db), "--log", str(log), "--every", "1h", *FAST) as process:
            wait_until(lambda: log_lines(log, "http://") >= 1, process)  # the feed's tally: the poll is done
            process.send_signal(signal.SIGTERM)
            assert process.wait(timeout=WAIT_SECONDS) == 0
    with duckdb.connect(str(db), read_only=True) as connection:
        assert connection.execute("SELECT count(*) FROM articles").fetchone() == (1,)

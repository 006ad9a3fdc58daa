"""Fetching web pages with the manners of a good crawler (httpx, protego).

    Fetcher.get(url, etag, last_modified)    one page: robots.txt, per-host slot, conditional
                                              request, redirects, retries, size limit
    HostGate                                  per-host concurrency and delay between requests
    RobotsCache                               each host's robots.txt, read once a day

Failures raise `LagebildError` (E101-E109) naming the URL; a page robots.txt forbids raises
`LagebildSkip` (E107). Threads may share one Fetcher; `stop` ends waits early (FetchCancelled).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx
from protego import Protego

from lagebild.errors import ErrorCode, LagebildError, LagebildSkip
from lagebild.sources.settings import PRODUCT, CrawlSettings

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_ROBOTS_BYTES = 512 * 1024  # Google reads the first 500 KiB of a robots.txt
ROBOTS_UNREACHABLE_TTL = 600.0  # seconds a host whose robots.txt failed (5xx, timeout) is left alone


class FetchCancelled(Exception):
    """The watcher is stopping: a wait or a download was cut short."""


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int  # 200, or 304 for a conditional request whose page did not change
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = ""


@dataclass
class HostSlot:
    semaphore: threading.Semaphore
    lock: threading.Lock = field(default_factory=threading.Lock)
    next_start: float = 0.0  # monotonic time before which no request to the host starts


class HostGate:
    """At most `concurrency` requests per host at once, and `delay` seconds from the end of
    one request to the start of the next (the larger of ours and the host's Crawl-delay)."""

    def __init__(self, concurrency: int, stop: threading.Event) -> None:
        self.concurrency = concurrency
        self.stop = stop
        self.slots: dict[str, HostSlot] = {}
        self.lock = threading.Lock()

    @contextmanager
    def slot(self, host: str, delay: float) -> Iterator[None]:
        with self.lock:
            slot = self.slots.setdefault(host, HostSlot(threading.Semaphore(self.concurrency)))
        slot.semaphore.acquire()
        try:
            while True:
                with slot.lock:
                    wait = slot.next_start - time.monotonic()
                    if wait <= 0:
                        slot.next_start = float("inf")  # taken: the next waits for our end
                        break
                pause(self.stop, wait)
            try:
                yield
            finally:
                with slot.lock:
                    slot.next_start = time.monotonic() + delay
        finally:
            slot.semaphore.release()


def pause(stop: threading.Event, seconds: float) -> None:
    if seconds > 0 and stop.wait(seconds):
        raise FetchCancelled
    if stop.is_set():
        raise FetchCancelled


@dataclass
class RobotsEntry:
    rules: Protego | None  # None: robots.txt unreachable, everything forbidden for a while
    expires: float


class Fetcher:
    """One HTTP client for all threads; see the module docstring."""

    def __init__(self, settings: CrawlSettings, stop: threading.Event | None = None) -> None:
        self.settings = settings
        self.stop = stop or threading.Event()
        self.gate = HostGate(settings.host_concurrency, self.stop)
        self.robots: dict[str, RobotsEntry] = {}
        self.robots_lock = threading.Lock()
        timeout = httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout)
        limits = httpx.Limits(max_connections=settings.total_concurrency * 2)
        self.client = httpx.Client(
            headers={"User-Agent": settings.user_agent}, timeout=timeout, limits=limits, follow_redirects=False
        )

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(
        self, url: str, etag: str | None = None, last_modified: str | None = None, max_bytes: int | None = None
    ) -> Response:
        """The page at `url` after redirects; 304 when the ETag or date still holds."""
        limit = max_bytes or self.settings.max_page_bytes
        visited = {url}
        for _ in range(self.settings.max_redirects + 1):
            self.check_robots(url)
            headers = conditional_headers(etag, last_modified)
            response = self.request_with_retries(url, headers, limit)
            if isinstance(response, Response):
                if response.status not in (200, 304):
                    raise LagebildError(ErrorCode.E101, url, status=response.status)
                return response
            target = response
            if target in visited:
                raise LagebildError(ErrorCode.E105, url, url=target)
            visited.add(target)
            url = target
        raise LagebildError(ErrorCode.E106, url, limit=self.settings.max_redirects)

    def request_with_retries(self, url: str, headers: dict[str, str], limit: int) -> Response | str:
        """A response (of any final status), or the URL a redirect points to; transient failures
        (timeouts, connection errors, 429, 5xx) are retried with backoff."""
        for attempt in range(self.settings.retries + 1):
            last = attempt == self.settings.retries
            try:
                return self.request(url, headers, limit)
            except RetryLater as retry:
                if last:
                    raise retry.error from None
                pause(self.stop, self.backoff(attempt, retry.after))
        raise AssertionError("unreachable")

    def backoff(self, attempt: int, after: float | None) -> float:
        wait = after if after is not None else self.settings.backoff * 2**attempt
        return min(wait, self.settings.max_backoff)

    def request(self, url: str, headers: dict[str, str], limit: int) -> Response | str:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise LagebildError(ErrorCode.E109, url, url=url)
        with self.gate.slot(parts.netloc, self.host_delay(url)):
            try:
                return self.download(url, headers, limit)
            except httpx.TimeoutException as error:
                raise RetryLater(LagebildError(ErrorCode.E102, url, detail=type(error).__name__)) from error
            except httpx.TransportError as error:
                raise RetryLater(
                    LagebildError(ErrorCode.E103, url, detail=str(error) or type(error).__name__)
                ) from error

    def download(self, url: str, headers: dict[str, str], limit: int) -> Response | str:
        started = time.monotonic()
        with self.client.stream("GET", url, headers=headers) as reply:
            if reply.status_code in REDIRECT_STATUSES and "location" in reply.headers:
                return urljoin(url, reply.headers["location"])
            if reply.status_code in RETRY_STATUSES:
                error = LagebildError(ErrorCode.E101, url, status=reply.status_code)
                raise RetryLater(error, retry_after(reply.headers.get("retry-after")))
            body = self.read_body(reply, url, limit, started) if reply.status_code == 200 else b""
            return Response(
                url=url,
                status=reply.status_code,
                body=body,
                etag=reply.headers.get("etag"),
                last_modified=reply.headers.get("last-modified"),
                content_type=reply.headers.get("content-type", ""),
            )

    def read_body(self, reply: httpx.Response, url: str, limit: int, started: float) -> bytes:
        """The body, refused as soon as it passes `limit` bytes or the total timeout."""
        declared = reply.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise LagebildError(ErrorCode.E104, url, limit_kb=limit // 1024)
        chunks, size = [], 0
        for chunk in reply.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise LagebildError(ErrorCode.E104, url, limit_kb=limit // 1024)
            if time.monotonic() - started > self.settings.total_timeout:
                raise RetryLater(LagebildError(ErrorCode.E102, url, detail=f"over {self.settings.total_timeout:g} s"))
            if self.stop.is_set():
                raise FetchCancelled
            chunks.append(chunk)
        return b"".join(chunks)

    def host_delay(self, url: str) -> float:
        entry = self.robots.get(origin(url))
        crawl_delay = entry.rules.crawl_delay(PRODUCT) if entry and entry.rules else None
        return min(max(self.settings.host_delay, crawl_delay or 0.0), self.settings.max_backoff)

    def check_robots(self, url: str) -> None:
        if urlsplit(url).path == "/robots.txt":
            return
        rules = self.robots_of(url)
        if rules is None or not rules.can_fetch(url, PRODUCT):
            raise LagebildSkip(ErrorCode.E107, url)

    def robots_of(self, url: str) -> Protego | None:
        """The host's robots.txt rules (None: unreachable, so nothing is allowed for now)."""
        key = origin(url)
        with self.robots_lock:
            entry = self.robots.get(key)
        if entry and entry.expires > time.monotonic():
            return entry.rules
        rules, ttl = self.read_robots(key)
        with self.robots_lock:
            self.robots[key] = RobotsEntry(rules, time.monotonic() + ttl)
        return rules

    def read_robots(self, key: str) -> tuple[Protego | None, float]:
        """RFC 9309: a missing robots.txt (4xx) allows everything, an unreachable one (5xx,
        timeout) forbids everything until it is read again."""
        try:
            response = self.request_with_retries(key + "/robots.txt", {}, MAX_ROBOTS_BYTES)
        except LagebildError:
            return None, ROBOTS_UNREACHABLE_TTL
        if isinstance(response, str) or response.status != 200:  # redirected or missing: nothing forbidden
            return Protego.parse(""), self.settings.robots_ttl
        return Protego.parse(response.body.decode("utf-8", errors="replace")), self.settings.robots_ttl


class RetryLater(Exception):
    """A transient failure: worth another attempt after `after` seconds (else the backoff)."""

    def __init__(self, error: LagebildError, after: float | None = None) -> None:
        super().__init__(str(error))
        self.error = error
        self.after = after


def conditional_headers(etag: str | None, last_modified: str | None) -> dict[str, str]:
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (a number of seconds or an HTTP date)."""
    if not value:
        return None
    if value.strip().isdigit():
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"

"""Every tunable of fetching and watching, in one dataclass with documented defaults.

The defaults are those of a polite crawler a newsroom can leave running for days: one request
at a time per host and two seconds between them, robots.txt honoured, conditional requests,
a User-Agent that names lagebild and where to reach whoever runs it. Tests shrink the delays.
"""

from __future__ import annotations

from dataclasses import dataclass

import lagebild

PRODUCT = "lagebild-watch"  # the name robots.txt groups may address (User-agent: lagebild-watch)


@dataclass(frozen=True)
class CrawlSettings:
    contact: str = ""  # URL or e-mail of whoever runs the watcher (--contact), sent in the User-Agent
    host_delay: float = 2.0  # seconds between two requests to one host (robots.txt Crawl-delay wins if longer)
    host_concurrency: int = 1  # requests in flight per host
    total_concurrency: int = 4  # requests in flight in all
    connect_timeout: float = 10.0  # seconds to connect
    read_timeout: float = 20.0  # seconds between two bytes of a response
    total_timeout: float = 60.0  # seconds for a whole response, however it trickles
    retries: int = 3  # further attempts after a timeout, a connection error, 429 or a 5xx
    backoff: float = 2.0  # seconds before the first retry, doubled before each further one
    max_backoff: float = 300.0  # longest wait between attempts (also caps Retry-After)
    max_page_bytes: int = 5 * 1024 * 1024  # a news page is well under a megabyte; larger is a dump
    max_feed_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5  # redirects followed per request; a loop is refused at once
    robots_ttl: float = 24 * 3600.0  # seconds a host's robots.txt is trusted before it is read again
    poll_interval: float = 300.0  # seconds between two polls of the feeds (--every)
    max_entries_per_feed: int = 200  # newest entries read per feed and poll

    @property
    def user_agent(self) -> str:
        """'lagebild-watch/VERSION (+CONTACT)', the convention of crawlers' User-Agents."""
        name = f"{PRODUCT}/{lagebild.__version__}"
        return f"{name} (+{self.contact})" if self.contact else name

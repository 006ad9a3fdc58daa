"""RSS and Atom feeds (feedparser) and OPML lists of them; article URLs made canonical (courlan).

feed_urls(arguments)        URLs given, or read from OPML files, in order, without repeats
parse_feed(body, url)       the feed's entries (link, title, date, updated), newest first as listed
canonical_url(url)          one spelling per article: tracking parameters, fragment, port 80 gone
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit

from lxml import etree

from lagebild.errors import ErrorCode, LagebildError


@dataclass(frozen=True)
class FeedEntry:
    url: str  # canonical
    title: str | None
    published: date | None
    updated: str | None  # the entry's own "updated" stamp: a change means the article was revised


def feed_urls(arguments: Iterable[str]) -> list[str]:
    """Feed URLs from the command line: URLs as given, OPML files read for their xmlUrl."""
    urls: list[str] = []
    for argument in arguments:
        found = [argument] if "://" in argument else opml_feeds(Path(argument))
        urls.extend(url for url in found if url not in urls)
    return urls


def opml_feeds(path: Path) -> list[str]:
    if not path.is_file():
        raise LagebildError(ErrorCode.E001, str(path))
    try:
        tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as error:
        raise LagebildError(ErrorCode.E108, str(path), detail=str(error)) from error
    return [outline.get("xmlUrl") for outline in tree.iter("outline") if outline.get("xmlUrl")]


def parse_feed(body: bytes, feed_url: str, limit: int) -> list[FeedEntry]:
    """The feed's entries with a link, at most `limit`; E108 when it is not a feed at all.

    A feed with a small fault that feedparser reads past (its 'bozo' flag) still counts: news
    feeds often carry an undeclared entity, and losing their articles helps no one."""
    import feedparser

    parsed = feedparser.parse(body)
    linked = [item for item in parsed.entries if item.get("link")]
    if not linked and (parsed.bozo or not parsed.version):
        detail = str(parsed.get("bozo_exception") or "no RSS or Atom entries")
        raise LagebildError(ErrorCode.E108, feed_url, detail=detail.splitlines()[0])
    entries = []
    for item in linked[:limit]:
        link = item["link"]
        entries.append(
            FeedEntry(
                url=canonical_url(urljoin(feed_url, link)),
                title=item.get("title"),
                published=entry_date(item),
                updated=item.get("updated") or item.get("published"),
            )
        )
    return entries


def entry_date(item: dict) -> date | None:
    stamp = item.get("published_parsed") or item.get("updated_parsed")
    if not stamp:
        return None
    return datetime(*stamp[:6], tzinfo=UTC).date()


def canonical_url(url: str) -> str:
    """courlan's cleaning (lower-case host, default port dropped, tracking parameters removed,
    parameters sorted) without the fragment, which never names another article."""
    import courlan

    cleaned = courlan.clean_url(url) or url
    parts = urlsplit(cleaned)
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))

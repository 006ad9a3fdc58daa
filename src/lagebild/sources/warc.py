"""Web archives: the HTML responses of WARC and ARC files (plain or gzipped) as articles.

Records are streamed with warcio (one record in memory at a time, its body read up to
`MAX_RECORD_BYTES`). A response is an article when it is an HTML page with status 200 whose
text is German news (lagebild.sources.pages); every other response is left out with its
reason (`LagebildSkip`, E111 or E110), never failed. Requests, metadata and warcinfo records
are not pages and are passed over. The record's target URI names the article (canonical,
as the watcher's) and its WARC-Date dates it when the page itself shows no date.

A gzipped WARC is a chain of gzip members, one per record, so `record_offsets` can cut it
into ranges that `read_web_archive(start=, stop=)` reads on its own (Dask partitions).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from lagebild.errors import ErrorCode, LagebildError, LagebildSkip
from lagebild.ingest import IngestOptions, Item, apply_overrides
from lagebild.sources.feeds import canonical_url
from lagebild.sources.pages import article_from_page

MAX_RECORD_BYTES = 5 * 1024 * 1024  # as the watcher's page limit: a larger response is no article
HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_web_archive(
    path: Path, options: IngestOptions | None = None, start: int = 0, stop: int | None = None
) -> Iterator[Item]:
    """Every HTML response of the archive at `path` (records starting in [start, stop)) as
    an Article, or a LagebildSkip saying why it is left out."""
    options = options or IngestOptions()
    name = str(path)
    try:
        with path.open("rb") as stream:
            stream.seek(start)
            records = ArchiveIterator(stream, arc2warc=True)
            for record in records:
                page = read_page(record, name)
                if stop is not None and records.get_record_offset() >= stop:  # after the body: it reads to the end
                    return
                item = article_item(page) if isinstance(page, Page) else page
                if item is not None:
                    yield item if isinstance(item, LagebildError) else apply_overrides(item, options)
    except OSError as error:
        yield LagebildError(ErrorCode.E009, name, detail=error.strerror or str(error))
    except ArchiveLoadFailed as error:
        yield LagebildError(ErrorCode.E112, name, detail=str(error).splitlines()[0])


@dataclass(frozen=True)
class Page:
    url: str  # canonical
    body: bytes
    day: date | None  # of the record


def read_page(record: ArcWarcRecord, archive: str) -> Page | LagebildError | None:
    """A response record's page, a LagebildSkip saying why it is none, None for other records."""
    if record.rec_type != "response":
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    if not uri.startswith(("http://", "https://")):
        return LagebildError(ErrorCode.E112, archive, detail=f"a response without a web address ({uri[:40]!r})")
    status = record.http_headers.get_statuscode() if record.http_headers else None
    if status != "200":
        return LagebildSkip(ErrorCode.E111, uri, detail=f"HTTP status {status or 'missing'}")
    content_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if content_type not in HTML_TYPES:
        return LagebildSkip(ErrorCode.E111, uri, detail=f"not HTML: {content_type or 'no type'}")
    body = record.content_stream().read(MAX_RECORD_BYTES + 1)
    if len(body) > MAX_RECORD_BYTES:
        return LagebildSkip(ErrorCode.E111, uri, detail=f"over {MAX_RECORD_BYTES // 1024} KB")
    return Page(canonical_url(uri), body, record_date(record))


def article_item(page: Page) -> Item:
    try:
        return article_from_page(page.body, page.url, page.day)
    except LagebildError as error:
        return error


def record_date(record: ArcWarcRecord) -> date | None:
    stamp = record.rec_headers.get_header("WARC-Date") or ""
    try:
        return date.fromisoformat(stamp[:10])
    except ValueError:
        return None


def record_offsets(path: Path, every: int) -> list[int]:
    """Byte offsets of response records 1, 1 + every, 1 + 2 * every, ... (a gzipped WARC can
    be read from each); [0] for an archive that cannot be cut (plain ARC)."""
    offsets: list[int] = []
    responses = 0
    with path.open("rb") as stream:
        records = ArchiveIterator(stream, arc2warc=True)
        for record in records:
            if record.rec_type != "response":
                continue
            if responses % every == 0:
                offsets.append(records.get_record_offset())
            responses += 1
    return offsets or [0]

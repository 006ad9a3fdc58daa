"""Ingest: files and directories in, `Article` objects out, streamed one at a time.

Each input item yields either an `Article` or a `LagebildError` naming the item and the
reason, so a batch goes on past bad input. Nothing here interprets the text beyond
decoding it: structure and language are later stages.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from lagebild.document import Article
from lagebild.errors import ErrorCode, LagebildError

SUFFIXES = {".txt", ".html", ".htm", ".json", ".jsonl"}
WEB_ARCHIVE_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")  # read by lagebild.sources.warc, streamed
MAX_FILE_MB = 20  # a news article is kilobytes; a larger file is a dump, not an article
BINARY_CONTROL_RATIO = 0.05  # share of control characters above which a file is not text


@dataclass(frozen=True)
class IngestOptions:
    published: date | None = None  # overrides what is detected
    outlet: str | None = None
    max_file_mb: int = MAX_FILE_MB


Item = Article | LagebildError


def read_inputs(paths: Iterable[str | Path], options: IngestOptions = IngestOptions()) -> Iterator[Item]:
    """Every article in `paths` (files or directories, recursively), in a stable order."""
    for file in input_files(paths):
        yield from read_file(file, options)


def input_files(paths: Iterable[str | Path], suffixes: frozenset[str] | set[str] = SUFFIXES) -> Iterator[Path]:
    """Each path as given; directories walked recursively, sorted, for files with `suffixes`."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and (p.suffix.lower() in suffixes or is_web_archive(p))
            )
        else:
            yield path


def count_files(paths: Iterable[str | Path]) -> int:
    """How many input files `read_inputs` will open (for progress bars); JSONL lines not counted."""
    return sum(1 for _ in input_files(paths))


def is_web_archive(path: Path) -> bool:
    return path.name.lower().endswith(WEB_ARCHIVE_SUFFIXES)


def read_file(path: Path, options: IngestOptions) -> Iterator[Item]:
    name = str(path)
    if is_web_archive(path) and path.exists():  # gigabytes: streamed, never read whole
        from lagebild.sources.warc import read_web_archive

        yield from read_web_archive(path, options)
        return
    try:
        raw = read_bytes(path, options.max_file_mb)
        suffix = path.suffix.lower()
        if suffix == ".jsonl":
            yield from read_jsonl(raw, name, path.stem, options)
            return
        text = decode(raw, name)
        if suffix == ".txt":
            yield apply_overrides(Article(id=path.stem, text=text), options)
        elif suffix in (".html", ".htm"):
            yield apply_overrides(article_from_html(text, path.stem, name), options)
        elif suffix == ".json":
            yield from read_json(text, name, path.stem, options)
        else:
            raise LagebildError(ErrorCode.E008, name, suffix=suffix or "(none)")
    except LagebildError as error:
        yield error


def read_bytes(path: Path, max_file_mb: int) -> bytes:
    name = str(path)
    if not path.exists():
        raise LagebildError(ErrorCode.E001, name)
    size = path.stat().st_size
    if size > max_file_mb * 1024 * 1024:
        raise LagebildError(ErrorCode.E004, name, size_mb=size / 1024 / 1024, limit_mb=max_file_mb)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise LagebildError(ErrorCode.E009, name, detail=error.strerror or str(error)) from error
    if not raw.strip():
        raise LagebildError(ErrorCode.E002, name)
    return raw


def decode(raw: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), else Windows-1252/Latin-1; refuses binary data."""
    if b"\x00" in raw[:8192]:
        raise LagebildError(ErrorCode.E003, name, detail="contains NUL bytes")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="strict") if is_cp1252(raw) else raw.decode("latin-1")
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > BINARY_CONTROL_RATIO * len(sample):
        raise LagebildError(ErrorCode.E003, name, detail=f"{controls} control characters in the first {len(sample)}")
    return text


def is_cp1252(raw: bytes) -> bool:
    try:
        raw.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def article_from_html(html: str, stem: str, name: str) -> Article:
    import htmldate
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not text or not text.strip():
        raise LagebildError(ErrorCode.E005, name)
    metadata = trafilatura.extract_metadata(html)
    found = htmldate.find_date(html, original_date=True, extensive_search=False)
    return Article(
        id=stem,
        text=text,
        title=metadata.title if metadata else None,
        url=metadata.url if metadata else None,
        outlet=metadata.sitename if metadata else None,
        published=date.fromisoformat(found) if found else None,
    )


def read_json(text: str, name: str, stem: str, options: IngestOptions) -> Iterator[Item]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise LagebildError(ErrorCode.E006, name, detail=f"{error.msg} at line {error.lineno}") from error
    records = data if isinstance(data, list) else [data]
    for index, record in enumerate(records):
        fallback = stem if len(records) == 1 else f"{stem}-{index + 1}"
        item_name = name if len(records) == 1 else f"{name}[{index}]"
        try:
            yield apply_overrides(article_from_record(record, fallback, item_name), options)
        except LagebildError as error:
            yield error


def read_jsonl(raw: bytes, name: str, stem: str, options: IngestOptions) -> Iterator[Item]:
    text = decode(raw, name)
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        item_name = f"{name}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield LagebildError(ErrorCode.E006, item_name, detail=error.msg)
            continue
        try:
            yield apply_overrides(article_from_record(record, f"{stem}-{number}", item_name), options)
        except LagebildError as error:
            yield error


def article_from_record(record: object, fallback_id: str, name: str) -> Article:
    """An article in the spec's JSON shape; its gold `events`, if any, are ignored."""
    if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not record["text"].strip():
        raise LagebildError(ErrorCode.E007, name)
    known = {"id", "text", "published", "outlet", "url", "title", "lang", "events"}
    return Article(
        id=str(record.get("id") or fallback_id),
        text=record["text"],
        published=parse_iso_date(record.get("published"), name),
        outlet=record.get("outlet"),
        url=record.get("url"),
        title=record.get("title"),
        extra={key: value for key, value in record.items() if key not in known},
    )


def parse_iso_date(value: object, name: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError as error:
        raise LagebildError(ErrorCode.E011, name, value=value) from error


def apply_overrides(article: Article, options: IngestOptions) -> Article:
    if options.published:
        article.published = options.published
    if options.outlet:
        article.outlet = options.outlet
    return article

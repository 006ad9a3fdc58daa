"""Ingest: files and directories in, `Article` objects out, streamed one at a time.

Each input item yields either an `Article` or a `LagebildError` naming the item and the
reason, so a batch goes on past bad input. Nothing here interprets the text beyond
decoding it: structure and language are later stages.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import json
import os
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from lagebild.document import Article
from lagebild.errors import ErrorCode, LagebildError, LagebildWarning, WarningCode
from lagebild.ingest_html import article_from_html
from lagebild.output import safe_file_name

SUFFIXES = {".txt", ".html", ".htm", ".json", ".jsonl"}
WEB_ARCHIVE_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")  # read by lagebild.sources.warc, streamed
MAX_FILE_MB = 20  # a news article is kilobytes; a larger file is a dump, not an article
# The pipeline's cost grows with an article's length (~1 s per 50,000 characters); a text longer than
# this is a book or a dump, and would hold a worker for minutes. (bench/worst_case.py measures it.)
MAX_ARTICLE_CHARS = 500_000
MAX_ID_CHARS = 200  # as the web API's `id` parameter
STRING_FIELDS = ("id", "published", "outlet", "url", "title", "lang")  # as the web API demands
BINARY_CONTROL_RATIO = 0.05  # share of control characters above which a file is not text
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


@dataclass(frozen=True)
class IngestOptions:
    published: date | None = None  # overrides what is detected
    outlet: str | None = None
    max_file_mb: int = MAX_FILE_MB


Item = Article | LagebildError


def read_inputs(paths: Iterable[str | Path], options: IngestOptions = IngestOptions()) -> Iterator[Item]:
    """Every article in `paths` (files or directories, recursively), in a stable order.

    A file below a directory is named by its path below it ('a/same' and 'b/same'), a file
    directly in it or given itself by its stem; two different texts never leave with one id."""
    ids = UniqueIds()
    for path in map(Path, paths):
        for file, error in files_of(path):
            if error is not None:
                yield error
                continue
            for item in read_file(file, options, id_below(file, path)):
                yield ids.settle(item) if isinstance(item, Article) else item


def input_files(paths: Iterable[str | Path], suffixes: frozenset[str] | set[str] = SUFFIXES) -> Iterator[Path]:
    """Each path as given; directories walked as `files_of` does, for files with `suffixes`."""
    for path in map(Path, paths):
        yield from (file for file, error in files_of(path, suffixes) if error is None)


def count_files(paths: Iterable[str | Path]) -> int:
    """How many input files `read_inputs` will open (for progress bars); JSONL lines not counted."""
    return sum(len(files_of(Path(path))) for path in paths)


def is_web_archive(path: Path) -> bool:
    return path.name.lower().endswith(WEB_ARCHIVE_SUFFIXES)


def files_of(path: Path, suffixes: frozenset[str] | set[str] = SUFFIXES) -> list[tuple[Path, LagebildError | None]]:
    """The path itself, or the article files below a directory in path order (linked folders
    followed once); a link that loops or leads nowhere is listed with its error."""
    if not path.is_dir():
        return [(path, None)]
    found: list[tuple[Path, LagebildError | None]] = []
    followed: set[str] = set()
    for folder, folders, names in os.walk(path, followlinks=True):
        here = os.path.realpath(folder)
        for name in list(folders):
            link = Path(folder, name)
            if not link.is_symlink():
                continue
            target = os.path.realpath(link)
            loops = here == target or here.startswith(target + os.sep)
            if loops:
                found.append((link, LagebildError(ErrorCode.E020, str(link), detail=f"leads back to {target}")))
            if loops or target in followed:
                folders.remove(name)  # not walked (again)
            followed.add(target)
        for name in names:
            file = Path(folder, name)
            if file.suffix.lower() in suffixes or is_web_archive(file):
                found.append((file, broken_link(file)))
    return sorted(found, key=lambda pair: pair[0])


def broken_link(file: Path) -> LagebildError | None:
    if not file.is_symlink() or file.exists():
        return None
    try:
        file.resolve(strict=True)
    except RuntimeError:  # Python 3.11 reports a loop so
        return LagebildError(ErrorCode.E020, str(file), detail=f"{file} -> {os.readlink(file)}")
    except OSError as error:
        if error.errno == errno.ELOOP:
            return LagebildError(ErrorCode.E020, str(file), detail=f"{file} -> {os.readlink(file)}")
    return LagebildError(ErrorCode.E001, str(file))


def id_below(file: Path, root: Path) -> str:
    """'a/same' for root/a/same.txt; the stem for a file directly in root or given itself."""
    if file == root:
        return file.stem
    parts = file.relative_to(root).with_suffix("").parts
    return "/".join(parts)


class UniqueIds:
    """Ids seen in one batch: an id (as a file name) seen with another text gets the text's hash.
    Each id costs ~100 bytes for the run (a million articles: ~100 MB)."""

    def __init__(self) -> None:
        self.texts: dict[str, int] = {}  # file name of an id -> 64-bit hash of its text

    def settle(self, article: Article) -> Article:
        digest = hashlib.blake2b(article.text.encode("utf-8", "surrogatepass"), digest_size=8).digest()
        text_key = int.from_bytes(digest)
        if self.texts.setdefault(safe_file_name(article.id), text_key) != text_key:
            article.id = f"{article.id}-{digest.hex()}"
            self.texts.setdefault(safe_file_name(article.id), text_key)
        return article


def read_file(path: Path, options: IngestOptions, article_id: str | None = None) -> Iterator[Item]:
    name = str(path)
    if is_web_archive(path) and path.exists():  # gigabytes: streamed, never read whole
        from lagebild.sources.warc import read_web_archive

        yield from read_web_archive(path, options)
        return
    article_id = article_id or path.stem
    try:
        raw = read_bytes(path, options.max_file_mb)
        suffix = path.suffix.lower()
        if suffix == ".jsonl":
            yield from read_jsonl(raw, name, article_id, options)
            return
        text = decode(raw, name)
        if suffix == ".txt":
            yield apply_overrides(checked_length(Article(id=article_id, text=text), name), options)
        elif suffix in (".html", ".htm"):
            yield apply_overrides(checked_length(article_from_html(text, article_id, name), name), options)
        elif suffix == ".json":
            yield from read_json(text, name, article_id, options)
        else:
            raise LagebildError(ErrorCode.E008, name, suffix=suffix or "(none)")
    except LagebildError as error:
        yield error


def checked_length(article: Article, name: str) -> Article:
    if len(article.text) > MAX_ARTICLE_CHARS:
        raise LagebildError(ErrorCode.E017, name, chars=len(article.text), limit=MAX_ARTICLE_CHARS)
    return article


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
    """UTF-16 with its BOM; UTF-8 (with or without BOM), a few bad bytes replaced with a warning;
    Windows-1252/Latin-1 for a file that is not UTF-8 at all; refuses binary data."""
    if raw.startswith(UTF16_BOMS):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as error:
            raise LagebildError(ErrorCode.E003, name, detail=f"invalid UTF-16 at byte {error.start}") from error
    elif b"\x00" in raw[:8192]:
        raise LagebildError(ErrorCode.E003, name, detail="contains NUL bytes")
    else:
        text = decode_8bit(raw, name)
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > BINARY_CONTROL_RATIO * len(sample):
        raise LagebildError(ErrorCode.E003, name, detail=f"{controls} control characters in the first {len(sample)}")
    return text


def decode_8bit(raw: bytes, name: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        first_bad = error.start
    repaired = raw.decode("utf-8-sig", errors="replace")
    bad = repaired.count("\ufffd") - raw.count("\ufffd".encode())
    valid = sum(1 for ch in repaired if ord(ch) > 127) - repaired.count("\ufffd")
    if valid <= bad:  # not UTF-8 at all: a legacy 8-bit file
        return raw.decode("cp1252", errors="strict") if is_cp1252(raw) else raw.decode("latin-1")
    warnings.warn(LagebildWarning(WarningCode.W001, name, count=bad, offset=first_bad), stacklevel=2)
    return repaired


def is_cp1252(raw: bytes) -> bool:
    try:
        raw.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def read_json(text: str, name: str, stem: str, options: IngestOptions) -> Iterator[Item]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise LagebildError(ErrorCode.E006, name, detail=f"{error.msg} at line {error.lineno}") from error
    records = data if isinstance(data, list) else [data]
    if not records:
        raise LagebildError(ErrorCode.E021, name)
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
    wrong = [key for key in STRING_FIELDS if not isinstance(record.get(key), str | None)]
    if wrong:
        raise LagebildError(ErrorCode.E018, name, fields=", ".join(wrong))
    if len(record.get("id") or "") > MAX_ID_CHARS:
        raise LagebildError(ErrorCode.E019, name, limit=MAX_ID_CHARS)
    # an input's events and timexes (lagebild's own output) are never read
    known = {"id", "text", "published", "outlet", "url", "title", "lang", "events", "timexes"}
    return checked_length(
        Article(
            id=record.get("id") or fallback_id,
            text=record["text"],
            published=parse_iso_date(record.get("published"), name),
            outlet=record.get("outlet"),
            url=record.get("url"),
            title=record.get("title"),
            extra={key: value for key, value in record.items() if key not in known},
        ),
        name,
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

"""Input as partitions: the unit of work one Dask task processes and one lake directory holds.

A partition is planned on the client from file names and sizes only (JSONL shards are scanned
for line starts, Parquet files read for their row count) and read on a worker, so the input
must be on storage every worker sees (a shared file system or the same paths on each host).

    JSONL shard      every `size` lines (split at byte offsets found once on the client)
    Parquet          every `size` rows of a file of articles (columns as the spec's record)
    WARC             every `size` response records (split at record offsets found once on the client);
                     an ARC file is one partition
    other files      `size` consecutive .txt/.html/.json files, in `read_inputs` order

Partitions come in the order `lagebild.ingest.read_inputs` reads the same input, so event ids
(which follow partition order) sort as the single-machine store's do.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from lagebild.errors import ErrorCode, LagebildError
from lagebild.ingest import (
    SUFFIXES,
    IngestOptions,
    Item,
    apply_overrides,
    article_from_record,
    decode,
    id_below,
    input_files,
    is_web_archive,
    read_file,
)
from lagebild.settings import DEFAULT_SETTINGS

LAKE_SUFFIXES = SUFFIXES | {".parquet"}
SCAN_CHUNK_BYTES = 1 << 20


class PartitionKind(StrEnum):
    FILES = "files"
    JSONL = "jsonl"
    PARQUET = "parquet"
    WARC = "warc"


@dataclass(frozen=True)
class PartitionSpec:
    """Where one partition's articles are: files, a byte range of a JSONL shard or rows of a Parquet file."""

    key: str  # stable name of the partition in the lake (its directory name)
    kind: PartitionKind
    paths: tuple[str, ...]  # absolute paths; one for JSONL and Parquet
    start: int = 0  # JSONL, WARC: first byte; Parquet: first row
    stop: int = 0  # JSONL, WARC: end byte (exclusive; 0 for a whole WARC); Parquet: end row (exclusive)
    first_line: int = 1  # JSONL: number of the line at `start` (fallback ids are '<stem>-<line>')
    ids: tuple[str, ...] = ()  # FILES: each file's article id, its path below the input root ('a/same')


def partition_key(kind: PartitionKind, paths: Iterable[str], start: int) -> str:
    """A readable, stable key: the first file's stem, the start, a digest of the whole spec."""
    paths = list(paths)
    digest = hashlib.sha1("\n".join([kind.value, str(start), *paths]).encode("utf-8")).hexdigest()[:12]
    stem = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in Path(paths[0]).stem)[:40]
    return f"{stem}-{kind.value}-{start}-{digest}"


def plan_partitions(paths: Iterable[str | Path], size: int = DEFAULT_SETTINGS.partition_size) -> list[PartitionSpec]:
    """Every partition of the input, in reading order."""
    if size < 1:
        raise ValueError(f"partition size must be positive, not {size}")
    specs: list[PartitionSpec] = []
    group: list[tuple[str, str]] = []  # (absolute path, article id)
    for root, file in ((Path(given), file) for given in paths for file in input_files([given], LAKE_SUFFIXES)):
        suffix = file.suffix.lower()
        if is_web_archive(file) and file.exists():
            specs.extend(files_partitions(group))
            group = []
            specs.extend(warc_partitions(file, size))
            continue
        if suffix in (".jsonl", ".parquet") and file.exists():
            specs.extend(files_partitions(group))
            group = []
            specs.extend(jsonl_partitions(file, size) if suffix == ".jsonl" else parquet_partitions(file, size))
            continue
        group.append((str(file.resolve()), id_below(file, root)))
        if len(group) == size:
            specs.extend(files_partitions(group))
            group = []
    specs.extend(files_partitions(group))
    return specs


def files_partitions(group: list[tuple[str, str]]) -> list[PartitionSpec]:
    if not group:
        return []
    paths = [path for path, _ in group]
    key = partition_key(PartitionKind.FILES, paths, 0)
    return [PartitionSpec(key, PartitionKind.FILES, tuple(paths), ids=tuple(article_id for _, article_id in group))]


def jsonl_partitions(file: Path, size: int) -> list[PartitionSpec]:
    path = str(file.resolve())
    starts = line_starts(file, size)
    end = file.stat().st_size
    return [
        PartitionSpec(
            key=partition_key(PartitionKind.JSONL, [path], start),
            kind=PartitionKind.JSONL,
            paths=(path,),
            start=start,
            stop=starts[index + 1] if index + 1 < len(starts) else end,
            first_line=index * size + 1,
        )
        for index, start in enumerate(starts)
    ]


def line_starts(file: Path, every: int) -> list[int]:
    """Byte offsets of lines 1, 1 + every, 1 + 2 * every, ... (lines end with b'\\n')."""
    starts, line, offset = [0], 1, 0
    end = file.stat().st_size
    with file.open("rb") as handle:
        while chunk := handle.read(SCAN_CHUNK_BYTES):
            position = chunk.find(b"\n")
            while position != -1:
                line += 1
                if (line - 1) % every == 0 and offset + position + 1 < end:
                    starts.append(offset + position + 1)
                position = chunk.find(b"\n", position + 1)
            offset += len(chunk)
    return starts


def parquet_partitions(file: Path, size: int) -> list[PartitionSpec]:
    import pyarrow.parquet as pq

    path = str(file.resolve())
    rows = pq.ParquetFile(path).metadata.num_rows
    return [
        PartitionSpec(
            partition_key(PartitionKind.PARQUET, [path], start),
            PartitionKind.PARQUET,
            (path,),
            start,
            min(start + size, rows),
        )
        for start in range(0, rows, size)
    ]


def warc_partitions(file: Path, size: int) -> list[PartitionSpec]:
    """Ranges of `size` response records of a WARC file; a whole ARC file (its records need the file header)."""
    from lagebild.sources.warc import record_offsets

    path = str(file.resolve())
    starts = [0] if file.name.lower().endswith((".arc", ".arc.gz")) else record_offsets(file, size)
    starts[0] = 0  # the first range also holds the warcinfo record before the first response
    stops = [*starts[1:], 0]
    return [
        PartitionSpec(partition_key(PartitionKind.WARC, [path], start), PartitionKind.WARC, (path,), start, stop)
        for start, stop in zip(starts, stops, strict=True)
    ]


def read_partition(spec: PartitionSpec, options: IngestOptions | None = None) -> Iterator[Item]:
    """The partition's articles (or coded errors), read on the worker."""
    options = options or IngestOptions()
    if spec.kind is PartitionKind.FILES:
        for number, path in enumerate(spec.paths):
            yield from read_file(Path(path), options, spec.ids[number] if spec.ids else None)
    elif spec.kind is PartitionKind.JSONL:
        yield from read_jsonl_range(spec, options)
    elif spec.kind is PartitionKind.WARC:
        from lagebild.sources.warc import read_web_archive

        yield from read_web_archive(Path(spec.paths[0]), options, spec.start, spec.stop or None)
    else:
        yield from read_parquet_rows(spec, options)


def read_jsonl_range(spec: PartitionSpec, options: IngestOptions) -> Iterator[Item]:
    """Lines of a JSONL shard between two byte offsets, as `lagebild.ingest.read_jsonl` reads them."""
    import json

    path = Path(spec.paths[0])
    name = str(path)
    try:
        with path.open("rb") as handle:
            handle.seek(spec.start)
            text = decode(handle.read(spec.stop - spec.start), name)
    except OSError as error:
        yield LagebildError(ErrorCode.E009, name, detail=error.strerror or str(error))
        return
    except LagebildError as error:
        yield error
        return
    for number, line in enumerate(text.split("\n"), start=spec.first_line):
        if not line.strip():
            continue
        item_name = f"{name}:{number}"
        try:
            record = json.loads(line)
            yield apply_overrides(article_from_record(record, f"{path.stem}-{number}", item_name), options)
        except json.JSONDecodeError as error:
            yield LagebildError(ErrorCode.E006, item_name, detail=error.msg)
        except LagebildError as error:
            yield error


def read_parquet_rows(spec: PartitionSpec, options: IngestOptions) -> Iterator[Item]:
    """Rows [start, stop) of a Parquet file of articles (columns id, text, published, ...)."""
    from lagebild.store.database import offline_connection

    path = Path(spec.paths[0])
    with offline_connection() as connection:
        relation = connection.execute(
            "SELECT * EXCLUDE (file_row_number), file_row_number FROM read_parquet(?, file_row_number = true) "
            "WHERE file_row_number >= ? AND file_row_number < ? ORDER BY file_row_number",
            [str(path), spec.start, spec.stop],
        )
        names = [column[0] for column in relation.description]
        rows = relation.fetchall()
    for row in rows:
        record = dict(zip(names, row, strict=True))
        number = record.pop("file_row_number") + 1
        try:
            yield apply_overrides(article_from_record(record, f"{path.stem}-{number}", f"{path}:{number}"), options)
        except LagebildError as error:
            yield error

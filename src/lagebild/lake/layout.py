"""The event lake on disk: partitioned Parquet, each partition committed by one rename.

    DIR/lake.json                      format version and the number of every planned partition
    DIR/partitions/<key>/              one committed partition:
        articles.parquet events.parquet mentions.parquet actors.parquet sources.parquet stats.json
    DIR/staging/                       partitions and merges being written (never read)
    DIR/merges/<token>/                clusters.parquet, assignments.parquet of one cross-article merge
    DIR/CURRENT_MERGE                  the token of the merge in use

A partition is written under staging/ and renamed into partitions/ when complete, so a reader
sees all of it or none; a killed writer leaves only staging debris, removed by the next run.
Event ids are `partition number * EVENT_ID_STRIDE + n`: unique without coordination, and
ordered like the input, as the single-machine store numbers events.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lagebild.output import write_atomically
from lagebild.store.database import StoreError, StoreErrorCode

LAKE_FORMAT = 1
EVENT_ID_STRIDE = 1_000_000_000  # events per partition at most; 9.2e9 partitions fit a BIGINT
TABLE_FILES = ("articles", "events", "mentions", "actors", "sources")
STATS_FILE = "stats.json"


class LakeError(StoreError):
    """The lake as a whole cannot be used (not one partition): the command stops.

    A StoreError (code S006), so the CLI and web handlers of store failures handle it too."""

    def __init__(self, message: str) -> None:
        self.code = StoreErrorCode.S006
        Exception.__init__(self, message)


@dataclass(frozen=True)
class Lake:
    root: Path

    @property
    def manifest(self) -> Path:
        return self.root / "lake.json"

    @property
    def partitions(self) -> Path:
        return self.root / "partitions"

    @property
    def staging(self) -> Path:
        return self.root / "staging"

    @property
    def merges(self) -> Path:
        return self.root / "merges"

    @property
    def current_merge_file(self) -> Path:
        return self.root / "CURRENT_MERGE"

    def partition_dir(self, key: str) -> Path:
        return self.partitions / key

    def is_committed(self, key: str) -> bool:
        return (self.partition_dir(key) / STATS_FILE).exists()

    def committed_keys(self) -> list[str]:
        if not self.partitions.is_dir():
            return []
        return sorted(p.name for p in self.partitions.iterdir() if (p / STATS_FILE).exists())

    def table_glob(self, table: str) -> str:
        return str(self.partitions / "*" / f"{table}.parquet")

    def current_merge(self) -> Path | None:
        if not self.current_merge_file.exists():
            return None
        merge = self.merges / self.current_merge_file.read_text(encoding="utf-8").strip()
        return merge if merge.is_dir() else None


def create_lake(root: Path) -> Lake:
    """The lake at `root`, created with an empty manifest when the directory has none."""
    lake = Lake(Path(root))
    if lake.root.exists() and not lake.root.is_dir():
        raise LakeError(f"L001 {lake.root} exists and is not a directory")
    lake.root.mkdir(parents=True, exist_ok=True)
    if not lake.manifest.exists():
        if any(lake.root.iterdir()):
            raise LakeError(f"L002 {lake.root} is not empty and not a lagebild lake (no lake.json)")
        write_manifest(lake, {})
    read_manifest(lake)
    return lake


def existing_lake(root: Path) -> Lake:
    """The lake at `root` for reading; a coded LakeError when there is none."""
    lake = Lake(Path(root))
    if not lake.manifest.exists():
        raise LakeError(
            f"L003 no lake at {lake.root} (create it with 'lagebild ingest PATH --engine dask --lake {lake.root}')"
        )
    read_manifest(lake)
    return lake


def read_manifest(lake: Lake) -> dict[str, int]:
    """Partition key -> partition number."""
    data: dict[str, Any] = json.loads(lake.manifest.read_text(encoding="utf-8"))
    if data.get("format") != LAKE_FORMAT:
        raise LakeError(f"L004 {lake.root} has lake format {data.get('format')}; this lagebild reads {LAKE_FORMAT}")
    return {key: int(number) for key, number in data["partitions"].items()}


def write_manifest(lake: Lake, numbers: dict[str, int]) -> None:
    write_atomically(lake.manifest, json.dumps({"format": LAKE_FORMAT, "partitions": numbers}, indent=1))


def number_partitions(lake: Lake, keys: list[str]) -> dict[str, int]:
    """Numbers for `keys`: kept from the manifest, new keys after the highest (numbers start at 1)."""
    numbers = read_manifest(lake)
    next_number = max(numbers.values(), default=0) + 1
    new = [key for key in keys if key not in numbers]
    for key in new:
        numbers[key] = next_number
        next_number += 1
    if new:
        write_manifest(lake, numbers)
    return numbers


def staging_dir(lake: Lake, name: str) -> Path:
    """A fresh directory under staging/ (unique per attempt: a retried task never shares one)."""
    path = lake.staging / f"{name}.{uuid.uuid4().hex[:12]}"
    path.mkdir(parents=True)
    return path


def commit_partition(lake: Lake, key: str, staged: Path) -> bool:
    """Rename the staged partition into place; False (and the staging removed) if already committed."""
    lake.partitions.mkdir(parents=True, exist_ok=True)
    target = lake.partition_dir(key)
    try:
        os.rename(staged, target)
    except OSError:
        if not lake.is_committed(key):
            raise
        shutil.rmtree(staged, ignore_errors=True)
        return False
    return True


def remove_stale(lake: Lake) -> None:
    """Debris of killed runs: staging directories and merges no longer current."""
    shutil.rmtree(lake.staging, ignore_errors=True)
    remove_stale_merges(lake)


def remove_stale_merges(lake: Lake) -> None:
    """Every merge but the current one (a reader still on an older merge must reopen the lake)."""
    current = lake.current_merge()
    if lake.merges.is_dir():
        for merge in lake.merges.iterdir():
            if merge != current:
                shutil.rmtree(merge, ignore_errors=True)


def read_stats(lake: Lake, key: str) -> dict[str, Any]:
    return json.loads((lake.partition_dir(key) / STATS_FILE).read_text(encoding="utf-8"))

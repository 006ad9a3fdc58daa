"""The event lake without a cluster: partitions, atomic commits, views and merging.

Records and sentences here are written for the tests. The lake built from records (no
pipeline) must read exactly like a store filled with the same records in the same order.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from lagebild.ingest import IngestOptions, read_inputs
from lagebild.lake import LakeError, merge_lake, open_lake, plan_partitions, read_partition
from lagebild.lake.layout import (
    EVENT_ID_STRIDE,
    STATS_FILE,
    Lake,
    commit_partition,
    create_lake,
    number_partitions,
    staging_dir,
)
from lagebild.lake.partitions import PartitionKind
from lagebild.lake.worker import PartitionStats, store_partition, write_tables
from lagebild.pipeline import Pipeline
from lagebild.store import SCHEMA_VERSION, ExportFormat, export_store, open_store, recompute_clusters, store_record
from lagebild.store.api_queries import select_article
from lagebild.store.query import select_actors, select_clusters, select_events, store_stats
from lagebild.store.schema import create_schema
from lagebild.structure import StructureStage
from tests.test_store_support import as_schema_version

SENTENCES = (
    "Die Regierung in Paris hat Gespräche mit Vertretern aus Rom geführt.",
    "Der Außenminister reiste am Dienstag zu einem Treffen nach Warschau.",
    "Beide Seiten unterzeichneten ein Abkommen über den Handel mit Getreide.",
    "Die Armee verlegte weitere Truppen an die Grenze.",
)
COUNTRIES = ("FRA", "ITA", "POL", "DEU", "ESP")
TYPES = ("CONSULT", "AGREE", "ACCUSE", "MOBILIZE")


def write_jsonl(path: Path, records: list[dict[str, Any]], blank_after: int | None = None) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for number, record in enumerate(records, start=1):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            if number == blank_after:
                handle.write("\n")


def article(number: int, with_id: bool = True) -> dict[str, Any]:
    record = {"text": f"{SENTENCES[number % 4]} ({number})", "published": "2024-03-0" + str(1 + number % 9)}
    if with_id:
        record["id"] = f"a{number:03d}"
    return record


def items(iterable) -> list[tuple[str, str]]:
    return [(item.id, item.text) if hasattr(item, "text") else ("error", str(item)) for item in iterable]


# --- partitions -------------------------------------------------------------------------


@pytest.mark.parametrize("size", [1, 2, 3, 7, 100])
def test_jsonl_partitions_read_the_shard_as_read_inputs_does(tmp_path: Path, size: int) -> None:
    shard = tmp_path / "shard.jsonl"
    write_jsonl(shard, [article(n, with_id=n % 2 == 0) for n in range(7)], blank_after=3)
    specs = plan_partitions([shard], size)
    assert all(spec.kind is PartitionKind.JSONL for spec in specs)
    assert len(specs) == -(-8 // size)  # 8 lines, one of them blank
    assert [item for spec in specs for item in items(read_partition(spec))] == items(read_inputs([shard]))


def test_a_partition_is_stored_in_batches_and_repeats_count_as_duplicates(tmp_path: Path) -> None:
    """Repeats of an article still waiting in the batch are found like repeats already stored."""
    shard = tmp_path / "shard.jsonl"
    rows = [{"id": f"a{n}", "text": f"Meldung {n}."} for n in range(70)]
    rows += [{"id": "a1", "text": "Eine andere Meldung."}, {"id": "neu", "text": "Meldung 69."}]
    shard.write_text("\n".join(json.dumps(row) for row in rows), encoding="utf-8")
    [spec] = plan_partitions([shard], 100)
    stats = PartitionStats(key=spec.key, number=0)
    with duckdb.connect() as connection:
        create_schema(connection, created_by="test")
        order = store_partition(connection, spec, IngestOptions(), Pipeline([StructureStage()]), stats)
        stored = connection.execute("SELECT count(*) FROM articles").fetchone()
    assert order == [f"a{n}" for n in range(70)] and stored == (70,)
    assert (stats.articles, stats.duplicates) == (70, 2)


def test_files_are_grouped_in_reading_order_and_jsonl_stands_alone(tmp_path: Path) -> None:
    for number in range(5):
        (tmp_path / f"b{number}.json").write_text(json.dumps(article(number)), encoding="utf-8")
    (tmp_path / "b2x.jsonl").write_text(json.dumps(article(9)) + "\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Ein Text ohne Metadaten über ein Treffen in Rom.", encoding="utf-8")
    specs = plan_partitions([tmp_path], 2)
    assert [spec.kind for spec in specs] == [
        PartitionKind.FILES,
        PartitionKind.FILES,
        PartitionKind.JSONL,
        PartitionKind.FILES,
        PartitionKind.FILES,
    ]
    assert [item for spec in specs for item in items(read_partition(spec))] == items(read_inputs([tmp_path]))


def test_parquet_of_articles_is_read_in_row_ranges(tmp_path: Path) -> None:
    records = [article(n) for n in range(5)]
    pq.write_table(pa.Table.from_pylist(records), tmp_path / "articles.parquet")
    specs = plan_partitions([tmp_path / "articles.parquet"], 2)
    assert [(spec.start, spec.stop) for spec in specs] == [(0, 2), (2, 4), (4, 5)]
    read = [item for spec in specs for item in read_partition(spec)]
    assert [(a.id, a.text, a.published) for a in read] == [
        (r["id"], r["text"], date.fromisoformat(r["published"])) for r in records
    ]


def test_same_named_files_of_two_folders_keep_two_ids(tmp_path: Path) -> None:
    for folder, place in (("a", "Rom"), ("b", "Madrid")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.txt").write_text(f"Ein Treffen in {place}.", encoding="utf-8")
    read = [item.id for spec in plan_partitions([tmp_path], 10) for item in read_partition(spec)]
    assert read == ["a/same", "b/same"] == [item.id for item in read_inputs([tmp_path])]


def test_partition_keys_are_stable_and_distinct(tmp_path: Path) -> None:
    shard = tmp_path / "shard.jsonl"
    write_jsonl(shard, [article(n) for n in range(6)])
    keys = [spec.key for spec in plan_partitions([shard], 2)]
    assert keys == [spec.key for spec in plan_partitions([shard], 2)]
    assert len(set(keys)) == 3


def test_a_bad_line_is_a_coded_error_and_the_partition_goes_on(tmp_path: Path) -> None:
    shard = tmp_path / "shard.jsonl"
    shard.write_text(json.dumps(article(1)) + "\n{not json\n" + json.dumps(article(2)) + "\n", encoding="utf-8")
    read = list(read_partition(plan_partitions([shard], 10)[0]))
    assert [type(item).__name__ for item in read] == ["Article", "LagebildError", "Article"]
    assert "E006" in str(read[1]) and ":2" in str(read[1])


# --- layout -----------------------------------------------------------------------------


def test_partition_numbers_are_kept_and_new_keys_numbered_after(tmp_path: Path) -> None:
    lake = create_lake(tmp_path / "lake")
    assert number_partitions(lake, ["x", "y"]) == {"x": 1, "y": 2}
    assert number_partitions(lake, ["z", "x"]) == {"x": 1, "y": 2, "z": 3}


def test_a_partition_is_committed_once(tmp_path: Path) -> None:
    lake = create_lake(tmp_path / "lake")
    first, second = staging_dir(lake, "p"), staging_dir(lake, "p")
    for staged in (first, second):
        (staged / STATS_FILE).write_text("{}", encoding="utf-8")
    assert commit_partition(lake, "p", first) is True
    assert commit_partition(lake, "p", second) is False
    assert lake.committed_keys() == ["p"] and not second.exists()


def test_a_directory_that_is_not_a_lake_is_refused(tmp_path: Path) -> None:
    (tmp_path / "other.txt").write_text("x", encoding="utf-8")
    with pytest.raises(LakeError, match="L002"):
        create_lake(tmp_path)
    with pytest.raises(LakeError, match="L003"), open_lake(tmp_path / "missing"):
        pass


def test_an_empty_lake_reads_as_an_empty_store(tmp_path: Path) -> None:
    create_lake(tmp_path / "lake")
    merge_lake(tmp_path / "lake")
    with open_lake(tmp_path / "lake") as connection:
        assert select_events(connection) == [] and select_clusters(connection) == []
        assert store_stats(connection).articles == 0


# --- views and merging against the store -------------------------------------------------


def event(rng: random.Random, text: str, published: date) -> dict[str, Any]:
    source, target = rng.sample(COUNTRIES[:3], 2)  # few dyads, so that reports collide
    day = published - timedelta(days=rng.randrange(3))
    start = text.index(" ") + 1
    chain = [{"text": "Diplomaten", "country": None}] if rng.random() < 0.3 else []
    return {
        "type": rng.choice(TYPES), "mode": None, "context": [],
        "modality": rng.choice(("asserted", "asserted", "planned", "possible", "negated")),
        "source": {"text": source, "name": None, "country": source, "sector": "GOV"},
        "target": {"text": target, "name": "Vereinte Nationen", "country": None, "sector": "IGO"}
        if rng.random() < 0.2 else {"text": target, "name": None, "country": target, "sector": "GOV"},
        "location": {"text": "Rom", "name": "Rome", "country": rng.choice(("ITA", None))},
        "time": {"text": "am Tag", "start": day.isoformat(), "end": day.isoformat()} if rng.random() < 0.6 else None,
        "attribution": chain,
        "evidence": [text[start:start + 8]], "evidence_spans": [[start, start + 8]], "evidence_attribution": [chain],
    }  # fmt: skip


def record(number: int, rng: random.Random) -> dict[str, Any]:
    published = date(2024, 3, 1) + timedelta(days=rng.randrange(20))
    text = f"{SENTENCES[number % 4]}\n{SENTENCES[(number + 1) % 4]} ({number})"
    return {
        "id": f"r{number:04d}", "lang": "de", "published": published.isoformat(),
        "outlet": rng.choice(("Blatt A", "Blatt B", None)), "url": None, "title": None, "text": text,
        "events": [event(rng, text, published) for _ in range(rng.randint(0, 3))],
        "structure": {"blocks": [{"kind": "headline", "start": 0, "end": 10}], "dateline": None, "notices": []},
    }  # fmt: skip


def commit_records(
    lake: Lake, key: str, number: int, records: list[dict[str, Any]], schema_version: int = SCHEMA_VERSION
) -> None:
    """A partition as a worker writes it, from records instead of the pipeline (and as a worker
    of an older `schema_version` wrote it)."""
    staged = staging_dir(lake, key)
    with duckdb.connect() as connection:
        create_schema(connection, created_by="test")
        connection.execute("SELECT setval('event_ids', ?)", [number * EVENT_ID_STRIDE]).fetchall()
        for item in records:
            store_record(connection, item, "test-version")
        if schema_version < SCHEMA_VERSION:
            as_schema_version(connection, schema_version)
        write_tables(connection, staged, number, [item["id"] for item in records])
    (staged / STATS_FILE).write_text("{}", encoding="utf-8")
    commit_partition(lake, key, staged)


def by_membership(connection: duckdb.DuckDBPyConnection) -> tuple[dict, dict]:
    """Events and clusters with ids replaced by what they are: (article, position) and member sets."""
    rows = connection.execute("SELECT id, article_id, position, cluster_id FROM events").fetchall()
    place = {event_id: (article_id, position) for event_id, article_id, position, _ in rows}
    members: dict[int, set] = {}
    for event_id, _, _, cluster_id in rows:
        members.setdefault(cluster_id, set()).add(place[event_id])
    events = {
        place[row["event_id"]]: (
            frozenset(members[row["cluster_id"]]),
            {k: v for k, v in row.items() if k not in ("event_id", "cluster_id")},
        )
        for row in select_events(connection)
    }
    clusters = {
        frozenset(members[row["cluster_id"]]): {k: v for k, v in row.items() if k != "cluster_id"}
        for row in select_clusters(connection)
    }
    return events, clusters


def gdelt_rows(connection: duckdb.DuckDBPyConnection, path: Path) -> list[list[str]]:
    """GDELT rows without the columns that are ids or ingest times."""
    export_store(connection, ExportFormat.GDELT, path)
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    return sorted(row[1:59] + row[60:] for row in rows)


@pytest.fixture(scope="module")
def lake_and_store(tmp_path_factory) -> tuple[Path, Path]:
    """200 records in 5 partitions (the third repeats two articles of the first) and a store of them."""
    rng = random.Random(9)
    records = [record(number, rng) for number in range(200)]
    partitions = [
        records[0:40],
        records[40:80],
        [*records[80:120], records[3], records[10]],
        records[120:160],
        records[160:200],
    ]
    directory = tmp_path_factory.mktemp("lake")
    lake = create_lake(directory / "lake")
    numbers = number_partitions(lake, [f"part-{index}" for index in range(len(partitions))])
    for index, part in enumerate(partitions):
        commit_records(lake, f"part-{index}", numbers[f"part-{index}"], part)
    merge_lake(lake.root, buckets=5)
    with open_store(directory / "store.duckdb", create=True) as connection:
        seen: set[str] = set()
        for item in [r for part in partitions for r in part]:
            if item["id"] not in seen:  # as `lagebild ingest` skips an article stored already
                seen.add(item["id"])
                store_record(connection, item, "test-version")
        recompute_clusters(connection)
    return lake.root, directory / "store.duckdb"


def test_lake_events_and_clusters_equal_the_store(lake_and_store: tuple[Path, Path]) -> None:
    lake_dir, store_path = lake_and_store
    with open_store(store_path) as store, open_lake(lake_dir) as lake:
        store_events, store_clusters = by_membership(store)
        lake_events, lake_clusters = by_membership(lake)
        assert lake_events == store_events
        assert lake_clusters == store_clusters
        assert sum(1 for members in store_clusters if len(members) > 1) > 20  # the test merges something
        assert select_actors(lake) == select_actors(store)
        assert store_stats(lake).events == store_stats(store).events == len(store_events)


def test_gdelt_export_of_the_lake_equals_the_store(lake_and_store: tuple[Path, Path], tmp_path: Path) -> None:
    lake_dir, store_path = lake_and_store
    with open_store(store_path) as store, open_lake(lake_dir) as lake:
        assert gdelt_rows(lake, tmp_path / "lake.tsv") == gdelt_rows(store, tmp_path / "store.tsv")


@pytest.mark.parametrize("export_format", [ExportFormat.CSV, ExportFormat.JSONL, ExportFormat.PARQUET])
def test_event_exports_of_the_lake_have_the_stores_rows(
    lake_and_store: tuple[Path, Path], tmp_path: Path, export_format: ExportFormat
) -> None:
    lake_dir, store_path = lake_and_store
    with open_store(store_path) as store, open_lake(lake_dir) as lake:
        rows = export_store(lake, export_format, tmp_path / "lake.out")
        assert rows == export_store(store, export_format, tmp_path / "store.out") > 0
    if export_format is ExportFormat.CSV:
        lake_header, store_header = (
            (tmp_path / name).read_text(encoding="utf-8").splitlines()[0] for name in ("lake.out", "store.out")
        )
        assert lake_header == store_header


def test_a_second_merge_replaces_the_first(lake_and_store: tuple[Path, Path]) -> None:
    lake_dir, _ = lake_and_store
    with open_lake(lake_dir) as connection:
        before = by_membership(connection)
    first = Lake(lake_dir).current_merge()
    merge_lake(lake_dir, buckets=3)
    with open_lake(lake_dir) as connection:
        assert by_membership(connection) == before
    assert Lake(lake_dir).current_merge() != first and not first.exists()


def without_ids(value: Any) -> Any:
    """A JSON value without what differs by design: event and cluster ids, ingest times."""
    if isinstance(value, dict):
        return {k: without_ids(v) for k, v in value.items() if k not in ("event_id", "cluster_id", "ingested_at")}
    if isinstance(value, list):
        return [without_ids(item) for item in value]
    return value


def test_the_web_api_serves_the_lake_as_it_serves_the_store(lake_and_store: tuple[Path, Path]) -> None:
    from fastapi.testclient import TestClient

    from lagebild.lake.access import LakeAccess
    from lagebild.web import create_app

    lake_dir, store_path = lake_and_store
    store_app, lake_app = create_app(store_path), create_app(store_path)
    lake_app.state.store = LakeAccess(lake_dir)  # what `lagebild serve --lake DIR` would build
    with TestClient(store_app) as store, TestClient(lake_app) as lake:
        for path in ("/api/actors", "/api/graph", "/api/places", "/api/articles/r0007", "/api/stats"):
            assert without_ids(lake.get(path).json()) == without_ids(store.get(path).json()), path
        page = lake.get("/api/events", params={"type": "CONSULT", "limit": 500}).json()
        assert page["total"] == store.get("/api/events", params={"type": "CONSULT", "limit": 500}).json()["total"]
        first = page["events"][0]
        assert lake.get(f"/api/events/{first['event_id']}").json()["article_id"] == first["article_id"]


def test_a_lake_partition_written_before_per_passage_attribution_reads_it_as_unknown(tmp_path: Path) -> None:
    lake = create_lake(tmp_path / "lake")
    old, new = record(1, random.Random(1)), record(2, random.Random(2))
    for item in (old, new):
        item["events"] = [event(random.Random(3), item["text"], date(2024, 3, 5))]
        item["events"][0]["evidence_attribution"] = [[{"text": "Diplomaten", "country": None}]]
    numbers = number_partitions(lake, ["alt", "neu"])
    commit_records(lake, "alt", numbers["alt"], [old], schema_version=2)
    with open_lake(lake.root) as connection:  # only old partitions: the column is missing altogether
        assert select_article(connection, old["id"])["events"][0]["evidence_spans"][0]["attribution"] is None
    commit_records(lake, "neu", numbers["neu"], [new])
    with open_lake(lake.root) as connection:
        assert select_article(connection, old["id"])["events"][0]["evidence_spans"][0]["attribution"] is None
        spans = select_article(connection, new["id"])["events"][0]["evidence_spans"]
        assert [span["attribution"] for span in spans] == [[{"text": "Diplomaten", "country": None}]]

"""Parallel ingest: worker processes give the same store as one process; batches keep input order;
a failing article fails alone; a batch transaction stores what single ones would."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from lagebild.cli.ingest import run_ingest
from lagebild.document import Article
from lagebild.ingest import read_inputs
from lagebild.parallel import ParallelSettings, extract_batches
from lagebild.pipeline import Pipeline
from lagebild.store import open_store, store_record
from lagebild.store.writer import StoreEntry, store_records
from tests.test_store_support import make_event, make_record

ARTICLES = {
    "besuch": "Kanzler reist nach Rom\nDer Bundeskanzler ist am Dienstag in Rom mit der italienischen "
    "Ministerpräsidentin zusammengetroffen. Beide sprachen über die Lage im Mittelmeer.",
    "kritik": "Streit um Fischerei\nFrankreich hat Großbritannien am Montag scharf kritisiert. Die Regierung in "
    "Paris warf London vor, Lizenzen für französische Fischer zu verweigern, sagte ein Sprecher.",
    "hilfe": "Hilfe für Erdbebenopfer\nDie Europäische Union sagte der Türkei am Mittwoch weitere Hilfe zu. "
    "Schweden schickte zudem ein Rettungsteam in das Katastrophengebiet.",
    "drohung": "Warnung aus Peking\nChina drohte Taiwan am Freitag mit Konsequenzen, falls die Insel ihre "
    "Unabhängigkeit erkläre. Die Vereinigten Staaten riefen beide Seiten zur Zurückhaltung auf.",
    "treffen": "Gespräche in Genf\nDie Außenminister der USA und Russlands wollen sich nächste Woche in Genf "
    "treffen, teilte das Außenministerium in Washington mit.",
}
EVENT_COLUMNS = (
    "id, article_id, position, type, mode, context, modality, source_text, source_country, target_text, "
    "target_country, location_name, time_start, time_end, attribution, in_lead, cluster_id"
)


def write_articles(folder: Path) -> Path:
    folder.mkdir()
    for article_id, text in ARTICLES.items():
        record = {"id": article_id, "text": text, "published": "2023-06-16"}
        (folder / f"{article_id}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    copy = {"id": "kopie", "text": ARTICLES["kritik"], "published": "2023-06-16"}  # same text, other id: skipped
    (folder / "zz-kopie.json").write_text(json.dumps(copy, ensure_ascii=False), encoding="utf-8")
    return folder


def stored_rows(db: Path) -> tuple[list[tuple], list[tuple], list[tuple]]:
    with open_store(db) as connection:
        events = connection.execute(f"SELECT {EVENT_COLUMNS} FROM events ORDER BY id").fetchall()
        mentions = connection.execute("SELECT * FROM mentions ORDER BY event_id, position").fetchall()
        actors = connection.execute("SELECT * FROM actors ORDER BY event_id, role").fetchall()
    return events, mentions, actors


def test_two_workers_store_the_same_events_as_one(tmp_path: Path, pipeline: Pipeline) -> None:
    folder = write_articles(tmp_path / "artikel")
    one = run_ingest(read_inputs([folder]), tmp_path / "one.duckdb", lambda: pipeline, workers=1)
    two = run_ingest(read_inputs([folder]), tmp_path / "two.duckdb", lambda: pipeline, workers=2)
    assert (one.stored, one.skipped, one.failed) == (5, 1, 0)
    assert (two.stored, two.skipped, two.failed) == (5, 1, 0)
    events, mentions, actors = stored_rows(tmp_path / "one.duckdb")
    assert len(events) > 0 and len(mentions) >= len(events)
    assert stored_rows(tmp_path / "two.duckdb") == (events, mentions, actors)


class NumberingStage:
    """Writes the article's position in the input into `extra`; fails on the article named 'kaputt'."""

    name, requires, assigns = "numbering", ("text",), ("lang",)

    def __call__(self, article: Article) -> Article:
        if article.id == "kaputt":
            raise RuntimeError("this stage was told to fail")
        article.lang = "de"
        return article


@pytest.mark.parametrize("workers", [1, 2])
def test_batches_keep_input_order_and_a_failure_stays_with_its_article(workers: int) -> None:
    articles = [Article(id="kaputt" if n == 7 else f"a{n}", text=f"Meldung Nummer {n}.") for n in range(40)]
    settings = ParallelSettings(workers=workers, batch_max_articles=6)
    batches = list(extract_batches(((a, n) for n, a in enumerate(articles)), Pipeline([NumberingStage()]), settings))
    results = [item for batch in batches for item in batch]
    assert [item.tag for item in results] == list(range(40))
    assert all(1 <= len(batch) <= 6 for batch in batches)
    failed = [item.extraction for item in results if item.extraction.record is None]
    assert [extraction.article_id for extraction in failed] == ["kaputt"]
    assert "E013" in (failed[0].failure or "") and "told to fail" in (failed[0].failure or "")
    assert [item.extraction.record["id"] for item in results if item.extraction.record] == [
        a.id for a in articles if a.id != "kaputt"
    ]


@pytest.mark.parametrize("workers", [1, 2])
def test_batches_close_when_full_or_old(workers: int) -> None:
    """Small transactions are dear: a batch fills up unless its first result has waited too long."""
    articles = [Article(id=f"a{n}", text=f"Meldung Nummer {n}.") for n in range(20)]
    jobs = [(a, n) for n, a in enumerate(articles)]
    patient = ParallelSettings(workers=workers, batch_max_articles=6, batch_max_seconds=3600)
    assert [len(b) for b in extract_batches(jobs, Pipeline([NumberingStage()]), patient)] == [6, 6, 6, 2]
    hasty = ParallelSettings(workers=workers, batch_max_articles=6, batch_max_seconds=0)
    assert [len(b) for b in extract_batches(jobs, Pipeline([NumberingStage()]), hasty)] == [1] * 20


class CrashingStage:
    """Ends its worker process abruptly on the article named 'absturz' (as the OOM killer would)."""

    name, requires, assigns = "crashing", ("text",), ("lang",)

    def __call__(self, article: Article) -> Article:
        if article.id == "absturz":
            os._exit(1)
        article.lang = "de"
        return article


def test_a_dying_worker_fails_its_articles_with_a_code_instead_of_stopping_the_ingest() -> None:
    articles = [Article(id="absturz" if n == 3 else f"a{n}", text=f"Meldung Nummer {n}.") for n in range(12)]
    batches = extract_batches(((a, a.id) for a in articles), Pipeline([CrashingStage()]), ParallelSettings(workers=2))
    results = {item.tag: item.extraction for batch in batches for item in batch}
    assert set(results) == {a.id for a in articles}
    assert results["absturz"].record is None and "worker process died" in (results["absturz"].failure or "")
    assert all(r.record is not None or "E013" in (r.failure or "") for r in results.values())


def test_a_batch_stores_what_one_by_one_would(tmp_path: Path) -> None:
    texts = [f"Meldung {n}\nNordkorea kritisierte Südkorea am {n}. Juni scharf." for n in range(1, 5)]
    records = [
        make_record(f"m{n}", text, [make_event(text, "ACCUSE", "PRK", "KOR", date(2023, 6, n), evidence="kritisierte")]
                    * (n % 3))
        for n, text in enumerate(texts, start=1)
    ]  # fmt: skip
    with open_store(tmp_path / "batch.duckdb", create=True) as connection:
        assert store_records(connection, [StoreEntry(record) for record in records], "v") == [1, 2, 0, 1]
    with open_store(tmp_path / "single.duckdb", create=True) as connection:
        for record in records:
            store_record(connection, record, "v")
    assert stored_rows(tmp_path / "batch.duckdb") == stored_rows(tmp_path / "single.duckdb")
    with open_store(tmp_path / "batch.duckdb") as connection:
        assert connection.execute("SELECT count(*) FROM articles").fetchone()[0] == 4


def test_a_failing_batch_rolls_back_entirely(tmp_path: Path) -> None:
    text = "Meldung\nRussland verurteilte die Entscheidung."
    record = make_record("doppelt", text, [make_event(text, "ACCUSE", "RUS", None, evidence="verurteilte")])
    with open_store(tmp_path / "s.duckdb", create=True) as connection:
        other = make_record("anders", "Meldung\nEin anderer Text.", [])
        with pytest.raises(Exception, match=r"(?i)constraint|duplicate"):
            store_records(connection, [StoreEntry(other), StoreEntry(record), StoreEntry(record)], "v")
        assert connection.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
        assert connection.execute("SELECT count(*) FROM events").fetchone()[0] == 0

"""Parallel ingest: worker processes give the same store as one process; a failing, slow or
crashing article fails alone with its code while the others are stored as they finish; a
batch transaction stores what single ones would."""

from __future__ import annotations

import json
import os
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pytest

from lagebild.document import Article
from lagebild.errors import ErrorCode
from lagebild.ingest import read_inputs
from lagebild.parallel import Extraction, Extractor, Finished
from lagebild.pipeline import Pipeline
from lagebild.service import Batch, IngestService, IngestSummary, Status
from lagebild.settings import Settings
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
    "article_id, position, type, mode, context, modality, source_text, source_country, target_text, "
    "target_country, location_name, time_start, time_end, attribution, in_lead"
)
EVENT_KEY = "e.article_id, e.position"


def write_articles(folder: Path) -> Path:
    folder.mkdir()
    for article_id, text in ARTICLES.items():
        record = {"id": article_id, "text": text, "published": "2023-06-16"}
        (folder / f"{article_id}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    copy = {"id": "kopie", "text": ARTICLES["kritik"], "published": "2023-06-16"}  # same text, other id: skipped
    (folder / "zz-kopie.json").write_text(json.dumps(copy, ensure_ascii=False), encoding="utf-8")
    return folder


def stored_rows(db: Path) -> tuple[list, ...]:
    """Events, mentions, actors and clusters keyed by article and position: event ids follow
    the order in which articles finish, which depends on the number of workers."""
    with open_store(db) as connection:
        events = connection.execute(f"SELECT {EVENT_COLUMNS} FROM events ORDER BY article_id, position").fetchall()
        mentions = connection.execute(
            f"SELECT {EVENT_KEY}, m.* EXCLUDE (event_id) FROM mentions m JOIN events e ON e.id = m.event_id "
            "ORDER BY 1, 2, m.position"
        ).fetchall()
        actors = connection.execute(
            f"SELECT {EVENT_KEY}, a.* EXCLUDE (event_id) FROM actors a JOIN events e ON e.id = a.event_id "
            "ORDER BY 1, 2, a.role"
        ).fetchall()
        clusters = connection.execute(
            f"SELECT list(({EVENT_KEY}) ORDER BY {EVENT_KEY}) FROM events e GROUP BY cluster_id ORDER BY 1"
        ).fetchall()
    return events, mentions, actors, clusters


def ingest(folder: Path, db: Path, pipeline: Pipeline, workers: int) -> IngestSummary:
    with IngestService(db, settings=Settings(workers=workers), pipeline=pipeline) as service:
        list(service.ingest(read_inputs([folder])))
        return service.summary


def test_two_workers_store_the_same_events_as_one(tmp_path: Path, pipeline: Pipeline) -> None:
    folder = write_articles(tmp_path / "artikel")
    one = ingest(folder, tmp_path / "one.duckdb", pipeline, workers=1)
    two = ingest(folder, tmp_path / "two.duckdb", pipeline, workers=2)
    assert (one.stored, one.skipped, one.failed) == (5, 1, 0)
    assert (two.stored, two.skipped, two.failed) == (5, 1, 0)
    rows = stored_rows(tmp_path / "one.duckdb")
    assert len(rows[0]) > 0 and len(rows[1]) >= len(rows[0])
    assert stored_rows(tmp_path / "two.duckdb") == rows


class NumberingStage:
    """Sets the language; fails on the article named 'kaputt'."""

    name, requires, assigns = "numbering", ("text",), ("lang",)

    def __call__(self, article: Article) -> Article:
        if article.id == "kaputt":
            raise RuntimeError("this stage was told to fail")
        article.lang = "de"
        return article


class SlowStage:
    """Sleeps `seconds` on the article named 'langsam' (as the tagger did on a 10,000-letter word)."""

    name, requires, assigns = "slow", ("text",), ("lang",)

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def __call__(self, article: Article) -> Article:
        if article.id == "langsam":
            time.sleep(self.seconds)
        article.lang = "de"
        return article


class CrashingStage:
    """Ends its worker process abruptly on the article named 'absturz' (as the OOM killer would)."""

    name, requires, assigns = "crashing", ("text",), ("lang",)

    def __call__(self, article: Article) -> Article:
        if article.id == "absturz":
            os._exit(1)
        article.lang = "de"
        return article


def messages(count: int, odd_one: str, at: int) -> list[Article]:
    return [Article(id=odd_one if n == at else f"a{n}", text=f"Meldung Nummer {n}.") for n in range(count)]


def extract_all(articles: list[Article], stage: object, workers: int, seconds: float | None) -> list[Finished]:
    with Extractor(Pipeline([stage]), workers=workers, article_seconds=seconds) as extractor:  # type: ignore[list-item]
        return list(extractor.extract_stream((a, a.id) for a in articles))


@pytest.mark.parametrize(("workers", "seconds"), [(1, None), (1, 30.0), (2, 30.0)])
def test_a_failure_stays_with_its_article(workers: int, seconds: float | None) -> None:
    articles = messages(40, "kaputt", 7)
    results = extract_all(articles, NumberingStage(), workers, seconds)
    assert sorted(item.tag for item in results) == sorted(a.id for a in articles)
    failed = [item.extraction for item in results if item.extraction.record is None]
    assert [extraction.article_id for extraction in failed] == ["kaputt"]
    assert str(failed[0].error) == "kaputt: E013 pipeline failed: numbering: RuntimeError: this stage was told to fail"
    assert all(item.extraction.record["id"] == item.tag for item in results if item.extraction.record)


@pytest.mark.parametrize("workers", [1, 2])
def test_an_article_over_the_time_limit_fails_alone_and_the_batch_goes_on(workers: int) -> None:
    articles = messages(12, "langsam", 0)
    started = time.monotonic()
    results = extract_all(articles, SlowStage(seconds=600), workers, seconds=1.0)
    assert time.monotonic() - started < 120  # a guard: the sleeping worker was killed, not waited for
    outcome = {item.tag: item.extraction for item in results}
    assert set(outcome) == {a.id for a in articles}
    assert outcome["langsam"].error is not None and outcome["langsam"].error.code is ErrorCode.E015
    assert all(outcome[a.id].record is not None for a in articles if a.id != "langsam")


def test_results_come_as_they_finish_so_a_slow_article_holds_back_only_itself() -> None:
    articles = messages(12, "langsam", 0)
    results = extract_all(articles, SlowStage(seconds=3), workers=2, seconds=60.0)
    assert results[-1].tag == "langsam" and results[-1].extraction.record is not None
    assert [item.tag for item in results[:-1]] == [a.id for a in articles[1:]]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_dead_worker_is_replaced_and_only_its_article_fails(workers: int) -> None:
    articles = messages(12, "absturz", 3)
    outcome = {item.tag: item.extraction for item in extract_all(articles, CrashingStage(), workers, 30.0)}
    assert set(outcome) == {a.id for a in articles}
    assert outcome["absturz"].error is not None and outcome["absturz"].error.code is ErrorCode.E016
    assert "exit code 1" in str(outcome["absturz"].error)
    assert [a.id for a in articles if outcome[a.id].record is None] == ["absturz"]


def test_extract_one_serves_several_threads_and_a_slow_article_holds_one_worker() -> None:
    pipeline = Pipeline([SlowStage(seconds=600)])
    with Extractor(pipeline, workers=2, article_seconds=2.0) as extractor, ThreadPoolExecutor(2) as threads:
        slow = threads.submit(extractor.extract_one, Article(id="langsam", text="Eine Meldung."))
        quick = [extractor.extract_one(Article(id=f"a{n}", text=f"Meldung {n}.")) for n in range(5)]
        assert not slow.done()  # the quick ones did not wait for it
        assert all(extraction.record is not None for extraction in quick)
        failed = slow.result(timeout=120)
    assert failed.error is not None and failed.error.code is ErrorCode.E015


def test_the_service_stores_others_while_a_slow_article_runs(tmp_path: Path) -> None:
    articles = messages(10, "langsam", 0)
    settings = Settings(workers=2, article_seconds=1.0, batch_max_seconds=0)
    with IngestService(tmp_path / "s.duckdb", settings=settings, pipeline=Pipeline([SlowStage(600)])) as service:
        results = list(service.ingest(articles))
        summary = service.summary
    assert [r.status for r in results[:-1]] == [Status.STORED] * 9
    assert results[-1].article_id == "langsam" and results[-1].status is Status.FAILED
    assert results[-1].error is not None and results[-1].error.code is ErrorCode.E015
    assert (summary.stored, summary.failed, summary.exit_code) == (9, 1, 1)
    with open_store(tmp_path / "s.duckdb") as connection:
        assert connection.execute("SELECT count(*) FROM articles").fetchone()[0] == 9


def test_batches_close_when_full_or_old() -> None:
    """Small transactions are dear: a batch fills up unless its first result has waited too long."""
    results = [Finished(n, Extraction(f"a{n}", {})) for n in range(20)]
    patient = Batch[int](Settings(batch_max_articles=6, batch_max_seconds=3600))
    assert [len(batch) for batch in map(patient.add, results) if batch] == [6, 6, 6]
    assert len(patient.flush()) == 2
    hasty = Batch[int](Settings(batch_max_articles=6, batch_max_seconds=0))
    assert [len(batch) for batch in map(hasty.add, results) if batch] == [1] * 20


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


def test_a_stream_left_early_leaves_no_stale_answer_for_the_next() -> None:
    with Extractor(Pipeline([SlowStage(seconds=600)]), workers=2, article_seconds=60.0) as extractor:
        first = extractor.extract_stream((a, a.id) for a in messages(6, "langsam", 0))
        next(first)  # one quick result; 'langsam' is still running
        first.close()
        again = list(extractor.extract_stream((a, a.id) for a in messages(4, "schnell", 0)))
    assert all(item.extraction.record is not None for item in again)
    assert sorted((item.tag, item.extraction.article_id) for item in again) == [
        (a.id, a.id) for a in sorted(messages(4, "schnell", 0), key=lambda a: a.id)
    ]

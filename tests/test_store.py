"""The store: schema, one transaction per article, skip/replace decisions, refused databases."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest

from lagebild.document import Claimant, Evidence
from lagebild.store import SCHEMA_VERSION, Action, StoreError, StoreErrorCode, open_store, plan_article, store_record
from lagebild.store.api_queries import select_article
from lagebild.store.schema import TABLE_NAMES, create_schema
from lagebild.store.writer import StoredArticle, find_stored, text_hash
from tests.test_store_support import as_schema_version, make_event, make_record

TEXT = "Kim reist nach Russland\nDer Machthaber traf am Mittwoch in Wladiwostok den Präsidenten."


def stored_counts(db: Path) -> dict[str, int]:
    with open_store(db) as connection:
        return {table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLE_NAMES}


def test_new_store_has_every_table_and_the_schema_version(tmp_path: Path) -> None:
    db = tmp_path / "new.duckdb"
    with open_store(db, create=True):
        pass
    with open_store(db) as connection:
        assert connection.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]
    assert set(stored_counts(db)) == set(TABLE_NAMES)


def test_a_record_is_stored_with_events_mentions_actors_and_sources(tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    event = make_event(
        TEXT,
        day=date(2023, 9, 13),
        place=("Vladivostok", "RUS"),
        evidence="traf",
        source_name="Kim Jong-un",
        attribution=(("Yonhap", "KOR"), ("Regierungskreise", None)),
    )
    record = make_record("kim-reise", TEXT, [event], url="https://example.org/kim")
    with open_store(db, create=True) as connection:
        assert store_record(connection, record, "v1") == 1
        article = connection.execute(
            "SELECT id, published, outlet, pipeline_version, text_hash FROM articles"
        ).fetchone()
        row = connection.execute(
            "SELECT type, modality, source_country, source_name, target_country, location_name, time_start, in_lead "
            "FROM events"
        ).fetchone()
        mentions = connection.execute("SELECT start_char, end_char, text FROM mentions").fetchall()
        actors = connection.execute("SELECT role, country FROM actors ORDER BY role").fetchall()
        sources = connection.execute("SELECT position, text, country FROM sources ORDER BY position").fetchall()
    assert article == ("kim-reise", date(2023, 9, 14), "Testblatt", "v1", text_hash(TEXT))
    assert row == ("CONSULT", "asserted", "PRK", "Kim Jong-un", "RUS", "Vladivostok", date(2023, 9, 13), True)
    start = TEXT.index("traf")
    assert mentions == [(start, start + 4, "traf")]
    assert actors == [("source", "PRK"), ("target", "RUS")]
    assert sources == [(0, "Yonhap", "KOR"), (1, "Regierungskreise", None)]


ATTACK = (
    "Russische Truppen griffen Charkiw an, sagte ein Sprecher des Ministeriums. Der Angriff dauerte mehrere Stunden."
)
SPOKESMAN = [{"text": "ein Sprecher des Ministeriums", "country": "UKR"}]


def attack_record(article_id: str = "charkiw") -> dict:
    """One attack told twice: by a spokesman, then in the article's own voice."""
    text = f"Angriff ({article_id})\n{ATTACK}"
    said, own = (text.index(part) for part in ("Russische Truppen", "Der Angriff"))
    event = make_event(text, "ASSAULT", "RUS", "UKR")
    event.evidence = [
        Evidence(said, own - 1, [Claimant("ein Sprecher des Ministeriums", "UKR")]),
        Evidence(own, len(text)),
    ]
    return make_record(article_id, text, [event])


def test_each_mention_is_stored_with_the_attribution_of_its_passage(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.duckdb", create=True) as connection:
        store_record(connection, attack_record(), "v1")
        rows = connection.execute("SELECT position, attribution FROM mentions ORDER BY position").fetchall()
        article = select_article(connection, "charkiw")
    assert [(position, json.loads(chain)) for position, chain in rows] == [(0, SPOKESMAN), (1, [])]
    spans = article["events"][0]["evidence_spans"]
    assert [span["attribution"] for span in spans] == [SPOKESMAN, []]
    assert spans[1]["text"] == "Der Angriff dauerte mehrere Stunden."


def test_a_store_of_schema_version_2_is_read_as_it_is_and_migrated_for_writing(tmp_path: Path) -> None:
    db = tmp_path / "alt.duckdb"
    with duckdb.connect(str(db)) as connection:
        create_schema(connection, created_by="test")
        store_record(connection, attack_record("vorher"), "v1")
        as_schema_version(connection, 2)  # its mentions lose their chains: version 2 kept none
    with open_store(db) as connection:  # a reader reads it as it is: who says each passage is not known
        spans = select_article(connection, "vorher")["events"][0]["evidence_spans"]
        assert [(span["text"][:11], span["attribution"]) for span in spans] == [
            ("Russische T", None),
            ("Der Angriff", None),
        ]
    with open_store(db, create=True) as connection:
        assert connection.execute("SELECT max(version) FROM schema_version").fetchone() == (SCHEMA_VERSION,)
        store_record(connection, attack_record("nachher"), "v1")
        migrated = connection.execute("DESCRIBE mentions").fetchall()
        chains = connection.execute(
            "SELECT e.article_id, m.attribution FROM mentions m JOIN events e ON e.id = m.event_id "
            "ORDER BY e.article_id DESC, m.position"
        ).fetchall()
    assert [(article_id, chain and json.loads(chain)) for article_id, chain in chains] == [
        ("vorher", None),
        ("vorher", None),
        ("nachher", SPOKESMAN),
        ("nachher", []),
    ]
    with duckdb.connect() as fresh:
        create_schema(fresh, created_by="test")
        assert migrated == fresh.execute("DESCRIBE mentions").fetchall()


def test_an_event_outside_headline_and_first_paragraph_is_not_in_the_lead(tmp_path: Path) -> None:
    text = "Kurze Meldung\nErster Absatz ohne Ereignis.\nSpäter trafen sich die Minister in Berlin."
    record = make_record("spaet", text, [make_event(text, evidence="trafen")])
    record["structure"]["blocks"] = [
        {"kind": "headline", "start": 0, "end": 13},
        {"kind": "paragraph", "start": 14, "end": 42},
        {"kind": "paragraph", "start": 43, "end": len(text)},
    ]
    with open_store(tmp_path / "s.duckdb", create=True) as connection:
        store_record(connection, record, "v1")
        assert connection.execute("SELECT in_lead FROM events").fetchone() == (False,)


def test_a_record_that_fails_midway_leaves_nothing_behind(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    record = make_record("kaputt", TEXT, [make_event(TEXT), make_event(TEXT)])
    del record["events"][1]["type"]  # the second event cannot be stored
    with open_store(db, create=True) as connection, pytest.raises(KeyError):
        store_record(connection, record, "v1")
    assert stored_counts(db)["articles"] == 0
    assert stored_counts(db)["events"] == 0


def test_replacing_an_article_removes_its_old_rows(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    with open_store(db, create=True) as connection:
        store_record(connection, make_record("a", TEXT, [make_event(TEXT), make_event(TEXT, "ACCUSE")]), "v1")
        store_record(connection, make_record("a", TEXT, [make_event(TEXT)]), "v2", replaces=["a"])
    counts = stored_counts(db)
    assert (counts["articles"], counts["events"], counts["mentions"], counts["actors"]) == (1, 1, 1, 2)


@pytest.mark.parametrize(
    ("stored", "reprocess", "expected"),
    [
        ([], False, Action.STORE),
        ([StoredArticle("a", "h", "v1")], False, Action.SKIP),
        ([StoredArticle("a", "h", "v1")], True, Action.SKIP),  # same version: nothing to redo
        ([StoredArticle("a", "h", "v0")], False, Action.SKIP),  # outdated, but not asked to redo
        ([StoredArticle("a", "h", "v0")], True, Action.REPLACE),
    ],
)
def test_plan_article(stored: list[StoredArticle], reprocess: bool, expected: Action) -> None:
    plan = plan_article(stored, "v1", reprocess)
    assert plan.action is expected
    assert plan.replaces == (("a",) if expected is Action.REPLACE else ())


def test_an_article_is_found_by_id_or_by_text(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.duckdb", create=True) as connection:
        store_record(connection, make_record("a", TEXT, []), "v1")
        assert [s.id for s in find_stored(connection, "a", text_hash("anderer Text"))] == ["a"]
        assert [s.id for s in find_stored(connection, "b", text_hash(TEXT))] == ["a"]
        assert find_stored(connection, "b", text_hash("anderer Text")) == []


@pytest.mark.parametrize("content", [b"", b"Das ist keine Datenbank.\n" * 50, bytes(range(256)) * 40])
def test_a_corrupt_file_is_refused_and_left_untouched(tmp_path: Path, content: bytes) -> None:
    db = tmp_path / "corrupt.duckdb"
    db.write_bytes(content)
    for create in (False, True):
        with pytest.raises(StoreError) as caught, open_store(db, create=create):
            pass
        assert caught.value.code is StoreErrorCode.S002
        assert "\n" not in str(caught.value)
    assert db.read_bytes() == content


def test_reading_a_missing_store_does_not_create_one(tmp_path: Path) -> None:
    db = tmp_path / "missing.duckdb"
    with pytest.raises(StoreError) as caught, open_store(db):
        pass
    assert caught.value.code is StoreErrorCode.S003
    assert not db.exists()


def test_a_duckdb_file_of_another_application_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "other.duckdb"
    duckdb.connect(str(db)).execute("CREATE TABLE kunden (name VARCHAR)").close()
    with pytest.raises(StoreError) as caught, open_store(db, create=True):
        pass
    assert caught.value.code is StoreErrorCode.S004


def test_a_store_of_another_schema_version_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    with open_store(db, create=True) as connection:
        connection.execute("UPDATE schema_version SET version = ?", [SCHEMA_VERSION + 1])
    with pytest.raises(StoreError) as caught, open_store(db):
        pass
    assert caught.value.code is StoreErrorCode.S005


def hold_lock(db: Path) -> subprocess.Popen:
    """Another process with the store open for writing, until its stdin closes."""
    script = "import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('open', flush=True); sys.stdin.read()"
    holder = subprocess.Popen(
        [sys.executable, "-c", script, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
    return holder


def test_a_store_locked_by_another_process_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    with open_store(db, create=True):
        pass
    holder = hold_lock(db)
    try:
        for create in (False, True):
            with pytest.raises(StoreError) as caught, open_store(db, create=create):
                pass
            assert caught.value.code is StoreErrorCode.S001
            assert str(holder.pid) in str(caught.value)
    finally:
        holder.communicate("")
    with open_store(db):  # usable again once the other process is gone
        pass

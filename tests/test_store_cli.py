"""The store commands end to end: ingest (idempotent, resumable after kill -9, bad input, --reprocess,
refused databases), events, actors, stats, export."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lagebild.store import open_store
from tests.conftest import REPO, children_of
from tests.test_store_support import fake_pipeline, store_app, write_input

MEETING = "Kim trifft Putin\nDer nordkoreanische Machthaber traf in Wladiwostok den russischen Präsidenten."
MEETING_AGAIN = "Gipfel in Wladiwostok\nPutin empfing Kim, wie das Außenministerium mitteilte."
CRITICISM = "Kritik aus Seoul\nSüdkorea warf Nordkorea am Montag eine gefährliche Provokation vor."
CONSULT = {"type": "CONSULT", "source": "PRK", "target": "RUS", "day": "2023-09-13", "evidence": "Wladiwostok"}


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "artikel"
    folder.mkdir()
    write_input(folder, "treffen", MEETING, "2023-09-14", "Zeitung A", [CONSULT])
    reverse = CONSULT | {"source": "RUS", "target": "PRK"}
    write_input(folder, "gipfel", MEETING_AGAIN, "2023-09-14", "Zeitung B", [reverse])
    accuse = {"type": "ACCUSE", "source": "KOR", "target": "PRK", "evidence": "warf"}
    write_input(folder, "kritik", CRITICISM, "2023-09-05", "Zeitung A", [accuse])
    return folder


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("lagebild.cli.ingest.default_pipeline", fake_pipeline)


def invoke(*args: str | Path):
    return CliRunner().invoke(store_app(), [str(arg) for arg in args])


def table_counts(db: Path) -> tuple[int, int, int]:
    with open_store(db) as connection:
        return tuple(
            connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("articles", "events", "clusters")
        )


def test_ingest_twice_adds_nothing_the_second_time(inputs: Path, tmp_path: Path, fake: None) -> None:
    db = tmp_path / "s.duckdb"
    first = invoke("ingest", inputs, "--db", db)
    assert first.exit_code == 0, first.stderr
    assert "3 stored" in first.stderr
    assert table_counts(db) == (3, 3, 2)
    (inputs / "kopie.json").write_text(
        json.dumps({"id": "kopie", "text": MEETING, "published": "2023-09-15", "test_events": [CONSULT]}),
        encoding="utf-8",
    )  # the same text under another id is the same article
    second = invoke("ingest", inputs, "--db", db)
    assert second.exit_code == 0, second.stderr
    assert "0 stored" in second.stderr and "4 already stored" in second.stderr
    assert table_counts(db) == (3, 3, 2)


def test_bad_input_is_reported_per_item_and_the_batch_goes_on(inputs: Path, tmp_path: Path, fake: None) -> None:
    (inputs / "kaputt.json").write_text('{"id": "kaputt", "text": ', encoding="utf-8")
    write_input(inputs, "explodiert", "Ein Text, an dem die Stufe scheitert.", "2023-09-14", "X", [{"explode": 1}])
    db = tmp_path / "s.duckdb"
    result = invoke("ingest", inputs, "--db", db, "--quiet")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2
    assert any("E006" in line and "kaputt.json" in line for line in errors)
    assert any("E013" in line and "explodiert" in line for line in errors)
    assert table_counts(db)[0] == 3


def test_reprocess_replaces_articles_of_another_pipeline_version(
    inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "s.duckdb"
    monkeypatch.setattr("lagebild.cli.ingest.default_pipeline", lambda: fake_pipeline("1"))
    assert invoke("ingest", inputs, "--db", db, "-q").exit_code == 0
    monkeypatch.setattr("lagebild.cli.ingest.default_pipeline", lambda: fake_pipeline("2"))
    unchanged = invoke("ingest", inputs, "--db", db)
    assert "3 already stored" in unchanged.stderr
    redone = invoke("ingest", inputs, "--db", db, "--reprocess")
    assert redone.exit_code == 0, redone.stderr
    assert "3 re-processed" in redone.stderr
    assert table_counts(db) == (3, 3, 2)
    with open_store(db) as connection:
        versions = connection.execute("SELECT DISTINCT pipeline_version FROM articles").fetchall()
    assert len(versions) == 1 and "fake_events@2" in versions[0][0]
    again = invoke("ingest", inputs, "--db", db, "--reprocess")
    assert "0 re-processed" in again.stderr and "3 already stored" in again.stderr


@pytest.mark.parametrize(
    "command",
    [
        ("ingest", "{inputs}"),
        ("events",),
        ("actors",),
        ("stats",),
        ("export", "--format", "csv", "-o", "{out}"),
    ],
)
def test_a_corrupt_store_gets_one_line_and_exit_code_2(
    command: tuple[str, ...], inputs: Path, tmp_path: Path, fake: None
) -> None:
    db = tmp_path / "kaputt.duckdb"
    db.write_bytes(b"kein DuckDB\n" * 100)
    args = [part.format(inputs=inputs, out=tmp_path / "x.csv") for part in command]
    result = invoke(*args, "--db", db)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "S002" in result.stderr
    assert db.read_bytes() == b"kein DuckDB\n" * 100
    assert not (tmp_path / "x.csv").exists()


def test_a_locked_store_gets_one_line_and_exit_code_2(inputs: Path, tmp_path: Path, fake: None) -> None:
    db = tmp_path / "s.duckdb"
    assert invoke("ingest", inputs, "--db", db, "-q").exit_code == 0
    script = "import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('open', flush=True); sys.stdin.read()"
    holder = subprocess.Popen([sys.executable, "-c", script, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == b"open"
        for args in (("ingest", inputs), ("events",)):
            result = invoke(*args, "--db", db)
            assert result.exit_code == 2
            assert "S001" in result.stderr and "locked" in result.stderr
    finally:
        holder.communicate(b"")


def test_reading_a_missing_store_creates_nothing(tmp_path: Path) -> None:
    result = invoke("events", "--db", tmp_path / "fehlt.duckdb")
    assert result.exit_code == 2 and "S003" in result.stderr
    assert not (tmp_path / "fehlt.duckdb").exists()


@pytest.fixture
def filled(inputs: Path, tmp_path: Path, fake: None) -> Path:
    db = tmp_path / "s.duckdb"
    assert invoke("ingest", inputs, "--db", db, "-q").exit_code == 0
    return db


def test_events_command_formats_and_filters(filled: Path) -> None:
    table = invoke("events", "--db", filled, "--actor", "PRK", "--type", "CONSULT")
    assert table.exit_code == 0, table.stderr
    assert "CONSULT" in table.stdout and "ACCUSE" not in table.stdout
    rows = list(csv.DictReader(io.StringIO(invoke("events", "--db", filled, "--format", "csv").stdout)))
    assert sorted(row["article_id"] for row in rows) == ["gipfel", "kritik", "treffen"]
    since = invoke("events", "--db", filled, "--since", "2023-09-10", "--format", "jsonl").stdout
    assert sorted(json.loads(line)["article_id"] for line in since.splitlines()) == ["gipfel", "treffen"]
    clusters = invoke("events", "--db", filled, "--clusters", "--format", "jsonl", "--type", "consult").stdout
    (cluster,) = [json.loads(line) for line in clusters.splitlines()]
    assert (cluster["articles"], cluster["outlets"]) == (2, 2)


def test_events_command_refuses_an_unknown_type(filled: Path) -> None:
    result = invoke("events", "--db", filled, "--type", "PICKNICK")
    assert result.exit_code == 2 and "unknown event type" in result.stderr


def test_actors_and_stats_commands(filled: Path) -> None:
    actors = list(csv.DictReader(io.StringIO(invoke("actors", "--db", filled, "--format", "csv").stdout)))
    assert {row["country"] for row in actors} == {"PRK", "RUS", "KOR"}
    stats = invoke("stats", "--db", filled)
    assert stats.exit_code == 0
    assert "articles: 3" in stats.stdout and "reported by more than one article: 1" in stats.stdout
    assert "fake_events@1" in stats.stdout  # markup-like brackets are printed as they are


@pytest.mark.parametrize("export_format", ["csv", "jsonl", "parquet", "gdelt"])
def test_export_command_writes_the_file(filled: Path, tmp_path: Path, export_format: str) -> None:
    out = tmp_path / "export" / f"ereignisse.{export_format}"
    result = invoke("export", "--db", filled, "--format", export_format, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert out.stat().st_size > 0
    assert ("2 clusters" if export_format == "gdelt" else "3 events") in result.stderr


KILLABLE_INGEST = """
import functools, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import lagebild.cli.ingest as ingest
from lagebild.pipeline import Pipeline
from lagebild.structure import StructureStage
from tests.test_store_support import FakeEventStage, store_app

marker, pause = Path(sys.argv[2]), float(sys.argv[3])

class MarkingStage:
    name, requires, assigns = "marking", ("text",), ()

    def __call__(self, article):
        with marker.open("a") as file:
            file.write(article.id + "\\n")
        time.sleep(pause)  # > 0: killed while extracting; 0: most likely while writing
        return article

ingest.default_pipeline = lambda: Pipeline([StructureStage(), FakeEventStage(), MarkingStage()])
# small batches, so that the kill lands between several committed transactions
ingest.Settings = functools.partial(ingest.Settings, batch_max_articles=4, batch_max_seconds=0.05)
store_app()(sys.argv[4:])
"""


def run_killable_ingest(script: Path, marker: Path, pause: float, folder: Path, db: Path) -> subprocess.Popen:
    command = [sys.executable, str(script), str(REPO), str(marker), str(pause), "ingest", str(folder), "--db", str(db)]
    command += ["--workers", "2"]  # the parallel path: a kill can land between batched transactions
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


@pytest.mark.parametrize("pause", [0.03, 0.0])
def test_an_ingest_killed_midway_leaves_a_consistent_store_and_a_rerun_completes_it(
    tmp_path: Path, pause: float
) -> None:
    folder = tmp_path / "viele"
    folder.mkdir()
    total = 60
    for number in range(total):
        text = f"Meldung {number}\nDie Regierung in Seoul kritisierte Pjöngjang zum {number}. Mal in diesem Jahr."
        write_input(folder, f"m{number:03d}", text, "2023-09-14", f"Zeitung {number % 3}",
                    [{"type": "ACCUSE", "source": "KOR", "target": "PRK", "evidence": "kritisierte"}])  # fmt: skip
    script, marker, db = tmp_path / "ingest.py", tmp_path / "marker.txt", tmp_path / "s.duckdb"
    script.write_text(KILLABLE_INGEST, encoding="utf-8")
    process = run_killable_ingest(script, marker, pause, folder, db)
    deadline = time.monotonic() + 120  # a guard against a hung process, not a timing assertion
    while process.poll() is None and time.monotonic() < deadline:
        if marker.exists() and len(marker.read_text().splitlines()) >= 15:
            os.kill(process.pid, signal.SIGKILL)
            break
        time.sleep(0.01)
    process.wait()
    assert process.returncode == -signal.SIGKILL, process.stderr.read() if process.stderr else ""

    with open_store(db) as connection:  # consistent: every stored article has exactly its one event
        articles, events, orphans = connection.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), "
            "(SELECT count(*) FROM events WHERE article_id NOT IN (SELECT id FROM articles))"
        ).fetchone()
    assert 0 < articles < total
    assert (events, orphans) == (articles, 0)

    rerun = run_killable_ingest(script, marker, pause, folder, db)
    assert rerun.wait(timeout=120) == 0
    with open_store(db) as connection:
        counts = connection.execute(
            "SELECT count(*), count(DISTINCT article_id), count(cluster_id) FROM events"
        ).fetchone()
        assert connection.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone() == (total, total)
        mentions = connection.execute("SELECT count(*) FROM mentions").fetchone()[0]
    assert counts == (total, total, total)
    assert mentions == total


STALLED_CLUSTERING = """
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import lagebild.cli.ingest as ingest
import lagebild.service as service
from tests.test_store_support import fake_pipeline, store_app

def stalled(connection, *args):
    Path(sys.argv[2]).touch()
    time.sleep(600)

ingest.default_pipeline = fake_pipeline
service.recompute_clusters = stalled
store_app()(sys.argv[3:])
"""


def test_an_ingest_killed_while_clustering_leaves_every_event_in_a_cluster(
    inputs: Path, tmp_path: Path, fake: None
) -> None:
    script, marker, db = tmp_path / "ingest.py", tmp_path / "clustering", tmp_path / "s.duckdb"
    script.write_text(STALLED_CLUSTERING, encoding="utf-8")
    command = [sys.executable, str(script), str(REPO), str(marker), "ingest", str(inputs), "--db", str(db), "-w", "1"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120  # a guard against a hung process, not a timing assertion
    while not marker.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    with open_store(db) as connection:
        events, clustered, dangling = connection.execute(
            "SELECT count(*), count(cluster_id), count(*) FILTER (WHERE cluster_id NOT IN (SELECT id FROM clusters)) "
            "FROM events"
        ).fetchone()
    assert (events, clustered, dangling) == (3, 3, 0)
    assert invoke("ingest", inputs, "--db", db).exit_code == 0  # nothing new: the rerun merges what was left
    assert table_counts(db) == (3, 3, 2)


def test_workers_die_with_a_killed_ingest(tmp_path: Path) -> None:
    folder = tmp_path / "viele"
    folder.mkdir()
    for number in range(40):
        write_input(folder, f"m{number:03d}", f"Meldung {number}\nSeoul kritisierte Pjöngjang.", "2023-09-14", "Z", [])
    script, marker, db = tmp_path / "ingest.py", tmp_path / "marker.txt", tmp_path / "s.duckdb"
    script.write_text(KILLABLE_INGEST, encoding="utf-8")
    process = run_killable_ingest(script, marker, 0.2, folder, db)
    deadline = time.monotonic() + 120  # a guard against a hung process, not a timing assertion
    while not (marker.exists() and len(marker.read_text().splitlines()) >= 4) and time.monotonic() < deadline:
        time.sleep(0.01)
    workers = children_of(process.pid)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert len(workers) == 2
    deadline = time.monotonic() + 10
    while (alive := {pid for pid in workers if is_alive(pid)}) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert alive == set()


def is_alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2] != "Z"


def test_ingest_with_the_real_pipeline(tmp_path: Path) -> None:
    article = tmp_path / "bericht.txt"
    article.write_text(
        "Außenminister reist nach Paris\n\nDer Außenminister reist am Montag zu Gesprächen nach Paris. "
        "Dort will er seinen französischen Amtskollegen treffen, teilte das Ministerium mit.",
        encoding="utf-8",
    )
    db = tmp_path / "s.duckdb"
    result = invoke("ingest", article, "--db", db, "--published", "2023-09-04")
    assert result.exit_code == 0, result.stderr
    with open_store(db) as connection:
        row = connection.execute("SELECT id, lang, published, pipeline_version FROM articles").fetchone()
        structure = json.loads(connection.execute("SELECT structure FROM articles").fetchone()[0])
    assert row[:2] == ("bericht", "de") and str(row[2]) == "2023-09-04"
    assert "language" in row[3]
    assert structure["blocks"][0]["kind"] == "headline"

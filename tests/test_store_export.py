"""Exports: CSV, JSONL, Parquet read back with their own readers; the GDELT 2.0 layout column by column."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import duckdb
import pytest

from lagebild.store import ExportFormat, export_store, open_store, recompute_clusters, store_record
from lagebild.store.gdelt import GDELT_COLUMN_NAMES, GDELT_COLUMNS, cameo_code, cameo_table
from lagebild.store.query import PLOVER_TYPES
from tests.conftest import REPO
from tests.test_store_support import make_event, make_record

MEETING = "Kim trifft Putin\nDer Machthaber traf den Präsidenten in Wladiwostok."
MEETING_AGAIN = "Gipfel im Osten\nIn Wladiwostok kamen beide Staatschefs zusammen, sagte ein Sprecher."
RUMOUR = "Gerüchte über Angriff\nEin Angriff auf die Grenzstadt gilt als möglich."


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("export") / "store.duckdb"
    meeting = {"day": date(2023, 9, 13), "place": ("Vladivostok", "RUS"), "mode": "visit"}
    first = make_event(MEETING, source_name="Kim Jong-un", attribution=(("Yonhap", "KOR"),), **meeting)
    second = make_event(MEETING_AGAIN, source="RUS", target="PRK", evidence="kamen", **meeting)
    rumour = make_event(RUMOUR, "ASSAULT", source="RUS", target="UKR", modality="possible", evidence="Angriff")
    with open_store(db, create=True) as connection:
        store_record(connection, make_record("treffen", MEETING, [first], outlet="A", url="https://a.example/1"), "v")
        store_record(connection, make_record("gipfel", MEETING_AGAIN, [second], outlet="B"), "v")
        store_record(connection, make_record("geruecht", RUMOUR, [rumour], outlet="C"), "v")
        recompute_clusters(connection)
    return db


def export(store: Path, tmp_path: Path, export_format: ExportFormat) -> tuple[int, Path]:
    out = tmp_path / f"out.{export_format}"
    with open_store(store) as connection:
        return export_store(connection, export_format, out), out


def test_csv_export_reads_back_with_the_csv_module(store: Path, tmp_path: Path) -> None:
    count, out = export(store, tmp_path, ExportFormat.CSV)
    with out.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert count == len(rows) == 3
    meeting = next(row for row in rows if row["article_id"] == "treffen")
    assert (meeting["type"], meeting["source_country"], meeting["time_start"]) == ("CONSULT", "PRK", "2023-09-13")
    assert json.loads(meeting["attribution"]) == [{"text": "Yonhap", "country": "KOR"}]
    assert json.loads(meeting["evidence"]) == ["Kim"]


def test_jsonl_export_reads_back_with_json(store: Path, tmp_path: Path) -> None:
    count, out = export(store, tmp_path, ExportFormat.JSONL)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert count == len(records) == 3
    by_article = {record["article_id"]: record for record in records}
    assert by_article["gipfel"]["evidence"] == ["kamen"]
    assert by_article["treffen"]["attribution"] == [{"text": "Yonhap", "country": "KOR"}]
    assert by_article["treffen"]["cluster_id"] == by_article["gipfel"]["cluster_id"]
    assert by_article["geruecht"]["modality"] == "possible"


def test_parquet_export_reads_back_with_duckdb(store: Path, tmp_path: Path) -> None:
    count, out = export(store, tmp_path, ExportFormat.PARQUET)
    rows = duckdb.sql(f"SELECT article_id, type, time_start, evidence FROM read_parquet('{out}') ORDER BY 1").fetchall()
    assert count == len(rows) == 3
    assert rows[-1] == ("treffen", "CONSULT", date(2023, 9, 13), ["Kim"])


def gdelt_rows(store: Path, tmp_path: Path) -> list[dict[str, str]]:
    count, out = export(store, tmp_path, ExportFormat.GDELT)
    with out.open(encoding="utf-8", newline="") as file:
        rows = list(csv.reader(file, delimiter="\t"))
    assert count == len(rows)
    assert all(len(row) == len(GDELT_COLUMN_NAMES) == 61 for row in rows)
    return [dict(zip(GDELT_COLUMN_NAMES, row, strict=True)) for row in rows]


def test_gdelt_export_has_one_row_per_asserted_cluster(store: Path, tmp_path: Path) -> None:
    (row,) = gdelt_rows(store, tmp_path)  # the possible attack is left out
    dates = (row["Day"], row["MonthYear"], row["Year"], row["FractionDate"])
    assert dates == ("20230913", "202309", "2023", "2023.7753")
    assert (row["Actor1Code"], row["Actor1Name"], row["Actor1CountryCode"]) == ("PRKGOV", "KIM JONG-UN", "PRK")
    assert (row["Actor2Code"], row["Actor2Name"], row["Actor2Type1Code"]) == ("RUSGOV", "RUSSIA", "GOV")
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == ("042", "042", "04")
    assert (row["QuadClass"], row["GoldsteinScale"], row["IsRootEvent"]) == ("1", "1.9", "1")
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"], row["AvgTone"]) == ("2", "2", "2", "")
    assert (row["ActionGeo_Type"], row["ActionGeo_CountryCode"], row["ActionGeo_FeatureID"]) == ("4", "RS", "2013348")
    assert row["ActionGeo_FullName"] == "Vladivostok, Russia"
    assert float(row["ActionGeo_Lat"]) == pytest.approx(43.1, abs=0.1)
    assert row["SOURCEURL"] == "https://a.example/1"
    assert len(row["DATEADDED"]) == 14
    assert row["GlobalEventID"].isdigit()


def test_every_plover_type_has_a_cameo_code() -> None:
    for plover_type in PLOVER_TYPES:
        code = cameo_code(plover_type, None)
        assert len(code.code) == 3 and code.code.isdigit()
        assert -10 <= code.goldstein <= 10
    assert {plover_type for plover_type, _ in cameo_table()} == set(PLOVER_TYPES)
    assert cameo_code("CONSULT", "an unknown mode") == cameo_code("CONSULT", None)


@pytest.mark.parametrize(
    ("plover_type", "quad_class"), [("CONSULT", 1), ("AID", 2), ("ACCUSE", 3), ("ASSAULT", 4), ("PROTEST", 4)]
)
def test_quad_class_follows_the_cameo_root(plover_type: str, quad_class: int) -> None:
    assert cameo_code(plover_type, None).quad_class == quad_class


def test_every_gdelt_column_is_documented() -> None:
    documentation = (REPO / "docs" / "schema.md").read_text(encoding="utf-8")
    missing = [name for name, _ in GDELT_COLUMNS if f"`{name}`" not in documentation]
    assert missing == []


def test_a_failed_export_leaves_the_previous_file(store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "events.csv"
    out.write_text("earlier export\n", encoding="utf-8")

    def failing_query(*args: object) -> list:
        raise RuntimeError("the query failed")

    monkeypatch.setattr("lagebild.store.export.select_events", failing_query)
    with open_store(store) as connection, pytest.raises(RuntimeError):
        export_store(connection, ExportFormat.CSV, out)
    assert out.read_text(encoding="utf-8") == "earlier export\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["events.csv"]  # no temporary file left

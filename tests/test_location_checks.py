"""Where an event happens (tests/data/location_checks.tsv).

Each row names an event type; the first event of that type must carry the row's place (GeoNames English name
and ISO3 country), or no place when the row's name is "null".
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from lagebild.document import Article

BATTERY = Path(__file__).resolve().parent / "data" / "location_checks.tsv"
NONE = "null"


def read_rows() -> list[dict[str, str]]:
    lines = [line for line in BATTERY.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def row_holds(article: Article, row: dict[str, str]) -> bool:
    event = next((e for e in article.events if e.type == row["type"]), None)
    if event is None:
        return False
    if row["name"] == NONE:
        return event.location is None
    if event.location is None:
        return False
    country = event.location.place.country or NONE
    return event.location.place.name == row["name"] and country == row["country"]


def battery_params() -> list:
    params = []
    for row in read_rows():
        marks = [pytest.mark.xfail(reason=row["xfail"], strict=True)] if row["xfail"] else []
        params.append(pytest.param(row, marks=marks, id=row["note"]))
    return params


def test_battery_covers_places_and_their_absence() -> None:
    rows = read_rows()
    assert len(rows) >= 60
    assert sum(row["name"] == NONE for row in rows) >= 10


@pytest.mark.parametrize("row", battery_params())
def test_location_checks(run, row: dict[str, str]) -> None:
    article = run(row["sentence"].replace("\\n", "\n"), published=row["date"])
    found = [
        (e.type, e.location.text if e.location else None, e.location.place if e.location else None)
        for e in article.events
    ]
    assert row_holds(article, row), found

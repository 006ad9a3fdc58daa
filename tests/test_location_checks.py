"""Where an event happens (tests/data/location_checks.tsv).

Each row names an event type; the first event of that type must carry the row's place (GeoNames English name
and ISO3 country), or no place when the row's name is "null".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.document import Article
from tests.battery_support import read_table, row_params

BATTERY = Path(__file__).resolve().parent / "data" / "location_checks.tsv"
NONE = "null"


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


def test_battery_covers_places_and_their_absence() -> None:
    rows = read_table(BATTERY)
    assert len(rows) >= 60
    assert sum(row["name"] == NONE for row in rows) >= 10


@pytest.mark.parametrize("row", row_params(read_table(BATTERY), lambda row: row["note"]))
def test_location_checks(run, row: dict[str, str]) -> None:
    article = run(row["sentence"].replace("\\n", "\n"), published=row["date"])
    found = [
        (e.type, e.location.text if e.location else None, e.location.place if e.location else None)
        for e in article.events
    ]
    assert row_holds(article, row), found

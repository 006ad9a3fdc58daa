"""Events named outside a main-clause verb, and reactions aimed at the doer (tests/data/nominal_recall.tsv).

Each row names the type of one event the text must yield, with its countries and modality where given; a NONE row
must yield no event. Unlike the type batteries, the rows mix types: each row tests its own.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.document import Article, Event
from lagebild.plover import SYMMETRIC_TYPES
from tests.battery_support import read_table, row_params

BATTERY = Path(__file__).resolve().parent / "data" / "nominal_recall.tsv"
NO_COUNTRY = "-"


def country_fits(wanted: str, found: str | None) -> bool:
    if wanted == NO_COUNTRY:
        return found is None
    return not wanted or found == wanted


def matches(event: Event, row: dict[str, str]) -> bool:
    """An event of the row's type, countries (either order for a symmetric type) and modality."""
    if event.type != row["type"] or (row["modality"] and event.modality != row["modality"]):
        return False
    source = event.source.actor.country if event.source else None
    target = event.target.actor.country if event.target else None
    pairs = [(source, target), (target, source)] if row["type"] in SYMMETRIC_TYPES else [(source, target)]
    return any(country_fits(row["source"], s) and country_fits(row["target"], t) for s, t in pairs)


def holds(article: Article, row: dict[str, str]) -> bool:
    if row["type"] == "NONE":
        return not article.events
    return any(matches(event, row) for event in article.events)


@pytest.mark.parametrize("row", row_params(read_table(BATTERY), lambda row: f"{row['type']}: {row['note']}"))
def test_nominal_battery(run, row: dict[str, str]) -> None:
    article = run(row["sentence"].replace("\\n", "\n"), published=row["date"])
    assert holds(article, row), [(e.type, e.source, e.target, e.modality) for e in article.events]

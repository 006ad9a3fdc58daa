"""Events named outside a main-clause verb, and reactions aimed at the doer (tests/data/nominal_recall.tsv).

Each row names the type of one event the text must yield, with its countries and modality where given; a NONE row
must yield no event. Unlike the type batteries, the rows mix types: each row tests its own.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from lagebild.document import Article, Event
from lagebild.plover import SYMMETRIC_TYPES

BATTERY = Path(__file__).resolve().parent / "data" / "nominal_recall.tsv"
NO_COUNTRY = "-"


def read_rows() -> list[dict[str, str]]:
    lines = [line for line in BATTERY.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


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


def known_failure(row: dict[str, str]) -> list:
    return [pytest.mark.xfail(reason=row["xfail"], strict=True)] if row["xfail"] else []


def params() -> list:
    return [pytest.param(row, marks=known_failure(row), id=f"{row['type']}: {row['note']}") for row in read_rows()]


@pytest.mark.parametrize("row", params())
def test_nominal_battery(run, row: dict[str, str]) -> None:
    article = run(row["sentence"].replace("\\n", "\n"), published=row["date"])
    assert holds(article, row), [(e.type, e.source, e.target, e.modality) for e in article.events]

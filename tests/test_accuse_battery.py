"""ACCUSE in every form German news uses, and its near misses (tests/data/accuse_battery.tsv)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from lagebild.document import Article, Event

BATTERY = Path(__file__).resolve().parent / "data" / "accuse_battery.tsv"


def read_battery(path: Path = BATTERY) -> list[dict[str, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def matches(event: Event, source: str, target: str) -> bool:
    """An ACCUSE event with the row's source and target country, where the row names them."""
    found_source = event.source.actor.country if event.source else None
    found_target = event.target.actor.country if event.target else None
    return (not source or found_source == source) and (not target or found_target == target)


def battery_holds(article: Article, row: dict[str, str]) -> bool:
    accusations = [e for e in article.events if e.type == "ACCUSE"]
    if row["type"] == "NONE":
        return not accusations
    return any(matches(e, row["source"], row["target"]) for e in accusations)


def battery_params() -> list:
    marks = lambda row: [pytest.mark.xfail(reason=row["xfail"], strict=True)] if row["xfail"] else []  # noqa: E731
    return [pytest.param(row, marks=marks(row), id=row["note"]) for row in read_battery()]


@pytest.mark.parametrize("row", battery_params())
def test_accuse_battery(run, row: dict[str, str]) -> None:
    article = run(row["sentence"], published=row["date"])
    assert battery_holds(article, row), [(e.type, e.source, e.target) for e in article.events]


@pytest.mark.parametrize(
    ("sentence", "pair"),
    [
        ("Norwegen verurteilte die Hinrichtungen im Iran.", ("NOR", "IRN")),  # the place of the deed: its state
        ("Scholz verurteilte in Kiew den Angriff.", ("DEU", None)),  # where it was condemned: no one accused
        ("Die Bundesregierung verurteilte den Raketenangriff auf Odessa.", ("DEU", None)),  # the victim of an attack
    ],
)
def test_a_condemned_deed_blames_the_state_where_it_happened(run, sentence: str, pair: tuple) -> None:
    event = next(e for e in run(sentence).events if e.type == "ACCUSE")
    found = (event.source.actor.country if event.source else None, event.target.actor.country if event.target else None)
    assert found == pair

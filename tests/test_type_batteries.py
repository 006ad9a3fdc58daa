"""Each PLOVER type in every form German news uses, and its near misses (tests/data/<type>_battery.tsv).

A battery is named after its type ("threaten_battery.tsv" tests THREATEN). A row of that type must yield an
event of it with the row's countries; a NONE row must yield none of it; a row of another type must yield that
type and none of the battery's (a near miss the two types are confused on). A row may name in `also` a second event
the sentence must yield too ("CONSULT DEU CHN": a meeting at which one side criticised the other, a list's second
partner); batteries without that column check one event a row. A row's `modality`, where a battery has the column and
the cell is filled, is the modality the row's event must have.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.document import Article, Event
from lagebild.plover import SYMMETRIC_TYPES
from tests.battery_support import read_table, row_params

BATTERIES = sorted((Path(__file__).resolve().parent / "data").glob("*_battery.tsv"))


def battery_type(path: Path) -> str:
    return path.name.removesuffix("_battery.tsv").upper()


def matches(event: Event, kind: str, source: str, target: str, modality: str = "") -> bool:
    """An event of `kind` with the row's source and target country and modality, where the row names them."""
    if event.type != kind or (modality and event.modality != modality):
        return False
    found_source = event.source.actor.country if event.source else None
    found_target = event.target.actor.country if event.target else None
    pairs = [(found_source, found_target)]
    if kind in SYMMETRIC_TYPES:
        pairs.append((found_target, found_source))
    return any((not source or s == source) and (not target or t == target) for s, t in pairs)


def also_holds(article: Article, also: str | None) -> bool:
    """The row's second event ("TYPE SOURCE TARGET", '-' for a country not checked) is among the article's."""
    if not also:
        return True
    kind, source, target = ("" if part == "-" else part for part in also.split())
    return any(matches(e, kind, source, target) for e in article.events)


def battery_holds(article: Article, tested: str, row: dict[str, str]) -> bool:
    if row["type"] != tested and any(e.type == tested for e in article.events):
        return False
    if not also_holds(article, row.get("also")):
        return False
    if row["type"] == "NONE":
        return True
    return any(matches(e, row["type"], row["source"], row["target"], row.get("modality") or "") for e in article.events)


def battery_params() -> list:
    params = []
    for path in BATTERIES:
        tested = battery_type(path)
        params += row_params(read_table(path), lambda row, tested=tested: f"{tested}: {row['note']}", tested)
    return params


@pytest.mark.parametrize("path", BATTERIES, ids=lambda path: path.name)
def test_every_battery_row_has_the_header_columns(path: Path) -> None:
    """A row with a tab too many or too few would shift its cells (a note read as xfail) without failing."""
    misshapen = [row["sentence"] for row in read_table(path) if None in row or None in row.values()]
    assert not misshapen


@pytest.mark.parametrize(("tested", "row"), battery_params())
def test_type_battery(run, tested: str, row: dict[str, str]) -> None:
    article = run(row["sentence"], published=row["date"])
    assert battery_holds(article, tested, row), [(e.type, e.source, e.target) for e in article.events]

"""The annotation guide's rules, each on sentences we wrote (tests/data/spec_conventions.tsv; its header explains the
columns): the row's event with its countries, modality and claimant, the further events the rule asks for (a list's
other actors, an exchange's other side), none that it forbids, and one record per real-world event."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.document import ActorRef, Article, Event
from lagebild.plover import SYMMETRIC_TYPES
from tests.battery_support import read_table, row_params

TABLE = Path(__file__).resolve().parent / "data" / "spec_conventions.tsv"
ROWS = read_table(TABLE)
NULL = "none"  # a country cell that asks for no country


def country_fits(ref: ActorRef | None, wanted: str) -> bool:
    found = ref.actor.country if ref is not None else None
    return not wanted or wanted == "-" or (found is None if wanted == NULL else found == wanted)


def fits(event: Event, kind: str, source: str, target: str) -> bool:
    """An event of `kind` whose countries are the wanted ones, either way round for symmetric types."""
    if event.type != kind:
        return False
    straight = country_fits(event.source, source) and country_fits(event.target, target)
    crossed = kind in SYMMETRIC_TYPES and country_fits(event.target, source) and country_fits(event.source, target)
    return straight or crossed


def said_by(event: Event, claimant: str) -> bool:
    if not event.attribution:
        return False
    innermost = event.attribution[-1]
    return innermost.country == claimant or claimant.lower() in innermost.text.lower()


def row_event_holds(event: Event, row: dict[str, str]) -> bool:
    if not fits(event, row["type"], row["source"], row["target"]):
        return False
    if row["modality"] and event.modality != row["modality"]:
        return False
    if row["attributed"] and bool(event.attribution) != (row["attributed"] == "yes"):
        return False
    return not row["claimant"] or said_by(event, row["claimant"])


def listed(cell: str) -> list[tuple[str, str, str]]:
    """'ACCUSE FRA PRK; ACCUSE JPN -' as (type, source, target) triples."""
    return [tuple(part.split()) for part in cell.split(";") if part.strip()]  # type: ignore[misc]


def problems(article: Article, row: dict[str, str]) -> list[str]:
    events = article.events
    if row["type"] == "NONE":
        return ["an event"] if events else []
    found = []
    if not any(row_event_holds(e, row) for e in events):
        found.append("the row's event")
    found += [f"missing {triple}" for triple in listed(row["also"]) if not any(fits(e, *triple) for e in events)]
    found += [f"present {triple}" for triple in listed(row["absent"]) if any(fits(e, *triple) for e in events)]
    if row["records"] and sum(e.type == row["type"] for e in events) != int(row["records"]):
        found.append(f"not {row['records']} record(s)")
    return found


def test_every_row_has_the_header_columns() -> None:
    """A row with a tab too many or too few would shift its cells (a note read as xfail) without failing."""
    assert not [row["sentence"] for row in ROWS if None in row or None in row.values()]


@pytest.mark.parametrize("row", row_params(ROWS, lambda row: f"{row['rule']}: {row['note']}"))
def test_guide_rule(run, row: dict[str, str]) -> None:
    article = run(row["sentence"].replace(" ¶ ", "\n\n"), published=row["date"])
    summary = [(e.type, e.source and e.source.actor.country, e.target and e.target.actor.country)
               for e in article.events]  # fmt: skip
    assert not problems(article, row), (problems(article, row), summary)

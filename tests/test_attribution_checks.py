"""Who says an event happened, and how sure the article is (tests/data/attribution_checks.tsv).

Each row names an event type; the first event of that type must carry the row's modality, an attribution chain
when the row says "yes" (none when "no"), and an innermost claimant of the row's country or with the row's word.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lagebild.document import Article
from tests.battery_support import read_table, row_params

BATTERY = Path(__file__).resolve().parent / "data" / "attribution_checks.tsv"


def claimant_holds(claimant: str, chain: list) -> bool:
    if not claimant:
        return True
    if not chain:
        return False
    inner = chain[-1]
    if re.fullmatch(r"[A-Z]{3}", claimant):
        return inner.country == claimant
    return claimant in inner.text.lower()


def row_holds(article: Article, row: dict[str, str]) -> bool:
    event = next((e for e in article.events if e.type == row["type"]), None)
    if event is None or event.modality != row["modality"]:
        return False
    if row["attributed"] and bool(event.attribution) != (row["attributed"] == "yes"):
        return False
    return claimant_holds(row["claimant"], event.attribution)


@pytest.mark.parametrize("row", row_params(read_table(BATTERY), lambda row: row["note"]))
def test_attribution_checks(run, row: dict[str, str]) -> None:
    article = run(row["sentence"], published=row["date"])
    found = [(e.type, e.modality, [(c.text, c.country) for c in e.attribution]) for e in article.events]
    assert row_holds(article, row), found

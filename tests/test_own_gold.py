"""The gold of the articles we wrote (bench/data/event_*): well-formed by the spec, evidence quoted exactly.

Checks only the gold files, never lagebild's output on them (the held-out part's misses are not to be read).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

OWN = Path(__file__).resolve().parents[1] / "bench" / "data"
FILES = sorted(OWN.glob("event_*/*.json"))
TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}  # fmt: skip
MODALITIES = {"asserted", "planned", "possible", "negated"}
SECTORS = {"GOV", "MIL", "MED", "BUS", "CVL", "IGO", "REB", None}


def surfaces(event: dict) -> list[str]:
    """Every string of an event that must be an exact substring of the article text."""
    found = list(event["evidence"])
    found += [event[role]["text"] for role in ("source", "target", "location", "time") if event[role]]
    return found


def test_every_own_part_has_gold_files() -> None:
    assert {path.parent.name for path in FILES} >= {
        "event_times",
        "event_articles",
        "event_heldout",
        "event_blind",
        "event_blind4",
        "event_blind5",
        "event_blind6",
        "event_blind7",
        "event_blind8",
        "event_blind9",
    }


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_gold_follows_the_spec(path: Path) -> None:
    article = json.loads(path.read_text(encoding="utf-8"))
    assert article["id"] == path.stem and article["events"]
    for event in article["events"]:
        assert event["type"] in TYPES and event["modality"] in MODALITIES and event["evidence"]
        assert all(event[role] is None or event[role]["sector"] in SECTORS for role in ("source", "target"))
        time = event["time"]
        assert time is None or time["start"] <= time["end"]
        missing = [text for text in surfaces(event) if text not in article["text"]]
        assert not missing, (event["type"], missing)

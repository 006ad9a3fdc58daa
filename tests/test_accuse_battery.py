"""Whom a condemnation of a deed accuses (the battery of ACCUSE forms runs in test_type_batteries.py)."""

from __future__ import annotations

import pytest


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


@pytest.mark.parametrize(
    ("sentence", "types"),
    [
        ("Die Polizei nahm den Franzosen unter dem Vorwurf der Spionage fest.", {"ACCUSE", "COERCE"}),
        ("Das Außenministerium forderte die Diplomaten zur Ausreise auf.", {"SANCTION"}),  # what is asked: no reason
    ],
)
def test_a_noun_of_reason_is_read_beside_the_verb_of_its_clause(run, sentence: str, types: set) -> None:
    """'unter dem Vorwurf', 'wegen des Verdachts': the accusation is an event and the verb keeps its own."""
    assert {event.type for event in run(sentence).events} == types

"""Queries over the store: every filter of `lagebild events`, clusters, actors, statistics."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from lagebild.store import EventFilter, open_store, recompute_clusters, store_record
from lagebild.store.query import actor_criteria, select_actors, select_clusters, select_events, store_stats
from tests.test_store_support import make_event, make_record

MEETING = "Kim trifft Putin\nDer Machthaber traf den Präsidenten in Wladiwostok."
MEETING_AGAIN = "Treffen im Osten\nIn Wladiwostok kamen beide Staatschefs zusammen."
CRITICISM = "Kritik aus Seoul\nSüdkorea warf Nordkorea am Montag Provokationen vor."
PLAN = "Reise geplant\nDer Außenminister will nächste Woche nach Berlin reisen."


def event_ids_of(connection, **criteria) -> list[str]:
    return [row["article_id"] for row in select_events(connection, EventFilter(**criteria))]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("query") / "store.duckdb"
    in_vladivostok = {"day": date(2023, 9, 13), "place": ("Vladivostok", "RUS")}
    records = [
        make_record("treffen", MEETING, [make_event(MEETING, source_name="Kim Jong-un", **in_vladivostok)],
                    outlet="Zeitung A", published=date(2023, 9, 14)),
        make_record("treffen-2", MEETING_AGAIN, [make_event(MEETING_AGAIN, source="RUS", target="PRK",
                                                            **in_vladivostok)],
                    outlet="Zeitung B", published=date(2023, 9, 14)),
        make_record("kritik", CRITICISM, [make_event(CRITICISM, "ACCUSE", source="KOR", target="PRK",
                                                     day=date(2023, 9, 4), evidence="warf")],
                    outlet="Zeitung A", published=date(2023, 9, 5)),
        make_record("reise", PLAN, [make_event(PLAN, "CONSULT", source="USA", target="DEU", modality="planned",
                                               place=("Berlin", "DEU"), day=date(2023, 9, 20), evidence="reisen")],
                    outlet="Zeitung C", published=date(2023, 9, 12)),
    ]  # fmt: skip
    with open_store(db, create=True) as connection:
        for record in records:
            store_record(connection, record, "v1")
        recompute_clusters(connection)
    return db


@pytest.mark.parametrize(
    ("criteria", "expected"),
    [
        ({}, ["kritik", "treffen", "treffen-2", "reise"]),
        ({"country": "PRK"}, ["kritik", "treffen", "treffen-2"]),
        ({"country": "prk"}, ["kritik", "treffen", "treffen-2"]),
        ({"country": ("USA", "KOR")}, ["kritik", "reise"]),  # several values are alternatives
        ({"actor": "PRK"}, []),  # a name search: no name or surface form holds "PRK"
        ({"actor": "Kim Jong"}, ["treffen"]),  # part of a name
        ({"actor": "Südkorea"}, ["kritik"]),  # surface form
        ({"type": "ACCUSE"}, ["kritik"]),
        ({"type": "consult"}, ["treffen", "treffen-2", "reise"]),
        ({"type": ("ACCUSE", "consult")}, ["kritik", "treffen", "treffen-2", "reise"]),
        ({"source": "KOR", "target": "PRK"}, ["kritik"]),
        ({"source": "PRK", "target": "KOR"}, []),  # a dyad has a direction ...
        ({"source": "PRK", "target": "KOR", "either_direction": True}, ["kritik"]),  # ... unless either is asked
        ({"source": "PRK", "target": "RUS"}, ["treffen"]),
        ({"source": "PRK", "target": "RUS", "either_direction": True}, ["treffen", "treffen-2"]),
        ({"since": date(2023, 9, 13)}, ["treffen", "treffen-2", "reise"]),
        ({"until": date(2023, 9, 13)}, ["kritik", "treffen", "treffen-2"]),
        ({"since": date(2023, 9, 5), "until": date(2023, 9, 12)}, []),
        ({"place": "vladivostok"}, ["treffen", "treffen-2"]),
        ({"place_country": "DEU"}, ["reise"]),
        ({"place": "DEU"}, []),
        ({"modality": "planned"}, ["reise"]),
        ({"country": "PRK", "type": "CONSULT", "modality": "asserted"}, ["treffen", "treffen-2"]),
        ({"modality": ("planned", "ASSERTED"), "type": "CONSULT"}, ["treffen", "treffen-2", "reise"]),
    ],
)
def test_event_filters(store: Path, criteria: dict, expected: list[str]) -> None:
    with open_store(store) as connection:
        assert event_ids_of(connection, **criteria) == expected


def test_event_rows_carry_coding_evidence_and_cluster(store: Path) -> None:
    with open_store(store) as connection:
        (row,) = select_events(connection, EventFilter(type="ACCUSE"))
    assert (row["source_country"], row["target_country"], row["time_start"]) == ("KOR", "PRK", date(2023, 9, 4))
    assert row["evidence"] == ["warf"]
    assert row["cluster_id"] == row["event_id"]


def test_clusters_merge_the_two_reports_of_the_meeting(store: Path) -> None:
    with open_store(store) as connection:
        clusters = select_clusters(connection, EventFilter(country="PRK", type="CONSULT"))
        planned = select_clusters(connection, EventFilter(modality="planned"))
    (meeting,) = clusters
    assert (meeting["articles"], meeting["outlets"], meeting["outlet_names"]) == (2, 2, ["Zeitung A", "Zeitung B"])
    assert meeting["first_day"] == date(2023, 9, 13)
    assert [cluster["source_country"] for cluster in planned] == ["USA"]


def test_actors_count_both_roles(store: Path) -> None:
    with open_store(store) as connection:
        actors = {(row["country"], row["name"]): row for row in select_actors(connection)}
    north_korea = actors[("PRK", None)]
    assert (north_korea["as_source"], north_korea["as_target"]) == (0, 2)
    assert actors[("PRK", "Kim Jong-un")]["as_source"] == 1
    assert actors[("KOR", None)]["surface_forms"] == "Südkorea"


def test_stats(store: Path) -> None:
    with open_store(store) as connection:
        stats = store_stats(connection)
    assert (stats.articles, stats.events, stats.clusters, stats.clusters_reported_by_several) == (4, 4, 3, 1)
    assert stats.events_by_type == {"CONSULT": 3, "ACCUSE": 1}
    assert stats.pipeline_versions == {"v1": 4}
    assert (stats.first_day, stats.last_day) == (date(2023, 9, 4), date(2023, 9, 20))


# Each false match the web page showed on a big store (issue 15), with words we wrote.
FALSE_FRIENDS = [
    ("POL", "Die Polizei nahm am Montag in Warschau mehrere Demonstranten fest.", "Polizei", "Polizei"),
    ("NOR", "Südkorea warf Nordkorea neue Raketentests vor.", "Nordkorea", None),
    ("IND", "Die Regierung versprach den Kindern der Stadt Hilfe.", "den Kindern", None),
    ("ARM", "Die Armee beschoss die Stellungen der Rebellen.", "Die Armee", "Armee"),
]


@pytest.fixture(scope="module")
def false_friends(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("friends") / "store.duckdb"
    with open_store(db, create=True) as connection:
        for code, text, surface, name in FALSE_FRIENDS:
            event = make_event(text, "COERCE", source=None, target=None, source_name=name or "?", day=date(2024, 1, 1))
            event.source.text = surface
            store_record(connection, make_record(f"false-{code}", text, [event]), "v1")
            honest = make_event(f"{code} handelt.", "CONSULT", source=code, target="DEU", day=date(2024, 1, 2))
            store_record(connection, make_record(f"true-{code}", f"{code} handelt.", [honest]), "v1")
        recompute_clusters(connection)
    return db


@pytest.mark.parametrize("code", [code for code, *_ in FALSE_FRIENDS])
def test_a_country_code_matches_codes_only(false_friends: Path, code: str) -> None:
    with open_store(false_friends) as connection:
        assert event_ids_of(connection, country=code) == [f"true-{code}"]
        assert event_ids_of(connection, country=code.lower()) == [f"true-{code}"]


@pytest.mark.parametrize(("value", "expected"), [("%", []), ("_", []), ("Poli%", []), ("Polizei", ["false-POL"])])
def test_like_wildcards_in_a_name_match_themselves(false_friends: Path, value: str, expected: list[str]) -> None:
    with open_store(false_friends) as connection:
        assert event_ids_of(connection, actor=value) == expected
        assert event_ids_of(connection, place=value) == []


@pytest.mark.parametrize(
    ("value", "criteria"),
    [("POL", {"country": ("POL",)}), ("pol", {"country": ("POL",)}), ("Polizei", {"actor": ("Polizei",)}),
     ("XYZ", {"actor": ("XYZ",)}), ("XKX", {"country": ("XKX",)})],
)  # fmt: skip
def test_the_cli_actor_option_is_a_known_country_code_or_a_name(value: str, criteria: dict) -> None:
    assert actor_criteria(value) == criteria

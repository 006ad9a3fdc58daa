"""Cross-article merging: which events are one real-world event, and how a cluster is summarised."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from lagebild.store import open_store, recompute_clusters, store_record
from lagebild.store.clusters import (
    Cluster,
    ClusterRule,
    EventFacts,
    build_clusters,
    cluster_row,
    compatible,
    load_facts,
    summarise_modality,
)
from tests.test_store_support import make_event, make_record

BASE = EventFacts(
    id=1,
    article_id="a",
    type="CONSULT",
    source_party="PRK",
    target_party="RUS",
    place_country="RUS",
    time_start=date(2023, 9, 13),
    time_end=date(2023, 9, 13),
    published=date(2023, 9, 14),
    modality="asserted",
)
UNDATED = {"time_start": None, "time_end": None}


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, True),
        ({"article_id": "a2", "source_party": "RUS", "target_party": "PRK"}, True),  # symmetric: either order
        ({"article_id": "a2", "place_country": None}, True),  # one place missing
        ({"article_id": "a2", "time_start": date(2023, 9, 10), "time_end": date(2023, 9, 16)}, True),  # overlap
        ({"article_id": "a"}, False),  # same article: two events by the spec's definition
        ({"article_id": "a2", "type": "AGREE"}, False),
        ({"article_id": "a2", "target_party": "CHN"}, False),
        ({"article_id": "a2", "place_country": "PRK"}, False),
        ({"article_id": "a2", "time_start": date(2023, 9, 20), "time_end": date(2023, 9, 20)}, False),
        ({"article_id": "a2", **UNDATED, "published": date(2023, 9, 15)}, True),  # undated, within N of a dated one
        ({"article_id": "a2", **UNDATED, "published": date(2023, 9, 20)}, False),
    ],
)
def test_compatible_with_a_dated_consult(changes: dict, expected: bool) -> None:
    other = replace(BASE, id=2, **({"article_id": "b"} | changes))
    assert compatible(BASE, other, ClusterRule()) is expected


@pytest.mark.parametrize(
    ("days_apart", "window", "expected"),
    [(0, 3, True), (3, 3, True), (4, 3, False), (4, 5, True)],
)
def test_undated_events_merge_when_published_within_the_window(days_apart: int, window: int, expected: bool) -> None:
    first = replace(BASE, **UNDATED, published=date(2023, 9, 1))
    second = replace(first, id=2, article_id="b", published=date(2023, 9, 1 + days_apart))
    assert compatible(first, second, ClusterRule(undated_window_days=window)) is expected


def test_direction_matters_for_asymmetric_types() -> None:
    accuse = replace(BASE, type="ACCUSE")
    assert compatible(accuse, replace(accuse, id=2, article_id="b"), ClusterRule())
    reversed_ = replace(accuse, id=2, article_id="b", source_party="RUS", target_party="PRK")
    assert not compatible(accuse, reversed_, ClusterRule())


def test_events_without_any_coded_party_are_never_merged() -> None:
    protest = replace(BASE, type="PROTEST", source_party=None, target_party=None)
    assert not compatible(protest, replace(protest, id=2, article_id="b"), ClusterRule())


def test_clusters_use_complete_linkage() -> None:
    """A overlaps B and B overlaps C, but A and C do not: A and C stay apart."""
    a = replace(BASE, id=1, article_id="a", time_start=date(2023, 9, 1), time_end=date(2023, 9, 1))
    b = replace(BASE, id=2, article_id="b", time_start=date(2023, 9, 1), time_end=date(2023, 9, 3))
    c = replace(BASE, id=3, article_id="c", time_start=date(2023, 9, 3), time_end=date(2023, 9, 3))
    clusters = build_clusters([c, b, a])
    assert sorted(sorted(m.id for m in cluster.members) for cluster in clusters) == [[1, 2], [3]]
    assert sorted(cluster.id for cluster in clusters) == [1, 3]


@pytest.mark.parametrize(
    ("modalities", "expected"),
    [
        (["asserted", "possible", "possible"], "asserted"),
        (["possible", "planned", "asserted"], "asserted"),
        (["asserted", "negated"], "asserted"),
        (["asserted", "negated", "negated"], "negated"),
        (["planned", "possible"], "planned"),
        (["possible", "possible", "planned"], "possible"),
        (["possible"], "possible"),
    ],
)
def test_cluster_modality_favours_asserted_reports(modalities: list[str], expected: str) -> None:
    assert summarise_modality(modalities) == expected


def test_two_articles_reporting_one_meeting_become_one_cluster(tmp_path: Path) -> None:
    first = "Kim trifft Putin\nDer nordkoreanische Machthaber traf in Wladiwostok den russischen Präsidenten."
    second = "Gipfel im Fernen Osten\nPutin empfing Kim in Wladiwostok, berichten Diplomaten."
    speculation = "Treffen möglich\nBeobachter halten ein Treffen von Kim und Putin für denkbar."
    other = "Streit um Raketen\nSüdkorea kritisierte Nordkorea scharf."
    meeting = {"day": date(2023, 9, 13), "place": ("Vladivostok", "RUS")}
    db = tmp_path / "s.duckdb"
    with open_store(db, create=True) as connection:
        store_record(connection, make_record("erst", first, [make_event(first, **meeting)], outlet="A"), "v1")
        store_record(
            connection,
            make_record("zweit", second, [make_event(second, source="RUS", target="PRK", **meeting)], outlet="B"),
            "v1",
        )
        guess = make_event(speculation, modality="possible")
        store_record(connection, make_record("spek", speculation, [guess], outlet="B"), "v1")
        store_record(
            connection,
            make_record("streit", other, [make_event(other, "ACCUSE", source="KOR", target="PRK")], outlet="A"),
            "v1",
        )
        assert recompute_clusters(connection) == 2
        rows = connection.execute(
            "SELECT type, events, articles, outlets, mentions, modality FROM clusters ORDER BY type"
        ).fetchall()
        member_clusters = connection.execute("SELECT article_id, cluster_id FROM events ORDER BY article_id").fetchall()
        assert recompute_clusters(connection) == 2  # recomputing changes nothing
        assert connection.execute("SELECT article_id, cluster_id FROM events ORDER BY article_id").fetchall() == (
            member_clusters
        )
        article_count = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert rows == [("ACCUSE", 1, 1, 1, 1, "asserted"), ("CONSULT", 3, 3, 2, 3, "asserted")]
    clusters_of = dict(member_clusters)
    assert clusters_of["erst"] == clusters_of["zweit"] == clusters_of["spek"] != clusters_of["streit"]
    assert article_count == 4  # every article keeps its own record


def test_a_stored_event_is_a_cluster_of_its_own_as_cluster_row_makes_one(tmp_path: Path) -> None:
    """Storing gives each event a one-event cluster in SQL (until the recompute): the same row
    `cluster_row` gives, for parties by country or IGO name, symmetric types, undated events."""
    text = "Meldung\nNordkorea traf Russland. Die UNO kritisierte Nordkorea. Seoul plant Gespräche."
    events = [
        make_event(text, "CONSULT", "RUS", "PRK", date(2023, 9, 13), place=("Moscow", "RUS"), evidence="traf"),
        make_event(text, "ACCUSE", None, "PRK", None, "asserted", None, "kritisierte", "United Nations", "IGO"),
        make_event(text, "CONSULT", "KOR", None, None, "planned", evidence="plant"),
        make_event(text, "ACCUSE", None, None, date(2023, 9, 1), evidence="UNO"),
    ]
    with open_store(tmp_path / "s.duckdb", create=True) as connection:
        store_record(connection, make_record("a1", text, events, published=date(2023, 9, 14), outlet="Blatt"), "v")
        lone = connection.execute("SELECT * FROM clusters ORDER BY id").fetchall()
        columns = [column[0] for column in connection.description]
        assigned = connection.execute("SELECT cluster_id FROM events ORDER BY id").fetchall()
        assert [row[0] for row in assigned] == [row[0] for row in lone]
        expected = [cluster_row(Cluster([facts])) for facts in load_facts(connection)]
    assert len(lone) == 4
    assert [dict(zip(columns, row, strict=True)) for row in lone] == expected

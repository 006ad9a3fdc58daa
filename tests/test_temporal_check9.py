"""TIMEX3 rules added after the blind check9 set (regional papers and weekly essays): "im Laufe des Jahres",
parts of the century, clock times in words ("um halb acht"), "bald", genitive vague durations ("binnen weniger
Wochen"), the weekdays of a schedule in the week of a day ahead, a deadline in a present clause, a year before an
article after a subject, "heute" against a dated past clause of its sentence, sets with a step ("jeden zweiten
Sonntag"), "über Jahrzehnte", "jahrhundertelang".

Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest

from tests.test_temporal_families import tagged


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("Der Gemeinderat will im Laufe des Jahres entscheiden.", "2024-01-18", ("des Jahres", "DATE", "2024")),
        ("Das Ausmaß wird sich im Laufe des Sommers zeigen.", "2025-04-23", ("des Sommers", "DATE", "2025-SU")),
        ("Im Laufe der Woche soll es regnen.", "2024-03-13", ("der Woche", "DATE", "2024-W11")),
        ("Bis zur Mitte des Jahrhunderts schmilzt der Ferner.", "2022-06-30", ("Mitte des Jahrhunderts", "DATE", "20")),
    ],
)
def test_the_course_of_a_period_and_parts_of_the_century(text: str, anchor: str, expected: tuple) -> None:
    assert tagged(text, anchor) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Am Samstag brachen sie um halb acht auf.", ("halb acht", "TIME", "2023-08-05T07:30")),
        ("Am Samstag kam er gegen Viertel nach neun abends.", ("Viertel nach neun abends", "TIME", "2023-08-05T21:15")),
        ("Am Samstag endete das Fest um halb eins.", ("halb eins", "TIME", "2023-08-05T12:30")),
        ("Am Samstag war um Viertel vor zehn alles vorbei.", ("Viertel vor zehn", "TIME", "2023-08-05T09:45")),
    ],
)
def test_clock_times_in_words(text: str, expected: tuple) -> None:
    assert tagged(text, "2023-08-07")[-1] == expected


def test_half_alone_is_no_time() -> None:
    assert tagged("Der Neubau ist halb so groß wie geplant.", "2023-08-07") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bald soll eine zweite Messstation folgen.", [("Bald", "DATE", "FUTURE_REF")]),
        ("Bald darauf starb der Maler.", []),  # counted from the story
        ("Sie zog bald nach Wien.", []),  # a past clause
        ("Der Wirt arbeitet seit bald zwei Jahren hier.", [("zwei Jahren", "DURATION", "P2Y")]),  # almost
        ("Das wird so bald nicht passieren.", []),
    ],
)
def test_soon_is_a_vague_future_only_from_now(text: str, expected: list) -> None:
    assert tagged(text, "2022-06-30") == expected


def test_genitive_vague_durations_after_binnen() -> None:
    assert tagged("Binnen weniger Wochen kamen 300 Menschen ins Dorf.", "2019-11-07") == [
        ("weniger Wochen", "DURATION", "PXW")
    ]
    assert tagged("Es gab weniger Tage mit Frost.", "2019-11-07") == []


def test_a_schedule_goes_on_in_the_week_of_a_day_ahead() -> None:
    text = (
        "Die Rennen beginnen am Freitag, 23. Jänner mit dem Super-G, die Abfahrt folgt am Samstag, der Slalom am "
        "Sonntag."
    )
    assert [value for _, _, value in tagged(text, "2026-01-15")] == ["2026-01-23", "2026-01-24", "2026-01-25"]
    # a day far ahead, or in the sentence before, leaves the coming weekday alone
    text = "Die Wahl ist am Sonntag, 26. April. Am Samstag spricht der Kanzler in Linz."
    assert [value for _, _, value in tagged(text, "2026-01-15")] == ["2026-04-26", "2026-01-17"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Der dichtere Takt gilt bis Ende Juni.", "2026-06"),  # written in September: the June ahead
        ("Im Sommer 1914 glaubten viele, der Krieg sei bis Weihnachten vorbei.", "1914-12-25"),  # reported
    ],
)
def test_a_deadline_in_a_present_clause_lies_ahead(text: str, expected: str) -> None:
    assert tagged(text, "2025-09-10")[-1][2] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Als der Alpenverein 1891 die erste Hütte baute, lag dort Eis.", [("1891", "DATE", "1891")]),
        ("Als Maria Theresia 1740 die Regierung übernahm, war sie 23.", [("1740", "DATE", "1740")]),
        ("Im Werk verloren 1500 die Arbeit.", []),  # a count
    ],
)
def test_a_year_after_a_subject_and_before_an_article(text: str, expected: list) -> None:
    assert tagged(text, "2022-06-30") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wer 1990 geboren wurde, ist heute erwachsen.", "PRESENT_REF"),
        ("Berühmt wurde sie 1864 mit einer Tat, die heute jedes Schulkind kennt.", "PRESENT_REF"),
        ("Wer heute durch das Dorf geht, ahnt nichts von dem, was im Sommer 1945 geschah.", "PRESENT_REF"),
        ("Der 1990 gegründete Verein feiert heute sein Jubiläum.", "2019-11-07"),  # the year in the same clause
        ("Das Gericht, das 1951 seine Arbeit aufnahm, entscheidet heute über die Klage.", "2019-11-07"),
        ("Der Verein wurde 1990 gegründet. Heute feiert er sein Jubiläum.", "2019-11-07"),  # news of the day
    ],
)
def test_today_against_a_dated_past_clause_is_the_present_age(text: str, expected: str) -> None:
    assert next(value for span, _, value in tagged(text, "2019-11-07") if span.lower() == "heute") == expected


def test_a_bare_year_takes_no_article() -> None:
    assert tagged("Die Kirche, in der 1951 die Hochzeit war, wird abgerissen.", "2019-11-07") == [
        ("1951", "DATE", "1951")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Messe findet jeden zweiten Sonntag statt.", ("jeden zweiten Sonntag", "SET", "XXXX-WXX-7")),
        ("Das Fest ist jedes zweite Jahr.", ("jedes zweite Jahr", "SET", "P2Y")),
        ("Über Jahrzehnte war das Tal arm.", ("Jahrzehnte", "DURATION", "PXDE")),
        ("Jahrhundertelang lebten hier Bauern.", ("Jahrhundertelang", "DURATION", "PXCE")),
    ],
)
def test_sets_with_a_step_and_vague_long_durations(text: str, expected: tuple) -> None:
    assert tagged(text, "2024-03-13") == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Im Herbst des Vorjahres stieg der Preis.", ("Herbst des Vorjahres", "DATE", "2023-FA")),
        ("Am 3. März des Vorjahres stieg der Preis.", ("3. März des Vorjahres", "DATE", "2023-03-03")),
        ("Am ersten Adventsonntag singt der Chor.", ("ersten Adventsonntag", "DATE", "2024-12-01")),  # Austrian
    ],
)
def test_the_year_before_after_a_date_and_austrian_advent_sundays(text: str, expected: tuple) -> None:
    assert tagged(text, "2024-11-20") == [expected]

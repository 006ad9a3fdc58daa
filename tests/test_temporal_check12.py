"""TIMEX3 rules added after the blind check12 set (TV listings, sports results, market and police reports, a
parliament's week, weather warnings, court calendars, travel advice, obituaries, feuilleton, timetables, events
calendars, holiday notices, an almanac): a length written as a clock reading, a quarter of an hour, "im neuen Jahr",
the n-th week of a month, a year an era lies around, the stage of a century, a weekday with "früh", a night as
object, and "im gesamten Vorjahr".

Every sentence here was written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from lagebild.document import Article
from tests.test_temporal_families import pipeline, tagged


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Siegerin lief in 2:24:07 Stunden ins Ziel.", [("2:24:07 Stunden", "DURATION", "PT2H24M7S")]),
        ("Er brauchte für die Runde 1:52 Stunden.", [("1:52 Stunden", "DURATION", "PT1H52M")]),
        ("Der Schwimmer blieb mit 1:58 Minuten unter dem Rekord.", [("1:58 Minuten", "DURATION", "PT1M58S")]),
        ("Nach einer Viertelstunde war der Spuk vorbei.", [("einer Viertelstunde", "DURATION", "PT15M")]),
        ("Sie warteten eine Dreiviertelstunde auf den Bus.", [("eine Dreiviertelstunde", "DURATION", "PT45M")]),
        ("Das Spiel endete 2:1.", []),  # a score, no unit
    ],
)
def test_lengths_as_clock_readings_and_quarter_hours(text: str, expected: list) -> None:
    assert tagged(text, "2023-05-10") == expected


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("Im neuen Jahr steigen die Gebühren.", "2022-12-14", [("neuen Jahr", "DATE", "2023")]),
        ("Im neuen Jahr hat der Stadtrat noch nicht getagt.", "2023-01-12", [("neuen Jahr", "DATE", "2023")]),
        ("Sie wünschte allen ein gutes neues Jahr.", "2022-12-14", []),  # a greeting, no period named
    ],
)
def test_the_new_year_is_the_one_whose_start_lies_nearest(text: str, anchor: str, expected: list) -> None:
    assert tagged(text, anchor) == expected


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        (
            "Die Schwimmhalle schließt in der ersten Februarwoche.",
            "2026-01-20",
            [("der ersten Februarwoche", "DATE", "2026-W06")],  # the week of Thursday 5 February
        ),
        (
            "In der letzten Augustwoche beginnt die Lese.",
            "2024-07-02",
            [("der letzten Augustwoche", "DATE", "2024-W35")],  # the week of Thursday 29 August
        ),
    ],
)
def test_the_nth_week_of_a_month_is_the_iso_week_of_its_nth_thursday(text: str, anchor: str, expected: list) -> None:
    assert tagged(text, anchor) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Im Archiv liegen Karten aus der Zeit um 1850, Briefe und Stiche.", [("1850", "DATE", "1850")]),
        ("In den Jahren um 1800 wuchs die Stadt rasch.", [("1800", "DATE", "1800")]),
        ("Die Miete stieg um 1850 Euro.", []),  # a difference, no era
    ],
)
def test_a_year_an_era_lies_around(text: str, expected: list) -> None:
    assert tagged(text, "2023-05-10") == expected


@pytest.mark.parametrize(("stage", "mod"), [("frühen", "START"), ("späten", "END")])
def test_the_stage_of_a_century_is_its_mod(stage: str, mod: str) -> None:
    text = f"Die Orgel stammt aus dem {stage} 18. Jahrhundert."
    article = pipeline()(Article(id="t", text=text, published=date(2023, 5, 10)))
    assert [(t.text, t.value, t.mod) for t in article.timexes] == [(f"dem {stage} 18. Jahrhundert", "17", mod)]


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("Am Freitag früh war die Straße noch gesperrt.", "2023-05-15", [("Freitag früh", "TIME", "2023-05-12TMO")]),
        (
            "Die Wanderer verbrachten die Nacht zum Sonntag in einer Hütte.",
            "2023-05-15",
            [("die Nacht zum Sonntag", "TIME", "2023-05-13TNI")],
        ),
        ("Im gesamten Vorjahr zählte das Amt 40 Fälle.", "2023-05-15", [("gesamten Vorjahr", "DATE", "2022")]),
    ],
)
def test_weekday_early_night_as_object_and_the_whole_year_before(text: str, anchor: str, expected: list) -> None:
    assert tagged(text, anchor) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Die Sitzung beginnt am Donnerstag um 10 Uhr, eine Stunde später spricht die Ministerin.",
            [
                ("Donnerstag", "DATE", "2023-05-11"),
                ("10 Uhr", "TIME", "2023-05-11T10:00"),
                ("eine Stunde später", "TIME", "2023-05-11T11:00"),
            ],
        ),
        (
            "Der Alarm ging um 23.50 Uhr ein. 20 Minuten später war die Feuerwehr da.",
            [("23.50 Uhr", "TIME", "2023-05-10T23:50"), ("20 Minuten später", "TIME", "2023-05-11T00:10")],
        ),
        ("Zwei Stunden später rückte die Polizei an.", [("Zwei Stunden später", "DURATION", "PT2H")]),  # no clock time
        ("Der Zug kam zwei Stunden später als geplant.", [("zwei Stunden", "DURATION", "PT2H")]),  # a comparison
    ],
)
def test_a_clock_time_counted_from_the_one_named_last(text: str, expected: list) -> None:
    assert tagged(text, "2023-05-10") == expected


def test_a_day_heading_a_paragraph_before_a_colon_dates_its_entries() -> None:
    text = (
        "Veranstaltungen\nSonntag, 21. Mai: Frühschoppen im Pfarrgarten ab 10 Uhr. Der Eintritt ist frei. "
        "Am Nachmittag spielt die Blaskapelle.\nMontag, 22. Mai: Seniorennachmittag."
    )
    assert tagged(text, "2023-05-17") == [
        ("Sonntag, 21. Mai", "DATE", "2023-05-21"),
        ("10 Uhr", "TIME", "2023-05-21T10:00"),
        ("Nachmittag", "TIME", "2023-05-21TAF"),
        ("Montag, 22. Mai", "DATE", "2023-05-22"),
    ]


def test_a_verbless_headline_weekend_is_the_one_the_article_names_next() -> None:
    text = "Rheinbrücke am Wochenende gesperrt\nKöln. Die Rheinbrücke wird am kommenden Wochenende saniert."
    assert tagged(text, "2023-05-09") == [
        ("Wochenende", "DATE", "2023-W19-WE"),
        ("kommenden Wochenende", "DATE", "2023-W19-WE"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Der Wetterdienst hat für die Nacht zum Samstag vor Glätte gewarnt.",
            [("die Nacht zum Samstag", "TIME", "2023-05-12TNI")],
        ),
        (
            "Die Behörde warnte am Dienstag vor Sturm, vor allem am Freitagabend.",
            [("Dienstag", "DATE", "2023-05-09"), ("Freitagabend", "TIME", "2023-05-12TEV")],
        ),
        ("Der Minister warnte am Montag vor einer Eskalation.", [("Montag", "DATE", "2023-05-08")]),  # when warned
    ],
)
def test_the_time_a_warning_is_about_lies_ahead(text: str, expected: list) -> None:
    assert tagged(text, "2023-05-10") == expected

"""TIMEX3 rules added after the blind check5 set: the tense of a passive after a modal and of a comparison
with a plan participle, Swiss and Austrian holidays, days that are the n-th weekday of a month, month
names with their article, "in vier Tagen" in a past clause, bare plurals after "binnen", Swiss "Ende
Monat", time zones, any "-mal" before a set word, a year before an object's article, weekdays after an
indefinite article, "bis zu" in a span.

Every sentence here was written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from lagebild.calendar_de import holiday, is_holiday_reading, nth_weekday
from tests.test_temporal_families import tagged


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        # a participle under a finite modal or "wird" is no preterite plural ("sie entschieden")
        ("Über die Zukunft des Bades soll Anfang Mai entschieden werden.", "2022-03-09", "2022-05"),
        ("Über den Antrag wird im Juni entschieden.", "2022-03-09", "2022-06"),
        ("Die Richter entschieden im Juni über den Antrag.", "2022-03-09", "2021-06"),
        # "als erwartet", "wie geplant" compare: the perfect stays past
        ("Die Brauerei hat im zweiten Quartal mehr verkauft als erwartet.", "2022-08-10", "2022-Q2"),
        ("Die Brücke ist im Mai wie geplant eröffnet worden.", "2022-08-10", "2022-05"),
        ("Die Eröffnung ist für Mai geplant.", "2022-03-09", "2022-05"),
    ],
)
def test_the_tense_of_passives_and_comparisons(text: str, anchor: str, expected: str) -> None:
    assert [value for _, _, value in tagged(text, anchor)] == [expected]


def test_swiss_and_austrian_holidays() -> None:
    assert tagged("Über Auffahrt staute sich der Verkehr am Gotthard.", "2023-05-22") == [
        ("Auffahrt", "DATE", "2023-05-18")
    ]
    assert tagged("Am Berchtoldstag bleibt das Amt geschlossen.", "2023-12-20") == [
        ("Berchtoldstag", "DATE", "2024-01-02")
    ]
    assert tagged("Die Ferien dauerten bis Dreikönig.", "2023-01-10")[0] == ("Dreikönig", "DATE", "2023-01-06")
    assert holiday("Mariä Empfängnis", 2023) == date(2023, 12, 8)


def test_a_holiday_that_is_also_a_common_noun_needs_its_bare_preposition() -> None:
    assert is_holiday_reading("Auffahrt", "Stau vor ")
    assert not is_holiday_reading("Auffahrt", "Unfall an der ")
    assert tagged("Auf der Auffahrt zur A12 kam es zu einem Unfall.", "2023-05-22") == []


def test_days_that_are_the_nth_weekday_of_a_month() -> None:
    assert nth_weekday(2023, 9, 3, 6) == date(2023, 9, 17)
    assert nth_weekday(2023, 10, -1, 6) == date(2023, 10, 29)
    assert nth_weekday(2023, 2, 5, 0) is None
    assert holiday("Muttertag", 2023) == date(2023, 5, 14)
    assert tagged("Gewählt wird am letzten Sonntag im Oktober.", "2023-06-05") == [
        ("letzten Sonntag im Oktober", "DATE", "2023-10-29")
    ]
    assert tagged("Der Markt fand am zweiten Samstag im Mai statt.", "2023-06-05") == [
        ("zweiten Samstag im Mai", "DATE", "2023-05-13")
    ]


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("Der Februar war in Tirol ungewöhnlich mild.", "2023-03-06", ("Der Februar", "DATE", "2023-02")),
        ("Die Stadt plant die Feste für den August.", "2023-03-06", ("den August", "DATE", "2023-08")),
    ],
)
def test_a_month_with_its_article(text: str, anchor: str, expected: tuple[str, str, str]) -> None:
    assert tagged(text, anchor) == [expected]


def test_a_month_name_in_a_compound_or_as_a_surname_is_no_month() -> None:
    assert tagged("Die Sprecherin Anna Mai lobte den März-Umsatz.", "2023-03-06") == []


def test_a_shift_ahead_in_a_past_clause_is_a_stretch() -> None:
    assert tagged("Die Flut zerstörte in drei Tagen zwei Dörfer.", "2023-03-06") == [("drei Tagen", "DURATION", "P3D")]
    assert tagged("Die Gemeinde will in drei Tagen entscheiden.", "2023-03-06") == [
        ("drei Tagen", "DATE", "2023-03-09")
    ]


def test_bare_plurals_swiss_month_ends_zones_and_sets() -> None:
    assert tagged("Der Server war binnen Sekunden überlastet.", "2023-03-06") == [("Sekunden", "DURATION", "PTXS")]
    assert tagged("Die Mieter werden Ende Monat informiert.", "2023-03-06") == [("Ende Monat", "DATE", "2023-03")]
    assert tagged("Die Rede beginnt um 18.15 Uhr MEZ.", "2023-03-06") == [("18.15 Uhr MEZ", "TIME", "2023-03-06T18:15")]
    assert tagged("Der Rat tagt fünfmal jährlich.", "2023-03-06") == [("fünfmal jährlich", "SET", "P1Y")]


def test_a_year_before_the_article_of_an_object() -> None:
    assert tagged("Die Mannschaft hatte 1972 den Pokal gewonnen.", "2023-03-06") == [("1972", "DATE", "1972")]
    assert tagged("Von den Bergleuten verloren 1400 die Arbeit.", "2023-03-06") == []


def test_a_weekday_after_an_indefinite_article_is_no_date() -> None:
    assert tagged("Der Feiertag fällt heuer auf einen Dienstag.", "2023-03-06") == [("heuer", "DATE", "2023")]


def test_up_to_stays_in_the_span() -> None:
    assert tagged("Die Sperre gilt für bis zu vier Wochen.", "2023-03-06") == [
        ("bis zu vier Wochen", "DURATION", "P4W")
    ]


def test_the_pluperfect_goes_on_with_a_day_of_another_year_just_named() -> None:
    story = "In der Nacht zum 3. März 1945 brannte das Rathaus. Das Feuer hatte am 1. März im Keller begonnen."
    assert tagged(story, "2023-03-06")[-1] == ("1. März", "DATE", "1945-03-01")
    news = "Der Club gewann nach 1998 und 2004 den dritten Titel. Die Saison hatte am 1. März begonnen."
    assert tagged(news, "2023-06-06")[-1] == ("1. März", "DATE", "2023-03-01")


def test_a_business_year_is_named_by_the_year_it_ends_in() -> None:
    text = "Im Geschäftsjahr 2022/23 sank der Umsatz, für das Geschäftsjahr 2024 plant die Bank mehr."
    assert tagged(text, "2023-11-20") == [
        ("Geschäftsjahr 2022/23", "DATE", "FY2023"),
        ("das Geschäftsjahr 2024", "DATE", "FY2024"),
    ]


def test_a_month_name_with_an_article_before_a_surname_is_a_first_name() -> None:
    assert tagged("Der Juli Zeh gewidmete Abend war ausverkauft.", "2023-03-06") == []


def test_the_year_before_counts_from_a_past_year_just_named() -> None:
    report = "Die Brauerei hat 2022 mehr Bier verkauft. Der Absatz stieg gegenüber dem Vorjahr um drei Prozent."
    assert tagged(report, "2023-02-01")[-1] == ("dem Vorjahr", "DATE", "2021")
    plan = "Die Reform soll bis 2026 greifen. Die Einnahmen liegen über dem Vorjahr."
    assert tagged(plan, "2023-02-01")[-1] == ("dem Vorjahr", "DATE", "2022")


def test_a_booked_hotel_is_a_state() -> None:
    assert tagged("Bis Ende Jänner sind die Hotels gut gebucht.", "2026-01-07") == [("Ende Jänner", "DATE", "2026-01")]

"""TIMEX3 rules added after the blind check10 set (a regional paper's local news and a weekly's essays): the
weekdays inside a stretch of days just named, two days joined by "oder", a quarter century and (three) quarters
of a year, "werktags", "vierteljährlich", "Nikolaus", "Karwoche", a year opened by "Um", "bis heute" as the
present age, "heute" against a dated range, the pluperfect's year kept to its paragraph, the day a scheduling
verb fixes, the double infinitive, names of wars, and counts' ranges.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest

from tests.test_temporal_families import tagged


def test_weekdays_inside_a_stretch_of_days_just_named() -> None:
    text = (
        "Am 6., 7. und 8. September feiert die Gemeinde ihr Weinfest. Es beginnt am Freitag um 19 Uhr, "
        "am Samstag spielt die Kapelle."
    )
    found = tagged(text, "2024-08-20")
    assert ("Freitag", "DATE", "2024-09-06") in found
    assert ("19 Uhr", "TIME", "2024-09-06T19:00") in found
    assert ("Samstag", "DATE", "2024-09-07") in found


def test_a_weekday_outside_a_stretch_keeps_its_own_reading() -> None:
    found = tagged("Die Unionsfraktion berät Anfang nächster Woche. Sie trifft sich am Dienstag.", "2017-09-25")
    assert found[-1] == ("Dienstag", "DATE", "2017-09-26")


def test_two_days_joined_by_or() -> None:
    found = tagged("Der Ausschuss tagt am 3. oder 4. Juni.", "2025-05-20")
    assert found == [("3.", "DATE", "2025-06-03"), ("4. Juni", "DATE", "2025-06-04")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Renovierung dauerte fast ein Vierteljahrhundert.", ("fast ein Vierteljahrhundert", "DURATION", "P25Y")),
        ("Der Verein besteht seit einem Vierteljahrhundert.", ("einem Vierteljahrhundert", "DURATION", "P25Y")),
        ("Die Sanierung soll ein Dreivierteljahr dauern.", ("ein Dreivierteljahr", "DURATION", "P9M")),
        ("Nach einem Vierteljahr war alles vorbei.", ("einem Vierteljahr", "DURATION", "P3M")),
        ("Der Umbau dauerte knapp ein halbes Jahr.", ("knapp ein halbes Jahr", "DURATION", "P6M")),
        ("Die Halle ist werktags geöffnet.", ("werktags", "SET", "XXXX-WXX-WD")),
        ("Die Kasse wird vierteljährlich geprüft.", ("vierteljährlich", "SET", "P3M")),
    ],
)
def test_durations_and_sets(text: str, expected: tuple) -> None:
    assert tagged(text, "2024-03-01") == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zu Nikolaus verteilt der Verein Äpfel.", [("Nikolaus", "DATE", "2024-12-06")]),
        ("Der Brief ging an Nikolaus Brandstätter.", []),  # a first name before its surname
        ("Nikolaus kam mit dem Zug.", []),  # no preposition that takes the feast bare
        ("In der Karwoche ruhen die Proben.", [("der Karwoche", "DATE", "2025-W16")]),
    ],
)
def test_feasts(text: str, expected: list) -> None:
    assert tagged(text, "2024-11-20" if "Karwoche" not in text else "2025-04-02") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Um 900 errichteten Siedler die erste Kirche.", [("900", "DATE", "0900")]),
        ("Gegen 1870 wanderten viele nach Amerika aus.", [("1870", "DATE", "1870")]),
        ("Um 1500 Euro zu sparen, verkaufte sie das Auto.", []),
        ("Die Zahl stieg um 1200 auf 5000.", []),
        ("Es kamen 1500 bis 2000 Besucher.", []),
    ],
)
def test_years_opened_by_um_and_counts(text: str, expected: list) -> None:
    assert tagged(text, "2023-05-10") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Im Jahr 1783 bebte die Erde. Die Leute nennen 1783 bis heute das Bebenjahr.", "PRESENT_REF"),
        ("Damals zogen die Bauern auf die Alm, in manchen Tälern bis heute.", "PRESENT_REF"),
        ("Die Anmeldung ist bis heute möglich.", "2023-05-10"),
        ("Der Verein wurde 2021 gegründet und ist bis heute aktiv.", "2023-05-10"),
    ],
)
def test_until_today(text: str, expected: str) -> None:
    assert [value for surface, _, value in tagged(text, "2023-05-10") if surface == "heute"] == [expected]


def test_today_against_a_dated_range() -> None:
    found = tagged("Die Brücke, die man heute sieht, bauten Maurer aus Como von 1812 bis 1816.", "2023-05-10")
    assert found[0] == ("heute", "DATE", "PRESENT_REF")


def test_the_pluperfect_takes_another_year_only_within_its_paragraph() -> None:
    text = (
        "Der Plan war erst am 3. Juli 2024 beschlossen worden.\n"
        "Die Versammlung vom 4. März hatte gezeigt, wie groß der Ärger ist."
    )
    assert tagged(text, "2025-03-20")[-1] == ("4. März", "DATE", "2025-03-04")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Das Gericht setzte gestern zwei weitere Tage an, den 12. und 13. Dezember.", "2024-12-12"),
        ("Am Montag setzte das Gericht einen weiteren Termin an.", "2024-10-07"),
    ],
)
def test_the_day_a_scheduling_verb_fixes_lies_ahead(text: str, expected: str) -> None:
    assert expected in [value for _, _, value in tagged(text, "2024-10-09")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hätte die Halle wie geplant am Dienstag öffnen können, wäre sie überflutet worden.", "2024-11-26"),
        ("Die Schule hat am Dienstag nicht öffnen können.", "2024-11-26"),
        ("Die Halle soll am Dienstag öffnen können.", "2024-12-03"),
    ],
)
def test_the_double_infinitive_is_a_past(text: str, expected: str) -> None:
    assert tagged(text, "2024-11-29") == [("Dienstag", "DATE", expected)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Stadt litt schwer im Dreißigjährigen Krieg.", []),
        ("Dreitägige Feste sind hier üblich.", [("Dreitägige", "DURATION", "P3D")]),
        ("Das Dorf feierte sein 700-jähriges Bestehen.", [("700-jähriges", "DURATION", "P700Y")]),
    ],
)
def test_a_capitalised_length_inside_a_sentence_names_a_war(text: str, expected: list) -> None:
    assert tagged(text, "2023-05-10") == expected

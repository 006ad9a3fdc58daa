"""TIMEX3 rules added after the blind check3 set: statal passive, deadlines of an extension, the weekend
in the present, nights as referents, governed seasons and parts of the day, month names that are first
names, lists of years, Advent feasts, a national day by the dateline, the article of an apposition; and
after the blind check4 set: sections of the year in the present, the last quarter, parts of a decade,
bare plural durations, half numbers, the year of an age counted back; and (session 13) the year before a
passive's agent and participle ("war 2014 von Russland annektiert worden"), "Wochenbeginn".

Every sentence here was written for these tests.
"""

from __future__ import annotations

from datetime import date
from functools import cache

import pytest

from lagebild.calendar_de import fourth_advent, holiday
from lagebild.document import Article
from lagebild.pipeline import Pipeline
from lagebild.temporal import find_timexes
from lagebild.temporal.timeml import temporal_pipeline


@cache
def pipeline() -> Pipeline:
    return temporal_pipeline()


def tagged(text: str, anchor: str) -> list[tuple[str, str, str]]:
    """The TIMEX3s of the stage, which reads each clause's tense."""
    article = pipeline()(Article(id="t", text=text, published=date.fromisoformat(anchor)))
    return [(t.text, t.type, t.value) for t in article.timexes]


def plain(text: str, anchor: str) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in find_timexes(text, date.fromisoformat(anchor))[1]]


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        # the statal passive tells a state that holds: its day lies ahead
        ("Das Konzert am 12. Dezember ist ausverkauft.", "2023-11-20", ("12. Dezember", "DATE", "2023-12-12")),
        ("Die Halle ist am Freitag gesperrt.", "2023-11-21", ("Freitag", "DATE", "2023-11-24")),
        (
            "Die Bauarbeiten sollen bis Donnerstag abgeschlossen sein.",
            "2023-11-21",
            ("Donnerstag", "DATE", "2023-11-23"),
        ),
        # a perfect passive and a reported past stay in the past
        ("Das Museum ist am 12. Dezember geschlossen worden.", "2023-11-20", ("12. Dezember", "DATE", "2022-12-12")),
        ("Der Mann soll am Donnerstag gestorben sein.", "2023-11-21", ("Donnerstag", "DATE", "2023-11-16")),
        # what something is made to last until lies ahead, whatever the tense
        (
            "Die Ausstellung wurde bis zum 20. Dezember verlängert.",
            "2023-11-28",
            ("20. Dezember", "DATE", "2023-12-20"),
        ),
        # the weekend of a present clause is the coming one, as a weekday's
        ("Die Junioren spielen am Wochenende in Kitzbühel.", "2023-11-20", ("Wochenende", "DATE", "2023-W47-WE")),
        ("Die Junioren spielten am Wochenende in Kitzbühel.", "2023-11-20", ("Wochenende", "DATE", "2023-W46-WE")),
    ],
)
def test_the_clause_decides_the_direction(text: str, anchor: str, expected: tuple[str, str, str]) -> None:
    assert expected in tagged(text, anchor)


def test_clock_times_after_a_night_fall_on_its_evening_or_its_morning() -> None:
    text = "In der Walpurgisnacht blieb es lange ruhig. Gegen 2 Uhr brannte in der Altstadt ein Auto."
    assert ("2 Uhr", "TIME", "2023-05-01T02:00") in tagged(text, "2023-05-03")
    text = "Die Walpurgisnacht verlief friedlich. Zwischen 23 Uhr und 3 Uhr zählte die Polizei zwölf Einsätze."
    found = tagged(text, "2023-05-03")
    assert ("23 Uhr", "TIME", "2023-04-30T23:00") in found
    assert ("3 Uhr", "TIME", "2023-05-01T03:00") in found


def test_the_night_after_a_day_just_named() -> None:
    text = "Am Samstag feierte der Verein sein Jubiläum. In der Nacht randalierten Unbekannte am Sportplatz."
    assert ("der Nacht", "TIME", "2023-11-18TNI") in tagged(text, "2023-11-20")
    text = "Der Landtag debattierte am Dienstag bis spät in die Nacht über das Budget."
    assert ("die Nacht", "TIME", "2023-11-21TNI") in tagged(text, "2023-11-23")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Brücke ist seit Herbst gesperrt.", ("Herbst", "DATE", "2023-FA")),
        ("Die Gespräche könnten sich bis ins Frühjahr ziehen.", ("Frühjahr", "DATE", "2024-SP")),
        ("Seit vergangenem Winter fehlt Personal.", ("vergangenem Winter", "DATE", "2022-WI")),
        ("Die Suche dauerte bis zum Abend.", ("Abend", "TIME", "2023-11-22TEV")),
        ("Der Platz ist seit dem späten Vormittag voll.", ("dem späten Vormittag", "TIME", "2023-11-22TMO")),
    ],
)
def test_seasons_and_parts_of_the_day_after_a_preposition(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in plain(text, "2023-11-22")


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("Das neue Stück von August Kern hat Premiere.", []),
        ("Der Film mit Juli Berger läuft im Kino.", []),
        ("Die Regierung hat für Juli Neuwahlen angesetzt.", ["Juli"]),
        ("Von August an gelten neue Regeln.", ["August"]),
    ],
)
def test_a_month_name_before_a_surname_is_a_first_name(text: str, months: list[str]) -> None:
    assert [found for found, kind, _ in plain(text, "2023-03-01") if kind == "DATE"] == months


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Nach 1997, 2003 und 2011 der vierte Sieg für das Team.", ["1997", "2003", "2011"]),
        ("Die Brauerei, 1878 von Georg Huber gegründet, schließt.", ["1878"]),
        ("Es kamen 1500 der erwarteten 2000 Gäste.", []),
        ("Dabei wurden 1500 von Polizisten eingekesselte Fans kontrolliert.", []),
        # a passive's agent and participle date the clause, with an -iert participle or one its auxiliary tells
        ("Die Halbinsel war 2014 von Russland annektiert worden.", ["2014"]),
        ("Die Halbinsel wurde 2014 von Russland annektiert.", ["2014"]),
        ("Die Stadt war 2016 von der Armee erobert worden.", ["2016"]),
        ("Insgesamt wurden 1500 von Soldaten verhaftet.", []),
        ("Rund 1900 von Soldaten kontrolliert.", []),
    ],
)
def test_years_in_a_list_and_in_an_apposition(text: str, years: list[str]) -> None:
    assert [value for _, kind, value in plain(text, "2023-11-22") if kind == "DATE"] == years


def test_feasts_of_advent_count_from_christmas() -> None:
    assert fourth_advent(2023) == date(2023, 12, 24)  # Christmas Eve on a Sunday is the fourth Sunday
    assert fourth_advent(2024) == date(2024, 12, 22)
    assert holiday("ersten Advent", 2024) == date(2024, 12, 1)
    assert holiday("Totensonntag", 2023) == date(2023, 11, 26)
    assert holiday("Buß- und Bettag", 2023) == date(2023, 11, 22)
    assert ("dritten Advent", "DATE", "2023-12-17") in plain("Am dritten Advent öffnet der Markt länger.", "2023-11-30")
    assert ("2. Advent", "DATE", "2023-12-10") in plain("Das Rückspiel ist am 2. Advent.", "2023-11-30")


def test_a_national_day_takes_the_country_of_the_dateline() -> None:
    text = (
        "Wien. Vier Tage nach dem Streit um das Budget sitzen die Parteien wieder an einem Tisch, und der Kanzler"
        " spricht von einer Einigung. Er lud am Sonntag, dem Nationalfeiertag, zum Empfang."
    )
    assert ("dem Nationalfeiertag", "DATE", "2023-10-26") in plain(text, "2023-10-30")


def test_an_apposition_keeps_its_article_and_a_relative_pronoun_does_not() -> None:
    spans = [found for found, _, _ in plain("Am Sonntag, dem ersten Advent, singt der Chor.", "2024-11-28")]
    assert "dem ersten Advent" in spans
    spans = [found for found, _, _ in plain("Die Ministerin, die 12 Jahre regierte, tritt ab.", "2024-11-28")]
    assert "12 Jahre" in spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quarter or half of a present clause is the one under way or the next; a past one the last
        ("Im dritten Quartal wächst der Umsatz wieder.", ("dritten Quartal", "DATE", "2023-Q3")),
        ("Im vierten Quartal wuchs der Umsatz.", ("vierten Quartal", "DATE", "2022-Q4")),
        ("Händler erwarten für das zweite Halbjahr mehr Kunden.", ("das zweite Halbjahr", "DATE", "2023-H2")),
    ],
)
def test_sections_of_the_year_follow_the_clause(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in tagged(text, "2023-02-08")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Im vergangenen Quartal sank der Absatz.", ("vergangenen Quartal", "DATE", "2022-Q4")),
        ("Bis Ende des Jahrzehnts soll das Netz stehen.", ("Ende des Jahrzehnts", "DATE", "202")),
        ("Die Sanierung wird Jahre dauern.", ("Jahre", "DURATION", "PXY")),
        ("Die Bauzeit betrug zweieinhalb Jahre.", ("zweieinhalb Jahre", "DURATION", "P2.5Y")),
        ("Vor einem Jahr schneite es an Weihnachten.", ("Weihnachten", "DATE", "2022-12-25")),
    ],
)
def test_quarters_decades_bare_and_half_durations_and_the_year_of_an_age(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in plain(text, "2023-02-08")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a day after "vom" dates the noun before it: gone by, whatever the clause's tense
        ("Auslöser ist die Entscheidung der Regierung vom Donnerstag.", ("Donnerstag", "DATE", "2024-11-28")),
        # the start of a range is not
        ("Die Konferenz dauert vom Donnerstag bis Sonntag.", ("Donnerstag", "DATE", "2024-12-05")),
        # "am selben Abend" is the evening of the day just named, a TIME
        (
            "Am Freitag traf sie den Präsidenten. Noch am selben Abend reiste sie ab.",
            ("selben Abend", "TIME", "2024-11-29TEV"),
        ),
        # a pluperfect split by a relative clause is background: "selben Abend" counts from the Friday before it
        (
            "Am Freitag traf Orbán Putin. Am Dienstag war Orbán, dessen Land den Vorsitz hat, in Kiew gewesen. "
            "Die EU kritisierte die Reise noch am selben Abend.",
            ("selben Abend", "TIME", "2024-11-29TEV"),
        ),
    ],
)
def test_noun_dates_evenings_and_split_pluperfects(text: str, expected: tuple[str, str, str]) -> None:
    found = [t for t in tagged(text, "2024-12-02") if t[0] == expected[0]]
    assert found[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a country or capital after a year is no counted noun
        ("Zuletzt hatte Kim 2019 Russland besucht.", [("2019", "DATE", "2019")]),
        ("Der Kanzler war 2022 Kiew ferngeblieben.", [("2022", "DATE", "2022")]),
        # a counted noun still is
        ("Die Polizei zählte 2019 Demonstranten in Russland.", []),
    ],
)
def test_a_place_after_a_year_is_not_what_it_counts(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert tagged(text, "2023-09-14") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a recent year, not round, right after a verb, an adverb or a subject dates the clause
        ("Die Regierung verhängte 2017 Einreiseverbote gegen drei Minister.", [("2017", "DATE", "2017")]),
        ("Bereits 2021 hatte die Marine Manöver vor der Küste abgehalten.", [("2021", "DATE", "2021")]),
        ("Zuletzt hatte die Armee 2016 Stellungen im Norden beschossen.", [("2016", "DATE", "2016")]),
        # a round number, or one after an article, a preposition or a verb of counting, counts
        ("Die Regierung schickte 2000 Soldaten an die Grenze.", []),
        ("Die 2019 Delegierten stimmten zu.", []),
        ("Der Antrag wurde mit 2013 Stimmen angenommen.", []),
        ("Die Behörden registrierten 2023 Anträge auf Asyl.", []),
    ],
)
def test_a_recent_year_before_a_noun(text: str, expected: list[tuple[str, str, str]]) -> None:
    """'verhängte 2017 Einreiseverbote': a recent year that is not round, after a verb, is no count."""
    assert tagged(text, "2024-09-14") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Armee hat zu Wochenbeginn Dörfer im Norden bombardiert.", ("Wochenbeginn", "DATE", "2024-W11")),
        ("Zum Wochenanfang meldete die Polizei neue Festnahmen.", ("Wochenanfang", "DATE", "2024-W11")),
        ("Zur Wochenmitte sank der Ölpreis.", ("Wochenmitte", "DATE", "2024-W11")),
    ],
)
def test_the_start_of_the_week_as_one_word(text: str, expected: tuple[str, str, str]) -> None:
    """'Wochenbeginn', 'Wochenanfang' name the first days of the anchor's week, as 'Wochenmitte' its middle."""
    assert expected in plain(text, "2024-03-13")


def test_a_chronology_by_day_anchors_each_day_at_its_heading() -> None:
    """Two headings or more that name only a day ('Montag, 2. September') anchor the blocks below them: 'am Abend'
    and 'gestern' count from the heading's day, not from the publication date."""
    text = (
        "Streik am Flughafen: der Überblick\n\nMontag, 2. September\n\nDie Gewerkschaft ruft zum Streik auf. Am Abend "
        "fallen die ersten Flüge aus.\n\nDienstag, 3. September\n\nDer Flughafen bleibt geschlossen. Gestern waren "
        "schon 200 Flüge gestrichen worden."
    )
    found = tagged(text, "2024-09-05")
    assert ("Abend", "TIME", "2024-09-02TEV") in found
    assert ("Gestern", "DATE", "2024-09-02") in found


def test_a_single_date_line_anchors_nothing() -> None:
    text = "Streik am Flughafen\n\n2. September 2024\n\nDie Gewerkschaft hat gestern zum Streik aufgerufen."
    assert ("gestern", "DATE", "2024-09-04") in tagged(text, "2024-09-05")

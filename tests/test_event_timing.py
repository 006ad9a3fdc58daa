"""When an event happens (events/timing.py and the borrowing in events/stage.py), on texts we wrote."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.document import Article, Event
from lagebild.events.timing import measured_stretches
from lagebild.lang import load_language
from tests.battery_support import read_table, row_params

FAMILIES = read_table(Path(__file__).resolve().parent / "data" / "event_time_families.tsv")


def days_of(article: Article, event_type: str) -> list[tuple[str, str] | None]:
    """The day intervals of the article's events of one type, in text order."""
    events: list[Event] = [e for e in article.events if e.type == event_type]
    assert events, f"no {event_type} event in {[e.type for e in article.events]}"
    return [(e.time.first_day.isoformat(), e.time.last_day.isoformat()) if e.time else None for e in events]


NEWS_DAY = [
    # a paragraph with no time goes on about the day the lead names
    ("Die Polizei in Minsk nahm am Sonntag Hunderte Demonstranten fest.\n\nIn der Nähe des Regierungssitzes "
     "lieferten sich Demonstranten und Polizisten Straßenschlachten.", "2020-08-10", "ASSAULT",
     ("2020-08-09", "2020-08-09")),
    ("Russland hat am Samstag 20 deutsche Diplomaten ausgewiesen.\n\nDas Außenministerium erklärte, man "
     "verurteile das Vorgehen Berlins.", "2020-08-10", "ACCUSE", ("2020-08-08", "2020-08-08")),
    # a headline and an undated lead: the day the report names later
    ("Tote bei Protesten in Kiew\n\nBei Zusammenstößen in Kiew sind am Sonntag sechs Menschen getötet worden.",
     "2020-08-10", "PROTEST", ("2020-08-09", "2020-08-09")),
    ("Die Regierung Chiles hat den Botschafter Perus ausgewiesen.\n\nDas Außenministerium in Santiago begründete "
     "den Schritt am Samstag mit Äußerungen des Diplomaten.", "2020-08-10", "SANCTION", ("2020-08-08", "2020-08-08")),
    # a month weeks before the report is background, not the day of the news
    ("Im Juli hatte die Armee Dörfer im Norden besetzt.\n\nIn der Hauptstadt lieferten sich Demonstranten und "
     "Polizisten Straßenschlachten.", "2020-08-10", "ASSAULT", None),
    # nor is a day told in the pluperfect, what came before the news: the lead's perfect is the report's day
    ("Das Außenministerium in Oslo hat den Botschafter Weißrusslands einbestellt. Ein Oppositioneller war am "
     "Freitag in Haft gestorben.", "2020-08-11", "ACCUSE", ("2020-08-11", "2020-08-11")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "published", "event_type", "days"), NEWS_DAY)
def test_an_undated_event_happens_on_the_day_of_the_news(run, text: str, published: str, event_type: str, days) -> None:
    assert days_of(run(text, published=published), event_type)[-1] == days


AHEAD = [
    # a time ahead of the report dates what is to come, not the conference that was
    ("Die Geber sagten Haiti gestern Hilfen von 9 Milliarden Dollar zu. Davon sollen 5 Milliarden in den "
     "kommenden zwei Jahren fließen. Mehr als 100 Staaten hatten an der Konferenz in New York teilgenommen.",
     "2010-04-01", "CONSULT", ("2010-03-31", "2010-03-31")),
    # nor does a deadline, quoted or not
    ("Am Wochenende sagte auch Portugal der Ukraine die Lieferung von Panzern „bis Ende März“ zu. Regierungschef "
     "Costa erklärte während einer Reise durch Angola, die Zahl werde später bekannt gegeben.", "2010-04-01", "CONSULT",
     ("2010-03-27", "2010-03-28")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "published", "event_type", "days"), AHEAD)
def test_a_time_ahead_of_the_report_dates_no_past_event(run, text: str, published: str, event_type: str, days) -> None:
    assert days_of(run(text, published=published), event_type)[-1] == days


SINCE_AN_ACT = [
    ("Seit Beginn der Kämpfe am 14. September wurden an der Grenze zwischen Armenien und Aserbaidschan mindestens "
     "59 Menschen getötet.", "2022-09-19", "ASSAULT", ("2022-09-14", "2022-09-19")),
    ("Seit dem Putsch im Februar hat die Armee in Myanmar Tausende Oppositionelle festgenommen.", "2022-09-19",
     "COERCE", ("2022-02-01", "2022-09-19")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "published", "event_type", "days"), SINCE_AN_ACT)
def test_since_an_act_named_with_its_time_is_from_then_up_to_the_report(
    run, text: str, published: str, event_type: str, days
) -> None:
    assert days in days_of(run(text, published=published), event_type)


COUNTED_WEEKDAYS = [
    # "zuvor": the last such weekday before the time named just before, not the one nearest the report
    ("Am Freitag hatte Ecuador die Grenze zu Peru geschlossen. Zuvor waren am Mittwoch bei einem Angriff an "
     "der Grenze zwei Polizisten verwundet worden.", "2015-08-27", "ASSAULT", ("2015-08-19", "2015-08-19")),
    # "danach": the first one after it
    ("Am 25. August traf der Außenminister Chinas in Tokio ein. Danach reiste er am Donnerstag nach Seoul, wo er "
     "den Präsidenten Südkoreas traf.", "2015-09-04", "CONSULT", ("2015-08-27", "2015-08-27")),
    # without such an adverb the weekday is the one nearest the report
    ("Am 25. August traf der Außenminister Chinas in Tokio ein. Am Donnerstag reiste er nach Seoul, wo er den "
     "Präsidenten Südkoreas traf.", "2015-09-04", "CONSULT", ("2015-09-03", "2015-09-03")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "published", "event_type", "days"), COUNTED_WEEKDAYS)
def test_a_weekday_before_or_after_the_time_just_named_counts_from_it(
    run, text: str, published: str, event_type: str, days
) -> None:
    assert days_of(run(text, published=published), event_type)[-1] == days


COUNTED_PERIODS = [
    # a day counted in months is known to a week; the time before the object is no circumstance of it
    ("Saudi-Arabien hatte vor einem Monat die diplomatischen Beziehungen zu Katar abgebrochen.", "2017-07-04",
     "SANCTION", ("2017-06-01", "2017-06-07")),
    ("Russland hatte vor drei Monaten die Grenze zu Georgien geschlossen.", "2017-07-04", "SANCTION",
     ("2017-04-01", "2017-04-07")),
    # a count of years names the year
    ("Vor zwei Jahren hatten Offiziere in Myanmar die gewählte Regierung gestürzt.", "2023-04-12", "COERCE",
     ("2021-01-01", "2021-12-31")),
    # weeks are counted to the day
    ("Die Armee hatte vor einer Woche den Präsidenten festgesetzt.", "2015-09-23", "COERCE",
     ("2015-09-16", "2015-09-16")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "published", "event_type", "days"), COUNTED_PERIODS)
def test_a_day_counted_in_months_is_known_to_a_week_in_years_to_the_year(
    run, text: str, published: str, event_type: str, days
) -> None:
    assert days_of(run(text, published=published), event_type)[-1] == days


def test_a_time_of_a_relative_clause_leaves_the_main_clause_free_to_borrow_one(run) -> None:
    text = (
        "In der vergangenen Woche demonstrierten Hunderte Frauen in Mogadischu gegen die Regierung. Andere "
        "Demonstranten begrüßten die Miliz, die seit Juni die Hauptstadt hält und dort für Ruhe sorgt."
    )
    assert days_of(run(text, published="2006-10-04"), "SUPPORT") == [("2006-09-25", "2006-10-01")]


def test_since_after_a_superlative_spans_the_comparison_also_before_a_noun(run) -> None:
    text = (
        "In Buenos Aires legten am Mittwoch Hunderttausende die Arbeit nieder. Es war der erste Generalstreik "
        "seit Amtsantritt des Präsidenten Mitte Dezember."
    )
    assert days_of(run(text, published="2024-01-25"), "PROTEST") == [("2024-01-24", "2024-01-24")]


def test_a_bracket_after_the_time_does_not_hide_the_tense_of_its_clause(run) -> None:
    article = run("Die USA haben am Donnerstagabend (Ortszeit) neue Sanktionen gegen Russland verhängt.", "2011-03-18")
    assert days_of(article, "SANCTION") == [("2011-03-17", "2011-03-17")]


@pytest.mark.parametrize("released", ["ließ", "liess"])  # Swiss papers write "ss" for "ß"
def test_a_strong_preterite_in_swiss_spelling_is_past(run, released: str) -> None:
    article = run(f"Russland {released} am Freitag zwei ukrainische Soldaten frei.", published="2025-03-01")
    assert days_of(article, "CONCEDE") == [("2025-02-28", "2025-02-28")]


def test_a_list_inside_the_verb_bracket_does_not_hide_the_perfect(run) -> None:
    text = "Polizisten hätten am Dienstag Wohnungen in Tiflis, Batumi und Kutaissi durchsucht, hieß es."
    article = run(text, "2025-04-10")
    assert days_of(article, "COERCE") == [("2025-04-08", "2025-04-08")]
    assert [event.modality for event in article.events] == ["asserted"]


def test_an_act_of_a_relative_clause_takes_no_time_of_the_main_clause(run) -> None:
    text = "Die USA und die Taliban unterzeichneten am Samstag ein Abkommen, das den Abzug der Soldaten einleiten soll."
    article = run(text, published="2020-02-29")
    assert days_of(article, "AGREE") == [("2020-02-29", "2020-02-29")]
    assert days_of(article, "RETREAT") == [None]


def test_a_preposition_that_opens_a_time_governs_the_time_not_the_noun_after_it(run) -> None:
    article = run("Belgien hält seit 2013 Soldaten in Mali stationiert.", published="2022-01-31")
    assert days_of(article, "MOBILIZE") == [("2013-01-01", "2022-01-31")]


def test_an_act_told_as_earlier_than_the_time_just_named_borrows_no_day(run) -> None:
    text = (
        "Israel hat nach Angaben des Militärs in der Nacht Ziele im Süden des Libanon angegriffen. Die Hisbollah "
        "hatte zuvor Raketen auf Nordisrael abgefeuert."
    )
    assert days_of(run(text, published="2024-03-06"), "ASSAULT") == [("2024-03-05", "2024-03-06"), None]


def test_a_time_after_vom_dates_the_noun_before_it(run) -> None:
    text = "Bei einem Angriff auf Kiew starben zwölf Menschen. Guterres verurteilte den Angriff vom Sonntag scharf."
    assert days_of(run(text, published="2024-03-06"), "ACCUSE") == [None]
    attack = run("Nach dem Anschlag vom 22. Februar hat Russland die Grenzkontrollen verschärft.", "2024-03-06")
    assert days_of(attack, "ASSAULT") == [("2024-02-22", "2024-02-22")]


PLANNED_FOR = [
    # the promise was on Monday; the delivery is due from the report up to the deadline
    ("Am Montag sagte Spanien der Ukraine die Lieferung von Flugabwehrsystemen bis Ende Juni zu.", "AID",
     ("2024-03-13", "2024-06-30")),
    # what is promised for a night lies ahead of a promise told in the past tense
    ("Der Rebellenführer versprach am Dienstag eine Waffenruhe für die Nacht zum Sonntag.", "RETREAT",
     ("2024-03-16", "2024-03-17")),
    # a time limit from the report ends N units after it (BGB § 188), in a past clause it runs back
    ("Die Regierung will ihre Truppen binnen 14 Tagen aus dem Grenzgebiet abziehen.", "RETREAT",
     ("2024-03-13", "2024-03-27")),
    ("Innerhalb von drei Tagen nahm die Polizei in Minsk 600 Demonstranten fest.", "COERCE",
     ("2024-03-10", "2024-03-13")),
    # a deadline after "bis zum" as after "bis"
    ("Die Soldaten sollen bis zum 30. Juni aus Mali abziehen.", "RETREAT", ("2024-03-13", "2024-06-30")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "event_type", "days"), PLANNED_FOR)
def test_a_planned_act_takes_the_time_it_is_planned_for(run, text: str, event_type: str, days) -> None:
    assert days_of(run(text, published="2024-03-13"), event_type)[0] == days


def test_a_time_inside_an_attribute_dates_the_participles_act(run) -> None:
    article = run(
        "Der im Vorjahr festgenommene Journalist Paul Meier wurde am Montag freigelassen.", published="2024-03-13"
    )
    assert days_of(article, "COERCE") == [("2023-01-01", "2023-12-31")]
    assert days_of(article, "CONCEDE") == [("2024-03-11", "2024-03-11")]
    assert days_of(
        run("Der festgenommene Journalist Paul Meier kam am Montag frei.", published="2024-03-13"), "COERCE"
    ) == [None]


MEASURED = [
    # so many days or weeks measuring an act in a report: the stretch up to the report's day
    ("Zwölf lange Tage hatten Serbien und Kosovo in Brüssel verhandelt.", "CONSULT", ("2024-03-02", "2024-03-13")),
    ("Zwei Wochen lang protestierten Tausende in Belgrad gegen die Regierung.", "PROTEST",
     ("2024-02-29", "2024-03-13")),
    # an adjective of length dates nothing
    ("Die zweitägige Konferenz der Außenminister in Rom endete am Dienstag.", "CONSULT", ("2024-03-12", "2024-03-12")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "event_type", "days"), MEASURED)
def test_a_measured_act_lasted_up_to_the_report(run, text: str, event_type: str, days) -> None:
    assert days_of(run(text, published="2024-03-13"), event_type)[0] == days


@pytest.mark.parametrize(
    ("text", "measured"),
    [
        ("Die Feuerpause soll sechs Tage schwerer Gefechte beenden.", ["sechs Tage"]),  # the fighting that was
        ("Drei Tage lang soll die Feuerpause gelten.", []),  # ahead
        ("Eine Woche nach dem Putsch kehrte der Präsident zurück.", []),  # counted from an act
        ("Nach drei Tagen endeten die Gespräche.", []),  # after a preposition
    ],
)
def test_which_durations_measure_an_act_that_was(run, text: str, measured: list[str]) -> None:
    found = measured_stretches(run(text, published="2024-03-13"), load_language("de"))
    assert [t.text for t in found] == measured


def time_of(article: Article, text: str) -> tuple[str, str]:
    """The day interval of the article's time expression written `text`."""
    time = next(t for t in article.times if t.text == text)
    return time.first_day.isoformat(), time.last_day.isoformat()


@pytest.mark.parametrize(
    ("text", "published", "expression", "days"),
    [
        # "am Vortag" counts from the day named earlier in its paragraph, not only in the sentence before
        ("Am Montag empfing der Präsident den Kanzler in Paris. Beide sprachen über den Handel. Am Vortag hatte "
         "der Kanzler Madrid besucht.", "2024-03-13", "Am Vortag", ("2024-03-10", "2024-03-10")),
        # a night in the report's line does not follow a day of the background (pluperfect)
        ("Die Polizei nahm gestern Hunderte Demonstranten fest. Der Oppositionelle war vor einer Woche festgenommen "
         "worden. Die USA kritisierten das Vorgehen noch in der Nacht.", "2021-03-08", "in der Nacht",
         ("2021-03-07", "2021-03-08")),
        ("Die Polizei nahm gestern Hunderte Demonstranten fest. Die Regierung hatte am Freitag ein Verbot "
         "verhängt. Am Abend kritisierten die USA das Vorgehen.", "2021-03-08", "Am Abend",
         ("2021-03-07", "2021-03-07")),
        # a pluperfect or a state ("waren verstopft") before any day of the report's line is no background
        ("Am Sonntag waren die Pässe verstopft. Am frühen Abend staute sich der Verkehr bis ins Tal.", "2023-08-15",
         "Am frühen Abend", ("2023-08-13", "2023-08-13")),
        # a past clause with no day in its paragraph goes on about the last recent day of the report's line
        ("Am Montag empfing der Präsident den Kanzler in Paris. Beide sprachen über den Handel.\n\nDie Opposition "
         "kritisierte das Treffen noch am Abend.", "2024-03-13", "am Abend", ("2024-03-11", "2024-03-11")),
        # in a present or future clause, "am Abend" is the report's day
        ("Am Montag empfing der Präsident den Kanzler in Paris. Beide sprachen über den Handel.\n\nDie Opposition "
         "will das Treffen am Abend kritisieren.", "2024-03-13", "am Abend", ("2024-03-13", "2024-03-13")),
        # a mention of the background counts from the background
        ("Der Minister war am Freitag in Kiew eingetroffen. Am Vortag hatte er Warschau besucht.", "2021-03-08",
         "Am Vortag", ("2021-03-04", "2021-03-04")),
    ],
)  # fmt: skip
def test_anaphora_count_from_the_last_day_of_the_reports_line(
    run, text: str, published: str, expression: str, days
) -> None:
    assert time_of(run(text, published=published), expression) == days


OWN_TIMES_8 = [
    # 'seit' before a duration of no stated length: the weeks up to the report, that day included
    ("Seit Wochen gehen die Behörden in Minsk gegen Oppositionelle vor. Am Montag verhängte die EU Sanktionen.",
     "2024-03-12", "COERCE", ("2024-02-13", "2024-03-12")),
    # ... but not after a superlative: the comparison's stretch
    ("Die Polizei nahm am Montag die meisten Demonstranten seit Jahren fest.", "2024-03-12", "COERCE",
     ("2024-03-11", "2024-03-11")),
    # 'damals' names the period of the last time before it, across the paragraph
    ("Im Herbst 2020 eroberte Aserbaidschan große Teile der Region von Armenien zurück.\n\nRussland hatte damals "
     "Friedenstruppen entsandt. Am Sonntag traf Paschinjan von der Leyen.", "2023-10-17", "MOBILIZE",
     ("2020-09-01", "2020-11-30")),
    # after 'seit 1980', that year
    ("Die Schweiz vertritt seit 1980 die Interessen der USA in Iran. Damals hatten die USA die diplomatischen "
     "Beziehungen zu Teheran abgebrochen.", "2023-11-21", "SANCTION", ("1980-01-01", "1980-12-31")),
    # a zu-infinitive governed by the trigger's clause dates its own act: the accusation is Tuesday's
    ("US-Außenminister Marco Rubio hat China am Dienstag scharf kritisiert. Er warf Peking vor, am 3. Februar "
     "ein Flugzeug bedrängt zu haben.", "2025-02-12", "ACCUSE", ("2025-02-11", "2025-02-11")),
    # news in the perfect in the lead of an article that names no day: the day of the report
    ("Mali hat den französischen Botschafter ausgewiesen. Die Militärregierung warf Paris Einmischung vor.",
     "2021-07-06", "SANCTION", ("2021-07-06", "2021-07-06")),
    # hours counted back in a past clause reach into the day before the report
    ("Innerhalb von 24 Stunden griffen die Separatisten mehrfach ukrainische Stellungen an.", "2015-02-20",
     "ASSAULT", ("2015-02-19", "2015-02-20")),
    ("In den vergangenen 48 Stunden griffen die Separatisten mehrfach ukrainische Stellungen an.", "2015-02-20",
     "ASSAULT", ("2015-02-18", "2015-02-20")),
    # ... not hours ahead
    ("Binnen 72 Stunden müsse der US-Botschafter das Land verlassen, verkündete Chávez am Donnerstag.",
     "2015-02-20", "SANCTION", ("2015-02-19", "2015-02-19")),
    # ... not background in the pluperfect
    ("Frankreich hatte seine Truppen aus Mali abgezogen. Die Beziehungen sind angespannt.", "2021-07-06",
     "RETREAT", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "published", "event_type", "days"), OWN_TIMES_8)
def test_which_time_governs_an_event(run, text: str, published: str, event_type: str, days) -> None:
    assert days_of(run(text, published=published), event_type)[0] == days


SESSION9_TIMES = [
    # a place named with "von" stays inside the act named after "seit": the stretch from its month up to the report
    ("Seit dem Massaker von Butscha im April 2022 wirft die Ukraine Russland Kriegsverbrechen vor.", "2024-05-20",
     "ACCUSE", ("2022-04-01", "2024-05-20")),
    # an "als" clause after a "seit" time happened in the period it names, not in the stretch since
    ("Die Beziehungen sind seit dem Sommer 2024 angespannt, als Frankreich den marokkanischen Autonomieplan "
     "unterstützte.", "2025-04-17", "SUPPORT", ("2024-06-01", "2024-08-31")),
    # "Das hat ... am Mittwoch entschieden": the next sentence dates the undated act it stands for
    ("Die Schweiz übernimmt die Sanktionen der EU gegen Russland. Das hat der Bundesrat am Mittwoch entschieden.",
     "2024-04-18", "SANCTION", ("2024-04-17", "2024-04-17")),
    # no demonstrative: the present tense of the report's day
    ("Die Schweiz übernimmt die Sanktionen der EU gegen Russland. Der Bundesrat tagte am Mittwoch.",
     "2024-04-18", "SANCTION", ("2024-04-18", "2024-04-18")),
    # a stretch of one act is no occasion another act of the same actor shares
    ("Schweiz übernimmt EU-Sanktionen gegen Russland\n\nDie Schweiz übernimmt die Sanktionen der EU gegen Russland. "
     "Seit Anfang Jahr hat die Schweiz zudem russische Vermögenswerte gesperrt.", "2024-04-18", "SANCTION",
     ("2024-04-18", "2024-04-18")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "published", "event_type", "days"), SESSION9_TIMES)
def test_times_of_competing_phrases(run, text: str, published: str, event_type: str, days) -> None:
    assert days_of(run(text, published=published), event_type)[0] == days


LEAD_TIMES = [
    # a headline in the present tells the news the lead dates: the day of the news, not of the report
    ("EU verhängt neue Sanktionen gegen Belarus\n\nBrüssel (dpa) - Die Europäische Union hat wegen der Unterdrückung "
     "der Opposition neue Sanktionen gegen Belarus verhängt. Die Außenminister der Mitgliedstaaten beschlossen am "
     "Montag in Brüssel, die Konten von zwölf Offizieren einzufrieren.", "2024-06-12", "SANCTION",
     ("2024-06-10", "2024-06-10")),
    # the lead's agreement in the perfect, signed in a night the next sentence names: that night
    ("Einigung im Jemen\n\nMaskat (epd) - Die Huthi-Rebellen und die Regierung des Jemen haben sich unter "
     "Vermittlung Omans auf einen Austausch von Gefangenen geeinigt. Die Unterhändler besiegelten das Abkommen "
     "in der Nacht zum Samstag in Maskat, wie die Vereinten Nationen mitteilten.", "2024-06-10", "AGREE",
     ("2024-06-07", "2024-06-08")),
    # a headline and a lead that name no day: the day of the report
    ("Kanada verhängt Sanktionen gegen Venezuela\n\nKanada verhängt neue Sanktionen gegen Venezuela.", "2024-06-12",
     "SANCTION", ("2024-06-12", "2024-06-12")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "published", "event_type", "days"), LEAD_TIMES)
def test_an_undated_lead_or_headline_takes_the_day_of_the_news(run, text: str, published: str, event_type: str, days):
    assert days_of(run(text, published=published), event_type)[0] == days


def test_damals_points_back_to_the_main_clause_not_a_relative_clause(run) -> None:
    article = run(
        "Im Herbst 2020 hatte Aserbaidschan in einem Krieg große Teile des Gebiets zurückerobert, das seit den "
        "neunziger Jahren von armenischen Truppen kontrolliert worden war. Russland vermittelte damals eine "
        "Waffenruhe.",
        published="2022-09-15",
    )
    assert days_of(article, "CONSULT") == [("2020-09-01", "2020-11-30")]


def test_a_caption_in_the_present_shows_what_was(run) -> None:
    article = run(
        "Streik in Chile\n\nIn Chile haben Hafenarbeiter gegen die Privatisierung der Häfen protestiert.\n\n"
        "Foto: Hafenarbeiter demonstrieren am Montag vor dem Parlament in Valparaíso.",
        published="2026-03-18",
    )
    assert days_of(article, "PROTEST") == [("2026-03-16", "2026-03-16")]


def test_a_day_still_to_come_is_no_occasion_of_what_happened(run) -> None:
    article = run(
        "Einigung im Jemen\n\nMaskat (epd) - Die Huthi-Rebellen und die Regierung des Jemen haben sich nach "
        "monatelangen Gesprächen unter Vermittlung Omans auf einen Austausch von Gefangenen geeinigt. Die Unterhändler "
        "besiegelten das Abkommen in der Nacht zum Samstag in Maskat, wie die Vereinten Nationen mitteilten. "
        "Beide Seiten wollen am kommenden Donnerstag in Genf erneut verhandeln.",
        published="2024-06-10",
    )
    told = [e.time and (str(e.time.first_day), str(e.time.last_day)) for e in article.events if e.type == "CONSULT"]
    assert told[0] == ("2024-06-07", "2024-06-08") and told[-1] == ("2024-06-13", "2024-06-13")
    assert ("2024-06-13", "2024-06-13") not in told[:-1]


BEFORE_THE_MAIN_ACT = [
    # an undated "nachdem" clause lies in the year its main clause names
    ("Kiew hatte bereits 2022 die diplomatischen Beziehungen zu Teheran herabgestuft, nachdem russische Truppen "
     "iranische Drohnen gegen ukrainische Städte eingesetzt hatten.", "ASSAULT", ("2022-01-01", "2022-12-31")),
    # ... but on no day a day named there is: it may be any day before
    ("Russland wies am Montag zwei polnische Diplomaten aus, nachdem Polen russische Diplomaten ausgewiesen hatte.",
     "SANCTION", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "event_type", "days"), BEFORE_THE_MAIN_ACT)
def test_an_undated_act_told_as_before_lies_in_the_period_named(run, text: str, event_type: str, days) -> None:
    assert days_of(run(text, published="2025-04-15"), event_type)[0] == days


@pytest.mark.parametrize("between", ["", "gegen ihn "])  # a pronoun may stand in the attribute too
def test_a_time_inside_an_attribute_leaves_the_clause_its_own(run, between: str) -> None:
    text = f"Im Oktober hatte die Regierung die 2017 {between}verhängten Sanktionen aufgehoben."
    assert days_of(run(text, published="2024-11-24"), "CONCEDE") == [("2024-10-01", "2024-10-31")]


@pytest.mark.parametrize("row", row_params(FAMILIES, lambda row: f"{row['family']}: {row['text'][:60]}"))
def test_event_time_families(run, row: dict[str, str]) -> None:
    """tests/data/event_time_families.tsv: some event of the row's type has the row's day interval (or none)."""
    article = run(row["text"].replace(" ¶ ", "\n\n"), published=row["published"])
    days = (row["first"], row["last"]) if row["first"] else None
    assert days in days_of(article, row["type"])

"""TIMEX3 type, value and span (TimeML) of German temporal expressions, and the TimeML mode."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from lagebild.calendar_de import easter_sunday, holiday
from lagebild.cli import app
from lagebild.document import Article
from lagebild.output import article_record
from lagebild.temporal import find_timexes
from lagebild.temporal.timeml import plain_document, read_timeml, temporal_pipeline, write_timeml
from lagebild.temporal.timex import interval_of_value
from lagebild.temporal.vocabulary import load_vocabulary

BENCH_GOLD = Path(__file__).resolve().parents[1] / "bench" / "data" / "timeml"


def timexes(text: str, anchor: str, tense: str | None = None) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in find_timexes(text, date.fromisoformat(anchor), tense)[1]]


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("Er kam am Montag an.", "2023-09-06", ("Montag", "DATE", "2023-09-04")),
        ("Die Gespräche dauerten drei Tage lang.", "2023-09-06", ("drei Tage", "DURATION", "P3D")),
        ("Sie streiken seit zwei Wochen.", "2023-09-06", ("zwei Wochen", "DURATION", "P2W")),
        ("Die Sitzung beginnt um 15 Uhr.", "2023-09-06", ("15 Uhr", "TIME", "2023-09-06T15:00")),
        ("Sie trafen sich gestern Abend.", "2023-09-06", ("gestern Abend", "TIME", "2023-09-05TEV")),
        ("Der Ausschuss tagt jeden Montag.", "2023-09-06", ("jeden Montag", "SET", "XXXX-WXX-1")),
        ("Der Bericht erscheint jährlich.", "2023-09-06", ("jährlich", "SET", "P1Y")),
        ("Derzeit gibt es keine Gespräche.", "2023-09-06", ("Derzeit", "DATE", "PRESENT_REF")),
        ("Das soll sich künftig ändern.", "2023-09-06", ("künftig", "DATE", "FUTURE_REF")),
        ("Die Wahl findet nächste Woche statt.", "2023-09-06", ("nächste Woche", "DATE", "2023-W37")),
        ("Das Gesetz soll Anfang März gelten.", "2023-01-10", ("Anfang März", "DATE", "2023-03")),
        ("Er war vor drei Tagen dort.", "2023-09-06", ("vor drei Tagen", "DATE", "2023-09-03")),
        ("Im Jahr 1683 belagerten die Osmanen Wien.", "2023-09-06", ("Jahr 1683", "DATE", "1683")),
        ("Am 12. März 1871 tagte der Reichstag.", "2023-09-06", ("12. März 1871", "DATE", "1871-03-12")),
        ("Heuer gibt es mehr Touristen.", "2023-09-06", ("Heuer", "DATE", "2023")),
        ("Die Läden sind an Pfingstmontag zu.", "2023-05-20", ("Pfingstmontag", "DATE", "2023-05-29")),
        (
            "Zum Tag der Deutschen Einheit kamen viele.",
            "2023-10-05",
            ("Tag der Deutschen Einheit", "DATE", "2023-10-03"),
        ),
        ("In den 1990er Jahren war das anders.", "2023-09-06", ("den 1990er Jahren", "DATE", "199")),
        ("Österreich feiert heute seinen Nationalfeiertag.", "2022-10-26", ("Nationalfeiertag", "DATE", "2022-10-26")),
        ("Zum Jahreswechsel wird gefeiert.", "2022-12-20", ("Jahreswechsel", "DATE", "2022-12-31")),
        ("Er sprach zwischen 14 und 17 Uhr.", "2023-09-06", ("14", "TIME", "2023-09-06T14:00")),
        ("Das Kriegsrecht gilt für 30 Tage.", "2022-02-25", ("30 Tage", "DURATION", "P30D")),
        ("Im Zeitraum von 135 Tagen wurden 300 Angriffe gezählt.", "2023-01-12", ("135 Tagen", "DURATION", "P135D")),
        (
            "Die Armee will in einem Zeitraum von drei Monaten abziehen.",
            "2023-01-10",
            ("drei Monaten", "DURATION", "P3M"),
        ),
        (
            "Der Wetterdienst warnt für die Nacht von Sonnabend zu Sonntag vor Glatteis.",
            "2023-01-12",
            ("die Nacht von Sonnabend zu Sonntag", "TIME", "2023-01-14TNI"),
        ),
    ],
)
def test_timex_type_value_and_span(text: str, anchor: str, expected: tuple[str, str, str]) -> None:
    assert expected in timexes(text, anchor)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Die Preise sind in den vergangenen Jahren gestiegen.", "den vergangenen Jahren"),
        ("Seit dem Frühjahr wird die Brücke saniert.", "dem Frühjahr"),
        ("Am Montag tagt der Ausschuss.", "Montag"),
        ("Die Kanzlerin, die 16 Jahre regierte, tritt ab.", "16 Jahre"),
        ("Der drei Tage dauernde Streik ist vorbei.", "drei Tage"),
        ("Das heuer geplante Fest fällt aus.", "heuer"),
    ],
)
def test_timex_span_keeps_the_article_of_its_noun_phrase(text: str, span: str) -> None:
    assert span in [found for found, _, _ in timexes(text, "2023-09-06")]


def test_a_range_is_one_timex_per_date_and_one_interval_for_events() -> None:
    times, found = find_timexes("Der Gipfel findet vom 2. bis 4. Juni statt.", date(2023, 5, 1))
    assert [(t.text, t.value) for t in found] == [("2.", "2023-06-02"), ("4. Juni", "2023-06-04")]
    assert [(t.text, t.first_day, t.last_day) for t in times] == [
        ("vom 2. bis 4. Juni", date(2023, 6, 2), date(2023, 6, 4))
    ]


def test_an_enumeration_names_each_day() -> None:
    found = timexes("Gestreikt wird am 8., 9. und 10. Mai.", "2023-05-01")
    assert [value for _, _, value in found] == ["2023-05-08", "2023-05-09", "2023-05-10"]


def test_a_year_just_named_anchors_what_follows() -> None:
    found = timexes("1989 fiel die Mauer. Im Herbst des Jahres gingen Tausende auf die Straße.", "2023-09-06")
    assert ("Herbst des Jahres", "DATE", "1989-FA") in found
    later = timexes("Im Jahr 1683 war die Stadt belagert. Drei Jahre später wurde sie ausgebaut.", "2023-09-06")
    assert ("Drei Jahre später", "DATE", "1686") in later


def test_a_past_clause_may_name_a_day_just_ahead() -> None:
    found = timexes("Die für den 21. März geplante Sitzung wurde abgesagt.", "2023-03-18", "past")
    assert ("den 21. März", "DATE", "2023-03-21") in found


def test_a_national_day_needs_its_country() -> None:
    assert timexes("Am Nationalfeiertag war es ruhig.", "2022-10-20") == []


def test_a_year_named_paragraphs_before_anchors_im_jahr_darauf() -> None:
    found = timexes("1989 fiel die Mauer.\nDie Menschen feierten.\nIm Jahr darauf kam die Einheit.", "2019-11-09")
    assert ("Jahr darauf", "DATE", "1990") in found


@pytest.mark.parametrize(
    "text", ["Rund 1500 Demonstranten zogen durch die Stadt.", "Die Hütte liegt zwischen 1200 und 1400 Metern.",
             "Jan Ullrich gewann die Tour.", "Das Land schickt 1000 zusätzliche Polizisten an die Grenze.",
             "Die Stadt stellt 2000 weiteren Familien Wohnraum bereit."],
)  # fmt: skip
def test_counts_and_names_are_not_timexes(text: str) -> None:
    assert timexes(text, "2023-09-06") == []


def test_before_a_holiday_is_a_timex_but_no_event_day() -> None:
    times, found = find_timexes("Der Abzug beginnt nicht vor Weihnachten.", date(2011, 12, 15))
    assert [(t.text, t.value) for t in found] == [("Weihnachten", "2011-12-25")]
    assert times == []


def test_easter_is_computed() -> None:
    assert easter_sunday(2024) == date(2024, 3, 31)
    assert holiday("Christi Himmelfahrt", 2023) == date(2023, 5, 18)


@pytest.mark.parametrize(
    ("value", "mod", "first", "last"),
    [
        ("2023-W37", None, "2023-09-11", "2023-09-17"),
        ("2023-03", "START", "2023-03-01", "2023-03-10"),
        ("2023-WI", None, "2023-12-01", "2024-02-29"),
        ("2023-Q2", None, "2023-04-01", "2023-06-30"),
        ("2023-09-11TEV", None, "2023-09-11", "2023-09-11"),
        ("199", None, "1990-01-01", "1999-12-31"),
    ],
)
def test_interval_of_value(value: str, mod: str | None, first: str, last: str) -> None:
    interval = interval_of_value(value, mod, load_vocabulary().period_parts)
    assert interval is not None
    assert (interval.first.isoformat(), interval.last.isoformat()) == (first, last)


def test_vague_values_have_no_interval() -> None:
    assert interval_of_value("PRESENT_REF", None, load_vocabulary().period_parts) is None
    assert interval_of_value("P3D", None, load_vocabulary().period_parts) is None


def test_timeml_round_trip_keeps_the_text() -> None:
    source = (
        '<TimeML>\n<DCT><TIMEX3 tid="t0" type="DATE" value="2023-09-06">2023-09-06</TIMEX3></DCT>\n'
        "<TEXT>\nDer Minister kam am Montag &amp; blieb drei Tage.\n</TEXT>\n</TimeML>\n"
    )
    document = read_timeml(source)
    assert document is not None and document.creation_date == date(2023, 9, 6)
    _, found = find_timexes(document.text, document.creation_date)
    written = write_timeml(document, found)
    assert (
        '<TIMEX3 tid="t1" type="DATE" value="2023-09-04" first="2023-09-04" last="2023-09-04">Montag</TIMEX3>'
        in written
    )
    assert '<TIMEX3 tid="t2" type="DURATION" value="P3D">drei Tage</TIMEX3>' in written
    assert (
        written.replace('<TIMEX3 tid="t1" type="DATE" value="2023-09-04" first="2023-09-04" last="2023-09-04">', "")
        .replace('<TIMEX3 tid="t2" type="DURATION" value="P3D">', "")
        .replace("</TIMEX3>", "")
        .count("Montag &amp; blieb")
        == 1
    )


def test_the_article_record_lists_the_timex3s_as_timeml_tags_them(run) -> None:
    text = "Der Minister kam am Montag um 15 Uhr an und blieb drei Tage. Derzeit ist er in Rom."
    article = run(text, published="2023-09-06")
    record = article_record(article)
    assert record["timexes"][:2] == [
        {"tid": "t1", "type": "DATE", "value": "2023-09-04", "mod": None, "start": 20, "end": 26, "text": "Montag",
         "first": "2023-09-04", "last": "2023-09-04"},
        {"tid": "t2", "type": "TIME", "value": "2023-09-04T15:00", "mod": None, "start": 30, "end": 36,
         "text": "15 Uhr", "first": "2023-09-04", "last": "2023-09-04"},
    ]  # fmt: skip
    assert [(t["text"], t["value"], t["first"]) for t in record["timexes"][2:]] == [
        ("drei Tage", "P3D", None),
        ("Derzeit", "PRESENT_REF", None),
    ]
    assert all(text[t["start"] : t["end"]] == t["text"] for t in record["timexes"])
    tagged = write_timeml(plain_document(text, date(2023, 9, 6)), article.timexes)
    assert all(f'<TIMEX3 tid="{t["tid"]}" type="{t["type"]}" value="{t["value"]}"' in tagged for t in record["timexes"])
    fields = ["id", "lang", "published", "outlet", "url", "title", "text", "events", "timexes", "structure"]
    assert list(record) == fields


def test_the_creation_time_may_be_a_marked_timex3_outside_dct() -> None:
    source = (
        '<TimeML><TIMEX3 tid="t0" functionInDocument="CREATION_TIME" type="DATE" value="2013-03-22">22.03.2013'
        "</TIMEX3><TEXT>Am Montag.</TEXT></TimeML>"
    )
    document = read_timeml(source)
    assert document is not None and document.creation_date == date(2013, 3, 22)
    assert document.text == "Am Montag."


def test_cli_tags_a_directory_of_timeml(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    result = CliRunner().invoke(app, ["time", "--timeml", str(BENCH_GOLD / "check"), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    written = sorted(path.name for path in tmp_path.iterdir())
    assert written == sorted(path.name for path in (BENCH_GOLD / "check").glob("*.tml"))
    assert "<TIMEX3 " in (tmp_path / written[0]).read_text("utf-8")


def test_cli_tags_plain_text(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    text = tmp_path / "in" / "note.txt"
    text.parent.mkdir()
    text.write_text("Die Wahl ist am Sonntag.", "utf-8")
    result = CliRunner().invoke(
        app, ["time", "--timeml", str(text), "--date", "2023-09-06", "-o", str(tmp_path / "out")]
    )
    assert result.exit_code == 0, result.output
    assert 'value="2023-09-10"' in (tmp_path / "out" / "note.tml").read_text("utf-8")


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("In den Achtzigerjahren kamen Zweifel auf.", "2017-12-14", ("den Achtzigerjahren", "DATE", "198")),
        (
            "In den Zwanzigerjahren hatte der Laden sechs Gesellen.",
            "2022-01-20",
            ("den Zwanzigerjahren", "DATE", "192"),
        ),
        ("Mitte der Neunziger wollte er aufhören.", "2022-01-20", ("Mitte der Neunziger", "DATE", "199")),
        ("In den 90ern war das anders.", "2022-01-20", ("den 90ern", "DATE", "199")),
        ("Das Dorf wird seit Jahrhunderten überflutet.", "2017-12-14", ("Jahrhunderten", "DURATION", "PXCE")),
        (
            "Es wird in den kommenden Jahrzehnten wärmer.",
            "2017-12-14",
            ("den kommenden Jahrzehnten", "DURATION", "PXDE"),
        ),
        (
            "Es lag unter dem Mittel der vergangenen 30 Jahre.",
            "2018-03-26",
            ("der vergangenen 30 Jahre", "DURATION", "P30Y"),
        ),
        ("Der Trend dürfte bis in den Herbst anhalten.", "2019-08-02", ("den Herbst", "DATE", "2019-FA")),
        ("Die Prognose wird zweimal täglich erneuert.", "2018-03-26", ("zweimal täglich", "SET", "P1D")),
        ("Gegen Mittag verlor er den Halt.", "2019-07-15", ("Mittag", "TIME", "2019-07-15TMI")),
    ],
)
def test_timex_decades_durations_and_sets(text: str, anchor: str, expected: tuple[str, str, str]) -> None:
    assert expected in timexes(text, anchor)


def test_bare_decade_number_is_no_timex() -> None:
    assert timexes("Der 90er Bus fährt heute nicht.", "2022-01-20") == [("heute", "DATE", "2022-01-20")]


def pipeline_timexes(text: str, anchor: str) -> list[tuple[str, str, str]]:
    article = temporal_pipeline()(Article(id="t", text=text, published=date.fromisoformat(anchor)))
    return [(t.text, t.type, t.value) for t in article.timexes]


def test_heute_after_a_distant_past_is_the_present_age() -> None:
    found = pipeline_timexes("Vor 20 Jahren kamen noch viele Kunden, heute sind es zwei.", "2022-01-20")
    assert ("heute", "DATE", "PRESENT_REF") in found
    assert ("heute", "DATE", "2022-01-20") in pipeline_timexes("Der Laden hat heute geschlossen.", "2022-01-20")


def test_paragraph_start_counts_from_the_year_of_the_paragraph_before() -> None:
    text = "Im Juni 2013 stand die Stadt unter Wasser.\n\nVier Jahre später ist davon nichts zu sehen."
    assert ("Vier Jahre später", "DATE", "2017") in pipeline_timexes(text, "2019-12-14")


def test_plural_present_looks_ahead() -> None:
    found = pipeline_timexes("Am Freitag erwarten die Gemeinden viele Besucher.", "2024-10-28")
    assert ("Freitag", "DATE", "2024-11-01") in found


def test_same_month_a_year_before() -> None:
    assert ("Vorjahresmonat", "DATE", "2018-08") in timexes("Das Plus zum Vorjahresmonat ist klein.", "2019-08-02")


def test_a_date_something_is_postponed_to_lies_ahead() -> None:
    text = "Der Prozess wurde am Donnerstag auf den 9. Dezember vertagt."
    assert ("den 9. Dezember", "DATE", "2024-12-09") in pipeline_timexes(text, "2024-11-04")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Im nächsten Jahrzehnt wird sich das zeigen.", ("nächsten Jahrzehnt", "DATE", "202")),
        ("Im vergangenen Jahrhundert war das anders.", ("vergangenen Jahrhundert", "DATE", "19")),
    ],
)
def test_relative_decade_and_century(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in timexes(text, "2010-10-07")


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("Zu Mariä Himmelfahrt war viel los.", "2023-08-16", ("Mariä Himmelfahrt", "DATE", "2023-08-15")),
        ("Am Stefanitag stürzte ein Skifahrer.", "2019-12-27", ("Stefanitag", "DATE", "2019-12-26")),
        ("Am Christtag blieb es ruhig.", "2019-12-27", ("Christtag", "DATE", "2019-12-25")),
        ("Vor hundert Jahren begann der Krieg.", "2014-07-24", ("Vor hundert Jahren", "DATE", "1914")),
        ("Die Pässe sind an Sonntagen gesperrt.", "2023-08-16", ("Sonntagen", "SET", "XXXX-WXX-7")),
        (
            "Am Abend des 9. November 1989 fiel die Mauer.",
            "2009-11-05",
            ("Abend des 9. November 1989", "TIME", "1989-11-09TEV"),
        ),
        (
            "In der Nacht zum 3. Jänner 2013 brannte es.",
            "2015-09-14",
            ("der Nacht zum 3. Jänner 2013", "TIME", "2013-01-02TNI"),
        ),
        (
            "In der Nacht vom 14. auf den 15. Oktober stürmte es.",
            "2022-10-20",
            ("der Nacht vom 14. auf den 15. Oktober", "TIME", "2022-10-14TNI"),
        ),
        (
            "In der Nacht von 30. April auf 1. Mai 2019 brannte ein Stadl.",
            "2021-03-02",
            ("der Nacht von 30. April auf 1. Mai 2019", "TIME", "2019-04-30TNI"),
        ),
        (
            "1989 fiel die Mauer. Zwei Jahrzehnte später feiert Berlin.",
            "2009-11-05",
            ("Zwei Jahrzehnte später", "DATE", "2009"),
        ),
        ("Die Hütte öffnet zwei Wochen später als sonst.", "2020-06-03", ("zwei Wochen", "DURATION", "P2W")),
        ("Feuerwerk ist von 22 Uhr bis 1 Uhr erlaubt.", "2019-12-31", ("1 Uhr", "TIME", "2020-01-01T01:00")),
        ("Der Verkehr dürfte bis Sonntag stark bleiben.", "2023-08-16", ("Sonntag", "DATE", "2023-08-20")),
    ],
)
def test_timex_holidays_nights_and_shifts(text: str, anchor: str, expected: tuple[str, str, str]) -> None:
    assert expected in pipeline_timexes(text, anchor)


def test_named_year_reaches_reported_speech() -> None:
    found = pipeline_timexes("Im Sommer 1914 glaubten viele, der Krieg sei bis Weihnachten vorbei.", "2014-07-24")
    assert ("Weihnachten", "DATE", "1914-12-25") in found


def test_clock_time_after_a_part_of_the_holiday() -> None:
    text = "Zu Mariä Himmelfahrt war viel los. Bereits am frühen Vormittag staute es sich. Gezählt wurde ab 9 Uhr."
    found = pipeline_timexes(text, "2023-08-16")
    assert ("frühen Vormittag", "TIME", "2023-08-15TMO") in found
    assert ("9 Uhr", "TIME", "2023-08-15T09:00") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In den frühen Morgenstunden brannte ein Stadel.", ("den frühen Morgenstunden", "TIME", "2017-08-02TMO")),
        ("Im Herbst vergangenen Jahres kam er.", ("Herbst vergangenen Jahres", "DATE", "2016-FA")),
        ("Zu Beginn des 20. Jahrhunderts kam er.", ("Beginn des 20. Jahrhunderts", "DATE", "19")),
        ("Das dauerte ein halbes Jahr.", ("ein halbes Jahr", "DURATION", "P6M")),
        ("In den kommenden 48 Stunden stürmt es.", ("den kommenden 48 Stunden", "DURATION", "PT48H")),
        ("Im Spätsommer wird gebaut.", ("Spätsommer", "DATE", "2017-SU")),
    ],
)
def test_timex_parts_of_days_seasons_and_centuries(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in timexes(text, "2017-08-02")


def test_news_of_the_day_after_a_year_named_outright() -> None:
    found = pipeline_timexes("Der 1990 gegründete Verein feiert heute sein Jubiläum.", "2020-08-02")
    assert found == [("1990", "DATE", "1990"), ("heute", "DATE", "2020-08-02")]


def test_an_anniversary_is_news_of_the_day() -> None:
    text = "Vor 50 Jahren wurde der Verein gegründet. Heute feiert er mit einem Fest."
    assert ("Heute", "DATE", "2022-01-20") in pipeline_timexes(text, "2022-01-20")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mit dem heutigen Aschermittwoch beginnt die Fastenzeit.",
            ("dem heutigen Aschermittwoch", "DATE", "2016-02-10"),
        ),
        ("Am Pfingstwochenende 2015 gab es Stau.", ("Pfingstwochenende 2015", "DATE", "2015-W21-WE")),
    ],
)
def test_timex_named_days(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in timexes(text, "2016-02-10")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # beside "jedes Jahr" or "jährlich" a date of every year: its year is XXXX, the SET stays apart
        ("Jedes Jahr am 1. Mai ziehen die Gewerkschaften durch die Stadt.",
         [("Jedes Jahr", "SET", "P1Y"), ("1. Mai", "DATE", "XXXX-05-01")]),
        ("Die Schützen marschieren Ende August jährlich durchs Dorf.",
         [("Ende August", "DATE", "XXXX-08"), ("jährlich", "SET", "P1Y")]),
        # after "jeden" / "an jedem" the date is the SET
        ("An jedem 3. Oktober hisst der Bürgermeister die Fahne.", [("jedem 3. Oktober", "SET", "XXXX-10-03")]),
        # a date apart from the SET, or with its year, is one day
        ("Der Rat tagt jährlich, am 3. Oktober wählt er.",
         [("jährlich", "SET", "P1Y"), ("3. Oktober", "DATE", "2023-10-03")]),
        ("Jedes Jahr im Mai 2020 kamen sie.", [("Jedes Jahr", "SET", "P1Y"), ("Mai 2020", "DATE", "2020-05")]),
    ],
)  # fmt: skip
def test_a_date_of_every_year_has_no_year(text: str, expected: list[tuple[str, str, str]]) -> None:
    days, found = find_timexes(text, date(2023, 9, 6))
    assert [(t.text, t.type, t.value) for t in found] == expected
    assert len(days) == sum(value[0].isdigit() for _, _, value in expected)  # a date of every year is no event day


@pytest.mark.parametrize(
    ("text", "span", "days"),
    [
        ("Vor wenigen Tagen schlossen die Behörden die Grenze.", "Vor wenigen Tagen", ("2023-08-30", "2023-09-05")),
        ("Der Minister war vor einigen Wochen in Kiew.", "vor einigen Wochen", ("2023-08-09", "2023-08-30")),
        # some years ago lies a year back at least: not the news of this week
        (
            "Vor ein paar Jahren brachen beide Länder ihre Beziehungen ab.",
            "Vor ein paar Jahren",
            ("2013-09-06", "2022-09-06"),
        ),
    ],
)
def test_some_units_ago_is_a_vague_past_with_a_window_for_events(text: str, span: str, days: tuple[str, str]) -> None:
    expressions, found = find_timexes(text, date(2023, 9, 6))
    assert [(t.text, t.type, t.value, t.first_day) for t in found] == [(span, "DATE", "PAST_REF", None)]
    assert [(e.first_day.isoformat(), e.last_day.isoformat()) for e in expressions] == [days]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die zweitägige Konferenz in Wien endete ohne Einigung.", [("zweitägige", "DURATION", "P2D")]),
        ("Nach 24-stündigen Verhandlungen einigten sich die Parteien.", [("24-stündigen", "DURATION", "PT24H")]),
        ("Der Richter verhängte eine dreijährige Haftstrafe.", [("dreijährige", "DURATION", "P3Y")]),
        ("Nach der 16-jährigen Amtszeit der Kanzlerin", [("16-jährigen", "DURATION", "P16Y")]),
        # an age is no duration, as an adjective or as a noun
        ("Der 45-jährige Minister trat zurück.", []),
        ("Ein 17-Jähriger wurde festgenommen.", []),
        ("Das minderjährige Kind blieb unverletzt.", []),
        # an adjective between the number and the unit belongs to the span
        ("Zwölf lange Tage hatten die Unterhändler beraten.", [("Zwölf lange Tage", "DURATION", "P12D")]),
    ],
)
def test_adjectives_of_length_are_durations(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert timexes(text, "2023-09-06") == expected

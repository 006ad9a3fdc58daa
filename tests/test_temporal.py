"""The temporal stage: German expressions to day intervals, the stage over articles, the CLI.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import csv
import json
from datetime import date
from functools import cache
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from lagebild.clauses import stretch_around
from lagebild.document import Article
from lagebild.lang import load_language
from lagebild.pipeline import Pipeline, default_pipeline
from lagebild.temporal import TemporalStage, Tense, find_time_expressions
from lagebild.temporal.intervals import parse_tense
from lagebild.temporal.tense import clause_tense
from lagebild.temporal.vocabulary import load_vocabulary

REPO = Path(__file__).resolve().parents[1]
GOLD_FILE = REPO / "bench" / "data" / "temporal_gold.tsv"
WED = date(2023, 9, 6)  # a Wednesday; its ISO week runs 4-10 September
SAT = date(2022, 10, 15)  # a Saturday; its ISO week runs 10-16 October
THU = date(2023, 1, 12)  # a Thursday; the Monday before is 9 January, the Saturday after 14 January


@cache
def temporal_pipeline() -> Pipeline:
    return Pipeline([*default_pipeline().stages, TemporalStage()])


def interval(text: str, anchor: date, tense: str | None = None) -> tuple[str, str] | None:
    found = find_time_expressions(text, anchor, tense)
    if not found:
        return None
    longest = max(found, key=lambda t: t.end - t.start)
    return longest.first_day.isoformat(), longest.last_day.isoformat()


def stage_interval(sentence: str, anchor: date, expression: str | None = None) -> tuple[str, str] | None:
    """The interval of `expression` (default: the longest expression) found by the full pipeline."""
    article = temporal_pipeline()(Article(id="t", text=sentence, published=anchor))
    found = [t for t in article.times if expression is None or t.text == expression]
    if not found:
        return None
    longest = max(found, key=lambda t: t.end - t.start)
    return longest.first_day.isoformat(), longest.last_day.isoformat()


# Expression, anchor, tense given to the library -> interval.
LIBRARY_CASES = [
    ("am 7. März", WED, "past", ("2023-03-07", "2023-03-07")),
    ("am 7. März", WED, "future", ("2024-03-07", "2024-03-07")),
    ("am 1. Oktober", WED, None, ("2023-10-01", "2023-10-01")),
    ("am 1. April", WED, None, ("2023-04-01", "2023-04-01")),
    ("07.03.2021", WED, None, ("2021-03-07", "2021-03-07")),
    ("7.3.21", WED, None, ("2021-03-07", "2021-03-07")),
    ("2021-03-07", WED, None, ("2021-03-07", "2021-03-07")),
    ("7. Okt.", WED, "past", ("2022-10-07", "2022-10-07")),
    ("7. Okt. 2019", WED, None, ("2019-10-07", "2019-10-07")),
    ("Oktober 2019", WED, None, ("2019-10-01", "2019-10-31")),
    ("im Februar 2024", WED, None, ("2024-02-01", "2024-02-29")),
    ("1999", WED, None, ("1999-01-01", "1999-12-31")),
    ("im Jahr 2001", WED, None, ("2001-01-01", "2001-12-31")),
    ("Mittwoch, 6. September 2023", WED, None, ("2023-09-06", "2023-09-06")),
    ("im Oktober", WED, "past", ("2022-10-01", "2022-10-31")),
    ("im Oktober", WED, "future", ("2023-10-01", "2023-10-31")),
    ("im Oktober", WED, None, ("2023-10-01", "2023-10-31")),
    ("im September", WED, "past", ("2023-09-01", "2023-09-30")),
    ("im Juni", SAT, "future", ("2023-06-01", "2023-06-30")),
    ("Anfang Mai", WED, "past", ("2023-05-01", "2023-05-10")),
    ("Mitte Mai", WED, "past", ("2023-05-11", "2023-05-20")),
    ("Ende Mai", WED, "past", ("2023-05-22", "2023-05-31")),
    ("Ende Juni", WED, "past", ("2023-06-21", "2023-06-30")),
    ("Ende Februar 2023", WED, None, ("2023-02-19", "2023-02-28")),
    ("Ende Februar 2024", WED, None, ("2024-02-20", "2024-02-29")),
    ("am Montag", WED, "past", ("2023-09-04", "2023-09-04")),
    ("am Montag", WED, "future", ("2023-09-11", "2023-09-11")),
    ("am Montag", WED, None, ("2023-09-04", "2023-09-04")),
    ("am Samstag", WED, None, ("2023-09-09", "2023-09-09")),
    ("am Mittwoch", WED, "future", ("2023-09-06", "2023-09-06")),
    ("am Freitag", SAT, "past", ("2022-10-14", "2022-10-14")),
    ("am Freitag", SAT, "present", ("2022-10-21", "2022-10-21")),
    ("am Montag", SAT, "present", ("2022-10-17", "2022-10-17")),
    ("am Dienstag (Ortszeit)", SAT, "past", ("2022-10-11", "2022-10-11")),
    ("am Donnerstagabend (Ortszeit)", SAT, "past", ("2022-10-13", "2022-10-13")),
    ("vergangenen Mittwoch", WED, None, ("2023-08-30", "2023-08-30")),
    ("kommenden Mittwoch", WED, None, ("2023-09-13", "2023-09-13")),
    ("an diesem Freitag", WED, None, ("2023-09-08", "2023-09-08")),
    ("Freitag kommender Woche", WED, None, ("2023-09-15", "2023-09-15")),
    ("gestern", WED, None, ("2023-09-05", "2023-09-05")),
    ("heute", WED, None, ("2023-09-06", "2023-09-06")),
    ("vorgestern", WED, None, ("2023-09-04", "2023-09-04")),
    ("morgen", WED, None, ("2023-09-07", "2023-09-07")),
    ("übermorgen", WED, None, ("2023-09-08", "2023-09-08")),
    ("die morgige Sitzung", WED, None, ("2023-09-07", "2023-09-07")),
    ("gestern Nachmittag", WED, None, ("2023-09-05", "2023-09-05")),
    ("am Vortag", WED, None, ("2023-09-05", "2023-09-05")),
    ("am Folgetag", WED, None, ("2023-09-07", "2023-09-07")),
    ("tags darauf", WED, None, ("2023-09-07", "2023-09-07")),
    ("in der Nacht zu Sonntag", WED, "past", ("2023-09-02", "2023-09-03")),
    ("in der Nacht zum Samstag", WED, "future", ("2023-09-08", "2023-09-09")),
    ("in der Nacht auf Mittwoch", WED, "past", ("2023-09-05", "2023-09-06")),
    ("in der Nacht", WED, "past", ("2023-09-05", "2023-09-06")),
    ("in der Nacht", WED, "future", ("2023-09-06", "2023-09-07")),
    ("Freitagnacht", WED, "past", ("2023-09-01", "2023-09-02")),
    ("gestern Nacht", WED, None, ("2023-09-05", "2023-09-06")),
    ("nächste Woche", WED, None, ("2023-09-11", "2023-09-17")),
    ("nächste Woche", SAT, None, ("2022-10-17", "2022-10-23")),
    ("vergangene Woche", SAT, None, ("2022-10-03", "2022-10-09")),
    ("in dieser Woche", SAT, None, ("2022-10-10", "2022-10-16")),
    ("vergangenen Monat", WED, None, ("2023-08-01", "2023-08-31")),
    ("nächsten Monat", date(2023, 12, 20), None, ("2024-01-01", "2024-01-31")),
    ("im kommenden Jahr", WED, None, ("2024-01-01", "2024-12-31")),
    ("im laufenden Jahr", WED, None, ("2023-01-01", "2023-12-31")),
    ("Ende nächster Woche", WED, None, ("2023-09-15", "2023-09-17")),
    ("Anfang des Monats", WED, None, ("2023-09-01", "2023-09-10")),
    ("Ende des Jahres", WED, None, ("2023-09-01", "2023-12-31")),
    ("Anfang des Jahres", WED, None, ("2023-01-01", "2023-04-30")),
    ("Mitte 2022", WED, None, ("2022-05-01", "2022-08-31")),
    ("vor zwei Wochen", WED, None, ("2023-08-23", "2023-08-23")),
    ("vor einem Jahr", WED, None, ("2022-09-06", "2022-09-06")),
    ("vor drei Monaten", WED, None, ("2023-06-06", "2023-06-06")),
    ("in drei Tagen", WED, None, ("2023-09-09", "2023-09-09")),
    ("in vier Wochen", WED, None, ("2023-10-04", "2023-10-04")),
    ("in den nächsten drei Tagen", WED, None, ("2023-09-06", "2023-09-08")),
    ("in den vergangenen zwei Wochen", WED, None, ("2023-08-24", "2023-09-06")),
    ("innerhalb von zwei Wochen", WED, None, ("2023-09-06", "2023-09-20")),
    ("binnen 14 Monaten", date(2020, 2, 29), None, ("2020-02-29", "2021-04-29")),
    ("im Zeitraum von 135 Tagen", date(2020, 2, 29), "future", ("2020-02-29", "2020-07-13")),
    ("innerhalb von drei Tagen", WED, "past", ("2023-09-03", "2023-09-06")),
    ("innerhalb der kommenden sechs Monate", WED, "past", ("2023-09-06", "2024-03-06")),
    ("das erste Quartal", WED, "past", ("2023-01-01", "2023-03-31")),
    ("das erste Quartal", WED, "future", ("2024-01-01", "2024-03-31")),
    ("im dritten Quartal", WED, None, ("2023-07-01", "2023-09-30")),
    ("im 2. Quartal 2021", WED, None, ("2021-04-01", "2021-06-30")),
    ("Q4 2022", WED, None, ("2022-10-01", "2022-12-31")),
    ("im zweiten Halbjahr", WED, None, ("2023-07-01", "2023-12-31")),
    ("im Frühjahr 2022", WED, None, ("2022-03-01", "2022-05-31")),
    ("im Winter", WED, "future", ("2023-12-01", "2024-02-29")),
    ("vom 10. bis 13. September", WED, None, ("2023-09-10", "2023-09-13")),
    ("10.-12. Juni 2020", WED, None, ("2020-06-10", "2020-06-12")),
    ("vom 30. Juni bis 2. Juli", WED, "past", ("2023-06-30", "2023-07-02")),
    ("vom 20. Dezember bis 6. Januar", WED, "future", ("2023-12-20", "2024-01-06")),
    ("zwischen Mai und Juli", WED, "past", ("2023-05-01", "2023-07-31")),
    ("von Oktober bis Dezember 2021", WED, None, ("2021-10-01", "2021-12-31")),
    ("von 2001 bis 2005", WED, None, ("2001-01-01", "2005-12-31")),
    ("von Montag bis Freitag", WED, "future", ("2023-09-11", "2023-09-15")),
    ("seit 2013", WED, None, ("2013-01-01", "2023-09-06")),
    ("seit Januar", WED, None, ("2023-01-01", "2023-09-06")),
    ("seit November", WED, "present", ("2022-11-01", "2023-09-06")),
    ("seit dem 1. August", WED, None, ("2023-08-01", "2023-09-06")),
    ("seit Montag", WED, None, ("2023-09-04", "2023-09-06")),
    ("seit drei Tagen", WED, None, ("2023-09-03", "2023-09-06")),
    ("seit Ende Mai", WED, None, ("2023-05-22", "2023-09-06")),
    # a season right after "seit", without an article, runs up to the anchor too, from the last one begun
    ("seit Sommer", WED, None, ("2023-06-01", "2023-09-06")),
    ("seit Winter", WED, "present", ("2022-12-01", "2023-09-06")),
    ("seit Frühjahr 2021", WED, None, ("2021-03-01", "2023-09-06")),
    # "noch" before a period that holds the anchor: what is left of it, unless told in the past ("as late as")
    ("noch in diesem Jahr", WED, "future", ("2023-09-06", "2023-12-31")),
    ("noch in dieser Woche", WED, "future", ("2023-09-06", "2023-09-10")),
    ("noch im September", WED, "future", ("2023-09-06", "2023-09-30")),
    ("noch im September", WED, "past", ("2023-09-01", "2023-09-30")),
    ("noch im Mai", WED, "past", ("2023-05-01", "2023-05-31")),
    # Swiss and Austrian "anfangs" for "Anfang"
    ("anfangs Juli", WED, None, ("2023-07-01", "2023-07-10")),
    ("anfangs nächster Woche", WED, None, ("2023-09-11", "2023-09-12")),
]


@pytest.mark.parametrize(("text", "anchor", "tense", "expected"), LIBRARY_CASES)
def test_expressions_resolve_to_intervals(
    text: str, anchor: date, tense: str | None, expected: tuple[str, str]
) -> None:
    assert interval(text, anchor, tense) == expected


# Sentences through the whole pipeline: the tense comes from the sentence itself.
SENTENCE_CASES = [
    ("Die Außenministerin flog am Montag nach Ankara.", WED, ("2023-09-04", "2023-09-04")),
    ("Die Außenministerin fliegt am Montag nach Ankara.", WED, ("2023-09-11", "2023-09-11")),
    ("Die Außenministerin wird am Montag nach Ankara fliegen.", WED, ("2023-09-11", "2023-09-11")),
    ("Die Außenministerin ist am Montag nach Ankara geflogen.", WED, ("2023-09-04", "2023-09-04")),
    ("Die Außenministerin soll am Montag nach Ankara fliegen.", WED, ("2023-09-11", "2023-09-11")),
    ("Die Außenministerin soll am Montag in Ankara verhandelt haben.", WED, ("2023-09-04", "2023-09-04")),
    ("Der Besuch ist für Montag geplant.", WED, ("2023-09-11", "2023-09-11")),
    ("Die Regierung plant, am Freitag neue Sanktionen zu verhängen.", SAT, ("2022-10-21", "2022-10-21")),
    ("Sie bestritt, am Freitag in Kiew gewesen zu sein.", SAT, ("2022-10-14", "2022-10-14")),
    ("Er sagte, die Truppen würden im März abziehen.", WED, ("2024-03-01", "2024-03-31")),
    ("Die Truppen zogen im März ab.", WED, ("2023-03-01", "2023-03-31")),
    ("Im November wählen die Bürger ein neues Parlament.", WED, ("2023-11-01", "2023-11-30")),
    ("Im Juni hatten die Bürger ein neues Parlament gewählt.", WED, ("2023-06-01", "2023-06-30")),
    ("Die Bürger hatten am 3. Oktober gewählt.", WED, ("2022-10-03", "2022-10-03")),
    ("Die Bürger wählen am 3. Oktober.", WED, ("2023-10-03", "2023-10-03")),
    ("Die Waffenruhe hält seit Dienstag.", WED, ("2023-09-05", "2023-09-06")),
    # a time inside a noun phrase takes the tense of the participle it qualifies
    ("Das am Montag gestartete Manöver dauert noch an.", THU, ("2023-01-09", "2023-01-09")),
    ("Die am 3. Mai verhängten Sanktionen werden verschärft.", WED, ("2023-05-03", "2023-05-03")),
    ("Die am Freitag zurückgetretene Ministerin wird ersetzt.", THU, ("2023-01-06", "2023-01-06")),
    ("Das für Montag geplante Treffen wurde abgesagt.", THU, ("2023-01-16", "2023-01-16")),
    ("Die seit Montag geltenden Regeln werden gelockert.", THU, ("2023-01-09", "2023-01-12")),
    # a deadline in an aim looks ahead from when it is set; a past stay up to a day does not
    ("Der Kanzler sagte zu, die Panzer bis Ende März zu liefern.", THU, ("2023-03-22", "2023-03-31")),
    ("Der Minister drängte Berlin, die Panzer bis Ende März zu liefern.", THU, ("2023-03-22", "2023-03-31")),
    ("Er sagte zu, am Montag nach Kiew zu reisen.", THU, ("2023-01-16", "2023-01-16")),  # "zu," is a particle
    ("Die Truppen blieben bis Ende März im Land.", THU, ("2022-03-22", "2022-03-31")),
    ("Er bestritt, bis Ende März in Kiew gewesen zu sein.", THU, ("2022-03-22", "2022-03-31")),
    # a deadline or a day something is promised or planned for, after a verb of planning, lies ahead
    ("Die Regierung sagte die Lieferung der Panzer bis Ende März zu.", THU, ("2023-03-22", "2023-03-31")),
    ("Der General versprach eine Waffenruhe für Dienstag.", THU, ("2023-01-17", "2023-01-17")),
    ("Die Rebellen versprachen eine Feuerpause für die Nacht zu Sonntag.", THU, ("2023-01-14", "2023-01-15")),
    ("Die Gewerkschaft streikte für höhere Löhne bis Ende März.", THU, ("2022-03-22", "2022-03-31")),
    ("Bis Ende März hatte die Regierung 18 Panzer zugesagt.", THU, ("2022-03-22", "2022-03-31")),  # a pluperfect
    # a night announced ahead is the coming one; "Sonnabend" is Saturday
    ("Der Wetterdienst warnt für die Nacht von Sonnabend zu Sonntag vor Glatteis.", THU, ("2023-01-14", "2023-01-15")),
    ("Die Polizei nahm in der Nacht von Sonnabend auf Sonntag zehn Menschen fest.", THU, ("2023-01-07", "2023-01-08")),
]


@pytest.mark.parametrize(("sentence", "anchor", "expected"), SENTENCE_CASES)
def test_stage_takes_the_tense_from_the_sentence(sentence: str, anchor: date, expected: tuple[str, str]) -> None:
    assert stage_interval(sentence, anchor) == expected


NOT_TIMES = [
    "Rund 2000 Soldaten wurden verlegt.",
    "Die Partei erhielt 1998 Stimmen mehr als im Vorfeld erwartet.",
    "Er sprach mit August Meier über die Lage.",
    "Jeden Morgen demonstrieren Hunderte vor dem Parlament.",
    "Die Sendung heute-journal berichtete ausführlich.",
    "Die Zahl stieg von 1500 auf 1900.",
]


@pytest.mark.parametrize("sentence", NOT_TIMES)
def test_numbers_and_names_are_not_times(sentence: str) -> None:
    assert find_time_expressions(sentence, WED) == []


ANAPHORA_CASES = [
    ("Am 2. Mai 2022 begann der Prozess, am Folgetag sagte der erste Zeuge aus.", "am Folgetag", "2022-05-03"),
    ("Das Bündnis tagte am 11. Juli. Tags darauf reisten die Delegationen ab.", "Tags darauf", "2023-07-12"),
    ("Die Wahl war am 8. Mai, drei Tage zuvor hatte es Unruhen gegeben.", "drei Tage zuvor", "2023-05-05"),
    ("Am 2. März wurde der Präsident vereidigt, am Abend kam es zu Krawallen.", "am Abend", "2023-03-02"),
]


@pytest.mark.parametrize(("sentence", "expression", "day"), ANAPHORA_CASES)
def test_anaphora_counts_from_the_day_last_named(sentence: str, expression: str, day: str) -> None:
    assert stage_interval(sentence, WED, expression) == (day, day)


def test_offsets_point_into_the_text() -> None:
    text = "Nach Angaben der Polizei kam es am Dienstag und in der Nacht zu Mittwoch zu Krawallen."
    found = find_time_expressions(text, WED, "past")
    assert [t.text for t in found] == ["am Dienstag", "in der Nacht zu Mittwoch"]
    assert all(text[t.start : t.end] == t.text for t in found)
    assert [(t.first_day, t.last_day) for t in found] == [
        (date(2023, 9, 5), date(2023, 9, 5)),
        (date(2023, 9, 5), date(2023, 9, 6)),
    ]


def test_unknown_tense_is_refused() -> None:
    with pytest.raises(ValueError):
        find_time_expressions("am Montag", WED, "gestrig")


def test_planned_counts_as_future() -> None:
    assert parse_tense("planned") is Tense.FUTURE


def test_caption_is_dated_by_its_own_date() -> None:
    text = (
        "Gipfel in der Hauptstadt\n\n"
        "Die Minister berieten am Montag über neue Hilfen.\n\n"
        "Dieses am 14. März 2023 veröffentlichte Foto zeigt die Minister bei ihrem Treffen am Vortag.\n\n"
        "Foto: Agentur\n\n"
        "Weitere Gespräche sollen folgen."
    )
    article = temporal_pipeline()(Article(id="caption", text=text, published=WED))
    by_text = {t.text: (t.first_day, t.last_day) for t in article.times}
    assert by_text["am Vortag"] == (date(2023, 3, 13), date(2023, 3, 13))
    assert by_text["am Montag"] == (date(2023, 9, 4), date(2023, 9, 4))
    assert [t.start for t in article.times] == sorted(t.start for t in article.times)


def test_caption_date_after_the_expression_still_anchors() -> None:
    text = "Einleitung ohne Datum.\n\nSoldaten marschieren am Vortag durch die Stadt (Archivbild vom 3. Mai 2021)."
    article = temporal_pipeline()(Article(id="caption2", text=text, published=WED))
    assert [(t.text, t.first_day) for t in article.times if t.text == "am Vortag"] == [("am Vortag", date(2021, 5, 2))]


def test_anaphora_does_not_reach_back_past_the_previous_sentence() -> None:
    text = (
        "Am 2. Februar 2020 begann der Streit. Danach geschah lange nichts. "
        "Später hieß es, am Vortag sei alles ruhig gewesen."
    )
    article = temporal_pipeline()(Article(id="far", text=text, published=WED))
    assert [t.first_day for t in article.times if t.text == "am Vortag"] == [date(2023, 9, 5)]


def test_without_a_reference_date_nothing_is_found() -> None:
    article = temporal_pipeline()(Article(id="undated", text="Der Minister reiste am Montag nach Rom."))
    assert article.times == []


def test_stage_declares_its_fields() -> None:
    stage = TemporalStage()
    assert (stage.name, stage.requires, stage.assigns) == ("temporal", ("sentences", "clauses"), ("times", "timexes"))


def test_clause_tense_reads_the_clause_not_the_sentence() -> None:
    article = default_pipeline()(Article(id="t", text="Er erklärte, er werde im Mai reisen.", published=WED))
    sentence, tokens, words = article.sentences[0], article.tokens, (load_vocabulary(), load_language())
    may = next(i for i, t in enumerate(tokens) if t.text == "Mai")
    said = next(i for i, t in enumerate(tokens) if t.text == "erklärte")
    assert clause_tense(stretch_around(article, sentence, may), tokens, *words) is Tense.FUTURE
    assert clause_tense(stretch_around(article, sentence, said), tokens, *words) is Tense.PAST


def test_vocabulary_file_has_the_expected_sections() -> None:
    vocabulary = load_vocabulary()
    assert vocabulary.number_words["zwei"] == 2
    assert vocabulary.period_parts["month"]["ende"] == (-10, -1)
    assert set(vocabulary.year_sections["quartal"]) == {1, 2, 3, 4}
    parts = {part for unit in vocabulary.period_parts.values() for part in unit}
    assert parts <= {"anfang", "anfangs", "beginn", "mitte", "ende"}
    assert vocabulary.months["september"] == 9  # reused from calendar_de


def read_gold_rows() -> list[dict[str, str]]:
    lines = [line for line in GOLD_FILE.read_text("utf-8").splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_gold_file_is_well_formed() -> None:
    rows = read_gold_rows()
    assert len(rows) >= 200
    for row in rows:
        assert row["expression"] in row["sentence"]
        assert row["tense"] in {"past", "present", "future"}
        assert date.fromisoformat(row["start"]) <= date.fromisoformat(row["end"])


def test_gold_set_accuracy_is_at_least_95_percent() -> None:
    rows = read_gold_rows()
    correct = 0
    for row in rows:
        anchor = date.fromisoformat(row["anchor"])
        article = temporal_pipeline()(Article(id="g", text=row["sentence"], published=anchor))
        start = row["sentence"].find(row["expression"])
        end = start + len(row["expression"])
        hits = [t for t in article.times if t.start < end and t.end > start]
        if hits and (hits[0].first_day.isoformat(), hits[0].last_day.isoformat()) == (row["start"], row["end"]):
            correct += 1
    assert correct / len(rows) >= 0.95


# The CLI, through a small Typer app (the command is registered in lagebild.cli by the lead).


def cli_app() -> typer.Typer:
    from lagebild.cli.temporal import time_command

    app = typer.Typer()
    app.command("time")(time_command)

    @app.callback()
    def root() -> None:
        """Test root."""

    return app


def test_cli_prints_the_longest_expression() -> None:
    result = CliRunner().invoke(cli_app(), ["time", "bis Ende Juli am Montag", "--date", "2023-09-04"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {
        "text": "Ende Juli",
        "start": "2023-07-22",
        "end": "2023-07-31",
        "timexes": [{"text": "Ende Juli", "type": "DATE", "value": "2023-07", "mod": "END"}],
    }


@pytest.mark.parametrize(
    ("expression", "timex_type", "value"),
    [("drei Tage lang", "DURATION", "P3D"), ("jeden Montag", "SET", "XXXX-WXX-1"), ("derzeit", "DATE", "PRESENT_REF")],
)
def test_cli_prints_a_timex_without_a_day_interval(expression: str, timex_type: str, value: str) -> None:
    result = CliRunner().invoke(cli_app(), ["time", expression, "--date", "2023-09-04"])
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert (record["start"], record["end"]) == (None, None)
    assert [(t["type"], t["value"]) for t in record["timexes"]] == [(timex_type, value)]


def test_cli_fails_with_one_line_when_nothing_is_found() -> None:
    result = CliRunner().invoke(cli_app(), ["time", "ohne Zeitangabe", "--date", "2023-09-04"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "no temporal expression" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_cli_rejects_a_bad_date() -> None:
    result = CliRunner().invoke(cli_app(), ["time", "am Montag", "--date", "4.9.2023"])
    assert result.exit_code == 2


def test_cli_jsonl_keeps_order_and_survives_bad_lines() -> None:
    lines = "\n".join(
        [
            json.dumps({"text": "am Montag", "date": "2023-09-06", "tense": "past"}),
            "kein json",
            json.dumps({"text": "nichts", "date": "2023-09-06"}),
            json.dumps({"text": "nächste Woche"}),
            json.dumps({"text": "in der Nacht zu Sonntag", "date": "2020-10-19"}),
        ]
    )
    result = CliRunner().invoke(cli_app(), ["time", "--jsonl"], input=lines + "\n")
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 5
    assert records[0]["text"] == "am Montag" and (records[0]["start"], records[0]["end"]) == (
        "2023-09-04",
        "2023-09-04",
    )
    assert records[1]["line"] == 2 and "error" in records[1]
    assert records[2] == {"text": None, "start": None, "end": None, "timexes": []}
    assert records[3]["line"] == 4 and "date" in records[3]["error"]
    assert (records[4]["start"], records[4]["end"]) == ("2020-10-17", "2020-10-18")

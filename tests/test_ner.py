"""Named-entity recognition: the GermEval reader and writer, scoring, rules, the shipped model,
the `ner` command, and a gate on GermEval test-a (read from ../shared, never copied here)."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from lagebild.cli.ner import ner_command
from lagebild.document import Article
from lagebild.entities.germeval import (
    bio_spans,
    format_germeval,
    keep_label,
    parse_germeval,
    read_germeval,
    score_labels,
)
from lagebild.entities.name_features import frequency_classes, lexicon_marks
from lagebild.entities.name_rules import merge_labels, rule_labels
from lagebild.entities.ner import find_names, label_sentences, tag_tokens, voted_labels, word_tags
from tests.conftest import shared_path

# Our own sentences, in GermEval's layout: a comment line, four columns, a blank line after each.
TINY_FILE = """\
#\tselbst geschrieben\t[2024-01-01]
1\tMinisterin\tO\tO
2\tPetra\tB-PER\tO
3\tKlausen\tI-PER\tO
4\tbesuchte\tO\tO
5\tHannover\tB-LOC\tO
6\t.\tO\tO

#\tselbst geschrieben\t[2024-01-02]
1\tDie\tO\tO
2\tbayerische\tB-LOCderiv\tO
3\tFirma\tO\tO
4\tKlausen\tB-ORG\tB-PERpart
5\tAG\tI-ORG\tO
6\tbaut\tO\tO
7\tGeräte-Software\tB-OTH\tO
8\t.\tO\tO
"""

# Held-out micro F1 of the shipped method on GermEval test-a was measured with a model trained on
# dev only; the shipped model also trained on test-a, so this gate pins its test-a score (minus
# 0.01) to catch regressions in the model, its features or the lexicons it reads.
TEST_A_MICRO_F1_FLOOR = 0.83  # measured 0.842 (a training-set number: see above)


def split_words(sentence: str) -> list[str]:
    return sentence.split(" ")


@pytest.fixture
def tiny_file(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.tsv"
    path.write_text(TINY_FILE, encoding="utf-8")
    return path


def test_reader_keeps_comments_words_and_the_four_classes(tiny_file: Path) -> None:
    sentences = read_germeval(tiny_file)
    assert [s.comment for s in sentences] == [
        "#\tselbst geschrieben\t[2024-01-01]",
        "#\tselbst geschrieben\t[2024-01-02]",
    ]
    assert sentences[0].words == ["Ministerin", "Petra", "Klausen", "besuchte", "Hannover", "."]
    assert sentences[1].labels == ["O", "B-LOCderiv", "O", "B-ORG", "I-ORG", "O", "O", "O"]


def test_writer_round_trips_the_file_when_given_its_own_labels(tiny_file: Path) -> None:
    sentences = read_germeval(tiny_file)
    assert format_germeval(sentences, [[row[2] for row in s.rows] for s in sentences]) == TINY_FILE


def test_writer_replaces_only_the_third_column(tiny_file: Path) -> None:
    sentences = read_germeval(tiny_file)
    text = format_germeval(sentences, [["O"] * len(s.rows) for s in sentences])
    assert "4\tKlausen\tO\tB-PERpart" in text.splitlines()
    assert text.count("\n\n") == 1


@pytest.mark.parametrize(
    ("label", "kept"),
    [
        ("B-PER", "B-PER"),
        ("I-LOCderiv", "I-LOCderiv"),
        ("B-OTH", "O"),
        ("I-ORGpart", "O"),
        ("B-PERderiv", "O"),
        ("O", "O"),
    ],
)
def test_only_the_four_classes_are_kept(label: str, kept: str) -> None:
    assert keep_label(label) == kept


def test_spans_and_exact_span_scores() -> None:
    gold = ["B-PER", "I-PER", "O", "B-LOC", "O", "I-ORG"]
    predicted = ["B-PER", "O", "O", "B-LOC", "O", "B-ORG"]
    assert bio_spans(gold) == {(0, 2, "PER"), (3, 4, "LOC"), (5, 6, "ORG")}
    report = score_labels([gold], [predicted]).report()
    assert report["LOC"]["f1"] == 1.0
    assert report["PER"]["f1"] == 0.0
    assert report["micro"]["precision"] == pytest.approx(2 / 3)
    assert report["micro"]["recall"] == pytest.approx(2 / 3)


def test_parser_accepts_a_file_without_trailing_blank_line() -> None:
    sentences = list(parse_germeval(["1\tBonn\tB-LOC\tO"]))
    assert sentences[0].labels == ["B-LOC"]


def test_lexicon_marks_places_adjectives_and_city_adjectives() -> None:
    words = split_words("Die US-amerikanischen Soldaten flogen von Frankfurt nach New York , sagte die Kölner Polizei")
    marks = dict(zip(words, lexicon_marks(words), strict=True))
    assert marks["US-amerikanischen"] == "ADJ"
    assert (marks["Frankfurt"], marks["New"], marks["York"]) == ("PLACE", "PLACE", "PLACE")
    assert marks["Kölner"] == "CITYADJ"
    assert marks["Soldaten"] == marks["sagte"] == "-"


def test_frequency_classes_bucket_words_on_the_zipf_scale() -> None:
    assert frequency_classes(["der", "Regierung", "Xqzrtl"]) == ["Zipf=7", "Zipf=5", "Zipf=0"]


def test_ensemble_keeps_the_spans_most_models_found() -> None:
    votes = [["B-PER", "I-PER", "O", "B-LOC"], ["B-PER", "I-PER", "O", "B-ORG"], ["B-ORG", "O", "O", "B-LOC"]]
    assert voted_labels(votes) == ["B-PER", "I-PER", "O", "B-LOC"]
    assert voted_labels(votes[:2]) == ["B-PER", "I-PER", "O", "O"]


def test_rules_find_a_place_an_adjective_and_a_company() -> None:
    words = split_words("Die französische Regierung und die Klausen AG trafen sich in Lissabon .")
    labels = rule_labels(words, word_tags(words), lexicon_marks(words))
    assert bio_spans(labels) == {(1, 2, "LOCderiv"), (5, 7, "ORG"), (10, 11, "LOC")}


def test_merge_adds_rule_spans_only_where_the_model_found_nothing() -> None:
    model = ["B-ORG", "I-ORG", "O", "O"]
    rules = ["B-LOC", "O", "B-LOC", "O"]
    assert merge_labels(model, rules, ("LOC",)) == ["B-ORG", "I-ORG", "B-LOC", "O"]
    assert merge_labels(model, rules, ()) == model


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Bundeskanzlerin Angela Merkel reiste am Montag nach Paris .", {("Angela Merkel", "PER"), ("Paris", "LOC")}),
        (
            "Die SPD und die CDU streiten im Bundestag über die russische Gaspipeline .",
            {("SPD", "ORG"), ("CDU", "ORG"), ("russische", "LOCderiv")},
        ),
        (
            "Der Bürgermeister von Hamburg , Peter Tschentscher , lobte die Polizei .",
            {("Hamburg", "LOC"), ("Peter Tschentscher", "PER")},
        ),
    ],
)
def test_tag_tokens_finds_people_places_and_parties(sentence: str, expected: set[tuple[str, str]]) -> None:
    words = split_words(sentence)
    found = {(" ".join(words[start:end]), kind) for start, end, kind in bio_spans(tag_tokens(words))}
    assert expected <= found


def test_tag_tokens_of_nothing_is_nothing() -> None:
    assert tag_tokens([]) == []


def test_find_names_gives_character_offsets_into_the_text(run) -> None:
    article: Article = run("Die Außenministerin traf in Warschau ihren polnischen Kollegen. Danach flog sie nach Kiew.")
    names = {(entity.text, entity.label) for entity in find_names(article)}
    assert {("Warschau", "LOC"), ("polnischen", "LOCderiv"), ("Kiew", "LOC")} <= names
    for entity in find_names(article):
        assert article.text[entity.start : entity.end] == entity.text


def test_ner_command_writes_our_labels_in_column_three(tiny_file: Path, tmp_path: Path) -> None:
    app = typer.Typer()
    app.command()(ner_command)
    out = tmp_path / "out.tsv"
    result = CliRunner().invoke(app, [str(tiny_file), "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "#\tselbst geschrieben\t[2024-01-01]"
    assert lines[5] == "5\tHannover\tB-LOC\tO"
    assert lines[7] == ""
    assert len(lines) == len(TINY_FILE.splitlines())
    assert {line.split("\t")[2] for line in lines if "\t" in line and not line.startswith("#")} <= {
        "O",
        "B-PER",
        "I-PER",
        "B-LOC",
        "I-LOC",
        "B-ORG",
        "I-ORG",
        "B-LOCderiv",
        "I-LOCderiv",
    }


def test_ner_command_fails_on_a_missing_file(tmp_path: Path) -> None:
    app = typer.Typer()
    app.command()(ner_command)
    result = CliRunner().invoke(app, [str(tmp_path / "missing.tsv"), "-o", str(tmp_path / "out.tsv")])
    assert result.exit_code == 1


def test_shipped_model_on_germeval_test_a_keeps_its_f1() -> None:
    sentences = read_germeval(shared_path("corpus", "germeval2014", "NER-de-test-a.tsv"))
    predicted = label_sentences([(s.words, word_tags(s.words)) for s in sentences])
    micro_f1 = score_labels([s.labels for s in sentences], predicted).prf()[2]
    assert micro_f1 >= TEST_A_MICRO_F1_FLOOR


def test_committed_place_names_match_their_generator() -> None:
    from importlib import resources

    from lagebild.entities.place_names import PLACE_NAMES_PATH, build_place_names_tsv

    committed = resources.files("lagebild").joinpath(PLACE_NAMES_PATH).read_text(encoding="utf-8")
    assert committed == build_place_names_tsv(), "rerun scripts/build_place_names.py"

"""Language layer: offsets, sentences, tags and lemmas, language identification."""

from __future__ import annotations

import pytest

from lagebild.document import Article
from lagebild.language import LanguageStage, identify_language
from lagebild.structure import StructureStage

language = LanguageStage()
structure = StructureStage()


def analyse(text: str) -> Article:
    return language(structure(Article(id="t", text=text)))


def sentence_texts(article: Article) -> list[str]:
    return [article.text[s.start : s.end] for s in article.sentences]


def test_token_offsets_point_into_the_text() -> None:
    article = analyse("Der Kreml äußerte sich am 4. September nicht.\n\nDie Gespräche „gehen weiter“.")
    assert all(article.text[t.start : t.end] == t.text for t in article.tokens)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dr. Müller traf am 4. September ein. Er sprach mit Vertretern der Regierung.",
            ["Dr. Müller traf am 4. September ein.", "Er sprach mit Vertretern der Regierung."],
        ),
        (
            "„Wir werden nicht nachgeben.“ Das sagte der Minister. Bis zum 3. Mai bleibt Zeit.",
            ["„Wir werden nicht nachgeben.“", "Das sagte der Minister.", "Bis zum 3. Mai bleibt Zeit."],
        ),
        ("Was nun? Die Lage ist unklar!", ["Was nun?", "Die Lage ist unklar!"]),
        ("Überschrift ohne Punkt\nErster Satz des Textes.", ["Überschrift ohne Punkt", "Erster Satz des Textes."]),
        ("Die Zahl stieg z. B. auf 20 Prozent.", ["Die Zahl stieg z. B. auf 20 Prozent."]),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert sentence_texts(analyse(text)) == expected


def test_sentences_stay_inside_their_block() -> None:
    article = analyse("Erster Absatz ohne Punkt\n\nZweiter Absatz.")
    assert [s.block for s in article.sentences] == [0, 1]


@pytest.mark.parametrize(
    ("word", "lemma", "pos"),
    [
        ("traf", "treffen", "VVFIN"),
        ("besuchte", "besuchen", "VVFIN"),
        ("könnte", "können", "VMFIN"),
        ("Lieferungen", "Lieferung", "NN"),
        ("nordkoreanische", "nordkoreanisch", "ADJA"),
    ],
)
def test_lemmas_and_tags(word: str, lemma: str, pos: str) -> None:
    (token,) = [t for t in analyse(f"Sie sagten: {word} .").tokens if t.text == word]
    assert (token.lemma, token.pos) == (lemma, pos)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Die Bundesregierung hat am Montag neue Hilfen für die Landwirtschaft beschlossen.", "de"),
        ("The federal government approved new support for agriculture on Monday afternoon.", "en"),
        ("Le gouvernement fédéral a approuvé lundi de nouvelles aides pour l'agriculture.", "fr"),
        ("Kurzer Text", "de"),
        ("Serbien hat an der Grenze zum Kosovo Truppen zusammengezogen.", "de"),  # not Luxembourgish
    ],
)
def test_language_identification(text: str, code: str) -> None:
    assert identify_language(text) == code

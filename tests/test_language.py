"""Language layer: offsets, sentences, tags and lemmas, language identification."""

from __future__ import annotations

import pytest

from lagebild.document import Article
from lagebild.language import (
    MAX_SENTENCE_TOKENS,
    MAX_TAGGED_CHARS,
    MAX_TOKEN_CHARS,
    LanguageStage,
    identify_language,
    lemma_and_tag,
)
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


class RecordingTagger:
    """Stands in for HanTa: remembers every word it is asked about."""

    def __init__(self) -> None:
        self.words: list[str] = []

    def analyze(self, word: str, taglevel: int) -> tuple[str, str]:
        self.words.append(word)
        return word, "(NN)"


def test_a_long_word_is_not_sent_whole_to_the_tagger() -> None:
    # HanTa's time grows with the square of a word's length: 1,000 letters took 8.6 s (issue 14)
    tagger = RecordingTagger()
    lemma, tag, _ = lemma_and_tag(tagger, "Verteidigungs" + "x" * 500)
    assert max(map(len, tagger.words)) <= MAX_TAGGED_CHARS
    assert tag == "NN" and lemma == "Verteidigungs" + "x" * 500


def test_words_of_german_length_are_tagged_whole() -> None:
    tagger = RecordingTagger()
    lemma_and_tag(tagger, "Bundesverfassungsgerichtsentscheidung")
    assert tagger.words == ["Bundesverfassungsgerichtsentscheidung"]


def test_a_very_long_run_of_characters_becomes_bounded_tokens() -> None:
    text = "Die Quelle: https://example.org/" + "a" * 10_000 + " und " + "-" * 2_000 + " Ende."
    article = analyse(text)
    assert max(len(t.text) for t in article.tokens) <= MAX_TOKEN_CHARS
    assert all(article.text[t.start : t.end] == t.text for t in article.tokens)
    assert "".join(t.text for t in article.tokens if t.start >= text.index("https")).startswith(
        "https://example.org/aaa"
    )


def test_text_without_punctuation_is_cut_into_bounded_sentences() -> None:
    article = analyse(" ".join(["und dann sagte er dass die Regierung nichts tun werde"] * 100))
    assert len(article.sentences) > 1
    assert max(s.last_token - s.first_token for s in article.sentences) <= MAX_SENTENCE_TOKENS
    assert [(s.first_token, s.last_token) for s in article.sentences][-1][1] == len(article.tokens)


@pytest.mark.parametrize(
    ("text", "word", "pos"),
    [
        ("Die Regierung verurteilt den Angriff.", "verurteilt", "VVFIN"),  # present, HanTa says participle
        ("Russland begeht Kriegsverbrechen, sagt Kiew.", "begeht", "VVFIN"),
        ("Journalist in Moskau verhaftet", "verhaftet", "VVPP"),  # the headline passive ends on it
        ("Die Ukraine, unterstützt von den USA, wehrt sich.", "unterstützt", "VVPP"),  # it opens its stretch
        ("Er sagte, dass die Soldaten trainiert werden.", "trainiert", "VVPP"),  # an auxiliary stands by
        ("Die Regierung hat den Angriff verurteilt.", "verurteilt", "VVPP"),
    ],
)
def test_a_present_that_looks_like_a_participle_is_finite(text: str, word: str, pos: str) -> None:
    (token,) = [t for t in analyse(text).tokens if t.text == word]
    assert token.pos == pos


@pytest.mark.parametrize(
    ("text", "word", "pos"),
    [
        ("Die Wachleute seien von Bewaffneten attackiert worden.", "attackiert", "VVPP"),  # HanTa: present
        ("Der Konvoi wurde am Morgen attackiert.", "attackiert", "VVPP"),  # it closes a stretch with an auxiliary
        ("Das Land hat 50.000 Reservisten mobilisiert.", "mobilisiert", "VVPP"),
        ("Die Miliz attackiert das Dorf und wird dabei beobachtet.", "attackiert", "VVFIN"),  # an object follows
        ("Die Miliz attackiert den Konvoi.", "attackiert", "VVFIN"),  # no auxiliary: the present
    ],
)
def test_a_participle_that_looks_like_a_present_is_a_participle(text: str, word: str, pos: str) -> None:
    (token,) = [t for t in analyse(text).tokens if t.text == word]
    assert token.pos == pos


@pytest.mark.parametrize(
    ("text", "word", "pos", "lemma"),
    [
        ("Russland verstärkte seine Truppen an der Grenze.", "verstärkte", "VVFIN", "verstärken"),
        ("Die verstärkten Truppen stehen an der Grenze.", "verstärkten", "ADJA", "verstärkt"),  # before its noun
    ],
)
def test_a_preterite_that_looks_like_an_adjective_is_finite(text: str, word: str, pos: str, lemma: str) -> None:
    (token,) = [t for t in analyse(text).tokens if t.text == word]
    assert (token.pos, token.lemma) == (pos, lemma)


@pytest.mark.parametrize(
    ("text", "word", "pos", "lemma"),
    [
        ("Die Türkei weigerte sich, den Plan zu billigen.", "billigen", "VVINF", "billigen"),  # HanTa: billig
        ("Die Waren wurden zu billigen Preisen verkauft.", "billigen", "ADJA", "billig"),  # before its noun
    ],
)
def test_an_infinitive_after_zu_that_looks_like_an_adjective_is_a_verb(
    text: str, word: str, pos: str, lemma: str
) -> None:
    (token,) = [t for t in analyse(text).tokens if t.text == word]
    assert (token.pos, token.lemma) == (pos, lemma)


@pytest.mark.parametrize(
    "text",
    [
        "Die 68. Internationalen Filmfestspiele begannen am Donnerstag in der Stadt.",
        "Zum 75. Jahrestag des Kriegsendes sprach der Präsident vor dem Parlament.",
        "Der Minister erinnerte an den 100. Geburtstag des Gründers der Partei.",
        "Seit seinem 40. Lebensjahr lebt der Dichter im Exil.",
        "Am 3. Spieltag verlor die Mannschaft gegen den Tabellenführer.",
        "Der 20. Parteitag der Partei begann am 14. Februar 1956 in der Hauptstadt.",
        "Die 5. Panzerdivision rückte über den Fluss vor.",
        "Bei den 32. Olympischen Spielen trat das Land nicht an.",
    ],
)
def test_an_ordinal_does_not_end_the_sentence(text: str) -> None:
    assert sentence_texts(analyse(text)) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Der Vertrag galt bis 2014. Danach kündigte ihn die Regierung.",
            ["Der Vertrag galt bis 2014.", "Danach kündigte ihn die Regierung."],
        ),
        (
            "Das Treffen fand im Januar 2009 statt, im Jahr 2009. Soldaten sicherten den Ort.",
            ["Das Treffen fand im Januar 2009 statt, im Jahr 2009.", "Soldaten sicherten den Ort."],
        ),
        (
            "Die Zahl der Toten stieg auf 12. Die Polizei nahm Verdächtige fest.",
            ["Die Zahl der Toten stieg auf 12.", "Die Polizei nahm Verdächtige fest."],
        ),
        (
            "Beide Seiten behalten je 700. Ohne Einigung droht ein Wettrüsten.",
            ["Beide Seiten behalten je 700.", "Ohne Einigung droht ein Wettrüsten."],
        ),
        ("Die Wahl ist am 3. Mai. Er tritt an.", ["Die Wahl ist am 3. Mai.", "Er tritt an."]),
    ],
)
def test_a_number_that_ends_the_sentence(text: str, expected: list[str]) -> None:
    assert sentence_texts(analyse(text)) == expected


@pytest.mark.parametrize(
    ("text", "pos", "lemma"),
    [
        ("Von Truppen angegriffene Städte meldeten Stromausfälle.", "APPR", "von"),
        ("Trotz der Warnungen setzte die Armee den Vormarsch fort.", "APPR", "trotz"),
        ("Wegen der Proteste sagte der Präsident die Reise ab.", "APPR", "wegen"),
        ("Gestern kam der Rat zusammen.", "ADV", "gestern"),
        ("„Von einem Angriff kann keine Rede sein“, sagte er.", "APPR", "von"),
    ],
)
def test_a_closed_class_word_opening_a_sentence_keeps_its_tag(text: str, pos: str, lemma: str) -> None:
    (first,) = [t for t in analyse(text).tokens if t.text.lower() == lemma]
    assert (first.pos, first.lemma) == (pos, lemma)


def test_a_capitalised_name_inside_the_sentence_stays_a_name() -> None:
    (name,) = [t for t in analyse("Die Delegation fuhr an die Oder und weiter.").tokens if t.text == "Oder"]
    assert name.pos == "NE"

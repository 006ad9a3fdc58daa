"""Gates skip grammar rules that cannot match; they must never change what `find_mentions` finds."""

from __future__ import annotations

import copy
import dataclasses
import re

import pytest

from lagebild.temporal.gates import Gate, NextHit, rule_gates, window_test
from lagebild.temporal.grammar import Grammar, find_mentions, load_grammar
from lagebild.temporal.vocabulary import alternation

SENTENCES = [
    "Die Konferenz beginnt am 2023-10-05 in Wien.",
    "Vom 3. bis 5. Oktober 2023 tagt der Rat, am Dienstag, dem 4. Oktober, wird abgestimmt.",
    "Das Abkommen wurde am 12.03.2021 (Ortszeit) unterzeichnet.",
    "Im März 2022 und Anfang Mai sowie im kommenden Juli soll verhandelt werden.",
    "Seit Juni ist die Grenze geschlossen; von Januar bis März war sie offen.",
    "Ende 2019 und zwischen 2015 und 2018 stieg die Zahl, 2020 sank sie.",
    "Im zweiten Quartal und in Q3/2024 sowie im 1. Halbjahr des Jahres wuchs die Wirtschaft.",
    "Im vergangenen Herbst und im Sommer 2021 kam es zu Protesten.",
    "In der 12. Kalenderwoche und in KW 14 finden Wahlen statt.",
    "Mitte der Woche und Ende des Monats trifft sich das Kabinett, im nächsten Jahr erneut.",
    "Zum Jahresende und im Vormonat fielen die Preise.",
    "In der Nacht zum Sonntag und in der vergangenen Nacht gab es Angriffe.",
    "Am kommenden Montagabend und am Wochenende wird gewählt.",
    "Am folgenden Tag und im Laufe des Tages meldete sich die Regierung.",
    "Gestern Abend und morgen früh tagt der Ausschuss. Morgen reist sie ab.",
    "Vor drei Wochen, in zwei Tagen und zehn Jahre später kam es zum Treffen.",
    "In den nächsten fünf Tagen, innerhalb von 48 Stunden und seit gut zwei Jahren gilt der Notstand.",
    "Der Minister sprach lange mit Vertretern der Opposition über die Reform.",
    "ſeit zwei Jahren – DIE REGIERUNG IN PARIS TAGTE AM FREITAG.",
]


@pytest.fixture(scope="module")
def ungated() -> Grammar:
    grammar = copy.copy(load_grammar())
    grammar.rules = [dataclasses.replace(rule, gates=()) for rule in grammar.rules]
    return grammar


@pytest.mark.parametrize("sentence", SENTENCES)
def test_gates_never_change_the_mentions(sentence: str, ungated: Grammar) -> None:
    assert find_mentions(sentence) == find_mentions(sentence, ungated)


def test_the_sentences_exercise_most_rules(ungated: Grammar) -> None:
    fired = set()
    for sentence in SENTENCES:
        for rule in ungated.rules:
            if rule.pattern.search(sentence):
                fired.add(rule.name)
    assert len(fired) >= 28, sorted({rule.name for rule in ungated.rules} - fired)


def test_every_gated_rule_exists_and_every_gate_is_defined() -> None:
    grammar = load_grammar()
    names = {rule.name for rule in grammar.rules}
    assert set(rule_gates()) <= names
    assert {gate for rule in grammar.rules for gate in rule.gates} <= set(grammar.gates)


def test_a_sentence_without_time_words_opens_few_gates() -> None:
    grammar = load_grammar()
    sentence = "Der Minister sprach lange mit Vertretern der Opposition über die Reform."
    folded = sentence.casefold()
    open_gates = {name for name, gate in grammar.gates.items() if gate.opens(sentence, folded)}
    assert "digit" not in open_gates and "month" not in open_gates and "weekday" not in open_gates


def test_sentence_windows_find_what_the_whole_text_finds() -> None:
    """Cut at every sentence start, rules scan only the sentences whose gates open: same mentions."""
    text = " ".join(SENTENCES)
    cuts, offset = [], 0
    for sentence in SENTENCES:
        cuts.append(offset)
        offset += len(sentence) + 1
    windowed = find_mentions(text, cuts=cuts)
    assert len(windowed) >= len(SENTENCES)
    assert windowed == find_mentions(text)


def test_one_scan_of_the_text_answers_for_each_window_as_a_search_of_it_would() -> None:
    """A gate without word boundaries searches on from a window only past its last hit; a window is open where
    a search of it is."""
    text = "Am Montag tagte der Rat. Dann kam die Woche der Wahl. Am 3. Mai 2023 nicht."
    folded = text.lower()
    windows = [(0, 24), (25, 53), (54, len(text))]
    for gate in (Gate(("woche", "monat")), Gate(digits=True), Gate(shape=r"(?:1\d|20)\d\d")):
        once = window_test(gate, text, folded)
        assert isinstance(once.__self__, NextHit)
        assert [once(start, end) for start, end in windows] == [gate.opens(text, folded, s, e) for s, e in windows]
    assert [window_test(Gate(("woche",)), text, folded)(s, e) for s, e in windows] == [False, True, False]


def test_a_gate_of_whole_words_is_searched_in_each_window() -> None:
    """'Wochen' holds no whole word 'woche', but a window ending after 'Woche' does."""
    text = "Seit Wochen."
    gate = Gate(("woche",), whole_words=True)
    assert window_test(gate, text, text.lower())(0, 10) == gate.opens(text, text.lower(), 0, 10) is True


def test_no_mention_crosses_a_cut() -> None:
    text = "Die Wahl fand im Jahr 1999 statt."
    cut = text.index("1999") + 2
    assert any(m.start < cut < m.end for m in find_mentions(text))
    assert all(m.end <= cut or m.start >= cut for m in find_mentions(text, cuts=[cut]))


@pytest.mark.parametrize("words", [["Mo", "Mon", "Monat", "Montag", "am Montag", "x"], ["Ostern", "ostermontag", "Mo"]])
def test_alternation_matches_as_the_flat_alternation_longest_first(words: list[str]) -> None:
    flat = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))
    for text in ("am  Montag früh", "Monate", "Ostermontag und Ostern", "Mo. x", "Montage"):
        for flags in (0, re.IGNORECASE):
            expected = [m.span() for m in re.finditer(rf"\b(?:{flat})", text, flags)]
            assert [m.span() for m in re.finditer(rf"\b(?:{alternation(words)})", text, flags)] == expected


def test_alternation_is_a_trie_unless_words_differ_in_case_where_they_share_a_prefix() -> None:
    assert alternation(["Mo", "Montag", "Monat"]) == "Mo(?:n(?:at|tag)|)"
    assert alternation(["Ostern", "ostermontag"]) == "ostermontag|Ostern"

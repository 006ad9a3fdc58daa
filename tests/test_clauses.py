"""The clause layer: clauses and stretches of every sentence, cut once for the temporal and event stages.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest

from lagebild.clauses import ClauseStage, separable_verbs, stretch_around
from lagebild.document import Article

# Sentence -> (kind, words, parent, coordinated) of each clause, in order.
CLAUSES = [
    ("Der Minister sagte, dass Russland die Ukraine angegriffen habe.",
     [("main", "Der Minister sagte", None, False),
      ("subordinate", "dass Russland die Ukraine angegriffen habe .", 0, False)]),
    ("Die Regierung kündigte an, der Ukraine Panzer zu liefern.",
     [("main", "Die Regierung kündigte an", None, False), ("infinitive", "der Ukraine Panzer zu liefern .", 0, False)]),
    ("Kim Jong-un, der Machthaber Nordkoreas, reiste nach Moskau.",
     [("main", "Kim Jong-un der Machthaber Nordkoreas reiste nach Moskau .", None, False)]),
    ("Die Rebellen, sagte ein Sprecher, hätten die Stadt verlassen.",  # an inserted "sagte X"
     [("main", "Die Rebellen hätten die Stadt verlassen .", None, False),
      ("verb_first", "sagte ein Sprecher", None, False)]),
    ("Russland wies die Kritik zurück und warf der Ukraine Provokationen vor.",
     [("main", "Russland wies die Kritik zurück", None, False),
      ("main", "und warf der Ukraine Provokationen vor .", 0, True)]),
    # a finite verb after "und" does not continue an infinitive group: it coordinates with the main clause
    ("Die EU warf Serbien vor, die Lage zu gefährden und rief zur Ruhe auf.",
     [("main", "Die EU warf Serbien vor", None, False),
      ("infinitive", "die Lage zu gefährden", 0, False),
      ("main", "und rief zur Ruhe auf .", 1, True)]),
    ("Das Treffen, bei dem die Minister „offen“ sprachen, dauerte (nach Angaben aus Rom) zwei Stunden.",
     [("main", "Das Treffen dauerte ( nach Angaben aus Rom ) zwei Stunden .", None, False),
      ("relative", "bei dem die Minister offen sprachen", 0, False)]),
    ("Die Regierung war bereit, die Zölle, die sie im Mai erhoben hatte, aufzuheben.",
     [("main", "Die Regierung war bereit", None, False),
      ("relative", "die sie im Mai erhoben hatte", 0, False),
      ("infinitive", "die Zölle aufzuheben .", 0, False)]),
    ("Chile warf Peru vor, Soldaten an die Grenze verlegt zu haben.",  # tagged "zu haben/VAFIN"
     [("main", "Chile warf Peru vor", None, False),
      ("infinitive", "Soldaten an die Grenze verlegt zu haben .", 0, False)]),
    # a relative clause of two verb-final parts, the last read as a participle
    ("Norwegen, das dort Truppen hat und die Region bewacht, lobte die Einigung.",
     [("main", "Norwegen lobte die Einigung .", None, False),
      ("relative", "das dort Truppen hat und die Region bewacht", 0, False)]),
    # a list between commas stays with the clause it belongs to: no relative clause stands between
    ("Kiew begrüßte die Zusage von Polen, Spanien und Portugal, Panzer zu liefern.",
     [("main", "Kiew begrüßte die Zusage von Polen Spanien und Portugal", None, False),
      ("infinitive", "Panzer zu liefern .", 0, False)]),
    # the present that HanTa takes for a participle ("verurteilt") is the finite verb of its clause
    ("Die Regierung verurteilt den Angriff, sagte ein Sprecher.",
     [("main", "Die Regierung verurteilt den Angriff", None, False),
      ("verb_first", "sagte ein Sprecher .", None, False)]),
    # a subordinator with the finite verb right after it is an adverb opening a main clause
    ("Damit wolle Serbien nur ablenken, sagte der Minister.",
     [("main", "Damit wolle Serbien nur ablenken", None, False),
      ("verb_first", "sagte der Minister .", None, False)]),
    # a verb-first clause with a linking adverb continues the main clause before it; after Konjunktiv I it reports
    ("Chile räumte Fehler ein, kritisierte aber Peru.",
     [("main", "Chile räumte Fehler ein", None, False), ("main", "kritisierte aber Peru .", 0, True)]),
    ("Die Lage sei ernst, sagte aber der Minister.",
     [("main", "Die Lage sei ernst", None, False), ("verb_first", "sagte aber der Minister .", None, False)]),
    ("Die Armee zog ab, damit die Gespräche beginnen können.",
     [("main", "Die Armee zog ab", None, False),
      ("subordinate", "damit die Gespräche beginnen können .", 0, False)]),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expected"), CLAUSES, ids=[c[1][-1][0] + str(i) for i, c in enumerate(CLAUSES)])
def test_clauses_of_a_sentence(run, sentence: str, expected: list[tuple[str, str, int | None, bool]]) -> None:
    article = run(sentence)
    clauses = article.clauses_of(article.sentences[0]).clauses
    words = [" ".join(article.tokens[i].text for i in clause.tokens) for clause in clauses]
    found = [(c.kind.value, w, c.parent, c.coordinated) for c, w in zip(clauses, words, strict=True)]
    assert found == expected


def test_every_sentence_has_its_clauses_and_a_dateline_is_in_none(run) -> None:
    text = "Kanzler in Paris\nBERLIN, 3. Mai 2024 (dpa) - Der Kanzler ist nach Paris gereist, sagte ein Sprecher."
    article = run(text)
    assert len(article.clauses) == len(article.sentences) == 2
    report = article.clauses_of(article.sentences[1])
    first_words = [article.tokens[clause.first].text for clause in report.clauses]
    assert first_words == ["Der", "sagte"]
    assert [article.tokens[i].text for i in report.breaks] == [",", "(", ")", "-", ","]


# Sentence, a word in it -> the stretch the tense of a time next to that word is read in.
STRETCHES = [
    ("Er erklärte, er werde im Mai reisen.", "Mai", "er werde im Mai reisen ."),
    ("Er erklärte, er werde im Mai reisen.", "erklärte", "Er erklärte"),
    ("Er erklärte, er werde im Mai reisen.", ",", "Er erklärte"),  # a mark: the stretch it closes
    ("Das Treffen dauerte (nach Angaben aus Rom) zwei Stunden.", "Rom", "nach Angaben aus Rom"),
    # brackets interrupt the stretch around them without ending it
    ("Das Treffen dauerte (nach Angaben aus Rom) zwei Stunden.", "dauerte", "Das Treffen dauerte zwei Stunden ."),
    ("Das Treffen dauerte (nach Angaben aus Rom) zwei Stunden.", "zwei", "Das Treffen dauerte zwei Stunden ."),
    ("Sie sprachen „offen“ über den Vertrag.", "über", "über den Vertrag ."),
    # a list's commas inside an open verb bracket end no stretch; after a speech verb they do
    (
        "Soldaten hätten am Montag Dörfer in Kayes, Ségou und Mopti geräumt, hieß es.",
        "Montag",
        "Soldaten hätten am Montag Dörfer in Kayes , Ségou und Mopti geräumt",
    ),
    (
        "Der Gesandte wird im Mai Ghana, Togo und Benin besuchen.",
        "Mai",
        "Der Gesandte wird im Mai Ghana , Togo und Benin besuchen .",
    ),
    ("Im Mai sagte Ruto, Ghana und Togo würden verhandeln.", "Mai", "Im Mai sagte Ruto"),
]


@pytest.mark.parametrize(("sentence", "word", "expected"), STRETCHES)
def test_stretch_around_a_word(run, sentence: str, word: str, expected: str) -> None:
    article = run(sentence)
    index = next(i for i, token in enumerate(article.tokens) if token.text == word)
    assert " ".join(t.text for t in stretch_around(article, article.sentences[0], index)) == expected


def test_the_stage_declares_its_fields() -> None:
    stage = ClauseStage()
    assert (stage.name, stage.requires, stage.assigns) == ("clauses", ("sentences", "dateline"), ("clauses",))
    assert stage(Article(id="empty", text="")).clauses == []


SEPARABLE = [
    ("Die Regierung kündigte neue Sanktionen an.", {"ankündigen"}),
    ("Der Minister teilte das am Montag mit.", {"mitteilen"}),
    ("Berlin sagte Kiew weitere Hilfe zu.", {"zusagen"}),  # the tagger reads the particle as infinitive "zu"
    ("Die Regierung lehnte das Angebot ab, sagte ein Sprecher.", set()),  # the clause closes on "Sprecher"
    ("Die Armee griff die Stadt an", {"angreifen"}),  # no closing punctuation
    ("Die Regierung hat neue Sanktionen angekündigt.", set()),  # no finite verb with a particle apart
]


@pytest.mark.parametrize(("sentence", "expected"), SEPARABLE)
def test_separable_verbs_join_the_closing_particle(run, sentence: str, expected: set[str]) -> None:
    article = run(sentence)
    assert separable_verbs(article.tokens) == expected

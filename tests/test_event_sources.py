"""Who acts (the source of an event): each rule with a sentence where it applies and a near miss where it must not
(sentences we wrote)."""

from __future__ import annotations

import pytest

from lagebild.document import Article


def pairs_of(article: Article, event_type: str) -> set[tuple[str | None, str | None]]:
    return {
        (e.source.actor.country if e.source else None, e.target.actor.country if e.target else None)
        for e in article.events
        if e.type == event_type
    }


def country_of(article: Article, surface: str) -> str | None:
    entity = next(e for e in article.entities if article.text[e.start : e.end] == surface)
    return entity.actor.country if entity.actor else None


def test_an_official_before_a_medium_is_not_its_member(run) -> None:
    """'sagte ein Offizier der Nachrichtenagentur AFP': told to the agency, he is no Frenchman, and a bare air force
    after him is not France's either."""
    article = run(
        "Die Regierung Perus schwieg. Rebellen hätten die Kaserne gestürmt, sagte ein Offizier der Nachrichtenagentur "
        "AFP. Die Luftwaffe habe die Rebellen getötet."
    )
    assert country_of(article, "ein Offizier") == "PER"
    assert country_of(article, "Die Luftwaffe") == "PER"


def test_a_reporter_of_a_medium_is_its_member(run) -> None:
    article = run("Ein Korrespondent der Nachrichtenagentur AFP wurde in Lima festgenommen.")
    assert country_of(article, "Ein Korrespondent") == "FRA"


def test_criticism_told_in_the_passive_without_its_critic_has_no_source(run) -> None:
    """'wurde er kritisiert': the passive leaves the critic unnamed; a country named elsewhere in the sentence (here
    inside what he is criticised for) is not guessed as the critic."""
    article = run(
        "Der Präsident Perus kündigte den Abzug an. Für seine Entscheidung, die Truppen abzuziehen und den Weg für "
        "Bolivien freizumachen, wurde er heftig kritisiert."
    )
    assert pairs_of(article, "ACCUSE") == {(None, "PER")}


def test_criticism_told_in_the_passive_with_its_critic_keeps_it(run) -> None:
    article = run(
        "Der Präsident Perus kündigte den Abzug an. Für seine Entscheidung, die Truppen abzuziehen, wurde er von "
        "Bolivien heftig kritisiert."
    )
    assert pairs_of(article, "ACCUSE") == {("BOL", "PER")}


def test_an_event_noun_that_is_the_subject_has_no_doer_in_its_object(run) -> None:
    """'Der Anschlag versetzte Frankreich in Trauer': the attack is the subject, France what it struck with grief, not
    the attacker."""
    article = run("Der Anschlag versetzte Frankreich in Trauer.")
    assert ("FRA", None) not in pairs_of(article, "ASSAULT")


def test_an_event_noun_reported_first_keeps_the_reporter_as_its_doer(run) -> None:
    """'Die Festnahmen gab Maduro bekannt': what is reported may stand first; the reporting subject still does it."""
    assert ("VEN", None) in pairs_of(run("Die Festnahmen gab Maduro am Montag bekannt."), "COERCE")
    assert ("VEN", None) in pairs_of(run("Maduro gab zwei Festnahmen bekannt."), "COERCE")


def test_criticism_that_comes_from_a_country_is_that_countrys(run) -> None:
    """'Aus Chile kam Kritik', 'In Chile gab es Kritik': where criticism comes from, with no speaker named, speaks;
    a verb with a subject of its own keeps it ('Chile übte Kritik')."""
    before = "Perus Regierung plant Zölle auf Stahl. "
    assert ("CHL", "PER") in pairs_of(run(before + "Auch aus Chile kommt scharfe Kritik an dem Plan."), "ACCUSE")
    assert ("CHL", "PER") in pairs_of(run(before + "In Chile gab es scharfe Kritik an dem Plan."), "ACCUSE")
    assert ("CHL", "PER") in pairs_of(run(before + "Chile übte scharfe Kritik an dem Plan."), "ACCUSE")


def test_who_imposed_a_lifted_measure_lifts_it(run) -> None:
    """'das Embargo der USA zu lockern': the genitive of the measure imposed it and is who eases it, not whom it hits;
    a lifter named as subject keeps its place ('Washington lockerte die Sanktionen gegen Kuba')."""
    planned = run("Kuba hofft auf Erleichterungen. Vorgesehen ist, das Embargo der USA zu lockern.")
    assert {source for source, _ in pairs_of(planned, "CONCEDE")} == {"USA"}
    assert pairs_of(run("Washington lockerte die Sanktionen gegen Kuba."), "CONCEDE") == {("USA", "CUB")}


def test_a_plural_sie_after_one_persons_demand_is_the_list_he_addressed(run) -> None:
    """'Sie kritisierten Katar': a plural verb, and the clause before has one man for its subject, so "sie" is the
    two states he addressed, each a critic."""
    article = run(
        "Der Außenminister Katars forderte Saudi-Arabien und Bahrain auf, die Blockade zu beenden. "
        "Sie kritisierten Katar scharf."
    )
    assert {("SAU", "QAT"), ("BHR", "QAT")} <= pairs_of(article, "ACCUSE")


def test_a_singular_sie_still_continues_a_woman_subject(run) -> None:
    article = run(
        "Die Außenministerin Perus forderte Chile und Bolivien auf, die Grenze zu öffnen. Sie kritisierte Ecuador."
    )
    assert ("PER", "ECU") in pairs_of(article, "ACCUSE")


def test_an_event_noun_in_a_fronted_phrase_is_no_subject(run) -> None:
    """'Nach dem Anschlag hat Russland ...': the noun stands in a prepositional phrase; the attack is still told."""
    article = run("Nach dem Anschlag vom 22. Februar hat Russland die Grenzkontrollen verschärft.", "2024-03-06")
    assert pairs_of(article, "ASSAULT")


def test_an_unnamed_sanction_aims_where_the_articles_sanctions_aim(run) -> None:
    """'Zudem könnten Polen und Litauen weitere Strafmaßnahmen verhängen': after sanctions on Belarus, further ones
    without a target are aimed at Belarus too."""
    article = run(
        "Die EU verhängte neue Sanktionen gegen Belarus. Zudem könnten Polen und Litauen weitere Strafmaßnahmen "
        "verhängen."
    )
    assert {("POL", "BLR"), ("LTU", "BLR")} <= pairs_of(article, "SANCTION")


def test_an_unnamed_sanction_amid_counter_sanctions_has_no_target(run) -> None:
    """Sanctions and counter-sanctions between two sides: an unnamed one may go either way, and none is guessed."""
    article = run(
        "Die USA verhängten Sanktionen gegen Russland. Russland verhängte daraufhin Sanktionen gegen die USA. "
        "Frankreich kündigte weitere Strafmaßnahmen an."
    )
    assert ("FRA", None) in pairs_of(article, "SANCTION")


@pytest.mark.parametrize(
    "sentence",
    [
        "Der Generalsekretär warnte Chile vor einer Eskalation.",
        "Eine Sprecherin kritisierte Chile scharf.",
        "Ein ranghoher Diplomat verurteilte Chile.",
    ],
)
def test_a_nameless_subject_before_the_verb_leaves_the_name_after_it_the_object(run, sentence: str) -> None:
    """Verb-second: a noun phrase in the nominative before the verb is the subject, so a country after the
    verb is its object, not a source."""
    assert pairs_of(run(sentence), "ACCUSE") == {(None, "CHL")}


def test_der_before_a_feminine_noun_opens_a_dative_object(run) -> None:
    """'Der Regierung warf Polen ... vor': feminine 'der' is dative, and the name after the verb is the subject."""
    assert ("POL", "POL") in pairs_of(run("Der Regierung warf Polen Versagen vor."), "ACCUSE")


@pytest.mark.parametrize(
    "sentence",
    [
        "Mehrere Staaten, darunter Kanada und Japan, verurteilten den Anschlag.",
        "Viele Regierungen, unter ihnen Kanada und Japan, verurteilten den Anschlag.",
        "Mehrere Staaten, allen voran Kanada und Japan, verurteilten den Anschlag.",
    ],
)
def test_members_named_after_their_group_act_for_it(run, sentence: str) -> None:
    """A word of inclusion after a comma names members of the group before it: they act, one event each."""
    assert {("CAN", None), ("JPN", None)} <= pairs_of(run(sentence), "ACCUSE")


def test_a_list_after_a_comma_without_a_word_of_inclusion_names_no_members(run) -> None:
    """'Mehrere Staaten verurteilten den Anschlag, Kanada und Japan ...': without 'darunter' the names are no
    members of the group."""
    article = run("Mehrere Staaten verurteilten den Anschlag, Kanada und Japan schwiegen.")
    assert ("CAN", None) not in pairs_of(article, "ACCUSE")


def test_a_country_after_a_role_not_in_the_genitive_is_an_actor_of_its_own(run) -> None:
    """'warf der Außenminister Chile ... vor': the owner of a role stands in the genitive ('Chiles'); a bare
    country after it is the verb's object."""
    article = run("Am Montag warf der Außenminister Chile schwere Versäumnisse vor.")
    assert {entity.text for entity in article.entities} >= {"der Außenminister", "Chile"}


def test_a_country_in_the_genitive_after_a_role_owns_it(run) -> None:
    article = run("Der Außenminister Chiles warf Peru schwere Versäumnisse vor.")
    assert ("CHL", "PER") in pairs_of(article, "ACCUSE")


def test_an_article_inside_a_name_tells_no_case(run) -> None:
    """'Den Haag' opens its sentence as the subject: its "Den" is part of the name, no accusative article."""
    assert pairs_of(run("Den Haag kritisierte Russland am Montag scharf."), "ACCUSE") == {("NLD", "RUS")}
    assert pairs_of(run("Russland kritisierte Den Haag am Montag scharf."), "ACCUSE") == {("RUS", "NLD")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Kolumbien ist zu einem Gefangenenaustausch bereit.",
        "Die Regierung Kolumbiens zeigte sich am Montag bereit zum Gefangenenaustausch.",
    ],
)
def test_who_is_ready_for_an_act_would_do_it(run, sentence: str) -> None:
    assert pairs_of(run(sentence), "CONCEDE") == {("COL", None)}


def test_an_act_after_zu_without_readiness_is_not_the_subjects(run) -> None:
    """'Kolumbien schwieg zu dem Gefangenenaustausch': who keeps silent on an exchange did not make it."""
    assert pairs_of(run("Kolumbien schwieg am Montag zu dem Gefangenenaustausch."), "CONCEDE") == set()


def test_a_pronoun_in_what_an_actor_announces_is_that_actor(run) -> None:
    """'Die Regierung kündigte an, sie sei zu ... bereit': who announces speaks of its own act."""
    article = run("Am Montag kündigte die Regierung Kolumbiens an, sie sei zu einem Gefangenenaustausch bereit.")
    assert pairs_of(article, "CONCEDE") == {("COL", None)}


def test_each_author_of_a_statement_makes_the_judgement_it_tells_in_the_passive(run) -> None:
    """'In einer Erklärung von A, B und C wurde X kritisiert': the statement is the criticism, so every author
    criticises, the first one named too (not only the source of a report)."""
    article = run("In einer gemeinsamen Erklärung von Chile, Peru und Bolivien wurde Venezuela scharf kritisiert.")
    assert pairs_of(article, "ACCUSE") == {("CHL", "VEN"), ("PER", "VEN"), ("BOL", "VEN")}


def test_who_reports_an_arrest_in_the_passive_did_not_make_it(run) -> None:
    article = run("Nach Angaben von Chile wurden in Caracas 30 Demonstranten festgenommen.")
    assert ("CHL", "VEN") not in pairs_of(article, "COERCE")


@pytest.mark.parametrize(
    "sentence",
    [
        "Chile räumte Fehler ein, kritisierte aber Peru scharf.",
        "Chile lobte die Reformen, drohte jedoch Peru mit Sanktionen.",
        "Der Minister sagte, Chile begrüße die Reformen, werfe aber Peru Wortbruch vor.",
    ],
)
def test_a_continuation_without_und_shares_the_subject_before_it(run, sentence: str) -> None:
    """'..., kritisierte aber Peru': a comma and a linking adverb after the verb coordinate like 'und' does, so the
    name after the verb is the object."""
    article = run(sentence)
    assert {pair for event_type in ("ACCUSE", "THREATEN") for pair in pairs_of(article, event_type)} == {("CHL", "PER")}


def test_a_postposed_report_after_konjunktiv_names_its_speaker(run) -> None:
    """'Peru habe ..., kritisierte jedoch Chile': indicative after reported speech is a reporting clause."""
    article = run("Peru habe die Grenze verletzt, kritisierte jedoch Chile.")
    assert pairs_of(article, "ACCUSE") == {("CHL", "PER")}


@pytest.mark.parametrize(
    ("sentence", "event_type", "expected"),
    [
        ("In der Mitteilung des chilenischen Ministeriums wurde Peru scharf kritisiert.", "ACCUSE", {("CHL", "PER")}),
        (
            "In einer Erklärung der Regierungen Chiles und Boliviens wurde Peru aufgefordert, die Wahl zu wiederholen.",
            "REQUEST",
            {("CHL", "PER"), ("BOL", "PER")},
        ),
        ("Nach Angaben des chilenischen Außenministeriums wurde Peru scharf kritisiert.", "ACCUSE", {(None, "PER")}),
    ],
)
def test_the_genitive_author_of_a_statement_makes_the_judgement_it_tells_in_the_passive(
    run, sentence: str, event_type: str, expected: set
) -> None:
    """'In einer Erklärung des X wurde Y kritisiert': the statement's author criticises; 'Nach Angaben des X' only
    reports that someone did."""
    assert pairs_of(run(sentence), event_type) == expected


@pytest.mark.parametrize(
    ("sentence", "event_type", "expected"),
    [
        ("Die Forderung Perus wurde am Montag abgelehnt.", "REJECT", {(None, "PER")}),
        ("Der Friedensplan Brasiliens wurde angenommen.", "AGREE", {(None, "BRA")}),
        ("Die Offensive Perus wurde beendet.", "RETREAT", {("PER", None)}),
    ],
)
def test_the_owner_of_what_is_refused_in_the_passive_is_the_target(
    run, sentence: str, event_type: str, expected: set
) -> None:
    """'Die Forderung Perus wurde abgelehnt': whose demand is refused is the other side, not the refuser; what is
    ended or lifted is the owner's own act ('Die Offensive Perus wurde beendet')."""
    assert pairs_of(run(sentence), event_type) == expected

"""Actors named by a pronoun or a bare definite ("er", "sie", "es", "das Land", "die Polizei"): each rule with a
sentence where it applies and a near miss where it must not (sentences we wrote)."""

from __future__ import annotations

import pytest

from lagebild.document import Article


def pairs_of(article: Article, event_type: str) -> set[tuple[str | None, str | None]]:
    return {
        (e.source.actor.country if e.source else None, e.target.actor.country if e.target else None)
        for e in article.events
        if e.type == event_type
    }


@pytest.mark.parametrize(
    "text",
    [
        "Die Außenministerin Annalena Baerbock traf ihren polnischen Kollegen. Sie kritisierte Russland scharf.",
        "Die Regierung Perus traf sich mit Vertretern Chiles. Sie kritisierte Bolivien scharf.",
    ],
)
def test_sie_first_in_the_clause_is_the_subject_not_the_object(run, text: str) -> None:
    """'sie' may be an accusative too, but first in a main clause, before the verb, it is the subject: the
    named actor after the verb is criticised, it does not criticise."""
    found = pairs_of(run(text), "ACCUSE")
    assert found and all(source != target and target in ("RUS", "BOL") for source, target in found)


def test_es_refers_to_a_country_without_article(run) -> None:
    article = run("Nordkorea hat erneut eine Rakete getestet. Es drohte den USA mit weiteren Tests.")
    assert ("PRK", "USA") in pairs_of(article, "THREATEN")


@pytest.mark.parametrize(
    "text",
    [
        "Nordkorea hat erneut eine Rakete getestet. Es droht eine neue Krise mit den USA.",  # no actor besides "es"
        "Nordkorea hat erneut eine Rakete getestet. Es wurde eine neue Drohung gegen die USA bekannt.",  # passive
    ],
)
def test_an_expletive_es_refers_to_no_one(run, text: str) -> None:
    assert ("PRK", "USA") not in pairs_of(run(text), "THREATEN")


def test_es_with_a_plural_verb_is_an_expletive_and_the_crowd_protests(run) -> None:
    article = run("Russland erhöhte die Preise. Es protestierten Tausende in Moskau gegen die Regierung.")
    assert ("RUS", "RUS") in pairs_of(article, "PROTEST")


def test_es_never_refers_to_a_person_or_a_feminine_state(run) -> None:
    man = run("Der Präsident Frankreichs kritisierte Mali. Es drohte Algerien mit Sanktionen.")
    feminine = run("Die Ukraine kritisierte Ungarn. Es drohte Polen mit Sanktionen.")
    assert ("FRA", "DZA") not in pairs_of(man, "THREATEN")
    assert ("UKR", "POL") not in pairs_of(feminine, "THREATEN")


def test_the_pronoun_subject_of_a_passive_is_acted_upon(run) -> None:
    """'Dafür wurde er kritisiert': the man 'er' means is criticised, not the critic."""
    article = run("US-Präsident Donald Trump ordnete den Abzug aus Syrien an. Dafür wurde er heftig kritisiert.")
    assert pairs_of(article, "ACCUSE") == {(None, "USA")}


def test_a_pronoun_held_at_home_is_held_by_its_own_state(run) -> None:
    article = run("Der Oppositionsführer Nawalny kehrte nach Russland zurück. Er wurde am Flughafen festgenommen.")
    assert ("RUS", "RUS") in pairs_of(article, "COERCE")


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("Der französische Präsident Macron lobte die Reformen. In Peking wurde er am Montag empfangen.", "CHN"),
        ("Der französische Präsident Macron lobte die Reformen. In Berlin wird er zu Gesprächen erwartet.", "DEU"),
    ],
)
def test_a_guest_in_the_passive_is_still_the_visitor(run, text: str, host: str) -> None:
    """Talks and visits have two parties whatever the voice: the guest a passive names visits the host."""
    assert pairs_of(run(text), "CONSULT") == {("FRA", host)}


def test_a_pronoun_continues_the_pronoun_subject_before_it(run) -> None:
    """'Dort traf er Xi. Er lobte ihn': the second 'er' is the first one's man (the subject), not Xi."""
    text = (
        "Der russische Präsident Wladimir Putin reiste nach Peking. Dort traf er den chinesischen Präsidenten "
        "Xi Jinping. Er lobte ihn für seine Haltung."
    )
    assert pairs_of(run(text), "SUPPORT") == {("RUS", "CHN")}


def test_a_bare_title_repeats_the_named_holder_of_that_office(run) -> None:
    """'der Präsident' after 'den Präsidenten Venezuelas': the same office holder, whatever the case; the polite
    'Sie' in his quote is the one he speaks to, never the speaker's side."""
    text = (
        "Der US-Botschafter traf den Präsidenten Venezuelas. «Sie haben unser Vertrauen missbraucht», sagte der "
        "Präsident."
    )
    assert ("VEN", "USA") in pairs_of(run(text), "ACCUSE")


def test_a_bare_body_is_not_a_body_named_elsewhere_before(run) -> None:
    """'die Behörden' in a sentence set in Bavaria are not 'den Behörden in Marokko' named before."""
    text = (
        "Der Mann wurde am Freitag nach Rabat ausgeflogen und dort den Behörden in Marokko überstellt. "
        "In München nahmen die Behörden am Montag zwei weitere Männer fest."
    )
    assert "DEU" in {source for source, _ in pairs_of(run(text), "COERCE")}


@pytest.mark.parametrize(
    ("text", "state"),
    [
        (
            "Israel flog in der Nacht Luftangriffe im Gazastreifen. Die Luftwaffe bombardierte nach eigenen Angaben "
            "in Chan Junis ein Lager der Hamas.",
            "ISR",
        ),
        (
            "Russland griff in der Nacht die Ukraine mit Drohnen an. Die Armee beschoss nach eigenen Angaben "
            "Stellungen in Charkiw.",
            "RUS",
        ),
    ],
)
def test_a_bare_military_body_is_the_army_of_the_state_whose_attack_was_just_told(run, text: str, state: str) -> None:
    """'Die Luftwaffe' right after 'Israel flog Luftangriffe im Gazastreifen' is Israel's air force, not of the
    country it strikes (the scene)."""
    sources = {source for source, _ in pairs_of(run(text), "ASSAULT")}
    assert sources == {state}


@pytest.mark.parametrize(
    ("text", "army"),
    [
        # the state's act was no attack: the army is where it fights, as before
        ("Israel schloss ein Abkommen mit Ägypten. Die Armee beschoss in Gaza ein Lager der Hamas.", "PSE"),
        # an owner named in the genitive wins
        ("Israel flog Luftangriffe im Gazastreifen. Die Armee Ägyptens beschoss ein Lager der Hamas.", "EGY"),
    ],
)
def test_a_military_body_with_no_attack_before_or_an_owner_keeps_its_country(run, text: str, army: str) -> None:
    assert army in {source for source, _ in pairs_of(run(text), "ASSAULT")}


@pytest.mark.parametrize(
    "text",
    [
        "In Berlin tagte am Montag das Kabinett. Der Außenminister reiste am Dienstag nach Kiew.",
        "In Berlin tagte am Montag das Kabinett. Der Außenminister reiste am Dienstag in die Ukraine.",
    ],
)
def test_an_unnamed_office_holder_is_not_of_the_place_he_travels_to(run, text: str) -> None:
    """'nach Kiew', 'in die Ukraine' (accusative) tell where the minister goes, not where his sentence is set: he
    keeps the article's country, not Ukraine's."""
    assert pairs_of(run(text), "CONSULT") >= {("DEU", "UKR")}


@pytest.mark.parametrize(
    ("text", "police"),
    [
        ("In Berlin tagte am Montag das Kabinett. Die Polizei nahm in Minsk zwei Männer fest.", "BLR"),
        # "in den USA" is a dative plural: where it happens, not where one goes
        ("In Berlin tagte am Montag das Kabinett. In den USA nahm die Polizei zwei Männer fest.", "USA"),
        # the last preposition tells: "nach Angaben aus Kiew in der Ukraine" is set in Ukraine
        ("In Berlin tagte das Kabinett. Die Polizei nahm nach Angaben aus Kiew in der Ukraine Männer fest.", "UKR"),
    ],
)
def test_a_body_still_acts_where_its_sentence_is_set(run, text: str, police: str) -> None:
    assert police in {source for source, _ in pairs_of(run(text), "COERCE")}


def test_victims_told_after_an_attack_are_of_the_side_it_struck(run) -> None:
    """'Dabei wurden drei Menschen getötet' after Russia's attack on Ukraine: Ukrainian victims, evidence of that
    attack (one attack, one record), not the article's main country's people."""
    article = run("Russland griff in der Nacht die Ukraine an. Dabei wurden drei Menschen getötet.")
    assert pairs_of(article, "ASSAULT") == {("RUS", "UKR")}


def test_victims_with_a_place_of_their_own_stay_there(run) -> None:
    article = run("Russland griff in der Nacht die Ukraine an. In Moskau wurden drei Menschen getötet.")
    assert (None, "RUS") in pairs_of(article, "ASSAULT")


@pytest.mark.parametrize(
    "text, pair",
    [
        (
            "Der kroatische Oppositionsführer Ivo Marić sprach in Zagreb. Der 58-Jährige warf der Regierung Lügen vor.",
            ("HRV", "HRV"),
        ),
        (
            "Die chilenische Senatorin Ana Rojas reiste nach Lima. Die Politikerin kritisierte Peru scharf.",
            ("CHL", "PER"),
        ),
        (
            "Die chilenische Senatorin Ana Rojas reiste nach Lima. Die 61-Jährige kritisierte Peru scharf.",
            ("CHL", "PER"),
        ),
        (
            "Die chilenische Senatorin Ana Rojas reiste nach Lima. Die Nobelpreisträgerin kritisierte Peru scharf.",
            ("CHL", "PER"),
        ),
    ],
)
def test_a_definite_description_repeats_the_person_named_last(run, text: str, pair: tuple[str, str]) -> None:
    """'Der 58-Jährige', 'die Politikerin' name no one new: like 'er' and 'sie', the last person of that gender."""
    assert pair in pairs_of(run(text), "ACCUSE")


@pytest.mark.parametrize(
    "text",
    [
        # a plural: many, not the woman named before
        "Die chilenische Senatorin Ana Rojas reiste nach Lima. Die Politiker kritisierten Peru scharf.",
        "Die chilenische Senatorin Ana Rojas reiste nach Lima. Die Nobelpreisträger kritisierten Peru scharf.",
        # a woman is not the man named before
        "Der chilenische Senator Pablo Rojas reiste nach Lima. Die 61-Jährige kritisierte Peru scharf.",
    ],
)
def test_a_description_of_another_number_or_gender_is_not_the_person_named(run, text: str) -> None:
    assert ("CHL", "PER") not in pairs_of(run(text), "ACCUSE")


def test_a_definite_description_of_a_body_repeats_the_body_of_its_kind_named_last(run) -> None:
    """'Die Partei' names no new body: the last party named shortly before, with its country."""
    article = run("Die chilenische Partei UDI warf der Regierung Lügen vor. Die Partei kritisierte Peru scharf.")
    assert ("CHL", "PER") in pairs_of(article, "ACCUSE")


def test_an_alliance_described_is_the_alliance_named_not_the_country_after_it(run) -> None:
    """'Das Bündnis' after NATO is NATO (no country), the critic; Russia is whom it criticises."""
    article = run("Die Nato verlegte Truppen nach Estland. Das Bündnis kritisierte Russland scharf.")
    assert pairs_of(article, "ACCUSE") == {(None, "RUS")}
    assert any(e.text == "Das Bündnis" and e.actor and e.actor.name == "NATO" for e in article.entities)


@pytest.mark.parametrize(
    "text",
    [
        # a genitive says which party it is: another than the one named before
        "Die chilenische Partei UDI warf der Regierung Lügen vor. Die Partei des Präsidenten kritisierte Peru scharf.",
        # an alliance is no party
        "Die Nato verlegte Truppen nach Estland. Die Partei kritisierte Peru scharf.",
    ],
)
def test_a_body_described_otherwise_or_of_another_kind_is_not_the_body_named(run, text: str) -> None:
    article = run(text)
    assert not any(e.text.startswith("Die Partei") and e.actor for e in article.entities)


def test_fighting_at_their_border_is_between_the_two_states_named_last(run) -> None:
    """'ihrer Grenze' with no one named: the border two states share, so each side of the clash acts on the other."""
    article = run("Eritrea und Dschibuti streiten um eine Insel. Am Dienstag brachen Gefechte an ihrer Grenze aus.")
    assert {("ERI", "DJI"), ("DJI", "ERI")} <= pairs_of(article, "ASSAULT")


def test_a_singular_owner_of_the_border_shares_it_with_no_one(run) -> None:
    article = run("Eritrea kritisierte Dschibuti. Am Dienstag brachen Gefechte an seiner Grenze aus.")
    assert ("DJI", "ERI") not in pairs_of(article, "ASSAULT")


def test_fighting_before_a_truce_was_fought_by_the_two_that_agree_it(run) -> None:
    article = run("Nach heftigen Kämpfen vereinbarten Eritrea und Dschibuti am Montag eine Feuerpause.")
    assert {("ERI", "DJI"), ("DJI", "ERI")} <= pairs_of(article, "ASSAULT")


def test_a_truce_does_not_name_the_fighters_of_another_clause(run) -> None:
    article = run("Eritrea und Dschibuti vereinbarten eine Feuerpause, nachdem im Sudan Kämpfe ausgebrochen waren.")
    assert ("ERI", "DJI") not in pairs_of(article, "ASSAULT")

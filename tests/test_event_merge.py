"""Merging mentions into events: what a long article costs (issue 14: 94% of a transcript's time)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from lagebild.document import Actor, ActorRef, Claimant, Evidence, TimeExpression
from lagebild.events import merge
from lagebild.events.mentions import EventMention

RUSSIA = ActorRef("Russland", Actor(None, "RUS", "GOV"))
UKRAINE = ActorRef("die Ukraine", Actor(None, "UKR", "GOV"))
POLICE = ActorRef("die Polizei", Actor(None, "DEU", "GOV"))


def mention(order: int, event_type: str, source: ActorRef | None, target: ActorRef | None) -> EventMention:
    evidence = Evidence(order * 10, order * 10 + 9)
    return EventMention(event_type, None, [], source, target, "asserted", evidence, order=order, block=order // 5)


def repeated_mentions(count: int) -> list[EventMention]:
    """A long report that repeats two events and a third type many times (a transcript)."""
    pairs = [("ASSAULT", RUSSIA, UKRAINE), ("PROTEST", POLICE, None), ("CONSULT", RUSSIA, None)]
    return [mention(n, *pairs[n % 3]) for n in range(count)]


def test_repeated_mentions_merge_into_their_events() -> None:
    events = merge.merge_mentions(repeated_mentions(30))
    assert [(e.type, len(e.evidence)) for e in events] == [("ASSAULT", 10), ("PROTEST", 10), ("CONSULT", 10)]


def test_merging_looks_at_each_kind_of_member_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # all pairs of 3,000 mentions would align ~1.5 million times; one event's like members count once
    calls = 0
    real = merge.alignment

    def counting(*args, **kwargs):
        nonlocal calls
        calls += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(merge, "alignment", counting)
    events = merge.merge_mentions(repeated_mentions(3_000))
    assert len(events) == 3 and calls < 3 * 3_000


def test_each_evidence_passage_carries_the_chain_of_its_mention() -> None:
    spokesman = [Claimant("ein Sprecher des Ministeriums", "UKR")]
    said = replace(mention(0, "ASSAULT", RUSSIA, UKRAINE), attribution=spokesman)
    own_voice = mention(1, "ASSAULT", RUSSIA, UKRAINE)
    repeated = replace(mention(2, "ASSAULT", RUSSIA, UKRAINE), evidence=Evidence(0, 9))  # the first passage again
    [event] = merge.merge_mentions([said, own_voice, repeated])
    assert event.attribution == []  # the article says it in its own voice too
    assert [(e.start, e.attribution) for e in event.evidence] == [(0, spokesman), (10, [])]


def test_a_half_known_mention_paragraphs_away_retells_the_nearest_event() -> None:
    # "Russland griff die Ukraine an ... Georgien ..." and, paragraphs on, "Moskau" attacking no one named: not a
    # third attack, and not lost either: it is evidence of the nearest attack of its side
    moscow, georgia = ActorRef("Moskau", RUSSIA.actor), ActorRef("Georgien", Actor(None, "GEO", "GOV"))
    first, second = mention(0, "ASSAULT", RUSSIA, UKRAINE), mention(2, "ASSAULT", RUSSIA, georgia)
    events = merge.merge_mentions([first, second, mention(30, "ASSAULT", moscow, None)])
    assert [(e.target.actor.country, len(e.evidence)) for e in events] == [("UKR", 1), ("GEO", 2)]


def test_a_half_known_mention_of_another_country_opens_its_own_event() -> None:
    belarus = ActorRef("Minsk", Actor(None, "BLR", "GOV"))
    events = merge.merge_mentions([mention(0, "ASSAULT", RUSSIA, UKRAINE), mention(30, "ASSAULT", belarus, None)])
    assert [(e.source.actor.country, len(e.evidence)) for e in events] == [("RUS", 1), ("BLR", 1)]


def told(article) -> list[tuple[str, str, int]]:
    return [(e.type, e.modality, len(e.evidence)) for e in article.events]


@pytest.mark.parametrize(
    ("text", "published"),
    [
        (
            "Die Armee von Machthaber Gaddafi hatte am Donnerstag den Flughafen von Bengasi bombardiert. "
            "Zudem kündigte Gaddafi eine neue Offensive seiner Truppen gegen Bengasi an.",
            "2011-03-18",
        ),
        (
            "Die russische Armee hat am Montag Charkiw mit Raketen angegriffen. "
            "Moskau kündigte weitere Angriffe auf die Ukraine an.",
            "2024-05-08",
        ),
    ],
)
def test_a_plan_told_anew_is_not_the_act_done_before_the_report(run, text: str, published: str) -> None:
    assert told(run(text, published)) == [("ASSAULT", "asserted", 1), ("ASSAULT", "planned", 1)]


def test_a_call_to_the_protests_held_is_one_event_with_them(run) -> None:
    text = (
        "Tausende Menschen haben am Samstag in Caracas gegen Präsident Maduro demonstriert. "
        "Oppositionsführer Guaidó hatte zu den Protesten aufgerufen."
    )
    assert told(run(text, "2019-03-11")) == [("PROTEST", "asserted", 2)]


BACKGROUND = "Die belarussische Polizei hatte {when} in Minsk Tausende Demonstranten festgenommen.\n\n"
FILLER = "Die Regierung äußerte sich nicht.\n\nDer Präsident regiert das Land seit vielen Jahren.\n\n"


@pytest.mark.parametrize(
    ("text", "events"),
    [
        # an undated act paragraphs after an act of years ago is the news
        (BACKGROUND.format(when="im August 2020") + FILLER + "Die belarussische Polizei nahm Oppositionelle fest.", 2),
        # beside it, it goes on telling that act
        (BACKGROUND.format(when="im August 2020") + "Die Festnahmen lösten in Europa Empörung aus.", 1),
        # an act of the news week is told on paragraphs later
        (BACKGROUND.format(when="am Dienstag") + FILLER + "Die belarussische Polizei nahm Oppositionelle fest.", 1),
    ],
)
def test_an_undated_mention_far_from_an_act_of_the_past_is_the_news(run, text: str, events: int) -> None:
    assert [e.type for e in run(text, "2025-04-10").events] == ["COERCE"] * events


@pytest.mark.parametrize(
    ("text", "events"),
    [
        # a noun counted as one more is another act than the one of the sentence before
        (
            "Der Iran weist zwei britische Diplomaten aus. Auch weitere Strafmaßnahmen gegen Großbritannien "
            "kündigte Teheran an.",
            [("SANCTION", "asserted", 1), ("SANCTION", "planned", 1)],
        ),
        (
            "Die Rebellen griffen am Sonntag die Stadt Goma an. Einen erneuten Angriff der Rebellen auf Goma "
            "wehrte die Armee ab.",
            [("ASSAULT", "asserted", 1), ("ASSAULT", "asserted", 1)],
        ),
        # two ordinals are two acts, whichever is told first
        (
            "Die Ukraine und Russland sind sich bei ihrer zweiten Gesprächsrunde in Genf nicht näher gekommen. Schon "
            "im April hatte es eine erste Gesprächsrunde zwischen der Ukraine und Russland gegeben.",
            [("CONSULT", "negated", 1), ("CONSULT", "asserted", 1)],
        ),
        # the count of the act told in its own sentence, or after a definite article, points back to it
        (
            "Serbien und Kosovo trafen sich am Montag in Brüssel zu einer zweiten Gesprächsrunde.",
            [("CONSULT", "asserted", 1)],
        ),
        (
            "Serbien und Kosovo trafen sich am Montag in Brüssel. Es war das zweite Treffen von Serbien und Kosovo.",
            [("CONSULT", "asserted", 2)],
        ),
    ],
)
def test_an_act_counted_as_one_more_is_an_event_of_its_own(run, text: str, events: list) -> None:
    assert told(run(text, "2024-05-08")) == events


@pytest.mark.parametrize(
    ("text", "published", "events"),
    [
        # an act told as one more of its kind is not the act told as done before it, though their days overlap
        (
            "Russische Truppen haben die Stadt Cherson in der Nacht erneut mit Raketen beschossen. Dabei wurden drei "
            "Menschen getötet. Schon am Samstag hatte ein russischer Angriff auf einen Markt in Cherson sieben "
            "Menschen getötet.",
            "2024-05-26",
            [("ASSAULT", "asserted", 2), ("ASSAULT", "asserted", 1)],
        ),
        (
            "Die Regierung in Oslo hat in diesem Jahr bereits neun russische Diplomaten ausgewiesen. Am Dienstag "
            "erklärte das Außenministerium zwei weitere Mitarbeiter der Botschaft zu unerwünschten Personen.",
            "2023-11-16",
            [("SANCTION", "asserted", 1), ("SANCTION", "asserted", 1)],
        ),
        # some years ago is not this week, though both are told of the same two states
        (
            "Peru hat am Freitag seine Beziehungen zu Ecuador abgebrochen. Peru hatte die Beziehungen zu Ecuador vor "
            "ein paar Jahren schon einmal abgebrochen.",
            "2023-09-20",
            [("SANCTION", "asserted", 1), ("SANCTION", "asserted", 1)],
        ),
        # without a mention told as done before, the repeated act is told on
        (
            "Die Rebellen haben die Stadt Goma erneut angegriffen. Bei dem Angriff am Sonntag wurden zwölf Soldaten "
            "getötet.",
            "2023-05-10",
            [("ASSAULT", "asserted", 2)],
        ),
    ],
)
def test_an_act_told_again_is_not_the_one_told_as_done_before(run, text: str, published: str, events: list) -> None:
    assert told(run(text, published)) == events


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        (
            "Russland hat die Ukraine in der Nacht mit Drohnen angegriffen. In Charkiw wurden dabei zwei Menschen "
            "getötet. In Kiew seien fünf Menschen verletzt worden, teilte der Bürgermeister mit.",
            3,
        ),
        (
            "Bei russischen Drohnenangriffen in der Nacht sind in Charkiw zwei Menschen getötet worden. In Kiew seien "
            "fünf Menschen verletzt worden, teilte der Bürgermeister mit.",
            2,
        ),
    ],
)
def test_the_cities_one_attack_hit_are_its_evidence(run, text: str, mentions: int) -> None:
    assert told(run(text, "2024-05-08")) == [("ASSAULT", "asserted", mentions)]


def test_actors_of_no_known_country_told_by_other_nouns_are_other_actors() -> None:
    activists = ActorRef("Menschenrechtler", Actor(None, None, "CVL"))
    church = ActorRef("der Kirche", Actor(None, None, "CVL"))
    activists_again = ActorRef("den Menschenrechtlern", Actor(None, None, "CVL"))
    mentions = [mention(0, "ACCUSE", activists, None), mention(1, "ACCUSE", church, None)]
    assert len(merge.merge_mentions(mentions)) == 2
    assert len(merge.merge_mentions([*mentions, mention(2, "ACCUSE", activists_again, None)])) == 2
    # a country ties actors told by other nouns: "Kiew" is "die Ukraine"
    kyiv = ActorRef("Kiew", Actor(None, "UKR", "GOV"))
    assert len(merge.merge_mentions([mention(0, "ACCUSE", UKRAINE, RUSSIA), mention(1, "ACCUSE", kyiv, RUSSIA)])) == 1


def test_condemnations_of_different_acts_are_two_events() -> None:
    """'Frankreich verurteilte den Anschlag' and, later, 'Frankreich verurteilte die Festnahmen': two judgements;
    the same act condemned twice is one."""
    france = ActorRef("Frankreich", Actor(None, "FRA", "GOV"))
    attack, arrests, again = (replace(mention(n, "ACCUSE", france, None), object_event=acts) for n, acts in
                              ((1, ("ASSAULT",)), (2, ("COERCE",)), (3, ("ASSAULT",))))  # fmt: skip
    assert len(merge.merge_mentions([attack, arrests])) == 2
    assert len(merge.merge_mentions([attack, again])) == 1


def test_an_actor_of_no_country_and_no_name_may_stand_for_a_state() -> None:
    """'Thailand und Kambodscha schlossen eine Waffenruhe. Die Regierungschefs der beiden Nachbarn hatten sich in
    Malaysia geeinigt': the heads of government retell the two states' agreement."""
    thailand, cambodia = (
        ActorRef("Thailand", Actor(None, "THA", "GOV")),
        ActorRef("Kambodscha", Actor(None, "KHM", "GOV")),
    )
    heads = ActorRef("Die Regierungschefs", Actor(None, None, "GOV"))
    [event] = merge.merge_mentions([mention(0, "AGREE", thailand, cambodia), mention(1, "AGREE", heads, None)])
    assert (event.source.actor.country, event.target.actor.country, len(event.evidence)) == ("THA", "KHM", 2)


@pytest.mark.parametrize(
    ("first", "then"),
    [
        # "Zahlreiche Staats- und Regierungschefs reisten nach Kiew. Der kanadische Premier traf Selenskyj": a
        # state's mention does not join an event told by nouns of no country
        (
            ActorRef("Regierungschefs", Actor(None, None, "GOV")),
            ActorRef("Der kanadische Premier", Actor(None, "CAN", "GOV")),
        ),
        # "Die Armee griff das Dorf an. Bewaffnete hatten zuvor eine Kaserne angegriffen": an armed group of no
        # country is a body of its own
        (ActorRef("Die Armee", Actor(None, "MLI", "MIL")), ActorRef("Bewaffnete", Actor(None, None, "REB"))),
    ],
)
def test_a_state_and_a_body_of_no_country_stay_apart(first: ActorRef, then: ActorRef) -> None:
    assert len(merge.merge_mentions([mention(0, "ASSAULT", first, UKRAINE), mention(1, "ASSAULT", then, UKRAINE)])) == 2


def test_an_actor_standing_in_for_a_state_does_not_speak_for_its_record() -> None:
    """'Die Regierung wies die Vorwürfe zurück. Die Behörden hatten sie schon am Montag zurückgewiesen': the dated
    mention tells more, but its nameless authorities only stand in for the state named before."""
    monday = TimeExpression(0, 0, "am Montag", date(2024, 5, 6), date(2024, 5, 6))
    authorities = ActorRef("Die Behörden", Actor(None, None, "GOV"))
    dated = replace(mention(1, "REJECT", authorities, UKRAINE), time=monday)
    [event] = merge.merge_mentions([mention(0, "REJECT", RUSSIA, UKRAINE), dated])
    assert (event.source.text, event.time) == ("Russland", monday)

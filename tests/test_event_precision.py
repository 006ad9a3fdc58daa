"""Records of what did not happen (issue 17, precision): acts said to be lacking or replaced by another act are
no events; the act beside them still is. Sentences we wrote, each rule with its near misses."""

from __future__ import annotations

import pytest


def kinds(article) -> set[str]:
    return {event.type for event in article.events}


@pytest.mark.parametrize(
    ("text", "kept", "absent"),
    [
        ("Die Regierung verhängte neue Sanktionen, ohne das Parlament zu konsultieren.", "SANCTION", "CONSULT"),
        ("Die Türkei griff kurdische Stellungen an, statt mit den Kurden zu verhandeln.", "ASSAULT", "CONSULT"),
        ("Statt Gespräche mit Moskau aufzunehmen, verschärfte die EU ihre Sanktionen.", "SANCTION", "CONSULT"),
        ("Die Rebellen legten ihre Waffen nieder, anstatt weiter gegen die Armee zu kämpfen.", "RETREAT", "ASSAULT"),
        ("Die Regierung in Minsk beschloss das Gesetz ohne Unterstützung der Opposition.", None, "SUPPORT"),
        ("Russland verlegte Soldaten an die Grenze, ohne Zustimmung der Regierung in Minsk.", "MOBILIZE", "AGREE"),
    ],
)  # fmt: skip
def test_an_act_said_to_be_lacking_or_replaced_is_no_event(run, text: str, kept: str | None, absent: str) -> None:
    found = kinds(run(text))
    assert absent not in found
    assert kept is None or kept in found


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Frankreich verlegte Truppen nach Mali, um mit der Regierung in Bamako zu verhandeln.", "CONSULT"),
        ("Die Außenminister Polens und Litauens trafen sich ohne Vorbedingungen in Vilnius.", "CONSULT"),
        ("Die Polizei in Minsk nahm den Journalisten ohne Haftbefehl fest.", "COERCE"),
    ],
)
def test_an_act_beside_a_lacking_one_or_done_for_a_purpose_stays(run, text: str, kind: str) -> None:
    assert kind in kinds(run(text))

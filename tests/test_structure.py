"""Structure: datelines, captions, credits, rights notices, duplicates, headlines, article dates."""

from __future__ import annotations

from datetime import date

import pytest

from lagebild.document import Article, BlockKind
from lagebild.structure import StructureStage

structure = StructureStage()


def analyse(text: str, published: date | None = None) -> Article:
    return structure(Article(id="t", text=text, published=published))


def kinds(article: Article) -> list[str]:
    return [str(block.kind) for block in article.blocks]


@pytest.mark.parametrize(
    ("opening", "place", "agency", "day"),
    [
        ("WASHINGTON, 4. September (lb) – Die Regierung", "WASHINGTON", "lb", date(2023, 9, 4)),
        ("Berlin (dpa) - Der Minister", "Berlin", "dpa", None),
        ("Kairo (AFP). Die Polizei", "Kairo", "AFP", None),
        ("Paris, London (epd). Beide Regierungen", "Paris, London", "epd", None),
        ("Brüssel/Luxemburg – Die Außenminister", "Brüssel/Luxemburg", None, None),
        ("Hamburg: Bei einer Kundgebung", "Hamburg", None, None),
        ("Kiew. Die Armee meldete", "Kiew", None, None),
        ("NEU-DELHI, 12. Januar 2024 (lb) – Indien", "NEU-DELHI", "lb", date(2024, 1, 12)),
    ],
)
def test_dateline_forms(opening: str, place: str, agency: str | None, day: date | None) -> None:
    article = analyse(f"{opening} hat am Montag neue Pläne vorgestellt.", published=date(2023, 9, 5))
    assert article.dateline is not None
    assert (article.dateline.place, article.dateline.agency, article.dateline.date) == (place, agency, day)
    assert article.text[article.dateline.start :].startswith(opening.split()[0])


def test_no_dateline_in_an_ordinary_sentence() -> None:
    article = analyse("Die Regierung hat am Montag neue Pläne vorgestellt. Die Opposition widersprach.")
    assert article.dateline is None


def test_dateline_after_a_crawler_stamp() -> None:
    article = analyse(" date 2019-05 Madrid (lb) - Die Regierung trat zurück.")
    assert article.dateline is not None and article.dateline.place == "Madrid"


def test_dateline_day_without_year_takes_the_publication_year() -> None:
    article = analyse("MOSKAU, 30. Dezember (lb) – Der Kreml teilte mit.", published=date(2024, 1, 2))
    assert article.dateline is not None and article.dateline.date == date(2023, 12, 30)


SAMPLE = """Gipfel in Rom: Regierungschefs beraten über Migration

12. Mai 2024

ROM, 11. Mai (lb) – Die Regierungschefs mehrerer Mittelmeerstaaten haben sich in Rom getroffen.

Das Foto zeigt die Teilnehmer des Treffens vor dem Palazzo Chigi am 11. Mai 2024. (Pool-Foto) (lb)

Die Gespräche sollen im Herbst fortgesetzt werden, sagte ein Sprecher.

Das Foto zeigt die Teilnehmer des Treffens vor dem Palazzo Chigi am 11. Mai 2024. (Pool-Foto) (lb)

Quelle: lb, 12.05.2024
"""


def test_roles_of_blocks_in_an_agency_report() -> None:
    article = analyse(SAMPLE)
    assert kinds(article) == ["headline", "date", "paragraph", "caption", "paragraph", "caption", "boilerplate"]
    assert [block.duplicate_of for block in article.blocks] == [None, None, None, None, None, 3, None]
    assert article.published == date(2024, 5, 12)
    assert article.dateline is not None and article.dateline.date == date(2024, 5, 11)


def test_given_publication_date_is_kept() -> None:
    assert analyse(SAMPLE, published=date(2024, 5, 13)).published == date(2024, 5, 13)


def test_duplicate_with_other_quotation_marks() -> None:
    line = "Die Marine barg am Vortag Teile der „Nordstern-2“-Rakete aus dem Meer, teilte das Militär mit."
    straight = line.replace("„", '"').replace("“", '"')
    article = analyse(line + "\n\n" + straight)
    assert article.blocks[1].duplicate_of == 0


@pytest.mark.parametrize(
    "caption",
    [
        "Dieses am 3. März veröffentlichte Foto zeigt den Präsidenten bei einem Besuch. (lb)",
        "Soldaten bei einer Übung nahe der Grenze. (Archivbild)",
        "Demonstranten vor dem Parlament | Bildquelle: lb",
        "Das Bild zeigt den Hafen nach dem Angriff.",
    ],
)
def test_captions_by_wording(caption: str) -> None:
    article = analyse(f"Die Lage bleibt angespannt, sagte der Minister.\n\n{caption}")
    assert article.blocks[1].kind == BlockKind.CAPTION


def test_a_line_before_a_photo_credit_is_a_caption() -> None:
    article = analyse("Der Kanzler bei seiner Ankunft in Paris.\n\nFoto: lb/Archiv\n\nBerlin – Der Kanzler reiste.")
    assert kinds(article)[:2] == ["caption", "boilerplate"]


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        (
            "Foto: Demonstranten in der Hauptstadt am Sonntag. Die Polizei nahm Dutzende fest.",
            "Demonstranten in der Hauptstadt am Sonntag. Die Polizei nahm Dutzende fest.",
        ),
        ("Bild: Soldaten ziehen durch die Stadt.", "Soldaten ziehen durch die Stadt."),
        ("Foto:Der Minister bei seiner Ankunft.", "Der Minister bei seiner Ankunft."),
    ],
)
def test_a_caption_after_a_photo_label_is_a_caption(line: str, caption: str) -> None:
    article = analyse(f"Berlin – Der Kanzler reiste ab.\n\n{line}\n\nEr kam am Abend an.")
    block = article.blocks[1]
    assert (block.kind, article.text[block.start : block.end]) == (BlockKind.CAPTION, caption)
    assert article.blocks[0].kind != BlockKind.CAPTION


@pytest.mark.parametrize(
    "credit",
    [
        "Foto: lb",
        "Bild: Erika Muster / lb",
        "Foto: Max Muster, über dts Nachrichtenagentur",
        "Foto: picture alliance / dpa / Max Muster.",
        "Foto: Büro des Präsidenten / lb",
    ],
)
def test_a_credit_after_a_photo_label_stays_a_credit(credit: str) -> None:
    article = analyse(f"Der Kanzler bei seiner Ankunft.\n\n{credit}\n\nBerlin – Der Kanzler reiste.")
    assert kinds(article)[:2] == ["caption", "boilerplate"]


def test_rights_notices_inside_a_caption_and_alone() -> None:
    text = (
        "Das Foto zeigt den Hafen. (Nur zur Verwendung in der Republik Korea. Keine Weiterverbreitung) (lb)\n\n"
        "Nur zur redaktionellen Verwendung. Keine Weiterverbreitung."
    )
    article = analyse(text)
    notices = [text[n.start : n.end] for n in article.notices]
    assert notices == [
        "Nur zur Verwendung in der Republik Korea",
        "Keine Weiterverbreitung",
        "Nur zur redaktionellen Verwendung",
        "Keine Weiterverbreitung",
    ]
    assert kinds(article) == ["caption", "rights"]


def test_a_long_first_sentence_is_no_headline() -> None:
    text = (
        "Die Regierung hat am Montag in einer Sondersitzung des Kabinetts weitreichende Hilfen für die "
        "Landwirtschaft und den Mittelstand beschlossen.\n\nDie Opposition kritisierte das."
    )
    assert kinds(analyse(text))[0] == "paragraph"


def test_title_is_the_detected_headline_when_the_input_has_none() -> None:
    text = "Regierung beschließt neue Hilfen\n\nBerlin (lb) – Die Regierung hat am Montag neue Hilfen beschlossen."
    assert analyse(text).title == "Regierung beschließt neue Hilfen"
    given = structure(Article(id="t", text=text, title="Titel aus der Quelle"))
    assert given.title == "Titel aus der Quelle"
    assert analyse("Nur ein Absatz ohne Überschrift, der mit einem Punkt endet und lang genug ist.").title is None

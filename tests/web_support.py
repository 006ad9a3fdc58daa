"""Stores for the web tests, the README screenshot and bench/web_volume.py: the bundled sample
article with events written by hand (the event stage is not needed to test the web app), an
article whose text holds markup that must render as text, and synthetic stores of any size
(sentences and events made up here). No tests here."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from lagebild.document import (
    Actor,
    ActorRef,
    Article,
    Claimant,
    Event,
    Evidence,
    Place,
    PlaceRef,
    TimeExpression,
)
from lagebild.ingest import read_inputs
from lagebild.output import article_record
from lagebild.store import open_store, recompute_clusters, store_record
from lagebild.structure import StructureStage

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "examples" / "nato-finnland-2023.txt"
SAMPLE_ID = "nato-finnland-2023"
SAMPLE_DAY = date(2023, 4, 4)
MARKUP_ID = "markup-test"
LONG_URL = "https://zeitung.example/politik/" + "ein-sehr-langer-pfad-ohne-jede-unterbrechung-" * 6 + "ende.html"
MARKUP_TEXT = (
    "Warnung vor <script>document.body.dataset.injected = 'yes'</script> im Grenzgebiet\n\n"
    "Die Regierung in Oslo warf Moskau am Montag vor, Zugriffe auf <b>Netze</b> "
    "<img src=x onerror=\"document.body.dataset.injected = 'yes'\"> vorbereitet zu haben."
)


@dataclass(frozen=True)
class Party:
    text: str
    country: str | None
    name: str | None = None
    sector: str | None = "GOV"

    def ref(self) -> ActorRef:
        return ActorRef(self.text, Actor(self.name, self.country, self.sector))


FIN = Party("Finnland", "FIN")
NATO = Party("NATO", None, "NATO", "IGO")
USA = Party("US-Außenminister Antony Blinken", "USA", "Antony Blinken")
RUS = Party("Russland", "RUS")
TUR = Party("Das türkische Parlament", "TUR", "Grand National Assembly of Turkey")
SWE = Party("Schwedens", "SWE")
UKR = Party("Ukraine", "UKR")
NOR = Party("Die Regierung in Oslo", "NOR")


def spans(text: str, *snippets: str, said_by: tuple[Claimant, ...] = ()) -> list[Evidence]:
    """Evidence at the first occurrence of each snippet (which must be in the text), each said by `said_by`."""
    found = []
    for snippet in snippets:
        start = text.index(snippet)
        found.append(Evidence(start, start + len(snippet), list(said_by)))
    return found


def day(text: str, first: date, last: date | None = None) -> TimeExpression:
    return TimeExpression(0, 0, text, first, last or first)


def sample_events(text: str) -> list[Event]:
    brussels = PlaceRef("Brüssel", Place("Brussels", "BEL"))
    interfax = (Claimant("Agentur Interfax", "RUS"),)
    return [
        Event(
            "COOPERATE",
            "asserted",
            source=FIN.ref(),
            target=NATO.ref(),
            location=brussels,
            time=day("am Dienstag", SAMPLE_DAY),
            evidence=spans(text, "in die NATO aufgenommen", "Finnland ist Mitglied der NATO"),
        ),
        Event(
            "AGREE",
            "asserted",
            source=FIN.ref(),
            target=USA.ref(),
            location=brussels,
            time=day("am 4. April 2023", SAMPLE_DAY),
            evidence=spans(text, "übergab die Beitrittsurkunde", "übergibt US-Außenminister Antony Blinken"),
        ),
        Event(
            "SUPPORT",
            "asserted",
            source=NATO.ref(),
            target=FIN.ref(),
            time=day("am Dienstag", SAMPLE_DAY),
            evidence=spans(text, "sprach von einem historischen Tag"),
        ),
        Event(
            "THREATEN",
            "planned",
            source=RUS.ref(),
            target=FIN.ref(),  # told by Interfax, and in the outlet's own voice in the headline
            evidence=[
                *spans(text, "Gegenmaßnahmen zu ergreifen", said_by=interfax),
                *spans(text, "Russland kündigt Gegenmaßnahmen an"),
            ],
        ),
        Event(
            "ACCUSE",
            "asserted",
            source=RUS.ref(),
            target=NATO.ref(),
            attribution=list(interfax),
            evidence=spans(text, "ein Angriff auf die Sicherheit Russlands", said_by=interfax),
        ),
        Event(
            "AGREE",
            "asserted",
            source=TUR.ref(),
            target=FIN.ref(),
            location=PlaceRef("Ankara", Place("Ankara", "TUR")),
            time=day("am vergangenen Donnerstag", date(2023, 3, 30)),
            evidence=spans(text, "dem Beitritt Finnlands am vergangenen Donnerstag zugestimmt"),
        ),
        Event(
            "REJECT",
            "asserted",
            source=TUR.ref(),
            target=SWE.ref(),
            evidence=spans(text, "Die Aufnahme Schwedens blockieren die Türkei"),
        ),
        Event(
            "REQUEST",
            "asserted",
            source=FIN.ref(),
            target=NATO.ref(),
            time=day("im Mai 2022", date(2022, 5, 1), date(2022, 5, 31)),
            evidence=spans(text, "ihre Mitgliedschaft im Mai 2022 beantragt"),
        ),
        Event(
            "ASSAULT",
            "asserted",
            source=RUS.ref(),
            target=UKR.ref(),
            location=PlaceRef("Ukraine", Place("Ukraine", "UKR")),
            evidence=spans(text, "russischen Einmarsch in die Ukraine"),
        ),
    ]


def sample_article() -> Article:
    article = next(iter(read_inputs([SAMPLE])))
    assert isinstance(article, Article), article
    article = StructureStage()(article)
    article.lang, article.outlet = "de", "lb"
    article.events = sample_events(article.text)
    return article


def markup_article() -> Article:
    article = StructureStage()(
        Article(id=MARKUP_ID, text=MARKUP_TEXT, published=date(2023, 4, 3), outlet="Testblatt", url=LONG_URL)
    )
    article.lang = "de"
    article.events = [
        Event(
            "ACCUSE",
            "asserted",
            source=NOR.ref(),
            target=RUS.ref(),
            location=PlaceRef("Oslo", Place("Oslo", "NOR")),
            time=day("am Montag", date(2023, 4, 3)),
            evidence=spans(MARKUP_TEXT, "warf Moskau am Montag vor", "<script>document.body"),
        ),
    ]
    return article


def build_sample_store(path: Path, with_markup: bool = True) -> Path:
    """A store holding the sample article (and the markup article) with their events."""
    articles = [sample_article(), *([markup_article()] if with_markup else [])]
    with open_store(path, create=True) as connection:
        for article in articles:
            store_record(connection, article_record(article), "test pipeline")
        recompute_clusters(connection)
    return path


# --- synthetic stores of any size -------------------------------------------------------------

SYNTHETIC_COUNTRIES = (
    "RUS", "UKR", "USA", "CHN", "PRK", "KOR", "DEU", "FRA", "GBR", "POL", "NOR", "IND", "ARM", "AZE", "ISR",
    "IRN", "TUR", "SYR", "JPN", "FJI", "MLI", "NGA", "BRA", "MEX", "CAN", "AUS", "EGY", "SAU", "PAK", "AFG",
)  # fmt: skip
SYNTHETIC_BODIES = (("NATO", "IGO"), ("Vereinte Nationen", "IGO"), ("die Polizei", "GOV"), ("die Armee", "MIL"))
SYNTHETIC_PLACES = (
    ("Kyiv", "UKR"), ("Moscow", "RUS"), ("Berlin", "DEU"), ("Paris", "FRA"), ("Seoul", "KOR"), ("Beijing", "CHN"),
    ("Suva", "FJI"), ("Anadyr", "RUS"), ("Warsaw", "POL"), ("Oslo", "NOR"), ("Bamako", "MLI"), ("Tokyo", "JPN"),
    (None, "IRN"), (None, "SYR"), (None, "AFG"), (None, "USA"),
)  # fmt: skip
SYNTHETIC_OUTLETS = ("Tagesblatt", "Abendzeitung", "Rundschau", "Kurier", "Agentur A", "Agentur B", "Presse", "Echo")
REREPORTED = 0.4  # share of articles whose first event another article reported before
SYNTHETIC_SENTENCE = "Vertreter aus {a} und {b} trafen am {day}. des Monats zusammen, hieß es in {city}."


def country_actor(code: str) -> dict[str, Any]:
    return {"text": code, "name": None, "country": code, "sector": "GOV"}


def synthetic_event(text: str, rng: Any, day: date | None) -> dict[str, Any]:
    """One made-up event of the spec's shape; a tenth of the actors are bodies without a country."""
    from lagebild.plover import PLOVER_TYPES, plover_types

    kind = rng.choice(PLOVER_TYPES)
    source, target = rng.sample(SYNTHETIC_COUNTRIES[: rng.choice((6, 12, 30))], 2)
    body = rng.choice(SYNTHETIC_BODIES)
    source_actor = country_actor(source) if rng.random() > 0.1 else {"text": body[0], "name": body[0], "country": None,
                                                             "sector": body[1]}  # fmt: skip
    place = rng.choice(SYNTHETIC_PLACES) if rng.random() > 0.3 else None
    start = text.index("trafen")
    return {
        "type": kind,
        "mode": rng.choice([None, *plover_types()[kind].modes]),
        "context": [],
        "modality": rng.choice(("asserted", "asserted", "asserted", "planned", "possible", "negated")),
        "source": source_actor,
        "target": country_actor(target),
        "location": {"text": place[0] or place[1], "name": place[0], "country": place[1]} if place else None,
        "time": {"text": "am Tag", "start": day.isoformat(), "end": day.isoformat()} if day else None,
        "attribution": [{"text": "Agentur A", "country": None}] if rng.random() < 0.2 else [],
        "evidence": ["trafen"],
        "evidence_spans": [[start, start + 6]],
    }


def synthetic_records(events: int, seed: int = 15, first_day: date = date(2019, 1, 1), days: int = 2500):
    """Article records holding `events` events in all (three per article), over `days` days; a
    fifth of the events are undated, and articles re-report events, so clusters form."""
    import random
    from datetime import timedelta

    rng = random.Random(seed)
    reported: list[tuple[dict[str, Any], date]] = []
    for number in range((events + 2) // 3):
        published = first_day + timedelta(days=rng.randrange(days))
        text = f"Meldung {number}: Treffen in Genf\n" + SYNTHETIC_SENTENCE.format(
            a=rng.choice(SYNTHETIC_COUNTRIES), b=rng.choice(SYNTHETIC_COUNTRIES), day=rng.randrange(1, 29), city="Genf"
        )
        count = min(3, events - 3 * number)
        days_before = [rng.randrange(3) for _ in range(count)]
        found = [synthetic_event(text, rng, None if rng.random() < 0.2 else published - timedelta(days=before))
                 for before in days_before]  # fmt: skip
        if reported and rng.random() < REREPORTED:  # another outlet's report of a recent event
            earlier, earlier_published = rng.choice(reported[-50:])
            published = earlier_published + timedelta(days=rng.randrange(2))
            found[0] = {**earlier, "evidence_spans": found[0]["evidence_spans"]}
        reported.append((found[0], published))
        yield {
            "id": f"synthetic-{number:07d}",
            "lang": "de",
            "published": published.isoformat(),
            "outlet": rng.choice(SYNTHETIC_OUTLETS),
            "url": f"https://zeitung.example/{number}",
            "title": f"Meldung {number}: Treffen in Genf",
            "text": text,
            "events": found,
            "structure": {"blocks": [], "dateline": None, "notices": []},
        }


def build_synthetic_store(path: Path, events: int, batch: int = 500) -> Path:
    """A store of `events` synthetic events, stored in batches, with its clusters."""
    from itertools import islice

    from lagebild.store.writer import StoreEntry, store_records

    records = synthetic_records(events)
    with open_store(path, create=True) as connection:
        while chunk := list(islice(records, batch)):
            store_records(connection, [StoreEntry(record) for record in chunk], "synthetic")
        recompute_clusters(connection)
    return path


# --- a real server and a real browser ---------------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
SERVER_START_SECONDS = 10


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def running_server(app: Any) -> Iterator[str]:
    """The app under uvicorn on 127.0.0.1 (a free port) in a thread; yields its base URL."""
    import threading
    import time

    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + SERVER_START_SECONDS
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(SERVER_START_SECONDS)

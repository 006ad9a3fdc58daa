"""Builders shared by the store tests: articles with events we write ourselves, and a fake
pipeline that turns an input field `test_events` into events (the real event stage is not
needed to test storage). No tests here."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import typer

from lagebild.document import (
    Actor,
    ActorRef,
    Article,
    Block,
    BlockKind,
    Claimant,
    Event,
    Evidence,
    Place,
    PlaceRef,
    TimeExpression,
)
from lagebild.output import article_record
from lagebild.pipeline import Pipeline
from lagebild.structure import StructureStage

COUNTRY_NAMES = {"PRK": "Nordkorea", "RUS": "Russland", "KOR": "Südkorea", "USA": "die USA", "DEU": "Deutschland"}


def make_event(
    text: str,
    event_type: str = "CONSULT",
    source: str | None = "PRK",
    target: str | None = "RUS",
    day: date | None = None,
    modality: str = "asserted",
    place: tuple[str, str | None] | None = None,
    evidence: str | None = None,
    source_name: str | None = None,
    sector: str | None = "GOV",
    attribution: tuple[tuple[str, str | None], ...] = (),
    mode: str | None = None,
) -> Event:
    """An event whose evidence is the first occurrence of `evidence` (default: the first word) in `text`,
    said by the `attribution` chain (its one mention's)."""
    snippet = evidence or text.split()[0]
    start = text.index(snippet)
    chain = [Claimant(text_, country) for text_, country in attribution]
    return Event(
        type=event_type,
        modality=modality,
        mode=mode,
        source=ActorRef(COUNTRY_NAMES.get(source or "", source_name or "?"), Actor(source_name, source, sector))
        if source or source_name
        else None,
        target=ActorRef(COUNTRY_NAMES.get(target or "", "?"), Actor(None, target, "GOV")) if target else None,
        location=PlaceRef(place[0], Place(place[0], place[1])) if place else None,
        time=TimeExpression(0, 0, "am Stichtag", day, day) if day else None,
        attribution=chain,
        evidence=[Evidence(start, start + len(snippet), list(chain))],
    )


def make_article(
    article_id: str,
    text: str,
    events: list[Event],
    published: date | None = date(2023, 9, 14),
    outlet: str | None = "Testblatt",
    url: str | None = None,
) -> Article:
    article = Article(id=article_id, text=text, published=published, outlet=outlet, url=url, lang="de")
    first_line_end = text.find("\n") if "\n" in text else len(text)
    article.blocks = [Block(BlockKind.HEADLINE, 0, first_line_end)]
    if first_line_end < len(text):
        article.blocks.append(Block(BlockKind.PARAGRAPH, first_line_end + 1, len(text)))
    article.events = events
    return article


def make_record(article_id: str, text: str, events: list[Event], **fields: Any) -> dict[str, Any]:
    return article_record(make_article(article_id, text, events, **fields))


def as_schema_version(connection: duckdb.DuckDBPyConnection, version: int) -> None:
    """Turn a new, empty store into one as lagebild wrote it at schema `version` (1 or 2)."""
    connection.execute("ALTER TABLE mentions DROP COLUMN attribution")  # added by version 3
    if version < 2:
        for table in ("watch_feeds", "watch_pages", "watch_revisions"):
            connection.execute(f"DROP TABLE {table}")
    connection.execute("UPDATE schema_version SET version = ?", [version])


# --- input files and a fake pipeline for the CLI -------------------------------------------


def write_input(folder: Path, article_id: str, text: str, published: str, outlet: str, events: list[dict]) -> Path:
    """A spec-shaped JSON article; `test_events` is read by FakeEventStage, never by the real pipeline."""
    path = folder / f"{article_id}.json"
    record = {"id": article_id, "text": text, "published": published, "outlet": outlet, "test_events": events}
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return path


class FakeEventStage:
    """Events from the input field `test_events`: {"type", "source", "target", "day", "modality", "evidence"}."""

    name = "fake_events"
    requires = ("text",)
    assigns = ("lang", "events")

    def __init__(self, version: str = "1") -> None:
        self.version = version

    def __call__(self, article: Article) -> Article:
        article.lang = "de"
        for spec in article.extra.pop("test_events", []):
            if spec.get("explode"):
                raise RuntimeError("the fake stage was told to fail")
            article.events.append(
                make_event(
                    article.text,
                    event_type=spec.get("type", "CONSULT"),
                    source=spec.get("source"),
                    target=spec.get("target"),
                    day=date.fromisoformat(spec["day"]) if spec.get("day") else None,
                    modality=spec.get("modality", "asserted"),
                    evidence=spec.get("evidence"),
                )
            )
        return article


def fake_pipeline(version: str = "1") -> Pipeline:
    return Pipeline([StructureStage(), FakeEventStage(version)])


def store_app() -> typer.Typer:
    """The store commands as the lead will register them in lagebild.cli."""
    from lagebild.cli.export import export_command
    from lagebild.cli.ingest import ingest_command
    from lagebild.cli.query import actors_command, events_command, stats_command

    app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)

    @app.callback()
    def root() -> None:
        """Test app."""

    app.command("ingest")(ingest_command)
    app.command("events")(events_command)
    app.command("actors")(actors_command)
    app.command("stats")(stats_command)
    app.command("export")(export_command)
    return app

"""The `lagebild` command: thin wrappers over importable functions, one module per command."""

from __future__ import annotations

import typer

from lagebild.cli.export import export_command
from lagebild.cli.extract import extract_command
from lagebild.cli.ingest import ingest_command
from lagebild.cli.ner import ner_command
from lagebild.cli.query import actors_command, events_command, stats_command
from lagebild.cli.serve import serve_command
from lagebild.cli.temporal import time_command
from lagebild.cli.watch import watch_command

app = typer.Typer(
    help="lagebild: German news articles in, sourced and time-resolved political events out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def root() -> None:
    """lagebild: German news articles in, sourced and time-resolved political events out."""


app.command("extract")(extract_command)
app.command("ingest")(ingest_command)
app.command("events")(events_command)
app.command("actors")(actors_command)
app.command("stats")(stats_command)
app.command("export")(export_command)
app.command("time")(time_command)
app.command("serve")(serve_command)
app.command("ner")(ner_command)
app.command("watch")(watch_command)


def main() -> None:
    app()

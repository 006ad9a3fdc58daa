"""The `lagebild` command: thin wrappers over importable functions, one module per command."""

from __future__ import annotations

from typing import Annotated

import typer

from lagebild.cli.common import Command, CommandGroup, show_repairs_as_notices
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
    cls=CommandGroup,
)


def show_version(value: bool) -> None:
    if value:
        from lagebild.store.database import package_version

        typer.echo(f"lagebild {package_version()}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=show_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """lagebild: German news articles in, sourced and time-resolved political events out."""
    show_repairs_as_notices()


app.command("extract", cls=Command)(extract_command)
app.command("ingest", cls=Command)(ingest_command)
app.command("events", cls=Command)(events_command)
app.command("actors", cls=Command)(actors_command)
app.command("stats", cls=Command)(stats_command)
app.command("export", cls=Command)(export_command)
app.command("time", cls=Command)(time_command)
app.command("serve", cls=Command)(serve_command)
app.command("ner", cls=Command)(ner_command)
app.command("watch", cls=Command)(watch_command)


def main() -> None:
    app()

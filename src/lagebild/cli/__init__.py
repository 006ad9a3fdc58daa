"""The `lagebild` command: thin wrappers over importable functions, one module per command."""

from __future__ import annotations

import typer

from lagebild.cli.extract import extract_command

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


def main() -> None:
    app()

"""What a newcomer sees first: the version, and help that names values as a person expects."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from lagebild.cli import app

runner = CliRunner()
COMMANDS = ["extract", "ingest", "events", "actors", "stats", "export", "time", "serve", "ner"]


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert re.fullmatch(r"lagebild \S+\n", result.stdout)


@pytest.mark.parametrize("command", [[], *[[name] for name in COMMANDS]], ids=lambda c: " ".join(c) or "lagebild")
def test_help_shows_no_python_types(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "160"})
    assert result.exit_code == 0
    assert not re.search(r"<(bool|str|int|Path|list\[[^]]*\])>", result.stdout), result.stdout


def test_flags_take_no_value_and_values_are_named() -> None:
    result = runner.invoke(app, ["extract", "--help"], env={"COLUMNS": "160"})
    assert re.search(r"Usage: \S+ extract \[OPTIONS\] PATH\.\.\.\s", result.stdout)
    assert re.search(r"--quiet\s+-q\s+No progress bar", result.stdout)
    assert re.search(r"--published\s+YYYY-MM-DD", result.stdout)
    export = runner.invoke(app, ["export", "--help"], env={"COLUMNS": "160"}).stdout
    assert "csv|jsonl|parquet|gdelt" in export and re.search(r"--db\s+PATH", export)

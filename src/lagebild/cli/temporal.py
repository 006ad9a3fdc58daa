"""`lagebild time`: resolve German temporal expressions to day intervals (JSON out)."""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import Annotated, TextIO

import typer

from lagebild.cli.common import report_failure
from lagebild.document import TimeExpression
from lagebild.temporal import find_time_expressions


def time_command(
    expression: Annotated[str | None, typer.Argument(help="German text holding a temporal expression.")] = None,
    anchor: Annotated[
        str | None, typer.Option("--date", help="Anchor date YYYY-MM-DD that relative words count from.")
    ] = None,
    tense: Annotated[
        str | None, typer.Option("--tense", help="past, present or future (default: unknown, nearest).")
    ] = None,
    jsonl: Annotated[
        bool,
        typer.Option("--jsonl", help='Read {"text", "date"[, "tense"]} lines on stdin; one JSON result per line out.'),
    ] = False,
) -> None:
    """Resolve a temporal expression ("am Montag", "Ende Juli") to a day interval."""
    if jsonl:
        resolve_lines(sys.stdin, sys.stdout)
        return
    if expression is None or anchor is None:
        report_failure("give an EXPRESSION and --date YYYY-MM-DD, or use --jsonl")
        raise typer.Exit(2)
    try:
        found = longest_expression(expression, date.fromisoformat(anchor), tense)
    except ValueError as error:
        report_failure(f"invalid --date or --tense: {error}")
        raise typer.Exit(2) from error
    if found is None:
        report_failure(f"no temporal expression found in {expression!r}")
        raise typer.Exit(1)
    typer.echo(json.dumps(as_record(found), ensure_ascii=False))


def longest_expression(text: str, anchor: date, tense: str | None) -> TimeExpression | None:
    """The longest expression found (the first among equally long ones)."""
    found = find_time_expressions(text, anchor, tense)
    return max(found, key=lambda expression: expression.end - expression.start, default=None)


def as_record(expression: TimeExpression | None) -> dict[str, str | None]:
    if expression is None:
        return {"text": None, "start": None, "end": None}
    return {"text": expression.text, "start": expression.first_day.isoformat(), "end": expression.last_day.isoformat()}


def resolve_lines(lines: TextIO, out: TextIO) -> None:
    """One JSON result per input line, in order; a bad line gets an error object, the rest go on."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        out.write(json.dumps(resolve_line(line, number), ensure_ascii=False) + "\n")


def resolve_line(line: str, number: int) -> dict[str, object]:
    try:
        record = json.loads(line)
        if not isinstance(record, dict):
            raise ValueError("expected a JSON object")
        text, anchor = record["text"], date.fromisoformat(record["date"])
        if not isinstance(text, str):
            raise ValueError("'text' must be a string")
        found = longest_expression(text, anchor, record.get("tense"))
    except (ValueError, KeyError, TypeError) as error:
        detail = f"missing field {error}" if isinstance(error, KeyError) else str(error)
        return {"line": number, "error": detail, "text": None, "start": None, "end": None}
    return dict(as_record(found))

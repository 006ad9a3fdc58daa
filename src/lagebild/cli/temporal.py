"""`lagebild time`: resolve German temporal expressions to day intervals and TIMEX3s (JSON out), or
tag TimeML documents and plain text with TIMEX3s (`--timeml`)."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, TextIO

import typer

from lagebild.cli.common import report_failure
from lagebild.document import Timex
from lagebild.pipeline import Pipeline
from lagebild.temporal import find_timexes
from lagebild.temporal.timeml import plain_document, read_timeml, tag_document, temporal_pipeline

TIMEML_SUFFIXES = (".tml", ".xml", ".timeml")


def time_command(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(help="German text holding a temporal expression; with --timeml, files or directories."),
    ] = None,
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
    timeml: Annotated[
        bool,
        typer.Option(
            "--timeml",
            help="Tag TimeML files (.tml/.xml, TempEval-3 input form) or plain .txt files (dated by --date) with "
            "TIMEX3s; writes each to OUTDIR under its own name.",
        ),
    ] = False,
    out: Annotated[Path | None, typer.Option("-o", "--out", help="Output directory for --timeml.")] = None,
) -> None:
    """Resolve a temporal expression ("am Montag", "Ende Juli") to a day interval and its TIMEX3s ("drei Tage
    lang": a DURATION, no interval), or tag TimeML."""
    if jsonl:
        resolve_lines(sys.stdin, sys.stdout)
        return
    if timeml:
        raise typer.Exit(tag_timeml_files(inputs or [], out, anchor))
    expression = inputs[0] if inputs and len(inputs) == 1 else None
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
    typer.echo(json.dumps(found, ensure_ascii=False))


def longest_expression(text: str, anchor: date, tense: str | None) -> dict[str, object] | None:
    """The longest expression with a day interval (the first among equally long ones), else the longest
    TIMEX3 without one ("drei Tage lang", "jeden Montag", "derzeit"): its record, None if there is none."""
    times, timexes = find_timexes(text, anchor, tense)
    if times:
        best = max(times, key=lambda expression: expression.end - expression.start)
        return as_record(best.text, best.first_day, best.last_day, best.timexes)
    if timexes:
        timex = max(timexes, key=lambda found: found.end - found.start)
        return as_record(timex.text, None, None, (timex,))
    return None


def as_record(text: str | None, first: date | None, last: date | None, timexes: tuple[Timex, ...]) -> dict[str, object]:
    """The expression's text (with its preposition), its day interval (null for a duration, a set or a
    vague reference) and its TIMEX3s (one, or one per date of a range)."""
    return {
        "text": text,
        "start": first.isoformat() if first else None,
        "end": last.isoformat() if last else None,
        "timexes": [{"text": t.text, "type": t.type, "value": t.value, "mod": t.mod} for t in timexes],
    }


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
    return found or as_record(None, None, None, ())


def tag_timeml_files(inputs: list[str], out: Path | None, anchor: str | None) -> int:
    """Tag every file in one process; a bad file is reported and the rest go on. Returns the exit code."""
    if out is None or not inputs:
        report_failure("give FILES or directories and -o OUTDIR with --timeml")
        return 2
    try:
        default_date = date.fromisoformat(anchor) if anchor else None
    except ValueError as error:
        report_failure(f"invalid --date: {error}")
        return 2
    out.mkdir(parents=True, exist_ok=True)
    pipeline, failed = temporal_pipeline(), 0
    for path in timeml_inputs(inputs):
        try:
            tagged = tag_file(path, pipeline, default_date)
        except (OSError, UnicodeDecodeError, ValueError) as error:
            report_failure(f"{path}: {error}")
            failed += 1
            continue
        (out / (path.name if path.suffix != ".txt" else path.stem + ".tml")).write_text(tagged, "utf-8")
    return 1 if failed else 0


def timeml_inputs(inputs: list[str]) -> list[Path]:
    paths = []
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            paths += sorted(p for p in path.rglob("*") if p.suffix in (*TIMEML_SUFFIXES, ".txt") and p.is_file())
        else:
            paths.append(path)
    return paths


def tag_file(path: Path, pipeline: Pipeline, default_date: date | None) -> str:
    source = path.read_text("utf-8")
    if path.suffix == ".txt":
        if default_date is None:
            raise ValueError("plain text needs --date YYYY-MM-DD")
        document = plain_document(source, default_date)
    else:
        document = read_timeml(source)
        if document is None:
            raise ValueError("no <TEXT> element")
        if document.creation_date is None and default_date is None:
            raise ValueError("no DCT in the file and no --date")
    return tag_document(document, pipeline, path.stem, default_date)

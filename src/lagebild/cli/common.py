"""What the commands share: reporting failures, progress bars, date options."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

T = TypeVar("T")
PROGRESS_MIN_ITEMS = 5  # below this a progress bar is noise

stderr = Console(stderr=True, highlight=False, soft_wrap=True)


def report_failure(message: str) -> None:
    """One line on stderr per failed item."""
    stderr.print(f"[red]error[/red]: {message}", markup=True)


def report_notice(message: str) -> None:
    stderr.print(f"[yellow]notice[/yellow]: {message}", markup=True)


def parse_date_option(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise typer.BadParameter(f"invalid date {value!r} (expected YYYY-MM-DD)") from error


@contextmanager
def progress_over(items: Iterable[T], total: int, label: str, quiet: bool) -> Iterator[Iterable[T]]:
    """Iterate `items` with a rich progress bar on stderr unless quiet or the batch is small."""
    if quiet or total < PROGRESS_MIN_ITEMS:
        yield items
        return
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=stderr, transient=True) as progress:
        task = progress.add_task(label, total=total)

        def advancing() -> Iterator[T]:
            for item in items:
                yield item
                progress.advance(task)

        yield advancing()

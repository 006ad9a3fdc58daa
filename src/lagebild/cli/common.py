"""What the commands share: reporting failures, progress bars, date options."""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, TypeVar, get_args

import click
import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from typer.core import TyperArgument, TyperCommand, TyperGroup

from lagebild.errors import LagebildWarning

T = TypeVar("T")
PROGRESS_MIN_ITEMS = 5  # below this a progress bar is noise

stderr = Console(stderr=True, highlight=False, soft_wrap=True)


def report_failure(message: str) -> None:
    """One line on stderr per failed item."""
    stderr.print(f"[red]error[/red]: {message}", markup=True)


def report_notice(message: str) -> None:
    stderr.print(f"[yellow]notice[/yellow]: {message}", markup=True)


def show_repairs_as_notices() -> None:
    """A `LagebildWarning` (an input read after a repair) becomes one notice line, like a failure."""
    shown = warnings.showwarning
    if getattr(shown, "shows_repairs", False):
        return  # installed by an earlier command in this process

    def show(message: Warning | str, category: type[Warning], *args: Any, **kwargs: Any) -> None:
        if issubclass(category, LagebildWarning):
            report_notice(str(message))
        else:
            shown(message, category, *args, **kwargs)

    show.shows_repairs = True  # type: ignore[attr-defined]
    warnings.showwarning = show


class Command(TyperCommand):
    """A command whose parameters are shown as a person expects: `PATH...`, `TEXT`, `YYYY-MM-DD`,
    `csv|jsonl`, and flags without a value (typer shows `<list[Path]>`, `<bool>`)."""

    def get_params(self, ctx: click.Context) -> list[click.Parameter]:
        return [label_for_people(param) for param in super().get_params(ctx)]


class CommandGroup(TyperGroup):
    """The command group, its options shown as in `Command`."""

    def get_params(self, ctx: click.Context) -> list[click.Parameter]:
        return [label_for_people(param) for param in super().get_params(ctx)]


def label_for_people(param: click.Parameter) -> click.Parameter:
    descriptor = getattr(param, "type_descriptor", None)
    if getattr(param, "is_flag", False):
        param.metavar = ""
    elif descriptor is not None and param.metavar is None:
        param.metavar = metavar_of(param, descriptor)
        if isinstance(param, TyperArgument):  # the name column says it already; usage without braces
            param.display_type_rich = lambda ctx: None  # type: ignore[method-assign]
            usage = param.metavar if param.required else f"[{param.metavar}]"
            param.get_usage_pieces = lambda ctx: [usage]  # type: ignore[method-assign]
    return param


def metavar_of(param: click.Parameter, descriptor: Any) -> str:
    if descriptor.is_choice:
        label = "|".join(str(getattr(choice, "value", choice)) for choice in descriptor.choices or ())
    else:
        annotation = get_args(descriptor.annotation)[0] if descriptor.is_list else descriptor.annotation
        label = value_label(annotation, getattr(param, "help", None) or "")
    return label + ("..." if param.nargs == -1 else "")


def value_label(annotation: object, help_text: str) -> str:
    if annotation is Path:
        return "PATH"
    if "YYYY-MM-DD" in help_text:
        return "YYYY-MM-DD"
    return {int: "INTEGER", float: "NUMBER"}.get(annotation, "TEXT")  # type: ignore[call-overload]


def port_taken(host: str, port: int) -> str | None:
    """Why `host:port` cannot be served on (None when it can): checked before claiming to serve."""
    import socket

    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
            probe.bind((host, port))
    except OSError as error:
        return error.strerror or str(error)
    return None


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

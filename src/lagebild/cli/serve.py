"""`lagebild serve`: the web page and JSON API over the event store, under uvicorn."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lagebild.cli.common import port_taken, report_failure, stderr
from lagebild.settings import DEFAULT_SETTINGS, Settings
from lagebild.store import DEFAULT_PATH, StoreError

STORE_FAILURE_EXIT = 2
USAGE_EXIT = 2


def serve_command(
    db: Annotated[Path, typer.Option("--db", help="The store (DuckDB file).")] = DEFAULT_PATH,
    lake: Annotated[
        Path | None, typer.Option("--lake", help="Serve an event lake (read-only) instead of --db.")
    ] = None,
    host: Annotated[str, typer.Option("--host", help="Address to bind (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="TCP port.")] = 8000,
    allow_ingest: Annotated[
        bool, typer.Option("--allow-ingest", help="Accept POST /api/articles (needs a token); creates the store.")
    ] = False,
    token: Annotated[
        str | None,
        typer.Option("--token", envvar="LAGEBILD_TOKEN", help="Token for write requests (Authorization: Bearer)."),
    ] = None,
    time_limit: Annotated[
        float, typer.Option("--time-limit", min=0, help="Seconds a posted article may take (0: no limit).")
    ] = DEFAULT_SETTINGS.article_seconds or 0,
) -> None:
    """Serve the page and the JSON API (/api, documented at /docs) over the store."""
    import uvicorn

    from lagebild.web import create_app

    if allow_ingest and not token:
        report_failure("--allow-ingest needs a token: --token TOKEN or the environment variable LAGEBILD_TOKEN")
        raise typer.Exit(USAGE_EXIT)
    try:
        settings = Settings(article_seconds=time_limit or None)
        app = create_app(db, allow_ingest=allow_ingest, token=token, lake=lake, settings=settings)
    except StoreError as error:
        report_failure(str(error))
        raise typer.Exit(STORE_FAILURE_EXIT) from error
    if reason := port_taken(host, port):
        report_failure(f"cannot serve on {host}:{port}: {reason}")
        raise typer.Exit(USAGE_EXIT)
    mode = "ingest allowed (token required)" if allow_ingest else "read-only"
    stderr.print(f"serving {lake or db} ({mode}) on http://{host}:{port}/")
    uvicorn.run(app, host=host, port=port, log_level="warning")

"""The web app: the JSON API under /api, its OpenAPI schema (/openapi.json, read at /docs) and
the page (/), every script, style and map geometry served from the package (no CDN)."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from lagebild.lake.access import LakeAccess
from lagebild.pipeline import Pipeline, default_pipeline
from lagebild.settings import DEFAULT_SETTINGS, Settings
from lagebild.store.api_queries import prepare_place_lookups
from lagebild.store.database import package_version
from lagebild.web import ingest, routes
from lagebild.web.access import StoreAccess
from lagebild.web.errors import MAX_BODY_BYTES, BodySizeLimit, install_error_handlers
from lagebild.web.ingest import WebIngest

# The page loads only what the package serves; article text never becomes markup.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def static_dir() -> Path:
    return Path(str(resources.files("lagebild").joinpath("web/static")))


def create_app(
    db_path: Path | str,
    allow_ingest: bool = False,
    token: str | None = None,
    make_pipeline: Callable[[], Pipeline] = default_pipeline,
    max_body_bytes: int = MAX_BODY_BYTES,
    lake: Path | str | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> FastAPI:
    """The app over the store at `db_path` (checked now: a StoreError says what is wrong).

    Read-only unless `allow_ingest`, which needs a non-empty `token` for POST /api/articles;
    posted articles are extracted by `settings.web_workers` processes under `settings.article_seconds`."""
    if allow_ingest and not token:
        raise ValueError("ingest needs a token (--token or LAGEBILD_TOKEN)")
    if lake is not None and allow_ingest:
        raise ValueError("a lake is read-only here: fill it with 'lagebild ingest --engine dask'")
    store = LakeAccess(Path(lake)) if lake is not None else StoreAccess(Path(db_path), writable=allow_ingest)
    store.open()
    ingest_service = WebIngest(store, make_pipeline, token if allow_ingest else None, settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        store.open()  # again after a shutdown (a test client starts and stops the app per request)
        threading.Thread(target=prepare_place_lookups, daemon=True).start()  # the map's first request
        yield
        ingest_service.close()
        store.close()

    app = FastAPI(
        title="lagebild",
        version=package_version(),
        description="Political events extracted from German news articles: query, inspect, ingest.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.store = store
    app.state.ingest = ingest_service
    install_error_handlers(app)
    app.include_router(routes.router)
    app.include_router(ingest.router)
    add_page(app)
    app.add_middleware(BodySizeLimit, max_bytes=max_body_bytes)
    return app


def add_page(app: FastAPI) -> None:
    """/ and /docs are pages of the package; /static holds their scripts, styles and geometry."""
    folder = static_dir()
    app.mount("/static", StaticFiles(directory=folder), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(folder / "index.html", media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(folder / "docs.html", media_type="text/html")

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable) -> Response:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

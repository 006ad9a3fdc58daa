"""POST /api/articles: an article in (plain text, HTML, or the spec's JSON record), its events
out. Only when the app was started with ingest allowed, and only with the token.

The body is parsed by the same readers as `lagebild ingest` files and goes through the same
steps (lagebild.service: plan, extract, store), so an article posted here is stored exactly as
one ingested from disk (one transaction, skipped when already stored). Extraction runs in a
worker process under the per-article time limit and outside the write lock: a slow article
holds one worker, not the store."""

from __future__ import annotations

import hmac
import json
import threading
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any

import duckdb
from fastapi import APIRouter, Header, HTTPException, Query, Request
from fastapi.responses import JSONResponse

from lagebild.document import Article
from lagebild.errors import LagebildError
from lagebild.ingest import IngestOptions, apply_overrides, article_from_html, article_from_record, decode
from lagebild.parallel import Extractor
from lagebild.pipeline import Pipeline
from lagebild.service import Status, plan_one, store_extraction
from lagebild.settings import Settings
from lagebild.store import recompute_clusters, text_hash
from lagebild.store.api_queries import select_article
from lagebild.store.writer import Action
from lagebild.web.access import StoreAccess
from lagebild.web.errors import error_response
from lagebild.web.models import ErrorBody, IngestResult

BODY_TYPES = ("text/plain", "text/html", "application/json")
POSTED_NAME = "request body"
STRING_FIELDS = ("id", "published", "outlet", "url", "title", "lang")

router = APIRouter(prefix="/api", tags=["ingest"])

REQUEST_BODY = {
    "required": True,
    "content": {
        "text/plain": {"schema": {"type": "string"}},
        "text/html": {"schema": {"type": "string"}},
        "application/json": {
            "schema": {
                "type": "object",
                "required": ["text"],
                "properties": {
                    "id": {"type": "string"},
                    "text": {"type": "string"},
                    "published": {"type": "string", "format": "date"},
                    "outlet": {"type": "string"},
                    "url": {"type": "string"},
                    "title": {"type": "string"},
                },
            }
        },
    },
}
ERRORS = {
    status: {"model": ErrorBody, "description": description}
    for status, description in (
        (401, "missing or wrong token"),
        (403, "the server was started without --allow-ingest"),
        (413, "body over the size limit"),
        (415, "body neither text/plain, text/html nor application/json"),
        (422, "body is not an article"),
    )
}


class WebIngest:
    """The pipeline and its worker processes (started on first use: loading takes seconds) and
    the store they write to."""

    def __init__(
        self, store: StoreAccess, make_pipeline: Callable[[], Pipeline], token: str | None, settings: Settings
    ) -> None:
        self.store = store
        self.make_pipeline = make_pipeline
        self.token = token
        self.settings = settings
        self.started = threading.Lock()
        self.pipeline: Pipeline | None = None
        self.extractor: Extractor | None = None

    def authorize(self, authorization: str | None) -> None:
        if self.token is None or not self.store.writable:
            raise HTTPException(403, "ingest is disabled (start the server with --allow-ingest)")
        scheme, _, given = (authorization or "").partition(" ")
        # a header arrives as bytes that Starlette decodes as Latin-1: compare those bytes with the token's UTF-8
        given_bytes = given.strip().encode("latin-1", errors="replace")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given_bytes, self.token.encode()):
            raise HTTPException(401, "missing or wrong token", headers={"WWW-Authenticate": "Bearer"})

    def start(self) -> tuple[Pipeline, Extractor]:
        with self.started:
            if self.pipeline is None or self.extractor is None:
                self.pipeline = self.make_pipeline()
                self.extractor = Extractor(self.pipeline, self.settings.web_workers, self.settings.article_seconds)
            return self.pipeline, self.extractor

    def close(self) -> None:
        with self.started:
            if self.extractor is not None:
                self.extractor.close()

    def ingest(self, article: Article) -> tuple[str, dict[str, Any]]:
        """Store the article unless stored already; ('stored' | 'already stored', its stored view).

        The write lock is taken to plan and to store, not while the pipeline runs."""
        pipeline, extractor = self.start()
        if stored := self.stored_view(article, pipeline.version):
            return "already stored", stored
        extraction = extractor.extract_one(article)
        if extraction.error is not None:
            raise extraction.error
        with self.store.writing() as connection:
            plan = plan_one(connection, article, pipeline.version)
            if plan.action is Action.SKIP:  # stored meanwhile by another request
                return "already stored", view_of(connection, article_id_of(connection, article))
            result = store_extraction(connection, extraction, plan.action, plan.replaces, pipeline.version)
            if result.status is Status.FAILED and result.error is not None:
                raise result.error
            recompute_clusters(connection)
            return "stored", view_of(connection, extraction.article_id)

    def stored_view(self, article: Article, version: str) -> dict[str, Any] | None:
        with self.store.writing() as connection:
            if plan_one(connection, article, version).action is Action.SKIP:
                return view_of(connection, article_id_of(connection, article))
        return None


def article_id_of(connection: duckdb.DuckDBPyConnection, article: Article) -> str:
    """The stored article of the same id, else of the same text."""
    rows = connection.execute(
        "SELECT id FROM articles WHERE id = ? OR text_hash = ? ORDER BY id = ? DESC LIMIT 1",
        [article.id, text_hash(article.text), article.id],
    ).fetchall()
    return rows[0][0] if rows else article.id


def view_of(connection: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any]:
    article = select_article(connection, article_id)
    if article is None:  # stored in this very transaction, so it is there
        raise RuntimeError(f"article {article_id!r} not found after storing it")
    return article


def media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


def parse_article(body: bytes, kind: str, article_id: str | None, options: IngestOptions) -> Article:
    """The posted body as an Article, or a LagebildError saying why it is not one."""
    text = decode(body, POSTED_NAME) if body.strip() else ""
    if kind == "application/json":
        record = parse_json_record(text)
        if article_id:
            record = {**record, "id": article_id}
        article = article_from_record(record, fallback_id(record["text"]), POSTED_NAME)
    elif kind == "text/html":
        article = article_from_html(text, article_id or fallback_id(text), POSTED_NAME) if text.strip() else None
    else:
        article = Article(id=article_id or fallback_id(text), text=text) if text.strip() else None
    if article is None:
        raise HTTPException(422, "the body holds no article text")
    return apply_overrides(article, options)


def parse_json_record(text: str) -> dict[str, Any]:
    """One article in the spec's shape; its metadata fields must be strings (or null)."""
    try:
        record = json.loads(text) if text else None
    except json.JSONDecodeError as error:
        raise HTTPException(422, f"malformed JSON: {error.msg} at line {error.lineno}") from error
    if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not record["text"].strip():
        raise HTTPException(422, "the JSON body must be one object with a non-empty string 'text'")
    wrong = [key for key in STRING_FIELDS if not isinstance(record.get(key), str | None)]
    if wrong:
        raise HTTPException(422, f"fields must be strings: {', '.join(wrong)}")
    return record


def fallback_id(text: str) -> str:
    return f"api-{text_hash(text)[:16]}"


@router.post(
    "/articles",
    response_model=IngestResult,
    status_code=201,
    responses={200: {"model": IngestResult, "description": "already stored"}, **ERRORS},
    openapi_extra={"requestBody": REQUEST_BODY},
)
async def post_article(
    request: Request,
    authorization: Annotated[str | None, Header(description="Bearer TOKEN")] = None,
    article_id: Annotated[str | None, Query(alias="id", max_length=200, pattern=r"^[^\x00]+$")] = None,
    published: Annotated[date | None, Query(description="article date (overrides the body's)")] = None,
    outlet: Annotated[str | None, Query(max_length=200, pattern=r"^[^\x00]*$")] = None,
) -> Any:
    """Ingest one article (text/plain, text/html or the spec's JSON record) and return its events.

    Requires the server to run with --allow-ingest and `Authorization: Bearer TOKEN`."""
    service: WebIngest = request.app.state.ingest
    service.authorize(authorization)
    kind = media_type(request)
    if kind not in BODY_TYPES:
        raise HTTPException(415, f"unsupported content type {kind or '(none)'!r} (one of: {', '.join(BODY_TYPES)})")
    body = await request.body()
    try:
        article = parse_article(body, kind, article_id, IngestOptions(published=published, outlet=outlet or None))
        status, view = await run_blocking(service.ingest, article)
    except LagebildError as error:
        return error_response(422, f"{error.code.name} {error.reason}")
    except duckdb.Error as error:
        return error_response(422, f"the article cannot be stored: {str(error).splitlines()[0]}")
    result = {"article_id": view["id"], "status": status, "lang": view["lang"], "events": view["events"]}
    return JSONResponse(
        IngestResult.model_validate(result).model_dump(mode="json"), status_code=201 if status == "stored" else 200
    )


async def run_blocking(function: Callable[..., Any], *args: Any) -> Any:
    """Run the pipeline and the write off the event loop, so reads go on meanwhile."""
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(function, *args)

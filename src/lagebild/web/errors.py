"""Errors as JSON: `{"error": {"status", "message", "details"}}` for every 4xx and 5xx, and a
request body limit that answers 413 before the body reaches a route."""

from __future__ import annotations

import json
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from lagebild.store import StoreError

MAX_BODY_BYTES = 2 * 1024 * 1024  # a news article is kilobytes; more is not an article
STORE_UNAVAILABLE = 503

log = logging.getLogger(__name__)


def error_body(status: int, message: str, details: list[Any] | None = None) -> dict[str, Any]:
    return {"error": {"status": status, "message": message, "details": details or []}}


def error_response(status: int, message: str, details: list[Any] | None = None, **kwargs: Any) -> JSONResponse:
    return JSONResponse(error_body(status, message, details), status_code=status, **kwargs)


def validation_details(error: RequestValidationError) -> list[dict[str, Any]]:
    """Where and what, without echoing the input (it may be large or binary)."""
    return [
        {"location": [str(part) for part in item.get("loc", ())], "problem": item.get("msg", "")}
        for item in error.errors()
    ]


async def on_validation_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    return error_response(422, "invalid request parameters", validation_details(error))


async def on_http_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, StarletteHTTPException)
    return error_response(error.status_code, str(error.detail), headers=getattr(error, "headers", None))


async def on_store_error(request: Request, error: Exception) -> JSONResponse:
    log.error("store unavailable: %s", error)
    return error_response(STORE_UNAVAILABLE, str(error))


async def on_unexpected_error(request: Request, error: Exception) -> JSONResponse:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return error_response(500, "internal error")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(StoreError, on_store_error)
    app.add_exception_handler(Exception, on_unexpected_error)


class BodySizeLimit:
    """ASGI middleware: a request body over `max_bytes` (declared or streamed) gets 413.

    The body is read here, up to the limit, and handed on to the app as one message."""

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = declared_length(scope)
        if declared is not None and declared > self.max_bytes:
            await self.refuse(send)
            return
        body = bytearray()
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > self.max_bytes:
                await self.refuse(send)
                return
        await self.app(scope, replay(bytes(body), receive), send)

    async def refuse(self, send: Send) -> None:
        content = json.dumps(error_body(413, f"request body larger than {self.max_bytes} bytes")).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(content)).encode())],
            }
        )
        await send({"type": "http.response.body", "body": content})


def declared_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def replay(body: bytes, receive: Receive) -> Receive:
    """A `receive` that yields the buffered body once, then defers to the real one."""
    sent = False

    async def receive_again() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return receive_again

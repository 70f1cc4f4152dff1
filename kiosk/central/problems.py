"""The one error shape of the central API: ``{"error": "<code>", "detail": "<English>", ...}``.

Handlers raise ``ApiError``; FastAPI's and Starlette's own errors (validation, unknown route, wrong method)
are rewritten into the same shape so that a terminal never meets a second format.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger(__name__)

RETRY_AFTER_UNAVAILABLE_S = 5


class ApiError(Exception):
    def __init__(self, status: int, error: str, detail: str, headers: dict[str, str] | None = None,
                 **extra: Any) -> None:
        super().__init__(f"{status} {error}: {detail}")
        self.status = status
        self.error = error
        self.detail = detail
        self.headers = headers
        self.extra = extra

    def response(self) -> JSONResponse:
        return AsciiJsonResponse({"error": self.error, "detail": self.detail, **self.extra},
                                 status_code=self.status, headers=self.headers)


class AsciiJsonResponse(JSONResponse):
    """Errors may echo what the client sent (the keys of rejected records); escaped as ASCII, even text that
    is not valid Unicode (a lone surrogate) renders, where UTF-8 encoding would fail with a 500."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=True, allow_nan=False, separators=(",", ":")).encode("ascii")


def invalid_request(detail: str) -> ApiError:
    return ApiError(422, "invalid_request", detail)


def malformed(detail: str) -> ApiError:
    return ApiError(400, "malformed", detail)


def _is_malformed(error: Any) -> bool:
    """The body as a whole is missing, is not JSON or is not an object (rather than a field breaking a rule)."""
    return error.get("type") == "json_invalid" or tuple(error.get("loc", ())) == ("body",)


def _validation_response(exc: RequestValidationError) -> JSONResponse:
    errors = list(exc.errors())
    if any(_is_malformed(e) for e in errors):
        return malformed("the body is not a JSON object").response()
    parts = []
    for error in errors[:5]:
        location = ".".join(str(p) for p in error.get("loc", ()) if p != "body") or "body"
        parts.append(f"{location}: {error.get('msg', 'invalid')}")
    return invalid_request("; ".join(parts)).response()


def install(app: FastAPI) -> None:
    async def on_api_error(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ApiError)
        return exc.response()

    async def on_validation(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        return _validation_response(exc)

    async def on_http(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        # 400 here is FastAPI failing to read a body at all.
        codes = {400: "malformed", 404: "not_found", 405: "method_not_allowed"}
        return ApiError(exc.status_code, codes.get(exc.status_code, "http_error"), str(exc.detail),
                        headers=dict(exc.headers) if exc.headers else None).response()

    async def on_database_down(_request: Request, exc: Exception) -> JSONResponse:
        log.warning("database unavailable: %s", exc.__class__.__name__)
        return ApiError(503, "unavailable", "the database is not reachable",
                        headers={"Retry-After": str(RETRY_AFTER_UNAVAILABLE_S)}).response()

    async def on_internal(_request: Request, exc: Exception) -> JSONResponse:
        # Starlette re-raises it after this answer, so the server's log has the traceback.
        return ApiError(500, "internal", "the service failed; see its log").response()

    app.add_exception_handler(ApiError, on_api_error)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(OperationalError, on_database_down)
    app.add_exception_handler(Exception, on_internal)

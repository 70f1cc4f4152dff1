"""``create_app(settings)``: the central service as an ASGI application.

Building the application does no I/O (``kiosk central openapi`` builds one just to print its document);
the lifespan opens the database, migrates it, loads the training PKI and registers the configured
terminals before the first request is served.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.routing import APIRoute
from starlette.concurrency import run_in_threadpool

from kiosk import __version__
from kiosk.central import problems
from kiosk.central.limits import BodySizeLimit
from kiosk.central.routes import (
    authorisations,
    certificates,
    enrolment,
    health,
    pin_reset,
    reports,
    staff_calls,
    transactions,
)
from kiosk.central.service import open_service
from kiosk.central.settings import CentralSettings

DESCRIPTION = (
    "The contract between an e-certificate terminal and the municipality's central system "
    "(docs/central-api.md). Over HTTPS every route but /v1/health and /v1/enrolment* needs the terminal's "
    "client certificate (mutual TLS); over plain HTTP (loopback: demo and training) "
    "'Authorization: Bearer <terminal token>'. "
    'Errors have one shape: {"error": "<code>", "detail": "..."} plus the fields named per code.'
)


def _operation_id(route: APIRoute) -> str:
    # The handler's name ("receive_transactions"): stable and readable for generated clients.
    return route.name


def create_app(settings: CentralSettings) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        service = await run_in_threadpool(open_service, settings)
        app.state.service = service
        try:
            yield
        finally:
            service.engine.dispose()

    app = FastAPI(title="E-certificate terminal central API", version=__version__, description=DESCRIPTION,
                  lifespan=lifespan, docs_url=None, redoc_url=None,
                  generate_unique_id_function=_operation_id)
    problems.install(app)
    for module in (health, transactions, pin_reset, authorisations, certificates, enrolment, reports,
                   staff_calls):
        app.include_router(module.router)
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    return app

"""``POST /v1/transactions``, ``GET /v1/sites/{site}/counts`` and ``GET /v1/audit-head``."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from starlette.concurrency import run_in_threadpool

from kiosk.central import intake
from kiosk.central.dependencies import CallerDep, ServiceDep, error_responses
from kiosk.central.jsonbody import StrictJsonRoute
from kiosk.central.models import AuditAnchor
from kiosk.central.problems import ApiError
from kiosk.central.reconciliation import day_report
from kiosk.central.schemas import BATCH_REQUEST_BODY, AuditHeadOut, BatchOut, CountsOut

router = APIRouter(tags=["transactions"], route_class=StrictJsonRoute)


@router.post("/v1/transactions", response_model=BatchOut, responses=error_responses(400, 401, 403, 413, 422, 503),
             openapi_extra={"requestBody": BATCH_REQUEST_BODY})
async def receive_transactions(request: Request, caller: CallerDep, service: ServiceDep) -> dict[str, Any]:
    """Store a batch of 1 to 500 records in one database transaction, idempotently by key."""
    if not _declares_json(request.headers.get("content-type")):
        # As the other routes answer a body not declared JSON (FastAPI does not read it: the body is missing).
        raise ApiError(400, "malformed", "the body must be sent as application/json")
    body = await request.body()
    batch = await run_in_threadpool(intake.check_batch, body, caller, service.settings.max_batch, service.now())
    received = await run_in_threadpool(intake.store_batch, service.sessions, batch, caller, service.now())
    return {"results": [{"key": r.key, "status": r.status} for r in received]}


def _declares_json(content_type: str | None) -> bool:
    media_type = (content_type or "").split(";", 1)[0].strip().lower()
    return media_type == "application/json" or (media_type.startswith("application/") and media_type.endswith("+json"))


@router.get("/v1/sites/{site}/counts", response_model=CountsOut, responses=error_responses(401, 403, 422, 503))
def site_counts(site: str, day: Annotated[date, Query(alias="date")], caller: CallerDep,
                service: ServiceDep) -> dict[str, Any]:
    """A site's day for reconciliation (Japan-time date)."""
    if site != caller.site:
        raise ApiError(403, "wrong_site", f"this terminal may read site {caller.site} only")
    with service.sessions() as session:
        return day_report(session, site, day)


@router.get("/v1/audit-head", response_model=AuditHeadOut, responses=error_responses(401, 404, 503))
def audit_head(caller: CallerDep, service: ServiceDep) -> dict[str, Any]:
    """The audit head the calling terminal sent with its last stored batch: its anchor outside the terminal."""
    with service.sessions() as session:
        anchor = session.get(AuditAnchor, caller.terminal_id)
        if anchor is None:
            raise ApiError(404, "not_found", "this terminal has sent no audit head yet")
        return {"terminal_id": anchor.terminal_id, "entry": anchor.entry, "hash": anchor.hash,
                "received_at": anchor.received_at}

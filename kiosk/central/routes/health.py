"""``GET /v1/health``: the only route that needs no token."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from sqlalchemy import text

from kiosk import __version__
from kiosk.central.dependencies import ServiceDep, error_responses
from kiosk.central.jsonbody import StrictJsonRoute
from kiosk.central.schemas import HealthOut

router = APIRouter(tags=["health"], route_class=StrictJsonRoute)


@router.get("/v1/health", response_model=HealthOut, responses=error_responses(503))
def health(service: ServiceDep) -> dict[str, Any]:
    with service.sessions() as session:
        session.execute(text("SELECT 1"))
    return {"status": "ok", "version": __version__, "time": service.now()}

"""``POST /v1/certificates``: renewal and new issuance at a counter."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from kiosk.central.dependencies import CallerDep, ServiceDep, error_responses
from kiosk.central.encoding import b64encode
from kiosk.central.issuing import issue
from kiosk.central.jsonbody import StrictJsonRoute
from kiosk.central.schemas import CertificateIn, CertificateOut

router = APIRouter(tags=["certificates"], route_class=StrictJsonRoute)


@router.post("/v1/certificates", status_code=201, response_model=CertificateOut,
             responses=error_responses(400, 401, 403, 422, 503))
def issue_certificate(body: CertificateIn, caller: CallerDep, service: ServiceDep) -> dict[str, Any]:
    """Issue a certificate for the card's new public key with the newest root of its purpose."""
    with service.sessions.begin() as session:
        issued = issue(session, service.pki, caller, body, service.now())
    return {"certificate": b64encode(issued.der), "serial_hex": issued.serial_hex, "not_after": issued.not_after}

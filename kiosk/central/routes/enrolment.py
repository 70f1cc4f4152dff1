"""Terminal identity: the CA a terminal pins, enrolment with a one-time code, renewal over mutual TLS."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from kiosk.central import enrolment, terminal_ca
from kiosk.central.dependencies import CertifiedDep, ServiceDep, error_responses
from kiosk.central.enrolment_schemas import EnrolmentIn, RenewalIn, TerminalCaOut, TerminalCertificateOut
from kiosk.central.jsonbody import StrictJsonRoute

router = APIRouter(tags=["terminals"], route_class=StrictJsonRoute)


def _answer(issued: enrolment.Issued, service: ServiceDep, *, with_identifier_key: bool = False
            ) -> dict[str, Any]:
    key = terminal_ca.identifier_key(service.terminal_ca.directory) if with_identifier_key else None
    return {"identifier_key": key, "certificate_pem": issued.certificate_pem,
            "ca_certificate_pem": service.terminal_ca.certificate_pem(),
            "terminal_id": issued.terminal.terminal_id, "site": issued.terminal.site,
            "mode": str(issued.terminal.mode), "not_after": issued.not_after}


@router.get("/v1/enrolment/ca", response_model=TerminalCaOut, responses=error_responses(503))
def terminal_ca_certificate(service: ServiceDep) -> dict[str, Any]:
    """The terminal CA. A terminal trusts it only if its fingerprint is the one the technician was given."""
    return {"certificate_pem": service.terminal_ca.certificate_pem(), "sha256": service.terminal_ca.fingerprint}


@router.post("/v1/enrolment", status_code=201, response_model=TerminalCertificateOut,
             responses=error_responses(400, 403, 409, 410, 422, 503))
def enrol(body: EnrolmentIn, service: ServiceDep) -> dict[str, Any]:
    """Exchange a one-time enrolment code and a certificate request for the terminal's client certificate."""
    with service.sessions.begin() as session:
        issued = enrolment.enrol(session, service.terminal_ca, body.code, body.csr_pem, service.now())
    return _answer(issued, service, with_identifier_key=True)


@router.post("/v1/terminal/certificate", status_code=201, response_model=TerminalCertificateOut,
             responses=error_responses(400, 401, 422, 503))
def renew_certificate(body: RenewalIn, caller: CertifiedDep, service: ServiceDep) -> dict[str, Any]:
    """A new client certificate for the calling terminal (authenticated by its current one)."""
    with service.sessions.begin() as session:
        issued = enrolment.renew(session, service.terminal_ca, caller, body.csr_pem, service.now())
    return _answer(issued, service)

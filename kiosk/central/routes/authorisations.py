"""``POST /v1/authorisations``: one-time issuer-channel authorisations for a card."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from kiosk.central.authorising import authorise
from kiosk.central.dependencies import CallerDep, ServiceDep, error_responses
from kiosk.central.encoding import b64encode
from kiosk.central.jsonbody import StrictJsonRoute
from kiosk.central.schemas import AuthorisationIn, AuthorisationOut

router = APIRouter(tags=["issuer channel"], route_class=StrictJsonRoute)


@router.post("/v1/authorisations", status_code=201, response_model=AuthorisationOut,
             responses=error_responses(400, 401, 403, 404, 409, 410, 422, 503))
def create_authorisation(body: AuthorisationIn, caller: CallerDep, service: ServiceDep) -> dict[str, Any]:
    """Sign an authorisation bound to the card, its fresh challenge, the operation and its target."""
    with service.sessions.begin() as session:
        issued = authorise(session, service.pki, caller, body, service.now())
    return {"authorisation": b64encode(issued.encoded), "authorisation_id_hex": issued.authorisation_id_hex}

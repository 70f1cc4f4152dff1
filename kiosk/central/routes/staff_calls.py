"""``/v1/staff-calls``: a resident at a kiosk asks for help; the counters of the site show and answer it."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response

from kiosk.central import staff_calls
from kiosk.central.dependencies import CallerDep, ServiceDep, error_responses
from kiosk.central.jsonbody import StrictJsonRoute
from kiosk.central.models import StaffCall
from kiosk.central.schemas import StaffCallAnswerIn, StaffCallIn, StaffCallOut, StaffCallsOut

router = APIRouter(tags=["staff calls"], route_class=StrictJsonRoute)


def _out(found: StaffCall) -> dict[str, Any]:
    return {"call_id": found.call_id, "terminal_id": found.terminal_id, "screen": found.screen,
            "language": found.language, "received_at": found.received_at, "answered_at": found.answered_at,
            "answered_by": found.answered_by, "answered_staff": found.answered_staff}


@router.post("/v1/staff-calls", status_code=201, response_model=StaffCallOut,
             responses={200: {"model": StaffCallOut, "description": "this kiosk sent this call before"},
                        **error_responses(400, 401, 403, 409, 422, 503)})
def call_staff(body: StaffCallIn, caller: CallerDep, service: ServiceDep, response: Response) -> dict[str, Any]:
    """A kiosk calls staff; sending the same ``call_id`` again answers 200 with the call as it stands."""
    with service.sessions.begin() as session:
        found, made = staff_calls.call(session, caller, body.call_id, body.screen, body.language, service.now())
        if not made:
            response.status_code = 200
        return _out(found)


@router.get("/v1/staff-calls", response_model=StaffCallsOut, responses=error_responses(401, 403, 503))
def open_staff_calls(caller: CallerDep, service: ServiceDep) -> dict[str, Any]:
    """For a counter: the site's calls nobody has answered yet."""
    with service.sessions() as session:
        calls = staff_calls.open_calls(session, caller, service.now(), service.settings.staff_call_ttl)
        return {"calls": [_out(found) for found in calls]}


@router.get("/v1/staff-calls/{call_id}", response_model=StaffCallOut,
            responses=error_responses(401, 404, 422, 503))
def staff_call(call_id: str, caller: CallerDep, service: ServiceDep) -> dict[str, Any]:
    """For the kiosk that called (has someone answered?) or a counter of its site."""
    with service.sessions() as session:
        return _out(staff_calls.find(session, caller, call_id))


@router.post("/v1/staff-calls/{call_id}/answer", response_model=StaffCallOut,
             responses=error_responses(400, 401, 403, 404, 422, 503))
def answer_staff_call(call_id: str, body: StaffCallAnswerIn, caller: CallerDep,
                      service: ServiceDep) -> dict[str, Any]:
    """A counter says someone is going; the first answer stands (the call as it stands is the answer)."""
    with service.sessions.begin() as session:
        return _out(staff_calls.answer(session, caller, call_id, body.staff_id, service.now()))

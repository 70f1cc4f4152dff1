"""Request dependencies: the running service, and the terminal behind the client certificate (HTTPS) or
the bearer token (plain HTTP on loopback: demo and training)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from kiosk.central.problems import ApiError
from kiosk.central.service import Service
from kiosk.central.terminals import CallingTerminal, identify

_bearer = HTTPBearer(auto_error=False, description="the terminal's API token")


def get_service(request: Request) -> Service:
    service: Service = request.app.state.service
    return service


ServiceDep = Annotated[Service, Depends(get_service)]


def _unauthenticated(detail: str) -> ApiError:
    return ApiError(401, "unauthenticated", detail, headers={"WWW-Authenticate": "Bearer"})


def calling_terminal(
    request: Request,
    service: ServiceDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> CallingTerminal:
    if request.url.scheme == "https":
        return certified_terminal(request, service)
    if credentials is None:
        raise _unauthenticated("send the terminal's token as 'Authorization: Bearer <token>'")
    with service.sessions() as session:
        terminal = identify(session, credentials.credentials)
    if terminal is None:
        raise _unauthenticated("unknown token")
    return terminal


CallerDep = Annotated[CallingTerminal, Depends(calling_terminal)]


def certified_terminal(request: Request, service: ServiceDep) -> CallingTerminal:
    """The terminal behind the TLS client certificate; over HTTPS a bearer token is not enough."""
    from kiosk.central.enrolment import identify_certificate
    from kiosk.central.tls import PEER_CERTIFICATE

    der = getattr(request.state, PEER_CERTIFICATE, None)
    if not der:
        raise ApiError(401, "client_certificate_required",
                       "this service identifies terminals by their client certificate: enrol the terminal")
    with service.sessions() as session:
        return identify_certificate(session, der, service.now())


CertifiedDep = Annotated[CallingTerminal, Depends(certified_terminal)]


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for the error answers a route can give, all in the one error shape."""
    descriptions = {
        400: "malformed request", 401: "missing or unknown token", 403: "not allowed for this terminal",
        404: "not found", 409: "already used", 410: "expired", 413: "too large", 422: "breaks a rule",
        503: "database unavailable (with Retry-After)",
    }
    from kiosk.central.schemas import ErrorOut

    return {status: {"model": ErrorOut, "description": descriptions[status]} for status in statuses}

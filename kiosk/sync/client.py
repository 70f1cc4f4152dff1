"""The central API client (docs/central-api.md), over httpx.

Every way a call can fail comes out as one of the typed ``SyncError`` subclasses:

- no connection, a dropped connection, a timeout, a 5xx      -> ``ServerUnavailable`` (503's Retry-After kept)
- 429                                                        -> ``RateLimited`` with Retry-After
- 401, 403, or a TLS failure (certificate, handshake)        -> ``AuthenticationFailed``: a technician must act
- the terminal's own client certificate missing or expired   -> ``AuthenticationFailed`` before any traffic
- a body that is not the API's (garbage, wrong shape)        -> ``ProtocolError``
- any other refusal (400, 413, 4xx)                          -> ``RequestRejected`` with the error code

A batch that the service refuses record by record (``422 invalid_transactions``) is not an error: it is
one of the two answers of ``post_transactions``.
"""

from __future__ import annotations

import asyncio
import base64
import json
import ssl
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from functools import cache
from pathlib import Path
from types import TracebackType
from typing import Any

import httpx

from kiosk import __version__
from kiosk.config import Settings
from kiosk.errors import (
    AuthenticationFailed,
    ConfigError,
    ProtocolError,
    RateLimited,
    RequestRejected,
    ServerUnavailable,
)

CONNECT_TIMEOUT_CAP_S = 5.0
# The read timeout bounds each wait for bytes; this bounds a whole call, so a server trickling its answer
# byte by byte cannot hold the sender for ever.
TOTAL_TIMEOUT_FACTOR = 3.0
DELIVERED_STATUSES = ("accepted", "duplicate")


class BatchTooLarge(RequestRejected):
    """413: the batch (or its body) is over the service's limit; the sender sends smaller batches."""

    def __init__(self, message: str, limit: int | None) -> None:
        super().__init__(message, "batch_too_large", 413)
        self.limit = limit


class ServerFailed(ServerUnavailable):
    """The service answered with a 5xx: it is there but failing (as opposed to unreachable)."""

    def __init__(self, message: str, status: int, retry_after: float | None) -> None:
        super().__init__(message, retry_after)
        self.status = status


@dataclass(frozen=True)
class Rejection:
    index: int
    key: str
    reason: str


@dataclass(frozen=True)
class BatchResult:
    """The service's answer to a batch: every record acknowledged, or some refused (nothing stored)."""

    statuses: dict[str, str]  # key -> "accepted" | "duplicate"
    rejected: tuple[Rejection, ...] = ()


@dataclass(frozen=True)
class CentralTransaction:
    key: str
    terminal_id: str
    sequence: int
    kind: str
    outcome: str


@dataclass(frozen=True)
class CentralDay:
    """``GET /v1/sites/{site}/counts``: what the central service holds for one site and Japan-time day."""

    site: str
    day: date
    counts: tuple[tuple[str, str, int], ...]  # (kind, outcome, count) for the whole site
    transactions: tuple[CentralTransaction, ...]
    sequence_gaps: dict[str, tuple[int, ...]]  # terminal id -> sequence numbers not received


@dataclass(frozen=True)
class Challenge:
    challenge_id: str
    nonce: bytes


@dataclass(frozen=True)
class Proof:
    proof_id: str
    purpose: str  # "auth" or "sign": the key that signed
    certificate_serial_hex: str


@dataclass(frozen=True)
class StaffGrounds:
    """Staff verified the holder's identity: who, and which documents they saw."""

    staff_id: str
    identity_checks: tuple[str, ...]

    def to_wire(self) -> dict[str, Any]:
        return {"staff": {"staff_id": self.staff_id, "identity_checks": list(self.identity_checks)}}


@dataclass(frozen=True)
class ProofGrounds:
    """The holder proved possession of the card with its other key (``Proof``)."""

    proof_id: str

    def to_wire(self) -> dict[str, Any]:
        return {"proof_id": self.proof_id}


@dataclass(frozen=True)
class AuthorisationRequest:
    operation: str  # "reset_pin", "generate_key_pair", "write_certificate"
    card_id: bytes
    card_challenge: bytes
    aid: bytes
    target: int
    grounds: StaffGrounds | ProofGrounds
    certificate_der: bytes | None = None  # write_certificate only


@dataclass(frozen=True)
class Holder:
    """The signing certificate's personal data, from the card-info applet: sent, kept nowhere."""

    name: str
    address: str
    sex: str

    def __repr__(self) -> str:
        return "Holder(<personal data>)"

    def to_wire(self) -> dict[str, str]:
        return {"name": self.name, "address": self.address, "sex": self.sex}


@dataclass(frozen=True)
class CertificateRequest:
    purpose: str  # "auth" or "sign"
    public_key_der: bytes
    card_id: bytes
    birth_date: date
    card_expires_on: date
    card_generation: str
    previous_certificate_der: bytes | None
    holder: Holder | None
    staff: StaffGrounds

    def __repr__(self) -> str:  # birth date and holder are personal
        return f"CertificateRequest(purpose={self.purpose!r}, <personal data>)"


@dataclass(frozen=True)
class IssuedCertificate:
    der: bytes
    serial_hex: str


@dataclass(frozen=True)
class StaffCall:
    """A resident's call for staff at a kiosk of the site (docs/central-api.md, "Staff calls")."""

    call_id: str
    terminal_id: str
    screen: str
    language: str
    received_at: datetime
    answered_at: datetime | None
    answered_by: str | None
    answered_staff: str | None

    @classmethod
    def from_wire(cls, document: Any) -> StaffCall:
        try:
            answered_at = document["answered_at"]
            return cls(str(document["call_id"]), str(document["terminal_id"]), str(document["screen"]),
                       str(document["language"]), _moment(document["received_at"]),
                       _moment(answered_at) if answered_at is not None else None,
                       _optional_text(document["answered_by"]), _optional_text(document["answered_staff"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise ProtocolError(f"staff calls: unexpected answer ({exc})") from exc


def _moment(value: Any) -> datetime:
    if not isinstance(value, str):
        raise TypeError("not a date-time")
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError(f"a date-time without its offset: {value}")
    return moment


def _optional_text(value: Any) -> str | None:
    return None if value is None else str(value)


def _b64(value: Any) -> bytes:
    if not isinstance(value, str):
        raise TypeError("not base64 text")
    return base64.b64decode(value, validate=True)


def _b64text(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Retry-After as seconds: either delta-seconds or an HTTP date; None when absent or unreadable."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def _tls_failure(exc: BaseException) -> bool:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, ssl.SSLError):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


@cache
def _public_trust() -> ssl.SSLContext:
    """The public trust store (certifi), loaded once per process: it costs tens of milliseconds each time."""
    import certifi

    return ssl.create_default_context(cafile=certifi.where())


def _certificate_validity(client_cert: Path | None) -> tuple[datetime, datetime] | None:
    """(not before, not after) of the terminal's client certificate; None when none is configured.

    Checked before every call: with TLS 1.3 a service that refuses the certificate only drops the
    connection, which would look like an outage instead of a terminal a technician must re-enrol.
    """
    if client_cert is None or not client_cert.exists():
        return None
    from cryptography import x509

    try:
        certificate = x509.load_pem_x509_certificate(client_cert.read_bytes())
    except (OSError, ValueError) as exc:
        raise ConfigError(f"cannot read the client certificate {client_cert}: {exc}") from exc
    return certificate.not_valid_before_utc, certificate.not_valid_after_utc


def _ssl_context(ca_bundle: Path | None, client_cert: Path | None, client_key: Path | None) -> ssl.SSLContext:
    if client_cert is not None and not client_cert.exists():
        client_cert = None  # refused per call (AuthenticationFailed), so the sender pauses and alerts
    if ca_bundle is None and client_cert is None:
        return _public_trust()
    try:
        if ca_bundle is not None:
            context = ssl.create_default_context(cafile=str(ca_bundle))
        else:
            import certifi

            context = ssl.create_default_context(cafile=certifi.where())
        if client_cert is not None:
            context.load_cert_chain(str(client_cert), str(client_key) if client_key else None)
    except (OSError, ssl.SSLError) as exc:
        raise ConfigError(f"cannot load the TLS files (CA bundle {ca_bundle}, client certificate "
                          f"{client_cert}): {exc}") from exc
    return context


def _error_code(response: httpx.Response) -> tuple[str, dict[str, Any]]:
    try:
        body = response.json()
    except ValueError:
        return f"http_{response.status_code}", {}
    if isinstance(body, dict) and isinstance(body.get("error"), str):
        return body["error"], body
    return f"http_{response.status_code}", {}


class CentralClient:
    def __init__(self, base_url: str, *, token: str | None, timeout_s: float = 10.0,
                 ca_bundle: Path | None = None, client_cert: Path | None = None, client_key: Path | None = None,
                 transport: httpx.AsyncBaseTransport | None = None) -> None:
        if not base_url.startswith(("http://", "https://")):
            raise ConfigError(f"the central service URL must start with http:// or https://, not {base_url!r}")
        headers = {"User-Agent": f"kiosk/{__version__}", "Accept": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        self.base_url = base_url.rstrip("/")
        self.timeout_s = timeout_s
        self._client_cert = client_cert
        self._validity = _certificate_validity(client_cert)
        self._http = httpx.AsyncClient(
            base_url=self.base_url, headers=headers, transport=transport, follow_redirects=False,
            timeout=httpx.Timeout(timeout_s, connect=min(timeout_s, CONNECT_TIMEOUT_CAP_S)),
            verify=_ssl_context(ca_bundle, client_cert, client_key), trust_env=False)

    @classmethod
    def from_settings(cls, settings: Settings, *, transport: httpx.AsyncBaseTransport | None = None) -> CentralClient:
        return cls(settings.central_url, token=settings.api_token, timeout_s=settings.sync_timeout_s,
                   ca_bundle=settings.ca_bundle, client_cert=settings.client_cert, client_key=settings.client_key,
                   transport=transport)

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> CentralClient:
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        await self.aclose()

    # --- the calls -------------------------------------------------------------------------------------

    async def health(self) -> dict[str, Any]:
        response = await self._request("GET", "/v1/health")
        body = self._json(response)
        if not isinstance(body, dict) or body.get("status") != "ok":
            raise ProtocolError("health: unexpected answer")
        return body

    async def post_transactions(self, records: Sequence[tuple[str, str]], *,
                                audit_head: tuple[int, str] | None = None) -> BatchResult:
        """Send records given as (key, wire JSON text), in order; the text is sent byte for byte.

        ``audit_head``: the terminal's audit head (entry, hash), which the service keeps as its anchor."""
        if not records:
            return BatchResult({})
        anchor = (f',"audit_head":{{"entry":{int(audit_head[0])},"hash":{json.dumps(audit_head[1])}}}'
                  if audit_head is not None else "")
        body = ('{"transactions":[' + ",".join(text for _, text in records) + "]" + anchor + "}").encode("utf-8")
        response = await self._request("POST", "/v1/transactions", content=body,
                                       headers={"Content-Type": "application/json"}, refusal_ok=(422,))
        keys = [key for key, _ in records]
        document = self._json(response)
        if response.status_code == 422:
            return BatchResult({}, self._rejections(document, keys))
        results = document.get("results") if isinstance(document, dict) else None
        if not isinstance(results, list) or len(results) != len(keys):
            raise ProtocolError("transactions: the answer does not list one result per record")
        statuses: dict[str, str] = {}
        for expected, result in zip(keys, results, strict=True):
            if (not isinstance(result, dict) or result.get("key") != expected
                    or result.get("status") not in DELIVERED_STATUSES):
                raise ProtocolError(f"transactions: unexpected result {str(result)[:200]!r} for key {expected}")
            statuses[expected] = result["status"]
        return BatchResult(statuses)

    async def audit_head(self) -> tuple[int, str] | None:
        """The audit head the service keeps for this terminal (the last one sent with a stored batch)."""
        response = await self._request("GET", "/v1/audit-head", refusal_ok=(404,))
        document = self._json(response)
        if response.status_code == 404:
            return None
        entry = document.get("entry") if isinstance(document, dict) else None
        entry_hash = document.get("hash") if isinstance(document, dict) else None
        if not isinstance(entry, int) or isinstance(entry, bool) or not isinstance(entry_hash, str):
            raise ProtocolError("audit-head: the answer has no entry and hash")
        return entry, entry_hash

    async def counts(self, site: str, day: date) -> CentralDay:
        from urllib.parse import quote

        response = await self._request("GET", f"/v1/sites/{quote(site, safe='')}/counts",
                                       params={"date": day.isoformat()})
        document = self._json(response)
        try:
            counts = tuple((str(c["kind"]), str(c["outcome"]), int(c["count"])) for c in document["counts"])
            transactions = tuple(
                CentralTransaction(str(t["key"]), str(t["terminal_id"]), int(t["sequence"]), str(t["kind"]),
                                   str(t["outcome"]))
                for t in document["transactions"])
            gaps = {str(g["terminal_id"]): tuple(int(n) for n in g["missing"]) for g in document["sequence_gaps"]}
            return CentralDay(str(document["site"]), date.fromisoformat(document["date"]), counts, transactions,
                              gaps)
        except (KeyError, TypeError, ValueError) as exc:
            raise ProtocolError(f"counts: unexpected answer ({exc})") from exc

    # --- PIN reset by proof, issuer-channel authorisations, certificates (docs/central-api.md) ----------

    async def create_challenge(self, card_id: bytes) -> Challenge:
        """``POST /v1/challenges``: a nonce for the card to sign, valid briefly and once."""
        document = self._json(await self._request("POST", "/v1/challenges", json={"card_id_hex": card_id.hex()}))
        try:
            return Challenge(str(document["challenge_id"]), _b64(document["nonce"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise ProtocolError(f"challenges: unexpected answer ({exc})") from exc

    async def send_proof(self, challenge_id: str, certificate_der: bytes, signature: bytes) -> Proof:
        """``POST /v1/challenges/{id}/proof``: the card's signature over the nonce, with its certificate."""
        from urllib.parse import quote

        document = self._json(await self._request(
            "POST", f"/v1/challenges/{quote(challenge_id, safe='')}/proof",
            json={"certificate": _b64text(certificate_der), "signature": _b64text(signature)}))
        try:
            return Proof(str(document["proof_id"]), str(document["purpose"]), str(document["certificate_serial_hex"]))
        except (KeyError, TypeError) as exc:
            raise ProtocolError(f"proof: unexpected answer ({exc})") from exc

    async def request_authorisation(self, request: AuthorisationRequest) -> bytes:
        """``POST /v1/authorisations``: the signed authorisation to hand to the card as is."""
        body: dict[str, Any] = {
            "operation": request.operation, "card_id_hex": request.card_id.hex(),
            "card_challenge_hex": request.card_challenge.hex(), "aid_hex": request.aid.hex().upper(),
            "target_hex": f"{request.target:04X}", "grounds": request.grounds.to_wire()}
        if request.certificate_der is not None:
            body["certificate"] = _b64text(request.certificate_der)
        document = self._json(await self._request("POST", "/v1/authorisations", json=body))
        try:
            return _b64(document["authorisation"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ProtocolError(f"authorisations: unexpected answer ({exc})") from exc

    async def issue_certificate(self, request: CertificateRequest) -> IssuedCertificate:
        """``POST /v1/certificates``: a certificate for a public key the card generated (counter only)."""
        body: dict[str, Any] = {
            "purpose": request.purpose, "public_key": _b64text(request.public_key_der),
            "card_id_hex": request.card_id.hex(), "birth_date": request.birth_date.isoformat(),
            "card_expires_on": request.card_expires_on.isoformat(), "card_generation": request.card_generation,
            "previous_certificate": (_b64text(request.previous_certificate_der)
                                     if request.previous_certificate_der is not None else None),
            "holder": request.holder.to_wire() if request.holder is not None else None,
            "staff": request.staff.to_wire()["staff"]}
        document = self._json(await self._request("POST", "/v1/certificates", json=body))
        try:
            return IssuedCertificate(_b64(document["certificate"]), str(document["serial_hex"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise ProtocolError(f"certificates: unexpected answer ({exc})") from exc

    async def renew_terminal_certificate(self, csr_pem: str) -> dict[str, Any]:
        """``POST /v1/terminal/certificate`` over mutual TLS: the new certificate's answer document."""
        response = await self._request("POST", "/v1/terminal/certificate", json={"csr_pem": csr_pem})
        document = self._json(response)
        if not isinstance(document, dict) or not isinstance(document.get("certificate_pem"), str):
            raise ProtocolError("certificate renewal: unexpected answer")
        return document

    # --- staff calls (a kiosk calls, the site's counters answer) ----------------------------------------

    async def call_staff(self, call_id: str, screen: str, language: str) -> StaffCall:
        """``POST /v1/staff-calls`` (kiosk): sending the same ``call_id`` again is the same call."""
        document = self._json(await self._request(
            "POST", "/v1/staff-calls", json={"call_id": call_id, "screen": screen, "language": language}))
        return StaffCall.from_wire(document)

    async def staff_call(self, call_id: str) -> StaffCall:
        """``GET /v1/staff-calls/{id}``: the call as it stands (has a counter answered?)."""
        from urllib.parse import quote

        return StaffCall.from_wire(self._json(await self._request("GET", f"/v1/staff-calls/{quote(call_id, safe='')}")))

    async def open_staff_calls(self) -> tuple[StaffCall, ...]:
        """``GET /v1/staff-calls`` (counter): the site's unanswered calls, oldest first."""
        document = self._json(await self._request("GET", "/v1/staff-calls"))
        calls = document.get("calls") if isinstance(document, dict) else None
        if not isinstance(calls, list):
            raise ProtocolError("staff calls: the answer has no list of calls")
        return tuple(StaffCall.from_wire(found) for found in calls)

    async def answer_staff_call(self, call_id: str, staff_id: str | None) -> StaffCall:
        """``POST /v1/staff-calls/{id}/answer`` (counter): the call as the first answer left it."""
        from urllib.parse import quote

        return StaffCall.from_wire(self._json(await self._request(
            "POST", f"/v1/staff-calls/{quote(call_id, safe='')}/answer", json={"staff_id": staff_id})))

    # --- plumbing --------------------------------------------------------------------------------------

    def _check_own_certificate(self) -> None:
        if self._client_cert is None:
            return
        if self._validity is None:
            raise AuthenticationFailed(f"the terminal's client certificate {self._client_cert} is missing")
        # Only expiry: a clock a little behind the service's must not refuse a certificate just issued.
        not_after = self._validity[1]
        if datetime.now(UTC) >= not_after:
            raise AuthenticationFailed(f"the terminal's client certificate expired at {not_after.isoformat()}")

    async def _request(self, method: str, path: str, *, refusal_ok: tuple[int, ...] = (),
                       **kwargs: Any) -> httpx.Response:
        self._check_own_certificate()
        try:
            async with asyncio.timeout(self.timeout_s * TOTAL_TIMEOUT_FACTOR):
                response = await self._http.request(method, path, **kwargs)
        except TimeoutError as exc:
            raise ServerUnavailable(f"{method} {path}: no complete answer in time") from exc
        except httpx.TimeoutException as exc:
            raise ServerUnavailable(f"{method} {path}: timed out ({type(exc).__name__})") from exc
        except (httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
            raise ConfigError(f"the central service URL is not usable: {exc}") from exc
        except httpx.TransportError as exc:
            if _tls_failure(exc):
                raise AuthenticationFailed(f"{method} {path}: TLS failure: {exc}") from exc
            raise ServerUnavailable(f"{method} {path}: {type(exc).__name__}: {exc}") from exc
        status = response.status_code
        if status < 300 or status in refusal_ok:
            return response
        code, body = _error_code(response)
        detail = f"{method} {path}: HTTP {status} {code}"
        if status in (401, 403):
            raise AuthenticationFailed(detail)
        if status == 429:
            raise RateLimited(detail, retry_after_seconds(response.headers.get("Retry-After")))
        if status >= 500:
            raise ServerFailed(detail, status, retry_after_seconds(response.headers.get("Retry-After")))
        if status == 413:
            limit = body.get("limit")
            raise BatchTooLarge(detail, limit if isinstance(limit, int) and limit > 0 else None)
        raise RequestRejected(detail, code, status)

    @staticmethod
    def _json(response: httpx.Response) -> Any:
        try:
            return json.loads(response.content)
        except (ValueError, UnicodeDecodeError) as exc:
            raise ProtocolError(f"HTTP {response.status_code}: the answer is not JSON "
                                f"({response.content[:80]!r})") from exc

    @staticmethod
    def _rejections(document: Any, keys: list[str]) -> tuple[Rejection, ...]:
        if not isinstance(document, dict) or document.get("error") != "invalid_transactions":
            code = document.get("error") if isinstance(document, dict) else None
            raise RequestRejected(f"transactions: HTTP 422 {code}", str(code or "http_422"), 422)
        entries = document.get("rejected")
        if not isinstance(entries, list) or not entries:
            raise ProtocolError("transactions: a 422 that names no record")
        rejections = []
        for entry in entries:
            index = entry.get("index") if isinstance(entry, dict) else None
            if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < len(keys):
                raise ProtocolError(f"transactions: a rejection names no record of the batch: {str(entry)[:200]}")
            key = entry.get("key")
            if key is not None and key != keys[index]:
                raise ProtocolError(f"transactions: rejection {index} names key {key}, not {keys[index]}")
            rejections.append(Rejection(index, keys[index], str(entry.get("reason") or "invalid")))
        return tuple(rejections)

"""POST /v1/certificates: renewal and new issuance at a counter, with the validity rules of DESIGN.md 4."""

from __future__ import annotations

import base64
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from central_server import JST, KIOSK_TERMINAL, CentralHandle
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from sqlalchemy import select
from sqlalchemy.orm import Session

from central.cards import HOLDER, b64, card_key, card_sign, der, issue, spki, stranger_root
from central.inspect_db import row_count
from kiosk.central import database
from kiosk.central.models import IssuedCertificate
from kiosk.pki import jpki
from kiosk.pki.jpki import Purpose
from kiosk.pki.training import TrainingPki

TODAY = date(2026, 11, 23)
BIRTH = date(1990, 6, 1)
STAFF = {"staff_id": "S0012", "identity_checks": ["photo"]}


@pytest.fixture(autouse=True)
def issue_day(service: CentralHandle) -> None:
    service.clock.set(datetime.combine(TODAY, time(10, 0), JST))


def previous(pki: TrainingPki, expires_on: date, purpose: Purpose = Purpose.AUTH) -> str:
    return b64(der(issue(pki.issuing(purpose), card_key(0), expires_on - timedelta(days=5 * 365), expires_on)))


def ask(client: httpx.Client, purpose: str = "auth", **overrides: Any) -> httpx.Response:
    body: dict[str, Any] = {
        "purpose": purpose, "public_key": b64(spki(card_key(2))), "card_id_hex": "00" * 16,
        "birth_date": BIRTH.isoformat(), "card_expires_on": "2034-06-01", "card_generation": "current",
        "previous_certificate": None, "staff": STAFF,
    }
    if purpose == "sign":
        body["holder"] = {"name": HOLDER.name, "address": HOLDER.address, "sex": HOLDER.sex}
    body.update(overrides)
    return client.post("/v1/certificates", json=body)


def issued(answer: httpx.Response) -> x509.Certificate:
    assert answer.status_code == 201, answer.text
    return x509.load_der_x509_certificate(base64.b64decode(answer.json()["certificate"]))


def expiry(certificate: x509.Certificate) -> date:
    return certificate.not_valid_after_utc.astimezone(JST).date()


def test_a_new_auth_certificate_runs_to_the_fifth_birthday_from_the_newest_root(
        service: CentralHandle, training_pki: TrainingPki) -> None:
    with service.client() as client:
        answer = ask(client)
    certificate = issued(answer)
    newest = training_pki.issuing(Purpose.AUTH).certificate
    certificate.verify_directly_issued_by(newest)
    assert jpki.find_issuer(certificate, [newest]) is newest
    assert expiry(certificate) == date(2031, 6, 1)
    assert certificate.not_valid_after_utc == datetime(2031, 6, 1, 14, 59, 59, tzinfo=UTC)
    assert certificate.not_valid_before_utc.astimezone(JST).date() == TODAY
    assert certificate.public_key() == card_key(2).public_key()
    assert answer.json()["serial_hex"] == f"{certificate.serial_number:x}"
    assert datetime.fromisoformat(answer.json()["not_after"]) == certificate.not_valid_after_utc


@pytest.mark.parametrize(("previous_expiry", "expected"), [
    (date(2027, 1, 15), date(2032, 6, 1)),   # window opened on 15 Oct 2026: renewed inside it, 6th birthday
    (TODAY, date(2032, 6, 1)),               # the last valid day is still inside the window
    (date(2027, 2, 23), date(2032, 6, 1)),   # window opens on 23 Nov 2026: today
    (date(2027, 2, 24), date(2031, 6, 1)),   # window opens tomorrow: not yet
    (date(2026, 11, 22), date(2031, 6, 1)),  # expired yesterday: a new issuance
])
def test_renewal_inside_the_window_runs_to_the_sixth_birthday(service: CentralHandle, training_pki: TrainingPki,
                                                               previous_expiry: date, expected: date) -> None:
    with service.client() as client:
        answer = ask(client, previous_certificate=previous(training_pki, previous_expiry))
    assert expiry(issued(answer)) == expected


def test_a_certificate_never_outlives_the_card(service: CentralHandle) -> None:
    with service.client() as client:
        capped = ask(client, card_expires_on="2029-03-03")
        card_expired = ask(client, card_expires_on="2026-11-01")
    assert expiry(issued(capped)) == date(2029, 3, 3)
    assert (card_expired.status_code, card_expired.json()["error"]) == (422, "invalid_request")


def test_a_next_generation_card_certificate_runs_as_long_as_the_card(service: CentralHandle) -> None:
    with service.client() as client:
        answer = ask(client, card_generation="next", card_expires_on="2036-06-01")
    assert expiry(issued(answer)) == date(2036, 6, 1)


def test_a_signing_certificate_carries_the_holder_who_is_not_kept(service: CentralHandle,
                                                                  training_pki: TrainingPki) -> None:
    with service.client() as client:
        answer = ask(client, "sign")
    certificate = issued(answer)
    certificate.verify_directly_issued_by(training_pki.issuing(Purpose.SIGN).certificate)
    alt_names = certificate.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    values = {name.type_id.dotted_string: name.value for name in alt_names if isinstance(name, x509.OtherName)}
    assert values[jpki.OID_NAME.dotted_string] == jpki.utf8_string(HOLDER.name)
    assert values[jpki.OID_BIRTH_DATE.dotted_string] == jpki.printable_string("419900601")
    engine = database.engine_for(service.database_url)
    try:
        with Session(engine) as session:
            rows = session.execute(select(IssuedCertificate)).scalars().all()
    finally:
        engine.dispose()
    assert [(r.serial_hex, r.purpose, r.not_after, r.staff_id) for r in rows] == [
        (answer.json()["serial_hex"], "sign", certificate.not_valid_after_utc, "S0012")]
    if service.database_url.startswith("sqlite:///"):
        stored = b"".join(p.read_bytes() for p in Path(service.database_url[len("sqlite:///"):]).parent.iterdir())
        assert HOLDER.name.encode() not in stored
        assert HOLDER.address.encode() not in stored


def test_holder_goes_with_a_signing_certificate_only(service: CentralHandle) -> None:
    with service.client() as client:
        sign_without = ask(client, "sign", holder=None)
        auth_with = ask(client, "auth", holder={"name": "x", "address": "y", "sex": "1"})
    assert [(a.status_code, a.json()["error"]) for a in (sign_without, auth_with)] == [(422, "invalid_request")] * 2
    assert row_count(service.database_url, IssuedCertificate) == 0


def test_only_a_counter_terminal_may_ask(service: CentralHandle) -> None:
    with service.client(KIOSK_TERMINAL) as client:
        answer = ask(client)
    assert (answer.status_code, answer.json()["error"]) == (403, "counter_only")
    assert row_count(service.database_url, IssuedCertificate) == 0


def public_key_der(key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)


def test_only_an_rsa_2048_key_is_certified(service: CentralHandle) -> None:
    small = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    with service.client() as client:
        answers = [ask(client, public_key=b64(public_key_der(small))),
                   ask(client, public_key=b64(public_key_der(ec.generate_private_key(ec.SECP256R1())))),
                   ask(client, public_key=b64(b"\x30\x00")),
                   ask(client, public_key="not base64!")]
    assert [(a.status_code, a.json()["error"]) for a in answers] == [(422, "invalid_request")] * 4
    assert row_count(service.database_url, IssuedCertificate) == 0


def test_a_previous_certificate_must_be_ours_and_of_the_same_purpose(service: CentralHandle,
                                                                     training_pki: TrainingPki) -> None:
    foreign = b64(der(issue(stranger_root(Purpose.AUTH), card_key(0), date(2022, 1, 1), date(2027, 1, 15))))
    with service.client() as client:
        answers = [ask(client, previous_certificate=foreign),
                   ask(client, previous_certificate=previous(training_pki, date(2027, 1, 15), Purpose.SIGN)),
                   ask(client, previous_certificate=b64(b"junk"))]
    assert [(a.status_code, a.json()["error"]) for a in answers] == [(422, "invalid_request")] * 3
    assert row_count(service.database_url, IssuedCertificate) == 0


def test_a_renewed_auth_certificate_proves_possession(service: CentralHandle) -> None:
    with service.client() as counter:
        certificate = issued(ask(counter, public_key=b64(spki(card_key(2)))))
    with service.client(KIOSK_TERMINAL) as kiosk:
        challenge = kiosk.post("/v1/challenges", json={"card_id_hex": "00" * 16}).json()
        proof = kiosk.post(f"/v1/challenges/{challenge['challenge_id']}/proof", json={
            "certificate": b64(der(certificate)),
            "signature": b64(card_sign(card_key(2), base64.b64decode(challenge["nonce"])))})
    assert proof.status_code == 200, proof.text
    assert proof.json()["certificate_serial_hex"] == f"{certificate.serial_number:x}"


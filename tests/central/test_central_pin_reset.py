"""PIN reset by proof of possession: challenge, signed nonce, proof, one authorisation. Real HTTP, both
backends; every refusal is checked to leave no proof and no authorisation behind."""

from __future__ import annotations

import base64
import secrets
import threading
from datetime import date, timedelta
from typing import Any

import httpx
import pytest
from central_server import KIOSK_TERMINAL, SECOND_COUNTER, CentralHandle
from cryptography import x509
from cryptography.hazmat.primitives import hashes

from central.cards import (
    JPKI_AID_HEX,
    Card,
    b64,
    card_key,
    card_sign,
    der,
    issue,
    make_card,
    stranger_root,
)
from central.inspect_db import row_count
from kiosk.central.models import IssuedAuthorisation, Proof
from kiosk.domain.validity import japan_date
from kiosk.pki import authorisation, jpki
from kiosk.pki.authorisation import Operation
from kiosk.pki.jpki import Purpose
from kiosk.pki.training import TrainingPki

SIGN_PASSWORD, AUTH_PIN = "001B", "0018"


@pytest.fixture
def card(training_pki: TrainingPki, service: CentralHandle) -> Card:
    return make_card(training_pki, today=japan_date(service.clock()))


def challenge_for(client: httpx.Client, card: Card) -> dict[str, Any]:
    answer = client.post("/v1/challenges", json={"card_id_hex": card.card_id_hex})
    assert answer.status_code == 201, answer.text
    return dict(answer.json())


def send_proof(client: httpx.Client, challenge: dict[str, Any], certificate: x509.Certificate | bytes,
               signature: bytes) -> httpx.Response:
    certificate_der = certificate if isinstance(certificate, bytes) else der(certificate)
    return client.post(f"/v1/challenges/{challenge['challenge_id']}/proof",
                       json={"certificate": b64(certificate_der), "signature": b64(signature)})


def prove(client: httpx.Client, card: Card, purpose: Purpose) -> dict[str, Any]:
    challenge = challenge_for(client, card)
    nonce = base64.b64decode(challenge["nonce"])
    answer = send_proof(client, challenge, card.certificate(purpose), card_sign(card.key(purpose), nonce))
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


def request_reset(client: httpx.Client, card: Card, proof_id: str, target_hex: str,
                  card_challenge: bytes | None = None, **overrides: Any) -> httpx.Response:
    body = {"operation": "reset_pin", "card_id_hex": card.card_id_hex,
            "card_challenge_hex": (card_challenge or secrets.token_bytes(8)).hex(), "aid_hex": JPKI_AID_HEX,
            "target_hex": target_hex, "grounds": {"proof_id": proof_id}, **overrides}
    return client.post("/v1/authorisations", json=body)


def test_an_auth_key_proof_gives_one_authorisation_to_reset_the_signing_password(
        service: CentralHandle, card: Card, training_pki: TrainingPki) -> None:
    card_challenge = secrets.token_bytes(8)
    with service.client(KIOSK_TERMINAL) as client:
        challenge = challenge_for(client, card)
        proof = prove(client, card, Purpose.AUTH)
        answer = request_reset(client, card, proof["proof_id"], SIGN_PASSWORD, card_challenge)
    assert len(base64.b64decode(challenge["nonce"])) == 32
    assert proof["purpose"] == "auth"
    assert proof["certificate_serial_hex"] == f"{card.auth_certificate.serial_number:x}"
    assert answer.status_code == 201, answer.text
    signed, rest = authorisation.parse(base64.b64decode(answer.json()["authorisation"]))
    assert rest == b""
    assert authorisation.verify_signature(signed, training_pki.issuer_public_key)
    granted = signed.authorisation
    assert (granted.operation, granted.target, granted.aid.hex().upper()) == (Operation.RESET_PIN, 0x001B,
                                                                              JPKI_AID_HEX)
    assert granted.card_id.hex() == card.card_id_hex
    assert granted.challenge == card_challenge
    assert granted.payload_hash is None
    assert granted.authorisation_id.hex() == answer.json()["authorisation_id_hex"]
    assert row_count(service.database_url, IssuedAuthorisation) == 1


def test_a_signing_key_proof_allows_the_auth_pin_and_nothing_else(service: CentralHandle, card: Card) -> None:
    with service.client(KIOSK_TERMINAL) as client:
        proof = prove(client, card, Purpose.SIGN)
        wrong_target = request_reset(client, card, proof["proof_id"], SIGN_PASSWORD)
        other_operation = request_reset(client, card, proof["proof_id"], "0017", operation="generate_key_pair")
        right = request_reset(client, card, proof["proof_id"], AUTH_PIN)
    assert proof["purpose"] == "sign"
    assert (wrong_target.status_code, wrong_target.json()["error"]) == (403, "proof_not_sufficient")
    assert (other_operation.status_code, other_operation.json()["error"]) == (403, "proof_not_sufficient")
    assert right.status_code == 201
    assert row_count(service.database_url, IssuedAuthorisation) == 1


def test_a_proof_grounds_one_authorisation_only(service: CentralHandle, card: Card) -> None:
    with service.client(KIOSK_TERMINAL) as client:
        proof = prove(client, card, Purpose.AUTH)
        first = request_reset(client, card, proof["proof_id"], SIGN_PASSWORD)
        replayed = request_reset(client, card, proof["proof_id"], SIGN_PASSWORD)
    assert first.status_code == 201
    assert (replayed.status_code, replayed.json()["error"]) == (409, "proof_used")
    assert row_count(service.database_url, IssuedAuthorisation) == 1


def test_a_proof_raced_by_two_requests_grounds_exactly_one_authorisation(service: CentralHandle,
                                                                         card: Card) -> None:
    with service.client(KIOSK_TERMINAL) as client:
        proof = prove(client, card, Purpose.AUTH)
    answers: list[int] = []
    start = threading.Barrier(4)

    def ask() -> None:
        with service.client(KIOSK_TERMINAL) as client:
            start.wait()
            answers.append(request_reset(client, card, proof["proof_id"], SIGN_PASSWORD).status_code)

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(answers) == [201, 409, 409, 409]
    assert row_count(service.database_url, IssuedAuthorisation) == 1


def test_a_proof_is_for_the_card_the_challenge_named(service: CentralHandle, card: Card,
                                                     training_pki: TrainingPki) -> None:
    other_card = make_card(training_pki, today=japan_date(service.clock()))
    with service.client(KIOSK_TERMINAL) as client:
        proof = prove(client, card, Purpose.AUTH)
        answer = request_reset(client, other_card, proof["proof_id"], SIGN_PASSWORD)
        still_good = request_reset(client, card, proof["proof_id"], SIGN_PASSWORD)
    assert (answer.status_code, answer.json()["error"]) == (403, "proof_not_sufficient")
    assert still_good.status_code == 201


def test_a_challenge_is_answered_once(service: CentralHandle, card: Card) -> None:
    with service.client(KIOSK_TERMINAL) as client:
        challenge = challenge_for(client, card)
        signature = card_sign(card.auth_key, base64.b64decode(challenge["nonce"]))
        first = send_proof(client, challenge, card.auth_certificate, signature)
        again = send_proof(client, challenge, card.auth_certificate, signature)
    assert first.status_code == 200
    assert (again.status_code, again.json()["error"]) == (409, "challenge_used")
    assert row_count(service.database_url, Proof) == 1


def test_an_expired_challenge_is_gone(service: CentralHandle, card: Card) -> None:
    with service.client(KIOSK_TERMINAL) as client:
        challenge = challenge_for(client, card)
        signature = card_sign(card.auth_key, base64.b64decode(challenge["nonce"]))
        service.clock.advance(timedelta(seconds=121))
        answer = send_proof(client, challenge, card.auth_certificate, signature)
    assert (answer.status_code, answer.json()["error"]) == (410, "challenge_expired")
    assert row_count(service.database_url, Proof) == 0


def test_a_challenge_just_inside_its_lifetime_is_accepted(service: CentralHandle, card: Card) -> None:
    with service.client(KIOSK_TERMINAL) as client:
        challenge = challenge_for(client, card)
        signature = card_sign(card.auth_key, base64.b64decode(challenge["nonce"]))
        service.clock.advance(timedelta(seconds=100))
        answer = send_proof(client, challenge, card.auth_certificate, signature)
    assert answer.status_code == 200


def test_an_expired_proof_grounds_nothing(service: CentralHandle, card: Card) -> None:
    with service.client(KIOSK_TERMINAL) as client:
        proof = prove(client, card, Purpose.AUTH)
        service.clock.advance(timedelta(minutes=11))
        answer = request_reset(client, card, proof["proof_id"], SIGN_PASSWORD)
    assert (answer.status_code, answer.json()["error"]) == (410, "proof_expired")
    assert row_count(service.database_url, IssuedAuthorisation) == 0


def forged_by_other_key(card: Card, nonce: bytes) -> tuple[x509.Certificate, bytes]:
    return card.auth_certificate, card_sign(card_key(7), nonce)


def over_other_nonce(card: Card, nonce: bytes) -> tuple[x509.Certificate, bytes]:
    return card.auth_certificate, card_sign(card.auth_key, nonce[::-1])


def truncated_signature(card: Card, nonce: bytes) -> tuple[x509.Certificate, bytes]:
    return card.auth_certificate, card_sign(card.auth_key, nonce)[:-1]


@pytest.mark.parametrize("forge", [forged_by_other_key, over_other_nonce, truncated_signature])
def test_a_signature_that_does_not_verify_gives_no_proof_and_uses_up_the_challenge(
        service: CentralHandle, card: Card, forge: Any) -> None:
    with service.client(KIOSK_TERMINAL) as client:
        challenge = challenge_for(client, card)
        nonce = base64.b64decode(challenge["nonce"])
        certificate, signature = forge(card, nonce)
        answer = send_proof(client, challenge, certificate, signature)
        honest = send_proof(client, challenge, card.auth_certificate, card_sign(card.auth_key, nonce))
    assert (answer.status_code, answer.json()["error"]) == (422, "bad_signature")
    assert (honest.status_code, honest.json()["error"]) == (409, "challenge_used")
    assert row_count(service.database_url, Proof) == 0


def stranger_certificate(card: Card, today: date) -> x509.Certificate:
    """The card's own key, certified by a root that copies the JPKI name but not its key."""
    return issue(stranger_root(Purpose.AUTH), card.auth_key, today - timedelta(days=30), today + timedelta(days=900))


def name_only_forgery(card: Card, today: date, pki: TrainingPki) -> x509.Certificate:
    """Signed by a stranger, carrying the genuine root's key identifier: only the signature check tells."""
    genuine = pki.issuing(Purpose.AUTH)
    stranger = stranger_root(Purpose.AUTH)
    public = card.auth_key.public_key()
    builder = (x509.CertificateBuilder().subject_name(card.auth_certificate.subject)
               .issuer_name(genuine.certificate.subject).public_key(public)
               .serial_number(x509.random_serial_number())
               .not_valid_before(card.auth_certificate.not_valid_before_utc)
               .not_valid_after(card.auth_certificate.not_valid_after_utc)
               .add_extension(x509.KeyUsage(True, False, False, False, False, False, False, False, False), True)
               .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(genuine.key.public_key()), False))
    return builder.sign(stranger.key, hashes.SHA256())


def test_a_certificate_from_another_pki_is_untrusted(service: CentralHandle, card: Card,
                                                     training_pki: TrainingPki) -> None:
    today = japan_date(service.clock())
    candidates = [der(stranger_certificate(card, today)), der(name_only_forgery(card, today, training_pki)),
                  b"\x30\x03\x02\x01\x01", der(training_pki.issuing(Purpose.AUTH).certificate)]
    with service.client(KIOSK_TERMINAL) as client:
        answers = []
        for certificate in candidates:
            challenge = challenge_for(client, card)
            signature = card_sign(card.auth_key, base64.b64decode(challenge["nonce"]))
            answers.append(send_proof(client, challenge, certificate, signature))
    assert [(a.status_code, a.json()["error"]) for a in answers] == [(422, "untrusted_certificate")] * 4
    assert row_count(service.database_url, Proof) == 0


def test_an_expired_certificate_proves_nothing(service: CentralHandle, card: Card,
                                               training_pki: TrainingPki) -> None:
    today = japan_date(service.clock())
    expired = issue(training_pki.issuing(Purpose.AUTH), card.auth_key, today - timedelta(days=5 * 365),
                    today - timedelta(days=1))
    with service.client(KIOSK_TERMINAL) as client:
        challenge = challenge_for(client, card)
        answer = send_proof(client, challenge, expired, card_sign(card.auth_key,
                                                                  base64.b64decode(challenge["nonce"])))
    assert (answer.status_code, answer.json()["error"]) == (422, "certificate_expired")
    assert row_count(service.database_url, Proof) == 0


def test_a_certificate_of_an_older_live_root_generation_is_trusted(service: CentralHandle,
                                                                   training_pki: TrainingPki) -> None:
    older = make_card(training_pki, today=japan_date(service.clock()), generation=0)
    oldest_root = next(a.certificate for a in training_pki.authorities if a.purpose is Purpose.AUTH)
    assert oldest_root != training_pki.issuing(Purpose.AUTH).certificate
    assert jpki.find_issuer(older.auth_certificate, [oldest_root]) is not None
    with service.client(KIOSK_TERMINAL) as client:
        proof = prove(client, older, Purpose.AUTH)
    assert proof["purpose"] == "auth"


def test_challenges_and_proofs_belong_to_the_terminal_that_asked(service: CentralHandle, card: Card) -> None:
    with service.client(KIOSK_TERMINAL) as kiosk, service.client(SECOND_COUNTER) as counter:
        challenge = challenge_for(kiosk, card)
        nonce = base64.b64decode(challenge["nonce"])
        stolen_challenge = send_proof(counter, challenge, card.auth_certificate, card_sign(card.auth_key, nonce))
        proof = prove(kiosk, card, Purpose.AUTH)
        stolen_proof = request_reset(counter, card, proof["proof_id"], SIGN_PASSWORD)
        unknown = send_proof(kiosk, {"challenge_id": "0" * 32}, card.auth_certificate, b"x")
    assert (stolen_challenge.status_code, stolen_challenge.json()["error"]) == (404, "unknown_challenge")
    assert (stolen_proof.status_code, stolen_proof.json()["error"]) == (404, "unknown_proof")
    assert (unknown.status_code, unknown.json()["error"]) == (404, "unknown_challenge")
    assert row_count(service.database_url, IssuedAuthorisation) == 0

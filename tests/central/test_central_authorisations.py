"""Staff-grounded issuer-channel authorisations (counter): what each operation may act on, through real
HTTP on both backends. Authorisations grounded on a proof are in test_central_pin_reset.py."""

from __future__ import annotations

import base64
import hashlib
import secrets
from datetime import date, timedelta
from typing import Any

import httpx
import pytest
from central_server import DEMO_TERMINAL, KIOSK_TERMINAL, CentralHandle

from central.cards import CARD_INFO_AID_HEX, JPKI_AID_HEX, b64, card_key, der, issue, stranger_root
from central.inspect_db import row_count
from kiosk.central.models import IssuedAuthorisation
from kiosk.pki import authorisation
from kiosk.pki.authorisation import Operation
from kiosk.pki.jpki import Purpose
from kiosk.pki.training import TrainingPki

STAFF = {"staff": {"staff_id": "S0012", "identity_checks": ["photo", "face"]}}


def request(client: httpx.Client, operation: str, target_hex: str, **overrides: Any) -> httpx.Response:
    body = {"operation": operation, "card_id_hex": secrets.token_hex(16),
            "card_challenge_hex": secrets.token_hex(8), "aid_hex": JPKI_AID_HEX, "target_hex": target_hex,
            "grounds": STAFF, **overrides}
    return client.post("/v1/authorisations", json=body)


def granted(answer: httpx.Response, training_pki: TrainingPki) -> authorisation.Authorisation:
    assert answer.status_code == 201, answer.text
    signed, _ = authorisation.parse(base64.b64decode(answer.json()["authorisation"]))
    assert authorisation.verify_signature(signed, training_pki.issuer_public_key)
    return signed.authorisation


@pytest.mark.parametrize(("operation", "aid_hex", "target_hex", "code"), [
    ("generate_key_pair", JPKI_AID_HEX, "0017", Operation.GENERATE_KEY_PAIR),
    ("generate_key_pair", JPKI_AID_HEX, "001A", Operation.GENERATE_KEY_PAIR),
    ("reset_pin", JPKI_AID_HEX, "0018", Operation.RESET_PIN),
    ("reset_pin", JPKI_AID_HEX, "001b", Operation.RESET_PIN),
    ("reset_pin", CARD_INFO_AID_HEX, "0011", Operation.RESET_PIN),
])
def test_staff_at_a_counter_get_an_authorisation_bound_to_card_challenge_and_target(
        service: CentralHandle, training_pki: TrainingPki, operation: str, aid_hex: str, target_hex: str,
        code: Operation) -> None:
    card_id, challenge = secrets.token_hex(16), secrets.token_hex(8)
    with service.client(DEMO_TERMINAL) as client:
        answer = request(client, operation, target_hex, aid_hex=aid_hex, card_id_hex=card_id,
                         card_challenge_hex=challenge)
    result = granted(answer, training_pki)
    assert (result.operation, result.aid.hex().upper(), result.target) == (code, aid_hex, int(target_hex, 16))
    assert (result.card_id.hex(), result.challenge.hex()) == (card_id, challenge)
    assert row_count(service.database_url, IssuedAuthorisation) == 1


@pytest.mark.parametrize(("operation", "aid_hex", "target_hex"), [
    ("reset_pin", JPKI_AID_HEX, "0017"),
    ("reset_pin", JPKI_AID_HEX, "0011"),
    ("reset_pin", CARD_INFO_AID_HEX, "0018"),
    ("generate_key_pair", JPKI_AID_HEX, "000A"),
    ("generate_key_pair", CARD_INFO_AID_HEX, "0017"),
    ("reset_pin", "A000000003000000", "0018"),
])
def test_a_target_the_operation_cannot_act_on_is_refused(service: CentralHandle, operation: str, aid_hex: str,
                                                         target_hex: str) -> None:
    with service.client(DEMO_TERMINAL) as client:
        answer = request(client, operation, target_hex, aid_hex=aid_hex)
    assert (answer.status_code, answer.json()["error"]) == (422, "invalid_request")
    assert row_count(service.database_url, IssuedAuthorisation) == 0


def test_staff_grounds_need_a_counter_terminal(service: CentralHandle) -> None:
    with service.client(KIOSK_TERMINAL) as client:
        answer = request(client, "reset_pin", "0018")
    assert (answer.status_code, answer.json()["error"]) == (403, "counter_only")
    assert row_count(service.database_url, IssuedAuthorisation) == 0


def test_staff_grounds_need_an_identity_check(service: CentralHandle) -> None:
    with service.client(DEMO_TERMINAL) as client:
        answer = request(client, "reset_pin", "0018", grounds={"staff": {"staff_id": "S1", "identity_checks": []}})
    assert (answer.status_code, answer.json()["error"]) == (422, "invalid_request")
    assert row_count(service.database_url, IssuedAuthorisation) == 0


def test_write_certificate_binds_the_hash_of_one_of_our_certificates(service: CentralHandle,
                                                                     training_pki: TrainingPki) -> None:
    today = date.today()
    certificate = der(issue(training_pki.issuing(Purpose.AUTH), card_key(0), today, today + timedelta(days=900)))
    with service.client(DEMO_TERMINAL) as client:
        answer = request(client, "write_certificate", "000A", certificate=b64(certificate))
    result = granted(answer, training_pki)
    assert result.payload_hash == hashlib.sha256(certificate).digest()


def test_write_certificate_refuses_a_foreign_misplaced_or_missing_certificate(
        service: CentralHandle, training_pki: TrainingPki) -> None:
    today = date.today()
    ours_sign = der(issue(training_pki.issuing(Purpose.SIGN), card_key(1), today, today + timedelta(days=900)))
    foreign = der(issue(stranger_root(Purpose.AUTH), card_key(0), today, today + timedelta(days=900)))
    with service.client(DEMO_TERMINAL) as client:
        answers = [
            request(client, "write_certificate", "000A", certificate=b64(ours_sign)),
            request(client, "write_certificate", "000A", certificate=b64(foreign)),
            request(client, "write_certificate", "000A", certificate=b64(b"not a certificate")),
            request(client, "write_certificate", "000A", certificate="***"),
            request(client, "write_certificate", "000A"),
            request(client, "reset_pin", "0018", certificate=b64(ours_sign)),
        ]
    assert [(a.status_code, a.json()["error"]) for a in answers] == [(422, "invalid_request")] * 6
    assert row_count(service.database_url, IssuedAuthorisation) == 0


def test_each_authorisation_has_its_own_id(service: CentralHandle, training_pki: TrainingPki) -> None:
    with service.client(DEMO_TERMINAL) as client:
        ids = {request(client, "reset_pin", "0018").json()["authorisation_id_hex"] for _ in range(5)}
    assert len(ids) == 5
    assert row_count(service.database_url, IssuedAuthorisation) == 5

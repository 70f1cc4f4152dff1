"""The issuer-channel authorisation codec (docs/issuer-channel.md)."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.pki import authorisation as authz
from kiosk.pki.training import TrainingPki

JPKI_AID = bytes.fromhex("D392F000260100000001")
CARD_ID = bytes(range(16))
CHALLENGE = bytes.fromhex("0102030405060708")


def test_round_trip_with_operation_data(training_pki: TrainingPki) -> None:
    certificate = b"\x30\x82" + bytes(300)
    signed = authz.sign(authz.create(authz.Operation.WRITE_CERTIFICATE, aid=JPKI_AID, target=0x000A,
                                     card_id=CARD_ID, challenge=CHALLENGE, payload=certificate),
                        training_pki.issuer_key)
    parsed, rest = authz.parse(signed.encode() + certificate)
    assert rest == certificate
    assert parsed.authorisation == signed.authorisation
    assert parsed.authorisation.payload_hash == authz.payload_hash(certificate)
    assert authz.verify_signature(parsed, training_pki.issuer_public_key)


def test_any_change_to_the_signed_body_breaks_the_signature(training_pki: TrainingPki) -> None:
    signed = authz.sign(authz.create(authz.Operation.RESET_PIN, aid=JPKI_AID, target=0x001B,
                                     card_id=CARD_ID, challenge=CHALLENGE), training_pki.issuer_key)
    encoded = bytearray(signed.encode())
    target_offset = encoded.index(bytes([authz.TAG_TARGET, 2, 0x00, 0x1B]))
    encoded[target_offset + 3] = 0x18  # retarget the auth PIN
    parsed, _ = authz.parse(bytes(encoded))
    assert parsed.authorisation.target == 0x0018
    assert not authz.verify_signature(parsed, training_pki.issuer_public_key)


def test_a_foreign_issuer_key_is_refused(training_pki: TrainingPki) -> None:
    from kiosk.pki.keys import random_ec_key

    signed = authz.sign(authz.create(authz.Operation.GENERATE_KEY_PAIR, aid=JPKI_AID, target=0x0017,
                                     card_id=CARD_ID, challenge=CHALLENGE), random_ec_key())
    parsed, _ = authz.parse(signed.encode())
    assert not authz.verify_signature(parsed, training_pki.issuer_public_key)


def test_payload_only_with_write() -> None:
    with pytest.raises(ValueError):
        authz.create(authz.Operation.RESET_PIN, aid=JPKI_AID, target=0x001B, card_id=CARD_ID,
                     challenge=CHALLENGE, payload=b"x")
    with pytest.raises(ValueError):
        authz.create(authz.Operation.WRITE_CERTIFICATE, aid=JPKI_AID, target=0x000A, card_id=CARD_ID,
                     challenge=CHALLENGE)


@given(st.binary(max_size=400))
def test_garbage_never_parses_into_anything_but_a_typed_error(data: bytes) -> None:
    # Any other exception type escaping here fails the test.
    with contextlib.suppress(authz.MalformedAuthorisation):
        authz.parse(data)


@given(st.integers(min_value=0, max_value=200))
def test_every_truncation_is_refused(training_pki_cut: int) -> None:
    from kiosk.pki.keys import seeded_ec_key

    signed = authz.sign(authz.create(authz.Operation.RESET_PIN, aid=JPKI_AID, target=0x001B,
                                     card_id=CARD_ID, challenge=CHALLENGE), seeded_ec_key(b"t", "t"))
    encoded = signed.encode()
    cut = min(training_pki_cut, len(encoded) - 1)
    with pytest.raises(authz.MalformedAuthorisation):
        authz.parse(encoded[:cut])

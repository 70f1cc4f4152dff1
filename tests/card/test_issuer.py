"""The issuer channel on the in-process virtual card (docs/issuer-channel.md): the card accepts what the
central service's issuing authority signed for it, refuses the rest, and long data goes through chaining
or extended length."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from cryptography.hazmat.primitives import serialization

from kiosk.card import issuer
from kiosk.card.jpki import CertificateFile, JpkiSession, KeyFile
from kiosk.card.transport import CardTransport
from kiosk.cardsim import VirtualCard
from kiosk.domain.generation import JPKI_AID, PinUse
from kiosk.errors import AuthorisationRejected, IssuerChannelUnavailable, WrongPin
from kiosk.pki import authorisation, jpki
from kiosk.pki.authorisation import Operation
from kiosk.pki.training import TrainingPki

from .cards import RecordingCard

OpenCard = Callable[[str], tuple[VirtualCard, CardTransport]]
PIN_EF_SIGN = 0x001B


def authorise(pki: TrainingPki, operation: Operation, target: int, card_id: bytes, challenge: bytes,
              payload: bytes | None = None) -> bytes:
    unsigned = authorisation.create(operation, aid=JPKI_AID, target=target, card_id=card_id, challenge=challenge,
                                    payload=payload)
    return authorisation.sign(unsigned, pki.issuer_key).encode()


def renew_auth_certificate(transport: CardTransport, pki: TrainingPki) -> bytes:
    """Generate a key pair, have the training authority certify it, write the certificate: its DER."""
    JpkiSession(transport)
    card_id = issuer.read_card_id(transport)
    grant = authorise(pki, Operation.GENERATE_KEY_PAIR, KeyFile.AUTH, card_id, issuer.get_challenge(transport))
    public_key = issuer.generate_key_pair(transport, KeyFile.AUTH, grant)
    authority = pki.issuing(jpki.Purpose.AUTH)
    certificate = jpki.issue_auth_certificate(authority.certificate, authority.key, public_key,
                                              issued_on=date(2026, 6, 1), expires_on=date(2031, 6, 1))
    der = certificate.public_bytes(serialization.Encoding.DER)
    grant = authorise(pki, Operation.WRITE_CERTIFICATE, CertificateFile.AUTH, card_id, issuer.get_challenge(transport),
                      payload=der)
    issuer.write_certificate(transport, CertificateFile.AUTH, grant, der)
    return der


@pytest.mark.parametrize("profile", ["valid", "no-extended-length"])
def test_renewal_writes_a_certificate_for_the_new_key(in_process: OpenCard, training_pki: TrainingPki,
                                                     profile: str) -> None:
    card, transport = in_process(profile)
    der = renew_auth_certificate(transport, training_pki)
    assert card.certificate("auth") == der
    assert JpkiSession(transport).read_certificate(CertificateFile.AUTH).der == der


def test_without_extended_length_long_commands_are_chained(make_card: Callable[..., VirtualCard],
                                                           training_pki: TrainingPki) -> None:
    from kiosk.card.connection import InProcessConnection
    from kiosk.card.transport import ExtendedLengthMemory

    recorder = RecordingCard(make_card("no-extended-length"))
    transport = CardTransport(InProcessConnection(recorder, "chaining"), memory=ExtendedLengthMemory())
    JpkiSession(transport).read_certificate(CertificateFile.AUTH)  # learns: no extended length here
    recorder.apdus.clear()
    renew_auth_certificate(transport, training_pki)
    writes = [apdu for apdu in recorder.apdus if apdu[1] == 0xD6]
    assert len(writes) > 1
    assert [apdu[0] for apdu in writes] == [0x90] * (len(writes) - 1) + [0x80]
    assert all(len(apdu) <= 5 + 255 for apdu in recorder.apdus)
    assert any(apdu[1] == 0xC0 for apdu in recorder.apdus)  # the public key came back through GET RESPONSE


def test_reset_pin_restores_a_blocked_password(in_process: OpenCard, training_pki: TrainingPki) -> None:
    card, transport = in_process("sign-blocked")
    JpkiSession(transport)
    card_id = issuer.read_card_id(transport)
    grant = authorise(training_pki, Operation.RESET_PIN, PIN_EF_SIGN, card_id, issuer.get_challenge(transport))
    issuer.reset_pin(transport, PIN_EF_SIGN, grant, bytearray(b"FRESH2026"))
    assert card.tries_left("sign") == 5
    session = JpkiSession(transport)
    location = session.identify()[1].pin_for(PinUse.SIGN)
    with pytest.raises(WrongPin):
        session.verify_pin(location, bytearray(b"ABC123"))
    session.verify_pin(location, bytearray(b"FRESH2026"))


def test_a_replayed_authorisation_is_rejected_with_its_status_word(in_process: OpenCard,
                                                                   training_pki: TrainingPki) -> None:
    card, transport = in_process("valid")
    JpkiSession(transport)
    card_id = issuer.read_card_id(transport)
    grant = authorise(training_pki, Operation.RESET_PIN, PIN_EF_SIGN, card_id, issuer.get_challenge(transport))
    issuer.reset_pin(transport, PIN_EF_SIGN, grant, bytearray(b"FIRST1"))
    before = card.snapshot()
    issuer.get_challenge(transport)
    with pytest.raises(AuthorisationRejected) as rejected:
        issuer.reset_pin(transport, PIN_EF_SIGN, grant, bytearray(b"SECOND2"))
    assert rejected.value.sw == 0x6985
    assert card.snapshot() == before


def test_an_authorisation_for_another_card_is_rejected(in_process: OpenCard, training_pki: TrainingPki) -> None:
    _card, transport = in_process("valid")
    JpkiSession(transport)
    grant = authorise(training_pki, Operation.RESET_PIN, PIN_EF_SIGN, bytes(16), issuer.get_challenge(transport))
    with pytest.raises(AuthorisationRejected) as rejected:
        issuer.reset_pin(transport, PIN_EF_SIGN, grant, bytearray(b"OTHER1"))
    assert rejected.value.sw == 0x6982


def test_a_card_without_the_issuer_channel_says_so(in_process: OpenCard) -> None:
    _card, transport = in_process("no-issuer-channel")
    JpkiSession(transport)
    with pytest.raises(IssuerChannelUnavailable):
        issuer.read_card_id(transport)

"""The issuer channel on the in-process virtual card (docs/issuer-channel.md): the card accepts what the
central service's issuing authority signed for it, refuses the rest, and long data goes through chaining
or extended length."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kiosk.card.cardinfo import CardInfoSession
from kiosk.card.connection import InProcessConnection
from kiosk.card.issuer import IssuerSession
from kiosk.card.jpki import CertificateFile, JpkiSession
from kiosk.card.transport import CardTransport, ExtendedLengthMemory
from kiosk.cardsim import VirtualCard
from kiosk.domain.generation import CARD_INFO_AID, Applet, PinLocation, PinUse
from kiosk.domain.pins import PinKind
from kiosk.errors import AuthorisationRejected, IssuerChannelUnavailable, WrongPin
from kiosk.pki.authorisation import Operation
from kiosk.pki.training import TrainingPki

from .cards import RecordingCard
from .issuing import PIN_EF_SIGN, SIGN_PIN, authorise, renew_auth_certificate

OpenCard = Callable[[str], tuple[VirtualCard, CardTransport]]


@pytest.mark.parametrize("profile", ["valid", "no-extended-length"])
def test_renewal_writes_a_certificate_for_the_new_key(in_process: OpenCard, training_pki: TrainingPki,
                                                     profile: str) -> None:
    card, transport = in_process(profile)
    der = renew_auth_certificate(transport, training_pki)
    assert card.certificate("auth") == der
    assert JpkiSession(transport).read_certificate(CertificateFile.AUTH).der == der


def test_without_extended_length_long_commands_are_chained(make_card: Callable[..., VirtualCard],
                                                           training_pki: TrainingPki) -> None:
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
    issuer = IssuerSession(transport)
    card_id = issuer.card_id()
    grant = authorise(training_pki, Operation.RESET_PIN, PIN_EF_SIGN, card_id, issuer.challenge())
    issuer.reset_pin(SIGN_PIN, grant, bytearray(b"FRESH2026"))
    assert card.tries_left("sign") == 5
    session = JpkiSession(transport)
    location = session.identify()[1].pin_for(PinUse.SIGN)
    with pytest.raises(WrongPin):
        session.verify_pin(location, bytearray(b"ABC123"))
    session.verify_pin(location, bytearray(b"FRESH2026"))


def test_a_replayed_authorisation_is_rejected_with_its_status_word(in_process: OpenCard,
                                                                   training_pki: TrainingPki) -> None:
    card, transport = in_process("valid")
    issuer = IssuerSession(transport)
    card_id = issuer.card_id()
    grant = authorise(training_pki, Operation.RESET_PIN, PIN_EF_SIGN, card_id, issuer.challenge())
    issuer.reset_pin(SIGN_PIN, grant, bytearray(b"FIRST1"))
    before = card.snapshot()
    issuer.challenge()
    with pytest.raises(AuthorisationRejected) as rejected:
        issuer.reset_pin(SIGN_PIN, grant, bytearray(b"SECOND2"))
    assert rejected.value.sw == 0x6985
    assert card.snapshot() == before


def test_an_authorisation_for_another_card_is_rejected(in_process: OpenCard, training_pki: TrainingPki) -> None:
    _card, transport = in_process("valid")
    issuer = IssuerSession(transport)
    grant = authorise(training_pki, Operation.RESET_PIN, PIN_EF_SIGN, bytes(16), issuer.challenge())
    with pytest.raises(AuthorisationRejected) as rejected:
        issuer.reset_pin(SIGN_PIN, grant, bytearray(b"OTHER1"))
    assert rejected.value.sw == 0x6982


def test_a_card_without_the_issuer_channel_says_so(in_process: OpenCard) -> None:
    _card, transport = in_process("no-issuer-channel")
    issuer = IssuerSession(transport)
    with pytest.raises(IssuerChannelUnavailable):
        issuer.card_id()


def test_an_issuer_session_of_the_card_info_applet_resets_the_card_info_pin(in_process: OpenCard,
                                                                          training_pki: TrainingPki) -> None:
    card, transport = in_process("valid")
    card_info_pin = PinLocation(PinKind.CARD_INFO, Applet.CARD_INFO, 0x0011)
    with pytest.raises(WrongPin):
        CardInfoSession(transport).verify_pin(card_info_pin, bytearray(b"0000"))
    issuer = IssuerSession(transport, Applet.CARD_INFO)
    grant = authorise(training_pki, Operation.RESET_PIN, card_info_pin.fid, issuer.card_id(), issuer.challenge(),
                      aid=CARD_INFO_AID)
    issuer.reset_pin(card_info_pin, grant, bytearray(b"2468"))
    assert card.tries_left("card_info") == 3
    CardInfoSession(transport).verify_pin(card_info_pin, bytearray(b"2468"))


def test_an_issuer_session_refuses_a_pin_of_another_applet_before_the_card_does(make_card: Callable[..., VirtualCard],
                                                                                 training_pki: TrainingPki) -> None:
    recorder = RecordingCard(make_card("valid"))
    transport = CardTransport(InProcessConnection(recorder, "recorded"), memory=ExtendedLengthMemory())
    issuer = IssuerSession(transport)
    assert issuer.card_id() == issuer.card_id()
    assert [apdu.hex().upper() for apdu in recorder.apdus] == ["00A4040C0AD392F000260100000001", "80CA00C100"]
    recorder.apdus.clear()
    with pytest.raises(ValueError, match="not in the jpki applet"):
        issuer.reset_pin(PinLocation(PinKind.CARD_INFO, Applet.CARD_INFO, 0x0011), b"grant", bytearray(b"2468"))
    assert recorder.apdus == []


def test_an_issuer_session_can_take_the_applet_the_caller_just_selected(in_process: OpenCard) -> None:
    _card, transport = in_process("valid")
    JpkiSession(transport)
    with transport.measure() as io:
        IssuerSession(transport, select=False).challenge()
    assert io.apdus == 1

"""JPKI and card-info sessions on the in-process virtual card: PINs, signatures, certificates, attributes."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from kiosk.card.cardinfo import CardInfoSession, Sex, parse_attributes
from kiosk.card.jpki import CertificateFile, JpkiSession, KeyFile
from kiosk.card.transport import CardTransport
from kiosk.cardsim import VirtualCard
from kiosk.domain.generation import PinUse
from kiosk.domain.pins import PinKind
from kiosk.errors import (
    MalformedCardData,
    NotMyNumberCard,
    PinBlocked,
    SecurityStatusNotSatisfied,
    WrongPin,
)

OpenCard = Callable[[str], tuple[VirtualCard, CardTransport]]


def pin(text: str) -> bytearray:
    return bytearray(text.encode())


def test_verify_right_and_wrong(in_process: OpenCard) -> None:
    card, transport = in_process("valid")
    jpki = JpkiSession(transport)
    _token, profile = jpki.identify()
    location = profile.pin_for(PinUse.AUTH)
    with pytest.raises(WrongPin) as wrong:
        jpki.verify_pin(location, pin("9999"))
    assert (wrong.value.kind, wrong.value.tries_left) == ("auth", 2)
    assert "9999" not in str(wrong.value) and "9999" not in repr(wrong.value)
    assert card.tries_left("auth") == 2
    assert not jpki.is_verified(PinKind.AUTH)
    jpki.verify_pin(location, pin("1234"))
    assert jpki.is_verified(PinKind.AUTH)
    assert jpki.pin_status(location).tries_left == 3  # a right PIN restores the counter; probing spends none


def test_a_blocked_pin_is_reported_blocked_whichever_status_word_the_card_uses(in_process: OpenCard) -> None:
    card, transport = in_process("auth-blocked")
    jpki = JpkiSession(transport)
    _token, profile = jpki.identify()
    location = profile.pin_for(PinUse.AUTH)
    assert jpki.pin_status(location).blocked
    with pytest.raises(PinBlocked):
        jpki.verify_pin(location, pin("1234"))
    assert card.tries_left("auth") == 0


def test_the_last_wrong_try_blocks(in_process: OpenCard) -> None:
    _card, transport = in_process("valid")
    jpki = JpkiSession(transport)
    location = jpki.identify()[1].pin_for(PinUse.AUTH)
    for left in (2, 1):
        with pytest.raises(WrongPin) as wrong:
            jpki.verify_pin(location, pin("0000"))
        assert wrong.value.tries_left == left
    with pytest.raises(PinBlocked):
        jpki.verify_pin(location, pin("0000"))
    assert jpki.pin_status(location).blocked


def test_change_pin_then_the_new_one_verifies(in_process: OpenCard) -> None:
    _card, transport = in_process("valid")
    jpki = JpkiSession(transport)
    location = jpki.identify()[1].pin_for(PinUse.SIGN)
    jpki.change_pin(location, pin("ABC123"), pin("NEWPASS9"))
    fresh = JpkiSession(transport)  # re-selecting the applet ends the verified state
    with pytest.raises(WrongPin):
        fresh.verify_pin(location, pin("ABC123"))
    fresh.verify_pin(location, pin("NEWPASS9"))


def test_change_pin_with_a_wrong_old_pin_changes_nothing(in_process: OpenCard) -> None:
    _card, transport = in_process("valid")
    jpki = JpkiSession(transport)
    location = jpki.identify()[1].pin_for(PinUse.AUTH)
    with pytest.raises(WrongPin):
        jpki.change_pin(location, pin("1111"), pin("2222"))
    JpkiSession(transport).verify_pin(location, pin("1234"))


@pytest.mark.parametrize(("use", "key", "certificate", "secret"), [
    (PinUse.AUTH, KeyFile.AUTH, CertificateFile.AUTH, "1234"),
    (PinUse.SIGN, KeyFile.SIGN, CertificateFile.SIGN, "ABC123"),
])
def test_sign_a_digest_verifiable_with_the_certificate(in_process: OpenCard, use: PinUse, key: KeyFile,
                                                       certificate: CertificateFile, secret: str) -> None:
    _card, transport = in_process("valid")
    jpki = JpkiSession(transport)
    location = jpki.identify()[1].pin_for(use)
    digest = hashlib.sha256(b"a challenge from the central service").digest()
    with pytest.raises(SecurityStatusNotSatisfied):
        jpki.sign_digest(key, digest)
    jpki.verify_pin(location, pin(secret))
    signature = jpki.sign_digest(key, digest)
    public_key = jpki.read_certificate(certificate).certificate.public_key()
    assert isinstance(public_key, rsa.RSAPublicKey)
    public_key.verify(signature, b"a challenge from the central service", padding.PKCS1v15(), hashes.SHA256())


def test_the_signing_certificate_needs_the_signing_password(in_process: OpenCard) -> None:
    card, transport = in_process("valid")
    jpki = JpkiSession(transport)
    location = jpki.identify()[1].pin_for(PinUse.SIGN)
    with pytest.raises(SecurityStatusNotSatisfied):
        jpki.read_certificate(CertificateFile.SIGN)
    jpki.verify_pin(location, pin("ABC123"))
    assert jpki.read_certificate(CertificateFile.SIGN).der == card.certificate("sign")
    assert jpki.read_certificate(CertificateFile.AUTH_CA).issuer == jpki.read_certificate(CertificateFile.AUTH).issuer


def test_card_info_attributes_after_the_card_info_pin(in_process: OpenCard) -> None:
    card, transport = in_process("valid")
    location = JpkiSession(transport).identify()[1].pin_for(PinUse.CARD_INFO)
    session = CardInfoSession(transport)
    with pytest.raises(SecurityStatusNotSatisfied):
        session.read_attributes()
    session.verify_pin(location, pin("5678"))
    attributes = session.read_attributes()
    holder = card.profile.holder
    assert (attributes.name, attributes.address, attributes.birth_date, attributes.sex) == (
        holder.name, holder.address, holder.birth_date, Sex(holder.sex))
    assert holder.name not in repr(attributes)


def test_next_generation_card_info_takes_the_short_pin_through_its_alias(in_process: OpenCard) -> None:
    card, transport = in_process("next-gen")
    location = JpkiSession(transport).identify()[1].pin_for(PinUse.CARD_INFO)
    assert location.kind is PinKind.SHORT
    session = CardInfoSession(transport)
    with pytest.raises(WrongPin) as wrong:
        session.verify_pin(location, pin("0000"))
    assert wrong.value.kind == "short"
    assert card.tries_left("short") == 2  # the same counter as the JPKI short PIN
    session.verify_pin(location, pin("1234"))
    assert session.read_attributes().name == card.profile.holder.name


def test_a_card_without_the_jpki_applet_is_not_a_my_number_card() -> None:
    class Blank:
        atr = bytes.fromhex("3B00")

        def transmit(self, apdu: bytes) -> bytes:
            return bytes.fromhex("6A82")

        def power_on(self) -> None:
            pass

        def power_off(self) -> None:
            pass

    from kiosk.card.connection import InProcessConnection

    with pytest.raises(NotMyNumberCard):
        JpkiSession(CardTransport(InProcessConnection(Blank(), "blank")))


@pytest.mark.parametrize("data", [
    b"",
    bytes.fromhex("FF2003DF2201"),  # value cut short
    bytes.fromhex("FF2000"),  # empty container
    bytes.fromhex("3000"),  # wrong container
    bytes.fromhex("FF200FDF2201FFDF2300DF240131DF250131"),  # name not UTF-8, birth date too short
])
def test_bad_attribute_containers_are_malformed_card_data(data: bytes) -> None:
    with pytest.raises(MalformedCardData):
        parse_attributes(data)

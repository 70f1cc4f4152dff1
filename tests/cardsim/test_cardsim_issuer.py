"""The issuer channel (docs/issuer-channel.md): staged key generation, certificate write, PIN reset, and
every rejection leaving the card unchanged with its challenge consumed."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import timedelta

import pytest
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa, utils
from cryptography.hazmat.primitives.serialization import load_der_public_key

from kiosk.cardsim import VirtualCard
from kiosk.cardsim.profiles import named_profile
from kiosk.pki import jpki
from kiosk.pki.authorisation import Operation
from kiosk.pki.keys import random_ec_key, random_rsa_key
from kiosk.pki.training import TrainingPki

from .conftest import TODAY, CardFactory
from .helpers import (
    AUTH_CA,
    AUTH_CERT,
    AUTH_KEY,
    AUTH_PIN,
    CARD_INFO,
    CARD_INFO_PIN,
    GET_CARD_ID,
    JPKI,
    SIGN_CERT,
    SIGN_KEY,
    SIGN_PIN,
    Terminal,
    authorise,
    compute_signature,
    issuer_command,
    select_applet,
    select_ef,
    short,
    sw,
)

GENERATE, WRITE, RESET = 0x46, 0xD6, 0x2C


class Issuer:
    """The central service's half, driving an in-process card."""

    def __init__(self, card: VirtualCard, pki: TrainingPki) -> None:
        self.card = card
        self.pki = pki
        self.terminal = Terminal(card)

    def card_id(self) -> bytes:
        return self.terminal.ok(GET_CARD_ID)

    def grant(self, operation: Operation, aid: bytes, target: int, payload: bytes | None = None,
              **overrides: bytes) -> bytes:
        challenge = overrides.pop("challenge", None) or self.terminal.challenge()
        return authorise(overrides.pop("key", None) or self.pki.issuer_key, operation,  # type: ignore[arg-type]
                         aid=aid, target=target, card_id=overrides.pop("card_id", None) or self.card_id(),
                         challenge=challenge, payload=payload)

    def generate(self, key_fid: int = AUTH_KEY, mode: str = "chain") -> rsa.RSAPublicKey:
        self.terminal.ok(select_applet(JPKI))
        grant = self.grant(Operation.GENERATE_KEY_PAIR, JPKI, key_fid)
        spki, status = self.terminal.issuer(GENERATE, key_fid, grant, mode=mode)
        assert status == 0x9000, f"{status:04X}"
        public = load_der_public_key(spki)
        assert isinstance(public, rsa.RSAPublicKey) and public.key_size == 2048
        return public

    def certificate_for(self, public: rsa.RSAPublicKey, purpose: jpki.Purpose = jpki.Purpose.AUTH) -> bytes:
        authority = self.pki.issuing(purpose)
        if purpose is jpki.Purpose.AUTH:
            certificate = jpki.issue_auth_certificate(authority.certificate, authority.key, public,
                                                      issued_on=TODAY, expires_on=TODAY + timedelta(days=1800))
        else:
            holder = self.card.profile.holder
            certificate = jpki.issue_sign_certificate(
                authority.certificate, authority.key, public,
                jpki.Holder(holder.name, holder.birth_date, holder.sex, holder.address),
                issued_on=TODAY, expires_on=TODAY + timedelta(days=1800))
        return certificate.public_bytes(serialization.Encoding.DER)

    def write(self, certificate: bytes, cert_fid: int = AUTH_CERT, mode: str = "chain") -> int:
        self.terminal.ok(select_applet(JPKI))
        grant = self.grant(Operation.WRITE_CERTIFICATE, JPKI, cert_fid, payload=certificate)
        return self.terminal.issuer(WRITE, cert_fid, grant + certificate, mode=mode)[1]

    def reset_pin(self, aid: bytes, pin_fid: int, new_pin: bytes) -> int:
        self.terminal.ok(select_applet(aid))
        grant = self.grant(Operation.RESET_PIN, aid, pin_fid)
        return self.terminal.issuer(RESET, pin_fid, grant + new_pin)[1]


@pytest.fixture
def issuer(card: VirtualCard, training_pki: TrainingPki) -> Issuer:
    return Issuer(card, training_pki)


def auth_signature_verifies_with(terminal: Terminal, public: rsa.RSAPublicKey) -> bool:
    terminal.verify(JPKI, AUTH_PIN, b"1234")
    terminal.ok(select_ef(AUTH_KEY))
    digest_info = bytes.fromhex("3031300d060960864801650304020105000420") + bytes(32)
    signature = terminal.ok(compute_signature(digest_info))
    try:
        public.verify(signature, bytes(32), padding.PKCS1v15(), utils.Prehashed(hashes.SHA256()))
    except InvalidSignature:
        return False
    return True


def test_card_id_and_challenge(card: VirtualCard, terminal: Terminal) -> None:
    assert terminal.ok(GET_CARD_ID) == card.card_id and len(card.card_id) == 16
    terminal.ok(select_applet(JPKI))
    assert terminal.ok(GET_CARD_ID) == card.card_id  # whatever applet is selected
    first, second = terminal.challenge(), terminal.challenge()
    assert len(first) == 8 and first != second
    assert sw(terminal.send(bytes.fromhex("0084000010"))) == 0x6700
    assert sw(terminal.send(bytes.fromhex("00840000"))) == 0x6700
    assert sw(terminal.send(bytes.fromhex("0084000108"))) == 0x6A86
    assert sw(terminal.send(bytes.fromhex("80CA00C200"))) == 0x6A88


def test_a_card_without_the_issuer_channel(make_card: CardFactory, training_pki: TrainingPki) -> None:
    card = make_card("no-issuer-channel")
    terminal = Terminal(card)
    assert terminal.send(GET_CARD_ID)[-2:] == b"\x6a\x88"
    terminal.ok(select_applet(JPKI))
    for apdu in issuer_command(GENERATE, AUTH_KEY, b"\x7a\x00"):
        assert sw(terminal.send(apdu)) == 0x6D00
    assert len(terminal.challenge()) == 8  # GET CHALLENGE is ISO, still there


@pytest.mark.parametrize("mode", ["chain", "extended"])
def test_renewal_of_the_auth_key_and_certificate(card: VirtualCard, issuer: Issuer, mode: str) -> None:
    old_public = card.public_key("auth")
    old_certificate = card.certificate("auth")
    assert old_public is not None
    new_public = issuer.generate(AUTH_KEY, mode=mode)
    assert card.pending_public_key("auth").public_numbers() == new_public.public_numbers()  # type: ignore[union-attr]
    # staged: the card keeps using the old key and certificate
    assert card.certificate("auth") == old_certificate
    assert auth_signature_verifies_with(issuer.terminal, old_public)
    certificate = issuer.certificate_for(new_public)
    assert issuer.write(certificate, mode=mode) == 0x9000
    assert card.certificate("auth") == certificate
    assert card.pending_public_key("auth") is None
    assert auth_signature_verifies_with(issuer.terminal, new_public)
    assert not auth_signature_verifies_with(issuer.terminal, old_public)
    # the CA EF follows the certificate's root
    issuer.terminal.ok(select_applet(JPKI))
    ca = x509.load_der_x509_certificate(issuer.terminal.read_file(AUTH_CA))
    assert jpki.find_issuer(x509.load_der_x509_certificate(certificate), [ca]) is ca


def test_renewal_of_the_signing_certificate(card: VirtualCard, issuer: Issuer) -> None:
    new_public = issuer.generate(SIGN_KEY)
    certificate = issuer.certificate_for(new_public, jpki.Purpose.SIGN)
    assert issuer.write(certificate, SIGN_CERT) == 0x9000
    assert card.certificate("sign") == certificate
    assert card.public_key("sign").public_numbers() == new_public.public_numbers()  # type: ignore[union-attr]


def test_an_interrupted_renewal_leaves_the_card_as_it_was(card: VirtualCard, issuer: Issuer) -> None:
    before = card.snapshot()
    old_public = card.public_key("auth")
    assert old_public is not None
    pending = issuer.generate(AUTH_KEY)
    card.power_off()  # removed before the certificate came back
    card.power_on()
    after = card.snapshot()
    assert after.files == before.files and after.pins == before.pins
    assert [(fid, n) for fid, n, _ in after.keys] == [(fid, n) for fid, n, _ in before.keys]
    assert auth_signature_verifies_with(Terminal(card), old_public)
    # back at the counter: the pending key is still on the card and the renewal can finish
    assert issuer.write(issuer.certificate_for(pending)) == 0x9000
    assert card.public_key("auth").public_numbers() == pending.public_numbers()  # type: ignore[union-attr]


def test_a_new_generation_replaces_the_pending_key(card: VirtualCard, issuer: Issuer) -> None:
    first = issuer.generate(AUTH_KEY)
    second = issuer.generate(AUTH_KEY)
    assert card.pending_public_key("auth").public_numbers() == second.public_numbers()  # type: ignore[union-attr]
    before = card.snapshot()
    assert issuer.write(issuer.certificate_for(first)) == 0x6982
    assert card.snapshot() == before


def test_rewriting_a_certificate_for_the_current_key(card: VirtualCard, issuer: Issuer) -> None:
    current = card.public_key("auth")
    assert current is not None
    certificate = issuer.certificate_for(current)
    assert issuer.write(certificate) == 0x9000
    assert card.certificate("auth") == certificate and card.public_key("auth") is not None


def test_reset_of_a_blocked_pin(make_card: CardFactory, training_pki: TrainingPki) -> None:
    card = make_card("auth-blocked")
    issuer = Issuer(card, training_pki)
    assert issuer.reset_pin(JPKI, AUTH_PIN, b"2468") == 0x9000
    assert card.tries_left("auth") == 3
    assert issuer.terminal.verify(JPKI, AUTH_PIN, b"1234") == 0x63C2
    assert issuer.terminal.verify(JPKI, AUTH_PIN, b"2468") == 0x9000


def test_reset_checks_the_new_pin_format(card: VirtualCard, issuer: Issuer) -> None:
    before = card.snapshot()
    assert issuer.reset_pin(JPKI, SIGN_PIN, b"short") == 0x6A80
    assert issuer.reset_pin(JPKI, AUTH_PIN, b"12a4") == 0x6A80
    assert card.snapshot() == before
    assert issuer.reset_pin(JPKI, SIGN_PIN, b"RESET2026") == 0x9000
    assert issuer.terminal.verify(JPKI, SIGN_PIN, b"RESET2026") == 0x9000


def test_reset_of_the_card_info_pin_in_its_applet(card: VirtualCard, issuer: Issuer) -> None:
    assert issuer.reset_pin(CARD_INFO, CARD_INFO_PIN, b"1357") == 0x9000
    assert issuer.terminal.verify(CARD_INFO, CARD_INFO_PIN, b"1357") == 0x9000


def test_reset_through_the_next_generation_alias(make_card: CardFactory, training_pki: TrainingPki) -> None:
    card = make_card("next-gen")
    issuer = Issuer(card, training_pki)
    assert issuer.reset_pin(CARD_INFO, CARD_INFO_PIN, b"8642") == 0x9000
    assert issuer.terminal.verify(JPKI, AUTH_PIN, b"8642") == 0x9000


def test_the_minor_card_has_no_signing_targets(make_card: CardFactory, training_pki: TrainingPki) -> None:
    card = make_card("minor")
    issuer = Issuer(card, training_pki)
    issuer.terminal.ok(select_applet(JPKI))
    grant = issuer.grant(Operation.GENERATE_KEY_PAIR, JPKI, SIGN_KEY)
    assert issuer.terminal.issuer(GENERATE, SIGN_KEY, grant)[1] == 0x6A82


# --- rejections: each leaves the card unchanged and consumes the challenge ---------------------------------

Attempt = Callable[[Issuer], int]


def _replayed(issuer: Issuer) -> int:
    issuer.terminal.ok(select_applet(JPKI))
    grant = issuer.grant(Operation.RESET_PIN, JPKI, AUTH_PIN)
    assert issuer.terminal.issuer(RESET, AUTH_PIN, grant + b"1111")[1] == 0x9000
    issuer.terminal.challenge()
    return issuer.terminal.issuer(RESET, AUTH_PIN, grant + b"2222")[1]


def _expired_challenge(issuer: Issuer) -> int:
    issuer.terminal.ok(select_applet(JPKI))
    grant = issuer.grant(Operation.RESET_PIN, JPKI, AUTH_PIN)
    issuer.terminal.challenge()  # a newer challenge supersedes the one the authorisation names
    return issuer.terminal.issuer(RESET, AUTH_PIN, grant + b"2222")[1]


def _no_challenge(issuer: Issuer) -> int:
    issuer.terminal.ok(select_applet(JPKI))
    grant = issuer.grant(Operation.RESET_PIN, JPKI, AUTH_PIN)
    issuer.card.reset()  # a reset loses the challenge
    issuer.terminal.ok(select_applet(JPKI))
    return issuer.terminal.issuer(RESET, AUTH_PIN, grant + b"2222")[1]


def _foreign_card(issuer: Issuer) -> int:
    issuer.terminal.ok(select_applet(JPKI))
    grant = issuer.grant(Operation.RESET_PIN, JPKI, AUTH_PIN, card_id=bytes(16))
    return issuer.terminal.issuer(RESET, AUTH_PIN, grant + b"2222")[1]


def _other_operation(issuer: Issuer) -> int:
    issuer.terminal.ok(select_applet(JPKI))
    grant = issuer.grant(Operation.RESET_PIN, JPKI, AUTH_KEY)
    return issuer.terminal.issuer(GENERATE, AUTH_KEY, grant)[1]


def _other_target(issuer: Issuer) -> int:
    issuer.terminal.ok(select_applet(JPKI))
    grant = issuer.grant(Operation.RESET_PIN, JPKI, SIGN_PIN)
    return issuer.terminal.issuer(RESET, AUTH_PIN, grant + b"2222")[1]


def _other_applet(issuer: Issuer) -> int:
    issuer.terminal.ok(select_applet(JPKI))
    grant = issuer.grant(Operation.RESET_PIN, CARD_INFO, CARD_INFO_PIN)
    return issuer.terminal.issuer(RESET, CARD_INFO_PIN, grant + b"2222")[1]


def _not_a_target(issuer: Issuer) -> int:
    issuer.terminal.ok(select_applet(JPKI))
    grant = issuer.grant(Operation.WRITE_CERTIFICATE, JPKI, AUTH_CA, payload=b"x")
    return issuer.terminal.issuer(WRITE, AUTH_CA, grant + b"x")[1]


def _bad_signature(issuer: Issuer) -> int:
    issuer.terminal.ok(select_applet(JPKI))
    grant = issuer.grant(Operation.RESET_PIN, JPKI, AUTH_PIN, key=random_ec_key())  # type: ignore[arg-type]
    return issuer.terminal.issuer(RESET, AUTH_PIN, grant + b"2222")[1]


def _tampered(issuer: Issuer) -> int:
    issuer.terminal.ok(select_applet(JPKI))
    grant = bytearray(issuer.grant(Operation.RESET_PIN, JPKI, AUTH_PIN))
    grant[grant.index(bytes([0x87, 0x10])) + 2] ^= 0x01  # flip a bit of the authorisation ID
    return issuer.terminal.issuer(RESET, AUTH_PIN, bytes(grant) + b"2222")[1]


def _malformed(issuer: Issuer) -> int:
    issuer.terminal.ok(select_applet(JPKI))
    issuer.terminal.challenge()
    return issuer.terminal.issuer(RESET, AUTH_PIN, b"\x7a\x05\x80\x01\x02\x81\x01")[1]


def _wrong_payload(issuer: Issuer) -> int:
    certificate = issuer.certificate_for(issuer.generate(AUTH_KEY))
    issuer.terminal.ok(select_applet(JPKI))
    grant = issuer.grant(Operation.WRITE_CERTIFICATE, JPKI, AUTH_CERT, payload=certificate)
    other = issuer.certificate_for(issuer.card.public_key("auth"))  # type: ignore[arg-type]
    return issuer.terminal.issuer(WRITE, AUTH_CERT, grant + other)[1]


def _not_der(issuer: Issuer) -> int:
    issuer.terminal.ok(select_applet(JPKI))
    garbage = b"\x30\x03\x01\x02\x03"
    grant = issuer.grant(Operation.WRITE_CERTIFICATE, JPKI, AUTH_CERT, payload=garbage)
    return issuer.terminal.issuer(WRITE, AUTH_CERT, grant + garbage)[1]


def _foreign_key(issuer: Issuer) -> int:
    certificate = issuer.certificate_for(random_rsa_key().public_key())
    issuer.terminal.ok(select_applet(JPKI))
    grant = issuer.grant(Operation.WRITE_CERTIFICATE, JPKI, AUTH_CERT, payload=certificate)
    return issuer.terminal.issuer(WRITE, AUTH_CERT, grant + certificate)[1]


def _sign_certificate_for_the_auth_key(issuer: Issuer) -> int:
    certificate = issuer.certificate_for(issuer.card.public_key("auth"))  # type: ignore[arg-type]
    issuer.terminal.ok(select_applet(JPKI))
    grant = issuer.grant(Operation.WRITE_CERTIFICATE, JPKI, SIGN_CERT, payload=certificate)
    return issuer.terminal.issuer(WRITE, SIGN_CERT, grant + certificate)[1]


def _data_after_generate(issuer: Issuer) -> int:
    issuer.terminal.ok(select_applet(JPKI))
    grant = issuer.grant(Operation.GENERATE_KEY_PAIR, JPKI, AUTH_KEY)
    return issuer.terminal.issuer(GENERATE, AUTH_KEY, grant + b"\x00")[1]


REJECTIONS: dict[str, tuple[Attempt, int]] = {
    "replayed": (_replayed, 0x6985),
    "expired challenge": (_expired_challenge, 0x6985),
    "no challenge": (_no_challenge, 0x6985),
    "foreign card": (_foreign_card, 0x6982),
    "other operation": (_other_operation, 0x6982),
    "other target": (_other_target, 0x6982),
    "other applet": (_other_applet, 0x6982),
    "not a target of the command": (_not_a_target, 0x6A86),
    "bad signature": (_bad_signature, 0x6982),
    "tampered body": (_tampered, 0x6982),
    "malformed": (_malformed, 0x6A80),
    "another certificate than authorised": (_wrong_payload, 0x6982),
    "not DER": (_not_der, 0x6A80),
    "key neither pending nor current": (_foreign_key, 0x6982),
    "certificate for the other key EF": (_sign_certificate_for_the_auth_key, 0x6982),
    "data after GENERATE": (_data_after_generate, 0x6A80),
}


@pytest.mark.parametrize("name", list(REJECTIONS))
def test_rejections_leave_the_card_unchanged(card: VirtualCard, issuer: Issuer, name: str) -> None:
    attempt, expected = REJECTIONS[name]
    # Some attempts first change the card on purpose (a successful reset before its replay): compare with
    # the card as it was just before the rejected command, and, when nothing came before, from the start.
    before = card.snapshot()
    snapshots: list[object] = []
    original = issuer.terminal.issuer

    def watched(ins: int, p1p2: int, data: bytes, *, mode: str = "chain") -> tuple[bytes, int]:
        snapshots.append(card.snapshot())
        return original(ins, p1p2, data, mode=mode)

    issuer.terminal.issuer = watched  # type: ignore[method-assign]
    assert attempt(issuer) == expected
    assert card.snapshot() == snapshots[-1]
    if len(snapshots) == 1:
        assert card.snapshot() == before
    assert not card.has_challenge  # consumed, whatever happened


def test_a_challenge_serves_one_command_only(card: VirtualCard, issuer: Issuer) -> None:
    issuer.terminal.ok(select_applet(JPKI))
    grant = issuer.grant(Operation.RESET_PIN, JPKI, AUTH_PIN)
    assert issuer.terminal.issuer(RESET, AUTH_PIN, b"garbage")[1] == 0x6A80  # consumes the challenge
    assert issuer.terminal.issuer(RESET, AUTH_PIN, grant + b"2222")[1] == 0x6985


def test_selecting_an_applet_keeps_the_challenge(card: VirtualCard, issuer: Issuer) -> None:
    grant = issuer.grant(Operation.RESET_PIN, JPKI, AUTH_PIN)
    issuer.terminal.ok(select_applet(CARD_INFO))
    issuer.terminal.ok(select_applet(JPKI))
    assert issuer.terminal.issuer(RESET, AUTH_PIN, grant + b"2222")[1] == 0x9000


def test_command_chaining_is_broken_by_another_command(card: VirtualCard, issuer: Issuer) -> None:
    current = card.public_key("auth")
    assert current is not None
    certificate = issuer.certificate_for(current)
    issuer.terminal.ok(select_applet(JPKI))
    grant = issuer.grant(Operation.WRITE_CERTIFICATE, JPKI, AUTH_CERT, payload=certificate)
    apdus = issuer_command(WRITE, AUTH_CERT, grant + certificate)
    assert len(apdus) > 2
    issuer.terminal.ok(apdus[0])
    issuer.terminal.ok(select_ef(AUTH_CERT))  # breaks the chain: the first part is dropped
    for part in apdus[1:-1]:
        issuer.terminal.ok(part)
    assert sw(issuer.terminal.send(apdus[-1])) == 0x6A80


def test_a_chain_with_another_p1p2_starts_over(card: VirtualCard, issuer: Issuer) -> None:
    issuer.terminal.ok(select_applet(JPKI))
    grant = issuer.grant(Operation.RESET_PIN, JPKI, AUTH_PIN)
    issuer.terminal.ok(short(0x90, RESET, 0x00, SIGN_PIN & 0xFF, b"junk"))
    assert issuer.terminal.issuer(RESET, AUTH_PIN, grant + b"2222")[1] == 0x9000


def test_authorisations_are_bound_to_the_card_id_of_each_card(make_card: CardFactory,
                                                             training_pki: TrainingPki) -> None:
    card = make_card("valid")
    other_profile = dataclasses.replace(named_profile("valid", today=TODAY), card_id=bytes(range(16)))
    other = make_card(other_profile)
    assert other.card_id == bytes(range(16)) != card.card_id
    issuer = Issuer(card, training_pki)
    issuer.terminal.ok(select_applet(JPKI))
    challenge = Terminal(other).challenge()
    grant = issuer.grant(Operation.RESET_PIN, JPKI, AUTH_PIN, challenge=challenge)
    other_terminal = Terminal(other)
    other_terminal.ok(select_applet(JPKI))
    assert other_terminal.issuer(RESET, AUTH_PIN, grant + b"2222")[1] == 0x6982

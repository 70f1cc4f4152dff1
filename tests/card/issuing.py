"""The issuer channel's steps as the central service and the terminal take them, for the card tests: an
authorisation signed by the training issuing authority, and a whole renewal of the authentication
certificate."""

from __future__ import annotations

from datetime import date

from cryptography.hazmat.primitives import serialization

from kiosk.card.issuer import IssuerSession
from kiosk.card.jpki import CertificateFile, KeyFile
from kiosk.card.progress import Progress
from kiosk.card.transport import CardTransport
from kiosk.domain.generation import JPKI_AID, Applet, PinLocation
from kiosk.domain.pins import PinKind
from kiosk.pki import authorisation, jpki
from kiosk.pki.authorisation import Operation
from kiosk.pki.training import TrainingPki

PIN_EF_SIGN = 0x001B
SIGN_PIN = PinLocation(PinKind.SIGN, Applet.JPKI, PIN_EF_SIGN)


def authorise(pki: TrainingPki, operation: Operation, target: int, card_id: bytes, challenge: bytes,
              payload: bytes | None = None, aid: bytes = JPKI_AID) -> bytes:
    unsigned = authorisation.create(operation, aid=aid, target=target, card_id=card_id, challenge=challenge,
                                    payload=payload)
    return authorisation.sign(unsigned, pki.issuer_key).encode()


def renew_auth_certificate(transport: CardTransport, pki: TrainingPki, *, on_generate: Progress | None = None,
                           on_write: Progress | None = None) -> bytes:
    """Generate a key pair, have the training authority certify it, write the certificate: its DER.
    ``on_generate`` and ``on_write`` hear the progress of the two long commands."""
    issuer = IssuerSession(transport)
    card_id = issuer.card_id()
    grant = authorise(pki, Operation.GENERATE_KEY_PAIR, KeyFile.AUTH, card_id, issuer.challenge())
    public_key = issuer.generate_key_pair(KeyFile.AUTH, grant, on_generate)
    authority = pki.issuing(jpki.Purpose.AUTH)
    certificate = jpki.issue_auth_certificate(authority.certificate, authority.key, public_key,
                                              issued_on=date(2026, 6, 1), expires_on=date(2031, 6, 1))
    der = certificate.public_bytes(serialization.Encoding.DER)
    grant = authorise(pki, Operation.WRITE_CERTIFICATE, CertificateFile.AUTH, card_id, issuer.challenge(), payload=der)
    issuer.write_certificate(CertificateFile.AUTH, grant, der, on_write)
    return der

"""APDU builders and small readers for the virtual card's tests.

Written from jpki-reference.md and docs/issuer-channel.md, not from the card's own code, so a test says
what the standard says rather than what the card happens to do.
"""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric import ec

from kiosk.pki import authorisation
from kiosk.pki.authorisation import Operation

JPKI = bytes.fromhex("D392F000260100000001")
CARD_INFO = bytes.fromhex("D3921000310001010408")
CARD_FACE = bytes.fromhex("D3921000310001010402")

TOKEN, AUTH_CERT, AUTH_CA, SIGN_CERT, SIGN_CA = 0x0006, 0x000A, 0x000B, 0x0001, 0x0002
AUTH_KEY, SIGN_KEY, AUTH_PIN, SIGN_PIN = 0x0017, 0x001A, 0x0018, 0x001B
CARD_INFO_PIN, MY_NUMBER, ATTRIBUTES = 0x0011, 0x0001, 0x0002

OK = 0x9000


def sw(response: bytes) -> int:
    assert len(response) >= 2, response
    return int.from_bytes(response[-2:], "big")


def body(response: bytes) -> bytes:
    return response[:-2]


def short(cla: int, ins: int, p1: int, p2: int, data: bytes = b"", le: int | None = None) -> bytes:
    apdu = bytes([cla, ins, p1, p2])
    if data:
        assert len(data) <= 255
        apdu += bytes([len(data)]) + data
    if le is not None:
        assert 1 <= le <= 256
        apdu += bytes([le & 0xFF])
    return apdu


def extended(cla: int, ins: int, p1: int, p2: int, data: bytes = b"", le: int | None = None) -> bytes:
    apdu = bytes([cla, ins, p1, p2, 0])
    if data:
        apdu += len(data).to_bytes(2, "big") + data
    if le is not None:
        assert 1 <= le <= 65536
        apdu += (le & 0xFFFF).to_bytes(2, "big")
    return apdu


def select_applet(aid: bytes) -> bytes:
    return short(0x00, 0xA4, 0x04, 0x0C, aid)


def select_ef(fid: int) -> bytes:
    return short(0x00, 0xA4, 0x02, 0x0C, fid.to_bytes(2, "big"))


def read_binary(offset: int, le: int) -> bytes:
    if le <= 256:
        return short(0x00, 0xB0, offset >> 8, offset & 0xFF, le=le)
    return extended(0x00, 0xB0, offset >> 8, offset & 0xFF, le=le)


def verify(pin: bytes | None = None) -> bytes:
    return short(0x00, 0x20, 0x00, 0x80, pin or b"")


def change(new_pin: bytes) -> bytes:
    return short(0x00, 0x24, 0x01, 0x80, new_pin)


def compute_signature(data: bytes, le: int | None = 256) -> bytes:
    return short(0x80, 0x2A, 0x00, 0x80, data, le=le)


GET_CHALLENGE = bytes.fromhex("0084000008")
GET_CARD_ID = bytes.fromhex("80CA00C100")


def get_response(le: int) -> bytes:
    return short(0x00, 0xC0, 0x00, 0x00, le=le)


def issuer_command(ins: int, p1p2: int, data: bytes, *, mode: str = "chain", le: int | None = 256) -> list[bytes]:
    """The APDUs of one issuer command: command chaining in 255-byte parts, or one extended APDU."""
    p1, p2 = p1p2 >> 8, p1p2 & 0xFF
    if mode == "extended":
        return [extended(0x80, ins, p1, p2, data, le=65536 if le is not None else None)]
    parts = [data[i:i + 255] for i in range(0, len(data), 255)] or [b""]
    apdus = [short(0x90, ins, p1, p2, part) for part in parts[:-1]]
    apdus.append(short(0x80, ins, p1, p2, parts[-1], le=le))
    return apdus


def authorise(
    issuer_key: ec.EllipticCurvePrivateKey,
    operation: Operation,
    *,
    aid: bytes,
    target: int,
    card_id: bytes,
    challenge: bytes,
    payload: bytes | None = None,
) -> bytes:
    granted = authorisation.create(operation, aid=aid, target=target, card_id=card_id, challenge=challenge,
                                   payload=payload)
    return authorisation.sign(granted, issuer_key).encode()


class Terminal:
    """Drives an in-process card the way a terminal would, asserting on the status words it expects."""

    def __init__(self, card: object) -> None:
        self.card = card

    def send(self, apdu: bytes) -> bytes:
        return self.card.transmit(apdu)  # type: ignore[attr-defined, no-any-return]

    def ok(self, apdu: bytes) -> bytes:
        response = self.send(apdu)
        assert sw(response) == OK, f"{apdu[:4].hex()} -> {sw(response):04X}"
        return body(response)

    def select(self, aid: bytes, fid: int | None = None) -> None:
        self.ok(select_applet(aid))
        if fid is not None:
            self.ok(select_ef(fid))

    def read_file(self, fid: int) -> bytes:
        """The whole EF, in 256-byte chunks with Le 00 until a short chunk."""
        self.ok(select_ef(fid))
        content = b""
        while True:
            response = self.send(read_binary(len(content), 256))
            if sw(response) == 0x6B00 and content:
                return content
            assert sw(response) == OK, f"read at {len(content)} -> {sw(response):04X}"
            content += body(response)
            if len(body(response)) < 256:
                return content

    def verify(self, aid: bytes, pin_fid: int, pin: bytes) -> int:
        self.select(aid, pin_fid)
        return sw(self.send(verify(pin)))

    def tries(self, aid: bytes, pin_fid: int) -> int:
        self.select(aid, pin_fid)
        return sw(self.send(verify()))

    def challenge(self) -> bytes:
        return self.ok(GET_CHALLENGE)

    def issuer(self, ins: int, p1p2: int, data: bytes, *, mode: str = "chain") -> tuple[bytes, int]:
        """Run an issuer command; collect a long answer with GET RESPONSE. Returns (data, final SW)."""
        apdus = issuer_command(ins, p1p2, data, mode=mode)
        for part in apdus[:-1]:
            assert sw(self.send(part)) == OK
        response = self.send(apdus[-1])
        collected = body(response)
        while sw(response) >> 8 == 0x61:
            response = self.send(get_response(sw(response) & 0xFF or 256))
            collected += body(response)
        return collected, sw(response)

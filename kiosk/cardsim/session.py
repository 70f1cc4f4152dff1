"""The card's volatile state: what a reset, a power-off or a removal forgets."""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_CHAINED_DATA = 16 * 1024  # a certificate and its authorisation fit several times over


@dataclass
class Chain:
    """Command data collected from CLA 90 parts, waiting for the final CLA 80 part."""

    ins: int
    p1p2: int
    data: bytearray = field(default_factory=bytearray)


@dataclass
class Session:
    applet: bytes | None = None  # AID of the selected applet
    ef: int | None = None  # the current EF within it
    verified: set[str] = field(default_factory=set)  # kinds of the PINs verified since the applet was selected
    challenge: bytes | None = None  # from GET CHALLENGE, until an issuer command consumes it
    chain: Chain | None = None
    response: bytes = b""  # waiting for GET RESPONSE

    def select_applet(self, aid: bytes) -> None:
        self.applet = aid
        self.ef = None
        self.verified.clear()

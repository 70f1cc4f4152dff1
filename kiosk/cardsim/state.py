"""The card's persistent state: what survives a removal, a reset or a power cycle.

Applets hold EFs of three kinds: binary files (read with READ BINARY, some behind a PIN), key EFs (an RSA
private key that never leaves the card, and possibly a pending one from a staged key generation) and PIN
EFs (which point at a shared ``PinState``: on next-generation cards two EFs name one PIN).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cryptography.hazmat.primitives.asymmetric import rsa

from kiosk.cardsim import layout
from kiosk.cardsim.image import CardImage
from kiosk.cardsim.pins import PIN_RULES, PinState
from kiosk.domain.generation import CardGeneration


@dataclass
class BinaryFile:
    content: bytes
    read_pin: int | None = None  # the PIN EF (same applet) that must be verified before reading


@dataclass
class KeyFile:
    key: rsa.RSAPrivateKey
    pin: int  # the PIN EF (same applet) that must be verified before signing
    pending: rsa.RSAPrivateKey | None = None  # generated, waiting for its certificate


@dataclass
class PinFile:
    pin: PinState


ElementaryFile = BinaryFile | KeyFile | PinFile


@dataclass
class Applet:
    aid: bytes
    files: dict[int, ElementaryFile] = field(default_factory=dict)


# EFs that only the holder of a PIN may read: (applet, EF) -> PIN EF.
_READ_PROTECTED = {
    (layout.JPKI_AID, layout.SIGN_CERTIFICATE): layout.SIGN_PIN,
    (layout.CARD_INFO_AID, layout.MY_NUMBER): layout.CARD_INFO_PIN,
    (layout.CARD_INFO_AID, layout.ATTRIBUTES): layout.CARD_INFO_PIN,
}


@dataclass
class CardState:
    applets: dict[bytes, Applet]
    pins: dict[str, PinState]  # by kind: "auth", "sign", "card_info" / "short", "long"

    @classmethod
    def from_image(cls, image: CardImage) -> CardState:
        profile = image.profile
        applets = {aid: Applet(aid) for aid in image.applets}
        for (aid, fid), content in image.files.items():
            applets[aid].files[fid] = BinaryFile(content, _READ_PROTECTED.get((aid, fid)))
        for fid, key in image.keys.items():
            applets[layout.JPKI_AID].files[fid] = KeyFile(key, layout.BY_KEY[fid].pin)
        pins: dict[str, PinState] = {}
        pin_efs = layout.PIN_EFS_NEXT if profile.generation is CardGeneration.NEXT else layout.PIN_EFS_CURRENT
        for kind, setting in profile.pins:
            rule = PIN_RULES[kind]
            pin = PinState.create(kind, rule.pin_format, rule.max_tries, setting.value, setting.tries_left)
            pins[kind] = pin
            for aid, fid in pin_efs[kind]:
                if aid in applets:
                    applets[aid].files[fid] = PinFile(pin)
        return cls(applets, pins)

    def ef(self, aid: bytes, fid: int) -> ElementaryFile | None:
        applet = self.applets.get(aid)
        return applet.files.get(fid) if applet else None

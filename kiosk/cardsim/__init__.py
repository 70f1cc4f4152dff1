"""A virtual My Number Card: the public command set and the issuer channel, in-process or on a vpcd reader.

    from kiosk.cardsim import VirtualCard, load_profile, PROFILE_NAMES
    card = VirtualCard.from_profile("renewable")
    card.transmit(bytes.fromhex("00A4040C0AD392F000260100000001"))  # -> b"\\x90\\x00"

``kiosk.cardsim.vpcd`` attaches a card to pcscd's virtual reader. The names here are imported lazily, so
importing ``kiosk.cardsim.pcscd`` (the test suite does) does not load cryptography.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.cardsim.card import CardSnapshot, VirtualCard
    from kiosk.cardsim.profiles import PROFILE_NAMES, Profile, ProfileError, load_profile

__all__ = ["PROFILE_NAMES", "CardSnapshot", "Profile", "ProfileError", "VirtualCard", "load_profile"]

_HOMES = {
    "VirtualCard": "kiosk.cardsim.card",
    "CardSnapshot": "kiosk.cardsim.card",
    "Profile": "kiosk.cardsim.profiles",
    "ProfileError": "kiosk.cardsim.profiles",
    "load_profile": "kiosk.cardsim.profiles",
    "PROFILE_NAMES": "kiosk.cardsim.profiles",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'kiosk.cardsim' has no attribute {name!r}")
    return getattr(importlib.import_module(home), name)

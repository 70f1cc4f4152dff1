"""Card objects for the card layer's tests: a virtual card that records what it was sent, and a scripted
one that answers whatever a test chooses (any data, any status word)."""

from __future__ import annotations

from collections.abc import Iterator

from kiosk.cardsim import VirtualCard


class RecordingCard:
    """A virtual card that also keeps every command APDU it received."""

    def __init__(self, card: VirtualCard) -> None:
        self.card = card
        self.apdus: list[bytes] = []

    @property
    def atr(self) -> bytes:
        return self.card.atr

    def transmit(self, apdu: bytes) -> bytes:
        self.apdus.append(bytes(apdu))
        return self.card.transmit(apdu)

    def power_on(self) -> None:
        self.card.power_on()

    def power_off(self) -> None:
        self.card.power_off()


class ScriptedCard:
    """Answers each command with the next scripted response; ``6F 00`` once the script is spent."""

    atr = bytes.fromhex("3BDA13FF8131FB468012392F31C173C601C03B")

    def __init__(self, responses: list[tuple[bytes, int]]) -> None:
        self._responses: Iterator[tuple[bytes, int]] = iter(responses)
        self.apdus: list[bytes] = []

    def transmit(self, apdu: bytes) -> bytes:
        self.apdus.append(bytes(apdu))
        data, sw = next(self._responses, (b"", 0x6F00))
        return data + sw.to_bytes(2, "big")

    def power_on(self) -> None:
        pass

    def power_off(self) -> None:
        pass

"""The link's side of the vpcd protocol, with the test playing vpcd's part byte for byte.

The real pcscd is exercised in test_cardsim_vpcd.py; here the test needs what a shared pcscd cannot give:
closing the connection as a pcscd restart does, and splitting frames the way vpcd's Nagle-delayed writes do.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest

from kiosk.cardsim import VirtualCard
from kiosk.cardsim.vpcd import VpcdLink, VpcdUnavailable

from .helpers import AUTH_PIN, JPKI, select_applet, select_ef, verify

ACCEPT_TIMEOUT_S = 10.0


class PlayedVpcd:
    """vpcd's server end: 2-byte big-endian length, then the payload."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.server.settimeout(ACCEPT_TIMEOUT_S)
        self.port = self.server.getsockname()[1]

    def accept(self) -> socket.socket:
        connection, _ = self.server.accept()
        connection.settimeout(ACCEPT_TIMEOUT_S)
        return connection

    @staticmethod
    def send(connection: socket.socket, payload: bytes) -> None:
        # as vpcd does: the length and the body in two writes
        connection.sendall(len(payload).to_bytes(2, "big"))
        connection.sendall(payload)

    @staticmethod
    def receive(connection: socket.socket) -> bytes:
        header = connection.recv(2, socket.MSG_WAITALL)
        assert len(header) == 2, "the card closed the connection"
        size = int.from_bytes(header, "big")
        return connection.recv(size, socket.MSG_WAITALL) if size else b""

    def exchange(self, connection: socket.socket, apdu: bytes) -> bytes:
        self.send(connection, apdu)
        return self.receive(connection)

    def close(self) -> None:
        self.server.close()


@pytest.fixture
def vpcd() -> Iterator[PlayedVpcd]:
    played = PlayedVpcd()
    yield played
    played.close()


def test_control_codes_and_commands(card: VirtualCard, vpcd: PlayedVpcd) -> None:
    link = VpcdLink(card, vpcd.port)
    link.insert()
    connection = vpcd.accept()
    vpcd.send(connection, b"\x04")
    assert vpcd.receive(connection) == card.atr
    vpcd.send(connection, b"\x01")  # power on: no answer expected
    assert vpcd.exchange(connection, select_applet(JPKI)) == b"\x90\x00"
    assert card.selected_applet == JPKI
    vpcd.send(connection, b"\x02")  # reset: the selection is gone
    vpcd.send(connection, b"\x04")
    assert vpcd.receive(connection) == card.atr
    assert card.selected_applet is None
    vpcd.exchange(connection, select_applet(JPKI))
    vpcd.send(connection, b"\x00")  # power off
    vpcd.send(connection, b"\x04")
    vpcd.receive(connection)
    assert not card.powered and card.selected_applet is None
    assert link.wait_until_noticed(0)
    link.remove()
    assert connection.recv(1) == b""  # removed: the card closed its end
    connection.close()


def test_a_removal_mid_session_keeps_the_persistent_state(card: VirtualCard, vpcd: PlayedVpcd) -> None:
    link = VpcdLink(card, vpcd.port)
    link.insert()
    connection = vpcd.accept()
    vpcd.exchange(connection, select_applet(JPKI))
    vpcd.exchange(connection, select_ef(AUTH_PIN))
    assert vpcd.exchange(connection, verify(b"0000")) == b"\x63\xc2"
    link.remove()
    connection.close()
    assert card.selected_applet is None and card.tries_left("auth") == 2


def test_the_card_comes_back_when_vpcd_closes_the_connection(card: VirtualCard, vpcd: PlayedVpcd) -> None:
    """What a pcscd restart looks like from the card: the connection closes, a new vpcd listens again."""
    link = VpcdLink(card, vpcd.port)
    link.insert(reconnect=True)
    first = vpcd.accept()
    vpcd.exchange(first, select_applet(JPKI))
    vpcd.exchange(first, select_ef(AUTH_PIN))
    assert vpcd.exchange(first, verify(b"0000")) == b"\x63\xc2"
    first.close()  # pcscd went away
    second = vpcd.accept()  # and the card connects again by itself
    assert vpcd.exchange(second, verify()) == b"\x69\x86"  # a new session: nothing selected
    vpcd.exchange(second, select_applet(JPKI))
    vpcd.exchange(second, select_ef(AUTH_PIN))
    assert vpcd.exchange(second, verify()) == b"\x63\xc2"  # the counter survived
    assert link.insertions == 2
    link.remove()
    second.close()


def test_run_blocks_until_removed(card: VirtualCard, vpcd: PlayedVpcd) -> None:
    link = VpcdLink(card, vpcd.port)
    runner = threading.Thread(target=link.run, kwargs={"reconnect": True})
    runner.start()
    connection = vpcd.accept()
    assert vpcd.exchange(connection, select_applet(JPKI)) == b"\x90\x00"
    link.remove()
    runner.join(ACCEPT_TIMEOUT_S)
    assert not runner.is_alive()
    connection.close()


def test_without_reconnect_the_link_ends_with_the_connection(card: VirtualCard, vpcd: PlayedVpcd) -> None:
    link = VpcdLink(card, vpcd.port)
    runner = threading.Thread(target=link.run)
    runner.start()
    connection = vpcd.accept()
    connection.close()
    runner.join(ACCEPT_TIMEOUT_S)
    assert not runner.is_alive() and not link.inserted


def test_no_vpcd_listening(card: VirtualCard) -> None:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    with pytest.raises(VpcdUnavailable):
        VpcdLink(card, port).insert()
    with pytest.raises(VpcdUnavailable):
        VpcdLink(card, port).run(reconnect=True)  # the first connection must succeed

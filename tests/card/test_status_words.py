"""Status words: ``CardTransport.transmit`` raises for every status word its caller did not name, and each
call site of the card layer turns the card's refusals into the right typed error.

A scripted card answers each command with the status word a test chooses; the commands it received are
checked byte for byte."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import pytest

from kiosk.card import files, pins, status_words
from kiosk.card.apdu import Command
from kiosk.card.cardinfo import CardInfoSession
from kiosk.card.connection import InProcessConnection
from kiosk.card.issuer import IssuerSession
from kiosk.card.jpki import CertificateFile, JpkiSession, KeyFile
from kiosk.card.transport import CardTransport, ExtendedLengthMemory
from kiosk.domain.generation import Applet, PinLocation
from kiosk.domain.pins import PinKind
from kiosk.errors import (
    AppletNotFound,
    AuthorisationRejected,
    CardInfoAppletMissing,
    FileNotFound,
    IssuerChannelUnavailable,
    KioskError,
    NotMyNumberCard,
    PinBlocked,
    SecurityStatusNotSatisfied,
    UnexpectedStatus,
    WrongPin,
)

from .cards import ScriptedCard

OK = (b"", 0x9000)
AUTH_PIN = PinLocation(PinKind.AUTH, Applet.JPKI, 0x0018)
CARD_INFO_PIN = PinLocation(PinKind.CARD_INFO, Applet.CARD_INFO, 0x0011)
SELECT_JPKI = "00A4040C0AD392F000260100000001"
SELECT_CARD_INFO = "00A4040C0AD3921000310001010408"
GRANT = bytes(range(40))  # opaque to the terminal: any bytes do for the card's refusals


def scripted(*responses: tuple[bytes, int], extended: bool = True) -> tuple[ScriptedCard, CardTransport]:
    card = ScriptedCard(list(responses))
    memory = ExtendedLengthMemory()
    if not extended:
        memory.refuse("scripted")
    return card, CardTransport(InProcessConnection(card, "scripted"), memory=memory)


def sent(card: ScriptedCard) -> list[str]:
    return [apdu.hex().upper() for apdu in card.apdus]


# --- transmit ------------------------------------------------------------------------------------------


def test_only_90_00_passes_unless_the_caller_names_more() -> None:
    card, transport = scripted((b"\x01\x02", 0x9000), (b"\x03", 0x6282), (b"\x03", 0x6282))
    read = Command(0x00, 0xB0, 0x00, 0x00, ne=0x20)
    assert transport.transmit(read).data == b"\x01\x02"
    assert transport.transmit(read, expect={0x9000, 0x6282}).sw == 0x6282
    with pytest.raises(UnexpectedStatus) as refused:
        transport.transmit(read)
    assert refused.value.sw == 0x6282
    assert refused.value.operation == "00 B0 00 00"  # the header names an unnamed operation
    assert sent(card) == ["00B0000020"] * 3


@pytest.mark.parametrize(("sw", "error"), [
    (0x6982, SecurityStatusNotSatisfied),
    (0x6A82, FileNotFound),
    (0x6A80, UnexpectedStatus),
    (0x6F00, UnexpectedStatus),
    (0x6300, UnexpectedStatus),
])
def test_the_general_mapping(sw: int, error: type[KioskError]) -> None:
    _card, transport = scripted((b"", sw))
    with pytest.raises(error) as refused:
        transport.transmit(Command(0x00, 0xA4, 0x02, 0x0C, b"\x00\x06"), operation="select the token")
    assert type(refused.value) is error
    assert "select the token" in str(refused.value)


def test_a_refusal_names_the_error() -> None:
    _card, transport = scripted((b"", 0x6985))
    with pytest.raises(AuthorisationRejected) as refused:
        transport.transmit(Command(0x80, 0x2C, 0x00, 0x1B, b"x"), refusal=status_words.authorisation_error_for)
    assert refused.value.sw == 0x6985


def test_a_refused_chained_part_stops_the_command_and_raises() -> None:
    card, transport = scripted(OK, (b"", 0x6A80), extended=False)
    with pytest.raises(UnexpectedStatus) as refused:
        transport.transmit(Command(0x80, 0xD6, 0x00, 0x0A, bytes(600)), operation="write")
    assert refused.value.sw == 0x6A80
    assert sent(card) == ["90D6000AFF" + "00" * 255] * 2  # the third part never went


def test_the_status_word_after_get_response_is_the_one_checked() -> None:
    card, transport = scripted((b"\xAA" * 4, 0x6104), (b"\xBB" * 4, 0x6982))
    with pytest.raises(SecurityStatusNotSatisfied):
        transport.transmit(Command(0x00, 0xB0, 0x00, 0x00, ne=0x20))
    assert sent(card) == ["00B0000020", "00C0000004"]


# --- every call site ------------------------------------------------------------------------------------

Step = Callable[[CardTransport], object]
CASES: list[tuple[str, Step, list[tuple[bytes, int]], list[str], type[KioskError]]] = [
    ("select applet: none", lambda t: files.select_applet(t, bytes.fromhex("D392F000260100000001")),
     [(b"", 0x6A82)], [SELECT_JPKI], AppletNotFound),
    ("select applet: refused", lambda t: files.select_applet(t, bytes.fromhex("D392F000260100000001")),
     [(b"", 0x6D00)], [SELECT_JPKI], UnexpectedStatus),
    ("JPKI session: no applet", JpkiSession, [(b"", 0x6A82)], [SELECT_JPKI], NotMyNumberCard),
    ("JPKI session: select refused", JpkiSession, [(b"", 0x6E00)], [SELECT_JPKI], NotMyNumberCard),
    ("card-info session: no applet", CardInfoSession, [(b"", 0x6A82)], [SELECT_CARD_INFO], CardInfoAppletMissing),
    ("card-info session: select refused", CardInfoSession, [(b"", 0x6F00)], [SELECT_CARD_INFO], UnexpectedStatus),
    ("issuer session: no JPKI applet", IssuerSession, [(b"", 0x6A82)], [SELECT_JPKI], NotMyNumberCard),
    ("issuer session: no card-info applet", lambda t: IssuerSession(t, Applet.CARD_INFO), [(b"", 0x6A82)],
     [SELECT_CARD_INFO], CardInfoAppletMissing),
    ("select EF: none", lambda t: files.select_ef(t, 0x001A), [(b"", 0x6A82)], ["00A4020C02001A"], FileNotFound),
    ("select EF: refused", lambda t: files.select_ef(t, 0x001A), [(b"", 0x6986)], ["00A4020C02001A"],
     UnexpectedStatus),
    ("read binary: needs a PIN", lambda t: files.read_binary(t, 0x0100, 0x20), [(b"", 0x6982)], ["00B0010020"],
     SecurityStatusNotSatisfied),
    ("read binary: no current EF", lambda t: files.read_binary(t, 0, 0x20), [(b"", 0x6A82)], ["00B0000020"],
     FileNotFound),
    ("read binary: refused", lambda t: files.read_binary(t, 0, 0x20), [(b"", 0x6F00)], ["00B0000020"],
     UnexpectedStatus),
    ("probe: no count", lambda t: pins.probe(t, AUTH_PIN), [OK, OK], ["00A4020C020018", "00200080"],
     UnexpectedStatus),
    ("probe: no PIN EF", lambda t: pins.probe(t, AUTH_PIN), [(b"", 0x6A82)], ["00A4020C020018"], FileNotFound),
    ("verify: wrong", lambda t: pins.verify(t, AUTH_PIN, bytearray(b"1234")), [OK, (b"", 0x63C2)],
     ["00A4020C020018", "002000800431323334"], WrongPin),
    ("verify: wrong, count asked", lambda t: pins.verify(t, AUTH_PIN, bytearray(b"1234")),
     [OK, (b"", 0x6300), (b"", 0x63C1)], ["00A4020C020018", "002000800431323334", "00200080"], WrongPin),
    ("verify: blocked", lambda t: pins.verify(t, AUTH_PIN, bytearray(b"1234")), [OK, (b"", 0x6983)],
     ["00A4020C020018", "002000800431323334"], PinBlocked),
    ("verify: refused", lambda t: pins.verify(t, AUTH_PIN, bytearray(b"1234")), [OK, (b"", 0x6700)],
     ["00A4020C020018", "002000800431323334"], UnexpectedStatus),
    ("change: blocked", lambda t: pins.change(t, AUTH_PIN, bytearray(b"9876")), [(b"", 0x63C0)],
     ["002401800439383736"], PinBlocked),
    ("change: not verified", lambda t: pins.change(t, AUTH_PIN, bytearray(b"9876")), [(b"", 0x6982)],
     ["002401800439383736"], SecurityStatusNotSatisfied),
    ("sign: not verified", lambda t: JpkiSession(t).sign_digest(KeyFile.AUTH, hashlib.sha256(b"x").digest()),
     [OK, OK, (b"", 0x6982)],
     [SELECT_JPKI, "00A4020C020017",
      "802A008033" + "3031300D060960864801650304020105000420" + hashlib.sha256(b"x").hexdigest().upper() + "00"],
     SecurityStatusNotSatisfied),
    ("certificate: needs the PIN", lambda t: JpkiSession(t).read_certificate(CertificateFile.SIGN),
     [OK, OK, (b"", 0x6982)], [SELECT_JPKI, "00A4020C020001", "00B00000000000"], SecurityStatusNotSatisfied),
    ("attributes: needs the PIN", lambda t: CardInfoSession(t).read_attributes(), [OK, OK, (b"", 0x6982)],
     [SELECT_CARD_INFO, "00A4020C020002", "00B00000000000"], SecurityStatusNotSatisfied),
    ("card-info PIN: wrong", lambda t: CardInfoSession(t).verify_pin(CARD_INFO_PIN, bytearray(b"1111")),
     [OK, OK, (b"", 0x63C2)], [SELECT_CARD_INFO, "00A4020C020011", "002000800431313131"], WrongPin),
    ("card ID: no channel (6A 88)", lambda t: IssuerSession(t).card_id(), [OK, (b"", 0x6A88)],
     [SELECT_JPKI, "80CA00C100"], IssuerChannelUnavailable),
    ("card ID: no channel (6D 00)", lambda t: IssuerSession(t).card_id(), [OK, (b"", 0x6D00)],
     [SELECT_JPKI, "80CA00C100"], IssuerChannelUnavailable),
    ("card ID: no channel (6E 00)", lambda t: IssuerSession(t).card_id(), [OK, (b"", 0x6E00)],
     [SELECT_JPKI, "80CA00C100"], IssuerChannelUnavailable),
    ("card ID: refused", lambda t: IssuerSession(t).card_id(), [OK, (b"", 0x6F00)],
     [SELECT_JPKI, "80CA00C100"], UnexpectedStatus),
    ("challenge: refused", lambda t: IssuerSession(t).challenge(), [OK, (b"", 0x6985)],
     [SELECT_JPKI, "0084000008"], UnexpectedStatus),
    ("generate: replayed", lambda t: IssuerSession(t).generate_key_pair(KeyFile.AUTH, GRANT),
     [OK, (b"", 0x6985)], [SELECT_JPKI, "80460017000028" + GRANT.hex().upper() + "0000"], AuthorisationRejected),
    ("generate: no channel", lambda t: IssuerSession(t).generate_key_pair(KeyFile.AUTH, GRANT),
     [OK, (b"", 0x6D00)], [SELECT_JPKI, "80460017000028" + GRANT.hex().upper() + "0000"],
     IssuerChannelUnavailable),
    ("write: foreign", lambda t: IssuerSession(t).write_certificate(CertificateFile.AUTH, GRANT, b"\x30\x00"),
     [OK, (b"", 0x6982)], [SELECT_JPKI, "80D6000A2A" + GRANT.hex().upper() + "3000"], AuthorisationRejected),
    ("write: refused", lambda t: IssuerSession(t).write_certificate(CertificateFile.AUTH, GRANT, b"\x30\x00"),
     [OK, (b"", 0x6581)], [SELECT_JPKI, "80D6000A2A" + GRANT.hex().upper() + "3000"], UnexpectedStatus),
    ("reset: bad format", lambda t: IssuerSession(t).reset_pin(AUTH_PIN, GRANT, bytearray(b"12")),
     [OK, (b"", 0x6A80)], [SELECT_JPKI, "802C00182A" + GRANT.hex().upper() + "3132"], AuthorisationRejected),
]


@pytest.mark.parametrize(("step", "script", "apdus", "error"), [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
def test_each_call_site_raises_the_typed_error(step: Step, script: list[tuple[bytes, int]], apdus: list[str],
                                               error: type[KioskError]) -> None:
    card, transport = scripted(*script)
    with pytest.raises(error) as raised:
        step(transport)
    assert type(raised.value) is error
    assert sent(card) == apdus


@pytest.mark.parametrize(("sw", "data", "left"), [(0x63C3, b"", 3), (0x63C0, b"", 0), (0x6983, b"", 0),
                                                  (0x6984, b"", 0)])
def test_a_probe_takes_every_tries_left_answer(sw: int, data: bytes, left: int) -> None:
    card, transport = scripted(OK, (data, sw))
    assert pins.probe(transport, AUTH_PIN).tries_left == left
    assert sent(card) == ["00A4020C020018", "00200080"]


@pytest.mark.parametrize(("sw", "data"), [(0x9000, b"\x01\x02"), (0x6282, b"\x01\x02"), (0x6B00, b"")])
def test_read_binary_takes_the_end_of_the_file(sw: int, data: bytes) -> None:
    card, transport = scripted((b"\x01\x02" if sw != 0x6B00 else b"", sw))
    assert files.read_binary(transport, 0x0102, 0x20) == data
    assert sent(card) == ["00B0010220"]


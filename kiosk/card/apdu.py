"""Command APDUs (ISO 7816-4, short and extended length), responses, and how they appear in a log.

Encoding writes into a ``bytearray`` because the data of VERIFY, CHANGE REFERENCE DATA and RESET PIN is a
PIN: the caller wipes the buffer after sending it. ``describe`` is the only way an APDU reaches a log; it
shows the header and, except for those three instructions, the data (theirs is left out, length
included). Responses are described by length and status word only: a response may carry the holder's name
and address (card-info applet), which no log should keep.
"""

from __future__ import annotations

from typing import NamedTuple

INS_VERIFY = 0x20
INS_CHANGE_REFERENCE_DATA = 0x24
INS_RESET_PIN = 0x2C  # RESET RETRY COUNTER; the issuer channel's RESET PIN shares the instruction
INS_COMPUTE_SIGNATURE = 0x2A
INS_GENERATE_KEY_PAIR = 0x46
INS_GET_CHALLENGE = 0x84
INS_SELECT = 0xA4
INS_READ_BINARY = 0xB0
INS_GET_RESPONSE = 0xC0
INS_GET_DATA = 0xCA
INS_WRITE_CERTIFICATE = 0xD6

SECRET_DATA_INSTRUCTIONS = frozenset({INS_VERIFY, INS_CHANGE_REFERENCE_DATA, INS_RESET_PIN})

CLA_CHAINING = 0x10  # ISO 7816-4: "more parts of this command follow"
SHORT_MAX_DATA = 255
SHORT_MAX_NE = 256
EXTENDED_MAX_NE = 65536

SW_OK = 0x9000


class Command(NamedTuple):  # a tuple: built per APDU, so cheap to make
    """A command before encoding. ``ne`` is the number of response bytes wanted (0: no Le field)."""

    cla: int
    ins: int
    p1: int
    p2: int
    data: bytes | bytearray = b""
    ne: int = 0

    def __repr__(self) -> str:  # the data may be a PIN
        return f"Command({describe_header(self.cla, self.ins, self.p1, self.p2)}, {len(self.data)} data bytes)"

    @property
    def needs_extended(self) -> bool:
        return len(self.data) > SHORT_MAX_DATA or self.ne > SHORT_MAX_NE

    def with_ne(self, ne: int) -> Command:
        return Command(self.cla, self.ins, self.p1, self.p2, self.data, ne)


class Response(NamedTuple):
    data: bytes
    sw: int

    @property
    def sw1(self) -> int:
        return self.sw >> 8

    @property
    def sw2(self) -> int:
        return self.sw & 0xFF

    @property
    def ok(self) -> bool:
        return self.sw == SW_OK


def encode(command: Command, *, extended: bool = False) -> bytearray:
    """The wire form of ``command``; ``extended`` forces the extended length fields (needed past 255/256)."""
    lc = len(command.data)
    if not extended and command.needs_extended:
        raise ValueError("this command needs extended length fields")
    if lc > 0xFFFF or command.ne > EXTENDED_MAX_NE or command.ne < 0:
        raise ValueError("length out of range")
    apdu = bytearray((command.cla, command.ins, command.p1, command.p2))
    if extended and (lc or command.ne):
        apdu.append(0x00)
        if lc:
            apdu += lc.to_bytes(2, "big")
            apdu += command.data
        if command.ne:
            apdu += (command.ne % EXTENDED_MAX_NE).to_bytes(2, "big")
        return apdu
    if lc:
        apdu.append(lc)
        apdu += command.data
    if command.ne:
        apdu.append(command.ne % SHORT_MAX_NE)
    return apdu


def parse_response(raw: bytes | bytearray) -> Response:
    if len(raw) < 2:
        raise ValueError("a response has at least a status word")
    return Response(bytes(raw[:-2]), raw[-2] << 8 | raw[-1])


def describe_header(cla: int, ins: int, p1: int, p2: int) -> str:
    return f"{cla:02X} {ins:02X} {p1:02X} {p2:02X}"


def describe(apdu: bytes | bytearray) -> str:
    """A command APDU for the log, with the data of PIN-carrying instructions redacted."""
    if len(apdu) < 4:
        return f"<{len(apdu)} bytes>"
    header = describe_header(apdu[0], apdu[1], apdu[2], apdu[3])
    body = apdu[4:]
    if not body:
        return header
    if apdu[1] in SECRET_DATA_INSTRUCTIONS:
        return f"{header} [data redacted]"  # not even its length: that would hint at the password's
    return f"{header} {bytes(body).hex(' ').upper()}"


def describe_response(response: Response) -> str:
    return f"{response.sw:04X} ({len(response.data)} bytes)"

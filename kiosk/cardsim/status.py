"""The status words the virtual card answers with (ISO 7816-4 and jpki-reference.md, "Status words")."""

from __future__ import annotations

OK = 0x9000
END_OF_FILE = 0x6282  # fewer bytes than an explicit Le asked for: the rest of the file is returned
WRONG_LENGTH = 0x6700
CHAINING_NOT_SUPPORTED = 0x6884
INCOMPATIBLE_FILE = 0x6981  # the current EF has the wrong kind for the command (READ BINARY of a PIN EF)
SECURITY_STATUS = 0x6982
CONDITIONS_NOT_SATISFIED = 0x6985
NO_CURRENT_EF = 0x6986
WRONG_DATA = 0x6A80
FILE_NOT_FOUND = 0x6A82
WRONG_P1P2 = 0x6A86
DATA_NOT_FOUND = 0x6A88
OFFSET_BEYOND_END = 0x6B00
INS_NOT_SUPPORTED = 0x6D00
CLA_NOT_SUPPORTED = 0x6E00


def tries_left(count: int) -> int:
    """``63 Cx``: a wrong PIN, or the answer to a tries-left probe, with x tries left."""
    return 0x63C0 | min(count, 0x0F)


def more_data(remaining: int) -> int:
    """``61 xx``: response data waiting for GET RESPONSE (xx = 00 means 256 or more)."""
    return 0x6100 | (remaining if remaining < 0x100 else 0)

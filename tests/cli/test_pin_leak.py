"""Every PIN command, at full verbosity, then a search of everything written for every PIN typed.

Covers right, wrong, badly formatted and mismatched PINs, both cases of the signing password, the three
PIN kinds, ``status``, ``verify-pin``, ``change-pin`` and ``info``: the standard output and error of each
command (the terminal's log goes to standard error at ``-vv``) and the virtual card's own log.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from virtual_cards import cardsim_process, run_kiosk

from kiosk.cardsim.pcscd import Slot

from .test_card_cli import write_profile

pytestmark = pytest.mark.pcsc

AUTH, SIGN, CARD_INFO = "4827", "QX7ZK9PW", "6153"
NEW_AUTH, NEW_SIGN, NEW_CARD_INFO = "7394", "mz4rt8lq", "2619"
WRONG_AUTH, MALFORMED, MISMATCH_A, MISMATCH_B = "9306", "48x7", "5081", "5082"
SECRETS = [AUTH, SIGN, CARD_INFO, NEW_AUTH, NEW_SIGN, NEW_SIGN.upper(), NEW_CARD_INFO, WRONG_AUTH, MALFORMED,
           MISMATCH_A, MISMATCH_B, SIGN.lower()]


def _patterns(secret: str) -> list[re.Pattern[str]]:
    """The forms a leaked PIN would take: as typed, as the hex of an APDU dump, as a Python bytes repr."""
    hex_plain = secret.encode().hex()
    hex_spaced = secret.encode().hex(" ")
    return [
        re.compile(rf"(?<![0-9A-Za-z.]){re.escape(secret)}(?![0-9A-Za-z.])", re.IGNORECASE),
        re.compile(re.escape(hex_plain), re.IGNORECASE),
        re.compile(re.escape(hex_spaced), re.IGNORECASE),
    ]


def test_no_pin_appears_in_any_output_or_log(vpcd_slot: Slot, tmp_path: Path) -> None:
    profile = write_profile(tmp_path, "leak", f'[pins.auth]\nvalue = "{AUTH}"\n[pins.sign]\nvalue = "{SIGN}"\n'
                                              f'[pins.card_info]\nvalue = "{CARD_INFO}"')
    card_log = tmp_path / "cardsim.log"
    reader = ["--reader", vpcd_slot.reader]
    runs = [
        (["card", "status", *reader], ""),
        (["card", "status", "--json", *reader], ""),
        (["card", "verify-pin", "--kind", "auth", *reader], f"{WRONG_AUTH}\n"),
        (["card", "verify-pin", "--kind", "auth", *reader], f"{MALFORMED}\n"),
        (["card", "verify-pin", "--kind", "auth", *reader], f"{AUTH}\n"),
        (["card", "verify-pin", "--kind", "sign", *reader], f"{SIGN.lower()}\n"),
        (["card", "change-pin", "--kind", "auth", *reader], f"{AUTH}\n{MISMATCH_A}\n{MISMATCH_B}\n"),
        (["card", "change-pin", "--kind", "auth", *reader], f"{AUTH}\n{NEW_AUTH}\n{NEW_AUTH}\n"),
        (["card", "change-pin", "--kind", "sign", *reader], f"{SIGN}\n{NEW_SIGN}\n{NEW_SIGN.upper()}\n"),
        (["card", "change-pin", "--kind", "card-info", *reader], f"{CARD_INFO}\n{NEW_CARD_INFO}\n{NEW_CARD_INFO}\n"),
        (["card", "info", *reader], f"{NEW_CARD_INFO}\n"),
        (["card", "verify-pin", "--kind", "auth", *reader], f"{NEW_AUTH}\n"),
        (["card", "verify-pin", "--kind", "sign", *reader], f"{NEW_SIGN}\n"),
        (["card", "status", "--json", *reader], ""),
    ]
    outputs: list[str] = []
    codes: list[int] = []
    with cardsim_process(vpcd_slot, profile_file=profile, log_file=card_log):
        for arguments, typed in runs:
            result = run_kiosk(["-vv", *arguments], stdin=typed)
            codes.append(result.returncode)
            outputs += [result.stdout, result.stderr]
    outputs.append(card_log.read_text(encoding="utf-8", errors="replace"))
    # The commands did what they were asked (so the search covers the success paths too).
    assert codes == [0, 0, 8, 2, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0], list(zip(runs, codes, strict=True))
    everything = "\n".join(outputs)
    for secret in SECRETS:
        for pattern in _patterns(secret):
            match = pattern.search(everything)
            context = everything[max(0, match.start() - 80):match.end() + 20] if match else ""
            assert match is None, f"a PIN shows in the output: ...{context}"
    assert "[data redacted]" in everything  # the APDU log was on: the search covered it

"""Every PIN command, at full verbosity, then a search of everything written for every PIN typed.

Covers right, wrong, badly formatted and mismatched PINs, both cases of the signing password, the three
PIN kinds, ``status``, ``verify-pin``, ``change-pin`` and ``info``: the standard output and error of each
command (the terminal's log goes to standard error at ``-vv``) and the virtual card's own log. The same for
every ``kiosk flow`` procedure, adding the terminal's database file and the central service's.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from central_server import DEMO_TERMINAL, KIOSK_TERMINAL, CentralHandle, central  # noqa: F401 - fixture
from virtual_cards import cardsim_process, run_kiosk

from kiosk.cardsim.pcscd import Slot

from .flow_runs import run_with_pins, terminal_environment
from .test_card_cli import write_profile

pytestmark = pytest.mark.pcsc

AUTH, SIGN, CARD_INFO = "4827", "QX7ZK9PW", "6153"
NEW_AUTH, NEW_SIGN, NEW_CARD_INFO = "7394", "mz4rt8lq", "2619"
WRONG_AUTH, MALFORMED, MISMATCH_A, MISMATCH_B = "9306", "48x7", "5081", "5082"
RENEW_AUTH, RENEW_SIGN = "6082", "TK5P2MVR"
SECRETS = [AUTH, SIGN, CARD_INFO, NEW_AUTH, NEW_SIGN, NEW_SIGN.upper(), NEW_CARD_INFO, WRONG_AUTH, MALFORMED,
           MISMATCH_A, MISMATCH_B, SIGN.lower(), RENEW_AUTH, RENEW_SIGN, RENEW_SIGN.lower()]
# Generated identifiers (record keys) are random hex: a 4-digit group of one is no PIN, and is left out.
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)


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


def _assert_no_secret(everything: str) -> None:
    everything = _UUID.sub("<uuid>", everything)
    for secret in SECRETS:
        for pattern in _patterns(secret):
            match = pattern.search(everything)
            context = everything[max(0, match.start() - 80):match.end() + 20] if match else ""
            assert match is None, f"a PIN shows in the output: ...{context}"


def _database_text(path: Path) -> str:
    """The SQLite file and its write-ahead log, as text (binary parts decode to replacement characters)."""
    files = [path, path.with_name(path.name + "-wal")]
    return "\n".join(file.read_bytes().decode("utf-8", "replace") for file in files if file.exists())


def test_no_pin_appears_in_any_flow_output_or_database(vpcd_slot: Slot, tmp_path: Path,
                                                       central: CentralHandle) -> None:  # noqa: F811
    profile = write_profile(tmp_path, "leak", f'[pins.auth]\nvalue = "{AUTH}"\n[pins.sign]\nvalue = "{SIGN}"\n'
                                              f'[pins.card_info]\nvalue = "{CARD_INFO}"', expires="today+60d")
    card_log = tmp_path / "cardsim.log"
    counter = terminal_environment(tmp_path / "counter", central, DEMO_TERMINAL, vpcd_slot.reader)
    kiosk = terminal_environment(tmp_path / "kiosk", central, KIOSK_TERMINAL, vpcd_slot.reader)
    staff = ["--staff-id", "S0012", "--identity-check", "photo"]
    expires = ["--card-expires-on", "2035-06-01"]
    runs = [
        (["flow", "check"], [], counter),
        (["flow", "check", "--json"], [], kiosk),
        (["flow", "card-info", "--staff-id", "S0012"], [WRONG_AUTH, MALFORMED, CARD_INFO], counter),
        (["flow", "change-pin", "--kind", "auth"], [MISMATCH_A, MISMATCH_B, NEW_AUTH, NEW_AUTH, MALFORMED, WRONG_AUTH,
                                                    AUTH], kiosk),
        (["flow", "change-pin", "--kind", "auth", "--json"], [MISMATCH_A, MISMATCH_A, WRONG_AUTH], kiosk),
        (["flow", "reset-pin", "--kind", "sign", "--proof", "auth", "--json"], [NEW_SIGN, NEW_SIGN.upper(), NEW_AUTH],
         kiosk),
        (["flow", "reset-pin", "--kind", "card-info", *staff], [NEW_CARD_INFO, NEW_CARD_INFO], counter),
        (["flow", "card-info", "--staff-id", "S0012", "--json"], [NEW_CARD_INFO], counter),
        (["flow", "renew", *staff, *expires, "--json"],
         [NEW_CARD_INFO, NEW_SIGN.lower(), RENEW_AUTH, RENEW_AUTH, RENEW_SIGN, RENEW_SIGN.lower()], counter),
        (["flow", "change-pin", "--kind", "sign"], [SIGN, SIGN, WRONG_AUTH, RENEW_SIGN], kiosk),
        (["card", "verify-pin", "--kind", "auth"], [RENEW_AUTH], kiosk),
        (["card", "change-pin", "--kind", "card-info"], [NEW_CARD_INFO, CARD_INFO, CARD_INFO], kiosk),
        (["flow", "check", "--json"], [], counter),
    ]
    outputs: list[str] = []
    codes: list[int] = []
    with cardsim_process(vpcd_slot, profile_file=profile, log_file=card_log):
        for arguments, pins, env in runs:
            result = run_with_pins(["-vv", *arguments], pins, env)
            codes.append(result.returncode)
            outputs += [result.stdout, result.stderr]
    # The commands did what they were asked (so the search covers the success paths too).
    assert codes == [0, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0], list(zip(runs, codes, strict=True))
    outputs.append(card_log.read_text(encoding="utf-8", errors="replace"))
    outputs += [_database_text(tmp_path / "counter" / "kiosk.sqlite3"),
                _database_text(tmp_path / "kiosk" / "kiosk.sqlite3"),
                _database_text(Path(central.database_url.removeprefix("sqlite:///")))]
    everything = "\n".join(outputs)
    _assert_no_secret(everything)
    assert "[data redacted]" in everything  # the APDU log was on: the search covered it
    assert everything.count("delivered to the central service") == 11  # every flow's record reached the service

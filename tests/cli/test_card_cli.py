"""``kiosk card ...`` as a technician runs it, against ``kiosk cardsim`` in a real pcscd + vpcd reader."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from virtual_cards import REPO, cardsim_process, kiosk_environment, run_kiosk

from kiosk.cardsim import PROFILE_NAMES
from kiosk.cardsim.mynumber import complete
from kiosk.cardsim.pcscd import Slot
from kiosk.cli.exitcodes import ExitCode
from kiosk.domain.validity import JST

pytestmark = pytest.mark.pcsc


def japan_today() -> date:
    return datetime.now(JST).date()


def write_profile(directory: Path, name: str, pins: str, *, token: str | None = None,
                  expires: str = "today+1500d") -> Path:
    """A training card profile file (docs/training-cards.md) with chosen PINs."""
    path = directory / f"{name}.toml"
    path.write_text(f'''
{f'token = "{token}"' if token else ""}
[holder]
name = "試験 太郎"
address = "東京都練習区研修町一丁目2番3号"
sex = "1"
my_number = "{complete("20000000123")}"
[card]
certificate_expires_on = "{expires}"
[pins]
{pins}
''', encoding="utf-8")
    return path


def status_json(slot: Slot, *extra: str) -> tuple[int, dict[str, object]]:
    result = run_kiosk(["card", "status", "--reader", slot.reader, "--json", *extra])
    return result.returncode, json.loads(result.stdout)


@pytest.mark.parametrize("profile", PROFILE_NAMES)
def test_status_json_of_every_profile(vpcd_slot: Slot, profile: str) -> None:
    with cardsim_process(vpcd_slot, profile=profile):
        code, document = status_json(vpcd_slot)
    if profile == "juki":
        assert code == ExitCode.RESIDENT_REGISTER_CARD
        assert document["error"] == {"code": "card.resident_register_card", "message": document["error"]["message"]}
        return
    if profile == "broken-cert":
        assert code == ExitCode.CARD_DATA
        assert document["error"]["code"] == "card.malformed_data"
        return
    assert code == ExitCode.OK
    assert document["schema"] == 1
    assert document["reader"] == vpcd_slot.reader
    assert document["on"] == japan_today().isoformat()
    card = document["card"]
    assert card["generation"] == ("next" if profile == "next-gen" else "current")
    assert card["token"] == ("JPKIAPICCTOKEN3" if profile == "next-gen" else "JPKIAPICCTOKEN2")
    certificate = document["auth_certificate"]
    int(certificate["serial"], 16)
    assert len(certificate["sha256"]) == 64
    not_after = datetime.fromisoformat(certificate["not_after"])
    assert not_after.utcoffset() == timedelta(hours=9)
    renewal = document["renewal"]
    assert renewal["expires_on"] == not_after.date().isoformat()
    assert renewal["days_left"] == (not_after.date() - japan_today()).days
    expected_state = {"renewable": "open", "expired": "expired"}.get(profile, "not_due")
    assert renewal["state"] == expected_state
    expected_pins = {"next-gen": {"short", "long"}, "minor": {"auth", "card_info"}}.get(
        profile, {"auth", "sign", "card_info"})
    assert set(document["pins"]) == expected_pins
    blocked = {kind for kind, pin in document["pins"].items() if pin["blocked"]}
    assert blocked == {"auth-blocked": {"auth"}, "sign-blocked": {"sign"}}.get(profile, set())
    assert all(pin["blocked"] == (pin["tries_left"] == 0) for pin in document["pins"].values())
    diagnostics = document["diagnostics"]
    assert diagnostics["apdus"] >= 9 and diagnostics["card_io_ms"] > 0


def test_status_on_a_chosen_date(vpcd_slot: Slot) -> None:
    with cardsim_process(vpcd_slot, profile="valid"):
        _code, today = status_json(vpcd_slot)
        opens_on = date.fromisoformat(today["renewal"]["opens_on"])
        expires_on = date.fromisoformat(today["renewal"]["expires_on"])
        _code, on_opening = status_json(vpcd_slot, "--on", opens_on.isoformat())
        _code, after = status_json(vpcd_slot, "--on", (expires_on + timedelta(days=1)).isoformat())
    assert today["renewal"]["state"] == "not_due"
    assert on_opening["renewal"]["state"] == "open"
    assert on_opening["renewal"]["days_left"] == (expires_on - opens_on).days
    assert (after["renewal"]["state"], after["renewal"]["days_left"]) == ("expired", -1)


def test_status_in_english_and_japanese(vpcd_slot: Slot) -> None:
    with cardsim_process(vpcd_slot, profile="renewable"):
        english = run_kiosk(["card", "status", "--reader", vpcd_slot.reader])
        japanese = run_kiosk(["card", "status", "--reader", vpcd_slot.reader],
                             env=kiosk_environment(KIOSK_LANG="ja"))
    assert english.returncode == 0 and japanese.returncode == 0
    assert "Renewal is possible now" in english.stdout
    assert "3 of 3 tries left" in english.stdout
    assert vpcd_slot.reader in japanese.stdout
    assert len(japanese.stdout.splitlines()) == len(english.stdout.splitlines())


def test_exit_codes_without_a_card_a_reader_or_the_service(vpcd_slot: Slot, tmp_path: Path) -> None:
    no_card = run_kiosk(["card", "status", "--reader", vpcd_slot.reader])
    assert no_card.returncode == ExitCode.NO_CARD
    assert "Please place your My Number Card" in no_card.stderr
    no_reader = run_kiosk(["card", "status", "--reader", "No Such Reader 00 00", "--json"])
    assert no_reader.returncode == ExitCode.NO_READER
    assert json.loads(no_reader.stdout)["error"]["code"] == "card.no_reader"
    # A PC/SC client that cannot reach the service: point it at a socket nobody serves.
    no_service = run_kiosk(["card", "status", "--json"],
                           env=kiosk_environment(PCSCLITE_CSOCK_NAME=str(tmp_path / "no-pcscd.comm")))
    assert no_service.returncode == ExitCode.PCSC_UNAVAILABLE
    assert json.loads(no_service.stdout)["error"]["code"] == "card.pcsc_unavailable"


def test_a_card_that_is_not_a_my_number_card(vpcd_slot: Slot, tmp_path: Path) -> None:
    profile = write_profile(tmp_path, "phone", '[pins.auth]\nvalue = "1234"\n[pins.sign]\nvalue = "ABC123"\n'
                            '[pins.card_info]\nvalue = "5678"', token="JPKIAPGPSETOKEN")
    with cardsim_process(vpcd_slot, profile_file=profile):
        result = run_kiosk(["card", "status", "--reader", vpcd_slot.reader])
    assert result.returncode == ExitCode.NOT_MY_NUMBER_CARD
    assert "not a My Number Card" in result.stderr


def test_verify_pin_right_and_wrong(vpcd_slot: Slot) -> None:
    with cardsim_process(vpcd_slot, profile="valid"):
        right = run_kiosk(["card", "verify-pin", "--kind", "auth", "--reader", vpcd_slot.reader], stdin="1234\n")
        wrong = run_kiosk(["card", "verify-pin", "--kind", "sign", "--reader", vpcd_slot.reader], stdin="abc999\n")
        _code, document = status_json(vpcd_slot)
    assert right.returncode == 0, right.stderr
    assert "is correct" in right.stdout
    assert wrong.returncode == ExitCode.WRONG_PIN
    assert "4 tries are left" in wrong.stderr
    assert document["pins"]["sign"]["tries_left"] == 4


def test_a_malformed_pin_never_reaches_the_card(vpcd_slot: Slot) -> None:
    with cardsim_process(vpcd_slot, profile="valid"):
        result = run_kiosk(["card", "verify-pin", "--kind", "auth", "--reader", vpcd_slot.reader], stdin="12a\n")
        _code, document = status_json(vpcd_slot)
    assert result.returncode == ExitCode.USAGE
    assert "Use digits only" in result.stderr
    assert document["pins"]["auth"]["tries_left"] == 3


def test_the_last_try_needs_a_typed_confirmation(vpcd_slot: Slot, tmp_path: Path) -> None:
    profile = write_profile(tmp_path, "last-try", '[pins.auth]\nvalue = "1234"\ntries_left = 1\n'
                            '[pins.sign]\nvalue = "ABC123"\n[pins.card_info]\nvalue = "5678"')
    with cardsim_process(vpcd_slot, profile_file=profile):
        declined = run_kiosk(["card", "verify-pin", "--kind", "auth", "--reader", vpcd_slot.reader],
                             stdin="no\n1234\n")
        _code, untouched = status_json(vpcd_slot)
        confirmed = run_kiosk(["card", "verify-pin", "--kind", "auth", "--reader", vpcd_slot.reader],
                              stdin="yes\n1234\n")
        _code, restored = status_json(vpcd_slot)
    assert declined.returncode == ExitCode.CANCELLED
    assert "only one try left" in declined.stderr
    assert untouched["pins"]["auth"]["tries_left"] == 1
    assert confirmed.returncode == 0, confirmed.stderr
    assert restored["pins"]["auth"]["tries_left"] == 3


def test_a_blocked_pin_is_not_asked_for(vpcd_slot: Slot) -> None:
    with cardsim_process(vpcd_slot, profile="sign-blocked"):
        result = run_kiosk(["card", "verify-pin", "--kind", "sign", "--reader", vpcd_slot.reader], stdin="")
    assert result.returncode == ExitCode.PIN_BLOCKED
    assert "Enter" not in result.stderr
    assert "locked" in result.stderr


def test_change_pin_asks_twice_and_checks_before_touching_the_card(vpcd_slot: Slot) -> None:
    reader = ["--reader", vpcd_slot.reader]
    with cardsim_process(vpcd_slot, profile="valid"):
        mismatch = run_kiosk(["card", "change-pin", "--kind", "card-info", *reader], stdin="5678\n1111\n2222\n")
        changed = run_kiosk(["card", "change-pin", "--kind", "sign", *reader], stdin="ABC123\nnewpass7\nNEWPASS7\n")
        old = run_kiosk(["card", "verify-pin", "--kind", "sign", *reader], stdin="ABC123\n")
        new = run_kiosk(["card", "verify-pin", "--kind", "sign", *reader], stdin="newpass7\n")
    assert mismatch.returncode == ExitCode.USAGE
    assert "do not match" in mismatch.stderr
    assert changed.returncode == 0, changed.stderr
    assert "was changed" in changed.stdout
    assert old.returncode == ExitCode.WRONG_PIN
    assert new.returncode == 0


def test_info_shows_the_card_info_attributes(vpcd_slot: Slot) -> None:
    with cardsim_process(vpcd_slot, profile="valid"):
        result = run_kiosk(["card", "info", "--reader", vpcd_slot.reader], stdin="5678\n")
    assert result.returncode == 0, result.stderr
    assert "番号 太郎" in result.stdout
    assert "male" in result.stdout


def test_info_on_a_next_generation_card_takes_its_short_pin(vpcd_slot: Slot) -> None:
    with cardsim_process(vpcd_slot, profile="next-gen"):
        result = run_kiosk(["card", "info", "--reader", vpcd_slot.reader], stdin="1234\n")
    assert result.returncode == 0, result.stderr
    assert "次世代 葵" in result.stdout


def _read_until(master: int, text: str, timeout_s: float = 30.0) -> str:
    """What the terminal shows until ``text`` appears (or the program closes it)."""
    shown = b""
    deadline = time.monotonic() + timeout_s
    while text.encode() not in shown and time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.2)
        if not ready:
            continue
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the program ended and closed its terminal
            break
        if not chunk:
            break
        shown += chunk
    return shown.decode("utf-8", errors="replace")


def test_a_pin_typed_at_a_terminal_is_not_echoed(vpcd_slot: Slot) -> None:
    with cardsim_process(vpcd_slot, profile="valid"):
        master, terminal = pty.openpty()
        process = subprocess.Popen([sys.executable, "-m", "kiosk", "card", "verify-pin", "--kind", "auth",
                                    "--reader", vpcd_slot.reader], stdin=terminal, stdout=terminal,
                                   stderr=terminal, env=kiosk_environment(), cwd=REPO)
        os.close(terminal)
        try:
            shown = _read_until(master, "Enter the")
            os.write(master, b"1234\n")
            shown += _read_until(master, "is correct")
            assert process.wait(timeout=30) == 0
        finally:
            os.close(master)
            if process.poll() is None:
                process.kill()
    assert "is correct" in shown
    assert "1234" not in shown

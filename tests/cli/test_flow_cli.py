"""``kiosk flow ...`` run as a separate process against a virtual card in a real pcscd reader and the reference
central service over HTTP: PINs on ``--pin-fd``, the ``--json`` outcome, the exit codes, the card's state."""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from central_server import DEMO_TERMINAL, KIOSK_TERMINAL, CentralHandle, central  # noqa: F401 - fixture
from virtual_cards import REPO, card_in_reader, run_kiosk

from kiosk.cardsim import VirtualCard
from kiosk.cardsim.pcscd import Slot
from kiosk.cardsim.profiles import named_profile
from kiosk.cardsim.vpcd import LinkAction
from kiosk.cli.exitcodes import ExitCode
from kiosk.pki.training import TrainingPki

from .flow_runs import run_with_pins, terminal_environment

pytestmark = pytest.mark.pcsc

AUTH, SIGN, CARD_INFO = "1234", "ABC123", "5678"  # the training cards' PINs
NEW_AUTH, NEW_SIGN, NEW_CARD_INFO = "4321", "NEWPASS1", "2468"
STAFF = ["--staff-id", "S0012", "--identity-check", "photo"]
CHANGE_REFERENCE_DATA, GENERATE_KEY_PAIR = 0x24, 0x46


@pytest.fixture
def counter_env(tmp_path: Path, central: CentralHandle, vpcd_slot: Slot) -> dict[str, str]:  # noqa: F811
    return terminal_environment(tmp_path / "counter", central, DEMO_TERMINAL, vpcd_slot.reader)


@pytest.fixture
def kiosk_env(tmp_path: Path, central: CentralHandle, vpcd_slot: Slot) -> dict[str, str]:  # noqa: F811
    return terminal_environment(tmp_path / "kiosk", central, KIOSK_TERMINAL, vpcd_slot.reader)


def card(profile: str, pki: TrainingPki) -> VirtualCard:
    return VirtualCard.from_profile(profile, pki=pki)


def expiry(profile: str) -> str:
    return named_profile(profile).card_expires_on.isoformat()


def pin_works(use: str, pin: str, env: dict[str, str]) -> bool:
    """``kiosk card verify-pin --pin-fd`` (the card command's own --pin-fd) with ``pin``."""
    return run_with_pins(["card", "verify-pin", "--kind", use], [pin], env).returncode == ExitCode.OK


def test_check_records_and_delivers(counter_env: dict[str, str], vpcd_slot: Slot,
                                    training_pki: TrainingPki) -> None:
    with card_in_reader(card("renewable", training_pki), vpcd_slot):
        run = run_with_pins(["flow", "check", "--json"], [], counter_env)
    assert run.returncode == ExitCode.OK, run.stderr
    document = run.document
    assert document["flow"] == "check"
    assert document["record"]["kind"] == "check"
    assert document["record"]["outcome"] == "completed"
    assert document["record"]["failure_code"] is None
    assert document["delivery"] == "delivered"
    assert document["status"]["renewal"]["state"] == "open"
    assert "delivered to the central service" in run.stderr


def test_renew_installs_new_certificates_and_pins(counter_env: dict[str, str], vpcd_slot: Slot,
                                                  training_pki: TrainingPki) -> None:
    virtual = card("renewable", training_pki)
    before = virtual.snapshot()
    pins = [CARD_INFO, SIGN, NEW_AUTH, NEW_AUTH, NEW_SIGN, NEW_SIGN]
    with card_in_reader(virtual, vpcd_slot):
        run = run_with_pins(["flow", "renew", *STAFF, "--card-expires-on", expiry("renewable"), "--json"],
                            pins, counter_env)
        assert run.returncode == ExitCode.OK, run.stderr
        assert pin_works("auth", NEW_AUTH, counter_env)
        assert pin_works("sign", NEW_SIGN, counter_env)
    document = run.document
    record = document["record"]
    assert (record["kind"], record["outcome"], record["staff_id"]) == ("renewal", "completed", "S0012")
    assert [c["purpose"] for c in record["certificates"]] == ["auth", "sign"]
    new = document["new_certificates"]
    assert [c["serial"] for c in new] == [c["new_serial"] for c in record["certificates"]]
    assert all(c["old_serial"] and c["old_serial"] != c["new_serial"] for c in record["certificates"])
    assert all(c["not_before"] < c["not_after"] for c in new)
    assert document["card_changed"] is True
    assert document["delivery"] == "delivered"
    assert virtual.snapshot().keys != before.keys


def test_renew_of_one_certificate(counter_env: dict[str, str], vpcd_slot: Slot, training_pki: TrainingPki) -> None:
    with card_in_reader(card("expired", training_pki), vpcd_slot):
        run = run_with_pins(["flow", "renew", *STAFF, "--card-expires-on", expiry("expired"),
                             "--certificates", "auth", "--json"], [CARD_INFO, NEW_AUTH, NEW_AUTH], counter_env)
    assert run.returncode == ExitCode.OK, run.stderr
    assert run.document["record"]["kind"] == "new_issuance"
    assert [c["purpose"] for c in run.document["new_certificates"]] == ["auth"]


def test_renew_before_the_window_is_refused(counter_env: dict[str, str], vpcd_slot: Slot,
                                            training_pki: TrainingPki) -> None:
    with card_in_reader(card("valid", training_pki), vpcd_slot):
        run = run_with_pins(["flow", "renew", *STAFF, "--card-expires-on", expiry("valid"), "--json"], [],
                            counter_env)
    assert run.returncode == ExitCode.REFUSED
    assert run.document["record"]["failure_code"] == "flow.renewal_not_open"
    assert "Renewal opens on" in run.document["error"]["message"]


def test_reset_by_proof_at_a_kiosk(kiosk_env: dict[str, str], vpcd_slot: Slot, training_pki: TrainingPki) -> None:
    with card_in_reader(card("sign-blocked", training_pki), vpcd_slot):
        run = run_with_pins(["flow", "reset-pin", "--kind", "sign", "--proof", "auth", "--json"],
                            [NEW_SIGN, NEW_SIGN, AUTH], kiosk_env)
        assert run.returncode == ExitCode.OK, run.stderr
        assert pin_works("sign", NEW_SIGN, kiosk_env)
    record = run.document["record"]
    assert (record["kind"], record["outcome"], record["pin_kind"], record["staff_id"]) == \
        ("pin_reset", "completed", "sign", None)
    assert run.document["delivery"] == "delivered"


def test_reset_by_proof_with_the_same_pin_is_wrong_usage(kiosk_env: dict[str, str]) -> None:
    run = run_with_pins(["flow", "reset-pin", "--kind", "sign", "--proof", "sign"], [], kiosk_env)
    assert run.returncode == ExitCode.USAGE
    assert "only by proving" in run.stderr


def test_reset_of_the_card_info_pin_by_proof_sends_to_a_counter(kiosk_env: dict[str, str], vpcd_slot: Slot,
                                                                training_pki: TrainingPki) -> None:
    with card_in_reader(card("valid", training_pki), vpcd_slot):
        run = run_with_pins(["flow", "reset-pin", "--kind", "card-info", "--proof", "auth", "--json"], [],
                            kiosk_env)
    assert run.returncode == ExitCode.REFUSED
    assert run.document["record"]["failure_code"] == "flow.proof_not_possible"
    assert "counter" in run.document["error"]["message"]


def test_staff_reset_at_the_counter(counter_env: dict[str, str], vpcd_slot: Slot, training_pki: TrainingPki) -> None:
    with card_in_reader(card("auth-blocked", training_pki), vpcd_slot):
        run = run_with_pins(["flow", "reset-pin", "--kind", "auth", *STAFF, "--json"], [NEW_AUTH, NEW_AUTH],
                            counter_env)
        assert run.returncode == ExitCode.OK, run.stderr
        assert pin_works("auth", NEW_AUTH, counter_env)
    assert run.document["record"]["staff_id"] == "S0012"
    assert run.document["record"]["pin_kind"] == "auth"


def test_staff_grounds_on_a_kiosk_are_refused(kiosk_env: dict[str, str], vpcd_slot: Slot,
                                              training_pki: TrainingPki) -> None:
    virtual = card("auth-blocked", training_pki)
    before = virtual.snapshot()
    with card_in_reader(virtual, vpcd_slot):
        run = run_with_pins(["flow", "reset-pin", "--kind", "auth", *STAFF, "--json"], [NEW_AUTH, NEW_AUTH],
                            kiosk_env)
    assert run.returncode == ExitCode.REFUSED
    assert run.document["record"]["failure_code"] == "flow.counter_only"
    assert virtual.snapshot() == before


def test_staff_reset_without_an_identity_check_is_refused(counter_env: dict[str, str], vpcd_slot: Slot,
                                                          training_pki: TrainingPki) -> None:
    with card_in_reader(card("auth-blocked", training_pki), vpcd_slot):
        run = run_with_pins(["flow", "reset-pin", "--kind", "auth", "--staff-id", "S0012", "--json"],
                            [NEW_AUTH, NEW_AUTH], counter_env)
    assert run.returncode == ExitCode.REFUSED
    assert run.document["record"]["failure_code"] == "flow.identity_not_confirmed"


def test_change_pin_then_the_card_commands_pin_fd(kiosk_env: dict[str, str], vpcd_slot: Slot,
                                                  training_pki: TrainingPki) -> None:
    with card_in_reader(card("valid", training_pki), vpcd_slot):
        run = run_with_pins(["flow", "change-pin", "--kind", "card-info", "--json"],
                            [NEW_CARD_INFO, NEW_CARD_INFO, CARD_INFO], kiosk_env)
        assert run.returncode == ExitCode.OK, run.stderr
        assert not pin_works("card-info", CARD_INFO, kiosk_env)
        back = run_with_pins(["card", "change-pin", "--kind", "card-info"],
                             [NEW_CARD_INFO, CARD_INFO, CARD_INFO], kiosk_env)
        assert back.returncode == ExitCode.OK, back.stderr
        assert pin_works("card-info", CARD_INFO, kiosk_env)
    record = run.document["record"]
    assert (record["kind"], record["outcome"], record["pin_kind"]) == ("pin_change", "completed", "card_info")


def test_a_mistyped_pin_is_asked_again_with_the_reason(kiosk_env: dict[str, str], vpcd_slot: Slot,
                                                       training_pki: TrainingPki) -> None:
    with card_in_reader(card("valid", training_pki), vpcd_slot):
        run = run_with_pins(["flow", "change-pin", "--kind", "auth", "--json"],
                            [NEW_AUTH, "4322", NEW_AUTH, NEW_AUTH, "12x4", "9999", AUTH], kiosk_env)
        assert run.returncode == ExitCode.OK, run.stderr
        assert pin_works("auth", NEW_AUTH, kiosk_env)
    assert "do not match" in run.stderr
    assert "Use digits only" in run.stderr
    assert "is wrong. 2 tries are left" in run.stderr


def test_wrong_pin_at_the_end_of_the_input(kiosk_env: dict[str, str], vpcd_slot: Slot,
                                           training_pki: TrainingPki) -> None:
    with card_in_reader(card("valid", training_pki), vpcd_slot):
        run = run_with_pins(["flow", "change-pin", "--kind", "auth", "--json"], [NEW_AUTH, NEW_AUTH, "9999"],
                            kiosk_env)
        assert run.returncode == ExitCode.WRONG_PIN
        assert pin_works("auth", AUTH, kiosk_env)
    assert (run.document["record"]["outcome"], run.document["record"]["failure_code"]) == ("failed", "pin.wrong")


def test_blocked_pin(kiosk_env: dict[str, str], vpcd_slot: Slot, training_pki: TrainingPki) -> None:
    with card_in_reader(card("auth-blocked", training_pki), vpcd_slot):
        run = run_with_pins(["flow", "change-pin", "--kind", "auth", "--json"], [NEW_AUTH, NEW_AUTH], kiosk_env)
    assert run.returncode == ExitCode.PIN_BLOCKED
    assert run.document["record"]["failure_code"] == "pin.blocked"


def test_last_try_needs_the_confirmation_flag(kiosk_env: dict[str, str], vpcd_slot: Slot,
                                              training_pki: TrainingPki) -> None:
    with card_in_reader(card("valid", training_pki), vpcd_slot):
        run = run_with_pins(["flow", "change-pin", "--kind", "auth", "--json"],
                            [NEW_AUTH, NEW_AUTH, "9999", "9998", "9997"], kiosk_env)
        assert run.returncode == ExitCode.CANCELLED
        assert run.document["record"]["outcome"] == "cancelled"
        assert "--confirm-last-try" in run.stderr
        confirmed = run_with_pins(["flow", "change-pin", "--kind", "auth", "--confirm-last-try", "--json"],
                                  [NEW_AUTH, NEW_AUTH, AUTH], kiosk_env)
        assert confirmed.returncode == ExitCode.OK, confirmed.stderr
        assert pin_works("auth", NEW_AUTH, kiosk_env)


def test_no_pin_given_is_a_cancelled_attempt(kiosk_env: dict[str, str], vpcd_slot: Slot,
                                             training_pki: TrainingPki) -> None:
    with card_in_reader(card("valid", training_pki), vpcd_slot):
        run = run_with_pins(["flow", "change-pin", "--kind", "sign", "--json"], [], kiosk_env)
    assert run.returncode == ExitCode.CANCELLED
    assert run.document["record"]["outcome"] == "cancelled"


def test_card_removed_during_the_change(kiosk_env: dict[str, str], vpcd_slot: Slot,
                                        training_pki: TrainingPki) -> None:
    virtual = card("valid", training_pki)
    before = virtual.snapshot()

    def pull_at_change(_number: int, apdu: bytes) -> LinkAction | None:
        return LinkAction.REMOVE_BEFORE_ANSWER if apdu[1] == CHANGE_REFERENCE_DATA else None

    with card_in_reader(virtual, vpcd_slot, on_apdu=pull_at_change):
        run = run_with_pins(["flow", "change-pin", "--kind", "auth", "--json"], [NEW_AUTH, NEW_AUTH, AUTH],
                            kiosk_env)
    assert run.returncode == ExitCode.CARD_REMOVED, run.stderr
    assert run.document["record"]["failure_code"] == "card.removed"
    assert virtual.snapshot() == before


def _closed_port_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}"


def test_central_service_down(tmp_path: Path, vpcd_slot: Slot, training_pki: TrainingPki) -> None:
    env = terminal_environment(tmp_path / "kiosk", _closed_port_url(), KIOSK_TERMINAL, vpcd_slot.reader)
    virtual = card("valid", training_pki)
    before = virtual.snapshot()
    with card_in_reader(virtual, vpcd_slot):
        run = run_with_pins(["flow", "reset-pin", "--kind", "sign", "--proof", "auth", "--json"],
                            [NEW_SIGN, NEW_SIGN, AUTH], env)
        checked = run_with_pins(["flow", "check", "--json"], [], env)
    assert run.returncode == ExitCode.CENTRAL_UNAVAILABLE, run.stderr
    assert run.document["record"]["failure_code"] == "sync.unavailable"
    assert run.document["delivery"] == "waiting"
    assert virtual.snapshot() == before
    assert checked.returncode == ExitCode.OK  # a check needs no central service: it waits in the outbox
    assert checked.document["delivery"] == "waiting"
    assert "waiting in the outbox" in checked.stderr


def test_paperless_form_prints_the_holder_and_stores_nothing(tmp_path: Path, counter_env: dict[str, str],
                                                             vpcd_slot: Slot, training_pki: TrainingPki) -> None:
    holder = named_profile("valid").holder
    with card_in_reader(card("valid", training_pki), vpcd_slot):
        run = run_with_pins(["-vv", "flow", "card-info", "--staff-id", "S0012", "--json"], [CARD_INFO],
                            counter_env)
        text = run_with_pins(["flow", "card-info", "--staff-id", "S0012"], [CARD_INFO], counter_env)
    assert run.returncode == ExitCode.OK, run.stderr
    assert run.document["card_info"]["name"] == holder.name
    assert run.document["card_info"]["address"] == holder.address
    assert run.document["record"]["kind"] == "card_info_read"
    assert holder.name in text.stdout
    assert holder.name not in run.stderr + text.stderr
    database = (tmp_path / "counter" / "kiosk.sqlite3").read_bytes()
    assert holder.name.encode() not in database
    assert holder.address.encode() not in database


def test_card_info_at_a_kiosk_is_refused(kiosk_env: dict[str, str], vpcd_slot: Slot,
                                         training_pki: TrainingPki) -> None:
    with card_in_reader(card("valid", training_pki), vpcd_slot):
        run = run_with_pins(["flow", "card-info", "--json"], [CARD_INFO], kiosk_env)
    assert run.returncode == ExitCode.REFUSED
    assert run.document["record"]["failure_code"] == "flow.counter_only"

# `python -m kiosk` with SIGINT as a terminal gives it: a suite started in the background by a non-interactive
# shell hands its children SIGINT ignored, and Python then never raises KeyboardInterrupt.
KIOSK_AS_AT_A_TERMINAL = [
    sys.executable, "-c",
    "import runpy, signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
    "sys.argv[0] = 'kiosk'; runpy.run_module('kiosk', run_name='__main__', alter_sys=True)"]



def test_interrupt_at_a_pin_prompt_is_a_cancelled_attempt(kiosk_env: dict[str, str], vpcd_slot: Slot,
                                                          training_pki: TrainingPki) -> None:
    """Ctrl+C while the command waits for a PIN: the attempt is recorded as cancelled and still delivered."""
    read_end, write_end = os.pipe()  # the write end stays open and silent: the command waits at the prompt
    try:
        with card_in_reader(card("valid", training_pki), vpcd_slot):
            process = subprocess.Popen([*KIOSK_AS_AT_A_TERMINAL, "flow", "change-pin", "--kind", "auth",
                                        "--json", "--pin-fd", str(read_end)], pass_fds=(read_end,),
                                       stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                       text=True, env=kiosk_env, cwd=REPO)
            assert process.stderr is not None
            seen = []
            for line in process.stderr:  # wait on the prompt itself, not on time
                seen.append(line)
                if line.startswith("Enter the new"):
                    break
            process.send_signal(signal.SIGINT)
            stdout, stderr = process.communicate(timeout=60)
    finally:
        os.close(read_end)
        os.close(write_end)
    assert process.returncode == ExitCode.CANCELLED, "".join(seen) + stderr
    document = json.loads(stdout)
    assert document["record"]["outcome"] == "cancelled"
    assert document["delivery"] == "delivered"


def test_renewal_interrupted_between_the_certificates_says_what_changed(
        counter_env: dict[str, str], vpcd_slot: Slot, training_pki: TrainingPki) -> None:
    """The card leaves at the signing key's generation: the auth certificate and PIN are new, the signing
    ones old and still working; the record lists what was installed."""
    virtual = card("renewable", training_pki)
    generated = []

    def pull_at_second_key(_number: int, apdu: bytes) -> LinkAction | None:
        if apdu[1] == GENERATE_KEY_PAIR:
            generated.append(apdu)
            if len(generated) == 2:
                return LinkAction.REMOVE_BEFORE_ANSWER
        return None

    arguments = ["flow", "renew", *STAFF, "--card-expires-on", expiry("renewable"), "--json"]
    pins = [CARD_INFO, SIGN, NEW_AUTH, NEW_AUTH, NEW_SIGN, NEW_SIGN]
    with card_in_reader(virtual, vpcd_slot, on_apdu=pull_at_second_key):
        run = run_with_pins(arguments, pins, counter_env)
    assert run.returncode == ExitCode.CARD_REMOVED, run.stderr
    record = run.document["record"]
    assert (record["outcome"], record["failure_code"]) == ("failed", "card.removed")
    assert [c["purpose"] for c in record["certificates"]] == ["auth"]
    assert run.document["card_changed"] is True
    assert "had already installed on the card: User-authentication certificate" in run.stderr
    with card_in_reader(virtual, vpcd_slot):
        assert pin_works("auth", NEW_AUTH, counter_env)
        assert pin_works("sign", SIGN, counter_env)
        again = run_with_pins(arguments, pins, counter_env)
    assert again.returncode == ExitCode.REFUSED  # the window is judged on the (now new) auth certificate
    assert again.document["record"]["failure_code"] == "flow.renewal_not_open"


def test_pins_and_the_last_try_confirmation_typed_at_the_terminal(kiosk_env: dict[str, str], vpcd_slot: Slot,
                                                                  training_pki: TrainingPki) -> None:
    """Without --pin-fd the PINs and the confirmation come from standard input (here a pipe; a terminal
    gets them without echo), in Japanese as well."""
    with card_in_reader(card("valid", training_pki), vpcd_slot):
        typed = f"{NEW_AUTH}\n{NEW_AUTH}\n9999\n9998\nはい\n{AUTH}\n"
        run = run_kiosk(["flow", "change-pin", "--kind", "auth", "--json"], stdin=typed,
                        env={**kiosk_env, "KIOSK_LANG": "ja"})
        assert run.returncode == ExitCode.OK, run.stderr
        assert pin_works("auth", NEW_AUTH, kiosk_env)
        refused = run_kiosk(["flow", "change-pin", "--kind", "auth", "--json"],
                            stdin=f"{AUTH}\n{AUTH}\n9999\n9998\nno\n", env=kiosk_env)
    assert "新しい" in run.stderr and "最後の1回" in run.stderr
    assert refused.returncode == ExitCode.CANCELLED
    assert json.loads(refused.stdout)["record"]["outcome"] == "cancelled"


def test_interrupt_while_the_card_generates_a_key(tmp_path: Path, counter_env: dict[str, str], vpcd_slot: Slot,
                                                  training_pki: TrainingPki) -> None:
    """Ctrl+C while the card works: the card operation stops at the next APDU, the attempt is recorded as
    cancelled (and waits in the outbox), the card keeps its old keys, certificates and PINs."""
    virtual = card("renewable", training_pki)
    before = virtual.snapshot()
    reached, release = threading.Event(), threading.Event()

    def hold_key_generation(_number: int, apdu: bytes) -> LinkAction | None:
        if apdu[1] == GENERATE_KEY_PAIR:
            reached.set()
            release.wait(60)
        return None

    read_end, write_end = os.pipe()
    with os.fdopen(write_end, "w", encoding="ascii") as writer:
        writer.write("".join(f"{pin}\n" for pin in [CARD_INFO, SIGN, NEW_AUTH, NEW_AUTH, NEW_SIGN, NEW_SIGN]))
    try:
        with card_in_reader(virtual, vpcd_slot, on_apdu=hold_key_generation):
            process = subprocess.Popen([*KIOSK_AS_AT_A_TERMINAL, "flow", "renew", *STAFF, "--card-expires-on",
                                        expiry("renewable"), "--json", "--pin-fd", str(read_end)],
                                       pass_fds=(read_end,), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                       stderr=subprocess.PIPE, text=True, env=counter_env, cwd=REPO)
            try:
                assert reached.wait(60), "the renewal never reached key generation"
                process.send_signal(signal.SIGINT)
            finally:
                release.set()
            stdout, stderr = process.communicate(timeout=60)
    finally:
        os.close(read_end)
    assert process.returncode == ExitCode.INTERRUPTED, stderr
    assert stdout == ""
    assert "recorded" in stderr
    with sqlite3.connect(tmp_path / "counter" / "kiosk.sqlite3") as database:
        assert database.execute("SELECT kind, outcome FROM transactions").fetchall() == [("renewal", "cancelled")]
    after = virtual.snapshot()
    assert after.pins == before.pins
    assert [(fid, key) for fid, key, _ in after.keys] == [(fid, key) for fid, key, _ in before.keys]
    assert after.files == before.files

"""``kiosk card verify-pin / change-pin --pin-fd``: PINs from a pipe, the last try only with
``--confirm-last-try``, the end of the input as an empty entry."""

from __future__ import annotations

import pytest
from virtual_cards import card_in_reader, kiosk_environment, run_kiosk

from kiosk.cardsim import VirtualCard
from kiosk.cardsim.pcscd import Slot
from kiosk.cli.exitcodes import ExitCode
from kiosk.pki.training import TrainingPki

from .flow_runs import run_with_pins

pytestmark = pytest.mark.pcsc


def test_verify_and_change_from_a_pipe(vpcd_slot: Slot, training_pki: TrainingPki) -> None:
    env = kiosk_environment(KIOSK_READER=vpcd_slot.reader)
    virtual = VirtualCard.from_profile("valid", pki=training_pki)
    with card_in_reader(virtual, vpcd_slot):
        assert run_with_pins(["card", "verify-pin", "--kind", "auth"], ["9999"], env).returncode == ExitCode.WRONG_PIN
        assert run_with_pins(["card", "verify-pin", "--kind", "auth"], ["9998"], env).returncode == ExitCode.WRONG_PIN
        refused = run_with_pins(["card", "verify-pin", "--kind", "auth"], ["1234"], env)
        assert refused.returncode == ExitCode.CANCELLED  # one try left, and no --confirm-last-try
        confirmed = run_with_pins(["card", "verify-pin", "--kind", "auth", "--confirm-last-try"], ["1234"], env)
        assert confirmed.returncode == ExitCode.OK, confirmed.stderr
        assert run_with_pins(["card", "change-pin", "--kind", "sign"], ["ABC123", "NEWPASS1"], env).returncode \
            == ExitCode.USAGE  # the second new entry never came: an empty entry, which does not match
        changed = run_with_pins(["card", "change-pin", "--kind", "sign"], ["ABC123", "NEWPASS1", "newpass1"], env)
        assert changed.returncode == ExitCode.OK, changed.stderr
        assert run_with_pins(["card", "verify-pin", "--kind", "sign"], ["NEWPASS1"], env).returncode == ExitCode.OK


def test_pin_fd_must_be_an_open_descriptor() -> None:
    result = run_kiosk(["card", "verify-pin", "--kind", "auth", "--pin-fd", "987"])
    assert result.returncode == ExitCode.USAGE
    assert "not an open file descriptor" in result.stderr

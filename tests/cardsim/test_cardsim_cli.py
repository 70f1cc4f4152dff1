"""``kiosk cardsim``: the profile list, clear failures, and the card in a real pcscd as a separate process."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.cardsim.pcscd import Slot
from kiosk.cardsim.profiles import PROFILE_NAMES
from kiosk.cli import main
from kiosk.cli.exitcodes import ExitCode

from .helpers import JPKI, TOKEN, body, read_binary, select_applet, select_ef
from .pcsc import Reader

PROCESS_TIMEOUT_S = 60


def test_list_shows_every_profile_with_its_pins(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cardsim", "--list", "--today", "2026-03-01"]) == ExitCode.OK
    output = capsys.readouterr().out
    for name in PROFILE_NAMES:
        assert f"{name}: " in output
    assert "1234 (3 of 3 tries left)" in output
    assert "ABC123 (0 of 5 tries left)" in output  # sign-blocked
    assert "5678 (3 of 3 tries left)" in output


def test_an_unknown_profile_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cardsim", "--profile", "nope", "--cycles", "1"]) == ExitCode.USAGE
    assert "unknown profile 'nope'" in capsys.readouterr().err


def test_a_broken_profile_file_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "card.toml"
    path.write_text('generation = "current"\n[holder]\nname = "x"\n', encoding="utf-8")
    assert main(["cardsim", "--profile-file", str(path), "--cycles", "1"]) == ExitCode.USAGE
    assert "card.toml" in capsys.readouterr().err


def test_no_reader_on_the_port(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    assert main(["cardsim", "--port", str(port), "--no-reconnect"]) == ExitCode.PCSC_UNAVAILABLE
    assert str(port) in capsys.readouterr().err


def _kiosk(*args: str) -> list[str]:
    return [sys.executable, "-m", "kiosk", "cardsim", *args]


@pytest.mark.pcsc
def test_cycles_as_a_separate_process(vpcd_slot: Slot) -> None:
    reader = Reader(vpcd_slot.reader)
    try:
        reader.wait(present=False)
        before = reader.state()[0] >> 16
        result = subprocess.run(_kiosk("--cycles", "3", "--dwell", "0.1", "--gap", "1.0", "--port",
                                       str(vpcd_slot.port)),
                                capture_output=True, text=True, timeout=PROCESS_TIMEOUT_S, env=os.environ.copy(),
                                check=False)
        assert result.returncode == 0, result.stderr
        assert "3 times" in result.stdout and "noticed it 3 times" in result.stdout
        events = reader.wait(present=False)
        assert events - before == 6  # three insertions and three removals, as pcscd counted them
    finally:
        reader.close()


@pytest.mark.pcsc
def test_a_long_running_card_until_terminated(vpcd_slot: Slot) -> None:
    reader = Reader(vpcd_slot.reader)
    reader.wait(present=False)
    process = subprocess.Popen(_kiosk("--profile", "juki", "--port", str(vpcd_slot.port)),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ.copy())
    try:
        reader.wait(present=True)
        assert reader.state()[1].hex().upper() == "3B888001000014E0B38191005E"
        reader.connect()
        reader.send(select_applet(JPKI))
        reader.send(select_ef(TOKEN))
        assert body(reader.send(read_binary(0, 256))).rstrip(b" ") == b"JPKIAPICCTOKEN"
        reader.disconnect()
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=PROCESS_TIMEOUT_S)
        assert process.returncode == 0, err
        assert '"juki"' in out and "removed" in out
        reader.wait(present=False)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        reader.close()

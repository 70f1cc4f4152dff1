"""``kiosk diagnose`` against a real pcscd with a virtual card, the reference service over mutual TLS, a real
SQLite database, the machine's fonts and a real X server (Xvfb)."""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import unavailable
from store.helpers import pin_change
from virtual_cards import REPO, card_in_reader

from kiosk.cardsim import VirtualCard
from kiosk.cardsim.pcscd import Slot
from kiosk.config import load_settings
from kiosk.pki.training import TrainingPki
from kiosk.provision.checks import State
from kiosk.provision.diagnose import database_checks
from kiosk.provision.enrolment import enrol
from kiosk.provision.identity import IdentityFiles
from kiosk.provision.settings_file import update
from kiosk.store.database import open_store
from provision.enrolled import TlsCentral, tls_central

pytestmark = pytest.mark.pcsc


@pytest.fixture(scope="module")
def x_display() -> Iterator[str]:
    """A real X server for the display check."""
    binary = shutil.which("Xvfb")
    if binary is None:
        unavailable("Xvfb is not installed")
    # Xvfb picks a free display and writes its number: test sessions running side by side cannot collide.
    read_end, write_end = os.pipe()
    process = subprocess.Popen([str(binary), "-displayfd", str(write_end), "-nolisten", "tcp",
                                "-screen", "0", "1024x768x24"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, pass_fds=(write_end,))
    os.close(write_end)
    with os.fdopen(read_end, "rb") as announced:
        ready, _, _ = select.select([announced], [], [], 30)
        line = announced.readline() if ready else b""
    assert line.strip().isdigit(), f"Xvfb did not start (exit code {process.poll()})"
    number = int(line)
    yield f":{number}"
    process.terminate()
    process.wait(10)


@pytest.fixture
def service(tmp_path: Path, training_pki: TrainingPki) -> Iterator[TlsCentral]:
    with tls_central(tmp_path / "central", training_pki) as central:
        yield central


async def enrolled_terminal(service: TlsCentral, home: Path, environment: str) -> dict[str, str]:
    files = IdentityFiles(home / "config" / "tls")
    done = await enrol(service.url, service.code(), service.fingerprint, files)
    update(home / "config" / "kiosk.toml", {
        "central_url": done.central_url, "site": done.site, "terminal_id": done.terminal_id, "mode": done.mode,
        "api_token": "", "ca_bundle": str(files.ca), "client_cert": str(files.certificate),
        "client_key": str(files.key), "identifier_key": str(done.identifier_key), "environment": environment})
    return {"KIOSK_CONFIG_DIR": str(home / "config"), "KIOSK_DATA_DIR": str(home / "data")}


def diagnose(env: dict[str, str], *arguments: str) -> tuple[int, str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    environment.update({"KIOSK_LANG": "en", **env})
    result = subprocess.run([sys.executable, "-m", "kiosk", "diagnose", *arguments], capture_output=True,
                            text=True, env=environment, cwd=REPO, timeout=120, check=False)
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, result.stdout


def states(output: str) -> dict[str, str]:
    return {check["name"]: check["state"] for check in json.loads(output)["checks"]}


async def test_a_healthy_training_terminal_is_all_ok_and_exits_0(service: TlsCentral, tmp_path: Path,
                                                                vpcd_slot: Slot, training_pki: TrainingPki,
                                                                x_display: str) -> None:
    env = await enrolled_terminal(service, tmp_path / "terminal", "training")
    env.update({"KIOSK_READER": vpcd_slot.reader, "DISPLAY": x_display})
    subprocess.run([sys.executable, "-m", "kiosk", "db", "upgrade"], env={**os.environ, **env}, check=True,
                   capture_output=True, timeout=120)
    with card_in_reader(VirtualCard.from_profile("next-gen", pki=training_pki), vpcd_slot):
        code, output = diagnose(env, "--json")
        document = json.loads(output)
        assert code == 0, output
        assert document["ok"] is True
        assert set(states(output)) == {"identity", "pcscd", "readers", "card", "vpcd", "certificate", "central",
                                       "clock", "database", "outbox", "rejected", "disk", "fonts", "display"}
        card = next(c for c in document["checks"] if c["name"] == "card")
        assert "next card" in card["detail"]  # the generation
        service.handle.clock.advance(timedelta(minutes=10))  # the service's clock runs ahead
        code, output = diagnose(env, "--json")
    assert code == 1
    assert states(output)["clock"] == "fault"


async def test_a_broken_production_terminal_names_each_fault_and_its_fix_in_japanese(
        service: TlsCentral, tmp_path: Path, vpcd_slot: Slot) -> None:
    env = await enrolled_terminal(service, tmp_path / "terminal", "production")
    env.update({"KIOSK_READER": vpcd_slot.reader})
    service.handle.stop()  # the central service is down
    code, output = diagnose(env, "--json")
    assert code == 1
    found = states(output)
    assert (found["vpcd"], found["central"], found["card"], found["display"]) == (
        "fault", "fault", "warning", "warning")
    assert found["database"] == "warning"  # not created yet
    code, text = diagnose({**env, "KIOSK_LANG": "ja"})
    assert code == 1
    assert "[異常] 仮想カードリーダー" in text
    assert "apt-get remove vsmartcard-vpcd" in text
    assert "中央サービス" in text


def test_an_old_backlog_and_rejected_records_are_reported(tmp_path: Path) -> None:
    settings = load_settings(environ={"KIOSK_DATA_DIR": str(tmp_path)}, file=tmp_path / "absent.toml")
    store = open_store(settings)
    try:
        store.record(pin_change())
    finally:
        store.close()
    now = datetime.now(UTC)
    assert {c.name: c.state for c in database_checks(settings, now)}["outbox"] is State.OK
    later = {c.name: c for c in database_checks(settings, now + timedelta(hours=3))}
    assert later["outbox"].state is State.WARNING and "1 pending, oldest 3 h" in later["outbox"].detail
    assert later["outbox"].fix_text()
    assert {c.name: c.state for c in database_checks(settings, now + timedelta(days=2))}["outbox"] is State.FAULT

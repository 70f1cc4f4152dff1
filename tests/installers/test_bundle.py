"""The PyInstaller one-folder bundle (``make package``) runs on its own: its version, the database migrations
it carries, Japanese text, and the card through pcscd; the central service is not in it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from virtual_cards import card_in_reader

from installers.installed import environment, run
from kiosk import __version__
from kiosk.cardsim import VirtualCard
from kiosk.cardsim.pcscd import Slot
from kiosk.pki.training import TrainingPki

pytestmark = pytest.mark.packaging

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def test_the_bundle_says_its_version_and_migrates_a_database(bundle: Path, tmp_path: Path) -> None:
    kiosk = bundle / "kiosk"
    version = run(kiosk, "--version", cwd=tmp_path, env=environment(tmp_path))
    assert (version.returncode, version.stdout.strip()) == (0, f"kiosk {__version__}")
    upgraded = run(kiosk, "db", "upgrade", cwd=tmp_path, env=environment(tmp_path))
    assert upgraded.returncode == 0, upgraded.stderr
    assert (tmp_path / "data" / "kiosk.sqlite3").is_file()


def test_the_bundle_has_no_central_service_and_says_so(bundle: Path, tmp_path: Path) -> None:
    result = run(bundle / "kiosk", "central", "serve", cwd=tmp_path, env=environment(tmp_path))
    assert result.returncode == 2
    assert "kiosk[central]" in result.stderr and "Traceback" not in result.stderr
    assert not list(bundle.rglob("fastapi")) and not list(bundle.rglob("uvicorn"))
    assert not list(bundle.rglob("libQt6Qml*")) and not list(bundle.rglob("libQt6WebEngine*"))


@pytest.mark.pcsc
def test_card_status_in_japanese_from_the_bundle(bundle: Path, tmp_path: Path, vpcd_slot: Slot,
                                                 training_pki: TrainingPki) -> None:
    with card_in_reader(VirtualCard.from_profile("valid", pki=training_pki), vpcd_slot):
        result = run(bundle / "kiosk", "card", "status", "--reader", vpcd_slot.reader, cwd=tmp_path,
                     env=environment(tmp_path, KIOSK_LANG="ja"))
    assert result.returncode == 0, result.stderr
    assert JAPANESE.search(result.stdout), result.stdout



def test_the_frozen_window_starts(bundle: Path, tmp_path: Path) -> None:
    """``kiosk app`` from the bundle: Qt's platform plugin, the UI and the store all load when frozen."""
    import subprocess
    import time

    env = environment(tmp_path, QT_QPA_PLATFORM="offscreen")
    process = subprocess.Popen([str(bundle / "kiosk"), "app", "--mode", "counter"], cwd=tmp_path, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        database = tmp_path / "data" / "kiosk.sqlite3"
        deadline = time.monotonic() + 120
        while not database.exists():  # the controller opens the store once the window is up
            assert process.poll() is None, process.communicate()[0][-3000:]
            assert time.monotonic() < deadline, "the frozen window never opened its store"
            time.sleep(0.1)
        assert process.poll() is None
    finally:
        process.terminate()
        output = process.communicate(timeout=30)[0]
    assert "Traceback" not in output, output[-3000:]

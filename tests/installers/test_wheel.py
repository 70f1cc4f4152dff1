"""The wheel a technician installs: it carries the translations, the OpenAPI document, the virtual reader
configuration and both migration folders, and works from a fresh virtual environment outside the checkout.

Slow (a wheel build and two virtual environments, about half a minute): marked ``packaging``; CI runs it.
"""

from __future__ import annotations

import json
import re
import subprocess
import time
import zipfile
from pathlib import Path

import httpx
import pytest
from virtual_cards import REPO, card_in_reader

from installers.installed import build_wheel, environment, free_port, fresh_venv, once_per_run, run
from kiosk.cardsim import VirtualCard
from kiosk.cardsim.pcscd import Slot
from kiosk.pki.training import TrainingPki
from kiosk.store.schema import HEAD_REVISION

pytestmark = pytest.mark.packaging

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return once_per_run(tmp_path_factory, "wheel", build_wheel)


@pytest.fixture(scope="module")
def terminal_venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What a terminal installs: the wheel without the central extra."""
    return once_per_run(tmp_path_factory, "terminal-venv", lambda folder: fresh_venv(folder, str(wheel)))


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """A working directory far from the checkout."""
    directory = tmp_path / "cwd"
    directory.mkdir()
    return directory


def test_the_wheel_carries_resources_and_both_migration_folders(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in ("kiosk/_shipped/resources/translations/kiosk_ja.ts",
                     "kiosk/_shipped/resources/openapi.json",
                     "kiosk/_shipped/resources/pcsc/reader.conf.d/kiosk-vpcd",
                     "kiosk/_shipped/migrations/env.py",
                     "kiosk/_shipped/migrations/script.py.mako",
                     "kiosk/_shipped/migrations/versions/0001_initial.py",
                     "kiosk/central/migrations/env.py",
                     "kiosk/central/migrations/versions/0001_initial.py",
                     "kiosk/py.typed"):
        assert expected in names, expected
    assert not any("__pycache__" in name for name in names)
    for inside, checkout in (("kiosk/_shipped/migrations/versions/", REPO / "migrations" / "versions"),
                             ("kiosk/central/migrations/versions/", REPO / "kiosk/central/migrations/versions")):
        shipped = {n.removeprefix(inside) for n in names if n.startswith(inside)}
        assert shipped == {p.name for p in checkout.glob("*.py")}  # nothing stale from an earlier build
    metadata = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("METADATA"))).decode()
    assert "Requires-Dist: fastapi" in metadata
    fastapi_line = next(line for line in metadata.splitlines() if line.startswith("Requires-Dist: fastapi"))
    assert 'extra == "central"' in fastapi_line  # a terminal does not install the central service


def test_the_installed_package_finds_its_files_inside_itself(terminal_venv: Path, elsewhere: Path) -> None:
    result = run(terminal_venv / "bin" / "python", "-c",
                 "from kiosk import paths; print(paths.resources_dir()); print(paths.migrations_dir())",
                 cwd=elsewhere, env=environment(elsewhere))
    assert result.returncode == 0, result.stderr
    resources, migrations = (Path(line) for line in result.stdout.splitlines())
    assert resources.is_relative_to(terminal_venv) and migrations.is_relative_to(terminal_venv)
    assert (resources / "translations" / "kiosk_ja.ts").is_file()


def test_db_upgrade_from_the_installed_wheel(terminal_venv: Path, elsewhere: Path) -> None:
    env = environment(elsewhere)
    result = run(terminal_venv / "bin" / "kiosk", "db", "upgrade", cwd=elsewhere, env=env)
    assert result.returncode == 0, result.stderr
    assert (elsewhere / "data" / "kiosk.sqlite3").is_file()
    status = run(terminal_venv / "bin" / "kiosk", "db", "status", "--json", cwd=elsewhere, env=env)
    assert status.returncode == 0, status.stderr
    document = json.loads(status.stdout)
    assert (document["up_to_date"], document["revision"]) == (True, HEAD_REVISION)


@pytest.mark.pcsc
def test_card_status_in_japanese_from_the_installed_wheel(terminal_venv: Path, elsewhere: Path, vpcd_slot: Slot,
                                                          training_pki: TrainingPki) -> None:
    card = VirtualCard.from_profile("valid", pki=training_pki)
    env = environment(elsewhere, KIOSK_LANG="ja")
    with card_in_reader(card, vpcd_slot):
        result = run(terminal_venv / "bin" / "kiosk", "card", "status", "--reader", vpcd_slot.reader,
                     cwd=elsewhere, env=env)
    assert result.returncode == 0, result.stderr
    assert JAPANESE.search(result.stdout), result.stdout
    english = run(terminal_venv / "bin" / "kiosk", "card", "status", "--reader", vpcd_slot.reader,
                  cwd=elsewhere, env=env | {"KIOSK_LANG": "en"})
    assert not JAPANESE.search(english.stdout.replace(card.profile.holder.name, "")), english.stdout


def test_central_commands_without_the_extra_say_what_to_install(terminal_venv: Path, elsewhere: Path) -> None:
    for arguments in (("central", "serve"), ("central", "openapi"), ("demo",)):
        result = run(terminal_venv / "bin" / "kiosk", *arguments, cwd=elsewhere, env=environment(elsewhere))
        assert result.returncode == 2, (arguments, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "kiosk[central]" in lines[0], result.stderr
        assert "Traceback" not in result.stderr


def test_central_serve_works_with_the_extra(wheel: Path, tmp_path_factory: pytest.TempPathFactory,
                                            elsewhere: Path) -> None:
    central_venv = fresh_venv(tmp_path_factory.mktemp("central-venv"), f"{wheel}[central]")
    port = free_port()
    process = subprocess.Popen([str(central_venv / "bin" / "kiosk"), "central", "serve", "--demo", "--port",
                                str(port)], cwd=elsewhere, env=environment(elsewhere), text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "kiosk central serve never answered"
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/v1/health", timeout=1.0)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert answer.status_code == 200
        assert answer.json()["status"] == "ok"
    finally:
        process.terminate()
        process.communicate(timeout=30)

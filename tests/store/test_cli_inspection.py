"""The store's commands when the set-up is wrong: one line and a documented exit code, never a traceback;
and the commands that only look (db status, db check, outbox status/rejected, audit verify/list) create,
upgrade and write nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.cli.exitcodes import ExitCode
from kiosk.config import Settings
from kiosk.store.database import Store
from store.helpers import database_path, pin_change, raw

INSPECTIONS = (["db", "status"], ["db", "check"], ["outbox", "status"], ["outbox", "rejected"],
               ["audit", "verify"], ["audit", "list"])


def _one_calm_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    return lines[0]


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> pytest.MonkeyPatch:
    for name in ("KIOSK_DATABASE_URL", "KIOSK_DATA_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("KIOSK_CONFIG_DIR", str(tmp_path / "config"))
    return monkeypatch


@pytest.mark.parametrize("command", INSPECTIONS, ids=" ".join)
def test_a_data_directory_that_is_a_file_is_a_configuration_error(
        clean_env: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    a_file = tmp_path / "not-a-directory"
    a_file.write_text("x")
    clean_env.setenv("KIOSK_DATA_DIR", str(a_file))
    assert main(command) == ExitCode.CONFIG
    assert "not set up correctly" in _one_calm_line(capsys)


def test_a_data_directory_that_cannot_be_created_is_a_configuration_error(
        clean_env: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a_file = tmp_path / "file"
    a_file.write_text("x")
    clean_env.setenv("KIOSK_DATA_DIR", str(a_file / "below" / "a-file"))
    assert main(["db", "upgrade"]) == ExitCode.CONFIG
    _one_calm_line(capsys)


def test_a_database_directory_that_cannot_be_created_is_a_configuration_error(
        clean_env: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a_file = tmp_path / "file"
    a_file.write_text("x")
    clean_env.setenv("KIOSK_DATABASE_URL", f"sqlite:///{a_file / 'db' / 'kiosk.sqlite3'}")
    assert main(["db", "upgrade"]) == ExitCode.CONFIG
    _one_calm_line(capsys)


def test_an_unreadable_kiosk_toml_is_a_configuration_error(clean_env: pytest.MonkeyPatch, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "config" / "kiosk.toml").mkdir(parents=True)  # exists, cannot be read as a file (even by root)
    clean_env.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    assert main(["outbox", "status"]) == ExitCode.CONFIG
    _one_calm_line(capsys)


@pytest.mark.parametrize("command", [c for c in INSPECTIONS if c != ["db", "status"]], ids=" ".join)
def test_an_inspection_of_a_mistyped_path_creates_nothing(clean_env: pytest.MonkeyPatch, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str],
                                                          command: list[str]) -> None:
    mistyped = tmp_path / "kisok-data" / "kiosk.sqlite3"
    clean_env.setenv("KIOSK_DATABASE_URL", f"sqlite:///{mistyped}")
    assert main(command) == ExitCode.STORE
    _one_calm_line(capsys)
    assert not mistyped.parent.exists()


def test_db_status_of_a_missing_database_says_so_and_creates_nothing(clean_env: pytest.MonkeyPatch,
                                                                     tmp_path: Path) -> None:
    mistyped = tmp_path / "kisok-data" / "kiosk.sqlite3"
    clean_env.setenv("KIOSK_DATABASE_URL", f"sqlite:///{mistyped}")
    assert main(["db", "status"]) == ExitCode.OK
    assert not mistyped.parent.exists()


def _files(directory: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(directory.iterdir())}


@pytest.mark.parametrize("command", INSPECTIONS, ids=" ".join)
def test_an_inspection_writes_nothing_not_even_the_journal_mode(store: Store, settings: Settings,
                                                                clean_env: pytest.MonkeyPatch,
                                                                command: list[str]) -> None:
    store.record(pin_change())
    store.close()
    path = database_path(settings)
    with raw(settings) as db:  # as a database copied for inspection may be: another journal mode, no WAL
        db.execute("PRAGMA journal_mode = DELETE")
    before = _files(path.parent)
    clean_env.setenv("KIOSK_DATABASE_URL", settings.database_url)
    assert main(command) == ExitCode.OK
    assert _files(path.parent) == before


def test_db_status_of_an_unusable_database_exits_non_zero(settings: Settings, clean_env: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = database_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x00garbage" * 1000)
    clean_env.setenv("KIOSK_DATABASE_URL", settings.database_url)
    assert main(["db", "status"]) == ExitCode.STORE
    assert "damaged" in _one_calm_line(capsys)


def test_db_status_of_a_database_from_a_newer_version_exits_non_zero(store: Store, settings: Settings,
                                                                     clean_env: pytest.MonkeyPatch) -> None:
    store.close()
    with raw(settings) as db:
        db.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    clean_env.setenv("KIOSK_DATABASE_URL", settings.database_url)
    assert main(["db", "status"]) == ExitCode.STORE

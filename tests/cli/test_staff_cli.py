"""``kiosk staff``: passphrases from a descriptor, only their hash on disk, sign-in checked against it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from virtual_cards import REPO, kiosk_environment

from kiosk import staff


def run_staff(arguments: list[str], config: Path, passphrase: str | None = None) -> subprocess.CompletedProcess[str]:
    env = kiosk_environment(KIOSK_CONFIG_DIR=str(config))
    if passphrase is None:
        return subprocess.run([sys.executable, "-m", "kiosk", "staff", *arguments], capture_output=True, text=True,
                              env=env, cwd=REPO, timeout=60, check=False)
    read, write = os.pipe()
    os.write(write, (passphrase + "\n").encode())
    os.close(write)
    try:
        return subprocess.run([sys.executable, "-m", "kiosk", "staff", *arguments, "--passphrase-fd", str(read)],
                              capture_output=True, text=True, env=env, cwd=REPO, timeout=60, check=False,
                              pass_fds=(read,))
    finally:
        os.close(read)


def test_add_list_remove_and_sign_in(tmp_path: Path) -> None:
    added = run_staff(["add", "S0012"], tmp_path, passphrase="counter-passphrase")
    assert added.returncode == 0, added.stderr
    stored = (tmp_path / "staff.toml").read_text()
    assert "counter-passphrase" not in stored and "scrypt$" in stored
    assert (tmp_path / "staff.toml").stat().st_mode & 0o077 == 0
    assert run_staff(["list"], tmp_path).stdout.split() == ["S0012"]
    path = tmp_path / "staff.toml"
    assert staff.verify("S0012", bytearray(b"counter-passphrase"), path=path)
    assert not staff.verify("S0012", bytearray(b"wrong-passphrase"), path=path)
    assert not staff.verify("S9999", bytearray(b"counter-passphrase"), path=path)
    assert run_staff(["remove", "S0012"], tmp_path).returncode == 0
    assert not staff.verify("S0012", bytearray(b"counter-passphrase"), path=path)
    assert run_staff(["remove", "S0012"], tmp_path).returncode == 2


def test_a_short_passphrase_or_a_bad_id_is_refused(tmp_path: Path) -> None:
    assert run_staff(["add", "S0012"], tmp_path, passphrase="short").returncode == 15
    assert run_staff(["add", "山田 太郎"], tmp_path, passphrase="counter-passphrase").returncode == 15
    assert not (tmp_path / "staff.toml").exists()

"""``kiosk central enrol-code / terminals`` and ``kiosk provision enrol`` as a technician runs them, against
the reference service over real TLS, with a virtual card in a real pcscd reader for the self-test; and a
terminal outside demo and training that still has the demo's identity refuses to work."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from virtual_cards import REPO, card_in_reader

from kiosk.cardsim import VirtualCard
from kiosk.cardsim.pcscd import Slot
from kiosk.pki.training import TrainingPki
from provision.enrolled import TlsCentral, tls_central


@pytest.fixture
def service(tmp_path: Path, training_pki: TrainingPki) -> Iterator[TlsCentral]:
    with tls_central(tmp_path / "central", training_pki) as central:
        yield central


def kiosk(*arguments: str, home: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = dict(os.environ)
    environment.update({"KIOSK_CONFIG_DIR": str(home / "config"), "KIOSK_DATA_DIR": str(home / "data"),
                        "KIOSK_LANG": "en", **env})
    return subprocess.run([sys.executable, "-m", "kiosk", *arguments], capture_output=True, text=True,
                          env=environment, cwd=REPO, timeout=120, check=False)


@pytest.mark.pcsc
def test_a_technician_enrols_a_terminal_and_revokes_it(service: TlsCentral, tmp_path: Path, vpcd_slot: Slot,
                                                       training_pki: TrainingPki) -> None:
    database = ("--db", service.handle.database_url)
    issued = kiosk("central", "enrol-code", *database, "--tls-dir", str(service.tls_dir), "--site", "north",
                   "--terminal", "north-01", "--mode", "kiosk", home=tmp_path / "central-home")
    assert issued.returncode == 0, issued.stderr
    code = issued.stdout.strip()
    assert re.fullmatch(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){3}", code)
    assert service.fingerprint in issued.stderr  # what the technician pins

    terminal = tmp_path / "terminal"
    with card_in_reader(VirtualCard.from_profile("valid", pki=training_pki), vpcd_slot):
        enrolled = kiosk("provision", "enrol", "--url", service.url, "--code", code, "--ca-fingerprint",
                         service.fingerprint, home=terminal, KIOSK_READER=vpcd_slot.reader)
    assert enrolled.returncode == 0, enrolled.stdout + enrolled.stderr
    assert "Enrolled: terminal north-01 at north (kiosk)" in enrolled.stdout
    assert "[ok] Card in the reader" in enrolled.stdout, enrolled.stdout
    key = terminal / "config" / "tls" / "terminal.key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    written = (terminal / "config" / "kiosk.toml").read_text(encoding="utf-8")
    assert 'environment = "production"' in written and 'api_token = ""' in written
    assert "demo" not in written

    status = kiosk("db", "status", home=terminal)  # an enrolled production terminal works
    assert status.returncode == 0, status.stderr

    listed = kiosk("central", "terminals", "list", "--json", *database, home=tmp_path / "central-home")
    north = next(t for t in json.loads(listed.stdout) if t["terminal_id"] == "north-01")
    assert (north["site"], north["mode"], north["credential"]) == ("north", "kiosk", "certificate")

    revoked = kiosk("central", "terminals", "revoke", "north-01", *database, home=tmp_path / "central-home")
    assert revoked.returncode == 0, revoked.stderr
    listed = kiosk("central", "terminals", "list", "--json", *database, home=tmp_path / "central-home")
    north = next(t for t in json.loads(listed.stdout) if t["terminal_id"] == "north-01")
    assert north["revoked_at"] is not None and north["credential"] == "none"

    again = kiosk("provision", "enrol", "--url", service.url, "--code", code, "--ca-fingerprint",
                  service.fingerprint, home=tmp_path / "other-terminal")
    assert again.returncode != 0
    assert again.stderr.strip() == "This enrolment code was already used. Ask for a new one (kiosk central enrol-code)."


def test_a_wrong_fingerprint_is_one_clear_line(service: TlsCentral, tmp_path: Path) -> None:
    result = kiosk("provision", "enrol", "--url", service.url, "--code", service.code(), "--ca-fingerprint",
                   "ab" * 32, home=tmp_path, KIOSK_LANG="ja")
    assert result.returncode != 0
    assert len(result.stderr.strip().splitlines()) == 1
    assert "フィンガープリント" in result.stderr
    assert not (tmp_path / "config").exists()


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_outside_demo_and_training_the_demo_identity_is_refused(tmp_path: Path, lang: str) -> None:
    result = kiosk("db", "status", home=tmp_path, KIOSK_ENVIRONMENT="production", KIOSK_LANG=lang)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "kiosk provision enrol --url URL --code CODE --ca-fingerprint SHA256" in lines[0]
    training = kiosk("db", "status", home=tmp_path, KIOSK_ENVIRONMENT="training")
    assert training.returncode == 0, training.stderr


def test_plain_http_is_refused_off_loopback(tmp_path: Path) -> None:
    result = kiosk("central", "serve", "--plain-http", "--host", "0.0.0.0", home=tmp_path)
    assert result.returncode == 2
    assert "plain HTTP only on a loopback address" in result.stderr and "Traceback" not in result.stderr


def test_kiosk_central_serve_speaks_mutual_tls(tmp_path: Path, training_pki: TrainingPki) -> None:
    """The foreground server (not the tests' thread): HTTPS with the CA it prints, certificates required."""
    import ssl
    import time

    import httpx
    from installers.installed import free_port

    from kiosk.central import terminal_ca

    home = tmp_path / "central-home"
    tls_dir = tmp_path / "tls"
    port = free_port()
    environment = dict(os.environ)
    environment.update({"KIOSK_DATA_DIR": str(home / "data"), "KIOSK_CONFIG_DIR": str(home / "config")})
    process = subprocess.Popen([sys.executable, "-m", "kiosk", "central", "serve", "--port", str(port),
                                "--tls-dir", str(tls_dir)], env=environment, cwd=REPO,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not (tls_dir / "server.pem").exists() or not (tls_dir / terminal_ca.CA_CERT_FILE).exists():
            assert process.poll() is None and time.monotonic() < deadline, process.communicate()
            time.sleep(0.05)
        trust = ssl.create_default_context(cafile=str(tls_dir / terminal_ca.CA_CERT_FILE))
        while True:
            assert process.poll() is None and time.monotonic() < deadline, process.communicate()
            try:
                health = httpx.get(f"https://127.0.0.1:{port}/v1/health", verify=trust, timeout=2.0)
                break
            except httpx.ConnectError:
                time.sleep(0.05)
        assert health.status_code == 200
        refused = httpx.get(f"https://localhost:{port}/v1/sites/north/counts", params={"date": "2026-12-01"},
                            verify=trust, timeout=2.0)
        assert (refused.status_code, refused.json()["error"]) == (401, "client_certificate_required")
        with pytest.raises(httpx.ConnectError):  # not a CA it was told to trust
            httpx.get(f"https://127.0.0.1:{port}/v1/health", verify=ssl.create_default_context(), timeout=2.0)
    finally:
        process.terminate()
        process.communicate(timeout=30)


def test_https_on_a_public_address_needs_the_name_terminals_use(tmp_path: Path) -> None:
    result = kiosk("central", "serve", "--host", "0.0.0.0", home=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "--tls-name" in result.stderr

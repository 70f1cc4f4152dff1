"""Enrolment end to end against the reference service over real TLS (mutual TLS after enrolment).

Codes: wrong, reused and expired ones are refused; a revoked or re-enrolled terminal's certificate is
refused at once; renewal; a terminal of site A never acts for site B; over HTTPS a bearer token (the demo
one included) is not enough; a missing, expired or revoked certificate is an ``AuthenticationFailed`` that
pauses the sender.
"""

from __future__ import annotations

import stat
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from central_server import DEMO_TERMINAL, transaction_wire
from store.helpers import pin_change, settings_for
from sync.helpers import sender_for

from kiosk.config import Settings, load_settings
from kiosk.errors import AuthenticationFailed, RequestRejected
from kiosk.pki.training import TrainingPki
from kiosk.provision.enrolment import Enrolled, enrol
from kiosk.provision.identity import IdentityFiles, load_certificate
from kiosk.provision.renewal import renew
from kiosk.provision.settings_file import update
from kiosk.store.database import open_store
from kiosk.sync.client import CentralClient
from provision.enrolled import TlsCentral, tls_central


@pytest.fixture
def service(tmp_path: Path, training_pki: TrainingPki) -> Iterator[TlsCentral]:
    with tls_central(tmp_path / "central", training_pki) as central:
        yield central


@pytest.fixture
def files(tmp_path: Path) -> IdentityFiles:
    return IdentityFiles(tmp_path / "terminal" / "tls")


def client_for(service: TlsCentral, files: IdentityFiles, **overrides: object) -> CentralClient:
    options: dict[str, object] = {"token": None, "timeout_s": 5.0, "ca_bundle": files.ca,
                                  "client_cert": files.certificate, "client_key": files.key}
    options.update(overrides)
    return CentralClient(service.url, **options)  # type: ignore[arg-type]


def record(sequence: int, terminal: str = "north-01", site: str = "north") -> str:
    import json

    return json.dumps(transaction_wire(sequence=sequence, terminal_id=terminal, site=site))


async def post_one(client: CentralClient, sequence: int, **where: str) -> None:
    wire = record(sequence, **where)
    import json

    result = await client.post_transactions([(json.loads(wire)["key"], wire)])
    assert list(result.statuses.values()) == ["accepted"]


async def test_enrolment_gives_a_working_identity_over_mutual_tls(service: TlsCentral, files: IdentityFiles) -> None:
    enrolled = await enrol(service.url, service.code(), service.fingerprint, files)
    assert (enrolled.terminal_id, enrolled.site, enrolled.mode) == ("north-01", "north", "counter")
    assert enrolled.environment == "production"
    assert enrolled.identifier_key and len(enrolled.identifier_key) == 64
    assert stat.S_IMODE(files.key.stat().st_mode) == 0o600
    certificate = load_certificate(files.certificate)
    assert certificate.not_valid_after_utc - certificate.not_valid_before_utc > timedelta(days=80)
    async with client_for(service, files) as client:
        await post_one(client, 1)


async def test_wrong_reused_and_expired_codes_are_refused(service: TlsCentral, files: IdentityFiles) -> None:
    with pytest.raises(RequestRejected) as wrong:
        await enrol(service.url, "AAAA-BBBB-CCCC-DDDD", service.fingerprint, files)
    assert (wrong.value.reason, wrong.value.status) == ("enrolment_code_unknown", 403)
    assert not files.key.exists()  # nothing written for a refusal
    code = service.code()
    await enrol(service.url, code.lower().replace("-", " "), service.fingerprint, files)  # as typed
    with pytest.raises(RequestRejected) as reused:
        await enrol(service.url, code, service.fingerprint, files)
    assert (reused.value.reason, reused.value.status) == ("enrolment_code_used", 409)
    short = service.code("north-02", ttl=timedelta(minutes=10))
    service.handle.clock.advance(timedelta(minutes=11))
    with pytest.raises(RequestRejected) as expired:
        await enrol(service.url, short, service.fingerprint, files)
    assert (expired.value.reason, expired.value.status) == ("enrolment_code_expired", 410)


async def test_a_new_code_for_a_terminal_cancels_its_unused_one(service: TlsCentral, files: IdentityFiles) -> None:
    first = service.code()
    service.code()
    with pytest.raises(RequestRejected) as refused:
        await enrol(service.url, first, service.fingerprint, files)
    assert refused.value.reason == "enrolment_code_expired"


async def test_a_wrong_ca_fingerprint_writes_nothing(service: TlsCentral, files: IdentityFiles) -> None:
    with pytest.raises(AuthenticationFailed, match="fingerprint"):
        await enrol(service.url, service.code(), "00" * 32, files)
    assert not files.directory.exists()


async def test_a_revoked_terminal_is_refused_at_once_and_its_sender_pauses(
        service: TlsCentral, files: IdentityFiles, tmp_path: Path) -> None:
    await enrol(service.url, service.code(), service.fingerprint, files)
    async with client_for(service, files) as client:
        await post_one(client, 1)
        service.revoke("north-01")
        with pytest.raises(AuthenticationFailed, match="certificate_revoked"):
            await post_one(client, 2)
    store = open_store(_store_settings(tmp_path))
    try:
        store.record(pin_change())
        alerts: list[Exception] = []
        async with client_for(service, files) as client:
            report = await sender_for(store, client, on_alert=alerts.append).run_once()
        assert isinstance(report.error, AuthenticationFailed)
        assert len(alerts) == 1
        status = store.outbox_status()
        assert (status.pending, status.paused_at is not None) == (1, True)
    finally:
        store.close()


def _store_settings(tmp_path: Path) -> Settings:
    directory = tmp_path / "store"
    directory.mkdir()
    return settings_for(directory, terminal_id="north-01", site="north")


async def test_re_enrolling_revokes_the_old_certificate(service: TlsCentral, tmp_path: Path) -> None:
    old, new = IdentityFiles(tmp_path / "old"), IdentityFiles(tmp_path / "new")
    await enrol(service.url, service.code(), service.fingerprint, old)
    await enrol(service.url, service.code(), service.fingerprint, new)
    async with client_for(service, old) as client:
        with pytest.raises(AuthenticationFailed, match="certificate_revoked"):
            await post_one(client, 1)
    async with client_for(service, new) as client:
        await post_one(client, 1)


async def test_an_expired_certificate_is_an_authentication_failure(service: TlsCentral,
                                                                  files: IdentityFiles) -> None:
    await enrol(service.url, service.code(), service.fingerprint, files)
    service.handle.clock.advance(timedelta(days=91))  # the service's clock: the terminal's still trusts it
    async with client_for(service, files) as client:
        with pytest.raises(AuthenticationFailed, match="certificate_expired"):
            await post_one(client, 1)


async def test_missing_certificates_and_bearer_tokens_are_refused_over_https(service: TlsCentral,
                                                                            files: IdentityFiles) -> None:
    await enrol(service.url, service.code(), service.fingerprint, files)
    async with client_for(service, files, client_cert=None, client_key=None, token=DEMO_TERMINAL.token) as client:
        with pytest.raises(AuthenticationFailed, match="client_certificate_required"):
            await post_one(client, 1, terminal=DEMO_TERMINAL.terminal_id, site=DEMO_TERMINAL.site)
    files.certificate.unlink()
    async with client_for(service, files) as client:  # configured, but the file is gone: no traffic at all
        with pytest.raises(AuthenticationFailed, match="missing"):
            await client.health()


async def test_a_terminal_of_site_a_cannot_act_for_site_b(service: TlsCentral, files: IdentityFiles) -> None:
    await enrol(service.url, service.code(), service.fingerprint, files)
    async with client_for(service, files) as client:
        # A 403 pauses the sender like any refusal of the terminal's identity: a technician must look.
        with pytest.raises(AuthenticationFailed, match="403 wrong_site"):
            await post_one(client, 1, site="south")
        with pytest.raises(AuthenticationFailed, match="403 wrong_site"):
            await client.counts("south", datetime.now(UTC).date())
        await post_one(client, 1)


async def test_renewal_at_two_thirds_over_mutual_tls(service: TlsCentral, tmp_path: Path) -> None:
    config_dir = tmp_path / "config"
    files = IdentityFiles(config_dir / "tls")
    enrolled: Enrolled = await enrol(service.url, service.code(), service.fingerprint, files)
    config_file = config_dir / "kiosk.toml"
    update(config_file, {"central_url": enrolled.central_url, "site": enrolled.site,
                         "terminal_id": enrolled.terminal_id, "api_token": "", "ca_bundle": str(files.ca),
                         "client_cert": str(files.certificate), "client_key": str(files.key),
                         "identifier_key": str(enrolled.identifier_key), "environment": "production"})
    settings = load_settings(environ={}, file=config_file)
    before = load_certificate(files.certificate)
    lifetime = before.not_valid_after_utc - before.not_valid_before_utc
    early = await renew(settings, before.not_valid_before_utc + lifetime / 2, config_file)
    assert not early.renewed
    service.handle.clock.advance(lifetime * 0.7)  # the service's clock too: it dates the new certificate
    due = await renew(settings, before.not_valid_before_utc + lifetime * 0.7, config_file)
    assert due.renewed and due.not_after > before.not_valid_after_utc
    renewed = load_settings(environ={}, file=config_file)
    assert renewed.client_cert != settings.client_cert and not files.certificate.exists()
    assert renewed.client_key is not None and stat.S_IMODE(renewed.client_key.stat().st_mode) == 0o600
    async with CentralClient.from_settings(renewed) as client:
        await post_one(client, 1)


async def test_a_new_token_for_a_terminal_revokes_its_old_one(tmp_path: Path, training_pki: TrainingPki) -> None:
    from central_server import register_terminals, run_central

    from kiosk.central.settings import TerminalRegistration
    from kiosk.domain.transactions import Mode

    url = f"sqlite:///{tmp_path / 'central.sqlite3'}"
    first = TerminalRegistration("north-01", "north", Mode.COUNTER, "first-token")
    second = TerminalRegistration("north-01", "north", Mode.COUNTER, "second-token")
    register_terminals(url, (first,))
    register_terminals(url, (second,))
    with run_central(url, training_pki, terminals=()) as central:
        async with CentralClient(central.base_url, token=first.token) as old:
            with pytest.raises(AuthenticationFailed, match="401"):
                await post_one(old, 1)
        async with CentralClient(central.base_url, token=second.token) as new:
            await post_one(new, 1)


async def test_an_expired_own_certificate_fails_before_any_traffic(service: TlsCentral, tmp_path: Path) -> None:
    from cryptography.hazmat.primitives import serialization

    from kiosk.central import terminal_ca
    from kiosk.provision.identity import new_key, write_private_key, write_public

    ca = terminal_ca.load_or_create(service.tls_dir, datetime.now(UTC))
    key = new_key()
    old = ca.issue_terminal(key.public_key(), "north-01", "north", datetime.now(UTC) - timedelta(days=200))
    files = IdentityFiles(tmp_path / "expired")
    write_private_key(key, files.key)
    write_public(old.public_bytes(serialization.Encoding.PEM), files.certificate)
    write_public(ca.certificate_pem().encode(), files.ca)
    async with client_for(service, files) as client:
        with pytest.raises(AuthenticationFailed, match="expired"):
            await client.health()

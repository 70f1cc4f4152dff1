"""TLS to the central service: a configured CA bundle, a client certificate, and what a TLS failure does."""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from pathlib import Path

import pytest
from central_server import DEMO_TERMINAL, CentralHandle
from store.helpers import pin_change

from kiosk.errors import AuthenticationFailed
from kiosk.store.database import Store
from kiosk.sync.client import CentralClient
from sync.faultproxy import FaultProxy, fault_proxy
from sync.helpers import assert_held_exactly_once, sender_for
from sync.tlsfiles import TlsFiles, make_tls_files


@pytest.fixture(scope="module")
def tls(tmp_path_factory: pytest.TempPathFactory) -> TlsFiles:
    return make_tls_files(tmp_path_factory.mktemp("tls"))


def _server_context(tls: TlsFiles, *, require_client_certificate: bool) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(tls.server_cert, tls.server_key)
    if require_client_certificate:
        context.verify_mode = ssl.CERT_REQUIRED
        context.load_verify_locations(tls.client_ca)
        # In TLS 1.2 a missing client certificate fails the handshake itself. In TLS 1.3 the refusal comes
        # after the handshake, as an alert that asyncio's TLS server does not even send (it just drops the
        # connection): the terminal then sees an unavailable service, retries, and shows the last error.
        context.maximum_version = ssl.TLSVersion.TLSv1_2
    return context


@pytest.fixture
def https(central: CentralHandle, tls: TlsFiles) -> Iterator[FaultProxy]:
    with fault_proxy(central.base_url, _server_context(tls, require_client_certificate=False)) as running:
        yield running


@pytest.fixture
def mutual(central: CentralHandle, tls: TlsFiles) -> Iterator[FaultProxy]:
    with fault_proxy(central.base_url, _server_context(tls, require_client_certificate=True)) as running:
        yield running


async def test_the_configured_ca_bundle_is_trusted(https: FaultProxy, tls: TlsFiles) -> None:
    async with CentralClient(https.base_url, token=DEMO_TERMINAL.token, ca_bundle=tls.server_ca) as client:
        assert (await client.health())["status"] == "ok"


async def test_a_server_certificate_from_an_unknown_ca_is_an_authentication_failure(https: FaultProxy,
                                                                                   tls: TlsFiles) -> None:
    async with CentralClient(https.base_url, token=DEMO_TERMINAL.token) as client:  # the public trust store
        with pytest.raises(AuthenticationFailed, match="TLS"):
            await client.health()
    async with CentralClient(https.base_url, token=DEMO_TERMINAL.token, ca_bundle=tls.client_ca) as client:
        with pytest.raises(AuthenticationFailed, match="TLS"):
            await client.health()


async def test_a_terminal_with_a_client_certificate_is_let_in(mutual: FaultProxy, tls: TlsFiles) -> None:
    async with CentralClient(mutual.base_url, token=DEMO_TERMINAL.token, ca_bundle=tls.server_ca,
                             client_cert=tls.client_cert, client_key=tls.client_key) as client:
        assert (await client.health())["status"] == "ok"


async def test_a_terminal_without_its_client_certificate_is_refused(mutual: FaultProxy, tls: TlsFiles) -> None:
    async with CentralClient(mutual.base_url, token=DEMO_TERMINAL.token, ca_bundle=tls.server_ca) as client:
        with pytest.raises(AuthenticationFailed, match="TLS"):
            await client.health()


async def test_a_tls_failure_pauses_the_sender_and_touches_no_row(https: FaultProxy, tls: TlsFiles, store: Store,
                                                                  central: CentralHandle) -> None:
    for _ in range(3):
        store.record(pin_change())
    alerts: list[Exception] = []
    async with CentralClient(https.base_url, token=DEMO_TERMINAL.token) as untrusting:
        report = await sender_for(store, untrusting, on_alert=alerts.append).run_once()
    assert isinstance(report.error, AuthenticationFailed)
    assert len(alerts) == 1
    status = store.outbox_status()
    assert (status.pending, status.paused_at is not None) == (3, True)
    assert all(item.attempts == 0 for item in store.due(10))
    async with CentralClient(https.base_url, token=DEMO_TERMINAL.token, ca_bundle=tls.server_ca) as fixed:
        report = await sender_for(store, fixed).run_once()
    assert (report.error, report.delivered) == (None, 3)
    assert store.outbox_status().paused_at is None  # a delivery lifts the pause
    assert_held_exactly_once(central, store)


def test_tls_files_exist(tls: TlsFiles) -> None:
    assert all(Path(p).exists() for p in vars(tls).values())

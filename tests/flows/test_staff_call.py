"""Calling staff: a kiosk's call reaches the counters of its site through the real reference service on
loopback, a counter answers, the kiosk sees the answer; a dead service, a refusing one and none at all each
leave the resident told to go to the counter, and the call in the kiosk's audit trail."""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from central_server import DEMO_TERMINAL, KIOSK_TERMINAL, SECOND_COUNTER, CentralHandle, central  # noqa: F401
from store.helpers import settings_for
from sync.faultproxy import EveryRequestProxy, Fault

from kiosk.central.server import start_in_thread
from kiosk.central.settings import CentralSettings, TerminalRegistration
from kiosk.flows.staff_call import CallState, answer_call, call_staff
from kiosk.pki.training import TrainingPki
from kiosk.store.database import Store, open_store
from kiosk.sync.client import CentralClient

FAST = (0.01, 0.02)
WAIT_S = 30.0


@contextlib.asynccontextmanager
async def terminal(directory: Path, base_url: str,
                   registration: TerminalRegistration) -> AsyncIterator[tuple[Store, CentralClient]]:
    settings = settings_for(directory, central_url=base_url, api_token=registration.token,
                            terminal_id=registration.terminal_id, site=registration.site,
                            mode=str(registration.mode), sync_timeout_s=5.0)
    store = open_store(settings)
    try:
        async with CentralClient.from_settings(settings) as client:
            yield store, client
    finally:
        store.close()


class States(list[CallState]):
    def __init__(self) -> None:
        super().__init__()
        self.changed = asyncio.Event()

    def __call__(self, state: CallState) -> None:
        self.append(state)
        self.changed.set()

    async def reach(self, wanted: CallState) -> None:
        async with asyncio.timeout(WAIT_S):
            while wanted not in self:
                self.changed.clear()
                await self.changed.wait()


def audit_events(store: Store) -> list[tuple[str, dict[str, object]]]:
    """The entries of calls (opening a store writes its own first)."""
    return [(entry.event, dict(entry.detail)) for entry in reversed(store.audit_entries(100))
            if not entry.event.startswith("store.")]


async def test_a_call_reaches_the_sites_counters_and_their_answer_reaches_the_kiosk(
        tmp_path: Path, central: CentralHandle) -> None:  # noqa: F811 - fixture
    async with (terminal(tmp_path / "kiosk", central.base_url, KIOSK_TERMINAL) as (kiosk_store, kiosk_client),
                terminal(tmp_path / "counter", central.base_url, DEMO_TERMINAL) as (counter_store, counter_client),
                terminal(tmp_path / "counter2", central.base_url, SECOND_COUNTER) as (second_store, second_client)):
        states = States()
        calling = asyncio.ensure_future(call_staff(kiosk_store, kiosk_client, screen="pinEntryScreen",
                                                   language="vi", on_state=states, poll_s=0.05))
        await states.reach(CallState.SENT)
        (seen,) = await counter_client.open_staff_calls()
        assert (seen.terminal_id, seen.screen, seen.language) == (KIOSK_TERMINAL.terminal_id, "pinEntryScreen", "vi")
        assert [found.call_id for found in await second_client.open_staff_calls()] == [seen.call_id]

        answered = await answer_call(counter_store, counter_client, seen.call_id, "S0012")
        assert (answered.answered_by, answered.answered_staff) == (DEMO_TERMINAL.terminal_id, "S0012")
        late = await answer_call(second_store, second_client, seen.call_id, "S0099")  # the first answer stands
        assert (late.answered_by, late.answered_staff) == (DEMO_TERMINAL.terminal_id, "S0012")
        result = await asyncio.wait_for(calling, WAIT_S)

        assert result is not None and result.answered_staff == "S0012"
        assert states == [CallState.SENDING, CallState.SENT, CallState.ANSWERED]
        assert audit_events(kiosk_store) == [
            ("kiosk.call_staff", {"call": seen.call_id, "screen": "pinEntryScreen", "language": "vi"}),
            ("kiosk.call_staff_answered", {"call": seen.call_id, "by": DEMO_TERMINAL.terminal_id,
                                           "staff_id": "S0012"})]
        kiosk = KIOSK_TERMINAL.terminal_id
        assert audit_events(counter_store) == [
            ("staff.call_answered", {"call": seen.call_id, "staff_id": "S0012", "kiosk": kiosk, "first": True})]
        assert audit_events(second_store) == [  # told it was not the first, and by whom (the answer)
            ("staff.call_answered", {"call": seen.call_id, "staff_id": "S0099", "kiosk": kiosk, "first": False})]


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_a_call_made_while_the_service_is_down_is_sent_when_it_comes_back(
        tmp_path: Path, training_pki: TrainingPki) -> None:
    port = _closed_port()
    base_url = f"http://127.0.0.1:{port}"
    async with terminal(tmp_path / "kiosk", base_url, KIOSK_TERMINAL) as (store, client):
        states = States()
        calling = asyncio.ensure_future(call_staff(store, client, screen="checkScreen", language="en",
                                                   on_state=states, retry_s=FAST, poll_s=0.05))
        await states.reach(CallState.NOT_REACHED)  # the resident is told to go to the counter meanwhile
        assert not calling.done()
        server = start_in_thread(CentralSettings(database_url=f"sqlite:///{tmp_path / 'central.sqlite3'}",
                                                 terminals=(DEMO_TERMINAL, KIOSK_TERMINAL), pki=training_pki),
                                 port=port)
        try:
            await states.reach(CallState.SENT)
            async with terminal(tmp_path / "counter", base_url, DEMO_TERMINAL) as (counter_store, counter_client):
                (seen,) = await counter_client.open_staff_calls()  # sent once, however often it was tried
                await answer_call(counter_store, counter_client, seen.call_id, None)
            await asyncio.wait_for(calling, WAIT_S)
        finally:
            server.stop()
    assert states == [CallState.SENDING, CallState.NOT_REACHED, CallState.SENT, CallState.ANSWERED]


async def test_a_refused_call_stops_and_says_go_to_the_counter(tmp_path: Path,
                                                              central: CentralHandle) -> None:  # noqa: F811
    # A counter's token: the service refuses (403) and retrying cannot help.
    async with terminal(tmp_path / "counter", central.base_url, DEMO_TERMINAL) as (store, client):
        states = States()
        result = await asyncio.wait_for(call_staff(store, client, screen="checkScreen", language="ja",
                                                   on_state=states, retry_s=FAST), WAIT_S)
        assert result is None
        assert states == [CallState.SENDING, CallState.NOT_REACHED]
        assert [event for event, _ in audit_events(store)] == ["kiosk.call_staff"]
        assert await client.open_staff_calls() == ()


async def test_without_a_central_service_the_call_is_audited_and_the_resident_sent_to_the_counter(
        tmp_path: Path) -> None:
    store = open_store(settings_for(tmp_path))
    try:
        states = States()
        assert await call_staff(store, None, screen="attractScreen", language="ko", on_state=states) is None
        assert states == [CallState.SENDING, CallState.NOT_REACHED]
        assert [event for event, _ in audit_events(store)] == ["kiosk.call_staff"]
    finally:
        store.close()


async def test_leaving_the_call_screen_stops_following_the_call(tmp_path: Path,
                                                               central: CentralHandle) -> None:  # noqa: F811
    async with terminal(tmp_path / "kiosk", central.base_url, KIOSK_TERMINAL) as (store, client):
        states = States()
        calling = asyncio.ensure_future(call_staff(store, client, screen="checkScreen", language="ja",
                                                   on_state=states, poll_s=0.01))
        await states.reach(CallState.SENT)
        calling.cancel()
        with pytest.raises(asyncio.CancelledError):
            await calling
    assert states == [CallState.SENDING, CallState.SENT]


@pytest.mark.parametrize("fault", ["drop_after", "garbage_after", "garbage", "status_503"])
async def test_a_call_whose_answer_is_lost_or_garbled_is_sent_again_and_is_still_one_call(
        tmp_path: Path, central: CentralHandle, fault: str) -> None:  # noqa: F811 - fixture
    """Through a real proxy that breaks the first request: before the service acts (``garbage``, 503) or
    after it stored the call (``drop_after``, ``garbage_after``). The kiosk tries again with the same id."""
    host, port = central.base_url.removeprefix("http://").split(":")
    proxy = EveryRequestProxy(host, int(port))
    proxy.start()
    try:
        async with terminal(tmp_path / "kiosk", proxy.base_url, KIOSK_TERMINAL) as (store, client):
            proxy.script(Fault(fault))
            states = States()
            calling = asyncio.ensure_future(call_staff(store, client, screen="checkScreen", language="ja",
                                                       on_state=states, retry_s=FAST, poll_s=0.05))
            await states.reach(CallState.SENT)
            calling.cancel()
            with pytest.raises(asyncio.CancelledError):
                await calling
    finally:
        proxy.stop()
    assert states[:3] == [CallState.SENDING, CallState.NOT_REACHED, CallState.SENT]
    with central.client(DEMO_TERMINAL) as counter:
        assert len(counter.get("/v1/staff-calls").json()["calls"]) == 1

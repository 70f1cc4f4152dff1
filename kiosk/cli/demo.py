"""``kiosk demo``: the terminal on its embedded defaults, end to end, with nothing but this machine.

    kiosk demo [--profile renewable] [--cycles 3]

It makes sure a pcscd runs (with the project's virtual readers), takes a free virtual reader, starts the
reference central service on loopback and puts a virtual My Number Card in the reader. Then, as a technician
would at a new terminal:

1. ``kiosk card status`` against the card (the check screen's read, through the real PC/SC stack);
2. the check is recorded in the local database and its outbox, and delivered to the central service;
3. ``kiosk outbox status`` and ``kiosk reconcile`` show it arrived exactly once;
4. ``kiosk card watch`` while the card is removed and inserted a few times.

Everything it started it stops again; a pcscd that was already running stays running.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import subprocess
import sys
import time
from contextlib import ExitStack
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from kiosk.cli.exitcodes import ExitCode
from kiosk.cli.training import start_central
from kiosk.i18n import tr

if TYPE_CHECKING:
    from kiosk.config import Settings

CARD_NOTICED_TIMEOUT_S = 10.0
# pcscd polls the virtual reader about every 0.4 s: a card must stay in (and out) longer than that for
# every insertion and removal to be seen.
DWELL_S = 1.0
GAP_S = 1.0


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("demo", help="run the terminal on its embedded defaults")
    parser.add_argument("--profile", default="renewable",
                        help="the virtual card's profile (see `kiosk cardsim --list`; default: renewable)")
    parser.add_argument("--cycles", type=int, default=3, help="card removals and insertions to watch")
    parser.set_defaults(handler=_demo)


def _heading(text: str) -> None:
    print(f"\n== {text}", flush=True)


def _kiosk(*arguments: str, env: dict[str, str]) -> int:
    """Run a ``kiosk`` command as a technician would, its output going straight to this terminal."""
    print(f"$ kiosk {' '.join(arguments)}", flush=True)
    return subprocess.run([sys.executable, "-m", "kiosk", *arguments], env=env, check=False).returncode


def _record_and_deliver(settings: Settings, reader: str) -> None:
    """What the check screen will do for each card: read, record, and let the sender deliver it."""
    from kiosk.card.check import read_card_status
    from kiosk.card.pcsc import open_connection
    from kiosk.card.transport import CardTransport
    from kiosk.domain.transactions import Outcome, TransactionKind
    from kiosk.store.database import open_store
    from kiosk.store.drafts import TransactionDraft
    from kiosk.sync.background import BackgroundSync

    with open_connection(reader) as connection:
        status = read_card_status(CardTransport(connection))
    store = open_store(settings)
    try:
        record = store.record(TransactionDraft(
            kind=TransactionKind.CHECK, outcome=Outcome.COMPLETED, card_generation=str(status.profile.generation),
            auth_subject_der=status.auth_certificate.certificate.subject.public_bytes()))
        print(tr("demo", "Recorded transaction #{sequence} ({key}).", sequence=record.sequence, key=record.key))

        async def deliver() -> int:
            sync = BackgroundSync(settings, store)
            try:
                report = await sync.sender.run_once()
            finally:
                await sync.client.aclose()
            return report.acknowledged

        acknowledged = asyncio.run(deliver())
        print(tr("demo", "The central service acknowledged {count} transaction(s).", count=acknowledged))
    finally:
        store.close()


def _watch_cycles(link: Any, cycles: int, env: dict[str, str]) -> None:
    print("$ kiosk card watch", flush=True)
    watch = subprocess.Popen([sys.executable, "-m", "kiosk", "card", "watch"], env=env)
    try:
        time.sleep(GAP_S)  # let it list the readers as they are
        for _ in range(cycles):
            link.remove()
            time.sleep(GAP_S)
            link.insert()
            link.wait_until_noticed(CARD_NOTICED_TIMEOUT_S)
            time.sleep(DWELL_S)
    finally:
        watch.send_signal(signal.SIGINT)
        try:
            watch.wait(timeout=10)
        except subprocess.TimeoutExpired:
            watch.terminate()
            watch.wait(timeout=10)


def _demo(args: argparse.Namespace) -> int:
    from kiosk.cardsim import VirtualCard, pcscd
    from kiosk.cardsim.vpcd import VpcdLink
    from kiosk.config import load_settings
    from kiosk.domain.validity import JST

    with ExitStack() as stack:
        _heading(tr("demo", "Starting the PC/SC service and the local central service"))
        handle = pcscd.start()
        stack.callback(handle.stop)
        slot = stack.enter_context(pcscd.lease_slot())
        settings = load_settings()
        central_url = start_central(settings, stack)
        settings = replace(settings, central_url=central_url, reader=slot.reader)
        env = {**os.environ, "KIOSK_CENTRAL_URL": central_url, "KIOSK_READER": slot.reader}
        print(tr("demo", "Reader: {reader}", reader=slot.reader))
        print(tr("demo", "Central service: {url}", url=central_url))
        print(tr("demo", "Database: {url}", url=settings.database_url))

        _heading(tr("demo", "Inserting a virtual My Number Card (profile: {profile})", profile=args.profile))
        card = VirtualCard.from_profile(args.profile)
        link = stack.enter_context(VpcdLink(card, slot.port))
        if not link.wait_until_noticed(CARD_NOTICED_TIMEOUT_S):
            print(tr("demo", "The virtual reader did not notice the card."), file=sys.stderr)
            return ExitCode.NO_CARD

        _heading(tr("demo", "The check screen's read"))
        code = _kiosk("card", "status", "--reader", slot.reader, env=env)
        if code != ExitCode.OK:
            return code

        _heading(tr("demo", "Recording the check and delivering it to the central service"))
        _record_and_deliver(settings, slot.reader)
        _kiosk("outbox", "status", env=env)
        today = datetime.now(JST).date().isoformat()
        _kiosk("reconcile", "--site", settings.site, "--date", today, env=env)

        _heading(tr("demo", "Watching the readers while the card is removed and inserted {cycles} times",
                    cycles=args.cycles))
        _watch_cycles(link, args.cycles, env)
        _heading(tr("demo", "Done."))
    return ExitCode.OK

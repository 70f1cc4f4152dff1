"""Does the window stay responsive while the terminal works? A 5 ms heartbeat on the Qt thread.

The counter application runs as in production (the window, then ``kiosk.ui.app.start``: store, reader
watcher, card channel, background sender), signed in, on a vpcd reader of the machine's pcscd, with the
reference central service in its own process. A precise 5 ms QTimer beats on the Qt thread while the app:

- ``check``: notices a virtual card put in the reader and checks it, then the card leaves and the app starts over
  (insert to the check screen, removal to the insert-card screen and 0.2 s after);
- ``renewal``: renews both certificates, driven through the screens (check screen, renew, identity, the
  PIN pad for every PIN, to the result screen);
- ``sync``: sends a backlog of ``--backlog`` records (default 10,000) to the central service with its
  background sender (the outbox filled beforehand with ``Store.record`` from a worker thread, on a second
  store over the same file so the sender is not woken until the app records one more itself).

Each scenario's largest gap and p99 gap between beats is printed against the largest gap of the same app
left idle, in the same run, for as long (``ratio_to_idle``). Target: the largest gap under 50 ms.

    .venv/bin/python benchmarks/ui_stall.py [--backlog 10000] [--repeat 3] [--scenario sync] [--diagnose]

A pcscd without the project's readers already running: stop it (``sudo systemctl stop pcscd.socket
pcscd``) so that this starts its own.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path
from typing import Any

import ui_session
from ui_session import Heartbeat, RunningApp, Unavailable

TARGET_MAX_GAP_MS = 50.0
AFTER_REMOVAL_S = 0.2
NEW_AUTH, NEW_SIGN = "4321", "NEWPASS1"
SCENARIOS = ("check", "renewal", "sync")
DIAGNOSE = [False]  # --diagnose: where the Qt thread stood during each stall


async def idle(app: RunningApp, seconds: float) -> dict[str, Any]:
    heartbeat = Heartbeat()
    heartbeat.start()
    await asyncio.sleep(seconds)
    return heartbeat.stop()


async def check(app: RunningApp) -> dict[str, Any]:
    link = app.card_link("valid")
    heartbeat = Heartbeat(diagnose=DIAGNOSE[0])
    heartbeat.start()
    finished = app.finished
    link.insert()
    await app.until(lambda: app.finished > finished and app.controller.current == "checkScreen", "the check")
    link.remove()
    await app.screen("insertCardScreen")
    await asyncio.sleep(AFTER_REMOVAL_S)  # the start-over's work (kiosk.memory's trim among it) is measured too
    return heartbeat.stop()


async def renewal(app: RunningApp) -> dict[str, Any]:
    from PySide6.QtCore import QDate

    from kiosk.cardsim.profiles import named_profile

    link = app.card_link("renewable")
    heartbeat = Heartbeat(diagnose=DIAGNOSE[0])
    heartbeat.start()
    link.insert()
    await app.screen("checkScreen")
    app.click("renewButton")
    await app.screen("identityScreen")
    identity = app.controller.identity
    identity.boxes[next(iter(identity.boxes))].setChecked(True)
    expiry = named_profile("renewable").card_expires_on
    identity.expiry.setDate(QDate(expiry.year, expiry.month, expiry.day))
    app.click("identityOkButton")
    for pin in ("5678", "ABC123", NEW_AUTH, NEW_AUTH, NEW_SIGN, NEW_SIGN):
        await app.type_pin(pin)
    await app.screen("resultScreen")
    figures = heartbeat.stop()
    result = app.last_result
    if not result.completed:
        raise RuntimeError(f"the renewal did not complete: {result.error}")
    app.click("resultDoneButton")  # a counter keeps the result on screen until staff are done with it
    await app.screen("checkScreen")
    link.remove()
    await app.screen("insertCardScreen")
    return figures


def fill_outbox(app: RunningApp, backlog: int) -> None:
    """``backlog`` records as ``Store.record`` writes them, through a second store on the same file (its
    record listeners are not the app's, so the app's sender sleeps on until the app records one itself)."""
    from outbox import _drafts

    from kiosk.store.database import Store, terminal_of
    from kiosk.store.sqlite import make_engine

    store = Store(make_engine(app.settings.database_url, synchronous="OFF"), terminal_of(app.settings))
    try:
        drafts = _drafts()
        for n in range(backlog):
            store.record(drafts[n % len(drafts)])
    finally:
        store.close()


async def sync(app: RunningApp, backlog: int) -> dict[str, Any]:
    store = app.controller.services.store
    await asyncio.to_thread(fill_outbox, app, backlog)
    from outbox import _drafts

    drafts = _drafts()
    heartbeat = Heartbeat(diagnose=DIAGNOSE[0])
    heartbeat.start()
    await asyncio.to_thread(store.record, drafts[0])  # the app's own record wakes its sender
    pending = backlog + 1

    async def drained() -> None:
        nonlocal pending
        while True:
            status = await asyncio.to_thread(store.outbox_status)
            pending = status.pending
            if pending == 0:
                return
            await asyncio.sleep(0.05)

    await asyncio.wait_for(drained(), ui_session.WAIT_S * 10)
    figures = heartbeat.stop()
    figures["records_sent"] = backlog + 1
    return figures


def _summary(runs: list[dict[str, Any]], idles: list[dict[str, Any]]) -> dict[str, Any]:
    worst = max(runs, key=lambda run: run["max_gap_ms"])
    idle_max = max(run["max_gap_ms"] for run in idles)
    return {
        "runs": runs,
        "max_gap_ms": worst["max_gap_ms"],
        "p99_gap_ms": max(run["p99_gap_ms"] for run in runs),
        "gaps_over_50_ms": sum(run["gaps_over_50_ms"] for run in runs),
        "idle_same_duration": {"max_gap_ms": idle_max, "p99_gap_ms": max(run["p99_gap_ms"] for run in idles),
                               "gaps_over_50_ms": sum(run["gaps_over_50_ms"] for run in idles)},
        "ratio_to_idle": round(worst["max_gap_ms"] / idle_max, 2),
        "target_max_gap_ms": TARGET_MAX_GAP_MS,
        "meets_target": worst["max_gap_ms"] < TARGET_MAX_GAP_MS,
    }


async def measure(root: Path, central_url: str, slot: Any, backlog: int, repeat: int,
                  only: set[str]) -> dict[str, Any]:
    results: dict[str, Any] = {}
    async with ui_session.running_app(root / "terminal", central_url, slot) as app:
        await check(app)  # warm-up: imports, PC/SC context, the first HTTP connection
        for name, scenario in (("check", check), ("renewal", renewal)):
            if name not in only:
                continue
            runs, idles = [], []
            for _ in range(repeat):
                runs.append(await scenario(app))
                idles.append(await idle(app, runs[-1]["seconds"]))
            results[name] = _summary(runs, idles)
        if "sync" in only:
            run = await sync(app, backlog)
            results["sync"] = _summary([run], [await idle(app, run["seconds"])])
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backlog", type=int, default=10_000, help="records in the outbox for the sync")
    parser.add_argument("--repeat", type=int, default=3, help="runs of the check and of the renewal")
    parser.add_argument("--scenario", action="append", choices=SCENARIOS, help="only this one (repeatable)")
    parser.add_argument("--diagnose", action="store_true",
                        help="also print where the Qt thread's Python code stood during stalls over 12 ms")
    args = parser.parse_args(argv)
    DIAGNOSE[0] = args.diagnose
    if args.backlog < 1 or args.repeat < 1:
        parser.error("--backlog and --repeat must be at least 1")
    try:
        with ui_session.environment() as (root, central_url, slot):
            scenarios = ui_session.run_on_qasync(lambda: measure(root, central_url, slot, args.backlog,
                                                                  args.repeat, set(args.scenario or SCENARIOS)))
    except Unavailable as error:
        return ui_session.fail_unavailable(error)
    result = {
        "benchmark": "ui_stall",
        "platform": ui_session.os.environ["QT_QPA_PLATFORM"],
        "heartbeat_ms": 5,
        "backlog": args.backlog,
        "baseline": "the same app idle on its insert-card screen, as long as each run, in this run",
        "scenarios": scenarios,
        "meets_target": all(s["meets_target"] for s in scenarios.values()),
    }
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Outbox figures, printed as JSON (DESIGN.md section 5).

1. Enqueue latency: ``Store.record`` (record + outbox row + audit entry + sequence, one transaction) on a
   real SQLite file with synchronous=FULL, the terminal's setting; the same with NORMAL and OFF is the
   in-run baseline that shows what the durability costs. Target: p99 under 10 ms with FULL.
2. Drain rate: a backlog of 10,000 transactions sent to the reference central service (``kiosk central
   serve``, its own process, on loopback) in batches, against one request per transaction. One request
   per transaction is measured on a sample (``--sample``) to keep the run short; the output says so.
   Target: batched at least 20x faster.
3. Delivery while recording: the background sender against the reference service while a writer thread
   records 50 transactions a second (the busiest terminal), then as fast as it can. Figures: the delivery
   rate over the writer's rate while it writes, the largest backlog seen and how long the rest takes to
   drain once it stops. Target: delivery keeps up with 50/s (ratio at least 0.95, backlog bounded).

    .venv/bin/python benchmarks/outbox.py [--backlog 10000] [--sample 1000] [--enqueue 2000] [--writer-seconds 20]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

ENQUEUE_TARGET_P99_MS = 10.0
DRAIN_TARGET_RATIO = 20.0
BATCH_SIZE = 200
PKI_CACHE = Path(tempfile.gettempdir()) / "kiosk-benchmark-training-pki"


def _percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _settings(directory: Path, **overrides: Any) -> Any:
    from kiosk.config import load_settings

    base = load_settings(environ={}, file=directory / "absent.toml")
    return replace(base, data_dir=directory, database_url=f"sqlite:///{directory / 'kiosk.sqlite3'}", **overrides)


def _drafts() -> list[Any]:
    from kiosk.domain.transactions import CertificateChange, Outcome, TransactionKind
    from kiosk.store.drafts import TransactionDraft

    return [
        TransactionDraft(TransactionKind.RENEWAL, Outcome.COMPLETED, staff_id="S0012", card_generation="current",
                         certificates=(CertificateChange("auth", "5a3f01", "6b1002"),
                                       CertificateChange("sign", "5a3f02", "6b1003")),
                         auth_subject_der=b"\x30\x22" + bytes(32)),
        TransactionDraft(TransactionKind.PIN_RESET, Outcome.COMPLETED, pin_kind="sign", card_generation="current"),
        TransactionDraft(TransactionKind.CHECK, Outcome.COMPLETED, card_generation="next"),
    ]


def enqueue_latency(directory: Path, synchronous: str, count: int, warmup: int = 50) -> dict[str, Any]:
    from kiosk.store.database import Store, open_store, terminal_of
    from kiosk.store.sqlite import make_engine

    directory.mkdir(parents=True, exist_ok=True)
    settings = _settings(directory)
    open_store(settings).close()  # create and migrate
    # As the terminal records: with the lost-database marker following each record.
    store = Store(make_engine(settings.database_url, synchronous=synchronous), terminal_of(settings),
                  marker_of=directory / "kiosk.sqlite3")
    try:
        with store.engine.connect() as connection:
            actual = connection.exec_driver_sql("PRAGMA synchronous").scalar()
        drafts = _drafts()
        for n in range(warmup):
            store.record(drafts[n % len(drafts)])
        samples = []
        for n in range(count):
            started = time.perf_counter()
            store.record(drafts[n % len(drafts)])
            samples.append((time.perf_counter() - started) * 1000)
    finally:
        store.close()
    return {"synchronous": synchronous, "pragma_value": actual, "records": count,
            "p50_ms": round(_percentile(samples, 0.50), 3), "p99_ms": round(_percentile(samples, 0.99), 3),
            "max_ms": round(max(samples), 3), "mean_ms": round(statistics.fmean(samples), 3)}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def central_service(directory: Path) -> Iterator[str]:
    """``kiosk central serve --demo`` in its own process on a fresh database; yields its base URL."""
    import httpx

    directory.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    env = {**os.environ, "KIOSK_DATA_DIR": str(directory), "KIOSK_CONFIG_DIR": str(directory),
           "KIOSK_TRAINING_PKI_DIR": str(PKI_CACHE)}
    process = subprocess.Popen([sys.executable, "-m", "kiosk", "central", "serve", "--demo", "--port", str(port),
                                "--db", f"sqlite:///{directory / 'central.sqlite3'}"], env=env)
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"kiosk central serve exited with {process.returncode}")
            try:
                if httpx.get(f"{base_url}/v1/health", timeout=1.0).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("kiosk central serve did not become ready")
            time.sleep(0.05)
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def drain(directory: Path, backlog: int, batch_size: int) -> dict[str, Any]:
    """Record ``backlog`` transactions, then time one sender pass that delivers them all."""
    from kiosk.store.database import open_store
    from kiosk.sync.client import CentralClient
    from kiosk.sync.sender import OutboxSender

    with central_service(directory / "central") as base_url:
        (directory / "terminal").mkdir(parents=True, exist_ok=True)
        settings = _settings(directory / "terminal", central_url=base_url)
        store = open_store(settings)
        try:
            drafts = _drafts()
            for n in range(backlog):
                store.record(drafts[n % len(drafts)])

            async def send() -> tuple[float, Any]:
                async with CentralClient.from_settings(settings) as client:
                    await client.health()  # connection set up outside the timed part, for both modes alike
                    sender = OutboxSender(store, client, batch_size=batch_size)
                    started = time.perf_counter()
                    report = await sender.run_once()
                    return time.perf_counter() - started, report

            seconds, report = asyncio.run(send())
            if report.error is not None or report.delivered != backlog:
                raise RuntimeError(f"the drain did not complete: {report}")
        finally:
            store.close()
    return {"transactions": backlog, "batch_size": batch_size, "requests": report.batches,
            "seconds": round(seconds, 3), "per_second": round(backlog / seconds, 1)}


WRITER_RATE = 50.0
KEEP_UP_TARGET = 0.95


def delivery_while_recording(directory: Path, seconds: float, rate: float | None) -> dict[str, Any]:
    """A writer thread records at ``rate`` per second (None: unthrottled) for ``seconds`` while the
    background sender delivers; the delivery rate is what the service acknowledged in that window."""
    import threading

    from kiosk.store.database import open_store
    from kiosk.sync.client import CentralClient
    from kiosk.sync.sender import OutboxSender

    with central_service(directory / "central") as base_url:
        (directory / "terminal").mkdir(parents=True, exist_ok=True)
        settings = _settings(directory / "terminal", central_url=base_url)
        store = open_store(settings)
        drafts = _drafts()
        recorded = [0]
        stop = threading.Event()

        def write() -> None:
            started = time.perf_counter()
            while not stop.is_set():
                store.record(drafts[recorded[0] % len(drafts)])
                recorded[0] += 1
                if rate is not None:  # paced on the clock, not on sleeps, so slow records do not lower the rate
                    delay = started + recorded[0] / rate - time.perf_counter()
                    if delay > 0:
                        stop.wait(delay)

        async def run() -> dict[str, Any]:
            async with CentralClient.from_settings(settings) as client:
                await client.health()
                sender = OutboxSender(store, client, batch_size=BATCH_SIZE, idle_check_s=0.5)
                sender.start()
                writer = threading.Thread(target=write, name="bench-writer")
                started = time.perf_counter()
                writer.start()
                largest_backlog = 0
                while time.perf_counter() - started < seconds:
                    await asyncio.sleep(0.25)
                    largest_backlog = max(largest_backlog, (await asyncio.to_thread(store.outbox_status)).pending)
                stop.set()
                await asyncio.to_thread(writer.join)
                window = time.perf_counter() - started
                status = await asyncio.to_thread(store.outbox_status)
                delivered_in_window = recorded[0] - status.pending
                drain_started = time.perf_counter()
                while (await asyncio.to_thread(store.outbox_status)).pending:
                    if time.perf_counter() - drain_started > 120:
                        raise RuntimeError("the backlog did not drain")
                    await asyncio.sleep(0.05)
                drain_s = time.perf_counter() - drain_started
                await sender.stop()
                writer_rate = recorded[0] / window
                delivery_rate = delivered_in_window / window
                return {"writer_rate_target": rate, "seconds": round(window, 2), "recorded": recorded[0],
                        "writer_per_second": round(writer_rate, 1), "delivered_per_second": round(delivery_rate, 1),
                        "ratio_delivered_to_recorded": round(delivery_rate / writer_rate, 3),
                        "largest_backlog": largest_backlog, "backlog_at_stop": status.pending,
                        "drain_after_stop_s": round(drain_s, 3)}

        try:
            return asyncio.run(run())
        finally:
            store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backlog", type=int, default=10_000)
    parser.add_argument("--sample", type=int, default=1_000, help="transactions sent one per request")
    parser.add_argument("--enqueue", type=int, default=2_000, help="records timed per durability setting")
    parser.add_argument("--writer-seconds", type=float, default=20.0, help="how long the writer records")
    parser.add_argument("--only-delivery", action="store_true", help="measure delivery while recording only")
    args = parser.parse_args(argv)
    if args.only_delivery:
        with tempfile.TemporaryDirectory(prefix="kiosk-outbox-bench-") as temporary:
            root = Path(temporary)
            os.environ.update({"KIOSK_DATA_DIR": str(root / "data"), "KIOSK_CONFIG_DIR": str(root / "config"),
                               "KIOSK_TRAINING_PKI_DIR": str(PKI_CACHE)})
            json.dump(_delivery(root, args.writer_seconds), sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    with tempfile.TemporaryDirectory(prefix="kiosk-outbox-bench-") as temporary:
        root = Path(temporary)
        os.environ.update({"KIOSK_DATA_DIR": str(root / "data"), "KIOSK_CONFIG_DIR": str(root / "config"),
                           "KIOSK_TRAINING_PKI_DIR": str(PKI_CACHE)})
        latencies = {mode.lower(): enqueue_latency(root / f"enqueue-{mode.lower()}", mode, args.enqueue)
                     for mode in ("FULL", "NORMAL", "OFF")}
        batched = drain(root / "batched", args.backlog, BATCH_SIZE)
        single = drain(root / "single", min(args.sample, args.backlog), 1)
        delivery = _delivery(root, args.writer_seconds)
    ratio = batched["per_second"] / single["per_second"]
    full = latencies["full"]
    result = {
        "enqueue": {
            "durable": full, "baseline_normal": latencies["normal"], "baseline_off": latencies["off"],
            "p99_ratio_full_to_off": round(full["p99_ms"] / latencies["off"]["p99_ms"], 2),
            "target_p99_ms": ENQUEUE_TARGET_P99_MS, "meets_target": full["p99_ms"] < ENQUEUE_TARGET_P99_MS,
        },
        "drain": {
            "backlog": args.backlog, "batched": batched, "one_per_request": single,
            "one_per_request_note": (f"measured on a sample of {single['transactions']} transactions; the rate "
                                     "is per transaction, so the ratio compares like with like"
                                     if single["transactions"] < args.backlog else "measured on the full backlog"),
            "ratio_batched_to_one_per_request": round(ratio, 1),
            "target_ratio": DRAIN_TARGET_RATIO, "meets_target": ratio >= DRAIN_TARGET_RATIO,
        },
        "delivery_while_recording": delivery,
    }
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


def _delivery(root: Path, seconds: float) -> dict[str, Any]:
    paced = delivery_while_recording(root / "paced", seconds, WRITER_RATE)
    unthrottled = delivery_while_recording(root / "unthrottled", seconds, None)
    return {"at_50_per_second": paced, "unthrottled_writer": unthrottled,
            "target_ratio": KEEP_UP_TARGET,
            "meets_target": paced["ratio_delivered_to_recorded"] >= KEEP_UP_TARGET}


if __name__ == "__main__":
    raise SystemExit(main())

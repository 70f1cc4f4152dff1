"""Outbox figures, printed as JSON (DESIGN.md section 5).

1. Enqueue latency: ``Store.record`` (record + outbox row + audit entry + sequence, one transaction) on a
   real SQLite file with synchronous=FULL, the terminal's setting; the same with NORMAL and OFF is the
   in-run baseline that shows what the durability costs. Target: p99 under 10 ms with FULL.
2. Drain rate: a backlog of 10,000 transactions sent to the reference central service (``kiosk central
   serve``, its own process, on loopback) in batches, against one request per transaction. One request
   per transaction is measured on a sample (``--sample``) to keep the run short; the output says so.
   Target: batched at least 20x faster.

    .venv/bin/python benchmarks/outbox.py [--backlog 10000] [--sample 1000] [--enqueue 2000]
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
    store = Store(make_engine(settings.database_url, synchronous=synchronous), terminal_of(settings))
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backlog", type=int, default=10_000)
    parser.add_argument("--sample", type=int, default=1_000, help="transactions sent one per request")
    parser.add_argument("--enqueue", type=int, default=2_000, help="records timed per durability setting")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kiosk-outbox-bench-") as temporary:
        root = Path(temporary)
        os.environ.update({"KIOSK_DATA_DIR": str(root / "data"), "KIOSK_CONFIG_DIR": str(root / "config"),
                           "KIOSK_TRAINING_PKI_DIR": str(PKI_CACHE)})
        latencies = {mode.lower(): enqueue_latency(root / f"enqueue-{mode.lower()}", mode, args.enqueue)
                     for mode in ("FULL", "NORMAL", "OFF")}
        batched = drain(root / "batched", args.backlog, BATCH_SIZE)
        single = drain(root / "single", min(args.sample, args.backlog), 1)
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
    }
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

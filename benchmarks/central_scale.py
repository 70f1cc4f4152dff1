"""The central service at city and national scale, on PostgreSQL, printed as JSON.

1. Ingest: ``--terminals`` terminals (200) send a year of a big city's records (``--records``, 450,000,
   FY2025 spread over ``--sites`` sites) concurrently, each with the real sender (``OutboxSender`` and
   ``CentralClient`` over HTTP, its own SQLite outbox filled beforehand with the store's own insert) to the
   reference service (uvicorn on loopback, ``--workers`` processes sharing one port). Printed: records per
   second from the first batch to the last acknowledgement, batch latency percentiles, and the ratio to a
   bare ``COPY`` of the same rows into a table with the same indexes (the physical reference).
2. Queries at that size: the report's counts (one site's year, every site's year) and its oldest gaps (one
   site, every site), each as the median of ``--repeat`` runs, with the ratio to a bare ``COPY ... TO
   STDOUT`` of the rows the query covers, and the key lines of ``EXPLAIN (ANALYZE, BUFFERS)``. A few
   records are deleted first (one per 50 terminals) so that there are gaps to find.
3. With ``--national N`` (10,000,000 for the issue's figure): a synthetic national slice bulk-loaded with
   ``COPY`` straight into the migrated tables (1,741 sites, one per municipality, ``--national-terminals``
   terminals, some with holes in their numbering), then the same queries.

The database is a fresh one of its own on the machine's cluster (started if down and stopped again after,
as the tests do: tests/central/postgres.py), dropped at the end.

Run times on the project's 2-core machine, shared with other test runs: ``make bench`` (20,000 records, 20
terminals) under a minute; the defaults (450,000 records, 200 terminals) about 7 minutes (4.5 of them
filling the 200 outboxes, 2 the ingest); ``--national 10000000`` adds about 8 (3.3 the COPY load).

    .venv/bin/python benchmarks/central_scale.py [--records 450000] [--terminals 200] [--sites 20]
        [--workers 2] [--senders 2] [--national 0] [--explain] [--repeat 3]
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import multiprocessing
import os
import socket
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PKI_CACHE = Path(tempfile.gettempdir()) / "kiosk-benchmark-training-pki"
JST = timezone(timedelta(hours=9))
YEAR_START = date(2025, 4, 1)  # FY2025
YEAR_END = date(2026, 3, 31)
NATIONAL_SITES = 1741  # municipalities
BATCH_SIZE = 200
# kind, outcome and their share of a centre's year (renewals dominate; every kind and outcome occurs)
MIX = [("renewal", "completed", 36), ("renewal", "failed", 2), ("renewal", "cancelled", 1),
       ("pin_reset", "completed", 22), ("pin_reset", "failed", 2), ("check", "completed", 18),
       ("check", "cancelled", 1), ("new_issuance", "completed", 6), ("pin_change", "completed", 6),
       ("pin_change", "failed", 1), ("card_info_read", "completed", 5)]
MIX_CYCLE = [(kind, outcome) for kind, outcome, share in MIX for _ in range(share)]
EXPLAIN_KEYS = ("Scan", "Aggregate", "WindowAgg", "Sort", "Join", "Nested Loop", "Limit", "Execution Time",
                "Buffers")


def _percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _site(index: int, sites: int) -> str:
    return f"site-{index % sites:04d}"


def _terminal(index: int) -> str:
    return f"term-{index:05d}"


def _token(index: int) -> str:
    return f"bench-token-{index:05d}-{'x' * 24}"


def _moment(n: int, count: int) -> datetime:
    """The n-th of ``count`` records of a terminal: spread over the fiscal year, in service hours."""
    days = (YEAR_END - YEAR_START).days + 1
    day = YEAR_START + timedelta(days=n * days // count)
    return datetime(day.year, day.month, day.day, 9, tzinfo=JST) + timedelta(seconds=(n * 4177) % (8 * 3600))


# --- PostgreSQL ---------------------------------------------------------------------------------------

@contextmanager
def postgres_database() -> Iterator[str]:
    sys.path.insert(0, str(ROOT / "tests"))
    from central import postgres  # the tests' own way to get a database (cluster started if down)

    with postgres.session_database() as url:
        yield url


def _schema_url(url: str, schema: str) -> str:
    from urllib.parse import quote

    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA IF NOT EXISTS {schema}"))
    engine.dispose()
    return f"{url}?options={quote(f'-csearch_path={schema}')}"


def _register(url: str, terminals: int, sites: int) -> None:
    from sqlalchemy.orm import Session

    from kiosk.central import database
    from kiosk.central import terminals as registry
    from kiosk.central.settings import TerminalRegistration
    from kiosk.domain.transactions import Mode

    engine = database.engine_for(url)
    try:
        database.upgrade_schema(engine)
        with Session(engine) as session, session.begin():
            for index in range(terminals):
                registry.register(session, TerminalRegistration(_terminal(index), _site(index, sites),
                                                                Mode.COUNTER, _token(index)), datetime.now(UTC))
    finally:
        engine.dispose()


# --- the terminals' outboxes ------------------------------------------------------------------------

def _terminal_settings(root: Path, index: int, sites: int, base_url: str = "http://127.0.0.1:1") -> Any:
    from kiosk.config import load_settings

    directory = root / _terminal(index)
    base = load_settings(environ={}, file=root / "absent.toml")
    return replace(base, data_dir=directory, database_url=f"sqlite:///{directory / 'kiosk.sqlite3'}",
                   terminal_id=_terminal(index), site=_site(index, sites), mode="counter",
                   central_url=base_url, api_token=_token(index), sync_timeout_s=60.0)


def _draft(n: int, count: int) -> Any:
    from kiosk.domain.transactions import CertificateChange, Outcome, TransactionKind
    from kiosk.store.drafts import TransactionDraft

    kind, outcome = MIX_CYCLE[(n * 7) % len(MIX_CYCLE)]
    certificates = ((CertificateChange("auth", "5a3f01", "6b1002"), CertificateChange("sign", "5a3f02", "6b1003"))
                    if kind in ("renewal", "new_issuance") and outcome == "completed" else ())
    return TransactionDraft(TransactionKind(kind), Outcome(outcome), occurred_at=_moment(n, count),
                            failure_code="card.removed" if outcome == "failed" else None, staff_id="S0012",
                            card_generation="current",
                            pin_kind="sign" if kind in ("pin_reset", "pin_change") else None,
                            certificates=certificates, auth_subject_der=b"\x30\x22" + n.to_bytes(34, "big"))


def fill_outboxes(root: Path, indexes: list[int], sites: int, per_terminal: int) -> None:
    """Record ``per_terminal`` procedures in each terminal's own store, with the store's insert (one
    transaction per terminal, synchronous OFF: preparation, not what is measured)."""
    from kiosk.store import records
    from kiosk.store.database import open_store, terminal_of
    from kiosk.store.sqlite import make_engine, writer

    for index in indexes:
        settings = _terminal_settings(root, index, sites)
        open_store(settings).close()  # create and migrate
        engine = make_engine(settings.database_url, synchronous="OFF")
        try:
            terminal = terminal_of(settings)
            with writer(engine).begin() as connection:
                for n in range(per_terminal):
                    draft = _draft(n, per_terminal)
                    records.insert_record(connection, draft, terminal, draft.occurred_at)
        finally:
            engine.dispose()


# --- the service ----------------------------------------------------------------------------------

def serve_worker(port: int, database_url: str) -> None:
    """One uvicorn process of the service; several share the port (SO_REUSEPORT, the kernel spreads
    connections). The socket names IPPROTO_TCP so that asyncio sets TCP_NODELAY (kiosk.central.server)."""
    import uvicorn

    from kiosk.central.app import create_app
    from kiosk.central.settings import CentralSettings

    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    listener.bind(("127.0.0.1", port))
    settings = CentralSettings(database_url=database_url, pki_dir=PKI_CACHE, upgrade_schema=False)
    config = uvicorn.Config(create_app(settings), log_level="warning", access_log=False, lifespan="on",
                            backlog=2048)
    uvicorn.Server(config).run(sockets=[listener])


@contextmanager
def service(database_url: str, workers: int) -> Iterator[str]:
    import httpx

    from kiosk.pki import training

    training.load_or_create(PKI_CACHE)  # once, before workers race to create it
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    context = multiprocessing.get_context("spawn")
    processes = [context.Process(target=serve_worker, args=(port, database_url), daemon=True)
                 for _ in range(workers)]
    for process in processes:
        process.start()
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        ready = 0
        while ready < 2 * workers:  # several answers: every worker listening, very probably
            if any(p.exitcode is not None for p in processes):
                raise RuntimeError("a service worker exited")
            try:
                ready += httpx.get(f"{base_url}/v1/health", timeout=2.0).status_code == 200
            except httpx.TransportError:
                time.sleep(0.1)
            if time.monotonic() > deadline:
                raise RuntimeError("the service did not become ready")
        yield base_url
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.join(15)
            if process.is_alive():
                process.kill()
                process.join()


# --- the senders ----------------------------------------------------------------------------------

def send_worker(root: Path, indexes: list[int], sites: int, base_url: str, start: Any, results: Any) -> None:
    """Every terminal of ``indexes`` drains its outbox with its own real sender, concurrently."""
    from kiosk.store.database import open_store
    from kiosk.sync.client import BatchResult, CentralClient
    from kiosk.sync.sender import OutboxSender

    latencies: list[float] = []

    class TimedClient(CentralClient):
        async def post_transactions(self, *args: Any, **kwargs: Any) -> BatchResult:
            started = time.perf_counter()
            try:
                return await super().post_transactions(*args, **kwargs)
            finally:
                latencies.append((time.perf_counter() - started) * 1000)

    async def drain(index: int, stores: list[Any]) -> tuple[int, int, int]:
        settings = _terminal_settings(root, index, sites, base_url)
        store = open_store(settings)
        stores.append(store)
        delivered = errors = 0
        async with TimedClient(base_url, token=settings.api_token, timeout_s=settings.sync_timeout_s) as client:
            sender = OutboxSender(store, client, batch_size=BATCH_SIZE)
            while True:
                report = await sender.run_once(everything_pending=True)
                delivered += report.acknowledged
                if report.error is None:
                    return delivered, errors, report.rejected
                errors += 1
                await asyncio.sleep(min(report.retry_in or 1.0, 2.0))

    async def everything() -> tuple[float, float, list[tuple[int, int, int]]]:
        stores: list[Any] = []
        try:
            began = time.time()
            outcomes = await asyncio.gather(*(drain(index, stores) for index in indexes))
            return began, time.time(), list(outcomes)
        finally:
            for store in stores:
                store.close()

    start.wait()
    began, ended, outcomes = asyncio.run(everything())
    results.put({"began": began, "ended": ended, "latencies_ms": latencies,
                 "delivered": sum(o[0] for o in outcomes), "errors": sum(o[1] for o in outcomes),
                 "rejected": sum(o[2] for o in outcomes)})


def _split(items: list[int], parts: int) -> list[list[int]]:
    return [items[i::parts] for i in range(parts) if items[i::parts]]


def _collect(results: Any, senders: list[Any]) -> list[dict[str, Any]]:
    """Each sender process's figures; a sender that dies ends the run instead of leaving it waiting."""
    import queue

    reports: list[dict[str, Any]] = []
    while len(reports) < len(senders):
        try:
            reports.append(results.get(timeout=1.0))
        except queue.Empty:
            if any(p.exitcode not in (None, 0) for p in senders):
                for process in senders:
                    if process.is_alive():
                        process.terminate()
                raise RuntimeError("a sender process failed (its traceback is above)") from None
    for process in senders:
        process.join()
    return reports


def ingest(url: str, root: Path, args: argparse.Namespace) -> dict[str, Any]:
    context = multiprocessing.get_context("spawn")
    per_terminal = args.records // args.terminals
    indexes = list(range(args.terminals))
    began = time.perf_counter()
    fillers = [context.Process(target=fill_outboxes, args=(root, part, args.sites, per_terminal))
               for part in _split(indexes, os.cpu_count() or 2)]
    for process in fillers:
        process.start()
    for process in fillers:
        process.join()
        if process.exitcode != 0:
            raise RuntimeError("filling the outboxes failed")
    filled_s = time.perf_counter() - began
    with service(url, args.workers) as base_url:
        start = context.Event()
        results = context.Queue()
        senders = [context.Process(target=send_worker, args=(root, part, args.sites, base_url, start, results))
                   for part in _split(indexes, args.senders)]
        for process in senders:
            process.start()
        time.sleep(2.0)  # let the sender processes import and wait at the start line
        start.set()
        reports = _collect(results, senders)
    seconds = max(r["ended"] for r in reports) - min(r["began"] for r in reports)
    latencies = [ms for r in reports for ms in r["latencies_ms"]]
    delivered = sum(r["delivered"] for r in reports)
    return {"terminals": args.terminals, "records": per_terminal * args.terminals, "delivered": delivered,
            "rejected": sum(r["rejected"] for r in reports), "failed_batches": sum(r["errors"] for r in reports),
            "batches": len(latencies), "batch_size": BATCH_SIZE, "service_workers": args.workers,
            "sender_processes": len(senders), "seconds": round(seconds, 2),
            "records_per_second": round(delivered / seconds, 1),
            "batch_latency_ms": {"p50": round(_percentile(latencies, 0.5), 1),
                                 "p99": round(_percentile(latencies, 0.99), 1),
                                 "max": round(max(latencies), 1)},
            "outbox_fill_seconds": round(filled_s, 1)}


# --- COPY and the queries -----------------------------------------------------------------------------

def _raw(url: str) -> Any:
    import psycopg
    from sqlalchemy import make_url

    parsed = make_url(url)
    options = parsed.query.get("options")
    return psycopg.connect(host=parsed.host, port=parsed.port, user=parsed.username, password=parsed.password,
                           dbname=parsed.database, options=options if isinstance(options, str) else None,
                           autocommit=True)


def copy_in_reference(url: str, rows: int) -> dict[str, Any]:
    """A bare COPY of the stored rows into an empty table with the same columns and indexes."""
    with _raw(url) as connection, connection.cursor() as cursor:
        buffer = io.BytesIO()
        with cursor.copy("COPY transactions TO STDOUT") as copy:
            for chunk in copy:
                buffer.write(chunk)
        cursor.execute("DROP TABLE IF EXISTS copy_reference")
        cursor.execute("CREATE TABLE copy_reference (LIKE transactions INCLUDING ALL)")
        started = time.perf_counter()
        with cursor.copy("COPY copy_reference FROM STDIN") as copy:
            copy.write(buffer.getvalue())
        seconds = time.perf_counter() - started
        cursor.execute("DROP TABLE copy_reference")
    return {"rows": rows, "seconds": round(seconds, 3), "records_per_second": round(rows / seconds, 1)}


def _copy_out_seconds(url: str, where: str) -> float:
    with _raw(url) as connection, connection.cursor() as cursor:
        started = time.perf_counter()
        with cursor.copy(f"COPY (SELECT * FROM transactions WHERE {where}) TO STDOUT") as copy:
            for _chunk in copy:
                pass
        return time.perf_counter() - started


def _compiled(query: Any) -> str:
    from sqlalchemy.dialects import postgresql

    return str(query.compile(dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True}))


def sql_timing(url: str, query: Any, repeat: int, *, drop_index: str | None = None) -> dict[str, Any]:
    """The query's SQL alone (psycopg, no ORM) as the median of ``repeat`` runs after one warm-up, and its
    plan's key lines. With ``drop_index``, the index is dropped inside a transaction rolled back at the end:
    the evidence that it earns its keep (PostgreSQL's DDL is transactional; nothing else runs)."""
    sql = _compiled(query)
    with _raw(url) as connection:
        connection.autocommit = False
        with connection.cursor() as cursor:
            if drop_index is not None:
                cursor.execute(f"DROP INDEX {drop_index}".encode())
            samples = []
            for _ in range(repeat + 1):
                started = time.perf_counter()
                cursor.execute(sql.encode())
                cursor.fetchall()
                samples.append(time.perf_counter() - started)
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}".encode())
            plan = [str(row[0]).rstrip() for row in cursor.fetchall()]
        connection.rollback()
    return {"sql_ms": round(statistics.median(samples[1:]) * 1000, 1),
            "plan": [line for line in plan if any(key in line for key in EXPLAIN_KEYS)]}


def time_queries(url: str, site: str, repeat: int, explain: bool) -> dict[str, Any]:
    from sqlalchemy.orm import Session

    from kiosk.central import database, reports

    year = reports.ReportRange(YEAR_START, YEAR_END, site)
    everywhere = replace(year, site=None)
    in_year = f"local_date BETWEEN '{YEAR_START}' AND '{YEAR_END}'"
    of_site = f"terminal_id IN (SELECT terminal_id FROM terminals WHERE site = '{site}')"
    cases: list[tuple[str, Callable[[Session], object], Any, str]] = [
        ("counts_one_site_year", lambda s: reports.day_counts(s, year), reports.day_counts_query(year),
         f"site = '{site}' AND {in_year}"),
        ("counts_every_site_year", lambda s: reports.day_counts(s, everywhere), reports.day_counts_query(everywhere),
         in_year),
        ("oldest_gaps_one_site", lambda s: reports.oldest_gaps(s, site), reports.oldest_gaps_query(site), of_site),
        ("oldest_gaps_every_site", lambda s: reports.oldest_gaps(s, None), reports.oldest_gaps_query(None),
         "true"),
    ]
    engine = database.engine_for(url)
    timed: dict[str, Any] = {}
    try:
        for name, run, query, where in cases:
            samples = []
            for _ in range(repeat + 1):  # the first run warms the cache, as a report asked twice would be
                with Session(engine) as session:
                    started = time.perf_counter()
                    result = run(session)
                    samples.append(time.perf_counter() - started)
            query_s = statistics.median(samples[1:])
            copy_s = statistics.median([_copy_out_seconds(url, where) for _ in range(repeat)])
            entry: dict[str, Any] = {"report_ms": round(query_s * 1000, 1), "rows_out": len(result),  # type: ignore[arg-type]
                                     "copy_out_same_rows_ms": round(copy_s * 1000, 1),
                                     "report_ratio_to_copy": round(query_s / copy_s, 3)}
            sql = sql_timing(url, query, repeat)
            entry["sql_ms"] = sql["sql_ms"]
            entry["sql_ratio_to_copy"] = round(sql["sql_ms"] / 1000 / copy_s, 3)
            if explain:
                entry["plan"] = sql["plan"]
                if name.startswith("counts"):
                    entry["without_report_index"] = sql_timing(url, query, repeat,
                                                               drop_index="ix_transactions_report_counts")
            timed[name] = entry
    finally:
        engine.dispose()
    return timed


def make_gaps(url: str) -> int:
    """Delete one record of every 50th terminal: records lost in transit, the gaps a report must show."""
    with _raw(url) as connection, connection.cursor() as cursor:
        cursor.execute("DELETE FROM transactions WHERE right(terminal_id, 5)::int % 50 = 0 "
                       "AND sequence = 10 + right(terminal_id, 5)::int % 97")
        deleted = cursor.rowcount
        cursor.execute("VACUUM ANALYZE transactions")
    return int(deleted)


def _row_count(url: str) -> int:
    with _raw(url) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM transactions")
        row = cursor.fetchone()
        return int(row[0]) if row else 0


# --- the national slice -------------------------------------------------------------------------------

def national(url: str, records: int, terminals: int, repeat: int, explain: bool) -> dict[str, Any]:
    """COPY ``records`` synthetic records straight into the migrated tables, then time the queries."""
    national_url = _schema_url(url, "national")
    _register(national_url, terminals, NATIONAL_SITES)
    per_terminal = records // terminals
    certificates = json.dumps([{"purpose": "auth", "old_serial_hex": "5a3f01", "new_serial_hex": "6b1002"}])
    received = datetime(2026, 4, 1, tzinfo=UTC)

    def lines(index: int) -> Iterator[str]:
        terminal, site = _terminal(index), _site(index, NATIONAL_SITES)
        skip = 10 + index % 997 if index % 50 == 0 else -1  # every 50th terminal lost one record
        for n in range(per_terminal):
            if n + 1 == skip:
                continue
            kind, outcome = MIX_CYCLE[(n * 7) % len(MIX_CYCLE)]
            moment = _moment(n, per_terminal)
            yield "\t".join((
                str(uuid.UUID(int=(index << 64) | n, version=4)), f"{(index * 1_000_003 + n):064x}", site, terminal,
                str(n + 1), kind, outcome, "card.removed" if outcome == "failed" else "\\N",
                moment.isoformat(), moment.date().isoformat(), "counter", "S0012", "current",
                "sign" if kind in ("pin_reset", "pin_change") else "\\N",
                certificates if kind in ("renewal", "new_issuance") and outcome == "completed" else "[]",
                f"{n:064x}", (received + timedelta(seconds=n)).isoformat())) + "\n"

    columns = ("key, content_sha256, site, terminal_id, sequence, kind, outcome, failure_code, occurred_at, "
               "local_date, mode, staff_id, card_generation, pin_kind, certificates, subject_hmac_hex, received_at")
    with _raw(national_url) as connection, connection.cursor() as cursor:
        started = time.perf_counter()
        with cursor.copy(f"COPY transactions ({columns}) FROM STDIN") as copy:
            for index in range(terminals):
                copy.write("".join(lines(index)))
        load_s = time.perf_counter() - started
        started = time.perf_counter()
        cursor.execute("VACUUM ANALYZE transactions")
        vacuum_s = time.perf_counter() - started
    stored = _row_count(national_url)
    _progress("national_load", {"records": stored, "load_seconds": round(load_s, 1),
                                "vacuum_analyze_seconds": round(vacuum_s, 1)})
    return {"records": stored, "terminals": terminals, "sites": NATIONAL_SITES,
            "copy_load": {"seconds": round(load_s, 1), "records_per_second": round(stored / load_s, 1),
                          "note": "COPY into the migrated table, its indexes included"},
            "vacuum_analyze_seconds": round(vacuum_s, 1),
            "queries": time_queries(national_url, _site(0, NATIONAL_SITES), repeat, explain)}


def city_year(url: str, root: Path, args: argparse.Namespace) -> dict[str, Any]:
    city_url = _schema_url(url, "city")
    _register(city_url, args.terminals, args.sites)
    city = ingest(city_url, root / "terminals", args)
    stored = _row_count(city_url)
    copy_in = copy_in_reference(city_url, stored)
    city["stored"] = stored
    city["bare_copy_in"] = copy_in
    city["ratio_ingest_to_copy"] = round(city["records_per_second"] / copy_in["records_per_second"], 4)
    city["gaps_made"] = make_gaps(city_url)
    city["queries"] = time_queries(city_url, _site(0, args.sites), args.repeat, args.explain)
    return city


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=450_000, help="the city's year (default 450,000)")
    parser.add_argument("--terminals", type=int, default=200)
    parser.add_argument("--sites", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2, help="service processes")
    parser.add_argument("--senders", type=int, default=2, help="processes the terminals' senders run in")
    parser.add_argument("--national", type=int, default=0, help="records of the national slice (0: none)")
    parser.add_argument("--national-terminals", type=int, default=4000)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per query (median)")
    parser.add_argument("--explain", action="store_true",
                        help="add the EXPLAIN (ANALYZE) key lines, and the counts timed without their index")
    parser.add_argument("--skip-city", action="store_true", help="only the national slice (with --national)")
    args = parser.parse_args(argv)
    if args.records < args.terminals or args.terminals < 1:
        parser.error("--records must be at least --terminals, which must be at least 1")
    result: dict[str, Any] = {"machine_cores": os.cpu_count()}
    try:
        with tempfile.TemporaryDirectory(prefix="kiosk-central-scale-") as temporary, postgres_database() as url:
            _run_all(url, Path(temporary), args, result)
    except RuntimeError as exc:  # PostgresUnavailable among them: one line, not a traceback
        print(f"central_scale: {exc}", file=sys.stderr)
        return 1
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


def _run_all(url: str, root: Path, args: argparse.Namespace, result: dict[str, Any]) -> None:
    os.environ.update({"KIOSK_DATA_DIR": str(root / "data"), "KIOSK_CONFIG_DIR": str(root / "config"),
                       "KIOSK_TRAINING_PKI_DIR": str(PKI_CACHE)})
    if not args.skip_city:
        result["city"] = city_year(url, root, args)
        _progress("city", result["city"])
    if args.national:
        result["national"] = national(url, args.national, args.national_terminals, args.repeat, args.explain)


def _progress(phase: str, figures: dict[str, Any]) -> None:
    """Each phase's figures on stderr as soon as it ends: a long run cut short keeps what it measured."""
    print(json.dumps({phase: figures}), file=sys.stderr, flush=True)


if __name__ == "__main__":
    raise SystemExit(main())

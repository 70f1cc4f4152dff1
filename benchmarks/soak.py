"""Soak: many card insert/remove cycles through the running application; does anything pile up?

The counter application runs as in production (the window, then ``kiosk.ui.app.start``), signed in, on a
vpcd reader of the machine's pcscd, with the reference central service in its own process. Each cycle
puts a virtual card (``VpcdLink``, in this process) in the reader, waits until the app has noticed it,
checked it and shown the check screen, takes it out and waits for the insert-card screen again. Every check
is recorded and sent to the central service by the app's background sender, as at a counter.

After ``--warmup`` cycles (imports, caches, the PC/SC context, SQLite's page cache, the HTTP connection)
the process's resident memory (VmRSS), OS threads and open file descriptors are taken as the baseline,
then again every tenth of the run (or every ``--sample-every`` cycles) and at the end, always at the same
point of a cycle (card out, app on the insert-card screen, after a garbage collection). Each sample also
says where the memory sits (anonymous or mapped; the C heap in use and held free; SQLite's allocator;
Python's blocks) and goes to stderr as it is taken, so a run stopped early still tells its trajectory.
Printed as JSON at the end, with the target: RSS growth under 5 MB, no thread or fd growth.

    .venv/bin/python benchmarks/soak.py [--cycles 10000] [--warmup 50] [--sample-every N] [--trace-memory]

pcscd learns of a card coming and going at its presence polls (every ~0.4 s), and each change here follows
the poll that reported the last one, so a cycle takes about 0.8 s and the full 10,000 cycles over two
hours; ``make bench`` runs 300 (``SOAK_CYCLES=10000 make bench`` for the full run).
Like every pcscd user here, the soak holds the shared pcscd lock for its whole run: a test session that
restarts pcscd waits behind it (and gives up after 5 minutes), so run the full soak on a machine of its own.

A pcscd without the project's readers already running: stop it (``sudo systemctl stop pcscd.socket
pcscd``) so that this starts its own.
"""

from __future__ import annotations

import argparse
import asyncio
import ctypes
import ctypes.util
import functools
import gc
import json
import os
import statistics
import sys
import threading
import time
import tracemalloc
from array import array
from collections import Counter
from pathlib import Path
from typing import Any

import ui_session
from ui_session import RunningApp, Unavailable, resources

TARGET_RSS_GROWTH_KB = 5 * 1024
TRACE_FRAMES = 30
BREAKDOWN = ("rssanon_kb", "rssfile_kb", "rssshmem_kb", "c_heap_in_use_kb", "c_heap_free_kb", "sqlite_kb",
             "python_blocks")


def _fd_targets() -> list[str]:
    targets = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            targets.append(os.readlink(f"/proc/self/fd/{fd}"))
        except OSError:  # the listing's own descriptor, closed meanwhile
            continue
    return sorted(targets)


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in
                ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks",
                 "keepcost")]


@functools.cache
def _allocator_probes() -> tuple[Any, Any]:
    """glibc's mallinfo2 and SQLite's sqlite3_memory_used, looked up once (None where absent): the lookup
    (find_library starts a subprocess) must not happen inside every measurement of this process."""
    mallinfo = getattr(ctypes.CDLL(None), "mallinfo2", None)
    if mallinfo is not None:
        mallinfo.restype = _MallInfo2
    try:
        memory_used = ctypes.CDLL(ctypes.util.find_library("sqlite3") or "libsqlite3.so.0").sqlite3_memory_used
        memory_used.restype = ctypes.c_int64
    except (OSError, AttributeError):
        memory_used = None
    return mallinfo, memory_used


def memory_breakdown() -> dict[str, int]:
    """Where the resident memory sits, to tell a leak from a cache or a fragmented heap: anonymous memory
    against mapped files (libraries' and fonts' pages touched for the first time) and shared memory, SQLite's own
    allocator (page caches, statements), the C heap in use and held free (glibc; Qt, pyscard and SQLite
    allocate there), Python's live blocks."""
    status = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line)
    figures = {f"{kind.lower()}_kb": int(status[kind].split()[0])
               for kind in ("RssAnon", "RssFile", "RssShmem") if kind in status}
    figures["python_blocks"] = sys.getallocatedblocks()
    mallinfo, sqlite_memory_used = _allocator_probes()
    if mallinfo is not None:
        info = mallinfo()
        figures["c_heap_in_use_kb"] = (info.uordblks + info.hblkhd) // 1024
        figures["c_heap_free_kb"] = info.fordblks // 1024
    if sqlite_memory_used is not None:
        figures["sqlite_kb"] = sqlite_memory_used() // 1024
    return figures


def snapshot(cycle: int) -> dict[str, Any]:
    gc.collect()
    figures: dict[str, Any] = {"cycle": cycle, **resources(), **memory_breakdown()}
    figures["python_threads"] = sorted(thread.name for thread in threading.enumerate())
    figures["fd_targets"] = _fd_targets()
    return figures


def progress(sample: dict[str, Any]) -> None:
    """Each sample on stderr as it is taken: a run stopped before its end still tells its trajectory."""
    shown = {key: sample[key] for key in ("cycle", "rss_kb", "threads", "fds", *BREAKDOWN) if key in sample}
    print(json.dumps(shown), file=sys.stderr, flush=True)


async def settled(app: RunningApp) -> None:
    """Every check so far recorded and sent by the app's sender: each snapshot is taken in the same state."""
    store = app.controller.services.store
    deadline = time.monotonic() + ui_session.WAIT_S
    while (await asyncio.to_thread(store.outbox_status)).pending:
        if time.monotonic() > deadline:
            raise RuntimeError("the app's sender did not deliver the checks' records")
        await asyncio.sleep(0.05)


def _where(trace: tracemalloc.Traceback) -> str:
    """The allocating line, and the project's frames that led to it (innermost first)."""
    frames = [f"{Path(frame.filename).name}:{frame.lineno}" for frame in trace]
    ours = [f"{frame.filename.split('/kiosk/')[-1]}:{frame.lineno}" for frame in trace
            if "/kiosk/" in frame.filename or "/benchmarks/" in frame.filename]
    return " <- ".join([frames[-1], *reversed(ours[-3:])])


def python_growth(before: tracemalloc.Snapshot, after: tracemalloc.Snapshot) -> dict[str, Any]:
    """What Python objects allocated since ``before`` and still alive: the ten largest growths."""
    keep = (tracemalloc.Filter(False, tracemalloc.__file__),)
    stats = after.filter_traces(keep).compare_to(before.filter_traces(keep), "traceback")
    return {
        "traced_growth_kb": round(sum(stat.size_diff for stat in stats) / 1024, 1),
        "largest": [{"kb": round(stat.size_diff / 1024, 1), "blocks": stat.count_diff, "where": _where(stat.traceback)}
                    for stat in stats[:10] if stat.size_diff > 0],
    }


async def soak(app: RunningApp, cycles: int, warmup: int, trace: bool, every: int) -> dict[str, Any]:
    link = app.card_link("valid")
    for _ in range(warmup):
        await app.check_cycle(link)
    await settled(app)
    durations = array("d", bytes(8 * cycles))  # the soak's own list is not the app's growth
    if trace:
        tracemalloc.start(TRACE_FRAMES)
    traced = tracemalloc.take_snapshot() if trace else None
    baseline = snapshot(0)
    progress(baseline)
    samples = [baseline]
    for cycle in range(1, cycles + 1):
        started = time.perf_counter()
        await app.check_cycle(link)
        durations[cycle - 1] = time.perf_counter() - started
        if cycle % every == 0 and cycle != cycles:
            sample = snapshot(cycle)
            progress(sample)
            # only the figures are kept: names and paths kept from every sample would be the soak's own growth
            samples.append({key: sample[key] for key in ("cycle", "rss_kb", "threads", "fds", *BREAKDOWN)
                            if key in sample})
    await settled(app)
    end = snapshot(cycles)
    samples.append(end)
    memory = python_growth(traced, tracemalloc.take_snapshot()) if traced is not None else None
    tracemalloc.stop()
    growth_kb = end["rss_kb"] - baseline["rss_kb"]
    return {
        "cycles": cycles,
        "warmup_cycles": warmup,
        "checks_completed": app.finished - warmup,  # a failed check stops the run (check_cycle)
        "records_sent": app.finished,  # the end waits until the outbox is empty
        "cycle_ms_median": round(statistics.median(durations) * 1000, 1),
        "start": {key: baseline[key] for key in ("rss_kb", "threads", "fds")},
        "end": {key: end[key] for key in ("rss_kb", "threads", "fds")},
        "rss_growth_kb": growth_kb,
        "rss_growth_kb_per_1000_cycles": round(growth_kb * 1000 / cycles, 1),
        "thread_growth": end["threads"] - baseline["threads"],
        "fd_growth": end["fds"] - baseline["fds"],
        "new_python_threads": sorted(set(end["python_threads"]) - set(baseline["python_threads"])),
        "new_fds": sorted((Counter(end["fd_targets"]) - Counter(baseline["fd_targets"])).elements()),
        **({"python_allocations": memory} if memory is not None else {}),
        "memory_growth": {key: end[key] - baseline[key] for key in BREAKDOWN if key in end},
        "samples": [{key: sample[key] for key in ("cycle", "rss_kb", "threads", "fds", *BREAKDOWN) if key in sample}
                    for sample in samples],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cycles", type=int, default=10_000, help="measured insert/remove cycles")
    parser.add_argument("--warmup", type=int, default=50, help="cycles before the baseline is taken")
    parser.add_argument("--trace-memory", action="store_true",
                        help="also trace Python allocations after the warm-up (tracemalloc: slower, RSS higher) "
                             "and print where the surviving ones were made")
    parser.add_argument("--sample-every", type=int, default=0,
                        help="cycles between two samples (default: a tenth of the run)")
    args = parser.parse_args(argv)
    if args.cycles < 1 or args.warmup < 0 or args.sample_every < 0:
        parser.error("--cycles must be at least 1, --warmup and --sample-every at least 0")

    async def measure(root: Path, central_url: str, slot: Any) -> dict[str, Any]:
        async with ui_session.running_app(root / "terminal", central_url, slot) as app:
            return await soak(app, args.cycles, args.warmup, args.trace_memory,
                              args.sample_every or max(1, args.cycles // 10))

    try:
        with ui_session.environment() as (root, central_url, slot):
            figures = ui_session.run_on_qasync(lambda: measure(root, central_url, slot))
    except Unavailable as error:
        return ui_session.fail_unavailable(error)
    meets = (figures["rss_growth_kb"] < TARGET_RSS_GROWTH_KB and figures["thread_growth"] <= 0
             and figures["fd_growth"] <= 0)
    result = {
        "benchmark": "soak",
        "platform": os.environ["QT_QPA_PLATFORM"],
        "baseline": "the same process after the warm-up cycles",
        **figures,
        "target": {"rss_growth_kb": TARGET_RSS_GROWTH_KB, "thread_growth": 0, "fd_growth": 0},
        "meets_target": meets,
    }
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

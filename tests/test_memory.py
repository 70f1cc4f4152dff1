"""kiosk.memory: freed memory the C heap holds goes back to the system."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from typing import Any

# A fresh interpreter fragments its heap on purpose: 100,000 blocks of 1 KB (malloc'd, above Python's own
# small-object allocator), every 64th kept alive, so the free ones lie between live ones where glibc cannot
# give them back by itself.
FRAGMENT_THEN_TRIM = textwrap.dedent("""
    import json
    from pathlib import Path

    from kiosk.memory import return_free_memory

    def anon_kb():
        line = next(l for l in Path("/proc/self/status").read_text().splitlines() if l.startswith("RssAnon:"))
        return int(line.split()[1])

    blocks = [bytes(1000) + bytes([n % 251]) for n in range(100_000)]
    kept = blocks[::64]
    del blocks
    held = anon_kb()
    returned = return_free_memory()
    print(json.dumps({"held_kb": held, "after_kb": anon_kb(), "returned": returned, "kept": len(kept)}))
""")


def test_the_heaps_free_pages_go_back_to_the_system() -> None:
    if not sys.platform.startswith("linux"):
        raise AssertionError("the terminal runs on Linux (glibc); this machine is not")
    run = subprocess.run([sys.executable, "-c", FRAGMENT_THEN_TRIM], capture_output=True, text=True, check=True)
    figures = json.loads(run.stdout)
    assert figures["returned"] is True
    # about 100 MB were freed between live blocks; most of it leaves the process
    assert figures["held_kb"] - figures["after_kb"] > 50_000, figures


# Eight threads that are alive together each allocate C memory; glibc's own report (malloc_info) says how
# many heaps the process then has.
THREADS_THEN_COUNT_HEAPS = textwrap.dedent("""
    import ctypes
    import json
    import os
    import re
    import sys
    import tempfile
    import threading

    from kiosk.memory import limit_heaps

    limited = limit_heaps() if sys.argv[1] == "limit" else None
    barrier = threading.Barrier(8)
    kept = []

    def allocate():
        barrier.wait()
        kept.append([bytes(2000) + bytes([n % 251]) for n in range(2000)])
        barrier.wait()

    threads = [threading.Thread(target=allocate) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    libc = ctypes.CDLL(None)
    libc.fopen.restype = ctypes.c_void_p
    libc.fopen.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
    libc.malloc_info.argtypes = [ctypes.c_int, ctypes.c_void_p]
    libc.fclose.argtypes = [ctypes.c_void_p]
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "heaps.xml")
        stream = libc.fopen(path.encode(), b"w")
        libc.malloc_info(0, stream)
        libc.fclose(stream)
        heaps = len(re.findall(r'<heap nr="', open(path).read()))
    print(json.dumps({"limited": limited, "heaps": heaps}))
""")


def _heaps_after_threads(mode: str) -> dict[str, Any]:
    run = subprocess.run([sys.executable, "-c", THREADS_THEN_COUNT_HEAPS, mode], capture_output=True, text=True,
                         check=True)
    figures: dict[str, Any] = json.loads(run.stdout)
    return figures


def test_threads_share_two_heaps_once_limited() -> None:
    if not sys.platform.startswith("linux"):
        raise AssertionError("the terminal runs on Linux (glibc); this machine is not")
    unlimited = _heaps_after_threads("free")
    limited = _heaps_after_threads("limit")
    assert limited["limited"] is True
    assert unlimited["heaps"] > 2, unlimited  # glibc's default: a heap per thread, up to eight per core
    assert limited["heaps"] <= 2, limited

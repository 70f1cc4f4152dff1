"""kiosk.memory: freed memory the C heap holds goes back to the system."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

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

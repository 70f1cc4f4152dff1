"""Freed memory handed back to the system when the terminal goes idle.

glibc keeps what the process frees in its heaps (one per thread that allocated: Qt's, the card workers',
the store's), fragmented, and a terminal that runs for months sees its resident memory creep up with no
object alive to show for it (benchmarks/soak.py measures it). ``malloc_trim(0)`` releases every whole free
page of every heap. It takes a few milliseconds and locks one heap at a time, so it runs off the Qt thread,
when a resident's procedure is over. Elsewhere than glibc (musl, macOS) it does nothing.
"""

from __future__ import annotations

import ctypes
import functools
from collections.abc import Callable


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (AttributeError, OSError):
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


def return_free_memory() -> bool:
    """Give the heaps' free pages back to the system; True if any were (False where glibc is absent)."""
    trim = _malloc_trim()
    if trim is None:
        return False
    return bool(trim(0))

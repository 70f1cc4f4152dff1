"""Freed memory handed back to the system when the terminal goes idle.

glibc keeps what the process frees in its heaps (one per thread that allocated: Qt's, the card workers',
the store's), fragmented, and a terminal that runs for months sees its resident memory creep up with no
object alive to show for it (benchmarks/soak.py measures it). ``malloc_trim(0)`` releases every whole free
page of every heap. It takes a few milliseconds and locks one heap at a time, so it runs off the Qt thread,
when a resident's procedure is over. Elsewhere than glibc (musl, macOS) it does nothing.

Trimming gives back whole free pages only. What stays is each heap's fragmentation, and glibc makes one heap
per thread, up to eight per core: the 10,000-cycle soak saw eight thread heaps each creep up by a few hundred
KB while the memory in use stayed flat. ``limit_heaps`` caps them at two, once, before the threads start:
the threads then share their free space. Python's lock means they seldom allocate at the same time.
"""

from __future__ import annotations

import ctypes
import functools
from collections.abc import Callable
from typing import cast

HEAPS = 2
M_ARENA_MAX = -8  # glibc's malloc.h


@functools.cache
def _libc() -> ctypes.CDLL | None:
    try:
        return ctypes.CDLL(None)
    except OSError:
        return None


def limit_heaps(heaps: int = HEAPS) -> bool:
    """Let the process's threads share ``heaps`` C heaps; True if glibc took it. Call it before threads start:
    a thread keeps the heap it was given."""
    libc = _libc()
    mallopt = getattr(libc, "mallopt", None)
    if mallopt is None:
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_ARENA_MAX, heaps))


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    trim = getattr(_libc(), "malloc_trim", None)
    if trim is None:
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return cast("Callable[[int], int]", trim)


def return_free_memory() -> bool:
    """Give the heaps' free pages back to the system; True if any were (False where glibc is absent)."""
    trim = _malloc_trim()
    if trim is None:
        return False
    return bool(trim(0))

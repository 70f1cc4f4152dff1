"""Exponential backoff with full jitter, a Retry-After floor and a reset when connectivity returns.

Pure arithmetic: the random source is injected, and nothing here sleeps.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field

DEFAULT_BASE_S = 1.0
DEFAULT_CAP_S = 300.0
# A server asking for more than this is treated as asking for this: a broken header must not stall the
# terminal's reporting for days. An hour keeps well inside the office's working day.
MAX_RETRY_AFTER_S = 3600.0


def ceiling(failures: int, base: float, cap: float) -> float:
    """The upper bound of the n-th wait: base * 2**(n - 1), at most ``cap`` (n >= 1)."""
    if failures < 1:
        return 0.0
    exponent = min(failures - 1, 62)  # 2**62 * base is far past any cap: no overflow
    return min(cap, math.ldexp(base, exponent))


def full_jitter(failures: int, base: float, cap: float, unit_random: float) -> float:
    """A wait drawn uniformly from [0, ceiling): spreads terminals that failed together over time."""
    return unit_random * ceiling(failures, base, cap)


def with_floor(delay: float, retry_after: float | None) -> float:
    """Never sooner than the server asked (Retry-After), and never absurdly long."""
    if retry_after is None:
        return delay
    return max(delay, min(max(retry_after, 0.0), MAX_RETRY_AFTER_S))


@dataclass
class Backoff:
    base: float = DEFAULT_BASE_S
    cap: float = DEFAULT_CAP_S
    unit_random: Callable[[], float] = field(default=random.random, repr=False)
    failures: int = 0

    def next_delay(self, retry_after: float | None = None) -> float:
        """Count one more failure and return how long to wait before the next attempt."""
        self.failures += 1
        return with_floor(full_jitter(self.failures, self.base, self.cap, self.unit_random()), retry_after)

    def reset(self) -> bool:
        """Connectivity is back; returns True if there had been failures."""
        had_failures = self.failures > 0
        self.failures = 0
        return had_failures

"""Exponential backoff with full jitter and a Retry-After floor: pure arithmetic."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kiosk.sync.backoff import MAX_RETRY_AFTER_S, Backoff, ceiling, full_jitter, with_floor


def test_the_ceiling_doubles_from_the_base_up_to_the_cap() -> None:
    assert [ceiling(n, 1.0, 60.0) for n in range(0, 9)] == [0.0, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 60.0, 60.0]


def test_a_huge_number_of_failures_does_not_overflow() -> None:
    assert ceiling(10_000, 1.0, 300.0) == 300.0


@given(failures=st.integers(1, 200), unit=st.floats(0.0, 1.0, exclude_max=True),
       base=st.floats(0.001, 10.0), cap=st.floats(0.01, 3600.0))
def test_full_jitter_stays_between_zero_and_the_ceiling(failures: int, unit: float, base: float, cap: float) -> None:
    delay = full_jitter(failures, base, cap, unit)
    assert 0.0 <= delay <= ceiling(failures, base, cap) <= cap


def test_jitter_spreads_over_the_whole_range() -> None:
    assert full_jitter(4, 1.0, 60.0, 0.0) == 0.0
    assert full_jitter(4, 1.0, 60.0, 0.5) == 4.0
    assert full_jitter(4, 1.0, 60.0, 0.999) == 7.992


@given(delay=st.floats(0.0, 1000.0), retry_after=st.one_of(st.none(), st.floats(-10.0, 10**7)))
def test_retry_after_is_a_floor_within_reason(delay: float, retry_after: float | None) -> None:
    waited = with_floor(delay, retry_after)
    assert waited >= delay
    if retry_after is not None:
        assert waited >= min(max(retry_after, 0.0), MAX_RETRY_AFTER_S)
        assert waited <= max(delay, MAX_RETRY_AFTER_S)


def test_the_backoff_counts_failures_and_resets_when_connectivity_returns() -> None:
    draws = iter([1.0 - 1e-9, 0.5, 0.25])
    backoff = Backoff(base=2.0, cap=100.0, unit_random=lambda: next(draws))
    assert round(backoff.next_delay(), 6) == 2.0
    assert backoff.next_delay() == 2.0  # 0.5 of 4
    assert backoff.next_delay(retry_after=30.0) == 30.0  # the server asked for more than the 2 s drawn
    assert backoff.failures == 3
    assert backoff.reset() is True
    assert backoff.reset() is False
    assert backoff.failures == 0

"""Reconciliation: this terminal's own records of a day against what the central service holds.

Counts per kind and outcome are compared for this terminal's records only (the service's counts cover the
whole site), and every difference is listed by transaction, with what explains it where the terminal knows
(still in the outbox, rejected, ...).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from kiosk.store.records import LocalTransaction
from kiosk.sync.client import CentralDay


class Problem(StrEnum):
    NOT_SENT_YET = "not_sent_yet"  # pending in this terminal's outbox
    REJECTED = "rejected"  # parked as rejected: the service refused it
    MISSING_AT_CENTRAL = "missing_at_central"  # delivered (or purged after delivery) yet not there: lost
    MISSING_HERE = "missing_here"  # the service holds a record of this terminal that the terminal does not
    DIFFERENT = "different"  # both hold the key, with another kind or outcome


@dataclass(frozen=True)
class CountLine:
    kind: str
    outcome: str
    here: int
    central: int

    @property
    def matches(self) -> bool:
        return self.here == self.central


@dataclass(frozen=True)
class Difference:
    key: str
    terminal_id: str
    sequence: int
    kind: str
    outcome: str
    problem: Problem
    central_kind: str | None = None
    central_outcome: str | None = None


@dataclass(frozen=True)
class Reconciliation:
    site: str
    day: date
    terminal_ids: tuple[str, ...]
    counts: tuple[CountLine, ...]
    differences: tuple[Difference, ...]
    central_gaps: dict[str, tuple[int, ...]]  # the service's view: sequence numbers it has not received

    @property
    def matches(self) -> bool:
        return not self.differences and all(line.matches for line in self.counts)


def _count(pairs: Iterable[tuple[str, str]]) -> Counter[tuple[str, str]]:
    return Counter(pairs)


def reconcile(site: str, day: date, terminal_id: str, local: list[LocalTransaction],
              central: CentralDay) -> Reconciliation:
    terminals = {terminal_id} | {t.terminal_id for t in local}
    theirs = {t.key: t for t in central.transactions if t.terminal_id in terminals}
    ours = {t.key: t for t in local}

    here_counts = _count((t.kind, t.outcome) for t in local)
    central_counts = _count((t.kind, t.outcome) for t in theirs.values())
    lines = tuple(CountLine(kind, outcome, here_counts[(kind, outcome)], central_counts[(kind, outcome)])
                  for kind, outcome in sorted(set(here_counts) | set(central_counts)))

    differences: list[Difference] = []
    for key, mine in ours.items():
        other = theirs.get(key)
        if other is None:
            problem = {"pending": Problem.NOT_SENT_YET, "rejected": Problem.REJECTED}.get(
                mine.outbox_state or "", Problem.MISSING_AT_CENTRAL)
            differences.append(Difference(key, mine.terminal_id, mine.sequence, mine.kind, mine.outcome, problem))
        elif (other.kind, other.outcome) != (mine.kind, mine.outcome):
            differences.append(Difference(key, mine.terminal_id, mine.sequence, mine.kind, mine.outcome,
                                          Problem.DIFFERENT, other.kind, other.outcome))
    for key, other in theirs.items():
        if key not in ours:
            differences.append(Difference(key, other.terminal_id, other.sequence, other.kind, other.outcome,
                                          Problem.MISSING_HERE))
    differences.sort(key=lambda d: (d.terminal_id, d.sequence, d.key))
    gaps = {t: g for t, g in central.sequence_gaps.items() if t in terminals and g}
    return Reconciliation(site, day, tuple(sorted(terminals)), lines, tuple(differences), gaps)

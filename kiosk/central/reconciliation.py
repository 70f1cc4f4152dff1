"""A site's day for reconciliation: counts per kind and outcome, the records behind them, and the sequence
numbers each terminal of the site has not delivered yet.

Gaps are found in SQL (a window over each terminal's sequence numbers) and listed number by number up to
``MAX_LISTED_GAPS`` per terminal; ``missing_count`` always has the full figure, so a terminal whose
numbering jumped far ahead cannot make the answer enormous.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.central.models import SequenceConflict, StoredTransaction

MAX_LISTED_GAPS = 1000


@dataclass(frozen=True)
class SequenceGap:
    terminal_id: str
    missing: list[int]
    missing_count: int


def day_report(session: Session, site: str, day: date) -> dict[str, Any]:
    counts = session.execute(
        select(StoredTransaction.kind, StoredTransaction.outcome, func.count())
        .where(StoredTransaction.site == site, StoredTransaction.local_date == day)
        .group_by(StoredTransaction.kind, StoredTransaction.outcome)
        .order_by(StoredTransaction.kind, StoredTransaction.outcome)
    ).all()
    records = session.execute(
        select(StoredTransaction.key, StoredTransaction.terminal_id, StoredTransaction.sequence,
               StoredTransaction.kind, StoredTransaction.outcome)
        .where(StoredTransaction.site == site, StoredTransaction.local_date == day)
        .order_by(StoredTransaction.terminal_id, StoredTransaction.sequence)
    ).all()
    return {
        "site": site,
        "date": day.isoformat(),
        "counts": [{"kind": kind, "outcome": outcome, "count": count} for kind, outcome, count in counts],
        "transactions": [{"key": r.key, "terminal_id": r.terminal_id, "sequence": r.sequence, "kind": r.kind,
                          "outcome": r.outcome} for r in records],
        "sequence_gaps": [{"terminal_id": g.terminal_id, "missing": g.missing, "missing_count": g.missing_count}
                          for g in sequence_gaps(session, site)],
        "lost_database_conflicts": [
            {"terminal_id": c.terminal_id, "sequence": c.sequence, "key": c.key, "held_by": c.held_by}
            for c in session.execute(
                select(SequenceConflict).where(SequenceConflict.site == site, SequenceConflict.local_date == day)
                .order_by(SequenceConflict.terminal_id, SequenceConflict.sequence, SequenceConflict.id)).scalars()],
    }


def sequence_gaps(session: Session, site: str) -> list[SequenceGap]:
    """Per terminal of ``site``, the numbers below its highest received sequence that were not received."""
    previous = func.lag(StoredTransaction.sequence, 1, 0).over(
        partition_by=StoredTransaction.terminal_id, order_by=StoredTransaction.sequence)
    numbered = (
        select(StoredTransaction.terminal_id, StoredTransaction.sequence, previous.label("previous"))
        .where(StoredTransaction.site == site)
        .subquery()
    )
    holes = session.execute(
        select(numbered.c.terminal_id, numbered.c.previous, numbered.c.sequence)
        .where(numbered.c.sequence - numbered.c.previous > 1)
        .order_by(numbered.c.terminal_id, numbered.c.sequence)
    ).all()
    listed: dict[str, list[int]] = {}
    counted: dict[str, int] = {}
    for terminal_id, before, after in holes:
        numbers = listed.setdefault(terminal_id, [])
        numbers.extend(range(before + 1, min(after, before + 1 + MAX_LISTED_GAPS - len(numbers))))
        counted[terminal_id] = counted.get(terminal_id, 0) + after - before - 1
    return [SequenceGap(terminal_id, listed[terminal_id], counted[terminal_id]) for terminal_id in listed]

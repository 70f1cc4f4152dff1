"""What every procedure shares: its context, one record per attempt, and the outcome it hands back.

``run_procedure`` runs a flow's body and records the attempt whatever happens: completed, failed with the
error's code, or cancelled (by the person, through ``OperationCancelled``, or by the asyncio task being
cancelled: the kiosk's idle timeout, the window closing). The record is written off the event loop
(``Store.record`` blocks on SQLite) and then wakes the sender. Audit entries of staff actions are written
after the record, naming it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Generic, TypeVar

from kiosk.card.session import CardChannel
from kiosk.domain.transactions import CertificateChange, Mode, Outcome, TransactionKind, TransactionRecord
from kiosk.domain.validity import JST
from kiosk.errors import CounterOnly, KioskError, OperationCancelled, StaffSignInRequired, SyncError
from kiosk.flows.interaction import Interaction, Step
from kiosk.store.database import Store
from kiosk.store.drafts import TransactionDraft
from kiosk.sync.client import CentralClient, StaffGrounds

log = logging.getLogger("kiosk.flows")
_T = TypeVar("_T")


def japan_today() -> date:
    return datetime.now(JST).date()


@dataclass
class FlowContext:
    """Everything a procedure works with. The UI makes one per terminal and sets ``staff_id`` at sign-in."""

    channel: CardChannel
    store: Store
    interaction: Interaction
    central: CentralClient | None = None
    staff_id: str | None = None  # the signed-in staff member (counter mode)
    today: Callable[[], date] = japan_today

    @property
    def mode(self) -> Mode:
        return self.store.terminal.mode

    def require_central(self) -> CentralClient:
        if self.central is None:
            raise SyncError("this procedure needs the central service, and none is configured")
        return self.central

    def require_counter(self) -> str:
        """The signed-in staff member's ID; refuses on a kiosk whatever else is set."""
        if self.mode is not Mode.COUNTER:
            raise CounterOnly("staff grounds are for counter terminals only")
        if not self.staff_id:
            raise StaffSignInRequired("no staff member is signed in")
        return self.staff_id

    def staff_grounds(self, checks: tuple[str, ...]) -> StaffGrounds:
        return StaffGrounds(self.require_counter(), checks)


@dataclass
class Attempt:
    """What the record of one attempt will say, filled in as the procedure goes."""

    kind: TransactionKind
    card_generation: str | None = None
    # For PIN procedures: the use's PIN on a current card until the card says which PIN it really is.
    pin_kind: str | None = None
    auth_subject_der: bytes | None = None
    staff_id: str | None = None
    certificates: list[CertificateChange] = field(default_factory=list)
    card_changed: bool = False  # something on the card is no longer as it was
    audit: list[tuple[str, dict[str, Any]]] = field(default_factory=list)


@dataclass(frozen=True)
class FlowResult(Generic[_T]):
    record: TransactionRecord
    value: _T | None
    error: KioskError | None = None
    card_changed: bool = False

    @property
    def outcome(self) -> Outcome:
        return self.record.outcome

    @property
    def completed(self) -> bool:
        return self.record.outcome is Outcome.COMPLETED


async def run_procedure(context: FlowContext, attempt: Attempt,
                        body: Callable[[Attempt], Awaitable[_T]]) -> FlowResult[_T]:
    value: _T | None = None
    error: KioskError | None = None
    try:
        value = await body(attempt)
        outcome, code = Outcome.COMPLETED, None
    except OperationCancelled as exc:
        error, outcome, code = exc, Outcome.CANCELLED, None
    except KioskError as exc:
        log.info("%s failed: %s (%s)", attempt.kind, exc.code, exc)
        error, outcome, code = exc, Outcome.FAILED, exc.code
    except asyncio.CancelledError:
        await asyncio.shield(_record(context, attempt, Outcome.CANCELLED, None))
        raise
    # Shielded: a cancellation arriving while the record is written must not write a second one.
    record = await asyncio.shield(_record(context, attempt, outcome, code))
    return FlowResult(record, value, error, attempt.card_changed)


async def _record(context: FlowContext, attempt: Attempt, outcome: Outcome,
                  failure_code: str | None) -> TransactionRecord:
    context.interaction.show_step(Step.RECORDING)
    draft = TransactionDraft(
        kind=attempt.kind, outcome=outcome, failure_code=failure_code, staff_id=attempt.staff_id,
        card_generation=attempt.card_generation, pin_kind=attempt.pin_kind,
        certificates=tuple(attempt.certificates), auth_subject_der=attempt.auth_subject_der)

    def write() -> TransactionRecord:
        record = context.store.record(draft)
        for event, detail in attempt.audit:
            context.store.audit(event, record.key, **detail)
        return record

    return await asyncio.to_thread(write)

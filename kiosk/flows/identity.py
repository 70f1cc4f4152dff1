"""Staff's identity checklist before a staff-grounded procedure, recorded with the staff member's ID."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kiosk.domain.identity import sufficient
from kiosk.errors import IdentityNotConfirmed
from kiosk.flows.interaction import IdentityRequest, Step
from kiosk.flows.procedure import Attempt, FlowContext
from kiosk.sync.client import StaffGrounds


@dataclass(frozen=True)
class CheckedIdentity:
    grounds: StaffGrounds  # what the central service is told
    card_expires_on: date | None


async def check_identity(context: FlowContext, attempt: Attempt, *, needs_card_expiry: bool) -> CheckedIdentity:
    """Ask staff for the checklist; refuse one that proves nothing. Audited against the attempt's record."""
    staff_id = context.require_counter()
    context.interaction.show_step(Step.CHECKING_IDENTITY)
    check = await context.interaction.check_identity(IdentityRequest(needs_card_expiry))
    if not sufficient(check.checks):
        raise IdentityNotConfirmed("the identity checklist names no photo document and fewer than two others")
    if needs_card_expiry and check.card_expires_on is None:
        raise IdentityNotConfirmed("the card's expiry date was not entered")
    attempt.staff_id = staff_id
    attempt.audit.append(("staff.identity_checked", {"staff_id": staff_id, "checks": list(check.checks)}))
    return CheckedIdentity(context.staff_grounds(check.checks), check.card_expires_on)

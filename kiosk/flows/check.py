"""Check (kiosk and counter): what the check screen shows, recorded as ``check``. No PIN is asked."""

from __future__ import annotations

from kiosk.card.check import CardStatus, read_card_status
from kiosk.domain.transactions import TransactionKind
from kiosk.flows.interaction import Step
from kiosk.flows.procedure import Attempt, FlowContext, FlowResult, run_procedure


async def check(context: FlowContext) -> FlowResult[CardStatus]:
    async def body(attempt: Attempt) -> CardStatus:
        context.interaction.show_step(Step.READING_CARD)
        status = await context.channel.run(read_card_status, fresh=True)
        attempt.card_generation = str(status.profile.generation)
        attempt.auth_subject_der = status.auth_certificate.certificate.subject.public_bytes()
        return status

    return await run_procedure(context, Attempt(TransactionKind.CHECK), body)

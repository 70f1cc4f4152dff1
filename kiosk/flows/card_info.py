"""The paperless form (counter): the card-info attributes read with the card-info PIN, for staff to fill in
an application. The attributes go back to the caller only: never to the record, the log or the disk."""

from __future__ import annotations

from kiosk.card.cardinfo import CardInfoAttributes
from kiosk.domain.generation import PinUse
from kiosk.domain.transactions import TransactionKind
from kiosk.flows import card_ops
from kiosk.flows.interaction import Step
from kiosk.flows.pins import with_current_pin
from kiosk.flows.procedure import Attempt, FlowContext, FlowResult, run_procedure


async def read_card_info(context: FlowContext) -> FlowResult[CardInfoAttributes]:
    async def body(attempt: Attempt) -> CardInfoAttributes:
        attempt.staff_id = context.require_counter()
        context.interaction.show_step(Step.READING_CARD)
        prepared = await context.channel.run(card_ops.prepare((PinUse.CARD_INFO,)), fresh=True)
        state = prepared.pins[PinUse.CARD_INFO]
        attempt.card_generation = str(prepared.profile.generation)

        async def read(pin: bytearray) -> CardInfoAttributes:
            context.interaction.show_step(Step.READING_CARD_INFO)
            return await context.channel.run(card_ops.read_attributes(state.location, pin))

        return await with_current_pin(context.interaction, state.status, read)

    return await run_procedure(context, Attempt(TransactionKind.CARD_INFO_READ), body)

"""PIN change (kiosk and counter): the holder knows the PIN and sets a new one. No central service."""

from __future__ import annotations

from kiosk.domain.generation import PinUse
from kiosk.domain.pins import wipe
from kiosk.domain.transactions import TransactionKind
from kiosk.errors import PinBlocked
from kiosk.flows import card_ops
from kiosk.flows.interaction import Step
from kiosk.flows.pins import new_pin, with_current_pin
from kiosk.flows.procedure import Attempt, FlowContext, FlowResult, run_procedure


async def change_pin(context: FlowContext, use: PinUse) -> FlowResult[None]:
    """Change the PIN that unlocks ``use``: the current one (tries shown, last try confirmed), then the new one
    twice. The new PIN is asked first, so a wrong current PIN is the last thing that can go wrong."""
    async def body(attempt: Attempt) -> None:
        context.interaction.show_step(Step.READING_CARD)
        prepared = await context.channel.run(card_ops.prepare((use,)), fresh=True)
        state = prepared.pins[use]
        attempt.card_generation = str(prepared.profile.generation)
        attempt.pin_kind = str(state.location.kind)
        if state.status.blocked:  # before anyone types a new PIN for nothing
            raise PinBlocked(str(state.location.kind))
        context.interaction.show_step(Step.ENTERING_PINS)
        fresh = await new_pin(context.interaction, state.location.kind)
        try:
            async def change(current: bytearray) -> None:
                context.interaction.show_step(Step.CHANGING_PIN)
                await context.channel.run(card_ops.change(state.location, current, fresh))
                attempt.card_changed = True

            await with_current_pin(context.interaction, state.status, change)
        finally:
            wipe(fresh)

    return await run_procedure(context, Attempt(TransactionKind.PIN_CHANGE, pin_kind=str(use)), body)

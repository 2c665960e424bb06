"""Too many messages at once (issue 12, "Abuse and bad input"): which messages the bot still answers
during a flood, and the one notice it gives. The counting lives in the runtime (bot/service.py);
this module only decides, purely, from the event."""

from __future__ import annotations

from flows.actions import Say
from flows.commands import Command, read_command
from flows.emergency import EmergencyLine, numbers_block
from flows.events import Event, Pick, Text
from flows.messages import N_, Msg
from flows.reading import Reading


def always_answered(event: Event, reading: Reading | None = None) -> bool:
    """SOS and anything that reads as a crisis are answered however many messages came before.
    `reading`: the event's crisis reading, when the caller passes it on to the engine too."""
    if isinstance(event, Pick):
        return event.value == "sos"
    if isinstance(event, Text):
        if read_command(event.text) is Command.SOS:
            return True
        return (Reading.of(event) if reading is None else reading).signal is not None
    return False


def flood_notice(emergency: tuple[EmergencyLine, ...]) -> Say:
    """Said once when a user passes the limit: we still read, we answer again soon, help is here."""
    return Say(Msg(N_("flood.notice"), {"numbers": numbers_block(emergency)}))

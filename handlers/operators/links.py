"""How the desk reaches a user on each platform: an engine reply sent to the raw address kept
on the active escalation, through the platform's own channel (its limits, retries, windows)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.desk.front import Delivery, UserLink
from bot.service import Reply
from handlers.whatsapp.outbox import Outcome

if TYPE_CHECKING:  # annotations only: aiogram is imported when a Telegram channel is built, not before
    from handlers.telegram.channel import TelegramChannel
    from handlers.whatsapp.channel import WhatsAppChannel


def telegram_link(channel: TelegramChannel) -> UserLink:
    async def send(address: str, reply: Reply) -> Delivery:
        report = await channel.send_reply(address, reply)
        if report.recipient_gone or await channel.service.is_unreachable(channel.platform, address):
            return Delivery.GONE
        return Delivery.FAILED if report.failed else Delivery.SENT

    return send


WHATSAPP_OUTCOMES = {
    Outcome.SENT: Delivery.SENT,
    Outcome.NOTHING: Delivery.SENT,
    Outcome.NEEDS_TEMPLATE: Delivery.HELD,
    Outcome.RECIPIENT_GONE: Delivery.GONE,
    Outcome.FAILED: Delivery.FAILED,
}


def whatsapp_link(channel: WhatsAppChannel) -> UserLink:
    async def send(address: str, reply: Reply) -> Delivery:
        outcome = await channel.send_reply(address, reply)
        return WHATSAPP_OUTCOMES.get(outcome.outcome, Delivery.FAILED)

    return send

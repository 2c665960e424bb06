"""How a child's alert reaches a trusted adult on each platform (bot/adults.py `AdultLink`): the
engine's reply, then the location if the child shared one, sent at once through the platform's
own channel (its limits and retries). True only when the platform took every message."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from bot.adults import AdultLink
from bot.service import Reply
from handlers.whatsapp.outbox import Outcome

if TYPE_CHECKING:  # annotations only: aiogram is imported when a Telegram channel is built, not before
    from handlers.telegram.channel import TelegramChannel
    from handlers.whatsapp.channel import WhatsAppChannel


def telegram_adult_link(channel: TelegramChannel) -> AdultLink:
    async def send(address: str, reply: Reply, location: tuple[float, float] | None) -> bool:
        report = await channel.send_reply(address, reply)
        if report.recipient_gone or report.failed or report.sent == 0:
            return False
        if location is not None:
            report = await channel.send_location(address, *location)
            return not (report.recipient_gone or report.failed)
        return True

    return send


def telegram_deep_link(channel: TelegramChannel) -> Callable[[str], Awaitable[str | None]]:
    """The link that opens the bot on Telegram with a code already typed (/start <code>)."""
    async def link(code: str) -> str | None:
        me = await channel.bot.me()  # asked once: aiogram keeps the answer
        return f"https://t.me/{me.username}?start={code}" if me.username else None

    return link


def whatsapp_adult_link(channel: WhatsAppChannel) -> AdultLink:
    async def send(address: str, reply: Reply, location: tuple[float, float] | None) -> bool:
        return (await channel.send_now(address, reply, location)).outcome is Outcome.SENT

    return send

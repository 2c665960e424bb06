"""The Telegram adapter on aiogram 3: webhook and polling, one processing path.

Modules: parse (updates -> events), render (messages -> requests), api (the Bot API calls),
errors (-> the delivery taxonomy), channel (the whole path),
webhook (the router), polling, setup (setWebhook, setMyCommands), texts (catalog keys).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from handlers.telegram.webhook import router

if TYPE_CHECKING:
    from bot.delivery.routes import Route
    from bot.service import ConversationService
    from bot.settings import Settings
    from handlers.base import Channel
    from handlers.telegram.channel import TelegramChannel
    from locales import Translator

__all__ = ["build_channel", "build_route", "connected", "router"]


def build_channel(settings: Settings, service: ConversationService, translator: Translator) -> Channel | None:
    """The connected channel, or None when no bot token is set."""
    if not settings.telegram_bot_token:
        return None
    from aiogram.utils.token import TokenValidationError

    from handlers.telegram.api import create_bot
    from handlers.telegram.channel import TelegramChannel
    from handlers.telegram.texts import TELEGRAM_KEYS
    from locales import CatalogError

    problems = translator.check(TELEGRAM_KEYS)
    if problems:
        raise CatalogError("the telegram catalogs are incomplete:\n  " + "\n  ".join(problems[:20]))
    try:
        bot = create_bot(settings.telegram_bot_token, settings.telegram_api_base)
    except TokenValidationError:
        raise ValueError("TELEGRAM_BOT_TOKEN is not a bot token (BotFather gives '<digits>:<letters>')") from None
    return TelegramChannel(
        bot, service, translator,
        webhook_secret=settings.telegram_webhook_secret,
        emergency=settings.emergency,
    )


def connected(channel: Channel | None) -> TelegramChannel | None:
    """The channel if it is Telegram's. aiogram (seconds to import) is imported only when there is a
    channel to look at, so what runs without a bot token (`python -m bot shell`, purge, staff) starts
    without it."""
    if channel is None or channel.platform != "telegram":
        return None
    from handlers.telegram.channel import TelegramChannel

    return channel if isinstance(channel, TelegramChannel) else None


def build_route(channel: Channel, service: ConversationService) -> Route:
    """The channel's route through the delivery pipeline (bot/delivery/routes.py)."""
    from handlers.telegram.channel import TelegramChannel
    from handlers.telegram.route import TelegramRoute

    assert isinstance(channel, TelegramChannel)
    return TelegramRoute(channel, service)

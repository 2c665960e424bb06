"""Registering the bot with Telegram: the webhook (with its secret) and the command menu."""

from __future__ import annotations

import re

from aiogram import Bot
from aiogram.types import BotCommand, BotCommandScopeAllPrivateChats

from flows.messages import Msg
from handlers.telegram.texts import COMMAND_KEYS
from locales import Translator
from locales.translator import LANGUAGES

# The update types the adapter reads; the rest are not even sent to us.
ALLOWED_UPDATES = ("message", "edited_message", "callback_query", "my_chat_member")
DEFAULT_COMMANDS_LANG = "ru"  # for users whose app speaks none of kk, ru, en
WEBHOOK_PATH = "/telegram/webhook"  # where the app listens (behind a proxy the URL may differ)
_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")


class SetupError(ValueError):
    """A webhook setting Telegram would refuse; the message says which and why."""


def bot_commands(translator: Translator, lang: str) -> list[BotCommand]:
    """/start /sos /language /help with descriptions from the telegram catalog."""
    return [BotCommand(command=command, description=translator.text(Msg(key), lang)[:256])
            for command, key in COMMAND_KEYS.items()]


async def set_commands(bot: Bot, translator: Translator) -> None:
    """The command menu of private chats, in each language and a default."""
    scope = BotCommandScopeAllPrivateChats()
    for lang in LANGUAGES:
        await bot.set_my_commands(bot_commands(translator, lang), scope=scope, language_code=lang)
    await bot.set_my_commands(bot_commands(translator, DEFAULT_COMMANDS_LANG), scope=scope)


def check_webhook(url: str, secret: str | None) -> None:
    if not url.startswith("https://"):
        raise SetupError("the webhook URL must start with https:// (Telegram sends updates over HTTPS only)")
    if not secret:
        raise SetupError("TELEGRAM_WEBHOOK_SECRET must be set: the webhook refuses requests without it")
    if not _SECRET.fullmatch(secret):
        raise SetupError("TELEGRAM_WEBHOOK_SECRET may hold only A-Z, a-z, 0-9, _ and -, at most 256 of them")


async def register_webhook(bot: Bot, url: str, secret: str | None, *, drop_pending_updates: bool = False,
                           max_connections: int = 40) -> None:
    """setWebhook with the secret and the update types used."""
    check_webhook(url, secret)
    await bot.set_webhook(url=url, secret_token=secret, allowed_updates=list(ALLOWED_UPDATES),
                          drop_pending_updates=drop_pending_updates, max_connections=max_connections)

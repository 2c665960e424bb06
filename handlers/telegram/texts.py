"""The Telegram-only catalog keys (locales/*/LC_MESSAGES/telegram.po)."""

from __future__ import annotations

from flows.messages import N_

COMMANDS = ("start", "sos", "language", "help")  # the bot's menu, in this order
COMMAND_KEYS = {command: f"tg.cmd.{command}" for command in COMMANDS}

PRIVATE_ONLY = N_("tg.private_only")  # {numbers}
SOS_BUTTON = N_("tg.sos_button")
SOS_KEYBOARD = N_("tg.sos_keyboard")
STALE = N_("tg.stale")
EDITED = N_("tg.edited")

TELEGRAM_KEYS = frozenset({*COMMAND_KEYS.values(), PRIVATE_ONLY, SOS_BUTTON, SOS_KEYBOARD, STALE, EDITED})

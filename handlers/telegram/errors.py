"""Telegram Bot API errors -> the one delivery taxonomy (bot.delivery.sending).

The sender decides retries from the kind alone: 429 waits `retry_after`, network and 5xx
errors are retried with backoff, 403 (blocked, deactivated, kicked) means the recipient is
gone, and any other refusal is invalid (retrying the same request cannot help).
"""

from __future__ import annotations

from aiogram.exceptions import (
    AiogramError,
    ClientDecodeError,
    TelegramAPIError,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)

from bot.delivery.sending import DeliveryError, Invalid, RecipientGone, Retryable, Throttled

# 400 descriptions that mean the chat itself is gone, not that the request was wrong.
_GONE_400 = ("chat not found", "user not found", "peer_id_invalid", "user is deactivated")
# 400 description of HTML that Telegram could not parse (a resend as plain text helps).
ENTITY_ERROR = "can't parse entities"


def classify(error: AiogramError) -> DeliveryError:
    """The taxonomy kind of an aiogram error. The message never carries the text sent."""
    name = type(error).__name__
    if isinstance(error, TelegramRetryAfter):
        return Throttled(float(error.retry_after), name)
    if isinstance(error, TelegramNetworkError | TelegramServerError | ClientDecodeError):
        return Retryable(name)
    if isinstance(error, TelegramForbiddenError):
        return RecipientGone(name)
    if isinstance(error, TelegramAPIError) and any(s in error.message.lower() for s in _GONE_400):
        return RecipientGone(name)
    return Invalid(name)


def is_entity_error(error: AiogramError) -> bool:
    return isinstance(error, TelegramAPIError) and ENTITY_ERROR in error.message.lower()

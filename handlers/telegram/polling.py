"""Long polling for development: `python -m bot polling`.

Updates are fetched as raw JSON through aiogram's Bot (a getUpdates method that returns
dicts), then go through `TelegramChannel.submit`, exactly like the webhook's, so an update
the installed aiogram cannot read is logged and skipped here too instead of stalling the
loop on the same offset forever.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from typing import Any, TypeVar

from aiogram.exceptions import AiogramError, TelegramRetryAfter
from aiogram.methods import TelegramMethod

from handlers.telegram.channel import TelegramChannel
from handlers.telegram.setup import ALLOWED_UPDATES, set_commands

log = logging.getLogger(__name__)

MAX_BACKOFF = 30.0
T = TypeVar("T")


class GetRawUpdates(TelegramMethod[list[dict[str, Any]]]):
    """getUpdates, answered as JSON objects rather than aiogram `Update`s."""

    __returning__ = list[dict[str, Any]]
    __api_method__ = "getUpdates"

    offset: int | None = None
    limit: int | None = None
    timeout: int | None = None
    allowed_updates: list[str] | None = None


async def run_polling(channel: TelegramChannel, *, poll_timeout: int = 30, stop: asyncio.Event | None = None,
                      register_commands: bool = True) -> None:
    """Poll until `stop` is set (or the task is cancelled). Drops the webhook first:
    Telegram refuses getUpdates while one is set."""
    stop = stop or asyncio.Event()
    bot = channel.bot
    await bot.delete_webhook(drop_pending_updates=False)
    if register_commands:
        await set_commands(bot, channel.translator)
    log.info("telegram polling started")
    offset: int | None = None
    backoff = 1.0
    while not stop.is_set():
        method = GetRawUpdates(offset=offset, timeout=poll_timeout, allowed_updates=list(ALLOWED_UPDATES))
        try:
            batch = await _unless_stopped(stop, bot(method, request_timeout=poll_timeout + 10))
        except TelegramRetryAfter as error:
            await _pause(stop, float(error.retry_after))
            continue
        except AiogramError as error:  # network, server, or a webhook set meanwhile (409)
            log.warning("getUpdates failed, retrying", extra={"error": type(error).__name__, "delay": backoff})
            await _pause(stop, backoff)
            backoff = min(backoff * 2, MAX_BACKOFF)
            continue
        if batch is None:
            break
        backoff = 1.0
        for raw in batch:
            update_id = raw.get("update_id")
            if isinstance(update_id, int):
                offset = max(offset or 0, update_id + 1)
            while channel.submit(raw) == "busy":
                await channel.wait_idle()
    await channel.wait_idle()
    log.info("telegram polling stopped")


async def _pause(stop: asyncio.Event, seconds: float) -> None:
    try:
        await asyncio.wait_for(stop.wait(), timeout=seconds)
    except TimeoutError:
        pass


async def _unless_stopped(stop: asyncio.Event, call: Awaitable[T]) -> T | None:
    """The call's result, or None (the call cancelled) when `stop` is set first."""
    request = asyncio.ensure_future(call)
    stopped = asyncio.ensure_future(stop.wait())
    await asyncio.wait({request, stopped}, return_when=asyncio.FIRST_COMPLETED)
    stopped.cancel()
    if request.done():
        return request.result()
    request.cancel()
    await asyncio.gather(request, return_exceptions=True)
    return None

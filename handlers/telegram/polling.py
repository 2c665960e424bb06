"""Long polling for development: `python -m bot polling`.

Updates are fetched as raw JSON through aiogram's Bot (a getUpdates method that returns
dicts) and stored exactly like the webhook's (`Pipeline.submit`, bot/delivery/intake.py), one at a
time in update_id order, marked as polled; workers process them (bot/delivery/worker.py). The offset,
which confirms updates to Telegram with the next getUpdates, moves only past updates that
were stored: when the intake cannot take one (503), the offset stays before it and the same
updates are fetched again after a pause, so a crash or an intake outage loses nothing that
Telegram still holds. An update the installed aiogram cannot read is stored too (the worker
logs and drops it, as for the webhook), so it never stalls the offset.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Sequence
from typing import Any, Protocol, TypeVar

from aiogram.exceptions import AiogramError, TelegramRetryAfter
from aiogram.methods import TelegramMethod

from handlers.telegram.channel import TelegramChannel
from handlers.telegram.setup import ALLOWED_UPDATES, set_commands

log = logging.getLogger(__name__)

MAX_BACKOFF = 30.0
STORE_RETRY_SECONDS = 2.0  # the intake could not take an update: fetch the same ones again after this
T = TypeVar("T")


class UpdateStore(Protocol):
    """Where polled updates are stored (bot/pipeline.Pipeline): 200 stored (or already), else not."""

    async def submit(self, platform: str, parsed: Any, body: bytes, *, polled: bool = False) -> int: ...


class GetRawUpdates(TelegramMethod[list[dict[str, Any]]]):
    """getUpdates, answered as JSON objects rather than aiogram `Update`s."""

    __returning__ = list[dict[str, Any]]
    __api_method__ = "getUpdates"

    offset: int | None = None
    limit: int | None = None
    timeout: int | None = None
    allowed_updates: list[str] | None = None


async def run_polling(channel: TelegramChannel, store: UpdateStore, *, poll_timeout: int = 30,
                      stop: asyncio.Event | None = None, register_commands: bool = True,
                      retry_seconds: float = STORE_RETRY_SECONDS) -> None:
    """Poll and store until `stop` is set (or the task is cancelled). Drops the webhook first:
    Telegram refuses getUpdates while one is set. Processing is the workers' (`start_worker`)."""
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
        offset, status = await _store(store, channel.platform, batch, offset)
        if status != 200:  # kept before the update not stored: Telegram sends it (and what follows) again
            log.warning("polled update not stored, fetching it again later",
                        extra={"status": status, "delay": retry_seconds})
            await _pause(stop, retry_seconds)
    log.info("telegram polling stopped")


async def _store(store: UpdateStore, platform: str, batch: Sequence[dict[str, Any]],
                 offset: int | None) -> tuple[int | None, int]:
    """Store a batch in order, stopping at the first update not stored (so none jumps the queue);
    the offset past the updates stored, and the status of the last attempt (200: all stored)."""
    for raw in batch:  # in update_id order, as Telegram sends them
        update_id = raw.get("update_id")
        if not isinstance(update_id, int) or isinstance(update_id, bool):
            continue  # not an update (the webhook would answer 400): nothing to store, nothing to confirm
        body = json.dumps(raw, ensure_ascii=False, separators=(",", ":")).encode()
        status = await store.submit(platform, raw, body, polled=True)
        if status != 200:
            return offset, status
        offset = max(offset or 0, update_id + 1)
    return offset, 200


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

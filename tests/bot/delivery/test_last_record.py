"""The reply's last message is recorded with "done" (bot/delivery/outbox.py), and before anything else
the update writes or waits for, so the duplicate window stays a platform round trip plus a store one."""

from __future__ import annotations

import asyncio
import contextlib
from collections import Counter
from typing import cast

from bot.context import UpdateContext, current_update, processing, update_token
from bot.delivery.intake import Entry, MemoryIntake, Submission
from bot.delivery.metrics import Metrics
from bot.delivery.ordering import LocalOrdering
from bot.delivery.outbox import DurableSender, record_before_waiting
from bot.delivery.prefetch import ContextStates
from bot.delivery.routes import Route
from bot.delivery.sending import Pacer, Sender
from bot.delivery.worker import Worker
from storage.base import StateKey
from storage.memory import MemoryStateStore

STATE = StateKey("telegram", "u1")


def durable(states: ContextStates) -> DurableSender:
    return DurableSender.wrapping(Sender(pacer=Pacer(per_chat=0.0, global_rate=0.0)), states, Counter())


async def test_the_replys_last_message_waits_for_done_the_others_are_recorded_at_once() -> None:
    inner = MemoryStateStore()
    states = ContextStates(inner)
    sender = durable(states)
    delivered: list[str] = []

    async def deliver(chat: str, text: str) -> None:
        delivered.append(text)

    context = UpdateContext("telegram", "1:1", "conv:telegram:u1", checked=True, sent_before=set())
    with processing(context):
        await sender.send_all(deliver, "42", ["before the state"])  # not the reply yet: recorded at once
        assert context.unrecorded == [] and len(await inner.sent(context.token)) == 1
        context.replying = True
        await sender.send_all(deliver, "42", ["one", "two"])
        assert delivered == ["before the state", "one", "two"]
        assert len(await inner.sent(context.token)) == 2, "the first of the reply recorded as it went"
        assert len(context.unrecorded) == 1, "the last left for done"

        await sender.send_all(deliver, "42", ["three"])  # another send: the one left is recorded first
        assert len(await inner.sent(context.token)) == 3 and len(context.unrecorded) == 1

        await states.save(STATE, {"step": "menu"})  # any write of the update: recorded first
        assert len(await inner.sent(context.token)) == 4 and context.unrecorded == []


async def test_waiting_for_work_started_beside_the_reply_records_the_last_message_first() -> None:
    inner = MemoryStateStore()
    sender = durable(ContextStates(inner))

    async def deliver(chat: str, text: str) -> None:
        return None

    context = UpdateContext("telegram", "1:2", "conv:telegram:u1", checked=True, sent_before=set(), replying=True)
    with processing(context):
        await sender.send_all(deliver, "42", ["reply"])
        finished: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        finished.set_result(None)
        await record_before_waiting(finished)  # done already: nothing to wait for, nothing written
        assert await inner.sent(context.token) == set() and len(context.unrecorded) == 1
        running = asyncio.ensure_future(asyncio.sleep(0.01))
        await record_before_waiting(finished, running)  # still running (a menu's close): recorded now
        assert len(await inner.sent(context.token)) == 1 and context.unrecorded == []
        await running


class StuckAfterReplying:
    """A route whose update sends its reply and then hangs (until the worker is cancelled at shutdown)."""

    platform = "telegram"

    def __init__(self, sender: DurableSender) -> None:
        self.sender = sender
        self.sent = asyncio.Event()

    async def process(self, entry: Entry) -> None:
        context = current_update()
        assert context is not None
        context.replying = True

        async def deliver(chat: str, text: str) -> None:
            self.sent.set()

        await self.sender.send_all(deliver, "42", ["reply"])
        await asyncio.Event().wait()


async def test_a_worker_cancelled_after_the_reply_records_its_last_message() -> None:
    inner = MemoryStateStore()
    states = ContextStates(inner)
    route = StuckAfterReplying(durable(states))
    queue = MemoryIntake()
    worker = Worker(queue, LocalOrdering(), states, {"telegram": cast(Route, route)}, Metrics())
    await queue.submit([Submission("telegram", "1:3", "conv:telegram:u1", "{}")])
    [ticket] = await queue.tickets(1, wait_seconds=0.1)
    task = asyncio.create_task(worker.drain(ticket))
    await asyncio.wait_for(route.sent.wait(), 5)
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    assert len(await inner.sent(update_token("telegram", "1:3"))) == 1, "a successor would not send it again"

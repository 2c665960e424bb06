"""The delivery pipeline, composed from settings: intake, ordering, worker, outbox, metrics.

With `REDIS_URL` the intake, the conversation locks and the marks live in Redis, shared by every
webhook server and worker process; without it everything runs in this process (the embedded
default). `Application.pipeline` holds it; the webhooks hand updates to `submit`. The routes of the
connected platforms come from the composition root (`attach`): the pipeline knows no adapter.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import Counter
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from redis.asyncio import BlockingConnectionPool, Redis
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialBackoff

from bot.context import conversation_lane
from bot.delivery.intake import Intake, IntakeUnavailable, LaneQueue, MemoryIntake
from bot.delivery.intake_redis import RedisIntake
from bot.delivery.metrics import Metrics
from bot.delivery.ordering import LocalOrdering, Ordering, RedisOrdering
from bot.delivery.outbox import DurableSender
from bot.delivery.pacing import pacer_for
from bot.delivery.prefetch import ContextStates
from bot.delivery.routes import Route
from bot.delivery.sending import Sender
from bot.delivery.worker import Worker
from bot.settings import Settings
from storage.base import StateKey, StateStore
from storage.redis_state import RedisStateStore

log = logging.getLogger(__name__)

WORKER_STALL_SECONDS = 30.0  # a worker loop silent for this long is reported as not working


class Pipeline:
    def __init__(self, settings: Settings, states: StateStore) -> None:
        self.settings = settings
        self.states = states
        self.metrics = Metrics()
        self.outbox_counts: Counter[str] = Counter()
        self.redis: Redis | None = None
        self.intake: Intake
        self.queue: LaneQueue
        self.ordering: Ordering
        if settings.redis_url:
            # Fail fast when Redis is down (the webhook answers 503 at once), reconnect by itself after.
            pool = BlockingConnectionPool.from_url(
                settings.redis_url, decode_responses=True, max_connections=64, timeout=5, socket_connect_timeout=2,
                socket_timeout=5, health_check_interval=30, retry=Retry(ExponentialBackoff(cap=0.05, base=0.005), 2))
            self.redis = Redis(connection_pool=pool)
            intake = RedisIntake(self.redis, settings.redis_prefix, claim_idle_seconds=settings.claim_idle_seconds,
                                 aside_ttl_seconds=settings.set_aside_retention_hours * 3600)
            self.intake, self.queue = intake, intake
            self.ordering = RedisOrdering(self.redis, settings.redis_prefix,
                                          timeout_seconds=settings.lock_timeout_seconds)
        else:
            memory = MemoryIntake(aside_ttl_seconds=settings.set_aside_retention_hours * 3600)
            self.intake, self.queue = memory, memory
            self.ordering = LocalOrdering()
        self.routes: dict[str, Route] = {}
        self.worker: Worker | None = None
        self.worker_expected = False
        self._stop = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def attach(self, routes: Mapping[str, Route]) -> None:
        """The connected platforms' routes; their senders made durable (bot/delivery/outbox.py)."""
        for platform, route in routes.items():
            self.routes[platform] = route
            route.wrap_senders(self.durable)
        self.metrics.prime(self.routes)
        self.worker = Worker(self.queue, self.ordering, self.states, self.routes, self.metrics,
                             concurrency=self.settings.worker_concurrency,
                             max_attempts=self.settings.update_max_attempts,
                             retry_seconds=min(1.0, self.settings.claim_idle_seconds),
                             prefetch=self._records_beside_intake())

    def _records_beside_intake(self) -> bool:
        """Whether the conversation records live in the intake's Redis under its prefix, and loads
        are answered from the update's context: then the worker reads them with each update."""
        inner = self.states.inner if isinstance(self.states, ContextStates) else None
        return (self.redis is not None and isinstance(inner, RedisStateStore)
                and inner.prefix == self.settings.redis_prefix)

    def durable(self, sender: Sender) -> DurableSender:
        durable = DurableSender.wrapping(sender, self.states, self.outbox_counts)
        # The platform's limits from the settings; with REDIS_URL they hold for all processes together.
        durable.pacer = pacer_for(sender.pacer, self.settings, self.redis)
        return durable

    # -- the webhooks' side -----------------------------------------------------------------------
    async def submit(self, platform: str, parsed: Any, body: bytes, *, polled: bool = False) -> int:
        """Store a verified webhook body: 200 once stored (or already stored), 503 when it cannot be.
        `polled`: fetched by polling (handlers/telegram/polling.py), kept with the update so the worker
        knows no webhook response answered anything for it."""
        route = self.routes.get(platform)
        if route is None:
            return 404
        items = route.split(parsed, body)
        if polled:
            items = [replace(item, polled=True) for item in items]
        try:
            accepted = await self.intake.submit(items)
        except IntakeUnavailable as error:
            self.metrics.inc("helpline_webhook_unavailable_total", platform=platform)
            log.warning("update not stored, answered 503", extra={"platform": platform, "reason": str(error)})
            return 503
        fresh = sum(accepted)
        if log.isEnabledFor(logging.DEBUG):
            for item, stored in zip(items, accepted, strict=True):
                log.debug("update stored" if stored else "duplicate update", extra={
                    "platform": platform, "update": item.key, "lane": item.lane, "bytes": len(item.payload)})
        if fresh:
            self.metrics.inc("helpline_updates_received_total", fresh, platform=platform)
        if fresh < len(accepted):
            self.metrics.inc("helpline_updates_duplicate_total", len(accepted) - fresh, platform=platform,
                             stage="webhook")
        return 200

    async def forget(self, key: StateKey) -> None:
        """The user's data is being erased: so are the updates of their conversation set aside."""
        erased = await self.queue.forget_lane(conversation_lane(key))
        if erased:
            log.info("set-aside updates erased with the user's data", extra={"count": erased})

    # -- the worker -------------------------------------------------------------------------------
    def start_worker(self) -> None:
        """Process stored updates in this process, in the background (`serve`)."""
        if self.worker is None or self._task is not None:
            return
        self.worker_expected = True
        self._task = asyncio.create_task(self.worker.run(self._stop), name="helpline-worker")

    async def run_worker(self, stop: asyncio.Event) -> None:
        """Process stored updates until `stop` is set (`python -m bot worker`)."""
        assert self.worker is not None, "attach() first"
        self.worker_expected = True
        await self.worker.run(stop)

    def worker_alive(self) -> bool:
        if self.worker is None:
            return False
        if self._task is not None and self._task.done():
            return False
        return time.monotonic() - self.worker.heartbeat < WORKER_STALL_SECONDS

    async def wait_idle(self) -> None:
        if self.worker is not None:
            await self.worker.wait_idle()

    async def exposition(self) -> str:
        scraped: dict[tuple[str, str], float] = {}
        with contextlib.suppress(Exception):  # the queue figures are left out while Redis is down
            for name, value in (await self.queue.depth()).items():
                scraped[("helpline_queue", name)] = value
        scraped[("helpline_worker_active", "")] = self.worker.active if self.worker is not None else 0
        for name, value in self.outbox_counts.items():
            scraped[("helpline_outbox_total", name)] = value
        for route in self.routes.values():
            for name, value in route.counters().items():
                scraped[("helpline_channel_total", name)] = value
        return self.metrics.render(scraped)

    async def close(self) -> None:
        self._stop.set()
        if self._task is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        await self.ordering.close()
        await self.queue.close()
        if self.redis is not None:
            await self.redis.aclose()


"""`python -m bot worker`: process the stored updates from Redis until SIGTERM or SIGINT.

Run as many as needed, on as many machines, against the same Redis and database; each takes
lanes from the consumer group, and one that dies has its unfinished lanes taken over by the
others. With `METRICS_PORT` set it answers GET /metrics, /healthz and /readyz there.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import sys

from bot import heap
from bot.delivery.metrics import start_server
from bot.settings import Settings

log = logging.getLogger(__name__)


def main(settings: Settings) -> int:
    """Run the worker on uvloop when it is installed (a faster event loop), else on asyncio's."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(run(settings))
    return int(uvloop.run(run(settings)))


async def run(settings: Settings) -> int:
    if not settings.redis_url:
        print("Set REDIS_URL: a separate worker reads the updates the webhook servers stored in Redis.\n"
              "Without Redis, `python -m bot serve` processes them itself.", file=sys.stderr)
        return 2
    from bot.app import build_application

    application = await build_application(settings)
    heap.settle()
    pipeline = application.pipeline
    assert pipeline is not None
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    server: asyncio.Server | None = None
    if settings.metrics_port is not None:
        server = await start_server(application, settings.host, settings.metrics_port)
    log.info("worker started", extra={"platforms": ",".join(sorted(pipeline.routes)),
                                      "concurrency": settings.worker_concurrency})
    try:
        await pipeline.run_worker(stop)
    finally:
        if server is not None:
            server.close()
        await application.close()
    log.info("worker stopped")
    return 0



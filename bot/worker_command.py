"""`python -m bot worker`: process the stored updates from Redis until SIGTERM or SIGINT.

Run as many as needed, on as many machines, against the same Redis and database; each takes
lanes from the consumer group, and one that dies has its unfinished lanes taken over by the
others. With `METRICS_PORT` set it answers GET /metrics, /healthz and /readyz there.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import signal
import sys
from typing import Any

from bot.delivery.metrics import checks
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
    pipeline = application.pipeline
    assert pipeline is not None
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    server: asyncio.Server | None = None
    if settings.metrics_port is not None:
        server = await asyncio.start_server(lambda r, w: _answer(application, r, w), settings.host,
                                            settings.metrics_port)
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


async def _answer(application: Any, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """A minimal HTTP/1.0 answer: GET /metrics, /healthz or /readyz."""
    try:
        request = await asyncio.wait_for(reader.readline(), 5)
        path = request.decode("latin-1").split(" ")[1] if request.count(b" ") >= 2 else ""
        status, kind, body = 404, "text/plain", "not found\n"
        if path == "/metrics":
            status, kind = 200, "text/plain; version=0.0.4; charset=utf-8"
            body = await application.pipeline.exposition()
        elif path in ("/healthz", "/readyz"):
            found = await checks(application)
            ok = all(found.values()) if path == "/healthz" else found.get("intake", False) and found.get("worker", True)
            status, kind = (200 if ok else 503), "application/json"
            body = json.dumps({"ok": ok, "checks": found, "failing": [k for k, v in found.items() if not v]})
        data = body.encode()
        writer.write(f"HTTP/1.0 {status} X\r\nContent-Type: {kind}\r\nContent-Length: {len(data)}\r\n\r\n".encode()
                     + data)
        await writer.drain()
    except (TimeoutError, OSError, IndexError):
        pass
    finally:
        writer.close()
        with contextlib.suppress(OSError):
            await writer.wait_closed()

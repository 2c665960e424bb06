"""The bare floor: a web server that parses the body and makes one Redis round trip, nothing else.

`python -m bench.floor PORT REDIS_URL` (started by bench/load.py)."""

from __future__ import annotations

import json
import sys

from aiohttp import web
from redis.asyncio import BlockingConnectionPool, Redis


def main() -> None:
    port, redis_url = int(sys.argv[1]), sys.argv[2]
    redis = Redis(connection_pool=BlockingConnectionPool.from_url(redis_url, max_connections=64))

    async def receive(request: web.Request) -> web.Response:
        data = json.loads(await request.read())
        key = data.get("update_id") or data["entry"][0]["changes"][0]["value"]["messages"][0]["id"]
        await redis.set(f"floor:{key}", 1, nx=True, ex=600)  # the one round trip: an idempotency key
        return web.json_response({"ok": True})

    app = web.Application()
    app.router.add_post("/telegram/webhook", receive)
    app.router.add_post("/whatsapp/webhook", receive)
    web.run_app(app, host="127.0.0.1", port=port, access_log=None, print=None, backlog=2048)


if __name__ == "__main__":
    main()

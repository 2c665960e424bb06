"""How long a sent message stays unrecorded: `.venv/bin/python -m bench.outbox_window [REDIS_URL]`.

Since a message is recorded as soon as the platform accepted it (bot/delivery/outbox.py), the window
in which a killed worker would send it again is the platform's round trip (a request in flight at
the kill may still be accepted) plus one `record_sent` round trip to the state store.
This times the second part on the given Redis (default: the local test server, a fresh prefix,
deleted afterwards) and prints its percentiles; before, the window also held the per-chat pacing
wait before the next message (SEND_CHAT_INTERVAL_SECONDS: about a second on Telegram).
"""

from __future__ import annotations

import asyncio
import secrets
import statistics
import sys
import time

from storage.redis_state import RedisStateStore

ROUNDS = 2000


async def main(url: str) -> None:
    prefix = f"bench-window-{secrets.token_hex(4)}"
    store = RedisStateStore(url, prefix=prefix)
    took: list[float] = []
    try:
        for n in range(ROUNDS):
            started = time.perf_counter()
            await store.record_sent(f"update:{n % 50}", [f"chat:{n}"], 60)
            took.append((time.perf_counter() - started) * 1000)
    finally:
        keys = [key async for key in store._redis.scan_iter(match=f"{prefix}:*")]
        if keys:
            await store._redis.delete(*keys)
        await store.close()
    took.sort()
    p = lambda q: took[min(len(took) - 1, int(q * len(took)))]  # noqa: E731
    print(f"record_sent round trip on {url} ({ROUNDS} records): p50 {p(0.5):.3f} ms, p99 {p(0.99):.3f} ms, "
          f"max {took[-1]:.3f} ms, mean {statistics.fmean(took):.3f} ms")
    print("the window in which a killed worker sends a message again: the platform's round trip plus this one "
          "(it also held the pacing wait before the next message, ~1 s on Telegram)")


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1] if len(sys.argv) > 1 else "redis://127.0.0.1:6379/0"))

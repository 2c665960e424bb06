"""`python -m bot rotate-key`: re-encrypt the free text at rest with the current key: the database's
columns (storage/rotation.py) and, with REDIS_URL, the drafts in conversation states and the replies
kept in marks (each written back only if unchanged, with its time to live kept).

Rotation (docs/deployment.md): add a new key to ENCRYPTION_KEYS, make it ENCRYPTION_KEY_ID, restart
the bot (new values use it; old ones still read with their keys), run this command until it
reports nothing left, then remove the old key. `--new-key` prints a fresh random key.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from typing import Any

from redis.asyncio import Redis

from bot.context import REPLY_PREFIX, decode_reply, encode_reply
from bot.settings import Settings
from storage import crypto
from storage.crypto import EncryptionError, KeyRing
from storage.factory import build_case_store, migrate
from storage.redis_state import decode_state, encode_state
from storage.rotation import rotate

# Write the new value only over the one read, keeping the key's time to live.
_SWAP = """
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL')
return 1
"""


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register `rotate-key` on the subparsers of `python -m bot`."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "rotate-key", help="re-encrypt the stored free text with ENCRYPTION_KEY_ID (batched, resumable)",
        description="Re-encrypts descriptions, links, drafts, conversation logs and addresses with the "
                    "current key (ENCRYPTION_KEY_ID); safe to stop and run again.")
    parser.add_argument("--new-key", action="store_true", help="print a new random key for ENCRYPTION_KEYS and exit")
    parser.add_argument("--batch", type=int, default=500, help="rows per transaction (default 500)")
    return parser


def run(args: argparse.Namespace, settings: Settings) -> int:
    if args.new_key:
        print(crypto.generate_key())
        return 0
    try:
        counts = asyncio.run(_rotate(settings, max(1, args.batch)))
    except EncryptionError as error:
        print(f"Stopped: {error}. What was re-encrypted stays done; run again once fixed.", file=sys.stderr)
        return 1
    total = sum(counts.values())
    for purpose, count in counts.items():
        print(f"{purpose}: {count} value(s) re-encrypted")
    print(f"Done: {total} value(s) now under key {settings.encryption_key_id!r}; every value is. "
          "Keys no longer used may now be removed from ENCRYPTION_KEYS.")
    return 0


async def _rotate(settings: Settings, batch: int) -> dict[str, int]:
    await migrate(settings.database_url)
    cases = build_case_store(settings.database_url, settings.database_pool_size)
    try:
        counts = await rotate(cases.engine, settings.keyring, batch=batch)
    finally:
        await cases.close()
    if settings.redis_url:
        redis = Redis.from_url(settings.redis_url, decode_responses=True, socket_connect_timeout=5, socket_timeout=10)
        try:
            counts.update(await rotate_redis(redis, settings.redis_prefix, settings.keyring))
        finally:
            await redis.aclose()
    return counts


async def rotate_redis(redis: Redis, prefix: str, ring: KeyRing) -> dict[str, int]:
    """Re-encrypt the drafts of conversation states and the replies kept in marks (`ring` must be
    the process's key ring: storage.crypto.use)."""
    swap = redis.register_script(_SWAP)
    counts = {"redis state drafts": 0, "redis kept replies": 0}
    async for key in redis.scan_iter(match=f"{prefix}:state:*", count=500):
        raw = _text(await redis.get(key))
        stored = json.loads(raw).get("draft") if raw else None
        if not stored or (isinstance(stored, str) and ring.is_current(stored)):
            continue
        fresh = encode_state(decode_state(raw))
        counts["redis state drafts"] += int(await swap(keys=[key], args=[raw, fresh]))
    async for key in redis.scan_iter(match=f"{prefix}:mark:*", count=500):
        raw = _text(await redis.get(key))
        if not raw.startswith(REPLY_PREFIX) or ring.is_current(raw[len(REPLY_PREFIX):]):
            continue
        saved = decode_reply(raw)
        if saved is not None:
            counts["redis kept replies"] += int(await swap(keys=[key], args=[raw, encode_reply(*saved)]))
    return counts


def _text(value: str | bytes | None) -> str:
    return "" if value is None else value if isinstance(value, str) else value.decode()
